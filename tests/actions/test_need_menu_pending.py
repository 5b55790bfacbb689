"""After a need menu (« aide ordi », « aide numérique », « on ma vole mon tel »: the likeliest
needs to choose from), a reply that picks none of them (« non », « oui », a question back, a town)
keeps the menu pending: asked again, the town given kept and said; never the first option used
as if chosen (tester t218 D12: « non » → « oui » → « Tulle » got a list « pour apprendre à vous
servir d'un ordinateur »; « bon ok à Mâcon » a list for internet au quotidien; round 29's « jsui a
marseille 13003 » the phone lessons guessed). Real actions on the real embedded directory, the
intents and entities the NLU gave."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

MENU = "de quoi avez-vous besoin"


def _menu(first: str) -> Talk:
    talk = Talk()
    msgs = talk.say(first, "ask_help")
    assert MENU in rest_text(msgs), rest_text(msgs)
    return talk


def _asked_again(msgs: list[dict]) -> str:
    said = rest_text(msgs)
    assert MENU in said, said
    assert "Voici" not in said and not any(p.get("results") for p in payloads(msgs)), said
    return said


@pytest.mark.parametrize("first, reply, intent, town", [
    ("aide numérique", "bon ok à Mâcon", "inform", "Mâcon"),
    ("on ma vole mon tel", "jsui a marseille 13003", "inform", "marseille 13003"),
    ("aide ordi", "Tulle", "inform", "Tulle"),
    ("aide ordi", "j'habite à Quimper", "inform", "Quimper"),
    ("aide numérique", "je suis sur Brive", "inform", "Brive"),
])  # fmt: skip
def test_a_town_instead_of_a_choice_keeps_the_menu_and_the_town(real, first, reply, intent, town):
    talk = _menu(first)
    said = _asked_again(talk.say(reply, intent, [ent("location", town)]))
    assert "je chercherai près" in said, said


@pytest.mark.parametrize("first, reply, intent", [
    ("aide ordi", "non", "deny"),
    ("aide ordi", "oui", "affirm"),
    ("aide numérique", "ben je sais pas", "inform"),
    ("on ma vole mon tel", "ok", "affirm"),
])  # fmt: skip
def test_no_choice_keeps_the_menu(real, first, reply, intent):
    talk = _menu(first)
    _asked_again(talk.say(reply, intent))


def test_the_choice_then_made_is_served_in_the_town_kept(real):
    talk = _menu("aide numérique")
    _asked_again(talk.say("bon ok à Mâcon", "inform", [ent("location", "Mâcon")]))
    said = rest_text(talk.say('/ask_help{"need": "demarches"}', "ask_help",
                              [ent("need", "demarches")]))  # fmt: skip
    assert "Mâcon" in said and "Voici" in said, said


def test_non_then_oui_then_a_town_uses_no_choice(real):
    talk = _menu("aide ordi")
    _asked_again(talk.say("non", "deny"))
    _asked_again(talk.say("oui", "affirm"))
    said = _asked_again(talk.say("Tulle", "inform", [ent("location", "Tulle")]))
    assert "Tulle" in said, said
