"""Round t181's tester (sections 12–14): questions after a list answered as they were asked.
« le 1 c'est ouvert le samedi ? » and « donne moi l'adresse du premier » got the answer for the
three places; « imprime » / « imprimer » at the desk got a text summary where « imprimer la fiche
pour lui » gave the printable sheets; « Plus loin que le lieu 3 (150 m), mais … » read as "150 m
farther". Real actions on the real embedded directory and Locator; what the person reads
(``rest_text``)."""

from __future__ import annotations

import re

import pytest

from actions.place_actions import ActionSendSummary
from tests.actions import sheets
from tests.actions import talk as T
from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

NIORT = "je voudrais apprendre à utiliser mon ordinateur pour faire des visios, Niort"


STORE: list = []  # the short links' store of the test running


@pytest.fixture(autouse=True)
def _send_it(monkeypatch, tmp_path):
    """ "imprime", "imprimer" are read ``send_it``: ``action_send_summary``."""
    monkeypatch.setitem(T.ACTIONS, "send_it", ActionSendSummary)
    STORE[:] = [sheets.own_store(monkeypatch, tmp_path)]


def listed(text: str, town: str) -> tuple[Talk, list[dict]]:
    talk = Talk()
    [payload] = payloads(talk.say(text, "ask_help", [ent("location", town)]))
    assert len(payload["results"]) >= 3, payload
    return talk, payload["results"]


# --- one place asked by its rank: the answer for that one ---------------------------------------
@pytest.mark.parametrize(
    ("intent", "entities"), [("inform", [ent("constraint", "samedi")]), ("ask_help", [])]
)  # the NLU's reading, "inform" with the day as a criterion
def test_a_day_asked_of_the_first_place_is_answered_for_it_alone(real, intent, entities):
    talk, places = listed(NIORT, "Niort")
    answer = rest_text(talk.say("le 1 c'est ouvert le samedi ?", intent, entities))
    assert places[0]["name"] in answer and "samedi" in answer, answer
    for other in places[1:]:
        assert other["name"] not in answer, answer
    assert re.match(r"(Oui|Non), |Je ne connais pas les horaires", answer), answer


def test_the_address_of_one_place_asked_by_its_rank_is_its_address_alone(real):
    talk, places = listed(NIORT, "Niort")
    answer = rest_text(talk.say("donne moi l'adresse du premier", "report_place"))  # the NLU's
    assert answer == f"L'adresse de {places[0]['name']} : {places[0]['address']}.", answer


def test_the_addresses_of_all_places_are_still_given_when_none_is_named(real):
    talk, places = listed(NIORT, "Niort")
    answer = rest_text(talk.say("c'est quoi les adresses ?", "ask_help"))
    for place in places:
        assert f"{place['name']} : {place['address']}" in answer, answer


# --- the printable sheet, however printing is asked ---------------------------------------------
def sheets_given(answer: str) -> list[tuple[str, str]]:
    return sheets.sheets_given(answer, STORE[0])


@pytest.mark.parametrize(
    ("said", "intent"),
    [("imprime", "send_it"), ("imprimer", "send_it"), ("imprimer", "nlu_fallback"),
     ("imprimer svp", "ask_help"), ("imprimer la fiche pour lui", "ask_help")],
)  # fmt: skip
def test_printing_asked_at_the_desk_gives_each_places_printable_sheet(real, said, intent):
    talk, places = listed("mme 70a, dossier MDPH, Rennes", "Rennes")
    answer = rest_text(talk.say(said, intent))
    assert "fiche d'orientation" in answer and "Votre recherche à garder" not in answer, answer
    assert sheets_given(answer) == [(p["name"], p["id"]) for p in places], answer


def test_printing_after_one_place_in_full_gives_its_sheet(real):
    talk, places = listed("mme 70a, dossier MDPH, Rennes", "Rennes")
    talk.say("le premier", "ask_help")
    answer = rest_text(talk.say("imprimer", "send_it"))
    assert sheets_given(answer) == [(places[0]["name"], places[0]["id"])], answer
    assert places[1]["name"] not in answer, answer


# --- a teaching place listed before a nearer one: its own distance said first --------------------
def test_a_teaching_place_ahead_says_its_own_distance_then_than_which(real):
    """« Apprendre seul » in Nancy: « À 400 m, plus loin que le lieu 3, mais on y apprend… » —
    never « Plus loin que le lieu 3 (150 m) », read as "150 m farther"."""
    talk = Talk()
    talk.say("aide demarche", "ask_help", [ent("location", "Nancy")])
    msgs = talk.say("Apprendre seul", "inform")
    [body] = payloads(msgs)
    said = rest_text(msgs)
    lines = [line for line in said.splitlines() if "plus loin" in line.lower()]
    assert lines, said
    for line in lines:
        assert not re.search(r"lieu \d+ \(", line), line
        m = re.search(r"À ([^,]+), plus loin que le lieu (\d+), mais on y apprend", line)
        assert m, line
        own = next(p for p in body["results"] if m.group(1) in (p.get("distance_text") or "-"))
        other = body["results"][int(m.group(2)) - 1]
        assert other["distance_km"] < own["distance_km"], (line, other, own)


# --- « pour moi » after a list for someone else: the person's own list ------------------------
def mine_then_hers() -> tuple[Talk, dict, dict]:
    talk = Talk()
    [mine] = payloads(talk.say("j'ai besoin d'un ordinateur pour faire mon CV à Mulhouse",
                               "ask_help", [ent("need", "materiel_usage"), ent("need", "emploi"),
                                            ent("location", "Mulhouse")]))  # fmt: skip
    [hers] = payloads(talk.say(
        "et ma copine elle est à Colmar elle a besoin d'imprimer des papiers", "ask_help",
        [ent("location", "Colmar"), ent("need", "materiel_usage")]))
    assert hers["location"]["commune"] != mine["location"]["commune"], hers
    return talk, mine, hers


def test_for_me_after_a_friends_list_is_about_my_own_list(real):
    """m10: a list in Mulhouse for the person, one in Colmar for a friend, then « merci et pour moi
    c'était lequel le plus près ? » (read as chitchat): the nearest of the Mulhouse list."""
    talk, mine, hers = mine_then_hers()
    answer = rest_text(talk.say("merci et pour moi c'était lequel le plus près ?", "chitchat"))
    nearest = min(mine["results"], key=lambda p: p["distance_km"])
    assert nearest["name"] in answer and "Mulhouse" in answer, answer
    for place in hers["results"]:
        assert place["name"] not in answer, answer
    # the conversation is back on the person's own search
    more = rest_text(talk.say("le 2", "inform"))
    assert mine["results"][1]["name"] in more, more


def test_its_for_me_after_all_is_never_the_earlier_list(real):
    """ "non c'est pour moi" corrects whom the request just made is for: never the list before."""
    talk, _mine, _hers = mine_then_hers()
    answer = rest_text(talk.say("non c'est pour moi", "deny"))
    assert "Pour vous, votre recherche près de Mulhouse" not in answer, answer
