"""The mode question ("Voulez-vous que quelqu'un fasse la démarche avec vous, ou préférez-vous
apprendre ?") is asked once: a reply that does not choose, or "je sais pas", takes the default
(someone helps), said in one line, and the places come, with the day asked (tester, round 17:
"logement social, Auxerre", "plus près ?", "c'est ouvert le samedi ?" got the question three
times). Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, payloads, rest_text
from tests.conftest_actions import ent

QUESTION = "Voulez-vous que quelqu'un fasse la démarche avec vous"
DEFAULT_LINE = "quelqu'un vous aide"


def mode_asked() -> Talk:
    talk = Talk()
    msgs = talk.say(
        "je ne sais pas lire ni écrire bien, je veux aide pour papiers, j'habite à Auxerre",
        "ask_help",
        [ent("location", "Auxerre")],
    )
    assert QUESTION in rest_text(msgs) and talk.slots["awaiting"] == "mode", rest_text(msgs)
    return talk


def places_with_default(msgs: list[dict]) -> dict:
    said = rest_text(msgs)
    assert QUESTION not in said and DEFAULT_LINE in said, said
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"] and reco["location"]["commune"] == "Auxerre"
    return reco


@pytest.mark.parametrize("intent", ["inform", "nlu_fallback"])
def test_a_reply_that_does_not_choose_takes_the_default_at_once(real, intent):
    """Asked once only (tester t181: asked again word for word, three turns with no place)."""
    talk = mode_asked()
    places_with_default(talk.say("plus près ?", intent))
    assert talk.slots["mode"] == "avec_moi"


@pytest.mark.parametrize(("reply", "constraint"), [
    ("je suis en fauteuil roulant, c'est accessible ?", "accessible"),
    ("c'est ouvert le samedi ?", "samedi"),
])  # fmt: skip
def test_a_reply_saying_what_the_places_must_be_gets_them_at_once(real, reply, constraint):
    """Round 24's tester (SMS, no buttons seen): « je suis en fauteuil roulant, c'est accessible
    ? » got the question again, word for word."""
    talk = mode_asked()
    places_with_default(talk.say(reply, "inform"))
    assert constraint in talk.slots["constraints"]


@pytest.mark.parametrize("intent", ["deny", "nlu_fallback", "out_of_scope"])
def test_je_sais_pas_takes_the_default_at_once(real, intent):
    talk = mode_asked()
    places_with_default(talk.say("je sais pas", intent))
    assert talk.slots["mode"] == "avec_moi"


# --- "je comprends pas" after the mode question: said again in simpler words, the same buttons;
# not understood again: the default, said, and the places (never the question word for word).
SIMPLER = "une personne fait la démarche avec vous"


@pytest.mark.parametrize(
    "confused, intent",
    [
        ("je comprends pas", "nlu_fallback"),
        ("j'ai pas compris", "deny"),
        ("c'est quoi la différence ?", "out_of_scope"),
        ("hein ?", "nlu_fallback"),
        ("je comprend rien", "inform"),
    ],
)
def test_the_mode_question_not_understood_is_said_simply_then_the_default(real, confused, intent):
    talk = mode_asked()
    msgs = talk.say(confused, intent)
    said = rest_text(msgs)
    assert SIMPLER in said and QUESTION not in said, said
    assert [b["title"] for m in msgs for b in m.get("buttons") or []] == [
        "Avec quelqu'un", "Apprendre seul",
    ], msgs  # fmt: skip
    assert talk.slots["awaiting"] == "mode"
    places_with_default(talk.say(confused, intent))  # not a loop
    assert talk.slots["mode"] == "avec_moi"


def test_the_simpler_words_then_a_button_gives_that_choice(real):
    talk = mode_asked()
    talk.say("je comprends pas", "nlu_fallback")
    talk.say('/inform{"mode": "autonomie"}', "inform", [ent("mode", "autonomie")])
    assert talk.slots["mode"] == "autonomie"
