"""What the SMS/WhatsApp and Telegram channels share: settings parsing and per-channel state."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from bot.channels import render
from bot.channels.state import OptOutStore, TTLDict

logger = logging.getLogger(__name__)

_TRUE = {"1", "true", "yes", "on", "oui"}
_FALSE = {"0", "false", "no", "off", "non", ""}


def as_bool(value: Any, default: bool) -> bool:
    """Credentials come from YAML, often via ``${ENV}``: accept booleans and their spellings."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return default


def as_float(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def blank_to_none(value: Any) -> str | None:
    """A blank setting (``api_base_url: ""`` in credentials.yml) counts as not set."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def location_settings(credentials: Mapping[str, Any]) -> dict[str, str]:
    """How a shared position is handed to the assistant (see render.location_message)."""
    from bot.channels import render

    return {
        "intent": blank_to_none(credentials.get("location_intent")) or render.LOCATION_INTENT,
        "lat_entity": blank_to_none(credentials.get("location_lat_entity")) or render.LAT_ENTITY,
        "lon_entity": blank_to_none(credentials.get("location_lon_entity")) or render.LON_ENTITY,
    }


class ChannelState:
    """Per sender, shared by an input channel and its outputs: the choices awaiting a reply,
    the places last listed (a digit gives one in full) with what to bring, whether the menu was
    said (once per conversation); and the opt-outs."""

    def __init__(self, credentials: Mapping[str, Any] | None = None) -> None:
        credentials = credentials or {}
        ttl = as_float(credentials.get("choices_ttl"), 1800.0)
        maxsize = int(as_float(credentials.get("choices_max"), 10000))
        self.choices = TTLDict(ttl=ttl, maxsize=maxsize)
        self.places = TTLDict(ttl=ttl, maxsize=maxsize)  # sender → ({number: place}, bring)
        self.menu_said = TTLDict(ttl=6 * 3600.0, maxsize=maxsize)
        # The choices are a question's ("Lequel ? 1. … 2. …"): a digit answers it, not a place.
        self.asked = TTLDict(ttl=ttl, maxsize=maxsize)
        self.optouts = OptOutStore(blank_to_none(credentials.get("optout_db")))

    def forget(self, sender: str) -> None:
        for table in (self.choices, self.places, self.menu_said, self.asked):
            table.pop(sender)

    def ask(self, sender: str, choices: list) -> None:
        """The numbered choices of a question the sender is asked: its answer ("1", "le
        premier") goes to the question, before the places of the last list."""
        self.choices[sender] = choices
        self.asked[sender] = True

    def offer(self, sender: str, choices: list) -> None:
        """What one can say after a list ("D'autres lieux"): a digit still gives a place."""
        self.choices[sender] = choices
        self.asked.pop(sender)

    def remember_places(self, sender: str, places: list[dict], bring: list[str]) -> None:
        """Keep the places listed; the numbers of earlier pages stay valid."""
        known, _ = self.places.get(sender) or ({}, [])
        self.places[sender] = ({**known, **{p["number"]: p for p in places}}, bring)

    def place(self, sender: str, text: str | None) -> tuple[dict, list[str]] | None:
        """The place a reply "2" (or "2.") designates, with what to bring; never the answer to
        a question asked since ("Lequel ?")."""
        if self.asked.get(sender) and render.pick_choice(text, self.choices.get(sender),
                                                         ranks=True):
            return None
        digits = (text or "").strip().rstrip(".)").strip()
        if not (digits.isdigit() and len(digits) <= 2):
            return None
        known, bring = self.places.get(sender) or ({}, [])
        place = known.get(int(digits))
        return (place, bring) if place else None

    async def answer_keyword(self, sender: str, key: str, text: str | None, kind: str,
                             send: Callable[..., Awaitable[Any]]) -> bool:
        """STOP, START and AIDE as the channel answers them (never the assistant): True when
        the message was one of them, or came from an opted-out sender (nothing else is
        answered). ``key`` is the sender's opt-out key, ``send(text, ignore_optout=…)``."""
        word = render.keyword(text)
        if key in self.optouts:
            if word == "start":
                self.optouts.remove(key)
                await send(render.START_TEXT)
            return True
        if word == "stop":
            self.optouts.add(key, kind)
            self.forget(sender)
            await send(render.STOP_TEXT, ignore_optout=True)
            return True
        if word == "help":
            await send(render.HELP_TEXT)
            return True
        return False


class BackgroundTasks:
    """Answer the provider at once and handle the message in a task.

    Twilio gives up on a webhook after 15 s and Sanic cancels a request after 60 s (its response
    timeout): a slow action would otherwise cancel the whole turn. Tasks start in arrival order;
    Rasa's lock store then keeps each conversation's messages in order.
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def run(self, coroutine: Awaitable[Any], what: str) -> None:
        async def guarded() -> None:
            try:
                await coroutine
            except Exception as error:  # noqa: BLE001 - logged, the provider already has its 2xx
                logger.error("Exception when handling %s: %r", what, error)
                logger.debug(error, exc_info=True)

        task = asyncio.get_running_loop().create_task(guarded())
        self._tasks.add(task)  # keep a reference until done
        task.add_done_callback(self._tasks.discard)

    def __len__(self) -> int:
        return len(self._tasks)
