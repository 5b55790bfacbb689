"""Towns written as people write them, with the parts the NLU model tags (round 25's tester,
t160): "Chalon sur Saone" without hyphens gave places near Saône (25), in Besançon; "Chalons en
Champagne" a choice of three Champagne villages; "Saint-Chély-d'Apcher en Lozère" « Je ne trouve
pas « Apcher » »; "dans le 15e à Paris" places in the 1er, 2e and 11e, distances from Paris
centre. The entities are those the trained model gives (its parse of each message, start
included). Real actions on the real embedded directory and Locator."""

from __future__ import annotations

import re

import pytest

from tests.actions.talk import Talk, one_list, payloads, rest_text


def tagged(text: str, *parts: str) -> list[dict]:
    """The ``location`` entities the model gives for ``parts`` of ``text``, where they are."""
    out = []
    for part in parts:
        start = text.index(part)
        out.append({"entity": "location", "value": part, "start": start,
                    "end": start + len(part)})  # fmt: skip
    return out


def answer(text: str, *parts: str, intent: str = "ask_help") -> list[dict]:
    return Talk().say(text, intent, tagged(text, *parts))


def towns_of(payload: dict) -> set[str]:
    """The postcodes' départements of the places listed (what the person reads on each card)."""
    return {m.group(1) for p in payload["results"]
            for m in [re.search(r"\b(\d{2})\d{3}\b", p.get("address") or "")] if m}


@pytest.mark.parametrize(
    ("text", "parts", "town", "dep"),
    [
        ("apprendre à me servir de mon téléphone à Chalon sur Saône", ["Saône"],
         "Chalon-sur-Saône (71)", "71"),
        ("Ma fille m'a offert un smartphone pour Noël et je ne sais même pas décrocher, il y a "
         "des cours quelque part vers Chalon sur Saone ?", ["Chalon", "Saone"],
         "Chalon-sur-Saône (71)", "71"),
        ("apprendre l'ordinateur à Villefranche sur Saone", ["Villefranche", "Saone"],
         "Villefranche-sur-Saône (69)", "69"),
        ("je cherche de l'aide pour ma carte grise à Chalons en Champagne", ["Chalons",
         "Champagne"], "Châlons-en-Champagne (51)", "51"),
        ("aide pour la CAF à Chalons en champagne", ["Chalons", "en", "champagne"],
         "Châlons-en-Champagne (51)", "51"),
        ("aide pour ma retraite, j'habite Saint-Chély-d'Apcher en Lozère", ["Apcher"],
         "Saint-Chély-d'Apcher (48)", "48"),
        ("Je dois remplir un dossier MDPH pour mon fils autiste et je m'en sors pas avec le "
         "formulaire en ligne. Village de Saint-Chély-d'Apcher en Lozère", ["Apcher"],
         "Saint-Chély-d'Apcher (48)", "48"),
        # the same family, other links: "sur", "en", "lès", "de", "Saint X", "L'…-d'…"
        ("aide pour la CAF à la Roche sur Yon", ["la Roche", "Yon"], "La Roche-sur-Yon (85)",
         "85"),
        ("aide pour la CAF à Sainte Foy les Lyon", ["Sainte", "Foy", "les Lyon"],
         "Sainte-Foy-lès-Lyon (69)", "69"),
        ("apprendre internet à Saint Jean de Luz", ["Saint", "Jean"], "Saint-Jean-de-Luz (64)",
         "64"),
        ("aide pour la CAF à Nogent sur Marne", ["Nogent"], "Nogent-sur-Marne (94)", "94"),
        ("aide pour ma retraite, j'habite L'Isle-d'Abeau en Isère", ["L", "Isle-d", "Abeau"],
         "L'Isle-d'Abeau (38)", "38"),
    ],
)  # fmt: skip
def test_a_name_written_without_hyphens_is_the_whole_town(real, text, parts, town, dep):
    msgs = answer(text, *parts, intent="inform" if "j'habite" in text else "ask_help")
    said = rest_text(msgs)
    assert "Je ne trouve pas" not in said and "plusieurs communes" not in said, said
    payload = one_list(msgs)
    assert payload["location"]["commune"] == town.split(" (")[0], payload["location"]
    assert f"{town.split(' (')[0]} ({dep})" in said or town.split(" (")[0] in said, said
    assert dep in towns_of(payload), (towns_of(payload), said)


def test_a_town_we_do_not_know_is_quoted_whole_never_a_fragment(real):
    """ "Saint-Machin-d'Apcher", no such commune, "Apcher" tagged: the person's own town is
    never quoted cut ("Je ne trouve pas « Apcher »")."""
    text = "aide pour ma retraite, j'habite Saint-Machin-d'Apcher en Lozère"
    said = rest_text(answer(text, "Apcher", intent="inform"))
    assert "« Apcher »" not in said, said
    assert "« Saint-Machin-d'Apcher »" in said or "Lozère" in said, said


@pytest.mark.parametrize(
    ("text", "parts", "arrondissement", "insee"),
    [
        ("ou est ce que je peux apprendre word et excel gratuitement dans le 15e à Paris ?",
         ["Paris"], "Paris 15e", "75115"),
        ("aide pour la CAF dans le 15ème arrondissement de Paris", ["Paris"], "Paris 15e",
         "75115"),
        ("j'habite à Paris, dans le 15ème, je voudrais apprendre l'ordinateur", ["Paris"],
         "Paris 15e", "75115"),
        ("apprendre l'ordinateur dans le 3ème à Lyon", ["Lyon"], "Lyon 3e", "69383"),
        ("aide pour mes impôts, 13 e arrondissement de Marseille", ["Marseille"],
         "Marseille 13e", "13213"),
    ],
)  # fmt: skip
def test_the_arrondissement_said_beside_the_city_is_where_the_person_is(
    real, text, parts, arrondissement, insee
):
    msgs = answer(text, *parts)
    said = rest_text(msgs)
    [payload] = payloads(msgs)
    assert payload["location"]["code_insee"] == insee, payload["location"]
    assert arrondissement in said, said
    first = payload["results"][0]
    assert first["distance_km"] < 2.5, first  # from the arrondissement, not the city centre
