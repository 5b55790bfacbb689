"""A tester's "je suis sourd et je cherche du travail, Amiens": the keywords read the job and the
care Surdité, but by meaning "sourd" pulled the message towards "no need", so the need read was a
guess and the person was asked to choose (« de quoi avez-vous besoin ? » emploi / démarches /
loisirs) instead of getting places. A need named in so many words is no guess because a care, a
public or an accessibility is said beside it: the words of who the person is are not read by
meaning. Real actions on the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, payloads
from tests.conftest_actions import ent


@pytest.mark.parametrize(
    "text, town, need, constraint",
    [
        ("je suis sourd et je cherche du travail, Amiens", "Amiens", "emploi",
         "prise_en_charge:Surdité"),
        ("je suis sourd, je cherche du boulot, Lens", "Lens", "emploi", "prise_en_charge:Surdité"),
        ("sourd, je cherche du travail, Tours", "Tours", "emploi", "prise_en_charge:Surdité"),
        ("malvoyante, je dois faire ma déclaration d'impôts, Poitiers", "Poitiers", "demarches",
         "prise_en_charge:Déficience visuelle"),
        ("je suis en fauteuil et je voudrais apprendre l'ordinateur, Limoges", "Limoges",
         "ordinateur", "accessible"),
    ],
)  # fmt: skip
def test_a_need_named_beside_a_care_gets_places_not_a_choice(real, text, town, need, constraint):
    talk = Talk()
    [body] = payloads(talk.say(text, "ask_help", [ent("location", town)]))
    assert body["type"] == "recommendation", body  # before: "need_choice" for the first three
    assert body["results"], body
    assert talk.slots["needs"] == [need]
    assert constraint in talk.slots["constraints"]
