"""Questions about the places just offered that are neither a pick nor a new criterion: "plus
près ?" (these are the nearest), "c'est quoi France Services ?" (what such a desk is), "elle ne
peut pas se déplacer" (help at home or by phone). Pure functions on the message's text; the
answers are ``domain.yml`` responses sent by ``actions.actions.about_places_shown``."""

from __future__ import annotations

import re

from actions import needs as needs_mod

# Short messages only: a longer one says more (a new need, a new town) and is read as a request.
_MAX_WORDS = 10

_NEARER = re.compile(
    r"\b(?:plus (?:pres|proche|proches)|moins loin|trop loin|(?:tres|bien|super|vraiment) loin"
    r"|c(?: est)? loin|rien (?:de |d )?(?:plus )?(?:pres|proche))\b"
)
_WHAT_FRANCE_SERVICES = re.compile(
    r"\b(?:c(?: est)? quoi|qu est ce que?|ca veut dire quoi|ca sert a quoi|kesako|cest quoi"
    r"|que (?:font|fait)|quoi)\b.*\bfrance services?\b"
    r"|\bfrance services?\b.*\b(?:c(?: est)? quoi|qu est ce que? c est|ca veut dire|kesako)\b"
)
_CANNOT_TRAVEL = re.compile(
    r"\b(?:(?:peu[tx]|peuvent|pouvons|pouvez|arrive|arrivons|peut) (?:pas|plus|meme pas)"
    r" (?:(?:se|me|te|nous|vous) )?(?:deplacer|bouger|sortir|marcher|venir|aller)"
    r"|(?:se|me|te|nous|vous) deplace (?:pas|plus)|(?:pas|plus) (?:de )?voiture|alitee?"
    r"|grabataire|a (?:domicile|la maison)|(?:venir|passer) chez (?:moi|elle|lui|nous|eux)"
    r"|sans (?:me|se) deplacer|sans bouger)\b"
)


def _folded(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", needs_mod.fold(text)).strip()


def _short(folded: str) -> bool:
    return 0 < len(folded.split()) <= _MAX_WORDS


def asks_nearer(text: str) -> bool:
    """ "plus près ?", "c trop loin", "y a rien de plus proche ?" (never a distance limit:
    "1 km max" is a criterion)."""
    folded = _folded(text)
    return (
        _short(folded)
        and bool(_NEARER.search(folded))
        and needs_mod.distance_limit(needs_mod.detect(text).constraints) is None
    )


def asks_what_france_services_is(text: str) -> bool:
    """ "c'est quoi France Services ?", "France Services, qu'est-ce que c'est ?"."""
    folded = _folded(text)
    return _short(folded) and bool(_WHAT_FRANCE_SERVICES.search(folded))


def cannot_travel(text: str) -> bool:
    """ "elle ne peut pas se déplacer", "il est alité", "quelqu'un peut venir chez elle ?" —
    said alone, without a new need."""
    folded = _folded(text)
    return _short(folded) and bool(_CANNOT_TRAVEL.search(folded)) and needs_mod.detect(text).empty
