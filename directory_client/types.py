"""Plain value types of the public API: what callers (the assistant's actions, the CLI, the
remote backend) pass in and get back. No SQLAlchemy objects cross this boundary."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from directory_client import phones


# --- Where ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Location:
    """Where the person is: a commune, an arrondissement, a department or a point."""

    label: str  # what to show the person: "Roubaix (59)", "Paris 11e", "Nord (59)"
    kind: Literal["commune", "arrondissement", "departement", "point", "adresse"]
    lat: float | None
    lon: float | None
    commune: str | None = None
    code_insee: str | None = None
    code_postal: str | None = None
    departement: str | None = None
    population: int | None = None
    former: str | None = None  # the former commune named ("Évry" for Évry-Courcouronnes)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class LocateResult:
    """What ``Locator.locate`` found: one location, ranked candidates to ask about, or nothing."""

    status: Literal["found", "ambiguous", "unknown"]
    query: str
    candidates: tuple[Location, ...] = ()

    @property
    def best(self) -> Location | None:
        return self.candidates[0] if self.candidates else None


# --- What ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchFilters:
    free_only: bool = False
    publics: tuple[str, ...] = ()  # current labels: "Seniors", "Jeunes"…
    prise_en_charge: tuple[str, ...] = ()  # "Handicaps moteurs", "Surdité"…
    accompagnement: tuple[str, ...] = ()  # "Accompagnement individuel"…
    remote_ok: bool = False  # include remote / at-home help
    open_at: datetime | None = None  # aware datetime; None = no constraint
    open_on_saturday: bool = False
    open_on_sunday: bool = False
    labels: tuple[str, ...] = ()  # "Aidants Connect", "France Services"…
    on_my_behalf: bool = False  # someone who can act for me (Aidants Connect / "À ma place")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["open_at"] = self.open_at.isoformat() if self.open_at else None
        return {k: v for k, v in data.items() if v not in (False, (), None)}


@dataclass(frozen=True)
class SearchQuery:
    needs: tuple[str, ...]  # current service labels (labels.SERVICES); unknown ones are ignored
    location: Location
    filters: SearchFilters = field(default_factory=SearchFilters)
    limit: int = 3
    offset: int = 0  # "more results"
    radius_km: float = 30.0
    # Finer 1.0 labels that make a place a better fit ("avec un accompagnement", "santé"…).
    preferred_origin_labels: tuple[str, ...] = ()
    now: datetime | None = None  # for open-now; default: the current time in Europe/Paris
    # The nearest places that match, in strict distance order (nearest first), whatever else
    # each does better ("plus près ?"); else ranked by fit within a comparable distance.
    nearest_first: bool = False


@dataclass(frozen=True)
class OpeningStatus:
    open_now: bool | None  # None: unknown (no or invalid opening hours)
    next_opening: datetime | None  # when closed: the next opening (Europe/Paris)
    closes_at: datetime | None  # when open: the next closing
    text: str  # plain French: "Ouvert jusqu'à 17 h", "Ouvre mardi à 9 h", "Horaires non connus"


@dataclass(frozen=True)
class SearchResult:
    id: str  # Place.public_id
    name: str
    services: tuple[str, ...]
    address: str
    commune: str | None
    code_postal: str | None
    lat: float | None
    lon: float | None
    distance_km: float | None
    phone: str | None
    email: str | None
    website: str | None
    appointment_url: str | None
    opening_hours: str | None
    opening: OpeningStatus
    free: bool | None
    labels: tuple[str, ...]
    why: str  # plain French: "fait les démarches CAF avec vous, gratuit"
    mobile_service: str | None = None  # "Bus France Services (Charente)" when this is a stop
    accessibility_url: str | None = None
    source: str | None = None
    date_maj: str | None = None
    # What the place says of its price, in the standard's words ("Gratuit", "Gratuit sous
    # condition", "Payant"; its ``frais_a_charge``); () when it says nothing.
    fees: tuple[str, ...] = ()
    # A bus and its fixed desk on one page: the later says which it is (search.doors.said_apart)
    same_desk: str | None = None
    # Listed before a nearer place (the ranking's detour, ``search.rank``): why, in one plain
    # line built from the ranking's fit ("Plus loin, mais fait aussi : …"); None otherwise.
    ahead: str | None = None
    # Teaches (a mediator, workshops, the 1.0 label "Devenir autonome…"): what someone who asked
    # to learn is shown first (``search.explain.teaches``); None when the backend does not say.
    teaches: bool | None = None

    def __post_init__(self) -> None:
        # A number that does not ring is not the place's number to anyone (phones.offered).
        object.__setattr__(self, "phone", phones.offered(self.phone))

    def to_payload(self) -> dict:
        """The shape of the assistant's ``custom.orienteur.results`` items (a stable contract)."""
        return {
            "id": self.id,
            "name": self.name,
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "services": list(self.services),
            "address": self.address,
            "phone": self.phone,
            "opening_hours": self.opening_hours,
            "open_now": self.opening.open_now,
            "why": self.why,
            "ahead": self.ahead,
        }


@dataclass(frozen=True)
class RemoteOption:
    name: str
    phone: str | None
    url: str | None
    why: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "phone", phones.offered(self.phone))


@dataclass(frozen=True)
class AloneAnswer:
    """Needs asked together that no entry of the page offers (``needs``): whether a place near
    offers them, and the help at a distance, as a search of them alone would say (a two-need
    answer reads it here instead of searching again)."""

    needs: tuple[str, ...]
    near: bool  # a place offering one of them within the query's radius (or in its commune)
    remote_options: tuple[RemoteOption, ...] = ()


@dataclass(frozen=True)
class SearchResponse:
    query: SearchQuery
    results: tuple[SearchResult, ...]
    radius_km: float  # the radius finally used (after widening)
    widened: bool
    nothing_near: bool  # True when no result within reach: results are then the nearest ones
    total: int  # matching places within the radius (for "more results")
    remote_options: tuple[RemoteOption, ...] = ()
    backend: str = "local"  # "local" | "remote" | "local-fallback"
    notice: str | None = None  # plain French, e.g. when the remote directory failed
    alone: AloneAnswer | None = None  # needs none of the page's entries offers (local search)


# --- Import --------------------------------------------------------------------------------------
class SearchBackend(Protocol):
    """What the assistant's actions and the staff console ask of a directory: the embedded
    ``Directory`` (SQLite/PostgreSQL) and the remote data·inclusion-shaped API both answer it."""

    def search(self, query: SearchQuery) -> SearchResponse: ...

    def get_place(self, public_id: str, now: datetime | None = None) -> SearchResult | None: ...


class PlaceLocator(Protocol):
    """Free text ("st etienne", "59100", "Paris 11e") → where, or the candidates when ambiguous."""

    def locate(self, text: str) -> LocateResult: ...


@dataclass(frozen=True)
class ImportProblem:
    file: str
    record: str  # id of the record, or "#index" when it has none
    field: str | None
    reason: str
    severity: Literal["rejected", "warning"]


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # records whose source text was unchanged, read again because the import rules changed
    # since they were read (importer.rules); of which places whose stored values changed
    reread: int = 0
    reread_changed: int = 0
    rules: str = ""  # the version of the import rules of this run (importer.rules.version)
    merged: int = 0  # records attached to a place already given (another source, or a twin)
    # of which records of a place already given by a record at the same door (merge.same_door)
    same_door: int = 0
    rejected: int = 0
    hours_from_french: int = 0  # records whose ``horaires``, a French sentence, were read into OSM
    # records whose position lay far from their commune: moved to its centre (or removed)
    positions_repaired: int = 0
    addresses_cleaned: int = 0  # "nul" parts, a postcode twice, a misspelt commune
    problems: list[ImportProblem] = field(default_factory=list)
    # (source, id) of every record accepted, in file order: what a re-import diff compares.
    keys: list[tuple[str, str]] = field(default_factory=list)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")
