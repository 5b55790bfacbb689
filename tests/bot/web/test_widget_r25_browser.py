"""Round 25's look at the widget with the real assistant (Chromium headless, the action server and
`rasa run` with the trained model, the embedded directory), at 1280 × 800 and 360 × 740: what a
person saw that was wrong, each asserted as it shows on the screen.

``ORIENTEUR_UPDATE_SCREENSHOTS=1`` copies the screenshots into docs/screenshots/."""

from __future__ import annotations

import pytest

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
