"""What the places answered, week by week: accepted, refused per reason, never answered.

One row per answer, one column per ISO week of the referral's day (Paris time), read from the
outcome counters (bot/referrals/outcomes.py). Small counts stay hidden, totals included:

* a cell (week × answer) counted fewer than ``MIN_COUNT`` times is hidden (``Cell(None)``):
  0 and 1-4 look the same;
* a total (a week's refusals, whatever the reason; an answer over all the weeks) is given
  exactly only when what it adds to the figures shown beside it is 0 or at least ``MIN_COUNT``;
  otherwise it is "at least" the figures shown (``Cell(n, at_least=True)``), so that no hidden
  cell can be worked out by subtracting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.engine import Engine

from bot.referrals import outcomes
from bot.referrals.models import REFUSAL_REASONS
from directory_client.demand import MIN_COUNT

REFUSED = "refusee"  # the refusals of a week, whatever the reason
REASONS = tuple(f"refusee:{reason}" for reason in REFUSAL_REASONS)
ROWS = ("acceptee", REFUSED, *REASONS, "sans_reponse")
COUNTED = ("acceptee", *REASONS, "sans_reponse")  # what the counters hold
WEEKS = 12


@dataclass(frozen=True)
class Cell:
    n: int | None  # None: fewer than MIN_COUNT (0 included)
    at_least: bool = False  # n is a lower bound: small groups add to it

    @property
    def shown(self) -> int:
        return self.n or 0


HIDDEN = Cell(None)


@dataclass(frozen=True)
class WeeklyOutcomes:
    weeks: list[date]  # the Mondays, oldest first
    cells: dict[str, list[Cell]]  # row (of ROWS) → one cell per week
    totals: dict[str, Cell]  # row → over all the weeks

    @property
    def hides(self) -> bool:
        """Whether some figure is hidden or only a lower bound."""
        every = [*self.totals.values(), *(c for row in self.cells.values() for c in row)]
        return any(c.n is None or c.at_least for c in every)

    @property
    def empty(self) -> bool:
        return all(c.n is None for c in self.totals.values())


def mondays(today: date, count: int = WEEKS) -> list[date]:
    """The Mondays of the ``count`` ISO weeks ending with ``today``'s, oldest first."""
    this = today - timedelta(days=today.weekday())
    return [this - timedelta(weeks=k) for k in range(count - 1, -1, -1)]


def weekly(
    engine: Engine,
    today: date,
    *,
    departements: Iterable[str],
    place_ids: Iterable[str] | None = None,
    count: int = WEEKS,
) -> WeeklyOutcomes:
    """The ``count`` weeks ending with ``today``'s (a Paris date), for the referrals to places
    of ``departements`` (and, given, only to ``place_ids``)."""
    weeks = mondays(today, count)
    counts = outcomes.sums(
        engine, ("week", "outcome"), since=weeks[0], until=weeks[-1] + timedelta(weeks=1),
        departements=departements, place_ids=place_ids, outcomes=COUNTED,
    )  # fmt: skip
    return table(weeks, counts)


def table(weeks: Sequence[date], counts: dict[tuple[str, ...], int]) -> WeeklyOutcomes:
    """The figures to show from the true ones: ``counts[(iso week, outcome)]``."""
    keys = [outcomes.iso_week(monday) for monday in weeks]

    def true(outcome: str, week: str) -> int:
        if outcome == REFUSED:
            return sum(counts.get((week, reason), 0) for reason in REASONS)
        return counts.get((week, outcome), 0)

    cells = {o: [_cell(true(o, week)) for week in keys] for o in COUNTED}
    cells[REFUSED] = [
        _total(true(REFUSED, week), [[cells[r][i] for r in REASONS]]) for i, week in enumerate(keys)
    ]
    totals = {o: _total(sum(true(o, week) for week in keys), [cells[o]]) for o in COUNTED}
    totals[REFUSED] = _total(
        sum(true(REFUSED, week) for week in keys),
        [cells[REFUSED], [totals[r] for r in REASONS]],
    )
    return WeeklyOutcomes(list(weeks), {o: cells[o] for o in ROWS}, {o: totals[o] for o in ROWS})


def _cell(n: int) -> Cell:
    return Cell(n) if n >= MIN_COUNT else HIDDEN


def _total(n: int, parts: list[list[Cell]]) -> Cell:
    """``n``, the true sum of each list of ``parts`` (each shown as it is)."""
    if n < MIN_COUNT:
        return HIDDEN
    unseen = [n - sum(c.shown for c in cells) for cells in parts]
    if all(left == 0 or left >= MIN_COUNT for left in unseen):
        return Cell(n)
    return Cell(n - min(unseen), at_least=True)
