"""A citizen keeps the answer, in Chromium, on the real assistant (action server + `rasa run` with
the trained model): each card's "Garder cette adresse" gives the desk's one-page sheet (printed to
PDF and read back), and sends it by SMS (Twilio fake) and e-mail (aiosmtpd) when the web server
has them; with no provider, only the sheet is offered.

``ORIENTEUR_UPDATE_SCREENSHOTS=1`` copies the screenshots into docs/screenshots/."""

from __future__ import annotations

import io
from collections.abc import Iterator
from email.header import decode_header, make_header

import pytest

from tests.bot.web.test_widget_browser import (  # noqa: F401 - fixtures
    _web_server,
    expect,
    latest_recommendation,
    new_tab,
    open_widget,
    reach_cards,
    real_web,
)
from tests.channels_support import FakeTwilio
from tests.referral_support import SENDER, SmtpServer, body
from tests.webapp_support import ARTIFACTS, shot, stop

pypdf = pytest.importorskip("pypdf")
pytestmark = [pytest.mark.browser, pytest.mark.rasa]

PHONE = "06 12 34 56 78"
ADDRESS = "camille.martin@example.org"


@pytest.fixture(scope="module")
def providers() -> Iterator[tuple[FakeTwilio, SmtpServer]]:
    twilio = FakeTwilio().start()
    smtp = SmtpServer().start()
    yield twilio, smtp
    smtp.stop()
    twilio.stop()


@pytest.fixture(scope="module")
def web_with_providers(real_web, providers) -> Iterator[str]:  # noqa: F811
    """A second web server on the same assistant, with an SMS and an e-mail provider."""
    twilio, smtp = providers
    url, process = _web_server(
        real_web["rasa"], ARTIFACTS / "rasa-stack", name="web-providers",
        DIRECTORY_DATABASE_URL=real_web["directory"],
        TWILIO_ACCOUNT_SID="AC" + "5" * 32, TWILIO_AUTH_TOKEN="test-token",
        TWILIO_FROM="+33700000000", TWILIO_BASE_URL=twilio.url,
        SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp.port), SMTP_FROM=SENDER,
    )  # fmt: skip
    yield url
    stop(process)


def test_a_citizen_keeps_a_place_by_sheet_sms_and_email(
    web_with_providers,
    providers,
    new_tab,  # noqa: F811
) -> None:
    twilio, smtp = providers
    tab = new_tab(viewport={"width": 1280, "height": 800})
    page = tab.page
    open_widget(page, web_with_providers)
    reach_cards(page)
    first = latest_recommendation(page)["results"][0]
    card = page.locator(".orienteur-card").first
    card.get_by_text("Garder cette adresse").click()
    sms_field = card.get_by_label("Votre numéro de portable")
    expect(sms_field).to_be_visible()
    expect(card.get_by_label("Votre adresse e-mail")).to_be_visible()
    sms_field.fill(PHONE)
    card.get_by_role("button", name="Recevoir par SMS").click()
    expect(card.get_by_role("status").first).to_have_text("SMS envoyé.")
    expect(sms_field).to_have_value("")  # kept nowhere
    card.get_by_label("Votre adresse e-mail").fill(ADDRESS)
    card.get_by_role("button", name="Recevoir par e-mail").click()
    expect(card.get_by_role("status").last).to_have_text("E-mail envoyé.")
    card.locator(".orienteur-keep-place summary").evaluate("e => e.scrollIntoView()")
    shot(page, "widget-keep-1280x800")

    [sms] = twilio.messages(to="+33612345678")
    assert sms["Body"].split("\n")[1].startswith(first["name"][:40])  # after who writes
    [mail] = smtp.inbox.to(ADDRESS)
    subject = str(make_header(decode_header(mail["Subject"])))  # as a mail client shows it
    assert first["name"] in subject, subject
    assert f"{web_with_providers}/fiche/" in body(mail)
    # Nothing of the person in the conversation kept by the browser.
    stored = page.evaluate("JSON.stringify(Object.assign({}, sessionStorage, localStorage))")
    assert "612345678" not in stored.replace(" ", "") and ADDRESS not in stored

    with page.expect_popup() as popup:
        card.get_by_role("link", name="Fiche à imprimer ou enregistrer (PDF)").click()
    sheet = popup.value
    sheet.wait_for_load_state()
    expect(sheet.get_by_role("heading", level=1)).to_have_text(first["name"])
    expect(sheet.locator("footer")).to_contain_text("par l'assistant Orienteur")
    shot(sheet, "widget-sheet-1280x800")
    pdf = sheet.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "widget-sheet.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert first["name"].split()[0] in text and PHONE not in text and ADDRESS not in text
    assert tab.errors == [] and tab.dialogs == []


def test_on_a_phone_without_provider_only_the_sheet_is_offered(real_web, new_tab) -> None:  # noqa: F811
    tab = new_tab(viewport={"width": 360, "height": 740})
    page = tab.page
    open_widget(page, real_web["web"])
    reach_cards(page)
    card = page.locator(".orienteur-card").first
    card.get_by_text("Garder cette adresse").click()
    link = card.get_by_role("link", name="Fiche à imprimer ou enregistrer (PDF)")
    expect(link).to_be_visible()
    page.wait_for_load_state("networkidle")  # the widget has asked what it may offer
    expect(card.locator("form")).to_have_count(0)
    expect(card.get_by_text("SMS")).to_have_count(0)
    card.locator(".orienteur-keep-place summary").evaluate("e => e.scrollIntoView()")
    shot(page, "widget-keep-phone-360x740")
    assert tab.errors == [] and tab.dialogs == []
