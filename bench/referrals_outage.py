"""1,000 referrals while the SMTP server is killed and restarted: every e-mail delivered once?

    PYTHONPATH=. python bench/referrals_outage.py [--referrals 1000] [--kill-at 400] [--down 3]
                                                  [--queue sql|redis]

Starts a real SMTP server (aiosmtpd, its Maildir handler: one file per accepted message) as a
separate process on loopback, builds the embedded directory in a temporary file, creates the
referrals (each queues one e-mail to the place), and runs the durable queue's worker. When
``--kill-at`` e-mails have arrived the SMTP process is killed (SIGKILL, mid-traffic), left down
``--down`` seconds, then started again on the same port into the same Maildir. Prints the
e-mails delivered, the duplicates (same Message-ID twice: must be 0), the failed attempts the
outage cost, and the time to drain. Backoff is shortened (0.5 s doubling to 2 s) so that the run
takes seconds; production's default starts at 30 s.

``--queue redis`` starts a redis-server of its own (Debian's, with a password, no persistence) on
a free loopback port and runs the jobs through it (bot/referrals/redis_queue.py: the table is the
outbox, arq runs the jobs); the figures are read from the table, as with the SQL queue.
``--restart-redis-at N`` also restarts that Redis (empty: no persistence) once N e-mails have
arrived after the SMTP server came back; the jobs it held come back when their relay hold ends
(shortened to 5 s here; 60 s by default).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import mailbox
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, select

from bot.referrals.clock import SystemClock
from bot.referrals.links import LinkSigner
from bot.referrals.mail import SmtpMailer
from bot.referrals.models import Job, open_engine
from bot.referrals.queue import Backoff
from bot.referrals.redis_queue import RedisWorker
from bot.referrals.service import NewReferral, ReferralService
from bot.staff.sms import DisabledSender
from directory_client import Directory
from tests.redisserver import NOT_INSTALLED, RedisServer, find_redis_server

PLACE = "france-services-anct:2226"  # has a courriel in the shipped open data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_smtp(port: int, maildir: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
         "-c", "aiosmtpd.handlers.Mailbox", str(maildir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.05)
    raise RuntimeError("the SMTP server did not start")


def delivered(maildir: Path) -> int:
    return sum(1 for _ in (maildir / "new").iterdir()) if (maildir / "new").exists() else 0


def pending_deliveries(service: ReferralService) -> int:
    with service.Session() as session:
        return session.execute(
            select(func.count()).where(Job.kind == "deliver", Job.status != "done")
        ).scalar_one()


def failed_attempts(service: ReferralService) -> int:
    with service.Session() as session:
        return session.execute(
            select(func.coalesce(func.sum(Job.attempts - 1), 0)).where(Job.kind == "deliver")
        ).scalar_one()


@contextlib.contextmanager
def queue_redis(queue: str):  # noqa: ANN201 - yields the Redis server, or None for the SQL queue
    if queue == "sql":
        yield None
        return
    binary = find_redis_server()
    if binary is None:
        raise SystemExit(NOT_INSTALLED)
    with RedisServer(binary, password=secrets.token_hex(16)) as server:
        yield server


async def run(args: argparse.Namespace, tmp: Path, redis: RedisServer | None) -> dict:
    directory = Directory(f"sqlite:///{tmp / 'directory.sqlite3'}")
    directory.import_default()
    maildir = tmp / "Maildir"
    port = free_port()
    smtp = start_smtp(port, maildir)
    service = ReferralService(
        open_engine(f"sqlite:///{tmp / 'referrals.sqlite3'}"),
        clock=SystemClock(),
        signer=LinkSigner(os.environ.get("ORIENTEUR_SECRET_KEY") or "b" * 48),
        public_url="https://orienteur.example.org",
        directory=directory,
        mailer=SmtpMailer("127.0.0.1", port, "orientation@orienteur.example.org", timeout=5),
        sms=DisabledSender(),
        backoff=Backoff(base=0.5, cap=2.0, max_attempts=1000),
        redis_url=redis.url if redis else None,
    )
    started = time.perf_counter()
    for i in range(args.referrals):
        service.create(
            NewReferral(
                place_id=PLACE,
                need="demarches",
                request=f"demande {i}",
                contact_channel="sms",
                contact=f"+336{i:08d}",
                consent_text="oui",
                consent_at=datetime.now(timezone.utc),
                agent="bench",
            )
        )
    created_s = time.perf_counter() - started
    stop = asyncio.Event()
    runner = service.worker(concurrency=8)
    if isinstance(runner, RedisWorker):
        runner.hold = timedelta(seconds=5)
    worker = asyncio.create_task(runner.run_forever(stop, poll=0.1))
    t0 = time.perf_counter()
    while delivered(maildir) < args.kill_at:
        await asyncio.sleep(0.01)
    smtp.send_signal(signal.SIGKILL)
    smtp.wait()
    killed_at, at_kill = time.perf_counter() - t0, delivered(maildir)
    await asyncio.sleep(args.down)
    smtp = start_smtp(port, maildir)
    restarted_at = time.perf_counter() - t0
    redis_restart = None
    if redis is not None and args.restart_redis_at:
        while delivered(maildir) < args.restart_redis_at:
            await asyncio.sleep(0.01)
        at = delivered(maildir)
        await asyncio.to_thread(redis.restart)
        redis_restart = (at, time.perf_counter() - t0)
    while pending_deliveries(service):
        await asyncio.sleep(0.05)
    drained_at = time.perf_counter() - t0
    stop.set()
    await worker
    smtp.send_signal(signal.SIGTERM)
    smtp.wait()
    ids = collections.Counter(m["Message-ID"] for m in mailbox.Maildir(maildir, create=False))
    return {
        "referrals": args.referrals,
        "create_s": created_s,
        "delivered_at_kill": at_kill,
        "killed_at_s": killed_at,
        "restarted_at_s": restarted_at,
        "drain_s": drained_at,
        "after_restart_s": drained_at - restarted_at,
        "emails": sum(ids.values()),
        "distinct": len(ids),
        "duplicates": sum(n - 1 for n in ids.values()),
        "failed_attempts": failed_attempts(service),
        "redis_restart": redis_restart,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--referrals", type=int, default=1000)
    parser.add_argument("--kill-at", type=int, default=400)
    parser.add_argument("--down", type=float, default=3.0)
    parser.add_argument("--queue", choices=("sql", "redis"), default="sql")
    parser.add_argument("--restart-redis-at", type=int, default=0, help="with --queue redis")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, queue_redis(args.queue) as redis:
        r = asyncio.run(run(args, Path(tmp), redis))
    print(f"queue: {args.queue}")
    print(f"referrals created: {r['referrals']} in {r['create_s']:.1f} s")
    print(f"SMTP killed after {r['delivered_at_kill']} e-mails ({r['killed_at_s']:.1f} s), "
          f"down {args.down:.0f} s, restarted at {r['restarted_at_s']:.1f} s")  # fmt: skip
    if r["redis_restart"]:
        at, when = r["redis_restart"]
        print(f"Redis restarted empty after {at} e-mails ({when:.1f} s)")
    print(f"e-mails delivered: {r['emails']} ({r['distinct']} distinct Message-IDs)")
    print(f"duplicates: {r['duplicates']}")
    print(f"missing: {r['referrals'] - r['distinct']}")
    print(f"failed attempts during the outage (retried): {r['failed_attempts']}")
    print(f"time to drain: {r['drain_s']:.1f} s from the first e-mail "
          f"({r['after_restart_s']:.1f} s after the restart)")  # fmt: skip
    ok = r["duplicates"] == 0 and r["distinct"] == r["referrals"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
