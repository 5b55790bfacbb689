"""The reception-desk console: ``create_staff_app(settings)`` → an aiohttp application.

Mount it in the public web server with ``app.add_subapp("/staff/", create_staff_app(settings))``
or run it alone with ``python -m bot.staff``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.referrals.console import mount_referral_console
from bot.referrals.service import ReferralService
from bot.staff import render
from bot.staff.assistant import ask_assistant
from bot.staff.catalogue import by_key
from bot.staff.config import StaffConfig
from bot.staff.counts import DailyCounts
from bot.staff.pages import run_blocking as _run
from bot.staff.provenance import for_places
from bot.staff.security import (
    LoginThrottle,
    RateLimiter,
    Signer,
    dummy_hash,
    new_token,
    tokens_equal,
    verify_password,
)
from bot.staff.sms import (
    SmsError,
    SmsSender,
    normalise_phone,
    sender_from_env,
    unavailable_reason,
)
from bot.staff.territory import TerritoryContext, mount_territory_console
from bot.staff.triage import PARIS, TriageOutcome, triage
from directory_client.demand import DemandLog
from directory_client.errors import DirectoryError
from directory_client.types import SearchResult

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"
UNAVAILABLE = "L'annuaire est indisponible : réessayez."
SESSION_COOKIE = "staff_session"
CSRF_COOKIE = "staff_csrf"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}
STATIC_FILES = {"console.js", "sheet.js", "staff.css", "sheet.css", "territory.css"}


class _State:
    def __init__(
        self, config: StaffConfig, directory: Any, locator: Any, sms: SmsSender, counts: DailyCounts
    ) -> None:
        self.config = config
        self._directory = directory
        self._locator = locator
        self.sms = sms
        self.counts = counts
        self.sessions = Signer(config.secret, "session")
        self.csrf = Signer(config.secret, "csrf")
        self.logins = LoginThrottle(config.login_limit, config.login_window)
        self.sms_limiter = RateLimiter(config.sms_per_hour, 3600.0)  # per agent: cost, abuse
        self._lock = asyncio.Lock()
        self.warm_up_task: asyncio.Task | None = None
        self.referrals: ReferralService | None = None

    async def directory_and_locator(self) -> tuple[Any, Any]:
        if self._directory is None or self._locator is None:
            async with self._lock:
                if self._directory is None or self._locator is None:
                    self._directory, self._locator = await _run(self._open_directory)
        return self._directory, self._locator

    def _open_directory(self) -> tuple[Any, Any]:
        from directory_client import Locator
        from directory_client.backends import open_backend

        directory = self._directory or open_backend(self._open_local_directory)
        return directory, self._locator or Locator(directory=directory)

    def _open_local_directory(self) -> Any:
        from directory_client import Directory

        directory = Directory(self.config.directory_url)
        if directory.is_empty():
            log.info("empty directory: importing the embedded open data")
            directory.import_default()
        return directory


async def _first(pair: Any) -> Any:
    return (await pair)[0]


def _state(request: web.Request) -> _State:
    return request["staff_state"]


# --- Guard: security headers, CSRF, login (per route: no sub-application, no middleware) ----------
# Sub-applications are avoided on purpose: with aiohttp 3.9 and recent yarl, resolving a prefixed
# sub-application reads ``request.url``, which fails when the Host header carries a port.
def _apply_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)  # a page may set a stricter policy itself
    if not request.path.startswith(f"{render.P}/static/"):
        response.headers["Cache-Control"] = "no-store"


def _guard(state: _State, handler, *, public: bool = False):  # noqa: ANN001, ANN202
    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        request["staff_state"] = state
        try:
            response = await _checked(request, handler, public)
        except web.HTTPException as exc:
            _apply_headers(request, exc)
            raise
        _apply_headers(request, response)
        return response

    return wrapped


async def _checked(request: web.Request, handler, public: bool) -> web.StreamResponse:  # noqa: ANN001
    state = _state(request)
    user = None
    data = state.sessions.unsign(request.cookies.get(SESSION_COOKIE))
    if data and data.get("u") in state.config.users:
        user = data["u"]
    request["staff_user"] = user
    request["staff_session_nonce"] = data.get("n") if user else None
    if request.method == "POST":
        form = await request.post()
        sent = form.get("csrf") or request.headers.get("X-CSRF-Token")
        cookie = request.cookies.get(CSRF_COOKIE)
        if not (tokens_equal(str(sent or ""), cookie) and _csrf_valid(request, cookie)):
            return _error(request, 403, "Jeton de sécurité invalide : rechargez la page.")
    if user is None and not public:
        if request.method == "GET" and "json" not in request.headers.get("Accept", ""):
            raise web.HTTPSeeOther(f"{render.P}/login")
        return _error(request, 401, "Connexion requise.")
    response = await handler(request)
    _ensure_csrf_cookie(request, response)
    return response


def _wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _error(request: web.Request, status: int, message: str) -> web.Response:
    if _wants_json(request):
        return web.json_response({"error": message}, status=status)
    body = render.layout(
        "Erreur",
        f'<p class="error" role="alert">{render.e(message)}</p>'
        f'<p><a href="{render.P}/">Retour à la console</a></p>',
        script=None,
    )
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


def _csrf_valid(request: web.Request, cookie: str | None) -> bool:
    """Signed by us and bound to this session (anonymous pages: to no session)."""
    data = _state(request).csrf.unsign(cookie)
    return data is not None and data.get("s") == request.get("staff_session_nonce")


def _csrf_token(request: web.Request) -> str:
    """The double-submit token: a signed random value bound to the session (``s``: the session's
    nonce), the same in the cookie and in the forms. Another session's token is refused."""
    if "staff_csrf" not in request:
        cookie = request.cookies.get(CSRF_COOKIE)
        if not _csrf_valid(request, cookie):
            cookie = _new_csrf(request, request.get("staff_session_nonce"))
            request["staff_csrf_new"] = True
        request["staff_csrf"] = cookie
    return request["staff_csrf"]


def _new_csrf(request: web.Request, session_nonce: str | None) -> str:
    return _state(request).csrf.sign({"t": new_token(), "s": session_nonce}, max_age=24 * 3600)


def _ensure_csrf_cookie(request: web.Request, response: web.StreamResponse) -> None:
    if request.get("staff_csrf_new"):
        response.set_cookie(
            CSRF_COOKIE, request["staff_csrf"], **_cookie_options(request, 24 * 3600)
        )


def _cookie_options(request: web.Request, max_age: int) -> dict:
    return {
        "max_age": max_age,
        "path": render.P,
        "httponly": True,
        "samesite": "Strict",
        "secure": _state(request).config.cookie_secure,
    }


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


# --- Login ---------------------------------------------------------------------------------------
async def login_form(request: web.Request) -> web.Response:
    if request["staff_user"]:
        raise web.HTTPSeeOther(f"{render.P}/")
    response = _html(render.login_page(_csrf_token(request)))
    _ensure_csrf_cookie(request, response)
    return response


async def login_submit(request: web.Request) -> web.StreamResponse:
    state = _state(request)
    form = await request.post()
    username = str(form.get("username", "")).strip()[:64]
    password = str(form.get("password", ""))[:1024]
    source = _client_ip(request)
    ticket, retry = state.logins.begin(username, source)  # checked and counted in one step
    if retry:
        response = _html(
            render.login_page(
                _csrf_token(request), "Trop de tentatives : réessayez dans quelques minutes."
            ),
            429,
        )
        response.headers["Retry-After"] = str(retry)
        return response
    encoded = state.config.users.get(username)
    iterations = (
        int(encoded.split("$")[1])
        if encoded and encoded.count("$") == 3 and encoded.split("$")[1].isdigit()
        else 600_000
    )
    ok = await _run(verify_password, password, encoded or dummy_hash(iterations))
    if not (encoded and ok):
        log.info("staff login failed")
        return _html(
            render.login_page(
                _csrf_token(request), "Identifiant ou mot de passe incorrect.", username
            ),
            401,
        )
    state.logins.succeeded(username, source, ticket)
    response = web.HTTPSeeOther(f"{render.P}/")
    nonce = new_token()
    token = state.sessions.sign({"u": username, "n": nonce}, state.config.session_max_age)
    response.set_cookie(
        SESSION_COOKIE, token, **_cookie_options(request, state.config.session_max_age)
    )
    # A fresh CSRF token after login, bound to the new session (no fixation, no reuse).
    response.set_cookie(
        CSRF_COOKIE, _new_csrf(request, nonce), **_cookie_options(request, 24 * 3600)
    )
    raise response


def _client_ip(request: web.Request) -> str:
    """The peer; behind our own reverse proxy (STAFF_TRUST_PROXY=1), the address it appended."""
    if _state(request).config.trust_proxy:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()[:64]
    return request.remote or "?"


async def logout(request: web.Request) -> web.StreamResponse:
    response = web.HTTPSeeOther(f"{render.P}/login")
    response.del_cookie(SESSION_COOKIE, path=render.P)
    raise response


# --- Console -------------------------------------------------------------------------------------
async def console(request: web.Request) -> web.Response:
    state = _state(request)
    return _html(
        render.console_page(
            csrf=_csrf_token(request),
            user=request["staff_user"],
            counts=state.counts.for_day(),
            refer=state.referrals is not None,
            territory=request["staff_user"] in state.config.roles,
        )
    )


def _with_distance(place: SearchResult | None, item: dict) -> SearchResult | None:
    """A place the assistant gave, with the distance it measured from the person's town (a
    place read by its id has none): the card then says it as the chat does."""
    km = item.get("distance_km")
    if place is None or place.distance_km is not None or not isinstance(km, int | float):
        return place
    return dataclasses.replace(place, distance_km=float(km))


async def run_triage(state: _State, text: str, where: str | None = None) -> TriageOutcome:
    directory, locator = await state.directory_and_locator()
    direct = _run(triage, text, directory, locator, where=where)
    if not state.config.rasa_url:
        return await direct
    outcome, reply = await asyncio.gather(
        direct, ask_assistant(state.config.rasa_url, text, state.config.rasa_timeout)
    )
    if reply is None:
        outcome.notes.append("Assistant injoignable : orientation directe.")
        return outcome
    if reply.results:
        places = [_with_distance(await _run(directory.get_place, item["id"]), item)
                  for item in reply.results[:3]]  # fmt: skip
        places = [p for p in places if p is not None]
        if places:
            outcome.results = places
            outcome.source = "assistant"
    return outcome


async def console_submit(request: web.Request) -> web.Response:
    state = _state(request)
    form = await request.post()
    text = " ".join(str(form.get("q", "")).split())[:300]
    where = " ".join(str(form.get("where", "")).split())[:80] or None
    if not text:
        raise web.HTTPSeeOther(f"{render.P}/")
    def page(**what: Any) -> str:
        return render.console_page(
            csrf=_csrf_token(request), user=request["staff_user"],
            counts=state.counts.for_day(), text=text, **what,
        )  # fmt: skip

    try:
        outcome = await run_triage(state, text, where)
    except Exception:  # noqa: BLE001 - the desk must get an answer, never a stack trace
        log.exception("triage failed")
        return _html(page(flash=UNAVAILABLE), 503)
    if outcome.results:
        state.counts.add(outcome.situation.needs[0], outcome.departement)
    directory, _ = await state.directory_and_locator()
    corrected = await _run(for_places, directory, [r.id for r in outcome.results])
    return _html(
        page(
            outcome=outcome,
            sms_off=unavailable_reason(state.sms),
            refer=state.referrals is not None,
            territory=request["staff_user"] in state.config.roles,
            corrected=corrected,
        )
    )


async def today(request: web.Request) -> web.Response:
    return web.json_response(_state(request).counts.for_day())


async def sheet(request: web.Request) -> web.Response:
    state = _state(request)
    directory, _ = await state.directory_and_locator()
    try:
        place = await _run(directory.get_place, request.match_info["place_id"])
    except DirectoryError:  # a remote directory that does not answer
        log.warning("place not read", exc_info=True)
        return _error(request, 503, UNAVAILABLE)
    if place is None:
        return _error(request, 404, "Lieu introuvable.")
    procedure = by_key(request.query.get("p"))
    return _html(
        render.sheet_page(
            place, procedure, datetime.now(PARIS), auto_print=request.query.get("print") == "1"
        )
    )


async def send_sms(request: web.Request) -> web.Response:
    state = _state(request)
    form = await request.post()
    phone = normalise_phone(str(form.get("phone", "")))
    if phone is None:
        return _sms_answer(request, 400, "Numéro de portable invalide.")
    directory, _ = await state.directory_and_locator()
    try:
        place = await _run(directory.get_place, str(form.get("place", "")))
    except DirectoryError:
        log.warning("place not read", exc_info=True)
        return _sms_answer(request, 503, UNAVAILABLE)
    if place is None:
        return _sms_answer(request, 404, "Lieu introuvable.")
    body = render.sms_text(place, by_key(str(form.get("p", "")) or None))
    sender_key = f"sms:{request['staff_user']}"
    if state.sms_limiter.blocked(sender_key):
        return _sms_answer(request, 429, "Trop de SMS envoyés : réessayez plus tard.")
    state.sms_limiter.hit(sender_key)
    try:
        await state.sms.send(phone, body)
    except SmsError as exc:
        return _sms_answer(request, 502, str(exc))
    finally:
        del phone  # used once, never stored nor logged
    return _sms_answer(request, 200, "SMS envoyé.")


def _sms_answer(request: web.Request, status: int, message: str) -> web.Response:
    if _wants_json(request):
        return web.json_response({"ok": status == 200, "message": message}, status=status)
    body = (
        f'<p class="flash" role="status">{render.e(message)}</p>'
        f'<p><a href="{render.P}/">Retour à la console</a></p>'
    )
    return _html(
        render.layout("SMS", body, csrf=_csrf_token(request), user=request["staff_user"]), status
    )


async def static_file(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    response = web.FileResponse(STATIC_DIR / name)
    response.headers["Cache-Control"] = "no-cache"
    return response


# --- Factory -------------------------------------------------------------------------------------
def mount_staff(
    app: web.Application,
    settings: Any = None,
    *,
    config: StaffConfig | None = None,
    directory: Any = None,
    locator: Any = None,
    sms_sender: SmsSender | None = None,
    counts: DailyCounts | None = None,
    warm_up_on_start: bool = True,
    referrals: ReferralService | None = None,
    demand: DemandLog | None = None,
) -> web.Application:
    """Add the console's routes under ``/staff/`` to ``app`` (the public web server)."""
    config = config or StaffConfig.from_env(settings)
    state = _State(
        config,
        directory,
        locator,
        sms_sender or sender_from_env(),
        counts or DailyCounts(config.counts_path),
    )
    p = render.P
    routes = [
        ("GET", "/login", login_form, True),
        ("POST", "/login", login_submit, True),
        ("POST", "/logout", logout, False),
        ("GET", "/", console, False),
        ("POST", "/", console_submit, False),
        ("GET", "/today", today, False),
        ("GET", "/sheet/{place_id}", sheet, False),
        ("POST", "/sms", send_sms, False),
        ("GET", "/static/{name}", static_file, True),
    ]
    for method, path, handler, public in routes:
        guarded = _guard(state, handler, public=public)
        if method == "GET":
            app.router.add_get(p + path, guarded)  # and HEAD
        else:
            app.router.add_route(method, p + path, guarded)
    territory = TerritoryContext(  # "Signaler un problème" on each card, "Territoire"
        directory=lambda: _first(state.directory_and_locator()),
        roles=config.roles,
        demand=demand,
        referrals=lambda: state.referrals,
    )
    mount_territory_console(
        app, territory, guard=functools.partial(_guard, state), csrf=_csrf_token
    )
    if referrals is not None:  # "Orienter" on each place card, "Mes orientations"
        state.referrals = referrals
        mount_referral_console(
            app, referrals, guard=functools.partial(_guard, state), csrf=_csrf_token
        )

    async def warm_up(_: web.Application) -> None:
        # Open (and if empty, fill) the directory in the background: the first triage is fast.
        async def open_directory() -> None:
            try:
                await state.directory_and_locator()
            except Exception:  # noqa: BLE001 - reported on the first triage instead
                log.exception("staff console: directory not available yet")

        state.warm_up_task = asyncio.get_running_loop().create_task(open_directory())

    if warm_up_on_start:
        app.on_startup.append(warm_up)

    async def no_slash(_: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"{p}/")

    app.router.add_get(p, no_slash)
    return app


def create_staff_app(settings: Any = None, **kwargs: Any) -> web.Application:
    """The console as its own aiohttp application, routes under ``/staff/``.

    For ``python -m bot.staff`` and the tests; the public web server calls ``mount_staff``."""
    app = web.Application(client_max_size=64 * 1024)
    mount_staff(app, settings, **kwargs)

    async def to_console(_: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"{render.P}/")

    app.router.add_get("/", to_console)
    return app
