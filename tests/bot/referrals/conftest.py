"""The queue backends the referral tests run on: the SQL table alone (``sql``) and the table as
the outbox of a real Redis (``redis``, Debian's redis-server on loopback, emptied per test).

A test runs on the SQL queue unless it parametrizes ``backend``."""

from __future__ import annotations

import pytest
import redis

from tests.redisserver import redis_or_skip

BACKENDS = ("sql", "redis")


@pytest.fixture(scope="session")
def redis_server():
    with redis_or_skip("referrals-test") as server:
        yield server


@pytest.fixture()
def redis_url(redis_server) -> str:
    with redis.Redis.from_url(redis_server.url) as client:
        client.flushdb()
    return redis_server.url


@pytest.fixture()
def backend() -> str:
    return "sql"


@pytest.fixture()
def queue_redis_url(request, backend) -> str | None:
    """None for the SQL queue; the Redis URL for the Redis one."""
    return None if backend == "sql" else request.getfixturevalue("redis_url")
