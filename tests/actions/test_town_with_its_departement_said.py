"""A short town name followed by its département ("aix en savoie", "saint amand dans le nord"),
a commune named like an overseas collectivity with a metropolitan département beside it
("Saint-Barthélemy dans le Morbihan"), and a commune whose name starts with "Le"/"Les" after
"au"/"aux" ("jhabite au lamentin"), as a tester wrote them on the real assistant: the commune
of THAT département, never one of another (Aix-en-Provence for "aix en savoie" was searched),
nor "not yet covered" for the mainland's Saint-Barthélemy, and Le Lamentin (972), not asked
among its homonym of Guadeloupe nor left unread. Real actions, locator and embedded directory;
the NLU's tags as it gives them (the whole place) or none."""

from __future__ import annotations

import re

import pytest

from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    said,
)


def _searched_near(msgs: list) -> tuple[str, dict]:
    """What the person reads first, and the commune searched with its département's code."""
    location = one_list(msgs)["location"]
    insee = location["code_insee"]
    dep = insee[:3] if insee.startswith("97") else insee[:2]
    first = said(msgs[0])
    assert f"({dep}" in first, first  # "Voici 3 lieux près d'Aix-les-Bains (73) pour …"
    return first, {**location, "departement": dep}


@pytest.mark.parametrize(
    ("text", "tagged", "commune", "dep"),
    [
        ("je suis à aix en savoie pour ma carte grise", ["aix en savoie"], "Aix-les-Bains", "73"),
        ("aide pour la caf, aix en savoie", ["aix en savoie"], "Aix-les-Bains", "73"),
        ("je suis à aix en savoie pour ma carte grise", [], "Aix-les-Bains", "73"),
        ("aide pour la caf, saint amand dans le nord", ["saint amand dans le nord"],
         "Saint-Amand-les-Eaux", "59"),
        ("aide pour la caf, Saint-Amand en Cher", ["Saint-Amand en Cher"],
         "Saint-Amand-Montrond", "18"),
        ("aide pour la caf, Saint-Barthélemy dans le Morbihan",
         ["Saint-Barthélemy dans le Morbihan"], "Saint-Barthélemy", "56"),
        ("j'habite Saint-Barthélemy dans le Morbihan, aide pour la caf", [],
         "Saint-Barthélemy", "56"),
    ],
)  # fmt: skip
def test_the_town_of_the_departement_said_is_searched(real, text, tagged, commune, dep):
    talk = Talk()
    msgs = talk.say(text, "ask_help", [ent("location", t) for t in tagged])
    first, location = _searched_near(msgs)
    assert "ne couvre pas encore" not in first, first
    assert re.match(r"Voici \d lieux? près (de |d')\S", first), first
    assert (location["commune"], location["departement"]) == (commune, dep), (first, location)


@pytest.mark.parametrize(
    ("text", "tagged", "commune", "dep"),
    [
        ("jhabite au lamentin aide pour la caf", [], "Le Lamentin", "972"),
        ("j'habite au Lamentin, aide pour la caf", ["Lamentin"], "Le Lamentin", "972"),
        ("j'habite au Lamentin, aide pour la caf", [], "Le Lamentin", "972"),
        ("jsuis au gosier pour ma carte grise", [], "Le Gosier", "971"),
        ("j'habite aux abymes, aide pour la caf", [], "Les Abymes", "971"),
        ("j'habite au havre, aide pour la caf", [], "Le Havre", "76"),
        ("je vis au Mans, aide pour ma carte grise", [], "Le Mans", "72"),
    ],
)  # fmt: skip
def test_a_town_named_le_after_au_is_read(real, text, tagged, commune, dep):
    talk = Talk()
    msgs = talk.say(text, "ask_help", [ent("location", t) for t in tagged])
    first, location = _searched_near(msgs)
    assert (location["commune"], location["departement"]) == (commune, dep), (first, location)


@pytest.mark.parametrize(
    "text",
    [
        "je suis au travail, aide pour la caf",
        "au secours je n'arrive pas à faire ma carte grise",
        "je suis au chomage et je dois m'inscrire à france travail",
        "je suis au bureau, aide pour la caf",
    ],
)
def test_au_before_a_word_is_no_town(real, text):
    talk = Talk()
    msgs = talk.say(text, "ask_help", [])
    assert talk.slots.get("location") is None, [said(m) for m in msgs]


def test_saint_barthelemy_alone_is_still_not_covered(real):
    msgs = Talk().say("j'habite à Saint-Barthélemy, aide pour la caf", "ask_help", [])
    assert "L'annuaire ne couvre pas encore les lieux d'aide à Saint-Barthélemy." in said(msgs[0])
