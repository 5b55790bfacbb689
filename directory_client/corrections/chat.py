"""A citizen reports a problem on a place in the chat ("ce lieu est fermé"): the same queue as
the desk, reported by ``"citoyen"``, reviewed by the coordinator of the place's territory.

For the assistant's action (the intent and the action are the lead's): after a recommendation,
with the place the person means (its ``id`` in the payload)::

    from directory_client.corrections.chat import report_from_chat
    correction = report_from_chat(get_directory(), place_id, "closed")

A wrong number is reported with the number now (``phone_value`` reads it as the directory stores
phones, E.164)::

    correction = report_from_chat(get_directory(), place_id, "phone", "04 73 12 34 56")

It never raises: a refused report (unknown place, unreadable value, a remote directory that
cannot be corrected from here) is logged and answered ``None``, the conversation goes on.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from directory_client.corrections import queue
from directory_client.errors import CorrectionError
from directory_client.importer.fields import normalise_phone

log = logging.getLogger(__name__)
CHAT_KINDS = {"closed": None, "hours": "horaires", "phone": "telephone"}  # kind → the field given


def phone_value(raw: str) -> str | None:
    """A number as the directory stores it (``"04 73 12 34 56"`` → ``"+33473123456"``), or None
    when it is not one the importer recognises."""
    number, problem = normalise_phone(raw, None)
    return None if problem else number


def report_from_chat(
    directory: Any, place_id: str, kind: str, value: str | None = None, comment: str | None = None
) -> int | None:
    """Queue a citizen's report: ``closed`` (nothing else needed), ``hours`` (OSM opening hours)
    or ``phone`` (the number now, stored as ``phone_value`` reads it). → the correction's id, or
    None when it was refused."""
    Session = getattr(directory, "Session", None)
    if Session is None:
        log.warning("chat report refused: the directory is not local")
        return None
    if kind not in CHAT_KINDS:
        log.warning("chat report refused: kind %r", kind)
        return None
    field = CHAT_KINDS[kind]
    if kind == "phone":
        value = phone_value(value or "")
        if value is None:
            log.warning("chat report refused: an unreadable phone number")
            return None
    proposed = {field: value} if field else {}
    try:
        return queue.report(Session, place_id, kind, proposed, reported_by=queue.CITIZEN,
                            comment=comment)  # fmt: skip
    except (CorrectionError, SQLAlchemyError) as exc:
        log.warning("chat report refused: %s", exc)
        return None
