from directory_client.remote_cache import TTLCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_after_the_ttl() -> None:
    clock = Clock()
    cache = TTLCache(ttl=10, clock=clock)
    cache.set("k", {"items": []})
    clock.now += 9
    assert cache.get("k") == {"items": []}
    clock.now += 2
    assert cache.get("k") is None


def test_size_is_bounded_least_recently_used_first() -> None:
    cache = TTLCache(ttl=10, maxsize=2)
    cache.set("a", 1)
    cache.set("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.set("c", 3)
    assert len(cache) == 2
    assert cache.get("b") is None
    assert cache.get("a") == 1 and cache.get("c") == 3


def test_disk_mirror_reloads_fresh_entries_only(tmp_path) -> None:
    clock = Clock()
    path = tmp_path / "cache.json"
    cache = TTLCache(ttl=10, path=path, clock=clock)
    cache.set("old", 1)
    clock.now += 8
    cache.set("new", 2)
    clock.now += 5
    reloaded = TTLCache(ttl=10, path=path, clock=clock)
    assert reloaded.get("old") is None
    assert reloaded.get("new") == 2


def test_unreadable_cache_file_is_ignored(tmp_path) -> None:
    path = tmp_path / "cache.json"
    path.write_text("{not json", encoding="utf-8")
    cache = TTLCache(ttl=10, path=path)
    assert len(cache) == 0
    cache.set("k", 1)
    assert TTLCache(ttl=10, path=path).get("k") == 1
