"""A citizen keeps the answer: the desk's one-page referral sheet for a place the assistant
proposed (to print, or to save as PDF from the browser's print dialog), and the same sheet sent by
SMS (``bot.staff.sms``, when Twilio is configured) or by e-mail (``bot.referrals.mail``, when
``SMTP_HOST`` is set). With no provider, the widget does not offer that way.

No personal data: the sheet names a place and what to bring, never the person. A phone number or
an e-mail address is used for one sending, then dropped: never stored, never logged; the limits
per recipient count a salted hash kept in memory.

    GET  /fiche/options            {"sms": bool, "email": bool}: what the widget may offer
    GET  /f/{token}                a short link sent on a text channel → its sheet
                                   (``bot.web.short_links``)
    GET  /fiche/{place_id}         the sheet (?apporter=…, repeated: what to bring; ?print=1)
    POST /fiche/{place_id}/sms     {"phone": "06…", "apporter": [...]}
    POST /fiche/{place_id}/email   {"email": "…@…", "apporter": [...]}

The place is read again by its id from the directory (``DIRECTORY_BACKEND``: the embedded file or
the remote API); "what to bring" keeps only the items the assistant's catalogue knows.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.referrals.errors import DeliveryError
from bot.referrals.mail import SmtpMailer
from bot.referrals.service import EMAIL
from bot.settings import Settings
from bot.staff import catalogue, render
from bot.staff.security import RateLimiter
from bot.staff.sms import DisabledSender, SmsError, SmsSender, normalise_phone, sender_from_env
from bot.web.sheet_link import PREFIX, sheet_mail, sheet_url
from bot.web.short_links import PREFIX as SHORT_PREFIX
from bot.web.short_links import SheetLinks
from directory_client.errors import DirectoryError
from directory_client.hours import PARIS

log = logging.getLogger(__name__)
SHEET_STATIC = Path(__file__).resolve().parent.parent / "staff" / "static"
STATIC_FILES = ("sheet.css", "sheet.js")
CITIZEN = render.SheetIssuer("l'assistant Orienteur", ("/", "Orienteur"), f"{PREFIX}/static")
UNAVAILABLE = "L'annuaire ne répond pas : réessayez dans un moment."
MAX_BODY = 4096
EXPIRED = (
    "Ce lien a expiré (il vaut 30 jours) : demandez la fiche à nouveau à l'assistant Orienteur."
)


class KeepError(Exception):
    """A sending refused or failed; the message is plain French, safe to show."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Keeper:
    """What the routes need: the directory (opened on first use), the senders, the limits."""

    open_directory: Callable[[], Any]
    sms: SmsSender
    mailer: SmtpMailer | None
    public_url: str
    per_client: RateLimiter = field(default_factory=lambda: RateLimiter(5, 3600.0))
    per_recipient: RateLimiter = field(default_factory=lambda: RateLimiter(3, 86400.0))
    links: SheetLinks = field(default_factory=SheetLinks)
    _directory: Any = None
    _salt: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    @property
    def options(self) -> dict[str, bool]:
        return {"sms": not isinstance(self.sms, DisabledSender), "email": self.mailer is not None}

    async def place(self, place_id: str) -> Any:
        loop = asyncio.get_running_loop()
        if self._directory is None:
            self._directory = await loop.run_in_executor(None, self.open_directory)
        return await loop.run_in_executor(
            None, functools.partial(self._directory.get_place, place_id, datetime.now(PARIS))
        )

    def sheet_url(self, place_id: str, bring: tuple[str, ...]) -> str:
        return sheet_url(self.public_url, place_id, bring)

    def check_limits(self, client: str, recipient: str) -> None:
        hashed = hashlib.sha256(self._salt + recipient.encode()).hexdigest()
        if self.per_client.blocked(client) or self.per_recipient.blocked(hashed):
            raise KeepError(429, "Trop d'envois : réessayez plus tard.")
        self.per_client.hit(client)
        self.per_recipient.hit(hashed)


def keeper_from_env(settings: Settings) -> Keeper:
    from directory_client import Directory
    from directory_client.backends import open_backend

    url = settings.directory_database_url or f"sqlite:///{settings.directory_sqlite_path}"
    return Keeper(
        open_directory=lambda: open_backend(lambda: Directory.open_existing(url)),
        sms=sender_from_env(),
        mailer=SmtpMailer.from_env(),
        public_url=settings.web_public_url,
    )


def _bring(values: Any) -> catalogue.Procedure | None:
    items = [v for v in values if isinstance(v, str)] if isinstance(values, list) else []
    return catalogue.for_bring(items[:20])


def mount_keep(app: web.Application, keeper: Keeper) -> None:
    async def options(_: web.Request) -> web.Response:
        return web.json_response(keeper.options)

    async def static(request: web.Request) -> web.FileResponse:
        name = request.match_info["name"]
        if name not in STATIC_FILES:
            raise web.HTTPNotFound()
        return web.FileResponse(SHEET_STATIC / name)

    async def sheet(request: web.Request) -> web.Response:
        try:
            place = await keeper.place(request.match_info["place_id"])
        except DirectoryError:
            log.warning("sheet: the directory did not answer", exc_info=True)
            return _page(503, UNAVAILABLE)
        if place is None:
            return _page(404, "Ce lieu n'est plus dans l'annuaire.")
        html = render.sheet_page(
            place,
            _bring(request.query.getall("apporter", [])),
            datetime.now(PARIS),
            auto_print=request.query.get("print") == "1",
            issuer=CITIZEN,
        )
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    async def short(request: web.Request) -> web.Response:
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(
                None, keeper.links.resolve, request.match_info["token"]
            )
        except SQLAlchemyError:
            log.warning("sheet: the short links' database did not answer", exc_info=True)
            return _page(503, "Ce lien ne répond pas : réessayez dans un moment.")
        if found is None:
            return _page(404, EXPIRED)
        place_id, bring = found
        return web.Response(status=302, headers={"Location": sheet_url("", place_id, bring)})

    async def send(request: web.Request) -> web.Response:
        way = request.match_info["way"]
        try:
            message = await _send(keeper, request, way)
        except KeepError as exc:
            return web.json_response({"ok": False, "message": str(exc)}, status=exc.status)
        return web.json_response({"ok": True, "message": message})

    app.router.add_get(f"{PREFIX}/options", options)
    app.router.add_get(PREFIX + "/static/{name}", static)
    app.router.add_get(PREFIX + "/{place_id}", sheet)
    app.router.add_post(PREFIX + "/{place_id}/{way:sms|email}", send)
    app.router.add_get(SHORT_PREFIX + "/{token}", short)


async def _send(keeper: Keeper, request: web.Request, way: str) -> str:
    if not keeper.options[way]:
        raise KeepError(404, "Cet envoi n'est pas proposé ici.")
    if (request.content_length or 0) > MAX_BODY:
        raise KeepError(413, "Demande trop longue.")
    try:
        data = await request.json()
    except ValueError as exc:
        raise KeepError(400, "Demande illisible.") from exc
    if not isinstance(data, dict):
        raise KeepError(400, "Demande illisible.")
    raw = str(data.get("phone" if way == "sms" else "email") or "")[:200]
    if way == "sms":
        recipient = normalise_phone(raw)
        if recipient is None:
            raise KeepError(400, "Ce numéro de portable n'est pas valide.")
    else:
        recipient = raw.strip() if EMAIL.fullmatch(raw.strip()) else None
        if recipient is None:
            raise KeepError(400, "Cette adresse e-mail n'est pas valide.")
    try:
        place = await keeper.place(request.match_info["place_id"])
    except DirectoryError as exc:
        raise KeepError(503, UNAVAILABLE) from exc
    if place is None:
        raise KeepError(404, "Ce lieu n'est plus dans l'annuaire.")
    procedure = _bring(data.get("apporter"))
    keeper.check_limits(request.remote or "?", recipient)
    text = render.sms_text(place, procedure, from_desk=False)
    try:
        if way == "sms":
            await keeper.sms.send(recipient, text)
            return "SMS envoyé."
        bring = procedure.documents if procedure else ()
        mail = sheet_mail(recipient, [(place.name, text, keeper.sheet_url(place.id, bring))])
        assert keeper.mailer is not None
        await asyncio.get_running_loop().run_in_executor(
            None, keeper.mailer.send, mail, uuid.uuid4().hex
        )
        return "E-mail envoyé."
    except SmsError as exc:
        raise KeepError(502, str(exc)) from exc
    except DeliveryError as exc:  # DeliveryRejected too
        log.warning("e-mail not sent: %s", exc)
        raise KeepError(502, "L'e-mail n'a pas pu être envoyé.") from exc
    finally:
        del recipient  # used once, never stored nor logged


def _page(status: int, message: str) -> web.Response:
    body = render.layout(
        "Fiche",
        f'<p class="error" role="alert">{render.e(message)}</p>',
        script=None,
        css=("sheet.css",),
        home=CITIZEN.home,
        static=CITIZEN.static,
    )
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")
