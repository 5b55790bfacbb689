"""Server-side HTML for the console: every value goes through ``e()`` (html.escape)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlencode, urlsplit

from actions import someone_else
from actions.formatting import bring_for, bring_items, bring_where
from bot.channels.sms_text import to_gsm7
from bot.staff.catalogue import Procedure
from bot.staff.triage import TriageOutcome
from directory_client import display
from directory_client.french_dates import french_date
from directory_client.search.explain import subject as why_subject
from directory_client.types import SearchResult

P = "/staff"  # where the console is mounted
SHORTCUTS = (
    ("Alt+N", "Échap", "citoyen suivant (efface tout)"),
    ("Ctrl+P", None, "imprimer la fiche du lieu choisi"),
    ("Alt+S", None, "envoyer la fiche par SMS"),
    ("Alt+1…3", None, "choisir le lieu 1, 2 ou 3"),
)


def e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def layout(
    title: str,
    body: str,
    *,
    csrf: str = "",
    user: str | None = None,
    script: str | None = "console.js",
    css: Iterable[str] = ("staff.css", "territory.css"),
    body_class: str = "",
    home: tuple[str, str] = (f"{P}/", "Orienteur · accueil"),
    static: str = f"{P}/static",
) -> str:
    """``home``: the header's link (href, text); ``static``: where sheet.css and the scripts are
    served (the console's, or the public web server's for the citizen's sheet)."""
    links = "".join(f'<link rel="stylesheet" href="{static}/{e(c)}">' for c in css)
    js = f'<script src="{static}/{e(script)}" defer></script>' if script else ""
    logout = ""
    if user:
        logout = (
            f'<form class="logout" method="post" action="{P}/logout">'
            f'<input type="hidden" name="csrf" value="{e(csrf)}">'
            f'<span class="user">{e(user)}</span> <button type="submit">Se déconnecter</button></form>'
        )
    return (
        "<!doctype html>\n"
        f'<html lang="fr"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="csrf-token" content="{e(csrf)}"><link rel="icon" href="data:,">'
        f"<title>{e(title)}</title>{links}{js}</head>"
        f'<body class="{e(body_class)}"><header class="top no-print">'
        f'<a class="brand" href="{e(home[0])}">{e(home[1])}</a>{logout}</header>'
        f"<main>{body}</main></body></html>"
    )


def login_page(csrf: str, error: str | None = None, username: str = "") -> str:
    err = f'<p class="error" role="alert">{e(error)}</p>' if error else ""
    body = (
        '<section class="login"><h1>Connexion de l\'accueil</h1>'
        f'{err}<form method="post" action="{P}/login">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        '<label for="username">Identifiant</label>'
        f'<input id="username" name="username" autocomplete="username" required autofocus value="{e(username)}">'
        '<label for="password">Mot de passe</label>'
        '<input id="password" name="password" type="password" autocomplete="current-password" required>'
        '<button type="submit">Se connecter</button></form></section>'
    )
    return layout("Connexion — Orienteur accueil", body, csrf=csrf, script=None)


def _shortcuts() -> str:
    items = "".join(
        f"<li><kbd>{e(a)}</kbd>{' ou <kbd>' + e(b) + '</kbd>' if b else ''} : {e(what)}</li>"
        for a, b, what in SHORTCUTS
    )
    return f'<aside class="shortcuts no-print" aria-label="Raccourcis clavier"><ul>{items}</ul></aside>'


def _today(counts: dict) -> str:
    rows = (
        "".join(
            f"<tr><td>{e(need)}</td><td>{e(n)}</td></tr>" for need, n in counts["by_need"].items()
        )
        or '<tr><td colspan="2">Aucune orientation pour l\'instant.</td></tr>'
    )
    return (
        '<section class="today" aria-labelledby="today-title">'
        f'<h2 id="today-title">Aujourd\'hui : <span class="total">{e(counts["total"])}</span> orientation(s)</h2>'
        f"<table><thead><tr><th>Besoin</th><th>Nombre</th></tr></thead><tbody>{rows}</tbody></table>"
        '<p class="hint">Comptes par besoin seulement : ni texte saisi, ni téléphone, ni adresse.</p>'
        "</section>"
    )


def sheet_url(place_id: str, procedure: Procedure | None, **extra: str) -> str:
    query = {"p": procedure.key} if procedure else {}
    query.update(extra)
    return f"{P}/sheet/{e(quote(place_id, safe=''))}" + (f"?{e(urlencode(query))}" if query else "")


def refer_url(place_id: str, procedure: str | None = None, service: str | None = None) -> str:
    """The console's page to refer the person to a place (bot/referrals/console.py)."""
    query = {k: v for k, v in (("p", procedure), ("s", service)) if v}
    return f"{P}/orienter/{quote(place_id, safe='')}" + (f"?{urlencode(query)}" if query else "")


def report_url(place_id: str) -> str:
    """The page to report a problem on a place (bot/staff/report.py)."""
    return f"{P}/signaler/{quote(place_id, safe='')}"


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def _sms_form(
    rank: int, r: SearchResult, proc: Procedure | None, csrf: str, sms_off: str | None
) -> str:
    if sms_off:  # no provider: the button says why before anyone types a number
        return (
            f'<p class="sms-off" id="sms-off-{rank}">{e(sms_off)}</p>'
            f'<button type="button" disabled aria-describedby="sms-off-{rank}">'
            "Envoyer par SMS</button>"
        )
    return (
        f'<form class="sms" method="post" action="{P}/sms">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        f'<input type="hidden" name="place" value="{e(r.id)}">'
        f'<input type="hidden" name="p" value="{e(proc.key if proc else "")}">'
        f'<label for="phone-{rank}">Portable</label>'
        f'<input id="phone-{rank}" name="phone" type="tel" inputmode="tel" autocomplete="off" '
        'placeholder="06 12 34 56 78" required>'
        '<button type="submit">Envoyer par SMS</button>'
        '<output class="sms-status" aria-live="polite"></output></form>'
    )


def _place_card(
    rank: int,
    r: SearchResult,
    outcome: TriageOutcome,
    csrf: str,
    sms_off: str | None = None,
    refer: bool = False,
    corrected: str | None = None,
) -> str:
    proc = outcome.situation.procedure
    needs = outcome.situation.needs
    refer_html = (
        f'<a class="button refer" href="{e(refer_url(r.id, proc.key if proc else None, needs[0] if needs else None))}">Orienter</a>'
        if refer
        else ""
    )
    distance = display.distance_text(r.distance_km)
    open_class = {True: "open", False: "closed", None: "unknown"}[r.opening.open_now]
    # The price as the place states it ("c'est gratuit ?" is the first thing people ask).
    fee = display.fee_text(r.fees, can_call=bool(r.phone))
    meta = " · ".join(
        [f'<span class="distance">à {e(distance)}</span>'] * bool(distance)
        + [f'<span class="opening {open_class}">{e(r.opening.text)}</span>']
        + [f'<span class="fee">Tarif : {e(fee)}</span>']
    )
    phone = (
        f'<a href="tel:{e(r.phone)}">{e(display.phone_text(r.phone))}</a>'
        if r.phone
        else "Téléphone non connu"
    )
    rdv = _safe_url(r.appointment_url)
    rdv_html = (
        f' · <a href="{e(rdv)}" rel="noopener noreferrer" target="_blank">Prendre rendez-vous</a>'
        if rdv
        else ""
    )
    mobile = f'<p class="mobile">{e(r.mobile_service)}</p>' if r.mobile_service else ""
    week = "".join(f"<li>{e(line)}</li>" for line in display.hours_lines(r.opening_hours))
    week_html = (
        f'<details class="week"><summary>Horaires de la semaine</summary><ul>{week}</ul></details>'
        if week
        else ""
    )
    return (
        f'<article class="place" id="place-{rank}" data-rank="{rank}" tabindex="-1">'
        f'<h3><span class="rank">{rank}</span> {e(r.name)}</h3>'
        f'<p class="why">{e(_why(r))}</p>'
        + (f'<p class="ahead">{e(r.ahead)}</p>' if r.ahead else "")
        + f'<p class="address">{e(r.address)}</p>{mobile}'
        f'<p class="meta">{meta}</p>{week_html}'
        + (f'<p class="provenance">{e(corrected)}</p>' if corrected else "")
        + f'<p class="phone">{phone}{rdv_html}</p>'
        '<div class="actions no-print">'
        f'<a class="button print" href="{sheet_url(r.id, proc)}" target="_blank" rel="noopener">Imprimer la fiche</a>{refer_html}'
        f'<a class="report-link" href="{e(report_url(r.id))}">Signaler un problème</a>'
        f"{_sms_form(rank, r, proc, csrf, sms_off)}</div></article>"
    )


def _why(r: SearchResult) -> str:
    """Why this place, without its price: the card's « Tarif » says it from the structured field
    (``display.fee_text``), never "gratuit" above "gratuit ou payant selon l'aide"."""
    return ", ".join(p for p in r.why.split(", ") if why_subject(p) is not None)


def _summary(outcome: TriageOutcome) -> str:
    s = outcome.situation
    parts = []
    need = " + ".join(s.needs)  # both needs read ("une tablette pas chère + apprendre")
    if s.procedure:  # the agent reads about the person: "sa retraite", not "votre retraite"
        need = f"{someone_else.about_them(s.procedure.title)} → {need}"
    if s.need_guessed:
        need += " (par défaut)"
    elif s.other_needs:  # the assistant would have asked: the agent checks with the person
        need += f" (à vérifier ; ou : {' ; '.join(s.other_needs)})"
    parts.append(f"<dt>Besoin</dt><dd>{e(need)}</dd>")
    who = [*s.publics, *s.prise_en_charge]
    if s.on_my_behalf:
        who.append("faire à sa place (Aidants Connect)")
    if who:
        parts.append(f"<dt>Public</dt><dd>{e(', '.join(who))}</dd>")
    flags = [
        w
        for w, on in (
            ("samedi", s.open_on_saturday),
            ("gratuit", s.free_only),
            ("ouvert maintenant", s.open_now),
        )
        if on
    ]
    if flags:
        parts.append(f"<dt>Critères</dt><dd>{e(', '.join(flags))}</dd>")
    where = outcome.location.label if outcome.location else "non reconnu"
    parts.append(f"<dt>Lieu</dt><dd>{e(where)}</dd>")
    source = "assistant" if outcome.source == "assistant" else "orientation directe"
    parts.append(f"<dt>Source</dt><dd>{e(source)}</dd>")
    return f'<dl class="summary">{"".join(parts)}</dl>'


def _bring(outcome: TriageOutcome) -> str:
    """What to bring, with the places that do the procedure only (the sheet's rule,
    ``documents_here``); when not every place listed does it, for which ones, in the chat's
    words (``bring_for``: "Pour vos démarches avec la CAF, au lieu 2")."""
    procedure = outcome.situation.procedure
    if not procedure or not procedure.documents:
        return ""
    groups: dict[tuple[str, ...], list[int]] = {}
    for number, r in enumerate(outcome.results, 1):
        if documents := documents_here(r, procedure):
            groups.setdefault(documents, []).append(number)
    if not outcome.results:  # no place listed: nothing to say it against (the chat's rule)
        groups = {procedure.documents: []}
    parts = []
    for documents, numbers in groups.items():
        whom = ""
        doing = procedure.key.split("+")
        if numbers and len(numbers) < len(outcome.results):
            r = outcome.results[numbers[0] - 1]
            doing, _ = bring_where(procedure.key.split("+"), [],
                                   [{"number": 1, "services": list(r.services)}])  # fmt: skip
            whom = f'<p class="bring-for">{e(bring_for(doing, numbers))} :</p>'
        if len(doing) > 1:  # one heading a procedure, each document once (round 137)
            parts.append(whom + _bring_each(doing, documents, numbers or
                                            list(range(1, len(outcome.results) + 1))))
            continue
        items = "".join(f"<li>{e(d)}</li>" for d in documents)
        parts.append(f"{whom}<ul>{items}</ul>")
    if not parts:
        return ""
    return f'<section class="bring"><h2>À apporter</h2>{"".join(parts)}</section>'


def _bring_each(keys: list[str], documents: tuple[str, ...], numbers: list[int]) -> str:
    """Documents of procedures joined, under one heading each (``bring_for``: "Pour vos démarches
    avec l'Assurance maladie, aux lieux 1, 2 et 3"); a document said under an earlier heading, or
    within one ("votre carte Vitale ou votre numéro de sécurité sociale"), is not said again."""
    from bot.staff import catalogue
    from directory_client import labels

    said: list[str] = []
    parts = []
    for key in keys:
        own = catalogue.by_key(key)
        items = [d for d in documents if own and d in own.documents
                 and not any(labels.fold(d) in labels.fold(s) for s in said)]  # fmt: skip
        said += items
        if items:
            heading = bring_for([key], numbers) if numbers else ""
            lis = "".join(f"<li>{e(d)}</li>" for d in items)
            parts.append(f'<p class="bring-for">{e(heading)} :</p><ul>{lis}</ul>' if heading
                         else f"<ul>{lis}</ul>")  # fmt: skip
    return "".join(parts)


def _place_choices(outcome: TriageOutcome, text: str, csrf: str) -> str:
    """An ambiguous place name: each commune it may be, as a button that re-runs the note there."""
    if outcome.location_status != "ambiguous" or len(outcome.candidates) < 2:
        return ""
    buttons = "".join(
        f'<li><form method="post" action="{P}/"><input type="hidden" name="csrf" value="{e(csrf)}">'
        f'<input type="hidden" name="q" value="{e(text)}">'
        f'<input type="hidden" name="where" value="{e(c.label)}">'
        f'<button type="submit">{e(c.label)}</button></form></li>'
        for c in outcome.candidates[:6]
    )
    return (
        '<section class="place-choices" aria-labelledby="choices-title">'
        '<h3 id="choices-title">Plusieurs communes portent ce nom : laquelle ?</h3>'
        f'<ul class="choices">{buttons}</ul></section>'
    )


def console_page(
    *,
    csrf: str,
    user: str,
    counts: dict,
    text: str = "",
    outcome: TriageOutcome | None = None,
    flash: str | None = None,
    sms_off: str | None = None,
    refer: bool = False,
    territory: bool = False,
    corrected: dict[str, str] | None = None,
) -> str:
    form = (
        f'<form class="triage" method="post" action="{P}/" role="search">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        '<label for="q">Situation de la personne</label>'
        f'<input id="q" name="q" autocomplete="off" autofocus required maxlength="300" '
        f'placeholder="dame 80 ans, dossier retraite, Roubaix" value="{e(text)}">'
        '<button type="submit">Orienter</button></form>'
    )
    flash_html = f'<p class="flash" role="status">{e(flash)}</p>' if flash else ""
    results = ""
    if outcome is not None:
        notes = "".join(f'<p class="note">{e(n)}</p>' for n in outcome.notes)
        lines = "".join(f"<li>{e(line)}</li>" for line in outcome.lines)
        lines_html = (f'<section class="lines" role="alert"><h2>À dire d\'abord</h2>'
                      f"<ul>{lines}</ul></section>" if lines else "")
        cards = "".join(
            _place_card(i, r, outcome, csrf, sms_off, refer, (corrected or {}).get(r.id))
            for i, r in enumerate(outcome.results, 1)
        )
        if not cards and _place_choices(outcome, text, csrf) and outcome.location:
            # A homonym picked for now ("Saint-Denis": La Réunion): the commune is asked first.
            cards = (f'<p class="empty">Aucun lieu trouvé à {e(outcome.location.label)} : '
                     'choisissez la commune ci-dessus.</p>')
        elif not cards:
            cards = '<p class="empty">Aucun lieu trouvé.</p>'
        remote = "".join(
            f"<li>{e(o.name)} — {e(display.phone_text(o.phone) or o.url or '')} : {e(o.why)}</li>"
            for o in outcome.remote_options
        )
        remote_html = (
            f'<section class="remote"><h2>À distance</h2><ul>{remote}</ul></section>'
            if remote
            else ""
        )
        results = (
            f'<section class="results" aria-live="polite" aria-labelledby="results-title">'
            f'<h2 id="results-title">Orientation</h2>{_summary(outcome)}{lines_html}{notes}'
            f"{_place_choices(outcome, text, csrf)}"
            f'<div class="places">{cards}</div>{_bring(outcome)}{remote_html}</section>'
        )
    body = (
        '<h1 class="console-title">Orienter une personne</h1>'
        f'<div class="console"><div class="main-col">{form}{flash_html}{results}</div>'
        f'<div class="side-col">{_shortcuts()}{_today(counts)}'
        + (f'<p><a href="{P}/orientations">Mes orientations</a></p>' if refer else "")
        + (f'<p><a href="{P}/territoire">Territoire</a></p>' if territory else "")
        + "</div></div>"
    )
    return layout("Console d'accueil — Orienteur", body, csrf=csrf, user=user)


@dataclass(frozen=True)
class SheetIssuer:
    """Who hands the sheet out: the desk (in the console) or the assistant (to a citizen, from
    the public web server). The sheet itself is the same."""

    by: str  # "Fiche remise le … par {by}"
    home: tuple[str, str]  # the header's link (not printed)
    static: str  # where sheet.css and sheet.js are served


DESK = SheetIssuer("l'accueil", (f"{P}/", "Orienteur · accueil"), f"{P}/static")


def documents_here(r: SearchResult, procedure: Procedure | None) -> tuple[str, ...]:
    """What to bring to this place: the procedure's documents only if the place does it, the
    chat's rule (``actions.formatting.bring_where``: by the place's services); for procedures
    joined ("caf+carte_grise", ``catalogue.for_bring``), the documents of those it does."""
    if not procedure or not procedure.documents:
        return ()
    keys = procedure.key.split("+")
    kept, _ = bring_where(keys, [], [{"number": 1, "services": list(r.services)}])
    if kept == keys:
        return procedure.documents
    items = bring_items(kept)
    here = {*items, *map(someone_else.about_them, items)}
    return tuple(d for d in procedure.documents if d in here)


def sheet_page(
    r: SearchResult,
    procedure: Procedure | None,
    printed_at: datetime,
    auto_print: bool,
    issuer: SheetIssuer = DESK,
) -> str:
    hours = "".join(f"<li>{e(line)}</li>" for line in display.hours_lines(r.opening_hours))
    hours_html = (
        f'<ul class="hours">{hours}</ul>'
        if hours
        else "<p>Horaires : se renseigner par téléphone.</p>"
    )
    rdv = _safe_url(r.appointment_url)
    contact = []
    if r.phone:
        contact.append(f"<li>Téléphone : <strong>{e(display.phone_text(r.phone))}</strong></li>")
    if rdv:
        contact.append(f"<li>Rendez-vous en ligne : {e(rdv)}</li>")
    elif r.website and _safe_url(r.website):
        contact.append(f"<li>Site : {e(r.website)}</li>")
    if r.email:
        contact.append(f"<li>E-mail : {e(r.email)}</li>")
    bring = ""
    documents = documents_here(r, procedure)
    if documents:
        items = "".join(f"<li>{e(d)}</li>" for d in documents)
        bring = f'<section class="bring"><h2>À apporter</h2><ul class="checklist">{items}</ul></section>'
    purpose = (
        f'<p class="purpose">Pour : <strong>{e(procedure.title)}</strong></p>' if procedure else ""
    )
    mobile = f"<p>{e(r.mobile_service)}</p>" if r.mobile_service else ""
    updated = display.updated_text(r.date_maj)
    body = (
        '<article class="sheet">'
        '<header><p class="kicker">Fiche d\'orientation — aide au numérique</p>'
        f"<h1>{e(r.name)}</h1>{purpose}</header>"
        f'<section class="where"><h2>Adresse</h2><p class="address">{e(r.address)}</p>{mobile}</section>'
        f'<section class="when"><h2>Horaires</h2>{hours_html}'
        "</section>"
        f'<section class="contact"><h2>Contact</h2><ul>{"".join(contact) or "<li>—</li>"}</ul></section>'
        f"{bring}"
        f'<section class="why"><h2>Pourquoi ce lieu</h2><p>{e(r.why)}</p></section>'
        f"<footer><p>Fiche remise le {e(french_date(printed_at, weekday=False))} par {e(issuer.by)}. "
        "Aide gratuite ou à faible coût ; en cas d'empêchement, prévenez le lieu.</p>"
        f'<p class="source">Source : {e(r.source or "annuaire Orienteur")}'
        f"{' · mise à jour le ' + e(updated) if updated else ''}</p></footer>"
        '<p class="no-print"><button type="button" id="print-now">Imprimer</button></p>'
        "</article>"
    )
    return layout(
        f"Fiche — {r.name}",
        body,
        script="sheet.js",
        css=("sheet.css",),
        body_class="auto-print" if auto_print else "",
        home=issuer.home,
        static=issuer.static,
    )


SMS_FROM_DESK = "Orienteur, de la part de l'accueil qui vous a reçu :"
SMS_KEPT = "Orienteur, le lieu que vous avez gardé :"


def sms_text(r: SearchResult, procedure: Procedure | None, from_desk: bool = True) -> str:
    """Short and plain, saying who writes (the desk, or the person who kept the place from the
    chat); folded to the GSM-7 alphabet as the SMS channel does (one « À » or en dash sends the
    whole message in UCS-2: 70 characters a segment)."""
    lines = [SMS_FROM_DESK if from_desk else SMS_KEPT, r.name, r.address]
    if r.phone:
        lines.append(f"Tél. {display.phone_text(r.phone)}")
    hours = display.hours_lines(r.opening_hours)
    if hours:
        lines.append("Horaires : " + " / ".join(hours[:3]))
    documents = documents_here(r, procedure)
    if documents:
        lines.append("À apporter : " + " ; ".join(documents[:4]))
    return to_gsm7("\n".join(lines).replace("–", "-"))
