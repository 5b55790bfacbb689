""""plus près ?" after a list: only places nearer than the nearest shown (the tester's Bordeaux,
Mauriac, Saint-Laurent-du-Maroni got a farther place, or one at 12 km in place of one at 14 km),
else said plainly that none is nearer. Real embedded directory, several turns (``Talk``)."""

from __future__ import annotations

import pytest

from tests.actions.talk import list_in, payloads, rest_text


@pytest.mark.parametrize("message, town", [
    ("j'ai besoin d'aide pour mes démarches en ligne à Bordeaux", "Bordeaux"),
    ("aide pour remplir mon dossier caf à Mauriac 15200", "15200"),
    ("aide caf à Saint-Laurent-du-Maroni", "Saint-Laurent-du-Maroni"),
    ("j'ai besoin d'aide pour ma retraite à Aurillac", "Aurillac"),
    ("aide pour mes impôts à Périgueux", "Périgueux"),
])  # fmt: skip
@pytest.mark.parametrize("nearer, intent", [("plus près ?", "ask_help"),
                                            ("y a pas plus proche ?", "change_location")])
def test_nearer_gives_only_nearer_places_or_says_none(real, message, town, nearer, intent):
    talk, first = list_in(message, town)
    nearest_shown = min(p["distance_km"] for p in first["results"])
    msgs = talk.say(nearer, intent)
    text = rest_text(msgs)
    lists = [p for p in payloads(msgs) if p.get("type") == "recommendation"]
    if not lists:
        assert text.startswith("Il n'y a pas de lieu plus près pour "), text
        return
    [again] = lists
    km = [p["distance_km"] for p in again["results"]]
    assert km and all(k < nearest_shown for k in km), (nearest_shown, km, text)


# "plus près ?", none nearer for the need, while a place nearer than the first one listed does
# something else (its services in the directory): the person wonders why, one sentence says it.
NEARER_ELSE = [
    ("aide pour remplir mon dossier caf à Mauriac 15200", "15200", "1,6 km",
     "Médiathèque du Pays de Mauriac", "1,1 km"),
    ("aide caf a Roubaix", "Roubaix", "1,2 km", "CCAS de Roubaix", "750 m"),
    ("aide pour mes impôts à Périgueux", "Périgueux", "2,1 km",
     "CIDFF Dordogne, antenne de Périgueux", "450 m"),
]  # fmt: skip


@pytest.mark.parametrize("message, town, nearest, other, other_km", NEARER_ELSE)
def test_a_nearer_place_not_listed_is_said_to_not_offer_the_help(
    real, message, town, nearest, other, other_km
):
    talk, first = list_in(message, town)
    assert other not in rest_text([{"custom": {"orienteur": first}}])
    msgs = talk.say("plus près ?", "ask_help")
    text = rest_text(msgs)
    assert not payloads(msgs), text
    assert text.startswith("Il n'y a pas de lieu plus près pour "), text
    assert text.endswith(
        f" ; le plus proche est à {nearest}. Plus près, à {other_km}, « {other} » ne propose pas "
        "cette aide d'après l'annuaire."
    ), text


@pytest.mark.parametrize("message, town", [
    ("aide caf à Saint-Laurent-du-Maroni", "Saint-Laurent-du-Maroni"),  # the nearest is listed
    ("je veux apprendre à utiliser ma tablette à Lyon", "Lyon"),
])  # fmt: skip
def test_no_word_of_another_place_when_the_nearest_of_all_is_listed(real, message, town):
    talk, _ = list_in(message, town)
    text = rest_text(talk.say("plus près ?", "ask_help"))
    assert text.startswith("Il n'y a pas de lieu plus près pour "), text
    assert "Plus près" not in text and "«" not in text, text
