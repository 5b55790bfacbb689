"""An age said is kept and used where it changes what the person reads: 60 or more, said of the
person helped (« j'ai 78 ans », « ma mère a 85 ans », « monsieur, 90 ans »), asks for places
adapted to seniors, as « retraité » does (a soft criterion: the places near that say so first,
the header says it), for the whole request (« et à Millau ? » keeps it). A teenager's age
(« mon fils de 15 ans ») changes nothing a person sees: the screens are parenting, as they were;
a younger adult's age is no criterion. Real actions, real embedded directory; what a REST client
reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, rest_text
from tests.conftest_actions import ent

SENIORS = "seniors"


def _places(talk: Talk, message: str, town: str | None, intent: str = "ask_help") -> str:
    said = rest_text(talk.say(message, intent, [ent("location", town)] if town else None))
    if "\n\n1. " not in said:  # the mode asked first
        said = rest_text(talk.say("avec quelqu'un", "inform"))
    assert "\n\n1. " in said, said[:400]
    return intro_of(said)


@pytest.mark.parametrize(
    ("message", "town", "then"),
    [
        ("j'ai 78 ans et je voudrais apprendre à me servir d'une tablette", "Rodez", "Millau"),
        ("ma mère a 85 ans, elle veut apprendre à faire des visios avec ses petits-enfants",
         "Albi", "Castres"),
        ("monsieur, 90 ans, doit faire sa déclaration d'impôts en ligne", "Agen", "Marmande"),
        ("je suis âgée de 81 ans et je ne sais pas envoyer un mail", "Pau", "Tarbes"),
    ],
)  # fmt: skip
def test_an_age_of_a_senior_is_kept_for_the_request(real, message, town, then):
    talk = Talk()
    intro = _places(talk, message, town)
    assert SENIORS in intro, intro
    intro = _places(talk, f"et à {then} ?", then, "inform")
    assert then in intro and SENIORS in intro, intro


@pytest.mark.parametrize(
    ("message", "town", "said"),
    [
        ("mon fils de 15 ans passe tout son temps sur son téléphone", "Rodez", "enfants"),
        ("j'ai 35 ans et je voudrais apprendre à utiliser internet", "Albi", "internet"),
        ("on est mariés depuis 60 ans et ma femme veut apprendre à utiliser sa tablette", "Agen",
         "tablette"),
    ],
)
def test_other_ages_ask_for_nothing_more(real, message, town, said):
    intro = _places(Talk(), message, town)
    assert said in intro and SENIORS not in intro, intro
