"""Two needs asked, the places found offer only one: which need the list covers, and for the
other what the single-need answer says when no place announces it ("Aucun lieu n'annonce
précisément « … »"), with its help at a distance (Montluçon: job + computer, three places that
teach the computer, the intro claimed both)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actions import formatting as fmt
from actions import needs as needs_mod
from directory_client import display, labels
from directory_client.types import RemoteOption


@dataclass(frozen=True)
class Cover:
    what: str  # the needs the places offer, as "pour …" says them
    uncovered: str  # the needs none of them offers
    uncovered_keys: tuple[str, ...]


def cover(need_keys: list[str], procedure: str | None, results: list[Any]) -> Cover | None:
    """None unless some need is offered by a place listed and some by none (by the standard's
    service each need is searched with: ``needs.NEEDS[key].service``)."""
    keys = [k for k in need_keys if k in needs_mod.NEEDS]
    if len(keys) < 2 or not results:
        return None
    offered = {service for r in results for service in r.services}
    missing = [k for k in keys if needs_mod.NEEDS[k].service not in offered]
    covered = [k for k in keys if k not in missing]
    if not missing or not covered:
        return None

    def phrase(part: list[str]) -> str:
        named = procedure if any(k in fmt._PROCEDURE_NEEDS for k in part) else None
        return fmt.need_phrase(part, named)

    return Cover(phrase(covered), phrase(missing), tuple(missing))


# A file whose office is the other need's own field: France Travail's file and the job search.
_OFFICE_OF = {"france_travail": "emploi"}


def file_first(found: Cover, procedures: list[str]) -> bool:
    """The places do the file of the office whose field is the need none offers (France
    Travail's, beside the job search): said for that file first, never after a sentence that no
    place offers the job search (Bordeaux, 2026-12: « Aucun lieu n'annonce précisément « chercher
    du travail » » before three places for the France Travail registration). Any other need none
    offers is still said first."""
    return any(_OFFICE_OF.get(p) in found.uncovered_keys for p in procedures[:1])


def said_after(notes: list[str], uncovered: str, note: str | None) -> list[str]:
    """The notes after the list, the sentence that no place offers a need (``uncovered``) before
    its help at a distance (``note``, when there is one)."""
    if note and note in notes:
        return [f"{uncovered} {note}" if n == note else n for n in notes]
    return [*notes, uncovered]


def numbers_said(numbers: list[int]) -> str:
    """ "lieu 3", "lieux 1 et 2", "lieux 1, 2 et 3"."""
    said = [str(n) for n in numbers]
    if len(said) == 1:
        return f"lieu {said[0]}"
    return "lieux " + ", ".join(said[:-1]) + " et " + said[-1]


@dataclass(frozen=True)
class Apart:
    parts: tuple[tuple[str, str], ...]  # (what a need is for, "lieux 1 et 2"), a need each
    none_both: bool  # no place listed does them all
    services: tuple[str, ...] = ()  # the service of each need, in the order of ``parts``

    def payload(self, worded: Any = str) -> list[dict]:
        """The payload's ``apart`` (docs/payload.md): a need each, what it is for and its
        service; a channel numbers the places doing it as it lists them."""
        return [{"what": worded(what), "service": service}
                for (what, _n), service in zip(self.parts, self.services, strict=True)]


def apart(need_keys: list[str], procedure: str | None, results: list[dict]) -> Apart | None:
    """Several needs, each offered by some place listed but not every place offering them all
    (Angoulême, carte grise + internet: places 1 and 2 teach internet only): which place does
    which, from each place's ``services`` in the payload (``result_payload``). None when every
    place does every need, or some need none (``cover`` says that)."""
    keys = [k for k in need_keys if k in needs_mod.NEEDS]
    if len(keys) < 2 or not results:
        return None
    doing = {
        k: [r["number"] for r in results if needs_mod.NEEDS[k].service in (r.get("services") or ())]
        for k in keys
    }
    if not all(doing.values()) or all(len(n) == len(results) for n in doing.values()):
        return None
    everything = set.intersection(*(set(n) for n in doing.values()))

    def phrase(key: str) -> str:
        return fmt.need_phrase([key], procedure if key in fmt._PROCEDURE_NEEDS else None)

    return Apart(tuple((phrase(k), numbers_said(n)) for k, n in doing.items()), not everything,
                 tuple(needs_mod.NEEDS[k].service for k in doing))


def remote_note(directory: Any, response: Any, found: Cover) -> str | None:
    """ "À distance pour … : Solidarité Numérique : 01 70 77 23 72 ; …": the help at a distance
    a search of the uncovered needs alone gives. ``None`` when such a search has a place near
    (it was only ranked after the list): then no place "n'annonce" it would be untrue. ``""``
    when no place near and nothing at a distance does it: a device to buy, which the national
    helpline neither sells nor lends (``labels.helpline_helps``), with no place of the
    directory providing one at a distance — no line rather than a number that cannot help.
    Read from the answer already given (``response.alone``: the embedded directory says it with
    the list); a backend that does not (the remote API) is asked again."""
    import dataclasses

    services = needs_mod.services_for(list(found.uncovered_keys))
    alone = response.alone
    if alone is not None and set(alone.needs) == set(services):
        near, remote = alone.near, alone.remote_options
    else:
        query = response.query
        again = directory.search(dataclasses.replace(query, needs=services, limit=1, offset=0))
        first = again.results[0] if again.results else None
        near = (
            first is not None
            and not again.nothing_near
            and (first.distance_km is None or first.distance_km <= query.radius_km)
        )
        remote = again.remote_options
    if near:
        return None
    # A search that found a place beyond the radius gives no help at a distance (Millau, 2026-12:
    # "À distance pour … : ." printed empty): the national helpline, for what it helps with.
    helps = labels.helpline_helps(services)
    kept = [o for o in remote or (NATIONAL,) if helps or o.name != NATIONAL.name]
    if kept:
        return f"À distance pour {found.uncovered} : {fmt.remote_list(kept)}."
    # Nothing near nor at a distance does it (a device to buy): what a request for it alone
    # gets, places of general help that can help or redirect and the helpline (tester t218 D16)
    general = general_near(directory, response, found)
    if not general:
        return ""
    places = ", ".join(f"{r.name} ({display.distance_text(r.distance_km)})" for r in general)
    return (f"Pour {found.uncovered}, ces lieux d'aide au numérique pourront vous aider ou vous "
            f"orienter : {places} ; ou à distance, {fmt.remote_list(remote or (NATIONAL,))}.")


# Places of general help named for a need none near does, beside the other need's list.
GENERAL_NAMED = 2


def general_near(directory: Any, response: Any, found: Cover) -> list[Any]:
    """The nearest places of general digital help within the search's radius, for the needs no
    place near does (``needs.help_instead``), those of the list shown left out."""
    import dataclasses

    query = getattr(response, "query", None)
    if directory is None or query is None:
        return []
    instead = needs_mod.services_for(list(needs_mod.help_instead(list(found.uncovered_keys))))
    again = directory.search(dataclasses.replace(query, needs=instead, limit=5, offset=0))
    listed = {r.id for r in response.results}
    return [r for r in again.results
            if r.id not in listed and r.distance_km is not None
            and r.distance_km <= query.radius_km][:GENERAL_NAMED]  # fmt: skip


# The national helpline (``labels.HELPLINE``), as the directory gives it among remote options.
NATIONAL = RemoteOption(
    name=labels.HELPLINE["name"], phone=labels.HELPLINE["phone"], url=labels.HELPLINE["url"],
    why=labels.HELPLINE["why"],
)
