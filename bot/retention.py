"""Retention of the conversations kept by Rasa's SQL tracker store (PostgreSQL in production).

Rasa 3.6 keeps one row per event in the table ``events`` (id serial, sender_id, type_name,
timestamp — a float, seconds since the epoch —, intent_name, action_name, data as JSON text).
Nothing expires by itself: this module deletes

* ``purge``: the conversations whose *last* event is older than N days (whole conversations
  only: Rasa counts the stored events of the current session to know which ones it still has to
  write, so deleting part of a live session would make it skip or duplicate events);
* ``forget``: every event of one conversation ("oublie-moi"), and the referrals made from it
  (bot/referrals, their own database).

Command line (same environment as the Rasa servers)::

    python -m bot.retention purge --days 30 [--dry-run]
    python -m bot.retention forget SENDER_ID
    python -m bot.retention forget-pending [--log var/forget-requests.jsonl]

The database is ``TRACKER_DATABASE_URL`` (any SQLAlchemy URL) or, failing that, built from
``TRACKER_DB_HOST``, ``TRACKER_DB_PORT``, ``TRACKER_DB_NAME``, ``TRACKER_DB_USER`` and
``TRACKER_DB_PASSWORD`` — the variables ``endpoints.production.yml`` reads. ``POSTGRESQL_SCHEMA``
(also read by Rasa) selects a schema other than the default one.

Trap, for the "oublie-moi" action: Rasa writes the tracker *after* the action returns, and it
writes every in-memory event the database does not hold yet. Events deleted while the action runs
are therefore written back. Delete them once more after Rasa has saved the turn: record the
request (``sender_id`` + time) and run ``forget-pending`` (cron, every minute), or call
``forget_conversation(url, sender_id, before=requested_at)`` a few seconds later. Only events up
to the request time are deleted, so the conversation the person may start afterwards is kept.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

DAY = 86400.0
DEFAULT_FORGET_LOG = "var/forget-requests.jsonl"


class RetentionError(RuntimeError):
    """Bad configuration (no database given)."""


def database_url_from_env(environ: dict[str, str] | None = None) -> str:
    """TRACKER_DATABASE_URL, or the URL built from the TRACKER_DB_* variables."""
    env = os.environ if environ is None else environ
    if env.get("TRACKER_DATABASE_URL"):
        return env["TRACKER_DATABASE_URL"]
    if not env.get("TRACKER_DB_HOST"):
        raise RetentionError(
            "no tracker database: set TRACKER_DATABASE_URL or TRACKER_DB_HOST, TRACKER_DB_PORT, "
            "TRACKER_DB_NAME, TRACKER_DB_USER, TRACKER_DB_PASSWORD"
        )
    url = sa.engine.URL.create(
        "postgresql+psycopg2",
        username=env.get("TRACKER_DB_USER") or None,
        password=env.get("TRACKER_DB_PASSWORD") or None,
        host=env["TRACKER_DB_HOST"],
        port=int(env.get("TRACKER_DB_PORT") or 5432),
        database=env.get("TRACKER_DB_NAME") or "rasa",
    )
    return url.render_as_string(hide_password=False)


@functools.lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    return sa.create_engine(url, pool_pre_ping=True, future=True)


def _events(engine: Engine) -> sa.Table:
    schema = os.environ.get("POSTGRESQL_SCHEMA") if engine.dialect.name == "postgresql" else None
    metadata = sa.MetaData()
    # The columns we use, as Rasa 3.6 creates them (rasa/core/tracker_store.py, SQLEvent).
    return sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255)),
        sa.Column("type_name", sa.String(255)),
        sa.Column("timestamp", sa.Float),
        schema=schema,
    )


def _has_events_table(engine: Engine, table: sa.Table) -> bool:
    return sa.inspect(engine).has_table(table.name, schema=table.schema)


@dataclass(frozen=True)
class PurgeReport:
    conversations: int
    events: int
    cutoff: float
    dry_run: bool

    def __str__(self) -> str:
        verb = "would delete" if self.dry_run else "deleted"
        when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(self.cutoff))
        return (
            f"{verb} {self.conversations} conversation(s), {self.events} event(s) "
            f"(last event before {when})"
        )


def purge(url: str, days: float, *, dry_run: bool = False, now: float | None = None) -> PurgeReport:
    """Delete the conversations whose last event is older than ``days`` days.

    Only events older than the cutoff are deleted, even if a message arrives for a conversation
    while the purge runs: at worst that conversation keeps its newest events (a new session).
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    cutoff = (time.time() if now is None else now) - days * DAY
    engine = _engine(url)
    events = _events(engine)
    if not _has_events_table(engine, events):
        return PurgeReport(0, 0, cutoff, dry_run)
    stale = (
        sa.select(events.c.sender_id)
        .group_by(events.c.sender_id)
        .having(sa.func.max(events.c.timestamp) < cutoff)
    )
    with engine.begin() as conn:
        senders = [row[0] for row in conn.execute(stale)]
        if not senders:
            return PurgeReport(0, 0, cutoff, dry_run)
        count = 0
        for chunk in _chunks(senders, 500):
            condition = sa.and_(events.c.sender_id.in_(chunk), events.c.timestamp < cutoff)
            if dry_run:
                count += conn.execute(
                    sa.select(sa.func.count()).select_from(events).where(condition)
                ).scalar_one()
            else:
                count += conn.execute(sa.delete(events).where(condition)).rowcount
    return PurgeReport(len(senders), count, cutoff, dry_run)


def forget_conversation(url: str, sender_id: str, before: float | None = None) -> int:
    """Delete the events of ``sender_id`` (all of them, or those up to ``before``).

    Returns the number of events deleted. Safe to call twice. See the module docstring: when
    called from inside an action, call it again with ``before`` once Rasa has saved the turn.
    """
    engine = _engine(url)
    events = _events(engine)
    if not _has_events_table(engine, events):
        return 0
    condition = events.c.sender_id == sender_id
    if before is not None:
        condition = sa.and_(condition, events.c.timestamp <= before)
    with engine.begin() as conn:
        return conn.execute(sa.delete(events).where(condition)).rowcount


def record_forget_request(sender_id: str, path: str | Path | None = None,
                          at: float | None = None) -> None:  # fmt: skip
    """Append a request to the forget log read by ``forget-pending``."""
    target = Path(path or os.environ.get("ORIENTEUR_FORGET_LOG") or DEFAULT_FORGET_LOG)
    target.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"sender_id": sender_id, "at": time.time() if at is None else at})
    with target.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def process_forget_requests(url: str, path: str | Path, *, min_age: float = 5.0,
                            now: float | None = None) -> tuple[int, int]:  # fmt: skip
    """Apply the requests of the forget log older than ``min_age`` seconds.

    Deletes each conversation's events up to the request time, then rewrites the log with the
    requests too recent to apply (Rasa may still be saving that turn). Returns
    (requests applied, events deleted). A line that cannot be read is dropped and reported.
    """
    source = Path(path)
    if not source.exists():
        return 0, 0
    now = time.time() if now is None else now
    # Take the file first so that requests appended meanwhile go to a fresh file.
    work = source.with_name(source.name + f".{os.getpid()}.work")
    try:
        source.replace(work)
    except FileNotFoundError:  # another run took it
        return 0, 0
    keep: list[str] = []
    applied = deleted = 0
    for raw in work.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        try:
            request = json.loads(raw)
            sender_id, at = str(request["sender_id"]), float(request["at"])
        except (ValueError, KeyError, TypeError):
            print(f"forget log: unreadable line dropped: {raw[:80]!r}", file=sys.stderr)
            continue
        if now - at < min_age:
            keep.append(raw)
            continue
        deleted += forget_conversation(url, sender_id, before=at)
        forget_referrals(sender_id)
        applied += 1
    if keep:
        with source.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(keep) + "\n")
    work.unlink()
    return applied, deleted


def forget_referrals(sender_id: str) -> int:
    """The referrals made from this conversation (bot/referrals) go with it, and their jobs."""
    from bot.referrals.models import default_url, open_engine
    from bot.referrals.service import forget_conversation as forget_referrals_of

    url = default_url()
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return 0  # referrals never used here
    return forget_referrals_of(open_engine(url), sender_id)


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.retention",
        description="Delete old or forgotten conversations from Rasa's SQL tracker store.",
    )
    parser.add_argument("--url", help="SQLAlchemy URL (default: TRACKER_DATABASE_URL or "
                        "TRACKER_DB_*)")  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True)
    p_purge = sub.add_parser("purge", help="delete conversations idle for more than N days")
    p_purge.add_argument("--days", type=float, required=True)
    p_purge.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    p_forget = sub.add_parser("forget", help="delete one conversation")
    p_forget.add_argument("sender_id")
    p_pending = sub.add_parser("forget-pending", help="apply the recorded forget requests")
    p_pending.add_argument("--log", default=os.environ.get("ORIENTEUR_FORGET_LOG",
                                                           DEFAULT_FORGET_LOG))  # fmt: skip
    args = parser.parse_args(argv)
    try:
        url = args.url or database_url_from_env()
    except RetentionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "purge":
        if args.days < 0:
            parser.error("--days must be >= 0")
        print(purge(url, args.days, dry_run=args.dry_run))
    elif args.command == "forget":
        print(f"deleted {forget_conversation(url, args.sender_id)} event(s)")
        print(f"deleted {forget_referrals(args.sender_id)} referral(s)")
    else:
        applied, deleted = process_forget_requests(url, args.log)
        print(f"applied {applied} forget request(s), deleted {deleted} event(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
