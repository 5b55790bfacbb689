"""One import run: read every file, normalise, upsert/merge, write — in one transaction."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from directory_client.importer import fields, france_services, rules
from directory_client.importer.gc_pause import gc_paused
from directory_client.importer.merge import MergeIndex
from directory_client.importer.normalise import Record, Rejected, normalise
from directory_client.importer.readers import RawFile, read_file
from directory_client.importer.state import DERIVED, PlaceState
from directory_client.importer.writer import PLACE_COLUMNS, Writer
from directory_client.models import (
    FieldProvenance,
    ImportRun,
    Mediator,
    MobileService,
    Place,
    PlaceSource,
    split_list,
)
from directory_client.types import ImportProblem, ImportReport


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def import_files(Session: sessionmaker, paths: list[Path]) -> ImportReport:
    """Import ``paths`` in one transaction; any unexpected error rolls everything back."""
    report = ImportReport(files=[str(p) for p in paths])
    with gc_paused(), Session.begin() as session:
        run = Importer(session, report)
        run.preload()
        for path in paths:
            run.import_file(read_file(Path(path)))
        run.finish()
    return report


class Importer:
    def __init__(self, session: Session, report: ImportReport, today: date | None = None) -> None:
        self.session = session
        self.report = report
        self.today = today or date.today()
        self.started = _now()
        self.states: list[PlaceState] = []
        self.by_place_id: dict[int, int] = {}
        # (source, id) → (state index, raw text, the rules it was read under)
        self.records: dict[tuple[str, str], tuple[int, str, str | None]] = {}
        self.rules = rules.version()
        report.rules = self.rules
        self.public_ids: dict[str, int] = {}  # public id → state index
        self.index = MergeIndex()
        self.mobile_ids: dict[str, int] = {}
        self.mobile_pending: dict[str, dict] = {}
        self.mediator_keys: set[str] = set()
        self.pending_sources: list[tuple[int, Record, str]] = []
        self.changed_sources: list[tuple[int, Record]] = []
        self.reread_sources: list[tuple[str, str]] = []  # (source, id) re-read under new rules
        self.writer = Writer(session, self)

    # --- preload: a handful of queries, then no SELECT per record -------------------------------
    def preload(self) -> None:
        s = self.session
        self.mobile_ids = dict(s.execute(select(MobileService.key, MobileService.id)).all())
        mobile_keys = {mid: key for key, mid in self.mobile_ids.items()}
        rows = s.execute(
            select(
                Place.id,
                Place.public_id,
                Place.nom,
                Place.adresse,
                Place.code_postal,
                Place.commune,
                Place.typologie,
                Place.latitude,
                Place.longitude,
                Place.source,
                Place.mobile_service_id,
            )
        )
        for pid, public_id, nom, adresse, cp, commune, kinds, lat, lon, source, mobile in rows:
            state = PlaceState(public_id=public_id, id=pid, sources=split_list(source))
            state.mobile_key = mobile_keys.get(mobile)
            state.stop_written = mobile is not None
            key = self._add_state(state)
            self.index.add(
                key,
                {
                    "nom": nom,
                    "adresse": adresse,
                    "code_postal": cp,
                    "commune": commune,
                    "typologie": kinds,
                    "latitude": lat,
                    "longitude": lon,
                },
                set(state.sources),
            )
        for source, source_id, place_id, raw, read_under in s.execute(
            select(
                PlaceSource.source,
                PlaceSource.source_id,
                PlaceSource.place_id,
                PlaceSource.raw,
                PlaceSource.rules,
            )
        ):
            key = self.by_place_id[place_id]
            self.records[(source, source_id)] = (key, raw or "", read_under)
            self.states[key].record_count += 1
        self.mediator_keys = set(s.execute(select(Mediator.key)).scalars())
        run = s.execute(
            insert(ImportRun).values(
                started_at=self.started,
                files=json.dumps(self.report.files, ensure_ascii=False),
                rules=self.rules,
            )
        )
        self.run_id = run.inserted_primary_key[0]

    def _add_state(self, state: PlaceState) -> int:
        self.states.append(state)
        key = len(self.states) - 1
        if state.id is not None:
            self.by_place_id[state.id] = key
        self.public_ids[state.public_id] = key
        return key

    # --- one file ---------------------------------------------------------------------------
    def import_file(self, raw_file: RawFile) -> None:
        name = raw_file.path.name
        default_source = raw_file.path.stem
        published = france_services.file_date(raw_file.path)
        seen_ids: dict[str, str] = {}
        unknown_fields: set[str] = set()
        for index, raw in enumerate(raw_file.records):
            self.report.read += 1
            locator = f"#{index}"
            if not isinstance(raw, dict):
                self._problem(
                    name, locator, None, "enregistrement qui n'est pas un objet", "rejected"
                )
                continue
            raw_in = raw
            extra = raw.get("_extra_values")
            if raw_file.fmt == "france-services-csv":
                raw, unreadable = france_services.to_standard(raw, published)
                for cell in unreadable:
                    self._problem(
                        name,
                        str(raw.get("id") or locator),
                        "horaires",
                        f"horaires France Services illisibles ({cell})",
                        "warning",
                    )
            rid = raw.get("id")
            if rid not in (None, "") and not isinstance(rid, (dict, list)):
                locator = str(rid).strip() or locator
            warnings: list[tuple[str | None, str]] = []
            try:
                record = normalise(
                    raw, default_source, self.today, _collector(warnings), unknown_fields
                )
            except Rejected as exc:
                self._problem(name, locator, exc.field, exc.reason, "rejected")
                continue
            first = seen_ids.get(record.source_id)
            if first is not None:
                self._problem(
                    name,
                    locator,
                    "id",
                    f"identifiant en double dans le fichier (déjà vu en {first})",
                    "rejected",
                )
                continue
            seen_ids[record.source_id] = f"#{index}"
            self.report.hours_from_french += record.hours_from_french
            self.report.positions_repaired += record.position_repaired
            self.report.addresses_cleaned += record.address_cleaned
            if extra:
                warnings.append((None, f"valeurs au-delà des colonnes, ignorées : {extra!r}"))
            for field_name, reason in warnings:
                self._problem(name, locator, field_name, reason, "warning")
            record.raw = json.dumps(raw_in, ensure_ascii=False, sort_keys=True, default=str)
            self._upsert(record, name)
        for key in sorted(unknown_fields):
            self._problem(name, "*", key, "champ inconnu du standard, ignoré", "warning")
        self.writer.flush()

    def _problem(self, file: str, record: str, field: str | None, reason: str, severity) -> None:
        self.report.problems.append(ImportProblem(file, record, field, reason, severity))
        if severity == "rejected":
            self.report.rejected += 1

    # --- upsert / merge -----------------------------------------------------------------------
    def _upsert(self, record: Record, file: str) -> None:
        key = (record.source, record.source_id)
        self.report.keys.append(key)
        known = self.records.get(key)
        if known is not None:
            state_key, raw, read_under = known
            if raw == record.raw:
                if read_under != self.rules:
                    self._reread(state_key, record)
                else:
                    self.report.unchanged += 1
                return
            state = self._loaded(state_key)
            state.apply(record, same_record=True)
            state.dirty = True
            self.records[key] = (state_key, record.raw, self.rules)
            self.changed_sources.append((state_key, record))
            self._attach(state_key, record)
            self.report.updated += 1
            return
        # A record carrying one of our public ids (our own export) describes that place.
        own = record.source_id == record.public_id
        target = self.public_ids.get(record.public_id) if own else None
        if target is None:
            target = self.index.match(record.values, record.sources)
        door = False
        if target is None and not own:  # our own export has one place per door already
            target = self.index.door(record.values)
            door = target is not None
            self.report.same_door += door
        if target is not None:
            state = self._loaded(target)
            state.record_count += 1
            state.provenance_dirty = True
            if state.apply(record):
                state.dirty = True
            self.index.by_key[target].sources.update(record.sources)
            self.index.alias(target, record.values)
            self.index.alias(target, state.values)
            self.report.merged += 1
            state_key = target
        else:
            public_id = record.public_id
            suffix = 2
            while public_id in self.public_ids:
                public_id = f"{record.public_id}~{suffix}"
                suffix += 1
            record.public_id = public_id
            state = PlaceState.create(record)
            state_key = self._add_state(state)
            self.index.add(state_key, record.values, set(record.sources))
            self.report.created += 1
        self.records[key] = (state_key, record.raw, self.rules)
        self.pending_sources.append((state_key, record, file))
        # A bus based at a fixed desk's door does not make the desk one of its stops.
        fixed = door and (state.values or {}).get("itinerance") == "Fixe"
        self._attach(state_key, record, moves=not fixed)

    def _reread(self, state_key: int, record: Record) -> None:
        """A record whose text is unchanged, read under rules that changed since it was last
        read: what the new rules make of it replaces what the old ones made (the fields it gave,
        and what is derived from them); the place is written only when something changed. It
        stays merged into the same place (the merge is not made again). A place fed by several
        records keeps the list items the others gave (``PlaceState.apply``'s ``unite``)."""
        state = self._loaded(state_key)
        before = dict(state.values or {})
        state.apply(record, same_record=True, unite=state.record_count > 1)
        state.derive(record)
        if state.values != before:
            state.dirty = True
            state.provenance_dirty = True
            self.report.reread_changed += 1
        self.records[(record.source, record.source_id)] = (state_key, record.raw, self.rules)
        self.reread_sources.append((record.source, record.source_id))
        self.report.reread += 1

    def _attach(self, state_key: int, record: Record, moves: bool = True) -> None:
        state = self.states[state_key]
        if record.mobile and moves and state.mobile_key is None:
            kind, group, mkey = record.mobile
            state.mobile_key = mkey
            state.dirty = True
            if mkey not in self.mobile_ids and mkey not in self.mobile_pending:
                v = record.values
                self.mobile_pending[mkey] = {
                    "key": mkey,
                    "nom": group,
                    "kind": kind,
                    "telephone": v.get("telephone"),
                    "courriels": v.get("courriels"),
                    "site_web": v.get("site_web"),
                    "source": record.sources[0],
                }
        state.roles.update(record.roles)

    def _loaded(self, state_key: int) -> PlaceState:
        """A place with its full values and provenance. Places of the database are loaded all
        at once on the first need (three queries), not one by one."""
        state = self.states[state_key]
        if state.values is None:
            self._load_stored_places()
        return state

    def _load_stored_places(self) -> None:
        s = self.session
        pending = {st.id: st for st in self.states if st.values is None and st.id is not None}
        columns = [Place.__table__.c[c] for c in PLACE_COLUMNS]
        for row in s.execute(select(Place.id, *columns)):
            st = pending.get(row[0])
            if st is not None:
                st.values = dict(zip(PLACE_COLUMNS, row[1:], strict=True))
        dates: dict[tuple[str, str], date | None] = {}
        records: dict[int, list[tuple[str, str]]] = {}
        for place_id, src, sid, raw, file in s.execute(
            select(
                PlaceSource.place_id,
                PlaceSource.source,
                PlaceSource.source_id,
                PlaceSource.raw,
                PlaceSource.file,
            )
        ):
            if place_id not in pending:
                continue
            try:
                found = json.loads(raw or "{}").get("date_maj")
            except (ValueError, AttributeError):
                found = None
            found = found or france_services.file_date(Path(file or ""))
            dates[(src, sid)] = fields.normalise_date(found, self.today)[0]
            records.setdefault(place_id, []).append((src, sid))
        for place_id, fname, src, sid in s.execute(
            select(
                FieldProvenance.place_id,
                FieldProvenance.field,
                FieldProvenance.source,
                FieldProvenance.source_id,
            )
        ):
            if place_id in pending:
                pending[place_id].provenance[fname] = (src, sid, dates.get((src, sid)))
        for place_id, st in pending.items():
            if st.values is None:
                st.values = {}
            mine = records.get(place_id, [])
            if not st.provenance and len(mine) == 1:  # single-record place: all from it
                origin = (*mine[0], dates.get(mine[0]))
                st.provenance = {
                    k: origin
                    for k, v in st.values.items()
                    if k not in DERIVED and v not in (None, "")
                }

    def finish(self) -> None:
        r = self.report
        self.session.execute(
            update(ImportRun)
            .where(ImportRun.id == self.run_id)
            .values(
                finished_at=_now(),
                created=r.created,
                updated=r.updated,
                merged=r.merged,
                rejected=r.rejected,
                warnings=r.warnings,
                reread=r.reread,
            )
        )


def _collector(warnings: list[tuple[str | None, str]]):
    return lambda field, reason: warnings.append((field, reason))
