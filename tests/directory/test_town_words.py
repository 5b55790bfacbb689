"""The one guard of every town read in a message (directory_client/town_words.py): a word that
names a commune is no town where its context says it is a person, a date, an operator, a first
name or an ordinary word; the real towns beside them are kept."""

from __future__ import annotations

import pytest

from directory_client.town_words import commune_no_town, names_no_town


@pytest.mark.parametrize("name, text", [
    ("Orange", "ma box Orange ne marche plus"),
    ("Orange", "mon forfait Orange est trop cher"),
    ("Orange", "je suis allé à la boutique Orange mais"),
    ("Orange", "Orange m'a coupé internet, je dois faire ma demande CAF"),
    ("Orange", "j'ai écrit à Orange pour ma facture"),
    ("Orange", "je suis abonné à Orange"),
    ("Orange", "mon forfait Orange 20 euros par mois"),
    ("Free", "ma box Free ne marche plus"),
    ("SFR", "mon abonnement SFR"),
    ("Bouygues", "Bouygues m'a envoyé une facture"),
    ("Noël", "pour Noël je voudrais offrir une tablette"),
    ("mars", "avant le 15 mars"),
    ("Mme T", "Mme T., 88 ans, seule"),
    ("T", "Mme T., 88 ans, seule"),
    ("M", "M. Martin, 75 ans, dossier retraite"),
    ("Martin", "M. Martin, 75 ans, dossier retraite"),
    ("Marie", "Marie m'a dit de faire"),
    ("Marie", "ma mère est à Marie-Galante"),  # an island, not Marie (06)
    ("Robert", "Robert m'a dit d'aller à la CAF"),
    ("Lucas", "mon fils Lucas veut apprendre"),
    ("place", "des ordis sur place pour apprendre"),
    ("Sens", "Sens interdit pour moi"),
    ("Tours", "Tours de magie"),
    ("rien", "ça sert à rien"),
    ("fille", "elle demande de l'aide pour sa fille"),  # Fillé (72)
    ("Mon Gmail", "Mon Gmail est bloqué"),
    ("Y", "il y a un souci"),
    ("ligne", "M. Durand 78 ans, impots en ligne, Saint-Denis"),  # Ligné (44)
    ("ligne", "je fais tout en ligne, j'habite à Rennes"),
    ("place", "il veut de l'aide sur place, Lyon"),
    ("saint", "je suis a saint denis de la reunion pour la caf"),  # Saint-Denis cut short
    ("st", "caf a st denis de la réunion"),
])  # fmt: skip
def test_no_town_where_the_words_say_something_else(name, text):
    assert names_no_town(name, text)


@pytest.mark.parametrize("name, text", [
    ("Orange", "j'habite à Orange, je voudrais de l'aide pour la CAF"),
    ("Orange", "j'habite Orange"),
    ("Orange", "je suis à Orange et ma box ne marche plus"),
    ("Orange", "Orange 84100"),
    ("Orange", "aide retraite, Orange (84)"),
    ("Orange", "aide caf, Orange dans le Vaucluse"),
    ("Orange", "Orange"),
    ("Orange", "à Orange"),
    ("Noël", "je suis à Noël-Cerneux, je voudrais"),
    ("Noël-Cerneux", "je suis à Noël-Cerneux, je voudrais"),
    ("Roubaix", "dame 80 ans, dossier retraite, Roubaix, pas d'ordi"),
    ("Sens", "j'habite à côté, à Sens, je veux"),
    ("nice", "je suis a nice"),
    ("Amiens", "veut faire son CV, Amiens. Il a"),
    ("la martinique", "non pas la réunion, la martinique"),
    ("Ligné", "j'habite à Ligné, impôts en ligne"),
    ("ligne", "ligne"),
])  # fmt: skip
def test_real_towns_are_kept(name, text):
    assert not names_no_town(name, text)


def test_the_model_offset_says_which_of_two_places_the_name_is():
    text = "j'habite à Orange et ma box Orange ne marche plus"
    assert not names_no_town("Orange", text, text.index("Orange"))
    assert names_no_town("Orange", text, text.rindex("Orange"))


def test_a_commune_found_inside_longer_words_is_guarded_where_written():
    note = "Madame Dupont 80 ans box Orange en panne, dossier retraite"
    assert commune_no_town("Dupont box Orange panne", "Orange", note)
    assert not commune_no_town("habite à Orange", "Orange", "dame 80 ans, habite à Orange")
