"""A town already known is never replaced by a word of a story or a question (t194): « il est
parti à l'hôpital » (L'Hôpital, 57), « il est à l'école » (École, 73), « il travaille au port »
(Le Port, 974), « c'est ouvert le matin ? » (Le Marin, 972 by a near-miss).

After the places (the town known, not asked), a place read where the person did not say it is
where they are is kept only when it is said as a town:
- a common noun with its article, written in lower case ("à l'hôpital", "au port", "à la
  maison", "à l'école"), is the thing, unless a word that says where one lives comes before
  ("j'habite au port") or its département or postcode follows ("l'hôpital en Moselle",
  "L'Hôpital 57490"); written with a capital inside the sentence ("à L'Hôpital") it is the town;
- the words of a whole message read as a town (no place tagged) must name it as written, never
  by a near-miss (``names_what_was_read``)."""

from __future__ import annotations

import re

from directory_client.text import fold
from directory_client.town_words import _names_area, after_cue

# A definite article, contracted or not, written before the name ("à l'hôpital", "au port").
_ARTICLE = re.compile(r"(?:^|[\s'’])(?:l|le|la|les|au|aux|du|des)\s*['’]?\s*$", re.IGNORECASE)
# Words before a name that say where the person lives ("j'habite au Port", "on vit à l'Hôpital").
_LIVES = (("habite",), ("habite", "a"), ("habitons",), ("habitons", "a"), ("vis", "a"),
          ("vit", "a"), ("vivons", "a"), ("jhabite",), ("jhabite", "a"), ("jvis", "a"),
          ("domicilie", "a"), ("domiciliee", "a"), ("reside", "a"))  # fmt: skip
_TOKEN = re.compile(r"[^\W_]+")


def _written(text: str, name: str) -> re.Match | None:
    """Where the commune's name without its article is written in ``text``, accents and case
    aside ("hôpital" for L'Hôpital, "école" for École)."""
    bare = re.sub(r"^(?:l['’]\s*|le\s+|la\s+|les\s+)", "", name, flags=re.IGNORECASE)
    bare = re.sub(r"\s*\(.*\)$", "", bare).strip()
    if not bare:
        return None
    pattern = r"(?<!\w)" + r"[\s'’-]+".join(re.escape(fold(w)) for w in re.split(r"[\s'’-]+", bare))
    folded = fold(text)
    if len(folded) != len(text):
        return None
    return re.search(pattern + r"(?!\w)", folded)


def common_word_in_story(text: str, commune: str | None) -> bool:
    """``commune`` is read from a common noun of ``text`` written with its article and in lower
    case, with no word of where one lives before it and no département or postcode after it."""
    if not commune:
        return False
    found = _written(text, commune)
    if found is None:
        return False
    written = text[found.start() : found.end()]
    if written[:1].isupper() and not text.isupper():
        return False  # "à L'Hôpital": the town
    before = text[: found.start()]
    if not _ARTICLE.search(before):
        return False
    if _names_area(text[found.end() :]):
        return False  # "l'hopital en moselle", "l'hopital 57490"
    words = [fold(t) for t in _TOKEN.findall(before)]
    while words and words[-1] in ("l", "le", "la", "les", "au", "aux", "a", "du", "des"):
        words.pop()  # "j'habite à l'…": the cue before the article
        if after_cue(words, _LIVES):
            return False
    return not after_cue(words, _LIVES)


def names_what_was_read(text: str, result) -> bool:
    """The words of ``text`` name the place the locator read in them, as written (accents and
    case aside): its commune's name without the article, its département's name or code
    ("celui de la Martinique", "le 972"), never a near-miss ("le matin": Le Marin)."""
    from directory_client.departements import DEPARTEMENTS

    best = result.best if result.best is not None else (result.candidates or [None])[0]
    if best is None:
        return False
    folded = f" {_words(text)} "
    names = [best.commune or "", re.sub(r"\s*\(.*\)$", "", best.label or "")]
    names.append(DEPARTEMENTS.get(best.departement or "", ""))
    for name in filter(None, names):
        bare = re.sub(r"^(?:l['’]\s*|le\s+|la\s+|les\s+)", "", name, flags=re.IGNORECASE)
        if _words(bare) and f" {_words(bare)} " in folded:
            return True
    return bool(best.departement) and f" {best.departement} " in folded


def _words(text: str) -> str:
    return " ".join(fold(t) for t in _TOKEN.findall(text or ""))
