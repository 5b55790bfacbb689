"""The production tracker store keeps Rasa's storage rule: each event stored once, in order,
across conversation sessions (checked against Rasa's own SQLTrackerStore on the same turns)."""

from __future__ import annotations

import asyncio
import json

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

from bot.tracker_store import OrienteurSQLTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [ask_help]
slots:
  town: {type: text, mappings: [{type: custom}]}
""")


def _turns() -> list[list]:
    """Events added turn by turn; the third turn starts a new session (as after an idle hour)."""
    return [
        [ActionExecuted("action_session_start", timestamp=0.9), SessionStarted(timestamp=1.0),
         ActionExecuted("action_listen", timestamp=1.1)],
        [UserUttered("aide CAF", {"name": "ask_help"}, timestamp=2.0),
         SlotSet("town", "Lille", timestamp=2.1), ActionExecuted("action_listen", timestamp=2.2)],
        [ActionExecuted("action_session_start", timestamp=10.0), SessionStarted(timestamp=10.1),
         ActionExecuted("action_listen", timestamp=10.2)],
        [UserUttered("et à Roubaix ?", {"name": "ask_help"}, timestamp=11.0),
         ActionExecuted("action_listen", timestamp=11.1)],
    ]  # fmt: skip


def _stored_rows(store: SQLTrackerStore) -> list[tuple[str, float]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT type_name, data FROM events ORDER BY id")).all()
    return [(t, json.loads(d)["timestamp"]) for t, d in rows]


def _play(store: SQLTrackerStore) -> list[tuple[str, float]]:
    async def run() -> None:
        for events in _turns():
            tracker = await store.retrieve("someone") or store.init_tracker("someone")
            for event in events:
                tracker.update(event)
            await store.save(tracker)

    asyncio.run(run())
    return _stored_rows(store)


def test_every_event_is_stored_once_in_order_across_sessions(tmp_path) -> None:
    ours = OrienteurSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "ours.db"))
    rasas = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    stored = _play(ours)
    assert stored == _play(rasas)
    expected = [(e.type_name, e.timestamp) for turn in _turns() for e in turn]
    assert [t for t, _ in stored] == [t for t, _ in expected]
    assert len(stored) == 11
