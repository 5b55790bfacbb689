"""The places a person is given, and how they read, on the real embedded directory: the order
(a near place before a far one that does the need "better"), names and addresses as people
write them, the same in every channel."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from bot.channels import render
from tests.conftest_actions import (
    ent,
    slots_of,
    tracker,
)


def orient(text: str, slots: dict | None = None, entities: list | None = None,
           intent: str = "inform"):  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = asyncio.run(A.ActionOrient().run(dispatcher, tracker(text, intent, entities,
                                                                  slots=slots), {}))  # fmt: skip
    return dispatcher.messages, {**(slots or {}), **slots_of(events)}


def recommendation(messages) -> tuple[str, dict]:
    [message] = [m for m in messages if m.get("custom")]
    return message["text"], message["custom"]["orienteur"]


def test_papers_and_a_phone_in_roubaix_start_with_the_places_next_door(real, locator):
    # A tester in Roubaix: a France Services 7 km away and another 30 km away (both needs) came
    # before the CCAS 170 m away (the phone) and the France Services 400 m away (the papers).
    roubaix = locator.locate("Roubaix").best.to_dict()
    slots = {"needs": ["demarches", "smartphone"], "mode": "avec_moi", "location": roubaix}
    said, payload = recommendation(orient("Roubaix", slots, [ent("location", "Roubaix")])[0])
    places = payload["results"]
    assert [(p["name"], p["distance_text"]) for p in places] == [
        ("CCAS de Roubaix", "750 m"),  # from the town hall (from the centre: 150 m, 400 m)
        ("France services La Poste de Roubaix - Epeule", "1,2 km"),
        ("Centre social ECHO", "1,6 km"),
    ]
    assert places[0]["why"].startswith("apprendre à se servir d'un téléphone")
    # Written "9 RUE PELLART" in "ROUBAIX": every channel reads the payload's address.
    assert places[0]["address"] == "9 rue Pellart, 59100 Roubaix"
    assert "9 rue Pellart, 59100 Roubaix" in render.plain_text(said, payload)
    assert "9 rue Pellart" in render.sms_body(said, payload, menu=True)[0]


def test_a_name_and_address_in_capitals_read_in_french_in_every_channel(real, locator):
    # "CCAS D'HELLEMMES", "2 PARC BOCQUET, 176 rue Roger Salengro", "HELLEMMES".
    hellemmes = locator.locate("Hellemmes").best
    assert hellemmes is not None
    slots = {"needs": ["smartphone"], "location": hellemmes.to_dict()}
    said, payload = recommendation(orient("Hellemmes", slots, [ent("location", "Hellemmes")])[0])
    [ccas] = [p for p in payload["results"] if "Hellemmes" in p["name"]]
    assert ccas["name"] == "CCAS d'Hellemmes"
    assert ccas["address"] == "2 Parc Bocquet, 176 rue Roger Salengro, 59260 Hellemmes"
    shown = render.plain_text(said, payload)
    assert "CCAS d'Hellemmes" in shown and "HELLEMMES" not in shown
    detail = render.place_detail(ccas)
    assert "CCAS d'Hellemmes" in detail and "2 Parc Bocquet" in detail


def test_a_phone_in_cognac_starts_at_the_mediatheque(real, locator):
    # "Pôle commerce de la ville de Cognac" came first for learning to use a phone: its record
    # says no more than every record of the conseillers numériques file (search.evidence).
    cognac = locator.locate("Cognac").best.to_dict()
    said, payload = recommendation(orient("Cognac", {"needs": ["smartphone"], "location": cognac},
                                          [ent("location", "Cognac")])[0])  # fmt: skip
    names = [p["name"] for p in payload["results"]]
    assert names[0] == "Médiathèque de Cognac"
    assert payload["results"][0]["address"] == "10 rue du Minage, 16100 Cognac"


# --- what to bring ------------------------------------------------------------------------------
def test_what_to_bring_for_a_carte_grise_is_the_carte_grise_list(real, locator):
    # It was the identity card's list ("votre ancienne pièce d'identité", "une photo…").
    roubaix = locator.locate("Roubaix").best.to_dict()
    said, payload = recommendation(
        orient("je dois refaire ma carte grise", {"location": roubaix}, intent="ask_help")[0]
    )
    assert payload["bring"] == [
        "une pièce d'identité",
        "un justificatif de domicile de moins de 6 mois",
        "votre permis de conduire",
        "le certificat de cession et son code de cession (achat d'occasion)",
        "l'ancienne carte grise barrée et signée par le vendeur (achat d'occasion)",
        "le contrôle technique de moins de 6 mois (achat d'occasion de plus de 4 ans)",
        "votre adresse mail et votre téléphone portable",
    ]
    shown = render.plain_text(said, payload)
    assert "certificat de cession" in shown and "photo d'identité" not in shown
    assert "pour vos démarches avec l'ANTS (carte grise)" in said


def test_a_first_rsa_claim_is_not_asked_for_a_caf_number(real, locator):
    # It asked for "votre numéro d'allocataire CAF et votre mot de passe": a first claimant
    # has none.
    roubaix = locator.locate("Roubaix").best.to_dict()
    said, payload = recommendation(
        orient("je veux faire une demande de RSA", {"location": roubaix}, intent="ask_help")[0]
    )
    assert payload["bring"] == [
        "une pièce d'identité",
        "un RIB",
        "vos justificatifs de ressources des 3 derniers mois (salaires, allocations…)",
        "votre numéro de sécurité sociale",
        "votre numéro d'allocataire CAF, seulement si vous en avez un",
    ]
    assert "pour vos démarches avec la CAF (demande de RSA)" in said
