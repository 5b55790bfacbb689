"""A tester read "Bibliothèque (1,4 km)" before "(400 m)" in Lille, and 800 m, 1,8 km, 1,1 km in
Toulouse, with nothing said: a person reads the first entry as the nearest. One rule the person
can follow: an entry comes before a nearer one of its page only with its short why line
(« Plus loin, mais … »); else the nearer comes first. What the person reads (the payload's order
and why lines), the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from directory_client.search import shown_km
from tests.actions.test_after_places import Talk, payloads
from tests.conftest_actions import ent


def out_of_order_unsaid(results: list[dict], needs: list[str]) -> list[tuple]:
    """The entries read before a nearer one (as shown) with no why line; a place for another
    need asked is no nearer one (they answer different questions)."""
    return [
        (r["name"], r["distance_km"], [o["distance_km"] for o in results[i + 1 :]])
        for i, r in enumerate(results)
        if r.get("distance_km") is not None and not r.get("ahead")
        and any(o.get("distance_km") is not None
                and shown_km(o["distance_km"]) < shown_km(r["distance_km"])
                and not any(n in o["services"] and n not in r["services"] for n in needs)
                for o in results[i + 1 :])
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text, town",
    [
        ("apprendre l'ordinateur à Lille", "Lille"),  # the tester's: 1,4 km before 400 m
        ("je voudrais faire mon CV, Toulouse", "Toulouse"),  # 800 m, 1,8 km, 1,1 km
        ("je dois refaire mon CV, Nancy", "Nancy"),  # 600 m, 50 m
        ("apprendre l'ordinateur, Mérignac", "Mérignac"),  # 4,8, 3,5, 3,8 km
        ("acheter un ordinateur pas cher à Amiens", "Amiens"),
    ],
)
def test_an_entry_before_a_nearer_one_says_why(real, text, town):
    talk = Talk()
    [body] = payloads(talk.say(text, "ask_help", [ent("location", town)]))
    results = body["results"]
    assert len(results) >= 2, body
    needs = body["need"]
    assert not out_of_order_unsaid(results, needs), [(r["name"], r["distance_km"]) for r in results]
    more = payloads(talk.say("d'autres lieux", "more_results"))
    for page in more:  # the next page follows the same rule
        assert not out_of_order_unsaid(page.get("results") or [], needs), page
