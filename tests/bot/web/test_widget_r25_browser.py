"""Round 25's look at the widget with the real assistant (Chromium headless, the action server and
`rasa run` with the trained model, the embedded directory), at 1280 × 800 and 360 × 740: what a
person saw that was wrong, each asserted as it shows on the screen.

``ORIENTEUR_UPDATE_SCREENSHOTS=1`` copies the screenshots into docs/screenshots/."""

from __future__ import annotations

import re

import pytest

from bot.channels.guard import MAX_MESSAGE_CHARS
from tests.bot.web.test_widget_answers_browser import ask, fits, flat
from tests.bot.web.test_widget_browser import (  # noqa: F401 - fixtures
    bot_messages,
    expect,
    latest_recommendation,
    new_tab,
    open_widget,
    real_web,
)
from tests.webapp_support import shot

pytestmark = [pytest.mark.browser, pytest.mark.rasa]

DESK = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
CAF_ANGOULEME = "je dois faire une demande à la CAF en ligne, j'habite à Angoulême"


def size(viewport: dict) -> str:
    return f"{viewport['width']}x{viewport['height']}"


# ---- Folded parts of an answer: a finger's size -------------------------------------------------
@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_real_folded_parts_of_an_answer_are_44_px_to_tap(real_web, new_tab, viewport) -> None:  # noqa: F811
    """"Horaires de la semaine", "Garder cette adresse" and "Pensez à apporter" open by a tap on
    their line: it was 32 px high (the call and route links beside them, 44)."""
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    answer = ask(page, CAF_ANGOULEME)
    expect(answer.locator(".orienteur-card").first).to_be_visible()
    folded = answer.locator("summary")
    titles = [flat(t) for t in folded.all_inner_texts()]
    for title in ("Horaires de la semaine", "Garder cette adresse", "Pensez à apporter"):
        assert any(t.startswith(title) for t in titles), titles
    for summary in folded.all():
        summary.scroll_into_view_if_needed()
        box = summary.bounding_box()
        assert box and box["height"] >= 44, (flat(summary.inner_text()), box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    fits(page, viewport)
    answer.locator(".orienteur-card").first.locator("summary").first.click()
    expect(answer.locator(".orienteur-card-hours").first).to_be_visible()
    answer.locator(".orienteur-card").first.evaluate("c => c.scrollIntoView({block: 'start'})")
    shot(page, f"widget-r25-card-folded-parts-{size(viewport)}")
    assert tab.dialogs == []


# ---- A long message: sent whole, read by the assistant ------------------------------------------
LETTER = (
    "Bonjour, je vous écris parce que depuis la mort de mon mari je suis perdue avec tout ce qui "
    "se fait sur internet. "
    + "Mes enfants habitent loin et ne peuvent pas venir souvent, et je n'ose pas demander aux "
    "voisins. " * 60
)[:5000].rsplit(" ", 1)[0] + (
    ". Je dois faire ma demande d'APL à la CAF en ligne. J'habite à Périgueux."
)


def test_real_long_message_is_sent_whole_and_its_town_read(real_web, new_tab) -> None:  # noqa: F811
    """A 5,000-character letter ending with where the person lives: the message field kept its
    first 500 characters and sent them, without a word: the town and the need were lost, the
    person was asked them again. Past the channel's bound (4,000 since round 25: a letter of
    2,000–3,000 is read whole, without a notice) the assistant reads the start, the end and the
    sentences that ask, and says so."""
    assert MAX_MESSAGE_CHARS < len(LETTER) <= 6000
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    page.get_by_label("Votre message").fill(LETTER)
    assert page.get_by_label("Votre message").input_value() == LETTER
    before = bot_messages(page).count()
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator(".orienteur-msg--user").last).to_contain_text("J'habite à Périgueux.")
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    expect(page.locator(".orienteur-card").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1000)
    said = flat(bot_messages(page).nth(before).inner_text())
    assert "Votre message est très long" in said, said
    expect(bot_messages(page).last).to_contain_text("près de Périgueux (24)")
    fits(page, PHONE)
    bot_messages(page).nth(before).evaluate("m => m.scrollIntoView({block: 'start'})")
    shot(page, f"widget-r25-long-message-{size(PHONE)}")
    assert tab.dialogs == []


# ---- Places open on Saturday ---------------------------------------------------------------------
def saturday_places(page) -> object:
    """A list closed on Saturday, "ouvert samedi ?", then the offered search by its button."""
    ask(page, CAF_ANGOULEME)
    offer = ask(page, "ouvert samedi ?")
    button = bot_messages(page).last.get_by_role("button", name="Les lieux ouverts le samedi")
    expect(button).to_be_visible()
    shot(page, f"widget-r25-saturday-offer-{size(page.viewport_size)}")
    before = bot_messages(page).count()
    button.click()
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    page.wait_for_timeout(2000)
    assert offer is not None
    answer = bot_messages(page).nth(before)
    expect(answer.locator(".orienteur-card").first).to_be_visible()
    return answer


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_real_saturday_places_show_their_saturday_hours(real_web, new_tab, viewport) -> None:  # noqa: F811
    """Asked for places open on Saturday, each card said only "Fermé. Ouvre demain à 12 h 45":
    its Saturday hours were folded in "Horaires de la semaine". The week's hours are open."""
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    answer = saturday_places(page)
    payload = latest_recommendation(page)
    assert payload["filters"].get("open_on_saturday"), payload["filters"]
    cards = answer.locator(".orienteur-card")
    expect(cards).to_have_count(len(payload["results"]))
    saturdays = 0
    for i, place in enumerate(payload["results"]):
        for line in place["hours"]:  # the week's, "sam. : 9 h–12 h" among them
            expect(cards.nth(i).get_by_text(line, exact=True)).to_be_visible()
            saturdays += "sam." in line
    assert saturdays, payload["results"]
    fits(page, viewport)
    answer.evaluate("a => a.scrollIntoView({block: 'start'})")  # as the widget shows it
    shot(page, f"widget-r25-saturday-places-{size(viewport)}")
    assert tab.dialogs == []


def test_real_saturday_answer_says_its_criterion_without_two_brackets(real_web, new_tab) -> None:  # noqa: F811
    """"… pour vos démarches avec la CAF (RSA, APL, prime d'activité…) (lieux ouverts le samedi)":
    two brackets in a row, the second read as another list of the CAF's."""
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    answer = saturday_places(page)
    intro = flat(answer.locator(".orienteur-text").first.inner_text())
    assert "ouverts le samedi" in intro, intro
    assert ") (" not in intro, intro
    assert tab.dialogs == []


# ---- The danger question: its numbers with it ----------------------------------------------------
DANGER_ASKED = ("il a pris mon téléphone, j'écris avec la tablette des enfants, je dois faire ma "
                "CAF à Lille")  # fmt: skip


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_real_danger_question_has_its_call_links_before_yes_and_no(real_web, new_tab, viewport):  # noqa: F811
    """"Êtes-vous en danger en ce moment ? Si oui, appelez tout de suite le 112 …": the links to
    call came in a message of their own, under "Oui, je suis en danger" and "Non" (on a phone,
    below the screen). They are in the question, before its two answers."""
    tab = new_tab(viewport=viewport)
    page = tab.page
    open_widget(page, real_web["web"])
    question = ask(page, DANGER_ASKED)
    expect(question).to_contain_text("Êtes-vous en danger en ce moment ?")
    expect(bot_messages(page)).to_have_count(1)  # one message: the question, its numbers, yes/no
    call = question.get_by_role("link", name="Appeler le 112", exact=True)
    expect(call).to_have_attribute("href", "tel:112")
    sms = question.get_by_role("link", name="Envoyer un SMS au 114", exact=True)
    expect(sms).to_have_attribute("href", "sms:114")
    no = question.get_by_role("button", name="Non", exact=True)
    assert call.bounding_box()["y"] < no.bounding_box()["y"]
    fits(page, viewport)
    shot(page, f"widget-r25-danger-question-{size(viewport)}")
    # "Non": the request goes on, the places for it.
    before = bot_messages(page).count()
    no.click()
    expect(bot_messages(page)).not_to_have_count(before, timeout=60_000)
    expect(page.locator(".orienteur-card").first).to_be_visible(timeout=60_000)
    expect(bot_messages(page).nth(before)).to_contain_text("près de Lille (59)")
    # After a reload, the same: one message.
    page.reload()
    first = page.locator(".orienteur-msg--bot").first
    expect(first.get_by_role("link", name="Appeler le 112", exact=True)).to_be_visible()
    assert tab.dialogs == []


# ---- Two needs in one message; a bus named as its service ----------------------------------------
TWO_NEEDS = ("je dois faire ma déclaration d'impôts en ligne et apprendre à me servir de mon "
             "téléphone, j'habite à Nantes")  # fmt: skip


# The text of an element a person sees (screen-reader-only text left out).
SEEN_IN = """el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let out = '';
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.parentElement.closest('.orienteur-sr-only')) out += node.textContent + ' ';
    }
    return out;
}"""


def test_real_bus_stop_is_not_named_twice(real_web, new_tab) -> None:  # noqa: F811
    """A mobile service's stop named as the service itself: "2. Bus France services de l'accès
    aux droits" then "Service itinérant : Bus France services de l'accès aux droits", the same
    name twice in the card. It says "Service itinérant", the name once."""
    tab = new_tab(viewport=DESK)
    page = tab.page
    open_widget(page, real_web["web"])
    answer = ask(page, TWO_NEEDS)
    expect(answer).to_contain_text("aucun ne fait les deux")
    payload = latest_recommendation(page)
    cards = answer.locator(".orienteur-card")
    expect(cards).to_have_count(len(payload["results"]))
    buses = [(i, p) for i, p in enumerate(payload["results"]) if p.get("mobile_service")]
    assert buses, payload["results"]
    for i, place in buses:
        card = cards.nth(i)
        expect(card.locator(".orienteur-card-mobile")).to_have_text(
            "Service itinérant" if flat(place["mobile_service"]).lower()
            == flat(place["name"]).lower() else f"Service itinérant : {place['mobile_service']}"
        )  # fmt: skip
        seen = flat(card.evaluate(SEEN_IN))
        assert seen.count(place["name"]) == 1, seen
    fits(page, DESK)
    cards.nth(buses[0][0]).evaluate("c => c.scrollIntoView({block: 'start'})")
    shot(page, f"widget-r25-two-needs-bus-{size(DESK)}")
    assert tab.dialogs == []


# ---- "Garder cette adresse": its sheet link a finger's size ----------------------------------
def test_real_sheet_link_is_44_px_to_tap(real_web, new_tab) -> None:  # noqa: F811
    """Opened, "Garder cette adresse" gives "Fiche à imprimer ou enregistrer (PDF)": a link of
    one or two lines of text, 21 or 42 px high. It is 44 px at least, inside a phone's screen."""
    tab = new_tab(viewport=PHONE)
    page = tab.page
    open_widget(page, real_web["web"])
    answer = ask(page, CAF_ANGOULEME)
    card = answer.locator(".orienteur-card").first
    card.get_by_text("Garder cette adresse").click()
    sheet = card.get_by_role("link", name=re.compile("^Fiche à imprimer ou enregistrer"))
    sheet.scroll_into_view_if_needed()
    expect(sheet).to_be_visible()
    box = sheet.bounding_box()
    assert box and box["height"] >= 44, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    fits(page, PHONE)
    assert tab.dialogs == []
