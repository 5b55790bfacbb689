"""The one who used to help is the story, the writer is the one to help (« ma voisine m'aidait
pour mes papiers mais elle est à l'hôpital », « mon fils faisait tout mais il a déménagé »,
« l'assistante sociale le faisait avant »): the places are for the writer (« vos démarches »,
« votre numéro »), near the writer's town, never spoken of as for that helper; no danger asked
for a helper in hospital. « ma voisine a besoin d'aide pour ses papiers » is still for the
neighbour. Real actions, real embedded directory; what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, rest_text


def tagged(message: str, *towns: str) -> list[dict]:
    out = []
    for town in towns:
        start = message.find(town)
        if start < 0:  # the town given apart (as the desk's form does)
            out.append({"entity": "location", "value": town})
            continue
        out.append({"entity": "location", "value": town, "start": start, "end": start + len(town)})
    return out


def _places(message: str, *towns: str) -> str:
    """The places the person reads (« avec quelqu'un » said when the mode is asked first)."""
    talk = Talk()
    said = rest_text(talk.say(message, "ask_help", tagged(message, *towns)))
    if "\n\n1. " not in said and "en danger" not in said:
        said = rest_text(talk.say("avec quelqu'un", "inform"))
    assert "\n\n1. " in said, said[:400]
    return said


_FOR_THEM = (" ses ", " sa ", " son ", "la personne", "a-t-elle", "a-t-il")


@pytest.mark.parametrize(
    ("message", "towns", "where"),
    [
        ("ma voisine m'aidait pour mes papiers mais elle est à l'hôpital, je dois faire ma "
         "demande de prime d'activité, j'habite à Rodez", ("Rodez",), "Rodez (12)"),
        ("ma voisine m'aide d'habitude pour la CAF mais elle est en vacances, je suis à Albi",
         ("Albi",), "Albi (81)"),
        ("avant ma sœur m'aidait pour internet mais elle n'a plus le temps, je dois déclarer mes "
         "impôts, je suis à Agen", ("Agen",), "Agen (47)"),
        ("c'est mon frère qui me remplissait mes papiers, il est parti, j'ai besoin d'aide pour "
         "ma retraite à Pau", ("Pau",), "Pau (64)"),
        ("mon fils faisait tout mais il a déménagé, je dois faire ma carte grise, j'habite Metz",
         ("Metz",), "Metz (57)"),
        ("l'assistante sociale le faisait avant, maintenant je dois renouveler ma carte vitale, "
         "je suis à Niort", ("Niort",), "Niort (79)"),
        # the helper's town is not where to search
        ("ma fille m'aidait mais elle habite à Lyon maintenant, moi je suis à Rodez, pour ma "
         "déclaration d'impôts", ("Lyon", "Rodez"), "Rodez (12)"),
        ("mon mari faisait les papiers mais il vit à Nantes depuis le divorce, je suis à Vannes "
         "et je dois faire la CAF", ("Nantes", "Vannes"), "Vannes (56)"),
    ],
)  # fmt: skip
def test_the_writer_is_the_one_helped(real, message, towns, where):
    said = _places(message, *towns)
    intro = intro_of(said)
    assert "en danger" not in said, said[:300]
    assert where in intro, intro
    assert not any(w in f" {intro} " for w in _FOR_THEM), intro
    assert "si la personne" not in said and "sa pièce" not in said, said[-500:]


@pytest.mark.parametrize(
    ("message", "town"),
    [
        ("ma voisine a besoin d'aide pour ses papiers CAF", "Rodez"),
        ("ma voisine n'arrive pas à faire sa déclaration d'impôts", "Albi"),
        ("mon voisin m'a demandé de l'aide pour sa carte grise", "Agen"),
    ],
)
def test_the_neighbour_in_need_is_still_the_one_helped(real, message, town):
    said = _places(message, town)
    assert any(w in f" {intro_of(said)} " for w in (" ses ", " sa ", " son ")), intro_of(said)
