"""A scam or harassment told as over (round 30's tester, D14): « arnaque carte bancaire déjà
réglée », « c'est fini maintenant il a arrêté » get the places to learn to make things safe, never
« faites opposition tout de suite » nor the 3919, 17 or 3018 as for something happening now; the
same words without the end said still get them. Real actions on the embedded directory; the
intents and entities the current NLU gives."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

URGENT = ("tout de suite", "0 892 705 705", "3919", "le 17 ", "3018", "17cyber")


def said(message: str, town: str) -> tuple[str, list[dict]]:
    msgs = Talk().say(message, "ask_help", [ent("location", town)])
    return rest_text(msgs), msgs


@pytest.mark.parametrize(
    "message, town",
    [
        ("couple retraités, arnaque carte bancaire déjà réglée, veulent apprendre à sécuriser, "
         "Annecy", "Annecy"),
        ("mon ex me harcèle sur facebook, c'est fini maintenant il a arrêté mais je veux "
         "sécuriser mon compte, Tarbes", "Tarbes"),
        ("on a eu une fraude à la carte bleue mais c'est réglé, la banque a remboursé, je veux "
         "apprendre à me protéger, Nancy", "Nancy"),
        ("ma carte bancaire a été piratée le mois dernier, c'est résolu maintenant, je veux "
         "apprendre à sécuriser mes achats en ligne à Dijon", "Dijon"),
        ("un homme me harcelait sur instagram mais c'est terminé, il a arrêté, je veux protéger "
         "mon compte, Lyon", "Lyon"),
        ("mon compte facebook a été piraté mais c'est réparé, je voudrais apprendre à le "
         "protéger, Rennes", "Rennes"),
    ],
)  # fmt: skip
def test_an_incident_over_gets_places_without_urgent_numbers(real, message, town):
    text, msgs = said(message, town)
    one_list(msgs)
    for urgent in URGENT:
        assert urgent not in text, text


@pytest.mark.parametrize(
    "message, town, urgent",
    [
        ("on m'a volé ma carte bancaire, je veux apprendre à sécuriser mes comptes, Annecy",
         "Annecy", "tout de suite"),
        ("mon ex me harcèle sur facebook, je veux sécuriser mon compte, Tarbes", "Tarbes",
         "3018"),
        ("il avait arrêté mais il recommence à me harceler sur facebook, je veux sécuriser mon "
         "compte, Tarbes", "Tarbes", "3018"),
    ],
)  # fmt: skip
def test_an_incident_not_over_still_gets_them(real, message, town, urgent):
    text, _ = said(message, town)
    assert urgent in text, text
