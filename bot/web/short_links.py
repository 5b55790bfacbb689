"""Short links to a place's printable sheet, for the text channels (SMS, WhatsApp, Telegram, the
desk's REST chat): ``{WEB_PUBLIC_URL}/f/{token}`` (about 40 characters) instead of
``/fiche/{place id}?apporter=…`` (150 to 600, what to bring spelt out): one SMS holds it.

The token is 8 characters of ``secrets.token_urlsafe`` (48 random bits: unguessable; nothing
signed, so no key to keep), stored with the sheet's address (the place's id and what to bring)
in the referrals' database (``REFERRALS_DATABASE_URL``, else ``var/referrals.sqlite3``: the
action server writes it, the web server reads it). It lives ``LIFETIME``: the sheet itself is
the place's public page, always there, but a link sent in a message is for the days when the
person goes there, and the hours it shows are those of the weeks it was sent in. Past it, the
route says the link has expired and where to ask again; the rows are dropped then.

    GET /f/{token}   → 302 to /fiche/{place_id}?apporter=…   (404 page when unknown or expired)
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from sqlalchemy import Column, DateTime, String, Text, delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.referrals.models import Base, open_engine

log = logging.getLogger(__name__)

PREFIX = "/f"
LIFETIME = timedelta(days=30)
TOKEN_BYTES = 6  # 8 characters of base64url


class SheetLinkError(Exception):
    """The link could not be stored (the database did not answer)."""


class SheetLink(Base):
    __tablename__ = "sheet_link"

    token = Column(String(16), primary_key=True)
    place_id = Column(String(300), nullable=False)
    bring = Column(Text, nullable=False)  # JSON list of what to bring
    expires_at = Column(DateTime, nullable=False, index=True)  # UTC, no zone


def _utc(now: datetime | None) -> datetime:
    moment = now or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def short_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}{PREFIX}/{token}"


class SheetLinks:
    """The short links' store, on the engine ``open_links`` gives (opened on first use)."""

    def __init__(self, open_links: Callable[[], Engine] = open_engine) -> None:
        self._open = open_links
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._open()
        return self._engine

    def shorten(self, place_id: str, bring: list[str] | tuple[str, ...],
                now: datetime | None = None) -> str:  # fmt: skip
        """A new token for the sheet of ``place_id`` with ``bring``; raises ``SheetLinkError``."""
        moment = _utc(now)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        try:
            with self.engine.begin() as connection:
                connection.execute(delete(SheetLink).where(SheetLink.expires_at <= moment))
                connection.execute(
                    insert(SheetLink).values(
                        token=token,
                        place_id=place_id,
                        bring=json.dumps(list(bring), ensure_ascii=False),
                        expires_at=moment + LIFETIME,
                    )
                )
        except SQLAlchemyError as exc:
            raise SheetLinkError(str(exc)) from exc
        return token

    def resolve(self, token: str, now: datetime | None = None) -> tuple[str, list[str]] | None:
        """(place id, what to bring) of a token still valid; None when unknown or expired."""
        if not token or len(token) > 16:
            return None
        with self.engine.connect() as connection:
            row = connection.execute(
                select(SheetLink.place_id, SheetLink.bring, SheetLink.expires_at).where(
                    SheetLink.token == token
                )
            ).first()
        if row is None or row.expires_at <= _utc(now):
            return None
        return row.place_id, [b for b in json.loads(row.bring) if isinstance(b, str)]
