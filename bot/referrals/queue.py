"""A durable job queue in the referrals' database, and the worker that runs it.

* ``enqueue`` is idempotent: a job has a unique key (``deliver:<referral>``…); enqueueing the
  same key twice keeps one job. It takes the caller's session, so a job is committed together
  with the change that asked for it, or not at all.
* A worker *claims* a due job by setting a lease (``locked_until``) with a conditional UPDATE:
  two workers never run the same job while the lease holds; a worker that dies leaves the job to
  be claimed again when the lease ends.
* A job that fails with ``DeliveryError`` (or anything unexpected) is retried later with an
  exponential backoff; ``DeliveryRejected`` marks it dead at once. After ``max_attempts`` a job
  is dead too: dead jobs stay in the table with their error, ``python -m bot.referrals
  retry-dead`` puts them back.
* Delivery is at least once: a job is marked done after its handler returned. Each e-mail
  carries a Message-ID made from the job key, the same on every attempt. A run whose lease ended
  and whose job was claimed again cannot mark it done or failed any more (fenced by ``attempts``).
* With Redis (``bot/referrals/redis_queue.py``) this table is the outbox: ``reserve`` holds due
  jobs for the relay to Redis, ``start`` turns a reservation into a run (once per reservation).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.referrals.clock import Clock
from bot.referrals.errors import DeliveryError, DeliveryRejected, ReferralConfigError
from bot.referrals.models import Job

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClaimedJob:
    id: int
    key: str
    kind: str
    referral_id: str | None
    payload: dict[str, Any]
    attempts: int


@dataclass(frozen=True)
class Reservation:
    """A due job held for the relay to Redis until ``token`` (its lease end, also its fence)."""

    id: int
    key: str
    token: datetime


@dataclass(frozen=True)
class Backoff:
    base: float = 30.0  # seconds before the first retry
    cap: float = 1800.0  # never more than this between two attempts
    max_attempts: int = 60  # then the job is dead (kept, listed, can be retried by hand)

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.cap, self.base * 2 ** max(0, attempts - 1)))


class JobQueue:
    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        *,
        backoff: Backoff | None = None,
        lease: timedelta = timedelta(minutes=5),
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.lease = lease

    def enqueue(
        self,
        session: Session,
        kind: str,
        key: str,
        *,
        payload: Mapping[str, Any] | None = None,
        referral_id: str | None = None,
        run_at: datetime | None = None,
    ) -> bool:
        """Add a job in ``session``'s transaction; False when a job with this key exists."""
        insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}.get(
            self.engine.dialect.name
        )
        if insert is None:
            raise ReferralConfigError(f"unsupported database: {self.engine.dialect.name}")
        now = self.clock.now()
        statement = (
            insert(Job)
            .values(
                key=key,
                kind=kind,
                referral_id=referral_id,
                payload=json.dumps(dict(payload or {}), ensure_ascii=False),
                status="pending",
                run_at=run_at or now,
                attempts=0,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["key"])
        )
        return session.execute(statement).rowcount == 1

    def claim(self, limit: int = 20) -> list[ClaimedJob]:
        now = self.clock.now()
        columns = (Job.id, Job.key, Job.kind, Job.referral_id, Job.payload, Job.attempts)
        taken = self._take_due(
            now, limit, columns, locked_until=now + self.lease, attempts=Job.attempts + 1
        )
        return [
            ClaimedJob(row.id, row.key, row.kind, row.referral_id, json.loads(row.payload),
                       row.attempts + 1)
            for row in taken
        ]  # fmt: skip

    def reserve(self, limit: int, hold: timedelta) -> list[Reservation]:
        """Hold up to ``limit`` due jobs for ``hold`` (the relay to Redis); not an attempt yet."""
        now = self.clock.now()
        token = now + hold
        taken = self._take_due(now, limit, (Job.id, Job.key), locked_until=token)
        return [Reservation(row.id, row.key, token) for row in taken]

    def _take_due(self, now: datetime, limit: int, columns: tuple, **values: Any) -> list[Any]:
        """The due jobs (oldest first, at most ``limit``) that this caller could mark with
        ``values``: each is taken by a conditional UPDATE, so two callers never take one job."""
        taken: list[Any] = []
        with Session(self.engine, future=True) as session:
            with session.begin():
                rows = session.execute(
                    select(*columns).where(_due(now)).order_by(Job.run_at, Job.id).limit(limit)
                ).all()
            for row in rows:
                with session.begin():
                    if session.execute(
                        update(Job).where(Job.id == row.id, _due(now)).values(**values)
                    ).rowcount:
                        taken.append(row)
        return taken

    def start(self, reservation: Reservation) -> ClaimedJob | None:
        """The run of a reserved job, with the worker's lease; None when this reservation is no
        longer the job's (run already, reserved again after it ended, done, dead, deleted)."""
        now = self.clock.now()
        with Session(self.engine, future=True) as session, session.begin():
            taken = session.execute(
                update(Job)
                .where(
                    Job.id == reservation.id,
                    Job.status == "pending",
                    Job.locked_until == reservation.token,
                )
                .values(locked_until=now + self.lease, attempts=Job.attempts + 1)
            ).rowcount
            if not taken:
                return None
            row = session.execute(
                select(Job.id, Job.key, Job.kind, Job.referral_id, Job.payload, Job.attempts).where(
                    Job.id == reservation.id
                )
            ).one()
        return ClaimedJob(
            row.id, row.key, row.kind, row.referral_id, json.loads(row.payload), row.attempts
        )

    def release(self, reservations: Iterable[Reservation]) -> None:
        """Give reservations back (the relay could not hand them to Redis): due again now."""
        with Session(self.engine, future=True) as session, session.begin():
            for reservation in reservations:
                session.execute(
                    update(Job)
                    .where(Job.id == reservation.id, Job.locked_until == reservation.token)
                    .values(locked_until=None)
                )

    def complete(self, job: ClaimedJob) -> None:
        self._set(job, status="done", done_at=self.clock.now(), locked_until=None, last_error=None)

    def fail(self, job: ClaimedJob, error: BaseException, *, permanent: bool = False) -> None:
        message = f"{type(error).__name__}: {error}"[:300]
        if permanent or job.attempts >= self.backoff.max_attempts:
            self._set(job, status="dead", locked_until=None, last_error=message)
            log.warning("job %s dead after %d attempt(s): %s", job.key, job.attempts, message)
            return
        self._set(
            job,
            run_at=self.clock.now() + self.backoff.delay(job.attempts),
            locked_until=None,
            last_error=message,
        )

    def retry_dead(self) -> int:
        with Session(self.engine, future=True) as session, session.begin():
            return session.execute(
                update(Job)
                .where(Job.status == "dead")
                .values(status="pending", attempts=0, run_at=self.clock.now())
            ).rowcount

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with Session(self.engine, future=True) as session:
            rows = session.execute(select(Job.status, func.count()).group_by(Job.status)).all()
        return {status: int(n) for status, n in rows}

    def next_run_at(self) -> datetime | None:
        with Session(self.engine, future=True) as session:
            return session.execute(
                select(Job.run_at).where(Job.status == "pending").order_by(Job.run_at).limit(1)
            ).scalar_one_or_none()

    def _set(self, job: ClaimedJob, **values: Any) -> None:
        with Session(self.engine, future=True) as session, session.begin():
            session.execute(
                update(Job)
                .where(Job.id == job.id, Job.attempts == job.attempts, Job.status == "pending")
                .values(**values)
            )


def _due(now: datetime):  # noqa: ANN202 - a SQL condition
    free = or_(Job.locked_until.is_(None), Job.locked_until <= now)
    return and_(Job.status == "pending", Job.run_at <= now, free)


Handler = Callable[[ClaimedJob], Awaitable[None]]


class Worker:
    """Runs the due jobs of a queue with the handlers given per kind."""

    def __init__(
        self, queue: JobQueue, handlers: Mapping[str, Handler], *, concurrency: int = 4
    ) -> None:
        self.queue = queue
        self.handlers = dict(handlers)
        self.concurrency = concurrency

    async def run_once(self, batch: int = 50) -> int:
        """Run the jobs due now (at most ``batch``); returns how many were run."""
        jobs = await asyncio.to_thread(self.queue.claim, batch)
        if not jobs:
            return 0
        gate = asyncio.Semaphore(self.concurrency)

        async def run(job: ClaimedJob) -> None:
            async with gate:
                await self._run(job)

        await asyncio.gather(*(run(job) for job in jobs))
        return len(jobs)

    async def drain(self) -> int:
        """Run jobs until none is due now (retries scheduled later are left for later)."""
        total = 0
        while count := await self.run_once():
            total += count
        return total

    async def run_forever(self, stop: asyncio.Event, poll: float = 2.0) -> None:
        while not stop.is_set():
            try:
                ran = await self.run_once()
            except Exception:  # noqa: BLE001 - the database may be briefly unavailable
                log.exception("referral worker: claiming failed")
                ran = 0
            if not ran:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), poll)

    async def _run(self, job: ClaimedJob) -> None:
        await run_job(self.queue, self.handlers, job)


async def run_job(queue: JobQueue, handlers: Mapping[str, Handler], job: ClaimedJob) -> None:
    """Run one claimed job with its handler, then mark it done, to retry, or dead."""
    handler = handlers.get(job.kind)
    try:
        if handler is None:
            raise DeliveryRejected(f"no handler for {job.kind!r}")
        await handler(job)
    except DeliveryRejected as exc:
        await asyncio.to_thread(queue.fail, job, exc, permanent=True)
    except DeliveryError as exc:
        await asyncio.to_thread(queue.fail, job, exc)
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the job: retried, logged
        log.exception("referral job %s failed", job.key)
        await asyncio.to_thread(queue.fail, job, exc)
    else:
        await asyncio.to_thread(queue.complete, job)
