"""Rasa's REST channel (``POST /webhooks/rest/webhook``) that never answers an empty list.

``credentials.yml``: ``bot.channels.rest.OrienteurRestInput:`` instead of ``rest:`` (same name,
same webhook path, same options). A turn that sends nothing (the action server is down or too
slow) answers the apology and the helpline: see ``bot.channels.guard``. A recommendation comes as
one message whose ``text`` is the whole answer in plain text, rendered from its payload
(``custom``) by ``bot.channels.render.plain_text``.

A body that is not a message gets a 400 that says what is expected: empty, not JSON, a JSON list
or string, nested more than ``MAX_DEPTH`` levels, no ``sender`` (Rasa 3.6 put every such request
in one shared conversation, "default": two callers read each other's searches), a ``message``
that is not text, ``metadata`` that is not an object. The sender id is the only credential of a
conversation (docs/security.md): callers must make it unguessable.

Metadata and input channel come from the public: ``staff_console`` is removed unless the staff
console's token is sent, and the input channel is always ``rest`` (bot.channels.inbound).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import response
from sanic.request import Request

from bot.channels import render
from bot.channels.guard import never_silent
from bot.channels.inbound import (
    MAX_DEPTH,
    STAFF_TOKEN_HEADER,
    UnreadableMessage,
    checked_metadata,
    depth,
    public_metadata,
    staff_token_matches,
)

EXPECTED = 'un objet JSON {"sender": "…", "message": "…"}'
MAX_SENDER_LENGTH = 128


def malformed(body: bytes) -> str | None:
    """Why ``body`` is not a REST message, or None when it is one."""
    try:
        data: Any = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return f"corps illisible : {EXPECTED} est attendu"
    if not isinstance(data, dict):
        return f"{EXPECTED} est attendu"
    if depth(data) > MAX_DEPTH:
        return f"corps imbriqué sur plus de {MAX_DEPTH} niveaux : {EXPECTED} est attendu"
    if not isinstance(data.get("message"), str):
        return '"message" doit être un texte'
    sender = data.get("sender")
    if isinstance(sender, bool) or not isinstance(sender, (str, int)) or not str(sender).strip():
        return ('"sender" est obligatoire : un identifiant de conversation que vous seul '
                "connaissez (texte)")  # fmt: skip
    if len(str(sender)) > MAX_SENDER_LENGTH:
        return f'"sender" fait plus de {MAX_SENDER_LENGTH} caractères'
    try:
        checked_metadata(data.get("metadata"))
    except UnreadableMessage as error:
        return str(error)
    return None


class PlainTextCollector(CollectingOutputChannel):
    """Rasa's REST collector, but a recommendation comes as ONE message: ``text`` is the whole
    answer in plain text for clients that read only text (``render.plain_text`` of the payload)
    and ``custom`` the payload itself. Writes into the list the REST handler returns."""

    def __init__(self, messages: list) -> None:
        super().__init__()
        self.messages = messages

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        recommendation = render.recommendation_of(message.get("custom"))
        if recommendation is None or message.get("buttons") or message.get("quick_replies"):
            await super().send_response(recipient_id, message)
            return
        text = render.plain_text(message.get("text"), recommendation)
        await self._persist_message(
            self._message(recipient_id, text=text, custom=message["custom"])
        )


def with_plain_text(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[Any]]:
    async def handler(message: UserMessage) -> Any:
        out = message.output_channel
        if type(out) is CollectingOutputChannel:  # not the streaming QueueOutputChannel
            message.output_channel = PlainTextCollector(out.messages)
        return await on_new_message(message)

    return handler


class OrienteurRestInput(RestInput):
    def get_metadata(self, request: Request) -> dict[str, Any]:
        metadata = checked_metadata(request.json.get("metadata"))  # checked before: no error
        from_staff = staff_token_matches(request.headers.get(STAFF_TOKEN_HEADER))
        return public_metadata(metadata, from_staff=from_staff)

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # never the caller's "input_channel" (it could claim "staff")

    def blueprint(self, on_new_message):  # type: ignore[no-untyped-def]
        blueprint = super().blueprint(with_plain_text(never_silent(on_new_message)))

        @blueprint.on_request
        async def refuse_malformed(request: Request):  # type: ignore[no-untyped-def]
            if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
                return None
            reason = malformed(request.body)
            if reason is not None:
                return response.json({"error": reason}, status=400)
            return None

        return blueprint
