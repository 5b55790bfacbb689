"""The pages behind the signed links: the place answers (``/orientation/<token>``) and the
person says whether they were helped (``/suivi/<token>/<1|2|3>``). No account: the link is the
key. GET only shows (mail scanners open links); a POST records.
"""

from __future__ import annotations

import asyncio
import functools
import html
from datetime import datetime

from aiohttp import web

from bot.referrals import texts
from bot.referrals.clock import PARIS
from bot.referrals.errors import InvalidReferral, LinkError, LinkExpired
from bot.referrals.models import FOLLOWUP_ANSWERS, REFUSAL_REASONS, Referral
from bot.referrals.service import ANSWER_PATH, FOLLOWUP_PATH, ReferralService

HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "X-Frame-Options": "DENY",
}
CONTACT_BY = {"sms": "par SMS", "email": "par courriel", "phone": "par téléphone"}


def e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _page(title: str, body: str, status: int = 200) -> web.Response:
    text = (
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{e(title)}</title></head>'
        f"<body><main><h1>{e(title)}</h1>{body}</main></body></html>"
    )
    response = web.Response(text=text, status=status, content_type="text/html", charset="utf-8")
    response.headers.update(HEADERS)
    return response


def _referral_details(referral: Referral) -> str:
    rows = [("Pour", texts.what(referral))]
    if referral.request:
        rows.append(("Ce que la personne souhaite faire", referral.request))
    if referral.person_name:
        rows.append(("Prénom ou initiales", referral.person_name))
    if referral.contact:
        by = CONTACT_BY[referral.contact_channel]
        rows.append((f"Pour la joindre ({by})", texts.contact_text(referral)))
    items = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows)
    return f"<dl>{items}</dl>"


def answer_form(referral: Referral, token: str, error: str = "") -> str:
    alert = f'<p role="alert">{e(error)}</p>' if error else ""
    reasons = "".join(
        f'<li><label><input type="radio" name="reason" value="{e(key)}" required> '
        f"{e(label)}</label></li>"
        for key, label in REFUSAL_REASONS.items()
    )
    action = e(f"{ANSWER_PATH}{token}")
    return (
        f"{alert}<p>{e(referral.place_name)} : une personne vous est orientée.</p>"
        f"{_referral_details(referral)}"
        f'<form method="post" action="{action}" aria-labelledby="accept-title">'
        '<h2 id="accept-title">Nous pouvons la recevoir</h2>'
        '<input type="hidden" name="decision" value="accept">'
        "<p>Proposer un rendez-vous (facultatif) :</p>"
        '<p><label for="slot-date">Date</label> <input id="slot-date" type="date" name="date"> '
        '<label for="slot-time">Heure</label> <input id="slot-time" type="time" name="time"></p>'
        '<p><button type="submit">Accepter</button></p></form>'
        f'<form method="post" action="{action}" aria-labelledby="refuse-title">'
        '<h2 id="refuse-title">Nous ne pouvons pas la recevoir</h2>'
        '<input type="hidden" name="decision" value="refuse">'
        f"<fieldset><legend>Pourquoi ?</legend><ul>{reasons}</ul></fieldset>"
        '<p><label for="note">Précision (facultatif)</label><br>'
        '<textarea id="note" name="note" maxlength="300" rows="2"></textarea></p>'
        '<p><button type="submit">Refuser</button></p></form>'
    )


def parse_slot(date_text: str, time_text: str) -> datetime | None:
    """The date and time typed on the page (Paris time) → aware datetime; both or none."""
    date_text, time_text = date_text.strip(), time_text.strip()
    if not date_text and not time_text:
        return None
    if not (date_text and time_text):
        raise InvalidReferral("Indiquez la date et l'heure du rendez-vous, ou aucune des deux.")
    try:
        local = datetime.strptime(f"{date_text} {time_text}", "%Y-%m-%d %H:%M")
    except ValueError as exc:
        raise InvalidReferral("Date ou heure illisible.") from exc
    return local.replace(tzinfo=PARIS)


async def _run(fn, *args, **kwargs):  # noqa: ANN001, ANN202
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(fn, *args, **kwargs))


def mount_referral_pages(app: web.Application, service: ReferralService) -> None:
    async def show(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            referral = await _run(service.open_link, token)
        except LinkExpired as exc:
            return _page("Orientation", f"<p>{e(await _run(service.closed_link, exc))}</p>", 410)
        except LinkError as exc:
            return _page("Orientation", f"<p>{e(exc)}</p>", 410)
        return _page("Orientation : pouvez-vous recevoir cette personne ?",
                     answer_form(referral, token))  # fmt: skip

    async def answer(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        form = await request.post()
        try:
            referral = await _run(service.open_link, token)
        except LinkExpired as exc:
            return _page("Orientation", f"<p>{e(await _run(service.closed_link, exc))}</p>", 410)
        except LinkError as exc:
            return _page("Orientation", f"<p>{e(exc)}</p>", 410)
        try:
            if form.get("decision") == "accept":
                slot = parse_slot(str(form.get("date", "")), str(form.get("time", "")))
                done = await _run(service.accept, token, slot)
            else:
                done = await _run(
                    service.refuse, token, str(form.get("reason", "")), str(form.get("note", ""))
                )
        except InvalidReferral as exc:
            return _page("Orientation", answer_form(referral, token, str(exc)), 400)
        except LinkError as exc:
            return _page("Orientation", f"<p>{e(exc)}</p>", 410)
        said = texts.place_answer_said(
            done, service.cannot_send(done.contact_channel), service.desk(done)
        )
        return _page("Merci, votre réponse est enregistrée", f'<p role="status">{e(said)}</p>')

    async def followup_show(request: web.Request) -> web.Response:
        token, digit = request.match_info["token"], request.match_info["answer"]
        if digit not in FOLLOWUP_ANSWERS:
            raise web.HTTPNotFound()
        try:
            await _run(service.open_link, token, "followup")
        except LinkError as exc:
            return _page("Votre réponse", f"<p>{e(exc)}</p>", 410)
        label = {"1": "Oui", "2": "Non", "3": "Pas encore"}[digit]
        action = e(f"{FOLLOWUP_PATH}{token}/{digit}")
        return _page(
            "Avez-vous pu être aidé ?",
            f'<form method="post" action="{action}"><p>Votre réponse : {label}.</p>'
            '<p><button type="submit">Envoyer ma réponse</button></p></form>',
        )

    async def followup_record(request: web.Request) -> web.Response:
        token, digit = request.match_info["token"], request.match_info["answer"]
        if digit not in FOLLOWUP_ANSWERS:
            raise web.HTTPNotFound()
        try:
            await _run(service.followup_by_link, token, digit)
        except LinkError as exc:
            return _page("Votre réponse", f"<p>{e(exc)}</p>", 410)
        return _page("Merci", f'<p role="status">{e(texts.FOLLOWUP_THANKS)}</p>')

    app.router.add_get(ANSWER_PATH + "{token}", show)
    app.router.add_post(ANSWER_PATH + "{token}", answer)
    app.router.add_get(FOLLOWUP_PATH + "{token}/{answer}", followup_show)
    app.router.add_post(FOLLOWUP_PATH + "{token}/{answer}", followup_record)
