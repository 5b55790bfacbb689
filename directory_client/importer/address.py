"""Address parts cleaned at import, in a general form (never a record dropped for this):

- a part written 'nul', 'null', 'NULL', 'None' is empty ("nul nul rue principale" → "rue
  principale");
- a former address in brackets is left out ("(ex. 12 allée des Glycines)7 rue Terrasse" → "7
  rue Terrasse"), and a number glued to the word after it is set apart ("61Rue Girardot" → "61
  Rue Girardot"; "2bis", "3ème", "12B" stay as written);
- a postcode said twice is said once ("62300 62300" → "62300"), also when the commune is the
  postcode: the town of its INSEE code, else the postcode's main town ("62300" → "Lens");
- a commune a few letters away from the gazetteer's name of the record's INSEE code (else its
  postcode) takes the gazetteer's spelling ("Bouirges" → "Bourges"); a name that differs from
  the gazetteer's by case, accents or punctuation only keeps the record's spelling, unless the
  gazetteer's is the fuller one (the record's "Tourc'h" stays, never "Tourch").
"""

from __future__ import annotations

import re

from directory_client import gazetteer
from directory_client.gazetteer import Index
from directory_client.text import name_key

_NULL = re.compile(r"(?<![\w-])(?:nul|null|none)(?![\w-])", re.I)
_POSTCODE_TWICE = re.compile(r"\b(\d{5})(?:[\s,]+\1\b)+")
# "(ex. 12 allée des Glycines)", "(ex 3 rue Haute)", "(anciennement 4 place Verte)", "(ancienne
# adresse : …)": where the place used to be.
_FORMER = re.compile(r"\(\s*(?:ex\b\.?|anciennement\b|ancienne adresse\b)[^()]*\)", re.I)
# A number glued to a word of two letters or more that is no number's ending ("61Rue" → "61 Rue";
# "2bis", "1er", "3ème", "12B" kept).
_GLUED = re.compile(
    r"(?<![\w.,])(\d+)(?!(?:bis|ter|quater|er|re|ère|ere|e|è|eme|ème|me|nd|nde|d)\b)"
    r"(?=[^\W\d_]{2,})",
    re.I,
)
_BRACKET_GLUED = re.compile(r"\)(?=\w)")  # "(bâtiment B)7 rue Verte": a space after it


def former_only(value: str | None) -> bool:
    """Whether an address part is only a former address or a form's example in brackets
    ("(ex. 12 allée des Glycines)", kept as written by ``clean_part``): no place to go to."""
    return bool(value and _FORMER.search(value) and not _FORMER.sub(" ", value).strip(" ,;-"))


def clean_part(value: str | None) -> str | None:
    """'nul nul rue principale' → 'rue principale'; '62300 62300' → '62300'; 'NULL' → None;
    '(ex. 12 allée des Glycines)7 rue Terrasse' → '7 rue Terrasse'; '61Rue Girardot' → '61 Rue
    Girardot'."""
    if value is None:
        return None
    if not any(p.search(value) for p in (_NULL, _POSTCODE_TWICE, _FORMER, _GLUED, _BRACKET_GLUED)):
        return value
    text = _FORMER.sub(" ", value)
    if not text.strip(" ,;-"):
        # The bracket is all there is ("(ex. 12 allée des Glycines)": a form's example left in
        # two Hinaura records): kept, so that the place keeps an address and an export of it
        # imports again (an empty address is refused)
        text = value
    text = _BRACKET_GLUED.sub(") ", _GLUED.sub(r"\1 ", text))
    text = _NULL.sub(" ", text)
    text = _POSTCODE_TWICE.sub(r"\1", text)
    text = " ".join(text.split()).strip(" ,;-")
    return text or None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def max_edits(key: str) -> int:
    """A small edit: one letter in a short name, two from 8 letters."""
    return 1 if len(key) < 8 else 2


def _marks(name: str) -> int:
    """Apostrophes, hyphens and accented letters: the fuller of two spellings has more."""
    return sum(1 for c in name if not (c.isascii() and c.isalnum()) and not c.isspace())


def gazetteer_city(commune: str, insee: str | None, postcode: str | None,
                   index: Index | None = None) -> str:
    """The gazetteer's spelling of the record's commune when the record's is a small edit away;
    else the record's commune as given."""
    index = index or gazetteer.load()
    candidates = []
    if insee and insee in index.by_insee:
        candidates.append(index.by_insee[insee].current)
    if not candidates and postcode:
        candidates.extend(c.current for c in index.by_postcode.get(postcode, ()))
    key = name_key(commune)
    if candidates and key == (postcode or "-"):  # "62300" for the town: said once, named
        return max(candidates, key=lambda c: c.population).name
    for known in candidates:
        known_key = name_key(known.name)
        if known_key == key:
            return commune
        if known_key.replace(" ", "") == key.replace(" ", ""):  # "Tourc'h" / "Tourch"
            return commune if _marks(commune) > _marks(known.name) else known.name
    near = [c for c in candidates if 0 < _distance(key, name_key(c.name)) <= max_edits(key)]
    names = {c.name for c in near}
    return near[0].name if len(names) == 1 else commune
