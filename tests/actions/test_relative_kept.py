"""A request made for a relative ("ma mère de 80 ans a besoin d'aide pour ses papiers, elle est à
Tulle") is worded for her in the answers that follow too ("elle a pas d'ordi non plus": "ses
démarches", never "vos démarches"), until the person says it is for themselves (round 19's
tester over REST). Real actions on the real embedded directory; the intents the NLU gives."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)


MOTHER = ("ma mère de 80 ans a besoin d'aide pour ses papiers, elle est à Tulle", "ask_help",
          [ent("location", "Tulle")])  # fmt: skip


def test_a_need_added_later_is_still_worded_for_the_relative(real):
    talk = Talk()
    first = rest_text(talk.say(*MOTHER))
    assert "ses démarches" in first and "vos démarches" not in first, first
    later = talk.say("elle a pas d'ordi non plus", "ask_help")
    one_list(later)
    text = rest_text(later)
    assert "ses démarches" in text, text
    assert "vos démarches" not in text and "votre pièce" not in text, text


def test_for_themselves_again_the_answers_speak_to_the_person(real):
    talk = Talk()
    talk.say(*MOTHER)
    talk.say("elle a pas d'ordi non plus", "ask_help")
    text = rest_text(talk.say("et pour moi c'est pour ma déclaration d'impôts", "ask_help"))
    assert "vos démarches" in text and "votre dernier avis d'impôt" in text, text


def _answered(message: str) -> str:
    """``message`` (its town in it), then "avec quelqu'un" if the mode is asked: the text read."""
    talk = Talk()
    text = rest_text(talk.say(message, "ask_help"))
    if "fasse la démarche avec vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    return text


@pytest.mark.parametrize(
    "message",
    [
        # Round 95's tester: a widow, the husband who did the papers named in her story.
        "mon mari s'occupait de tout, maintenant je dois faire les papiers seule, je suis perdue, "
        "j'habite Limoges",
        # Variants: the one who did it before, a partner gone.
        "c'est ma femme qui faisait les impôts, je ne sais pas faire mes démarches en ligne, Tulle",
        "mon mari gérait les papiers, il est à l'hôpital, je dois faire mes démarches à Tulle",
        "mon mari m'a quittée et je dois faire mes papiers en ligne, Tulle",
    ],
)
def test_a_relative_only_in_the_story_keeps_vos(real, message):
    text = _answered(message)
    assert "vos démarches" in text and "ses démarches" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        # Round 95's tester: a home help writing for the lady she accompanies.
        "je suis aide a domicile, une dame que j'accompagne doit faire sa demande APA en ligne, "
        "elle n'a pas d'ordinateur, Cahors",
        # Variants: a carer, a volunteer, a social worker.
        "je suis auxiliaire de vie, un monsieur dont je m'occupe doit faire ses papiers en ligne, "
        "Cahors",
        "je suis bénévole, les personnes que j'aide doivent faire leurs démarches CAF, Tulle",
        "assistante sociale, une usagère que je suis doit faire sa demande de RSA en ligne, Tulle",
    ],
)
def test_a_person_one_accompanies_gets_ses(real, message):
    text = _answered(message)
    assert "ses démarches" in text and "vos démarches" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        # Round 18's second tester, and variants: the person a professional helps, named as theirs.
        "je suis aide a domicile, ma cliente ne sait pas se servir de son portable, Quimper",
        "infirmière à domicile : mon patient de 80 ans voudrait apprendre à utiliser son "
        "téléphone, Quimper",
        "une de mes bénéficiaires ne sait pas utiliser son smartphone, elle habite à Quimper",
    ],
)
def test_a_professional_s_client_gets_son(real, message):
    text = _answered(message)
    assert "votre téléphone" not in text and "son téléphone" in text, text
