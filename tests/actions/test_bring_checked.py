"""What to bring, checked against public sources (2026-12-07): papers a person would otherwise
find missing at the desk. A used car's carte grise asks for its contrôle technique of less than
6 months when the car is more than 4 years old (demarches-administratives.org, capcar.fr,
frtips.com, the ANTS' list of the seller's papers); a passport asks for a timbre fiscal in every
case (ville-colomiers.fr after service-public.fr, eservices.marseille.fr: 86 € for an adult).
Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads
from tests.conftest_actions import ent


def _bring(message: str, town: str) -> list[str]:
    msgs = Talk().say(message, "ask_help", [ent("location", town)])
    lists = [p for p in payloads(msgs) if p["type"] == "recommendation" and p.get("results")]
    assert lists, msgs
    return lists[0].get("bring") or []


@pytest.mark.parametrize("message, town", [
    ("j'ai acheté une voiture d'occasion, je n'arrive pas à faire la carte grise sur le site "
     "de l'ANTS, je suis à Vesoul", "Vesoul"),
    ("aide pour le changement de titulaire de la carte grise, j'habite Épinal", "Épinal"),
    ("je viens d'acheter une voiture d'occasion, comment faire la carte grise ? Montauban",
     "Montauban"),
    ("je dois faire la carte grise de la voiture que j'ai achetée à un particulier, Laval",
     "Laval"),
])  # fmt: skip
def test_a_used_cars_carte_grise_asks_for_its_controle_technique(real, message, town):
    items = _bring(message, town)
    assert any("contrôle technique de moins de 6 mois" in i for i in items), items


@pytest.mark.parametrize("message, town", [
    ("je dois refaire mon passeport, la pré-demande en ligne c'est trop compliqué, Agen", "Agen"),
    ("aide pour la demande de passeport sur le site ANTS, je suis à Auch", "Auch"),
    ("il me faut un passeport pour voyager, qui peut m'aider à le demander ? Tarbes", "Tarbes"),
])  # fmt: skip
def test_a_passport_asks_for_a_timbre_fiscal(real, message, town):
    items = _bring(message, town)
    assert any("timbre fiscal" in i for i in items), items


# The complémentaire santé solidaire asked on ameli.fr: since January 2022 the wages, pensions
# and allowances are fetched by the Assurance maladie itself; the person gives only the others
# (pension alimentaire, bourse…) and the CAF number (ameli.fr « demander la Complémentaire santé
# solidaire, c'est simple avec le compte ameli »; enim.eu; read 2026-12-07).
@pytest.mark.parametrize("message, town", [
    ("je voudrais demander la complémentaire santé solidaire sur ameli, Mâcon", "Mâcon"),
    ("aide pour faire la demande de C2S en ligne, j'habite Nevers", "Nevers"),
    ("renouveler ma complémentaire santé solidaire, je n'y arrive pas sur internet, Bourges",
     "Bourges"),
])  # fmt: skip
def test_the_c2s_asks_only_the_income_ameli_does_not_fetch(real, message, town):
    items = _bring(message, town)
    assert any("numéro d'allocataire CAF" in i for i in items), items
    assert any("pension alimentaire" in i for i in items), items
    assert not any("salaires, allocations" in i for i in items), items


# Booking on Doctolib asks for a phone (a code by SMS, or by a voice message on a landline), an
# e-mail address and a password, never the carte Vitale (doctolib.fr/help « Créer un compte
# Doctolib », read 2026-12-07).
@pytest.mark.parametrize("message, town", [
    ("je n'arrive pas à prendre un rendez-vous chez l'ophtalmo sur doctolib, Quimper", "Quimper"),
    ("aidez-moi à réserver un rendez-vous médical sur internet, j'habite Lorient", "Lorient"),
    ("comment on crée un compte doctolib pour voir le médecin ? Vannes", "Vannes"),
])  # fmt: skip
def test_doctolib_asks_for_a_phone_not_the_carte_vitale(real, message, town):
    items = _bring(message, town)
    assert any("un code arrive par SMS" in i for i in items), items
    assert not any("carte Vitale" in i for i in items), items
