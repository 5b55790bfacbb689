"""Normalisation of free text for place matching: one key per spelling of a name."""

from __future__ import annotations

import re
import unicodedata

from directory_client.labels import fold as _slow_fold

MAX_INPUT_CHARS = 300

_TAGS = re.compile(r"<(script|style)\b.{0,2000}?</\1\s*>|<[^>]{0,200}>", re.IGNORECASE | re.DOTALL)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

# Words of a short message that are never a place on their own ("Y", "Eu", "Vers" and "Sur" are
# communes, but "je suis sur Lyon" is about Lyon). Only single-word matches are filtered.
_STOPWORDS_TEXT = """a au aux avec c ca ce chez cote d dans de des du en est et il j je l la le les
    ma mais me mes moi mon n ne non oui ou par pas pour pres proche proximite qu que qui sa
    allez
    se si son sont sur suis t ta te toi ton tu un une vers vit vis y habite habites habitons
    j'habite bonjour salut merci svp stp aide cherche trouve ville commune secteur region
    coin quartier loin ici la-bas pres-de autour environs alentours france francais
    ai as avez avons ont besoin veux voudrais voudrai peux pouvez faire aller suis sommes
    travaille travail cherche chercher trouver aider aidez mes nos vos notre votre leur
    bien tres plus moins aussi alors donc car comme quand ou hello allo ok okay
    code postal cp numero adresse rue habiter habitez demeure reside
    carte grise vitale identite passeport permis conduire compte ameli caf impots impot emploi
    pole travail chomage retraite mutuelle sante logement banque internet ordinateur telephone
    smartphone tablette mail email numerique demarche demarches dossier formulaire papiers
    rendez rdv aides imprimer scanner declaration"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


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
