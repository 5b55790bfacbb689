""" "où trouver un conseiller numérique à Poitiers", "y a-t-il un médiateur numérique à Roanne":
a helper asked for by name is general digital help. The near places that declare a conseiller
numérique (dispositif_programmes_nationaux) are given at once, said plainly, without the need
question; with none near, said so and the nearest places. Real SQLite directory."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.conftest_actions import (
    ask,
    memory_directory,  # noqa: F401 - the directory fixture
)
from tests.places import make_place, offset

POITIERS = (46.5802, 0.3404)


def _place(session, name: str, km_east: float, **fields) -> None:
    lat, lon = offset(0.0, km_east, origin=POITIERS)
    make_place(session, name, latitude=lat, longitude=lon, commune="Poitiers",
               code_postal="86000", code_insee="86194", departement="86", **fields)  # fmt: skip


def _answer(text: str, town: str = "Poitiers") -> tuple[str, dict | None, list]:
    return ask(text, entities=[{"entity": "location", "value": town, "start": text.find(town)}])


@pytest.mark.parametrize(
    "text",
    [
        "où trouver un conseiller numérique à Poitiers",
        "je cherche un conseiller numérique à Poitiers",
        "y a-t-il un médiateur numérique à Poitiers",
    ],
)
def test_a_conseiller_numerique_asked_by_name_gives_the_places_with_one(directory, text):
    with directory.Session() as session:
        _place(session, "Médiathèque de Poitiers", 0.5,
               services=(labels.OUTILS_QUOTIDIEN,))  # fmt: skip
        _place(session, "Centre social des Couronneries", 2.0,
               services=(labels.OUTILS_QUOTIDIEN,),
               dispositif_programmes_nationaux="Conseillers numériques")  # fmt: skip
        session.commit()
    said, body, buttons = _answer(text)
    assert body is not None, said  # places, not the need question
    assert not any("need" in b["payload"] for b in buttons)
    assert [r["name"] for r in body["results"]] == ["Centre social des Couronneries"]
    assert "avec un conseiller numérique" in said
    assert "Poitiers" in said


def test_no_conseiller_numerique_near_says_so_and_gives_the_nearest(directory):
    with directory.Session() as session:
        _place(session, "Médiathèque de Poitiers", 0.5,
               services=(labels.OUTILS_QUOTIDIEN,))  # fmt: skip
        session.commit()
    said, body, _ = _answer("où trouver un conseiller numérique à Poitiers")
    assert body is not None
    assert [r["name"] for r in body["results"]] == ["Médiathèque de Poitiers"]
    assert "Aucun lieu n'annonce de conseiller numérique près de Poitiers" in said
