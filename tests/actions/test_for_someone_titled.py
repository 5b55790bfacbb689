"""A request for a person named by a title ("je m'occupe de Mme Leroy, 91 ans, elle doit faire sa
carte vitale", round 26's tester): what to bring says « Pour ses démarches », as for "ma mère",
never « Pour vos démarches ». Real SQLite directory."""

from __future__ import annotations

import pytest

from tests.actions.test_for_someone_else import _answer
from tests.conftest_actions import memory_directory  # noqa: F401 - the directory fixture


@pytest.mark.parametrize(
    "text",
    [
        "je m'occupe de Mme Leroy, 91 ans, elle doit faire sa carte vitale",
        "j'aide M. Durand qui doit renouveler son passeport",
        "c'est pour madame Petit, elle doit faire sa demande de RSA",
        "Monsieur Martin, 88 ans, doit refaire sa carte d'identité, je suis sa voisine",
        "j'accompagne un monsieur qui doit refaire sa carte d'identité",
    ],
)
def test_a_person_named_by_a_title_is_spoken_of(directory, text):
    said, body = _answer(directory, text)
    bring = " ".join(body["bring"])
    assert "pour ses " in said and "pour vos " not in said, said
    assert "votre" not in bring and "vos " not in bring, bring


@pytest.mark.parametrize(
    "text",
    ["bonjour madame, je voudrais refaire ma carte d'identité",
     "merci monsieur, je dois renouveler mon passeport"],
)  # fmt: skip
def test_a_title_said_to_us_keeps_vous(directory, text):
    said, _body = _answer(directory, text)
    assert "pour vos " in said, said
