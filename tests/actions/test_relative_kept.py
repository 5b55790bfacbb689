"""A request made for a relative ("ma mère de 80 ans a besoin d'aide pour ses papiers, elle est à
Tulle") is worded for her in the answers that follow too ("elle a pas d'ordi non plus": "ses
démarches", never "vos démarches"), until the person says it is for themselves (round 19's
tester over REST). Real actions on the real embedded directory; the intents the NLU gives."""

from __future__ import annotations

import pytest

from actions import actions as A
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent


@pytest.fixture(scope="module")
def real(embedded_directory):
    A.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    A.set_backends(None, None)


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
