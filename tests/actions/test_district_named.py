"""A district of a big town, as people name it, is where the person is (round 29's tester, a27:
« je suis dans le quartier des Minguettes, je cherche de l'aide pour mon dossier de retraite » got
« Dans quelle ville … ? », although the directory names a place after it). The district's town is
searched, from the district's own point when known, and said so (« près des Minguettes, à
Vénissieux (69) »). A district named like a commune elsewhere is read as the district only after
« quartier » or beside its town. Real actions, the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, payloads, rest_text

WHERE = "Dans quelle ville"


@pytest.mark.parametrize("message, near, first_within_km", [
    ("bonjour, je suis dans le quartier des Minguettes, je cherche de l'aide pour mon dossier "
     "de retraite", "près des Minguettes, à Vénissieux (69)", 1.5),
    ("j'habite aux Minguettes et je voudrais apprendre à me servir de ma tablette",
     "près des Minguettes, à Vénissieux (69)", 1.5),
    ("j'habite au Mirail, il me faut de l'aide pour ma déclaration d'impôts",
     "près du Mirail, à Toulouse (31)", 1.5),
    ("je vis à Hautepierre, je voudrais apprendre à utiliser un ordinateur",
     "Hautepierre, à Strasbourg (67)", 1.5),
    ("on est à la Duchère, je cherche un atelier pour apprendre l'ordinateur",
     "près de la Duchère, à Lyon 9e", 1.5),
    ("quartier Maurepas à Rennes, apprendre à me servir de mon téléphone",
     "près de Maurepas, à Rennes (35)", 1.5),
])  # fmt: skip
def test_a_district_is_searched_at_the_district_said_so(real, message, near, first_within_km):
    msgs = Talk().say(message, "ask_help")
    said = rest_text(msgs)
    assert WHERE not in said, said
    assert near in intro_of(said), said
    [listed] = [p for p in payloads(msgs) if p.get("results")]
    assert listed["results"][0]["distance_km"] <= first_within_km, listed["results"][0]


@pytest.mark.parametrize("message, town", [
    ("je suis à la Paillade, je voudrais faire ma carte grise", "Montpellier (34)"),
    ("j'habite dans le quartier de la Villeneuve, pour mes papiers CAF", "Grenoble (38)"),
    ("au Neuhof, besoin d'aide pour créer mon adresse mail", "Strasbourg (67)"),
])  # fmt: skip
def test_a_district_without_a_known_point_is_its_town(real, message, town):
    said = rest_text(Talk().say(message, "ask_help"))
    assert WHERE not in said, said
    assert town in intro_of(said), said


@pytest.mark.parametrize("message, not_there", [
    ("j'habite à Castellane, aide pour la CAF", "Marseille"),  # the commune of the 04
    ("j'habite Maurepas, il me faut de l'aide pour les impôts", "Rennes"),  # the 78's
    ("je vis rue de la Villeneuve à Agen, aide pour la CAF", "Grenoble"),
])  # fmt: skip
def test_a_commune_or_a_street_of_the_same_name_is_not_the_district(real, message, not_there):
    said = rest_text(Talk().say(message, "ask_help"))
    assert not_there not in said, said
