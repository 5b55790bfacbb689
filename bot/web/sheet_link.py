"""The address of a place's printable referral sheet (``bot.web.keep``: ``GET /fiche/{place_id}``),
the one way it is written: by the web server's e-mail and by the assistant's answer to "fiche à
imprimer" (``actions.keep_asked``); and the e-mail that carries sheets (``sheet_mail``)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from bot.referrals.mail import Mail

PREFIX = "/fiche"


def sheet_url(public_url: str, place_id: str, bring: tuple[str, ...] | list[str] = ()) -> str:
    """``{public_url}/fiche/{place_id}``, with what to bring (``?apporter=…``, repeated)."""
    query = f"?{urlencode([('apporter', item) for item in bring])}" if bring else ""
    return f"{public_url.rstrip('/')}{PREFIX}/{quote(place_id, safe='')}{query}"


def sheet_mail(to: str, sheets: list[tuple[str, str, str]]) -> Mail:
    """The e-mail of one or more places' sheets (``sheets``: name, the text of its SMS, the
    address of its printable sheet), the one way it is written: by the web server's « Garder
    cette adresse » (``bot.web.keep``) and by the assistant asked to e-mail the list
    (``actions.keep_asked``)."""
    if len(sheets) == 1:
        subject = f"Votre fiche d'orientation : {sheets[0][0]}"
    else:
        subject = f"Vos fiches d'orientation ({len(sheets)} lieux)"
    text = "\n\n".join(f"{body}\n\nLa fiche à imprimer : {url}" for _name, body, url in sheets)
    return Mail(to=(to,), subject=subject, text=text + "\n")
