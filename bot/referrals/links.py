"""Signed, expiring, single-use links for the place's answer (and the person's follow-up).

A token is ``<referral id>.<nonce>.<expiry>.<purpose>`` in base64url, then a dot and its
HMAC-SHA256 under ``ORIENTEUR_SECRET_KEY``. The signature makes it unforgeable; the expiry is
inside what is signed; the nonce is also stored with the referral and cleared once the answer is
recorded, so a link cannot be used twice (checked by the service, which owns the referral).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from bot.referrals.errors import LinkExpired, LinkInvalid, ReferralConfigError

SECRET_ENV = "ORIENTEUR_SECRET_KEY"
MIN_SECRET_CHARS = 32


@dataclass(frozen=True)
class LinkClaims:
    referral_id: str
    nonce: str
    expires: datetime
    purpose: str  # "answer" (the place) | "followup" (the person)


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


class LinkSigner:
    def __init__(self, secret: str) -> None:
        if len(secret or "") < MIN_SECRET_CHARS:
            raise ReferralConfigError(
                f"{SECRET_ENV} must be at least {MIN_SECRET_CHARS} characters long "
                "(python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        self._key = hashlib.sha256(b"orienteur-referral-link\0" + secret.encode()).digest()

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> LinkSigner:
        env = dict(os.environ if env is None else env)
        secret = env.get(SECRET_ENV, "").strip()
        if not secret:
            raise ReferralConfigError(f"{SECRET_ENV} is not set: referrals are off")
        return cls(secret)

    def sign(self, referral_id: str, nonce: str, expires: datetime, purpose: str) -> str:
        body = f"{referral_id}.{nonce}.{int(expires.timestamp())}.{purpose}"
        encoded = _b64(body.encode())
        return f"{encoded}.{_b64(self._mac(encoded))}"

    def verify(self, token: str, now: datetime) -> LinkClaims:
        encoded, _, signature = (token or "").partition(".")
        try:
            given = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
            body = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
        except (ValueError, UnicodeDecodeError) as exc:
            raise LinkInvalid("Ce lien n'est pas valide.") from exc
        if not hmac.compare_digest(given, self._mac(encoded)):
            raise LinkInvalid("Ce lien n'est pas valide.")
        parts = body.split(".")
        if len(parts) != 4 or not parts[2].isdigit():
            raise LinkInvalid("Ce lien n'est pas valide.")
        referral_id, nonce, expiry, purpose = parts
        expires = datetime.fromtimestamp(int(expiry), timezone.utc)
        if now >= expires:
            raise LinkExpired("Ce lien a expiré.", referral_id)
        return LinkClaims(referral_id, nonce, expires, purpose)

    def _mac(self, encoded: str) -> bytes:
        return hmac.new(self._key, encoded.encode(), hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
