"""A town's everyday short name followed by its département ("Bourg dans l'Ain", "j'habite
Bourg, dans l'Ain", "à Bourg (01)", "Boulogne dans le Pas-de-Calais"): the town of that
département whose full name starts so (Bourg-en-Bresse), never a commune that sounds like the
département (Lain, 89) nor the département's centre."""

from __future__ import annotations

import re

import pytest

from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    said,
)


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("aide pour ma carte grise, Bourg dans l'Ain", []),
        ("aide pour ma carte grise, Bourg dans l'Ain", ["l'Ain"]),
        ("j'habite Bourg, dans l'Ain et je veux faire ma carte grise", ["Bourg"]),
        ("j'habite Bourg, dans l'Ain et je veux faire ma carte grise", []),
        ("aide pour ma carte grise à Bourg (01)", ["Bourg"]),
    ],
)
def test_the_short_name_is_the_town_of_the_departement(real, text, tagged):
    talk = Talk()
    msgs = talk.say(text, "ask_help", [ent("location", t) for t in tagged])
    reco = one_list(msgs)
    assert re.match(r"Voici 3 lieux près de Bourg-en-Bresse \(01\) pour ", said(msgs[0]))
    assert reco["location"]["commune"] == "Bourg-en-Bresse"


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("Bourg dans l'Ain", "Bourg-en-Bresse (01)"),
        ("j'habite Bourg, dans l'Ain", "Bourg-en-Bresse (01)"),
        ("Boulogne dans le Pas-de-Calais", "Boulogne-sur-Mer (62)"),
        ("Charleville dans les Ardennes", "Charleville-Mézières (08)"),
        ("Villeneuve dans le Lot-et-Garonne", "Villeneuve-sur-Lot (47)"),
        ("Guéret dans la Creuse", "Guéret (23)"),
    ],
)
def test_the_locator_reads_a_short_name_beside_its_departement(query, label):
    result = Locator().locate(query)
    assert result.status == "found" and result.best.label == label


@pytest.mark.parametrize("said, label", [
    ("Évry", "Évry-Courcouronnes (91)"),
    ("Charleville", "Charleville-Mézières (08)"),
    ("Seynod", "Annecy (74), ancienne commune de Seynod"),
])  # fmt: skip
def test_a_former_commune_is_named_only_when_the_new_name_does_not_say_it(said, label):
    from directory_client import Locator

    result = Locator().locate(said)
    assert result.status == "found" and result.best.label == label, result
