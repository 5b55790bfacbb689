"""The production lock store against a real Redis: tickets stay unique under concurrency."""

from __future__ import annotations

import threading

import pytest

from tests.redisserver import RedisServer, redis_or_skip

pytestmark = pytest.mark.production


@pytest.fixture(scope="module")
def redis_server():
    with redis_or_skip("lock-test") as server:
        yield server


def _stores(server: RedisServer, count: int):
    from rasa.utils.endpoints import EndpointConfig

    from bot.lock_store import AtomicRedisLockStore

    config = EndpointConfig(
        url="127.0.0.1", type="bot.lock_store.AtomicRedisLockStore", port=server.port,
        password=server.password, db=0, key_prefix="orienteur",
    )  # fmt: skip
    return [AtomicRedisLockStore(endpoint_config=config) for _ in range(count)]


def test_two_replicas_never_get_the_same_ticket(redis_server) -> None:
    stores = _stores(redis_server, 4)  # four replicas, each with its own connection
    tickets: list[int] = []
    barrier = threading.Barrier(len(stores) * 5)

    def take(store) -> None:
        barrier.wait()
        tickets.append(store.issue_ticket("same-conversation"))

    threads = [threading.Thread(target=take, args=(s,)) for s in stores for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(tickets) == list(range(20))  # every message gets its own turn


def test_cleanup_keeps_a_ticket_issued_meanwhile(redis_server) -> None:
    first, second = _stores(redis_server, 2)
    mine = first.issue_ticket("conv-b")
    theirs = second.issue_ticket("conv-b")
    first.cleanup("conv-b", mine)  # someone waits: the lock must stay, with their ticket
    lock = second.get_lock("conv-b")
    assert lock is not None and not lock.is_locked(theirs)
    second.cleanup("conv-b", theirs)
    assert first.get_lock("conv-b") is None  # nobody left: the lock is gone
