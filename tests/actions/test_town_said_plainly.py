"""Towns and words the chat must read as a person means them (tester, round 139): a big town of
several words misspelt as the last part of a need ("…, Clermond Ferand") or alone read off-topic;
a former commune merged into a new one ("Évry", "Courcouronnes": Évry-Courcouronnes); a command
of the assistant ("liste", "menu") while the town is asked, never a town misspelt ("Lisle"); a
question on the places ("c'est ouvert quand ?", "plus près ?") never read as a town's name."""

from __future__ import annotations

import re

import pytest

from actions import texts
from tests.actions.test_after_places import Talk, one_list, payloads, rest_text
from tests.conftest_actions import (
    ent,
    run_as_the_action_server,
    said,
    tracker,
)


def _read(msgs: list[dict]) -> str:
    return " ".join(said(m) for m in msgs)


def _near(msgs: list[dict], label: str) -> bool:
    first = said(msgs[0]) if msgs else ""
    return re.search(rf"près (de |d'){re.escape(label)}", first) is not None


MISSPELT = [("Clermond Ferand", "Clermont-Ferrand (63)"), ("saint etiene", "Saint-Étienne (42)"),
            ("boulogne sur mere", "Boulogne-sur-Mer (62)")]  # fmt: skip


@pytest.mark.parametrize(("town", "label"), MISSPELT)
@pytest.mark.parametrize(
    "need",
    ["je cherche un ordinateur pas cher, j'ai pas les moyens", "aide pour la caf svp"],
)
def test_a_misspelt_town_of_several_words_ending_the_need(real, town, label, need):
    msgs = Talk().say(f"{need}, {town}", "ask_help")
    assert _near(msgs, label), _read(msgs)


@pytest.mark.parametrize(("town", "label"), MISSPELT)
@pytest.mark.parametrize("intent", ["out_of_scope", "inform", "nlu_fallback"])
def test_a_misspelt_town_alone_as_the_answer(real, town, label, intent):
    talk = Talk()
    talk.say("aide pour la caf", "ask_help", [ent("procedure", "caf")])
    msgs = talk.say(town, intent)
    assert _near(msgs, label), _read(msgs)


def test_a_misspelt_town_alone_read_off_topic_by_the_action_server(real):
    response = run_as_the_action_server(tracker("Clermond Ferand", "out_of_scope"),
                                        "action_out_of_scope")  # fmt: skip
    texts = " ".join(said(m) for m in response["responses"])
    assert "Clermont-Ferrand (63)" in texts and "Je ne peux pas vous aider" not in texts, texts


FORMER = [("Évry", "Évry-Courcouronnes (91)"), ("Evry", "Évry-Courcouronnes (91)"),
          ("Courcouronnes", "Évry-Courcouronnes (91)"), ("Cherbourg", "Cherbourg-en-Cotentin (50)"),
          ("Annecy-le-Vieux", "Annecy (74)"), ("Seynod", "Annecy (74)")]  # fmt: skip


@pytest.mark.parametrize(("town", "label"), FORMER)
@pytest.mark.parametrize(
    ("message", "intent"),
    [("aide caf {town}", "ask_help"), ("on a pa d'argent, {town}", "inform"),
     ("j'ai besoin d'aide pour la caf, j'habite {town}", "ask_help")],
)  # fmt: skip
def test_a_former_commune_finds_the_commune_it_is_part_of(real, town, label, message, intent):
    talk = Talk()
    msgs = talk.say(message.format(town=town), intent)
    if "argent" in message:  # no need said yet: the town is kept
        assert label in _read(msgs), _read(msgs)
        return
    assert _near(msgs, label), _read(msgs)


@pytest.mark.parametrize("word", ["liste", "la liste", "Liste"])
@pytest.mark.parametrize("intent", ["more_results", "inform", "nlu_fallback"])
def test_list_asked_before_any_list(real, word, intent):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour mes papiers", "ask_help")
    msgs = talk.say(word, intent)
    read = _read(msgs)
    assert "pas encore de liste" in read and "commune" in read, read
    assert "Lisle" not in read and "plusieurs communes" not in read, read


@pytest.mark.parametrize("word", ["menu", "recommencer", "aide"])
def test_a_command_is_never_a_town_misspelt(real, word):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour mes papiers", "ask_help")
    read = _read(talk.say(word, "inform"))
    assert "plusieurs communes" not in read and "Méru" not in read and "« " not in read, read


@pytest.mark.parametrize("question", ["c'est ouvert quand ?", "ouvert quand ?",
                                      "c ouvert quand", "c'est ouverte quand svp ?"])  # fmt: skip
@pytest.mark.parametrize("intent", ["inform", "ask_help", "change_location"])
def test_hours_asked_after_a_list_are_never_a_town(real, question, intent):
    talk = Talk()
    one_list(talk.say("aide caf a Roubaix", "ask_help",
                      [ent("procedure", "caf"), ent("location", "Roubaix")]))  # fmt: skip
    read = _read(talk.say(question, intent))
    assert "Je ne trouve pas" not in read and "commune" not in read, read
    assert re.search(r"\d{1,2} ?h", read), read


@pytest.mark.parametrize("question", ["plus près ?", "c'est ouvert quand ?", "y a plus proche ?"])
@pytest.mark.parametrize("intent", ["inform", "change_location"])
def test_a_question_on_places_while_the_town_is_asked_is_no_town(real, question, intent):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour mes papiers", "ask_help")
    read = _read(talk.say(question, intent))
    assert "Je ne trouve pas" not in read and "code postal" in read, read


@pytest.mark.parametrize(
    ("question", "label"),
    [("ouvert le samedi à Lens ?", "Lens (62)"), ("c'est ouvert quand à Bastia ?", "Bastia (2B)")],
)
def test_a_question_on_places_naming_the_town_asked_gives_it(real, question, label):
    talk = Talk()
    talk.say("j'ai besoin d'aide pour mes papiers", "ask_help")
    read = _read(talk.say(question, "inform"))
    assert label in read, read


# After a list, "et ailleurs ?": the town is asked; a question on the places still on screen
# instead gets its answer (the same as right after the list), the town asked once more, short.
ON_SCREEN = [("c'est ouvert le samedi ?", "inform"), ("il faut un rendez-vous ?", "ask_help"),
             ("le premier a un numéro ?", "inform"), ("c'est ouvert quand ?", "change_location"),
             ("c'est gratuit ?", "out_of_scope")]  # fmt: skip
ELSEWHERE = [("et ailleurs ?", "change_location"), ("une autre ville", "change_location")]


def _list_then_town_asked(elsewhere: tuple[str, str]) -> Talk:
    talk = Talk()
    one_list(talk.say("aide caf a Roubaix", "ask_help",
                      [ent("procedure", "caf"), ent("location", "Roubaix")]))  # fmt: skip
    asked = _read(talk.say(*elsewhere))
    assert asked == texts.text("utter_ask_location",
                               question=texts.text("utter_ask_location_again")), asked  # fmt: skip
    return talk


def _right_after_the_list(question: str, intent: str) -> str:
    talk = Talk()
    one_list(talk.say("aide caf a Roubaix", "ask_help",
                      [ent("procedure", "caf"), ent("location", "Roubaix")]))  # fmt: skip
    return rest_text(talk.say(question, intent))


@pytest.mark.parametrize(("question", "intent"), ON_SCREEN)
@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_a_question_on_the_places_shown_while_the_town_is_asked_is_answered(
    real, question, intent, elsewhere
):
    talk = _list_then_town_asked(elsewhere)
    msgs = talk.say(question, intent)
    read = rest_text(msgs)
    assert not payloads(msgs), read  # no list again, no search
    assert read == (_right_after_the_list(question, intent) + "\n"
                    + texts.text("utter_ask_location_again")), read  # fmt: skip
    # the town asked is still the one given next: the places there, no criterion taken from
    # the question
    after = rest_text(talk.say("Lille", "inform", [ent("location", "Lille")]))
    assert after.startswith("Voici 3 lieux près de Lille (59) pour vos démarches"), after
    assert "samedi" not in after.split("\n")[0], after


def test_a_place_picked_while_the_town_is_asked_is_shown_in_full(real):
    talk = _list_then_town_asked(ELSEWHERE[0])
    shown = talk.slots["last_search"]["results"]
    msgs = talk.say("le deuxième", "inform")
    [detail] = payloads(msgs)
    assert detail["delivery"] == "detail" and detail["results"] == [shown[1]], rest_text(msgs)
    assert rest_text(msgs).endswith(texts.text("utter_ask_location_again"))


def test_the_town_is_asked_again_once_not_after_each_question(real):
    talk = _list_then_town_asked(ELSEWHERE[0])
    town_question = texts.text("utter_ask_location_again")
    first = rest_text(talk.say("c'est ouvert le samedi ?", "inform"))
    second = rest_text(talk.say("il faut un rendez-vous ?", "ask_help"))
    assert first.endswith(town_question), first
    assert second.startswith("Les rendez-vous, d'après l'annuaire") and town_question not in second
    after = rest_text(talk.say("Lille", "inform", [ent("location", "Lille")]))
    assert after.startswith("Voici 3 lieux près de Lille (59)"), after


def test_a_town_of_a_listed_place_given_when_asked_is_a_search_there(real):
    talk = _list_then_town_asked(ELSEWHERE[0])
    addresses = [p["address"] for p in talk.slots["last_search"]["results"]]
    assert addresses[-1].endswith("Tourcoing"), addresses  # the third place listed
    msgs = talk.say("Tourcoing", "inform", [ent("location", "Tourcoing")])
    assert one_list(msgs)["location"]["commune"] == "Tourcoing", rest_text(msgs)


@pytest.mark.parametrize("said_", ["j'ai pas d'adresse mail", "pour mon téléphone ?"])
def test_a_lack_or_ones_own_device_while_the_town_is_asked_is_no_question_on_the_places(
    real, said_
):
    talk = _list_then_town_asked(ELSEWHERE[0])
    read = rest_text(talk.say(said_, "inform"))
    assert "d'après l'annuaire" not in read and "code postal" in read, read
