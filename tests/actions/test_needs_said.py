"""Needs people state that were read as others (helper e184), each played as a first message
against the real actions and directory: a self-employed trade's invoices, quotes and URSSAF are
the business service; a cheap computer for one's papers and photos is a device to get and to
learn, not one to use on site; understanding how the town's procedures work online is the
procedures; the paperwork after a death gets one plain word of sympathy and, for a survivor's
pension, the death and marriage papers to bring; a person who cannot do it (illness, cannot move)
and a professional writing for someone are never asked whether they want to learn; a farmer's PAC
declaration on TELEPAC, the MSA, the BDNI are procedures."""

from __future__ import annotations

import re

from actions import texts
from tests.actions.talk import payloads, request_in, rest_text

MODE_QUESTION = texts.text("utter_ask_mode")
SYMPATHY = "condoléances"  # the one word of sympathy after a death


def _answer(message: str, town: str) -> str:
    _, msgs = request_in(message, town)
    assert not [p for p in payloads(msgs) if p["type"] == "need_choice"], rest_text(msgs)
    return rest_text(msgs)


def _places_for(text: str) -> str:
    """The heading that says what the places are for ("Voici 3 lieux près de … pour …", or
    "Aucun lieu n'annonce précisément « … »")."""
    found = re.search(r"(?m)^.*\blieux?\b.*$", text)
    assert found, text
    return found.group()


def test_a_self_employed_plumbers_invoices_are_the_business_service(real):
    text = _answer(
        "Bonjour, je suis plombier à mon compte depuis 10 ans, je dois faire mes devis et "
        "factures sur l'ordinateur maintenant avec la facture électronique obligatoire, je n'y "
        "connais rien. Je suis à Niort", "Niort")
    assert "votre entreprise" in _places_for(text), text
    assert "ordinateur" not in _places_for(text), text


def test_an_auto_entrepreneurs_urssaf_declaration_is_the_business_service(real):
    text = _answer(
        "je suis auto-entrepreneur et je dois déclarer mon chiffre d'affaires sur le site de "
        "l'URSSAF, je ne m'en sors pas, j'habite à Tours", "Tours")
    assert "votre entreprise" in _places_for(text), text


def test_a_shopkeepers_quotes_on_software_are_the_business_service(real):
    text = _answer(
        "je tiens une petite épicerie, je suis commerçante, il faut que j'apprenne un logiciel "
        "pour mes devis et ma comptabilité, Albi", "Albi")
    assert "votre entreprise" in _places_for(text), text
    assert "ordinateur" not in _places_for(text), text


def test_a_simple_computer_for_papers_and_photos_is_one_to_get_and_learn(real):
    text = _answer(
        "Je suis retraitée avec une petite pension, je voudrais un ordinateur simple pour faire "
        "mes papiers et voir mes photos, sans me faire avoir. J'habite à Limoges", "Limoges")
    aim = _places_for(text)
    assert "petit prix" in aim, text
    assert "sur place" not in aim, text
    assert "internet au quotidien" in aim or "apprendre" in aim, text


def test_understanding_the_towns_procedures_online_is_the_procedures(real):
    text = _answer(
        "Nous sommes un groupe d'habitants du quartier et nous voudrions comprendre comment "
        "fonctionnent les démarches de la ville en ligne, à Rennes", "Rennes")
    assert "comprendre le numérique" not in text, text
    assert "démarches" in text, text


def test_a_widows_survivor_pension_gets_one_word_of_sympathy_and_the_right_papers(real):
    text = _answer(
        "Mon mari est décédé le mois dernier, je dois faire la demande de pension de réversion, "
        "la succession et fermer ses comptes, je suis perdue. J'habite à Brest", "Brest")
    assert text.count(SYMPATHY) == 1, text
    assert "acte de décès" in text, text
    assert "livret de famille" in text, text
    assert "bulletins de salaire" not in text, text


def test_the_sympathy_is_said_once_in_the_conversation(real):
    talk, msgs = request_in(
        "ma mère est décédée, je dois fermer ses comptes et résilier ses abonnements, à Brest",
        "Brest")
    assert rest_text(msgs).count(SYMPATHY) == 1, rest_text(msgs)
    again = rest_text(talk.say("et plus près ?", "more_results"))
    assert SYMPATHY not in again, again


def test_a_pension_of_ones_own_gets_no_sympathy_nor_death_certificate(real):
    text = _answer("je dois faire ma demande de retraite en ligne, à Brest", "Brest")
    assert SYMPATHY not in text and "acte de décès" not in text, text


def test_a_patient_who_cannot_move_is_not_asked_to_learn(real):
    text = _answer(
        "je suis sous chimiothérapie et je ne peux pas bouger de chez moi, j'ai des papiers à "
        "faire en ligne, à Nancy", "Nancy")
    assert MODE_QUESTION not in text, text
    assert "apprendre" not in _places_for(text), text


def test_someone_too_tired_to_do_it_is_not_asked_to_learn(real):
    text = _answer(
        "je suis trop fatiguée pour faire mes démarches en ligne, je n'y arrive plus, à Metz",
        "Metz")
    assert MODE_QUESTION not in text, text


def test_a_ccas_agent_writing_for_a_user_is_not_asked_to_learn(real):
    text = _answer(
        "Je suis agente au CCAS de Dijon, j'écris pour un usager qui doit faire ses démarches "
        "en ligne", "Dijon")
    assert MODE_QUESTION not in text, text
    assert "apprendre à faire" not in text, text


def test_a_farmers_pac_declaration_on_telepac_is_a_procedure(real):
    text = _answer(
        "je dois faire ma déclaration PAC sur telepac et j'y arrive pas, je suis agriculteur, "
        "à Aurillac", "Aurillac")
    assert "démarches" in _places_for(text), text
    assert "entreprise" not in text, text


def test_farm_registers_online_are_procedures(real):
    for message, town in (
        ("éleveur à Rodez, je dois mettre à jour mon registre d'élevage en ligne et la BDNI",
         "Rodez"),
        ("agricultrice, j'ai un souci avec mon espace MSA en ligne, à Guéret", "Guéret"),
    ):
        text = _answer(message, town)
        assert "démarches" in _places_for(text), text
        assert "entreprise" not in text, text
