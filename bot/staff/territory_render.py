"""HTML of the console's territory page: the map, the worst-served communes and the chart come
from the one-page summary (``directory_client.territory.html``), the rest is the coordinator's
work: the places' answers week by week (bot/staff/territory_weekly.py), refusals of referrals, the
correction queue, its journal, the records to review."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import urlencode

from bot.referrals.weekly import WEEKS
from bot.staff import territory_weekly
from bot.staff.provenance import FIELD_LABELS
from bot.staff.render import P, e
from bot.staff.report import HOURS_HELP, KIND_LABELS
from bot.staff.roles import ROLES, TerritoryRole
from bot.staff.territory_data import Refusals
from directory_client import display, labels
from directory_client.corrections.queue import Pending
from directory_client.hours import PARIS
from directory_client.territory import html as summary
from directory_client.territory.report import Insight

ACTIONS = {
    "report": "signalé",
    "accept": "accepté",
    "reject": "refusé",
    "refused": "tentative hors territoire refusée",
    "reapply": "réappliqué après import",
    "conflict": "conflit avec la source",
}
STALE_SHOWN = 60


def territory_url(service: str, suffix: str = "") -> str:
    return f"{P}/territoire{suffix}?{urlencode({'service': service})}"


def _paris(moment: datetime) -> str:
    return moment.replace(tzinfo=timezone.utc).astimezone(PARIS).strftime("%d/%m/%Y %H:%M")


def page(
    *,
    role: TerritoryRole,
    insight: Insight,
    service: str,
    csrf: str,
    refusals: Refusals | None,
    weeks: str,
    pending: list[Pending],
    journal: list[dict[str, Any]],
    stale: list[dict[str, Any]],
    conflicts: Sequence[dict[str, Any]] = (),
    flash: str = "",
) -> str:
    coverage = insight.coverage
    k = coverage.services.index(service)
    rows = summary.territory_rows(insight)
    total = rows[service]
    name = insight.territory.name
    note = f'<p class="flash" role="status">{e(flash)}</p>' if flash else ""
    nav = "".join(
        f'<li><a href="#{anchor}">{e(text)}</a></li>'
        for anchor, text in (
            ("carte", "Carte"),
            ("offre", "Offre et demande"),
            (territory_weekly.ANCHOR, "Réponses par semaine"),
            ("refus", "Orientations refusées"),
            ("corrections", f"Corrections ({len(pending)})"),
            ("a-revoir", f"Fiches à revoir ({len(stale)})"),
        )
    )
    return (
        f'<div class="territory"><h1>Territoire : {e(name)} <small>({e(role.where)}) · '
        f"{e(ROLES[role.role])}</small></h1>{note}"
        f'<div class="toolbar">{_service_form(service)}'
        f'<nav class="in-page" aria-label="Sur cette page"><ul>{nav}</ul></nav></div>'
        f'<div class="t-grid"><section id="carte" class="t-map" aria-labelledby="carte-t">'
        f'<h2 id="carte-t">Distance au lieu le plus proche</h2>'
        f'<p class="hint">{total["communes"]} communes · '
        f"{e(summary.number(total['population']))} habitants (2021) · distances en ligne "
        "droite · sans fond de carte : fonctionne hors ligne.</p>"
        f"{summary.map_svg(coverage, k)}{summary.legend()}"
        f'<p class="key">{summary.reach_sentence(total)}</p></section>'
        '<section class="t-worst" aria-labelledby="worst-t">'
        f'<h2 id="worst-t">Communes les moins bien servies</h2>{summary.worst_table(coverage, k)}'
        f'<p class="links"><a class="button" href="{e(territory_url(service, "/synthese"))}" '
        'target="_blank" rel="noopener">Synthèse imprimable (une page)</a></p></section></div>'
        '<section id="offre" aria-labelledby="offre-t">'
        '<h2 id="offre-t">Offre et demande par service</h2>'
        '<p class="hint">Demandes : orientations comptées sans donnée personnelle ; '
        "moins de 5 : « — ».</p>"
        f'<div class="scroll">{summary.chart_svg(list(rows.values()), insight.demand is not None)}'
        "</div></section>"
        f"{weeks}{_refusals(refusals)}{_corrections(pending, role, csrf, service)}"
        f"{_conflicts(conflicts)}{_journal(journal)}{_stale(stale)}</div>"
    )


def _service_form(service: str) -> str:
    options = "".join(
        f'<option value="{e(s)}"{" selected" if s == service else ""}>{e(s)}</option>'
        for s in labels.SERVICES
    )
    return (
        f'<form class="service" method="get" action="{P}/territoire">'
        f'<label for="service">Service cartographié</label> '
        f'<select id="service" name="service">{options}</select> '
        '<button type="submit">Afficher</button></form>'
    )


def _refusals(refusals: Refusals | None) -> str:
    head = '<section id="refus" aria-labelledby="refus-t"><h2 id="refus-t">Orientations refusées'
    head += " ou sans aide, par lieu</h2>"
    if refusals is None:
        return head + "<p>Les orientations ne sont pas activées sur ce serveur.</p></section>"
    weeks = f"les {WEEKS} dernières semaines"
    if not refusals.total and not refusals.per_place:
        return head + f"<p>Rien à montrer sur {weeks} : aucun groupe n'atteint 5.</p></section>"
    totals = "".join(
        f'<tr><th scope="row">{e(r["label"])}</th>'
        f'<td class="n">{territory_weekly.figure(r["cell"])}</td></tr>'
        for r in refusals.total
    )
    places = "".join(
        f'<tr><td>{e(r["nom"])}</td><td>{e(r["label"])}</td><td class="n">{r["n"]}</td></tr>'
        for r in refusals.per_place
    )
    return (
        f'{head}<p class="hint">Sur {weeks}, comme le tableau par semaine. Groupes de moins de '
        "5 non affichés, ni ceux qui permettraient de les retrouver ; « ≥ » : au moins.</p>"
        f'<div class="t-grid"><table class="t-table"><caption>Sur le territoire</caption>'
        f"<tbody>{totals or '<tr><td>—</td></tr>'}</tbody></table>"
        '<table class="t-table"><caption>Par lieu</caption><thead><tr><th scope="col">Lieu</th>'
        '<th scope="col">Issue</th><th scope="col">Nombre</th></tr></thead>'
        f"<tbody>{places or '<tr><td colspan=3>—</td></tr>'}</tbody></table></div></section>"
    )


def _value(field: str, value: Any) -> str:
    if field == "horaires":
        lines = display.hours_lines(value) if value and value != "off" else []
        if value == "off":
            return "fermé définitivement"
        return "".join(f"<span class='line'>{e(x)}</span>" for x in lines) or "non connus"
    return e(value if value not in (None, "") else "—")


def _hours_input(p: Pending) -> str:
    """The hours the coordinator accepts for an hours report: the proposed ones, to amend, or
    (a report in words alone) to write."""
    if p.kind != "hours":
        return ""
    proposed = p.proposed.get("horaires") or ""
    return (
        f'<label for="hours-{p.id}">Horaires à appliquer</label>'
        f'<input id="hours-{p.id}" name="horaires" value="{e(proposed)}" '
        f'aria-describedby="hours-help-{p.id}"{"" if proposed else " required"}>'
        f'<p class="hint" id="hours-help-{p.id}">{e(HOURS_HELP)}</p>'
    )


def _proposed(field: str, value: Any) -> str:
    if value is None:
        return "non précisé : voir le message, puis écrivez-les ci-dessous"
    return _value(field, value)


def _change(p: Pending) -> str:
    if p.kind == "closed":
        return '<p class="proposed">Le lieu est fermé : ses horaires deviendront « fermé ».</p>'
    proposed = p.proposed or dict.fromkeys(p.current)  # a report in words alone
    rows = [
        (
            e(FIELD_LABELS.get(f, f)),
            (_value(f, p.current.get(f)), "before"),
            (_proposed(f, v), "after"),
        )
        for f, v in proposed.items()
    ]
    return summary.table(("", "Aujourd'hui", "Proposé"), rows, row_heads=True, cls="change")


def _corrections(pending: list[Pending], role: TerritoryRole, csrf: str, service: str) -> str:
    head = (
        '<section id="corrections" aria-labelledby="corr-t">'
        f'<h2 id="corr-t">Corrections à relire ({len(pending)})</h2>'
        f'<p class="links"><a href="{P}/territoire/export.csv">Exporter les fiches corrigées '
        f'(CSV, standard national)</a> · <a href="{P}/territoire/export.json">JSON</a></p>'
    )
    if not pending:
        return head + "<p>Aucun signalement en attente.</p></section>"
    if not role.can_review:
        head += '<p class="hint">Lecture seule : seul un coordinateur accepte ou refuse.</p>'
    items = []
    for p in pending:
        comment = f'<p class="comment">« {e(p.comment)} »</p>' if p.comment else ""
        forms = ""
        if role.can_review:
            action = f"{P}/territoire/corrections/{p.id}"
            forms = (
                f'<form class="review" method="post" action="{e(action)}">'
                f'<input type="hidden" name="csrf" value="{e(csrf)}">'
                f'<input type="hidden" name="service" value="{e(service)}">{_hours_input(p)}'
                f'<label for="note-{p.id}">Note (obligatoire pour refuser)</label>'
                f'<input id="note-{p.id}" name="note" maxlength="300">'
                '<button type="submit" name="decision" value="accept">Accepter</button>'
                '<button type="submit" name="decision" value="reject" class="secondary" '
                "formnovalidate>Refuser</button></form>"
            )
        items.append(
            f'<article class="correction" data-id="{p.id}">'
            f"<h3>{e(p.nom)} <small>{e(p.commune or '')}</small></h3>"
            f'<p class="kind">{e(KIND_LABELS[p.kind])} — signalé par {e(p.reported_by)} le '
            f"{e(_paris(p.reported_at))}</p>{comment}{_change(p)}{forms}</article>"
        )
    return head + "".join(items) + "</section>"


def _conflicts(conflicts: Sequence[dict[str, Any]]) -> str:
    if not conflicts:
        return ""
    rows = [
        (
            f"{e(c['nom'])} <small>{e(c['commune'] or '')}</small>",
            e(FIELD_LABELS.get(f, f)),
            _value(f, v["correction"]),
            _value(f, v["source"]),
        )
        for c in conflicts
        for f, v in c["fields"].items()
    ]
    heads = ("Lieu", "Champ", "Correction locale", "Source")
    return (
        '<section id="conflits" aria-labelledby="conflicts-t">'
        f'<h2 id="conflicts-t">Conflits avec la source ({len(conflicts)})</h2>'
        '<p class="hint">Un nouvel import a changé un champ corrigé ici : la valeur de la source '
        "s'applique. Si elle est fausse, signalez-le de nouveau depuis la fiche.</p>"
        f"{summary.table(heads, rows, cls='t-table')}</section>"
    )


def _journal(journal: list[dict[str, Any]]) -> str:
    if not journal:
        return ""
    rows = [
        (
            e(_paris(j["at"])),
            e(j["actor"]),
            e(ACTIONS.get(j["action"], j["action"])),
            e(j["nom"]),
            f"n° {j['correction']}",
        )
        for j in journal
    ]
    heads = ("Quand", "Qui", "Quoi", "Lieu", "Signalement")
    return (
        '<section id="journal" aria-labelledby="journal-t"><h2 id="journal-t">Journal des '
        f"corrections</h2>{summary.table(heads, rows, cls='t-table')}</section>"
    )


def _stale(stale: list[dict[str, Any]]) -> str:
    rows = [
        (e(s["nom"]), e(s["commune"] or ""), e(_day(s["date_maj"]))) for s in stale[:STALE_SHOWN]
    ]
    heads = ("Lieu", "Commune", "Dernière mise à jour")
    more = (
        f'<p class="hint">… et {len(stale) - STALE_SHOWN} autres.</p>'
        if len(stale) > STALE_SHOWN
        else ""
    )
    return (
        '<section id="a-revoir" aria-labelledby="stale-t">'
        f'<h2 id="stale-t">Fiches non mises à jour depuis 12 mois ({len(stale)})</h2>'
        + (
            f"{summary.table(heads, rows, cls='t-table')}{more}"
            if stale
            else "<p>Toutes les fiches ont moins de 12 mois.</p>"
        )
        + "</section>"
    )


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "jamais"
