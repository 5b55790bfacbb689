"""The printable sheets an answer gives, as a desk agent reads them: each « 1. Name : https://…/f/
token » line, its short link (bot.web.short_links, one SMS holds it) read back to the place whose
sheet it opens, from a store of the test's own."""

from __future__ import annotations

import re

from actions import keep_asked
from bot.referrals.models import open_engine
from bot.web.short_links import SheetLinks

WEB = "https://orienteur.example.fr"


def own_store(monkeypatch, tmp_path) -> SheetLinks:
    """The short links of this test in a database of its own, the web's address set."""
    store = SheetLinks(lambda: open_engine(f"sqlite:///{tmp_path / 'referrals.sqlite3'}"))
    monkeypatch.setattr(keep_asked, "SHEET_LINKS", store)
    monkeypatch.setenv("WEB_PUBLIC_URL", WEB)
    return store


def sheets_given(answer: str, store: SheetLinks) -> list[tuple[str, str]]:
    """(name, place id) of each sheet line of ``answer``."""
    given = re.findall(rf"^\d+\. (.+?) : {re.escape(WEB)}/f/([A-Za-z0-9_-]{{8}})$", answer,
                       re.MULTILINE)  # fmt: skip
    return [(name, store.resolve(token)[0]) for name, token in given]
