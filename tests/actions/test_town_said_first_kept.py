"""A town said in the first message is kept (t181's tester over REST, section 7): « Bonjour,
vous connaissez Lannion ? » got a greeting and Lannion was lost, so « j'y habite, j'ai reçu une
amende… » then « avec quelqu'un » got « Dans quelle ville… ? ». And the town the person lives
in is the one searched: « Je vis à Plouha près de Paimpol » asked « près de Plouha ou de
Paimpol ? », then « oui » got « Je ne trouve pas « oui » ». Real actions on the real embedded
directory; the intents and entities the NLU gives."""

from __future__ import annotations

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

NOT_FOUND = "Je ne trouve pas"


def test_a_town_in_a_greeting_is_kept_for_the_request(real):
    talk = Talk()
    first = rest_text(talk.say("Bonjour, vous connaissez Lannion ?", "chitchat",
                               [ent("location", "Lannion")]))  # fmt: skip
    assert "Lannion (22)" in first, first
    request = "j'y habite, j'ai reçu une amende et il faut la contester sur internet"
    text = rest_text(talk.say(request, "ask_help", [ent("need", "securite")]))
    if "fasse la démarche avec vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    assert "Dans quelle ville" not in text and NOT_FOUND not in text, text
    assert "Lannion" in text, text


PLOUHA = ("J'ai 71 ans, on m'a offert une tablette et je ne sais même pas l'allumer. Je vis à "
          "Plouha près de Paimpol")  # fmt: skip
PLOUHA_TAGS = [ent("need", "smartphone"), ent("location", "Plouha"), ent("location", "Paimpol")]


def test_the_town_lived_in_is_searched_near_another_only_situates_it(real):
    text = rest_text(Talk().say(PLOUHA, "ask_help", PLOUHA_TAGS))
    assert "Où dois-je chercher" not in text, text
    if "fasse la démarche avec vous" not in text:
        assert "Plouha" in text, text


def test_yes_to_two_towns_asks_again_with_their_numbers(real):
    talk = Talk()
    asked = rest_text(talk.say("je suis à Lille et à Arras, je cherche de l'aide pour la caf",
                               "ask_help", [ent("location", "Lille"), ent("location", "Arras")]))
    assert "Où dois-je chercher" in asked, asked
    text = rest_text(talk.say("oui", "affirm"))
    assert NOT_FOUND not in text, text
    assert "1. Lille (59)" in text and "2. Arras (62)" in text and "Répondez 1 ou 2" in text, text
    assert "Où dois-je chercher" in text, text
