"""The desk's next citizen (« suivante : M. Y, déclaration revenus, Pornichet », « 2e personne :
retraité, Doctolib, Aubervilliers ») starts a new request: nothing of the previous citizen's
needs, town, person or what to bring carries over, and a town choice left pending is dropped
for the new citizen's town (tester t218 D3: M. Y got Mme X's chèque énergie and its papers; the
second citizen was swallowed by « de Saint-Ouen ou de Saint-Ouen »). Real actions on the real
embedded directory, the intents and entities the NLU gave."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

FIRST = ("Mme X - logement social + chèque énergie - Saint-Nazaire", "Saint-Nazaire")


def _after_first() -> Talk:
    talk = Talk()
    said = rest_text(talk.say(FIRST[0], "ask_help", [ent("location", FIRST[1])]))
    assert "chèque énergie" in said, said
    return talk


@pytest.mark.parametrize("message, town, wanted", [
    ("suivante : M. Y, déclaration revenus, Pornichet", "Pornichet", "impôts"),
    ("au suivant : une dame, sa retraite à demander, Guérande", "Guérande", "retraite"),
    ("personne suivante - monsieur K - déclarer ses revenus - La Baule-Escoublac",
     "La Baule-Escoublac", "impôts"),
    ("usager suivant : jeune, il veut sa déclaration de revenu, Pornichet", "Pornichet", "impôts"),
])  # fmt: skip
def test_the_next_citizen_gets_only_their_own_need(real, message, town, wanted):
    talk = _after_first()
    said = rest_text(talk.say(message, "ask_help", [ent("location", town)]))
    assert wanted in said, said
    assert "chèque énergie" not in said and "logement social" not in said, said
    assert "numéro unique de demandeur" not in said, said


@pytest.mark.parametrize("message, town", [
    ("suivant : M. B, Pornichet", "Pornichet"),
    ("citoyen suivant, une dame de Pornichet", "Pornichet"),
    ("2e personne : un monsieur à Pornichet", "Pornichet"),
])  # fmt: skip
def test_the_next_citizen_without_a_need_is_asked_theirs(real, message, town):
    talk = _after_first()
    said = rest_text(talk.say(message, "ask_help", [ent("location", town)]))
    assert "chèque énergie" not in said and "logement social" not in said, said
    assert "Voici" not in said and "Pensez à apporter" not in said, said  # their need asked


@pytest.mark.parametrize("message, town, wanted", [
    ("2e personne : retraité, Doctolib, Aubervilliers", "Aubervilliers", "Aubervilliers"),
    ("suivant : M. D, sa déclaration d'impôts, Montreuil", "Montreuil", "Montreuil"),
    ("personne suivante : dame âgée, ameli, Bobigny", "Bobigny", "Bobigny"),
])  # fmt: skip
def test_a_pending_town_choice_gives_way_to_the_next_citizen(real, message, town, wanted):
    talk = Talk()
    asked = rest_text(talk.say("ado 17a, Pass Navigo + Pronote parent, Saint-Ouen", "ask_help",
                               [ent("location", "Saint-Ouen")]))  # fmt: skip
    assert "plusieurs communes" in asked, asked
    said = rest_text(talk.say(message, "ask_help", [ent("location", town)]))
    assert f"près de {wanted}" in said or f"près d'{wanted}" in said, said
    assert "Saint-Ouen" not in said, said


def test_homonyms_offered_are_named_apart(real):
    talk = Talk()
    talk.say("ado 17a, Pass Navigo + Pronote parent, Saint-Ouen", "ask_help",
             [ent("location", "Saint-Ouen")])
    said = rest_text(talk.say("oui", "affirm"))
    assert "de Saint-Ouen ou de Saint-Ouen " not in said, said
    assert "Saint-Ouen (41)" in said and "Saint-Ouen (80)" in said, said


@pytest.mark.parametrize("message", [
    "déclaration revenus", "declaration de revenu", "ma déclaration des revenus 2025",
    "aide déclaration de mes revenus",
])  # fmt: skip
def test_a_declaration_of_income_is_the_impots(real, message):
    talk = Talk()
    said = rest_text(talk.say(f"{message}, Pornichet", "ask_help", [ent("location", "Pornichet")]))
    assert "impôts" in said, said
