"""A citizen reports a problem on a place in the chat ("ce lieu est fermé"): the same queue as
the desk, reported by ``"citoyen"``, reviewed by the coordinator of the place's territory.

For the assistant's action (the intent and the action are the lead's): after a recommendation,
with the place the person means (its ``id`` in the payload)::

    from directory_client.corrections.chat import report_from_chat
    correction = report_from_chat(get_directory(), place_id, "closed")

A wrong number is reported with the number now (``phone_value`` reads it as the directory stores
phones, E.164)::

    correction = report_from_chat(get_directory(), place_id, "phone", "04 73 12 34 56")

Wrong hours are reported with the new ones when the person gives them as the directory reads
them (``hours_value``: OSM opening hours, or a French sentence of a full schedule read by
``hours_french``), otherwise with the person's words alone as the comment (the coordinator then
writes the hours when accepting)::

    correction = report_from_chat(get_directory(), place_id, "hours", None,
                                  comment="fermé le mercredi en fait")

It never raises: a refused report (unknown place, unreadable value, a remote directory that
cannot be corrected from here) is logged and answered ``None``, the conversation goes on.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from directory_client import hours, hours_french
from directory_client.corrections import queue
from directory_client.errors import CorrectionError
from directory_client.importer.fields import normalise_phone

log = logging.getLogger(__name__)
CHAT_KINDS = {"closed": None, "hours": "horaires", "phone": "telephone"}  # kind → the field given
_TIMES = re.compile(r"\d{1,2}:\d{2}|\boff\b|\b24/7\b")


def phone_value(raw: str) -> str | None:
    """A number as the directory stores it (``"04 73 12 34 56"`` → ``"+33473123456"``), or None
    when it is not one the importer recognises."""
    number, problem = normalise_phone(raw, None)
    return None if problem else number


def hours_value(raw: str) -> str | None:
    """Opening hours the directory reads that say when the place opens or closes: OSM syntax
    (``"Mo-Fr 09:00-12:00"``, ``"We off"``; not a bare ``"Sa"``), or a French sentence giving a
    full schedule (``"en fait c'est ouvert du lundi au vendredi de 9h à 12h"`` →
    ``"Mo-Fr 09:00-12:00"``, see ``hours_french``); None otherwise."""
    value = raw.strip(" ,;")
    if _TIMES.search(value) and hours.is_valid(value):
        return value
    return hours_french.to_osm(value)


def report_from_chat(
    directory: Any, place_id: str, kind: str, value: str | None = None, comment: str | None = None
) -> int | None:
    """Queue a citizen's report: ``closed`` (nothing else needed), ``hours`` (OSM opening hours,
    or None with the person's words as ``comment``) or ``phone`` (the number now, stored as
    ``phone_value`` reads it). → the correction's id, or None when it was refused."""
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
    proposed = {field: value} if field and value is not None else {}
    try:
        return queue.report(Session, place_id, kind, proposed, reported_by=queue.CITIZEN,
                            comment=comment)  # fmt: skip
    except (CorrectionError, SQLAlchemyError) as exc:
        log.warning("chat report refused: %s", exc)
        return None
