"""« perdu », « je suis perdue », « chui perdu » said after the greeting: the person is lost with
the digital stuff and does not know where to start — the gentle need question with the need
menu, whatever intent the NLU gives (helper e210; before the fix: « Je ne peux pas vous aider
pour cela » when read off-topic, « Je n'ai pas bien compris » when not understood, the emergency
numbers when read as danger, and for the small talk a line with no menu). A thing lost (« j'ai
perdu mon téléphone », « … mes codes », « … mon mot de passe ») stays a need. Real actions, real
directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, numbers_given, rest_text

NEED_ASKED = "Dites-moi en quelques mots ce qui vous pose problème"
WHERE = "Dans quelle ville ou quel code postal"


@pytest.mark.parametrize("message", ["perdu", "je suis perdue", "chui perdu", "je suis perdu",
                                     "je suis complètement perdue", "jsuis perdu avec tout ça",
                                     "trop perdue", "je suis un peu perdu moi"])  # fmt: skip
@pytest.mark.parametrize(
    "intent", ["chitchat/confused", "out_of_scope", "nlu_fallback", "emergency", "inform"]
)
def test_lost_after_the_greeting_gets_the_need_question(real, message, intent):
    talk = Talk()
    talk.say("bonjour", "chitchat/greet")
    msgs = talk.say(message, intent)
    said = rest_text(msgs)
    assert NEED_ASKED in said and msgs[-1].get("buttons"), said
    for wrong in ("Je ne peux pas vous aider", "Je n'ai pas bien compris", "112"):
        assert wrong not in said, said
    assert not numbers_given(msgs)


@pytest.mark.parametrize(
    ("message", "intent", "need"),
    [
        ("j'ai perdu mon mot de passe", "ask_help", "quotidien"),
        ("j'ai perdu mes codes", "out_of_scope", "quotidien"),
        ("j'ai perdu mes identifiants", "ask_help", "quotidien"),
        ("j'ai perdu mon téléphone", "ask_help", None),
    ],
)
def test_a_thing_lost_stays_a_need(real, message, intent, need):
    talk = Talk()
    talk.say("bonjour", "chitchat/greet")
    said = rest_text(talk.say(message, intent))
    assert NEED_ASKED not in said and "Je ne peux pas vous aider" not in said, said
    needs = talk.slots.get("needs") or []
    assert (need in needs) if need else needs, (needs, said)
