"""Round t207's tester (defects 8, 9, 11, 14, 15, 16): a question about the places just listed
gets its answer, never the whole list again nor a need picked for the person. « ok sms » at the
desk gets the SMS to copy (or the number asked); « et la photo je la fais où ? » after an ID-card
list gets where an ID photo with its e-photo code is made; the « plus loin, mais on sait comment
le joindre » line says the truth where it sits. Real actions on the real embedded directory and
Locator; what the person reads (``rest_text``)."""

from __future__ import annotations

import pytest

from actions.place_actions import ActionSendSummary
from tests.actions import talk as T
from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent


@pytest.fixture(autouse=True)
def _send_it(monkeypatch):
    """ "ok sms" may be read ``send_it``: ``action_send_summary``."""
    monkeypatch.setitem(T.ACTIONS, "send_it", ActionSendSummary)


def listed(text: str, town: str) -> tuple[Talk, list[dict]]:
    talk = Talk()
    [payload] = payloads(talk.say(text, "ask_help", [ent("location", town)]))
    assert payload["results"], payload
    return talk, payload["results"]


# --- defect 16: « ok sms » after a list ----------------------------------------------------------
@pytest.mark.parametrize(
    "said", ["ok sms", "sms svp", "oui en sms", "d'accord, texto", "ok sms stp"]
)
@pytest.mark.parametrize("intent", ["send_it", "ask_help", "nlu_fallback"])
def test_sms_said_in_a_word_after_a_list_gives_the_sms_never_the_list_again(real, said, intent):
    talk, places = listed("jeune mère, chèque énergie + compte ameli, Laval", "Laval")
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert "Votre recherche à garder" not in answer, answer
    assert not payloads(msgs), answer  # never the list again
    assert "SMS" in answer and places[0]["name"] in answer, answer


# --- defect 11: the ID photo asked after an ID-card list -----------------------------------------
@pytest.mark.parametrize(
    "said",
    ["et la photo je la fais où ?", "où je peux faire la photo d'identité ?",
     "la photo avec le code, c'est où ?", "pour la photo comment on fait ?",
     "et les photos d'identité je les fais où"],
)  # fmt: skip
@pytest.mark.parametrize(
    ("first", "town"),
    [("je dois faire ma demande de carte d'identité en ligne à Cognac", "Cognac"),
     ("renouveler mon passeport à Angers", "Angers")],
)  # fmt: skip
def test_the_id_photo_asked_after_a_list_says_where_never_photo_workshops(real, said, first, town):
    talk, places = listed(first, town)
    msgs = talk.say(said, "ask_help")
    answer = rest_text(msgs)
    assert not payloads(msgs), answer  # the list kept, no new search
    assert "créer avec le numérique" not in answer, answer
    assert "cabine" in answer and "photographe" in answer and "e-photo" in answer, answer


# --- defect 14: the « on sait comment le joindre » line ------------------------------------------
@pytest.mark.parametrize(
    ("first", "town"),
    [("je suis infirmière libérale et je voudrais me former à la télétransmission et aux outils "
      "numériques, vers Draguignan", "Draguignan"),
     ("famille syrienne, titre séjour + inscription école, Poitiers", "Poitiers"),
     ("je suis artisan et je veux me former aux outils numériques à Draguignan", "Draguignan")],
)  # fmt: skip
def test_the_reach_line_never_says_the_nearer_places_below_it_are_farther(real, first, town):
    _talk, msgs = T.request_in(first, town)
    answer = rest_text(msgs)
    assert "Plus loin, mais on sait comment le joindre" not in answer, answer


# --- defect 8: a care asked of one place, or of them ---------------------------------------------
TOURS = ("usager malentendant, besoin aide dossier CAF, Tours", "Tours")
TOULOUSE = ("mme fauteuil roulant, MDPH renouvellement, 31500", "31500")


@pytest.mark.parametrize(
    ("request_", "said", "rank"),
    [(TOURS, "le lieu 1 est accessible aux sourds ?", 1),
     (TOURS, "le premier accueille les malentendants ?", 1),
     (TOULOUSE, "le 2 est accessible en fauteuil ?", 2),
     (TOULOUSE, "le troisième c'est adapté aux fauteuils roulants ?", 3)],
)  # fmt: skip
@pytest.mark.parametrize("intent", ["ask_help", "inform", "nlu_fallback"])
def test_a_care_asked_of_one_place_is_answered_for_it_never_the_list(real, request_, said, rank,
                                                                      intent):  # fmt: skip
    talk, places = listed(*request_)
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert not payloads(msgs), answer
    place = places[rank - 1]
    assert place["name"] in answer, answer
    assert [p for p in places if p["name"] in answer] == [place], answer
    assert "déclare" in answer or "L'annuaire ne dit pas" in answer, answer
    phone = place.get("phone_text") or place.get("phone")
    assert phone and phone in answer, answer
    if "sourd" in said or "malentendant" in said:
        assert "fauteuil" not in answer and "moteur" not in answer, answer  # never an unasked care


@pytest.mark.parametrize(
    "said", ["accessible PMR ?", "c'est accessible en fauteuil ?", "ils sont accessibles ?"]
)
@pytest.mark.parametrize("intent", ["ask_help", "inform", "nlu_fallback"])
def test_a_care_asked_of_the_places_says_which_declare_it_never_the_list(real, said, intent):
    talk, places = listed(*TOULOUSE)
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert not payloads(msgs), answer
    assert "Handicaps moteurs" in answer, answer
    assert "Pensez à apporter" not in answer, answer


# --- defect 8: the evening, after a day asked ----------------------------------------------------
@pytest.mark.parametrize(
    "said", ["et le soir après 18h ?", "et le soir ?", "et après 18 h ?", "le matin ?",
             "et en soirée ?"]
)  # fmt: skip
@pytest.mark.parametrize("intent", ["ask_help", "nlu_fallback"])
def test_a_part_of_the_day_asked_after_a_list_gets_the_hours_never_the_list(real, said, intent):
    talk, places = listed("atelier numérique seniors à Colmar", "Colmar")
    talk.say("le premier est ouvert le samedi ?", "ask_help")
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert not payloads(msgs), answer
    assert places[0]["name"] in answer, answer
    assert "Je n'ai pas bien compris" not in answer, answer


# --- defect 8: the town itself asked, its places all farther -----------------------------------
CLUNY = ("apprendre à utiliser mon smartphone, Cluny", "Cluny")


@pytest.mark.parametrize(
    "said", ["c'est trop loin, il y a rien à Cluny même ?", "et à Cluny même, rien ?",
             "y a pas un endroit dans Cluny ?", "dans ma ville il y a rien ?"]
)  # fmt: skip
@pytest.mark.parametrize("town_read", [True, False])  # the NLU's location entity, or none
def test_the_town_itself_asked_names_its_own_place_never_the_list(real, said, town_read):
    talk, places = listed(*CLUNY)
    entities = [ent("location", "Cluny")] if town_read and "Cluny" in said else None
    msgs = talk.say(said, "ask_help", entities)
    answer = rest_text(msgs)
    assert not payloads(msgs), answer
    assert "Cluny même" in answer and "France services Clunisois" in answer, answer


# --- defect 8: what to bring without one of the papers ------------------------------------------
@pytest.mark.parametrize(
    "said", ["qu'est ce qu'elle doit ramener si elle a pas de RIB ?",
             "et sans RIB on apporte quoi ?",
             "elle a pas de compte bancaire, elle doit apporter quoi ?"]
)  # fmt: skip
@pytest.mark.parametrize("intent", ["ask_help", "nlu_fallback"])
@pytest.mark.parametrize("first", ["dame 35a, dossier APL, pas de RIB, Cergy",
                                   "dame 35a, dossier APL, Cergy"])  # fmt: skip
def test_what_to_bring_without_a_rib_says_how_never_the_list(real, said, intent, first):
    talk, places = listed(first, "Cergy")
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert not payloads(msgs), answer
    assert "pièce d'identité" in answer and "- un RIB" not in answer, answer
    assert "Pas de RIB ?" in answer, answer


# --- defect 8: a question on the places while the need is asked ---------------------------------
@pytest.mark.parametrize(
    "said", ["il peut y aller à pied ?", "c'est loin ?", "c'est gratuit ?",
             "c'est ouvert le samedi ?", "y a un bus ?"]
)  # fmt: skip
@pytest.mark.parametrize("intent", ["ask_help", "nlu_fallback", "inform"])
def test_a_question_on_places_before_the_need_never_picks_a_need(real, said, intent):
    talk = Talk()
    first = talk.say("mr 80 ans, fils loin, plus personne pour l'aider sur internet, Alençon",
                     "ask_help", [ent("location", "Alençon")])  # fmt: skip
    assert [p["type"] for p in payloads(first)] == ["need_choice"], rest_text(first)
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert not [p for p in payloads(msgs) if p["type"] == "recommendation"], answer
    assert "Je vous donne les lieux dès que je sais de quoi il s'agit" in answer, answer
    assert [b["title"] for m in msgs for b in m.get("buttons") or []], msgs  # the choices again
    assert [p["type"] for p in payloads(msgs)] == ["need_choice"], answer


# --- defect 9: a working day said as the only day one can go ------------------------------------
@pytest.mark.parametrize(
    ("first", "town", "day"),
    [("il me faut un atelier tablette pour mon père à Cahors, il ne peut que le jeudi", "Cahors",
      3),
     ("orienter mr vers atelier tablette seniors Cahors, il vient jeudi", "Cahors", 3),
     ("cours de tablette à Cahors, je suis dispo le jeudi seulement", "Cahors", 3),
     ("cours de tablette pour débutante à Montélimar, elle ne peut que le mardi", "Montélimar", 1),
     ("aide pour ma demande CAF à Cergy, je peux y aller le lundi uniquement", "Cergy", 0)],
)  # fmt: skip
def test_the_places_open_on_the_day_said_come_first(real, first, town, day):
    from directory_client import display
    from directory_client.french_dates import WEEKDAYS

    _talk, msgs = T.request_in(first, town)
    answer = rest_text(msgs)
    [payload] = payloads(msgs)
    opens = [display.day_hours(p.get("opening_hours"), day) for p in payload["results"]]
    if any(opens):
        assert opens[0], answer  # open that day, first
        assert f"Les lieux ouverts le {WEEKDAYS[day]} d'abord" in answer, answer
    else:
        assert f"aucun de ces lieux n'annonce d'horaires le {WEEKDAYS[day]}" in answer, answer
    assert opens[0] != "" or not any(o is None for o in opens), answer  # never shut, first


# --- defect 15: « plus près ? » brings a place the first list left out --------------------------
@pytest.mark.parametrize("said", ["plus près ?", "y a rien de plus proche ?", "c'est trop loin"])
@pytest.mark.parametrize(
    ("first", "town"),
    [("cours de tablette pour débutante à Montélimar", "Montélimar"),
     ("apprendre à me servir de ma tablette à Montélimar", "Montélimar")],
)  # fmt: skip
def test_a_nearer_place_left_out_of_the_first_list_is_said_why(real, said, first, town):
    talk, places = listed(first, town)
    msgs = talk.say(said, "ask_help")
    answer = rest_text(msgs)
    ids = {p["id"] for p in places}
    new = [p for pl in payloads(msgs) for p in pl.get("results") or [] if p["id"] not in ids]
    if first.startswith("cours"):  # the tester's Montélimar: the Médiathèque, 150 m
        assert new, answer
    if new:  # the other wording's first list has it (said nothing then)
        assert "pas dans la première liste" in answer, answer
