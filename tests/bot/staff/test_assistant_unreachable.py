"""Round 23's tester: a desk note typed while the assistant was busy got HTTP 503 « L'annuaire est
indisponible » and no places. ``ask_assistant`` let aiohttp's ``asyncio.TimeoutError`` through
(not the builtin ``TimeoutError`` on Python 3.10); the desk is meant to get the direct orientation
with « Assistant injoignable ». The SMS sender had the same hole. A real socket that accepts and
never answers."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest

from bot.staff.assistant import ask_assistant
from bot.staff.sms import SmsError, TwilioSender


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """A URL whose server accepts the connection and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept_and_say_nothing() -> None:
        conn, _ = server.accept()
        accepted.append(conn)  # held open, never answered

    threading.Thread(target=accept_and_say_nothing, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        for conn in accepted:
            conn.close()
        server.close()


def test_an_assistant_that_does_not_answer_in_time_is_unreachable_not_an_error():
    with silent_server() as url:
        reply = asyncio.run(ask_assistant(url, "dame 80 ans, dossier retraite, Roubaix", 0.5))
    assert reply is None


def test_an_sms_provider_that_does_not_answer_is_a_plain_error_for_the_desk():
    with silent_server() as url:
        sender = TwilioSender("ACtest", "secret-token", "+33700000000", base_url=url, timeout=0.5)
        with pytest.raises(SmsError, match="ne répond pas"):
            asyncio.run(sender.send("+33611000002", "Votre orientation"))
