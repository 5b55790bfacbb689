"""What a message from the public may carry, the same rules for REST and socket.io.

* **Staff claims.** ``staff_console`` (and ``channel: "staff"``) in a message's metadata make the
  assistant answer as at the reception desk ("a staff member will answer here"). Only the staff
  console may set them: it calls the REST webhook with the ``X-Orienteur-Staff-Token`` header
  (``ORIENTEUR_STAFF_TOKEN``, shared by the web server and Rasa; ``make run`` draws one per run).
  From anyone else those keys are removed, and the input channel is always the channel's own name.
* **Shape.** Metadata must be a JSON object, nested at most ``MAX_DEPTH`` levels (a body nested
  1,000 deep made Rasa fail with a RecursionError).
"""

from __future__ import annotations

import hmac
import json
import os
from typing import Any

STAFF_TOKEN_ENV = "ORIENTEUR_STAFF_TOKEN"
SESSION_SECRET_ENV = "ORIENTEUR_SESSION_SECRET"  # signs widget session ids (bot.channels.socketio)
STAFF_TOKEN_HEADER = "X-Orienteur-Staff-Token"
STAFF_KEYS = ("staff_console", "channel")
MAX_DEPTH = 20


class UnreadableMessage(ValueError):
    """A message or its metadata that cannot be handed to the assistant (the reason, in French)."""


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests lists and objects, counted up to ``limit + 1`` (iterative)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if not isinstance(item, (dict, list)):
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, level + 1) for child in children)
    return deepest


def checked_metadata(raw: Any) -> dict[str, Any]:
    """Metadata as a dict (``None`` → ``{}``; a JSON text is parsed), or UnreadableMessage."""
    if raw is None:
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw.strip() else {}
        except (ValueError, RecursionError) as error:
            raise UnreadableMessage('"metadata" n\'est pas du JSON valide') from error
    if not isinstance(raw, dict):
        raise UnreadableMessage('"metadata" doit être un objet JSON')
    if depth(raw) > MAX_DEPTH:
        raise UnreadableMessage(f'"metadata" est imbriqué sur plus de {MAX_DEPTH} niveaux')
    return raw


def staff_token_matches(sent: str | None) -> bool:
    expected = (os.environ.get(STAFF_TOKEN_ENV) or "").strip()
    return bool(expected) and hmac.compare_digest((sent or "").encode(), expected.encode())


def public_metadata(metadata: dict[str, Any], *, from_staff: bool = False) -> dict[str, Any]:
    """``metadata`` without the staff keys, unless the staff console sent it."""
    if from_staff:
        return metadata
    return {key: value for key, value in metadata.items() if key not in STAFF_KEYS}
