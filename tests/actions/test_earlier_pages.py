"""Every number shown in a list's pages gives that place in full: "le 3" after "d'autres lieux"
(places 4, 5, 6), "le 2" after "le 5" (the tester: "Je ne peux pas vous aider pour cela…"). Real
actions on the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, one_list, payloads, rest_text
from tests.conftest_actions import ent

LILLE = ("je veux apprendre à utiliser internet à Lille", "ask_help", [ent("location", "Lille")])


def two_pages() -> tuple[Talk, dict, dict]:
    talk = Talk()
    page_one = one_list(talk.say(*LILLE))
    page_two = one_list(talk.say("d'autres lieux", "more_results"))
    assert [p["number"] for p in page_two["results"]] == [4, 5, 6]
    return talk, page_one, page_two


def detail(msgs: list[dict]) -> dict:
    [body] = payloads(msgs)
    assert body.get("delivery") == "detail", rest_text(msgs)
    [place] = body["results"]
    return place


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback", "inform"])
def test_a_number_of_the_first_page_after_other_places(real, intent):
    talk, page_one, _ = two_pages()
    msgs = talk.say("le 3", intent)
    assert detail(msgs) == page_one["results"][2]
    assert "Je ne peux pas vous aider" not in rest_text(msgs)


def test_each_number_shown_gives_its_place_after_one_in_full(real):
    talk, page_one, page_two = two_pages()
    assert detail(talk.say("le 5", "out_of_scope")) == page_two["results"][1]
    assert detail(talk.say("le 2", "out_of_scope")) == page_one["results"][1]
    assert detail(talk.say("4", "nlu_fallback")) == page_two["results"][0]
    assert detail(talk.say("1", "nlu_fallback")) == page_one["results"][0]


def test_a_number_of_another_search_is_not_taken(real):
    talk, _, _ = two_pages()
    # A new list (another town): its first page only; "le 5" was the last search's.
    one_list(talk.say("et à Roubaix ?", "inform", [ent("location", "Roubaix")]))
    msgs = talk.say("le 5", "out_of_scope")
    assert not any(p.get("delivery") == "detail" for p in payloads(msgs))
