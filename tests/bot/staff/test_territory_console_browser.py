"""The correction loop of issue 17 end to end in a real browser (Playwright + Debian's
Chromium), on a writable copy of the real embedded directory: a desk agent reports new hours
on a place from its card → the coordinator of its département reviews it on the "Territoire"
page → the next search in the console shows the corrected hours → the territory's export
contains the change. Also the page on a phone, the places' answers week by week at desk and phone
sizes, and the printable summary under its own CSP.

Screenshots go to test-artifacts/; TERRITORY_UPDATE_SCREENSHOT=1 copies them to
docs/screenshots/."""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.referrals import outcomes
from bot.referrals.clock import ManualClock
from bot.referrals.models import Referral
from bot.staff.app import create_staff_app
from bot.staff.config import StaffConfig
from bot.staff.counts import DailyCounts
from bot.staff.roles import parse_roles
from bot.staff.security import hash_password
from directory_client import Locator, labels
from directory_client.corrections import queue
from directory_client.demand import DemandLog
from directory_client.hours import PARIS
from tests.conftest import copy_directory
from tests.paths import ROOT
from tests.referral_support import make_service
from tests.staff_support import PASSWORD, TEST_SECRET, AppThread
from tests.webapp_support import CHROMIUM

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
SHOTS = ROOT / "docs" / "screenshots"
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
STOP = "bus-france-services-en-charente:1"  # the Charente bus at Saint-Fraigne, on Mondays
AIGRE = "france-services-anct:2926"
SITUATION = "démarches administratives, Saint-Fraigne"
NEW_HOURS = "Mo 09:00-12:00,14:00-16:30; PH off"
NEW_MONDAY = "lun. : 9 h–12 h, 14 h–16 h 30"
OLD_MONDAY = "lun. : 9 h 30–12 h 30, 13 h 30–15 h 30"

sync_api = pytest.importorskip("playwright.sync_api")
pypdf = pytest.importorskip("pypdf")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


TODAY = datetime(2026, 3, 18, 10, tzinfo=timezone.utc)  # the referrals' clock: week 12
SEEN = """cells => cells.map(c => [...c.childNodes]
    .filter(n => !(n.classList && n.classList.contains('sr')))
    .map(n => n.textContent).join('').trim())"""  # a cell's text as seen, not as read aloud
ON_TOP = """th => { window.scrollTo(0, th.getBoundingClientRect().top + window.scrollY - 200);
    const r = th.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && top.closest('th') === th; }"""  # what one sees at a cell's middle


def _seed_referral_outcomes(engine) -> None:
    """What places answered to referrals (week 10: 6 refusals for lack of room at the bus, 5
    people not helped at Aigre; 3 "closed" refusals: under 5, never shown), and around it
    the bus refusing more and more for lack of room while Aigre keeps accepting."""
    seeds = (
        (STOP, "refusee:capacite", 2, 6), (AIGRE, "aide:non", 2, 5), (STOP, "refusee:ferme", 2, 3),
        (STOP, "refusee:capacite", -5, 5), (STOP, "refusee:capacite", 9, 8),
        (STOP, "refusee:capacite", 16, 2), (STOP, "refusee:autre", 9, 2),
        (AIGRE, "acceptee", -12, 6), (AIGRE, "acceptee", -5, 9), (AIGRE, "acceptee", 2, 7),
        (AIGRE, "acceptee", 9, 6), (AIGRE, "sans_reponse", 2, 5), (AIGRE, "sans_reponse", 9, 3),
    )  # (place, outcome, day of March 2026 of the referral, how many)  # fmt: skip
    with Session(engine) as session, session.begin():
        for place, outcome, day, n in seeds:
            when = datetime(2026, 3, 1, 10, tzinfo=timezone.utc) + timedelta(days=day - 1)
            referral = Referral(need="demarches", place_id=place, departement="16",
                                created_at=when)  # fmt: skip
            for _ in range(n):
                outcomes.count(session, referral, outcome)


@pytest.fixture(scope="module")
def console(embedded_directory, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("territory-console")
    directory = copy_directory(embedded_directory, tmp / "directory.sqlite3")
    demand = DemandLog(f"sqlite:///{tmp / 'demand.sqlite3'}")
    for _ in range(7):
        demand.record(need="demarches", service=labels.DEMARCHES, outcome="near",
                      channel="staff", code_insee="16015", day=date(2026, 3, 2))  # fmt: skip
    referrals = make_service(tmp, directory=directory, mailer=None, sms=None,
                             clock=ManualClock(TODAY))  # fmt: skip
    _seed_referral_outcomes(referrals.engine)
    hashed = hash_password(PASSWORD, iterations=1000)
    users = {"alice": hashed, "claire": hashed}
    config = replace(
        StaffConfig(secret=TEST_SECRET, users=users, dev=True, cookie_secure=False),
        roles=parse_roles("claire=coordination:departement:16", users),
    )
    app = create_staff_app(
        config=config, directory=directory, locator=Locator(directory=directory),
        counts=DailyCounts(":memory:"), demand=demand, referrals=referrals,
    )  # fmt: skip
    with AppThread(app) as running:
        yield running.url, directory
    demand.close()
    directory.close()


def _page(browser, url: str, user: str, errors: list[str], size=(1280, 800), bypass_csp=False):
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, locale="fr-FR", accept_downloads=True,
        bypass_csp=bypass_csp,
    )  # fmt: skip
    context.set_default_timeout(90_000)  # 2 shared cores: the first map takes a few seconds
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{url}/staff/login")
    page.fill("#username", user)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/staff/")
    return page


def _search(page) -> sync_api.Locator:
    page.fill("#q", SITUATION)
    page.press("#q", "Enter")
    page.wait_for_selector(".place")
    first = page.locator(".place").first
    assert "Bus France Services" in first.locator("h3").inner_text()
    return first


def _on_screen(locator, width: int) -> bool:
    """Whether the element's box is wholly within the viewport's width."""
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def _shot(page, name: str, **kwargs) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), **kwargs)
    if os.environ.get("TERRITORY_UPDATE_SCREENSHOT"):
        SHOTS.mkdir(exist_ok=True)
        shutil.copyfile(ARTIFACTS / name, SHOTS / name)


def test_report_review_search_export(browser, console):
    url, directory = console
    errors: list[str] = []

    # 1. The desk: the bus stop's card, "Signaler un problème", new hours.
    desk = _page(browser, url, "alice", errors)
    card = _search(desk)
    card.locator("summary").click()
    assert OLD_MONDAY in card.locator("details.week").inner_text()
    assert desk.get_by_role("link", name="Territoire").count() == 0  # no role: no page
    card.get_by_role("link", name="Signaler un problème").click()
    desk.wait_for_url("**/staff/signaler/*")
    assert not desk.locator("#horaires").is_visible()  # only the fields of the chosen kind
    desk.get_by_label("Les horaires ont changé").check()
    assert desk.locator("#horaires").input_value() == "Mo 09:30-12:30,13:30-15:30; PH off"
    desk.fill("#horaires", NEW_HOURS)
    desk.fill("#comment", "Le bus passe plus tôt le lundi depuis janvier.")
    _shot(desk, "desk-report-1280x800.png")
    desk.get_by_role("button", name="Envoyer au coordinateur").click()
    sync_api.expect(desk.locator(".flash")).to_contain_text("Signalement n° 1")
    assert "Relu par : claire" in desk.locator("main").inner_text()
    assert directory.get_place(STOP).opening_hours != NEW_HOURS  # nothing before the review

    # 2. The département's coordinator: the Territoire page, the map, the review.
    coordinator = _page(browser, url, "claire", errors)
    coordinator.get_by_role("link", name="Territoire").click()
    coordinator.wait_for_selector("svg.communes")
    assert coordinator.locator("svg.communes circle").count() == 362  # every commune of Charente
    titles = coordinator.locator("svg.communes circle title").all_text_contents()
    farthest = max(titles, key=lambda t: float(t.rsplit(": ", 1)[1].removesuffix(" km")))
    worst = coordinator.locator(".t-worst tbody tr").first.locator("td")
    assert worst.nth(0).inner_text() == farthest.rsplit(" : ", 1)[0]  # the map's farthest
    chart = coordinator.locator(f'g.service[data-service="{labels.DEMARCHES}"]')
    assert chart.locator("text.asked").text_content() == "7"
    refusals = coordinator.locator("#refus").inner_text()
    assert "Plus de place pour le moment" in refusals and "pas avoir été aidée" in refusals
    assert "Le lieu est fermé" not in refusals  # 3: under 5, hidden
    assert "Corrections à relire (1)" in coordinator.locator("#corrections").inner_text()
    _shot(coordinator, "territory-1280x800.png")
    review = coordinator.locator("article.correction").first
    assert NEW_MONDAY in review.locator("td.after").inner_text()
    assert OLD_MONDAY in review.locator("td.before").inner_text()
    review.scroll_into_view_if_needed()
    _shot(coordinator, "territory-review-1280x800.png")
    review.get_by_label("Note (obligatoire pour refuser)").fill("Vérifié avec le chauffeur.")
    review.get_by_role("button", name="Accepter").click()
    sync_api.expect(coordinator.locator(".flash")).to_contain_text("Correction acceptée")
    journal = coordinator.locator("#journal").inner_text()
    assert "claire" in journal and "accepté" in journal and "alice" in journal

    # 3. The next search at the desk shows the corrected hours.
    desk.goto(f"{url}/staff/")
    card = _search(desk)
    card.locator("summary").click()
    assert NEW_MONDAY in card.locator("details.week").inner_text()
    today = datetime.now(PARIS).strftime("%d/%m/%Y")
    assert card.locator(".provenance").inner_text() == (
        f"Horaires : correction locale de claire le {today}"
    )
    desk.evaluate("window.scrollTo(0, 0)")
    _shot(desk, "desk-after-correction-1280x800.png")

    # 4. The export for the producer contains the change.
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name="Exporter les fiches corrigées (CSV").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert STOP in exported and NEW_HOURS in exported and "correction locale" in exported

    # 5. The printable one-page summary: its own style allowed, nothing else fetched.
    requested: list[str] = []
    coordinator.on("request", lambda r: requested.append(r.url))
    coordinator.goto(f"{url}/staff/territoire/synthese?service={labels.DEMARCHES}")
    assert coordinator.locator("svg.communes circle").count() == 362
    assert coordinator.evaluate("getComputedStyle(document.body).maxWidth") != "none"  # CSS ran
    answers = coordinator.locator("section.answers")  # the places' answers, last weeks
    not_helped = answers.get_by_role("row", name="La personne dit ne pas avoir été aidée")
    assert not_helped.locator("td").evaluate_all(SEEN) == ["—", "—", "—", "5", "—", "—", "5"]
    assert "Refusée : Le lieu est fermé" in answers.inner_text()  # 3: named, no figure
    assert coordinator.locator(".sr").first.evaluate("s => s.getBoundingClientRect().width") <= 1
    pdf = coordinator.pdf(format="A4", print_background=True)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    assert len(requested) == 1 and requested[0].startswith(f"{url}/staff/territoire/synthese?")
    assert errors == []  # no CSP violation, no script error


def test_territory_page_on_a_phone(browser, console):
    url, _ = console
    errors: list[str] = []
    phone = _page(browser, url, "claire", errors, size=(360, 740))
    phone.goto(f"{url}/staff/territoire?service={labels.PARENTALITE}")
    phone.wait_for_selector("svg.communes")
    box = phone.locator("svg.communes").bounding_box()
    assert box["width"] <= 360 and box["width"] > 300  # the map fills the screen's width
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways page
    assert phone.locator("#service").input_value() == labels.PARENTALITE
    phone.locator("#carte").scroll_into_view_if_needed()
    phone.evaluate("document.getElementById('carte').scrollIntoView()")
    _shot(phone, "territory-phone-360x740.png")
    assert errors == []


# Every cell of the page's tables but the weeks' (they scroll in their own box, tested below):
# [section, text, left, right] of those not wholly within the screen's width.
CUT = """w => [...document.querySelectorAll('.territory table:not(.weekly) :is(td, th)')]
    .map(c => [c.closest('section').id || c.closest('section').className, c.innerText.trim(),
               c.getBoundingClientRect()])
    .filter(([, , r]) => r.width > 1 && (r.left < 0 || r.right > w))
    .map(([s, t, r]) => [s, t, Math.round(r.left), Math.round(r.right)])"""


def test_every_table_reads_on_a_phone_and_stays_a_table_on_a_desk(browser, console):
    """A coordinator on a 360 px phone read the worst-served communes without their nearest
    place's distance, the journal without its reports' numbers, a phone correction without the
    proposed number: the tables ran past the screen inside boxes that scrolled sideways. Now
    each row is a card (its values after their column's name); at 1280 px the same tables."""
    url, directory = console
    queue.report(directory.Session, AIGRE, "phone", {"telephone": "+33545211234"},
                 reported_by="alice", comment="Nouveau standard.")  # fmt: skip
    errors: list[str] = []
    phone = _page(browser, url, "claire", errors, size=(360, 740))
    phone.goto(f"{url}/staff/territoire")
    phone.wait_for_selector("svg.communes")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways page
    for section in ("t-worst", "corrections", "journal", "a-revoir"):
        assert phone.locator(f".territory section.{section}, #{section}").count() == 1, section
    assert phone.evaluate(CUT, 360) == []
    worst = phone.locator(".t-worst tbody tr").first
    assert worst.locator("td").nth(3).inner_text().endswith(" km")  # the distance, on screen
    proposed = phone.locator("article.correction td.after").last
    assert "+33545211234" in proposed.inner_text() and _on_screen(proposed, 360)
    phone.locator("#corrections").scroll_into_view_if_needed()
    phone.evaluate("document.getElementById('corrections').scrollIntoView()")
    _shot(phone, "territory-corrections-phone-360x740.png")
    phone.evaluate("document.getElementById('journal').scrollIntoView()")
    _shot(phone, "territory-journal-phone-360x740.png")

    desk = _page(browser, url, "claire", errors)
    desk.goto(f"{url}/staff/territoire")
    heads = desk.locator(".t-worst thead th")
    assert heads.all_inner_texts()[:2] == ["Commune", "INSEE"] and heads.first.is_visible()
    cells = desk.locator(".t-worst tbody tr").first.locator("td")
    assert cells.nth(0).bounding_box()["y"] == cells.nth(4).bounding_box()["y"]  # one line
    assert desk.evaluate(CUT, 1280) == []
    assert errors == []


def test_weekly_answers_at_desk_and_phone_sizes(browser, console):
    """The table reads as a coordinator reads it: the bus's refusals for lack of room grow week
    after week, small counts show as "—" and the page says why; on a phone the table scrolls
    sideways inside its box (the answers' names stay in view), never the page."""
    url, _ = console
    errors: list[str] = []
    desk = _page(browser, url, "claire", errors)
    desk.goto(f"{url}/staff/territoire")
    desk.get_by_role("link", name="Réponses par semaine").click()
    section = desk.locator("#semaines")
    table = desk.get_by_role("table", name="Réponses aux orientations vers les lieux du territoire")
    room = table.get_by_role("row", name="Plus de place pour le moment")
    figures = room.locator("td").evaluate_all(SEEN)
    assert figures[-5:] == ["5", "6", "8", "—", "≥ 19"]  # 2 in week 12: hidden, not subtractable
    assert room.locator("svg.bar rect").count() == 3  # a bar per figure shown
    not_helped = table.get_by_role("row", name="La personne dit ne pas avoir été aidée")
    assert not_helped.locator("td").evaluate_all(SEEN)[-4:] == ["5", "—", "—", "5"]  # week 10
    group = table.locator("tbody.followup th[scope=rowgroup]").inner_text()
    assert group == "Ensuite, selon la personne"
    assert "moins de 5" in section.inner_text() and "Chiffres masqués" in section.inner_text()
    heads = table.locator("thead th").all_inner_texts()
    assert "en cours" in heads[-2] and heads[-1] == "12 semaines"
    assert desk.evaluate("getComputedStyle(document.querySelector('#semaines td.n')).textAlign")\
        == "right"  # fmt: skip
    section.scroll_into_view_if_needed()
    _shot(desk, "territory-weekly-1280x800.png")
    with desk.expect_download() as download:
        section.get_by_role("link", name="CSV").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert "2026-W11,2026-03-09,refusee:capacite,Refusée : Plus de place pour le moment,8,exact" \
        in exported  # fmt: skip

    phone = _page(browser, url, "claire", errors, size=(390, 844))
    phone.goto(f"{url}/staff/territoire#semaines")
    phone.locator("#semaines").scroll_into_view_if_needed()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways page
    box = phone.locator("#semaines .scroll")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the table scrolls in its box
    phone.evaluate("document.getElementById('semaines').scrollIntoView()")
    _shot(phone, "territory-weekly-phone-390x844.png")
    latest = phone.get_by_role("columnheader", name="semaine du 16/03")
    oldest = phone.get_by_role("columnheader", name="semaine du 29/12")
    assert _on_screen(latest, 390) and not _on_screen(oldest, 390)  # opens on the latest weeks
    names = phone.locator("#semaines tbody th[scope=row]")
    # Scrolled to the oldest weeks (right to left: scrollLeft goes negative), then back.
    for end, shown in (("-b.scrollWidth", oldest), ("0", latest)):
        box.evaluate(f"b => {{ b.scrollLeft = {end}; }}")
        assert _on_screen(shown, 390)
        for i in range(names.count()):  # every answer's name whole in view, over the weeks
            name = names.nth(i).bounding_box()
            assert 0 <= name["x"] < 40 and name["x"] + name["width"] <= 390, i
            assert names.nth(i).evaluate(ON_TOP), i  # drawn over the weeks' figures
    assert names.last.inner_text() == "La personne dit ne pas avoir été aidée"
    box.evaluate("b => { b.scrollLeft = -b.scrollWidth; }")
    _shot(phone, "territory-weekly-phone-390x844-scrolled.png")
    assert errors == []

    # axe-core on the section (injected inline: only this context bypasses the page's CSP).
    checked = _page(browser, url, "claire", [], bypass_csp=True)
    checked.goto(f"{url}/staff/territoire#semaines")
    checked.add_script_tag(path=str(AXE))
    found = checked.evaluate("""async () => {
        const r = await axe.run('#semaines', {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return {passes: r.passes.length, violations: r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3))};
    }""")  # fmt: skip
    assert found["passes"] > 10 and found["violations"] == []
