"""`python -m bot run`: train if needed, load the directory, start every process, stop them all.

Each child runs in its own process group, so stopping it also stops what it started (Sanic
workers, …). The runner stays in the foreground; Ctrl-C, SIGTERM or the death of any child stops
all of them.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.action_server import TOKEN_ENV, TOKEN_HEADER
from bot.channels.inbound import SESSION_SECRET_ENV, STAFF_TOKEN_ENV
from bot.settings import CHANNEL_ENV, PROJECT_ROOT, Settings, env_value

PY = sys.executable
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def log(message: str) -> None:
    print(f"[orienteur] {message}", flush=True)


# Largest HTTP request body Rasa's Sanic server accepts (413 beyond): a real message is a few
# hundred bytes, a Telegram update at most ~16 KB. Without it a 1 MB message reaches the NLU,
# whose transformer needs memory in the square of the length (OOM, then a silent answer).
# For Rasa only: the action server (also Sanic) receives whole trackers, much larger.
REQUEST_MAX_SIZE = 32 * 1024


def rasa_env() -> dict[str, str]:
    """What only the Rasa process gets on top of child_env (SANIC_REQUEST_MAX_SIZE wins)."""
    return {"SANIC_REQUEST_MAX_SIZE": os.environ.get("SANIC_REQUEST_MAX_SIZE")
            or str(REQUEST_MAX_SIZE)}  # fmt: skip


class ConfigurationError(SystemExit):
    """A setting that would open the assistant more than intended: refuse to start."""


def rasa_api_args(environ: dict[str, str] | None = None) -> list[str]:
    """Rasa's HTTP API (``/conversations``, ``/model``…) stays closed unless RASA_ENABLE_API is
    set, and then only with a token (RASA_AUTH_TOKEN) or a JWT secret (RASA_JWT_SECRET)."""
    env = os.environ if environ is None else environ
    if str(env.get("RASA_ENABLE_API", "")).strip().lower() not in ("1", "true", "yes", "on"):
        return []
    token = (env.get("RASA_AUTH_TOKEN") or "").strip()
    jwt = (env.get("RASA_JWT_SECRET") or "").strip()
    if not token and not jwt:
        raise ConfigurationError(
            "RASA_ENABLE_API est demandé sans RASA_AUTH_TOKEN ni RASA_JWT_SECRET : "
            "l'API de Rasa ne s'ouvre jamais sans authentification."
        )
    if token and len(token) < 16:
        raise ConfigurationError("RASA_AUTH_TOKEN doit faire au moins 16 caractères.")
    args = ["--enable-api"]
    if token:
        args += ["--auth-token", token]
    if jwt:
        args += ["--jwt-secret", jwt, "--jwt-method", env.get("RASA_JWT_METHOD") or "HS256"]
    return args


def child_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env["PYTHONUNBUFFERED"] = "1"
    # `rasa run` must import bot.channels and actions from this checkout.
    path = [str(PROJECT_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
    env["ORIENTEUR_DATA_DIR"] = str(settings.data_dir)
    env.setdefault("ORIENTEUR_FORGET_LOG", str(settings.data_dir / "forget-requests.jsonl"))
    # Shared secrets between the children, a random one per run unless the deployment sets its
    # own: Rasa → action server (bot/action_server.py), staff console → Rasa
    # (bot/channels/inbound.py).
    for name in (TOKEN_ENV, STAFF_TOKEN_ENV):
        if not (env.get(name) or "").strip():
            env[name] = secrets.token_urlsafe(32)
    # The key that signs widget session ids, kept in the data directory so that a restart does
    # not end the conversations (bot/channels/socketio.py).
    if not (env.get(SESSION_SECRET_ENV) or "").strip():
        env[SESSION_SECRET_ENV] = _stored_secret(settings.data_dir / "session.key")
    if not env.get("STAFF_SECRET") and settings.host in LOOPBACK:
        # A console on this machine only: an ephemeral signing secret, cookies over plain http.
        env.setdefault("STAFF_ENV", "dev")
    return env


def _stored_secret(path: Path) -> str:
    """The secret kept in ``path`` (readable by this user only), created on first use."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(secret)
    return secret


def _project_yaml(name: str) -> dict:
    source = PROJECT_ROOT / name
    return (yaml.safe_load(source.read_text(encoding="utf-8")) if source.exists() else None) or {}


def _write_runtime_yaml(settings: Settings, name: str, config: dict, origin: str) -> Path:
    target = settings.data_dir / "run" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"# Generated by `python -m bot run` {origin}: do not edit.\n"
        + yaml.safe_dump(config, sort_keys=False),
        encoding="utf-8",
    )
    return target


def tracker_sqlite_path(settings: Settings) -> Path:
    return settings.data_dir / "tracker.sqlite3"


def write_runtime_endpoints(settings: Settings) -> Path:
    """endpoints.yml with the action server URL taken from ACTION_PORT and its token header
    (a ``${VAR}`` reference that Rasa expands: the token is never written to disk), and the
    embedded SQLite tracker store in the data directory."""
    config = _project_yaml("endpoints.yml")
    wrapped = (config.get("tracker_store") or {}).get("wrapped") or {}
    if str(wrapped.get("dialect", "")).lower() == "sqlite":
        wrapped["db"] = str(tracker_sqlite_path(settings))
    config["action_endpoint"] = {"url": settings.action_endpoint_url,
                                 "headers": {TOKEN_HEADER: f"${{{TOKEN_ENV}}}"}}  # fmt: skip
    return _write_runtime_yaml(settings, "endpoints.yml", config, "from endpoints.yml")


# Channels that need a provider account: added to the runtime credentials when their account is
# set in the environment. The block stays empty: the channel reads its settings from the
# environment itself (bot.settings.CHANNEL_ENV), so no secret is written to disk and no unset
# variable can stop Rasa.
OPTIONAL_CHANNELS: dict[str, tuple[str, str]] = {  # class → (CHANNEL_ENV key, its account)
    "bot.channels.sms.SmsInput": ("twilio", "account_sid"),
    "bot.channels.telegram.TelegramChannelInput": ("telegram", "access_token"),
}


def write_runtime_credentials(settings: Settings, env: dict[str, str]) -> Path:
    """credentials.yml plus the SMS / Telegram channels whose account is set in the environment."""
    config = _project_yaml("credentials.yml")
    for channel, (name, account) in OPTIONAL_CHANNELS.items():
        if channel not in config and env_value(env, CHANNEL_ENV[name][account]):
            config[channel] = None
    return _write_runtime_yaml(
        settings, "credentials.yml", config, "from credentials.yml and the environment"
    )


def enabled_channels(credentials: Path) -> list[str]:
    return list((yaml.safe_load(credentials.read_text(encoding="utf-8")) or {}).keys())


def ensure_directory(settings: Settings, env: dict[str, str]) -> None:
    if settings.directory_database_url or settings.directory_sqlite_path.exists():
        # Imported already (an external database by its own job): give a database made by an
        # older release the columns added since, once, before the processes that read it start.
        subprocess.run(
            [PY, "-m", "directory_client", "upgrade"], cwd=PROJECT_ROOT, env=env, check=True
        )
        return
    log(f"Construction de l'annuaire embarqué ({settings.directory_sqlite_path})…")
    subprocess.run(
        [PY, "-m", "directory_client", "import", "--default"], cwd=PROJECT_ROOT, env=env, check=True
    )


MODEL_NAME = "orienteur"
# What a model is trained from: when none of it is newer than the model, training is skipped. The
# pipeline's own components (config.yml names them) are part of it: a changed featurizer makes
# different features, and a model trained on the old ones would read messages wrongly.
TRAINING_SOURCES = (
    "config.yml",
    "domain.yml",
    "domain",
    "data",
    "bot/encoder.py",
    "bot/dense_featurizer.py",
    "bot/sentence_featurizer.py",
    "bot/word_vectors.py",
    "bot/chitchat_selector.py",
)


def latest_model(model_dir: Path) -> Path | None:
    models = sorted(model_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def _newest_source_mtime(root: Path = PROJECT_ROOT) -> float:
    newest = 0.0
    for name in TRAINING_SOURCES:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in files:
            if file.is_file():
                newest = max(newest, file.stat().st_mtime)
    return newest


def model_is_current(model: Path | None, root: Path = PROJECT_ROOT) -> bool:
    return (
        model is not None and model.exists() and model.stat().st_mtime >= _newest_source_mtime(root)
    )


def train_if_needed(settings: Settings, env: dict[str, str]) -> Path:
    """Train only when the conversation design changed since the model was built."""
    model = settings.model_dir / f"{MODEL_NAME}.tar.gz"
    if model_is_current(model):
        log(f"Modèle à jour (données inchangées) : {model}")
        return model
    log("Les données ont changé : entraînement du modèle (rasa train, quelques minutes)…")
    started = time.monotonic()
    result = subprocess.run(
        [PY, "-m", "rasa", "train", "--out", str(settings.model_dir),
         "--fixed-model-name", MODEL_NAME],
        cwd=PROJECT_ROOT, env=env,
    )  # fmt: skip
    if result.returncode != 0 or not model.exists():
        fallback = latest_model(settings.model_dir)
        if fallback is None:
            raise SystemExit("rasa train a échoué et aucun modèle n'existe.")
        log(f"rasa train a échoué ; on garde le dernier modèle : {fallback.name}")
        return fallback
    log(f"Modèle entraîné en {time.monotonic() - started:.0f} s : {model}")
    return model


@dataclass
class Service:
    name: str
    argv: list[str]
    health_url: str
    timeout_s: float
    process: subprocess.Popen | None = field(default=None, repr=False)
    env: dict[str, str] = field(default_factory=dict)  # on top of the supervisor's


def services(
    settings: Settings, model: Path, endpoints: Path, credentials: Path | None = None
) -> list[Service]:
    host = settings.host
    probe = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return [
        Service(
            "serveur d'actions",
            # rasa_sdk on loopback (ACTION_HOST), closed without the token: bot/action_server.py
            [PY, "-m", "bot.action_server", "--actions", "actions", "--port",
             str(settings.action_port)],
            f"http://127.0.0.1:{settings.action_port}/health",
            60,
        ),
        Service(
            "Rasa",
            [
                PY,
                "-m",
                "rasa",
                "run",
                "--model",
                str(model),
                "--interface",
                host,
                "--port",
                str(settings.rasa_port),
                "--cors",
                settings.web_public_url,
                "--credentials",
                str(credentials or PROJECT_ROOT / "credentials.yml"),
                "--endpoints",
                str(endpoints),
                *rasa_api_args(),  # nothing: the HTTP API is not exposed
            ],  # fmt: skip
            f"http://{probe}:{settings.rasa_port}/",
            300,
            env=rasa_env(),
        ),
        Service(
            "serveur web",
            [PY, "-m", "bot.web", "--host", host, "--port", str(settings.web_port)],
            f"http://{probe}:{settings.web_port}/health",
            30,
        ),
    ]


DEFAULT_RETENTION_DAYS = 30.0


@dataclass
class Retention:
    """The embedded tracker store's retention, run by the supervisor (production: cron,
    docs/deployment.md): "oublie-moi" requests every minute, conversations idle for
    ``ORIENTEUR_RETENTION_DAYS`` (30) purged every hour."""

    url: str
    forget_log: Path
    days: float = DEFAULT_RETENTION_DAYS
    forget_every_s: float = 60.0
    purge_every_s: float = 3600.0
    _next_forget: float = 0.0
    _next_purge: float = 0.0

    @classmethod
    def from_env(cls, settings: Settings, env: dict[str, str]) -> Retention:
        raw = (env.get("ORIENTEUR_RETENTION_DAYS") or "").strip()
        return cls(f"sqlite:///{tracker_sqlite_path(settings)}", Path(env["ORIENTEUR_FORGET_LOG"]),
                   float(raw) if raw else DEFAULT_RETENTION_DAYS)  # fmt: skip

    def tick(self, now: float | None = None) -> None:
        from bot import retention

        now = time.monotonic() if now is None else now
        try:
            if now >= self._next_forget:
                self._next_forget = now + self.forget_every_s
                applied, deleted = retention.process_forget_requests(self.url, self.forget_log)
                if applied:
                    log(f"Oubli : {applied} demande(s), {deleted} événement(s) effacé(s).")
            if now >= self._next_purge:
                self._next_purge = now + self.purge_every_s
                report = retention.purge(self.url, self.days)
                if report.conversations:
                    log(f"Rétention ({self.days:g} jours) : {report}")
        except Exception as error:  # noqa: BLE001 - retried at the next tick, Rasa keeps serving
            log(f"Rétention en échec (nouvel essai plus tard) : {error!r}")


def is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError):
        return False


class Supervisor:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.started: list[Service] = []
        self.stopping = False

    def start(self, service: Service) -> None:
        service.process = subprocess.Popen(
            service.argv, cwd=PROJECT_ROOT, env={**self.env, **service.env},
            start_new_session=True,
        )  # fmt: skip
        log(f"Démarrage : {service.name} (pid {service.process.pid})")
        self.started.append(service)

    def dead(self) -> Service | None:
        for service in self.started:
            if service.process is not None and service.process.poll() is not None:
                return service
        return None

    def wait_healthy(self, service: Service, interrupted: Callable[[], bool]) -> None:
        deadline = time.monotonic() + service.timeout_s
        while not is_healthy(service.health_url):
            if interrupted():
                raise KeyboardInterrupt
            if (gone := self.dead()) is not None:
                raise RuntimeError(f"{gone.name} s'est arrêté (code {gone.process.returncode}).")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{service.name} ne répond pas sur {service.health_url}.")
            time.sleep(0.5)
        log(f"Prêt : {service.name} ({service.health_url})")

    def stop_all(self, grace_s: float = 10.0) -> None:
        self.stopping = True
        for service in reversed(self.started):
            _signal_group(service.process, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for service in reversed(self.started):
            process = service.process
            if process is None:
                continue
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()
            # Whatever the child left in its group (workers) goes too.
            _signal_group(process, signal.SIGKILL)


def _signal_group(process: subprocess.Popen | None, sig: int) -> None:
    if process is None:
        return
    # start_new_session: the group id is the child's pid.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, sig)


def run(settings: Settings, *, train: bool = True) -> int:
    env = child_env(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    ensure_directory(settings, env)
    model_env = os.environ.get("ORIENTEUR_MODEL")
    if model_env:
        model = Path(model_env)
    elif train:
        model = train_if_needed(settings, env)
    else:
        model = latest_model(settings.model_dir) or Path("")
        if not model.name:
            raise SystemExit(f"Aucun modèle dans {settings.model_dir} (lancez sans --no-train).")
    endpoints = write_runtime_endpoints(settings)
    credentials = write_runtime_credentials(settings, env)
    retention = Retention.from_env(settings, env)

    received: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        received.append(signum)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    supervisor = Supervisor(env)
    code = 0
    try:
        for service in services(settings, model, endpoints, credentials):
            supervisor.start(service)
            supervisor.wait_healthy(service, lambda: bool(received))
        log(f"Canaux ouverts : {', '.join(enabled_channels(credentials))}")
        log(f"Console d'accueil : {settings.web_public_url}/staff/ (comptes : STAFF_USERS)")
        log(f"Ouvrez {settings.web_public_url}/ (Ctrl-C pour arrêter)")
        while not received:
            if (gone := supervisor.dead()) is not None:
                log(f"{gone.name} s'est arrêté (code {gone.process.returncode}) : arrêt de tout.")
                code = 1
                break
            retention.tick()
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    except RuntimeError as exc:
        log(str(exc))
        code = 1
    finally:
        log("Arrêt…")
        supervisor.stop_all()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    log("Arrêté.")
    return code


def shell(settings: Settings, extra: Sequence[str] = ()) -> int:
    """`rasa shell` in the foreground with the action server alongside."""
    env = child_env(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    ensure_directory(settings, env)
    model = (
        Path(os.environ["ORIENTEUR_MODEL"])
        if os.environ.get("ORIENTEUR_MODEL")
        else (train_if_needed(settings, env))
    )
    endpoints = write_runtime_endpoints(settings)
    supervisor = Supervisor(env)
    action_server = services(settings, model, endpoints)[0]
    try:
        supervisor.start(action_server)
        supervisor.wait_healthy(action_server, lambda: False)
        return subprocess.call(
            [
                PY,
                "-m",
                "rasa",
                "shell",
                "--model",
                str(model),
                "--endpoints",
                str(endpoints),
                "--port",
                str(settings.rasa_port),
                *extra,
            ],
            cwd=PROJECT_ROOT,
            env=env,
        )
    except KeyboardInterrupt:
        return 130
    finally:
        supervisor.stop_all()
