"""Rasa's socket.io channel, with custom payloads sent the same way as text messages.

Rasa 3.6's ``SocketIOOutput.send_custom_json`` passes the payload as keyword arguments to
``AsyncServer.emit`` (``emit(evt, **json_message)``): ``{"orienteur": {...}}`` raises a TypeError
and nothing reaches the widget, unless the action wraps it as ``{"data": {...}}``. Here the payload
is emitted as the message itself, so an action sends ``json_message={"orienteur": {...}}`` once
for every channel (REST returns it as ``custom``). A payload already wrapped as ``{"data": ...}``
is unwrapped, so both shapes work. A recommendation comes as one message: its introduction and
its payload together.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.shared.utils.io import raise_warning

from bot.channels import render
from bot.channels.guard import never_silent


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
    """``credentials.yml``: ``bot.channels.socketio.OrienteurSocketIOInput`` (options as socketio).

    Never silent: a turn that sends nothing gets the apology and the helpline (bot.channels.guard).
    """

    def get_output_channel(self) -> SocketIOOutput | None:
        if self.sio is None:
            return super().get_output_channel()
        return OrienteurSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message):  # type: ignore[no-untyped-def]
        on_new_message = never_silent(on_new_message)  # apology + helpline, never silence
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None

        # Replaces the parent's handler (python-socketio keeps one handler per event), which
        # builds a plain SocketIOOutput.
        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            output_channel = OrienteurSocketIOOutput(sio, self.bot_message_evt)
            if self.session_persistence:
                if not data.get("session_id"):
                    raise_warning("A socket.io message without a session_id was ignored.")
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    output_channel,
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return socketio_webhook
