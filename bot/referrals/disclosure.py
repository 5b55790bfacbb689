"""Hiding small counts in figures that add up: a table's cells and its totals.

Hiding each count under ``MIN_COUNT`` (primary suppression) is not enough once totals are shown
beside it: a total minus the figures shown gives what was hidden. So, until no small count can
be worked out:

* a figure is *known* when it is shown, or when the others of a sum it belongs to are known
  (a total from all its parts; a part from its total and the other parts);
* a leak is a count from 1 to ``MIN_COUNT - 1`` that is known, or a sum whose total is known and
  whose unknown parts add up to 1 to ``MIN_COUNT - 1``;
* for a leak, more figures of the sums around it are hidden (secondary suppression), the ones
  the caller ranks cheapest to lose first (totals before cells); then each figure hidden this
  way is shown again if that leaks nothing.

Hidden totals are then given as a lower bound, the largest sum of their parts shown (``lines``
list parts before the sums they make up): it tells nothing the parts do not tell already.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from directory_client.demand import MIN_COUNT

Line = tuple[Hashable, Sequence[Hashable]]  # (total, its parts): true[total] == Σ true[parts]


@dataclass(frozen=True)
class Cell:
    n: int | None  # None: hidden (fewer than MIN_COUNT, 0 included, or hidden to protect one)
    at_least: bool = False  # n is a lower bound: hidden counts add to it

    @property
    def text(self) -> str:
        """As plain text: "7", "≥ 7" (a lower bound) or "—" (hidden)."""
        if self.n is None:
            return "—"
        return f"≥ {self.n}" if self.at_least else str(self.n)


HIDDEN = Cell(None)


def protect(
    true: dict[Hashable, int], lines: Sequence[Line], rank: Callable[[Hashable], int]
) -> dict[Hashable, Cell]:
    """What to show of ``true`` (every key of the lines must be in it) so that no count under
    ``MIN_COUNT`` can be shown or worked out. ``rank``: the lower, the sooner a figure is hidden
    to protect another."""
    shown = {key: n >= MIN_COUNT for key, n in true.items()}
    while (leak := _leak(true, lines, shown)) is not None:
        for key in _to_hide(leak, true, lines, shown, rank):
            shown[key] = False
    # Give back what turned out not to be needed, the most useful first.
    for key in sorted((k for k, n in true.items() if n >= MIN_COUNT and not shown[k]),
                      key=lambda k: (-rank(k), -true[k])):  # fmt: skip
        shown[key] = True
        if _leak(true, lines, shown) is not None:
            shown[key] = False
    cells = {key: Cell(true[key]) if shown[key] else HIDDEN for key in true}
    for total, parts in lines:  # parts before the sums they make up
        lower = sum(cells[p].n or 0 for p in parts)
        if not shown[total] and lower > (cells[total].n or 0):
            cells[total] = Cell(lower, at_least=True)
    return cells


def _to_hide(
    leak: Line, true: dict[Hashable, int], lines: Sequence[Line], shown: dict[Hashable, bool],
    rank: Callable[[Hashable], int],
) -> list[Hashable]:  # fmt: skip
    """What to hide next for ``leak``: among the shown figures of the sums within two steps of
    it, those of the cheapest rank; the smallest one that closes the leak alone, else all of
    them (the last rank: its smallest)."""
    near = {leak[0], *leak[1]}
    for _step in range(2):
        near |= {k for total, parts in lines if near & {total, *parts} for k in (total, *parts)}
    candidates = [key for key in near if shown[key]] or [k for k, v in shown.items() if v]
    cheapest = min(rank(key) for key in candidates)
    tier = sorted((k for k in candidates if rank(k) == cheapest), key=lambda k: true[k])
    closing = [k for k in tier if _closes(k, leak, true, lines, shown)]
    if closing:
        return closing[:1]
    return tier if any(rank(k) > cheapest for k in candidates) else tier[:1]


def _closes(
    key: Hashable, leak: Line, true: dict[Hashable, int], lines: Sequence[Line],
    shown: dict[Hashable, bool],
) -> bool:  # fmt: skip
    """Whether hiding ``key`` too closes the ``leak``."""
    return not _leaks(leak, true, _known(lines, {**shown, key: False}))


def _leak(
    true: dict[Hashable, int], lines: Sequence[Line], shown: dict[Hashable, bool]
) -> Line | None:
    """A sum through which a small count can be worked out, or None."""
    known = _known(lines, shown)
    return next((line for line in lines if _leaks(line, true, known)), None)


def _known(lines: Sequence[Line], shown: dict[Hashable, bool]) -> set[Hashable]:
    """The figures shown and those worked out from them."""
    known = {key for key, is_shown in shown.items() if is_shown}
    grew = True
    while grew:
        grew = False
        for total, parts in lines:
            unknown = [p for p in parts if p not in known]
            if total not in known and not unknown:
                known.add(total)
                grew = True
            elif total in known and len(unknown) == 1:
                known.add(unknown[0])
                grew = True
    return known


def _leaks(line: Line, true: dict[Hashable, int], known: set[Hashable]) -> bool:
    total, parts = line
    if any(k in known and 0 < true[k] < MIN_COUNT for k in (total, *parts)):
        return True
    return total in known and 0 < sum(true[p] for p in parts if p not in known) < MIN_COUNT
