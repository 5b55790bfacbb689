"""The printable sheet's link sent on a text channel (SMS, WhatsApp, Telegram, the desk's REST
chat) fits in an SMS (round 185: « /fiche/conseiller-numerique%3A62b0…?apporter=votre+num%C3%A9ro
+d%27allocataire… », 400 characters for the CAF's papers): a short link, ``/f/{token}``, on the
real web app, that opens the same sheet for 30 days and then says it has expired."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from actions import keep_asked
from bot.referrals.models import open_engine
from bot.web.short_links import LIFETIME, SheetLinks
from tests.bot.web.test_keep import (
    CAF_BRING,
    call,
    directory_url,  # noqa: F401 - the directory fixture
    keeper,
)

PUBLIC = "https://aide.example.org"
SHORT = re.compile(rf"{re.escape(PUBLIC)}/f/[A-Za-z0-9_-]{{8}}")


class TextChannel:
    """What ``sheet_text`` reads of the conversation: the channel, here an SMS."""

    def get_latest_input_channel(self) -> str:
        return "twilio"


@pytest.fixture
def links(tmp_path, monkeypatch) -> SheetLinks:
    """One store for the action server and the web server, as their shared database."""
    store = SheetLinks(lambda: open_engine(f"sqlite:///{tmp_path / 'referrals.sqlite3'}"))
    monkeypatch.setattr(keep_asked, "SHEET_LINKS", store)
    monkeypatch.setenv("WEB_PUBLIC_URL", PUBLIC)
    return store


def sent_links(places: list[dict], bring: list[str]) -> list[str]:
    text = keep_asked.sheet_text(TextChannel(), places, bring)  # type: ignore[arg-type]
    return re.findall(rf"{re.escape(PUBLIC)}\S+", text)


def test_the_sheet_link_on_a_text_channel_fits_in_an_sms(directory_url, links):  # noqa: F811
    places = [{"number": 1, "name": "Espace France Services de Lyon", "id": "fs-lyon"}]
    [link] = sent_links(places, CAF_BRING)
    assert len(link) <= 40 and SHORT.fullmatch(link), link
    [again] = sent_links(places, CAF_BRING)
    assert again != link  # each link its own random token: never guessed from another

    k = keeper(directory_url)
    k.links = links

    async def scenario(client):
        path = link.removeprefix(PUBLIC)
        sheet = await client.get(path)
        unknown = await client.get("/f/AAAAAAAA")
        return sheet.status, str(sheet.url.path), await sheet.text(), unknown.status

    status, landed, html, unknown = call(k, scenario)
    assert status == 200 and landed == "/fiche/fs-lyon", (status, landed)
    assert "Espace France Services de Lyon" in html and "un RIB" in html
    assert "Pour : <strong>la CAF" in html
    assert unknown == 404


def test_a_short_link_expires_after_its_days(directory_url, links):  # noqa: F811
    sent = datetime.now(timezone.utc) - LIFETIME - timedelta(minutes=1)
    token = links.shorten("fs-lyon", [], now=sent)
    k = keeper(directory_url)
    k.links = links

    async def scenario(client):
        page = await client.get(f"/f/{token}")
        return page.status, await page.text()

    status, html = call(k, scenario)
    assert status == 404 and "Ce lien a expiré" in html, html
    assert "Espace France Services de Lyon" not in html
