"""A button's rank or title typed instead of tapped ("le 2", "2", "la deuxième", "Apprendre
seul") after any question with buttons (the mode question, the need buttons): the button it
points to, read as ``actions.place_pick`` reads a place of a list (one reader), and the message
as the button would have sent it."""

from __future__ import annotations

import json
import re

from rasa_sdk import Tracker

from actions import place_pick

_PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$", re.S)


def chosen(buttons: list[dict], text: str) -> dict | None:
    """The button (``title``, ``payload``) that ``text`` points to, None for anything else."""
    if not buttons or text.startswith("/"):
        return None
    numbered = [{"number": i, "name": b["title"], "button": b} for i, b in enumerate(buttons, 1)]
    picked = place_pick.picked(numbered, text)
    return picked["button"] if picked else None


def pressed(tracker: Tracker, buttons: list[dict], text: str) -> Tracker | None:
    """``tracker`` as if the button ``text`` points to had been pressed: its payload as the
    message, with the payload's intent and entities. None when it points to none."""
    button = chosen(buttons, text)
    payload = _PAYLOAD.match(button["payload"]) if button else None
    if payload is None:
        return None
    values = json.loads(payload.group(2)) if payload.group(2) else {}
    typed = tracker.copy()
    typed.latest_message = {
        **tracker.latest_message,
        "text": button["payload"],
        "intent": {"name": payload.group(1), "confidence": 1.0},
        "entities": [{"entity": k, "value": v} for k, v in values.items()],
    }
    return typed
