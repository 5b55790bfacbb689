"""A citizen keeps the answer (bot/web/keep.py): the desk's referral sheet served to the widget,
sent by SMS through the Twilio fake and by e-mail to a real SMTP server (aiosmtpd) on loopback;
the place read from a real SQLite directory."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.settings import Settings
from bot.staff.sms import DisabledSender, TwilioSender
from bot.web.keep import Keeper
from bot.web.server import create_app
from directory_client import Directory
from directory_client.models import Base
from tests.channels_support import FakeTwilio
from tests.places import make_place
from tests.referral_support import SmtpServer, body

CAF_BRING = [
    "votre numéro d'allocataire CAF et votre mot de passe, si vous en avez un",
    "une pièce d'identité",
    "un RIB",
    "votre dernier avis d'impôt",
]
PHONE = "06 12 34 56 78"
ADDRESS = "camille.martin@example.org"


@pytest.fixture
def directory_url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path}/directory.sqlite3"
    directory = Directory(url)
    with directory.Session.begin() as session:
        make_place(
            session,
            "Espace France Services de Lyon",
            public_id="fs-lyon",
            adresse="1 rue de la République",
            telephone="+33472000000",
            horaires="Mo-Fr 09:00-12:00",
            date_maj=date(2025, 2, 14),
        )
    yield url
    Base.metadata.drop_all(directory.engine)
    directory.close()


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


def keeper(url: str, twilio: FakeTwilio | None = None, smtp: SmtpServer | None = None) -> Keeper:
    sms = (
        TwilioSender("AC" + "1" * 32, "token", "+33700000000", base_url=twilio.url)
        if twilio
        else DisabledSender()
    )
    return Keeper(
        open_directory=lambda: Directory.open_existing(url),
        sms=sms,
        mailer=smtp.mailer() if smtp else None,
        public_url="https://aide.example.org",
    )


def call(k: Keeper, scenario):
    async def run():
        app = create_app(Settings.from_env({}), staff=False, keeper=k)
        client = TestClient(TestServer(app))
        await client.start_server()
        try:
            return await scenario(client)
        finally:
            await client.close()

    return asyncio.run(run())


def test_with_no_provider_nothing_is_offered_and_nothing_is_sent(directory_url):
    async def scenario(client):
        options = await (await client.get("/fiche/options")).json()
        sms = await client.post("/fiche/fs-lyon/sms", json={"phone": PHONE})
        mail = await client.post("/fiche/fs-lyon/email", json={"email": ADDRESS})
        return options, sms.status, mail.status

    assert call(keeper(directory_url), scenario) == ({"sms": False, "email": False}, 404, 404)


def test_the_sheet_is_the_desks_with_what_to_bring(directory_url):
    async def scenario(client):
        query = [("apporter", item) for item in [*CAF_BRING, "<b>un texte inventé</b>"]]
        sheet = await client.get("/fiche/fs-lyon", params=query)
        css = await client.get("/fiche/static/sheet.css")
        other = await client.get("/fiche/static/console.js")
        gone = await client.get("/fiche/fs-disparu")
        return sheet.status, await sheet.text(), css.status, other.status, gone.status

    status, html, css, other, gone = call(keeper(directory_url), scenario)
    assert status == 200 and (css, other, gone) == (200, 404, 404)
    assert '<article class="sheet">' in html and "Espace France Services de Lyon" in html
    assert "1 rue de la République" in html and "04 72 00 00 00" in html
    assert "Pour : <strong>la CAF" in html and "un RIB" in html
    assert "inventé" not in html  # only what the catalogue knows
    assert "par l&#x27;assistant Orienteur" in html and "/fiche/static/sheet.css" in html
    assert "staff" not in html  # no link into the console
    # Dates in words, as on the desk's sheet: never "2025-02-14" or "06/12/2026".
    assert "mise à jour le 14 février 2025" in html
    assert re.search(r"Fiche remise le \d{1,2} [a-zéû]+ \d{4} par", html)
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}", html)


def test_the_sheet_goes_by_sms(directory_url, twilio, caplog):
    caplog.set_level(logging.DEBUG)

    async def scenario(client):
        options = await (await client.get("/fiche/options")).json()
        sent = await client.post("/fiche/fs-lyon/sms", json={"phone": PHONE, "apporter": CAF_BRING})
        bad = await client.post("/fiche/fs-lyon/sms", json={"phone": "12"})
        return options, sent.status, await sent.json(), bad.status

    options, status, answer, bad = call(keeper(directory_url, twilio=twilio), scenario)
    assert options == {"sms": True, "email": False}
    assert status == 200 and answer == {"ok": True, "message": "SMS envoyé."} and bad == 400
    [message] = twilio.messages(to="+33612345678")
    assert message["Body"].startswith(
        "Orienteur, le lieu que vous avez gardé :\nEspace France Services de Lyon\n1 rue de la "
        "République"
    )
    assert "Tél. 04 72 00 00 00" in message["Body"] and "un RIB" in message["Body"]
    assert "612345678" not in caplog.text  # the number is never logged


def test_sms_to_one_number_is_limited(directory_url, twilio):
    async def scenario(client):
        statuses = []
        for _ in range(4):
            response = await client.post("/fiche/fs-lyon/sms", json={"phone": PHONE})
            statuses.append(response.status)
        return statuses

    assert call(keeper(directory_url, twilio=twilio), scenario) == [200, 200, 200, 429]
    assert len(twilio.messages()) == 3


def test_the_sheet_goes_by_email(directory_url, smtp):
    async def scenario(client):
        options = await (await client.get("/fiche/options")).json()
        sent = await client.post(
            "/fiche/fs-lyon/email", json={"email": ADDRESS, "apporter": CAF_BRING}
        )
        bad = await client.post("/fiche/fs-lyon/email", json={"email": "pas une adresse"})
        gone = await client.post("/fiche/fs-disparu/email", json={"email": ADDRESS})
        return options, sent.status, bad.status, gone.status

    result = call(keeper(directory_url, smtp=smtp), scenario)
    assert result == ({"sms": False, "email": True}, 200, 400, 404)
    [message] = smtp.inbox.to(ADDRESS)
    assert message["Subject"] == "Votre fiche d'orientation : Espace France Services de Lyon"
    text = body(message)
    assert "1 rue de la République" in text and "un RIB" in text
    assert "https://aide.example.org/fiche/fs-lyon?apporter=" in text
