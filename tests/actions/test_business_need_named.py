"""A business need (tester t207, defect 13): « vendre mes fromages en ligne … à côté de Millau »
was told « Aucun lieu n'annonce précisément « créer ou gérer votre entreprise ou votre
association » » while the payload said only « Insertion professionnelle via le numérique ». The
standard does file a business there (its 1.0 label « Créer et développer mon entreprise » became
« Insertion professionnelle via le numérique »): the payload now says the need as the text says
it, with that label and the finer one, from the one catalogue. And the town's own desk is named
when the places of general help are all far: France services de Millau, in the town, no longer
left out behind villages 30–41 km away. Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

MILLAU_DESK = "« France services de Millau »"
BUSINESS = "créer ou gérer votre entreprise ou votre association"


def ask(text: str, town: str) -> list[dict]:
    return Talk().say(text, "ask_help", [ent("location", town)])


@pytest.mark.parametrize(
    "text",
    [
        "je suis éleveur de chèvres et je voudrais vendre mes fromages en ligne, à côté de Millau",
        "j'ai une boutique et je voudrais vendre mes produits sur internet, j'habite Millau",
        "je viens de créer mon entreprise et il me faut un site internet, Millau",
        "artisan menuisier, je veux faire mes factures en ligne, à Millau",
    ],
)
def test_the_town_s_own_desk_is_named_for_a_business(real, text):
    said = rest_text(ask(text, "Millau"))
    assert f"Plus près, à 200 m, {MILLAU_DESK}" in said, said
    assert "On pourra vous y aider ou vous orienter." in said, said


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("je suis éleveur de chèvres et je voudrais vendre mes fromages en ligne, Millau",
         "Millau"),
        ("je suis trésorier d'une association, on veut gérer les adhésions en ligne, à Lyon",
         "Lyon"),
        ("plombier à mon compte, je voudrais faire mon site et mes devis en ligne, Vannes",
         "Vannes"),
        ("infirmière libérale, je dois apprendre la télétransmission, vers Draguignan",
         "Draguignan"),
        ("je lance ma petite entreprise de couture et je voudrais vendre en ligne, à Rennes",
         "Rennes"),
    ],
)
def test_the_payload_says_the_business_as_the_text_does(real, text, town):
    msgs = ask(text, town)
    payload, said = one_list(msgs), rest_text(msgs)
    [asked] = [a for a in payload["asked"] if a["what"] == BUSINESS]
    assert BUSINESS in said, said
    assert asked["service"] == "Insertion professionnelle via le numérique" in payload["need"]
    assert asked["labels"] == ["Créer et développer mon entreprise"], payload["asked"]
