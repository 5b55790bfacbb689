"""STOP (the whole message: ``bot.channels.render.keyword``) that reaches the assistant. On the
SMS and Telegram the channel answers it first (an opt-out, ``render.STOP_TEXT``); on REST and the
web widget, which send nothing of their own, the conversation is closed: said so (never "vous ne
recevrez plus de messages", the SMS's words), and the next message starts a new one."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.channels import render


def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
    """The words that fit the channel, and the events: the conversation restarted (its request,
    its places and its questions forgotten by the assistant) where STOP closes it."""
    if (tracker.get_latest_input_channel() or "") in render.PUSHING_CHANNELS:
        dispatcher.utter_message(response="utter_stopped")
        return [SlotSet("awaiting", None), SlotSet("fail_count", 0.0)]
    dispatcher.utter_message(response="utter_conversation_closed")
    return [Restarted()]
