""""Lequel est ouvert maintenant ?" after a list: a question on the places listed, never a new
list. Which of them is open now, from their hours at this moment; when none is, when each opens
("ouvre à 9 h"), then the nearest place open now, farther away, only offered with its distance
and what to reply (« ouverts maintenant »: the search for them, ``actions.orient_flow.orient``)."""

from __future__ import annotations

import logging

from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import texts
from actions.search_run import run_search
from actions.state import State
from directory_client import display, hours

log = logging.getLogger(__name__)

OPEN_NOW = "ouvert_maintenant"


def status(place: dict):
    """The place's opening at this moment, in its own time zone (from its address's postcode)."""
    zone = display.place_zone(place)
    return hours.opening_status(place.get("opening_hours"), hours.now_paris(), zone)


def _line(place: dict, said: str) -> str:
    return f"{place.get('number')}. {place.get('name') or 'Lieu'} : {said}"


def _when_it_opens(text: str) -> str:
    """ "Fermé. Ouvre à 9 h" → "ouvre à 9 h"; "Ouvert maintenant, jusqu'à 12 h" → "jusqu'à 12 h"."""
    said = text.split(". ", 1)[-1] if text.startswith("Fermé") else text
    said = said.removeprefix("Ouvert maintenant, ")
    return said[:1].lower() + said[1:]


def answer(dispatcher: CollectingDispatcher, state: State, places: list[dict]) -> None:
    """Which of ``places`` is open now; when none is, when each opens and the offer."""
    statuses = [(p, status(p)) for p in places]
    open_ = [(p, s) for p, s in statuses if s.open_now]
    if open_:
        lines = "\n".join(_line(p, _when_it_opens(s.text)) for p, s in open_)
        dispatcher.utter_message(response="utter_listed_open_now", lines=lines)
        return
    lines = "\n".join(
        _line(p, _when_it_opens(s.text) if s.open_now is False else "horaires non connus")
        for p, s in statuses
    )
    name = "utter_none_listed_open_now" if len(places) > 1 else "utter_listed_not_open_now"
    said = [texts.text(name, count=len(places), lines=lines)]
    nearest = nearest_open(state)
    if nearest is not None:
        said.append(texts.text("utter_open_now_farther", place=nearest.name,
                               distance=display.distance_text(nearest.distance_km)))  # fmt: skip
        said.append(texts.text("utter_search_offer",
                               which=needs_mod.CONSTRAINT_PLAIN[OPEN_NOW],
                               reply=needs_mod.CONSTRAINT_PLAIN[OPEN_NOW]))  # fmt: skip
    dispatcher.utter_message(
        text="\n\n".join(said),
        buttons=[{"title": f"Les lieux {needs_mod.CONSTRAINT_PLAIN[OPEN_NOW]}",
                  "payload": f'/inform{{"constraint": "{OPEN_NOW}"}}'}] if nearest else None,
    )  # fmt: skip


def nearest_open(state: State):
    """The nearest place open now for the same request, or None (none, or the search failed)."""
    try:
        response, relaxed, _ = run_search(
            needs_mod.apply_mode(state.needs, state.mode),
            state.procedures,
            [*state.constraints, OPEN_NOW],
            state.location or {},
        )
    except Exception:
        log.exception("directory search failed")
        return None
    if OPEN_NOW in relaxed:  # none open: the near ones given instead (search_run)
        return None
    found = [r for r in response.results if r.opening.open_now and r.distance_km is not None]
    return min(found, key=lambda r: r.distance_km) if found else None

