"""Rasa's SQL tracker store, surviving a restart of its database.

Rasa 3.6's ``SQLTrackerStore`` keeps pooled connections without checking them: after PostgreSQL
restarts (maintenance, fail-over), the next turn of every replica fails on a dead connection and
Rasa's fail-safe starts the conversation from scratch in memory — the context is lost and the
turn is never stored (tests/test_production.py::test_tracker_database_restart_mid_conversation).
Here the engine is the same but with ``pool_pre_ping``: a dead connection is replaced before use.

``endpoints.production.yml``: ``tracker_store: {type: bot.tracker_store.OrienteurSQLTrackerStore,
dialect: postgresql, url: …}`` (same options as ``type: SQL``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs


class OrienteurSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # waits for the database, creates the table
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
