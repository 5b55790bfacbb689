"""A distance said in the message ("1 km max", "à moins de 2 km") limits the search; nothing that
near is said plainly, with the nearest places and their distance. Real SQLite directory, the
action run as the action server runs it."""

from __future__ import annotations

import pytest

from actions import backends, needs
from directory_client.directory import Directory
from directory_client.models import Base
from tests.conftest_actions import ent, run_as_the_action_server, slots_of, tracker
from tests.places import here, make_place


@pytest.mark.parametrize(
    "message, km",
    [
        ("1 km max", 1),
        ("à moins de 2 km", 2),
        ("pas plus de 5 km", 5),
        ("dans un rayon de 10 km", 10),
        ("je ne peux pas marcher plus de 3 km", 3),
        ("à moins d'un kilomètre", 1),
        ("500 m maximum", 0.5),
        ("pas à plus de 1,5 km de chez moi", 1.5),
        ("j'habite à 30 km de Rouen", None),  # where they live, no limit
        ("le 5 km de la course à pied", None),
    ],
)
def test_a_distance_limit_is_read_like_the_other_criteria(message, km):
    found = needs.detect(message)
    assert needs.distance_limit(found.constraints) == km, found.constraints


@pytest.fixture
def lyon():
    # Names of their own: a name that only says what the place is shows its town (display.py).
    directory = Directory("sqlite:///:memory:")
    backends.set_backends(directory, backends.get_locator())
    with directory.Session() as session:
        places = (("France services Gerland", 0.6), ("Médiathèque Bachut", 1.4),
                  ("Centre social Monplaisir", 3.2), ("Mairie annexe du 8e", 6.5))  # fmt: skip
        for name, km in places:
            make_place(session, name, km_east=km)
        session.commit()
    yield
    backends.set_backends(None, None)
    Base.metadata.drop_all(directory.engine)
    directory.close()


def ask(message: str, slots: dict | None = None) -> tuple[str, dict, dict]:
    """What the person reads, the recommendation's payload and the slots after the message."""
    slots = {"location": here().__dict__, **(slots or {})}
    answer = run_as_the_action_server(tracker(message, "ask_help", slots=slots))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    body = next((r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom")), {})
    return said, body, {**slots, **slots_of(answer["events"])}


def test_places_beyond_the_distance_said_are_left_out(lyon):
    said, body, slots = ask("ma demande CAF avec quelqu'un, 2 km max")
    assert said.startswith("Voici 2 lieux près de Lyon (69)"), said
    assert "parmi les lieux à moins de 2 km" in said
    assert [(r["name"], r["distance_text"]) for r in body["results"]] == [
        ("France services Gerland", "600 m"), ("Médiathèque Bachut", "1,4 km")]  # fmt: skip
    assert body["filters"] == {"max_km": 2.0}
    titles = [b["title"] for b in body["follow_ups"]]
    assert "Sans le critère « à moins de 2 km »" in titles and "D'autres lieux" not in titles
    # "finalement 5 km max": the new limit replaces the first.
    said, body, slots = ask("finalement pas plus de 5 km", slots)
    assert [r["name"] for r in body["results"]] == [
        "France services Gerland", "Médiathèque Bachut", "Centre social Monplaisir"]  # fmt: skip
    assert slots["constraints"] == ["max_km:5"]


def test_nothing_within_the_limit_is_said_with_the_nearest_and_their_distance(lyon):
    said, body, slots = ask("ma demande CAF avec quelqu'un, à moins de 500 m")
    assert said.startswith(
        "Aucun lieu n'est à moins de 500 m de Lyon (69) pour vos démarches avec la CAF"
    ), said
    assert "Voici les plus proches, avec leur distance :" in said
    assert [(r["name"], r["distance_text"]) for r in body["results"]] == [
        ("France services Gerland", "600 m"), ("Médiathèque Bachut", "1,4 km"),
        ("Centre social Monplaisir", "3,2 km")]  # fmt: skip
    assert not slots.get("constraints")  # "d'autres lieux" goes on with the nearest


def test_the_town_and_the_distance_in_one_answer_to_where(lyon):
    asked = {"needs": ["demarches"], "mode": "avec_moi", "awaiting": "location"}
    answer = run_as_the_action_server(tracker("Lyon, 2 km max", "inform", slots=asked))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    assert said.startswith("Voici "), said
    assert "près de Lyon (69)" in said and "(lieux à moins de 2 km)" in said
    assert slots_of(answer["events"])["constraints"] == ["max_km:2"]


def test_the_number_of_the_distance_is_not_read_as_an_arrondissement(lyon):
    # The NLU tags the "2" of "2 km max" as a place too: "Lyon 2" would be Lyon 2e, the limit lost.
    asked = {"needs": ["demarches"], "mode": "avec_moi", "awaiting": "location"}
    entities = [ent("location", "Lyon"), ent("location", "2")]
    answer = run_as_the_action_server(tracker("Lyon, 2 km max", "inform", entities, asked))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    assert "près de Lyon (69)" in said and "(lieux à moins de 2 km)" in said, said
    assert slots_of(answer["events"])["constraints"] == ["max_km:2"]


@pytest.mark.parametrize("intent, action", [("inform", "action_orient"),
                                            ("nlu_fallback", "action_fallback")])  # fmt: skip
def test_a_distance_said_after_the_answer_narrows_it(lyon, intent, action):
    # The NLU may read "et à moins de 2 km ?" as anything: the distance is still heard.
    searched = {"needs": ["demarches"], "mode": "avec_moi", "location": here().__dict__}
    answer = run_as_the_action_server(
        tracker("et à moins de 2 km ?", intent, slots=searched), action
    )
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    assert [r["name"] for r in body["results"]] == ["France services Gerland", "Médiathèque Bachut"]
