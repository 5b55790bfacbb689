"""A big commune is measured from its town, not from its geographic centre (the tester's Kourou:
« Il n'y a pas de lieu tout près… le plus proche est à 31 km », that place being France services
de Kourou itself, the centre lying 28 km inland; Saint-Laurent-du-Maroni: Apatou first, its own
places at 59 and 62 km; Arles: Saintes-Maries-de-la-Mer first). The gazetteer takes the town hall
(directory_client/data/town-halls.csv) as the point of the communes it lists. Real embedded
directory, the actions run as the action server runs them."""

from __future__ import annotations

import csv

import pytest

from directory_client import gazetteer
from directory_client.text import fold
from tests.conftest_actions import (
    ask,
    ent,
)

FAR = "pas de lieu tout près"


@pytest.mark.parametrize("request_, said, town, within_km", [
    ("j'ai besoin d'aide pour mes démarches en ligne", "Kourou", "Kourou", 3),  # the tester's
    ("aide pour faire mes démarches en ligne avec quelqu'un", "Saint-Laurent-du-Maroni",
     "Saint-Laurent-du-Maroni", 5),  # the tester's
    ("je voudrais apprendre à me servir d'un ordinateur", "Arles", "Arles", 3),  # the tester's
    ("apprendre à utiliser mon smartphone", "Arles 13200", "Arles", 3),
    ("aide pour faire mes démarches en ligne", "Saint-Benoît 97470", "Saint-Benoît", 7),
    ("quelqu'un pour m'aider avec mes démarches", "Hyères", "Hyères", 5),  # centre 9 km off
])  # fmt: skip
def test_a_big_commune_gets_its_own_places_first_near_the_town(
    real, request_, said, town, within_km
):
    read, body, _ = ask(f"{request_} à {said}", entities=[ent("location", said)])
    assert body is not None, read
    assert FAR not in read, read
    first = body["results"][0]
    assert fold(town).replace("-", " ") in fold(first["address"] or "").replace("-", " "), first
    assert first["distance_km"] <= within_km, first


def test_a_small_commune_keeps_its_centre(locator):
    """Communes without a town hall in the file (most, the small ones) keep their point."""
    path = gazetteer.DEFAULT_PATH
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {r["insee_com"]: r for r in csv.DictReader(handle) if r["commune_type"] == "COM"}
    for text, code in (("Tulle", "19272"), ("Sainte-Fortunade", "19203"), ("Apatou", "97360")):
        best = locator.locate(text).best
        assert best.code_insee == code, best
        assert (best.lat, best.lon) == (float(rows[code]["lat"]), float(rows[code]["lng"])), best
