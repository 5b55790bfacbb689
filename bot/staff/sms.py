"""Sending the referral by SMS through a pluggable sender.

The phone number is used for one request and never stored nor logged (not even masked).
``TwilioSender`` speaks Twilio's REST API (``POST /2010-04-01/Accounts/{sid}/Messages.json``);
``TWILIO_BASE_URL`` points it to a fake server in tests.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from dataclasses import dataclass
from typing import Protocol

import aiohttp

from bot.settings import CHANNEL_ENV, env_value

log = logging.getLogger(__name__)
MAX_SMS_CHARS = 612  # 4 concatenated GSM segments


class SmsError(Exception):
    """Sending failed; the message is plain French, safe to show (no number in it)."""


class SmsSender(Protocol):
    name: str

    async def send(self, to: str, body: str) -> str: ...  # returns a provider reference


def normalise_phone(raw: str) -> str | None:
    """French mobile or any E.164 number → ``+33612345678``; None when it is not a phone number."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if re.fullmatch(r"0[1-9]\d{8}", digits):
        digits = "+33" + digits[1:]
    if re.fullmatch(r"\+[1-9]\d{7,14}", digits):
        return digits
    return None


@dataclass
class TwilioSender:
    account_sid: str
    auth_token: str
    from_number: str
    base_url: str = "https://api.twilio.com"
    timeout: float = 10.0
    name: str = "twilio"

    async def send(self, to: str, body: str) -> str:
        url = f"{self.base_url.rstrip('/')}/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        data = {"To": to, "From": self.from_number, "Body": body[:MAX_SMS_CHARS]}
        auth = aiohttp.BasicAuth(self.account_sid, self.auth_token)
        try:
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as s,
                s.post(url, data=data, auth=auth) as response,
            ):
                payload = await response.json(content_type=None)
                if response.status >= 400:
                    log.warning("SMS provider refused the message (HTTP %s)", response.status)
                    raise SmsError("Le service SMS a refusé l'envoi.")
                return str((payload or {}).get("sid", ""))
        # asyncio.TimeoutError: aiohttp's total timeout (not the builtin TimeoutError before 3.11)
        except (aiohttp.ClientError, asyncio.TimeoutError, TimeoutError, ValueError) as exc:
            log.warning("SMS provider unreachable: %s", type(exc).__name__)
            raise SmsError("Le service SMS ne répond pas.") from exc


@dataclass
class DisabledSender:
    name: str = "disabled"
    reason: str = "L'envoi de SMS n'est pas configuré sur ce poste."

    async def send(self, to: str, body: str) -> str:
        raise SmsError(self.reason)


def unavailable_reason(sender: SmsSender) -> str | None:
    """Why SMS cannot be sent from this console (None when it can): said before anyone types."""
    return sender.reason if isinstance(sender, DisabledSender) else None


def sender_from_env(env: dict[str, str] | None = None) -> SmsSender:
    env = dict(os.environ if env is None else env)
    twilio = {key: env_value(env, names) for key, names in CHANNEL_ENV["twilio"].items()}
    sid, token, sender = twilio["account_sid"], twilio["auth_token"], twilio["twilio_number"]
    if sid and token and sender:
        return TwilioSender(
            sid, token, sender, base_url=twilio["api_base_url"] or "https://api.twilio.com"
        )
    return DisabledSender()
