"""The action server (rasa_sdk), bound to loopback by default and closed without a shared token.

``python -m rasa_sdk`` listens on 0.0.0.0 with no authentication: whoever reaches it can run any
action for any sender id (the directory, ``action_forget_me`` for another person's conversation).
``python -m bot.action_server`` takes rasa_sdk's options (``--actions``, ``--port``…) and:

* listens on ``ACTION_HOST`` (default ``127.0.0.1``);
* when ``ORIENTEUR_ACTION_TOKEN`` is set, answers 401 to every request but ``GET /health`` that
  does not carry it in the ``X-Orienteur-Action-Token`` header (Rasa sends it: the
  ``action_endpoint`` of ``endpoints.yml`` has ``headers``);
* refuses to start on any other address without a token (``ActionServerConfigurationError``);
* loads the readers, the gazetteer and the directory before it answers ``/health``
  (``actions.warm_up``): the first person after a start does not wait for them.

``make run`` (bot/runner.py) always gives both processes the same token (a random one per run
when none is set), so even another local user cannot call the actions.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from collections.abc import Sequence

TOKEN_HEADER = "X-Orienteur-Action-Token"
TOKEN_ENV = "ORIENTEUR_ACTION_TOKEN"
HOST_ENV = "ACTION_HOST"
DEFAULT_HOST = "127.0.0.1"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
MIN_TOKEN_LENGTH = 16
OPEN_PATHS = ("/health",)


class ActionServerConfigurationError(SystemExit):
    """The action server would be reachable from the network without a token."""


def listen_settings(environ: dict[str, str] | None = None) -> tuple[str, str | None]:
    """(host, token) from the environment, or ActionServerConfigurationError."""
    env = os.environ if environ is None else environ
    host = (env.get(HOST_ENV) or "").strip() or DEFAULT_HOST
    token = (env.get(TOKEN_ENV) or "").strip() or None
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise ActionServerConfigurationError(
            f"{TOKEN_ENV} doit faire au moins {MIN_TOKEN_LENGTH} caractères."
        )
    if token is None and host not in LOOPBACK:
        raise ActionServerConfigurationError(
            f"Le serveur d'actions écouterait sur {host} sans {TOKEN_ENV} : "
            "n'importe qui pourrait lancer une action pour n'importe quelle conversation."
        )
    return host, token


def require_token(app, token: str) -> None:  # noqa: ANN001 - a Sanic app
    """401 for every request without the token, ``/health`` excepted."""
    from sanic import response

    expected = token.encode()

    @app.on_request
    async def check_token(request):  # type: ignore[no-untyped-def]
        if request.path in OPEN_PATHS:
            return None
        sent = (request.headers.get(TOKEN_HEADER) or "").encode()
        if not hmac.compare_digest(sent, expected):
            return response.json({"error": "jeton du serveur d'actions manquant ou faux"},
                                 status=401)  # fmt: skip
        return None


def main(argv: Sequence[str] | None = None) -> None:
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_app, create_argument_parser, create_ssl_context
    from rasa_sdk.plugin import plugin_manager

    args = create_argument_parser().parse_args(argv)
    host, token = listen_settings()
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file,
                                 args.loglevel, args.logging_config_file)  # fmt: skip
    utils.update_sanic_log_level()
    app = create_app(args.actions, cors_origins=args.cors, auto_reload=args.auto_reload)
    if args.actions == "actions":  # this project's actions: loaded before /health answers
        from actions.warm_up import warm_up

        logging.getLogger(__name__).info("Actions warmed up in %.1f s", warm_up())
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    if token is not None:
        require_token(app, token)
    logging.getLogger(__name__).info(
        "Action server on %s:%s (%s)", host, args.port,
        "token required" if token else "loopback only, no token",
    )  # fmt: skip
    ssl = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    app.run(host, args.port, ssl=ssl, workers=utils.number_of_sanic_workers(), access_log=False)


if __name__ == "__main__":
    main(sys.argv[1:])
