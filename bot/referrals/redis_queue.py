"""The referral queue with Redis (production): the referrals' database is the outbox, arq carries
the due jobs to the workers.

Chosen by ``REFERRALS_QUEUE=redis`` (default ``sql``: the table alone, ``queue.py``). Redis from
``REFERRALS_REDIS_URL``, else the lock store's ``REDIS_HOST``/``REDIS_PORT``/``REDIS_PASSWORD``
with database ``REFERRALS_REDIS_DB`` (2; the locks use 1). Credentials only from the environment.

The guarantee, and why it holds:

* **A job exists if and only if the change that asked for it was committed.** A Redis write
  cannot be part of a SQL transaction, so ``enqueue`` is the same as without Redis: the job row
  (``referral_job``, unique key) is written in the caller's transaction. That table is a
  transactional outbox; Redis only ever holds copies of rows that were committed.
* **The relay is idempotent and loses nothing.** A relay pass *reserves* due rows (``run_at`` ≤
  the project's clock, so tests that move the clock get reminders and follow-ups) with a
  conditional UPDATE that sets a short hold (``hold``, 60 s); the hold's end is the
  reservation's token. It keeps at most ``backlog`` jobs in Redis, so that none waits there
  anywhere near its hold. It then enqueues one arq job per reservation with the id
  ``<key>@<token>``: arq refuses a second job with an id it holds, so pushing the same
  reservation twice makes one job. If Redis refuses the push, the reservation is released
  (due again at once). If Redis loses the job (restarted without persistence, flushed, job
  expired), nothing in SQL changed: the hold ends and the next pass reserves the row again
  under a new token. Redis needs no persistence; losing it delays jobs by at most ``hold``.
* **One run per reservation, and two workers never run a job at the same time.** arq starts an
  id once at a time (its in-progress key); the arq job then *starts* the row with a conditional
  UPDATE that requires the reservation's token, counts the attempt and sets the worker's lease
  (5 min). A stale copy (reserved again meanwhile, done, dead, deleted by "oublie-moi") finds the
  token changed and does nothing; a started job cannot be reserved again until its lease ends,
  exactly like the SQL queue's claim.
* **Retries, dead jobs, counts are the SQL queue's**: a ``DeliveryError`` puts the row back with
  the backoff (by the clock), ``DeliveryRejected`` or ``max_attempts`` marks it dead,
  ``retry-dead`` and ``status`` read and change the table. Arq's own retries only matter when a
  worker is stopped mid-job (the copy then finds its token used and the lease brings it back).
* ``redis_counts`` tells what Redis holds (``status``): arq jobs waiting, in progress, results
  kept; ``RedisUnavailable`` when Redis cannot be reached.
* Delivery stays at least once, as without Redis: a worker that dies after sending and before
  marking the job done sends again after the lease; e-mails keep the job key's Message-ID.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from collections.abc import AsyncIterator, Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from arq.connections import ArqRedis, RedisSettings, create_pool
from arq.constants import in_progress_key_prefix, result_key_prefix
from arq.worker import Function, func
from arq.worker import Worker as ArqWorker
from redis.exceptions import RedisError

from bot.referrals.errors import RedisUnavailable, ReferralConfigError
from bot.referrals.queue import Handler, JobQueue, Reservation, run_job

log = logging.getLogger(__name__)
QUEUE_ENV = "REFERRALS_QUEUE"
URL_ENV = "REFERRALS_REDIS_URL"
QUEUE_NAME = "orienteur:referrals"
FUNCTION = "referral_job"


def redis_url_from_env(env: Mapping[str, str]) -> str | None:
    """The Redis URL when ``REFERRALS_QUEUE=redis``; None for the SQL queue (the default)."""
    backend = (env.get(QUEUE_ENV) or "sql").strip().lower()
    if backend == "sql":
        return None
    if backend != "redis":
        raise ReferralConfigError(f"{QUEUE_ENV} : « sql » ou « redis », pas « {backend} ».")
    if env.get(URL_ENV, "").strip():
        return env[URL_ENV].strip()
    host = env.get("REDIS_HOST", "").strip()
    if not host:
        raise ReferralConfigError(f"{QUEUE_ENV}=redis demande {URL_ENV} ou REDIS_HOST.")
    password = env.get("REDIS_PASSWORD", "")
    auth = f":{quote(password, safe='')}@" if password else ""
    port = env.get("REDIS_PORT", "").strip() or "6379"
    return f"redis://{auth}{host}:{port}/{env.get('REFERRALS_REDIS_DB', '').strip() or '2'}"


def _dumps(value: Any) -> bytes:
    return json.dumps(value, default=repr).encode()  # no pickle: Redis never holds code


def _loads(data: bytes) -> Any:
    return json.loads(data)


@contextlib.asynccontextmanager
async def _connect(settings: RedisSettings, queue_name: str) -> AsyncIterator[ArqRedis]:
    pool = await create_pool(
        settings, job_serializer=_dumps, job_deserializer=_loads, default_queue_name=queue_name
    )
    try:
        yield pool
    finally:
        await pool.close(close_connection_pool=True)


async def redis_counts(
    redis_url: str, queue_name: str = QUEUE_NAME, timeout: float = 5.0
) -> dict[str, int]:
    """What Redis holds of the queue: arq jobs ``queued`` (waiting, due or deferred), ``in
    progress`` (started by a worker, not finished) and ``results kept`` (arq results in this
    database). Raises ``RedisUnavailable`` when Redis does not answer within ``timeout``."""
    settings = RedisSettings.from_dsn(redis_url)
    settings.conn_retries = 0  # an operator's question: answer now, do not wait for Redis

    async def count() -> dict[str, int]:
        async with _connect(settings, queue_name) as pool:
            ids = await pool.zrange(queue_name, 0, -1)
            async with pool.pipeline(transaction=False) as pipe:
                for job_id in ids:
                    pipe.exists(in_progress_key_prefix + job_id.decode())
                started = sum(await pipe.execute())
            results = [key async for key in pool.scan_iter(match=result_key_prefix + "*")]
        return {"queued": len(ids) - started, "in progress": started, "results kept": len(results)}

    where = f"{settings.host}:{settings.port}/{settings.database}"  # never the password
    try:
        return await asyncio.wait_for(count(), timeout)
    except asyncio.TimeoutError as exc:
        reason = f"pas de réponse en {timeout:g} s"
        raise RedisUnavailable(f"Redis injoignable sur {where} : {reason}") from exc
    except (RedisError, OSError) as exc:
        raise RedisUnavailable(f"Redis injoignable sur {where} : {_reason(exc)}") from exc


def _reason(exc: BaseException) -> str:
    """The system's words for a refused or failed connection, else the error's one line."""
    system = exc if isinstance(exc, OSError) else exc.__context__
    if isinstance(system, OSError) and system.errno:
        return os.strerror(system.errno)
    return " ".join(str(exc).split()) or type(exc).__name__


class RedisWorker:
    """The SQL ``Worker``'s interface (``run_once``, ``drain``, ``run_forever``) over arq."""

    def __init__(
        self,
        queue: JobQueue,
        handlers: Mapping[str, Handler],
        *,
        redis_url: str,
        concurrency: int = 4,
        hold: timedelta = timedelta(seconds=60),
        backlog: int | None = None,
        queue_name: str = QUEUE_NAME,
    ) -> None:
        self.queue = queue
        self.handlers = dict(handlers)
        self.settings = RedisSettings.from_dsn(redis_url)
        self.settings.conn_retries = 2
        self.concurrency = concurrency
        self.hold = hold
        # Jobs Redis may hold (waiting or running) before the relay waits: a short queue keeps
        # each job's wait in Redis well under ``hold``.
        self.backlog = backlog or 10 * concurrency
        self.queue_name = queue_name
        self.started = 0  # jobs this worker ran (reservations that were still current)

    # --- the relay: outbox → Redis ----------------------------------------------------------
    async def relay(self, pool: ArqRedis, limit: int = 200) -> int:
        """Hand the jobs due now to Redis; returns how many were reserved."""
        reserved = await asyncio.to_thread(self.queue.reserve, limit, self.hold)
        for done, reservation in enumerate(reserved):
            try:
                await pool.enqueue_job(
                    FUNCTION,
                    reservation.id,
                    reservation.key,
                    reservation.token.isoformat(),
                    _job_id=f"{reservation.key}@{reservation.token.isoformat()}",
                    _queue_name=self.queue_name,
                )
            except (RedisError, OSError):
                await asyncio.to_thread(self.queue.release, reserved[done:])
                raise
        return len(reserved)

    # --- the arq side: Redis → handler ------------------------------------------------------
    async def _job(self, ctx: dict[str, Any], job_id: int, key: str, token: str) -> str:
        job = await asyncio.to_thread(
            self.queue.start, Reservation(job_id, key, datetime.fromisoformat(token))
        )
        if job is None:
            return "stale"
        self.started += 1
        await run_job(self.queue, self.handlers, job)
        return "run"

    def _function(self) -> Function:
        return func(self._job, name=FUNCTION, keep_result=0, max_tries=3)

    def _arq(self, pool: ArqRedis, *, burst: bool, poll: float) -> ArqWorker:
        return ArqWorker(
            [self._function()],
            redis_pool=pool,
            queue_name=self.queue_name,
            burst=burst,
            handle_signals=False,
            max_jobs=self.concurrency,
            poll_delay=poll,
            keep_result=0,
            job_serializer=_dumps,
            job_deserializer=_loads,
            log_results=False,
        )

    @contextlib.asynccontextmanager
    async def connect(self) -> AsyncIterator[ArqRedis]:
        """A connection to this worker's Redis, with the queue's JSON serializer."""
        async with _connect(self.settings, self.queue_name) as pool:
            yield pool

    async def _once(self, pool: ArqRedis, batch: int) -> int:
        before = self.started
        await self.relay(pool, batch)
        await self._arq(pool, burst=True, poll=0.01).main()
        return self.started - before

    # --- the SQL Worker's interface ---------------------------------------------------------
    async def run_once(self, batch: int = 50) -> int:
        """Relay the jobs due now (at most ``batch``) and run what Redis holds; how many ran."""
        async with self.connect() as pool:
            return await self._once(pool, batch)

    async def drain(self) -> int:
        """Run jobs until none is due now (retries scheduled later are left for later)."""
        total = 0
        async with self.connect() as pool:
            while count := await self._once(pool, 50):
                total += count
        return total

    async def run_forever(self, stop: asyncio.Event, poll: float = 2.0) -> None:
        """Relay every ``poll`` seconds while arq runs the jobs; reconnects when Redis goes."""
        while not stop.is_set():
            try:
                async with self.connect() as pool:
                    await self._serve(pool, stop, poll)
            except (RedisError, OSError) as exc:
                log.warning("referral worker: Redis unavailable (%s), retrying", exc)
            except Exception:  # noqa: BLE001 - the database may be briefly unavailable
                log.exception("referral worker: relay failed")
            if not stop.is_set():
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), poll)

    async def _serve(self, pool: ArqRedis, stop: asyncio.Event, poll: float) -> None:
        worker = self._arq(pool, burst=False, poll=min(poll, 0.5))
        main = asyncio.get_running_loop().create_task(worker.main())
        try:
            while not stop.is_set():
                if main.done():
                    main.result()  # arq stopped: Redis went away; raise to reconnect
                    return
                room = self.backlog - await pool.zcard(self.queue_name)
                if room <= 0 or not await self.relay(pool, room):
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(stop.wait(), poll)
        finally:
            worker.allow_pick_jobs = False
            await asyncio.gather(*worker.tasks.values(), return_exceptions=True)
            main.cancel()
            with contextlib.suppress(asyncio.CancelledError, RedisError, OSError):
                await main
