"""A vast commune is measured from its town, not from its geographic centre (tester t207,
defect 12): « Je vis à Bagnères-de-Bigorre » (126 km², reaching La Mongie) read France services
Haute-Bigorre, 30 avenue Géruzet in the town itself, at « 11 km », behind Campan's desk at 8 km.
directory_client/data/chefs-lieux.csv now gives the town of the vast communes whose one place
stands in it, 5–11 km from their centre (the Pyrenees, the Alps, the Camargue). Real actions on
the real embedded directory and Locator."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent


def first_place(text: str, town: str) -> tuple[str, float, str]:
    """The first place of the answer, its distance in km (0 « dans la commune »: its position
    is the commune's own point), and the whole answer."""
    said = rest_text(Talk().say(text, "ask_help", [ent("location", town)]))
    in_town = re.search(r"\n1\. (.+) \(dans la commune\)\n", said)
    if in_town:
        return in_town.group(1), 0.0, said
    found = re.search(r"\n1\. (.+) \((\d+(?:,\d+)?) (m|km)\)\n", said)
    assert found, said
    value = float(found.group(2).replace(",", "."))
    return found.group(1), value / 1000 if found.group(3) == "m" else value, said


@pytest.mark.parametrize(
    "text",
    [
        "je pars à la retraite en juin et on me dit de tout faire sur info-retraite.fr, je suis "
        "perdu. Je vis à Bagnères-de-Bigorre",
        "j'habite Bagnères-de-Bigorre et je dois faire ma demande de RSA en ligne",
        "quelqu'un pour m'aider à déclarer mes impôts sur internet à Bagnères-de-Bigorre",
        "Bagnères-de-Bigorre, besoin d'aide pour mon dossier CAF",
    ],
)
def test_bagneres_is_measured_from_its_town(real, text):
    name, km, said = first_place(text, "Bagnères-de-Bigorre")
    assert name == "France services Haute-Bigorre" and km <= 1, said
    assert "(11 km)" not in said, said


@pytest.mark.parametrize(
    ("town", "desk"),
    [
        ("Saintes-Maries-de-la-Mer", "France services La Poste de Saintes-Maries-de-la-Mer"),
        ("Laruns", "France services de la Vallée d'Ossau"),
        ("Saint-Lary-Soulan", "France services de Saint-Lary-Soulan - GIPE"),
    ],
)
def test_a_vast_commune_s_own_desk_is_in_town(real, town, desk):
    name, km, said = first_place(f"aide pour ma déclaration d'impôts en ligne, j'habite {town}",
                                 town)  # fmt: skip
    assert name == desk and km <= 1, said
