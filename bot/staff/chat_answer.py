"""The chat's answer at the desk when no place near announces the need: one understanding, one
answer.

The chat (``actions.orient_flow``) answers a precise need no place near announces ("CV et
candidatures" near Tourcoing, "arnaque" near Tours) with the near places of general digital
help, says so ("Aucun lieu n'annonce précisément « … » près de Tourcoing (59). Voici des lieux
d'aide au numérique…") and gives the lines for the situation (cybermalveillance.gouv.fr) and the
help at a distance (the desk's « À distance »). The desk gave places 555 km away, or nothing
with no word. Here the desk takes the chat's own choice
(``actions.search_run.general_help_instead``, with the desk's directory) and the chat's own
sentences (``actions.formatting``) and lines (``actions.helplines``: ``safety_lines``, for every
note, before the places);
a département alone ("Nord") is asked about with the chat's question, its places given
meanwhile.
"""

from __future__ import annotations

from typing import Any

from directory_client import labels
from directory_client.types import Location, SearchFilters

NOTHING_NEAR_NOTE = "Aucun lieu à proximité : voici les plus proches."


def _search_run() -> Any:
    from actions import search_run

    return search_run


def town_question(location: Location) -> str | None:
    """The chat's question when the place is a département alone ("Quelle est votre commune dans
    le Nord ? …"), else None."""
    from actions import formatting as fmt
    from actions import texts

    where = location.to_dict()
    from actions.location_reply import waits_for_town

    if not waits_for_town(where):
        return None
    return texts.text("utter_ask_town_in_departement", where=fmt.near(where))


def safety_lines(need_keys: tuple[str, ...], note: str) -> list[str]:
    """The chat's lines for the situation the note describes, to be said before any place: the
    emergency numbers when the chat reads danger (``actions.needs.safety_reading``,
    ``actions.helplines.emergency``: the 3919 and the 17 for violence in a couple), then the lines
    an answer with places adds (``actions.helplines.remote_lines``: cybermalveillance.gouv.fr for
    a hacked account, the 3646 for an ameli account taken), each sentence once."""
    from actions import helplines, texts
    from actions import needs as needs_mod

    reading = needs_mod.safety_reading(note)
    danger = reading.danger_now or reading.unsure
    said = ""
    if danger:
        said, _ = helplines.emergency(note)
        said = said.removesuffix(texts.text("utter_emergency_end")).strip()
    lines = [said] if said else []
    for line in helplines.remote_lines(list(need_keys), note, danger=danger):
        if line not in said and line not in lines:
            lines.append(line)
    return lines


def none_open_now(situation: Any, location: Location, count: int) -> str:
    """The chat's sentence when nothing near is open now and the near places are given with when
    they open ("Aucun lieu n'est ouvert en ce moment près de Lyon (69) pour … Voici les plus
    proches, et quand ils ouvrent.")."""
    from actions import formatting as fmt

    procedure = situation.procedure.key.split("+")[0] if situation.procedure else None
    intro = fmt.intro_text(count, where=fmt.near(location.to_dict()),
                           what=fmt.need_phrase(list(situation.need_keys), procedure),
                           constraints=["ouvert_maintenant"], relaxed=["ouvert_maintenant"])
    return intro.removesuffix(" :") + "."


def general_help_instead(
    directory: Any,
    *,
    need_keys: tuple[str, ...],
    procedure: str | None,
    location: Location,
    filters: SearchFilters,
    exact: Any,
    limit: int,
    now: Any,
    note: str,
) -> tuple[list, list[str], bool, tuple] | None:
    """(places, notes, nothing near, help at a distance) as the chat answers when no place near
    announces the precise service ``exact`` searched; None when the precise service is near (or
    general help is not nearer, or was what was searched)."""
    from actions import formatting as fmt
    from actions import needs as needs_mod

    chat = _search_run()
    services = tuple(exact.query.needs)
    if labels.OUTILS_QUOTIDIEN in services:
        return None
    query = dict(
        needs=services,
        location=location,
        limit=limit,
        offset=0,
        preferred_origin_labels=tuple(needs_mod.preferred_labels(list(need_keys))),
        nearest_first=False,
        now=now,
    )
    instead = needs_mod.services_for(list(needs_mod.help_instead(list(need_keys))))
    broadened = chat.general_help_instead(directory, query, filters, exact, instead)
    if broadened is None or not broadened.results:
        return None
    results = list(broadened.results[:limit])
    nothing_near = chat.is_nothing_near(broadened)
    where = fmt.near(location.to_dict())
    what = fmt.need_phrase(list(need_keys), procedure)
    intro = fmt.intro_text(len(results), where=where, what=what, constraints=[], broadened=True,
                           closest=fmt.closest_phrase(list(need_keys)))
    notes = [intro.removesuffix(" :") + "."]  # the lines: ``safety_lines``, before the places
    return results, notes, nothing_near, tuple(broadened.remote_options)
