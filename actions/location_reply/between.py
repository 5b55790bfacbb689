""" "entre Vannes et Auray", "entre Aix et Marseille", "à mi-chemin de Niort et de La Rochelle",
"entre 79000 et 17300": the person is between two communes. Both are read from the words,
whatever the NLU tagged (it tags "Marseille" alone in "entre Aix et Marseille", both in "entre
Lille et Roubaix"); a postcode names its main commune. Of homonyms, the one nearest the other town
("Aix" beside Marseille: Aix-en-Provence); a longer name only when no town of some size bears the
name said ("Villeneuve" beside Agen: Villeneuve-sur-Lot; "Saint-Malo" is Saint-Malo).

The places are then searched half-way when the towns are near each other (``halfway``), and
the person is asked which town when they are far apart (``choices.offer_towns``)."""

from __future__ import annotations

import re

from actions.location_reply.lookup import locator
from actions.location_reply.name_match import bears_name
from directory_client.geo import haversine_km
from directory_client.text import name_key
from directory_client.town_words import COMMON, NEVER, STOPWORDS, TOWNS_ALONE

_BETWEEN = re.compile(
    r"\b(?:entre\s+|mi[- ]chemin\s+(?:entre\s+|de\s+|d'))"
    r"(?P<first>(?:[^\W\d_]|\d{5}\b)[^,;:!?.()\n]{0,40}?)\s+et\s+(?:de\s+|d')?"
    r"(?P<second>(?:[^\W\d_]|\d{5}\b)[^,;:!?.()\n]*)",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\d{5}")
# A commune this populous bearing the very name said is the one meant, never a longer name
# near the other town ("Saint-Malo", not Saint-Malo-de-Phily beside Rennes).
_TOWN_OF_SOME_SIZE = 10_000
_MAX_WORDS = 5
# A longer name that starts with the one said ("Villeneuve": Villeneuve-sur-Lot) is the one meant
# when it lies this close to the other town: people name the town near them by its first word.
_NEAR_KM = 40.0


def _communes_named(words: str) -> list:
    """The communes that bear the name ``words`` (homonyms, longer names it starts), or []."""
    if _POSTCODE.fullmatch(words.strip()):  # "entre 79000 et 17300": the postcode's main commune
        found = locator().locate(words.strip())
        best = found.best if found.status == "found" else None
        return [best] if best is not None and best.kind == "commune" else []
    key = name_key(words)
    if not key or key in STOPWORDS or key in NEVER or (key in COMMON and key not in TOWNS_ALONE):
        return []  # "entre midi et deux"; "Nice", "Tours" are the towns more often meant
    found = locator().locate(words[:120])
    if found.status not in ("found", "ambiguous"):
        return []
    return [c for c in found.candidates if c.kind == "commune" and bears_name(words, c)]


def _leading_communes(words: str) -> list:
    """The communes the first words of ``words`` name, the longest run first ("Auray on
    cherche…": Auray)."""
    split = words.split()
    for size in range(min(len(split), _MAX_WORDS), 0, -1):
        named = _communes_named(" ".join(split[:size]))
        if named:
            return named
    return []


def towns_between(text: str) -> list | None:
    """The two communes of "entre X et Y" (``Location``s, in the order written), or None when
    the words are no two communes ("entre midi et deux", "entre la CAF et la mairie")."""
    said = _BETWEEN.search(text)
    if said is None:
        return None
    firsts = _communes_named(said.group("first"))
    seconds = _leading_communes(said.group("second")) if firsts else []
    if firsts and seconds:  # "entre Agen et Villeneuve": Villeneuve-sur-Lot, beside Agen
        firsts = firsts + _longer_names_near(said.group("first"), seconds, firsts)
        seconds = seconds + _longer_names_near(_name_of(seconds, said.group("second")), firsts,
                                               seconds)  # fmt: skip
    pairs = [
        (a, b)
        for a in firsts
        for b in seconds
        if a.code_insee != b.code_insee and None not in (a.lat, a.lon, b.lat, b.lon)
    ]
    if not pairs:
        return None
    first, second = min(pairs, key=lambda p: haversine_km(p[0].lat, p[0].lon, p[1].lat, p[1].lon))
    return [first, second]


def _name_of(communes: list, words: str) -> str:
    """The leading words of ``words`` that name ``communes`` ("Auray" of "Auray on cherche")."""
    split = words.split()
    for size in range(min(len(split), _MAX_WORDS), 0, -1):
        if _communes_named(" ".join(split[:size])) == communes:
            return " ".join(split[:size])
    return words


def _longer_names_near(words: str, others: list, named: list) -> list:
    """The communes whose name starts with ``words`` and goes on ("Villeneuve-sur-Lot" for
    "Villeneuve") within ``_NEAR_KM`` of one of ``others``, as the locator reads them; none
    already in ``named``."""
    from directory_client import gazetteer

    key = name_key(words)
    if not key or any(name_key(c.commune or "") == key and (c.population or 0) >= _TOWN_OF_SOME_SIZE
                      for c in named):  # fmt: skip
        return []
    index = gazetteer.load(None)
    known = {c.code_insee for c in named}
    out = []
    for longer, members in index.by_key.items():
        if not longer.startswith(f"{key} "):
            continue
        for commune in members:
            if commune.kind != "COM" or commune.lat is None or commune.code_insee in known:
                continue
            lat, lon = commune.lat, commune.lon
            if not any(o.lat is not None and haversine_km(lat, lon, o.lat, o.lon) <= _NEAR_KM
                       for o in others):  # fmt: skip
                continue
            found = locator().locate(f"{commune.name} {commune.departement}")
            best = found.best if found.status == "found" else None
            if best is not None and best.code_insee == commune.code_insee:
                known.add(commune.code_insee)
                out.append(best)
    return out
