"""Set AQ (round 24): "ya un gamin qui se fait tabassé par 4 grands derriere le gymnase la
maintenan" got « Je n'ai pas bien compris » instead of the emergency numbers: someone being beaten
as the person writes, spelt as people text it."""

from __future__ import annotations

import pytest

from actions import needs


@pytest.mark.parametrize("text", [
    "ya un ptit qui se fait tabassé par 3 grands derriere l ecole la",
    "un gamin se fait défoncé par des grands au city stade",
    "mon pote se fait frappé par deux types la maintenant a la sortie du bar",
])  # fmt: skip
def test_someone_beaten_now_is_danger_now(text):
    assert needs.safety_reading(text).danger_now


@pytest.mark.parametrize("text", [
    "mon fils s'est fait tabasser l'an dernier, je voudrais l'aider à porter plainte en ligne",
    "je me suis fait agresser hier soir, comment faire la pré-plainte en ligne ?",
])  # fmt: skip
def test_a_beating_told_in_the_past_is_no_emergency(text):
    assert not needs.safety_reading(text).danger_now
