"""After places were offered, "le deuxième", "2", "la 3e", "celui de <its town>" or the place's
name typed by hand give THAT place in full (address, the week's hours, phone, why it fits, what to
bring) as the payload the widget renders, whatever intent the NLU read; "et le dimanche ?" is the
same search on Sundays, never a goodbye. Real embedded directory, real actions."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import backends, place_pick
from actions.conversation_actions import ActionSmalltalk
from actions.safety_actions import ActionFallback, ActionOutOfScope
from bot.channels import render
from tests.conftest_actions import ent, said, slots_of, tracker

CAF, CROIX = "aide pour ma demande CAF", "Croix"


@pytest.fixture(scope="module")
def offered(embedded_directory):
    """The three places offered for the CAF near Croix, and the slots after them."""
    from directory_client import Locator

    backends.set_backends(embedded_directory, Locator())
    try:
        t = tracker(f"{CAF} à {CROIX}", "ask_help", [ent("location", CROIX)])
        msgs, events = run(A.ActionOrient(), t)
    finally:
        backends.set_backends(None, None)
    slots = slots_of(events)
    assert len(slots["last_search"]["results"]) == 3, msgs
    return slots


@pytest.fixture()
def places(embedded_directory):
    from directory_client import Locator

    backends.set_backends(embedded_directory, Locator())
    yield
    backends.set_backends(None, None)


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


def detail(msgs: list[dict]) -> dict:
    assert len(msgs) == 1, msgs
    payload = msgs[0]["custom"]["orienteur"]
    assert payload["type"] == "recommendation" and payload["delivery"] == "detail", payload
    return payload


# Intents the NLU reads for such messages (over REST they got "je n'ai pas compris", "je ne
# peux pas vous aider pour cela", then the helpline): each action gives the place.
MISREAD = {"le deuxième": ("chitchat", ActionSmalltalk),
           "2": ("nlu_fallback", ActionFallback),
           "le 2": ("out_of_scope", ActionOutOfScope),
           "la 2e": ("nlu_fallback", ActionFallback),
           "le lieu n° 2": ("inform", A.ActionOrient)}  # fmt: skip


@pytest.mark.parametrize("message", sorted(MISREAD))
def test_the_second_place_in_full_whatever_the_intent(offered, places, message):
    intent, action = MISREAD[message]
    msgs, events = run(action(), tracker(message, intent, slots=offered))
    payload = detail(msgs)
    second = offered["last_search"]["results"][1]
    assert payload["results"] == [second]
    assert msgs[0]["text"] == "Voici le lieu n° 2 en détail :"
    assert payload["bring"] == offered["last_search"]["bring"] and payload["bring"]
    # The search is not forgotten: "le 3e" next is still the list's.
    assert "last_search" not in slots_of(events) and "needs" not in slots_of(events)


def test_the_rest_text_is_the_place_in_full_as_sms_and_telegram_write_it(offered, places):
    msgs, _ = run(ActionSmalltalk(), tracker("la 3e", "chitchat", slots=offered))
    payload = detail(msgs)
    text = render.plain_text(msgs[0]["text"], payload)
    third = offered["last_search"]["results"][2]
    assert text == "Voici le lieu n° 3 en détail :\n\n" + render.place_detail(
        third, offered["last_search"]["bring"]
    )
    assert third["address"] in text and "Horaires : " in text and "À apporter : " in text
    assert third["why"] in text and f"Tél {third['phone_text']}" in text


def test_a_place_by_its_town_or_its_name_typed_by_hand(offered, places):
    results = offered["last_search"]["results"]
    towns = [place_pick.commune_of(p) for p in results]
    only = next(i for i, town in enumerate(towns) if town and towns.count(town) == 1)
    msgs, _ = run(A.ActionOrient(), tracker(f"celui de {towns[only].title()}", "change_location",
                                            slots=offered))  # fmt: skip
    assert detail(msgs)["results"] == [results[only]]
    msgs, _ = run(ActionFallback(), tracker(results[1]["name"], "nlu_fallback", slots=offered))
    assert detail(msgs)["results"] == [results[1]]


@pytest.mark.parametrize("message", ["le 2 est fermé", "et à Lille ?", "d'autres lieux"])
def test_a_message_that_says_more_than_a_place_is_no_pick(offered, message):
    assert place_pick.picked(offered["last_search"]["results"], message) is None


def test_the_numbers_shown_after_more_places_are_the_ones_read(offered):
    page_two = [{**p, "number": p["number"] + 3} for p in offered["last_search"]["results"]]
    assert place_pick.picked(page_two, "5") == page_two[1]
    assert place_pick.picked(page_two, "le cinquième") == page_two[1]
    assert place_pick.picked(page_two, "2") is None  # place 2 was on the page before


def test_without_referrals_the_detail_offers_no_notify_button(offered, places, monkeypatch):
    monkeypatch.delenv("ORIENTEUR_SECRET_KEY", raising=False)
    msgs, _ = run(ActionSmalltalk(), tracker("le premier", "chitchat", slots=offered))
    titles = [b["title"] for b in detail(msgs)["follow_ups"]]
    assert titles == ["Revoir la liste", "Une autre ville", "Recommencer"]


def test_and_on_sunday_is_the_same_search_on_sundays_not_a_goodbye(offered, places):
    goodbye = tracker("et le dimanche ?", "chitchat", slots=offered)
    goodbye.latest_message["response_selector"] = {
        "chitchat": {"response": {"intent_response_key": "chitchat/goodbye"}}
    }
    msgs, events = run(ActionSmalltalk(), goodbye)
    assert goodbye.latest_message["intent"]["name"] == "chitchat"  # read as a filter, not rewritten
    payload = msgs[-1]["custom"]["orienteur"]
    assert payload["type"] == "recommendation" and payload.get("delivery") is None
    assert "dimanche" in slots_of(events)["constraints"]
    # No place near is open on Sundays: the nearest, saying so, rather than nothing.
    assert msgs[-1]["text"] == (
        "Aucun lieu n'ouvre le dimanche près de Croix (59) pour vos démarches avec la CAF (RSA, "
        "APL, prime d'activité…) ; voici les plus proches :"
    )
    assert payload["location"] == offered["last_search"]["location"]


@pytest.mark.parametrize("message", ["les deux", "les 2", "deux personnes", "merci", "oui"])
def test_both_or_a_number_of_something_else_is_no_pick(offered, message):
    assert place_pick.picked(offered["last_search"]["results"], message) is None


@pytest.mark.parametrize("message, rank", [
    ("c'est le 3 qui m'intéresse", 3), ("ça me va, le 2", 2), ("le dernier", 3), ("deux", 2),
])  # fmt: skip
def test_a_rank_in_a_short_sentence_is_a_pick(offered, message, rank):
    assert place_pick.picked(offered["last_search"]["results"], message)["number"] == rank


# Asked over REST (round 15): "je ne peux pas vous aider pour cela", or read as a town.
QUESTIONS = {"le 1 c'est ouvert à quelle heure demain ?": ("out_of_scope", ActionOutOfScope, 1),
             "a quelle heure ouvre le premier ?": ("out_of_scope", ActionOutOfScope, 1),
             "le premier il est ouvert quand ?": ("inform", A.ActionOrient, 1),
             "le 2 c'est où ?": ("nlu_fallback", ActionFallback, 2)}  # fmt: skip


@pytest.mark.parametrize("message", sorted(QUESTIONS))
def test_a_question_on_one_place_gives_that_place_in_full(offered, places, message):
    intent, action, rank = QUESTIONS[message]
    msgs, events = run(action(), tracker(message, intent, slots=offered))
    payload = detail(msgs)
    assert payload["results"] == [offered["last_search"]["results"][rank - 1]]
    assert payload["results"][0]["hours"] or payload["results"][0]["opening_text"]
    assert "last_search" not in slots_of(events)


def test_a_question_on_a_place_named_by_its_town(offered, places):
    results = offered["last_search"]["results"]
    towns = [place_pick.commune_of(p) for p in results]
    only = next(i for i, town in enumerate(towns) if town and towns.count(town) == 1)
    message = f"celui de {towns[only].title()} il ouvre quand ?"
    assert place_pick.picked(results, message) == results[only]


@pytest.mark.parametrize("message", [
    "le 2 est fermé", "le premier n'est plus ouvert le dimanche", "le 2 est fermé le lundi ?",
    "et le samedi c'est ouvert ?", "le premier n'ouvre plus", "le 1 ouvre seulement le matin",
    "le 2, c'est ouvert du lundi au vendredi de 9h à 17h", "le 2 ouvre à 14 h",
])  # fmt: skip
def test_a_report_or_a_day_is_no_question_on_a_place(offered, message):
    assert place_pick.picked(offered["last_search"]["results"], message) is None


def test_a_day_asked_replaces_the_other_day(offered, places):
    saturday = {**offered, "constraints": ["samedi"]}
    msgs, events = run(A.ActionOrient(), tracker("et le dimanche ?", "inform", slots=saturday))
    assert slots_of(events)["constraints"] == ["dimanche"]
    assert "samedi" not in msgs[-1]["text"]
    both = tracker("ouvert le samedi ou le dimanche", "inform", slots=offered)
    _, events = run(A.ActionOrient(), both)
    assert sorted(slots_of(events)["constraints"]) == ["dimanche", "samedi"]


# After places, over REST: "Dans quelle ville…", or the same list again.
NEARER = ["plus près ?", "c trop loin", "y a rien de plus proche ?"]


@pytest.mark.parametrize("message", NEARER)
def test_nearer_says_there_is_none_nearer_when_the_list_is_the_nearest(offered, places, message):
    # The CAF near Croix: the list shown is already the nearest, near to far; "plus près ?"
    # says so plainly, never the same list again (tests/actions/test_nearer.py: a list ranked
    # by fit, then the nearest first; tests/actions/test_nothing_nearer.py).
    km = [r["distance_km"] for r in offered["last_search"]["results"]]
    assert km == sorted(km)
    nearest = offered["last_search"]["results"][0]["distance_text"]
    for intent, action in (("change_location", A.ActionOrient), ("nlu_fallback", ActionFallback)):
        msgs, events = run(action(), tracker(message, intent, slots=offered))
        assert len(msgs) == 1 and not msgs[0].get("custom"), msgs
        assert said(msgs[0]).startswith("Il n'y a pas de lieu plus près pour "), msgs
        # then, a nearer place doing something else: why it is not listed (CCAS de Roubaix)
        none, _, why = said(msgs[0]).partition(" Plus près, à ")
        assert none.endswith(f" ; le plus proche est à {nearest}."), msgs
        assert not why or why.endswith(" ne propose pas cette aide d'après l'annuaire."), msgs
        assert "location" not in slots_of(events)


def test_nearer_a_town_named_is_a_search_there(offered, places):
    t = tracker("plus près de Bobigny ?", "change_location", [ent("location", "Bobigny")],
                slots=offered)  # fmt: skip
    msgs, _ = run(A.ActionOrient(), t)
    assert msgs[-1]["custom"]["orienteur"]["location"]["commune"] == "Bobigny"


def test_a_distance_limit_is_no_question_on_nearer_places(offered):
    from actions import place_questions

    assert not place_questions.asks_nearer("1 km max")
    assert not place_questions.asks_nearer("plus près, 2 km maximum")


def test_what_france_services_is_then_the_same_search(offered, places):
    msgs, events = run(A.ActionOrient(), tracker("c'est quoi France Services ?", "ask_help",
                                                 slots=offered))  # fmt: skip
    assert len(msgs) == 1 and not msgs[0]["custom"]
    assert said(msgs[0]).startswith("France Services est un guichet public")
    assert said(msgs[0]).count(". ") == 1  # two sentences
    assert "last_search" not in slots_of(events) and "needs" not in slots_of(events)
    msgs, _ = run(ActionSmalltalk(), tracker("le 2", "chitchat", slots=offered))
    assert detail(msgs)["results"] == [offered["last_search"]["results"][1]]


def test_cannot_travel_gives_remote_help_not_the_town_question(offered, places):
    msgs, events = run(A.ActionOrient(), tracker("elle ne peut pas se déplacer", "change_location",
                                                 slots=offered))  # fmt: skip
    assert len(msgs) == 1
    text = said(msgs[0])
    assert "Dans quelle ville" not in text
    assert text.startswith("Sans vous déplacer") or (
        text.startswith("Aucun lieu près de Croix (59) n'annonce d'aide à domicile ou à distance.")
        and "Solidarité Numérique" in text
    ), text
    assert "last_search" not in slots_of(events)


def test_cannot_travel_names_the_places_that_help_at_a_distance():
    """The embedded open data has no place "À distance" today: a directory that has one."""
    from dataclasses import asdict

    from directory_client import Directory
    from directory_client.models import Base
    from tests.places import here, make_place

    directory = Directory("sqlite:///:memory:")
    try:
        with directory.Session() as session:
            make_place(session, "Sur place", km_east=1, telephone="+33478000001")
            make_place(session, "Aide par téléphone", km_east=3, telephone="+33478000002",
                       modalites_accompagnement="Accompagnement individuel|À distance")  # fmt: skip
            session.commit()
        backends.set_backends(directory, None)
        slots = {"needs": ["demarches"], "mode": "avec_moi", "location": asdict(here()),
                 "last_search": {"results": [{"number": 1, "name": "Sur place"}]}}  # fmt: skip
        msgs, _ = run(A.ActionOrient(), tracker("il peut plus bouger", "ask_help", slots=slots))
    finally:
        backends.set_backends(None, None)
        Base.metadata.drop_all(directory.engine)
        directory.close()
    assert [said(m) for m in msgs] == [
        "Sans vous déplacer : ces lieux aident aussi à distance (par téléphone ou en ligne) : "
        "Aide par téléphone : 04 78 00 00 02."
    ]


LAMENTIN = [
    {"number": 1, "name": "France services du Lamentin",
     "address": "Rue Schœlcher, 97232 Le Lamentin"},
    {"number": 2, "name": "Médiathèque de Fort-de-France",
     "address": "Bd Général de Gaulle, 97200 Fort-de-France"},
    {"number": 3, "name": "Espace numérique Saint-Joseph", "address": "Bourg, 97212 Saint-Joseph"},
]  # fmt: skip


@pytest.mark.parametrize(
    "message", ["et à Fort-de-France ?", "et a fort de france", "plutôt vers Fort-de-France",
                "et sur Saint-Joseph ?", "et au Lamentin ?"])  # fmt: skip
def test_another_town_is_a_search_there_even_when_a_place_bears_its_name(message):
    """A tester: after a list around Le Lamentin, "et à Fort-de-France ?" opened the place whose
    name holds "Fort-de-France" instead of searching around that town."""
    assert place_pick.picked(LAMENTIN, message) is None


@pytest.mark.parametrize("message, number", [("la médiathèque de Fort-de-France", 2),
                                             ("celui de Saint-Joseph", 3), ("le deuxième", 2)])
def test_a_place_named_with_its_town_is_still_that_place(message, number):
    assert place_pick.picked(LAMENTIN, message)["number"] == number
