"""Round 29's tester: short desk notes and words read as someone else's or as another need.

- a terse note the NLU calls out of scope, with a postal code only ("permis de conduire ANTS
  75011"): the procedure in that arrondissement, never « Je ne peux pas vous aider pour cela »;
- "mes aides" are benefits (the CAF's), not a person helped: « vos démarches »;
- "mon fr" (SMS) is a brother; a naturalisation is not a titre de séjour;
- an unemployment benefit is France Travail's file, not a job to look for;
- a person described in the third person ("dame âgée", "monsieur 70 ans", "usager", "jeune
  homme"): someone else, « ses démarches ».
Real directory and locator."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, request_in, rest_text


def _first(text: str, town: str, intent: str = "ask_help") -> tuple[str, list, Talk]:
    talk, msgs = request_in(text, town, intent)
    return rest_text(msgs), msgs, talk


@pytest.mark.parametrize(
    ("text", "place", "procedure"),
    [
        ("passeport ANTS 13001", "Marseille 1er", "vos papiers"),
        ("carte grise ANTS, 69003", "Lyon 3e", "carte grise"),
        ("permis de conduire ANTS 75018", "Paris 18e", "permis de conduire"),
    ],
)
def test_a_terse_note_out_of_scope_with_a_postal_code_gets_the_places(real, text, place, procedure):
    said, msgs, _ = _first(text, text.split()[-1], intent="out_of_scope")
    assert "Je ne peux pas vous aider" not in said, said
    assert f"près de {place}" in said and procedure in said, said
    one_list(msgs)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("ils ont suspendu mes aides caf, je suis à Tours", "Tours"),
        ("je comprends rien à mes aides au logement, Lille", "Lille"),
        ("mes aides ont été coupées par la CAF, Brest", "Brest"),
    ],
)
def test_mes_aides_are_ones_own_benefits_at_the_caf(real, text, town):
    said, _, talk = _first(text, town)
    assert "vos démarches avec la CAF" in said, said
    assert "ses démarches" not in said and "si la personne" not in said, said
    assert talk.slots["procedures"] == ["caf"]


def test_a_person_one_helps_written_aidee_is_still_someone_else(real):
    said, _, _ = _first("mon aidée ne sait pas faire sa déclaration d'impôts, Nantes", "Nantes")
    assert "ses démarches avec les impôts" in said, said


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("mon fr veut faire sa naturalisation, il habite Lyon", "Lyon"),
        ("ma sr doit demander la nationalité française, Marseille", "Marseille"),
        ("mon frere a besoin d'aide pour son dossier de naturalisation a Rennes", "Rennes"),
    ],
)
def test_a_naturalisation_for_a_brother_or_sister(real, text, town):
    said, _, talk = _first(text, town)
    assert "pour ses démarches" in said and "pour vos démarches" not in said, said
    assert "naturalisation" in said and "titre de séjour" not in said, said
    assert talk.slots["procedures"] == ["naturalisation"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("mes indemnités chômage n'arrivent plus, Amiens", "Amiens"),
        ("demande d'allocation chômage à faire, Soissons", "Soissons"),
        ("mes droits au chômage, j'y comprends rien, Reims", "Reims"),
    ],
)
def test_an_unemployment_benefit_is_france_travail_paperwork_not_a_job(real, text, town):
    said, _, talk = _first(text, town)
    assert "France Travail" in said, said
    assert "chercher du travail" not in said and "emploi" not in talk.slots["needs"], said


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("vieille dame, veut refaire sa carte vitale, Rennes", "Rennes"),
        ("jeune homme, inscription France Travail, Lille", "Lille"),
        ("usagère 80 ans déclaration d'impôts, Nantes", "Nantes"),
        ("monsieur 75 ans, demande de retraite, Dijon", "Dijon"),
    ],
)
def test_a_person_described_in_the_third_person_is_someone_else(real, text, town):
    said, _, _ = _first(text, town)
    assert "pour ses démarches" in said and "pour vos démarches" not in said, said


@pytest.mark.parametrize(
    "text",
    ["je suis une dame âgée, je dois faire ma demande de retraite, Dijon",
     "bonjour monsieur, je voudrais faire ma déclaration d'impôts, Dijon"],
)
def test_ones_own_request_keeps_vos(real, text):
    said, _, _ = _first(text, "Dijon")
    assert "pour vos démarches" in said and "ses démarches" not in said, said
