"""Report a problem on a place from its card on the desk (every account): closed, moved, new
hours, new phone, a service it no longer offers → the correction queue
(``directory_client.corrections.queue.report``). Nothing changes before the coordinator of the
place's territory accepts it (bot/staff/territory.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from bot.staff.render import P, e, report_url
from bot.staff.roles import TerritoryRole
from directory_client import display, hours, hours_french
from directory_client.corrections import queue
from directory_client.french_dates import WEEKDAYS
from directory_client.models import Place, split_list

KIND_LABELS = {
    "hours": "Les horaires ont changé",
    "phone": "Le téléphone a changé",
    "moved": "Le lieu a déménagé",
    "service_removed": "Il ne propose plus un service",
    "closed": "Le lieu a fermé définitivement",
}
ADDRESS_INPUTS = (("adresse", "Adresse (numéro et rue)"), ("code_postal", "Code postal"),
                  ("commune", "Commune"))  # fmt: skip
_DAY_CODES = ", ".join(
    f"{code} {name}" for code, name in zip(hours_french.OSM_DAYS, WEEKDAYS, strict=True)
)  # "Mo lundi, Tu mardi…"
HOURS_HELP = (
    "Toute la semaine, en toutes lettres (« du lundi au vendredi de 9h à 12h et de 14h à 17h, "
    "le samedi de 9h à midi ») ou au format des horaires OpenStreetMap, par exemple : "
    "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off "
    f"({_DAY_CODES})."
)


@dataclass(frozen=True)
class PlaceNow:
    """What the form shows of the place as the directory has it."""

    public_id: str
    nom: str
    address: str
    values: dict[str, Any]  # horaires, telephone, adresse, code_postal, commune
    services: list[str]
    place: Place  # detached row: which coordinators cover it


def place_now(Session: Any, public_id: str) -> PlaceNow | None:
    with Session() as session:
        row = session.execute(
            select(Place).where(Place.public_id == public_id)
        ).scalar_one_or_none()
        if row is None:
            return None
        session.expunge(row)
    values = {f: getattr(row, f) or "" for f in ("horaires", "telephone", "adresse",
                                                  "code_postal", "commune")}  # fmt: skip
    address = " ".join(v for v in (row.adresse, row.code_postal, row.commune) if v)
    return PlaceNow(public_id, row.nom, address, values, split_list(row.services), row)


def proposed_values(kind: str, form: Any) -> dict[str, Any]:
    """The form's fields that the kind of report says are now true."""
    if kind == "hours":
        return {"horaires": form_hours(form)}
    if kind == "phone":
        return {"telephone": str(form.get("telephone", "")).strip()}
    if kind == "moved":
        return {f: str(form.get(f, "")).strip() for f, _ in ADDRESS_INPUTS if form.get(f)}
    if kind == "service_removed":
        return {"services": str(form.get("service", ""))}
    return {}


def form_hours(form: Any) -> str:
    """The form's hours as the directory stores them: OSM as typed, or a French sentence of a
    full week read into OSM ("du lundi au vendredi de 9h à 12h" → ``Mo-Fr 09:00-12:00``);
    anything else as typed (``problem`` then says it is unreadable)."""
    typed = str(form.get("horaires", "")).strip()
    if not typed or hours.is_valid(typed):
        return typed
    return hours_french.to_osm(typed) or typed


def reviewers(roles: dict[str, TerritoryRole], place: Place) -> list[TerritoryRole]:
    return [r for r in roles.values() if r.can_review and r.scope.covers(place)]


def report_form(now: PlaceNow, csrf: str, form: Any = None, error: str = "") -> str:
    form = form or {}
    kind = str(form.get("kind", ""))
    alert = f'<p class="error" role="alert">{e(error)}</p>' if error else ""
    radios = "".join(
        f'<label class="kind"><input type="radio" name="kind" id="kind-{k}" value="{k}" required'
        f"{' checked' if k == kind else ''}> {e(label)}</label>"
        for k, label in KIND_LABELS.items()
    )
    value = {k: form.get(k, v) for k, v in now.values.items()}
    hours_now = "".join(
        f"<li>{e(line)}</li>" for line in display.hours_lines(now.values["horaires"])
    )
    address_inputs = "".join(
        f'<p><label for="{f}">{e(label)}</label><br>'
        f'<input id="{f}" name="{f}" maxlength="200" value="{e(value[f])}"></p>'
        for f, label in ADDRESS_INPUTS
    )
    options = "".join(f'<option value="{e(s)}">{e(s)}</option>' for s in now.services)
    return (
        f"<h1>Signaler un problème : {e(now.nom)}</h1>{alert}"
        f'<p class="address">{e(now.address)}</p>'
        f'<form class="report" method="post" action="{e(report_url(now.public_id))}">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        f"<fieldset><legend>Qu'est-ce qui a changé ?</legend>{radios}</fieldset>"
        '<fieldset class="field field-hours"><legend>Nouveaux horaires</legend>'
        "<p class=\"hint\">Aujourd'hui dans l'annuaire :</p>"
        f'<ul class="hours-now">{hours_now or "<li>non connus</li>"}</ul>'
        '<p><label for="horaires">Horaires</label><br>'
        f'<input id="horaires" name="horaires" size="60" maxlength="500" '
        f'aria-describedby="hours-help" value="{e(value["horaires"])}"></p>'
        f'<p class="hint" id="hours-help">{e(HOURS_HELP)}</p></fieldset>'
        '<fieldset class="field field-phone"><legend>Nouveau téléphone</legend>'
        '<p><label for="telephone">Téléphone</label><br>'
        f'<input id="telephone" name="telephone" type="tel" maxlength="40" '
        f'value="{e(value["telephone"])}"></p></fieldset>'
        '<fieldset class="field field-moved"><legend>Nouvelle adresse</legend>'
        f"{address_inputs}</fieldset>"
        '<fieldset class="field field-service_removed">'
        "<legend>Service qui n'est plus proposé</legend>"
        f'<p><label for="service">Service</label><br><select id="service" name="service">{options}'
        "</select></p></fieldset>"
        '<p><label for="comment">Précisions (facultatif, sans nom ni coordonnées de personne)'
        '</label><br><textarea id="comment" name="comment" rows="2" maxlength="1000">'
        f"{e(form.get('comment', ''))}</textarea></p>"
        '<p><button type="submit">Envoyer au coordinateur</button> '
        f'<a href="{P}/">Annuler</a></p></form>'
    )


def report_sent(now: PlaceNow, correction_id: int, kind: str, who: list[TerritoryRole]) -> str:
    if who:
        names = ", ".join(f"{r.scope.username} ({r.where})" for r in who)
        next_step = f"Relu par : {names}. Rien ne change dans l'annuaire avant sa décision."
    else:
        next_step = (
            "Aucun coordinateur de ce territoire n'a de compte dans cette console : le "
            "signalement attend dans la file de corrections."
        )
    return (
        f"<h1>Signalement envoyé</h1>"
        f'<p class="flash" role="status">Signalement n° {correction_id} sur {e(now.nom)} : '
        f"{e(KIND_LABELS[kind].lower())}.</p><p>{e(next_step)}</p>"
        f'<p><a href="{P}/">Retour à la console</a></p>'
    )


def report(Session: Any, public_id: str, kind: str, form: Any, user: str) -> int:
    """Queue the report (raises ``CorrectionError`` with the reason when it is not valid)."""
    comment = str(form.get("comment", ""))[:1000]
    return queue.report(Session, public_id, kind, proposed_values(kind, form),
                        reported_by=user, comment=comment)  # fmt: skip


def problem(kind: str, form: Any) -> str | None:
    """What is missing or unreadable in the form, in the desk's words; None when it can go."""
    if kind not in KIND_LABELS:
        return "Choisissez ce qui a changé."
    values = proposed_values(kind, form)
    if kind != "closed" and not any(values.values()):
        return "Indiquez ce qui est vrai maintenant."
    if kind == "hours" and not hours.is_valid(values["horaires"]):
        return "Horaires illisibles : suivez l'exemple sous le champ."
    if kind == "phone" and display.tel_uri(values["telephone"]) is None:
        return "Numéro de téléphone illisible."
    return None
