"""Condolences belong to a recent death. A death years ago told as context (« veuve depuis trois
ans », « décédé il y a trois ans », « morte en 2015 ») gets none, and the need is served (round
29's tester, h01: a widow of three years got « Toutes mes condoléances » before her places). A
death of days, weeks or months still gets the word. Real actions, the real embedded directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, rest_text

WORD = "condoléances"


@pytest.mark.parametrize("message", [
    "mon mari est décédé il y a trois ans, je voudrais apprendre à me servir d'internet, Moulins",
    "je suis veuve depuis 5 ans et je dois faire ma déclaration d'impôts en ligne, j'habite Vichy",
    "ma femme est morte en 2015, je n'arrive pas à faire mes papiers CAF sur internet, Bourges",
    "depuis le décès de mon époux il y a plusieurs années je fais tout seule, aide pour ameli, "
    "Nevers",
    "J'ai 74 ans, je suis veuve depuis trois ans et je vis seule. La caisse de retraite me dit de "
    "tout faire sur mon espace personnel. J'habite à Lapalisse.",
])  # fmt: skip
def test_a_death_years_ago_gets_no_condolences_and_the_places(real, message):
    msgs = Talk().say(message, "ask_help")
    said = rest_text(msgs)
    assert WORD not in said, said
    assert any(p.get("results") for p in payloads(msgs)), said


@pytest.mark.parametrize("message", [
    "mon mari est décédé le mois dernier, je dois faire la pension de réversion, Moulins",
    "ma mère est décédée il y a deux semaines, il faut fermer ses comptes en ligne, Vichy",
    "mon père est mort récemment, aide pour la pension de réversion de ma mère, Nevers",
])  # fmt: skip
def test_a_recent_death_still_gets_the_word(real, message):
    said = rest_text(Talk().say(message, "ask_help"))
    assert WORD in said, said
