"""A town named with its département or region ("j'habite à Guéret dans la Creuse", "Tulle en
Corrèze", "Saint-Pierre à la Réunion"): the town in that département, whatever part of the
words the NLU tagged (the département alone, "la Creuse", which is also a commune of Haute-Saône
400 km away) and however long the message. A département's name is never read as a commune when
a commune of that département is named beside it."""

from __future__ import annotations

import re

import pytest

from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    said,
)

LONG = ("j'ai besoin d'aide pour faire ma carte grise en ligne, j'habite à {town} et je n'ai pas "
        "d'ordinateur chez moi")  # fmt: skip


@pytest.mark.parametrize(
    ("where", "tagged", "label"),
    [
        ("Guéret dans la Creuse", ["la Creuse"], "Guéret (23)"),
        ("Guéret dans la Creuse", ["Creuse"], "Guéret (23)"),
        ("Guéret dans la Creuse", [], "Guéret (23)"),
        ("Aubusson dans la Creuse", ["la Creuse"], "Aubusson (23)"),
        ("aubusson dans la creuse", [], "Aubusson (23)"),
        ("Tulle en Corrèze", ["Corrèze"], "Tulle (19)"),
        ("Mont-de-Marsan dans les Landes", ["les Landes"], "Mont-de-Marsan (40)"),
        ("Saint-Pierre à la Réunion", ["la Réunion"], "Saint-Pierre (974, La Réunion)"),
    ],
)
def test_the_town_is_searched_in_the_departement_named_beside_it(real, where, tagged, label):
    talk = Talk()
    msgs = talk.say(LONG.format(town=where), "ask_help", [ent("location", t) for t in tagged])
    reco = one_list(msgs)
    # near the town, or none in the town itself and the nearest's distance (a big town:
    # actions/search_run.none_in_town)
    intro = said(msgs[0])
    assert re.match(rf"Voici 3 lieux près (de |d'){re.escape(label)} pour "
                    rf"|À {re.escape(label)} même, aucun lieu ne vous aide pour ", intro), intro
    assert f"{reco['location']['commune']} ({reco['location']['code_postal'][:2]}" in label


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("Guéret dans la Creuse", "Guéret (23)"),
        ("Aubusson dans la Creuse", "Aubusson (23)"),
        ("Dax dans les Landes", "Dax (40)"),
        ("Hyères dans le Var", "Hyères (83)"),
        ("à La Creuse", "La Creuse (70)"),  # the commune, after a town's preposition
    ],
)
def test_the_locator_reads_the_departement_beside_a_commune(query, label):
    result = Locator().locate(query)
    assert result.status == "found" and result.best.label == label
