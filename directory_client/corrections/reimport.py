"""Re-importing a newer source file: what is new, changed or gone, and the local corrections
kept through it.

The importer rewrites a place from its source records whenever one of them changed. After the
import, each accepted correction is read against the place again, field by field:

- the field still has the corrected value: kept;
- it is back to the value the correction replaced: the source did not change that field, the
  import only rewrote it — the correction is applied again (``reapplied``);
- it has a third value: the source changed the same field. The source's value stays, the
  correction becomes a ``conflict`` for the coordinator to look at again.

Records the file no longer has are listed as ``gone``; the importer keeps their places.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from directory_client.corrections.queue import apply_values, log_action
from directory_client.directory import Directory
from directory_client.models import Correction, Place, PlaceSource
from directory_client.types import ImportReport

ACTOR = "import"


@dataclass
class ReimportReport:
    imported: ImportReport
    new: list[tuple[str, str]] = field(default_factory=list)  # (source, id)
    changed: list[tuple[str, str]] = field(default_factory=list)
    gone: list[tuple[str, str]] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)  # correction ids
    reapplied: list[int] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)


def reimport(directory: Directory, paths: list[str | Path]) -> ReimportReport:
    before = _records(directory.Session)
    imported = directory.import_files(paths)
    after = _records(directory.Session)
    seen = list(dict.fromkeys(imported.keys))
    known = set(seen)
    sources = {source for source, _id in seen}
    result = ReimportReport(
        imported=imported,
        new=[k for k in seen if k not in before],
        changed=[k for k in seen if k in before and after.get(k) != before[k]],
        gone=sorted(k for k in before if k[0] in sources and k not in known),
    )
    _keep_corrections(directory.Session, result)
    return result


def _records(Session: sessionmaker) -> dict[tuple[str, str], str]:
    with Session() as session:
        rows = session.execute(select(PlaceSource.source, PlaceSource.source_id, PlaceSource.raw))
        return {(source, source_id): raw or "" for source, source_id, raw in rows}


def _keep_corrections(Session: sessionmaker, result: ReimportReport) -> None:
    with Session.begin() as session:
        corrections = session.execute(
            select(Correction)
            .where(Correction.status == "accepted")
            .order_by(Correction.reviewed_at, Correction.id)
        ).scalars()
        for correction in corrections:
            place = session.get(Place, correction.place_id)
            changes = json.loads(correction.changes or "{}")
            again, conflicts = {}, {}
            for name, (replaced, corrected) in changes.items():
                now = getattr(place, name)
                if _same(now, corrected):
                    continue
                if _same(now, replaced):
                    again[name] = corrected
                else:
                    conflicts[name] = {"correction": corrected, "source": now}
            if again:  # the fields the source left alone, even beside a conflict
                apply_values(place, again)
                log_action(session, ACTOR, "reapply", correction.id, again)
                result.reapplied.append(correction.id)
            if conflicts:
                correction.status = "conflict"
                correction.review_note = json.dumps(conflicts, ensure_ascii=False, default=str)
                log_action(session, ACTOR, "conflict", correction.id, conflicts)
                result.conflicts.append(
                    {"correction": correction.id, "place": place.public_id, "fields": conflicts}
                )
            if not again and not conflicts:
                result.kept.append(correction.id)


def _same(stored, logged) -> bool:
    """A stored value against one read back from the JSON log (floats, dates as text)."""
    if stored is None or logged is None:
        return stored is logged
    if isinstance(stored, float):
        return abs(stored - float(logged)) < 1e-9
    return str(stored) == str(logged)
