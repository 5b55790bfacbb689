"""Settings of the application around Rasa, read from the environment (no secrets in the repo)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8080
    host: str = "127.0.0.1"
    directory_database_url: str | None = None
    data_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "var")
    model_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "models")
    # The Rasa server as the browser reaches it (behind a proxy in production).
    rasa_public_url: str = ""
    # The web page as the browser reaches it (for Rasa's CORS).
    web_public_url: str = ""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        host = env.get("ORIENTEUR_HOST", "").strip() or "127.0.0.1"
        rasa_port = _int(env, "RASA_PORT", 5005)
        web_port = _int(env, "WEB_PORT", 8080)
        browser_host = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::", "localhost") else host
        data_dir = Path(env.get("ORIENTEUR_DATA_DIR", "").strip() or PROJECT_ROOT / "var")
        if not data_dir.is_absolute():
            data_dir = PROJECT_ROOT / data_dir
        model_dir = Path(env.get("ORIENTEUR_MODEL_DIR", "").strip() or PROJECT_ROOT / "models")
        if not model_dir.is_absolute():
            model_dir = PROJECT_ROOT / model_dir
        return cls(
            rasa_port=rasa_port,
            action_port=_int(env, "ACTION_PORT", 5055),
            web_port=web_port,
            host=host,
            directory_database_url=env.get("DIRECTORY_DATABASE_URL") or None,
            data_dir=data_dir,
            model_dir=model_dir,
            rasa_public_url=(
                env.get("RASA_PUBLIC_URL", "").strip().rstrip("/")
                or f"http://{browser_host}:{rasa_port}"
            ),
            web_public_url=(
                env.get("WEB_PUBLIC_URL", "").strip().rstrip("/")
                or f"http://{browser_host}:{web_port}"
            ),
        )

    @property
    def directory_sqlite_path(self) -> Path:
        return self.data_dir / "directory.sqlite3"

    @property
    def action_endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}/webhook"

    @property
    def rasa_connect_sources(self) -> list[str]:
        """The origins the page may connect to: Rasa over HTTP(S) and WebSocket."""
        parts = urlsplit(self.rasa_public_url)
        ws = "wss" if parts.scheme == "https" else "ws"
        origins = [f"{parts.scheme}://{parts.netloc}", f"{ws}://{parts.netloc}"]
        if parts.hostname == "localhost":  # the same server under its other loopback name
            port = f":{parts.port}" if parts.port else ""
            origins += [f"{parts.scheme}://127.0.0.1{port}", f"{ws}://127.0.0.1{port}"]
        return origins

    def content_security_policy(self) -> str:
        connect = " ".join(["'self'", *self.rasa_connect_sources])
        return (
            "default-src 'self'; "
            f"connect-src {connect}; "
            "img-src 'self' data:; "
            "style-src 'self'; "
            "script-src 'self'; "
            "object-src 'none'; "
            "base-uri 'none'; "
            "form-action 'self'; "
            "frame-ancestors 'none'"
        )


# The provider channels' settings read from the environment (docs/channels.md): setting → the
# variables that give it, the documented name first, then an older one still accepted. A value
# written in the channel's block of credentials.yml wins. Nothing has to be written there, so
# no `${VAR}` can stop Rasa when VAR is unset.
CHANNEL_ENV: dict[str, dict[str, tuple[str, ...]]] = {
    "twilio": {
        "account_sid": ("TWILIO_ACCOUNT_SID",),
        "auth_token": ("TWILIO_AUTH_TOKEN",),
        "twilio_number": ("TWILIO_FROM", "TWILIO_NUMBER"),  # the SMS sender
        "whatsapp_number": ("TWILIO_WHATSAPP_NUMBER",),
        "messaging_service_sid": ("TWILIO_MESSAGING_SERVICE_SID",),
        "webhook_url": ("TWILIO_WEBHOOK_URL",),
        "api_base_url": ("TWILIO_BASE_URL",),  # another API server (a local fake)
    },
    "telegram": {
        "access_token": ("TELEGRAM_TOKEN",),
        "verify": ("TELEGRAM_BOT_USERNAME",),
        "webhook_url": ("TELEGRAM_WEBHOOK_URL",),
        "secret_token": ("TELEGRAM_SECRET_TOKEN",),
        "api_base_url": ("TELEGRAM_BASE_URL",),  # another Bot API server (a local fake)
    },
}


def env_value(env: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` set to a non-blank value."""
    for name in names:
        value = (env.get(name) or "").strip()
        if value:
            return value
    return None


def channel_settings(
    channel: str, credentials: Mapping | None, env: Mapping[str, str] | None = None
) -> dict:
    """The channel's block of credentials.yml, completed from the environment: a setting left
    out or blank there takes its variable's value (``CHANNEL_ENV``)."""
    env = os.environ if env is None else env
    merged = dict(credentials or {})
    for key, names in CHANNEL_ENV[channel].items():
        if str(merged.get(key) or "").strip():
            continue
        value = env_value(env, names)
        if value is not None:
            merged[key] = value
    return merged


def get_settings() -> Settings:
    return Settings.from_env()
