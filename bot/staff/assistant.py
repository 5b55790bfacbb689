"""The assistant's understanding, through Rasa's REST channel (same orientation as citizens).

Each triage is a fresh conversation (a random sender id). The assistant's search results come as
``custom.orienteur.results`` (``SearchResult.to_payload()`` items); the places are shown from the
payload, never from the assistant's text.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from dataclasses import dataclass, field

import aiohttp

log = logging.getLogger(__name__)


@dataclass
class AssistantReply:
    results: list[dict] = field(default_factory=list)


async def ask_assistant(rasa_url: str, text: str, timeout: float = 6.0) -> AssistantReply | None:
    """``None`` when the assistant is unreachable or answers nothing usable."""
    url = f"{rasa_url.rstrip('/')}/webhooks/rest/webhook"
    # ``staff_console`` metadata: the assistant knows a reception agent is typing (docs/payload.md).
    # Rasa keeps it only with the staff token (bot/channels/inbound.py): the public cannot claim it.
    headers = {"X-Orienteur-Staff-Token": os.environ.get("ORIENTEUR_STAFF_TOKEN", "")}
    body = {
        "sender": "staff-" + secrets.token_hex(8),
        "message": text,
        "metadata": {"staff_console": True},
    }
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
            session.post(url, json=body, headers=headers) as response,
        ):
            if response.status != 200:
                log.warning("assistant answered HTTP %s", response.status)
                return None
            messages = await response.json(content_type=None)
    # asyncio.TimeoutError: aiohttp's total timeout (not the builtin TimeoutError before 3.11)
    except (aiohttp.ClientError, asyncio.TimeoutError, TimeoutError, ValueError) as exc:
        log.warning("assistant unreachable: %s", type(exc).__name__)
        return None
    reply = AssistantReply()
    for message in messages if isinstance(messages, list) else []:
        if not isinstance(message, dict):
            continue
        custom = message.get("custom")
        if isinstance(custom, dict):
            results = (custom.get("orienteur") or {}).get("results")
            if isinstance(results, list):
                reply.results.extend(r for r in results if isinstance(r, dict) and r.get("id"))
    return reply
