"""Round 18's tester: "je vis en Haute-Savoie" got the generic town question while "en Corrèze"
got "Quelle est votre commune en Corrèze ?" (every département is read the same way, with en/dans
le/dans la/dans les, hyphens or not, accents or not); "demande de logement social a Sens" and
"dossier logement social, Sens" were read as off-topic (Sens, a commune that is also a word, is
the town where it says where the person is). Entities and intents as the current NLU model
gives them; real actions, locator and embedded directory."""

from __future__ import annotations

import pytest

from tests.conftest_actions import say


@pytest.mark.parametrize(
    "message, where",
    [
        ("aide pour la CAF, je vis en Haute-Savoie", "en Haute-Savoie"),
        ("aide pour la CAF, je vis en haute savoie", "en Haute-Savoie"),
        ("aide pour la CAF, je vis dans les Hautes-Alpes", "dans les Hautes-Alpes"),
        ("aide pour la CAF, j'habite en correze", "en Corrèze"),
        ("aide pour la CAF, j'habite dans le Val d'Oise", "dans le Val-d'Oise"),
    ],
)
def test_every_departement_gets_the_commune_question(real, message, where):
    text, slots = say(message, "ask_help")
    assert f"Quelle est votre commune {where} ?" in text, text


def test_a_phrase_is_no_departement(real):
    text, slots = say("en somme je voudrais de l'aide pour la CAF", "ask_help")
    assert "Quelle est votre commune" not in text, text


@pytest.mark.parametrize(
    "message, entities",
    [
        ("demande de logement social a Sens",
         [{"entity": "location", "value": "Sens", "start": 29, "end": 33}]),
        ("dossier logement social, Sens", []),
    ],
)  # fmt: skip
def test_sens_where_the_person_is_is_the_town(real, message, entities):
    text, slots = say(message, "out_of_scope", entities)
    assert "Je ne peux pas vous aider" not in text, text
    assert (slots.get("location") or {}).get("commune") == "Sens", text
