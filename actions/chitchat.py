"""Which small talk the NLU read: the sub-intent of the retrieval intent ``chitchat``
(``chitchat/greet``…) named as the domain's response for it (``utter_chitchat/greet``), and the
small talk about the talk itself (thanks, goodbye, "t'es un robot ?"), never read for a need.
Read by the follow-up of the mode question (``actions.orient_flow``) and by the small talk's
action."""

from __future__ import annotations

from rasa_sdk import Tracker

# Small talk is the retrieval intent `chitchat`; the ResponseSelector names the sub-intent
# (`chitchat/greet`...) and the domain has one response per sub-intent (`utter_chitchat/greet`).
SMALLTALK = ("greet", "goodbye", "thank", "insult", "bot_challenge", "confused")


# Small talk about the talk itself (thanks, goodbye, "t'es un robot ?"): never read for a need.
ABOUT_THE_TALK = ("utter_chitchat/thank", "utter_chitchat/goodbye", "utter_chitchat/bot_challenge")


def smalltalk_response(tracker: Tracker) -> str:
    """``utter_chitchat/<sub-intent>`` for the latest message; ``confused``'s when unknown."""
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    key = intent.get("full_retrieval_intent_name")
    if not key:
        selected = (message.get("response_selector") or {}).get("chitchat") or {}
        key = (selected.get("response") or {}).get("intent_response_key")
    sub = (key or intent.get("name") or "").split("/")[-1]
    return f"utter_chitchat/{sub if sub in SMALLTALK else 'confused'}"
