"""bot.retention against a real PostgreSQL, with the table written by Rasa's own SQLTrackerStore."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from bot import retention
from tests.pgserver import NOT_INSTALLED, PostgresServer, find_bin_dir

pytestmark = pytest.mark.postgres
DAY = 86400.0
NOW = time.time()


@pytest.fixture(scope="module")
def pg_url():
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(NOT_INSTALLED)
    with PostgresServer(bin_dir, dbname="tracker") as server:
        yield server.url


@pytest.fixture(scope="module")
def store(pg_url):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    return SQLTrackerStore(Domain.empty(), host=pg_url)  # creates the table as in production


@pytest.fixture
def url(pg_url, store):
    with sa.create_engine(pg_url).begin() as conn:
        conn.execute(sa.text("DELETE FROM events"))
    return pg_url


def _save(store, sender_id: str, ages_in_days: list[float]) -> None:
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker(sender_id, slots=[])
    first = NOW - ages_in_days[0] * DAY
    tracker.update(ActionExecuted("action_session_start", timestamp=first))
    tracker.update(SessionStarted(timestamp=first))
    tracker.update(ActionExecuted("action_listen", timestamp=first))
    for age in ages_in_days:
        tracker.update(UserUttered(f"message {age}", timestamp=NOW - age * DAY))
    asyncio.run(store.save(tracker))


def _count(url: str, sender_id: str | None = None) -> int:
    query = "SELECT count(*) FROM events" + (" WHERE sender_id = :s" if sender_id else "")
    with sa.create_engine(url).connect() as conn:
        return conn.execute(sa.text(query), {"s": sender_id}).scalar_one()


def test_rasa_schema_is_what_retention_expects(url):
    columns = {c["name"] for c in sa.inspect(sa.create_engine(url)).get_columns("events")}
    assert {"id", "sender_id", "type_name", "timestamp", "data"} <= columns


def test_purge_deletes_only_conversations_idle_for_n_days(url, store):
    _save(store, "old", [40, 39])
    _save(store, "recent", [1])
    _save(store, "long", [45, 1])  # started long ago, still active: kept whole
    assert _count(url, "old") == 5

    dry = retention.purge(url, 30, dry_run=True, now=NOW)
    assert (dry.conversations, dry.events, dry.dry_run) == (1, 5, True)
    assert _count(url) == 5 + 4 + 5

    done = retention.purge(url, 30, now=NOW)
    assert (done.conversations, done.events) == (1, 5)
    assert _count(url, "old") == 0
    assert _count(url, "recent") == 4
    assert _count(url, "long") == 5
    tracker = asyncio.run(store.retrieve("long"))
    assert [e.text for e in tracker.events if e.type_name == "user"] == ["message 45", "message 1"]
    assert retention.purge(url, 30, now=NOW).conversations == 0
    assert "deleted 0 conversation(s)" in str(retention.purge(url, 30, now=NOW))


def test_forget_conversation_deletes_one_sender(url, store):
    _save(store, "alice", [0.1, 0.0])
    _save(store, "bob", [0.0])
    assert retention.forget_conversation(url, "alice") == 5
    assert retention.forget_conversation(url, "alice") == 0
    assert _count(url, "bob") == 4
    assert asyncio.run(store.retrieve("alice")) is None


def test_rasa_writes_back_events_deleted_during_the_turn(url, store):
    """What happens when the "oublie-moi" action deletes the rows itself: Rasa saves the tracker
    it holds in memory after the action and writes every event the table lacks — all of them.
    The second pass, up to the request time, removes them and keeps what came after."""
    from rasa.shared.core.events import BotUttered, Restarted

    _save(store, "carol", [0.01, 0.0])
    tracker = asyncio.run(store.retrieve("carol"))  # Rasa loads the tracker for the turn
    requested_at = time.time()
    assert retention.forget_conversation(url, "carol") == 5  # the action deletes...
    tracker.update(BotUttered("C'est fait", timestamp=requested_at + 0.5))
    tracker.update(Restarted(timestamp=requested_at + 0.5))
    asyncio.run(store.save(tracker))  # ...and Rasa saves the turn after the action
    assert _count(url, "carol") == 7  # everything came back

    assert retention.forget_conversation(url, "carol", before=requested_at) == 5
    assert _count(url, "carol") == 2
    with sa.create_engine(url).connect() as conn:
        texts = [json.loads(d).get("text") for (d,) in conn.execute(sa.text(
            "SELECT data FROM events WHERE sender_id = 'carol' ORDER BY id"))]  # fmt: skip
    assert "message 0.01" not in texts and "C'est fait" in texts
    # Rasa still reads and extends that conversation consistently (no event lost or doubled).
    again = asyncio.run(store.retrieve("carol"))
    from rasa.shared.core.events import UserUttered

    again.update(UserUttered("bonjour", timestamp=time.time()))
    asyncio.run(store.save(again))
    assert _count(url, "carol") == 3


def test_forget_log_applies_old_enough_requests(url, store, tmp_path):
    _save(store, "dave", [0.0])
    _save(store, "erin", [0.0])
    log = tmp_path / "forget.jsonl"
    retention.record_forget_request("dave", log, at=NOW + 1)
    retention.record_forget_request("erin", log, at=NOW + 100)  # Rasa may still be saving it
    with log.open("a") as fh:
        fh.write("not json\n")
    assert retention.process_forget_requests(url, log, now=NOW + 50) == (1, 4)
    assert _count(url, "dave") == 0 and _count(url, "erin") == 4
    assert [json.loads(x)["sender_id"] for x in log.read_text().splitlines()] == ["erin"]
    assert retention.process_forget_requests(url, log, now=NOW + 200) == (1, 4)
    assert not log.exists()
    assert retention.process_forget_requests(url, tmp_path / "absent.jsonl") == (0, 0)


def test_no_table_yet_is_not_an_error(pg_url):
    empty = pg_url.rsplit("/", 1)[0] + "/postgres"
    assert retention.purge(empty, 30).conversations == 0
    assert retention.forget_conversation(empty, "x") == 0


def test_command_line(url, store):
    _save(store, "old", [40])
    run = [sys.executable, "-m", "bot.retention"]
    env = {"TRACKER_DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([*run, "purge", "--days", "30", "--dry-run"], env=env,
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert "would delete 1 conversation(s), 4 event(s)" in out.stdout
    out = subprocess.run([*run, "--url", url, "forget", "old"], capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert "deleted 4 event(s)" in out.stdout
    bad = subprocess.run([*run, "purge", "--days", "3"], env={"PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True)  # fmt: skip
    assert bad.returncode == 2 and "TRACKER_DB_HOST" in bad.stderr


def test_url_from_the_endpoint_variables():
    url = retention.database_url_from_env({
        "TRACKER_DB_HOST": "db", "TRACKER_DB_PORT": "5433", "TRACKER_DB_NAME": "rasa",
        "TRACKER_DB_USER": "rasa", "TRACKER_DB_PASSWORD": "p@ss/word"})  # fmt: skip
    parsed = sa.engine.make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.username, parsed.password) == (
        "db", 5433, "rasa", "rasa", "p@ss/word")  # fmt: skip
    assert retention.database_url_from_env({"TRACKER_DATABASE_URL": "sqlite://"}) == "sqlite://"
    with pytest.raises(retention.RetentionError):
        retention.database_url_from_env({})
