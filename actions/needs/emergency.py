"""Someone in danger: the safety reading (actions/safety/) with the need reader's needs."""

from __future__ import annotations

from actions import safety
from actions.needs.reading import read


def safety_reading(text: str, by_meaning: bool = True) -> safety.SafetyReading:
    """``by_meaning=False`` for an answer to another question (a town): danger is then read from
    its words only, never from how close its meaning comes to the danger examples."""
    if by_meaning:
        return safety.read(text, _states_a_need)
    return safety.read(text, _states_a_need, danger_margin=lambda _: float("-inf"))


def _states_a_need(text: str) -> bool:
    from actions import situation_first  # "mon ex lit mes messages": online safety

    return situation_first.names_a_safety_need(text) or not read(text).empty


def is_emergency(text: str) -> bool:
    """Danger now: severe wordings, or alarm words in a message that states no digital need."""
    return safety_reading(text).danger_now
