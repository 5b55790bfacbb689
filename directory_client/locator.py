"""Free text → location: commune names (typos, articles, "St"), postcodes, INSEE codes,
arrondissements, departments, shared coordinates, and street addresses through the national
address API (BAN) when asked to.

Rules (documented for the conversation designers):
- Exact name matches win over fuzzy ones; the longest matching run of words wins ("vers st
  etienne" is Saint-Étienne, not Vers). Single common words ("sur", "y", "vers") never match alone.
- Homonyms are ranked by population, then department. The biggest is returned as ``found``
  (the others kept as extra candidates) only when it is at least ``CLEAR_WINNER_RATIO`` times as
  populated as the next one; otherwise the result is ``ambiguous``.
- A department code or name, or a postcode, next to the name disambiguates ("Saint-Denis 93",
  "saint denis réunion").
- A department name that is also a commune name ("Vienne"): the department first; ambiguous when
  a homonym commune has at least ``BIG_TOWN`` inhabitants.
- Fuzzy matching (rapidfuzz Levenshtein) only for words of 4+ letters, same first letter, length
  within ±2: at most 1 edit below 8 letters, 2 edits from 8 letters. Ties are ranked as homonyms.
- A postcode shared by several communes is ``ambiguous`` (ranked by population).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from directory_client import gazetteer
from directory_client.gazetteer import Commune, Departement, Index
from directory_client.text import STOPWORDS, clean, name_key, tokens
from directory_client.types import LocateResult, Location

log = logging.getLogger(__name__)

BAN_DOMAIN = "data.geopf.fr/geocodage"
CLEAR_WINNER_RATIO = 20
BIG_TOWN = 10_000
MAX_TOKENS = 40
MAX_SPAN = 8
MAX_CANDIDATES = 10
NEAR_KM = 30.0  # a shared position farther than this from any commune centre names no commune
MIN_BAN_SCORE = 0.4

_ARM = {"paris": ("751", 20), "lyon": ("6938", 9), "marseille": ("132", 16)}
_ORDINAL = re.compile(r"^(\d{1,2})(er|e|eme|ieme|em|ere|me)?$")
_ORDINAL_SUFFIX = frozenset({"er", "e", "eme", "ieme", "em", "ere", "me", "arrondissement", "arr"})
_CODE5 = re.compile(r"^(\d{5}|2[ab]\d{3})$")
_DEP_CODE = re.compile(r"^(\d{2}|2[ab]|97[1-8]|98[678])$")
_NOT_ALONE = STOPWORDS | {"saint", "sainte", "saints", "saintes"}
_DEP_CUES = frozenset({"le", "dans", "departement", "dept", "dep", "du", "en"})
_NUM = r"([-+]?\d{1,3}(?:\.\d+)?)"
_LAT_LON_KEYS = re.compile(
    r"""["']?lat(?:itude)?["']?\s*[:=]\s*["']?"""
    + _NUM
    + r""".{0,40}?["']?(?:lng|lon|long|longitude)["']?\s*[:=]\s*["']?"""
    + _NUM,
    re.IGNORECASE | re.DOTALL,
)
_LAT_LON_PAIR = re.compile(
    r"(?<![\d.])([-+]?\d{1,2}\.\d{2,})\s*[,;/ ]\s*([-+]?\d{1,3}\.\d{2,})(?![\d.])"
)
_ADDRESS = re.compile(
    r"\b\d{1,4}\s*(?:bis|ter)?\s*,?\s*(?:rue|av|avenue|bd|boulevard|chemin|impasse|allee|place|"
    r"route|quai|cours|chaussee|square|voie|residence|lotissement|lieu dit|rond point|passage|"
    r"sentier|cite|hameau|faubourg|esplanade|parvis|promenade)\b"
)


class Locator:
    """Turns what a person types into a ``LocateResult``. Offline unless ``geocoder="ban"``."""

    def __init__(
        self,
        directory: Any = None,
        gazetteer_path: str | Path | None = None,
        geocoder: Any = None,
        geocoder_timeout: float = 1.5,
        *,
        extra_communes: list[dict] | None = None,
        geocoder_domain: str = BAN_DOMAIN,
        geocoder_scheme: str = "https",
    ) -> None:
        index = gazetteer.load(gazetteer_path)
        extra = list(extra_communes or [])
        if directory is not None:
            try:
                extra.extend(directory.communes())
            except Exception:  # the directory must never stop the assistant from locating
                log.warning("directory communes unavailable", exc_info=True)
        communes = [c for c in map(_extra_commune, extra) if c is not None]
        self._index: Index = index.with_extra(communes) if communes else index
        self._timeout = geocoder_timeout
        if geocoder == "ban":
            from geopy.geocoders import BANFrance

            self._geocoder = BANFrance(
                domain=geocoder_domain, scheme=geocoder_scheme, timeout=geocoder_timeout
            )
        else:
            self._geocoder = geocoder  # None, or any object with geopy's ``geocode``

    # --- public -------------------------------------------------------------------------------
    def locate(self, text: str) -> LocateResult:
        raw = text if isinstance(text, str) else ""
        cleaned = clean(raw)
        try:
            return self._locate(cleaned)
        except Exception:  # never let a strange message break the conversation
            log.exception("locate failed for %r", cleaned[:80])
            return LocateResult("unknown", cleaned)

    # --- pipeline -----------------------------------------------------------------------------
    def _locate(self, text: str) -> LocateResult:
        point = self._coordinates(text)
        if point is not None:
            return LocateResult("found", text, (point,))
        if self._geocoder is not None and _ADDRESS.search(" ".join(tokens(text))):
            address = self._geocode(text)
            if address is not None:
                return LocateResult("found", text, (address,))
        words = [w for w in tokens(text)[:MAX_TOKENS]]
        if not words:
            return LocateResult("unknown", text)
        for step in (self._arrondissement, self._exact_names, self._codes, self._fuzzy):
            found = step(words)
            if found is not None:
                status, candidates = found
                return LocateResult(status, text, tuple(candidates[:MAX_CANDIDATES]))
        return LocateResult("unknown", text)

    def _coordinates(self, text: str) -> Location | None:
        if not any(ch.isdigit() for ch in text):
            return None
        lat = lon = None
        if "{" in text:
            lat, lon = _json_coordinates(text)
        if lat is None:
            match = _LAT_LON_KEYS.search(text) or _LAT_LON_PAIR.search(text)
            if match:
                lat, lon = float(match.group(1)), float(match.group(2))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        near = self._index.nearest(lat, lon)
        if near is None or near[1] > NEAR_KM:
            return Location("Votre position", "point", lat, lon)
        commune = near[0]
        return Location(
            label=f"Votre position (près de {_commune_label(commune)})",
            kind="point",
            lat=lat,
            lon=lon,
            commune=_commune_name(commune),
            code_insee=commune.code_insee,
            code_postal=commune.postcodes[0] if commune.postcodes else None,
            departement=commune.departement or None,
        )

    def _geocode(self, text: str) -> Location | None:
        try:
            found = self._geocoder.geocode(text, exactly_one=True, timeout=self._timeout)
        except Exception:
            log.warning("address geocoder unavailable, falling back offline", exc_info=True)
            return None
        if found is None:
            return None
        props = (getattr(found, "raw", None) or {}).get("properties", {})
        if float(props.get("score", 1.0) or 0) < MIN_BAN_SCORE:
            return None
        context = str(props.get("context", ""))
        return Location(
            label=str(props.get("label") or found.address),
            kind="adresse",
            lat=float(found.latitude),
            lon=float(found.longitude),
            commune=props.get("city"),
            code_insee=props.get("citycode"),
            code_postal=props.get("postcode"),
            departement=context.split(",")[0].strip() or None,
        )

    def _arrondissement(self, words: list[str]) -> tuple[str, list[Location]] | None:
        for i, word in enumerate(words[:-1]):
            if word not in _ARM:
                continue
            match = _ORDINAL.match(words[i + 1])
            if not match:
                continue
            prefix, last = _ARM[word]
            number = int(match.group(1))
            suffix = match.group(2) or (words[i + 2] if i + 2 < len(words) else "")
            if not 1 <= number <= last or (not suffix and i + 2 < len(words)):
                continue
            if suffix and suffix not in _ORDINAL_SUFFIX:
                continue
            code = f"{prefix}{number:0{5 - len(prefix)}d}"
            commune = self._index.by_insee.get(code)
            if commune is not None:
                return "found", [_location(commune)]
        return None

    def _exact_names(self, words: list[str]) -> tuple[str, list[Location]] | None:
        index = self._index
        for size in range(min(MAX_SPAN, len(words)), 0, -1):
            # Among runs of the same length, the most populated place wins ("Annecy le Vieux").
            best: tuple[int, int] | None = None
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if size == 1 and (span[0] in _NOT_ALONE or span[0].isdigit()):
                    continue
                key = " ".join(span)
                communes = index.by_key.get(key, [])
                dep = index.dep_by_key.get(key)
                if communes or dep:
                    weight = max([c.current.population for c in communes] + [0])
                    if dep:
                        weight = max(weight, index.departements[dep].population)
                    if best is None or weight > best[0]:
                        best = (weight, start)
            if best is not None:
                start = best[1]
                key = " ".join(words[start : start + size])
                rest = words[:start] + [""] + words[start + size :]
                communes = index.by_key.get(key, [])
                arrondissement = self._arrondissement_by_postcode(communes, rest)
                if arrondissement is not None:
                    return "found", [_location(arrondissement)]
                return self._decide(communes, index.dep_by_key.get(key), rest)
        return None

    def _arrondissement_by_postcode(
        self, communes: list[Commune], rest: list[str]
    ) -> Commune | None:
        """"Paris 75011": the postcode names the arrondissement of the city."""
        cities = {c.code_insee[:2] for c in communes if c.kind == "CITY"}
        for word in rest if cities else ():
            for commune in self._index.by_postcode.get(word, ()):
                if commune.kind == "ARM" and commune.departement in cities:
                    return commune
        return None

    def _codes(self, words: list[str]) -> tuple[str, list[Location]] | None:
        index = self._index
        for word in words:
            if _CODE5.match(word):
                found = self._code5(word.upper())
                if found is not None:
                    return found
        for i, word in enumerate(words):
            if _DEP_CODE.match(word) and (len(words) <= 2 or (i and words[i - 1] in _DEP_CUES)):
                dep = index.departements.get(word.upper())
                if dep is not None and dep.lat is not None:
                    return "found", [_dep_location(dep)]
        return None

    def _code5(self, code: str) -> tuple[str, list[Location]] | None:
        index = self._index
        communes = index.by_postcode.get(code)
        if communes:
            ranked = _rank(communes)
            locations = [_location(c, postcode=code) for c in ranked]
            return ("found" if len(ranked) == 1 else "ambiguous"), locations
        commune = index.by_insee.get(code)
        if commune is not None:
            return "found", [_location(commune)]
        if code.startswith("20"):
            deps = [index.departements["2A"], index.departements["2B"]]
            return "ambiguous", [_dep_location(d) for d in deps]
        dep = index.departements.get(code[:3]) or index.departements.get(code[:2])
        if dep is not None and dep.lat is not None:
            return "found", [_dep_location(dep)]
        return None

    def _fuzzy(self, words: list[str]) -> tuple[str, list[Location]] | None:
        content = [w for w in words if w not in STOPWORDS and not w.isdigit()]
        queries: list[str] = []
        for size in range(min(3, len(content)), 0, -1):
            for start in range(len(content) - size + 1):
                query = " ".join(content[start : start + size])
                if len(query) >= 4 and query not in queries and query not in _NOT_ALONE:
                    queries.append(query)
        # The longest run of words that matches wins, then the fewest edits.
        best: tuple[int, int, list[str]] | None = None  # (-words, distance, keys)
        for query in queries[:12]:
            max_edits = 1 if len(query) < 8 else 2
            keys: list[str] = []
            for length in range(len(query) - max_edits, len(query) + max_edits + 1):
                keys.extend(self._index.buckets.get((query[0], length), ()))
            keys.extend(k for k in self._index.dep_by_key if k[:1] == query[0])
            matches = process.extract(
                query, keys, scorer=Levenshtein.distance, score_cutoff=max_edits, limit=8
            )
            if not matches:
                continue
            distance = min(m[1] for m in matches)
            rank = (-query.count(" "), distance)
            if best is None or rank < best[:2]:
                best = (*rank, [m[0] for m in matches if m[1] == distance])
        if best is None:
            return None
        communes = [c for key in best[2] for c in self._index.by_key.get(key, ())]
        deps = [self._index.dep_by_key[k] for k in best[2] if k in self._index.dep_by_key]
        return self._decide(communes, deps[0] if deps else None, words)

    # --- ranking ------------------------------------------------------------------------------
    def _decide(
        self, communes: list[Commune], dep_code: str | None, rest: list[str]
    ) -> tuple[str, list[Location]]:
        ranked = _rank(communes)
        if len(ranked) > 1:
            deps, postcodes = self._hints(rest)
            if postcodes:
                narrowed = [c for c in ranked if set(c.postcodes) & postcodes]
                ranked = narrowed or ranked
            if deps and len(ranked) > 1:
                narrowed = [c for c in ranked if c.departement in deps]
                ranked = narrowed or ranked
        locations = [_location(c, former=_former(c, communes)) for c in ranked]
        if dep_code is not None:
            dep = _dep_location(self._index.departements[dep_code])
            big = any((c.population or 0) >= BIG_TOWN for c in ranked)
            return ("ambiguous" if big else "found"), [dep, *locations]
        if len(ranked) == 1:
            return "found", locations
        first, second = ranked[0].population, ranked[1].population
        if first >= CLEAR_WINNER_RATIO * max(second, 1):
            return "found", locations
        return "ambiguous", locations

    def _hints(self, words: list[str]) -> tuple[set[str], set[str]]:
        """Departments and postcodes named around a place name."""
        deps: set[str] = set()
        postcodes: set[str] = set()
        index = self._index
        for i, word in enumerate(words):
            if _DEP_CODE.match(word):
                deps.add(word.upper())
            elif _CODE5.match(word):
                postcodes.add(word)
                deps.add(word[:3] if word.startswith("97") else word[:2].upper())
            for size in range(1, 4):
                key = " ".join(words[i : i + size])
                if key in index.dep_by_key:
                    deps.add(index.dep_by_key[key])
        if "20" in deps:
            deps |= {"2A", "2B"}
        return deps, postcodes


# --- helpers --------------------------------------------------------------------------------------
def _rank(communes: list[Commune]) -> list[Commune]:
    unique: dict[str, Commune] = {}
    for commune in communes:
        current = commune.current
        unique.setdefault(current.code_insee, current)
    return sorted(unique.values(), key=lambda c: (-c.population, c.departement, c.name))


def _former(current: Commune, matched: list[Commune]) -> str | None:
    """The former commune's name when the match was only through it (COMD)."""
    if any(c is current for c in matched):
        return None
    for commune in matched:
        if commune.parent is current:
            return commune.name
    return None


def _dep_suffix(code: str) -> str:
    from directory_client.departements import DEPARTEMENTS

    if len(code) == 3 and code in DEPARTEMENTS:
        return f"{code}, {DEPARTEMENTS[code]}"
    return code


def _commune_name(commune: Commune) -> str:
    if commune.kind == "ARM":
        return commune.name.split(" ", 1)[0]
    return commune.name


def _commune_label(commune: Commune) -> str:
    if commune.kind == "ARM":
        city, rest = commune.name.split(" ", 1)
        return f"{city} {rest.split(' ', 1)[0]}"
    if not commune.departement:
        return commune.name
    return f"{commune.name} ({_dep_suffix(commune.departement)})"


def _location(commune: Commune, postcode: str | None = None, former: str | None = None) -> Location:
    label = _commune_label(commune)
    if former:
        label = f"{label}, ancienne commune de {former}"
    if postcode is None and commune.postcodes:
        postcode = sorted(commune.postcodes)[0]
    return Location(
        label=label,
        kind="arrondissement" if commune.kind == "ARM" else "commune",
        lat=commune.lat,
        lon=commune.lon,
        commune=_commune_name(commune),
        code_insee=commune.code_insee,
        code_postal=postcode,
        departement=commune.departement or None,
        population=commune.population or None,
    )


def _dep_location(dep: Departement) -> Location:
    return Location(
        label=f"{dep.name} ({dep.code})",
        kind="departement",
        lat=dep.lat,
        lon=dep.lon,
        departement=dep.code,
        population=dep.population or None,
    )


def _json_coordinates(text: str) -> tuple[float | None, float | None]:
    start, end = text.find("{"), text.rfind("}")
    if end <= start:
        return None, None
    try:
        data = json.loads(text[start : end + 1])
    except ValueError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    if isinstance(data.get("location"), dict):
        data = data["location"]
    lower = {str(k).lower(): v for k, v in data.items()}
    try:
        lat = next(float(lower[k]) for k in ("lat", "latitude") if k in lower)
        lon = next(float(lower[k]) for k in ("lng", "lon", "long", "longitude") if k in lower)
    except (StopIteration, TypeError, ValueError):
        return None, None
    return lat, lon


def _extra_commune(data: dict) -> Commune | None:
    """A commune found in the directory (shape of ``Directory.communes()``)."""
    name = str(data.get("commune") or "").strip()
    if not name:
        return None
    postcode = str(data.get("code_postal") or "").strip()
    dep = str(data.get("departement") or "").strip()
    if not dep and len(postcode) == 5:
        dep = postcode[:3] if postcode[:2] in ("97", "98") else postcode[:2]
    try:
        lat = float(data["lat"]) if data.get("lat") is not None else None
        lon = float(data["lon"]) if data.get("lon") is not None else None
    except (TypeError, ValueError):
        lat = lon = None
    code = str(data.get("code_insee") or "").strip() or f"{dep}:{name_key(name)}"
    return Commune(
        code_insee=code,
        name=name,
        departement=dep,
        kind="EXT",
        lat=lat,
        lon=lon,
        population=0,
        postcodes=[postcode] if postcode else [],
    )
