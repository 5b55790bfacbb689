"""After a list: "non pas celui-là" (the other places, never a goodbye) and a rank past the last
place shown ("le quatrième" after 3: the next places, never read as a town). Real actions on the
embedded directory, several turns (``Talk``)."""

from __future__ import annotations

import pytest

from tests.actions.talk import list_in, one_list, payloads, rest_text

REQUESTS = [
    ("j'ai besoin d'aide pour mes démarches en ligne à Bordeaux", "Bordeaux"),
    ("aide pour remplir un dossier caf à Périgueux", "Périgueux"),
]


def ids(payload: dict) -> list:
    return [p["id"] for p in payload["results"]]


@pytest.mark.parametrize("message, town", REQUESTS)
@pytest.mark.parametrize("no", ["non pas celui-là", "pas celle-ci", "un autre"])
@pytest.mark.parametrize("intent", ["deny", "ask_help", "out_of_scope"])
def test_not_that_one_after_a_list_gives_the_next_places(real, message, town, no, intent):
    talk, first = list_in(message, town)
    msgs = talk.say(no, intent)
    nxt = one_list(msgs)  # the tester: « D'accord. Dites-moi si je peux vous aider … »
    assert not set(ids(nxt)) & set(ids(first)), rest_text(msgs)
    assert nxt["results"][0]["number"] == len(first["results"]) + 1


@pytest.mark.parametrize("message, town", REQUESTS)
@pytest.mark.parametrize("no", ["non pas celui-là", "pas celui la merci"])
def test_not_that_one_after_a_place_in_full_gives_the_list_without_it(real, message, town, no):
    talk, first = list_in(message, town)
    [detail] = payloads(talk.say("le deuxième", "out_of_scope"))
    assert detail["delivery"] == "detail"
    msgs = talk.say(no, "deny")
    [again] = payloads(msgs)
    assert ids(again) == [i for i in ids(first) if i != detail["results"][0]["id"]], rest_text(msgs)


@pytest.mark.parametrize("message, town", REQUESTS)
@pytest.mark.parametrize("rank", ["le quatrième", "la 5e", "le 4"])
@pytest.mark.parametrize("intent", ["inform", "ask_help", "out_of_scope"])
def test_a_rank_past_the_list_gives_the_next_places_never_a_town(real, message, town, rank, intent):
    talk, first = list_in(message, town)
    msgs = talk.say(rank, intent)
    text = rest_text(msgs)
    assert "Je ne trouve pas" not in text and "commune" not in text.split("\n")[0], text
    nxt = one_list(msgs)
    assert nxt["results"][0]["number"] == len(first["results"]) + 1, text
    assert talk.slots["location"]["commune"] == town
