"""The day's orientations, counted by need (and department) — nothing else.

Privacy by construction: the table has no column for a note, a name, a phone number or a place
finer than the department, and only known labels are accepted as the need.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from directory_client import labels

PARIS = ZoneInfo("Europe/Paris")
UNKNOWN_NEED = "Non précisé"
_DEPT_OK = set("0123456789AB")  # "59", "2A", "971"

SCHEMA = """
CREATE TABLE IF NOT EXISTS staff_orientations (
    day TEXT NOT NULL,          -- YYYY-MM-DD, Europe/Paris
    need TEXT NOT NULL,         -- a current service label, or 'Non précisé'
    departement TEXT NOT NULL,  -- '59', '2A', '971' or '' when unknown
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, need, departement)
)
"""


def today() -> date:
    return datetime.now(PARIS).date()


class DailyCounts:
    def __init__(self, path: str | Path = ":memory:") -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        with self._lock, self._db:
            self._db.execute(SCHEMA)

    def add(
        self, need: str | None, departement: str | None = None, day: date | None = None
    ) -> None:
        need = need if need in labels.SERVICES else UNKNOWN_NEED
        dept = (departement or "").strip().upper()
        if not (1 <= len(dept) <= 3 and set(dept) <= _DEPT_OK):
            dept = ""
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO staff_orientations (day, need, departement, n) VALUES (?, ?, ?, 1) "
                "ON CONFLICT(day, need, departement) DO UPDATE SET n = n + 1",
                ((day or today()).isoformat(), need, dept),
            )

    def for_day(self, day: date | None = None) -> dict:
        key = (day or today()).isoformat()
        with self._lock:
            rows = self._db.execute(
                "SELECT need, departement, n FROM staff_orientations WHERE day = ? "
                "ORDER BY n DESC, need",
                (key,),
            ).fetchall()
        by_need: dict[str, int] = {}
        by_dept: dict[str, int] = {}
        for need, dept, n in rows:
            by_need[need] = by_need.get(need, 0) + n
            if dept:
                by_dept[dept] = by_dept.get(dept, 0) + n
        ordered = dict(sorted(by_need.items(), key=lambda kv: (-kv[1], kv[0])))
        return {
            "day": key,
            "total": sum(by_need.values()),
            "by_need": ordered,
            "by_departement": dict(sorted(by_dept.items())),
        }

    def close(self) -> None:
        self._db.close()
