"""Towns as people name them, played against the real actions on the embedded directory and its
Locator (measured over REST on 2026-12-07, helper177):

- « Luchon » for Bagnères-de-Luchon (31): the end of its official name, which no commune bears
  alone, not Luçon (85), a one-letter near-miss; and never « Je ne peux pas vous aider pour
  cela » (the model reads « Luchon » as ``out_of_scope``, whose action takes a town answer only
  when the words name the town the locator read: Luçon was a near-miss). A big town misspelt
  (« bordaux ») read as off-topic when the town was asked is that town too.
- « Saint-Dié » for Saint-Dié-des-Vosges (88): the first words of its name, not the near-misses
  Saint-Avé, Saint-Vit, Saint-Lyé… to choose from.
- « Vire » without its accent still asks (Vire Normandie, 14, or Viré, 71); « Viré » is Viré.
- An answer repeated word for word to the question it answered is that name itself: « Vienne »
  again to « Quelle est votre commune dans la Vienne ? » is the commune Vienne (38); a name
  repeated to « Laquelle est la vôtre ? » gets the towns written out to answer by number, never
  the same question a third time.
- A first message in SMS spelling that names its town in lower case after « jsuis a »,
  « jhabite a », « chui a », « je sui a »: that town, not « Dans quelle ville… ? »."""

from __future__ import annotations

import pytest

from actions import texts
from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)

ASK_TOWN = "Dans quelle ville ou quel code postal cherchez-vous ?"


def _town_asked() -> Talk:
    talk = Talk()
    first = rest_text(talk.say("je voudrais apprendre à utiliser ma tablette"))
    assert ASK_TOWN in first, first
    return talk


def _first_line(msgs: list[dict]) -> str:
    return rest_text(msgs).split("\n")[0]


@pytest.mark.parametrize("intent, entities", [
    ("out_of_scope", []),  # as the model reads it
    ("inform", [ent("location", "Luchon")]),
])  # fmt: skip
def test_luchon_is_bagneres_de_luchon(real, intent, entities):
    talk = _town_asked()
    msgs = talk.say("Luchon", intent, entities)
    said = rest_text(msgs)
    assert "Je ne peux pas vous aider" not in said, said
    assert "Luçon" not in said, said
    one_list(msgs)
    assert "Bagnères-de-Luchon (31)" in _first_line(msgs), said[:300]


@pytest.mark.parametrize("message, label", [
    ("bordaux", "Bordeaux (33)"), ("strasbour", "Strasbourg (67)"),
])  # fmt: skip
def test_a_big_town_misspelt_read_as_off_topic_is_the_town(real, message, label):
    talk = _town_asked()
    msgs = talk.say(message, "out_of_scope")
    said = rest_text(msgs)
    assert "Je ne peux pas vous aider" not in said, said
    one_list(msgs)
    assert label in _first_line(msgs), said[:300]


@pytest.mark.parametrize("message", ["amour", "pizza"])
def test_a_word_read_as_off_topic_when_the_town_is_asked_stays_off_topic(real, message):
    talk = _town_asked()
    said = rest_text(talk.say(message, "out_of_scope"))
    assert said.startswith("Je ne peux pas vous aider pour cela"), said
    assert not talk.slots.get("location")


@pytest.mark.parametrize("intent", ["inform", "out_of_scope"])  # inform: the model's reading
def test_saint_die_is_saint_die_des_vosges(real, intent):
    talk = _town_asked()
    msgs = talk.say("Saint-Dié", intent)
    said = rest_text(msgs)
    assert "Laquelle est la vôtre" not in said, said
    one_list(msgs)
    assert "Saint-Dié-des-Vosges (88)" in _first_line(msgs), said[:300]


def test_vire_without_accent_asks_between_vire_normandie_and_vire(real):
    # Vire Normandie (14, 17 000 inhabitants, its former commune Vire) is 14 times Viré (71,
    # 1 200): not the 20 times that decide alone, and « Vire » without its accent may be Viré.
    talk = _town_asked()
    said = rest_text(talk.say("Vire", "nlu_fallback"))  # the model's reading
    assert said == texts.text("utter_ask_location_choice"), said
    assert [c["label"] for c in talk.slots["location_choices"]] == [
        "Vire Normandie (14)", "Viré (71)"]  # fmt: skip


def test_vire_with_its_accent_is_vire(real):
    talk = _town_asked()
    msgs = talk.say("Viré", "nlu_fallback")
    one_list(msgs)
    assert "Viré (71)" in _first_line(msgs), rest_text(msgs)[:300]


def test_vienne_said_again_is_the_commune_vienne(real):
    talk = _town_asked()
    first = rest_text(talk.say("Vienne", "inform", [ent("location", "Vienne")]))
    assert "Quelle est votre commune dans la Vienne" in first, first
    msgs = talk.say("Vienne", "inform", [ent("location", "Vienne")])
    said = rest_text(msgs)
    assert "Quelle est votre commune" not in said, said
    one_list(msgs)
    assert "Vienne (38)" in _first_line(msgs), said[:300]


def _which_saint_denis() -> Talk:
    talk = _town_asked()
    first = rest_text(talk.say("Saint-Denis", "inform", [ent("location", "Saint-Denis")]))
    assert first == texts.text("utter_ask_location_choice"), first
    return talk


def test_a_name_said_again_to_which_one_gets_the_towns_written_out(real):
    talk = _which_saint_denis()
    said = rest_text(talk.say("Saint-Denis", "inform", [ent("location", "Saint-Denis")]))
    assert said.startswith(texts.text("utter_ask_location_choice")), said
    assert "\n1. Saint-Denis (974, La Réunion)\n2. Saint-Denis (93)\n" in said, said
    assert said.endswith("Répondez par un chiffre de 1 à 4."), said
    msgs = talk.say("2", "inform")
    one_list(msgs)
    assert "Saint-Denis (93)" in _first_line(msgs), rest_text(msgs)[:300]


def test_a_name_said_a_third_time_is_the_most_populated_said(real):
    talk = _which_saint_denis()
    talk.say("Saint-Denis", "inform", [ent("location", "Saint-Denis")])
    msgs = talk.say("Saint-Denis", "inform", [ent("location", "Saint-Denis")])
    said = rest_text(msgs)
    assert texts.text("utter_ask_location_choice") not in said, said
    taken = texts.text("utter_town_taken_first", town="Saint-Denis (974, La Réunion)")
    assert said.startswith(taken), said
    one_list(msgs)
    assert "Saint-Denis (974, La Réunion)" in said.split("\n")[1], said[:300]


MAULEON = (
    "bonjour jsuis a mauleon, mon conseillé m'a di de postulé aux offres sur le site france "
    "travail mai jsais pa lire bien"
)


@pytest.mark.parametrize("message", [
    MAULEON,
    "jhabite a mauleon et je comprend rien a mon espace caf",
    "chui a mauleon jai besoin daide pour ma declaration dimpot",
    "je sui a mauleon je sais pas faire mes papier sur internet",
])  # fmt: skip
def test_a_town_in_lower_case_after_sms_words_is_read(real, message):
    talk = Talk()
    said = rest_text(talk.say(message, "ask_help"))
    assert ASK_TOWN not in said, said
    assert (talk.slots.get("location") or {}).get("label") == "Mauléon (79)", said[:300]


@pytest.mark.parametrize("message", [
    "il a viré mon dossier, je comprend pas",
    "jsuis a fond sur mes papiers caf",
    "chui a la poste pour envoyer mon dossier",
])  # fmt: skip
def test_no_town_is_read_in_sms_words_that_name_none(real, message):
    talk = Talk()
    said = rest_text(talk.say(message, "ask_help"))
    assert not talk.slots.get("location"), (talk.slots.get("location"), said[:300])
