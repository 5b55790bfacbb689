"""Towns the chat must read as the locator (the desk) reads them: a big town's name of several
words written a letter or two wrong ("j habite a Clermond Ferand depuis peu", "clermont ferand"
with only "clermont" tagged), and names with an apostrophe inside or an elided article
("Tourc'h", "L’Haÿ-les-Roses", "l'isle adam"), mid-sentence or alone however the NLU read it."""

from __future__ import annotations

import re

import pytest

from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import (
    ent,
    run_as_the_action_server,
    said,
    tracker,
)

MISSPELT = [
    ("Clermond Ferand", "Clermont-Ferrand (63)"),
    ("saint etiene", "Saint-Étienne (42)"),
    ("aix en provance", "Aix-en-Provence (13)"),
    ("boulogne sur mere", "Boulogne-sur-Mer (62)"),
    ("chalon sur sone", "Chalon-sur-Saône (71)"),
    ("villeneuve d'asq", "Villeneuve-d'Ascq (59)"),
    ("Montpelier le Vieux", None),  # no town of that name: never "Montpellier"
]


def _where(msgs: list[dict]) -> str:
    return " ".join(said(m) for m in msgs)


@pytest.mark.parametrize(("town", "label"), MISSPELT)
def test_a_misspelt_name_of_several_words_inside_a_sentence(real, town, label):
    msgs = Talk().say(f"je voudrais faire ma carte grise j habite a {town} depuis peu")
    if label is None:
        assert "Montpellier" not in _where(msgs)
        return
    assert re.match(rf"Voici 3 lieux près (de |d'){re.escape(label)} pour ", said(msgs[0])), _where(
        msgs
    )


@pytest.mark.parametrize(("town", "label"), MISSPELT[:6])
def test_a_misspelt_name_alone_with_its_first_word_tagged(real, town, label):
    first = town.split()[0]
    msgs = Talk().say(town, "inform", [ent("location", first)])
    offered = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert label in _where(msgs) and "Aucun" not in offered, (_where(msgs), offered)


APOSTROPHES = [
    ("Tourc'h", "Tourc'h (29)"),
    ("Tourc’h", "Tourc'h (29)"),
    ("Plouezoc'h", "Plouezoc'h (29)"),
    ("L’Haÿ-les-Roses", "L'Haÿ-les-Roses (94)"),
    ("l'hay les roses", "L'Haÿ-les-Roses (94)"),
    ("L'Isle-Adam", "L'Isle-Adam (95)"),
    ("l’isle adam", "L'Isle-Adam (95)"),
    ("Villeneuve-d’Ascq", "Villeneuve-d'Ascq (59)"),
]


@pytest.mark.parametrize(("town", "label"), APOSTROPHES)
def test_a_name_with_an_apostrophe_inside_a_sentence(real, town, label):
    msgs = Talk().say(f"j'habite à {town}, aide pour la caf", "ask_help", [ent("procedure", "caf")])
    one_list(msgs)
    assert re.match(rf"Voici 3 lieux près (de |d'){re.escape(label)} pour ", said(msgs[0]))


@pytest.mark.parametrize(("town", "label"), APOSTROPHES)
def test_a_name_with_an_apostrophe_alone_read_off_topic(real, town, label):
    response = run_as_the_action_server(tracker(town, "out_of_scope"), "action_out_of_scope")
    texts = " ".join(said(m) for m in response["responses"])
    assert label in texts and "Je ne peux pas vous aider" not in texts, texts


@pytest.mark.parametrize(
    ("town", "tagged", "label"),
    [("Tourc'h", "Tourc", "Tourc'h (29)"), ("Tourc’h", "Tourc", "Tourc'h (29)"),
     ("Plouezoc’h", "Plouezoc", "Plouezoc'h (29)")],
)  # fmt: skip
def test_a_name_tagged_up_to_its_apostrophe(real, town, tagged, label):
    msgs = Talk().say(f"j'habite à {town}, aide pour la caf", "ask_help",
                      [ent("location", tagged), ent("procedure", "caf")])  # fmt: skip
    one_list(msgs)
    assert re.match(rf"Voici 3 lieux près (de |d'){re.escape(label)} pour ", said(msgs[0]))


@pytest.mark.parametrize("word", ["aucun", "rien", "Sens", "bon"])
def test_a_common_word_alone_read_off_topic_stays_off_topic(real, word):
    response = run_as_the_action_server(tracker(word, "out_of_scope"), "action_out_of_scope")
    assert not any(m.get("custom") for m in response["responses"])
    assert "Je ne peux pas vous aider" in " ".join(said(m) for m in response["responses"])
