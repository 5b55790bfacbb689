"""A deaf person, or one who cannot phone (tester t218, D2): « sourd, pas de telephone possible,
juste sms. besoin aide caf. Poitiers » got places to learn the phone and no CAF place, and
« comment je les contacte sans appeler ? » got a phone line. « Pas de téléphone possible » said
by a deaf person is how to reach them, never a need; the places come with how to reach each
without calling (e-mail, website, on site at opening hours, or plainly nothing but a phone),
and the question after a list is answered the same way — never a phone number alone."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, kinds, one_list, payloads, rest_text
from tests.conftest_actions import ent

WITHOUT_CALLING = "Pour les joindre sans téléphoner, d'après l'annuaire :"
LEARN_PHONE = "vous servir de votre téléphone"

REQUESTS = [
    ("sourd, pas de telephone possible, juste sms. besoin aide caf. Poitiers", "Poitiers",
     "la CAF", [ent("need", "smartphone"), ent("procedure", "caf")]),
    ("je suis sourde, pas de téléphone, que des sms, aide pour la caf à Lyon", "Lyon", "la CAF",
     [ent("procedure", "caf")]),
    ("malentendant je peux pas appeler, besoin aide ameli Rennes", "Rennes",
     "l'Assurance maladie", [ent("procedure", "ameli")]),
    ("je suis sourd je ne peux pas téléphoner, aide impots Nantes", "Nantes", "les impôts",
     [ent("procedure", "impots")]),
    ("sourd muet, pas d'appel possible, dossier retraite, Tours", "Tours", "retraite",
     [ent("procedure", "retraite")]),
    ("je suis sourde, je ne peux pas téléphoner, j'ai besoin d'aide pour faire mon dossier MDPH "
     "à Nancy", "Nancy", "MDPH", [ent("procedure", "mdph")]),
]  # fmt: skip


def _said_for_each_place(said: str, results: list[dict]) -> None:
    assert WITHOUT_CALLING in said, said
    block = said.split(WITHOUT_CALLING)[1]
    for place in results:
        line = next(ln for ln in block.splitlines()
                    if ln.startswith(f"{place['number']}. {place['name']} :"))  # fmt: skip
        assert "sur place" in line, line
        assert ("e-mail" in line or "site" in line or "ni e-mail ni site" in line), line
        assert "Tél" not in line, line
    assert "SMS au 114" in block, block


@pytest.mark.parametrize(("message", "town", "what", "entities"), REQUESTS)
def test_a_deaf_persons_request_gets_its_places_and_how_to_reach_them(
    real, message, town, what, entities
):
    msgs = Talk().say(message, "ask_help", [ent("location", town), *entities])
    said = rest_text(msgs)
    assert LEARN_PHONE not in intro_of(said) and what in intro_of(said), said
    _said_for_each_place(said, one_list(msgs)["results"])


def test_a_desk_note_for_a_deaf_man_gets_how_to_reach_the_places(real):
    msgs = Talk().say("mr ~60, sourd, ameli, Besançon", "nlu_fallback",
                      [ent("procedure", "ameli"), ent("location", "Besançon")])  # fmt: skip
    _said_for_each_place(rest_text(msgs), one_list(msgs)["results"])


ASKED_AFTER = [
    ("comment je les contacte sans appeler ?", "human_handoff"),
    ("je suis sourd, je peux leur écrire ?", "out_of_scope"),
    ("on peut leur envoyer un mail ?", "send_it"),
    ("je peux pas appeler, comment je fais pour les joindre ?", "human_handoff"),
    ("ils ont un email ?", "send_it"),
    ("je n'entends pas, je peux les contacter par écrit ?", "send_it"),
]


@pytest.mark.parametrize(("question", "intent"), ASKED_AFTER)
def test_how_to_reach_them_without_calling_is_answered_from_the_list(real, question, intent):
    talk = Talk()
    listed = one_list(talk.say("caf Pau", "ask_help",
                               [ent("procedure", "caf"), ent("location", "Pau")]))  # fmt: skip
    msgs = talk.say(question, intent)
    said = rest_text(msgs)
    assert "recommendation" not in kinds(msgs), payloads(msgs)  # not the list again
    assert "Solidarité Numérique" not in said and "01 70" not in said, said
    _said_for_each_place(said, listed["results"])
