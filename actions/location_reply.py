"""Where the person is: a town read from an answer or a sentence, the towns of one name to
choose from ("Lequel est le vôtre ?", the buttons and "Aucun"), "n'importe où" in a
département, a shared position, and the questions asked when the place is not known yet.
``resolve_location`` is the entry point (``actions.actions.orient``).

The locator is ``actions.backends.get_locator`` (imported when locating: importing that module
loads the readers by meaning); the state is ``actions.state.State``."""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import needs as needs_mod
from actions import ranks, said_again, texts
from actions.message_text import (
    MAX_TEXT,
    clean_text,
    entity_values,
    is_button,
    location_text,
    place_values,
)
from actions.needs import DISTANCE
from actions.place_questions import asks_about_places
from actions.town_in_message import (
    areas_after,
    areas_named,
    departement_named,
    town_before_area,
    town_named,
    towns_not_in_area,
    towns_of_the_person,
)
from directory_client import display
from directory_client.geo import haversine_km
from directory_client.locator import BIG_TOWN, MIN_LEADING, is_compound_name
from directory_client.text import last_sentences, name_key
from directory_client.town_words import (
    COMMON,
    LINKS,
    NEVER,
    STOPWORDS,
    TOWNS_ALONE,
    commune_no_town,
    names_no_town,
)
from directory_client.types import LocateResult
from directory_client.usual_names import USUAL_NAMES
from directory_client.written_names import piece_around

if TYPE_CHECKING:
    from actions.state import State
    from directory_client.types import PlaceLocator


def _locator() -> PlaceLocator:
    """``actions.backends.get_locator()``, imported here when a place is located."""
    from actions.backends import get_locator

    return get_locator()


_TAIL_PLACE = re.compile(
    r"(?:\b(?:a|à|sur|vers|pres de|près de|autour de|habite|habite a|habite à|dans le|dans la)\s+)"
    r"([^,.;!?]{2,60})$",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"(?<!\d)(\d{5}|2[AB]\d{3})(?!\d)", re.IGNORECASE)
# "j'habite a montpelier et je dois…", "je suis a perpigan pour mes impots": one word after a
# town's preposition, inside the sentence.
_MID_PLACE = re.compile(r"\b(?:a|à|sur|vers|de)\s+([^\W\d_]{6,})(?![\w'’-])", re.IGNORECASE)
# "à Clermond Ferand depuis peu", "a saint etiene": the words after the preposition, up to a
# town's name of several words.
_MID_RUN = re.compile(
    r"\b(?:a|à|sur|vers|de)\s+([^\W\d_]{3,}(?:(?:\s+|\s*['’-]\s*)[^\W\d_]+){1,4})", re.IGNORECASE
)


def ask_location(dispatcher: CollectingDispatcher, state: State, unknown: str | None = None):
    state.awaiting = "location"
    if unknown:
        state.attempts += 1
        helpline = "\n\n" + fmt.HELPLINE_TEXT if state.attempts >= 2 else ""
        dispatcher.utter_message(
            response="utter_location_not_found", place=unknown[:60], helpline=helpline
        )
    else:
        dispatcher.utter_message(
            response="utter_ask_location", question=texts.text("utter_ask_location_again")
        )


def ask_town_simpler(dispatcher: CollectingDispatcher, state: State) -> None:
    """ "je sais pas" to "Dans quelle ville…?": the need kept, only the town asked, in simpler
    words; said again, the same with the helpline (the question is not asked a third time
    alike)."""
    state.awaiting = "location"
    state.attempts += 1
    helpline = " " + fmt.HELPLINE_TEXT if state.attempts >= 2 else ""
    dispatcher.utter_message(response="utter_ask_town_simpler", helpline=helpline)


# "peu importe", "n'importe où dans le 62", "partout", "dans tout le Nord": a département-wide
# answer is what the person wants.
_ANYWHERE = re.compile(
    r"\b(peu importe|n'?importe (ou|quelle? (ville|commune|endroit))|n'?importe lequel"
    r"|(dans |sur )?tout (le|la|l') ?(departement|\d{2,3}\b)|dans tout (le|la|l')"
    r"|pas de preference|(ca )?m'?est egal|ou vous voulez|peu m'importe)"
)
_EVERYWHERE = re.compile(r"\bpartout\b")  # only as a short answer: "des pubs partout" is not


# Words of the assistant's own commands ("liste", "aide", "menu", "recommencer", "merci"), with
# the little words around them: never a town's name misspelt ("liste": Lisle).
_COMMAND = re.compile(
    r"(?:(?:la|une|ma|voir|revoir|afficher|montrer|donne|donnez|le|un|au|de)\s+)*"
    r"(liste|aide|menu|recommencer|recommence|merci|merci beaucoup)"
)
_LIST_WORDS = frozenset({"liste"})


def command_word(text: str) -> str | None:
    """The command a short message is and nothing else ("liste", "la liste", "menu"), or None."""
    said = _COMMAND.fullmatch(_words(text))
    return said.group(1) if said else None


def says_anywhere(text: str) -> bool:
    folded = needs_mod.fold(text)
    short = len(folded.split()) <= 5
    return not is_button(text) and bool(
        _ANYWHERE.search(folded) or (short and _EVERYWHERE.search(folded))
    )


def waits_for_town(location: dict | None) -> bool:
    """A département alone ("je suis dans le Nord", "dans le 62"): searched from its centre,
    where nobody is, the places would be far from the person: the town is asked, unless the
    person said anywhere in it will do (``anywhere``). A territory with no centre known
    (Saint-Pierre-et-Miquelon, whose communes the gazetteer lacks) is searched by its code."""
    location = location or {}
    return (
        location.get("kind") == "departement"
        and location.get("lat") is not None
        and not location.get("anywhere")
    )


def ask_town(dispatcher: CollectingDispatcher, state: State) -> None:
    """Which commune, in the département given; "peu importe" keeps the whole département."""
    state.awaiting = "location"
    dispatcher.utter_message(
        response="utter_ask_town_in_departement",
        where=fmt.near(state.location),
        buttons=[{"title": "Peu importe", "payload": "peu importe"}],
    )


def _ask_choice(dispatcher: CollectingDispatcher, state: State, candidates) -> None:
    state.awaiting = "location_choice"
    state.choices = [c.to_dict() for c in candidates[:5]]
    dispatcher.utter_message(response="utter_ask_location_choice", buttons=_choice_buttons(state))


def _choice_buttons(state: State) -> list[dict]:
    """The towns offered as buttons, and "Aucun"."""
    named = [c["label"] for c in state.choices if c.get("label")]
    towns = [{"title": n, "payload": "/inform" + json.dumps({"location": n})} for n in named]
    return towns + [{"title": "Aucun", "payload": "/change_location"}]


def ask_choice_again(dispatcher: CollectingDispatcher, state: State) -> None:
    """The towns of that name still to choose from after a message that said the need ("c'est
    pour imprimer un papier" after "Saint-Denis" and its buttons): the need taken, said, and the
    same question with the same buttons."""
    state.awaiting = "location_choice"
    dispatcher.utter_message(
        response="utter_need_kept_which_town",
        what=fmt.need_phrase(state.needs, state.procedures[0] if state.procedures else None),
        question=texts.text("utter_ask_location_choice"),
        buttons=_choice_buttons(state),
    )


_NONE_OF_THEM = re.compile(
    r"(non,? )?(aucun|aucune|aucun des (deux|trois|quatre|cinq)|ni l'un ni l'autre|aucune de ces"
    r" villes|aucun de ceux-la|pas (celle|celui)-la|autre (ville|commune))\W*"
)


def says_none_of_them(state: State, text: str) -> bool:
    """ "Aucun" typed by hand, as the button reads, when towns were offered."""
    return state.awaiting == "location_choice" and bool(
        _NONE_OF_THEM.fullmatch(needs_mod.fold(text).strip())
    )


def _choice_keys(choice: dict) -> set[str]:
    """The words that name one offered place: its label, commune, postcode, department code,
    department name and its other names ("la Réunion", "le 93")."""
    from directory_client.departements import ALIASES, DEPARTEMENTS

    keys = {_words(choice.get("label") or "")}
    for field in ("code_postal", "code_insee", "departement"):
        if choice.get(field):
            keys.add(_words(str(choice[field])))
    code = choice.get("departement")
    if code in DEPARTEMENTS:
        keys.add(_words(DEPARTEMENTS[code]))
        keys |= {_words(alias) for alias, c in ALIASES.items() if c == code}
    return {k for k in keys if k}


def pick_choice(state: State, text: str) -> dict | None:
    """The offered place an answer points to: its number or rank ("2", "le deuxième"), or what
    ``_choose`` reads."""
    if not state.choices:
        return None
    answer = _words(location_text(text))
    tokens = answer.split()
    if len(tokens) <= 3:
        for token in tokens:
            rank = ranks.rank_of(token, cardinals=True)
            if rank and 1 <= rank <= len(state.choices):
                return state.choices[rank - 1]
        if tokens and tokens[-1] == "dernier":
            return state.choices[-1]
    return _choose(state.choices, text)


def _choose(choices: list[dict], text: str) -> dict | None:
    """The one place among ``choices`` that the words name: its whole label typed by hand, or
    words only it has ("celui de la Réunion", "le 93", "non, Saint-Denis dans le 93", "Stenay
    dans la Meuse"). None when the words fit none or several."""
    answer = _words(location_text(text))
    padded = f" {answer} "
    exact = [c for c in choices if _words(c.get("label") or "") == answer]
    if len(exact) == 1:
        return exact[0]
    named = []
    for choice in choices:
        own = _choice_keys(choice)
        others = set().union(*(_choice_keys(c) for c in choices if c is not choice))
        if any(f" {key} " in padded for key in own - others):
            named.append(choice)
    return named[0] if len(named) == 1 else None


_NEAR_CUE = re.compile(r"\b(pres|proche|a cote|pas loin|du cote|vers|autour|region|en|dans)\b")
_NEAR_CHOICE_KM = 60.0  # "celui près de Paris": an offered town this close to the place named


def _choice_near(choices: list[dict], text: str) -> dict | None:
    """The offered town that lies near the place or in the region named ("celui près de Paris"
    is Saint-Denis (93), "celle en Île-de-France" too): the only one within ``_NEAR_CHOICE_KM``
    of it, or the only one in its départements. Only with words that say "near" or "in", so
    that a neighbouring town given instead ("Aubervilliers") is taken as itself."""
    if not _NEAR_CUE.search(_words(text)):
        return None
    probe = _locator().locate(location_text(text)[:120])
    if probe.status == "unknown" or probe.best is None:
        return None
    regions = {c.departement for c in probe.candidates if c.kind == "departement"}
    if probe.status == "ambiguous" and regions:  # a region: the départements it has
        inside = [c for c in choices if c.get("departement") in regions]
        return inside[0] if len(inside) == 1 else None
    place = probe.best
    if place.lat is None or place.lon is None or probe.status != "found":
        return None
    near = [
        c for c in choices
        if c.get("lat") is not None
        and haversine_km(place.lat, place.lon, c["lat"], c["lon"]) <= _NEAR_CHOICE_KM
    ]  # fmt: skip
    return near[0] if len(near) == 1 else None


def _shared_position(tracker: Tracker) -> dict | None:
    lat = entity_values(tracker, "latitude")
    lon = entity_values(tracker, "longitude")
    meta = tracker.latest_message.get("metadata") or {}
    if not (lat and lon) and isinstance(meta, dict):
        pos = meta.get("location") if isinstance(meta.get("location"), dict) else meta
        lat = [pos.get("lat", pos.get("latitude"))] if pos.get("lat", pos.get("latitude")) else []
        lon = [pos.get("lon", pos.get("longitude"))] if pos.get("lon", pos.get("longitude")) else []
    try:
        if lat and lon:
            return {"lat": float(lat[0]), "lon": float(lon[0])}
    except (TypeError, ValueError):
        return None
    return None


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", needs_mod.fold(text)).split())


_NOT_A_NAME_ALONE = frozenset({"saint", "sainte", "saints", "saintes"})  # "Saint" is no town
USUAL_NAMES_OF: dict[str, list[str]] = {}  # INSEE code → the usual names of that commune
for _usual, _code in USUAL_NAMES.items():
    USUAL_NAMES_OF.setdefault(_code, []).append(_usual)


def plausible_guess(query: str, result, *, ambiguous_too: bool = False) -> bool:
    """A place read from the end of a sentence counts only when the words name it exactly, or
    name the start of a longer name the locator chose ("Florac" → Florac Trois Rivières)."""
    wanted = ("found", "ambiguous") if ambiguous_too else ("found",)
    if result.status not in wanted or result.best is None:
        return False
    if _POSTCODE.fullmatch(query.strip()):
        return True
    best = result.best
    asked = f" {_words(query)} "
    names = {best.commune or "", re.sub(r"\s*\(.*\)$", "", best.label or "")}
    if best.former:  # "Évry": Évry-Courcouronnes, the commune it is part of
        names.add(best.former)
    names.update(USUAL_NAMES_OF.get(best.code_insee or "", ()))  # "Luchon": Bagnères-de-Luchon
    for name in filter(None, names):
        folded = _words(name)
        variants = {folded, folded.replace("saint ", "st "), folded.replace("sainte ", "ste ")}
        article, _, bare = folded.partition(" ")
        if article in _CONTRACTED and bare:
            variants.add(f"{_CONTRACTED[article]} {bare}")  # "au lamentin": Le Lamentin
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


def guess_place(text: str) -> tuple[str, Any, bool] | None:
    """A place the NLU missed: the end of a sentence ("… j'habite à Roubaix"), else a commune
    named anywhere in it (``town_in_message``). (query, locator result, written as a name)."""
    text = clean_text(text)
    tail = _TAIL_PLACE.search(text)
    said = tail.group(1) if tail else ""
    if tail and not names_no_town(said, text, tail.start(1)):
        result = _locator().locate(said[:120])
        if plausible_guess(said, result) and not _no_town_there(said, result, text):
            return said, result, False
        if _town_misspelt(said, result):
            return said, result, True  # "… à montpelier": Montpellier, or which one
    for named in (town_named(text, getattr(_locator(), "_index", None)),
                  _with_town_before(text, departement_named(text))):  # fmt: skip
        result = _locator().locate(named) if named else None
        if result is not None and plausible_guess(named, result, ambiguous_too=True):
            return named, result, True
    return _town_after_au(text) or _town_misspelt_inside(text) or _town_misspelt_at_end(text)


def _unknown_compound_at_end(text: str) -> str | None:
    """A name of three words or more in one hyphenated piece after "à", "habite"… ending the
    message, that no commune bears (the locator's rule: ``directory_client.locator``): a town
    we do not know, to say so rather than ask the town again as if nothing was said."""
    tail = _TAIL_PLACE.search(clean_text(text))
    said = re.sub(r"^(a|à)\s+", "", tail.group(1).strip()) if tail else ""  # "habite à …"
    if not is_compound_name(said):
        return None
    return said if _locator().locate(said).status == "unknown" else None


def _town_misspelt_at_end(text: str) -> tuple[str, Any, bool] | None:
    """A big town of several words written a letter or two wrong as the last part of the
    message, after a comma ("je cherche un ordinateur, j'ai pas les moyens, Clermond Ferand"):
    the part is that name and nothing else, as the locator reads it."""
    part = re.split(r"[,.;:!?\n]", text.strip(" .!?"))[-1].strip()
    if not 2 <= len(part.split()) <= 5 or names_no_town(part, text, text.rfind(part)):
        return None
    result = _locator().locate(part[:120])
    best = result.best if result.status == "found" else None
    if best is None or _written_close(part, best) != name_key(part):
        return None
    return None if _no_town_there(part, result, text) else (part, result, True)


_CONTRACTED = {"le": "au", "les": "aux"}
# "jhabite au lamentin", "jsuis au gosier pour…": "au"/"aux" and up to four words after it.
_AU_PLACE = re.compile(r"\b(au|aux)\s+([^\W\d_]+(?:[\s'’-]+[^\W\d_]+){0,3})", re.IGNORECASE)


def _town_after_au(text: str) -> tuple[str, Any, bool] | None:
    """A commune whose name starts with "Le"/"Les" after "au"/"aux" ("jhabite au lamentin":
    Le Lamentin, 972; "j'habite aux abymes"), the longest run of words that names one; no word
    people write for something else ("au travail", "au secours", "au bureau")."""
    from directory_client import gazetteer

    index = gazetteer.load(None)
    for found in _AU_PLACE.finditer(text):
        article = "le" if found.group(1).lower() == "au" else "les"
        words = re.findall(r"[^\W\d_]+", found.group(2))
        for size in range(len(words), 0, -1):
            key = name_key(" ".join(words[:size]))
            if size == 1 and (key in STOPWORDS or key in COMMON or key in NEVER
                              or key in _nlu_words()):  # fmt: skip
                continue
            if not any(name_key(c.current.name) == f"{article} {key}"
                       for c in index.by_key.get(key, ())):  # fmt: skip
                continue
            query = f"{found.group(1)} {' '.join(words[:size])}"
            if names_no_town(query, text, found.start()):
                continue
            result = _locator().locate(query)
            if plausible_guess(query, result) and not _no_town_there(query, result, text):
                return query, result, True
    return None


def _with_town_before(text: str, area: str | None) -> str | None:
    """ "aix en savoie" for "savoie" when a commune of the Savoie is named before it (Aix-les-
    Bains: the words start its name); else ``area``."""
    if not area:
        return area
    town = town_before_area(text, area, getattr(_locator(), "_index", None))
    start = text.find(town) if town else -1
    end = text.find(area, start) if start >= 0 else -1
    return text[start : end + len(area)] if end >= 0 else area


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


def _with_word_whole(text: str, query: str, result):
    """ "Tourc" tagged in "j'habite à Tourc'h": the commune the whole word names, written on
    past the apostrophe (Tourc'h, not Tours); else ``result``."""
    said = re.search(rf"(?<![\w'’]){re.escape(query)}['’][^\W\d_]+", text, re.IGNORECASE)
    if said is None:
        return result
    whole = _locator().locate(said.group(0))
    best = whole.best if whole.status == "found" else None
    if (
        best is not None
        and best.kind == "commune"
        and name_key(said.group(0)) == name_key(best.commune or "")
    ):
        return whole
    return result


def _part_of_unknown_name(text: str, query: str, result):
    """ "Apcher" tagged in "j'habite Saint-Machin-d'Apcher": the part of a name written in one
    piece that no commune bears is that unknown name, never a commune whose name the part only
    starts or ends (Saint-Chély-d'Apcher); else ``result``."""
    best = result.best if result.status in ("found", "ambiguous") else None
    piece = piece_around(text, query)
    if best is None or piece == query or name_key(best.commune or "") == name_key(query):
        return result
    whole = _locator().locate(piece[:120])
    return LocateResult("unknown", piece) if whole.status == "unknown" else result


def _with_contraction(text: str, query: str, result):
    """ "j'habite au Lamentin" where "Lamentin" was tagged: Le Lamentin (972), the commune
    "au" names, not also Lamentin (971) to choose from; else ``result``."""
    said = re.search(rf"\b(?:au|aux)\s+{re.escape(query)}(?!\w)", text, re.IGNORECASE)
    if said is None:
        return result
    contracted = _locator().locate(said.group(0))
    best = contracted.best if contracted.status == "found" else None
    if best is not None and best.kind == "commune" and plausible_guess(said.group(0), contracted):
        return contracted
    return result


@functools.cache
def _nlu_words() -> frozenset[str]:
    """The words of the NLU examples, their places left out: words people write."""
    from actions import nlu_examples

    return frozenset(
        name_key(word)
        for example in nlu_examples.load()
        for word in re.findall(r"[^\W\d_]+", example.text)
    )


def _town_misspelt_inside(text: str) -> tuple[str, Any, bool] | None:
    """A big town written a letter or two wrong in the middle of a sentence, after "à", "a",
    "sur", "vers", "de" ("j'habite a montpelier et je dois faire ma carte grise"): read as
    ``_town_misspelt`` reads one ending the sentence; no common word. A name of several words
    ("j habite a Clermond Ferand depuis peu") is read whole, as the locator reads it."""
    for found in _MID_RUN.finditer(text):
        run = found.group(1)
        if name_key(run.split()[0]) in STOPWORDS or names_no_town(run, text, found.start(1)):
            continue
        result = _locator().locate(run[:120])
        best = result.best if result.status == "found" else None
        written = None if best is None else _written_close(run, best)
        if written and name_key(run).startswith(written) and not _no_town_there(run, result, text):
            return written, result, True
    for found in _MID_PLACE.finditer(text):
        word = found.group(1)
        key = name_key(word)
        if key in STOPWORDS or key in COMMON or key in NEVER or key in _nlu_words():
            continue  # "de garder", "à remplir": a word people write, no town
        if names_no_town(word, text, found.start(1)):
            continue
        result = _locator().locate(word)
        if _town_misspelt(word, result) and not _no_town_there(word, result, text):
            return word, result, True
    return None


def _town_misspelt(query: str, result) -> bool:
    """One word ending the sentence after "à", "habite"… that the locator reads as a town of at
    least ``BIG_TOWN`` inhabitants written a letter or two wrong or short ("montpelier",
    "bordaux", "marseil"): that town, or a choice with it first when others are as close."""
    word = query.strip()
    best = result.best
    several = best is not None and result.status == "found" and _written_close(word, best)
    if several and several == name_key(word):
        return True  # "clermond ferand": a town of several words, as one word misspelt
    return (
        result.status in ("found", "ambiguous")
        and best is not None
        and best.kind == "commune"
        and re.fullmatch(r"[^\W\d_]{6,}", word) is not None
        and (best.population or 0) >= BIG_TOWN
    )


def _no_town_there(query: str, result, text: str) -> bool:
    """The commune the locator read in ``query`` is, where ``text`` writes it, something else:
    "à la boutique Orange" is the operator's shop (``town_words.commune_no_town``)."""
    best = result.best
    return bool(best and best.kind == "commune" and commune_no_town(query, best.commune, text))


def _same_town_there(state: State, result):
    """ "celui de la Martinique" after Saint-Pierre (La Réunion's, the biggest, was taken): the
    town already given, in the département now named — when it has one there; else ``result``."""
    commune = (state.location or {}).get("commune")
    named = result.best if result.status == "found" else None
    if not commune or named is None or named.kind != "departement":
        return result
    same = _locator().locate(f"{commune} {named.label}"[:120])
    there = same.best if same.status == "found" else None
    if there is not None and there.kind == "commune" and there.departement == named.departement:
        return same
    return result


def _town_in_area_named(text: str, query: str, result):
    """ "j'habite à Guéret dans la Creuse, …" where only "la Creuse" was read (the département,
    or the commune La Creuse in Haute-Saône): the commune of that département named beside it,
    in a message of any length; of homonyms read ("aubusson dans la creuse"), the one in the
    département named after it; else ``result``."""
    if result.status not in ("found", "ambiguous") or result.best is None:
        return result
    if result.status == "ambiguous":  # "aubusson dans la creuse": the Aubusson there
        deps = areas_after(text, query)
        inside = [c for c in result.candidates if c.kind == "commune" and c.departement in deps]
        if len(inside) == 1:
            return LocateResult("found", result.query, (inside[0],))
    town = town_before_area(text, query, getattr(_locator(), "_index", None))
    if town is None:
        return result
    there = _locator().locate(f"{town} {query}"[:120])
    best = there.best if there.status == "found" else None
    if best is not None and best.kind == "commune" and best.departement in areas_named(query):
        return there
    return result


def _commune_before_departement(text: str, result):
    """ "Orange dans le Vaucluse" where only "le Vaucluse" was tagged: the commune the whole
    answer names in that département, not the département's centre; else ``result``."""
    named = result.best if result.status == "found" else None
    if named is None or named.kind != "departement":
        return result
    whole = _locator().locate(location_text(text)[:120])
    there = whole.best if whole.status == "found" else None
    if there is not None and there.kind == "commune" and there.departement == named.departement:
        return whole
    return result


# "non pas la réunion, la martinique", "pas celui de la Réunion, l'autre": the place said not to
# be the one. Not "pas loin de", "pas très loin", nor "pas d'ordi".
_NOT_THERE = re.compile(
    r"\bpas\s+(?!loin\b|tres\b|trop\b|d'|de\s|du\s|des\s)[^,;.!?]*?(?=[,;.!?]|\s+mais\b|$)"
)
_MAX_CORRECTION_WORDS = 10


def _without_places_denied(state: State, text: str) -> tuple[str, list[str]]:
    """A short correction of the town already given, without the place it says is wrong; and
    the words taken out ("la reunion")."""
    if not (state.location or state.choices) or len(text.split()) > _MAX_CORRECTION_WORDS:
        return text, []
    folded = needs_mod.fold(text)  # same length as ``text`` for French letters
    if len(folded) != len(text):
        return text, []
    spans = [m.span() for m in _NOT_THERE.finditer(folded)]
    kept, start = [], 0
    for begin, end in spans:
        kept.append(text[start:begin])
        start = end
    kept.append(text[start:])
    return " ".join(" ".join(kept).split()), [folded[b:e] for b, e in spans]


def resolve_location(
    dispatcher: CollectingDispatcher, state: State, tracker: Tracker, text: str, found
) -> bool:
    """Read a place from the message if there is one. Returns False when a question was asked."""
    intent = state.intent
    denied: list[str] = []
    if not is_button(text):
        text, denied = _without_places_denied(state, text)
    if says_none_of_them(state, text):
        # "Aucun" typed by hand, as the button says: none of the towns offered, ask again.
        state.choices, state.location = [], None
        ask_location(dispatcher, state)
        return False
    asked = state.awaiting in ("location", "location_choice")
    command = None if is_button(text) or place_values(tracker) else command_word(text)
    if (
        asked
        and not place_values(tracker)
        and not is_button(text)
        and asks_about_places(text)
        and guess_place(text) is None  # "ouvert le samedi à Lens": Lens
    ):
        # "c'est ouvert quand ?", "plus près ?" while the town is asked: a question on places,
        # never a town's name ("Je ne trouve pas « plus près »")
        ask_location(dispatcher, state)
        return False
    if asked and command is not None:
        # "liste" while the town is asked: no list yet; a command is never a town misspelt.
        if command in _LIST_WORDS:
            dispatcher.utter_message(response="utter_no_list_yet")
        if state.awaiting == "location_choice" and state.choices:
            ask_choice_again(dispatcher, state)
        else:
            ask_location(dispatcher, state)
        return False
    if state.awaiting == "location_choice":
        chosen = pick_choice(state, text)
        if chosen is None:
            for value in place_values(tracker):
                chosen = pick_choice(state, value)
                if chosen:
                    break
        if chosen is None and state.choices:
            chosen = _choice_near(state.choices, text)
        if chosen is None and state.choices:
            repeated = said_again.times_said_before(tracker, text)
            if repeated == 1:  # the same name again: the towns written out, with their numbers
                said_again.towns_written_out(dispatcher, state)
                return False
            if repeated >= 2:  # never the same question a third time
                chosen = said_again.first_town_taken(dispatcher, state)
        if chosen is not None:
            state.location, state.choices, state.attempts = chosen, [], 0
            return True
    position = _shared_position(tracker)
    if position:
        probe = _locator().locate(f"{position['lat']}, {position['lon']}")
        if probe.status == "found" and probe.best is not None:
            state.location = probe.best.to_dict()
        else:
            state.location = {"label": "votre position", "kind": "point", **position}
        state.attempts = 0
        return True
    tagged = place_values(tracker)
    candidates_text = [v for v in tagged if not any(needs_mod.fold(v) in d for d in denied)]
    if len(candidates_text) > 1 and not is_button(text):
        candidates_text, undecided = towns_of_the_person(text, candidates_text)
        if undecided and _ask_which_town(dispatcher, state, candidates_text):
            return False  # "je suis à Lille et à Arras": which one, the towns as buttons
    postcode = None if is_button(text) else _POSTCODE.search(text)
    if postcode and not candidates_text:
        candidates_text = [postcode.group(1)]
    asked_where = state.awaiting in ("location", "location_choice")
    strict = False
    payload = is_button(text)  # a button: only its entities count
    if (
        not payload
        and not candidates_text
        and found.empty
        and not (found.constraints or found.dropped or found.mode)  # "seulement les gratuits"
        and (
            asked_where
            or intent in ("inform", "change_location", "nlu_fallback")
            or denied
            or names_only_a_town(text, bare=True)  # "Nice" read as a request: the town
        )
    ):
        candidates_text = [location_text(text)] if location_text(text) else []
        # "une autre ville": the words of the intent itself are no place name.
        strict = (
            intent == "change_location"
            and bool(candidates_text)
            and state.was_awaiting not in ("location", "location_choice")
        )
    elif not payload and not candidates_text and asked_where and _said_only_a_distance(found):
        # "Roubaix, 2 km max" (the distance left out of ``text``): the rest may be the town.
        candidates_text = [location_text(text)] if location_text(text) else []
        strict = bool(candidates_text)
    guessed = None
    if not candidates_text and not payload:
        unknown = _unknown_compound_at_end(text)
        if unknown and not state.location:  # "impots a Trifouillis-les-Oies": said so
            ask_location(dispatcher, state, unknown=unknown)
            return False
        guessed = guess_place(text)
        whole = tracker.latest_message.get("text") or ""
        if guessed is None and len(whole) > MAX_TEXT:
            # A long letter read from its start (the need): the town is often in its last
            # sentences ("J'habite à Périgueux.").
            guessed = guess_place(last_sentences(whole))
        if guessed is None:
            return True
        query, result, as_name = guessed
        # A guess: never ask back on it, but for homonyms written as a name; a big town
        # misspelt ("… à bordaux") is taken as the locator reads it.
        strict = not (as_name and _town_misspelt(query, result))
    elif not candidates_text:
        return True
    else:
        query = " ".join(candidates_text)[:120]
        result = _locator().locate(query)
        if len(candidates_text) == 1 and not payload:
            result = _with_word_whole(text, query, result)
            result = _part_of_unknown_name(text, query, result)
        if len(candidates_text) == 1 and not payload and result.status == "ambiguous":
            result = _with_contraction(text, query, result)
        if tagged and not payload and _no_town_there(query, result, text):
            return True  # "la boutique Orange" tagged whole: the operator's shop
    if not payload:
        result = _town_in_area_named(text, query, result)
    if not payload and len(text.split()) <= 6:
        result = _same_town_there(state, result)
        result = _commune_before_departement(text, result)
    if not payload and _no_such_town_there(dispatcher, state, text, result):
        return False  # "aix dans l'ain": no Aix there; the Aix towns, or the Ain as a whole
    if result.status == "found" and len(result.candidates) > 1 and not payload:
        # The biggest Saint-Pierre was kept, but "Saint-Pierre en Martinique" says which.
        whole = _locator().locate(location_text(text)[:120])
        homonyms = {c.code_insee for c in result.candidates}
        if whole.status == "found" and whole.best and whole.best.code_insee in homonyms:
            result = whole
    if waits_for_town(state.location) and said_again.times_said_before(tracker, text):
        # "Vienne" again to "Quelle est votre commune dans la Vienne ?": the commune Vienne (38)
        result = said_again.communes_meant(result)
    if result.status == "ambiguous" and waits_for_town(state.location):
        # The town asked in the département given: the one of that name there.
        inside = [c for c in result.candidates
                  if c.departement == state.location.get("departement")]  # fmt: skip
        if len(inside) == 1:
            state.location, state.choices, state.attempts = inside[0].to_dict(), [], 0
            state.offset = 0
            return True
    if result.status == "ambiguous" and not payload:
        # The entity is the name alone; the words around it may say which ("Saint-Louis, en
        # Alsace", "Stenay dans la Meuse").
        whole = _locator().locate(location_text(text)[:120])
        if (
            whole.status == "found"
            and whole.best is not None
            and _names_it(text, whole.best)
            and _one_of_them(query, result, whole.best)
        ):
            result = whole  # the words around say which (never another town: a long message
            # once read as "Lignéville (88)" for "elle habite à Saint-Denis", "Fillé (72)" for
            # "ma fille …, on est à Valence")
        else:
            offered = [c.to_dict() for c in result.candidates[:5]]
            named = _choose(offered, text)
            if named is not None:
                state.location, state.choices, state.attempts = named, [], 0
                state.offset = 0
                return True
    if guessed is not None and as_name and result.status == "ambiguous" and result.candidates:
        _ask_choice(dispatcher, state, result.candidates)  # "elle habite Saint-Denis, …"
        return False
    if strict and not plausible_guess(query, result):
        return True
    if result.status == "found" and result.best is not None:
        state.location, state.choices, state.attempts = result.best.to_dict(), [], 0
        state.offset = 0
        return True
    if strict:  # a guess from the end of a sentence: never ask back on a guess
        return True
    if result.status == "ambiguous" and result.candidates:
        _ask_choice(dispatcher, state, result.candidates)
        return False
    if asked_where or intent in ("inform", "change_location") or tagged:
        # never a fragment of the person's town: « Saint-Machin-d'Apcher », not « Apcher »
        ask_location(dispatcher, state, unknown=piece_around(text, query))
        return False
    return True


def names_town_and_area(text: str) -> bool:
    """A short message that is a commune's name and a département ("aix dans l'ain", "Bourg
    dans l'Ain"), whether or not a commune of that name lies there: where the person is."""
    area = departement_named(text)
    if not area or len(text.split()) > 8:
        return False
    index = getattr(_locator(), "_index", None)
    return bool(towns_not_in_area(text, area, index) or town_before_area(text, area, index))


def _no_such_town_there(dispatcher: CollectingDispatcher, state: State, text: str, result) -> bool:
    """ "aix dans l'ain", "Tours dans le Nord": a commune's name before a département that has
    no commune of that name (``towns_not_in_area``). Said plainly, and the towns of that name
    offered as buttons, with the département as a whole (searched everywhere in it)."""
    area = departement_named(text)
    if not area or area[:1].isdigit():
        return False
    best = result.best if result.status == "found" else None
    if best is not None and best.kind == "commune" and best.departement in areas_named(area):
        return False  # "saint amand dans le nord": Saint-Amand-les-Eaux, found there
    elsewhere = towns_not_in_area(text, area, getattr(_locator(), "_index", None))
    whole = _locator().locate(area) if elsewhere else None
    if whole is None or whole.status != "found" or whole.best is None:
        return False
    if whole.best.kind != "departement":
        return False
    written, communes = elsewhere
    towns = []
    for commune in communes[:4]:
        # "Vienne (38)": the commune of that INSEE code among what its name and code find
        name, code = commune.current.name, commune.current.code_insee
        found = [*_locator().locate(f"{name} ({commune.current.departement})").candidates,
                 *_locator().locate(name).candidates]  # fmt: skip
        town = next((c for c in found if c.kind == "commune" and c.code_insee == code), None)
        if town is not None:
            towns.append(town.to_dict())
    departement = {**whole.best.to_dict(), "anywhere": True}
    state.awaiting = "location_choice"
    state.choices = [*towns, departement]
    dispatcher.utter_message(
        response="utter_no_such_town_there",
        town=written,
        where=fmt.near(departement),
        buttons=_choice_buttons(state),
    )
    return True


def names_only_a_town(text: str, *, bare: bool = False) -> bool:
    """The message is a commune's name or a postcode and nothing else ("Tourc'h", "Plouezoc’h",
    "l'isle adam", "06000"), however the NLU read it: that town. A commune whose name is also a
    word is the town alone when the town is more often meant (``TOWNS_ALONE``: "Nice", "Tours",
    "Gap"); "rien", "aucun", "mont", "sens" stay words. ``bare``: the name with no word before
    it ("au plaisir" is goodbye, not Plaisir)."""
    said = location_text(text)
    if is_button(text) or not said or (bare and name_key(said) != name_key(text)):
        return False
    result = _locator().locate(said[:120])
    if _POSTCODE.fullmatch(said):
        return result.status in ("found", "ambiguous") and any(
            c.kind == "commune" for c in result.candidates
        )
    best = result.best if result.status == "found" else None
    if best is None or best.kind != "commune" or _no_town_there(said, result, text):
        return False
    key = name_key(said)
    if (key in COMMON and key not in TOWNS_ALONE) or key in NEVER or key in STOPWORDS:
        return False  # "aucun", "rien", "mont": a word people write, as before
    # "Clermond Ferand": a big town of several words written a letter or two wrong, alone
    return key == name_key(best.commune or "") or _written_close(said, best) == key


def _names_it(text: str, place) -> bool:
    """``place`` (found in a whole message) is named in its words ("Stenay dans la Meuse",
    "Noël-Cerneux"): never a town the locator made of other words."""
    found = name_key(place.commune or "")
    return bool(found) and (
        f" {found} " in f" {name_key(text)} " or _written_close(text, place) is not None
    )


def _one_of_them(query: str, result, place) -> bool:
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


def _written_close(text: str, place) -> str | None:
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


def _ask_which_town(dispatcher: CollectingDispatcher, state: State, names: list[str]) -> bool:
    """Several towns where the person may be, each found alone: ask which one (their buttons).
    False when one of them is no town found alone (the locator reads them together)."""
    results = [_locator().locate(name[:120]) for name in names]
    if any(r.status != "found" or r.best is None for r in results):
        return False
    towns = [r.best for r in results]
    state.awaiting = "location_choice"
    state.choices = [c.to_dict() for c in towns[:5]]
    said = [display.of_place(t.commune or t.label) for t in towns[:5]]
    dispatcher.utter_message(
        response="utter_ask_which_town",
        towns="près " + ", ".join(said[:-1]) + " ou " + said[-1],
        buttons=_choice_buttons(state),
    )
    return True


def _said_only_a_distance(found: needs_mod.Understanding) -> bool:
    """A distance limit ("2 km max") and no other need or criterion."""
    return (
        found.empty
        and not (found.dropped or found.mode)
        and all(c.startswith(DISTANCE) for c in found.constraints)
        and bool(found.constraints)
    )


def misspelt_town_answer(text: str) -> bool:
    """One word answering "where?" that the locator reads as a big town written a letter or two
    wrong ("bordaux", "montpelier"), whatever the NLU read: a town answer, never off-topic.
    Smaller communes' near-misses are too often words ("amour": Amou, "plombier": Pommier)."""
    said = location_text(text).strip()
    if is_button(text) or len(said.split()) != 1 or name_key(said) in _nlu_words():
        return False
    return _town_misspelt(said, _locator().locate(said[:120]))


# Where one *is* that says a situation, never a town: "elle est à l'hôpital" (L'Hôpital, 57).
_BEING_THERE = frozenset({"l hopital", "hopital"})


def looks_like_place(text: str) -> bool:
    """A short message that names a place the locator knows exactly."""
    if not 0 < len(text.split()) <= 5:
        return False
    if name_key(location_text(text)) in _BEING_THERE:
        return False
    try:
        probe = _locator().locate(location_text(text))
    except Exception:
        return False
    if plausible_guess(location_text(text), probe, ambiguous_too=True):
        return True
    # "On est au Tampon": the town the words name with its article contracted (Le Tampon),
    # and nothing more than it.
    guess = guess_place(text)
    return (
        guess is not None
        and plausible_guess(guess[0], guess[1])  # written right, never a misspelling guessed
        and len(location_text(text).split()) <= len(guess[0].split())
    )
