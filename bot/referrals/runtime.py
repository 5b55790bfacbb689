"""Referrals in the running web server: the service from the environment, the answer pages, and
the queue's worker as a background task of the same process.

Off unless ``ORIENTEUR_SECRET_KEY`` is set (the links' HMAC key, ≥ 32 characters). E-mail needs
``SMTP_HOST`` and ``SMTP_FROM`` (without them places get printed referrals), SMS the console's
Twilio settings. Links point to ``WEB_PUBLIC_URL``. ``REFERRALS_QUEUE=redis`` runs the queue
through Redis (bot/referrals/redis_queue.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.referrals.clock import SystemClock
from bot.referrals.errors import ReferralConfigError
from bot.referrals.links import SECRET_ENV, LinkSigner
from bot.referrals.mail import SmtpMailer
from bot.referrals.models import open_engine, parse_desks
from bot.referrals.redis_queue import redis_url_from_env
from bot.referrals.service import ReferralService
from bot.referrals.web import mount_referral_pages
from bot.staff.sms import sender_from_env

log = logging.getLogger(__name__)
WORKER_TASK: web.AppKey[asyncio.Task] = web.AppKey("referral_worker", asyncio.Task)


def service_from_env(
    open_directory: Callable[[], Any], public_url: str, env: dict[str, str] | None = None
) -> ReferralService | None:
    env = dict(os.environ if env is None else env)
    if not env.get(SECRET_ENV, "").strip():
        log.info("referrals off: %s is not set", SECRET_ENV)
        return None
    return ReferralService(
        open_engine(env.get("REFERRALS_DATABASE_URL") or None),
        clock=SystemClock(),
        signer=LinkSigner.from_env(env),
        public_url=public_url,
        directory=open_directory(),
        mailer=SmtpMailer.from_env(env),
        sms=sender_from_env(env),
        redis_url=redis_url_from_env(env),
        desks=parse_desks(env.get("REFERRALS_DESKS", "")),
    )


def serve_referrals(app: web.Application, service: ReferralService, *, worker: bool = True) -> None:
    """Mount the answer pages on ``app``; run the queue's worker while the app runs."""
    mount_referral_pages(app, service)
    if not worker:
        return
    stop = asyncio.Event()

    async def start(_: web.Application) -> None:
        app[WORKER_TASK] = asyncio.get_running_loop().create_task(
            service.worker().run_forever(stop)
        )

    async def finish(_: web.Application) -> None:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await app[WORKER_TASK]

    app.on_startup.append(start)
    app.on_cleanup.append(finish)


def referrals_or_none(open_directory: Callable[[], Any], public_url: str) -> ReferralService | None:
    """The service, or None with the reason logged when a setting is wrong."""
    try:
        return service_from_env(open_directory, public_url)
    except ReferralConfigError as exc:
        log.warning("Orientations désactivées : %s", exc)
        return None
