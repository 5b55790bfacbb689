"""Saying whom the help is for ("c'est pour ma maman pas pour moi", "et pour moi à Quimper, je
voudrais apprendre excel") is not asking someone to act on one's behalf (Aidants Connect): the
need, the mode and the near places stay (round 24's tester got "Aucun lieu ne fait les démarches à
votre place…" and places 12 to 30 km away). "le faire pour moi" still is on one's behalf."""

from __future__ import annotations

import pytest

from actions import needs
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent

ON_BEHALF = ("à votre place", "à sa place", "Aidants Connect")


@pytest.mark.parametrize("first, town, then", [
    ("ma mère voudrait apprendre à faire des appels vidéo, elle habite Vannes", "Vannes",
     "c'est pour ma maman pas pour moi"),
    ("mon père voudrait apprendre à se servir de sa tablette à Roubaix", "Roubaix",
     "non c'est pour mon papa, pas pour moi"),
    ("ma grand-mère veut apprendre à envoyer des photos sur son téléphone, à Brest", "Brest",
     "c'est pas pour moi c'est pour elle"),
])  # fmt: skip
def test_whom_it_is_for_keeps_the_need_the_mode_and_the_near_places(real, first, town, then):
    talk = Talk()
    before = one_list(talk.say(first, "ask_help", [ent("location", town)]))
    msgs = talk.say(then, "inform")
    read = rest_text(msgs)
    said = read.split("\n\n")[0]  # what the answer says, before any place (whose services
    # may say « à votre place (Aidants Connect) » of itself)
    assert not any(words in said for words in ON_BEHALF), read
    lists = [m["custom"]["orienteur"] for m in msgs if m.get("custom")]
    if lists:  # the list again, never farther than the first
        assert lists[0]["results"][0]["distance_km"] <= before["results"][0]["distance_km"], read
    assert talk.slots.get("mode") != "avec_moi" or not lists


@pytest.mark.parametrize("text", [
    "et pour moi à Quimper, je voudrais apprendre excel",
    "c'est pour moi, je veux apprendre à utiliser mon téléphone",
    "pour moi et ma femme, on voudrait apprendre l'ordinateur",
])  # fmt: skip
def test_for_me_with_a_wish_to_learn_is_learning_not_on_behalf(text):
    found = needs.detect(text)
    assert "a_ma_place" not in found.constraints and found.mode == "autonomie", text


@pytest.mark.parametrize("text", [
    "quelqu'un peut faire ma déclaration pour moi ?",
    "je voudrais qu'on remplisse le dossier pour moi",
    "j'aimerais qu'une personne s'occupe de mes papiers pour moi",
])  # fmt: skip
def test_doing_it_for_me_is_still_on_behalf(text):
    assert "a_ma_place" in needs.detect(text).constraints, text


# --- a day cut short after "ouvert" (round 24: "c ouvert le sam ?" was read as a town) ----------
@pytest.mark.parametrize("message, day", [
    ("c ouvert le sam ?", "samedi"),
    ("c ouvert dimanche", "dimanche"),
    ("ouvert le sam ?", "samedi"),
    ("c'est ouvert le mer ?", "mercredi"),
])  # fmt: skip
def test_a_day_cut_short_after_the_list_is_the_day_asked_with_every_need_and_the_town(
    real, message, day
):
    talk = Talk()
    one_list(talk.say("mon père doit refaire son passeport, il habite Aurillac", "ask_help",
                      [ent("location", "Aurillac")]))  # fmt: skip
    before = dict(talk.slots)
    read = rest_text(talk.say(message, "ask_help"))
    assert "Je ne trouve pas" not in read and read.startswith(f"Le {day}"), read
    assert talk.slots["procedures"] == before["procedures"] == ["ants"]
    assert talk.slots["location"]["commune"] == "Aurillac"


# --- a need of the list asked about again (round 24: "et pour la tablette ?" got the need menu) --
@pytest.mark.parametrize(
    "then", ["et pour la tablette ?", "et la tablette ?", "et pour ma tablette ?"]
)
def test_a_need_of_the_list_asked_again_keeps_every_need_and_the_town(real, then):
    talk = Talk()
    one_list(talk.say("j'ai besoin d'apprendre à utiliser ma tablette et faire ma déclaration "
                      "d'impôts à Roubaix", "ask_help", [ent("location", "Roubaix")]))  # fmt: skip
    needs_before = list(talk.slots["needs"])
    msgs = talk.say(then, "ask_help")
    assert talk.slots.get("awaiting") != "need_choice", rest_text(msgs)
    assert talk.slots["needs"] == needs_before and talk.slots["procedures"] == ["impots"]
    assert one_list(msgs)["location"]["commune"] == "Roubaix"
