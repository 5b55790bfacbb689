"""Opening hours: the strict OSM reading against the product's, on EVERY shipped record of the
embedded directory.

    python -m bench.hours_agreement [--list]

- strict: ``opening-hours-py`` on the raw text, in Europe/Paris time except Nouméa (988) — what
  ``directory_client.hours`` did before issue 19;
- product: ``directory_client.hours`` (the same library after ``hours.normalise``, in the
  place's own time zone from its postcode).

For each place with opening hours, both readings are evaluated over four reference weeks (the
open intervals, as absolute times) and at the moment of issue 19 (Saturday 5 December 2026,
07:36 in Paris). Prints how many records the two read the same, and every disagreement by kind
(``--list``: each text). A record is "unknown" for a reading that cannot parse it.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, State
from sqlalchemy import select

from directory_client import Directory, hours
from directory_client.models import Place

START = datetime(2026, 3, 2)  # a Monday; four weeks without a public holiday
END = START + timedelta(weeks=4)
ISSUE_MOMENT = datetime(2026, 12, 5, 7, 36, tzinfo=hours.PARIS)  # Saturday 07:36 (issue 19)

Reading = tuple[tuple[datetime, datetime, str], ...] | None


def _intervals(oh: OpeningHours | None, tz: ZoneInfo) -> Reading:
    """The open (and unknown) stretches of the reference weeks, in UTC."""
    if oh is None:
        return None
    try:
        return tuple(
            (start.replace(tzinfo=tz).astimezone(timezone.utc),
             end.replace(tzinfo=tz).astimezone(timezone.utc), str(state))
            for start, end, state, _c in oh.intervals(START, END) if state != State.CLOSED
        )  # fmt: skip
    except Exception:  # noqa: BLE001 - the Rust side may fail on odd input: unknown
        return None


def strict(text: str, code_postal: str | None) -> tuple[OpeningHours | None, ZoneInfo]:
    noumea = (code_postal or "").startswith("988")
    try:
        oh = OpeningHours(text.strip(), country=None if noumea else "FR")
    except Exception:  # noqa: BLE001 - a parse error: unknown
        oh = None
    return oh, hours.NOUMEA if noumea else hours.PARIS


def open_at(oh: OpeningHours | None, tz: ZoneInfo) -> bool | None:
    if oh is None:
        return None
    state, _comment = oh.state(ISSUE_MOMENT.astimezone(tz).replace(tzinfo=None))
    return {State.OPEN: True, State.CLOSED: False}.get(state)


def kind(text: str, raw: Reading, product: Reading, zone_changed: bool) -> str:
    if product is None:
        return "a range ending before it starts: unknown (OSM: open overnight)"
    if raw is None:
        return "read by the product only"
    if hours.normalise(text) != text.strip():
        return "an empty range (start = end): no opening (OSM: 24 hours)"
    if zone_changed:
        return "overseas: read in the place's time zone (was Paris time)"
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true", help="print every disagreeing text")
    args = parser.parse_args()
    directory = Directory()
    directory.ensure_loaded()
    with directory.Session() as session:
        rows = session.execute(select(Place.horaires, Place.code_postal)).all()
    total = len(rows)
    with_hours = [(h, cp) for h, cp in rows if h and h.strip()]
    agree = 0
    kinds: Counter[str] = Counter()
    texts: dict[str, set[str]] = defaultdict(set)
    open_issue = Counter()
    cache: dict[tuple[str, str], tuple[Reading, Reading, bool | None, bool | None, bool]] = {}
    for text, code_postal in with_hours:
        tz = hours.place_timezone(code_postal)
        key = (text, str(tz))
        if key not in cache:
            (raw_oh, raw_tz), product_oh = strict(text, code_postal), hours.parse(text, tz)
            cache[key] = (_intervals(raw_oh, raw_tz), _intervals(product_oh, tz),
                          open_at(raw_oh, raw_tz), open_at(product_oh, tz), raw_tz != tz)
        raw, product, raw_open, product_open, zone_changed = cache[key]
        open_issue["strict"] += raw_open is True
        open_issue["product"] += product_open is True
        if raw == product:
            agree += 1
            if raw is None:
                kinds["unreadable by both"] += 1
            continue
        label = kind(text, raw, product, zone_changed)
        kinds[label] += 1
        texts[label].add(text)
    n = len(with_hours)
    print(f"places: {total}; with opening hours: {n} ({len(cache)} distinct texts)")
    print(f"read the same by strict OSM and the product over 4 weeks: {agree} "
          f"({100 * agree / n:.1f} %), of which unreadable by both: {kinds['unreadable by both']}")
    print(f"disagreements: {n - agree} ({100 * (n - agree) / n:.1f} %)")
    for label, count in kinds.most_common():
        if label == "unreadable by both":
            continue
        print(f"  {count:4d}  {label}  ({len(texts[label])} texts)")
        for text in sorted(texts[label])[: None if args.list else 3]:
            print(f"        {text}")
    print(f"called open on Saturday 5 December 2026 at 07:36 in Paris (issue 19): "
          f"strict {open_issue['strict']}, "
          f"product {open_issue['product']}")


if __name__ == "__main__":
    main()
