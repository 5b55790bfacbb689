"""Whether the words written name the town the locator found: exactly, the start of a longer
name, a usual name, a big town written a letter or two wrong; never a commune whose name is
something else where it is written ("la boutique Orange"); a message that is a town's name and
nothing else (``names_only_a_town``)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from actions.location_reply.lookup import POSTCODE, locator
from actions.message_text import (
    folded_words,
    is_button,
    location_text,
)
from actions.town_in_message import (
    areas_named,
    departement_named,
)
from directory_client.locator import BIG_TOWN, MIN_LEADING
from directory_client.text import name_key
from directory_client.town_words import (
    COMMON,
    LINKS,
    NEVER,
    STOPWORDS,
    TOWNS_ALONE,
    commune_no_town,
)
from directory_client.usual_names import USUAL_NAMES

_NOT_A_NAME_ALONE = frozenset({"saint", "sainte", "saints", "saintes"})  # "Saint" is no town
USUAL_NAMES_OF: dict[str, list[str]] = {}  # INSEE code → the usual names of that commune
for _usual, _code in USUAL_NAMES.items():
    USUAL_NAMES_OF.setdefault(_code, []).append(_usual)


CONTRACTED = {"le": "au", "les": "aux"}


def plausible_guess(query: str, result, *, ambiguous_too: bool = False) -> bool:
    """A place read from the end of a sentence counts only when the words name it exactly, or
    name the start of a longer name the locator chose ("Florac" → Florac Trois Rivières)."""
    wanted = ("found", "ambiguous") if ambiguous_too else ("found",)
    if result.status not in wanted or result.best is None:
        return False
    if POSTCODE.fullmatch(query.strip()):
        return True
    best = result.best
    asked = f" {folded_words(query)} "
    names = {best.commune or "", re.sub(r"\s*\(.*\)$", "", best.label or "")}
    if best.former:  # "Évry": Évry-Courcouronnes, the commune it is part of
        names.add(best.former)
    names.update(USUAL_NAMES_OF.get(best.code_insee or "", ()))  # "Luchon": Bagnères-de-Luchon
    for name in filter(None, names):
        folded = folded_words(name)
        variants = {folded, folded.replace("saint ", "st "), folded.replace("sainte ", "ste ")}
        article, _, bare = folded.partition(" ")
        if article in CONTRACTED and bare:
            variants.add(f"{CONTRACTED[article]} {bare}")  # "au lamentin": Le Lamentin
        if any(f" {v} " in asked for v in variants if v):
            return len(asked.split()) <= len(folded.split()) + 2
        first = folded.split()[0]
        if len(first) >= MIN_LEADING and first not in _NOT_A_NAME_ALONE and f" {first} " in asked:
            return len(asked.split()) <= 3
        if _part_of_name(asked.split(), folded.split()):
            return True
    return _starts_a_town_there(query, departement_named(query), result)


def _part_of_name(asked: list[str], name: list[str]) -> bool:
    """The words asked are the first words of the name, and nothing else: "saint die" for
    Saint-Dié-des-Vosges (the locator's reading of the first words of a longer name no commune
    bears alone); never an article or a link word at either end ("la maison": La Maison-Dieu)."""
    if not 0 < len(asked) < len(name) or len(" ".join(asked)) < MIN_LEADING:
        return False
    if asked[0] in LINKS or asked[-1] in LINKS or all(w in _NOT_A_NAME_ALONE for w in asked):
        return False
    return asked == name[: len(asked)]


def _starts_a_town_there(named: str, area: str | None, result) -> bool:
    """ "aix en savoie": the commune found lies in the département named and its name starts
    with the words written before it (Aix-les-Bains)."""
    best = result.best if result.status == "found" else None
    if not area or named == area or best is None or best.kind != "commune":
        return False
    town = name_key(named[: named.rfind(area)])
    words = [w for w in town.split() if w not in ("en", "dans", "le", "la", "les", "l", "de")]
    return (
        best.departement in areas_named(area)
        and bool(words)
        and f"{name_key(best.commune or '')} ".startswith(" ".join(words) + " ")
    )


def town_misspelt(query: str, result) -> bool:
    """One word ending the sentence after "à", "habite"… that the locator reads as a town of at
    least ``BIG_TOWN`` inhabitants written a letter or two wrong or short ("montpelier",
    "bordaux", "marseil"): that town, or a choice with it first when others are as close."""
    word = query.strip()
    best = result.best
    several = best is not None and result.status == "found" and written_close(word, best)
    if several and several == name_key(word):
        return True  # "clermond ferand": a town of several words, as one word misspelt
    return (
        result.status in ("found", "ambiguous")
        and best is not None
        and best.kind == "commune"
        and re.fullmatch(r"[^\W\d_]{6,}", word) is not None
        and (best.population or 0) >= BIG_TOWN
    )


def no_town_there(query: str, result, text: str) -> bool:
    """The commune the locator read in ``query`` is, where ``text`` writes it, something else:
    "à la boutique Orange" is the operator's shop (``town_words.commune_no_town``)."""
    best = result.best
    return bool(best and best.kind == "commune" and commune_no_town(query, best.commune, text))


def names_only_a_town(text: str, *, bare: bool = False) -> bool:
    """The message is a commune's name or a postcode and nothing else ("Tourc'h", "Plouezoc’h",
    "l'isle adam", "06000"), however the NLU read it: that town. A commune whose name is also a
    word is the town alone when the town is more often meant (``TOWNS_ALONE``: "Nice", "Tours",
    "Gap"); "rien", "aucun", "mont", "sens" stay words. ``bare``: the name with no word before
    it ("au plaisir" is goodbye, not Plaisir)."""
    said = location_text(text)
    if is_button(text) or not said or (bare and name_key(said) != name_key(text)):
        return False
    result = locator().locate(said[:120])
    if POSTCODE.fullmatch(said):
        return result.status in ("found", "ambiguous") and any(
            c.kind == "commune" for c in result.candidates
        )
    best = result.best if result.status == "found" else None
    if best is None or best.kind != "commune" or no_town_there(said, result, text):
        return False
    key = name_key(said)
    if (key in COMMON and key not in TOWNS_ALONE) or key in NEVER or key in STOPWORDS:
        return False  # "aucun", "rien", "mont": a word people write, as before
    # "Clermond Ferand": a big town of several words written a letter or two wrong, alone
    return key == name_key(best.commune or "") or written_close(said, best) == key


def names_it(text: str, place) -> bool:
    """``place`` (found in a whole message) is named in its words ("Stenay dans la Meuse",
    "Noël-Cerneux"): never a town the locator made of other words."""
    found = name_key(place.commune or "")
    return bool(found) and (
        f" {found} " in f" {name_key(text)} " or written_close(text, place) is not None
    )


def one_of_them(query: str, result, place) -> bool:
    """``place`` is one of the places the ambiguous name ``query`` reads (``result``): one of
    its homonyms (the candidates, or a commune of the same name beyond them: "Saint-Martin,
    dans le Gers"), a commune whose name it starts, give or take a letter ("Noël" of
    "Noël-Cerneux", "Clermond" of "Clermond Ferand"), or a commune of
    the département it names ("Stenay dans la Meuse" for "Meuse"). Never a commune another
    word of the message names ("ma fille", Fillé, beside "Valence")."""
    said = name_key(query)
    start = " ".join(name_key(place.commune or "").split()[: len(said.split())])
    if said and start and Levenshtein.distance(said, start) <= (1 if len(said) < 8 else 2):
        return True  # "Noël" of "Noël-Cerneux"; "Clermond" of "Clermond Ferand" (Clermont-Ferrand)
    candidates = result.candidates
    if place.code_insee and place.code_insee in {c.code_insee for c in candidates}:
        return True
    areas = {c.departement for c in candidates if c.kind == "departement"}
    if place.departement and place.departement in areas:
        return True
    names = {name_key(c.commune) for c in candidates if c.kind != "departement" and c.commune}
    return bool(place.commune) and name_key(place.commune) in names


def written_close(text: str, place) -> str | None:
    """The words of ``text`` (folded) that write the name of ``place``, a town of at least
    ``BIG_TOWN`` inhabitants of several words, a letter or two wrong, as the locator reads it
    ("clermont ferand", "saint etiene", "boulogne sur mere"): as many words as the name."""
    name = name_key(place.commune or "").split()
    words = name_key(text).split()
    if len(name) < 2 or place.kind != "commune" or (place.population or 0) < BIG_TOWN:
        return None
    budget = 1 if len(" ".join(name)) < 8 else 2
    for i in range(len(words) - len(name) + 1):
        window = " ".join(words[i : i + len(name)])
        if window[:1] == name[0][:1] and Levenshtein.distance(window, " ".join(name)) <= budget:
            return window
    return None


def bears_name(written: str, place) -> bool:
    """``place`` (a commune the locator offered for ``written``) bears that name: as its own, a
    former or usual one, or as the start of its longer name (the locator offers "Aix-en-
    Provence" for "Aix"); not a near-miss of it ("Aubiac" for "Aubrac")."""
    key = name_key(written)
    names = {place.commune or "", re.sub(r"\s*\(.*\)$", "", place.label or ""), place.former or ""}
    names.update(USUAL_NAMES_OF.get(place.code_insee or "", ()))
    keys = {name_key(n) for n in names if n}
    return bool(key) and any(k == key or k.startswith(key + " ") for k in keys)
