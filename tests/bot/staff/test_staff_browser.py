"""The staff console in a real browser (Playwright + Debian's Chromium), keyboard only:
log in, triage, SMS through a fake Twilio server on loopback, next-citizen shortcuts, and the
printed referral sheet as a one-page A4 PDF."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from bot.staff.catalogue import procedures
from bot.staff.sms import TwilioSender
from tests.paths import ROOT
from tests.staff_support import PASSWORD, AppThread, FakeDirectory, make_app, place
from tests.webapp_support import CHROMIUM

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
SITUATION = "dame 80 ans, dossier retraite, Roubaix"

sync_api = pytest.importorskip("playwright.sync_api")
pypdf = pytest.importorskip("pypdf")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


class FakeTwilio(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length", "0"))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        FakeTwilio.received.append(
            {"path": self.path, "auth": self.headers.get("Authorization", ""), "form": form}
        )
        body = json.dumps({"sid": "SMfake", "status": "queued"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep the test output clean (and the number out)
        pass


@pytest.fixture(scope="module")
def twilio():
    FakeTwilio.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTwilio)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", FakeTwilio.received
    server.shutdown()


@pytest.fixture(scope="module")
def console(twilio, embedded_directory):
    """The console on the real embedded directory (the shipped open data), SMS to the fake."""
    from directory_client import Locator

    url, _ = twilio
    sender = TwilioSender("ACtest", "secret-token", "+33700000000", base_url=url)
    app = make_app(
        sms_sender=sender,
        directory=embedded_directory,
        locator=Locator(directory=embedded_directory),
    )
    with AppThread(app) as running:
        yield running.url


@pytest.fixture(scope="module")
def long_sheet_console():
    """A fake directory with the longest realistic place, to check the one-page sheet."""
    directory = FakeDirectory()
    directory.places.append(
        place(
            "long",
            "Maison France Services intercommunale du Pays de la Vallée de la Lys et des "
            "Weppes — antenne de l'Hôtel de Ville, guichet social et numérique",
            "Hôtel de Ville, 2e étage, porte B, 1 place de la République, "
            "Centre administratif Jean Monnet, 59280 Armentières",
            km=99.0,
        )
    )
    object.__setattr__(
        directory.places[-1],
        "opening_hours",
        "Mo 08:30-12:00,13:30-17:30; Tu 08:30-12:00,13:30-19:00; We 08:30-12:00; "
        "Th 13:30-17:30; Fr 08:30-12:00,13:30-16:30; Sa 09:00-12:00; PH off",
    )
    with AppThread(make_app(directory=directory)) as running:
        yield running.url


def test_keyboard_only_triage_sms_print_and_next_citizen(browser, console, twilio):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    context.set_default_timeout(60_000)  # 2 shared cores: be patient, not flaky
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # Log in with the keyboard only (the username field has the focus).
    page.goto(f"{console}/staff/")
    assert page.url.endswith("/staff/login")
    # Autofocus lands a moment after "load": typing before it would lose the first letters.
    sync_api.expect(page.locator("#username")).to_be_focused()
    page.keyboard.type("alice")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{console}/staff/")

    # Triage: the situation field has the focus.
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type(SITUATION)
    page.keyboard.press("Enter")
    page.wait_for_selector(".place")
    assert page.locator(".place").count() == 3
    first = page.locator(".place").first
    name = first.locator("h3").inner_text().split(" ", 1)[1]
    address = first.locator(".address").inner_text()
    assert name.startswith("France services") and "Roubaix" in address
    assert "numéro de sécurité sociale" in page.locator(".bring").inner_text().lower()
    assert "Alt+N" in page.locator(".shortcuts").inner_text()
    page.screenshot(path=str(ARTIFACTS / "staff-console.png"))

    # Alt+S: the SMS number field of the selected place, then Enter sends.
    page.keyboard.press("Alt+KeyS")
    assert page.evaluate("document.activeElement.name") == "phone"
    page.keyboard.type("07 98 76 54 32")
    page.keyboard.press("Enter")
    page.wait_for_selector("#place-1 .sms-status.ok")
    assert page.locator("#place-1 .sms-status").inner_text() == "SMS envoyé."
    assert page.locator("#place-1 input[name=phone]").input_value() == ""  # not kept
    _, received = twilio
    assert len(received) == 1
    sms = received[0]
    assert sms["path"] == "/2010-04-01/Accounts/ACtest/Messages.json"
    assert sms["auth"] == "Basic " + base64.b64encode(b"ACtest:secret-token").decode()
    assert sms["form"]["To"] == "+33798765432" and sms["form"]["From"] == "+33700000000"
    assert name in sms["form"]["Body"] and "A apporter" in sms["form"]["Body"]  # GSM-7

    # Ctrl+P: opens the selected place's referral sheet, in print mode.
    page.locator("#q").focus()
    with context.expect_page() as popup_info:
        page.keyboard.press("Control+KeyP")
    popup = popup_info.value
    assert "/staff/sheet/" in popup.url and "print=1" in popup.url
    sheet_url = popup.url.replace("&print=1", "")
    popup.close()

    # Escape: next citizen — everything typed is gone.
    page.locator("#q").focus()
    page.keyboard.press("Escape")
    page.wait_for_selector(".place", state="detached")
    assert page.locator("#q").input_value() == ""
    assert "07 98 76" not in page.content() and "Dossier retraite" not in page.content()
    # The day's counter shows the need only.
    today = page.locator(".today").inner_text()
    assert "Aide aux démarches administratives" in today and "Roubaix" not in today

    # Alt+N does the same after another triage.
    page.keyboard.type("monsieur en fauteuil, impôts, 59100")
    page.keyboard.press("Enter")
    page.wait_for_selector(".place")
    page.keyboard.press("Alt+KeyN")
    page.wait_for_selector(".place", state="detached")
    # A fresh page: the search field gets the focus once it has loaded (a busy machine is slow).
    sync_api.expect(page.locator("#q")).to_be_focused()

    # The printed sheet: one A4 page, with the place's name and address.
    sheet = context.new_page()
    sheet.goto(sheet_url)
    sheet.emulate_media(media="print")
    pdf = sheet.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "staff-sheet.pdf").write_bytes(pdf)
    sheet.screenshot(path=str(ARTIFACTS / "staff-sheet.png"), full_page=True)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert name in text, text
    assert address.split(",")[0] in text, text
    assert "À apporter" in text or "À APPORTER" in text, text
    assert "Se déconnecter" not in text and "Imprimer" not in text  # screen-only parts hidden

    assert not errors, errors
    context.close()
    # STAFF_UPDATE_SCREENSHOT=1 refreshes the screenshot kept with the docs.
    if os.environ.get("STAFF_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(ARTIFACTS / "staff-console.png", ROOT / "docs/img/staff-console.png")


def test_long_sheet_still_fits_one_page(browser, long_sheet_console):
    console = long_sheet_console
    """The longest realistic sheet (long name, address, hours, documents) prints on one page."""
    context = browser.new_context()
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{console}/staff/login")
    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    page.press("#password", "Enter")
    page.wait_for_url(f"{console}/staff/")
    longest = max(procedures(), key=lambda p: sum(len(d) for d in p.documents))
    page.goto(f"{console}/staff/sheet/long?p={longest.key}")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    (ARTIFACTS / "staff-sheet-long.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Maison France Services" in text and longest.documents[-1][:20] in text
    context.close()


@pytest.fixture(scope="module")
def console_without_sms(embedded_directory):
    """The console on the real embedded directory, with no SMS provider configured."""
    from bot.staff.sms import DisabledSender
    from directory_client import Locator

    app = make_app(sms_sender=DisabledSender(), directory=embedded_directory,
                   locator=Locator(directory=embedded_directory))  # fmt: skip
    with AppThread(app) as running:
        yield running.url


def test_ambiguous_town_is_a_choice_and_sms_off_is_said(browser, console_without_sms):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{console_without_sms}/staff/")
    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{console_without_sms}/staff/")
    assert page.get_by_role("heading", level=1).inner_text() == "Orienter une personne"
    page.fill("#q", "jeune 19 ans cherche emploi, pas d'ordi, Valence")
    page.keyboard.press("Enter")
    choices = page.locator(".place-choices")
    sync_api.expect(choices).to_contain_text("Plusieurs communes portent ce nom")
    assert page.locator(".assistant-says").count() == 0  # no prose lines
    page.screenshot(path=str(ARTIFACTS / "staff-ambiguous.png"))
    choices.get_by_role("button", name="Valence (82)").click()
    sync_api.expect(page.locator(".summary")).to_contain_text("Valence (82)")
    sync_api.expect(page.locator(".place-choices")).to_have_count(0)
    first = page.locator(".place").first
    sync_api.expect(first.locator(".distance")).to_have_text(re.compile(r"^à \d+(,\d)? k?m$"))
    sms = first.get_by_role("button", name="Envoyer par SMS")
    sync_api.expect(sms).to_be_disabled()
    sync_api.expect(first).to_contain_text("L'envoi de SMS n'est pas configuré sur ce poste.")
    assert first.locator("input[name=phone]").count() == 0
    page.screenshot(path=str(ARTIFACTS / "staff-valence-82.png"))
    context.close()
