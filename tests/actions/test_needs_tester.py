"""Round 26's tester, over REST: what the person wanted, read from the words where they stand.
General forms, each played as a first message against the real actions and directory: a bank
that sends its customers to its app is a phone to learn, never a job; one's bills paid online are
said in so many words (no menu); what the writer wishes to do with a grandchild (video calls) is
the need, the grandchild's games the story; a site for an association is the association
service; the voice reader of one's iPhone is the phone, and places chosen for the care they
declare say so; an e-mail address to get beside a cheap phone is two needs, both named; no place
near for parenting offers the places that do online procedures with someone, said plainly."""

from __future__ import annotations

import re

from directory_client import labels
from tests.actions.talk import one_list, payloads, request_in, rest_text
from tests.conftest_actions import ent


def _answer(message: str, town: str) -> tuple[str, dict]:
    _, msgs = request_in(message, town)
    assert not [p for p in payloads(msgs) if p["type"] == "need_choice"], rest_text(msgs)
    return rest_text(msgs), one_list(msgs)


def _departements(body: dict) -> set[str]:
    return {re.search(r"\b(\d\d)\d{3}\b", r["address"]).group(1) for r in body["results"]}


def test_a_bank_that_wants_everything_on_its_app_is_a_phone_to_learn(real):
    text, body = _answer(
        "Ma banque ferme son agence et veut que je fasse tout par l'application, j'ai 75 ans et "
        "peur de me tromper. J'habite à Pau", "Pau")
    assert "apprendre à vous servir de votre téléphone" in text, text
    assert "travail" not in text.lower(), text
    assert _departements(body) == {"64"}, text


def test_bills_paid_online_after_a_death_get_places_not_a_menu(real):
    text, body = _answer(
        "depuis la mort de ma femme je n'arrive plus à rien, même pas à payer mes factures en "
        "ligne, j'habite à Vichy", "Vichy")
    assert "internet au quotidien" in text or "démarches en ligne" in text, text
    assert "entreprise" not in text and "petit prix" not in text, text
    assert _departements(body) == {"03"}, text


def test_video_calls_with_a_grandson_are_her_need_not_his_games(real):
    text, body = _answer(
        "Mon petit-fils joue trop aux jeux vidéo et moi je voudrais apprendre à faire des visios "
        "avec lui sur WhatsApp, on vit à Cahors", "Cahors")
    assert "internet au quotidien" in text, text
    assert "accompagner vos enfants" not in text and "créer avec le numérique" not in text, text
    assert _departements(body) == {"46"}, text


def test_a_website_for_an_association_is_the_association_service(real):
    talk, first = request_in(
        "présidente d'une petite association de couture, on voudrait faire un site internet et "
        "gérer les adhésions en ligne. Entre Vannes et Auray", "Vannes")
    assert "Vannes" in rest_text(first) and "Auray" in rest_text(first), rest_text(first)
    msgs = first if payloads(first) else talk.say("Vannes", "inform", [ent("location", "Vannes")])
    text, body = rest_text(msgs), one_list(msgs)  # between two towns: which one asked first
    assert "votre entreprise ou votre association" in text, text
    assert "démarches en ligne" not in text, text
    assert _departements(body) == {"56"}, text


def test_a_blind_persons_phone_voice_reader_is_the_phone_with_the_care_said(real):
    text, body = _answer(
        "je suis aveugle et je voudrais apprendre à utiliser la synthèse vocale de mon iphone, "
        "Lyon 8", "Lyon 8")
    assert "Déficience visuelle" in text, text
    assert "apprendre à vous servir de votre téléphone" in text, text
    assert "internet au quotidien" not in text, text
    assert _departements(body) == {"69"}, text


def test_an_email_address_and_a_cheap_phone_are_both_named(real):
    text, body = _answer(
        "monsieur sans domicile, besoin d'une adresse mail et d'un téléphone pas cher, Lille",
        "Lille")
    assert "petit prix" in text, text
    assert "internet au quotidien" in text, text
    assert _departements(body) == {"59"}, text


def test_no_parenting_place_near_offers_online_procedures_with_someone(real):
    text, body = _answer(
        "mon fils doit s'inscrire sur Parcoursup et on n'y comprend rien, on habite Épinal",
        "Épinal")
    assert "accompagner vos enfants" in text, text  # the need kept (the lead's decision)
    assert "démarches en ligne" in text, text
    assert any(labels.DEMARCHES in r["services"] for r in body["results"]), text
    assert _departements(body) == {"88"}, text
