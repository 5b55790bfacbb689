"""The console's configuration, from the environment (and the application's Settings if given)."""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.staff.roles import StaffRolesError, TerritoryRole, parse_roles
from bot.staff.security import parse_users

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEV_ENVS = {"dev", "development", "test", "testing"}


class StaffConfigError(RuntimeError):
    pass


@dataclass(frozen=True)
class StaffConfig:
    secret: str
    users: dict[str, str]
    dev: bool = False
    rasa_url: str | None = None
    rasa_timeout: float = 6.0
    directory_url: str | None = None
    counts_path: str = ":memory:"
    cookie_secure: bool = True
    session_max_age: int = 10 * 3600  # a working day
    login_limit: int = 5
    login_window: float = 300.0
    sms_per_hour: int = 60
    trust_proxy: bool = False  # X-Forwarded-For's last hop is the client (behind our proxy only)
    roles: dict[str, TerritoryRole] = field(default_factory=dict)  # STAFF_ROLES, bot/staff/roles.py
    ephemeral_secret: bool = field(default=False, compare=False)

    @classmethod
    def from_env(
        cls, settings: Any = None, env: dict[str, str] | None = None, **overrides: Any
    ) -> StaffConfig:
        env = dict(os.environ if env is None else env)
        mode = (env.get("STAFF_ENV") or env.get("ORIENTEUR_ENV") or "production").strip().lower()
        dev = overrides.pop("dev", None)
        dev = mode in DEV_ENVS if dev is None else dev
        secret = env.get("STAFF_SECRET", "").strip()
        ephemeral = False
        if not secret:
            if not dev:
                raise StaffConfigError(
                    "STAFF_SECRET is required (a long random string, e.g. "
                    "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`); "
                    "set STAFF_ENV=dev to use an ephemeral one on a development machine."
                )
            secret = secrets.token_urlsafe(48)
            ephemeral = True
            log.warning(
                "STAFF_SECRET not set: ephemeral secret (dev only, sessions end on restart)"
            )
        elif len(secret) < 32 and not dev:
            raise StaffConfigError("STAFF_SECRET must be at least 32 characters long")
        users = parse_users(env.get("STAFF_USERS", ""), env.get("STAFF_PASSWORD_HASH", ""))
        if not users:
            log.warning("no STAFF_USERS / STAFF_PASSWORD_HASH: nobody can log in to the console")
        try:
            roles = parse_roles(env.get("STAFF_ROLES", ""), users)
        except StaffRolesError as exc:
            raise StaffConfigError(str(exc)) from exc
        data_dir = getattr(settings, "data_dir", None) or PROJECT_ROOT / "var"
        counts_path = env.get("STAFF_COUNTS_PATH", "").strip() or str(
            Path(data_dir) / "staff-counts.sqlite3"
        )
        directory_url = (
            env.get("DIRECTORY_DATABASE_URL")
            or getattr(settings, "directory_database_url", None)
            or None
        )
        values: dict[str, Any] = {
            "secret": secret,
            "users": users,
            "dev": dev,
            "rasa_url": (env.get("STAFF_RASA_URL", "").strip().rstrip("/") or None),
            "directory_url": directory_url,
            "counts_path": counts_path,
            "cookie_secure": env.get("STAFF_COOKIE_SECURE", "").strip().lower()
            not in ("0", "false", "no")
            if env.get("STAFF_COOKIE_SECURE")
            else not dev,
            "trust_proxy": env.get("STAFF_TRUST_PROXY", "").strip().lower() in ("1", "true", "yes"),
            "roles": roles,
            "ephemeral_secret": ephemeral,
        }
        values.update(overrides)
        return cls(**values)
