"""HTML of the territory page's "answers of the places, week by week" section: one table (a row
per answer, a column per week) with a small bar per figure, scaled to its row; and its compact
form for the printable summary. The figures and what they hide come from
``bot.referrals.weekly``."""

from __future__ import annotations

from datetime import date

from bot.referrals.disclosure import Cell
from bot.referrals.models import REFUSAL_REASONS, STATUSES
from bot.referrals.outcomes import iso_week
from bot.referrals.weekly import NOT_HELPED, REASONS, ROWS, WeeklyOutcomes
from bot.staff.render import P, e
from bot.staff.territory_data import REFUSED_PREFIX, outcome_label
from directory_client.demand import MIN_COUNT

ANCHOR = "semaines"
TITLE = "Réponses des lieux, semaine par semaine"
EXPORT = f"{P}/territoire/reponses-par-semaine"
_BAR_HEIGHT = 20  # the bars' viewBox height
FOLLOWUP = "Ensuite, selon la personne"
TITLE_PRINTED = "Réponses des lieux aux orientations"
PRINTED_WEEKS = 6  # the summary's weeks, the latest


def section(table: WeeklyOutcomes | None, today: date, give_up_after: int) -> str:
    """``today``: the referrals' day in Paris; ``give_up_after``: the working days after which an
    unanswered referral counts as "sans réponse"."""
    head = f'<section id="{ANCHOR}" aria-labelledby="{ANCHOR}-t"><h2 id="{ANCHOR}-t">{TITLE}</h2>'
    if table is None:
        return head + "<p>Les orientations ne sont pas activées sur ce serveur.</p></section>"
    weeks = len(table.weeks)
    if table.empty:
        return (
            f"{head}<p>Rien à montrer sur les {weeks} dernières semaines : aucune réponse n'a été "
            f"comptée {MIN_COUNT} fois ou plus.</p></section>"
        )
    return (
        f'{head}<p class="hint">Chaque orientation compte dans la semaine où elle a été envoyée '
        f"(du lundi au dimanche, heure de Paris), quelle que soit la date de la réponse. Un lieu "
        f"qui n'a pas répondu après {give_up_after} jours ouvrés passe en « sans réponse » : "
        "les deux dernières semaines ne sont pas complètes. « "
        f"{FOLLOWUP} » : sa réponse au message de suivi, envoyé après une orientation acceptée. "
        "Barres : à l'échelle de chaque ligne.</p>"
        f"{_hidden_note(table)}"
        f'<div class="scroll weekly" role="region" tabindex="0" aria-labelledby="{ANCHOR}-c">'
        f'<table class="t-table weekly"><caption id="{ANCHOR}-c"><span>Réponses aux orientations '
        f"vers les lieux du territoire, {weeks} dernières semaines</span></caption>"
        f'<thead><tr><th scope="col">Réponse</th>{_week_heads(table.weeks, today)}'
        f'<th scope="col" class="total">{weeks} semaines</th></tr></thead>'
        f"{_body(table, weeks)}</table></div>"
        f'<p class="links">Télécharger ces chiffres : <a href="{EXPORT}.csv">CSV</a> · '
        f'<a href="{EXPORT}.json">JSON</a></p></section>'
    )


def _hidden_note(table: WeeklyOutcomes) -> str:
    if not table.hides:
        return f'<p class="hint">Aucun chiffre masqué : chaque case compte {MIN_COUNT} ou plus.</p>'
    return (
        f'<p class="hidden-note" role="note"><strong>Chiffres masqués.</strong> « — » : moins de '
        f"{MIN_COUNT}, peut-être aucune (ou un chiffre masqué pour ne pas en révéler un autre) ; "
        "« ≥ » devant un nombre : au moins ce nombre, car le total exact permettrait de retrouver "
        "un petit nombre par soustraction.</p>"
    )


def _week_heads(weeks: list[date], today: date) -> str:
    current = iso_week(today)
    heads = []
    for monday in weeks:
        week = iso_week(monday)
        now = ' <span class="now">en cours</span>' if week == current else ""
        heads.append(
            f'<th scope="col"><span class="sr">semaine du </span>{monday:%d/%m}'
            f'<span class="wk">S{week[-2:]}</span>{now}</th>'
        )
    return "".join(heads)


def _body(table: WeeklyOutcomes, weeks: int) -> str:
    """Accepted; the refusals under a heading, one row per reason; unanswered; not helped."""
    reasons = "".join(_row(table, outcome) for outcome in REASONS)
    refused = f"{STATUSES['refusee'].capitalize()}, selon la raison donnée par le lieu"
    return (
        f"<tbody>{_row(table, 'acceptee')}</tbody>"
        f'<tbody class="reasons">{_group(weeks, refused)}{reasons}</tbody>'
        f"<tbody>{_row(table, 'sans_reponse')}</tbody>"
        f'<tbody class="followup">{_group(weeks, FOLLOWUP)}{_row(table, NOT_HELPED)}</tbody>'
    )


def _group(weeks: int, heading: str) -> str:
    """A row group's heading, over the weeks' and the total's empty cells."""
    return f'<tr><th scope="rowgroup">{e(heading)}</th><td colspan="{weeks + 1}"></td></tr>'


def _row(table: WeeklyOutcomes, outcome: str) -> str:
    cells = table.cells[outcome]
    top = max((c.n or 0 for c in cells), default=0)
    if outcome in REASONS:
        reason = REFUSAL_REASONS[outcome.removeprefix("refusee:")]
        head = f'<th scope="row"><span class="sr">{e(REFUSED_PREFIX)}</span>{e(reason)}</th>'
        kind = "reason"
    else:
        head = f'<th scope="row">{e(outcome_label(outcome))}</th>'
        kind = "not-helped" if outcome == NOT_HELPED else outcome
    figures = "".join(f'<td class="n">{_bar(c, top)}{figure(c)}</td>' for c in cells)
    total = table.totals[outcome]
    return f'<tr class="{kind}">{head}{figures}<td class="n total">{figure(total)}</td></tr>'


def figure(cell: Cell) -> str:
    """A figure as shown: the number, « ≥ n » (a lower bound) or « — » (hidden)."""
    if cell.n is None:
        return (
            f'<span class="none" aria-hidden="true">—</span>'
            f'<span class="sr">moins de {MIN_COUNT}</span>'
        )
    if cell.at_least:
        return f'<span aria-hidden="true">≥ </span><span class="sr">au moins </span>{cell.n}'
    return str(cell.n)


def _bar(cell: Cell, top: int) -> str:
    """A vertical bar, its height ``cell``'s share of the row's largest figure (SVG attributes:
    the console's CSP allows no inline style)."""
    if cell.n is None or top == 0:
        return ""
    height = max(1, round(_BAR_HEIGHT * cell.n / top))
    return (
        f'<svg class="bar" viewBox="0 0 10 {_BAR_HEIGHT}" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false"><rect x="1" y="{_BAR_HEIGHT - height}" '
        f'width="8" height="{height}"/></svg>'
    )


def compact(table: WeeklyOutcomes | None, today: date) -> str:
    """The same figures for the printable summary (``directory_client.territory.html``): the
    last ``PRINTED_WEEKS`` weeks and the total, a row per answer with a figure shown; the answers
    with none are named in a sentence. Empty without referrals."""
    if table is None:
        return ""
    weeks = len(table.weeks)
    head = f'<section class="answers"><h2>{TITLE_PRINTED}, {weeks} dernières semaines</h2>'
    if table.empty:
        return f"{head}<p>Aucune réponse comptée {MIN_COUNT} fois ou plus.</p></section>"
    current = iso_week(today)
    last = table.weeks[-PRINTED_WEEKS:]
    heads = "".join(
        f'<th scope="col" class="n"><span class="sr">semaine du </span>{monday:%d/%m}'
        f"{' (en cours)' if iso_week(monday) == current else ''}</th>"
        for monday in last
    )
    shown, hidden = [], []
    for outcome in ROWS:
        cells = [*table.cells[outcome][-PRINTED_WEEKS:], table.totals[outcome]]
        if all(c.n is None for c in cells):
            hidden.append(outcome_label(outcome))
            continue
        figures = "".join(f'<td class="n">{figure(c)}</td>' for c in cells)
        shown.append(f'<tr><th scope="row">{e(outcome_label(outcome))}</th>{figures}</tr>')
    none = (
        f" Moins de {MIN_COUNT} (ou masqué) chaque semaine et au total : "
        f"{e(' ; '.join(hidden))}."
        if hidden
        else ""
    )
    return (
        f'{head}<table><thead><tr><th scope="col">Réponse</th>{heads}'
        f'<th scope="col" class="n">{weeks} semaines</th></tr></thead>'
        f"<tbody>{''.join(shown)}</tbody></table>"
        f"<p>Semaine de l'orientation (du lundi, heure de Paris). « — » : moins de {MIN_COUNT}, ou "
        f"masqué pour ne pas en révéler un autre ; « ≥ » : au moins.{none}</p></section>"
    )
