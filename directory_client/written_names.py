"""A town's whole name where only a part of it was read, as people write names: without their
hyphens, with or without accents.

The NLU tags parts of a name: "Saône" in "à Chalon sur Saône" (the village of Saône, 25, was
then found, 150 km away), "Chalons" and "Champagne" in "à Chalons en Champagne" (Champagné,
Champagne… offered), "Apcher" in "Saint-Chély-d'Apcher en Lozère" (« Je ne trouve pas
« Apcher » »), "Paris" in "dans le 15e à Paris" (Paris centre, not the 15e).

``whole_place`` gives back the words of the message that name the whole place: the longest run
of words around the part read that is a commune's name in the gazetteer (its key: hyphens and
apostrophes as spaces, accents left out, "St" for "Saint"), within one piece of the sentence
(only spaces, hyphens or apostrophes between its words); for Paris, Lyon or Marseille, the
arrondissement written beside the city ("le 15e", "15ème arrondissement"), for the locator to
read (``directory_client.locator``)."""

from __future__ import annotations

import re
from typing import NamedTuple

from directory_client.gazetteer import Index
from directory_client.text import fold, name_key

MAX_NAME_WORDS = 8  # the locator's longest run of words (``locator.MAX_SPAN``)
_WORD = re.compile(r"[^\W_]+")
_BETWEEN_NAME_WORDS = re.compile(r"[\s'’‐-]*")
# An arrondissement written near the city: "15e", "15ème", "XVe", "15 e", "15e arrondissement";
# a bare number only right after the city ("Paris 15"), the locator's own rule.
_CITIES = frozenset({"paris", "lyon", "marseille"})
_ORDINAL = re.compile(r"^(\d{1,2}|[ivx]{1,5})(er|e|eme|ieme|em|ere|me)$")
_ORDINAL_SUFFIX = frozenset({"er", "e", "eme", "ieme", "em", "ere", "me"})
_ARR_WORDS = frozenset({"arrondissement", "arrondissements", "arr", "arrdt", "ardt"})
_NEAR_CITY_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?;\n]")


class _Word(NamedTuple):
    start: int
    end: int
    key: str


def whole_place(text: str, value: str, start: int | None = None, index: Index | None = None) -> str:
    """The words of ``text`` naming the whole place of which ``value`` (an entity, at ``start``
    when known) is a part: "Chalon sur Saone" for "Saone", "Saint-Chély-d'Apcher" for
    "Apcher", "15e à Paris" for "Paris"; ``value`` itself when it is the whole name."""
    span = _span_of(text, value, start)
    if span is None:
        return value
    if index is None:
        from directory_client import gazetteer

        index = gazetteer.load(None)
    words = _words(text)
    first, last = _covered(words, *span)
    if first is None or last is None:
        return value
    named = _longest_name(text, words, first, last, index)
    if named is not None:
        first, last = named
    arrondissement = _arrondissement_beside(text, words, first, last)
    if arrondissement is not None:
        first, last = min(first, arrondissement[0]), max(last, arrondissement[1])
    if (first, last) == _covered(words, *span):
        return value
    return text[words[first].start : words[last].end]


def _span_of(text: str, value: str, start: int | None) -> tuple[int, int] | None:
    if start is not None and fold(text[start : start + len(value)]) == fold(value):
        return start, start + len(value)
    found = re.search(rf"(?<![^\W_]){re.escape(fold(value))}(?![^\W_])", fold(text))
    if found is None or len(fold(text)) != len(text):  # positions of the folded text: the same
        return None
    return found.span()


def _words(text: str) -> list[_Word]:
    return [_Word(m.start(), m.end(), name_key(m.group())) for m in _WORD.finditer(text)]


def _covered(words: list[_Word], start: int, end: int) -> tuple[int | None, int | None]:
    inside = [i for i, w in enumerate(words) if w.start < end and w.end > start]
    return (inside[0], inside[-1]) if inside else (None, None)


def _longest_name(
    text: str, words: list[_Word], first: int, last: int, index: Index
) -> tuple[int, int] | None:
    """(first, last) word of the longest run over words ``first``…``last`` that is a commune's
    name, longer than them; of runs as long, the most populated commune."""
    for width in range(MAX_NAME_WORDS, last - first + 1, -1):
        best: tuple[int, int, int] | None = None
        for a in range(max(0, last - width + 1), min(first, len(words) - width) + 1):
            b = a + width - 1
            if not all(_BETWEEN_NAME_WORDS.fullmatch(text[words[k].end : words[k + 1].start])
                       for k in range(a, b)):  # fmt: skip
                continue
            communes = index.by_key.get(" ".join(w.key for w in words[a : b + 1]), ())
            population = max((c.current.population for c in communes), default=-1)
            if communes and (best is None or population > best[0]):
                best = (population, a, b)
        if best is not None:
            return best[1], best[2]
    return None


def _arrondissement_beside(
    text: str, words: list[_Word], first: int, last: int
) -> tuple[int, int] | None:
    """The words of an arrondissement's number near a city that has them, in the same sentence:
    "dans le 15e à Paris", "Paris, dans le 15ème", "15 e arrondissement de Paris"."""
    if first != last or words[first].key not in _CITIES:
        return None
    lo, hi = max(0, first - _NEAR_CITY_WORDS), min(len(words), last + _NEAR_CITY_WORDS + 1)
    for i in sorted(range(lo, hi), key=lambda i: abs(i - first)):
        gap = text[min(words[i].end, words[first].end) : max(words[i].start, words[first].start)]
        if i == first or _SENTENCE_END.search(gap):
            continue
        key, after = words[i].key, words[i + 1].key if i + 1 < len(words) else ""
        ordinal = _ORDINAL.match(key)
        if ordinal and not ordinal.group(1).isdigit():  # "XVe", never "vie" nor "Vie"
            ordinal = ordinal if text[words[i].start : words[i].end][:2].isupper() else None
        if ordinal:
            return i, i
        if key.isdigit() and after in _ORDINAL_SUFFIX | _ARR_WORDS:  # "15 e", "15 arrondissement"
            return i, i + 1
    return None


_PIECE = re.compile(r"[^\W_]+(?:['’‐-][^\W_]+)*")


def piece_around(text: str, value: str) -> str:
    """The whole piece of ``text`` joined by hyphens or apostrophes that ``value`` is part of:
    "Saint-Machin-d'Apcher" for "Apcher", for saying which town is not known in the person's
    own words, never a fragment of it; ``value`` when it stands alone."""
    span = _span_of(text, value, None)
    if span is None:
        return value
    for piece in _PIECE.finditer(text):
        if piece.start() <= span[0] and span[1] <= piece.end():
            return piece.group() if len(piece.group()) > len(value) else value
    return value
