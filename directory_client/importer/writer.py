"""Writes of an import run: bulk inserts per file, updates of merged places, provenance,
mobile-service stops and mediators with their permanences."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Protocol

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from directory_client.geo import lat_band
from directory_client.importer import fields
from directory_client.importer.normalise import MEDIATOR_ROLES, Record
from directory_client.importer.state import PlaceState
from directory_client.models import (
    FieldProvenance,
    Mediator,
    MobileService,
    Permanence,
    Place,
    PlaceSource,
    split_list,
)

PLACE_COLUMNS = [c.name for c in Place.__table__.columns if c.name not in ("id", "public_id")]
_CHUNK = 500


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class RunMemory(Protocol):
    """What the writer reads and completes of the run's memory (``run.Importer`` has it): the
    writer knows this shape, not the run, so the run imports the writer and not the reverse."""

    states: list[PlaceState]
    by_place_id: dict[int, int]  # database id → index in ``states``
    mobile_ids: dict[str, int]  # mobile service key → database id
    mobile_pending: dict[str, dict]  # mobile services to insert
    mediator_keys: set[str]
    pending_sources: list[tuple[int, Record, str]]  # (state index, record, file) to insert
    changed_sources: list[tuple[int, Record]]  # (state index, record) to update
    reread_sources: list[tuple[str, str]]  # (source, id) read again under the run's rules
    rules: str  # the run's import rules (importer.rules.version)


class Writer:
    """Writes what the run has in memory; called once per file, inside the run's transaction."""

    def __init__(self, session: Session, run: RunMemory) -> None:
        self.session = session
        self.run = run

    def flush(self) -> None:
        s = self.session
        now = _now()
        if self.run.mobile_pending:
            s.execute(insert(MobileService), list(self.run.mobile_pending.values()))
            keys = list(self.run.mobile_pending)
            for chunk in chunks(keys):
                self.run.mobile_ids.update(
                    s.execute(
                        select(MobileService.key, MobileService.id).where(
                            MobileService.key.in_(chunk)
                        )
                    ).all()
                )
            self.run.mobile_pending.clear()

        new = [st for st in self.run.states if st.id is None]
        if new:
            bulk_insert(s, Place.__table__, [self.place_row(st) for st in new])
            by_public = {st.public_id: st for st in new}
            for chunk in chunks(list(by_public)):
                for pid, public_id in s.execute(
                    select(Place.id, Place.public_id).where(Place.public_id.in_(chunk))
                ):
                    by_public[public_id].id = pid
            for key, st in enumerate(self.run.states):
                if st.id is not None and st.id not in self.run.by_place_id:
                    self.run.by_place_id[st.id] = key

        new_ids = {id(st) for st in new}
        dirty = [st for st in self.run.states if st.dirty and id(st) not in new_ids and st.values]
        if dirty:
            s.execute(
                update(Place).where(Place.id == bindparam("place_id")),
                [{**self.place_row(st), "place_id": st.id} for st in dirty],
            )

        rows = [
            {
                "source": r.source,
                "source_id": r.source_id,
                "place_id": self.run.states[k].id,
                "file": f,
                "raw": r.raw,
                "imported_at": now,
                "rules": self.run.rules,
            }
            for k, r, f in self.run.pending_sources
        ]
        bulk_insert(s, PlaceSource.__table__, rows)
        for k, r in self.run.changed_sources:
            s.execute(
                update(PlaceSource)
                .where(PlaceSource.source == r.source, PlaceSource.source_id == r.source_id)
                .values(
                    raw=r.raw, imported_at=now, place_id=self.run.states[k].id, rules=self.run.rules
                )
            )
        if self.run.reread_sources:
            s.execute(
                update(PlaceSource)
                .where(
                    PlaceSource.source == bindparam("src"),
                    PlaceSource.source_id == bindparam("sid"),
                )
                .values(rules=self.run.rules),
                [{"src": src, "sid": sid} for src, sid in self.run.reread_sources],
            )
        self.run.pending_sources.clear()
        self.run.changed_sources.clear()
        self.run.reread_sources.clear()

        # Provenance rows only for places fed by two records or more: a single-record place's
        # fields all come from that record (see models.FieldProvenance).
        prov_rows = []
        stale = []
        for st in new + dirty:
            if st.record_count < 2 or not (id(st) in new_ids or st.provenance_dirty):
                continue
            if id(st) not in new_ids:
                stale.append(st.id)
            prov_rows.extend(
                {"place_id": st.id, "field": f, "source": o[0], "source_id": o[1]}
                for f, o in st.provenance.items()
            )
            st.provenance_dirty = False
        for chunk in chunks(stale):
            s.execute(delete(FieldProvenance).where(FieldProvenance.place_id.in_(chunk)))
        bulk_insert(s, FieldProvenance.__table__, prov_rows)

        if dirty:  # presences at a place follow its hours (the data gives no other schedule)
            s.execute(
                update(Permanence)
                .where(Permanence.place_id == bindparam("pid"))
                .values(horaires=bindparam("hours")),
                [{"pid": st.id, "hours": st.values.get("horaires")} for st in dirty],
            )
        self.write_people(new + dirty)
        for st in new + dirty:
            st.dirty = False

    def place_row(self, st: PlaceState) -> dict:
        assert st.values is not None
        row = {c: st.values.get(c) for c in PLACE_COLUMNS}
        row["public_id"] = st.public_id
        # Every column is listed, so the model's Python default is bypassed: set the search key.
        row["lat_band"] = lat_band(row.get("latitude"))
        if st.mobile_key:
            row["mobile_service_id"] = self.run.mobile_ids.get(
                st.mobile_key, row["mobile_service_id"]
            )
        return row

    def write_people(self, states: list[PlaceState]) -> None:
        """Stops of mobile services and mediators named by the data, with their permanences."""
        s = self.session
        permanences: list[dict] = []
        mediators: list[dict] = []
        mediator_places: dict[str, PlaceState] = {}
        for st in states:
            v = st.values or {}
            mobile_id = self.run.mobile_ids.get(st.mobile_key or "")
            if mobile_id and not st.stop_written:
                permanences.append(
                    {
                        "place_id": st.id,
                        "mobile_service_id": mobile_id,
                        "mediator_id": None,
                        "horaires": v.get("horaires"),
                        "note": f"Arrêt : {v.get('nom')}",
                    }
                )
                st.stop_written = True
            for role in sorted(st.roles):
                key = f"{st.public_id}:{fields.slug(role)}"
                if key in self.run.mediator_keys:
                    continue
                self.run.mediator_keys.add(key)
                mediator_places[key] = st
                label = next(k for k, r in MEDIATOR_ROLES.items() if r == role)
                mediators.append(
                    {
                        "key": key,
                        "nom": f"{role} — {v.get('nom')}",
                        "role": role,
                        "labels": label,
                        "contact_channel": "telephone"
                        if v.get("telephone")
                        else ("courriel" if v.get("courriels") else "sur place"),
                        "telephone": v.get("telephone"),
                        "courriel": (split_list(v.get("courriels")) or [None])[0],
                        "prise_rdv": v.get("prise_rdv"),
                        "structure_place_id": st.id,
                        "source": (st.sources or [None])[0],
                    }
                )
        if mediators:
            bulk_insert(s, Mediator.__table__, mediators)
            for chunk in chunks(list(mediator_places)):
                for key, mid in s.execute(
                    select(Mediator.key, Mediator.id).where(Mediator.key.in_(chunk))
                ):
                    st = mediator_places[key]
                    permanences.append(
                        {
                            "place_id": st.id,
                            "mediator_id": mid,
                            "mobile_service_id": None,
                            "horaires": (st.values or {}).get("horaires"),
                            "note": "Horaires du lieu",
                        }
                    )
        bulk_insert(s, Permanence.__table__, permanences)


def bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """INSERT many rows. On SQLite the driver's ``executemany`` is called directly, with each
    column's own SQLAlchemy bind processor (dates, booleans): 3-5× faster than Core's per-row
    parameter handling for the ~120 000 rows of an import. Elsewhere (PostgreSQL), Core's
    executemany, which uses the driver's batch helpers."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    plain = all(p is None for p in processors)
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    if plain:
        params = [tuple(row[c] for c in columns) for row in rows]
    else:
        pairs = list(zip(columns, processors, strict=True))
        params = [
            tuple(row[c] if p is None or row[c] is None else p(row[c]) for c, p in pairs)
            for row in rows
        ]
    connection.exec_driver_sql(sql, params)


def chunks(items: list, size: int = _CHUNK) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]
