"""A département said with its article ("je suis dans la Creuse", "j'habite en Creuse", "la
Somme", "la Manche", "l'Aude", "la Meuse"), where a tiny commune bears the same name (La Creuse,
70, about 50 inhabitants): the département, whose commune is then asked, never that commune 400
km away. A commune named with a town's preposition ("à La Creuse") stays the commune."""

from __future__ import annotations

import pytest

from directory_client import Locator
from tests.actions.test_after_places import Talk, payloads
from tests.conftest_actions import (
    ent,
    said,
)


@pytest.mark.parametrize(
    ("text", "intent", "tagged", "code", "where"),
    [
        ("aide pour ma carte grise, je suis dans la Creuse", "ask_help", ["la Creuse"], "23",
         "dans la Creuse"),
        ("aide pour ma carte grise, je suis dans la Creuse", "ask_help", [], "23",
         "dans la Creuse"),
        ("j'habite en Creuse et je veux faire ma carte grise", "ask_help", ["Creuse"], "23",
         "dans la Creuse"),
        ("la Creuse", "inform", ["la Creuse"], "23", "dans la Creuse"),
        ("la Creuse", "inform", [], "23", "dans la Creuse"),
        ("la Somme", "inform", ["la Somme"], "80", "dans la Somme"),
        ("je vis dans la Manche, aide pour la caf", "ask_help", ["la Manche"], "50",
         "dans la Manche"),
        ("la Meuse", "inform", [], "55", "dans la Meuse"),
    ],
)  # fmt: skip
def test_the_departement_with_its_article_is_the_departement(
    real, text, intent, tagged, code, where
):
    talk = Talk()
    if intent == "inform":
        talk.say("aide pour ma carte grise", "ask_help")
    msgs = talk.say(text, intent, [ent("location", t) for t in tagged])
    location = talk.slots.get("location") or {}
    assert location.get("kind") == "departement" and location.get("departement") == code, (
        location,
        [said(m) for m in msgs],
    )
    assert not payloads(msgs)
    assert f"Quelle est votre commune {where} ?" in " ".join(said(m) for m in msgs)


@pytest.mark.parametrize(
    ("query", "code"),
    [("la Creuse", "23"), ("la Somme", "80"), ("la Manche", "50"), ("l'Aude", "11"),
     ("la Meuse", "55"), ("la Mayenne", "53"), ("la Marne", "51"), ("le Var", "83"),
     ("j'habite dans la Sarthe", "72")],
)  # fmt: skip
def test_the_locator_reads_the_departement_first(query, code):
    result = Locator().locate(query)
    assert result.status == "found" and result.best.kind == "departement"
    assert result.best.departement == code


@pytest.mark.parametrize("query", ["à La Creuse", "j'habite à La Creuse"])
def test_a_commune_after_a_town_preposition_stays_the_commune(query):
    result = Locator().locate(query)
    assert result.status == "found" and result.best.label == "La Creuse (70)"
