"""bot.channels.guard.never_silent, without Rasa running: every turn answers something."""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guard import UNAVAILABLE_TEXT, never_silent


def turn(handler, timeout=5.0, output=None):
    output = output or CollectingOutputChannel()
    message = UserMessage("bonjour", output, "someone", input_channel="rest")
    asyncio.run(never_silent(handler, timeout=timeout)(message))
    assert message.output_channel is output  # given back as it was
    return output.messages


async def answers(message):
    await message.output_channel.send_response(message.sender_id, {"text": "Bonjour !"})


async def says_nothing(message):
    return None


async def fails(message):
    raise RuntimeError("action server down")


async def hangs(message):
    await asyncio.sleep(30)


def test_a_turn_that_answers_is_left_alone():
    assert [m["text"] for m in turn(answers)] == ["Bonjour !"]


def test_silence_failure_and_timeout_get_the_apology():
    for handler, timeout in ((says_nothing, 5.0), (fails, 5.0), (hangs, 0.2)):
        messages = turn(handler, timeout)
        assert messages[0]["text"] == UNAVAILABLE_TEXT, handler
        assert "01 70 77 23 72" in UNAVAILABLE_TEXT
        assert messages[1]["custom"]["orienteur"]["type"] == "unavailable"


def test_a_shared_output_channel_is_not_patched():
    shared = CollectingOutputChannel()
    turn(answers, output=shared)
    assert "send_response" not in vars(shared)
    assert len(turn(says_nothing, output=shared)) == 3  # Bonjour + apology text + payload
