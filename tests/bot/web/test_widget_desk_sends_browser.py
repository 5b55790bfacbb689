"""The desk's answers of round 28 in the widget, on the real assistant (Chromium headless, the
action server and `rasa run` with the trained model, the embedded directory), at desk size and on
a phone: after a list, the referral asked by e-mail (« envoyez-moi ça par mail », an address typed)
is said not sendable from here, with the way to each place's sheet; « envoie la fiche du 1 par
sms » gives place 1 alone and its SMS text to copy; « qu'est-ce qui est écrit dans le sms ? »
that text; the hours for a part of the day (« c'est ouvert jeudi matin ? ») and a same-day
deadline. What the person sees: the words, the sheet's link that opens the sheet, the SMS text
whole and not cut, nothing wider than the screen.

``ORIENTEUR_UPDATE_SCREENSHOTS=1`` copies the screenshots into docs/screenshots/."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.bot.web.test_widget_answers_browser import BAD_BREAKS, fits, flat, to_places
from tests.bot.web.test_widget_browser import (  # noqa: F401 - fixtures
    bot_messages,
    expect,
    latest_recommendation,
    new_tab,
    open_widget,
    real_web,
    say,
)
from tests.webapp_support import shot

pytestmark = [pytest.mark.browser, pytest.mark.rasa]

NEED = "je veux apprendre à me servir de mon téléphone à Roubaix"
DESK = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["desk", "phone"])
NO_MAIL = "Je ne peux pas envoyer d'e-mail d'ici."
NO_SMS = "Je ne peux pas envoyer de SMS d'ici."

# Every element of the conversation that goes out of the conversation's box (cut, or a page to
# scroll sideways) or out of the screen: its text.
OVERFLOWS = """() => {
    const bad = [];
    const log = document.getElementById('orienteur-log').getBoundingClientRect();
    const right = Math.min(log.right, document.documentElement.clientWidth);
    for (const e of document.querySelectorAll('#orienteur-log *')) {
        if (e.closest('.orienteur-sr-only')) continue;  // read aloud, not shown
        const box = e.getBoundingClientRect();
        if (!box.width || !box.height) continue;
        if (box.right > right + 0.5 || box.left < log.left - 0.5) {
            bad.push((e.className || e.tagName) + ': ' + e.textContent.slice(0, 60));
        }
    }
    return bad;
}"""

# Every time cut across two lines ("13" | "h 30", "13 h" | "30", "9 h–" | "12 h"): the text around.
TIMES_CUT = """() => {
    const bad = [];
    const walker = document.createTreeWalker(document.getElementById('orienteur-log'),
        NodeFilter.SHOW_TEXT);
    const top = (node, i) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const box = r.getBoundingClientRect();
        return box.height ? box.top : null;
    };
    while (walker.nextNode()) {
        const node = walker.currentNode, s = node.textContent;
        for (let i = 1; i + 1 < s.length; i++) {
            const before = s.slice(0, i + 1), after = s.slice(i + 1);
            const inside = /\\d\\s$/.test(before) && /^h\\b/.test(after)  // 13 | h
                || /\\d\\sh\\s$/.test(before) && /^\\d\\d/.test(after)  // 13 h | 30
                || /\\d(\\sh)?[–-]$/.test(before) && /^\\d/.test(after);  // 9 h– | 12
            if (!inside) continue;
            const left = top(node, /\\s/.test(s[i]) ? i - 1 : i), right = top(node, i + 1);
            if (left !== null && right !== null && Math.abs(left - right) > 2) {
                bad.push(s.slice(Math.max(0, i - 12), i + 8));
            }
        }
    }
    return bad;
}"""


class Answer:
    """The messages of one turn: the first (where the widget shows the answer from) and all."""

    def __init__(self, page, first: int) -> None:
        count = bot_messages(page).count()
        self.messages = [bot_messages(page).nth(i) for i in range(first, count)]
        self.first = self.messages[0]

    def text(self) -> str:
        return "\n".join(m.inner_text() for m in self.messages)


def ask(page, text: str) -> Answer:
    """Say ``text`` and wait for the whole answer."""
    before = bot_messages(page).count()
    say(page, text)
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    page.wait_for_timeout(2500)  # the rest of this turn's messages
    return Answer(page, before)


def name_of(viewport: dict) -> str:
    return f"{'desk' if viewport is DESK else 'phone'}-{viewport['width']}x{viewport['height']}"


def readable(page, answer, viewport: dict, step: str) -> None:
    """Nothing overflows the screen nor a box; no French line break; the answer from its start,
    as the widget shows it, photographed."""
    fits(page, viewport)
    assert page.evaluate(OVERFLOWS) == [], step
    assert page.evaluate(BAD_BREAKS) == [], step
    assert page.evaluate(TIMES_CUT) == [], step
    for message in answer.messages:
        box = message.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], step
    assert "**" not in answer.text() and "](" not in answer.text(), step  # no markdown
    answer.first.evaluate("a => a.scrollIntoView({block: 'start'})")
    shot(page, f"widget-desk-{step}-{name_of(viewport)}")


def lines_whole(answer, lines: list[str]) -> None:
    """Each line of ``lines`` on screen in the answer, none cut nor hidden."""
    shown = answer.text()
    for line in lines:
        assert line in shown, (line, shown)


def sheet_opens(page, card, place: dict) -> None:
    """The card's « Garder cette adresse », then its sheet's link: the place's sheet."""
    card.get_by_text("Garder cette adresse").click()
    link = card.get_by_role("link", name=re.compile("^Fiche à imprimer ou enregistrer"))
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    with urllib.request.urlopen(href, timeout=10) as r:
        assert r.status == 200
        assert place["name"] in r.read().decode(), href


@VIEWPORTS
def test_an_email_asked_at_the_desk_says_so_and_where_the_sheets_are(real_web, new_tab, viewport):  # noqa: F811
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, NEED)
    places = latest_recommendation(page)["results"]
    cards_before = page.locator(".orienteur-card").count()
    for step, said in (("mail-asked", "envoyez-moi ça par mail"),
                       ("mail-address-typed", "mireille.d@example.org")):  # fmt: skip
        answer = ask(page, said)
        expect(answer.first).to_contain_text(NO_MAIL)
        text = flat(answer.text())
        assert "Garder cette adresse" in text and "Fiche à imprimer" in text, text
        assert page.locator(".orienteur-card").count() == cards_before, "never the list again"
        assert "example.org" not in text
        readable(page, answer, viewport, step)
    # What it points to is there: under place 1, its sheet.
    sheet_opens(page, page.locator(".orienteur-card").first, places[0])
    assert tab.dialogs == []


@VIEWPORTS
def test_the_sms_of_place_1_is_its_text_to_copy_whole(real_web, new_tab, viewport):  # noqa: F811
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, NEED)
    first, *others = latest_recommendation(page)["results"]
    answer = ask(page, "envoie la fiche du 1 par sms")
    expect(answer.first).to_contain_text(NO_SMS)
    shown = answer.text()
    lines_whole(answer, [first["name"], first["address"]])
    if first.get("phone_text"):
        lines_whole(answer, [first["phone_text"]])
    for other in others:
        assert other["name"] not in shown, shown
    readable(page, answer, viewport, "sms-place-1")
    answer = ask(page, "qu'est-ce qui est écrit dans le sms ?")
    lines_whole(answer, [first["name"], first["address"]])
    for other in others:
        assert other["name"] not in answer.text()
    readable(page, answer, viewport, "sms-what-it-says")
    assert tab.dialogs == []


@VIEWPORTS
def test_hours_for_a_morning_and_a_same_day_deadline(real_web, new_tab, viewport):  # noqa: F811
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, NEED)
    places = latest_recommendation(page)["results"]
    answer = ask(page, "c'est ouvert jeudi matin ?")
    expect(answer.first).to_contain_text("Le jeudi matin")
    for place in places:
        assert f"{place['number']}. {place['name']}" in answer.text()
    readable(page, answer, viewport, "thursday-morning")
    # Read by the NLU as a goodbye: « Au revoir, et bon courage ! » was the answer.
    answer = ask(page, "je dois le faire aujourd'hui")
    assert "Au revoir" not in answer.text(), answer.text()
    for place in places:
        assert place["name"] in answer.text(), answer.text()
    readable(page, answer, viewport, "today-deadline")
    assert tab.dialogs == []
