"""The pages of one list never show a door twice: Aurillac, the impôts, "Incubateur Tiers Lieu
Landestini" was n°3 of the first page and n°4 of "d'autres lieux" (the second page, read from
the list's start with six entries, was put in the page order as a whole before its last three
were kept). Real actions on the real embedded directory."""

from __future__ import annotations

import pytest

from directory_client.search import doors
from directory_client.types import SearchResult
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent


@pytest.mark.parametrize("message", [
    "aide pour ma déclaration d'impôts à Aurillac",
    "imprimer un document à Aurillac",
])  # fmt: skip
def test_other_places_are_other_doors(real, message):
    talk = Talk()
    page_one = one_list(talk.say(message, "ask_help", [ent("location", "Aurillac")]))
    msgs = talk.say("d'autres lieux", "more_results")
    page_two = one_list(msgs)
    assert [p["number"] for p in page_two["results"]] == [4, 5, 6]
    first = [real.get_place(p["id"]) for p in page_one["results"]]
    for place in page_two["results"]:
        assert place["id"] not in {p["id"] for p in page_one["results"]}, rest_text(msgs)
        again: SearchResult = real.get_place(place["id"])
        assert not any(doors.same_door(again, shown) for shown in first), place["name"]
