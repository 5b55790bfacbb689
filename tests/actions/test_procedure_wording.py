"""What the places are for reads as French for every procedure, for oneself and for a relative
(t152's tester, defect 21: « pour vos démarches avec votre retraite », « pour ses démarches avec
sa retraite »). One table: ``actions.needs.PROCEDURES``'s ``purpose``."""

from __future__ import annotations

import asyncio
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import formatting as fmt
from actions import needs as needs_mod
from actions import someone_else
from tests.conftest_actions import (
    said,
    tracker,
)

# "avec" before a possessive: "vos démarches avec votre retraite", "avec vos papiers".
AWKWARD = re.compile(r"\bavec (votre|vos|son|sa|ses|leur|leurs)\b")


@pytest.mark.parametrize("key", sorted(needs_mod.PROCEDURES))
def test_every_procedure_reads_well_for_oneself_and_for_a_relative(key):
    mine = fmt.need_phrase(["demarches"], key)
    theirs = someone_else.about_them(mine)
    for phrase in (mine, theirs):
        assert not AWKWARD.search(phrase), phrase
    assert mine.startswith(("vos ", "votre ")), mine
    assert theirs.startswith(("ses ", "son ", "sa ")), theirs


@pytest.mark.parametrize("key, mine, theirs", [
    ("retraite", "vos démarches de retraite", "ses démarches de retraite"),
    ("ants", "vos papiers (carte d'identité, passeport, permis, carte grise)",
     "ses papiers (carte d'identité, passeport, permis, carte grise)"),
    ("titre_sejour", "votre titre de séjour", "son titre de séjour"),
    ("cheque_energie", "votre chèque énergie", "son chèque énergie"),
    ("impots", "vos démarches avec les impôts", "ses démarches avec les impôts"),
])  # fmt: skip
def test_the_words_of_a_procedure(key, mine, theirs):
    assert fmt.need_phrase(["demarches"], key) == mine
    assert someone_else.about_them(fmt.need_phrase(["demarches"], key)) == theirs


def test_what_to_bring_for_some_places_says_each_procedure_once():
    said_for = fmt.bring_for(["carte_grise", "impots", "retraite"], [1, 3])
    assert said_for == ("Pour vos démarches avec l'ANTS (carte grise) et les impôts et vos "
                        "démarches de retraite, aux lieux 1 et 3")  # fmt: skip


def orient(message: str, town: str) -> str:
    start = message.index(town)
    entities = [{"entity": "location", "value": town, "start": start, "end": start + len(town)},
                {"entity": "procedure", "value": "retraite"}]  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(A.ActionOrient().run(dispatcher, tracker(message, "ask_help", entities, {}), {}))
    return "\n".join(said(m) for m in dispatcher.messages)


@pytest.mark.parametrize("message, town, words", [
    ("j'ai besoin d'aide pour ma retraite en ligne, j'habite à Pau", "Pau",
     "près de Pau (64) pour vos démarches de retraite"),
    ("ma mère habite à Aix-en-Provence, elle a besoin d'aide pour sa retraite en ligne",
     "Aix-en-Provence", "près d'Aix-en-Provence (13) pour ses démarches de retraite"),
])  # fmt: skip
def test_the_places_for_a_retirement_file_are_said_in_french(real, message, town, words):
    text = orient(message, town)
    assert words in text, text
    assert not AWKWARD.search(text), text
