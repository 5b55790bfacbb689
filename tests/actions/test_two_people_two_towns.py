"""Two people in two towns in one message (a desk note: « mme X à Rodez veut sa carte grise, et
son fils à Millau cherche un ordi pas cher »; a citizen: « moi à Lyon et ma mère à Vienne »):
each person gets their need near their own town. One search a turn: the first person's places,
with a line that names whose they are and says the second comes next; « ok » or « et pour son
fils ? » gives the second person's places, near their town, named as theirs. Real actions, real
embedded directory; the towns tagged as the NLU tags them; what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, rest_text


def tagged(message: str, *towns: str) -> list[dict]:
    out = []
    for town in towns:
        start = message.index(town)
        out.append({"entity": "location", "value": town, "start": start, "end": start + len(town)})
    return out


def _list_text(msgs: list[dict]) -> str:
    said = rest_text(msgs)
    assert "\n\n1. " in said, said[:400]
    return said


@pytest.mark.parametrize(
    ("message", "towns", "first", "then", "second"),
    [
        # the desk's note
        ("mme Durand à Rodez veut sa carte grise, et son fils à Millau cherche un ordi pas cher",
         ("Rodez", "Millau"), ("Rodez (12)", "carte grise"), "ok",
         ("Millau (12)", "petit prix", "son fils")),
        # a citizen for herself and her mother, one need for both
        ("moi à Lyon et ma mère à Grenoble, on a besoin d'aide pour la CAF", ("Lyon", "Grenoble"),
         ("Lyon (69)", "CAF"), "et pour ma mère ?", ("Grenoble (38)", "CAF", "votre mère")),
        ("ma fille à Albi doit faire sa déclaration d'impôts et mon père à Castres veut apprendre "
         "à utiliser sa tablette", ("Albi", "Castres"), ("Albi (81)", "impôts"),
         "et pour mon père ?", ("Castres (81)", "tablette", "votre père")),
        ("je suis à Nancy et je dois refaire ma carte vitale, ma sœur à Metz doit faire sa "
         "déclaration d'impôts", ("Nancy", "Metz"), ("Nancy (54)", "Assurance maladie"), "oui",
         ("Metz (57)", "impôts", "votre sœur")),
        ("Monsieur Petit, Brest, besoin d'aide pour ses impôts ; sa femme, Quimper, veut "
         "apprendre l'ordinateur", ("Brest", "Quimper"), ("Brest (29)", "impôts"), "ok",
         ("Quimper (29)", "ordinateur", "sa femme")),
    ],
)  # fmt: skip
def test_each_person_served_at_their_town(real, message, towns, first, then, second):
    talk = Talk()
    said = _list_text(talk.say(message, "ask_help", tagged(message, *towns)))
    town, need = first
    assert town in intro_of(said) and need in intro_of(said), said[:600]
    assert second[0].split(" (")[0] not in intro_of(said), said[:600]
    # the second person and their town named, and how to get their places
    last = said.rsplit("\n\n", 1)[-1]
    assert second[0].split(" (")[0] in last and second[2] in last and "ok" in last, last
    said2 = _list_text(talk.say(then, "affirm" if then in ("ok", "oui") else "ask_help"))
    town2, need2, who2 = second
    assert town2 in intro_of(said2) and need2 in intro_of(said2), said2[:600]
    assert who2 in said2.split("\n\n1. ")[0], said2[:600]
    # served once: no third turn announced
    assert "répondez « ok »" not in said2, said2[-400:]
