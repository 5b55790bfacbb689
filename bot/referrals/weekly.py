"""What the places answered, week by week: accepted, refused per reason, never answered, and
the people who said afterwards that they were not helped; and per place, the refusals and the
people not helped. Over the same weeks, so that the figures of the territory page can be read
side by side.

One row per answer, one column per ISO week of the referral's day (Paris time), read from the
outcome counters (bot/referrals/outcomes.py), with each answer's total over the weeks (and the
same per place). No count under ``MIN_COUNT`` is
shown nor can be worked out from a total (bot/referrals/disclosure.py): ``Cell(None)`` is
hidden (0 and 1-4 look the same), ``Cell(n, at_least=True)`` a hidden total's lower bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from bot.referrals import outcomes
from bot.referrals.disclosure import Cell, protect
from bot.referrals.models import REFUSAL_REASONS

REASONS = tuple(f"refusee:{reason}" for reason in REFUSAL_REASONS)
NOT_HELPED = "aide:non"  # the person said the place did not help
ROWS = ("acceptee", *REASONS, "sans_reponse", NOT_HELPED)  # the weeks' table, all counted
PER_PLACE = (*REASONS, NOT_HELPED)
WEEKS = 12


@dataclass(frozen=True)
class WeeklyOutcomes:
    """The weeks' table; ``lines()`` gives it as rows of plain text."""

    weeks: list[date]  # the Mondays, oldest first
    cells: dict[str, list[Cell]]  # row (of ROWS) → one cell per week
    totals: dict[str, Cell]  # row (of ROWS) → over all the weeks
    per_place: dict[tuple[str, str], int]  # (place id, of PER_PLACE) → n, the shown ones only

    @property
    def hides(self) -> bool:
        """Whether some figure of the weeks' table is hidden or only a lower bound."""
        every = [*(self.totals[o] for o in ROWS), *(c for o in ROWS for c in self.cells[o])]
        return any(c.n is None or c.at_least for c in every)

    def lines(self) -> list[list[str]]:
        """A header (``reponse``, the ISO weeks, ``total``), then one row per answer: its key
        and its figures as plain text (``Cell.text``)."""
        head = ["reponse", *(outcomes.iso_week(monday) for monday in self.weeks), "total"]
        return [head, *([o, *(c.text for c in [*self.cells[o], self.totals[o]])] for o in ROWS)]

    @property
    def empty(self) -> bool:
        """Whether the weeks' table has nothing to show."""
        return all(self.totals[o].n is None for o in ROWS)


def mondays(today: date, count: int = WEEKS) -> list[date]:
    """The Mondays of the ``count`` ISO weeks ending with ``today``'s, oldest first."""
    this = today - timedelta(days=today.weekday())
    return [this - timedelta(weeks=k) for k in range(count - 1, -1, -1)]


def weekly(
    engine: Engine,
    today: date,
    *,
    departements: Iterable[str] | None,
    place_ids: Iterable[str] | None = None,
    count: int = WEEKS,
) -> WeeklyOutcomes:
    """The ``count`` weeks ending with ``today``'s (a Paris date), for the referrals to places
    of ``departements`` (None: all; and, given, only to ``place_ids``)."""
    weeks = mondays(today, count)
    counts = outcomes.sums(
        engine, ("week", "place_id", "outcome"),
        since=weeks[0], until=weeks[-1] + timedelta(weeks=1),
        departements=departements, place_ids=place_ids, outcomes=ROWS,
    )  # fmt: skip
    return table(weeks, counts)


def table(weeks: Sequence[date], counts: dict[tuple[str, ...], int]) -> WeeklyOutcomes:
    """The figures to show from the true ones: ``counts[(iso week, place id, outcome)]``.

    Keys: ``("w", week, outcome)`` a week's count, ``("t", outcome)`` over the weeks,
    ``("p", place id, outcome)`` a place's over the weeks. Each answer is a table of its own
    (weeks, places, total): no figure adds up different answers, so that a total and its
    parts are all one needs to check (a week's refusals whatever the reason would tie them)."""
    keys = [outcomes.iso_week(monday) for monday in weeks]
    true: dict[Any, int] = {("w", w, o): 0 for w in keys for o in ROWS}
    true.update({("t", o): 0 for o in ROWS})
    for (week, place, outcome), n in counts.items():
        if outcome not in ROWS:
            continue
        true["w", week, outcome] += n
        if outcome in PER_PLACE:
            true["p", place, outcome] = true.get(("p", place, outcome), 0) + n
        true["t", outcome] += n
    places = [key for key in true if key[0] == "p"]
    lines = [
        *((("t", o), [("w", w, o) for w in keys]) for o in ROWS),
        *((("t", o), [p for p in places if p[2] == o]) for o in PER_PLACE),
    ]
    cells = protect(true, lines, rank=_rank)
    return WeeklyOutcomes(
        weeks=list(weeks),
        cells={o: [cells["w", w, o] for w in keys] for o in ROWS},
        totals={o: cells["t", o] for o in ROWS},
        per_place={(p[1], p[2]): true[p] for p in places if cells[p].n is not None},
    )


def _rank(key: tuple[str, ...]) -> int:
    """Which figure to hide first to protect another: totals, then places, then weeks."""
    return {"t": 0, "p": 1, "w": 2}[key[0]]
