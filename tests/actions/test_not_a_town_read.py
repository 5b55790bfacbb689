"""What is not a town is never searched as one (t181's tester over REST, sections 4 and 5):
words about a relative or a verb read as a commune by a near-miss (« c pr ma mere » → Méré,
« c'est pour ma maman » → Mazan, « il faut rdv ? » → Faux), and whatever is typed while the
town is asked quoted back as an unknown town (« Je ne trouve pas « ok » »). Real actions on
the real embedded directory; the intents the NLU gives."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

NOT_FOUND = "Je ne trouve pas"
CHOICE = "Il y a plusieurs communes avec ce nom"


@pytest.mark.parametrize(
    "message, intent, town",
    [
        ("c pr ma mere", "inform", "Méré"),
        ("c'est pour ma maman", "inform", "Mazan"),
        ("c pour mon pere", "nlu_fallback", "Péré"),
        ("c pour mon pere", "inform", "Péré"),
        ("pour ma soeur", "inform", "Seur"),
    ],
)
def test_words_about_a_relative_or_a_verb_are_no_town(real, message, intent, town):
    talk = Talk()
    text = rest_text(talk.say(message, intent))
    assert town not in text and CHOICE not in text and NOT_FOUND not in text, text
    assert "je chercherai près de" not in text, text


def test_a_verb_typed_when_the_town_is_asked_is_no_town(real):
    """« il faut rdv ? » after a desk note whose town was not read: never Faux (24)."""
    talk = Talk()
    talk.say("monsieur veut faire sa carte grise en ligne, pas d'email", "ask_help")
    text = rest_text(talk.say("il faut rdv ?", "nlu_fallback"))
    assert "Faux" not in text and CHOICE not in text and NOT_FOUND not in text, text


@pytest.mark.parametrize("message", ["à Méré", "Méré"])
def test_an_exact_commune_said_as_a_place_stays_a_town(real, message):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour la caf", "ask_help")
    msgs = talk.say(message, "inform", [ent("location", "Méré")])
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert CHOICE in rest_text(msgs) and titles[:2] == ["Méré (78)", "Méré (89)"], msgs


@pytest.mark.parametrize(
    "answer, intent",
    [
        ("jy arrive pas", "deny"),
        ("mdp oublié", "ask_help"),  # forget_me, read as a request (ActionForgetMe)
        ("non", "deny"),
        ("ok", "affirm"),
        ("daccord", "affirm"),
        ("oui", "affirm"),
        ("elle a 80 an", "inform"),
        ("il a 85 ans", "inform"),
        ("ok pour papier alors", "affirm"),
        ("merci, et pour moi le 1 c'est ouvert mercredi ?", "inform"),
    ],
)
def test_an_answer_that_is_no_place_is_never_quoted_as_an_unknown_town(real, answer, intent):
    talk = Talk()
    asked = rest_text(talk.say("j'ai besoin d'aide pour la caf", "ask_help"))
    assert "ville" in asked or "commune" in asked, asked
    text = rest_text(talk.say(answer, intent))
    assert NOT_FOUND not in text and CHOICE not in text, text
    assert "commune" in text or "ville" in text or "code postal" in text, text


def test_the_town_is_asked_again_plainly_then_with_the_helpline_never_quoted(real):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour la caf", "ask_help")
    first = rest_text(talk.say("ok", "affirm"))
    second = rest_text(talk.say("ok", "affirm"))
    assert NOT_FOUND not in first + second, (first, second)
    assert first != second, first  # never the same question twice alike


def test_a_town_known_is_never_asked_again(real):
    """t181 d12: the desk's note gave the town, the need was not read; the next message is no
    town and gets no « Je ne trouve pas », nor the town asked again."""
    talk = Talk()
    note = "agriculteur 58a, télépac, coin paumé : Saint-Flour"
    first = rest_text(talk.say(note, "inform", [ent("location", "Saint-Flour")]))
    assert "Saint-Flour (15)" in first, first
    text = rest_text(talk.say("lui faut un rdv, lequel prend les rdv ?", "inform"))
    assert NOT_FOUND not in text and "code postal" not in text, text
    assert "Dans quelle ville" not in text and "commune" not in text, text


def test_the_first_words_of_a_longer_name_in_a_desk_note_are_the_town(real):
    """t181 d06: « Plougastel » (Plougastel-Daoulas, no commune « Plougastel ») in a desk note:
    the first-words rule, which the locator applies to short messages only, read in the
    sentence too; never « Dans quelle ville… ? »."""
    note = "accueil mairie Plougastel : monsieur veut faire sa carte grise en ligne, pas d'email"
    talk = Talk()
    text = rest_text(talk.say(note, "ask_help", [ent("procedure", "ants")]))
    if "fasse la démarche avec vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    assert "Plougastel-Daoulas" in text and "Dans quelle ville" not in text, text
