"""The widget on the real assistant's answers a person meets after the list (Chromium headless,
the action server and `rasa run` with the trained model, the embedded directory): one place asked
for by its number given in full, a distance limit or a day nothing fits, a département-wide
answer, and the whole first conversation on a phone.

``ORIENTEUR_UPDATE_SCREENSHOTS=1`` copies the screenshots into docs/screenshots/."""

from __future__ import annotations

import re

import pytest

from tests.bot.web.test_widget_browser import (  # noqa: F401 - fixtures
    VISIBLE_TEXT,
    bot_messages,
    expect,
    latest_recommendation,
    new_tab,
    open_widget,
    real_web,
    say,
)
from tests.webapp_support import free_port, shot

pytestmark = [pytest.mark.browser, pytest.mark.rasa]

NEED = "Bonjour, je dois faire une demande à la CAF et je n'y arrive pas sur internet"
DESK = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def ask(page, text: str):
    """Say ``text`` and wait for the whole answer; the answer's first message."""
    before = bot_messages(page).count()
    say(page, text)
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    page.wait_for_timeout(2000)  # the rest of this turn's messages
    return bot_messages(page).nth(before)


def to_places(page, *turns: str) -> None:
    for text in turns:
        ask(page, text)
    expect(page.locator(".orienteur-card").first).to_be_visible()


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Every place where the text breaks a line right before ":", ";", "!", "?", "»" or right after
# "«" or "n°" (French puts a space there, which must not break): the text around each.
BAD_BREAKS = """() => {
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
            if (!/\\s/.test(s[i])) continue;
            if (!/[:;!?»]/.test(s[i + 1]) && !/(«|n°)$/.test(s.slice(0, i))) continue;
            const left = top(node, i - 1), right = top(node, i + 1);
            if (left !== null && right !== null && Math.abs(left - right) > 2) {
                bad.push(s.slice(Math.max(0, i - 25), i + 5));
            }
        }
    }
    return bad;
}"""


def fits(page, viewport: dict) -> None:
    """Nothing wider than the screen; the message field and its button inside it."""
    width = viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for control in (page.get_by_label("Votre message"), page.get_by_role("button", name="Envoyer")):
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert box["y"] + box["height"] <= viewport["height"]


# ---- One place given in full ("le deuxième", "2", "celui de Tourcoing") -------------------------
@pytest.mark.parametrize(
    "viewport, pick",
    [(DESK, "le premier"), (PHONE, "2"), (PHONE, "celui de Tourcoing")],
    ids=["desk-le-premier", "phone-2", "phone-celui-de"],
)
def test_real_place_in_full_is_one_complete_card(real_web, new_tab, viewport, pick) -> None:  # noqa: F811
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, NEED, "Roubaix")
    listed = latest_recommendation(page)
    answer = ask(page, pick)
    payload = latest_recommendation(page)
    assert payload is not listed and payload.get("delivery") == "detail", payload
    [place] = payload["results"]
    card = answer.locator(".orienteur-card")
    # One card, not a list of one nor the list again.
    expect(card).to_have_count(1)
    expect(answer.get_by_role("list", name="Lieux proposés")).to_have_count(0)
    expect(card.get_by_role("heading", level=3)).to_have_text(f"{place['number']}. {place['name']}")
    assert flat(page.evaluate(VISIBLE_TEXT)).count(place["name"]) == 2  # the list's, this one
    # Everything in it, without unfolding anything: the week's hours, what to bring, the phone.
    for line in [place.get("address"), place.get("why"), *place["hours"], *payload["bring"]]:
        if line:
            expect(card.get_by_text(line, exact=True)).to_be_visible()
    assert place["hours"] and payload["bring"], "a place with hours, a need with things to bring"
    if place.get("distance_text"):
        assert card.inner_text().count(place["distance_text"]) == 1
    if place.get("phone_text"):
        expect(card.get_by_role("link", name=re.compile("^Appeler le " + place["phone_text"])))\
            .to_be_visible()  # fmt: skip
    expect(answer.locator("details.orienteur-bring")).to_have_count(0)  # not twice
    # Its buttons are the payload's follow-ups, no more: "Prévenir" only when the payload has it.
    titles = [flat(t) for t in answer.locator(".orienteur-choice").all_inner_texts()]
    assert titles == [b["title"] for b in payload["follow_ups"]], titles
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    fits(page, viewport)
    assert page.evaluate(BAD_BREAKS) == []
    name = "desk-1280x800" if viewport is DESK else "phone-390x844"
    answer.evaluate("a => a.scrollIntoView({block: 'start'})")  # as the widget shows it
    shot(page, f"widget-place-in-full-{name}-{pick.replace(' ', '-')}")
    assert tab.dialogs == []


def test_real_place_in_full_then_the_list_again(real_web, new_tab) -> None:  # noqa: F811
    """After one place in full, "Revoir la liste" shows the same list, no new search."""
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, NEED, "Roubaix")
    listed = latest_recommendation(page)
    answer = ask(page, "le deuxième")
    again = answer.get_by_role("button", name="Revoir la liste")
    again.scroll_into_view_if_needed()
    expect(again).to_be_visible()
    box = again.bounding_box()
    assert box and box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    before = bot_messages(page).count()
    again.click()
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    shown = bot_messages(page).nth(before)
    expect(shown).to_contain_text("Voici à nouveau la liste près de Roubaix (59)")
    payload = latest_recommendation(page)
    assert payload["results"] == listed["results"] and not payload.get("delivery")
    cards = shown.locator(".orienteur-card")
    expect(cards).to_have_count(len(listed["results"]))
    for i, place in enumerate(listed["results"]):
        expect(cards.nth(i).get_by_role("heading", level=3)).to_have_text(
            f"{place['number']}. {place['name']}"
        )
    fits(page, PHONE)
    shown.evaluate("a => a.scrollIntoView({block: 'start'})")
    shot(page, "widget-list-again-phone-390x844")
    assert tab.dialogs == []


@pytest.fixture
def referrals_on(rasa_stack):
    """The session's action server with referrals on (a secret key, a mail server configured:
    nothing is sent unless the person consents), as before afterwards. A new action server's
    first turn loads the NLU and the directory: played before any test turn (turns are bounded
    to 8 s)."""

    def restart(**env: str) -> None:
        rasa_stack.restart_actions(**env)
        for text in ("bonjour", "j'ai besoin d'aide pour la CAF à Roubaix"):  # as the fixture
            rasa_stack.say("warm-up", text, timeout=180)

    restart(
        ORIENTEUR_SECRET_KEY="widget-answers-test-key-0123456789abcdef",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(free_port()),
        SMTP_FROM="orienteur@example.org",
    )
    try:
        yield
    finally:
        restart()


def test_real_place_in_full_offers_to_tell_it_when_it_can_be_told(
    real_web,  # noqa: F811
    referrals_on,
    new_tab,  # noqa: F811
) -> None:
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, NEED, "Roubaix")
    answer = ask(page, "le deuxième")
    payload = latest_recommendation(page)
    assert payload.get("delivery") == "detail"
    notify = [b for b in payload["follow_ups"] if b["payload"].startswith("/notify_place")]
    assert [b["title"] for b in notify] == ["Prévenir le lieu n° 2 que je viens"], payload
    button = answer.get_by_role("button", name="Prévenir le lieu n° 2 que je viens")
    button.scroll_into_view_if_needed()
    expect(button).to_be_visible()
    assert button.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
    assert page.evaluate(BAD_BREAKS) == []
    shot(page, "widget-place-in-full-notify-phone-390x844")
    before = bot_messages(page).count()
    button.click()
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    expect(bot_messages(page).nth(before)).to_contain_text("France services Mairie de Roubaix")
    assert tab.dialogs == []


# ---- A limit nothing fits: said, the nearest shown --------------------------------------------
def test_real_nothing_within_the_distance_said_shows_the_nearest(real_web, new_tab) -> None:  # noqa: F811
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, "je veux apprendre à me servir de mon téléphone à Cognac")
    answer = ask(page, "à moins de 500 m")
    expect(answer).to_contain_text("Aucun lieu n'est à moins de 500 m de Cognac")
    payload = latest_recommendation(page)
    cards = answer.locator(".orienteur-card")
    expect(cards).to_have_count(len(payload["results"]))
    for i, place in enumerate(payload["results"]):  # each with its distance, beyond the limit
        expect(cards.nth(i)).to_contain_text("À " + place["distance_text"])
    fits(page, PHONE)
    assert page.evaluate(BAD_BREAKS) == []
    answer.evaluate("a => a.scrollIntoView({block: 'start'})")  # as the widget shows it
    shot(page, "widget-nothing-within-500m-phone-390x844")
    assert tab.dialogs == []


def test_real_town_and_distance_in_one_answer(real_web, new_tab) -> None:  # noqa: F811
    # The "1" of "1 km max" was read as a place too: "près de Paris 1er", the limit lost.
    tab = new_tab(viewport=DESK)
    page = tab.page
    open_widget(page, real_web["web"])
    expect(ask(page, "je veux apprendre à me servir de mon téléphone")).to_contain_text(
        "Dans quelle ville"
    )
    answer = ask(page, "Paris, 1 km max")
    expect(answer).to_contain_text("près de Paris (75)")
    expect(answer).to_contain_text("(lieux à moins de 1 km)")
    payload = latest_recommendation(page)
    assert payload["filters"].get("max_km") == 1.0, payload["filters"]
    assert payload["results"] and all(p["distance_km"] <= 1 for p in payload["results"])
    expect(answer.locator(".orienteur-card")).to_have_count(len(payload["results"]))
    titles = [flat(t) for t in answer.locator(".orienteur-choice").all_inner_texts()]
    assert "Sans le critère « à moins de 1 km »" in titles, titles
    assert page.evaluate(BAD_BREAKS) == []
    fits(page, DESK)
    shot(page, "widget-paris-1-km-max-1280x800")
    assert tab.dialogs == []


@pytest.mark.parametrize(
    "viewport, town, said",
    [
        (DESK, "Cognac", "Aucun lieu n'ouvre le dimanche près de Cognac"),
        (PHONE, "Roubaix", "(lieux ouverts le dimanche)"),
    ],
    ids=["desk-nothing-on-sunday", "phone-sunday"],
)
def test_real_sunday_answer_reads_as_french(real_web, new_tab, viewport, town, said) -> None:  # noqa: F811
    # "… près de Cognac (16) … ; voici …": no line starts with ";" or ":".
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    to_places(page, f"je veux apprendre à me servir de mon téléphone à {town}")
    answer = ask(page, "et le dimanche ?")
    expect(answer).to_contain_text(said)
    expect(answer.locator(".orienteur-card").first).to_be_visible()
    payload = latest_recommendation(page)
    titles = [flat(t) for t in answer.locator(".orienteur-choice").all_inner_texts()]
    assert titles == [b["title"] for b in payload["follow_ups"]], titles
    assert page.evaluate(BAD_BREAKS) == []
    fits(page, viewport)
    shot(page, f"widget-sunday-{town.lower()}-{viewport['width']}x{viewport['height']}")
    assert tab.dialogs == []


# ---- A département-wide answer -----------------------------------------------------------------
def test_real_departement_answer_gives_no_distance_from_nowhere(real_web, new_tab) -> None:  # noqa: F811
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    # A département alone: its town asked, "Peu importe" keeps the whole département.
    question = ask(page, "je veux apprendre à me servir de mon téléphone dans le Nord")
    expect(question).to_contain_text("Quelle est votre commune dans le Nord ?")
    before = bot_messages(page).count()
    question.get_by_role("button", name="Peu importe").click()
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    page.wait_for_timeout(2000)
    answer = bot_messages(page).nth(before)
    expect(answer).to_contain_text("lieux dans le Nord pour")
    cards = answer.locator(".orienteur-card")
    expect(cards.first).to_be_visible()
    # The distances would be from the département's centre, read as the person's.
    for text in cards.all_inner_texts():
        assert not re.search(r"\bÀ [\d,]+ k?m\b", text), text
    fits(page, PHONE)
    assert page.evaluate(BAD_BREAKS) == []
    shot(page, "widget-departement-nord-phone-390x844")
    assert tab.dialogs == []


# ---- The first conversation on a phone ---------------------------------------------------------
def test_real_first_conversation_on_a_phone(real_web, new_tab) -> None:  # noqa: F811
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    panel = page.locator("#orienteur-panel")
    assert panel.bounding_box() == {"x": 0, "y": 0, **PHONE}

    def usable(step: str) -> None:
        """Nothing overflows; every button on screen is a finger's size (44 px) and whole."""
        fits(page, PHONE)
        for button in panel.locator("button:visible:not([disabled])").all():
            box = button.bounding_box()
            if box["y"] + box["height"] < 0 or box["y"] > PHONE["height"]:
                continue  # scrolled out of the conversation
            assert box["height"] >= 44, (step, button.inner_text(), box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (step, box)
            assert button.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), step
        assert page.evaluate(BAD_BREAKS) == [], step
        expect(page.get_by_label("Votre message")).to_be_focused()
        shot(page, f"widget-first-conversation-{step}-phone-390x844")

    # Opened: it says what it does (not an empty screen), the field is ready.
    greeting = page.locator(".orienteur-intro")
    expect(greeting).to_be_visible()
    expect(greeting).to_contain_text("Dites-moi ce que vous voulez faire")
    usable("1-greeting")
    expect(ask(page, NEED)).to_contain_text("Dans quelle ville")
    expect(greeting).to_be_hidden()  # the conversation gets its room
    usable("2-need")
    answer = ask(page, "Roubaix")
    expect(answer.locator(".orienteur-card").first).to_be_visible()
    usable("3-places")
    ask(page, "le premier")
    usable("4-place-in-full")
    assert tab.dialogs == []
