"""Questions on the help itself (tester t218, D8): « c'est quoi France Services ? », « Aidants
Connect c'est quoi ? », « c'est quoi un EPN ? », « un conseiller numérique c'est gratuit ? »,
« on peut aller à la médiathèque pour ça ? » asked first got « Dans quelle ville… » or a list of
another need; after a list the explanation came last, or the need was silently changed; « vous
pouvez pas le faire pour moi ? » got « Aucun lieu ne fait les démarches à votre place ». Each is
answered first, from its one text, in any state; then the conversation goes on where it was."""

from __future__ import annotations

import pytest

from actions import texts
from tests.actions.talk import Talk, kinds, one_list, payloads, rest_text
from tests.conftest_actions import ent

AIDANTS = texts.text("utter_aidants_connect")
EXPLAINED = {
    "france_services": texts.text("utter_what_is_france_services"),
    "aidants_connect": texts.text("utter_what_is_aidants_connect", how=AIDANTS),
    "conseiller_numerique": texts.text("utter_what_is_conseiller_numerique"),
    "epn": texts.text("utter_what_is_epn"),
    "mediatheque": texts.text("utter_what_is_mediatheque"),
}
ASK_NEED = texts.text("utter_ask_need_again")
ASK_TOWN = texts.text("utter_ask_location_again")

# (message, the intent the NLU gives it, its entities, what it asks)
WHAT_IS = [
    ("c'est quoi France Services ?", "ask_help", [], "france_services"),
    ("France services ça sert à quoi ?", "ask_help", [], "france_services"),
    ("c'est quoi une maison france services", "ask_help", [], "france_services"),
    ("Aidants Connect c'est quoi ?", "ask_help", [ent("location", "a_ma_place")],
     "aidants_connect"),
    ("qu'est-ce que c'est aidants connect", "inform", [ent("constraint", "a_ma_place")],
     "aidants_connect"),
    ("c'est quoi un conseiller numérique ?", "ask_help", [], "conseiller_numerique"),
    ("les conseillers numériques c'est quoi", "ask_help", [], "conseiller_numerique"),
    ("c'est quoi un EPN ?", "out_of_scope", [], "epn"),
    ("un EPN c'est quoi exactement", "ask_help", [], "epn"),
    ("on peut aller à la médiathèque pour ça ?", "inform", [], "mediatheque"),
]  # fmt: skip


@pytest.mark.parametrize(("message", "intent", "entities", "kind"), WHAT_IS)
def test_asked_first_it_is_answered_then_the_need_is_asked(real, message, intent, entities, kind):
    msgs = Talk().say(message, intent, entities)
    said = rest_text(msgs)
    assert said.startswith(EXPLAINED[kind]), said
    assert said.rstrip().endswith(ASK_NEED), said
    assert "recommendation" not in kinds(msgs) and "Dans quelle ville" not in said, said


@pytest.mark.parametrize(("message", "intent", "entities", "kind"), WHAT_IS[::3])
def test_asked_while_the_town_is_asked_it_is_answered_then_the_town_asked_again(
    real, message, intent, entities, kind
):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour ma déclaration d'impôts", "ask_help",
             [ent("procedure", "impots")])  # fmt: skip
    said = rest_text(talk.say(message, intent, entities))
    assert said.startswith(EXPLAINED[kind]) and said.rstrip().endswith(ASK_TOWN), said
    # the need is still the one asked: the town now gives places for the impôts
    listed = rest_text(talk.say("Agen", "inform", [ent("location", "Agen")]))
    assert "les impôts" in listed.split("\n")[0], listed


@pytest.mark.parametrize(("message", "intent", "entities", "kind"), WHAT_IS)
def test_asked_after_a_list_it_is_answered_and_the_list_kept(
    real, message, intent, entities, kind
):
    talk = Talk()
    one_list(talk.say("aide impots Cholet", "ask_help",
                      [ent("procedure", "impots"), ent("location", "Cholet")]))  # fmt: skip
    msgs = talk.say(f"et {message}" if kind == "aidants_connect" else message, intent, entities)
    assert rest_text(msgs) == EXPLAINED[kind], rest_text(msgs)
    assert not payloads(msgs)


def test_asked_after_a_town_alone_it_is_no_list_of_another_need(real):
    talk = Talk()
    talk.say("Lannion", "inform", [ent("location", "Lannion")])
    msgs = talk.say("c'est quoi un EPN ?", "out_of_scope")
    said = rest_text(msgs)
    assert said.startswith(EXPLAINED["epn"]) and ASK_NEED in said, said
    assert "recommendation" not in kinds(msgs), said


FREE_ASKED = [
    ("un conseiller numérique c'est gratuit ?", "ask_help",
     [ent("need", "conseiller numérique"), ent("constraint", "gratuit")], "conseiller_numerique"),
    ("c'est payant un conseiller numérique ?", "ask_help", [], "conseiller_numerique"),
    ("France services c'est gratuit ?", "ask_help", [ent("constraint", "gratuit")],
     "france_services"),
]  # fmt: skip


@pytest.mark.parametrize(("message", "intent", "entities", "kind"), FREE_ASKED)
def test_is_it_free_says_yes_and_never_changes_the_need(real, message, intent, entities, kind):
    first = Talk()
    said = rest_text(first.say(message, intent, entities))
    assert said.startswith("Oui, c'est gratuit. " + EXPLAINED[kind]), said
    assert said.rstrip().endswith(ASK_NEED), said
    talk = Talk()
    listed = one_list(talk.say("apprendre tablette Niort", "ask_help",
                               [ent("location", "Niort")]))  # fmt: skip
    msgs = talk.say(message, intent, entities)
    assert rest_text(msgs) == "Oui, c'est gratuit. " + EXPLAINED[kind], rest_text(msgs)
    assert not payloads(msgs)
    again = one_list(talk.say("liste", "more_results"))  # the same list, for the tablet
    assert [p["id"] for p in again["results"]] == [p["id"] for p in listed["results"]]


CANNOT = texts.text("utter_cannot_do_it_myself", how=AIDANTS)
DO_IT = [
    ("vous pouvez pas le faire pour moi ?", "chitchat/confused"),
    ("vous pouvez remplir le dossier pour moi ?", "notify_place"),
    ("c'est vous qui pouvez le faire ?", "chitchat/bot_challenge"),
    ("faites-le à ma place", "inform"),
    ("tu peux pas t'en occuper pour moi ?", "ask_help"),
]


@pytest.mark.parametrize(("message", "intent"), DO_IT)
def test_do_it_for_me_says_plainly_the_assistant_cannot_and_who_can(real, message, intent):
    talk = Talk()
    one_list(talk.say("impots Carcassonne", "ask_help",
                      [ent("procedure", "impots"), ent("location", "Carcassonne")]))  # fmt: skip
    msgs = talk.say(message, intent)
    said = rest_text(msgs)
    assert said == CANNOT, said
    assert "Aidants Connect" in said and "France Services" in said and not payloads(msgs)


def test_do_it_for_me_with_its_need_is_answered_then_served(real):
    entities = [ent("procedure", "déclaration"), ent("constraint", "a_ma_place")]
    msgs = Talk().say("tu peux pas faire ma déclaration à ma place ?", "ask_help", entities)
    said = rest_text(msgs)
    assert said.startswith(CANNOT), said
    assert "commune" in said or "ville" in said, said  # the request goes on: its town asked
