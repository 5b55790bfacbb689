"""The correction queue: report a problem on a place → a coordinator of its territory reviews
it → accepted, the change applies at once, with its provenance → exported for the producer.

What can be corrected, per kind of report:

- ``hours``: ``horaires`` (OSM opening_hours, checked), or only the comment saying what is wrong
  (a citizen's "fermé le mercredi en fait"): the coordinator writes the hours when accepting;
- ``phone``: ``telephone``;
- ``moved``: the address fields and the coordinates;
- ``service_removed``: a service the place no longer offers (its label, or a 1.0 label);
- ``closed``: the place closed for good — its ``horaires`` become ``off`` (always closed).

Every step is written to ``CorrectionLog``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from directory_client import hours, labels
from directory_client.corrections.scope import Coordinator
from directory_client.errors import CorrectionError, OutOfScope
from directory_client.exporter import export_format, record, write_records
from directory_client.models import Correction, CorrectionLog, Place, join_list, split_list

LOCAL_SOURCE = "correction locale"
CITIZEN = "citoyen"
ADDRESS_FIELDS = (
    "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude",
    "longitude",
)  # fmt: skip
KINDS: dict[str, tuple[str, ...]] = {
    "hours": ("horaires",),
    "phone": ("telephone",),
    "moved": ADDRESS_FIELDS,
    "service_removed": ("services",),
    "closed": (),
}
CLOSED_HOURS = "off"
# Kinds a report may make in words alone (its comment): the reviewer gives the values to accept.
IN_WORDS = ("hours",)


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Pending:
    id: int
    place: str  # public id
    nom: str
    commune: str | None
    kind: str
    proposed: dict[str, Any]
    current: dict[str, Any]  # the place's values of the same fields, to compare
    comment: str | None
    reported_by: str
    reported_at: datetime


def report(
    Session: sessionmaker,
    public_id: str,
    kind: str,
    proposed: dict[str, Any] | None = None,
    *,
    reported_by: str = CITIZEN,
    comment: str | None = None,
) -> int:
    """Queue a problem on a place. → the correction's id. Nothing changes before a review."""
    proposed = dict(proposed or {})
    with Session.begin() as session:
        place = _place(session, public_id)
        proposed = _checked(place, kind, proposed, in_words=bool((comment or "").strip()))
        correction = Correction(
            place_id=place.id,
            kind=kind,
            proposed=json.dumps(proposed, ensure_ascii=False),
            comment=(comment or "").strip()[:1000] or None,
            reported_by=reported_by,
            reported_at=now(),
            status="pending",
        )
        session.add(correction)
        session.flush()
        log_action(session, reported_by, "report", correction.id, {"kind": kind, **proposed})
        return correction.id


def pending(Session: sessionmaker, coordinator: Coordinator) -> list[Pending]:
    """The reports waiting for this coordinator: places of their territory, oldest first."""
    with Session() as session:
        rows = session.execute(
            select(Correction, Place)
            .join(Place, Correction.place_id == Place.id)
            .where(Correction.status == "pending", coordinator.places())
            .order_by(Correction.reported_at, Correction.id)
        ).all()
        return [
            Pending(
                id=c.id,
                place=p.public_id,
                nom=p.nom,
                commune=p.commune,
                kind=c.kind,
                proposed=json.loads(c.proposed),
                current={f: getattr(p, f) for f in _fields(c.kind)},
                comment=c.comment,
                reported_by=c.reported_by,
                reported_at=c.reported_at,
            )
            for c, p in rows
        ]


def accept(
    Session: sessionmaker,
    correction_id: int,
    coordinator: Coordinator,
    note: str | None = None,
    values: dict[str, Any] | None = None,
) -> dict[str, list]:
    """Apply a pending correction now: the values it proposes, or the reviewer's own ``values``
    of the same fields (checked as a report's; required for a report made in words alone).
    → ``{field: [before, after]}``."""
    with _refusals_logged(Session, correction_id, coordinator), Session.begin() as session:
        correction, place = _reviewable(session, correction_id, coordinator)
        proposed = json.loads(correction.proposed)
        if values:
            proposed = _checked(place, correction.kind, dict(values))
        elif correction.kind != "closed" and not proposed:
            raise CorrectionError(
                f"correction {correction_id} says what is wrong in words only: "
                f"give the {list(KINDS[correction.kind])} to accept it"
            )
        changes = apply_values(place, _values(place, correction.kind, proposed))
        correction.changes = json.dumps(changes, ensure_ascii=False, default=str)
        correction.status = "accepted"
        correction.reviewed_by, correction.reviewed_at = coordinator.username, now()
        correction.review_note = note
        log_action(session, coordinator.username, "accept", correction.id, changes)
        return changes


def reject(Session: sessionmaker, correction_id: int, coordinator: Coordinator, note: str) -> None:
    with _refusals_logged(Session, correction_id, coordinator), Session.begin() as session:
        correction, _ = _reviewable(session, correction_id, coordinator)
        correction.status = "rejected"
        correction.reviewed_by, correction.reviewed_at = coordinator.username, now()
        correction.review_note = note
        log_action(session, coordinator.username, "reject", correction.id, {"note": note})


def provenance(Session: sessionmaker, public_id: str) -> dict[str, dict[str, Any]]:
    """Fields of a place that a local correction set: ``{field: {source, by, at, id}}``."""
    with Session() as session:
        place = _place(session, public_id)
        rows = session.execute(
            select(Correction)
            .where(Correction.place_id == place.id, Correction.status == "accepted")
            .order_by(Correction.reviewed_at, Correction.id)
        ).scalars()
        found: dict[str, dict[str, Any]] = {}
        for c in rows:
            for field in json.loads(c.changes or "{}"):
                found[field] = {
                    "source": LOCAL_SOURCE,
                    "by": c.reviewed_by,
                    "at": c.reviewed_at.isoformat(timespec="seconds"),
                    "correction": c.id,
                }
        return found


def export_corrected(
    Session: sessionmaker,
    path: str | Path,
    fmt: str | None = None,
    coordinator: Coordinator | None = None,
) -> int:
    """The places changed by accepted corrections (of one coordinator's territory, or all), in
    the national standard, for the upstream producer: ``source`` ends with "correction locale"
    and ``date_maj`` is the last review's day. → records written."""
    path = Path(path)
    fmt = export_format(path, fmt)
    with Session() as session:
        query = (
            select(Place, Correction.reviewed_at)
            .join(Correction, Correction.place_id == Place.id)
            .where(Correction.status == "accepted")
            .order_by(Place.id, Correction.reviewed_at)
        )
        if coordinator is not None:
            query = query.where(coordinator.places())
        rows = session.execute(query).all()
        latest: dict[int, tuple[Place, datetime]] = {p.id: (p, at) for p, at in rows}
        records = []
        for place, reviewed_at in latest.values():
            out = record(place)
            out["source"] = join_list([*split_list(place.source), LOCAL_SOURCE])
            out["date_maj"] = reviewed_at.date().isoformat()
            records.append(out)
    return write_records(records, path, fmt)


# --- applying values ----------------------------------------------------------------------------
def apply_values(place: Place, values: dict[str, Any]) -> dict[str, list]:
    """Set ``values`` on ``place`` (with what they imply); → ``{field: [before, after]}``."""
    changes: dict[str, list] = {}
    for field, value in values.items():
        before = getattr(place, field)
        if before != value:
            changes[field] = [before, value]
            setattr(place, field, value)
    if "services" in changes:
        place.services_mask = labels.services_mask(split_list(place.services))
    if "horaires" in changes:
        place.horaires_valides = True
    return changes


def _values(place: Place, kind: str, proposed: dict[str, Any]) -> dict[str, Any]:
    """The field values a report means, read against the place as it is now."""
    if kind == "closed":
        return {"horaires": CLOSED_HOURS}
    if kind == "service_removed":
        removed = labels.current_service(proposed["services"])
        return {"services": join_list([s for s in split_list(place.services) if s != removed])}
    return proposed


def _checked(
    place: Place, kind: str, proposed: dict[str, Any], in_words: bool = False
) -> dict[str, Any]:
    """The proposed values as stored; ``in_words``: the report says what is wrong in a comment,
    which is enough for the kinds of ``IN_WORDS``."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown kind of report {kind!r}: one of {list(KINDS)}")
    unknown = set(proposed) - set(KINDS[kind])
    if unknown:
        raise CorrectionError(f"a {kind!r} report cannot change {sorted(unknown)}")
    if kind != "closed" and not proposed and not (in_words and kind in IN_WORDS):
        raise CorrectionError(f"a {kind!r} report says what is now true: {list(KINDS[kind])}")
    if kind == "hours" and proposed and not hours.is_valid(proposed["horaires"]):
        raise CorrectionError(f"unreadable opening hours {proposed['horaires']!r}")
    if kind == "service_removed":
        label = labels.current_service(str(proposed["services"]))
        if label is None or label not in split_list(place.services):
            raise CorrectionError(f"{place.nom!r} does not offer {proposed['services']!r}")
    for field in ("latitude", "longitude"):
        if field in proposed:
            try:
                proposed[field] = float(proposed[field])
            except (TypeError, ValueError) as exc:
                raise CorrectionError(f"{field} must be a number") from exc
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in proposed.items()}


def _fields(kind: str) -> tuple[str, ...]:
    return KINDS.get(kind) or ("horaires",)


def _place(session: Session, public_id: str) -> Place:
    place = session.execute(select(Place).where(Place.public_id == public_id)).scalar_one_or_none()
    if place is None:
        raise CorrectionError(f"no place {public_id!r}")
    return place


def _reviewable(
    session: Session, correction_id: int, coordinator: Coordinator
) -> tuple[Correction, Place]:
    correction = session.get(Correction, correction_id)
    if correction is None:
        raise CorrectionError(f"no correction {correction_id}")
    place = session.get(Place, correction.place_id)
    if not coordinator.covers(place):
        log_action(
            session, coordinator.username, "refused", correction.id, {"scope": coordinator.code}
        )
        raise OutOfScope(
            f"{coordinator.username} coordinates {coordinator.level} {coordinator.code}: "
            f"{place.nom!r} ({place.departement}) is not theirs"
        )
    if correction.status != "pending":
        raise CorrectionError(f"correction {correction_id} is already {correction.status}")
    return correction, place


@contextmanager
def _refusals_logged(
    Session: sessionmaker, correction_id: int, coordinator: Coordinator
) -> Iterator[None]:
    """An attempt outside the coordinator's territory is logged (in its own transaction: the
    refused one is rolled back), then refused."""
    try:
        yield
    except OutOfScope:
        with Session.begin() as session:
            scope = f"{coordinator.level}:{coordinator.code}"
            log_action(session, coordinator.username, "refused", correction_id, {"scope": scope})
        raise


def log_action(
    session: Session, actor: str, action: str, correction_id: int | None, detail
) -> None:
    session.add(
        CorrectionLog(
            at=now(),
            actor=actor,
            action=action,
            correction_id=correction_id,
            detail=json.dumps(detail, ensure_ascii=False, default=str),
        )
    )
