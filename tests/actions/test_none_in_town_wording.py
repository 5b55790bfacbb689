"""No place in the person's town itself, the nearest a few km off (round 176's tester): « Il n'y
a pas de lieu à Alès (30) même pour vos démarches… » read as "not even for"; and after « Aucun
lieu n'annonce précisément « un ordinateur … à petit prix » près de Lons-le-Saunier (39). », a
second negative sentence. Now the town comes first (« À Alès (30) même, aucun lieu… »), and the
two facts were one sentence; since round 194, two short ones with the town said once
(actions/formatting.intro_text)."""

from __future__ import annotations

from tests.actions.talk import request_in, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)


def _intro(message: str, town: str) -> str:
    _, msgs = request_in(message, town)
    return rest_text(msgs).split("\n")[0]


def test_none_in_the_town_itself_cannot_be_read_as_not_even(real):
    intro = _intro("je suis au RSA et je n'ai pas internet chez moi pour mes démarches, Alès",
                   "Alès")  # fmt: skip
    assert intro.startswith("À Alès (30) même, aucun lieu ne vous aide pour vos démarches"), intro
    assert "même pour" not in intro and "Il n'y a pas de lieu" not in intro, intro
    assert "; le plus proche est à 11 km. Voici les 3 plus proches :" in intro, intro


def test_a_need_no_place_announces_and_none_in_town_two_short_sentences(real):
    """Round 194's tester: one long sentence naming the town twice is now two short ones."""
    intro = _intro("un ordinateur à petit prix et apprendre à m'en servir, Lons-le-Saunier",
                   "Lons-le-Saunier")  # fmt: skip
    assert intro.startswith(
        "Aucun lieu n'annonce précisément « un ordinateur ou un téléphone à petit prix » près de "
        "Lons-le-Saunier (39). Dans la ville même, aucun lieu ne vous aide non plus pour apprendre"
    ), intro
    assert intro.count("Lons-le-Saunier") == 1, intro
    assert intro.count(". ") == 2 and intro.endswith("Voici les 3 plus proches :"), intro
