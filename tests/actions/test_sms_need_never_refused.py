"""Needs said in SMS spelling are never refused (tester t207, h12 and a04): after a list, « je
veu racheter un tel pa cher » got « Je ne peux pas vous aider pour cela » though a cheap phone
was one of the assistant's own buttons; « je cherche qqn », the start of a sentence, was refused
too. Real actions on the real embedded directory, the intents the NLU gave these messages."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, payloads, rest_text
from tests.conftest_actions import ent

REFUSED = "Je ne peux pas vous aider pour cela"


def marseille_list() -> Talk:
    talk = Talk()
    talk.say("je dois apprendre à me servir de mon téléphone à Marseille", "ask_help",
             [ent("need", "smartphone"), ent("location", "Marseille")])  # fmt: skip
    return talk


@pytest.mark.parametrize("cheap", [
    "je veu racheter un tel pa cher",
    "jveux un ordi pa cher",
    "il me faut un nouveau tel pas cher, j'ai plus de sous",
    "et je voudrai acheter un portable pa trop cher svp",
])  # fmt: skip
def test_a_cheap_device_asked_in_sms_after_a_list_gets_places(real, cheap):
    talk = marseille_list()
    msgs = talk.say(cheap, "out_of_scope")
    said = rest_text(msgs)
    assert REFUSED not in said, said
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"] and "petit prix" in intro_of(said), said[:400]


@pytest.mark.parametrize(("start", "intent"), [
    ("je cherche qqn", "out_of_scope"),
    ("je cherche quelqu un", "nlu_fallback"),
    ("jcherche qq1", "out_of_scope"),
    ("je voudrais qqn", "chitchat/greet"),
    ("bonjour je cherche quelqu'un svp", "nlu_fallback"),
])  # fmt: skip
def test_the_start_of_a_request_in_sms_gets_the_need_asked(real, start, intent):
    talk = Talk()
    talk.say("bonjour", "chitchat/greet")
    said = rest_text(talk.say(start, intent))
    assert REFUSED not in said and "pas bien compris" not in said, said
    assert talk.slots.get("awaiting") == "need", said
