"""Overseas collectivities (round 18's tester): "Papeete" got "Je ne trouve pas", then "Papeete,
Tahiti, en Polynésie" got "Je ne peux pas vous aider pour cela". Where the directory has no place
(the gazetteer has none of their communes), the person is told so plainly with the national
helpline, and the town is not asked again; Nouméa, where the embedded directory has places, is
searched as any town. Intents as the current NLU model reads them; real actions, locator and
embedded directory."""

from __future__ import annotations

import pytest

from actions import formatting as fmt
from tests.conftest_actions import say


@pytest.mark.parametrize(
    "message, intent, territory",
    [
        ("Papeete", "out_of_scope", "en Polynésie française"),
        ("Papeete, Tahiti, en Polynésie", "out_of_scope", "en Polynésie française"),
        ("j'habite à Mata-Utu, aide pour la CAF", "ask_help", "à Wallis-et-Futuna"),
        ("Gustavia", "inform", "à Saint-Barthélemy"),
        # was "no place found": the mainland's Saint-Barthélemy (56, 70…) offered after it
        ("Saint-Barthélemy", "inform", "à Saint-Barthélemy"),
        ("j'habite à Saint-Barthélemy, aide pour la CAF", "ask_help", "à Saint-Barthélemy"),
        ("je suis a st barth pour mes impots", "ask_help", "à Saint-Barthélemy"),
    ],
)
def test_a_territory_the_directory_does_not_cover_is_said_with_the_helpline(
    real, message, intent, territory
):
    text, slots = say(message, intent)
    assert f"L'annuaire ne couvre pas encore les lieux d'aide {territory}." in text, text
    # nothing before it (round 194's tester: "Vous pouvez aussi appeler" after "ne couvre pas"),
    # and its days on Paris time
    assert fmt.HELPLINE_FROM_AFAR in text and "aussi" not in text, text
    assert "Vous pouvez appeler Solidarité Numérique au 01 70 77 23 72" in text, text
    assert "aux heures de Paris" in text, text
    assert slots.get("awaiting") != "location", slots


def test_the_town_asked_then_a_territory_not_covered_is_not_asked_again(real):
    text, slots = say("Papeete", "inform", slots={"awaiting": "location", "needs": ["caf"]})
    assert "ne couvre pas encore" in text and "Je ne trouve pas" not in text, text
    assert slots.get("awaiting") is None, slots


def test_noumea_where_the_directory_has_places_is_searched(real):
    text, slots = say("noumea", "inform")
    assert "ne couvre pas" not in text, text
    assert (slots.get("location") or {}).get("departement") == "988", slots


@pytest.mark.parametrize(
    "message, intent",
    [("passeport noumea", "inform"), ("passeport Nouméa", "inform"), ("Dumbea", "out_of_scope")],
)
def test_a_town_of_new_caledonia_without_accents_is_taken(real, message, intent):
    text, slots = say(message, intent)
    assert (slots.get("location") or {}).get("departement") == "988", text
    assert "Je ne peux pas vous aider" not in text and "Dans quelle ville" not in text, text


# --- A Réunion town written in full, "saint" alone read by the NLU --------------------------
@pytest.mark.parametrize(
    "message, entity, town",
    [
        # was "Je ne trouve pas « saint »."
        ("je suis a saint denis de la reunion pour la caf", "saint", "Saint-Denis (974"),
        ("caf a st denis de la réunion", "st", "Saint-Denis (974"),
        ("caf saint pierre de la reunion", "saint", "Saint-Pierre (974"),
        ("caf saint paul la reunion", "saint", "Saint-Paul (974"),  # no "à" before the town
        ("caf saint paul la reunion", None, "Saint-Paul (974"),
    ],
)
def test_a_saint_of_la_reunion_is_searched_not_saint_alone(real, message, entity, town):
    from tests.conftest_actions import ent

    text, slots = say(message, "ask_help", [ent("location", entity)] if entity else [])
    assert "Je ne trouve pas" not in text, text
    assert f"près de {town}" in text and "pour vos démarches avec la CAF" in text, text
    assert slots["location"]["departement"] == "974", slots
