"""Rasa's REST channel (``POST /webhooks/rest/webhook``) that never answers an empty list.

``credentials.yml``: ``bot.channels.rest.OrienteurRestInput:`` instead of ``rest:`` (same name,
same webhook path, same options). A turn that sends nothing (the action server is down or too
slow) answers the apology and the helpline: see ``bot.channels.guard``.
"""

from __future__ import annotations

from rasa.core.channels.rest import RestInput

from bot.channels.guard import never_silent


class OrienteurRestInput(RestInput):
    def blueprint(self, on_new_message):  # type: ignore[no-untyped-def]
        return super().blueprint(never_silent(on_new_message))
