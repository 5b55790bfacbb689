"""A town typed alone as the FIRST message, when its name is also a word or short ("Nice",
"Tours", "Gap", "nice"), or a postcode alone: where the person is, and the assistant asks what
they need — as for "Poitiers" alone. The real model reads these as ``nlu_fallback`` ("Nice",
"nice"), ``inform`` ("Tours", "Gap") or ``out_of_scope`` ("Sens", "Orange", "Bègles"); a model
retrained may read them as a request or small talk: the gazetteer decides, whatever the intent.
A word inside a sentence ("c'est nice merci") and a real off-topic request ("je cherche un
médecin à Nice") are answered as before. Real actions on the embedded directory and Locator."""

from __future__ import annotations

import pytest

from actions import texts
from tests.actions.test_after_places import Talk, rest_text
from tests.conftest_actions import ent

INTENTS = ["out_of_scope", "ask_help", "chitchat"]


def _asks_the_need_near(msgs: list[dict], label: str) -> None:
    read = rest_text(msgs)
    assert read.startswith(f"C'est noté, je chercherai près de {label}."), read
    assert texts.text("utter_out_of_scope", question="", what="cela")[:30] not in read
    assert [b for m in msgs for b in m.get("buttons") or []], read  # the needs as buttons


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize("message, label", [
    ("Nice", "Nice (06)"), ("nice", "Nice (06)"), ("Tours", "Tours (37)"), ("Gap", "Gap (05)"),
    ("Lens", "Lens (62)"), ("foix", "Foix (09)"),
])  # fmt: skip
def test_a_town_whose_name_is_a_word_alone_is_where_the_person_is(real, intent, message, label):
    talk = Talk()
    msgs = talk.say(message, intent)
    _asks_the_need_near(msgs, label)
    assert talk.slots["location"]["label"] == label


@pytest.mark.parametrize("message, label, intent", [
    ("06000", "Nice (06)", "out_of_scope"), ("37000", "Tours (37)", "out_of_scope"),
    ("05000", "Gap (05)", "chitchat"),
])  # fmt: skip
def test_a_postcode_alone_is_where_the_person_is(real, intent, message, label):
    talk = Talk()
    msgs = talk.say(message, intent, [ent("location", message)])
    _asks_the_need_near(msgs, label)


@pytest.mark.parametrize("message", ["Vitré", "Sète", "Agde", "Metz", "Laval", "Bègles", "Orange"])
def test_other_short_towns_alone_read_as_small_talk_are_the_town(real, message):
    intent = "chitchat"  # "out_of_scope" took them already
    talk = Talk()
    msgs = talk.say(message, intent, [ent("location", message)])
    assert rest_text(msgs).startswith("C'est noté, je chercherai près ")
    assert talk.slots["location"]["commune"] == message


@pytest.mark.parametrize("message, intent, entities", [
    ("c'est nice merci", "chitchat", []),
    ("au plaisir", "chitchat", []),  # goodbye, not Plaisir (78)
    ("rien", "chitchat", []),
    ("Sens", "out_of_scope", []),  # the word, as before (test_town_written_apart)
    ("je cherche un médecin à Nice", "out_of_scope", [ent("location", "Nice")]),
    ("je veux réserver un hôtel à Tours", "out_of_scope", [ent("location", "Tours")]),
])  # fmt: skip
def test_a_word_in_a_sentence_and_real_off_topic_are_unchanged(real, message, intent, entities):
    talk = Talk()
    read = rest_text(talk.say(message, intent, entities))
    assert not read.startswith("C'est noté, je chercherai"), read
    assert not talk.slots.get("location")
