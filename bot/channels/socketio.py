"""Rasa's socket.io channel: custom payloads sent like text, session ids issued by the server,
every payload answered.

* Rasa 3.6's ``SocketIOOutput.send_custom_json`` passes the payload as keyword arguments to
  ``AsyncServer.emit`` (``emit(evt, **json_message)``): ``{"orienteur": {...}}`` raises a TypeError
  and nothing reaches the widget. Here the payload is emitted as the message itself (a payload
  already wrapped as ``{"data": ...}`` is unwrapped, so both shapes work). A recommendation
  comes as one message: its introduction and its payload together.
* **Session ids are issued by the server** (``SessionIds``): random, signed with
  ``ORIENTEUR_SESSION_SECRET``. A ``session_request`` with an id the server did not issue gets a
  new one (Rasa 3.6 took whatever id the page sent, so a page could pick another person's
  conversation, or an SMS sender's phone number). Messages are handled in the session their
  socket confirmed, never in the ``session_id`` a message names. The id is the conversation's
  only credential: whoever holds it reads the conversation (docs/security.md).
* **Never silent**: a payload that is not ``{"message": "<text>", "metadata": {…}}`` (a bare
  string, ``message: {}``, metadata that is not a JSON object) gets ``UNREADABLE_TEXT``; a turn
  that sends nothing gets the apology and the helpline (bot.channels.guard). Staff keys are
  removed from the metadata (bot.channels.inbound).
* **Size**: engine.io accepts at most ``SANIC_REQUEST_MAX_SIZE`` bytes per message (32 KB, as
  the REST channel; engine.io's default is 1 MB): a larger one closes the connection before
  anything is read. Long texts are cut before the NLU (bot.channels.guard).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput

from bot.channels import render
from bot.channels.guard import never_silent
from bot.channels.inbound import (
    SESSION_SECRET_ENV,
    UnreadableMessage,
    checked_metadata,
    public_metadata,
)
from bot.runner import REQUEST_MAX_SIZE

logger = logging.getLogger(__name__)

UNREADABLE_TEXT = (
    "Je n'ai pas pu lire ce message. Pouvez-vous l'écrire à nouveau, en quelques mots ?"
)


def max_message_bytes() -> int:
    raw = (os.environ.get("SANIC_REQUEST_MAX_SIZE") or "").strip()
    return int(raw) if raw.isdigit() else REQUEST_MAX_SIZE


class SessionIds:
    """Random session ids with a signature, so that only ids this server issued are accepted."""

    def __init__(self, secret: str | None = None) -> None:
        secret = secret if secret is not None else os.environ.get(SESSION_SECRET_ENV, "")
        if not secret.strip():
            logger.warning("%s is not set: widget sessions end when Rasa restarts.",
                           SESSION_SECRET_ENV)  # fmt: skip
            secret = secrets.token_urlsafe(32)
        self._key = hashlib.sha256(b"orienteur-session:" + secret.encode()).digest()

    def _signature(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode(), hashlib.sha256).hexdigest()[:24]

    def new(self) -> str:
        nonce = secrets.token_hex(16)
        return f"{nonce}{self._signature(nonce)}"

    def issued(self, session_id: Any) -> bool:
        if not isinstance(session_id, str) or len(session_id) != 56:
            return False
        nonce, signature = session_id[:32], session_id[32:]
        return hmac.compare_digest(signature, self._signature(nonce))


class OrienteurSocketIOOutput(SocketIOOutput):
    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A recommendation is ONE bot message: its introduction (``text``) and the payload
        (``orienteur``), which the widget shows as cards; Rasa would emit two."""
        custom = message.get("custom")
        if (
            render.recommendation_of(custom) is None
            or message.get("buttons")
            or message.get("quick_replies")
        ):
            await super().send_response(recipient_id, message)
            return
        await self._send_message(recipient_id, {"text": message.get("text") or "", **custom})

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        message = dict(json_message)
        if set(message) <= {"data", "room"} and isinstance(message.get("data"), dict):
            message = dict(message["data"])
        await self._send_message(recipient_id, message)


class OrienteurSocketIOInput(SocketIOInput):
    """``credentials.yml``: ``bot.channels.socketio.OrienteurSocketIOInput`` (socketio options)."""

    def get_output_channel(self) -> SocketIOOutput | None:
        if self.sio is None:
            return super().get_output_channel()
        return OrienteurSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message):  # type: ignore[no-untyped-def]
        on_new_message = never_silent(on_new_message)  # apology + helpline, never silence
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        sio.eio.max_http_buffer_size = max_message_bytes()
        sessions = SessionIds()
        confirmed: dict[str, str] = {}  # socket id → its session id

        async def session_of(sid: str) -> str:
            """The socket's confirmed session; a new one (confirmed to the page) if it has none."""
            if not self.session_persistence:
                return sid
            if sid not in confirmed:
                confirmed[sid] = sessions.new()
                sio.enter_room(sid, confirmed[sid])
                await sio.emit("session_confirm", confirmed[sid], room=sid)
            return confirmed[sid]

        # These replace the parent's handlers (python-socketio keeps one handler per event).
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            claimed = data.get("session_id") if isinstance(data, dict) else None
            previous = confirmed.pop(sid, None)
            if previous is not None:
                sio.leave_room(sid, previous)
            if not self.session_persistence:
                await sio.emit("session_confirm", sid, room=sid)
            elif sessions.issued(claimed):
                confirmed[sid] = claimed
                sio.enter_room(sid, claimed)
                await sio.emit("session_confirm", claimed, room=sid)
            else:
                await session_of(sid)  # a new one, confirmed

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            confirmed.pop(sid, None)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            output_channel = OrienteurSocketIOOutput(sio, self.bot_message_evt)
            sender_id = await session_of(sid)
            try:
                text, metadata = self._read(data)
            except UnreadableMessage as error:
                logger.info("Unreadable socket.io message: %s", error)
                await output_channel.send_text_message(sender_id, UNREADABLE_TEXT)
                return
            await on_new_message(
                UserMessage(text, output_channel, sender_id, input_channel=self.name(),
                            metadata=metadata)  # fmt: skip
            )

        return socketio_webhook

    def _read(self, data: Any) -> tuple[str, dict[str, Any]]:
        """(text, public metadata) or UnreadableMessage."""
        if not isinstance(data, dict):
            raise UnreadableMessage("un objet {message, metadata} est attendu")
        text = data.get("message", "")
        if not isinstance(text, str):
            raise UnreadableMessage('"message" doit être un texte')
        return text, public_metadata(checked_metadata(data.get(self.metadata_key)))
