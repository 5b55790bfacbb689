"""Round 23's tester: the desk's "couple, ne parle pas francais, impots, Saint-Pierre-des-Trucs"
kept « Saint-Pierre (974, La Réunion) » and showed places on La Réunion; "Trifouillis-les-Oies"
offered Les Mées. A name written in one hyphenated piece is one name: a commune we do not know
is unknown, not the start or the end of another. Every commune whose name has three words or more
still locates to itself, and a misspelt one still finds it."""

from __future__ import annotations

import pytest

from directory_client.locator import _COMPOUND, Locator


@pytest.fixture(scope="module")
def locator() -> Locator:
    return Locator()


@pytest.mark.parametrize("text", [
    "Saint-Pierre-des-Trucs",
    "couple, ne parle pas francais, impots, Saint-Pierre-des-Trucs",
    "impots a Trifouillis-les-Oies",
    "Villeneuve-sur-Truc",
])  # fmt: skip
def test_an_unknown_compound_name_is_unknown(locator, text):
    result = locator.locate(text)
    assert result.status == "unknown", result


@pytest.mark.parametrize(("text", "insee"), [
    ("Saint-Martin-de-Machin", "79274"),  # Saint-Martin-de-Mâcon, misspelt
    ("Saint-Pierre-des-Corp", "37233"),
    ("Saint-Denis-Réunion", "97411"),  # a region beside the name
    ("Annecy-le-Vieux", "74010"),  # a former commune
])  # fmt: skip
def test_a_known_compound_name_still_locates(locator, text, insee):
    assert locator.locate(text).best.code_insee == insee


def test_every_commune_of_three_words_or_more_locates_to_itself(locator):
    communes = {c.code_insee: c for cs in locator._index.by_key.values() for c in cs}
    compound = [c for c in communes.values()
                if c.kind == "COM" and _COMPOUND.fullmatch(c.name.replace(" ", "-"))]  # fmt: skip
    assert len(compound) > 5000
    lost = [c.name for c in compound
            if c.code_insee not in {x.code_insee for x in locator.locate(c.name).candidates}]
    assert lost == []
