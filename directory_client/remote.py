"""The remote backend: the same ``search(SearchQuery) -> SearchResponse`` and
``get_place(public_id)`` as ``Directory``, over the data·inclusion API
(``GET /api/v1/search/services``, ``GET /api/v1/services/{source}/{id}``), with retries, a cache
and a fallback to the local directory. ``DIRECTORY_BACKEND=remote`` selects it
(``directory_client.backends``).

Response shape assumed (data·inclusion API v1, gip-inclusion/data-inclusion,
``api/.../inclusion_data/v1/schemas.py`` and ``services.py``; service fields from
gip-inclusion/data-inclusion-schema ``schema/v1/services.py``)::

    {"items": [{"service": {...Service, "structure": {...Structure}}, "distance": 3}, ...],
     "total": 42, "page": 1, "size": 10, "pages": 5}

- ``distance`` is an *integer number of kilometres* (PostGIS distance / 1000, cast to int), null
  for services not given in person or when the query has no commune; results are ordered by
  distance, nulls last; in-person services are kept within 50 km of the commune (or lat/lon).
- service fields used: ``id``, ``nom`` (required here, items without them are skipped), ``source``,
  ``thematiques``, ``frais`` (``gratuit`` | ``payant``; a list in the older v0 API),
  ``adresse``, ``complement_adresse``, ``commune``, ``code_postal``, ``latitude``,
  ``longitude``, ``telephone``, ``courriel``, ``modes_accueil`` (``en-presentiel`` |
  ``a-distance``), ``lien_mobilisation``, ``lien_source`` (v0), ``horaires_accueil`` (OSM
  opening_hours), ``date_maj``; ``structure``: ``nom``, ``site_web``, ``telephone``,
  ``courriel``, ``horaires_accueil``, ``accessibilite_lieu``.
- one service: ``GET /api/v1/services/{source}/{id}`` answers the service object itself, with its
  ``structure`` (no ``distance``); 404 when it is unknown. Our id of a remote result is
  ``data-inclusion:{source}:{id}``, so a place shown once can be found again (the console's
  referral sheet, its SMS).
- list parameters are sent as repeated keys (``thematiques=a&thematiques=b``), as FastAPI reads
  them; ``code_commune`` is the INSEE code (not the postal code).

Not sent to the API (no equivalent there; the local search handles them): ``prise_en_charge``,
``accompagnement``, ``labels``, ``on_my_behalf``, ``open_at``, ``open_on_saturday``,
``open_on_sunday``.
"""

from __future__ import annotations

import dataclasses
import email.utils
import hashlib
import json
import logging
import math
import os
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from directory_client import display, labels
from directory_client.errors import RemoteDirectoryError
from directory_client.importer.address import clean_part
from directory_client.remote_cache import TTLCache
from directory_client.types import (
    OpeningStatus,
    RemoteOption,
    SearchQuery,
    SearchResponse,
    SearchResult,
)

log = logging.getLogger(__name__)

SEARCH_PATH = "/api/v1/search/services"
SERVICE_PATH = "/api/v1/services/{source}/{id}"
ID_PREFIX = "data-inclusion:"
API_RADIUS_KM = 50.0  # the API keeps in-person services within 50 km
MAX_RETRY_AFTER_S = 2.0  # a longer Retry-After means "not now": give up (fallback) at once
FALLBACK_NOTICE = "L'annuaire national ne répond pas : voici les lieux de notre annuaire local."
UNKNOWN_HOURS = "Horaires non connus"

# --- Vocabulary mapping ---------------------------------------------------------------------------
# Current service label → data·inclusion thématiques (OR-ed by the API). Source: the project's
# reference (shared/reference/standard.md, "data·inclusion thématiques") for démarches, accès
# internet, compréhension and insertion; the rest is our choice: data·inclusion has only four
# "numerique--" thématiques, so every learning-type service maps to "maîtriser les fondamentaux".
_FONDAMENTAUX = "numerique--maitriser-les-fondamentaux-du-numerique"
_SERVICES_EN_LIGNE = "numerique--acceder-a-des-services-en-ligne"
_CONNEXION = "numerique--acceder-a-une-connexion-internet"
_EQUIPEMENT = "numerique--acquerir-un-equipement"
_DEMARCHES_ADMIN = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)
_CANDIDATURE_CV = "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"
_CANDIDATURE_RECHERCHE = "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"

THEMATIQUES_BY_SERVICE: dict[str, tuple[str, ...]] = {
    labels.DEMARCHES: (_SERVICES_EN_LIGNE, _DEMARCHES_ADMIN),
    labels.OUTILS_QUOTIDIEN: (_FONDAMENTAUX,),
    labels.INSERTION_PRO: (_CANDIDATURE_CV, _CANDIDATURE_RECHERCHE, _FONDAMENTAUX),
    labels.SECURITE: (_FONDAMENTAUX,),
    labels.PARENTALITE: (_FONDAMENTAUX,),
    labels.LOISIRS: (_FONDAMENTAUX,),
    labels.COMPREHENSION: (_FONDAMENTAUX,),
    labels.ACCES_INTERNET_MATERIEL: (_CONNEXION, _EQUIPEMENT),
    labels.ACQUISITION_MATERIEL: (_EQUIPEMENT,),
}
# Used when the query names no known service: every digital thématique.
ALL_DIGITAL_THEMATIQUES: tuple[str, ...] = (
    _SERVICES_EN_LIGNE,
    _CONNEXION,
    _EQUIPEMENT,
    _FONDAMENTAUX,
)

# Thématique (or thématique family, before "--") of an answer → current service label, for the
# services that a result shows when the query did not ask for it.
_SERVICE_BY_THEMATIQUE: dict[str, str] = {
    _SERVICES_EN_LIGNE: labels.DEMARCHES,
    _DEMARCHES_ADMIN: labels.DEMARCHES,
    _FONDAMENTAUX: labels.OUTILS_QUOTIDIEN,
    _CONNEXION: labels.ACCES_INTERNET_MATERIEL,
    _EQUIPEMENT: labels.ACQUISITION_MATERIEL,
    "preparer-sa-candidature": labels.INSERTION_PRO,
}

# Plain French for "why" (what the service does), most useful first.
_WHY_BY_THEMATIQUE: dict[str, str] = {
    _SERVICES_EN_LIGNE: "aide à faire les démarches en ligne",
    _DEMARCHES_ADMIN: "accompagne les démarches administratives",
    _FONDAMENTAUX: "apprend à se servir d'un ordinateur, d'un téléphone ou d'internet",
    _CONNEXION: "donne accès à internet",
    _EQUIPEMENT: "aide à s'équiper en matériel",
    "preparer-sa-candidature": "aide à préparer une candidature (CV, lettre)",
}

PUBLICS_TO_API: dict[str, str] = {
    "Jeunes": "jeunes",
    "Étudiants": "etudiants",
    "Familles et/ou enfants": "familles",
    "Seniors": "seniors",
    "Femmes": "femmes",
}

HELPLINE_OPTION = RemoteOption(
    name=labels.HELPLINE["name"],
    phone=labels.HELPLINE["phone"],
    url=labels.HELPLINE["url"],
    why=labels.HELPLINE["why"],
)


class LocalSearch(Protocol):
    def search(self, query: SearchQuery) -> SearchResponse: ...

    def get_place(self, public_id: str, now: datetime | None = None) -> SearchResult | None: ...


class _Retryable(Exception):
    """One attempt failed in a way worth retrying (connect error, timeout, 5xx, 429)."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class _Unavailable(RemoteDirectoryError):
    """The API did not answer usefully after the retries (down, overloaded, unreachable)."""


class _NotFound(RemoteDirectoryError):
    """The API does not know this service (HTTP 404)."""


class RemoteDirectory:
    """``search`` over the data·inclusion API; see the module docstring for the assumptions."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        fallback: LocalSearch | None = None,
        timeout: float = 2.0,
        retries: int = 2,
        backoff: float = 0.2,
        cache_ttl: float = 300,
        transport: httpx.BaseTransport | None = None,
        *,
        cache_size: int = 256,
        cache_path: str | Path | None = None,
        cooldown: float = 30.0,
        max_retry_after: float = MAX_RETRY_AFTER_S,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """``cooldown``: after the API failed all its retries, skip it for that many seconds
        (straight to the fallback) so that each turn of a conversation does not wait again."""
        self.base_url = base_url.rstrip("/")
        self.fallback = fallback
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.cache = TTLCache(ttl=cache_ttl, maxsize=cache_size, path=cache_path)
        self.cooldown = cooldown
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self._down_until = 0.0
        token = token or os.environ.get("DATA_INCLUSION_TOKEN") or None
        headers = {"Accept": "application/json", "User-Agent": "orienteur-directory"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._client = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout),
            transport=transport,
        )

    @classmethod
    def from_env(
        cls,
        fallback: LocalSearch | None = None,
        env: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> RemoteDirectory:
        """``DIRECTORY_REMOTE_URL`` (API root, required) and ``DATA_INCLUSION_TOKEN``."""
        env = os.environ if env is None else env
        url = (env.get("DIRECTORY_REMOTE_URL") or "").strip()
        if not url:
            raise RemoteDirectoryError("DIRECTORY_REMOTE_URL is not set")
        token = (env.get("DATA_INCLUSION_TOKEN") or "").strip() or None
        return cls(url, token=token, fallback=fallback, **kwargs)

    def close(self) -> None:
        self._client.close()

    def communes(self) -> list[dict]:
        """For the locator: the communes of the local fallback (the API lists none)."""
        communes = getattr(self.fallback, "communes", None)
        return communes() if communes is not None else []

    def __enter__(self) -> RemoteDirectory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- search ---------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResponse:
        try:
            return self._search_remote(query)
        except RemoteDirectoryError as exc:
            if self.fallback is None:
                raise
            log.warning("remote directory failed, using the local directory: %s", exc)
            response = self.fallback.search(query)
            return dataclasses.replace(response, backend="local-fallback", notice=FALLBACK_NOTICE)

    def _search_remote(self, query: SearchQuery) -> SearchResponse:
        params = build_params(query)
        key = _cache_key(self.base_url, params)
        answer = self.cache.get(key)
        if answer is None:
            answer = _validate_answer(self._get(SEARCH_PATH, params))
            self.cache.set(key, answer)
        return _to_response(query, answer)

    # --- one place --------------------------------------------------------------------------------
    def get_place(self, public_id: str, now: datetime | None = None) -> SearchResult | None:
        """A place by the id a search gave: a remote one from the API (None when unknown), a
        local one (given by the fallback) from the fallback."""
        remote = parse_id(public_id)
        if remote is None:
            return self.fallback.get_place(public_id, now) if self.fallback is not None else None
        source, service_id = remote
        path = SERVICE_PATH.format(source=quote(source, safe=""), id=quote(service_id, safe=""))
        key = _cache_key(self.base_url, [("path", path)])
        service = self.cache.get(key)
        if service is None:
            try:
                service = self._get(path, [])
            except _NotFound:
                return None
            problem = _item_problem({"service": service})
            if problem:
                raise RemoteDirectoryError(f"data·inclusion service {public_id}: {problem}")
            self.cache.set(key, service)
        return _to_result({"service": service, "distance": None}, (), None, now)

    # --- HTTP -------------------------------------------------------------------------------------
    def _get(self, path: str, params: list[tuple[str, str]]) -> Any:
        if time.monotonic() < self._down_until:
            raise RemoteDirectoryError("data·inclusion failed recently, not asked again yet")
        try:
            return self._get_with_retries(path, params)
        except _Unavailable:
            self._down_until = time.monotonic() + self.cooldown
            raise

    def _get_with_retries(self, path: str, params: list[tuple[str, str]]) -> Any:
        attempts = self.retries + 1
        for attempt in range(attempts):
            try:
                return self._get_once(path, params)
            except _Retryable as exc:
                if attempt == attempts - 1:
                    raise _Unavailable(
                        f"data·inclusion failed after {attempts} attempts: {exc}"
                    ) from exc
                delay = self.backoff * (2**attempt)
                if exc.retry_after is not None:
                    if exc.retry_after > self.max_retry_after:
                        raise _Unavailable(
                            f"data·inclusion asks to wait {exc.retry_after:.0f}s ({exc})"
                        ) from exc
                    delay = max(delay, exc.retry_after)
                log.info(
                    "data·inclusion attempt %d failed (%s), retry in %.2fs", attempt + 1, exc, delay
                )
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, path: str, params: list[tuple[str, str]]) -> Any:
        try:
            response = self._client.get(path, params=params)
        except httpx.TransportError as exc:  # connect errors, timeouts, broken connections
            raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
        except httpx.HTTPError as exc:  # decoding errors, too many redirects…
            raise RemoteDirectoryError(f"data·inclusion request failed: {exc}") from exc
        status = response.status_code
        if status == 429 or status >= 500:
            raise _Retryable(f"HTTP {status}", _retry_after(response.headers.get("Retry-After")))
        if status == 404:
            raise _NotFound(f"data·inclusion does not know {path}")
        if status >= 400:
            raise RemoteDirectoryError(f"data·inclusion refused the query: HTTP {status}")
        try:
            return response.json()
        except ValueError as exc:
            raise RemoteDirectoryError(
                "data·inclusion answered something that is not JSON"
            ) from exc


# --- request --------------------------------------------------------------------------------------
def place_id(source: str | None, service_id: str) -> str:
    """Our public id of a data·inclusion service."""
    return f"{ID_PREFIX}{source}:{service_id}" if source else f"{ID_PREFIX}{service_id}"


def parse_id(public_id: str) -> tuple[str, str] | None:
    """``data-inclusion:{source}:{id}`` → (source, id); None for any other id (a local place, or
    a remote one without a source, which the API cannot give again)."""
    if not public_id.startswith(ID_PREFIX):
        return None
    source, _, service_id = public_id.removeprefix(ID_PREFIX).partition(":")
    return (source, service_id) if source and service_id else None


def thematiques_for(needs: tuple[str, ...]) -> list[str]:
    """data·inclusion thématiques for the query's needs (any known old/new label), in order."""
    out: list[str] = []
    for need in needs:
        label = labels.current_service(need)
        for thematique in THEMATIQUES_BY_SERVICE.get(label or "", ()):
            if thematique not in out:
                out.append(thematique)
    return out or list(ALL_DIGITAL_THEMATIQUES)


def build_params(query: SearchQuery) -> list[tuple[str, str]]:
    """Query parameters for ``/api/v1/search/services`` (raises if the location is unusable)."""
    location = query.location
    params: list[tuple[str, str]] = []
    if location.code_insee:
        params.append(("code_commune", location.code_insee))
    if location.lat is not None and location.lon is not None:
        params += [("lat", f"{location.lat:.6f}"), ("lon", f"{location.lon:.6f}")]
    if not params:
        raise RemoteDirectoryError(f"no commune code nor coordinates for {location.label!r}")
    params += [("thematiques", t) for t in thematiques_for(query.needs)]
    filters = query.filters
    if filters.free_only:
        params.append(("frais", "gratuit"))
    params += [("publics", PUBLICS_TO_API[p]) for p in filters.publics if p in PUBLICS_TO_API]
    if not filters.remote_ok:
        params.append(("modes_accueil", "en-presentiel"))
    params += [("page", "1"), ("size", str(max(1, query.limit + query.offset)))]
    return params


def _cache_key(base_url: str, params: list[tuple[str, str]]) -> str:
    normalised = json.dumps([base_url, sorted(params)], ensure_ascii=False)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


# --- answer ---------------------------------------------------------------------------------------
def _validate_answer(data: Any) -> dict:
    """Keep the answer's usable items (the per-item checks); raise if the page itself is garbage."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise RemoteDirectoryError("data·inclusion answer has no 'items' list")
    items = []
    for index, item in enumerate(data["items"]):
        problem = _item_problem(item)
        if problem:
            log.warning("data·inclusion item #%d skipped: %s", index, problem)
            continue
        items.append(item)
    total = data.get("total")
    if not isinstance(total, int) or isinstance(total, bool) or total < len(items):
        total = len(items)
    return {"items": items, "total": total, "skipped": len(data["items"]) - len(items)}


def _item_problem(item: Any) -> str | None:
    if not isinstance(item, dict):
        return "not an object"
    service = item.get("service")
    if not isinstance(service, dict):
        return "no 'service' object"
    for name in ("id", "nom"):
        value = service.get(name)
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
            return f"missing '{name}'"
    distance = item.get("distance")
    if distance is not None and _number(distance) is None:
        return "'distance' is not a number"
    structure = service.get("structure")
    if structure is not None and not isinstance(structure, dict):
        return "'structure' is not an object"
    return None


def _to_response(query: SearchQuery, answer: Mapping[str, Any]) -> SearchResponse:
    origin = (query.location.lat, query.location.lon)
    results = [_to_result(item, query.needs, origin, query.now) for item in answer["items"]]
    page = tuple(results[query.offset : query.offset + query.limit])
    distances = [r.distance_km for r in page if r.distance_km is not None]
    widened = any(d > query.radius_km for d in distances)
    return SearchResponse(
        query=query,
        results=page,
        radius_km=max(query.radius_km, API_RADIUS_KM) if widened else query.radius_km,
        widened=widened,
        nothing_near=not page,
        total=answer["total"],
        remote_options=(HELPLINE_OPTION,) if labels.helpline_helps(query.needs) else (),
        backend="remote",
    )


def _to_result(
    item: Mapping[str, Any],
    needs: tuple[str, ...],
    origin: tuple[float | None, float | None] | None,
    now: datetime | None,
) -> SearchResult:
    """One item (``{"service": …, "distance": …}``); ``origin``: where the person is, for the
    distance when the API gives none (None: no distance)."""
    service: Mapping[str, Any] = item["service"]
    structure: Mapping[str, Any] = service.get("structure") or {}

    def field(name: str) -> str | None:
        return _text(service.get(name)) or _text(structure.get(name))

    lat, lon = _number(service.get("latitude")), _number(service.get("longitude"))
    if lat is None or lon is None:
        lat, lon = _number(structure.get("latitude")), _number(structure.get("longitude"))
    distance = _number(item.get("distance"))
    if distance is None and origin is not None and None not in (lat, lon, *origin):
        distance = _haversine_km(origin[0], origin[1], lat, lon)  # type: ignore[arg-type]
    thematiques = _strings(service.get("thematiques"))
    free = _free(service.get("frais"))
    hours = field("horaires_accueil")
    source = _text(service.get("source"))
    service_id = str(service["id"]).strip()
    return SearchResult(
        id=place_id(source, service_id),
        name=display.place_name(_text(structure.get("nom")) or str(service["nom"]).strip()),
        services=_services(needs, thematiques),
        address=_address(service) or _address(structure),
        commune=display.commune_name(field("commune"), field("code_insee"), field("code_postal"))
        or None,
        code_postal=field("code_postal"),
        lat=lat,
        lon=lon,
        distance_km=distance,
        phone=field("telephone"),
        email=field("courriel"),
        website=_text(structure.get("site_web")) or _text(service.get("lien_source")),
        appointment_url=_text(service.get("lien_mobilisation")),
        opening_hours=hours,
        opening=_opening(hours, now, field("code_postal")),
        free=free,
        labels=(),
        why=_why(thematiques, free, _strings(service.get("modes_accueil"))),
        accessibility_url=_text(structure.get("accessibilite_lieu")),
        source=f"data·inclusion ({source})" if source else "data·inclusion",
        date_maj=_text(service.get("date_maj")),
        fees={True: ("Gratuit",), False: ("Payant",), None: ()}[free],
    )


def _services(needs: tuple[str, ...], thematiques: list[str]) -> tuple[str, ...]:
    """Asked-for services the answer's thématiques cover first, then what else they say."""
    found: list[str] = []
    given = set(thematiques)
    for need in needs:
        label = labels.current_service(need)
        if label and label not in found and given & set(THEMATIQUES_BY_SERVICE[label]):
            found.append(label)
    for thematique in thematiques:
        label = _SERVICE_BY_THEMATIQUE.get(thematique) or _SERVICE_BY_THEMATIQUE.get(
            thematique.split("--")[0]
        )
        if label and label not in found:
            found.append(label)
    return tuple(found)


def _why(thematiques: list[str], free: bool | None, modes: list[str]) -> str:
    parts: list[str] = []
    for thematique in thematiques:
        text = _WHY_BY_THEMATIQUE.get(thematique) or _WHY_BY_THEMATIQUE.get(
            thematique.split("--")[0]
        )
        if text and text not in parts:
            parts.append(text)
    parts = parts[:2]
    if not parts:
        parts.append("service d'aide référencé dans l'annuaire national")
    if free:
        parts.append("gratuit")
    if "a-distance" in modes and "en-presentiel" not in modes:
        parts.append("à distance")
    return ", ".join(parts)


def _opening(hours: str | None, now: datetime | None, code_postal: str | None) -> OpeningStatus:
    unknown = OpeningStatus(open_now=None, next_opening=None, closes_at=None, text=UNKNOWN_HOURS)
    if not hours:
        return unknown
    try:  # hours.py ships with the local search; without it the hours are shown, not evaluated
        from directory_client import hours as hours_module
    except ImportError:
        return unknown
    try:
        place_timezone = getattr(hours_module, "place_timezone", None)
        if place_timezone is not None:
            status = hours_module.opening_status(hours, now, place_timezone(code_postal))
        else:
            status = hours_module.opening_status(hours, now)
    except Exception as exc:  # an evaluator bug or odd hours must not lose the result
        log.debug("opening hours %r not evaluated: %s", hours, exc)
        return unknown
    return status if isinstance(status, OpeningStatus) else unknown


def _address(record: Mapping[str, Any]) -> str:
    """The address as every channel shows it (``display.address_text``), its parts cleaned as
    the importer cleans them (``importer.address.clean_part``: "61Rue" → "61 Rue")."""
    if not any(_text(record.get(k)) for k in ("adresse", "complement_adresse", "code_postal",
                                              "commune")):  # fmt: skip
        return ""
    return display.address_text(
        clean_part(_text(record.get("adresse"))),
        clean_part(_text(record.get("complement_adresse"))),
        _text(record.get("code_postal")),
        _text(record.get("commune")),
        _text(record.get("code_insee")),
    )


def _free(frais: Any) -> bool | None:
    values = {v.lower() for v in _strings(frais)} if isinstance(frais, list) else set()
    if isinstance(frais, str):
        values = {frais.strip().lower()}
    if "gratuit" in values:
        return True
    if "payant" in values:
        return False
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
