"""Two fixes to Rasa 3.6, applied when our channels are loaded.

**No version banner.** ``GET /`` answers "Hello from Rasa: 3.6.21": it tells an attacker which
advisories to try (docs/security.md). ``hide_version`` makes it answer "Hello from Rasa" (the
health check only needs a 200).

**The hot path.**
``RemoteAction._validate_action_result`` calls ``jsonschema.validate(result, schema)`` for every
custom action call, and ``jsonschema.validate`` first checks the (constant) schema itself against
the JSON Schema metaschema. py-spy on ``rasa run`` under load (bench/load.py --profile) put ~45 %
of the time spent handling messages in that metaschema check, more than the NLU and the policies
together. Here the schema is checked once, its validator kept, and each result validated exactly
as before (same ``ValidationError``, same message).

Applied by ``bot.channels.guard`` (imported by every channel of credentials.yml), only on the Rasa
versions it was written against; ``ORIENTEUR_RASA_PATCHES=0`` disables the validation patch.
"""

from __future__ import annotations

import logging
import os
from typing import Any

logger = logging.getLogger(__name__)

_APPLIED = False


def hide_version() -> None:
    """Rasa's root route without its version (the channels load before Rasa adds the route)."""
    import rasa.server
    from sanic import response

    def add_root_route(app: Any) -> None:
        @app.get("/")
        async def hello(_request: Any) -> Any:
            return response.text("Hello from Rasa")

    rasa.server.add_root_route = add_root_route


def apply() -> bool:
    """Install the patches once. Returns whether the validation patch is active."""
    global _APPLIED
    hide_version()
    if _APPLIED:
        return True
    if os.environ.get("ORIENTEUR_RASA_PATCHES", "1").strip().lower() in ("0", "false", "no"):
        return False
    try:
        import rasa
        from rasa.core.actions.action import RemoteAction
        from rasa.shared.constants import DOCS_BASE_URL
    except ImportError:
        return False
    if not rasa.__version__.startswith("3.6."):
        logger.warning("rasa %s: the action-result validation patch is not applied",
                       rasa.__version__)  # fmt: skip
        return False
    original = RemoteAction._validate_action_result
    validators: dict[int, Any] = {}

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        from jsonschema import ValidationError
        from jsonschema.exceptions import best_match
        from jsonschema.validators import validator_for

        schema = self.action_response_format_spec()
        key = id(type(self).action_response_format_spec)
        validator = validators.get(key)
        if validator is None:
            cls = validator_for(schema)
            cls.check_schema(schema)  # once, as jsonschema.validate does every time
            validator = validators[key] = cls(schema)
        error: ValidationError | None = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (  # what Rasa adds, unchanged
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error

    _validate_action_result.__wrapped__ = original  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    _APPLIED = True
    return True
