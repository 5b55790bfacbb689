"""A message in English (round t152's tester: "Hello, I need help to fill in my residence permit
application online, I live in Paris", then "with someone please"). Its need and its town are
read as in French; once in the conversation, one line in English says that the assistant answers
in French and the places help in French, with the helpline. Every other text stays French: this
line is the only one in English (``domain.yml``: ``utter_in_english``)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions.message_text import clean_text, is_button

# Small words of English that French does not use (never "a", "on", "me", "vie"...).
_ENGLISH = frozenset((
    "the", "i", "i'm", "i'd", "my", "to", "in", "with", "please", "need", "help", "live",
    "someone", "somebody", "alone", "myself", "how", "where", "can", "you", "is", "are",
    "do", "does", "what", "want", "would", "like", "of", "and", "it", "this", "that",
    "hello", "hi", "thanks", "thank", "yes", "online", "application", "file", "fill",
    "apply", "get", "find",
))  # fmt: skip
_FRENCH = frozenset((
    "je", "j'", "le", "la", "les", "de", "des", "du", "un", "une", "mon", "ma", "mes",
    "pour", "avec", "et", "est", "suis", "au", "aux", "en", "que", "qui", "ne", "pas",
    "c'est", "j'ai", "bonjour", "merci", "oui", "non", "aide", "besoin",
))  # fmt: skip
_WORD = re.compile(r"[a-z']+")


def in_english(text: str) -> bool:
    """Whether ``text`` is written in English: two English small words at least, more than
    twice its French ones, and a third of its words (never "ok", "yes" alone, nor a French
    message naming an English word)."""
    words = _WORD.findall((text or "").lower().replace("\u2019", "'"))
    english = sum(w in _ENGLISH for w in words)
    french = sum(w in _FRENCH for w in words)
    return english >= 2 and english > 2 * french and english >= len(words) / 3


def _earlier_english(tracker: Tracker) -> bool:
    """An earlier message of the person's was in English (the line was said then)."""
    said = [e for e in tracker.events if e.get("event") == "user"][:-1]
    return any(
        in_english(clean_text(e.get("text"))) for e in said if not is_button(e.get("text") or "")
    )


def say_once(dispatcher: CollectingDispatcher, start: int, tracker: Tracker, text: str) -> None:
    """The line in English, first among the messages sent from ``start`` on (after them when
    they give emergency numbers), the first time the person writes in English."""
    if is_button(text) or not in_english(text) or _earlier_english(tracker):
        return
    line = CollectingDispatcher()
    line.utter_message(
        response="utter_in_english",
        helpline_name=fmt.HELPLINE_NAME,
        helpline_phone=fmt.HELPLINE_PHONE,
    )
    sent = dispatcher.messages[start:]
    kinds = {((m.get("custom") or {}).get("orienteur") or {}).get("type") for m in sent}
    if kinds & {"emergency", "danger_check"}:
        dispatcher.messages.extend(line.messages)
    else:
        dispatcher.messages[start:start] = line.messages
