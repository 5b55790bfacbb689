"""The referral queue relayed through a real Redis (Debian's redis-server on loopback, no
persistence): Redis restarted mid-run loses no job, two workers never run a job twice, the relay
is idempotent, a job deleted meanwhile ("oublie-moi") is not run, the setting that chooses it."""

from __future__ import annotations

import asyncio
import collections
from datetime import timedelta

import pytest
import redis

from bot.referrals.errors import ReferralConfigError
from bot.referrals.models import Job, open_engine
from bot.referrals.queue import JobQueue
from bot.referrals.redis_queue import QUEUE_NAME, RedisWorker, redis_url_from_env
from directory_client import db
from tests.redisserver import redis_or_skip
from tests.referral_support import make_queue


@pytest.fixture()
def own_redis():
    """A server of this test's own, that the test may stop and start again."""
    with redis_or_skip("restart-test") as server:
        yield server


class Recorder:
    """A handler that notes each run and fails the test if a job runs twice at the same time."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.ran: list[str] = []
        self.running: set[str] = set()
        self.overlaps = 0

    async def __call__(self, job) -> None:  # noqa: ANN001
        if job.key in self.running:
            self.overlaps += 1
        self.running.add(job.key)
        await asyncio.sleep(self.delay)
        self.running.discard(job.key)
        self.ran.append(job.key)


async def wait_until(condition, timeout: float = 30.0) -> None:  # noqa: ANN001
    deadline = asyncio.get_running_loop().time() + timeout
    while not await asyncio.to_thread(condition):
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)


def test_redis_restarted_mid_run_loses_no_job(tmp_path, own_redis):
    queue = make_queue(tmp_path, 60)
    handler = Recorder(delay=0.02)
    worker = RedisWorker(queue, {"x": handler}, redis_url=own_redis.url, concurrency=2)

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run_forever(stop, poll=0.05))
        await wait_until(lambda: len(handler.ran) >= 10)
        await asyncio.to_thread(own_redis.restart)  # what Redis held is gone
        lost_for_now = 60 - queue.counts().get("done", 0)
        assert lost_for_now > 0
        await asyncio.sleep(1.0)  # the worker reconnects; the lost jobs are still reserved
        queue.clock.advance(seconds=61)  # their hold ends: the relay hands them over again
        await wait_until(lambda: queue.counts() == {"done": 60})
        stop.set()
        await task

    asyncio.run(scenario())
    assert sorted(handler.ran) == sorted(f"x:{i}" for i in range(60))  # each once
    assert handler.overlaps == 0


def test_two_workers_never_run_the_same_job_twice(tmp_path, redis_url):
    queue = make_queue(tmp_path, 200)
    handler = Recorder(delay=0.005)
    workers = [  # each with its own database engine and Redis connections, as two servers
        RedisWorker(
            JobQueue(open_engine(str(queue.engine.url)), queue.clock), {"x": handler},
            redis_url=redis_url, concurrency=4,
        )
        for _ in range(2)
    ]  # fmt: skip

    async def scenario() -> None:
        stop = asyncio.Event()
        tasks = [asyncio.create_task(w.run_forever(stop, poll=0.02)) for w in workers]
        await wait_until(lambda: queue.counts() == {"done": 200})
        stop.set()
        await asyncio.gather(*tasks)

    asyncio.run(scenario())
    runs = collections.Counter(handler.ran)
    assert len(runs) == 200 and set(runs.values()) == {1}
    assert handler.overlaps == 0
    assert all(w.started > 0 for w in workers)  # both took a share
    assert sum(w.started for w in workers) == 200


def test_relay_is_idempotent_and_a_stale_copy_does_nothing(tmp_path, redis_url):
    queue = make_queue(tmp_path, 1)
    handler = Recorder()
    worker = RedisWorker(queue, {"x": handler}, redis_url=redis_url)

    async def scenario() -> int:
        async with worker.connect() as pool:
            [reservation] = await asyncio.to_thread(queue.reserve, 10, worker.hold)
            for _ in range(2):  # the same reservation pushed twice: one arq job
                await pool.enqueue_job(
                    "referral_job", reservation.id, reservation.key,
                    reservation.token.isoformat(),
                    _job_id=f"{reservation.key}@{reservation.token.isoformat()}",
                )  # fmt: skip
            assert await pool.zcard(QUEUE_NAME) == 1
            queue.clock.advance(seconds=61)  # the hold ends before a worker took it
            assert await worker.relay(pool) == 1  # reserved again: a second copy in Redis
            assert await pool.zcard(QUEUE_NAME) == 2
        return await worker.drain()

    assert asyncio.run(scenario()) == 1  # the first copy's token is stale: one run
    assert handler.ran == ["x:0"] and queue.counts() == {"done": 1}


def test_a_job_deleted_while_in_redis_is_not_run(tmp_path, redis_url):
    queue = make_queue(tmp_path, 2)
    handler = Recorder()
    worker = RedisWorker(queue, {"x": handler}, redis_url=redis_url)

    async def scenario() -> int:
        async with worker.connect() as pool:
            assert await worker.relay(pool) == 2
        with db.session_factory(queue.engine).begin() as session:  # "oublie-moi" meanwhile
            session.query(Job).filter(Job.key == "x:0").delete()
        return await worker.drain()

    assert asyncio.run(scenario()) == 1
    assert handler.ran == ["x:1"]


def test_reservations_redis_refused_are_due_again_at_once(tmp_path, own_redis):
    queue = make_queue(tmp_path, 3)
    worker = RedisWorker(queue, {"x": Recorder()}, redis_url=own_redis.url)

    async def scenario() -> None:
        async with worker.connect() as pool:
            own_redis.halt()
            try:
                with pytest.raises((redis.RedisError, OSError)):
                    await worker.relay(pool)
            finally:
                own_redis.start()

    asyncio.run(scenario())
    assert len(queue.reserve(10, timedelta(seconds=60))) == 3  # no hold left behind
    assert queue.counts() == {"pending": 3}


def test_the_setting_chooses_the_queue_and_reads_redis_from_the_environment():
    assert redis_url_from_env({}) is None
    assert redis_url_from_env({"REFERRALS_QUEUE": "sql"}) is None
    url = "redis://:s3cret@cache:6380/4"
    assert redis_url_from_env({"REFERRALS_QUEUE": "redis", "REFERRALS_REDIS_URL": url}) == url
    lock_store = {"REFERRALS_QUEUE": "redis", "REDIS_HOST": "redis", "REDIS_PASSWORD": "p@ss/w"}
    assert redis_url_from_env(lock_store) == "redis://:p%40ss%2Fw@redis:6379/2"
    with pytest.raises(ReferralConfigError):
        redis_url_from_env({"REFERRALS_QUEUE": "redis"})
    with pytest.raises(ReferralConfigError):
        redis_url_from_env({"REFERRALS_QUEUE": "rabbit"})


def test_the_service_from_the_environment_runs_its_jobs_through_redis(tmp_path, redis_url):
    from bot.referrals.runtime import service_from_env

    env = {
        "ORIENTEUR_SECRET_KEY": "k" * 40,
        "REFERRALS_DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}",
        "REFERRALS_QUEUE": "redis",
        "REFERRALS_REDIS_URL": redis_url,
    }
    service = service_from_env(lambda: None, "http://127.0.0.1:9", env)
    assert isinstance(service.worker(), RedisWorker)
    env["REFERRALS_QUEUE"] = "sql"
    assert not isinstance(service_from_env(lambda: None, "http://127.0.0.1:9", env).worker(),
                          RedisWorker)  # fmt: skip
