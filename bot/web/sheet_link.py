"""The address of a place's printable referral sheet (``bot.web.keep``: ``GET /fiche/{place_id}``),
the one way it is written: by the web server's e-mail and by the assistant's answer to "fiche à
imprimer" (``actions.keep_asked``)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

PREFIX = "/fiche"


def sheet_url(public_url: str, place_id: str, bring: tuple[str, ...] | list[str] = ()) -> str:
    """``{public_url}/fiche/{place_id}``, with what to bring (``?apporter=…``, repeated)."""
    query = f"?{urlencode([('apporter', item) for item in bring])}" if bring else ""
    return f"{public_url.rstrip('/')}{PREFIX}/{quote(place_id, safe='')}{query}"
