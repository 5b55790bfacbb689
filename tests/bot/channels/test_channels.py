"""The socket.io channel sends custom payloads as bot messages (Rasa 3.6's would raise)."""

from __future__ import annotations

import asyncio

from bot.channels.socketio import OrienteurSocketIOInput, OrienteurSocketIOOutput


class FakeSio:
    def __init__(self) -> None:
        self.emitted: list[tuple[str, object, str | None]] = []

    async def emit(self, event, data=None, room=None, **kwargs) -> None:
        assert not kwargs, kwargs
        self.emitted.append((event, data, room))


def test_custom_payload_is_emitted_as_the_message() -> None:
    sio = FakeSio()
    out = OrienteurSocketIOOutput(sio, "bot_uttered")
    payload = {"orienteur": {"results": [{"name": "France Services"}]}}
    asyncio.run(out.send_custom_json("session-1", payload))
    asyncio.run(out.send_custom_json("session-1", {"data": {"orienteur": {"results": []}}}))
    assert sio.emitted == [
        ("bot_uttered", payload, "session-1"),
        ("bot_uttered", {"orienteur": {"results": []}}, "session-1"),
    ]
    assert payload == {"orienteur": {"results": [{"name": "France Services"}]}}  # not mutated


def test_messages_from_the_widget_get_the_orienteur_output_channel() -> None:
    channel = OrienteurSocketIOInput.from_credentials(
        {"session_persistence": True, "user_message_evt": "user_uttered"}
    )
    received = []

    async def on_new_message(message) -> None:
        received.append(message)

    channel.blueprint(on_new_message)
    channel.sio.enter_room = lambda sid, room, namespace=None: None  # no real socket here
    handler = channel.sio.handlers["/"]["user_uttered"]
    data = {"message": "/inform{\"latitude\": 45.6}", "session_id": "abc",
            "metadata": {"location": {"lat": 45.6, "lon": 0.1}}}  # fmt: skip
    asyncio.run(handler("sid-1", data))
    asyncio.run(handler("sid-1", {"message": "sans session"}))  # the socket's own session
    assert len(received) == 2
    message = received[0]
    # The session is the one the server issued to this socket, never the one a message names
    # (tests/bot/test_hardening.py).
    assert message.sender_id != "abc" and len(message.sender_id) == 56
    assert received[1].sender_id == message.sender_id and message.input_channel == "socketio"
    assert message.metadata == {"location": {"lat": 45.6, "lon": 0.1}}
    assert isinstance(message.output_channel, OrienteurSocketIOOutput)
    assert isinstance(channel.get_output_channel(), OrienteurSocketIOOutput)


def test_rest_bodies_that_are_not_a_message_are_named() -> None:
    from bot.channels.rest import malformed

    assert malformed(b'{"sender": "a", "message": "bonjour"}') is None
    for body in (b"", b"[1, 2]", b'"bonjour"', b"\xff\xfe", b'{"sender": "x"}',
                 b'{"message": "bonjour"}',  # no sender: refused (tests/bot/test_hardening.py)
                 b'{"sender": "x", "message": null}', b'{"sender": "x", "message": 12}',
                 b'{"sender": {"a": 1}, "message": "x"}'):  # fmt: skip
        assert malformed(body), body
