"""Distances the data can support (round 30's tester, D15): places whose position in the
directory is only their commune's (the point the gazetteer gives the town: « Maison pour tous
Georges Brassens », Mosson, at Montpellier's point, the town hall) were shown « 50 m »
from a person who gave only the town. Such a place reads « dans la commune », never metres;
farther, its distance as it is. Real actions on the embedded directory."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

METRES = re.compile(r"\(\d+ m\)")


@pytest.mark.parametrize(
    "message, town",
    [
        ("je suis malvoyant je n'arrive plus à lire l'écran de mon téléphone, il faudrait qu'on "
         "m'apprenne les réglages pour agrandir, j'habite Montpellier", "Montpellier"),
        ("apprendre à utiliser ma tablette à Montpellier", "Montpellier"),
        ("aide pour remplir mon dossier CAF à Marseille", "Marseille"),
        ("besoin d'aide pour ma déclaration d'impôts à Poitiers", "Poitiers"),
        ("je voudrais apprendre internet, je suis à Marseille", "Marseille"),
    ],
)  # fmt: skip
def test_a_place_at_the_communes_point_is_never_metres_away(real, message, town):
    talk = Talk()
    msgs = talk.say(message, "ask_help", [ent("location", town)])
    text = rest_text(msgs)
    results = [r for p in payloads(msgs) for r in p.get("results") or []]
    assert results, text
    for place in results:
        if (place.get("distance_km") or 0) < 0.06:
            assert place["distance_text"] in ("dans la commune",), text
    assert not re.search(r"\((50|0) m\)", text), text


def test_a_place_with_its_own_point_keeps_its_distance(real):
    talk = Talk()
    msgs = talk.say("apprendre à utiliser ma tablette à Annecy", "ask_help",
                    [ent("location", "Annecy")])  # fmt: skip
    text = rest_text(msgs)
    assert re.search(r"\(\d+(,\d)? (m|km)\)", text), text
