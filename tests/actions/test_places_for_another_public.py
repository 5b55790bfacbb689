"""A place for another public than the person's — a Mission Locale (16-25 year-olds), a Centre
Parental, ATD Quart Monde, a Centre de Ressources Illettrisme — comes after the places open to
all doing as much (round 176's tester: each came first or second). Real actions on the real
embedded directory; what the person reads: the names of the places of the first page."""

from __future__ import annotations

import pytest

from tests.actions.talk import list_in
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)

CASES = [
    ("apprendre à envoyer des mails à mes enfants qui vivent au Canada, Fort-de-France",
     "Fort-de-France", ("Mission Locale",)),
    ("j'ai 76 ans et je voudrais apprendre à utiliser internet, Auxerre", "Auxerre",
     ("Mission Locale", "Centre Parental")),
    ("je suis plombier et je voudrais créer un site internet, Villeurbanne", "Villeurbanne",
     ("Quart Monde",)),
    ("je cherche des ateliers de retouche photo à Nancy", "Nancy", ("Illettrisme",)),
]  # fmt: skip


@pytest.mark.parametrize(("message", "town", "others"), CASES)
def test_a_place_for_another_public_is_not_on_the_first_page(real, message, town, others):
    _, payload = list_in(message, town)
    names = [p["name"] for p in payload["results"]]
    assert len(names) == 3 and not any(o in n for n in names for o in others), names


def test_a_young_person_asking_is_not_sent_away_from_a_mission_locale_by_its_name(real):
    _, payload = list_in("j'ai besoin d'aide pour apprendre à utiliser internet, Auxerre",
                         "Auxerre")  # fmt: skip
    # an adult of unstated age: the Mission Locale after the places open to all
    assert "Mission Locale" not in " ".join(p["name"] for p in payload["results"])
