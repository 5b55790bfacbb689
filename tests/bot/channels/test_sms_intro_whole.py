"""An SMS list keeps its whole introduction and every place: "Aucun lieu n'annonce précisément
« vous protéger des arnaques… » près de Brest (29) :" was sent without its second sentence
("Voici des lieux … qui pourront vous aider ou vous orienter"), which read as "none of these
helps", and with 1 of 3 places. When one SMS cannot hold them, two are sent."""

from __future__ import annotations

from bot.channels import render
from bot.channels.sms_text import segments, to_gsm7
from tests.actions.test_after_places import Talk
from tests.bot.channels.test_channels_text import FOLLOW, place, reco
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)

UNCOVERED = (
    "Aucun lieu n'annonce précisément « vous protéger en ligne (arnaques, piratage, "
    "harcèlement) » près de Brest (29). Voici des lieux d'aide au numérique qui pourront vous "
    "aider ou vous orienter :"
)
LINE = ("Compte piraté, arnaque ou argent volé en ligne : cybermalveillance.gouv.fr (que faire) et "
        "17cyber.gouv.fr (aide urgente, signalement).")  # fmt: skip


def check(bodies: list[str], places: list[dict], intro: str, count: int) -> None:
    assert all(segments(b) <= render.SMS_MAX_SEGMENTS for b in bodies), bodies
    assert bodies[0].startswith(to_gsm7(intro)), bodies[0]
    assert len(places) == count
    for p in places:
        assert sum(f"{p['number']}. {to_gsm7(p['name'])}" in b for b in bodies) == 1, bodies


def test_brest_safety_sms_keeps_the_whole_introduction_and_the_places(real):
    talk = Talk()
    msgs = talk.say("je veux apprendre à me protéger des arnaques à Brest", "ask_help",
                    [ent("location", "Brest")])  # fmt: skip
    if msgs[0].get("custom", {}).get("orienteur", {}).get("type") == "need_choice":
        msgs = talk.say('/ask_help{"need": "securite"}', "ask_help")
    [list_msg] = [m for m in msgs if m.get("custom")]
    assert list_msg["text"].startswith("Aucun lieu n'annonce précisément")
    payload = list_msg["custom"]["orienteur"]
    bodies, places = render.sms_bodies(list_msg["text"], payload, menu=True)
    check(bodies, places, list_msg["text"], len(payload["results"]))
    assert to_gsm7(LINE) in "\n".join(bodies)


def test_two_sms_rather_than_a_place_or_the_intro_cut():
    name = ("Médiathèque intercommunale du pays de Brest, antenne {} de la Cavale Blanche, de "
            "Bellevue, de Lambézellec et des Quatre-Moulins")
    address = "186 Rue Anatole France, Résidence les Quatre-Moulins, bâtiment B, 29200 Brest"
    results = [place(i, name=name.format(i), address=address) for i in (1, 2, 3)]
    payload = render.recommendation_of(reco(results, follow_ups=FOLLOW, total=9, offset=0,
                                            lines=[LINE]))  # fmt: skip
    bodies, places = render.sms_bodies(UNCOVERED, payload, menu=True)
    assert len(bodies) == 2
    check(bodies, places, UNCOVERED, 3)
    assert to_gsm7(LINE) in bodies[1]
