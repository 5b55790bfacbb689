"""The console's referral pages (routes under ``/staff/``, behind the console's login):

* ``GET/POST /staff/orienter/{place_id}``: refer the person at the desk to a place (need, what
  they want done, how to reach them, their consent and its time);
* ``GET /staff/orientations``: the agent's referrals and where each stands;
* ``GET /staff/orientations/{id}``: one referral, printable (the sheet for a place without
  e-mail), with the form to record the answer the place gave by phone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from actions import someone_else
from bot.referrals import texts
from bot.referrals.clock import PARIS
from bot.referrals.errors import InvalidReferral, LinkUsed, ReferralNotFound
from bot.referrals.models import OPEN_STATUSES, REFUSAL_REASONS, Referral
from bot.referrals.service import NewReferral, ReferralService
from bot.referrals.web import CONTACT_BY, parse_slot
from bot.staff import catalogue
from bot.staff.pages import html_page
from bot.staff.pages import run_blocking as _run
from bot.staff.render import P, e, refer_url
from directory_client import display

CONSENT = (
    "La personne accepte que sa demande, son prénom (facultatif) et le moyen de la joindre "
    "soient envoyés à {place}, pour que ce lieu la reçoive et lui réponde."
)
# The request the form starts with, from what the desk read in the note (its procedure, else its
# need), never the note's words: the agent completes it.
REQUEST_FOR_PROCEDURE = "Besoin d'aide pour {what}."
REQUEST_FOR_SERVICE = "Besoin d'aide : {what}."
CHANNEL_LABELS = {"sms": "SMS", "email": "Courriel", "phone": "Téléphone"}


def _when(value: Any) -> str:
    return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M") if value else ""


def default_request(query: dict[str, str]) -> str:
    """The request the form starts with: the procedure or the need the desk read in the note
    (``p``, ``s`` of ``refer_url``), never the person's words (they stay out of URLs and logs)."""
    if procedure := catalogue.by_key(query.get("p") or None):  # said of the person helped
        return REQUEST_FOR_PROCEDURE.format(what=someone_else.about_them(procedure.title))
    if service := query.get("s"):
        return REQUEST_FOR_SERVICE.format(what=service)
    return ""


def refer_form(place: Any, csrf: str, query: dict[str, str], error: str = "", form: Any = None,
               channels: tuple[str, ...] = tuple(CHANNEL_LABELS)) -> str:  # fmt: skip
    """``channels``: the ways this server can reach the person (``ReferralService.channels``):
    only those are offered."""
    form = form or {}
    channel = str(form.get("channel", channels[0] if channels else ""))
    alert = f'<p class="error" role="alert">{e(error)}</p>' if error else ""
    radios = "".join(
        f'<label><input type="radio" name="channel" value="{k}"'
        f"{' checked' if k == channel else ''}> {e(label)}</label> "
        for k, label in CHANNEL_LABELS.items()
        if k in channels
    )
    return (
        f"<h1>Orienter vers {e(place.name)}</h1>{alert}"
        f'<p class="address">{e(place.address)}</p>'
        f'<form class="refer" method="post" action="{e(refer_url(place.id))}">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        f'<input type="hidden" name="p" value="{e(query.get("p", ""))}">'
        f'<input type="hidden" name="s" value="{e(query.get("s", ""))}">'
        '<p><label for="request">Ce que la personne souhaite faire</label><br>'
        f'<textarea id="request" name="request" rows="2" maxlength="500" required>'
        f"{e(form.get('request', default_request(query)))}</textarea></p>"
        '<p><label for="name">Prénom ou initiales (facultatif)</label><br>'
        f'<input id="name" name="name" maxlength="80" value="{e(form.get("name", ""))}"></p>'
        f"<fieldset><legend>Comment la joindre</legend>{radios}"
        '<p><label for="contact">Numéro ou adresse</label><br>'
        f'<input id="contact" name="contact" autocomplete="off" required '
        f'value="{e(form.get("contact", ""))}"></p></fieldset>'
        f'<p><label><input type="checkbox" name="consent" value="1" required> '
        f"{e(CONSENT.format(place=place.name))}</label></p>"
        '<p><button type="submit">Envoyer l\'orientation</button></p></form>'
    )


def not_received(r: Referral, notify_error: str | None) -> str:
    """What the desk reads when the place's answer has not reached the person (the list and the
    referral's page say it the same)."""
    if not notify_error:
        return ""
    reach = texts.contact_text(r)
    then = f" Prévenez-la vous-même : {reach}." if reach else ""
    return f"La personne n'a pas reçu la réponse du lieu : {notify_error}{then}"


def told_form(r: Referral, csrf: str) -> str:
    """The desk marks the person told (``ReferralService.mark_told``): her details go."""
    return (
        f'<form method="post" action="{P}/orientations/{e(r.id)}/prevenue" class="no-print">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        '<button type="submit">La personne est prévenue</button></form>'
    )


def referral_list(
    referrals: list[Referral],
    failed: dict[str, str] | None = None,
    to_tell: dict[str, str] | None = None,
    csrf: str = "",
) -> str:
    """``failed``: why the message to the person has not left, by referral (``notify_error``);
    ``to_tell``: what the desk must tell her itself, by referral (``to_tell``)."""
    failed, to_tell = failed or {}, to_tell or {}
    if not referrals:
        return "<h1>Mes orientations</h1><p>Aucune orientation pour le moment.</p>"
    rows = "".join(
        f'<tr data-id="{e(r.id)}"><td>{e(_when(r.created_at))}</td>'
        f'<td><a href="{P}/orientations/{e(r.id)}">{e(r.place_name)}</a></td>'
        f"<td>{e(texts.what(r))}</td>"
        f'<td class="status status-{e(r.status)}">{e(r.status_label)}'
        + (f'<br><span class="error" role="alert">{e(said)}</span>'
           if (said := not_received(r, failed.get(r.id))) else "")
        + (f'<br><strong class="to-tell" role="alert">{e(tell)}</strong>{told_form(r, csrf)}'
           if (tell := to_tell.get(r.id)) else "")
        + "</td>"
        f"<td>{e(texts.format_slot(r.slot_at) if r.slot_at else '')}"
        f"{e(r.next_place_name and 'autre lieu : ' + r.next_place_name or '')}</td></tr>"
        for r in referrals
    )
    return (
        "<h1>Mes orientations</h1>"
        '<table class="referrals"><thead><tr><th scope="col">Le</th><th scope="col">Lieu</th>'
        '<th scope="col">Pour</th><th scope="col">Statut</th><th scope="col">Suite</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )


def referral_detail(
    r: Referral, csrf: str, flash: str = "", notify_error: str | None = None, to_tell: str = ""
) -> str:
    """``notify_error``: why the message to the person has not left (``notify_error``);
    ``to_tell``: what the desk must tell her itself (``ReferralService.to_tell``)."""
    note = f'<p class="flash" role="status">{e(flash)}</p>' if flash else ""
    if said := not_received(r, notify_error):
        note += f'<p class="error" role="alert">{e(said)}</p>'
    if to_tell:
        note += f'<p class="to-tell" role="alert"><strong>{e(to_tell)}</strong></p>'
        note += told_form(r, csrf)
    by = CONTACT_BY[r.contact_channel]
    rows = [
        ("Statut", r.status_label),
        ("Lieu", f"{r.place_name} — {r.place_address or ''}"),
        ("Téléphone du lieu", display.phone_text(r.place_phone) or "non connu"),
        ("Pour", texts.what(r)),
        ("Ce que la personne souhaite faire", r.request or ""),
        ("Prénom ou initiales", r.person_name or ""),
        (f"Joindre la personne ({by})", texts.contact_text(r) or "effacé"),
        ("Consentement", f"{r.consent_text} ({_when(r.consent_at)})"),
        ("Envoi au lieu", "par courriel" if r.delivery == "email" else "à imprimer / téléphoner"),
    ]
    if r.slot_at:
        rows.append(("Rendez-vous", texts.format_slot(r.slot_at)))
    if r.refusal_reason:
        rows.append(("Raison", REFUSAL_REASONS[r.refusal_reason]))
    if r.refusal_note:
        rows.append(("Précision du lieu", r.refusal_note))
    if r.next_place_name:
        rows.append(("Autre lieu proposé", r.next_place_name))
    if r.outcome:
        rows.append(("Suivi", {"oui": "aidé", "non": "pas aidé", "pas_encore": "pas encore"}[
            r.outcome]))  # fmt: skip
    items = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows if v)
    answer = ""
    if r.status in OPEN_STATUSES:
        reasons = "".join(
            f'<option value="{e(k)}">{e(v)}</option>' for k, v in REFUSAL_REASONS.items()
        )
        action = f"{P}/orientations/{e(r.id)}/reponse"
        answer = (
            '<section class="no-print"><h2>Réponse du lieu (par téléphone)</h2>'
            f'<form method="post" action="{action}">'
            f'<input type="hidden" name="csrf" value="{e(csrf)}">'
            '<input type="hidden" name="decision" value="accept">'
            '<label for="date">Date</label> <input id="date" type="date" name="date"> '
            '<label for="time">Heure</label> <input id="time" type="time" name="time"> '
            '<button type="submit">Le lieu accepte</button></form>'
            f'<form method="post" action="{action}">'
            f'<input type="hidden" name="csrf" value="{e(csrf)}">'
            '<input type="hidden" name="decision" value="refuse">'
            f'<label for="reason">Raison</label> <select id="reason" name="reason">{reasons}'
            '</select> <button type="submit">Le lieu refuse</button></form></section>'
        )
    return (
        f"<h1>Orientation vers {e(r.place_name)}</h1>{note}"
        f'<dl class="summary">{items}</dl>{answer}'
        f'<p class="no-print"><a href="{P}/orientations">Mes orientations</a></p>'
    )


def mount_referral_console(
    app: web.Application,
    service: ReferralService,
    *,
    guard: Callable[[Any], Any],
    csrf: Callable[[web.Request], str],
) -> None:
    """Add the referral pages; ``guard`` wraps a handler with the console's login and CSRF."""

    def page(request: web.Request, title: str, body: str, status: int = 200) -> web.Response:
        return html_page(request, title, body, csrf(request), status)

    async def form(request: web.Request) -> web.Response:
        place = await _run(service.directory.get_place, request.match_info["place_id"])
        if place is None:
            return page(request, "Orienter", '<p class="error">Lieu introuvable.</p>', 404)
        body = refer_form(place, csrf(request), dict(request.query), channels=service.channels())
        return page(request, "Orienter", body)

    async def create(request: web.Request) -> web.Response:
        data = await request.post()
        place_id = request.match_info["place_id"]
        place = await _run(service.directory.get_place, place_id)
        if place is None:
            return page(request, "Orienter", '<p class="error">Lieu introuvable.</p>', 404)
        query = {"p": str(data.get("p", "")), "s": str(data.get("s", ""))}
        try:
            if data.get("consent") != "1":
                raise InvalidReferral("Le consentement de la personne est nécessaire.")
            referral = await _run(
                service.create,
                NewReferral(
                    place_id=place_id,
                    need=query["p"] or "numerique",
                    service=query["s"] or None,
                    request=str(data.get("request", "")),
                    person_name=str(data.get("name", "")),
                    contact_channel=str(data.get("channel", "")),
                    contact=str(data.get("contact", "")),
                    consent_text=CONSENT.format(place=place.name),
                    consent_at=service.clock.now(),
                    origin="staff",
                    agent=request["staff_user"],
                ),
            )
        except InvalidReferral as exc:
            body = refer_form(place, csrf(request), query, str(exc), data, service.channels())
            return page(request, "Orienter", body, 400)
        raise web.HTTPSeeOther(f"{P}/orientations/{referral.id}")

    async def listing(request: web.Request) -> web.Response:
        def read() -> tuple[list[Referral], dict[str, str]]:
            referrals = service.for_agent(request["staff_user"])
            failed = {r.id: why for r in referrals if (why := service.notify_error(r.id))}
            to_tell = {
                r.id: say for r in referrals if (say := service.to_tell(r, failed.get(r.id)))
            }
            return referrals, failed, to_tell

        referrals, failed, to_tell = await _run(read)
        body = referral_list(referrals, failed, to_tell, csrf(request))
        return page(request, "Mes orientations", body)

    async def detail(request: web.Request) -> web.Response:
        try:
            referral = await _run(service.get, request.match_info["id"],
                                  agent=request["staff_user"])  # fmt: skip
        except ReferralNotFound as exc:
            return page(request, "Orientation", f'<p class="error">{e(exc)}</p>', 404)
        flash = ""
        if referral.delivery == "print" and referral.status in OPEN_STATUSES:
            flash = "Ce lieu n'a pas d'adresse de courriel : imprimez cette page ou téléphonez."
        elif referral.delivery == "email" and referral.status in OPEN_STATUSES:
            flash = "Envoyée au lieu par courriel."
        if referral.delivery == "email" and service.desk(referral) is None:
            flash = f"{flash} {texts.NO_DESK}".strip()
        failed = await _run(service.notify_error, referral.id)
        to_tell = await _run(service.to_tell, referral, failed)
        body = referral_detail(referral, csrf(request), flash, failed, to_tell or "")
        return page(request, "Orientation", body)

    async def told(request: web.Request) -> web.Response:
        referral_id = request.match_info["id"]
        try:
            await _run(service.mark_told, referral_id, request["staff_user"])
        except ReferralNotFound as exc:
            return page(request, "Orientation", f'<p class="error">{e(exc)}</p>', 404)
        raise web.HTTPSeeOther(f"{P}/orientations")

    async def record(request: web.Request) -> web.Response:
        data = await request.post()
        referral_id = request.match_info["id"]
        try:
            if data.get("decision") == "accept":
                slot = parse_slot(str(data.get("date", "")), str(data.get("time", "")))
                await _run(service.record_answer, referral_id, request["staff_user"],
                           accepted=True, slot_at=slot)  # fmt: skip
            else:
                await _run(service.record_answer, referral_id, request["staff_user"],
                           accepted=False, reason=str(data.get("reason", "")))  # fmt: skip
        except ReferralNotFound as exc:
            return page(request, "Orientation", f'<p class="error">{e(exc)}</p>', 404)
        except (InvalidReferral, LinkUsed) as exc:
            referral = await _run(service.get, referral_id)
            body = referral_detail(referral, csrf(request), str(exc))
            return page(request, "Orientation", body, 400)
        raise web.HTTPSeeOther(f"{P}/orientations/{referral_id}")

    for method, path, handler in (
        ("GET", "/orienter/{place_id}", form),
        ("POST", "/orienter/{place_id}", create),
        ("GET", "/orientations", listing),
        ("GET", "/orientations/{id}", detail),
        ("POST", "/orientations/{id}/reponse", record),
        ("POST", "/orientations/{id}/prevenue", told),
    ):
        app.router.add_route(method, P + path, guard(handler))
