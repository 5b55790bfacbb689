"""Round 25 (set AR and tester t160): what a word means where it stands in the sentence. General
forms, in wordings of our own: a word describing the person ("retraité 72 ans") is no file to do;
the office a scammer posed as ("un faux conseiller de la CAF") is no procedure; "solidaire" in
the name of a health cover is no device price; a procedure done again ("refaire") is one to do
beside a device to get; "à mort" says how much, not that a device died; a library with computers
is a computer to use; a code awaited is a step of the procedure, not a scam; one's bills paid
online are no business invoicing; knowing how to do something on one's own is learning it; a
device given away goes where devices are passed on; no webcam is equipment to use; harassment by
messages is online safety; the préfecture alone is no residence permit."""

from __future__ import annotations

import pytest

from actions.needs import read
from tests.actions.talk import one_list, request_in, rest_text


@pytest.mark.parametrize(
    "message",
    [
        "retraité 81 ans, un faux conseiller de ma banque m'a appelé, je voudrais sécuriser mes "
        "comptes",
        "je suis un jeune retraité et je me suis fait pirater ma boîte mail",
    ],
)
def test_a_retired_person_is_who_not_a_pension_file(message):
    found = read(message)
    assert "retraite" not in found.procedures
    assert found.needs[0] == "securite"


@pytest.mark.parametrize(
    "message",
    [
        "je voudrais faire ma demande de retraite en ligne",
        "ma retraite de 900 euros n'est pas arrivée ce mois-ci, où le voir en ligne ?",
    ],
)
def test_the_pension_file_is_still_one(message):
    assert read(message).procedures == ["retraite"]


def test_a_retired_scam_victim_is_not_sent_to_pension_paperwork(real):
    _, msgs = request_in(
        "retraité 78 ans, un faux conseiller bancaire m'a pris de l'argent, je veux protéger "
        "mes comptes", "Metz")
    one_list(msgs)
    text = rest_text(msgs).lower()
    assert "retraite" not in text
    assert "relevés de carrière" not in text


@pytest.mark.parametrize(
    "message",
    [
        "un faux conseiller de la CAF m'a appelé pour avoir mes codes",
        "j'ai été arnaquée l'an dernier par un faux site des impôts, je voudrais apprendre à "
        "repérer les pièges",
    ],
)
def test_the_office_a_scammer_posed_as_is_no_procedure(message):
    found = read(message)
    assert found.procedures == []
    assert found.needs[0] == "securite"
    assert not {"demarches", "sante"} & set(found.needs)


def test_solidaire_in_the_name_of_a_health_cover_is_no_cheap_device():
    found = read("j'ai besoin d'aide pour remplir la complémentaire santé solidaire")
    assert found.needs == ["sante"]


def test_a_procedure_done_again_stays_beside_a_cheap_device():
    found = read(
        "je dois refaire mon passeport en ligne et je voudrais aussi un téléphone pas cher"
    )
    assert found.procedures == ["ants"]
    assert set(found.needs) == {"demarches", "materiel_achat"}


def test_a_computer_slow_to_death_is_no_dead_one():
    found = read("mon pc rame à mort, comment le rendre plus rapide ?")
    assert found.needs[0] == "ordinateur"
    assert "materiel_achat" not in found.needs


def test_a_library_with_computers_is_a_computer_to_use():
    assert read("je cherche une bibliothèque avec des ordinateurs").needs == ["materiel_usage"]


@pytest.mark.parametrize(
    "message",
    [
        "je n'ai pas reçu mon code pour créer mon compte ameli",
        "je n'ai jamais reçu le courrier avec mes identifiants des impôts",
    ],
)
def test_a_code_awaited_is_no_scam(message):
    assert "securite" not in read(message).needs


def test_an_order_never_received_is_still_a_scam():
    assert "securite" in read("j'ai commandé un colis jamais reçu, le site a disparu").needs


def test_bills_paid_online_are_no_business():
    found = read("je n'arrive plus à payer mes factures en ligne depuis la mort de mon mari")
    assert "entreprise" not in found.needs + found.choices


def test_knowing_how_to_do_it_on_ones_own_is_learning():
    found = read("je voudrais savoir prendre mes rendez-vous chez le médecin sur internet toute "
                 "seule")
    assert found.mode == "autonomie"
    assert "quotidien" in found.needs


def test_living_alone_is_no_wish_to_learn():
    assert read("je vis toute seule et je dois faire ma demande de CAF").mode is None


@pytest.mark.parametrize(
    "message",
    [
        "je voudrais donner mon vieux téléphone qui marche encore à quelqu'un qui en a besoin",
        "on voudrait faire don de nos anciens ordinateurs portables, à qui s'adresser ?",
        "j'ai une tablette que je n'utilise plus, je voudrais offrir ma tablette à une famille",
    ],
)
def test_a_device_given_away_goes_where_devices_are_passed_on(message):
    found = read(message)
    assert found.needs == ["materiel_achat"]
    assert found.choices == []


def test_no_webcam_for_a_job_interview_is_equipment_to_use():
    found = read("j'ai un rendez-vous pour un emploi en visio lundi mais pas de webcam")
    assert set(found.needs) == {"emploi", "materiel_usage"}


@pytest.mark.parametrize(
    "message",
    [
        "mon fils est harcelé par sms par des élèves de sa classe, comment garder des preuves ?",
        "ma fille reçoit des messages bizarres sur snap",
    ],
)
def test_a_child_harassed_by_messages_is_parenting_and_online_safety(message):
    assert set(read(message).needs) == {"parentalite", "securite"}


def test_the_prefecture_alone_is_no_residence_permit():
    found = read("où je peux scanner mes papiers pour la préfecture ?")
    assert "titre_sejour" not in found.procedures
    assert found.needs == ["materiel_usage"]


def test_the_prefecture_with_a_stays_words_is_the_residence_permit():
    assert read("je dois aller à la préfecture pour mon récépissé").procedures == ["titre_sejour"]
