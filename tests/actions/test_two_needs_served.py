"""Two needs said in one message are both served and both named (tester t181, section 9): a
job search said « taf » or « alternance » beside a computer lacking, a computer asked for a CV,
Parcoursup for a child beside her screens, a carte grise beside the impôts. Real actions on
the real embedded directory; what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import intro_of, request_in, rest_text

WORK = "chercher du travail"


@pytest.mark.parametrize(
    ("message", "town", "both"),
    [
        ("jcherche du taf et jai meme pas de pc, tu connais un endroit pour en avoir un pas "
         "cher ?", "Lens", (WORK, "petit prix")),
        ("jeune 19a sans ordi, cherche alternance", "Vénissieux", (WORK, "ordinateur")),
        ("besoin ordi pour cv", "Saint-Étienne-du-Rouvray", (WORK, "ordinateur")),
        ("pour ma fille : inscription parcoursup + elle passe trop de temps sur son portable, "
         "des conseils pour les parents ?", "Orléans", ("démarches", "enfants")),
        ("ma carte grise + mon compte impots bloqué", "Béziers", ("carte grise", "impôts")),
    ],
)
def test_both_needs_named(real, message, town, both):
    _talk, msgs = request_in(message, town)
    said = rest_text(msgs)
    assert all(w in intro_of(said) for w in both), said
