"""Running a directory search for the state of a conversation: the filters of the constraints
said, the soft criteria dropped rather than answer "nothing" or far, France Services or the
places that declare a care first, general help instead of a precise service far away, and a
distance limit kept. ``run_search`` is the entry point; ``filters_payload``, ``service_of``,
``only_far`` and ``is_nothing_near`` are what the reply reads of it
(``actions.orient_flow.answer``).

The directory is ``actions.backends.get_directory`` (imported when searching: importing that
module loads the readers by meaning)."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from actions import needs as needs_mod
from actions.needs.care import MOTOR
from directory_client import display, labels, open_later
from directory_client.search.explain import AHEAD_TEACHES, AHEAD_THAN, learning

log = logging.getLogger(__name__)

_PARIS = ZoneInfo("Europe/Paris")
PAGE = 3

# --- search -----------------------------------------------------------------------------------
def _build_filters(constraints: list[str], now: datetime | None = None):
    from directory_client.types import SearchFilters

    return SearchFilters(
        free_only="gratuit" in constraints,
        open_on_saturday="samedi" in constraints,
        open_on_sunday="dimanche" in constraints,
        open_at=(now or datetime.now(_PARIS)) if "ouvert_maintenant" in constraints else None,
        prise_en_charge=cares_asked(constraints),
        publics=("Seniors",) if "seniors" in constraints else (),
        on_my_behalf="a_ma_place" in constraints,
        labels=tuple(v for k, v in needs_mod.CONSTRAINT_PROGRAMMES.items() if k in constraints),
    )


def filters_payload(constraints: list[str]) -> dict:
    """The payload's ``filters``: the search's, and ``max_km`` when a distance limit was said."""
    data = _build_filters(constraints).to_dict()
    max_km = needs_mod.distance_limit(constraints)
    if max_km is not None:
        data["max_km"] = max_km
    return data


def _location_from_dict(data: dict):
    from directory_client.types import Location

    fields = Location.__dataclass_fields__
    return Location(**{k: v for k, v in data.items() if k in fields})


# Constraints we drop (saying so) rather than answer "nothing" or far: they are preferences. A
# near door without the criterion beats a far one with it ("à ma place" 105 km away when 16
# France Services desks are within 30 km). A care is not one of them (``cares_asked``).
_SOFT = ("seniors", "ouvert_maintenant", "samedi", "dimanche", "a_ma_place",
        "conseiller_numerique")  # fmt: skip
WHEELCHAIR = "accessible"  # the chat's constraint of a wheelchair user


# --- a care asked: one rule for every care -----------------------------------------------------
# The person must be able to get in, and be helped once in. What a place declares of a care
# (« Handicaps moteurs », « Surdité », « Déficience visuelle »…) is the only sign the data gives,
# and most places declare nothing (of the 6,142 shipped places: 0 declare a motor disability,
# 168 deafness, 151 a visual impairment): saying nothing is not saying no. So, for every care,
# the wheelchair's as the others: the near places that declare it come first, and when fewer
# than a page do, the other near places follow, said plainly (« Peu de lieux déclarent … »,
# « Aucun lieu ne déclare … ») so that the person calls before going. Only the declaring places
# would leave someone in a wheelchair a single far door where a France Services desk, bound to
# welcome them, was 500 m away; a deaf person, where the near desk can write.
def cares_asked(constraints: list[str]) -> tuple[str, ...]:
    """The directory's care labels the person asked for: the wheelchair's access (the chat's
    constraint ``accessible``: « Handicaps moteurs ») and the others said
    ("prise_en_charge:Surdité" → "Surdité")."""
    motor = (MOTOR,) if WHEELCHAIR in constraints else ()
    return tuple(dict.fromkeys((*motor, *needs_mod.care_asked(constraints))))


def _is_care(constraint: str) -> bool:
    return constraint == WHEELCHAIR or constraint.startswith(needs_mod.CARE)


def service_of(need_keys: list[str]) -> dict[str, str]:
    """Need key → the standard's service, for the demand counters."""
    return {k: needs_mod.NEEDS[k].service for k in need_keys if k in needs_mod.NEEDS}


def only_far(response) -> bool:
    """Every place found is beyond the search radius (the search widened to find them)."""
    return _all_beyond(response, response.query.radius_km)


# Past this distance the nearest place is no longer "près de" the town, whatever the search
# radius: "apprendre à utiliser mon portable, Laval" found places at 20, 28 and 29 km only, and was
# told "Voici 3 lieux près de Laval". A bus or a car ride, not a walk: the answer says how far, and
# gives remote help too. On bench/first_place.py (200 towns × 9 needs) the first place is within
# 12 km in 9 searches of 10. The search itself (what is relaxed, widened) keeps its radius.
NEAR_KM = 15.0


def none_near(response) -> bool:
    """No place found is near enough to say "près de": every one beyond ``NEAR_KM`` (or beyond
    the search radius, when smaller)."""
    return _all_beyond(response, min(response.query.radius_km, NEAR_KM))


# A town this size has places of its own (the locator's ``BIG_TOWN``): when every place found
# lies in another commune, the nearest this far or more, they are not "près de" it either
# (round 25's tester: "imprimer une attestation à Arles" → "près d'Arles" at 13, 15 and 24 km,
# the nearest in the Gard; Angers, the CAF: 11, 15 and 17 km). Said plainly, with the distance.
# A neighbouring commune closer than this is still "près de" the town (Orange: 5.6 km).
IN_TOWN_KM = 8.0


def none_in_town(response, location: dict) -> bool:
    """Every place found lies outside the person's town, a commune of ``BIG_TOWN`` inhabitants
    or more, the nearest beyond ``IN_TOWN_KM`` of it ("Arles": Bellegarde at 13 km)."""
    from directory_client.locator import BIG_TOWN
    from directory_client.text import name_key

    if location.get("kind") != "commune" or (location.get("population") or 0) < BIG_TOWN:
        return False
    town = name_key(location.get("commune") or "")
    return bool(town) and _all_beyond(response, IN_TOWN_KM) and not any(
        f"{name_key(r.commune or '')} ".startswith(f"{town} ") for r in response.results
    )


def general_help_in_town(response, location: dict):
    """A place within ``IN_TOWN_KM`` of the person, nearer than every place found for the need,
    when those are all outside their town or far (``none_in_town``, ``none_near``): the nearest
    of general digital help, that can help or redirect (Arles: the CCAS, 300 m from the town
    hall); else the nearest place whatever it does (Laval, to learn the internet: the nearest
    at 21 km, the town's France Services 1.5 km from the town hall). None when there is none,
    or the directory fails."""
    if location.get("lat") is None:
        return None
    listed = [r.distance_km for r in response.results if r.distance_km is not None]
    shown = {r.id for r in response.results}
    for needs in ((labels.OUTILS_QUOTIDIEN,), ()):
        place = _nearest_in_town(needs, location)
        if place is None or place.distance_km is None or place.distance_km > IN_TOWN_KM:
            continue
        if (not listed or place.distance_km < min(listed)) and place.id not in shown:
            return place
    return None


def _nearest_in_town(needs: tuple[str, ...], location: dict):
    from actions.backends import get_directory  # lazy: importing it loads the readers
    from directory_client.types import SearchQuery

    try:
        found = get_directory().search(SearchQuery(
            needs=needs, location=_location_from_dict(location), limit=1, nearest_first=True))
    except Exception:  # only a sentence more: never the answer lost for it
        log.warning("general help in town: search failed", exc_info=True)
        return None
    return found.results[0] if found.results else None


def _all_beyond(response, km: float) -> bool:
    return bool(response.results) and all(
        r.distance_km is not None and r.distance_km > km for r in response.results
    )


def run_search(
    need_keys, procedures, constraints, location: dict, offset: int = 0, nearest_first=False
):
    """→ (response, relaxed constraints, broadened to general help). Raises on failure.
    ``nearest_first``: the nearest places in strict distance order ("plus près ?").

    A later page ("d'autres lieux") is the same list read further: the first page's choices (a
    criterion relaxed, France Services or the places that declare a care first, general help
    instead) are made again on the list from its start, then the page is cut from it."""
    response, relaxed, broadened = _search_from_start(
        need_keys, procedures, constraints, location, offset + PAGE, nearest_first
    )
    if offset:
        response = dataclasses.replace(response, results=response.results[offset:])
    return response, relaxed, broadened


def nearer_doing_else(response, location: dict, asked: tuple[str, ...] = ()):
    """ "plus près ?" with no place nearer for the need: the nearest place of the directory,
    whatever it does, when it is nearer (as distances are shown) than the nearest of
    ``response`` and does none of the services searched nor ``asked`` (its ``services``): the
    one a person
    may know of and wonder about. None otherwise, or when that cannot be told (no distance, a
    place doing a service searched but left out for a criterion, the directory failing)."""
    from actions.backends import get_directory  # lazy: importing it loads the readers
    from directory_client.search import shown_km
    from directory_client.types import SearchQuery

    listed = [r for r in response.results if r.distance_km is not None]
    if not listed or location.get("lat") is None:
        return None
    nearest = min(listed, key=lambda r: r.distance_km)
    try:
        every = get_directory().search(SearchQuery(
            needs=(), location=_location_from_dict(location), limit=1, nearest_first=True))
    except Exception:  # only a sentence more: never the answer lost for it
        log.warning("nearest place of any service: search failed", exc_info=True)
        return None
    place = every.results[0] if every.results and not every.nothing_near else None
    if (place is None or place.distance_km is None
            or shown_km(place.distance_km) >= shown_km(nearest.distance_km)
            or set(place.services) & {*response.query.needs, *asked}):
        return None
    return place


class _InReadableOrder:
    """The directory, each list it gives read in an order the person can follow
    (``nearest_first_on_each_page``). The choices made on these lists
    after (the places declaring a care first, a France Services first…) stay theirs, said."""

    def __init__(self, directory) -> None:
        self._directory = directory

    def __getattr__(self, name: str):
        return getattr(self._directory, name)

    def search(self, query):
        response = self._directory.search(query)
        ordered = nearest_first_on_each_page(response.results)
        return dataclasses.replace(response, results=ordered)


def in_readable_order(directory):
    """``directory``, each list it gives read in an order the person can follow (the chat's and
    the desk's: ``_InReadableOrder``)."""
    return directory if isinstance(directory, _InReadableOrder) else _InReadableOrder(directory)


def nearest_first_on_each_page(results) -> tuple:
    """``results`` (the places the ranking chose), each page of ``PAGE`` read nearest first
    (distances as shown; the ranking's order between equal ones). A person reads « 1. … 2. … 3. »
    as nearest first: « 1,5 km » before « 250 m » reads as an error, and a « Plus loin, mais … »
    line does not say farther than which (the tester's Lille, Toulouse, Châteauroux, Évry's two
    needs: 100 m, 1 km, 450 m; each need's places are named in the intro). No entry is then
    before a nearer one: the ranking's ``ahead`` lines are not said."""
    out: list = []
    for start in range(0, len(results), PAGE):
        out.extend(nearest_first_on_page(results[start : start + PAGE]))
    return tuple(out)


def nearest_first_on_page(page) -> list:
    """One page of places nearest first (distances as shown, places with none last), none
    saying « plus loin » (no nearer one follows it); but a place giving no phone, e-mail,
    website nor hours is not first when one that gives them is as near (``search.contact``)."""
    from directory_client.search import contact, shown_km

    ordered = sorted(
        page, key=lambda r: (r.distance_km is None, shown_km(r.distance_km or 0.0))
    )
    ordered = [dataclasses.replace(r, ahead=None) if r.ahead else r for r in ordered]
    # a place nobody can reach is not first when one that can be is as near (saying why)
    return contact.contactable_first(ordered)


def _search_from_start(
    need_keys, procedures, constraints, location: dict, limit: int, nearest_first: bool
):
    from actions.backends import get_directory  # lazy: importing it loads the readers
    from directory_client.types import SearchQuery

    directory = in_readable_order(get_directory())
    services = needs_mod.services_for(need_keys) or (labels.OUTILS_QUOTIDIEN,)
    max_km = needs_mod.distance_limit(constraints)
    offset = 0
    in_departement = (location.get("departement") if location.get("kind") == "departement"
                      else None)  # fmt: skip
    query = dict(
        needs=services,
        location=_location_from_dict(location),
        limit=limit + DEPARTEMENT_MARGIN if in_departement else limit,
        offset=offset,
        preferred_origin_labels=needs_mod.preferred_labels(need_keys),
        nearest_first=nearest_first,
    )
    if max_km is not None:  # "à moins de 2 km": near is within the limit
        query["radius_km"] = max_km
    response = directory.search(SearchQuery(filters=_build_filters(constraints), **query))
    relaxed: list[str] = []
    if offset == 0:  # nothing near open now: the near places, with when they open (issue 19)
        later = open_later.near_opening_later(
            lambda filters: directory.search(SearchQuery(filters=filters, **query)),
            _build_filters(constraints), response, response.query.radius_km,
        )
        if later is not None:
            response, relaxed = later, ["ouvert_maintenant"]
    soft = [c for c in constraints if c in _SOFT and c not in relaxed]
    if soft and offset == 0 and (not _has_near(response) or only_far(response)):
        # Nothing near (within the search radius, not the widened one) with "pour les seniors":
        # a place near without the criterion is a better door than one 85 km away with it.
        kept = [c for c in constraints if c not in _SOFT]
        retry = directory.search(SearchQuery(filters=_build_filters(kept), **query))
        if retry.results and (not response.results or not is_nothing_near(retry)):
            response, relaxed = retry, soft
            if "a_ma_place" in soft:
                response = _france_services_first(directory, query, kept, response)
    if "a_ma_place" in constraints and "a_ma_place" not in relaxed and response.results:
        response = _desks_much_nearer(directory, query, constraints, response)
    if offset == 0 and cares_asked(constraints):
        response = _declared_care_first(directory, query, constraints, relaxed, response)
    broadened = None
    if labels.OUTILS_QUOTIDIEN not in services:
        kept = _build_filters([c for c in constraints if c not in relaxed])
        instead = needs_mod.services_for(list(needs_mod.help_instead(need_keys)))
        broadened = general_help_instead(directory, query, kept, response, instead)
        if broadened is not None and cares_asked(constraints):  # the others near follow
            general = {**query, "needs": instead, "offset": 0}
            broadened = _declared_care_first(directory, general, constraints, relaxed, broadened)
        if broadened is None:
            broadened, relaxed = _general_help_without_preferences(
                directory, query, constraints, relaxed, response
            )
    response = broadened or response
    if broadened is None and not response.results:
        broadened = _island_help(directory, query, [c for c in constraints if c not in relaxed])
        response = broadened or response
    if broadened is None and not nearest_first:
        kept = _build_filters([c for c in constraints if c not in relaxed])
        response = _each_need_on_first_page(directory, query, kept, response)
    if learning(query["preferred_origin_labels"]) and broadened is None \
            and not nearest_first and services == (labels.DEMARCHES,):
        kept = _build_filters([c for c in constraints if c not in relaxed])
        response = teaching_first(directory, query, kept, response)
    if max_km is not None:
        within = _within_limit(response, max_km)
        if within is None:  # nothing within the limit: said so, the nearest ones given
            relaxed = [*relaxed, needs_mod.distance_constraint(max_km)]
        else:
            response = within
    if in_departement:
        response = _departement_first(response, in_departement, limit)
    return response, relaxed, broadened is not None


def _island_help(directory, query: dict, kept: list[str]):
    """Someone on an island (``directory_client.islands``) where no place does the need nor
    general digital help: the island's places whatever they do (its France Services), which can
    help or redirect, rather than nothing — never a place across the sea (Saint-Martin, an
    affordable computer: two France Services on the island, Guadeloupe 246 km off). None on
    the mainland, or when the island has no place at all."""
    from directory_client import islands
    from directory_client.types import SearchQuery

    where = query["location"]
    if not islands.island_of(where.code_insee, where.code_postal, where.departement):
        return None
    anything = {**query, "needs": (), "offset": 0}
    hard = [c for c in kept if c not in _SOFT and not _is_care(c)]
    found = directory.search(SearchQuery(filters=_build_filters(hard), **anything))
    return found if found.results else None


def teaching_first(directory, query: dict, filters, response):
    """Someone who asked to learn ("Apprendre seul"): the places near that teach (a mediator,
    workshops: ``SearchResult.teaches``) first, nearest first — those that do papers, and those
    whose mediators teach the everyday tools — then the others, as ranked. A place that teaches
    listed before a nearer one on its page says why, than which (« À 400 m, plus loin que le
    lieu 3, mais on y apprend… »); the
    ranking's other reasons are not said (« on y fait la démarche avec vous » is not for who
    learns). None teaches near: the list as it was (``actions.orient_flow.answer`` says so)."""
    from directory_client.types import SearchQuery

    wider = directory.search(SearchQuery(filters=filters, **{
        **query, "needs": (labels.DEMARCHES, labels.OUTILS_QUOTIDIEN), "offset": 0}))
    radius = response.query.radius_km
    teaching: dict[str, Any] = {}
    for place in (*response.results, *wider.results):
        if place.teaches and place.distance_km is not None and place.distance_km <= radius:
            teaching.setdefault(place.id, place)
    if not teaching:
        return response
    ordered = sorted(teaching.values(), key=lambda p: p.distance_km)
    ordered += [p for p in response.results if p.id not in teaching]
    ordered = ordered[: max(len(response.results), PAGE)]
    out = []
    for start in range(0, len(ordered), PAGE):
        page = ordered[start : start + PAGE]
        for i, place in enumerate(page):
            nearer = [
                (j, o) for j, o in enumerate(page) if j > i and o.distance_km is not None
                and place.distance_km is not None and o.distance_km < place.distance_km
            ]  # fmt: skip
            why = None
            if nearer:  # than the nearest of them, by its number in the list
                j, other = min(nearer, key=lambda jo: jo[1].distance_km)
                why = AHEAD_THAN.format(number=start + j + 1, reason=AHEAD_TEACHES,
                                        distance=display.distance_text(place.distance_km))
            out.append(dataclasses.replace(place, ahead=why if place.teaches else None))
    return dataclasses.replace(response, results=tuple(out))


# A département said ("la Creuse"): the search runs from its centre, and places of the
# neighbouring départements can be nearer (Huriel, 03, and La Châtre, 36, in "3 lieux dans la
# Creuse"). The places of the département come first, read from this many more places.
DEPARTEMENT_MARGIN = 12


def _departement_first(response, departement: str, limit: int):
    """The places of ``departement`` first (in the search's order), the others after, cut to
    ``limit``: a page "dans la Creuse" holds places of the Creuse while it has some."""
    from directory_client.importer.fields import departement as departement_of

    def inside(r) -> bool:
        return departement_of(None, r.code_postal) == departement

    ordered = sorted(response.results, key=lambda r: not inside(r))
    return dataclasses.replace(response, results=tuple(ordered[:limit]))


def _each_need_on_first_page(directory, query: dict, filters, response):
    """Several needs, and no place of the first page does one of them while a place near does:
    the nearest place doing it takes the last place of the first page (one for each such need),
    the others follow. The page then says which does which (``actions.need_cover.apart``), never
    one need only under an intro claiming both (Beauvais: carte grise + learning the phone, three
    places doing paperwork only; Lens: CAF + phone, three places teaching the phone only)."""
    from directory_client.types import SearchQuery

    needs = query["needs"]
    first = response.results[:PAGE]
    if len(needs) < 2 or not first or is_nothing_near(response):
        return response
    offered = {s for r in first for s in r.services}
    added = []
    for need in needs:
        if need in offered:
            continue
        said = response.alone  # the embedded directory says whether a place near does it
        if said is not None and tuple(said.needs) == (need,) and not said.near:
            continue
        alone = directory.search(SearchQuery(
            filters=filters, **{**query, "needs": (need,), "limit": 1, "offset": 0}))
        place = alone.results[0] if alone.results else None
        if (place is not None and not is_nothing_near(alone) and place.distance_km is not None
                and place.distance_km <= response.query.radius_km):
            added.append(place)
            offered |= set(place.services)
    if not added:
        return response
    ids = {r.id for r in added}
    kept = [r for r in response.results if r.id not in ids]
    head = kept[: max(PAGE - len(added), 1)]
    results = (*head, *added, *kept[len(head):])[: max(len(response.results), PAGE)]
    return dataclasses.replace(response, results=tuple(results))


def _declared_care_first(directory, query: dict, constraints: list[str], relaxed, response):
    """A care asked ("malvoyant", a wheelchair: ``cares_asked``), as the reception desk does
    (bot.staff.triage): the near places
    that declare it first; when fewer than a page do, the other near places follow, said plainly
    ("Peu de lieux déclarent « Déficience visuelle »…", "Aucun lieu ne déclare …" when none near
    does: the wheelchair's wording, ``needs.few_declare``)."""
    from directory_client.types import SearchQuery

    declared = [
        r for r in response.results if not only_far(dataclasses.replace(response, results=(r,)))
    ]
    care = cares_asked(constraints)
    if len(declared) >= query["limit"]:  # each one declares it: said, as when few do
        notice = " ".join(n for n in (response.notice, needs_mod.all_declare(", ".join(care))) if n)
        return dataclasses.replace(response, notice=notice)
    kept = [c for c in constraints if c not in relaxed and not _is_care(c)]
    others = directory.search(SearchQuery(filters=_build_filters(kept), **query))
    ids = {r.id for r in declared}
    added = [r for r in others.results if r.id not in ids]
    if not added:
        return response
    base = others if not declared else response
    results = (*declared, *added)[: query["limit"]]
    said = needs_mod.few_declare(", ".join(care), none=not declared)
    notice = " ".join(n for n in (base.notice, said) if n)
    return dataclasses.replace(base, results=tuple(results), notice=notice, total=others.total)


def _france_services_first(directory, query: dict, kept: list[str], response):
    """ "À ma place" with no place near that does it: the near France Services first (their
    agents do the démarche with the person, and can say where Aidants Connect is), then the
    other near places."""
    from directory_client.types import SearchQuery

    filters = dataclasses.replace(_build_filters(kept), labels=(labels.FRANCE_SERVICES,))
    desks = directory.search(SearchQuery(filters=filters, **query))
    near = [r for r in desks.results if not only_far(dataclasses.replace(desks, results=(r,)))]
    if not near:
        return response
    ids = {r.id for r in near}
    results = (*near, *[r for r in response.results if r.id not in ids])[: query["limit"]]
    return dataclasses.replace(response, results=tuple(results))


# "À ma place" found only some way off (Montluçon: 11, 27, 63 km) while a France Services desk
# is in town: the desk's agents do the démarche with the person (and say where Aidants Connect
# is), a better door than a place three times farther. Below 5 km the place found is near.
DESK_MUCH_NEARER = 3.0
ON_BEHALF_FAR_KM = 5.0


def _desks_much_nearer(directory, query: dict, constraints: list[str], response):
    """The France Services desks at most a third of the distance of the first place that
    declares "À ma place" (when that one is over ``ON_BEHALF_FAR_KM``) first, then the list."""
    from directory_client.types import SearchQuery

    first = response.results[0].distance_km
    if first is None or first <= ON_BEHALF_FAR_KM:
        return response
    kept = [c for c in constraints if c != "a_ma_place"]
    filters = dataclasses.replace(_build_filters(kept), labels=(labels.FRANCE_SERVICES,))
    desks = directory.search(SearchQuery(filters=filters, **query))
    ids = {r.id for r in response.results}
    near = [r for r in desks.results if r.distance_km is not None and r.id not in ids
            and r.distance_km * DESK_MUCH_NEARER <= first]  # fmt: skip
    if not near:
        return response
    results = (*near, *response.results)[: query["limit"]]
    return dataclasses.replace(response, results=tuple(results))


def _within_limit(response, max_km: float):
    """``response`` with only the places within ``max_km`` (the search widens beyond its radius
    when few places are near), or None when not one place of the first page is within it."""
    kept = tuple(
        r for r in response.results if r.distance_km is not None and r.distance_km <= max_km
    )
    if not kept and response.query.offset == 0:
        return None
    if len(kept) == len(response.results):
        return response
    total = response.query.offset + len(kept)  # the next page would be beyond the limit
    return dataclasses.replace(response, results=kept, total=total)


def general_help_instead(
    directory, query: dict, filters, exact, general: tuple[str, ...] = (labels.OUTILS_QUOTIDIEN,)
):
    """General digital help (``general``: with the need's closest service first, when it has
    one: ``needs.help_instead``), when no place near announces the precise service: it can help
    or redirect, a better door than the precise service hundreds of kilometres away. The choice
    is made on the first page, so that "d'autres lieux" pages the same list."""
    from directory_client.types import SearchQuery

    def first_page(needs) -> Any:
        page = {**query, "needs": needs, "offset": 0}
        return in_readable_order(directory).search(SearchQuery(filters=filters, **page))

    # Near is within the search radius, not the radius it widened to (Limoges: the precise
    # service at 86 and 99 km, "found" in 100 km, general help 2 km away).
    def near(response) -> bool:
        return _has_near(response) and not only_far(response)

    if near(exact):
        return None
    offset = query["offset"]
    exact_first = exact if offset == 0 else first_page(query["needs"])
    if exact_first is not exact and near(exact_first):
        return None
    general_first = first_page(general)
    if not general_first.results or (exact_first.results and not near(general_first)):
        return None  # general help is not nearer: the precise service, however far
    if offset == 0:
        return general_first
    return directory.search(SearchQuery(filters=filters, **{**query, "needs": general}))


def _general_help_without_preferences(directory, query: dict, constraints, relaxed, exact):
    """No place near does the precise need, and none near of general help declares the
    preferences said (a care, "seniors", "accessible"…): general help near without them, those
    declaring a care first, rather than the precise service hundreds of kilometres away
    (Amiens, "sourd, cherche du travail": France Services of Confolens, 448 km). A preference
    dropped is said as the others (``relaxed``, the « Peu de lieux déclarent … » note); a hard
    constraint ("gratuit", a service) is kept. → (general help or None, relaxed)."""
    from directory_client.types import SearchQuery

    kept = [c for c in constraints if c not in relaxed]
    hard = [c for c in kept if c not in _SOFT and not _is_care(c)]
    if hard == kept:
        return None, relaxed
    broadened = general_help_instead(directory, query, _build_filters(hard), exact)
    if broadened is None:
        return None, relaxed
    dropped = [c for c in kept if c in _SOFT]
    if cares_asked(kept):
        general = {**query, "needs": (labels.OUTILS_QUOTIDIEN,), "offset": 0}
        with_care = [c for c in kept if c not in _SOFT]
        cared = directory.search(SearchQuery(filters=_build_filters(with_care), **general))
        broadened = _declared_care_first(
            directory, general, with_care, [*relaxed, *dropped], cared
        )
    return broadened, [*relaxed, *dropped]


def _has_near(response) -> bool:
    """At least one place within the search radius."""
    return bool(response.results) and not is_nothing_near(response)


def is_nothing_near(response) -> bool:
    """``nothing_near`` as the person sees it: no place within the search radius.

    Guard: a result closer than the radius is "near" whatever the flag says.
    """
    if not response.nothing_near:
        return False
    first = response.results[0] if response.results else None
    radius = getattr(response.query, "radius_km", 30.0) if getattr(response, "query", None) else 30
    return not (first is not None and first.distance_km is not None and first.distance_km <= radius)
