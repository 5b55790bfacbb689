"""The tester's defect 15 (round t152): in Châteauroux a place at 1,5 km read first, « Plus loin,
mais fait aussi : aide pour vos papiers en ligne » (farther than which? its own service line
said again), then 250 m and 450 m; in Évry a two-needs list read 100 m, 1 km, 450 m. A person
reading « 1. … 2. … 3. » takes them as nearest first: each page of places the ranking chose reads
nearest first, and no line says « plus loin » without saying than what. What the person reads
(the REST text and the payload's order), the real embedded directory and Locator."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent


def shown_order(results: list[dict]) -> list[float]:
    return [r["distance_km"] for r in results if r.get("distance_km") is not None]


@pytest.mark.parametrize(
    "text, town",
    [
        # the tester's x11: 1,5 km « Plus loin, mais fait aussi … », then 250 m, 450 m
        ("je dois faire ma déclaration d'impôts et apprendre à utiliser ma tablette, Châteauroux",
         "Châteauroux"),
        # m06: 100 m, 1 km, 450 m
        ("faire ma carte grise et apprendre l'ordinateur à Évry", "Évry"),
        ("je voudrais faire mon CV, Toulouse", "Toulouse"),
        ("apprendre l'ordinateur à Lille", "Lille"),
    ],
)
def test_each_page_reads_nearest_first(real, text, town):
    talk = Talk()
    msgs = talk.say(text, "ask_help", [ent("location", town)])
    [body] = payloads(msgs)
    from directory_client.search import shown_km

    km = [shown_km(d) for d in shown_order(body["results"])]
    assert km == sorted(km), [(r["name"], r["distance_km"]) for r in body["results"]]
    said = rest_text(msgs)
    # « plus loin » only with what it is farther than
    for line in said.splitlines():
        if re.search(r"(?i)\bplus loin\b", line):
            assert re.search(r"(?i)plus loin qu", line), line
    more = talk.say("d'autres lieux", "more_results")
    for page in payloads(more):
        km = [shown_km(d) for d in shown_order(page.get("results") or [])]
        assert km == sorted(km), page


# A teaching place ahead of a nearer one: tests/actions/test_asked_as_asked.py (its own distance
# first, than which by its number).
