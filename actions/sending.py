"""Sending a place's sheet from the chat: by SMS (``bot.staff.sms``, Twilio or disabled) or by
e-mail (``bot.referrals.mail``, when ``SMTP_HOST`` is set), one sending a request, in a thread of
its own (the action runs inside the server's event loop; SMTP blocks) given up after
``SEND_TIMEOUT``. Whatever stops it (the provider refuses, stays silent, the directory no longer
has the place) is one ``SendFailed`` whose message is plain French, safe to show: no number nor
address in it, nor in the log. The number or the address is said back masked.

What is said around a sending is ``actions.keep_asked``'s."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime

from actions.backends import get_directory
from bot.referrals.errors import DeliveryError, ReferralConfigError
from bot.referrals.mail import SmtpMailer
from bot.settings import Settings
from bot.staff.sms import SmsError, SmsSender, sender_from_env
from bot.web.sheet_link import sheet_mail, sheet_url
from directory_client.errors import DirectoryError
from directory_client.hours import PARIS

log = logging.getLogger(__name__)

SEND_TIMEOUT = 20.0  # seconds a provider is given before the person is told it does not answer


class SendFailed(Exception):
    """The SMS or the e-mail did not leave; the message is plain French, with no number nor
    address in it."""


def mailer() -> SmtpMailer | None:
    """The mail server of this process's settings (``SMTP_HOST``), or None."""
    try:
        return SmtpMailer.from_env()
    except ReferralConfigError as exc:
        log.warning("e-mail from the chat: %s", exc)
        return None


def sms_sender() -> SmsSender:
    """The SMS sender of this process's settings (Twilio, or disabled)."""
    return sender_from_env()


def masked(number: str) -> str:
    """The number said back without its middle: "+33612345678" → "06 •• •• •• 78"."""
    national = "0" + number[3:] if number.startswith("+33") else number
    return f"{national[:2]} •• •• •• {national[-2:]}"


def masked_address(address: str) -> str:
    """The address said back without its name: "jp.martin@example.com" → "j•••@example.com"."""
    name, _, domain = address.partition("@")
    return f"{name[:1]}•••@{domain}"


def sms_body(place: dict, bring: list[str]) -> str:
    """The sheet as an SMS (``bot.staff.render.sms_text``), from the place read again."""
    from bot.staff import catalogue, render

    try:
        found = get_directory().get_place(place["id"], datetime.now(PARIS))
    except DirectoryError as exc:
        raise SendFailed("l'annuaire ne répond pas") from exc
    if found is None:
        raise SendFailed("ce lieu n'est plus dans l'annuaire")
    return render.sms_text(found, catalogue.for_bring(bring), from_desk=False)


def send_sms(sender: SmsSender, to: str, body: str) -> None:
    """One SMS; ``SendFailed`` with the provider's reason, or its silence."""
    _deliver(
        lambda: asyncio.run(sender.send(to, body)),
        what="SMS from the chat",
        refused=SmsError,
        reason=_sentence_part,
        silent="le service SMS ne répond pas",
    )


def send_mail(server: SmtpMailer, to: str, places: list[dict], bring: list[str]) -> None:
    """One e-mail of the places' sheets; ``SendFailed`` when the server refuses it or is
    silent, or a place can no longer be read."""
    public = Settings.from_env().web_public_url
    sheets = [(p.get("name") or "Lieu", sms_body(p, bring), sheet_url(public, p["id"], bring))
              for p in places if p.get("id")]  # fmt: skip
    mail = sheet_mail(to, sheets)
    _deliver(
        lambda: server.send(mail, uuid.uuid4().hex),
        what="e-mail from the chat",
        refused=DeliveryError,  # DeliveryRejected too; the reason holds no address
        reason=lambda _exc: "le serveur de courriel ne l'a pas pris",
        silent="le serveur de courriel ne répond pas",
    )


def _deliver(
    job: Callable[[], object],
    what: str,
    refused: type[Exception],
    reason: Callable[[Exception], str],
    silent: str,
) -> None:
    """Run one sending in a thread of its own, waited for ``SEND_TIMEOUT`` at the most: its
    refusal (``refused``) or its silence raised as ``SendFailed`` (``reason``, ``silent``). A
    silent sending is left to end on the provider's own timeout, never waited for: the person
    reads that it does not answer after ``SEND_TIMEOUT``."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        pool.submit(job).result(timeout=SEND_TIMEOUT)
    except refused as exc:
        log.warning("%s not sent: %s", what, exc)
        raise SendFailed(reason(exc)) from exc
    except FutureTimeout as exc:
        log.warning("%s: no answer after %s s", what, SEND_TIMEOUT)
        raise SendFailed(silent) from exc
    finally:
        pool.shutdown(wait=False)  # a ``with`` would wait for the silent sending to end


def _sentence_part(exc: Exception) -> str:
    """A provider's plain French reason, to follow « L'envoi n'a pas abouti : »: "Le service SMS
    a refusé l'envoi." → "le service SMS a refusé l'envoi"."""
    said = str(exc).rstrip(".")
    return said[:1].lower() + said[1:]
