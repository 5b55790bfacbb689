"""The console's pages for keeping the directory true and seeing where help is missing (routes
under ``/staff/``, behind the console's login and CSRF):

* ``GET/POST /signaler/{place_id}``: any account reports a problem on a place (bot/staff/report.py);
* ``GET /territoire``: for an account with a territory role (bot/staff/roles.py): the map, the
  worst-served communes, supply and demand, refusals of referrals, the correction queue, the
  journal and the records not updated for 12 months;
* ``GET /territoire/synthese``: the printable one-page summary (the ``territory --format html``
  page and the places' answers of the last weeks, served with a CSP that allows its one inline
  style and nothing else);
* ``POST /territoire/corrections/{id}``: a coordinator accepts or rejects a report (logged in
  the directory's ``correction_log``; refused and logged outside their territory); an hours
  report is accepted with the hours of the form's ``horaires`` (the proposed ones, amended, or
  written for a citizen's report in words alone);
* ``GET /territoire/export.csv|json``: the territory's corrected records in the national
  standard, for the upstream producer;
* ``GET /territoire/reponses-par-semaine.csv|json``: the figures of the page's "answers week by
  week" table, hidden as on the page.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import hashlib
import io
import json
import logging
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.referrals.clock import PARIS
from bot.staff import report, territory_render, territory_weekly
from bot.staff.pages import html_page
from bot.staff.pages import run_blocking as _run
from bot.staff.render import P, e
from bot.staff.roles import TerritoryRole
from bot.staff.territory_data import InsightCache, referral_outcomes, weekly_records
from directory_client import labels
from directory_client.corrections import queue
from directory_client.corrections.journal import conflicts, journal
from directory_client.corrections.stale import stale
from directory_client.demand import MIN_COUNT, DemandLog
from directory_client.errors import CorrectionError, OutOfScope
from directory_client.territory import html as summary

log = logging.getLogger(__name__)
NO_ROLE = (
    "Cette page est réservée aux comptes qui coordonnent ou suivent un territoire. "
    "Pour y accéder, demandez à la personne qui gère les comptes de la console."
)
NOT_EDITABLE = "Signalement indisponible : cet annuaire ne se corrige pas depuis la console."
_STYLE = summary.CSS
SUMMARY_CSP = (
    "default-src 'none'; style-src 'sha256-"
    + base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
    + "'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
DECISIONS = {"accept": "Correction acceptée : elle s'applique dès maintenant.",
             "reject": "Signalement refusé."}  # fmt: skip


@dataclass
class TerritoryContext:
    """What the pages need from the console: its directory, accounts' roles, demand counters
    and (when the server has them) the referrals."""

    directory: Callable[[], Awaitable[Any]]
    roles: dict[str, TerritoryRole]
    demand: DemandLog | None  # None: the default counters (DEMAND_DATABASE_URL, var/)
    referrals: Callable[[], Any]  # → ReferralService | None
    _cache: InsightCache | None = field(default=None, init=False)

    def cache(self, Session: Any) -> InsightCache:
        if self._cache is None:
            self._cache = InsightCache(Session, self.demand or DemandLog())
        return self._cache


def _download(body: bytes, fmt: str, name: str) -> web.Response:
    """A CSV or JSON file to save (UTF-8), named ``name``."""
    return web.Response(
        body=body,
        content_type="text/csv" if fmt == "csv" else "application/json",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def mount_territory_console(
    app: web.Application,
    ctx: TerritoryContext,
    *,
    guard: Callable[[Any], Any],
    csrf: Callable[[web.Request], str],
) -> None:
    """Add the report and territory pages; ``guard`` wraps a handler with login and CSRF."""

    def page(request: web.Request, title: str, body: str, status: int = 200) -> web.Response:
        return html_page(request, title, body, csrf(request), status)

    def error(request: web.Request, status: int, message: str) -> web.Response:
        return page(
            request, "Territoire", f'<p class="error" role="alert">{e(message)}</p>', status
        )

    async def sessions() -> Any:
        directory = await ctx.directory()
        return getattr(directory, "Session", None)

    # --- report on the desk --------------------------------------------------------------------
    async def reported_place(request: web.Request) -> tuple[Any, Any] | web.Response:
        """(the directory's sessions, the place as it is now), or the error page to show."""
        Session = await sessions()
        if Session is None:
            return error(request, 503, NOT_EDITABLE)
        now = await _run(report.place_now, Session, request.match_info["place_id"])
        if now is None:
            return error(request, 404, "Lieu introuvable.")
        return Session, now

    async def report_form(request: web.Request) -> web.Response:
        found = await reported_place(request)
        if isinstance(found, web.Response):
            return found
        _Session, now = found
        return page(request, "Signaler un problème", report.report_form(now, csrf(request)))

    async def report_submit(request: web.Request) -> web.Response:
        found = await reported_place(request)
        if isinstance(found, web.Response):
            return found
        Session, now = found
        form = await request.post()
        kind = str(form.get("kind", ""))
        problem = report.problem(kind, form)
        if problem is None:
            try:
                correction_id = await _run(
                    report.report, Session, now.public_id, kind, form, request["staff_user"]
                )
            except CorrectionError as exc:
                problem = str(exc)
        if problem is not None:
            body = report.report_form(now, csrf(request), form, problem)
            return page(request, "Signaler un problème", body, 400)
        log.info("report %s (%s) on a place by %s", correction_id, kind, request["staff_user"])
        who = report.reviewers(ctx.roles, now.place)
        return page(
            request, "Signalement envoyé", report.report_sent(now, correction_id, kind, who)
        )

    # --- the territory page --------------------------------------------------------------------
    def role_of(request: web.Request) -> TerritoryRole | None:
        return ctx.roles.get(request["staff_user"])

    async def coordinator(request: web.Request) -> tuple[TerritoryRole, Any] | web.Response:
        """(the person's territory role, the directory's sessions), or the error page to show."""
        role = role_of(request)
        if role is None:
            return error(request, 403, NO_ROLE)
        Session = await sessions()
        if Session is None:
            return error(request, 503, NOT_EDITABLE)
        return role, Session

    def service_of(request: web.Request | Any, source: Any = None) -> str:
        given = str((source or request.query).get("service", ""))
        return labels.current_service(given) or labels.DEMARCHES

    async def territory_page(request: web.Request) -> web.Response:
        allowed = await coordinator(request)
        if isinstance(allowed, web.Response):
            return allowed
        role, Session = allowed
        scope = role.scope
        insight = await _run(ctx.cache(Session).get, scope)
        referrals = ctx.referrals()
        today = _referrals_today(referrals)
        found = await asyncio.gather(
            _run(queue.pending, Session, scope),
            _run(journal, Session, scope),
            _run(stale, Session, scope, date.today()),
            _run(referral_outcomes, referrals.engine, Session, scope, today)
            if referrals
            else _none(),
            _run(conflicts, Session, scope),
        )
        pending, log_rows, old, answers, contradicted = found
        by_week, refused = answers or (None, None)
        give_up = referrals.timings.give_up_after if referrals else 0
        body = territory_render.page(
            role=role, insight=insight, service=service_of(request), csrf=csrf(request),
            refusals=refused, weeks=territory_weekly.section(by_week, today, give_up),
            pending=pending, journal=log_rows, stale=old, conflicts=contradicted,
            flash=DECISIONS.get(request.query.get("fait", ""), ""),
        )  # fmt: skip
        return page(request, f"Territoire — {insight.territory.name}", body)

    async def summary_page(request: web.Request) -> web.Response:
        allowed = await coordinator(request)
        if isinstance(allowed, web.Response):
            return allowed
        role, Session = allowed
        insight = await _run(ctx.cache(Session).get, role.scope)
        referrals = ctx.referrals()
        today = _referrals_today(referrals)
        answers = None
        if referrals:
            answers, _refusals = await _run(
                referral_outcomes, referrals.engine, Session, role.scope, today
            )
        response = web.Response(
            text=summary.render(
                insight, service_of(request), territory_weekly.compact(answers, today)
            ),
            content_type="text/html",
            charset="utf-8",
        )
        response.headers["Content-Security-Policy"] = SUMMARY_CSP
        return response

    async def review(request: web.Request) -> web.StreamResponse:
        role = role_of(request)
        if role is None or not role.can_review:
            return error(request, 403, "Seul un coordinateur du territoire relit les signalements.")
        Session = await sessions()
        if Session is None:
            return error(request, 503, NOT_EDITABLE)
        form = await request.post()
        decision = str(form.get("decision", ""))
        note = " ".join(str(form.get("note", "")).split())[:300]
        try:
            correction_id = int(request.match_info["id"])
        except ValueError:
            return error(request, 404, "Signalement introuvable.")
        user = request["staff_user"]
        try:
            if decision == "accept":
                hours = report.form_hours(form)  # an hours report's, as accepted
                unreadable = hours and report.problem("hours", form)
                if unreadable:
                    return error(request, 400, unreadable)
                values = {"horaires": hours} if hours else None
                await _run(queue.accept, Session, correction_id, role.scope, note or None, values)
                ctx.cache(Session).forget()  # the next map and search read the new values
            elif decision == "reject":
                if not note:
                    return error(request, 400, "Pour refuser, écrivez pourquoi dans la note.")
                await _run(queue.reject, Session, correction_id, role.scope, note)
            else:
                return error(request, 400, "Accepter ou refuser ?")
        except OutOfScope:
            log.warning("correction %s: %s refused outside their territory", correction_id, user)
            return error(request, 403, "Ce lieu n'est pas dans votre territoire (tentative notée).")
        except CorrectionError as exc:
            return error(request, 409, str(exc))
        log.info("correction %s: %s by %s", correction_id, decision, user)
        target = territory_render.territory_url(service_of(request, form))
        raise web.HTTPSeeOther(f"{target}&fait={decision}#corrections")

    async def export(request: web.Request) -> web.StreamResponse:
        allowed = await coordinator(request)
        if isinstance(allowed, web.Response):
            return allowed
        role, Session = allowed
        fmt = request.match_info["fmt"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"corrections.{fmt}"
            await _run(queue.export_corrected, Session, path, fmt, role.scope)
            body = path.read_bytes()
        return _download(body, fmt, f"corrections-{role.scope.level}-{role.scope.code}.{fmt}")

    async def weekly_export(request: web.Request) -> web.StreamResponse:
        allowed = await coordinator(request)
        if isinstance(allowed, web.Response):
            return allowed
        role, Session = allowed
        referrals = ctx.referrals()
        if referrals is None:
            return error(request, 404, "Les orientations ne sont pas activées sur ce serveur.")
        today = _referrals_today(referrals)
        table, _refusals = await _run(
            referral_outcomes, referrals.engine, Session, role.scope, today
        )
        records = weekly_records(table)
        fmt = request.match_info["fmt"]
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
            text = out.getvalue()
        else:
            text = json.dumps({"seuil": MIN_COUNT, "chiffres": records}, ensure_ascii=False)
        name = f"reponses-par-semaine-{role.scope.level}-{role.scope.code}-{today}.{fmt}"
        return _download(text.encode("utf-8"), fmt, name)

    for method, path, handler in (
        ("GET", "/signaler/{place_id}", report_form),
        ("POST", "/signaler/{place_id}", report_submit),
        ("GET", "/territoire", territory_page),
        ("GET", "/territoire/synthese", summary_page),
        ("POST", "/territoire/corrections/{id}", review),
        ("GET", "/territoire/export.{fmt:(csv|json)}", export),
        ("GET", "/territoire/reponses-par-semaine.{fmt:(csv|json)}", weekly_export),
    ):
        app.router.add_route(method, P + path, guard(handler))


def _referrals_today(referrals: Any) -> date:
    """The referrals' day in Paris (their clock: the tests move it), today without them."""
    now = referrals.clock.now() if referrals else datetime.now(PARIS)
    return now.astimezone(PARIS).date()


async def _none() -> None:
    return None
