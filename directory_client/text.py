"""Normalisation of free text for place matching: one key per spelling of a name."""

from __future__ import annotations

import re
import unicodedata

from directory_client.labels import fold as _slow_fold

MAX_INPUT_CHARS = 300

_TAGS = re.compile(r"<(script|style)\b.{0,2000}?</\1\s*>|<[^>]{0,200}>", re.IGNORECASE | re.DOTALL)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

# Latin-1 and Latin Extended-A folded once: translating is ~10× faster than decomposing, and
# ligatures ("Œuilly", "Lætitia") become the two letters people type.
_FOLD = {cp: _slow_fold(chr(cp)) for cp in range(0xC0, 0x250)}
_FOLD.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae", ord("ß"): "ss"})
_FOLD.update({ord("’"): "'", ord("\u00a0"): " ", ord("ø"): "o", ord("Ø"): "o"})


def fold(text: str) -> str:
    """Lower-case, accent-free text (same result as ``labels.fold`` plus ligatures)."""
    folded = text.lower().translate(_FOLD)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(text: str) -> str:
    """Bounded, tag-free text: the input of every matcher."""
    return _TAGS.sub(" ", text[: MAX_INPUT_CHARS * 2])[:MAX_INPUT_CHARS]


def tokens(text: str) -> list[str]:
    """Folded words with "St"/"Ste" expanded; hyphens and apostrophes split words."""
    words = _NON_WORD.split(fold(text))
    return [_ABBREVIATIONS.get(w, w) for w in words if w]


def name_key(name: str) -> str:
    return " ".join(tokens(name))


# Where a sentence says where the person or the one helped lives (folded text): "je vis à
# Figeac", "mon fils habite à Lille", "je suis à Auxerre", "84100". Read in a long message
# (bot/channels/guard.py's cut, actions/message_text.py's reading), so the town is never lost.
PLACE_SAID = re.compile(
    r"\b(habit\w*|(je|nous|on) (vis|vivons|vit|reste|restons)|je suis (a|de|sur)"
    r"|j'suis a|jsuis a|domicilie|pres de|a cote de|code postal|\d{5})"
)

_SENTENCE_START = re.compile(r"(?<=[.!?\n])\s+(?=\S)")


def last_sentences(text: str, chars: int = 240) -> str:
    """The end of a long message, from a sentence's start within its last ``chars`` characters
    (else from a word's): where a letter says where the person lives ("J'habite à Périgueux.")."""
    if len(text) <= chars:
        return text.strip()
    window = text[-chars:]
    start = _SENTENCE_START.search(window) or re.search(r"\s+", window)
    return (window[start.end() :] if start else window).strip()
