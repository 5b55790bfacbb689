"""A distance limit said ("1 km max", "à moins de 2 km"): the constraint "max_km:2"."""

from __future__ import annotations

import re

from actions.needs.words import fold

# A distance limit said ("1 km max", "à moins de 2 km", "pas plus de 5 km", "dans un rayon de
# 10 km") is a constraint with its value: "max_km:2". It narrows the search; when nothing is
# within it, the assistant says so and gives the nearest places (actions.search_run.run_search).
DISTANCE = "max_km:"
_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30, "cinquante": 50,
}  # fmt: skip
_AMOUNT = r"(\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s*(km|kms|kilometres?|m|metres?)\b"
_LIMIT_BEFORE = (
    r"(?:a moins d'|moins d'|a moins de|moins de|pas plus (?:loin )?(?:de|d')|au plus a|"
    r"au maximum a|maximum|max|maxi|dans un rayon de|rayon de|jusqu'a|pas au-?dela de|"
    r"pas (?:\w+ ){0,3}(?:a )?plus de|pas a plus de|a max|a maxi)\s*"
)
_LIMIT_AFTER = r"\s*(?:maximum|maxi|max|au plus|au maximum|grand max)\b"
_DISTANCE_LIMIT = re.compile(rf"\b(?:{_LIMIT_BEFORE}{_AMOUNT}|(?:a )?{_AMOUNT}{_LIMIT_AFTER})")


def distance_constraint(km: float) -> str:
    """``2`` → ``"max_km:2"``; ``0.5`` → ``"max_km:0.5"``."""
    return f"{DISTANCE}{km:g}"


def distance_limit(constraints: list[str]) -> float | None:
    """The distance limit among ``constraints`` (km), or None."""
    for key in constraints:
        if key.startswith(DISTANCE):
            try:
                return float(key[len(DISTANCE) :])
            except ValueError:
                return None
    return None


def _read_distance(folded: str) -> float | None:
    """The distance limit said in a folded message (km), or None."""
    said = _DISTANCE_LIMIT.search(folded)
    if said is None:
        return None
    number, unit = said.group(1, 2) if said.group(1) else said.group(3, 4)
    value = _NUMBER_WORDS.get(number) or float(number.replace(",", "."))
    km = value / 1000 if unit.startswith("m") else value
    return km if km > 0 else None


def in_distance(text: str, words: str) -> bool:
    """Whether ``words`` (an entity's value) are only words of the distance limit said in
    ``text``: the "1" of "Paris, 1 km max", which the NLU also tags as a place."""
    said = _DISTANCE_LIMIT.search(fold(text))
    return said is not None and set(fold(words).split()) <= set(said.group(0).split())


def without_distance(text: str) -> str:
    """``text`` without the distance limit it says ("Roubaix, 2 km max" → "Roubaix"): the
    words left may name a place."""
    folded = fold(text)
    said = _DISTANCE_LIMIT.search(folded)
    if said is None:
        return text
    if len(folded) != len(text):  # the positions are the folded text's
        text = folded
    return f"{text[: said.start()].rstrip(' ,;')} {text[said.end() :]}".strip(" ,;")
