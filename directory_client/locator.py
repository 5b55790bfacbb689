"""Free text → location: commune names (typos, articles, "St"), postcodes, INSEE codes,
arrondissements, departments, shared coordinates, and street addresses through the national
address API (BAN) when asked to.

Rules (the full list, with figures, is in docs/locator.md):
- Exact names win over fuzzy ones; the longest run of words naming a place wins ("vers st
  etienne" is Saint-Étienne, not Vers), then the most populated. Common words never match alone
  unless they are the whole message ("Rue", "Y").
- Homonyms are ranked by population, then department. The biggest is ``found`` (the others kept
  as extra candidates) only when it is at least ``CLEAR_WINNER_RATIO`` (20) times as populated as
  the next one and the next one has fewer than ``WELL_KNOWN`` (3 000) inhabitants; otherwise
  ``ambiguous``. A name that starts bigger towns' names offers them when
  they are ≥ ``LONGER_NAME_RATIO`` (10) times bigger ("Aix", "Clermont", "Boulogne").
- Homonyms that differ only by their accents: the one whose accents are written ("Viré" is
  Viré, 71; "Vire", without accent, still asks: people often leave accents out).
- A department, region or postcode next to the name disambiguates ("Saint-Denis 93",
  "saint denis réunion", "Valence Drôme", "Ajaccio Corse", "Paris 75011").
- A department name that is also a commune ("Vienne"): the department first; ambiguous when the
  commune has ≥ ``BIG_TOWN`` inhabitants. A region asks which department.
- The first words of a longer name no commune bears alone ("Florac" → Florac Trois Rivières)
  before any near-miss, when they are the whole message or capitalised.
- Words about people and chat (``town_words.PERSON_WORDS``: "maman", "mere", "il faut", "oui")
  are never a near-miss nor the first words of a longer name; one that is also a commune's name
  ("mere": Méré, "fille": Fillé) is that commune only as the whole message or after a word that
  says where ("à Méré", "j'habite Fillé").
- Fuzzy (rapidfuzz Levenshtein): same first letter, length ±2, ≤ 1 edit below 8 characters,
  ≤ 2 from 8; widest run of words first. Only in short messages (≤ 4 content words), and a
  near-miss shorter than 7 characters only when it is the whole message ("carte grise" ≠ Corte).
- A name of three words or more written in one hyphenated piece is one name: when a word of it is
  in no candidate's name (a number, a département or region beside it excepted), the commune is
  unknown ("Saint-Pierre-des-Trucs" is not Saint-Pierre, "Trifouillis-les-Oies" not Les Mées).
- A postcode shared by several communes is its most populated one (the others kept as extra
  candidates): they are neighbours, and the search around one covers the others.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from directory_client import display, gazetteer
from directory_client.french_dates import MONTHS
from directory_client.gazetteer import Commune, Departement, Index
from directory_client.text import clean, fold, name_key, tokens
from directory_client.town_words import COMMON, CUES, NEVER, PERSON_WORDS, STOPWORDS, after_cue
from directory_client.types import LocateResult, Location
from directory_client.usual_names import USUAL_OF

log = logging.getLogger(__name__)

BAN_DOMAIN = "data.geopf.fr/geocodage"
CLEAR_WINNER_RATIO = 20
# A homonym this populated is a town someone may mean, however big the first: "Saint-Pierre"
# asks (La Réunion's, 84 000, or Martinique's, 4 000) as "Saint-Denis" and "Valence" do.
WELL_KNOWN = 3_000
BIG_TOWN = 10_000
MAX_TOKENS = 40
MAX_SPAN = 8
MAX_CANDIDATES = 10
LONGER_NAME_RATIO = 10  # "Clermont" offers Clermont-Ferrand, being ≥ 10× any Clermont
MAX_FUZZY_WIDTH = 6
MAX_FUZZY_CALLS = 40
MAX_FUZZY_CONTENT_WORDS = 4
MIN_FUZZY_IN_SENTENCE = 7
MIN_CUT, MAX_CUT = 6, 3  # "marseil": a town's name cut short, from 6 letters, ≤ 3 left out
NEAR_KM = 30.0  # a shared position farther than this from any commune centre names no commune
MIN_BAN_SCORE = 0.4

_ARM = {"paris": ("751", 20), "lyon": ("6938", 9), "marseille": ("132", 16)}
_ORDINAL = re.compile(r"^(\d{1,2})(er|e|eme|ieme|em|ere|me)?$")
_ORDINAL_ONLY = re.compile(r"^(\d{1,2}|[ivx]{1,5})(er|e|eme|ieme|em|ere|me)$")
_ROMAN = re.compile(r"^([ivx]{1,5})(er|e|eme|ieme|em|ere|me)?$")
_ROMANS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx"
_ROMAN_VALUES = {roman: n for n, roman in enumerate(_ROMANS.split(" "), 1)}
_ORDINAL_SUFFIX = frozenset({"er", "e", "eme", "ieme", "em", "ere", "me", "arrondissement", "arr"})
_ARR_WORDS = frozenset({"arrondissement", "arrondissements", "arr", "arrdt", "ardt"})
_DISTANCE_UNITS = frozenset(
    {"km", "kms", "kilometre", "kilometres", "m", "metre", "metres", "min", "mn", "minutes"}
)
_ARTICLES = frozenset({"le", "la", "les", "l"})
_ARR_LINKS = frozenset({"de", "a", "du", "sur", "dans", "le", "la"})
_CODE5 = re.compile(r"^(\d{5}|2[ab]\d{3})$")
_DEP_CODE = re.compile(r"^(\d{2}|2[ab]|97[1-8]|98[678])$")
MIN_LEADING = 5  # characters of a name's first words that may stand for the whole name
MAX_LEADING = 3  # more communes starting so is a common word, not a name ("vieux", "grand")
_WORD = re.compile(r"[^\W\d_]+")
_SAINTS = frozenset({"saint", "sainte", "saints", "saintes"})
_NOT_ALONE = STOPWORDS | _SAINTS
# Words that end a chat phrase but also start or end real names ("Notre-Dame-de-Bondeville",
# "Puget-Ville", "Saint-Vit", "La Côte", "Villers-Cotterêts"…): allowed at a fuzzy window's edges.
_NOT_FIRST = STOPWORDS - {
    "le",
    "la",
    "les",
    "l",
    "notre",
    "ville",
    "cote",
    "vers",
    "aux",
    "pas",
} | {
    "cette",
    "cet",
    "ces",
}
_NOT_LAST = STOPWORDS - {"ville", "cote", "vit", "vis", "coin", "france", "pres", "rue", "vers"}
_UNITS = "ans an h heures heure min minutes euros eur km jours mois fois personnes enfants"
_NOT_A_DEPARTMENT_AFTER = frozenset(_UNITS.split()) | {fold(month) for month in MONTHS}
# Collectivities that are a single commune (Saint-Barthélemy, Saint-Martin): their name is a town,
# never an area whose commune is asked.
SINGLE_COMMUNE = frozenset({"977", "978"})
_TOWN_PREPOSITIONS = frozenset({"a", "au"})  # "à La Creuse": the commune, not the département
# "au Lamentin", "aux Abymes": "à le", "à les", before a commune whose name starts so (Le
# Lamentin, 972, not Lamentin, 971).
_CONTRACTED = {"au": "le", "aux": "les"}
# Words that end no town's first words: "aix en" (of Aix-en-Provence) before "Savoie" is Aix
# followed by the département it lies in.
_TRAILING_LINKS = frozenset({"en", "dans", "de", "du", "des", "d", "le", "la", "les", "l", "sur"})
_DEP_CUES = frozenset({"le", "dans", "departement", "dept", "dep", "du", "en"})
_NUM = r"([-+]?\d{1,3}(?:\.\d+)?)"
_LAT_LON_KEYS = re.compile(
    r"""["']?lat(?:itude)?["']?\s*[:=]\s*["']?"""
    + _NUM
    + r""".{0,40}?["']?(?:lng|lon|long|longitude)["']?\s*[:=]\s*["']?"""
    + _NUM,
    re.IGNORECASE | re.DOTALL,
)
# "45.76, 4.83", "45.7 4.8", "-20.9;55.4"; at least one of the two has a decimal point.
_LAT_LON_PAIR = re.compile(
    r"(?<![\d.,])([-+]?\d{1,3}(?:\.\d+)?)\s*[,;/ ]\s*([-+]?\d{1,3}(?:\.\d+)?)(?![\d.])"
)
# French decimal commas: "45,76 4,83" / "45,76; 4,83".
_LAT_LON_COMMAS = re.compile(
    r"(?<![\d.,])([-+]?\d{1,2},\d{2,})\s*[; ]\s*([-+]?\d{1,3},\d{2,})(?![\d,])"
)
_ADDRESS = re.compile(
    r"\b\d{1,4}\s*(?:bis|ter)?\s*,?\s*(?:rue|av|avenue|bd|boulevard|chemin|impasse|allee|place|"
    r"route|quai|cours|chaussee|square|voie|residence|lotissement|lieu dit|rond point|passage|"
    r"sentier|cite|hameau|faubourg|esplanade|parvis|promenade)\b"
)


_BAD_COORDINATES = Location("", "point", None, None)  # looked like a position, was not one


class _Named(NamedTuple):
    key: str
    commune: Commune


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
        self._by_dep: dict[str, list[_Named]] | None = None
        extra = list(extra_communes or [])
        if directory is not None:
            try:
                extra.extend(directory.communes() or ())
            except Exception:  # the directory must never stop the assistant from locating
                log.warning("directory communes unavailable", exc_info=True)
        communes = [c for c in map(_extra_commune, extra) if c is not None]
        self._index: Index = index.with_extra(communes) if communes else index
        self._timeout = geocoder_timeout
        if geocoder == "ban":
            from geopy.adapters import RequestsAdapter, URLLibAdapter
            from geopy.geocoders import BANFrance

            def adapter(proxies: Any, ssl_context: Any) -> Any:
                # geopy retries twice by default: 3 × the timeout is too long for a chat.
                if RequestsAdapter.is_available:
                    return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
                return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)

            self._geocoder = BANFrance(
                domain=geocoder_domain,
                scheme=geocoder_scheme,
                timeout=geocoder_timeout,
                user_agent="orienteur-locator",
                adapter_factory=adapter,
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
        if point is _BAD_COORDINATES:
            return LocateResult("unknown", text)
        if point is not None:
            return LocateResult("found", text, (point,))
        if self._geocoder is not None and _ADDRESS.search(" ".join(tokens(text))):
            address = self._geocode(text)
            if address is not None:
                return LocateResult("found", text, (address,))
        words = _join_postcodes(tokens(text)[:MAX_TOKENS])
        if not words:
            return LocateResult("unknown", text)
        names = _capitalised(text)
        leading = lambda words: self._leading(words, names)  # noqa: E731
        for step in (self._arrondissement, self._exact_names, self._codes, leading, self._fuzzy):
            found = step(words)
            if found is not None:
                status, candidates = found
                if self._compound_unmatched(text, candidates):
                    break
                if status == "ambiguous":
                    status, candidates = _accents_written(text, candidates)
                return LocateResult(status, text, tuple(candidates[:MAX_CANDIDATES]))
        return LocateResult("unknown", text)

    def _compound_unmatched(self, text: str, candidates: list[Location]) -> bool:
        """A name written in one hyphenated piece is one name: "Saint-Pierre-des-Trucs" is a
        commune we do not know, not Saint-Pierre (974); "Trifouillis-les-Oies" is not Les Mées.
        True when such a piece has a word that no candidate's name holds (a number, a
        département or a region beside the name excepted: "Saint-Denis-Réunion")."""
        said = [f"{c.commune or c.label} {c.former or ''} {USUAL_OF.get(c.code_insee or '', '')}"
                for c in candidates]  # fmt: skip
        names = [set(tokens(name)) for name in said]
        keys = [" ".join(tokens(c.commune or c.label)) for c in candidates]
        for piece in _COMPOUND.findall(text):
            words = tokens(piece)
            if not any(set(words) & name for name in names) or self._area_deps(" ".join(words)):
                continue  # another piece of the message, or a département ("Lot-et-Garonne")
            if any(Levenshtein.distance(" ".join(words), key, score_cutoff=2) <= 2 for key in keys):
                continue  # the name, misspelt ("Saint-Martin-de-Machin": Saint-Martin-de-Mâcon)
            extra = [w for w in words if not w.isdigit() and not self._area_deps(w)]
            if not any(all(_in_name(w, name) for w in extra) for name in names):
                return True
        return False

    def _coordinates(self, text: str) -> Location | None:
        if not any(ch.isdigit() for ch in text):
            return None
        lat = lon = None
        if "{" in text:
            lat, lon = _json_coordinates(text)
        if lat is None:
            lat, lon = _pair_coordinates(text)
        if lat is None or lon is None:
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return _BAD_COORDINATES
        near = self._index.nearest(lat, lon)
        if near is None or near[1] > NEAR_KM:
            return Location("Votre position", "point", lat, lon)
        commune = near[0]
        return Location(
            label=f"Votre position (près {display.of_place(_commune_label(commune))})",
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
        """ "Paris 11e", "lyon 3 eme", "Paris XI", "11ème arrondissement de Paris"; a bare
        "le 11e arrondissement" asks which city."""
        for i, word in enumerate(words):
            if word in _ARM and i + 1 < len(words):
                number = _ordinal(words[i + 1], words[i + 2] if i + 2 < len(words) else "")
                found = self._arm(word, number)
                if found is not None:
                    return "found", [_location(found)]
        for j, word in enumerate(words):
            after = words[j + 1] if j + 1 < len(words) else ""
            number = _ordinal(word, after)
            if number is None or not (_ORDINAL_ONLY.match(word) or after in _ORDINAL_SUFFIX):
                continue
            skipped = _ARR_WORDS | _ARR_LINKS | _ORDINAL_SUFFIX
            following = [w for w in words[j + 1 : j + 5] if w not in skipped]
            # the city after ("le 15e à Paris"), else just before ("Paris, dans le 15ème")
            preceding = [w for w in words[max(0, j - 4) : j] if w not in skipped][-1:]
            for city in (following[:1], preceding):
                found = self._arm(city[0], number) if city and city[0] in _ARM else None
                if found is not None:
                    return "found", [_location(found)]
            if after in _ARR_WORDS and not any(w in _ARM for w in words):
                options = [c for c in (self._arm(city, number) for city in _ARM) if c]
                options.sort(key=lambda c: -c.population)
                if options:
                    status = "found" if len(options) == 1 else "ambiguous"
                    return status, [_location(c) for c in options]
        return None

    def _arm(self, city: str, number: int | None) -> Commune | None:
        prefix, last = _ARM[city]
        if number is None or not 1 <= number <= last:
            return None
        return self._index.by_insee.get(f"{prefix}{number:0{5 - len(prefix)}d}")

    def _exact_names(self, words: list[str]) -> tuple[str, list[Location]] | None:
        index = self._index
        span = self._best_span(words, communes_only=False)
        if span is None:
            return None
        start, size = span
        key = " ".join(words[start : start + size])
        area = self._area_beside(key)
        decided_by_area = False
        if area:
            # "Valence Drôme", "Saint-Denis La Réunion", "Ajaccio Corse", "Guéret dans la
            # Creuse" (La Creuse is also a commune, in Haute-Saône): the department or region
            # qualifies a commune of its own named beside it.
            blanked = words[:start] + [""] * size + words[start + size :]
            other = self._best_span(blanked, communes_only=True)
            if other is not None:
                other_key = " ".join(words[other[0] : other[0] + other[1]])
                if any(c.current.departement in area for c in index.by_key[other_key]):
                    start, size, key = other[0], other[1], other_key
                    decided_by_area = True
            if key not in index.by_key or not any(
                c.current.departement in area for c in index.by_key[key]
            ):
                # "Bourg dans l'Ain", "Boulogne (Pas-de-Calais)": a town's everyday short name,
                # the first words of its full name, with its département beside it.
                short = self._short_name_in(blanked, area)
                if short is not None:
                    first, width, towns = short
                    return self._decide(towns, None, words[:first] + [""] + words[first + width :])
        if key.startswith("en ") and key not in index.by_key:
            start, size, key = start + 1, size - 1, key[3:]  # "en savoie": the Savoie
        rest = words[:start] + [""] + words[start + size :]
        communes = index.by_key.get(key, [])
        article = _CONTRACTED.get(words[start - 1]) if start else None
        if article is not None:
            # "au lamentin": Le Lamentin, of the homonyms read
            contracted = [c for c in communes if name_key(c.current.name) == f"{article} {key}"]
            communes = contracted or communes
        longer = self._longer_fuzzy(words, start, size)
        if longer is not None:
            return longer
        arrondissement = self._arrondissement_by_postcode(communes, rest)
        if arrondissement is not None:
            return "found", [_location(arrondissement)]
        region = index.region_by_key.get(key)
        if region is not None and key not in index.dep_by_key:
            deps = sorted((index.departements[d] for d in region), key=lambda d: -d.population)
            others = [_location(c) for c in _rank(communes)]
            return "ambiguous", [*(_dep_location(d) for d in deps), *others]
        # "Aix" is also the first word of Aix-en-Provence and Aix-les-Bains.
        biggest = max([c.current.population for c in communes] + [0])
        communes = communes + [
            c
            for c in index.longer_names.get(key, ())
            if c.population >= LONGER_NAME_RATIO * max(biggest, 1)
        ]
        # "Saint-Barthélemy dans le Morbihan": the commune of the département said, not the
        # collectivity of that name.
        said = None if decided_by_area else self._departement_said(words, start, key)
        return self._decide(communes, said, rest)

    def _departement_said(self, words: list[str], start: int, key: str) -> str | None:
        """The département ``key`` names: "creuse", or with its article, "la creuse", "la
        somme", "l aude" (also tiny communes, La Creuse in Haute-Saône), unless a town's
        preposition comes before it ("à La Creuse" is the commune)."""
        index = self._index
        if key in index.dep_by_key:
            return index.dep_by_key[key]
        article, _, bare = key.partition(" ")
        if (article not in _ARTICLES and article != "en") or bare not in index.dep_by_key:
            return None
        if start and words[start - 1] in _TOWN_PREPOSITIONS:
            return None
        return index.dep_by_key[bare]

    def _short_name_in(
        self, words: list[str], area: set[str]
    ) -> tuple[int, int, list[Commune]] | None:
        """(start, size, towns) of the longest run of ``words`` that starts the name of towns
        of ``area`` ("bourg": Bourg-en-Bresse in the Ain), the most populated first."""
        index = self._index
        for size in range(min(MAX_SPAN, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if any(not w or w.isdigit() for w in span) or span[0] in STOPWORDS:
                    continue
                if size == 1 and span[0] in _SAINTS:
                    continue  # "saint" starts hundreds of names: no town of its own
                key = " ".join(span)
                towns = [*index.longer_names.get(key, ()), *index.leading_names.get(key, ())]
                inside = [c for c in towns if c.current.departement in area]
                if not inside and span[-1] not in _TRAILING_LINKS:
                    # "saint amand dans le nord": Saint-Amand-les-Eaux, a town too small for
                    # ``longer_names`` whose name's first words are another commune's name
                    inside = [
                        n.commune for n in self._names_in(area) if n.key.startswith(key + " ")
                    ]
                if inside:
                    return start, size, inside
        return None

    def _names_in(self, area: set[str]) -> list[_Named]:
        """The communes of the départements ``area``, with their name keys."""
        if self._by_dep is None:
            by_dep: dict[str, list[_Named]] = {}
            for key, communes in self._index.by_key.items():
                for c in communes:
                    if c.kind == "COM" and c is c.current:
                        by_dep.setdefault(c.departement, []).append(_Named(key, c))
            self._by_dep = by_dep
        return [n for dep in sorted(area) for n in self._by_dep.get(dep, ())]

    def _area_deps(self, key: str) -> set[str]:
        if key in self._index.dep_by_key:
            return {self._index.dep_by_key[key]}
        return set(self._index.region_by_key.get(key, ()))

    def _area_beside(self, key: str) -> set[str]:
        """The département or region a run of words names, its article aside: "la creuse",
        "le var", "les landes" (also communes) qualify a commune named beside them."""
        area = self._area_deps(key)
        article, _, bare = key.partition(" ")
        if not area and (article in _ARTICLES or article == "en") and bare:
            area = self._area_deps(bare)
        return area

    def _best_span(self, words: list[str], communes_only: bool) -> tuple[int, int] | None:
        """(start, size) of the longest run of words naming a place; among runs of the same
        length, the most populated place ("Annecy le Vieux" is Annecy)."""
        index = self._index
        for size in range(min(MAX_SPAN, len(words)), 0, -1):
            best: tuple[int, int] | None = None
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                content = sum(w not in STOPWORDS for w in words)
                if size == 1 and (
                    span[0].isdigit()
                    # "saint" alone names no town; "Saintes" (a big town) does when it is the place
                    or (
                        span[0] in _SAINTS
                        and (content > 1 or not _big(index.by_key.get(span[0], [])))
                    )
                    or (span[0] in STOPWORDS and len(words) > 1)  # "Rue", "Y" alone are towns
                    or _person_word(words, start)  # "ma mere" is no Méré, "à Méré" is
                ):
                    continue
                key = " ".join(span)
                communes = index.by_key.get(key, [])
                weight = max([c.current.population for c in communes] + [-1])
                if (
                    weight < 0
                    and key in index.longer_names
                    and not communes_only
                    and span[-1] not in _TRAILING_LINKS
                ):
                    weight = 0  # "Boulogne": only the start of bigger towns' names
                if not communes_only:
                    area = self._area_beside(key)
                    if area:
                        area_population = sum(index.departements[d].population for d in area)
                        weight = max(weight, area_population)
                if weight >= 0 and (best is None or weight > best[0]):
                    best = (weight, start)
            if best is not None:
                return best[1], size
        return None

    def _arrondissement_by_postcode(
        self, communes: list[Commune], rest: list[str]
    ) -> Commune | None:
        """ "Paris 75011": the postcode names the arrondissement of the city."""
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
            following = words[i + 1] if i + 1 < len(words) else ""
            if following in _NOT_A_DEPARTMENT_AFTER:
                continue  # "le 15 mars", "59 ans"
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
            return "found", [_location(c, postcode=code) for c in ranked]
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

    def _leading(
        self, words: list[str], capitalised: set[str]
    ) -> tuple[str, list[Location]] | None:
        """The first words of a longer name no commune bears alone: "Florac" is Florac Trois
        Rivières (merged in 2016), before any near-miss (Floirac). Only the whole message or
        a capitalised word, so "dans la rue" is not La Rue-Saint-Pierre."""
        content = sum(1 for w in words if w not in STOPWORDS)
        if content > MAX_FUZZY_CONTENT_WORDS:
            return None
        for width in range(min(MAX_FUZZY_WIDTH, len(words)), 0, -1):
            for first in range(len(words) - width + 1):
                query = _window(words, first, width)
                if query is None or len(query) < MIN_LEADING or query in _NOT_ALONE:
                    continue
                window = words[first : first + width]
                covered = sum(1 for w in window if w not in STOPWORDS)
                if covered < content and not all(w in capitalised for w in window):
                    continue
                if _about_people(window):
                    continue
                communes = self._part_of_names(query)
                if communes:
                    rest = words[:first] + [""] + words[first + width :]
                    return self._decide(communes, None, rest)
        return None

    def _part_of_names(self, query: str) -> list[Commune]:
        """The communes of which ``query`` is a distinctive part of the name, no commune
        bearing it alone: its first words ("florac", "saint die": Saint-Dié-des-Vosges), else
        its last words after "de", "en", "sur"… ("cotentin": Cherbourg-en-Cotentin and two
        others); none when more than ``MAX_LEADING`` communes share them ("vieux", "grand")."""
        if query in COMMON or query in NEVER or query in _NOT_ALONE:
            return []
        for names in (self._index.leading_names, self._index.ending_names):
            communes = {c.code_insee: c for c in names.get(query, ())}
            if 0 < len(communes) <= MAX_LEADING:
                return list(communes.values())
        return []

    def _fuzzy(self, words: list[str]) -> tuple[str, list[Location]] | None:
        if sum(1 for w in words if w not in STOPWORDS) > MAX_FUZZY_CONTENT_WORDS:
            return None  # a sentence about something else: only exact names count
        content = sum(1 for w in words if w not in STOPWORDS)
        # The widest run of words that matches wins, then the fewest edits.
        calls = 0
        for width in range(min(MAX_FUZZY_WIDTH, len(words)), 0, -1):
            best: tuple[int, int, list[str]] | None = None  # (distance, first, keys)
            for first in range(len(words) - width + 1):
                query = _window(words, first, width)
                if query is None or len(query) < 4 or query in _NOT_ALONE:
                    continue
                covered = sum(1 for w in words[first : first + width] if w not in STOPWORDS)
                if covered < content and len(query) < MIN_FUZZY_IN_SENTENCE:
                    continue  # "carte grise" is not Corte: short near-misses only when alone
                if _about_people(words[first : first + width]):
                    continue  # "maman" is no Mazan, "il faut" no Faux
                calls += 1
                if calls > MAX_FUZZY_CALLS:
                    break
                match = self._fuzzy_keys(query)
                if match is not None and (best is None or match[0] < best[0]):
                    best = (match[0], first, match[1])
            if best is not None:
                rest = words[: best[1]] + [""] + words[best[1] + width :]
                return self._decide_keys(best[2], rest)
        return None

    def _fuzzy_keys(self, query: str) -> tuple[int, list[str]] | None:
        """Name keys within the edit budget of ``query`` (same first letter, close length)."""
        max_edits = 1 if len(query) < 8 else 2
        keys: list[str] = []
        for length in range(len(query) - max_edits, len(query) + max_edits + 1):
            keys.extend(self._index.buckets.get((query[0], length), ()))
        keys.extend(k for k in self._index.dep_by_key if k[:1] == query[0])
        matches = process.extract(
            query, keys, scorer=Levenshtein.distance, score_cutoff=max_edits, limit=8
        )
        if not matches:
            return self._town_cut_short(query)
        distance = min(m[1] for m in matches)
        return distance, [m[0] for m in matches if m[1] == distance]

    def _town_cut_short(self, query: str) -> tuple[int, list[str]] | None:
        """A town's name with its last letters left out ("marseil", "montpel", "strasbou"):
        the towns of at least ``BIG_TOWN`` inhabitants whose name starts so, at most
        ``MAX_CUT`` letters longer (the letters left out count as edits)."""
        if len(query) < MIN_CUT or " " in query:
            return None
        for length in range(len(query) + 1, len(query) + MAX_CUT + 1):
            keys = [
                k
                for k in self._index.buckets.get((query[0], length), ())
                if k.startswith(query) and _big(self._index.by_key.get(k, []))
            ]
            if keys:
                return length - len(query), keys
        return None

    def _decide_keys(self, keys: list[str], rest: list[str]) -> tuple[str, list[Location]]:
        communes = [c for key in keys for c in self._index.by_key.get(key, ())]
        deps = [self._index.dep_by_key[k] for k in keys if k in self._index.dep_by_key]
        return self._decide(communes, deps[0] if deps else None, rest)

    def _longer_fuzzy(
        self, words: list[str], start: int, size: int
    ) -> tuple[str, list[Location]] | None:
        """An exact match inside a longer misspelt name: "nogrnt sur marne" is not Marne; inside
        the first or last words of a longer name no commune bears alone: "saint die" is
        Saint-Dié-des-Vosges, not Die (26) nor the near-misses Saint-Avé, Saint-Vit."""
        end = start + size
        for width in range(min(size + 4, len(words)), size, -1):
            for first in range(max(0, end - width), min(start, len(words) - width) + 1):
                query = _window(words, first, width)
                if query is None:
                    continue
                rest = words[:first] + [""] + words[first + width :]
                part = self._part_of_names(query) if len(query) >= MIN_LEADING else []
                if part:  # "saint die": Saint-Dié-des-Vosges, not Die nor Saint-Avé
                    return self._decide(part, None, rest)
                match = self._fuzzy_keys(query)
                if match is not None and match[0] > 0:
                    return self._decide_keys(match[1], rest)
        return None

    # --- ranking ------------------------------------------------------------------------------
    def _decide(
        self, communes: list[Commune], dep_code: str | None, rest: list[str]
    ) -> tuple[str, list[Location]]:
        ranked = _rank(communes)
        deps, postcodes = self._hints(rest) if ranked else (set(), set())
        if postcodes and len(ranked) > 1:
            narrowed = [c for c in ranked if set(c.postcodes) & postcodes]
            ranked = narrowed or ranked
        if deps and len(ranked) > 1:
            narrowed = [c for c in ranked if c.departement in deps]
            ranked = narrowed or ranked
        locations = [
            _location(
                c,
                postcode=next((p for p in sorted(postcodes) if p in c.postcodes), None),
                former=_former(c, communes),
            )
            for c in ranked
        ]
        if dep_code in SINGLE_COMMUNE:
            # "Saint-Martin": the collectivity is one commune, first among its homonyms
            own = [c for c in locations if c.departement == dep_code]
            if not own:
                own = [replace(_dep_location(self._index.departements[dep_code]), kind="commune")]
            locations = own[:1] + [c for c in locations if c.departement != dep_code]
            return ("found" if len(locations) == 1 else "ambiguous"), locations
        if dep_code is not None:
            dep = _dep_location(self._index.departements[dep_code])
            big = any((c.population or 0) >= BIG_TOWN for c in ranked)
            return ("ambiguous" if big else "found"), [dep, *locations]
        if len(ranked) == 1:
            return "found", locations
        first, second = ranked[0].population, ranked[1].population
        if first >= CLEAR_WINNER_RATIO * max(second, 1) and second < WELL_KNOWN:
            return "found", locations
        return "ambiguous", locations

    def _hints(self, words: list[str]) -> tuple[set[str], set[str]]:
        """Departments and postcodes named around a place name."""
        deps: set[str] = set()
        postcodes: set[str] = set()
        for i, word in enumerate(words):
            if _DEP_CODE.match(word):
                deps.add(word.upper())
            elif _CODE5.match(word):
                postcodes.add(word)
                deps.add(word[:3] if word.startswith("97") else word[:2].upper())
            for size in range(1, 5):
                deps |= self._area_deps(" ".join(words[i : i + size]))
        if "20" in deps:
            deps |= {"2A", "2B"}
        return deps, postcodes


# --- helpers --------------------------------------------------------------------------------------
_COMPOUND = re.compile(r"\w+(?:[-‐]\w+){2,}")  # three words or more in one piece


def is_compound_name(text: str) -> bool:
    """``text`` is one name of three words or more in one hyphenated piece, without digits
    ("Trifouillis-les-Oies"): the locator reads it as one name, never as its parts."""
    return bool(_COMPOUND.fullmatch(text)) and not any(ch.isdigit() or ch == "_" for ch in text)


_LETTERS = re.compile(r"[^\W\d_]+")


def _accents_written(text: str, candidates: list[Location]) -> tuple[str, list[Location]]:
    """Homonyms that differ only by their accents, the accents written: "Viré" is Viré (71),
    not Vire Normandie (14) (its former commune Vire); found, the others kept. Without an
    accent ("Vire") nothing is decided: people often leave accents out."""
    written = [w.lower() for w in _LETTERS.findall(text)]
    if all(w.isascii() for w in written):
        return "ambiguous", candidates
    said = f" {' '.join(written)} "
    towns = [c for c in candidates if c.kind == "commune"]
    names = [(c, c.former or c.commune or "") for c in towns]
    keys = {name_key(name) for _, name in names}
    if len(towns) != len(candidates) or len(keys) != 1:
        return "ambiguous", candidates
    same = [c for c, name in names
            if f" {' '.join(w.lower() for w in _LETTERS.findall(name))} " in said]  # fmt: skip
    if len(same) != 1:
        return "ambiguous", candidates
    return "found", [same[0], *(c for c in candidates if c is not same[0])]


def _in_name(word: str, name: set[str]) -> bool:
    """``word`` is one of the name's words, or a near-miss of one ("Machin" for Mâcon): the
    fuzzy step's tolerance, one edit below 8 characters, two from 8."""
    if word in name:
        return True
    edits = 1 if len(word) < 8 else 2
    return any(Levenshtein.distance(word, w, score_cutoff=edits) <= edits for w in name)


def _ordinal(word: str, after: str) -> int | None:
    """11 in "11e", "11 eme", "XIe", "11" (then ``after`` must not look like something else: a
    distance, "Paris, 1 km max", is no arrondissement)."""
    match = _ORDINAL.match(word)
    if match:
        if not match.group(2) and after in _DISTANCE_UNITS:
            return None
        if match.group(2) or not after or after in _ORDINAL_SUFFIX or not after.isalnum():
            return int(match.group(1))
        return None if after.isdigit() else int(match.group(1))
    match = _ROMAN.match(word)
    if match and match.group(1) in _ROMAN_VALUES:
        return _ROMAN_VALUES[match.group(1)]
    return None


def _join_postcodes(words: list[str]) -> list[str]:
    """ "59 100" → "59100"."""
    out: list[str] = []
    for word in words:
        if len(word) == 3 and word.isdigit() and out and re.match(r"^(\d\d|2[ab])$", out[-1]):
            out[-1] += word
            continue
        out.append(word)
    return out


def _capitalised(text: str) -> set[str]:
    """Folded words written with a capital after the first word: likely names."""
    written = _WORD.findall(text)[1:]
    return {word for w in written if w[0].isupper() for word in tokens(w)}


def _about_people(window: list[str]) -> bool:
    """A run of words whose content words are all about people or chat ("maman", "il faut",
    "ma soeur"): never a town's name misspelt nor its first words."""
    content = [w for w in window if w and w not in STOPWORDS]
    return bool(content) and all(w in PERSON_WORDS for w in content)


def _person_word(words: list[str], start: int) -> bool:
    """``words[start]`` is a word about people that is also a commune's name ("mere": Méré,
    "pere": Péré, "fille": Fillé): a town only as the whole message or after a word that says
    where ("à Méré", "j'habite Fillé")."""
    return (
        words[start] in PERSON_WORDS
        and len(words) > 1
        and not after_cue(words[:start], CUES)
    )


def _window(words: list[str], first: int, width: int) -> str | None:
    """A run of words that could be a misspelt name: no digits, no chatter at its ends."""
    window = words[first : first + width]
    if window[0] in _NOT_FIRST or window[-1] in _NOT_LAST:
        return None
    if any(not w or w.isdigit() for w in window):
        return None
    query = " ".join(window)
    return query if len(query) <= 60 else None


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


def _big(communes: list) -> bool:
    return any((c.population or 0) >= BIG_TOWN for c in communes)


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
    # "Seynod" → "Annecy (74), ancienne commune de Seynod"; "Évry" → "Évry-Courcouronnes (91)",
    # whose name says it already.
    if former and not set(fold(former).replace("-", " ").split()) <= set(
        fold(commune.name).replace("-", " ").split()
    ):
        label = f"{label}, ancienne commune {display.of_place(former)}"
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
        former=former,
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


def _pair_coordinates(text: str) -> tuple[float | None, float | None]:
    match = _LAT_LON_KEYS.search(text)
    if match is None:
        match = next((m for m in _LAT_LON_PAIR.finditer(text) if "." in m.group(0)), None)
    if match is None:
        match = _LAT_LON_COMMAS.search(text)
    if match is None:
        return None, None
    return float(match.group(1).replace(",", ".")), float(match.group(2).replace(",", "."))


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


def _extra_commune(data: Any) -> Commune | None:
    """A commune found in the directory (shape of ``Directory.communes()``)."""
    if not isinstance(data, dict):
        return None
    name = " ".join(str(data.get("commune") or "").split())[:80]
    if not name:
        return None
    if name.isupper():  # "DUMBEA" in some exports
        name = name.title()
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
