"""Short, misspelt SMS are read (tester t218, D1, D4, D5, D6): « jai pa dordi » as a first message
and « cest ou le plus pres ? » were answered « Au revoir » (the NLU's goodbye); « ele doi fer sa
retrait » was tried as a town and « dosier franse travaye » lost; « retraite à demander, j'ai 62
ans » lost the pension; « le 2 il est où exactement ? » after a list was refused as off-topic.
Now phonetic spellings are written out before any rule reads them, a goodbye is said only when the
words say one, and a message with a verb and no town-like word is never tried as a town. Real
actions, the real embedded directory; the intents are the trained model's for these words."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, list_in, one_list, payloads, rest_text
from tests.conftest_actions import ent

GOODBYE = "Au revoir"
NOT_FOUND = "Je ne trouve pas"
OFF_TOPIC = "Je ne peux pas vous aider pour cela"


# --- D1: a goodbye only when the words say one --------------------------------------------------
@pytest.mark.parametrize("message", [
    "jai pa dordi",  # the tester's
    "g pa dordi",
    "jai pa dinternet chez moi",
    "ma mere a pa de tel",
    "pa d imprimante",
])  # fmt: skip
def test_a_lack_in_sms_is_no_goodbye(real, message):
    text = rest_text(Talk().say(message, "chitchat/goodbye"))
    assert GOODBYE not in text, text
    assert "?" in text or "Dites-moi" in text, text  # the need or the town asked


@pytest.mark.parametrize("message", [
    "cest ou le plus pres ?",  # the tester's
    "c ou le plus proche",
    "cest ou svp",
    "c'est où le plus près ?",
])  # fmt: skip
def test_where_is_the_nearest_after_a_need_asks_the_town(real, message):
    talk = Talk()
    talk.say("aide caf", "ask_help", [ent("procedure", "caf")])
    text = rest_text(talk.say(message, "chitchat/goodbye"))
    assert GOODBYE not in text, text
    assert "ville" in text or "code postal" in text, text


@pytest.mark.parametrize("message", ["au revoir", "bye", "a+", "bonne soirée", "merci au revoir"])
def test_a_goodbye_said_is_still_a_goodbye(real, message):
    talk = Talk()
    talk.say("aide caf", "ask_help", [ent("procedure", "caf")])
    text = rest_text(talk.say(message, "chitchat/goodbye"))
    assert GOODBYE in text or "bon courage" in text.lower(), text


# --- D4: needs in phonetic spelling -------------------------------------------------------------
@pytest.mark.parametrize("message", [
    "ele doi fer sa retrait",  # the tester's
    "ele doi fer sa demande de retrait",
    "il doi fer sa retrait",
    "elle doi fer sa retrait en ligne",
])  # fmt: skip
def test_a_pension_in_sms_for_a_mother_is_read_and_never_tried_as_a_town(real, message):
    talk = Talk()
    talk.say("slt", "chitchat/greet")
    talk.say("c pr ma mere", "inform")
    talk.say("elle a 85 an", "inform")
    text = rest_text(talk.say(message, "inform"))
    assert NOT_FOUND not in text, text
    assert "ville" in text or "code postal" in text, text
    msgs = talk.say("Mende", "inform", [ent("location", "Mende")])
    text = rest_text(msgs)
    assert "retraite" in text.lower(), text
    assert one_list(msgs)["results"], text


@pytest.mark.parametrize("message", [
    "elle a 85 an",
    "elle a 85 ans",
    "elle a 79 an et vit seule",
])  # fmt: skip
def test_the_mother_said_before_is_kept_after_her_age(real, message):
    talk = Talk()
    talk.say("c pr ma mere", "inform")
    text = rest_text(talk.say(message, "inform"))
    assert "elle" in text.lower() or "votre mère" in text, text


@pytest.mark.parametrize("message", [
    "je sui dislexik jarive pa a fer mon dosier franse travaye, Sedan",  # the tester's
    "jdoi fer mon dosier franse travay, Sedan",
    "mon dosier pr franse travail jy arive pa, Sedan",
])  # fmt: skip
def test_a_france_travail_file_in_sms_gets_its_places(real, message):
    msgs = Talk().say(message, "ask_help", [ent("location", "Sedan")])
    text = rest_text(msgs)
    assert "ce qui vous pose problème" not in text, text
    assert "France Travail" in text or "emploi" in text.lower(), text


@pytest.mark.parametrize("message", [
    "je li pa bien. ki peu maidé pour remplir papié sur ordi. moi a Creil",  # the tester's
    "ki peu maidé a remplir mes papié sur lordi, Creil",
    "remplir papiers sur ordi, Creil",
    "besoin daide pr remplir des papié sur internet, Creil",
])  # fmt: skip
def test_papers_to_fill_on_a_computer_offer_the_paperwork(real, message):
    msgs = Talk().say(message, "ask_help", [ent("location", "Creil")])
    text = rest_text(msgs)
    assert "papiers" in text.lower() or "démarche" in text.lower(), text
    assert "ordinateur ou une imprimante" not in text, text


@pytest.mark.parametrize("message", [
    "ele doi fer sa retrait",
    "jdoi fer mon dosier caf",
    "il fo fer ma carte grise",
    "je doi remplir un papié",
])  # fmt: skip
def test_a_message_with_a_verb_is_never_tried_as_a_town(real, message):
    talk = Talk()
    talk.say("aide", "ask_help")
    text = rest_text(talk.say(message, "inform"))
    assert NOT_FOUND not in text, text


@pytest.mark.parametrize("message", [
    "ele veu fer un truc",
    "il fo que je fasse un truc",
    "je sais pas trop comment on fait",
    "on ma dit de venir voir ici",
])  # fmt: skip
def test_a_sentence_instead_of_the_need_is_never_quoted_as_a_town(real, message):
    talk = Talk()
    talk.say("aide", "ask_help")
    text = rest_text(talk.say(message, "inform"))
    assert NOT_FOUND not in text, text


# --- D5: the need before an age -----------------------------------------------------------------
@pytest.mark.parametrize(("message", "town", "word"), [
    ("Bonjour, retraite à demander, j'ai 62 ans, Saint-Brieuc", "Saint-Brieuc", "retraite"),
    ("retraite a demander j'ai 64 ans Quimper", "Quimper", "retraite"),
    ("demande de rsa, j'ai 30 ans, Lens", "Lens", "rsa"),
    ("aide pr la caf, jai 45 ans, Brest", "Brest", "caf"),
    ("mon dossier retraite, 63 ans, Vannes", "Vannes", "retraite"),
])  # fmt: skip
def test_a_need_followed_by_an_age_is_kept(real, message, town, word):
    talk = Talk()
    text = rest_text(msgs := talk.say(message, "inform", [ent("location", town)]))
    assert "ce qui vous pose problème" not in text, text
    if "avec vous" in text:  # the mode asked for the procedure: then the places
        text = rest_text(msgs := talk.say("avec quelqu'un", "inform"))
    assert word in text.lower(), text
    assert one_list(msgs)["results"], text


# --- D6: questions on a numbered place; a need in SMS after a town ------------------------------
@pytest.mark.parametrize(("message", "intent"), [
    ("le 2 il est où exactement ?", "out_of_scope"),  # the tester's
    ("le 1 il ouvre qd", "out_of_scope"),  # the tester's
    ("le 2 il ferme qd", "report_place"),
    ("le 3 c ou exactement", "inform"),
    ("c koi ladresse du 1", "nlu_fallback"),
])  # fmt: skip
def test_a_question_on_a_numbered_place_is_answered(real, message, intent):
    talk, _ = list_in("apprendre tablette Brive", "Brive")
    text = rest_text(talk.say(message, intent))
    assert OFF_TOPIC not in text, text
    assert "en détail" in text, text


@pytest.mark.parametrize("message", [
    "c koi le plus pres pr imprimer",  # the tester's
    "c koi le plus pres pr scanner",
    "ke faire pr imprimer",
    "cest ou pr imprimer un papié",
])  # fmt: skip
def test_a_printer_need_in_sms_after_a_town_gets_places(real, message):
    talk = Talk()
    talk.say("Saint-Flour", "inform", [ent("location", "Saint-Flour")])
    msgs = talk.say(message, "ask_help", [ent("need", "materiel_usage")])
    text = rest_text(msgs)
    assert "dès que je sais de quoi" not in text, text
    assert any(p.get("results") for p in payloads(msgs)) or "?" in text, text
