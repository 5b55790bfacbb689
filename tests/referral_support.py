"""Real servers for the referral tests: an SMTP server (aiosmtpd) that can be stopped and
started again on the same port, and a referral service on a SQLite file (its queue the table
alone, or relayed through a real Redis)."""

from __future__ import annotations

import email
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from bot.referrals.clock import ManualClock
from bot.referrals.links import LinkSigner
from bot.referrals.mail import SmtpMailer
from bot.referrals.models import open_engine
from bot.referrals.queue import Backoff, Handler, JobQueue, Worker
from bot.referrals.redis_queue import RedisWorker
from bot.referrals.service import ReferralService
from tests.channels_support import free_port

SECRET = "s" * 40  # tests only; the real one comes from ORIENTEUR_SECRET_KEY
SENDER = "orientation@orienteur.example.org"
# Monday 1 December 2025, 09:00 in Paris.
MONDAY = datetime(2025, 12, 1, 8, 0, tzinfo=timezone.utc)


def make_queue(tmp_path: Path, jobs: int) -> JobQueue:
    """A job table in SQLite with ``jobs`` jobs due on Monday."""
    from directory_client import db

    engine = open_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    queue = JobQueue(engine, ManualClock(MONDAY))
    with db.session_factory(engine).begin() as session:
        for i in range(jobs):
            queue.enqueue(session, "x", f"x:{i}")
    return queue
LINK = re.compile(r"https?://\S+/orientation/\S+")
# Run a test on both queues: the SQL table alone, and the table relayed through a real Redis
# (the ``backend`` and ``queue_redis_url`` fixtures of tests/bot/referrals/conftest.py).
both_queues = pytest.mark.parametrize("backend", ["sql", "redis"])


def make_worker(
    queue: JobQueue, handlers: dict[str, Handler], redis_url: str | None, **options
) -> Worker | RedisWorker:
    if redis_url is None:
        return Worker(queue, handlers, **options)
    return RedisWorker(queue, handlers, redis_url=redis_url, **options)


@dataclass
class Inbox:
    """What the SMTP server accepted: parsed messages, in order."""

    messages: list[Message] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802 - aiosmtpd API
        message = email.message_from_bytes(envelope.content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self.lock:
            self.messages.append(message)
            self.lock.notify_all()
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        with self.lock:
            return [m for m in self.messages if address in m["X-Envelope-To"]]


def body(message: Message) -> str:
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


class SmtpServer:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.controller: Controller | None = None

    def start(self) -> SmtpServer:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def mailer(self) -> SmtpMailer:
        return SmtpMailer("127.0.0.1", self.port, SENDER, timeout=5.0)


def make_service(
    tmp: Path,
    *,
    directory,
    mailer: SmtpMailer | None,
    sms,
    public_url: str = "http://127.0.0.1:9",
    clock: ManualClock | None = None,
    redis_url: str | None = None,
) -> ReferralService:
    return ReferralService(
        open_engine(f"sqlite:///{tmp / 'referrals.sqlite3'}"),
        clock=clock or ManualClock(MONDAY),
        signer=LinkSigner(SECRET),
        public_url=public_url,
        directory=directory,
        mailer=mailer,
        sms=sms,
        backoff=Backoff(base=60.0, cap=600.0, max_attempts=10),
        redis_url=redis_url,
    )
