"""A tiny aiohttp server for the demo page and the widget (static files + security headers)."""

from __future__ import annotations

import argparse
import html
import logging
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.settings import Settings
from bot.web.keep import keeper_from_env, mount_keep

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"

SERVER_NAME = "Orienteur"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
}


def render_index(settings: Settings) -> str:
    page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    return page.replace("{{RASA_URL}}", html.escape(settings.rasa_public_url, quote=True)).replace(
        "{{WEB_URL}}", html.escape(settings.web_public_url, quote=True)
    )


def create_app(settings: Settings, *, staff: bool = True, keeper: Any = None) -> web.Application:
    """``keeper``: the citizen's referral sheet and its sending (``bot.web.keep``; default: from
    the environment)."""
    csp = settings.content_security_policy()
    index = render_index(settings)

    @web.middleware
    async def headers(request: web.Request, handler):  # type: ignore[no-untyped-def]
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            response = exc
        response.headers.setdefault("Content-Security-Policy", csp)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault("Cache-Control", "no-cache")
        if isinstance(response, web.HTTPException) and response.status >= 400:
            raise response
        return response

    async def index_page(_: web.Request) -> web.Response:
        return web.Response(text=index, content_type="text/html", charset="utf-8")

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "rasa": settings.rasa_public_url})

    async def no_version_banner(_: web.Request, response: web.StreamResponse) -> None:
        # aiohttp would say "Python/3.10 aiohttp/3.9.5": which advisories to try (every response,
        # errors included).
        response.headers["Server"] = SERVER_NAME

    app = web.Application(middlewares=[headers])
    app.on_response_prepare.append(no_version_banner)
    app.router.add_get("/", index_page)
    app.router.add_get("/health", health)
    app.router.add_static("/static", STATIC_DIR, show_index=False, follow_symlinks=False)
    mount_keep(app, keeper or keeper_from_env(settings))
    referrals = _referrals(app, settings)
    if staff:
        _mount_staff_console(app, settings, referrals)
    return app


def _referrals(app: web.Application, settings: Settings):  # noqa: ANN202
    """The answer pages and the referral worker, when ORIENTEUR_SECRET_KEY is set."""
    from bot.referrals.runtime import referrals_or_none, serve_referrals
    from directory_client import Directory

    url = settings.directory_database_url or f"sqlite:///{settings.directory_sqlite_path}"
    service = referrals_or_none(lambda: Directory(url), settings.web_public_url)
    if service is not None:
        serve_referrals(app, service)
    return service


def _mount_staff_console(app: web.Application, settings: Settings, referrals) -> None:  # noqa: ANN001
    from bot.staff.app import mount_staff
    from bot.staff.config import StaffConfigError

    try:
        mount_staff(app, settings, referrals=referrals)
    except StaffConfigError as exc:
        log.warning("Console d'accueil désactivée : %s", exc)


def main(argv: list[str] | None = None) -> None:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m bot.web", description=__doc__)
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.web_port)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    web.run_app(create_app(settings), host=args.host, port=args.port, print=None)
