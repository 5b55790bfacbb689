"""Two needs served by different places: the chat's heading says which place does which
("Pour vos démarches avec la MDPH : lieu 1 ; pour un endroit avec internet : lieux 2 et 3.",
``actions.formatting.apart_intro``); the SMS, short of room, kept only its first sentence
("Voici 3 lieux près d'Angoulême (16), aucun ne fait les deux"). It keeps which does which, with
the numbers the SMS gives the places, built from the payload's ``apart`` (docs/payload.md),
never read back out of the chat's text."""

from __future__ import annotations

import pytest

from actions import formatting as fmt
from actions import needs as needs_mod
from actions.need_cover import apart, numbers_said
from bot.channels import render
from bot.channels.sms_text import segments, to_gsm7
from tests.bot.channels.test_channels_text import FOLLOW, place, reco

WHERE = "près d'Angoulême (16)"
PAPERS = needs_mod.NEEDS["demarches"].service
NET = needs_mod.NEEDS["internet"].service


def which(results: list[dict], procedure: str | None) -> list[tuple[str, str]]:
    """(what, "lieux 1 et 2") a need each, from the places' services, as the chat says it."""
    return [
        (fmt.need_phrase([key], procedure if key == "demarches" else None),
         numbers_said([r["number"] for r in results if needs_mod.NEEDS[key].service
                       in r["services"]]))
        for key in ("demarches", "internet")
    ]  # fmt: skip


def sent(results, procedure):
    intro = fmt.apart_intro(len(results), where=WHERE, parts=which(results, procedure),
                            none_both=True, constraints=[])  # fmt: skip
    split = apart(["demarches", "internet"], procedure, results)  # as the chat (actions.answer)
    payload = render.recommendation_of(reco(results, follow_ups=FOLLOW, total=9, offset=0,
                                            apart=split.payload()))
    bodies, places = render.sms_bodies(intro, payload, menu=True)
    return intro, bodies, places


@pytest.mark.parametrize("procedure", [None, "mdph", "carte_grise", "caf"])
@pytest.mark.parametrize("papers_at", [[1], [3], [1, 2]])
def test_the_sms_says_which_place_does_which(procedure, papers_at):
    results = [place(n, services=[PAPERS] if n in papers_at else [NET]) for n in (1, 2, 3)]
    intro, bodies, places = sent(results, procedure)
    first = bodies[0]
    assert all(segments(b) <= render.SMS_MAX_SEGMENTS for b in bodies), bodies
    for what, numbers in which(places, procedure):  # the numbers as the SMS lists the places
        assert to_gsm7(f"our {what} : {numbers}") in first, (intro, first)
    assert first.index(" : lieu") < first.index("1. ")  # said before the places


def test_a_place_moved_after_the_others_keeps_its_need():
    # Place 1 has neither phone nor hours: the SMS lists it last, as number 3.
    results = [place(1, services=[PAPERS], phone=None, phone_text=None, open_now=None),
               place(2, services=[NET]), place(3, services=[NET])]
    _intro, bodies, places = sent(results, None)
    [papers] = [p["number"] for p in places if PAPERS in p["services"]]
    assert papers == 3
    assert to_gsm7(f"our {fmt.need_phrase(['demarches'], None)} : lieu 3") in bodies[0], bodies
    assert "lieux 1 et 2." in bodies[0], bodies


from tests.conftest_actions import (  # noqa: E402
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)
from tests.orient_answer import answer  # noqa: E402


@pytest.mark.parametrize("town, needs, procedure", [
    ("Tours", ["demarches", "ordinateur"], None),
    ("Brest", ["demarches", "quotidien"], "caf"),
    ("Poitiers", ["demarches", "quotidien"], "impots"),
])  # fmt: skip
def test_the_chats_own_answer_by_sms_says_which_does_which_from_its_payload(
    real, locator, town, needs, procedure
):
    """The real action's answer: its payload carries ``apart``; the SMS says which place does
    which with the numbers it gives the places, whatever the chat's text says."""
    text, payload = answer(locator, town, needs, [procedure] if procedure else [])
    assert "apart" in payload, text
    bodies, places = render.sms_bodies(text, payload, menu=True)
    first = bodies[0]
    for need in payload["apart"]:
        numbers = [p["number"] for p in places if need["service"] in p["services"]]
        assert to_gsm7(f"our {need['what']} : {numbers_said(numbers)}") in first, (text, first)
    assert all(segments(b) <= render.SMS_MAX_SEGMENTS for b in bodies), bodies
