"""Passwords, signed session cookies, CSRF tokens and login rate limiting (standard library)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections import deque
from dataclasses import dataclass

HASH_ALGORITHM = "pbkdf2_sha256"
DEFAULT_ITERATIONS = 600_000  # OWASP 2023 recommendation for PBKDF2-HMAC-SHA256


# --- Passwords -----------------------------------------------------------------------------------
def hash_password(
    password: str, *, iterations: int = DEFAULT_ITERATIONS, salt: bytes | None = None
) -> str:
    """``pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>`` (fits STAFF_USERS)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return "$".join([HASH_ALGORITHM, str(iterations), _b64(salt), _b64(digest)])


def verify_password(password: str, encoded: str) -> bool:
    try:
        algorithm, iterations_text, salt_text, digest_text = encoded.split("$")
        iterations = int(iterations_text)
        salt, expected = _unb64(salt_text), _unb64(digest_text)
    except (ValueError, TypeError):
        return False
    if algorithm != HASH_ALGORITHM or iterations < 1:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)


# A hash to check against when the user does not exist, so that timing does not tell.
_DUMMY_HASHES: dict[int, str] = {}


def dummy_hash(iterations: int) -> str:
    if iterations not in _DUMMY_HASHES:
        _DUMMY_HASHES[iterations] = hash_password(secrets.token_hex(8), iterations=iterations)
    return _DUMMY_HASHES[iterations]


def parse_users(
    staff_users: str = "", password_hash: str = "", default_user: str = "accueil"
) -> dict[str, str]:
    """``STAFF_USERS="alice:<hash>,bob:<hash>"`` and/or ``STAFF_PASSWORD_HASH`` (user "accueil")."""
    users: dict[str, str] = {}
    for item in staff_users.split(","):
        item = item.strip()
        if not item:
            continue
        name, sep, encoded = item.partition(":")
        if not sep or not name.strip() or not encoded.strip():
            raise ValueError("STAFF_USERS must look like 'alice:<hash>,bob:<hash>'")
        users[name.strip()] = encoded.strip()
    if password_hash.strip():
        users.setdefault(default_user, password_hash.strip())
    return users


# --- Signed values (sessions, CSRF) --------------------------------------------------------------
class Signer:
    """HMAC-SHA256 signed, timestamped JSON values for cookies."""

    def __init__(self, secret: str | bytes, purpose: str) -> None:
        key = secret.encode("utf-8") if isinstance(secret, str) else secret
        # One derived key per purpose: a CSRF token can never pass for a session.
        self._key = hmac.new(key, b"orienteur-staff:" + purpose.encode(), hashlib.sha256).digest()

    def _mac(self, payload: bytes) -> str:
        return _b64(hmac.new(self._key, payload, hashlib.sha256).digest())

    def sign(self, data: dict, max_age: int) -> str:
        body = dict(data, exp=int(time.time()) + max_age)
        payload = _b64(json.dumps(body, separators=(",", ":"), sort_keys=True).encode())
        return f"{payload}.{self._mac(payload.encode())}"

    def unsign(self, token: str | None) -> dict | None:
        if not token or token.count(".") != 1:
            return None
        payload, mac = token.split(".")
        if not hmac.compare_digest(mac, self._mac(payload.encode())):
            return None
        try:
            data = json.loads(_unb64(payload))
        except (ValueError, TypeError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("exp"), int):
            return None
        if data["exp"] < time.time():
            return None
        return data


def new_token() -> str:
    return secrets.token_urlsafe(24)


def tokens_equal(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


# --- Rate limiting -------------------------------------------------------------------------------
@dataclass
class RateLimiter:
    """At most ``limit`` failed attempts per key within ``window`` seconds (in memory)."""

    limit: int = 5
    window: float = 300.0

    def __post_init__(self) -> None:
        self._events: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def blocked(self, *keys: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        return any(len(self._recent(k, now)) >= self.limit for k in keys)

    def retry_after(self, *keys: str, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        waits = [
            events[0] + self.window - now
            for k in keys
            if len(events := self._recent(k, now)) >= self.limit
        ]
        return max(1, int(max(waits, default=1)) + 1)

    def hit(self, *keys: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for key in keys:
            self._recent(key, now).append(now)
        if len(self._events) > 10_000:  # forget idle keys
            for key in [k for k, v in self._events.items() if not v]:
                del self._events[key]

    def forget(self, key: str) -> None:
        self._events.pop(key, None)

    def withdraw(self, key: str, at: float) -> None:
        """Remove the attempt recorded at ``at`` (it turned out not to be a failure)."""
        events = self._events.get(key)
        if events is not None and at in events:
            events.remove(at)


# How many failed logins one source may make across all user names, as a multiple of the limit
# per (user, source): enough for a desk where several agents mistype, not for password spraying.
SOURCE_FACTOR = 4


@dataclass
class LoginThrottle:
    """Failed logins limited per (user name, source) and per source, never per user alone.

    A per-user counter let anyone lock an agent out with five wrong passwords; here a stranger's
    failures only block that stranger. ``begin`` checks the limits and counts the attempt *in
    one step* (no ``await`` in between): a burst of simultaneous logins cannot all pass the check
    before the first failure is recorded. A successful login withdraws its attempt and clears
    that (user, source) pair.
    """

    limit: int = 5
    window: float = 300.0

    def __post_init__(self) -> None:
        self.pairs = RateLimiter(self.limit, self.window)
        self.sources = RateLimiter(self.limit * SOURCE_FACTOR, self.window)

    @staticmethod
    def _keys(user: str, source: str) -> tuple[str, str]:
        return f"{source}|{user.lower()}", source

    def begin(self, user: str, source: str, now: float | None = None) -> tuple[float, int]:
        """``(ticket, 0)``: go on, the attempt counts as a failure until ``succeeded(ticket…)``;
        ``(0, seconds)``: refused, retry after that many seconds."""
        now = time.monotonic() if now is None else now
        pair, origin = self._keys(user, source)
        if self.pairs.blocked(pair, now=now) or self.sources.blocked(origin, now=now):
            return 0.0, max(self.pairs.retry_after(pair, now=now),
                            self.sources.retry_after(origin, now=now))  # fmt: skip
        self.pairs.hit(pair, now=now)
        self.sources.hit(origin, now=now)
        return now, 0

    def succeeded(self, user: str, source: str, ticket: float) -> None:
        pair, origin = self._keys(user, source)
        self.pairs.forget(pair)
        self.sources.withdraw(origin, ticket)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
