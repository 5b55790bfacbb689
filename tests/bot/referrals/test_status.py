"""``python -m bot.referrals status`` with the jobs relayed through a real Redis (Debian's
redis-server on loopback): what waits in arq and what runs beside the table's counts, and one
line, not a traceback, when Redis is down or frozen."""

from __future__ import annotations

import asyncio
import signal
import time

import pytest
import redis

from bot.referrals.__main__ import main
from bot.referrals.errors import RedisUnavailable
from bot.referrals.queue import JobQueue
from bot.referrals.redis_queue import QUEUE_NAME, RedisWorker, redis_counts
from tests.redisserver import redis_or_skip
from tests.referral_support import make_queue


@pytest.fixture()
def queue_env(monkeypatch):
    """The environment's queue settings cleared, so that each test sets its own."""
    for name in ("REFERRALS_QUEUE", "REFERRALS_REDIS_URL", "REDIS_HOST", "REDIS_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def status(queue: JobQueue, capsys) -> tuple[int, list[str], list[str]]:
    code = main(["--url", str(queue.engine.url), "status"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def redis_line(queued: int, in_progress: int) -> str:
    return f"redis {QUEUE_NAME}: queued {queued}, in progress {in_progress}, results kept 0"


def test_status_shows_the_jobs_waiting_and_running_in_redis(tmp_path, redis_url, queue_env, capsys):
    queue_env.setenv("REFERRALS_QUEUE", "redis")
    queue_env.setenv("REFERRALS_REDIS_URL", redis_url)
    queue = make_queue(tmp_path, 3)
    assert status(queue, capsys) == (0, ["table: pending 3", redis_line(0, 0)], [])

    release = asyncio.Event()
    started: list[str] = []

    async def handler(job) -> None:  # noqa: ANN001
        started.append(job.key)
        await release.wait()

    worker = RedisWorker(queue, {"x": handler}, redis_url=redis_url, concurrency=1)

    async def scenario() -> tuple[int, list[str], list[str]]:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run_forever(stop, poll=0.05))
        deadline = time.monotonic() + 30
        with redis.Redis.from_url(redis_url) as client:
            while not (started and client.zcard(QUEUE_NAME) == 3):
                assert time.monotonic() < deadline, "the worker did not start a job"
                await asyncio.sleep(0.05)
        seen = await asyncio.to_thread(status, queue, capsys)  # while one job runs
        release.set()
        while queue.counts() != {"done": 3}:
            assert time.monotonic() < deadline, "the jobs did not finish"
            await asyncio.sleep(0.05)
        stop.set()
        await task
        return seen

    code, out, err = asyncio.run(scenario())
    assert (code, err) == (0, [])
    assert out == ["table: pending 3", redis_line(2, 1)]  # the worker holds one of three
    assert status(queue, capsys)[1] == ["table: done 3", redis_line(0, 0)]


def test_status_says_in_one_line_that_redis_is_down_and_still_counts_the_table(
    tmp_path, queue_env, capsys
):
    queue = make_queue(tmp_path, 2)
    with redis_or_skip("status-s3cret") as server:
        queue_env.setenv("REFERRALS_QUEUE", "redis")
        queue_env.setenv("REFERRALS_REDIS_URL", server.url)
        server.halt()
        began = time.monotonic()
        code, out, err = status(queue, capsys)
    assert time.monotonic() - began < 5  # no retries: the operator gets an answer now
    assert code == 1
    assert out == ["table: pending 2"]
    assert err == [f"error: Redis injoignable sur 127.0.0.1:{server.port}/0 : Connection refused"]


def test_a_redis_that_does_not_answer_is_unavailable_after_the_timeout():
    with redis_or_skip("status-test") as server:
        server.process.send_signal(signal.SIGSTOP)  # frozen: connects, never answers
        try:
            with pytest.raises(RedisUnavailable, match="pas de réponse en 0.5 s"):
                asyncio.run(redis_counts(server.url, timeout=0.5))
        finally:
            server.process.send_signal(signal.SIGCONT)


def test_status_without_redis_counts_the_table_alone_and_names_a_missing_setting(
    tmp_path, queue_env, capsys
):
    queue = make_queue(tmp_path, 1)
    assert status(queue, capsys) == (0, ["table: pending 1"], [])
    queue_env.setenv("REFERRALS_QUEUE", "redis")  # neither REFERRALS_REDIS_URL nor REDIS_HOST
    code, out, err = status(queue, capsys)
    assert (code, out) == (1, ["table: pending 1"])
    assert err == ["error: REFERRALS_QUEUE=redis demande REFERRALS_REDIS_URL ou REDIS_HOST."]
