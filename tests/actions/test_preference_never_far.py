"""Round 22's tester: a public or a care said with a need no place near announces ("sourd, cherche
du travail, Amiens") was sent to the France Services of Confolens, 448 km away, because the
general help near did not declare the care. A care, a public or an accessibility is a preference:
the general help near comes first, those declaring it first among them, said in a note; the
precise service far away never. Real SQLite directory, the action as the action server runs it."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.actions.test_care_chat import answer_in_lyon
from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
)
from tests.places import make_place


@pytest.mark.parametrize(
    "text, declared, note",
    [
        ("je suis sourd et je cherche du travail, j'ai 19 ans",
         {"prise_en_charge_specifique": "Surdité"}, "Aucun lieu ne déclare « Surdité »"),
        ("malvoyante, besoin d'aide pour faire mon CV",
         {"prise_en_charge_specifique": "Déficience visuelle"}, "Aucun lieu ne déclare"),
        ("je suis en fauteuil, je cherche un emploi",
         {"prise_en_charge_specifique": "Handicaps moteurs"}, "Aucun lieu ne déclare d'accès"),
        ("je suis senior et je cherche du travail",
         {"publics_specifiquement_adresses": "Seniors"}, ""),
    ],
)  # fmt: skip
def test_a_preference_never_sends_the_person_hundreds_of_km_away(directory, text, declared, note):
    with directory.Session() as session:
        for i in range(1, 4):  # the precise service far, declaring the preference
            make_place(session, f"Loin {i}", km_east=400 + i, services=(labels.INSERTION_PRO,),
                       **declared)  # fmt: skip
            make_place(session, f"Proche {i}", km_east=i, services=(labels.OUTILS_QUOTIDIEN,))
        session.commit()
    said, body = answer_in_lyon(text)
    names = [r["name"] for r in body["results"]]
    assert names == ["Proche 1", "Proche 2", "Proche 3"], (names, said)
    assert note in said + " ".join(body.get("notes") or []), said
    assert "Confolens" not in said and "Il n'y a pas de lieu tout près" not in said


def test_general_help_near_declaring_the_care_comes_first(directory):
    with directory.Session() as session:
        make_place(session, "Loin", km_east=400, services=(labels.INSERTION_PRO,),
                   prise_en_charge_specifique="Surdité")  # fmt: skip
        make_place(session, "Proche 1", km_east=1, services=(labels.OUTILS_QUOTIDIEN,))
        make_place(session, "Qui le déclare", km_east=4, services=(labels.OUTILS_QUOTIDIEN,),
                   prise_en_charge_specifique="Surdité")  # fmt: skip
        session.commit()
    said, body = answer_in_lyon("je suis sourde et je cherche du travail, j'ai 19 ans")
    assert "results" in body, (said, body)
    assert [r["name"] for r in body["results"]] == ["Qui le déclare", "Proche 1"]
