"""Bad address parts were shown as they came (« nul nul rue principale », « 62300 62300 »,
« Bouirges »): cleaned at import in a general form, the record always kept, each change
counted (``ImportReport.addresses_cleaned``)."""

from __future__ import annotations

import pytest

from directory_client import display
from tests.directory.test_import_rules import base, directory, places, write  # noqa: F401

CASES = [
    # (fields as written, what the person reads)
    (dict(adresse="NULL null 8 rue des Lilas", commune="Rennes", code_postal="35000"),
     "8 rue des Lilas, 35000 Rennes"),
    (dict(adresse="None 3 place du Marché", complement_adresse="nul",
          commune="Auxerre", code_postal="89000"),
     "3 place du Marché, 89000 Auxerre"),
    (dict(adresse="2 allée Verte", commune="59100", code_postal="59100"),
     "2 allée Verte, 59100 Roubaix"),
    (dict(adresse="5 rue Haute 33000 33000", commune="Bordeaux", code_postal="33000"),
     "5 rue Haute, 33000 Bordeaux"),
    (dict(adresse="1 rue Nationale", commune="Perpignon", code_postal="66000",
          code_insee="66136"),
     "1 rue Nationale, 66000 Perpignan"),
    (dict(adresse="4 quai Vert", commune="STRASBOUG", code_postal="67000"),
     "4 quai Vert, 67000 Strasbourg"),
    # t152's tester (defect 23): a former address in brackets, a number glued to the street.
    (dict(adresse="(ex. 12 allée des Glycines)7 rue Terrasse", commune="Clermont-Ferrand",
          code_postal="63000"),
     "7 rue Terrasse, 63000 Clermont-Ferrand"),
    (dict(adresse="61Rue Girardot", commune="Besançon", code_postal="25000"),
     "61 Rue Girardot, 25000 Besançon"),
    (dict(adresse="3 allée Verte", complement_adresse="(bâtiment B)2ème étage",
          commune="Rennes", code_postal="35000"),
     "3 allée Verte, (bâtiment B) 2ème étage, 35000 Rennes"),
]


@pytest.mark.parametrize("fields, shown", CASES)
def test_a_bad_address_part_is_cleaned_at_import_and_the_record_kept(
    directory, tmp_path, fields, shown  # noqa: F811
):
    record = base("a1", latitude=None, longitude=None, **fields)
    report = directory.import_files([write(tmp_path, "f.json", [record])])
    [place] = places(directory).values()
    text = display.address_text(place.adresse, place.complement_adresse, place.code_postal,
                                place.commune, place.code_insee)
    assert text == shown
    assert report.addresses_cleaned == 1


@pytest.mark.parametrize("adresse", ["7 rue Nulle Part", "2bis rue Haute", "12B rue du 8 mai 1945",
                                     "Résidence Les Pins (bâtiment B), 1er étage", "RN7"])
def test_a_good_address_is_left_as_written_and_not_counted(directory, tmp_path, adresse):  # noqa: F811
    record = base("a2", adresse=adresse, commune="Nuits-Saint-Georges",
                  code_postal="21700", latitude=None, longitude=None)
    report = directory.import_files([write(tmp_path, "f.json", [record])])
    [place] = places(directory).values()
    assert (place.adresse, place.commune) == (adresse, "Nuits-Saint-Georges")
    assert report.addresses_cleaned == 0


# A commune that differs from the gazetteer's by case, accents or punctuation only keeps the
# fuller spelling: the record's "Tourc'h" was shown "Tourch" (the gazetteer's, without its
# apostrophe), in capitals "Tourc'H"; the gazetteer's "Villeneuve-d'Ascq" still mends a record's
# "Villeneuve dAscq". (fields, the town as read, the record's commune changed)
FULLER = [
    (dict(commune="Tourc’h", code_postal="29140"), "Tourc’h", False),
    (dict(commune="TOURC'H", code_postal="29140", code_insee="29281"), "Tourc'h", False),
    (dict(commune="Tourc-h", code_postal="29140"), "Tourc-h", False),
    (dict(commune="Villeneuve dAscq", code_postal="59650"), "Villeneuve-d'Ascq", True),
    (dict(commune="PLOUEZOCH", code_postal="29252"), "Plouezoc'h", True),
]


@pytest.mark.parametrize("fields, town, changed", FULLER)
def test_a_commune_keeps_the_fuller_of_its_spelling_and_the_gazetteers(
    directory, tmp_path, fields, town, changed  # noqa: F811
):
    record = base("a3", adresse="2 rue de l'Église", latitude=None, longitude=None, **fields)
    report = directory.import_files([write(tmp_path, "f.json", [record])])
    [place] = places(directory).values()
    shown = display.address_text(place.adresse, place.complement_adresse, place.code_postal,
                                 place.commune, place.code_insee)
    assert shown == f"2 rue de l'Église, {fields['code_postal']} {town}"
    assert report.addresses_cleaned == changed
