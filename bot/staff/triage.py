"""The direct path: a reception agent's short note → need, public, filters, place → 3 places.

"dame 80 ans, dossier retraite, Roubaix" → need "Aide aux démarches administratives" (procedure
"retraite", what to bring), public "Seniors", location Roubaix (59) through the directory's Locator,
then ``Directory.search`` with progressive relaxation (France Services first for national-partner
procedures, then without the public filter) so the agent always gets something useful.
The note itself is never stored or logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from actions.needs import CARE_WORDS, few_declare, read_care
from bot.staff import chat_answer
from bot.staff.catalogue import NOTE_WORDS, Procedure, join, understand
from directory_client import labels, open_later
from directory_client.town_words import STOPWORDS, TITLES, commune_no_town, names_no_town
from directory_client.types import (
    Location,
    PlaceLocator,
    SearchBackend,
    SearchFilters,
    SearchQuery,
    SearchResponse,
    SearchResult,
)

PARIS = ZoneInfo("Europe/Paris")


# --- Keyword catalogue (publics, specific care, filters) -----------------------------------------
# Keys are folded (lower case, no accents), matched as whole words or phrases.
PUBLIC_WORDS: dict[str, tuple[str, ...]] = {
    "Seniors": (
        "senior",
        "seniors",
        "personne agee",
        "agee",
        "age",
        "mamie",
        "papy",
        "grand mere",
        "grand pere",
        "vieille",
        "vieux",
        "ehpad",
    ),
    "Jeunes": ("jeune", "jeunes", "ado", "adolescent", "adolescente", "mineur"),
    "Étudiants": ("etudiant", "etudiante", "etudiants", "fac", "universite", "parcoursup"),
    "Familles et/ou enfants": ("famille", "maman", "papa", "parent", "parents", "enceinte"),
}
SATURDAY_WORDS = ("samedi", "le samedi", "week end", "weekend")
FREE_WORDS = ("gratuit", "gratuite", "sans argent", "pas de moyens", "pas d argent")
BEHALF_WORDS = (
    "a sa place",
    "a ma place",
    "pour elle",
    "pour lui",
    "faire pour",
    "aidants connect",
    "aidant connect",
    "ne peut pas faire seul",
    "ne peut pas faire seule",
    "mandat",
)
NOW_WORDS = ("maintenant", "tout de suite", "ouvert maintenant", "urgent", "aujourd hui")
GENERIC_DEMARCHES = (
    "demarche",
    "demarches",
    "dossier",
    "papiers",
    "administratif",
    "administrative",
    "formulaire",
    "courrier",
)


def fold_words(text: str) -> str:
    """Folded text with single spaces around words: " dame 80 ans dossier retraite roubaix "."""
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", labels.fold(text)).split()) + " "


def _has(words: str, phrase: str) -> bool:
    return f" {phrase} " in words


def _first(words: str, phrases: tuple[str, ...]) -> bool:
    return any(_has(words, p) for p in phrases)


# --- Parsing -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Situation:
    needs: tuple[str, ...]
    procedure: Procedure | None
    other_procedures: tuple[Procedure, ...]
    need_guessed: bool  # no need named: defaulted to administrative help
    age: int | None
    publics: tuple[str, ...]
    prise_en_charge: tuple[str, ...]
    open_on_saturday: bool
    free_only: bool
    on_my_behalf: bool
    open_now: bool
    place_texts: tuple[str, ...]  # parts of the note that may name the place, best first
    preferred: tuple[str, ...] = ()  # finer 1.0 labels that make a place a better fit
    other_needs: tuple[str, ...] = ()  # the need read is a guess: the other likely services
    need_keys: tuple[str, ...] = ()  # the assistant's need keys (the chat's sentences)

    @property
    def documents(self) -> tuple[str, ...]:
        return self.procedure.documents if self.procedure else ()


def parse(text: str) -> Situation:
    words = fold_words(text)
    understood = understand(text)  # the assistant's reading (actions.needs)
    procs = list(understood.procedures)
    needs = list(understood.services)
    constraints = understood.constraints
    need_guessed = False
    if not needs:
        needs.append(labels.DEMARCHES)
        need_guessed = not _first(words, GENERIC_DEMARCHES)
    preferred = understood.preferred or (
        (labels.V1_WITH_HELP,) if labels.DEMARCHES in needs else ()
    )

    age = None
    # "78 ans", and the desk's shorthand "70a" (one word, two or three digits)
    if m := re.search(r"\b(\d{1,3})\s*(?:ans|an)\b|\b(\d{2,3})a\b", labels.fold(text)):
        age = int(m.group(1) or m.group(2))
    publics = [pub for pub, ws in PUBLIC_WORDS.items() if _first(words, ws)]
    if "seniors" in constraints and "Seniors" not in publics:
        publics.append("Seniors")
    if age is not None:
        if age >= 60 and "Seniors" not in publics:
            publics.append("Seniors")
        if 16 <= age <= 25 and "Jeunes" not in publics:
            publics.append("Jeunes")
    care = list(read_care(text))
    if "accessible" in constraints and "Handicaps moteurs" not in care:
        care.insert(0, "Handicaps moteurs")

    return Situation(
        needs=tuple(needs),
        procedure=join(procs),  # "dossier caf et carte grise": both, with both documents
        other_procedures=tuple(procs[1:]),
        need_guessed=need_guessed,
        age=age,
        publics=tuple(publics),
        prise_en_charge=tuple(care),
        open_on_saturday="samedi" in constraints or _first(words, SATURDAY_WORDS),
        free_only="gratuit" in constraints or _first(words, FREE_WORDS),
        on_my_behalf="a_ma_place" in constraints or _first(words, BEHALF_WORDS),
        open_now="ouvert_maintenant" in constraints or _first(words, NOW_WORDS),
        preferred=tuple(preferred),
        place_texts=tuple(_place_texts(text)),
        other_needs=understood.other_services,
        need_keys=understood.need_keys,
    )


def _known_phrases() -> tuple[str, ...]:
    phrases: list[str] = []
    phrases.extend(NOTE_WORDS)
    for table in (PUBLIC_WORDS, CARE_WORDS):
        for ws in table.values():
            phrases.extend(ws)
    phrases += [*SATURDAY_WORDS, *FREE_WORDS, *BEHALF_WORDS, *NOW_WORDS, *GENERIC_DEMARCHES]
    phrases += ["dame", "homme", "femme", "ans", "an", *TITLES]
    return tuple(phrases)


def _place_texts(text: str) -> list[str]:
    """Candidate place names: a postcode, segments naming nothing else, then word tails."""
    out: list[str] = []
    if m := re.search(r"\b\d{5}\b", text):
        out.append(m.group(0))
    known = _known_phrases()
    segments = [s.strip() for s in re.split(r"[,;\n/()]+|\s-\s", text) if s.strip()]
    clean: list[str] = []
    for segment in reversed(segments):
        words = fold_words(segment)
        for phrase in sorted(known, key=len, reverse=True):
            words = words.replace(f" {phrase} ", " ")
        rest = [w for w in words.split() if w not in STOPWORDS and not w.isdigit()]
        if rest:
            # Keep the original spelling (accents, hyphens) of the remaining words, and the
            # département written after them ("Saint-Denis 93": the commune, not the 93).
            named = _original_words(segment, rest)
            if department := re.search(r"\s(\d{2}|9[78]\d|2[ab])$", words.rstrip()):
                clean.append(f"{named} {department.group(1).upper()}")
            clean.append(named)
    out.extend(clean)
    if segments:  # "dossier retraite à Saint-Pol-sur-Mer": try the tail of the last segment
        tail = segments[-1].split()
        for n in (3, 2, 1):
            if len(tail) > n:
                out.append(" ".join(tail[-n:]))
    seen: set[str] = set()
    out = [t for t in out if not names_no_town(t, text)]  # "M. Martin", "pour Noël"
    return [t for t in out if not (labels.fold(t) in seen or seen.add(labels.fold(t)))]


def _original_words(segment: str, kept: list[str]) -> str:
    tokens = re.findall(r"[\w'’-]+", segment)
    keep = [t for t in tokens if any(k in fold_words(t).split() for k in kept)]
    return " ".join(keep) if keep else " ".join(kept)


# --- Locating and searching ----------------------------------------------------------------------
@dataclass
class TriageOutcome:
    situation: Situation
    location: Location | None = None
    location_status: str = "unknown"  # found | ambiguous | unknown
    candidates: tuple[Location, ...] = ()
    results: list[SearchResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    remote_options: tuple = ()
    nothing_near: bool = False
    source: str = "direct"  # "direct" | "assistant"
    lines: list[str] = field(default_factory=list)  # the chat's safety lines, before the places

    @property
    def departement(self) -> str | None:
        return self.location.departement if self.location else None


def _place_name(location: Location) -> str | None:
    """The name a place is written with: the commune's, else the area's ("Cher (18)": "Cher")."""
    return location.commune or re.sub(r"\s*\([^)]*\)$", "", location.label or "") or None


def locate(
    situation: Situation, locator: PlaceLocator, note: str = "", chosen: str | None = None
) -> tuple[str, Location | None, tuple]:
    """The place of the first part of the note that names one; a commune the note writes as
    something else is skipped ("box Orange en panne": ``town_words``), never the one the agent
    ``chosen``."""
    ambiguous: tuple[str, Location | None, tuple] | None = None
    for text in situation.place_texts:
        try:
            found = locator.locate(text)
        except Exception:  # noqa: BLE001 - one bad candidate must not break the triage
            continue
        best = found.best
        if text != chosen and best and commune_no_town(text, _place_name(best), note):
            continue
        if found.status == "found" and found.best is not None:
            return "found", found.best, tuple(found.candidates)
        if found.status == "ambiguous" and ambiguous is None and found.candidates:
            ambiguous = ("ambiguous", found.best, tuple(found.candidates))
    return ambiguous or ("unknown", None, ())


def triage(
    text: str,
    directory: SearchBackend,
    locator: PlaceLocator,
    *,
    now: datetime | None = None,
    limit: int = 3,
    where: str | None = None,
) -> TriageOutcome:
    """``where``: the commune the agent chose among those an ambiguous name may be."""
    situation = parse(text)
    if where:
        situation = replace(situation, place_texts=(where, *situation.place_texts))
    outcome = TriageOutcome(situation=situation, lines=chat_answer.safety_lines(
        situation.need_keys, text))  # the 3919, cybermalveillance.gouv.fr: as the chat does
    status, location, candidates = locate(situation, locator, text, where)
    outcome.location_status, outcome.location, outcome.candidates = status, location, candidates
    if location is None:
        outcome.notes.append("Lieu non reconnu : précisez la commune ou le code postal.")
        return outcome
    if status == "ambiguous":
        outcome.notes.append(f"Lieu ambigu : « {location.label} » retenu pour l'instant.")
    if question := chat_answer.town_question(location):  # "Nord" alone: the chat's question
        outcome.notes.append(question)
    now = now or datetime.now(PARIS)
    base = SearchFilters(
        free_only=situation.free_only,
        publics=situation.publics,
        prise_en_charge=situation.prise_en_charge,
        open_on_saturday=situation.open_on_saturday,
        on_my_behalf=situation.on_my_behalf,
        open_at=now if situation.open_now else None,
    )
    # Order: the procedure's national desks first (France Services for retraite, CAF…), then any
    # place; each with the public/care filters, then without them (said in a note).
    prefer = situation.procedure.prefer_labels if situation.procedure else ()
    relaxed = replace(base, publics=(), prise_en_charge=())
    what = ", ".join((*situation.publics, *situation.prise_en_charge))
    # A relaxed attempt carries what it relaxed: its note (``few_declare``) says "Peu de lieux
    # déclarent …" or, when no near place declares it, "Aucun lieu ne déclare …" (the chat's).
    attempts: list[tuple[SearchFilters, str | None]] = []
    for filters in ([replace(base, labels=prefer)] if prefer else []) + [base]:
        attempts.append((filters, None))
        if relaxed != base:
            attempts.append((replace(filters, publics=(), prise_en_charge=()), what))
    answered = _search_attempts(outcome, directory, situation, location, attempts, limit, now)
    # The chat's rule (directory_client.open_later): nothing near open now → the near places,
    # each saying when it opens, and the chat's sentence; never "Aucun lieu trouvé".
    searched: dict[str, list] = {}

    def search_all(filters: SearchFilters) -> TriageOutcome:
        closed = TriageOutcome(situation=situation, remote_options=outcome.remote_options)
        tried = [(replace(f, open_at=filters.open_at), n) for f, n in attempts]
        searched["answered"] = _search_attempts(closed, directory, situation, location, tried,
                                                limit, now)
        return closed

    closed = open_later.near_opening_later(search_all, base, outcome, RADIUS_KM)
    if closed is not None:
        said = chat_answer.none_open_now(situation, location, len(closed.results))
        outcome.results, outcome.remote_options = closed.results, closed.remote_options
        outcome.nothing_near = False
        outcome.notes = [n for n in outcome.notes if n != chat_answer.NOTHING_NEAR_NOTE]
        outcome.notes += [n for n in closed.notes if n not in outcome.notes] + [said]
        answered, relaxed = searched["answered"], replace(relaxed, open_at=None)
    if not _near(outcome.results) and status != "ambiguous":  # a homonym: the commune first
        # the search without the public/care filters was made above: its answer, not a second
        exact = next((r for f, r in answered if f == relaxed), None)
        _as_the_chat(outcome, directory, relaxed, text, limit, now, exact)
    return outcome


RADIUS_KM = 30.0
# Beyond this, a place is no longer "près de" the town (the chat's ``search_run.NEAR_KM``).
PREFER_KM = 15.0


def _near(results: list[SearchResult]) -> bool:
    return any(r.distance_km is not None and r.distance_km <= RADIUS_KM for r in results)


def _search_attempts(outcome: TriageOutcome, directory: SearchBackend, situation: Situation,
                     location: Location, attempts: list, limit: int, now: datetime
                     ) -> list[tuple[SearchFilters, SearchResponse]]:
    """Each search of ``attempts`` until ``limit`` places: the places, notes and help at a
    distance into ``outcome``; → each search made, by its filters. An attempt's ``relaxed``: the
    publics and care it searched without, said (``few_declare``) when it adds places."""
    seen: set[str] = set()
    declared = False  # a near place declares the public or care asked
    relaxed_said: tuple[int, str] | None = None  # where the note goes, and what was relaxed
    fallback: list[SearchResult] = []
    answered: list[tuple[SearchFilters, SearchResponse]] = []  # each search made, by its filters
    for filters, relaxed in attempts:
        if len(outcome.results) >= limit:
            break
        query = SearchQuery(
            needs=situation.needs,
            location=location,
            filters=filters,
            limit=limit,
            preferred_origin_labels=situation.preferred,
            now=now,
        )
        from actions.search_run import in_readable_order  # the chat's order, saying why

        response = in_readable_order(directory).search(query)
        answered.append((filters, response))
        if response.remote_options and not outcome.remote_options:
            outcome.remote_options = tuple(response.remote_options)
        if response.nothing_near:
            fallback.extend(r for r in response.results if r.id not in seen)
            continue
        found = list(response.results)
        if filters.publics or filters.prise_en_charge:
            # A public or a care is a preference: the places declaring it beyond a sensible
            # distance never come before the near places without it (Tulle, "80 ans sourd":
            # 45 and 92 km away), they are the last resort as far places are.
            far = [r for r in found if r.distance_km is not None and r.distance_km > PREFER_KM]
            fallback.extend(r for r in far if r.id not in seen)
            found = [r for r in found if r not in far]
        added = [r for r in found if r.id not in seen]
        if added and (filters.publics or filters.prise_en_charge):
            declared = True
        if added and relaxed and relaxed_said is None:
            relaxed_said = (len(outcome.notes), relaxed)
        for result in added:
            if len(outcome.results) < limit:
                seen.add(result.id)
                outcome.results.append(result)
    if relaxed_said is not None:  # the chat's sentence (actions.search_run), by the same rule
        note = few_declare(relaxed_said[1], none=not declared)
        if note not in outcome.notes:
            outcome.notes.insert(relaxed_said[0], note)
    if not outcome.results and fallback:
        outcome.nothing_near = True
        outcome.notes.append(chat_answer.NOTHING_NEAR_NOTE)
        unique = {r.id: r for r in fallback}
        outcome.results = sorted(unique.values(), key=lambda r: r.distance_km or 1e9)[:limit]
    return answered


def _as_the_chat(outcome, directory, filters, text: str, limit: int, now,  # noqa: ANN001
                 exact: SearchResponse | None = None) -> None:
    """No place near announces the need: the chat's answer (``chat_answer``), the near places
    of general digital help and why, instead of places hundreds of km away or nothing. ``exact``:
    the search of the need with ``filters`` when it was already made."""
    situation = outcome.situation

    def instead_with(searched: SearchFilters, known: SearchResponse | None) -> _Instead:
        if known is None:
            known = directory.search(
                SearchQuery(needs=situation.needs, location=outcome.location, filters=searched,
                            limit=limit, preferred_origin_labels=situation.preferred, now=now)
            )  # fmt: skip
        return _Instead(chat_answer.general_help_instead(
            directory,
            need_keys=situation.need_keys,
            procedure=situation.procedure.key.split("+")[0] if situation.procedure else None,
            location=outcome.location,
            filters=searched,
            exact=known,
            limit=limit,
            now=now,
            note=text,
        ))

    instead = instead_with(filters, exact)
    # "ouvert maintenant" and no general help near open now: the near places with when they open,
    # and the chat's sentence (``open_later``, the rule of the exact search above), not nothing.
    later = open_later.near_opening_later(lambda f: instead_with(f, None), filters, instead,
                                          RADIUS_KM)
    if later is not None:
        instead = later
    if instead.answer is None:
        return
    outcome.results, notes, outcome.nothing_near, remote = instead.answer
    if later is not None:
        count = len(outcome.results)
        notes = [*notes, chat_answer.none_open_now(situation, outcome.location, count)]
    outcome.remote_options = outcome.remote_options or remote
    outcome.notes = [n for n in outcome.notes if n != chat_answer.NOTHING_NEAR_NOTE] + notes


@dataclass(frozen=True)
class _Instead:
    """``chat_answer.general_help_instead``'s answer, with its places as ``results``."""

    answer: tuple | None

    @property
    def results(self) -> list[SearchResult]:
        return self.answer[0] if self.answer else []
