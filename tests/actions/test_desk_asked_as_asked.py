"""Round t181's tester at the desk (sections 13–14): « numéro à appeler pour elle » after a scam
note and its answer (the bank opposition line, cybermalveillance, places) gave the digital
helpline alone; « un lieu avec LSF ? » after a list for a deaf man gave the same list without a
word on LSF; « dame ne parle pas fr (arabe), … » got « votre titre de séjour », « votre
passeport » and nothing on her language; « hola necesito ayuda … » a French list without a word.
Real actions on the real embedded directory and Locator; what the person reads
(``rest_text``), with the intents the trained NLU gives these messages."""

from __future__ import annotations

import re

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

SCAM = "Mme 82a, arnaque tel hier faux conseiller banque, a donné ses codes, Limoges"
OPPOSITION = "0 892 705 705"
HELPLINE = "01 70 77 23 72"


# --- the number to call: the one for her situation, given just before, first -----------------
def test_the_number_to_call_after_a_scam_is_the_opposition_line_first(real):
    talk = Talk()
    first = rest_text(talk.say(SCAM, "ask_help", [ent("need", "arnaque tel"),
                                                  ent("location", "Limoges")]))  # fmt: skip
    assert OPPOSITION in first, first
    answer = rest_text(talk.say("numéro à appeler pour elle", "human_handoff"))
    assert OPPOSITION in answer, answer
    if HELPLINE in answer:  # both: the urgent one first
        assert answer.index(OPPOSITION) < answer.index(HELPLINE), answer


def test_the_number_to_call_with_no_situation_is_still_the_helpline(real):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour mon dossier MDPH à Rennes", "ask_help",
             [ent("location", "Rennes")])  # fmt: skip
    answer = rest_text(talk.say("je veux parler à quelqu'un", "human_handoff"))
    assert HELPLINE in answer and OPPOSITION not in answer, answer


# --- « un lieu avec LSF ? »: which listed places declare it, or plainly none -------------------
DEAF = "Mr sourd, besoin prise rdv medecin en ligne + ameli, Villeurbanne"


def test_a_place_with_sign_language_asked_after_a_list_says_which_declare_it(real):
    talk = Talk()
    [listed] = payloads(talk.say(DEAF, "ask_help", [ent("procedure", "ameli"),
                                                    ent("location", "Villeurbanne")]))  # fmt: skip
    msgs = talk.say("un lieu avec LSF ?", "inform")
    answer = rest_text(msgs)
    assert not payloads(msgs), answer  # never the same list again
    assert re.search(r"\bLSF\b", answer), answer
    named = [p["name"] for p in listed["results"] if p["name"] in answer]
    assert named or "Aucun lieu de la liste" in answer, answer
    if named:  # the places the note above the list said declare it (« Ces lieux déclarent »)
        assert "« Surdité »" in answer, answer
    assert "Avant d'y aller" in answer, answer
    assert not re.search(r"\b0\d(?: ?\d\d){4}\b", answer), answer  # no number made up


# --- a person who does not speak French --------------------------------------------------------
def test_a_third_person_who_speaks_arabic_is_spoken_of_and_her_language_said(real):
    talk = Talk()
    answer = rest_text(talk.say(
        "dame ne parle pas fr (arabe), renouvellement titre séjour ANEF, Roubaix", "ask_help",
        [ent("procedure", "renouvellement titre séjour"), ent("location", "Roubaix")]))
    assert "votre titre de séjour" not in answer and "votre passeport" not in answer, answer
    assert re.search(r"\b(?:son|sa|ses) (?:titre|passeport)", answer), answer
    assert re.search(r"(?i)arabe", answer), answer


def test_spanish_gets_a_line_in_spanish_with_the_list(real):
    talk = Talk()
    msgs = talk.say("hola necesito ayuda con mi solicitud de la CAF en Perpignan", "ask_help",
                    [ent("procedure", "caf"), ent("location", "Perpignan")])  # fmt: skip
    [listed] = payloads(msgs)
    assert listed["results"], listed
    answer = rest_text(msgs)
    assert re.search(r"(?i)solo puedo responder en francés|sólo puedo responder", answer), answer
