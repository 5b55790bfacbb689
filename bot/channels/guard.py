"""Never silent: a turn that says nothing gets a short apology and the helpline.

Rasa 3.6 sends nothing when a custom action fails: the action server is down (connection
refused), answers an error, or is so slow that the turn would wait for Rasa's fixed 5-minute
request timeout. The processor logs the error and the person is left with silence.

``never_silent(on_new_message)`` wraps the callback a channel's ``blueprint`` receives. It counts
what the turn sends through the message's output channel (every bot message goes through
``OutputChannel.send_response``), bounds the turn to ``ORIENTEUR_TURN_TIMEOUT`` seconds (default
30; the turn is then cancelled, which releases the conversation's lock), and when the turn failed,
timed out or sent nothing, sends ``UNAVAILABLE_TEXT`` with the custom payload
``{"orienteur": {"type": "unavailable", "phone", "url"}}``. The next message is handled normally,
so the conversation resumes as soon as the action server is back.

A blank message is read without the NLU (``read_blank``). It also cuts a message longer than
``MAX_MESSAGE_CHARS`` before the NLU sees it (the NLU runs on Rasa's event loop: a 64 KB message
held every other conversation for 6 s) and says so first (``TOO_LONG_TEXT``); and rounds a shared
position as the tracker store keeps it (``bot.privacy.round_shared_position``), so that every turn
searches from the same point. Logs name the sender by a keyed hash (``bot.privacy.sender_ref``),
never by its id (a phone number for SMS).

Every input channel of the assistant uses it: REST (``bot.channels.rest``), socket.io, SMS and
Telegram.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot import rasa_patches
from bot.privacy import round_shared_position, sender_ref
from directory_client.labels import HELPLINE
from directory_client.text import PLACE_SAID, fold, last_sentences

logger = logging.getLogger(__name__)
rasa_patches.apply()  # every channel imports this module: the rasa process gets the fix

DEFAULT_TURN_TIMEOUT = 30.0
UNAVAILABLE_TEXT = (
    "Désolé, je n'arrive pas à vous répondre pour le moment. "
    f"Vous pouvez appeler {HELPLINE['name']} au {HELPLINE['phone']} "
    "(aide gratuite, prix d'un appel normal, du lundi au vendredi de 9 h à 18 h), ou me "
    "réécrire dans quelques minutes."
)
UNAVAILABLE_PAYLOAD = {
    "orienteur": {"type": "unavailable", "phone": HELPLINE["phone"], "url": HELPLINE["url"]}
}

# A letter is read whole: 2,000 to 3,000 characters is a retiree's letter (round 160's tester:
# 2,040 characters about a caisse de retraite, called "très long" and its need lost at 1,000),
# and the NLU reads 4,000 in under a second. Only longer is cut (what is stored of a message is
# bounded apart: bot/privacy.py's DEFAULT_MAX_TEXT).
MAX_MESSAGE_CHARS = 4000
_MAX_SAID = f"{MAX_MESSAGE_CHARS:,}".replace(",", "\u202f")  # « 4 000 », as French writes it
TOO_LONG_TEXT = (
    "Votre message est très long : je n'en lis que l'essentiel (le début, la fin et les phrases "
    f"qui disent ce qu'il faut faire et où, {_MAX_SAID} caractères). Vous pouvez me "
    "l'envoyer en plusieurs fois."
)
# A long message is read from its start, its last sentences (a letter ends with where the person
# lives: "J'habite à Périgueux."), and between them the sentences that say the request or the
# place (round 106's tester: "Je dois déclarer mes revenus sur impots.gouv… j'habite à Auxerre"
# in the middle of 2,600 characters), in their order.
_CUT = " […] "
_SENTENCE = re.compile(r"\S.*?(?:[.!?…]+(?=\s|$)|$)", re.MULTILINE)  # "impots.gouv" is one word
# What says the request (a need, a procedure) or the place, in a sentence (folded text).
_REQUEST_OR_PLACE = re.compile(
    r"\b(je dois|j'dois|il (me )?faut|je (voudrais|veux|souhaite|cherche)|j'(aimerais|ai besoin)"
    r"|besoin d'aide|aidez|aider a|pouvez-vous|comment (faire|je)|ou (aller|trouver)"
    r"|(je n'|j')arrive pas|je (ne )?sais pas|demande|declar\w*|dossier|renouvel\w*"
    r"|inscri\w*|en ligne|internet|ordinateur|\.gouv|\.fr)|" + PLACE_SAID.pattern
)


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def shorten(text: str) -> str:
    """``text`` within ``MAX_MESSAGE_CHARS``: its start, the sentences between that say the
    request or the place (``_REQUEST_OR_PLACE``), then its last sentences
    (``directory_client.text.last_sentences``), in their order, the start cut between words."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return text
    tail = last_sentences(text)
    tail_at = len(text) - len(tail)
    first = _sentences(text)[:1]
    head_end = first[0][0] + len(first[0][1]) if first else 0
    budget = MAX_MESSAGE_CHARS - len(tail) - len(_CUT)
    # The sentences saying most (request and place words) first, then kept in their order.
    said = [
        (len(set(m.group() for m in _REQUEST_OR_PLACE.finditer(fold(sentence)))), at, sentence)
        for at, sentence in _sentences(text[:tail_at])
        if at >= head_end
    ]
    middle: list[tuple[int, str]] = []
    room = budget - min(head_end, budget)
    for count, at, sentence in sorted(said, key=lambda c: (-c[0], c[1])):
        piece = sentence.strip()
        if count and len(piece) + len(_CUT) <= room:
            middle.append((at, piece))
            room -= len(piece) + len(_CUT)
    middle.sort()
    if middle:  # the request said in the middle: the first sentence only, no chatter around it
        head = text[: min(head_end, budget - sum(len(p) + len(_CUT) for _, p in middle))]
    else:
        head = text[: MAX_MESSAGE_CHARS - len(_CUT) - len(tail)]
    if len(head) < head_end and " " in head[-40:]:  # between words, when cut inside a sentence
        head = head.rsplit(" ", 1)[0]
    head = head.rstrip()
    kept = [p for at, p in middle if at >= len(head)]
    return _CUT.join([head, *kept, tail])


OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

# A blank message (an empty SMS, a stray Enter) never reaches the NLU: its featurizers fail on a
# text with no words, and the person was told the service was down. It is handed over as said:
# nothing understood (``nlu_fallback``), with no text; the action answers by the state of the
# conversation (actions/blank_turn.py: the welcome, or what one can say now).
BLANK_INTENT = "nlu_fallback"


def read_blank(message: UserMessage) -> None:
    """A message with no words (``""``, spaces) gets its reading without the NLU."""
    if message.parse_data or not isinstance(message.text, str) or message.text.strip():
        return
    message.text = ""
    message.parse_data = {"text": "", "intent": {"name": BLANK_INTENT, "confidence": 1.0},
                          "entities": [], "intent_ranking": []}  # fmt: skip


def turn_timeout() -> float | None:
    """``ORIENTEUR_TURN_TIMEOUT`` in seconds (``0`` or negative: no limit)."""
    try:
        value = float(os.environ.get("ORIENTEUR_TURN_TIMEOUT", DEFAULT_TURN_TIMEOUT))
    except ValueError:
        value = DEFAULT_TURN_TIMEOUT
    return value if value > 0 else None


def unavailable_message() -> dict[str, Any]:
    return {"text": UNAVAILABLE_TEXT, "custom": UNAVAILABLE_PAYLOAD}


class _Counting:
    """The turn's output channel, counting the bot messages sent through it.

    A wrapper rather than a patch: SMS and Telegram share one output channel between turns.
    Rasa only calls ``send_response`` and ``name`` on it; the rest is delegated.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.sent = 0

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    def name(self) -> str:
        return self.inner.name()

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


def never_silent(on_new_message: OnNewMessage, timeout: float | None = -1) -> OnNewMessage:
    """``on_new_message`` that always answers something (``timeout=-1``: from the environment)."""
    limit = turn_timeout() if timeout == -1 else timeout

    async def guarded(message: UserMessage) -> Any:
        if message.output_channel is None:
            return await on_new_message(message)
        output = _Counting(message.output_channel)
        message.text, message.metadata = round_shared_position(message.text, message.metadata)
        if isinstance(message.text, str) and len(message.text) > MAX_MESSAGE_CHARS:
            message.text = shorten(message.text)
            await _send(output.inner, message.sender_id, {"text": TOO_LONG_TEXT})
        read_blank(message)
        message.output_channel = output
        failure = result = None
        try:
            result = await asyncio.wait_for(on_new_message(message), limit)
        except asyncio.TimeoutError:
            failure = f"had no answer within {limit:g} s"
        except asyncio.CancelledError:
            raise  # the request itself went away: nobody to answer
        except Exception as error:  # noqa: BLE001 - the person gets an answer, the log the error
            failure = f"failed: {error!r}"
            logger.debug(error, exc_info=True)
        finally:
            message.output_channel = output.inner
        if failure or not output.sent:
            logger.error(
                "Turn of %s on %s %s: sending the apology and the helpline.",
                sender_ref(message.sender_id), message.input_channel, failure or "sent nothing",
            )  # fmt: skip
            await _send(output.inner, message.sender_id, unavailable_message())
        return result

    return guarded


async def _send(output: Any, recipient_id: str, message: dict[str, Any]) -> None:
    try:
        await output.send_response(recipient_id, message)
    except Exception as error:  # noqa: BLE001 - nothing more can be said to this person
        logger.error("Could not send to %s: %r", sender_ref(recipient_id), error)
