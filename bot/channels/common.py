"""What the SMS/WhatsApp and Telegram channels share: settings parsing and per-channel state."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Mapping
from typing import Any

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
    """``${TWILIO_API_BASE_URL}`` left unset in the environment arrives as an empty string."""
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
    """Choices awaiting a digit reply and opt-outs, shared by an input channel and its outputs."""

    def __init__(self, credentials: Mapping[str, Any] | None = None) -> None:
        credentials = credentials or {}
        self.choices = TTLDict(ttl=as_float(credentials.get("choices_ttl"), 1800.0),
                               maxsize=int(as_float(credentials.get("choices_max"), 10000)))
        self.optouts = OptOutStore(blank_to_none(credentials.get("optout_db")))


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
