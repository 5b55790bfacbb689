"""People the assistant lost mid-way (round t152's tester over REST): an English speaker told
goodbye while answering the mode question, "c'est pour ma mère" after a list read as not
understood, "STOP" answered with a prompt to go on. Real actions on the real embedded directory
and Locator; each message run with the intent the NLU gave it then (the goodbye of the small talk
selector too)."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list, payloads, rest_text
from tests.conftest_actions import ent


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


class Chat(Talk):
    """``Talk``, with the small talk's sub-intent the NLU gave (``chitchat/goodbye``)."""

    def say(self, text, intent="ask_help", entities=None, sub: str | None = None):
        if sub is None:
            return super().say(text, intent, entities)
        import tests.actions.talk as after

        made = after.tracker

        def with_sub(*args, **kwargs):
            t = made(*args, **kwargs)
            t.latest_message["intent"]["full_retrieval_intent_name"] = f"chitchat/{sub}"
            return t

        after.tracker = with_sub
        try:
            return super().say(text, intent, entities)
        finally:
            after.tracker = made


# --- English ----------------------------------------------------------------------------------
PERMIT_PARIS = ("Hello, I need help to fill in my residence permit application online, I live in "
                "Paris")  # fmt: skip
IN_FRENCH = "I can only answer in French"


@pytest.mark.parametrize(
    "reply, intent, sub, learn",
    [
        ("with someone please", "chitchat", "goodbye", False),  # the tester's: "Au revoir"
        ("alone", "chitchat", "greet", True),
        ("by myself please", "nlu_fallback", None, True),
        ("yes", "affirm", None, False),
    ],
)
def test_an_english_speaker_answering_the_mode_question_gets_the_places(
    real, reply, intent, sub, learn
):
    talk = Chat()
    first = rest_text(talk.say(PERMIT_PARIS, "ask_help", [ent("location", "Paris")]))
    # once, in English: the answers and the places are in French, the helpline
    assert first.count(IN_FRENCH) == 1 and "01 70 77 23 72" in first, first
    assert "fasse la démarche avec vous" in first, first
    answered = talk.say(reply, intent, sub=sub)
    text = rest_text(answered)
    assert "Au revoir" not in text, text
    places = one_list(answered)
    assert places["location"]["commune"] == "Paris", text
    assert ("apprendre" in text.split("\n")[0]) == learn, text
    assert IN_FRENCH not in text, text  # said once


def test_a_french_message_gets_no_english_line(real):
    text = rest_text(Talk().say("j'ai besoin d'aide pour la CAF à Nancy", "ask_help",
                                [ent("location", "Nancy")]))  # fmt: skip
    assert IN_FRENCH not in text, text


# --- "c'est pour ma mère" after a list ---------------------------------------------------------
CAF_NANCY = ("j'ai besoin d'aide pour la CAF à Nancy", "ask_help", [ent("location", "Nancy")])


@pytest.mark.parametrize(
    "said, intent",
    [
        ("non je voulais dire pour ma mère", "nlu_fallback"),  # the tester's (w01)
        ("c'est pour ma mère en fait", "nlu_fallback"),  # r02
        ("c'est pour ma mère en fait", "inform"),
        ("ah non c'est pour mon père", "deny"),
    ],
)
def test_for_a_relative_after_the_list_keeps_the_need_and_asks_where_they_live(real, said, intent):
    talk = Talk()
    one_list(talk.say(*CAF_NANCY))
    asked = talk.say(said, intent)
    text = rest_text(asked)
    assert "Je n'ai pas bien compris" not in text, text
    assert "ses démarches avec la CAF" in text, text
    assert "près de chez votre" in text and "quelle commune" in text, text
    assert not payloads(asked), payloads(asked)
    there = talk.say("Metz", "inform", [ent("location", "Metz")])
    places = one_list(there)
    text = rest_text(there)
    assert places["location"]["commune"] == "Metz", text
    assert "ses démarches avec la CAF" in text and "vos démarches" not in text, text
    assert "son numéro d'allocataire" in text, text


def test_for_a_relative_who_lives_there_too_the_same_town_for_them(real):
    talk = Talk()
    one_list(talk.say(*CAF_NANCY))
    again = talk.say("c'est pour ma mère, elle habite là aussi", "nlu_fallback")
    places = one_list(again)
    text = rest_text(again)
    assert places["location"]["commune"] == "Nancy", text
    assert "ses démarches avec la CAF" in text, text


# --- STOP on REST and the widget ---------------------------------------------------------------
@pytest.mark.parametrize(
    "said, intent",
    [("STOP", "out_of_scope"), ("stop please", "chitchat"), ("Arrêtez", "nlu_fallback")],
)
def test_stop_is_acknowledged_and_nothing_asked(real, said, intent):
    text = rest_text(Talk().say(said, intent))
    # the conversation closed, in words for a channel that sends nothing of its own (helper171:
    # the SMS's « Vous ne recevrez plus de messages » stays on the SMS)
    assert text.startswith("D'accord, j'arrête cette conversation."), text
    assert "?" not in text and "Dites-moi" not in text, text


def test_stop_after_a_list_too(real):
    talk = Talk()
    one_list(talk.say(*CAF_NANCY))
    text = rest_text(talk.say("STOP", "out_of_scope"))
    assert text.startswith("D'accord, j'arrête cette conversation."), text


# --- help by phone asked with the need ----------------------------------------------------------
HELPLINE_LINE = ("Une personne peut vous aider au téléphone : Solidarité Numérique, au "
                 "01 70 77 23 72")  # fmt: skip


@pytest.mark.parametrize(
    "message",
    [
        # the tester's (q04): asked for a town, nothing else
        "je voudrais de l'aide pour ma CAF mais je ne peux pas me déplacer, je préfère par "
        "téléphone",
        "aide pour ma déclaration d'impôts, plutôt par téléphone si possible",
        "je dois refaire ma carte vitale sur ameli sans me déplacer",
    ],
)
def test_help_by_phone_asked_gets_the_helpline_first_then_places_offered(real, message):
    talk = Talk()
    text = rest_text(talk.say(message, "ask_help"))
    assert text.startswith(HELPLINE_LINE), text  # the line "parler à quelqu'un" gets
    assert "Si vous voulez aussi un lieu près de chez vous" in text, text
    assert "Dans quelle ville ou quel code postal cherchez-vous" not in text, text
    there = talk.say("Lille", "inform", [ent("location", "Lille")])
    assert one_list(there)["location"]["commune"] == "Lille", rest_text(there)


def test_help_by_phone_with_the_town_gets_the_helpline_then_the_places(real):
    msgs = Talk().say("aide pour la CAF à Lille mais je ne peux pas me déplacer", "ask_help",
                      [ent("location", "Lille")])  # fmt: skip
    text = rest_text(msgs)
    assert text.startswith(HELPLINE_LINE), text
    [places] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert places["location"]["commune"] == "Lille" and places["results"], text


def test_a_request_without_it_gets_no_helpline_first(real):
    text = rest_text(Talk().say("aide pour la CAF", "ask_help"))
    assert HELPLINE_LINE not in text and "Dans quelle ville" in text, text


# --- a threat to publish one's photos ----------------------------------------------------------
def test_a_threat_to_publish_photos_with_words_between_gets_the_3018_and_the_places(real):
    # the tester's (e06): the emergency numbers with the 3919, no 3018, the town dropped
    msgs = Talk().say("mon ex me menace sur whatsapp de publier mes photos, je suis à Nantes",
                      "ask_help", [ent("location", "Nantes")])  # fmt: skip
    text = rest_text(msgs)
    kinds = [p["type"] for p in payloads(msgs)]
    assert "emergency" not in kinds, text
    assert "3018" in text and "3919" in text, text
    assert one_list(msgs)["location"]["commune"] == "Nantes", text


def test_yes_after_the_numbers_goes_on_with_the_need_and_the_town(real):
    talk = Talk()
    first = talk.say("mon ex me menace de mort et il a piraté mon compte facebook, je suis à "
                     "Nantes", "ask_help", [ent("location", "Nantes")])  # fmt: skip
    assert [p["type"] for p in payloads(first)] == ["emergency"], rest_text(first)
    assert "Je reste là si vous avez besoin" in rest_text(first)
    then = talk.say("oui", "affirm")
    text = rest_text(then)
    assert "Dites-moi si je peux vous aider pour autre chose" not in text, text
    assert one_list(then)["location"]["commune"] == "Nantes", text


# --- "Apprendre seul" ----------------------------------------------------------------------------
DONE_FOR_YOU = ("à votre place", "on y fait la démarche avec vous")


@pytest.mark.parametrize(
    "message, town",
    [
        ("besoin aide démarche en ligne 16000", "Angoulême"),  # the tester's (o20b)
        ("aide démarches en ligne à Brive", "Brive-la-Gaillarde"),  # r04
    ],
)
def test_learning_alone_lists_places_that_teach_first_never_done_for_you(real, message, town):
    talk = Talk()
    asked = rest_text(talk.say(message, "ask_help", [ent("location", town)]))
    assert "apprendre à la faire vous-même" in asked, asked
    learn = talk.say("Apprendre seul", "inform")
    places = one_list(learn)
    text = rest_text(learn)
    assert not any(words in text for words in DONE_FOR_YOU), text
    first = places["results"][0]
    assert first["why"].startswith("apprendre à"), text  # the first place teaches
    with_someone = Talk()
    with_someone.say(message, "ask_help", [ent("location", town)])
    helped = one_list(with_someone.say("Avec quelqu'un", "inform"))
    assert [p["id"] for p in places["results"]] != [p["id"] for p in helped["results"]], text


def test_learning_alone_where_no_place_teaches_says_so(real, monkeypatch):
    import dataclasses

    from actions import search_run

    # the same search, read as from a directory where no place near teaches
    searched = search_run._search_from_start

    def none_teach(*args, **kwargs):
        response, relaxed, broadened = searched(*args, **kwargs)
        results = tuple(dataclasses.replace(r, teaches=False) for r in response.results)
        return dataclasses.replace(response, results=results), relaxed, broadened

    monkeypatch.setattr(search_run, "_search_from_start", none_teach)
    talk = Talk()
    talk.say("aide démarches en ligne à Brive", "ask_help", [ent("location", "Brive")])
    learn = talk.say("Apprendre seul", "inform")
    one_list(learn)
    text = rest_text(learn)
    assert text.startswith("Aucun lieu n'annonce précisément « apprendre à faire vos démarches "
                           "en ligne vous-même » près de Brive"), text  # fmt: skip
