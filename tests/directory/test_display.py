"""The one formatter of each kind (directory_client.display): distance, phone, hours."""

from __future__ import annotations

import pytest

from directory_client import display


@pytest.mark.parametrize(("km", "text"), [
    (0.04, "50 m"), (0.42, "400 m"), (0.43, "450 m"), (1.0, "1 km"), (1.234, "1,2 km"),
    (9.96, "10 km"), (12.6, "13 km"), (None, ""), ("x", ""), (-1, ""), (float("nan"), ""),
])
def test_distance_text(km, text):
    assert display.distance_text(km) == text


@pytest.mark.parametrize(("phone", "text", "uri"), [
    ("+33320010845", "03 20 01 08 45", "tel:+33320010845"),
    ("0320010845", "03 20 01 08 45", "tel:+33320010845"),
    ("03.20.01.08.45", "03 20 01 08 45", "tel:+33320010845"),
    ("+262262904990", "02 62 90 49 90", "tel:+262262904990"),  # La Réunion
    ("+262269611234", "02 69 61 12 34", "tel:+262269611234"),  # Mayotte
    ("+594594123456", "05 94 12 34 56", "tel:+594594123456"),  # Guyane
    ("+590690112233", "06 90 11 22 33", "tel:+590690112233"),  # Guadeloupe, a mobile
    ("+596596123456", "05 96 12 34 56", "tel:+596596123456"),  # Martinique
    ("+687271234", "+687 27 12 34", "tel:+687271234"),  # Nouvelle-Calédonie
    ("+68940123456", "+689 40 12 34 56", "tel:+68940123456"),  # Polynésie
    ("+508411234", "+508 41 12 34", "tel:+508411234"),  # Saint-Pierre-et-Miquelon
    ("+32 2 123 45 67", "+32 2 123 45 67", "tel:+3221234567"),  # abroad: as written
    # Overseas numbers however the data writes them (tester, round 17).
    ("0262 12 34 56", "02 62 12 34 56", "tel:+262262123456"),
    ("262123456", "02 62 12 34 56", "tel:+262262123456"),  # 9 digits, the 0 left out
    ("262 12 34 56", "02 62 12 34 56", "tel:+262262123456"),
    ("00262262123456", "02 62 12 34 56", "tel:+262262123456"),
    ("262262123456", "02 62 12 34 56", "tel:+262262123456"),  # the country code, no "+"
    ("+262 0262 12 34 56", "02 62 12 34 56", "tel:+262262123456"),
    ("+262591911", "02 62 59 19 11", "tel:+262262591911"),  # the prefix once (embedded data)
    ("+33262123456", "02 62 12 34 56", "tel:+262262123456"),
    ("692123456", "06 92 12 34 56", "tel:+262692123456"),
    ("0693 12 34 56", "06 93 12 34 56", "tel:+262693123456"),
    ("263123456", "02 63 12 34 56", "tel:+262263123456"),
    ("269612345", "02 69 61 23 45", "tel:+262269612345"),  # Mayotte
    ("+269662010", "02 69 66 20 10", "tel:+262269662010"),  # Mayotte's former +269
    ("639123456", "06 39 12 34 56", "tel:+262639123456"),
    ("590123456", "05 90 12 34 56", "tel:+590590123456"),  # Guadeloupe
    ("690112233", "06 90 11 22 33", "tel:+590690112233"),
    ("+596686482", "05 96 68 64 82", "tel:+596596686482"),  # Martinique (embedded data)
    ("696123456", "06 96 12 34 56", "tel:+596696123456"),
    ("594123456", "05 94 12 34 56", "tel:+594594123456"),  # Guyane
    ("00594 694 12 34 56", "06 94 12 34 56", "tel:+594694123456"),
    ("+2693712345", "+2693712345", "tel:+2693712345"),  # the Comoros: as written
    ("262 12 34", "", None),  # unreadable: never shown as if one could call it
    ("+33-72041680", "", None),  # a French number missing a digit (embedded data)
    ("+3381812163", "", None),  # the same, Besançon (tests/directory/test_wrong_phone.py)
    ("+33012345678", "", None),  # 00… is no French number
    ("accueil", "", None),
    (None, "", None),
])
def test_phone_text_and_uri(phone, text, uri):
    assert display.phone_text(phone) == text
    assert display.tel_uri(phone) == uri


def test_hours_lines():
    assert display.hours_lines("Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off") == [
        "lun.–ven. : 8 h 30–12 h, 13 h 30–17 h", "sam. : 9 h–12 h", "fermé les jours fériés"]
    assert display.hours_lines(None) == [] and display.hours_lines(" ; ") == []


def test_hours_lines_read_empty_ranges_as_the_hours_do():
    assert display.hours_lines("Mo 09:00-12:00; We 00:00-00:00; Sa 00:00-00:00,09:00-12:00") == [
        "lun., sam. : 9 h–12 h", "mer. : fermé"]


def test_the_week_and_the_next_opening_write_a_time_the_same_way():
    """Round 15: "lun. : 13:30–17:00" in the detail, "Ouvre demain à 13 h 30" above it."""
    from datetime import datetime

    from directory_client import hours

    week = "Mo-Fr 13:30-17:00"
    sunday_evening = datetime(2026, 12, 6, 20, 0, tzinfo=hours.PARIS)
    opening = hours.opening_status(week, sunday_evening).text
    assert opening == "Fermé. Ouvre demain à 13 h 30"
    assert display.hours_lines(week) == ["lun.–ven. : 13 h 30–17 h"]


@pytest.mark.parametrize(("name", "shown"), [
    ("MEDIATHEQUE DE ROUBAIX", "Médiathèque de Roubaix"),
    ("CCAS", "CCAS"),
    ("CCAS D'HELLEMMES", "CCAS d'Hellemmes"),
    ("CENTRE COMMUNAL D'ACTION SOCIALE", "Centre Communal d'Action Sociale"),
    ("MAISON DES SERVICES FRANCE SERVICES CCAS", "Maison des Services France Services CCAS"),
    ("MJC DU VIEUX LILLE", "MJC du Vieux Lille"),
    ("ESPACE PUBLIC NUMERIQUE (EPN) DE L'ILE", "Espace Public Numérique (EPN) de l'Île"),
    ("COMMUNE DE SAINT-JULIEN-LES-VILLAS", "Commune de Saint-Julien-les-Villas"),
    ("CA DU GRAND COGNAC", "CA du Grand Cognac"),
    ("LAB01", "LAB01"),
    # Written in lower case too: kept as imported.
    ("CCAS de Roubaix", "CCAS de Roubaix"),
    ("Centre social ECHO", "Centre social ECHO"),
    ("France services La Poste de Roubaix", "France services La Poste de Roubaix"),
])  # fmt: skip
def test_a_name_in_capitals_is_written_in_french_title_case(name, shown):
    assert display.place_name(name) == shown


@pytest.mark.parametrize(("parts", "shown"), [
    (("9 RUE PELLART", None, "59100", "ROUBAIX", "59512"), "9 rue Pellart, 59100 Roubaix"),
    (("12 rue X 59100 Roubaix", None, "59100", "Roubaix"), "12 rue X, 59100 Roubaix"),
    (("81 Place du Commissaire Chesney 74700 SALLANCHES", None, "74700", "SALLANCHES"),
     "81 Place du Commissaire Chesney, 74700 Sallanches"),
    (("27 rue de la Victoire Nouméa 98800", None, "98800", "Nouméa"),
     "27 rue de la Victoire, 98800 Nouméa"),
    (("1 rue des tours Magenta Nouméa - 98800", None, "98800", "Nouméa"),
     "1 rue des tours Magenta, 98800 Nouméa"),
    (("131 Rue Denise Frey Pont-des-Français 98 809 Mont-Dore", None, "98800", "Mont-Dore"),
     "131 Rue Denise Frey Pont-des-Français, 98800 Mont-Dore"),
    (("4 AVENUE DE L UNION---16710-ST YRIIEIX", None, "16710", "Saint-Yrieix-sur-Charente"),
     "4 avenue de l Union, 16710 Saint-Yrieix-sur-Charente"),  # the town misspelt
    (("1 PL DE LA BAYERE 69570 DARDILLY", None, "69130", "dARDILLY"),
     "1 pl de la Bayere, 69130 Dardilly"),
    (("Mairie de NEKÖ-POYA village de POYA", "98827 POYA", "98800", "Poya"),
     "Mairie de NEKÖ-POYA village de POYA, 98800 Poya"),
    (("2 PARC BOCQUET, 176 rue Roger Salengro", None, "59260", "HELLEMMES"),
     "2 Parc Bocquet, 176 rue Roger Salengro, 59260 Hellemmes"),
    (("Maison de la Solidarité", None, "15000", "AURILLAC CEDEX"),
     "Maison de la Solidarité, 15000 Aurillac"),
    # The town names the place: kept.
    (("Mairie de Poum", None, "98800", "Poum"), "Mairie de Poum, 98800 Poum"),
    (("route de Bluffy", None, "74290", "Bluffy"), "route de Bluffy, 74290 Bluffy"),
])  # fmt: skip
def test_an_address_gives_each_part_once_and_in_french_case(parts, shown):
    assert display.address_text(*parts) == shown


@pytest.mark.parametrize("fees, said", [
    (["Gratuit"], "gratuit"), (["Gratuit sous condition"], "gratuit sous condition"),
    (["Payant"], "payant"), (["Gratuit", "Payant"], "gratuit ou payant selon l'aide"),
    (["Gratuit sous condition", "Payant", "Gratuit"], "gratuit ou payant selon l'aide"),
    ([], "non précisé, appelez avant"), (None, "non précisé, appelez avant"),
])  # fmt: skip
def test_the_price_a_place_states_in_plain_words(fees, said):
    """The standard's frais à charge, as the assistant answers "c'est gratuit ?" and the desk's
    card shows it."""
    assert display.fee_text(fees) == said
    if not fees:
        assert display.fee_text(fees, can_call=False) == "non précisé, demandez sur place"


def test_the_directory_keeps_what_each_place_says_of_its_price(embedded_directory):
    """Every combination of the shipped open data, read back from the search's results."""
    import sqlite3

    with sqlite3.connect(embedded_directory.sqlite_path) as db:
        rows = db.execute("SELECT public_id, frais_a_charge FROM place GROUP BY frais_a_charge")
        stored = dict(rows.fetchall())
    assert len(stored) >= 5  # free, paid, both, on condition, unsaid
    for public_id, frais in stored.items():
        place = embedded_directory.get_place(public_id)
        assert place.fees == tuple(frais.split("|") if frais else ()), (public_id, frais)


# An arrondissement as the directory writes it ("69003 Lyon 3EME" on the desk): as French does.
@pytest.mark.parametrize(("commune", "postcode", "shown"), [
    ("LYON 3EME", "69003", "Lyon 3e"), ("PARIS 15E", "75015", "Paris 15e"),
    ("MARSEILLE 8EME ARRONDISSEMENT", "13008", "Marseille 8e"), ("PARIS 1ER", "75001", "Paris 1er"),
    ("PARIS 11", "75011", "Paris 11e"), ("Lyon 3ème", "69003", "Lyon 3e"),
    ("Paris 20e Arrondissement", "75020", "Paris 20e"),
    ("MARSEILLE 13E ARRDT", "13013", "Marseille 13e"),
    # Other towns in capitals: French title case.
    ("SAINT-DENIS", "93200", "Saint-Denis"), ("LE HAVRE", "76600", "Le Havre"),
    ("LA ROCHE-SUR-YON", "85000", "La Roche-sur-Yon"), ("LYON", "69003", "Lyon"),
])  # fmt: skip
def test_a_town_in_capitals_or_an_arrondissement_reads_as_french_does(commune, postcode, shown):
    assert display.commune_name(commune, None, postcode) == shown
    assert display.address_text(f"3 RUE X {postcode} {commune}", None, postcode, commune) == (
        f"3 rue X, {postcode} {shown}")


def test_a_name_saying_only_what_the_place_is_reads_with_its_town():
    from directory_client.display import place_name

    assert place_name("CCAS", "Roubaix") == "CCAS de Roubaix"
    assert place_name("MAIRIE", "Angoulême") == "Mairie d'Angoulême"
    assert place_name("Médiathèque", "Tourcoing") == "Médiathèque — Tourcoing"
    assert place_name("La Poste", "Le Havre") == "La Poste — Le Havre"
    assert place_name("CCAS de Roubaix", "Roubaix") == "CCAS de Roubaix"
    assert place_name("Médiathèque La Parenthèse", "Ploudalmézeau") == "Médiathèque La Parenthèse"
    assert place_name("CCAS") == "CCAS"  # no town known
