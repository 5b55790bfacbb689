"""The web widget in a real browser (Chromium headless, driven by Playwright).

Two back-ends: `fake_rasa.py` (same socket.io events as Rasa, scripted answers: fast, always runs)
and, marked `rasa`, the session's assistant (``rasa_stack``, tests/conftest.py: the real action
server + `rasa run` with a trained model, ORIENTEUR_TEST_MODEL or the latest model in models/;
skipped when there is none).
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import TESTS
from tests.webapp_support import (
    ARTIFACTS,
    CHROMIUM,
    PROJECT_ROOT,
    base_env,
    free_port,
    python,
    start,
    stop,
    wait_http,
)

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]

AXE = TESTS / "vendor" / "axe.min.js"
INJECTION = "<img src=x onerror=alert(1)>"
STATIC = PROJECT_ROOT / "bot" / "web" / "static"


# ---- Servers ------------------------------------------------------------------------------------
def _web_server(rasa_url: str, logs: Path, name: str = "web", **env: str) -> tuple[str, object]:
    """``python -m bot.web``; ``env``: more settings (the directory, SMS and e-mail providers)."""
    port = free_port()
    env = base_env(
        WEB_PORT=str(port),
        RASA_PUBLIC_URL=rasa_url,
        WEB_PUBLIC_URL=f"http://127.0.0.1:{port}",
        **env,
    )
    log = logs / f"{name}.log"
    process = start([python(), "-m", "bot.web", "--port", str(port)], env, log)
    wait_http(f"http://127.0.0.1:{port}/health", process, 30, log)
    return f"http://127.0.0.1:{port}", process


@pytest.fixture(scope="session")
def fake_stack(tmp_path_factory) -> Iterator[dict[str, str]]:
    logs = tmp_path_factory.mktemp("fake-stack")
    rasa_port = free_port()
    rasa_log = logs / "fake_rasa.log"
    rasa = start([python(), str(TESTS / "fake_rasa.py"), str(rasa_port)],
                 base_env(), rasa_log)  # fmt: skip
    processes = [rasa]
    try:
        wait_http(f"http://127.0.0.1:{rasa_port}/", rasa, 30, rasa_log)
        rasa_url = f"http://127.0.0.1:{rasa_port}"
        web_url, web = _web_server(rasa_url, logs)
        processes.append(web)
        yield {"web": web_url, "rasa": rasa_url}
    finally:
        for process in reversed(processes):
            stop(process)


@pytest.fixture(scope="session")
def real_web(rasa_stack) -> Iterator[dict[str, str]]:
    """The real thing: the session's assistant (tests/conftest.py: action server + `rasa run`
    with the socket.io channel of credentials.yml) behind the page of `python -m bot.web`, which
    reads the places of the citizen's sheet from the same directory."""
    logs = ARTIFACTS / "rasa-stack"  # kept after the run, for a failure's diagnosis
    logs.mkdir(parents=True, exist_ok=True)
    web_url, web = _web_server(rasa_stack.url, logs,
                               DIRECTORY_DATABASE_URL=rasa_stack.directory_url)  # fmt: skip
    try:
        yield {"web": web_url, "rasa": rasa_stack.url, "directory": rasa_stack.directory_url}
    finally:
        stop(web)


# ---- Browser ------------------------------------------------------------------------------------
class Tab:
    """A page, the dialogs it tried to open and its console errors."""

    def __init__(self, context, page) -> None:
        self.context, self.page = context, page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)


@pytest.fixture
def new_tab(browser) -> Iterator:
    contexts = []

    def make(**options) -> Tab:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "fr-FR")
        context = browser.new_context(**options)
        contexts.append(context)
        context.set_default_timeout(15_000)
        return Tab(context, context.new_page())

    yield make
    for context in contexts:
        context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def received(stack: dict[str, str]) -> list[dict]:
    with urllib.request.urlopen(stack["rasa"] + "/received", timeout=5) as r:
        return json.loads(r.read())


def wait_ready(page) -> None:
    expect(page.locator("#orienteur-widget")).to_have_attribute("data-connection", "ready")


def open_widget(page, web_url: str) -> None:
    page.goto(web_url + "/")
    page.get_by_role("button", name="Besoin d'aide avec le numérique ?").click()
    expect(page.get_by_label("Votre message")).to_be_focused()
    wait_ready(page)


def say(page, text: str) -> None:
    page.get_by_label("Votre message").fill(text)
    page.get_by_role("button", name="Envoyer").click()


def bot_messages(page):
    return page.locator(".orienteur-msg--bot")


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return {passes: r.passes.length, violations: r.violations.map(v => ({id: v.id,
                impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))};
        }"""
    )
    assert result["passes"] > 10, "axe did not run"
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


# ---- Without Rasa (fake socket.io server) ------------------------------------------------------
def test_page_headers_snippet_and_no_inline_script(fake_stack) -> None:
    with urllib.request.urlopen(fake_stack["web"] + "/", timeout=5) as r:
        csp = r.headers["Content-Security-Policy"]
        page = r.read().decode()
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    rasa = fake_stack["rasa"]
    assert f"connect-src 'self' {rasa} {rasa.replace('http', 'ws')}" in csp
    assert '<html lang="fr">' in page
    assert f'data-server="{rasa}"' in page
    assert "&lt;script src=&quot;" not in page  # the snippet is escaped once, readable
    assert f'&lt;script src="{fake_stack["web"]}/static/widget.js"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline script in index.html"
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", page), "inline event handler in index.html"
    widget = (STATIC / "widget.js").read_text()
    assert "innerHTML" not in widget and "insertAdjacentHTML" not in widget
    assert "document.write" not in widget and "eval(" not in widget


def test_conversation_by_mouse(fake_stack, new_tab) -> None:
    tab = new_tab()
    page = tab.page
    open_widget(page, fake_stack["web"])
    say(page, "Je dois faire une démarche CAF")
    expect(bot_messages(page).last).to_contain_text("Dans quelle commune")
    page.get_by_role("button", name="Angoulême").click()
    expect(page.locator(".orienteur-msg--user").last).to_contain_text("Angoulême")
    cards = page.locator(".orienteur-card")
    expect(cards).to_have_count(2)
    tel = cards.first.get_by_role("link", name=re.compile("Appeler le 05 45 00 00 01"))
    expect(tel).to_be_visible()
    expect(tel).to_have_attribute("href", "tel:+33545000001")
    # The payload of the button was sent, not its title.
    assert received(fake_stack)[-1]["message"] == '/inform{"commune": "Angoulême"}'
    shot(page, "widget-conversation")
    assert tab.dialogs == [] and tab.errors == []


def test_emergency_numbers_are_links_to_call_or_to_text(fake_stack, new_tab) -> None:
    # The payload carries the numbers shown (actions/helplines.py): one link each, the 114 by SMS.
    tab = new_tab()
    page = tab.page
    open_widget(page, fake_stack["web"])
    say(page, "mon mari me frappe")
    answer = bot_messages(page).last
    expect(answer).to_contain_text("3919")
    for name, href in (("Appeler le 3919", "tel:3919"), ("Appeler le 17", "tel:17"),
                       ("Envoyer un SMS au 114", "sms:114")):  # fmt: skip
        expect(answer.get_by_role("link", name=name, exact=True)).to_have_attribute("href", href)
    assert tab.dialogs == [] and tab.errors == []


def test_conversation_by_keyboard_only(fake_stack, new_tab) -> None:
    tab = new_tab()
    page = tab.page
    page.goto(fake_stack["web"] + "/")
    launcher = page.get_by_role("button", name="Besoin d'aide avec le numérique ?")
    for _ in range(30):
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the launcher cannot be reached with Tab")
    outline = launcher.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "no visible focus on the launcher"
    page.keyboard.press("Enter")
    expect(page.get_by_label("Votre message")).to_be_focused()
    wait_ready(page)
    page.keyboard.type("Je dois faire une démarche CAF")
    page.keyboard.press("Enter")
    choice = page.get_by_role("button", name="Angoulême")
    expect(choice).to_be_visible()
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if choice.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the proposed answers cannot be reached with the keyboard")
    page.keyboard.press("Enter")
    tel = page.locator(".orienteur-card a[href^='tel:']").first
    expect(tel).to_be_visible()
    # From the message field, the card links are reachable backwards with the keyboard.
    expect(page.get_by_label("Votre message")).to_be_focused()
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        if tel.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the phone link cannot be reached with the keyboard")
    shot(page, "widget-keyboard-focus")
    page.keyboard.press("Escape")
    expect(page.locator("#orienteur-panel")).to_be_hidden()
    expect(launcher).to_be_focused()
    assert tab.dialogs == [] and tab.errors == []


def test_results_cards_contents(fake_stack, new_tab) -> None:
    page = new_tab().page
    open_widget(page, fake_stack["web"])
    say(page, "Angoulême")
    cards = page.locator(".orienteur-card")
    expect(cards).to_have_count(2)
    first, second = cards.nth(0), cards.nth(1)
    expect(first.get_by_role("heading", level=3)).to_have_text("1. France Services d'Angoulême")
    expect(first).to_contain_text("fait les démarches CAF avec vous, gratuit")
    expect(first).to_contain_text("1 place de l'Hôtel de Ville, 16000 Angoulême")
    expect(first).to_contain_text("À 1,2 km")
    expect(first).to_contain_text("Ouvert maintenant, jusqu'à 17 h")
    rdv = first.get_by_role("link", name=re.compile("^Prendre rendez-vous"))
    expect(rdv).to_have_attribute("href", "https://rdv.example.org/fs-angouleme")
    expect(rdv).to_have_attribute("rel", "noopener noreferrer")
    expect(rdv).to_contain_text("nouvelle fenêtre")
    route = first.get_by_role("link", name=re.compile("^Itinéraire"))
    expect(route).to_have_attribute(
        "href", "https://www.openstreetmap.org/directions?route=%3B45.64840%2C0.15620"
    )
    first.get_by_text("Horaires de la semaine").click()
    expect(first).to_contain_text("lun.–ven. : 9 h–17 h")
    expect(second).to_contain_text("Horaires non connus")
    expect(second).to_contain_text("Pas de téléphone connu")
    expect(second).to_contain_text("À 4 km")
    # No phone, no position: no link but the place's sheet (folded under "Garder cette adresse").
    expect(second.locator("a")).to_have_count(1)
    expect(second.locator("details.orienteur-keep-place a")).to_have_attribute(
        "href", re.compile(r"/fiche/[^/?]+(\?apporter=|$)")
    )
    expect(page.get_by_role("list", name="Lieux proposés")).to_be_visible()


def test_html_injection_is_shown_as_text(fake_stack, new_tab) -> None:
    tab = new_tab()
    page = tab.page
    open_widget(page, fake_stack["web"])
    say(page, INJECTION)
    expect(page.locator(".orienteur-msg--user").last).to_contain_text(INJECTION)
    expect(bot_messages(page).last).to_contain_text(f"Vous avez écrit : {INJECTION}")
    # The assistant or the directory sending markup or dangerous links: text, no links.
    page.evaluate(
        """inj => window.Orienteur.renderBotMessage({
            text: inj + ' <script>alert(2)</script> javascript:alert(3)',
            quick_replies: [{title: inj, payload: '/x'}],
            orienteur: {results: [{name: inj, why: inj, address: inj, phone: 'javascript:alert(4)',
                appointment_url: 'javascript:alert(5)', website: 'data:text/html,<b>x</b>',
                lat: 'x', lon: 1, open_now: true}]}})""",
        INJECTION,
    )
    log = page.locator("#orienteur-log")
    expect(log.locator(".orienteur-card-title").last).to_have_text(INJECTION)
    expect(log.get_by_role("button", name=INJECTION)).to_be_visible()
    assert log.locator("img, script, iframe, object").count() == 0
    hrefs = log.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert all(re.match(r"^(https?:|tel:\+?\d+$)", h) for h in hrefs), hrefs
    page.wait_for_timeout(300)
    assert tab.dialogs == []
    shot(page, "widget-injection")


def test_reload_keeps_the_conversation(fake_stack, new_tab) -> None:
    page = new_tab().page
    open_widget(page, fake_stack["web"])
    say(page, "bonjour")
    expect(bot_messages(page).last).to_contain_text("Vous avez écrit : bonjour")
    session_id = page.evaluate("window.Orienteur.sessionId()")
    page.reload()
    expect(page.locator("#orienteur-panel")).to_be_visible()  # still open
    expect(page.locator(".orienteur-msg--user")).to_have_text(re.compile("bonjour"))
    expect(bot_messages(page)).to_have_count(1)
    wait_ready(page)
    assert page.evaluate("window.Orienteur.sessionId()") == session_id
    say(page, "encore là")
    expect(bot_messages(page).last).to_contain_text("Vous avez écrit : encore là")
    mine = [m for m in received(fake_stack) if m["message"] in ("bonjour", "encore là")]
    assert {m["session_id"] for m in mine} == {session_id}
    # "Nouvelle conversation" forgets both.
    page.get_by_role("button", name="Nouvelle conversation").click()
    expect(page.locator(".orienteur-msg")).to_have_count(0)
    wait_ready(page)
    assert page.evaluate("window.Orienteur.sessionId()") != session_id


def test_more_results_and_forget_me(fake_stack, new_tab) -> None:
    page = new_tab().page
    open_widget(page, fake_stack["web"])
    say(page, "Angoulême")
    expect(page.locator(".orienteur-card")).to_have_count(2)
    more = page.get_by_role("button", name="D'autres lieux")
    more.click()
    expect(page.locator(".orienteur-card")).to_have_count(4)
    expect(more.first).to_be_disabled()  # answered: out of the Tab order
    assert received(fake_stack)[-1]["message"] == "/more_results"
    session_id = page.evaluate("window.Orienteur.sessionId()")
    say(page, "oublie-moi")
    expect(page.get_by_role("status")).to_have_text("Conversation effacée de cet appareil.")
    wait_ready(page)
    assert page.evaluate("window.Orienteur.sessionId()") not in (None, session_id)
    assert page.evaluate("sessionStorage.getItem('orienteur:transcript')") is None
    page.reload()
    expect(page.locator(".orienteur-msg")).to_have_count(0)


def test_share_location_sends_inform_with_rounded_position(fake_stack, new_tab) -> None:
    tab = new_tab(geolocation={"latitude": 45.648431, "longitude": 0.156219},
                  permissions=["geolocation"])  # fmt: skip
    page = tab.page
    open_widget(page, fake_stack["web"])
    page.get_by_role("button", name="Partager ma position").click()
    expect(page.locator(".orienteur-msg--user").last).to_have_text(
        re.compile("Ma position \\(partagée\\)")
    )
    expect(page.locator(".orienteur-card")).to_have_count(2)
    last = received(fake_stack)[-1]
    assert last["message"] == '/inform{"latitude":45.648,"longitude":0.156}'
    assert last["metadata"] == {"location": {"lat": 45.648, "lon": 0.156}}


def test_geolocation_refused_explains(fake_stack, new_tab) -> None:
    page = new_tab(permissions=[]).page
    open_widget(page, fake_stack["web"])
    page.get_by_role("button", name="Partager ma position").click()
    expect(page.get_by_role("status")).to_contain_text("écrire le nom de votre commune")
    expect(page.get_by_label("Votre message")).to_be_focused()


def test_accessibility_axe(fake_stack, new_tab) -> None:
    # axe is injected as an inline script: only this test's context bypasses the page's CSP.
    page = new_tab(bypass_csp=True).page
    page.goto(fake_stack["web"] + "/")
    assert run_axe(page) == [], "page with the widget closed"
    page.get_by_role("button", name="Besoin d'aide avec le numérique ?").click()
    wait_ready(page)
    say(page, "Je dois faire une démarche CAF")
    page.get_by_role("button", name="Angoulême").click()
    expect(page.locator(".orienteur-card")).to_have_count(2)
    assert run_axe(page) == [], "widget open with results"


@pytest.mark.parametrize(
    "name,options",
    [
        ("mobile-360", {"viewport": {"width": 360, "height": 740}}),
        # 200 % zoom of a 1280 × 800 screen: the same CSS pixels, twice the device pixels.
        ("zoom-200", {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}),
    ],
)
def test_small_screen_and_zoom(fake_stack, new_tab, name, options) -> None:
    page = new_tab(**options).page
    open_widget(page, fake_stack["web"])
    say(page, "Angoulême")
    expect(page.locator(".orienteur-card")).to_have_count(2)
    width = options["viewport"]["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for locator in (page.get_by_label("Votre message"), page.get_by_role("button", name="Envoyer")):
        box = locator.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, name
    page.locator(".orienteur-card").first.scroll_into_view_if_needed()
    card = page.locator(".orienteur-card").first.bounding_box()
    assert card and card["x"] >= 0 and card["x"] + card["width"] <= width
    shot(page, f"widget-{name}")


@pytest.mark.parametrize("width, height", [(360, 740), (1280, 900)])
def test_call_and_route_links_are_44_px_touch_targets(fake_stack, new_tab, width, height):
    """ "Appeler" and "Itinéraire" on a place's card were 34 px high: at least 44 px, at phone
    width too, and the card still fits the screen."""
    page = new_tab(viewport={"width": width, "height": height}).page
    open_widget(page, fake_stack["web"])
    say(page, "Angoulême")
    card = page.locator(".orienteur-card").first
    card.scroll_into_view_if_needed()
    links = [card.locator("a.orienteur-card-tel"), card.locator("a.orienteur-card-route"),
             card.get_by_role("link", name=re.compile("^Prendre rendez-vous"))]  # fmt: skip
    for link in links:
        box = link.bounding_box()
        assert box and box["height"] >= 44, (link, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (link, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    shot(page, f"widget-card-links-{width}x{height}")


def test_after_one_place_in_full_a_button_shows_the_list_again(fake_stack, new_tab) -> None:
    tab = new_tab(viewport={"width": 360, "height": 740})
    page = tab.page
    open_widget(page, fake_stack["web"])
    say(page, "Angoulême")
    expect(page.locator(".orienteur-card")).to_have_count(2)
    say(page, "le deuxième")
    detail = bot_messages(page).last
    expect(detail.locator(".orienteur-card--full")).to_have_count(1)
    again = detail.get_by_role("button", name="Revoir la liste")
    expect(again).to_be_visible()
    box = again.bounding_box()
    assert box and box["height"] >= 44 and box["x"] + box["width"] <= 360
    shot(page, "widget-detail-list-again-360x740")
    again.click()
    expect(page.locator(".orienteur-msg--user").last).to_have_text("Vous :Revoir la liste")
    assert received(fake_stack)[-1]["message"] == "liste"  # the assistant reads it (no search)
    expect(bot_messages(page).last.locator(".orienteur-card")).to_have_count(2)
    assert tab.dialogs == [] and tab.errors == []


# ---- With the real Rasa model ------------------------------------------------------------------
NEED_TURNS = [
    "Bonjour, je dois faire une demande à la CAF et je n'y arrive pas sur internet",
    "Angoulême",
    "oui",
]


@pytest.mark.rasa
def test_real_rasa_conversation_gives_cards(real_web, new_tab) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 800})
    page = tab.page
    open_widget(page, real_web["web"])
    cards = page.locator(".orienteur-card")
    for turn, text in enumerate(NEED_TURNS):
        before = bot_messages(page).count()
        say(page, text)
        expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
        page.wait_for_timeout(3000)  # the rest of this turn's messages
        if cards.count():
            break
        shot(page, f"rasa-turn-{turn}")
    expect(cards.first).to_be_visible()
    shot(page, "rasa-conversation")
    # Each card against the payload Rasa sent (kept by the widget in sessionStorage).
    transcript = json.loads(page.evaluate("sessionStorage.getItem('orienteur:transcript')"))
    results = [
        item
        for entry in transcript
        if entry["role"] == "bot" and "orienteur" in (entry.get("msg") or {})
        for item in entry["msg"]["orienteur"].get("results", [])
    ]
    assert results and cards.count() == len(results)
    for i, item in enumerate(results):
        card = cards.nth(i)
        heading = f"{item['number']}. {item['name']}"
        expect(card.get_by_role("heading", level=3)).to_have_text(heading)
        tel = card.locator("a[href^='tel:']")
        if item.get("phone"):  # not every place has a phone number
            tel.scroll_into_view_if_needed()
            expect(tel).to_be_visible()
            expect(tel).to_have_text(re.compile(r"^Appeler le (0\d( \d\d){4}|\+)"))
        else:
            expect(tel).to_have_count(0)
    assert tab.dialogs == []


@pytest.mark.rasa
def test_real_rasa_reload_keeps_the_conversation(real_web, new_tab) -> None:
    page = new_tab().page
    open_widget(page, real_web["web"])
    say(page, "bonjour")
    expect(bot_messages(page).first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(3000)
    count = bot_messages(page).count()
    session_id = page.evaluate("window.Orienteur.sessionId()")
    page.reload()
    wait_ready(page)
    expect(bot_messages(page)).to_have_count(count)
    assert page.evaluate("window.Orienteur.sessionId()") == session_id
    # After the reload the view is on the latest message.
    log_box = page.locator("#orienteur-log").bounding_box()
    last = bot_messages(page).last.bounding_box()
    assert log_box["y"] - 1 <= last["y"] < log_box["y"] + log_box["height"]
    say(page, INJECTION)
    expect(bot_messages(page)).not_to_have_count(count, timeout=60_000)
    assert page.locator("#orienteur-log img").count() == 0


def reach_cards(page) -> None:
    """Say NEED_TURNS until the assistant answers with places (answering its buttons if any)."""
    cards = page.locator(".orienteur-card")
    for text in NEED_TURNS:
        before = bot_messages(page).count()
        say(page, text)
        expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
        page.wait_for_timeout(2000)
        if cards.count():
            return
    expect(cards.first).to_be_visible()


def latest_recommendation(page) -> dict:
    """The last recommendation payload the widget received (kept in sessionStorage)."""
    transcript = json.loads(page.evaluate("sessionStorage.getItem('orienteur:transcript')"))
    found = [entry["msg"]["orienteur"] for entry in transcript
             if entry["role"] == "bot" and (entry.get("msg") or {}).get("orienteur", {})
             .get("type") == "recommendation"]  # fmt: skip
    assert found, transcript
    return found[-1]


# Visible text of the conversation (screen-reader-only text left out), as a person sees it.
VISIBLE_TEXT = """() => {
    const walker = document.createTreeWalker(document.getElementById('orienteur-log'),
        NodeFilter.SHOW_TEXT);
    let out = '';
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.parentElement.closest('.orienteur-sr-only')) out += node.textContent + '\\n';
    }
    return out;
}"""


@pytest.mark.rasa
def test_real_answer_each_place_once_on_a_full_screen_phone(real_web, new_tab) -> None:
    tab = new_tab(viewport={"width": 360, "height": 740})
    page = tab.page
    open_widget(page, real_web["web"])
    reach_cards(page)
    page.wait_for_timeout(1000)
    # The panel is the whole screen; the conversation most of it; nothing of the page shows.
    assert page.locator("#orienteur-panel").bounding_box() == {
        "x": 0, "y": 0, "width": 360, "height": 740}  # fmt: skip
    log_box = page.locator("#orienteur-log").bounding_box()
    assert log_box["height"] >= 0.7 * 740, log_box
    assert page.evaluate("""() => [[2, 2], [358, 738], [180, 370], [10, 700]].every(([x, y]) =>
        document.getElementById('orienteur-widget').contains(document.elementFromPoint(x, y)))""")
    # Each recommended place once: one card, its name nowhere else, its distance once.
    payload = latest_recommendation(page)
    assert payload["results"]
    seen = page.evaluate(VISIBLE_TEXT)
    cards = page.locator(".orienteur-card")
    expect(cards).to_have_count(len(payload["results"]))
    for i, item in enumerate(payload["results"]):
        assert seen.count(item["name"]) == 1, item["name"]
        card = cards.nth(i).inner_text()
        if item.get("distance_text"):
            assert card.count(item["distance_text"]) == 1, card
        assert " km" not in (item.get("why") or "") and " m," not in (item.get("why") or "")
    # The view lands on the start of the answer (its introduction), not in the cards.
    answer = bot_messages(page).last
    assert abs(answer.bounding_box()["y"] - log_box["y"]) <= 24
    expect(answer).to_contain_text("Voici")
    shot(page, "rasa-phone-answer")
    # Follow-ups are buttons; once one is used, the old ones are disabled (out of Tab order).
    follow = answer.get_by_role("button", name="Une autre ville")
    expect(follow).to_be_visible()
    before = bot_messages(page).count()
    follow.click()
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    for button in answer.locator(".orienteur-choice").all():
        expect(button).to_be_disabled()
    assert tab.dialogs == []


@pytest.mark.rasa
@pytest.mark.parametrize("width, height", [(360, 740), (1280, 800)])
def test_real_guessed_need_is_a_choice_readable_on_a_phone(real_web, new_tab, width, height):
    # A message with no word of a service: the assistant offers its three likeliest needs.
    tab = new_tab(viewport={"width": width, "height": height})
    page = tab.page
    open_widget(page, real_web["web"])
    say(page, "kk1 est dans mon compte insta je peu plus me co")
    question = bot_messages(page).last
    expect(question).to_contain_text("de quoi avez-vous besoin", timeout=60_000)
    choices = question.locator(".orienteur-choice")
    expect(choices).to_have_count(3)
    for button in choices.all():  # whole titles, inside the screen
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        assert button.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
    shot(page, f"rasa-need-choice-{width}")
    question.get_by_role("button", name="Vous protéger des arnaques et du piratage").click()
    expect(bot_messages(page).last).to_contain_text("Dans quelle ville", timeout=60_000)
    say(page, "Vannes")
    expect(page.locator(".orienteur-card").first).to_be_visible(timeout=60_000)
    expect(bot_messages(page).last).to_contain_text("Vannes")
    shot(page, f"rasa-need-choice-answer-{width}")
    assert tab.dialogs == []
