"""Procedures, services and what to bring: the assistant's catalogue, adapted for the desk.

``actions.needs`` (the assistant's catalogue of needs and procedures, with "what to bring", and its
reading of a message) is the single source of truth: the console reads notes with it and shows
its lists, so the agent and the citizen get the same orientation. There is no second catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from actions import needs, someone_else
from directory_client import labels


@dataclass(frozen=True)
class Procedure:
    key: str  # "retraite"
    title: str  # "Dossier retraite"
    service: str  # current service label to search
    documents: tuple[str, ...] = ()  # what to bring
    prefer_labels: tuple[str, ...] = ()  # e.g. "France Services" (national partner desks)


# Words that name a need or a procedure in an agent's note: cut out of the note to find the
# place it names ("dossier retraite, Roubaix" → "Roubaix"). What they mean is read by
# actions.needs, like the chat's messages.
NOTE_WORDS: tuple[str, ...] = (
    "retraite",
    "pension",
    "carsat",
    "info retraite",
    "reversion",
    "aspa",
    "minimum vieillesse",
    "caf",
    "rsa",
    "apl",
    "allocation",
    "allocations",
    "prime d activite",
    "aide au logement",
    "ameli",
    "carte vitale",
    "securite sociale",
    "cpam",
    "mutuelle",
    "css",
    "sante",
    "medecin",
    "impot",
    "impots",
    "declaration de revenus",
    "avis d imposition",
    "taxe",
    "fiscal",
    "passeport",
    "carte d identite",
    "carte grise",
    "permis",
    "ants",
    "titre de sejour",
    "chomage",
    "france travail",
    "pole emploi",
    "cv",
    "emploi",
    "travail",
    "candidature",
    "smartphone",
    "telephone",
    "portable",
    "tablette",
    "ordinateur",
    "mail",
    "email",
    "courriel",
    "internet",
    "whatsapp",
    "visio",
    "arnaque",
    "piratage",
    "pirate",
    "virus",
    "mot de passe",
    "phishing",
    "hameconnage",
    "acheter",
    "achat",
    "reconditionne",
    "pas d ordinateur",
    "pas de telephone",
    "imprimer",
    "impression",
    "scanner",
    "photocopie",
    "wifi",
    "acces internet",
    "pronote",
    "ent",
    "ecole",
    "controle parental",
    "enfant",
    "enfants",
)


# France Services desks serve the national partners (CAF, Assurance maladie, Assurance retraite,
# France Travail, DGFiP, ANTS…): for those procedures, the console shows these desks first.
_FS = ("France Services",)
NATIONAL_DESKS: dict[str, tuple[str, ...]] = {
    "caf": ("France Services", "Point d'accès numérique CAF"),
    "rsa": ("France Services", "Point d'accès numérique CAF"),
    "impots": _FS,
    "ants": _FS,
    "permis": _FS,
    "carte_grise": _FS,
    "papiers": _FS,
    "ameli": _FS,
    "sante": _FS,
    "france_travail": _FS,
    "emploi": _FS,
    "retraite": _FS,
}


@dataclass(frozen=True)
class Understood:
    """What the catalogue reads in a note: services, finer labels, procedures, constraints."""

    services: tuple[str, ...]
    preferred: tuple[str, ...]
    procedures: tuple[Procedure, ...]
    constraints: frozenset[
        str
    ]  # gratuit, samedi, ouvert_maintenant, accessible, seniors, a_ma_place
    # The reading is a guess: the other likely services, likeliest first (else empty).
    other_services: tuple[str, ...] = ()
    need_keys: tuple[str, ...] = ()  # the assistant's need keys (``actions.needs.NEEDS``)


def _adapt(needs, key: str) -> Procedure | None:  # noqa: ANN001 - the actions.needs module
    proc = needs.PROCEDURES.get(key)
    if proc is None:
        return None
    need = needs.NEEDS.get(proc.need)
    return Procedure(
        key=proc.key,
        title=proc.name,
        service=need.service if need else labels.DEMARCHES,
        documents=tuple(proc.bring),
        prefer_labels=NATIONAL_DESKS.get(proc.key, ()),
    )


def procedures() -> tuple[Procedure, ...]:
    return tuple(p for k in needs.PROCEDURES if (p := _adapt(needs, k)))


def for_bring(items: Iterable[str]) -> Procedure | None:
    """The procedure(s) an answer's "what to bring" comes from, as one (the assistant's payload
    lists the items, not the procedures): the fewest procedures that cover the items, titles
    joined, and only the items the catalogue knows — a text it does not know is never shown."""
    given = list(dict.fromkeys(i for i in items if isinstance(i, str)))
    # The lists as said for someone else too ("sa pièce d'identité": actions.someone_else).
    said_for_them = (
        replace(p, documents=tuple(someone_else.about_them(d) for d in p.documents))
        for p in procedures()
    )
    candidates = sorted(
        (p for p in (*procedures(), *said_for_them)
         if p.documents and set(p.documents) <= set(given)),  # fmt: skip
        key=lambda p: -len(p.documents),
    )
    chosen: list[Procedure] = []
    covered: set[str] = set()
    for proc in candidates:
        if not set(proc.documents) <= covered:
            chosen.append(proc)
            covered |= set(proc.documents)
    if not chosen:
        return None
    chosen.sort(key=lambda p: min(given.index(d) for d in p.documents))
    return replace(join(chosen), documents=tuple(i for i in given if i in covered))


def join(chosen: Iterable[Procedure]) -> Procedure | None:
    """Several procedures of one note ("dossier caf et carte grise") as one: keys joined by "+"
    (``render.documents_here`` splits them), titles by " ; ", each procedure's documents once,
    the national desks that serve them all first."""
    chosen = list(chosen)
    if len(chosen) <= 1:
        return chosen[0] if chosen else None
    return Procedure(
        key="+".join(p.key for p in chosen),
        title=" ; ".join(p.title for p in chosen),
        service=chosen[0].service,
        documents=tuple(dict.fromkeys(d for p in chosen for d in p.documents)),
        prefer_labels=tuple(label for label in chosen[0].prefer_labels
                            if all(label in p.prefer_labels for p in chosen)),
    )


def by_key(key: str | None) -> Procedure | None:
    """A procedure by its key, or procedures joined ("caf+carte_grise", ``join``)."""
    if not key:
        return None
    found = [next((p for p in procedures() if p.key == k), None) for k in key.split("+")]
    return None if None in found else join(found)


def understand(text: str) -> Understood:
    """The assistant's own reading (keywords, then meaning): the agent and the citizen get the
    same orientation from the same words."""
    found = needs.read(text)
    procs = tuple(p for k in found.procedures if (p := _adapt(needs, k)))
    need_keys = needs.apply_mode(found.needs, found.mode)
    services = tuple(needs.services_for(need_keys))
    guesses = needs.services_for(found.choices)
    return Understood(
        services=services,
        preferred=tuple(needs.preferred_labels(need_keys)),
        procedures=procs,
        constraints=frozenset(found.constraints),
        other_services=tuple(s for s in guesses if s not in services),
        need_keys=tuple(need_keys),
    )
