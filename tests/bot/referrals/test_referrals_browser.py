"""The referral loop end to end on real servers: the console in Chromium (the agent refers from a
place card), the place's e-mail through a real SMTP server (aiosmtpd), the place answering on the
linked page in Chromium, the person's SMS through the Twilio fake, the clock moved forward for
the follow-up, and the reply "1" counted."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy import select

from bot.referrals import texts
from bot.referrals.clock import PARIS
from bot.referrals.models import OutcomeCount
from bot.referrals.web import mount_referral_pages
from bot.staff.app import create_staff_app
from bot.staff.counts import DailyCounts
from bot.staff.sms import TwilioSender
from tests.channels_support import TWILIO, FakeTwilio
from tests.referral_support import LINK, SmtpServer, body, make_service
from tests.staff_support import PASSWORD, AppThread, staff_config
from tests.webapp_support import CHROMIUM

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

SITUATION = "dame 80 ans, dossier retraite, Roubaix"
EPEULE_MAIL = "roubaix-epeule@france-services.gouv.fr"  # card 1
MAIRIE_MAIL = "en.mds@ville-roubaix.fr"  # card 2


@pytest.fixture(scope="module")
def loop_stack(tmp_path_factory, embedded_directory):
    from directory_client import Locator

    tmp = tmp_path_factory.mktemp("referrals")
    smtp = SmtpServer().start()
    twilio = FakeTwilio().start()
    sms = TwilioSender(TWILIO["account_sid"], TWILIO["auth_token"], TWILIO["number"],
                       base_url=twilio.url)  # fmt: skip
    # The port is chosen before the app is built, so that the e-mailed links can name it.
    server = AppThread(web.Application())
    service = make_service(tmp, directory=embedded_directory, mailer=smtp.mailer(), sms=sms,
                           public_url=server.url)  # fmt: skip
    app = create_staff_app(
        config=staff_config(),
        directory=embedded_directory,
        locator=Locator(directory=embedded_directory),
        sms_sender=sms,
        counts=DailyCounts(":memory:"),
        referrals=service,
    )
    mount_referral_pages(app, service)
    server.app = app
    with server:
        yield server.url, service, smtp, twilio
    smtp.stop()
    twilio.stop()


def drain(service) -> None:
    """Run the due jobs (in a thread: Playwright's sync API holds this thread's event loop)."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: asyncio.run(service.worker().drain())).result(60)


def agent_refers(page, base: str, card: int, phone: str) -> None:
    page.goto(f"{base}/staff/")
    page.fill("#q", SITUATION)
    page.press("#q", "Enter")
    page.click(f"#place-{card} a.refer")
    page.fill("#request", "Dossier de retraite à faire en ligne")
    page.fill("#name", "Mme D.")
    page.check("input[name=channel][value=sms]")
    page.fill("#contact", phone)
    page.check("input[name=consent]")
    page.click('button[type=submit]:has-text("Envoyer l\'orientation")')
    assert page.locator("dt:has-text('Statut') + dd").inner_text() == "en attente"


def the_link(smtp, address: str) -> str:
    [message] = smtp.inbox.to(address)
    assert "Dossier de retraite à faire en ligne" in body(message)
    return LINK.search(body(message)).group(0)


def status_of(page, base: str, place: str) -> str:
    page.goto(f"{base}/staff/orientations")
    row = page.locator("table.referrals tr", has_text=place)
    return row.locator("td.status").inner_text()


def test_refer_accept_sms_console_refuse_next_place_followup_counted(browser, loop_stack):
    base, service, smtp, twilio = loop_stack
    agent = browser.new_page()
    agent.goto(f"{base}/staff/login")
    agent.fill("#username", "alice")
    agent.fill("#password", PASSWORD)
    agent.press("#password", "Enter")

    # The agent refers a first person to card 2; the place accepts with a slot.
    agent_refers(agent, base, 2, "06 12 34 56 78")
    drain(service)
    place = browser.new_page()
    place.goto(the_link(smtp, MAIRIE_MAIL))
    assert "Dossier de retraite à faire en ligne" in place.content()
    place.fill("#slot-date", "2025-12-04")
    place.fill("#slot-time", "14:30")
    place.click("button:has-text('Accepter')")
    assert "jeudi 4 décembre à 14 h 30" in place.locator("[role=status]").inner_text()
    drain(service)
    [sms] = [m["Body"] for m in twilio.messages("+33612345678")]
    assert "peut vous recevoir le jeudi 4 décembre à 14 h 30" in sms
    assert status_of(agent, base, "Mairie de Roubaix") == "acceptée"

    # A second person to card 1; that place refuses: the person gets the next place.
    agent_refers(agent, base, 1, "06 98 76 54 32")
    drain(service)
    place.goto(the_link(smtp, EPEULE_MAIL))
    place.check("input[name=reason][value=capacite]")
    place.click("button:has-text('Refuser')")
    assert "un autre lieu lui est proposé" in place.locator("[role=status]").inner_text()
    drain(service)
    [refusal] = [m["Body"] for m in twilio.messages("+33698765432")]
    assert "ne peut pas vous recevoir (plus de place pour le moment)" in refusal
    assert "Autre lieu proche : " in refusal and "Epeule" not in refusal.split("Autre lieu")[1]
    assert status_of(agent, base, "Epeule") == "refusée"

    # Time passes: two days after the slot, the follow-up; the reply "1" is counted.
    service.clock.current = datetime(2025, 12, 6, 15, 0, tzinfo=PARIS)
    drain(service)
    assert twilio.messages("+33612345678")[-1]["Body"].startswith(texts.FOLLOWUP_QUESTION)
    assert service.handle_sms_reply("+33612345678", "1") == texts.FOLLOWUP_THANKS
    with service.Session() as session:
        counted = {r.outcome: r.n for r in session.execute(select(OutcomeCount)).scalars()}
    assert counted == {"acceptee": 1, "refusee:capacite": 1, "aide:oui": 1}
    agent.goto(f"{base}/staff/orientations")
    agent.click("a:has-text('Mairie de Roubaix')")
    assert agent.locator("dt:has-text('Suivi') + dd").inner_text() == "aidé"
    assert "effacé" in agent.content()  # the person's number is gone
