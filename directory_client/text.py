"""Normalisation of free text for place matching: one key per spelling of a name."""

from __future__ import annotations

import re

from directory_client.labels import fold

MAX_INPUT_CHARS = 300

_TAGS = re.compile(r"<[^>]{0,200}>")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

# Words of a short message that are never a place on their own ("Y", "Eu", "Vers" and "Sur" are
# communes, but "je suis sur Lyon" is about Lyon). Only single-word matches are filtered.
_STOPWORDS_TEXT = """a au aux avec c ca ce chez cote d dans de des du en est et il j je l la le les
    ma mais me mes moi mon n ne non oui ou par pas pour pres proche proximite qu que qui sa
    se si son sont sur suis t ta te toi ton tu un une vers vit vis y habite habites habitons
    j'habite bonjour salut merci svp stp aide cherche trouve ville commune secteur region
    coin quartier loin ici la-bas pres-de autour environs alentours"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def clean(text: str) -> str:
    """Bounded, tag-free text: the input of every matcher."""
    return _TAGS.sub(" ", text[: MAX_INPUT_CHARS * 2])[:MAX_INPUT_CHARS]


def tokens(text: str) -> list[str]:
    """Folded words with "St"/"Ste" expanded; hyphens and apostrophes split words."""
    words = _NON_WORD.split(fold(text))
    return [_ABBREVIATIONS.get(w, w) for w in words if w]


def name_key(name: str) -> str:
    return " ".join(tokens(name))
