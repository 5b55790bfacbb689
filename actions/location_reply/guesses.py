"""A town the NLU missed, read in the words of a sentence: at its end ("… j'habite à Roubaix"),
named anywhere in it, after "au"/"aux" (Le Lamentin), a big town misspelt inside or at the end;
a name of several words no commune bears (said so); a short message that names a place
(``looks_like_place``); one word answering "where?" that is a big town misspelt."""

from __future__ import annotations

import re
from typing import Any

from actions.location_reply.lookup import locator, nlu_words
from actions.location_reply.name_match import (
    no_town_there,
    plausible_guess,
    town_misspelt,
    written_close,
)
from actions.message_text import (
    clean_text,
    is_button,
    location_text,
)
from actions.town_in_message import (
    departement_named,
    town_before_area,
    town_named,
)
from directory_client.locator import is_compound_name
from directory_client.text import name_key
from directory_client.town_words import (
    COMMON,
    NEVER,
    STOPWORDS,
    names_no_town,
)

_TAIL_PLACE = re.compile(
    r"(?:\b(?:a|à|sur|vers|pres de|près de|autour de|habite|habite a|habite à|dans le|dans la)\s+)"
    r"([^,.;!?]{2,60})$",
    re.IGNORECASE,
)


# "j'habite a montpelier et je dois…", "je suis a perpigan pour mes impots": one word after a
# town's preposition, inside the sentence.
_MID_PLACE = re.compile(r"\b(?:a|à|sur|vers|de)\s+([^\W\d_]{6,})(?![\w'’-])", re.IGNORECASE)
# "à Clermond Ferand depuis peu", "a saint etiene": the words after the preposition, up to a
# town's name of several words.
_MID_RUN = re.compile(
    r"\b(?:a|à|sur|vers|de)\s+([^\W\d_]{3,}(?:(?:\s+|\s*['’-]\s*)[^\W\d_]+){1,4})", re.IGNORECASE
)


# "jhabite au lamentin", "jsuis au gosier pour…": "au"/"aux" and up to four words after it.
_AU_PLACE = re.compile(r"\b(au|aux)\s+([^\W\d_]+(?:[\s'’-]+[^\W\d_]+){0,3})", re.IGNORECASE)


def guess_place(text: str) -> tuple[str, Any, bool] | None:
    """A place the NLU missed: the end of a sentence ("… j'habite à Roubaix"), else a commune
    named anywhere in it (``town_in_message``). (query, locator result, written as a name)."""
    text = clean_text(text)
    tail = _TAIL_PLACE.search(text)
    said = tail.group(1) if tail else ""
    if tail and not names_no_town(said, text, tail.start(1)):
        result = locator().locate(said[:120])
        if plausible_guess(said, result) and not no_town_there(said, result, text):
            return said, result, False
        if town_misspelt(said, result):
            return said, result, True  # "… à montpelier": Montpellier, or which one
    for named in (town_named(text, getattr(locator(), "_index", None)),
                  _with_town_before(text, departement_named(text))):  # fmt: skip
        result = locator().locate(named) if named else None
        if result is not None and plausible_guess(named, result, ambiguous_too=True):
            return named, result, True
    return _town_after_au(text) or _town_misspelt_inside(text) or _town_misspelt_at_end(text)


def unknown_compound_at_end(text: str) -> str | None:
    """A name of three words or more in one hyphenated piece after "à", "habite"… ending the
    message, that no commune bears (the locator's rule: ``directory_client.locator``): a town
    we do not know, to say so rather than ask the town again as if nothing was said."""
    tail = _TAIL_PLACE.search(clean_text(text))
    said = re.sub(r"^(a|à)\s+", "", tail.group(1).strip()) if tail else ""  # "habite à …"
    if not is_compound_name(said):
        return None
    return said if locator().locate(said).status == "unknown" else None


def _town_misspelt_at_end(text: str) -> tuple[str, Any, bool] | None:
    """A big town of several words written a letter or two wrong as the last part of the
    message, after a comma ("je cherche un ordinateur, j'ai pas les moyens, Clermond Ferand"):
    the part is that name and nothing else, as the locator reads it."""
    part = re.split(r"[,.;:!?\n]", text.strip(" .!?"))[-1].strip()
    if not 2 <= len(part.split()) <= 5 or names_no_town(part, text, text.rfind(part)):
        return None
    result = locator().locate(part[:120])
    best = result.best if result.status == "found" else None
    if best is None or written_close(part, best) != name_key(part):
        return None
    return None if no_town_there(part, result, text) else (part, result, True)


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
                              or key in nlu_words()):  # fmt: skip
                continue
            if not any(name_key(c.current.name) == f"{article} {key}"
                       for c in index.by_key.get(key, ())):  # fmt: skip
                continue
            query = f"{found.group(1)} {' '.join(words[:size])}"
            if names_no_town(query, text, found.start()):
                continue
            result = locator().locate(query)
            if plausible_guess(query, result) and not no_town_there(query, result, text):
                return query, result, True
    return None


def _with_town_before(text: str, area: str | None) -> str | None:
    """ "aix en savoie" for "savoie" when a commune of the Savoie is named before it (Aix-les-
    Bains: the words start its name); else ``area``."""
    if not area:
        return area
    town = town_before_area(text, area, getattr(locator(), "_index", None))
    start = text.find(town) if town else -1
    end = text.find(area, start) if start >= 0 else -1
    return text[start : end + len(area)] if end >= 0 else area


def _town_misspelt_inside(text: str) -> tuple[str, Any, bool] | None:
    """A big town written a letter or two wrong in the middle of a sentence, after "à", "a",
    "sur", "vers", "de" ("j'habite a montpelier et je dois faire ma carte grise"): read as
    ``town_misspelt`` reads one ending the sentence; no common word. A name of several words
    ("j habite a Clermond Ferand depuis peu") is read whole, as the locator reads it."""
    for found in _MID_RUN.finditer(text):
        run = found.group(1)
        if name_key(run.split()[0]) in STOPWORDS or names_no_town(run, text, found.start(1)):
            continue
        result = locator().locate(run[:120])
        best = result.best if result.status == "found" else None
        written = None if best is None else written_close(run, best)
        if written and name_key(run).startswith(written) and not no_town_there(run, result, text):
            return written, result, True
    for found in _MID_PLACE.finditer(text):
        word = found.group(1)
        key = name_key(word)
        if key in STOPWORDS or key in COMMON or key in NEVER or key in nlu_words():
            continue  # "de garder", "à remplir": a word people write, no town
        if names_no_town(word, text, found.start(1)):
            continue
        result = locator().locate(word)
        if town_misspelt(word, result) and not no_town_there(word, result, text):
            return word, result, True
    return None


def misspelt_town_answer(text: str) -> bool:
    """One word answering "where?" that the locator reads as a big town written a letter or two
    wrong ("bordaux", "montpelier"), whatever the NLU read: a town answer, never off-topic.
    Smaller communes' near-misses are too often words ("amour": Amou, "plombier": Pommier)."""
    said = location_text(text).strip()
    if is_button(text) or len(said.split()) != 1 or name_key(said) in nlu_words():
        return False
    return town_misspelt(said, locator().locate(said[:120]))


# Where one *is* that says a situation, never a town: "elle est à l'hôpital" (L'Hôpital, 57).
_BEING_THERE = frozenset({"l hopital", "hopital"})


def looks_like_place(text: str) -> bool:
    """A short message that names a place the locator knows exactly."""
    if not 0 < len(text.split()) <= 5:
        return False
    if name_key(location_text(text)) in _BEING_THERE:
        return False
    try:
        probe = locator().locate(location_text(text))
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
