"""Territory insight on the real shipped data: coverage per commune × service, rollups, gaps,
and the ``territory`` command (issue 17)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import subprocess
import sys
from datetime import date
from html import unescape

import pytest

from directory_client import labels
from directory_client.cli import main
from directory_client.errors import TerritoryError
from directory_client.gazetteer import DEFAULT_PATH
from directory_client.geo import haversine_km
from directory_client.territory import insight
from directory_client.territory.supply import week_figures
from tests.paths import ROOT

WEEK = date(2026, 3, 2)  # four weeks without a public holiday
SAINT_FRAIGNE_BUS_STOP = (45.952791, -0.008588)  # the Charente bus, on Mondays


def _gazetteer(departement: str) -> dict[str, dict]:
    """Current communes of a département, read straight from the shipped CSV."""
    with DEFAULT_PATH.open(encoding="utf-8", newline="") as handle:
        return {
            row["insee_com"]: row
            for row in csv.DictReader(handle)
            if row["insee_dep"] == departement and row["commune_type"] == "COM"
        }


def _run(embedded_directory, *args: str, capsys) -> str:
    assert main(["--db", embedded_directory.url, "territory", "--week", "2026-03-02", *args]) == 0
    return capsys.readouterr().out


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def charente(embedded_directory):
    """The bar's own command, in a process of its own, as a user types it."""
    result = subprocess.run(
        [sys.executable, "-m", "directory_client", "--db", embedded_directory.url]
        + ["territory", "--departement", "16", "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return _rows(result.stdout)


def test_charente_lists_every_commune_with_each_service(charente):
    communes = _gazetteer("16")
    assert len(communes) == 362
    assert {row["code_insee"] for row in charente} == set(communes)
    assert len(charente) == 362 * len(labels.SERVICES)
    for code in communes:
        services = [row["service"] for row in charente if row["code_insee"] == code]
        assert services == list(labels.SERVICES)


def test_charente_population_beyond_20km_is_the_communes_when_help_is_further(charente):
    people = {code: int(row["population_2021"]) for code, row in _gazetteer("16").items()}
    offered_somewhere = [r for r in charente if r["distance_km"]]
    assert len(offered_somewhere) > 362 * 6
    for row in offered_somewhere:
        far = float(row["distance_km"]) > 20
        assert int(row["population_au_dela_20km"]) == (people[row["code_insee"]] if far else 0)
    # Nobody in Charente is more than 20 km from help with administrative procedures.
    demarches = [r for r in charente if r["service"] == labels.DEMARCHES]
    assert max(float(r["distance_km"]) for r in demarches) < 20
    # No place of the shipped data offers "Utilisation sécurisée": unknown distance, and every
    # inhabitant counted beyond 20 km.
    securite = [r for r in charente if r["service"] == labels.SECURITE]
    assert all(r["distance_km"] == "" for r in securite)
    assert sum(int(r["population_au_dela_20km"]) for r in securite) == sum(people.values())


def test_a_commune_with_a_bus_stop_counts_it(charente):
    row = next(
        r for r in charente if r["code_insee"] == "16317" and r["service"] == labels.DEMARCHES
    )
    assert row["commune"] == "Saint-Fraigne"
    stop_km = haversine_km(float(row["latitude"]), float(row["longitude"]), *SAINT_FRAIGNE_BUS_STOP)
    assert float(row["distance_km"]) == pytest.approx(stop_km, abs=0.05)  # the bus is the nearest
    assert int(row["arrets_itinerants_20km"]) >= 1
    assert "lundi" in row["jours_itinerants_20km"]
    # A commune far from every bus stop has none.
    far = next(
        r for r in charente if r["code_insee"] == "16102" and r["service"] == labels.DEMARCHES
    )
    assert far["commune"] == "Cognac" and far["arrets_itinerants_20km"] == "0"
    assert far["jours_itinerants_20km"] == ""


def test_nearest_and_counts_match_a_scan_of_every_place(embedded_directory):
    """The k-d tree answers exactly what a scan of every (commune, place) pair gives."""
    result = insight(embedded_directory.Session, departement="16", today=WEEK)
    with embedded_directory.engine.connect() as connection:
        places = connection.exec_driver_sql(
            "SELECT latitude, longitude, services FROM place WHERE latitude IS NOT NULL"
        ).all()
    coverage = result.coverage
    for i in range(0, len(coverage.communes), 9):  # 41 communes of Charente
        lat, lon = float(coverage.communes.lat[i]), float(coverage.communes.lon[i])
        for k, service in enumerate(coverage.services):
            km = [haversine_km(lat, lon, p[0], p[1]) for p in places if service in p[2].split("|")]
            nearest = min(km, default=math.inf)
            if nearest > 500:
                assert math.isinf(coverage.distance_km[i, k])
            else:
                assert coverage.distance_km[i, k] == pytest.approx(nearest, abs=0.01)
            for radius in (10, 20, 30):
                assert coverage.within_km[radius][i, k] == sum(d <= radius for d in km)


def test_weekly_hours_and_days_of_a_schedule():
    assert week_figures("Mo 09:30-12:30,13:30-15:30; PH off", "16140", WEEK) == (5.0, 0b1)
    # The bus comes every other Tuesday: 5 h 30 every two weeks.
    every_other = week_figures("week 1-53/2 Tu 09:00-12:30,13:30-15:30; PH off", "16140", WEEK)
    assert every_other == (2.75, 0b10)
    assert week_figures("Mo-Fr 09:00-12:00; Sa 10:00-12:00", None, WEEK) == (17.0, 0b111111)
    assert week_figures("not hours", None, WEEK) == (0.0, 0)
    assert week_figures(None, None, WEEK) == (0.0, 0)


def test_hours_per_10000_inhabitants_within_20km(embedded_directory):
    result = insight(
        embedded_directory.Session, commune="16015", services=(labels.DEMARCHES,), today=WEEK
    )
    row = result.communes()[0]
    assert row["commune"] == "Angoulême"
    assert row["population_20km"] > row["population"] > 40_000
    assert row["heures_hebdo_20km"] > 100
    expected = row["heures_hebdo_20km"] * 10_000 / row["population_20km"]
    assert row["heures_pour_10000_hab"] == pytest.approx(expected, abs=0.1)


def test_departement_rollup_sums_its_communes(embedded_directory, capsys):
    communes = _rows(_run(embedded_directory, "--departement", "16", capsys=capsys))
    rollup = _rows(
        _run(embedded_directory, "--departement", "16", "--view", "rollup", capsys=capsys)
    )
    assert [r["niveau"] for r in rollup] == ["departement"] * 9
    for row in rollup:
        mine = [c for c in communes if c["service"] == row["service"]]
        assert int(row["communes"]) == 362
        assert int(row["population"]) == sum(int(c["population"]) for c in mine)
        beyond = sum(int(c["population_au_dela_20km"]) for c in mine)
        assert int(row["population_au_dela_20km"]) == beyond
        far = [c for c in mine if c["distance_km"] == "" or float(c["distance_km"]) > 20]
        assert int(row["communes_au_dela_20km"]) == len(far)
    places = {r["service"]: int(r["lieux"]) for r in rollup}
    assert (
        places[labels.DEMARCHES]
        == sum(
            int(c["lieux_dans_la_commune"]) for c in communes if c["service"] == labels.DEMARCHES
        )
        > 50
    )


def test_region_rolls_up_per_departement_and_region(embedded_directory, capsys):
    text = _run(
        embedded_directory, "--region", "nouvelle aquitaine", "--view", "rollup",
        "--service", "demarches", capsys=capsys,
    )  # fmt: skip
    rows = _rows(text)
    departements = [r for r in rows if r["niveau"] == "departement"]
    region = [r for r in rows if r["niveau"] == "region"]
    assert len(departements) == 12 and len(region) == 1
    assert region[0]["nom"] == "Nouvelle-Aquitaine" and region[0]["code"] == "75"
    assert int(region[0]["population"]) == sum(int(r["population"]) for r in departements)
    assert int(region[0]["population"]) > 5_900_000


def test_a_list_of_communes_is_rolled_up_as_one_territory(embedded_directory, tmp_path, capsys):
    listing = tmp_path / "cc-coeur-de-charente.csv"
    listing.write_text("code_insee;nom\n16317;Saint-Fraigne\n16390;Tusson\n16015;Angoulême\n")
    rows = _rows(_run(embedded_directory, "--communes", str(listing), "--view", "rollup",
                      "--service", labels.DEMARCHES, capsys=capsys))  # fmt: skip
    mine = [r for r in rows if r["niveau"] == "liste"]
    assert len(mine) == 1 and mine[0]["nom"] == "cc-coeur-de-charente"
    assert mine[0]["communes"] == "3"
    people = _gazetteer("16")
    assert int(mine[0]["population"]) == sum(
        int(people[c]["population_2021"]) for c in ("16317", "16390", "16015")
    )


def test_unknown_territories_are_named_errors(embedded_directory, tmp_path, capsys):
    listing = tmp_path / "list.txt"
    listing.write_text("16317\n99999\n")
    assert main(["--db", embedded_directory.url, "territory", "--communes", str(listing)]) == 2
    assert "99999" in capsys.readouterr().err
    assert main(["--db", embedded_directory.url, "territory", "--departement", "00"]) == 2
    assert main(["--db", embedded_directory.url, "territory", "--region", "Atlantide"]) == 2
    with pytest.raises(TerritoryError):
        insight(embedded_directory.Session, commune="16015", departement="16")


def test_paris_is_its_twenty_arrondissements(embedded_directory, capsys):
    rows = _rows(_run(embedded_directory, "--commune", "75056", "--service", "demarches",
                      capsys=capsys))  # fmt: skip
    assert len(rows) == 20
    assert {r["code_insee"] for r in rows} == {f"751{n:02d}" for n in range(1, 21)}
    assert all(float(r["distance_km"]) < 5 and int(r["lieux_10km"]) > 20 for r in rows)


def test_zones_without_help_ranked_by_people_then_by_fragility(embedded_directory, tmp_path):
    plain = insight(
        embedded_directory.Session, departement="16", services=(labels.LOISIRS,), today=WEEK
    ).gaps()
    assert len(plain) >= 2
    assert [z["population"] for z in plain] == sorted(
        (z["population"] for z in plain), reverse=True
    )
    assert all(z["distance_moyenne_km"] > 20 for z in plain)
    # A fragility index that makes the smallest zone the most fragile puts it first.
    smallest = plain[-1]
    scores = tmp_path / "ifn.csv"
    lines = ["code_insee,score"] + [
        f"{code},{0.9 if code in smallest['codes_insee'] else 0.1}"
        for zone in plain for code in zone["codes_insee"]
    ]  # fmt: skip
    scores.write_text("\n".join(lines) + "\n")
    ranked = insight(
        embedded_directory.Session,
        departement="16",
        services=(labels.LOISIRS,),
        fragility_file=scores,
        today=WEEK,
    ).gaps()
    assert ranked[0]["code_insee"] == smallest["code_insee"]
    assert ranked[0]["fragilite"] == pytest.approx(0.9)
    assert ranked[0]["priorite"] == pytest.approx(0.9 * smallest["distance_moyenne_km"], abs=0.1)


def test_the_printable_summary_says_its_reference_week_in_words(embedded_directory, capsys):
    page = _run(embedded_directory, "--commune", "16317", "--format", "html", capsys=capsys)
    assert "à partir de la semaine du 2 mars 2026." in " ".join(page.split())
    assert "2026-03-02" not in page
    document = json.loads(_run(embedded_directory, "--commune", "16317", "--format", "json",
                               capsys=capsys))  # fmt: skip
    assert document["semaine_de_reference"] == "2026-03-02"  # machines keep ISO dates


def test_json_and_geojson_outputs(embedded_directory, tmp_path, capsys):
    out = tmp_path / "charente.json"
    _run(embedded_directory, "--departement", "16", "--format", "json", "--out", str(out),
         capsys=capsys)  # fmt: skip

    def no_infinity(name):
        raise AssertionError(f"{name} in JSON")

    document = json.loads(out.read_text(encoding="utf-8"), parse_constant=no_infinity)
    assert document["territoire"] == {"niveau": "departement", "code": "16", "nom": "Charente"}
    assert labels.SECURITE in document["services_sans_lieu_a_moins_de_500km"]
    assert len(document["communes"]) == 362 * 9 and len(document["synthese"]) == 9
    assert document["zones_sans_aide"][0]["population"] > 0

    text = _run(embedded_directory, "--commune", "16317", "--format", "geojson",
                "--service", "demarches", capsys=capsys)  # fmt: skip
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 1
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-0.01591, 45.95009]}
    assert feature["properties"]["service"] == labels.DEMARCHES
    assert feature["properties"]["arrets_itinerants_20km"] >= 1


@pytest.mark.parametrize(
    ("code", "name", "communes"),
    [("59350", "Lille", 1), ("16015", "Angoulême", 1), ("13055", "Marseille", 16)],
)
def test_a_communes_rollup_never_names_its_figures_after_its_departement(
    embedded_directory, capsys, code, name, communes
):
    """``--commune … --view rollup`` printed « departement,59,Nord » holding Roubaix alone (1
    commune): a coordinator read a commune's figures as the département's. Marseille is its 16
    arrondissements, named as the city."""
    rows = _rows(_run(embedded_directory, "--commune", code, "--view", "rollup", capsys=capsys))
    assert {(r["niveau"], r["code"], r["nom"]) for r in rows} == {("commune", code, name)}
    assert len(rows) == len(labels.SERVICES)
    assert all(int(r["communes"]) == communes for r in rows)


def test_a_lists_rows_per_departement_say_they_are_the_lists_part(
    embedded_directory, tmp_path, capsys
):
    """A list over two départements: its rows per département are its communes there, named so;
    no row is named after a whole département."""
    listing = tmp_path / "littoral.csv"
    listing.write_text("16015\n16102\n17300\n")  # Angoulême, Cognac, La Rochelle
    rows = _rows(_run(embedded_directory, "--communes", str(listing), "--view", "rollup",
                      "--service", labels.DEMARCHES, capsys=capsys))  # fmt: skip
    assert "departement" not in {r["niveau"] for r in rows}
    parts = {r["code"]: r for r in rows if r["niveau"] == "liste_departement"}
    assert parts["16"]["nom"] == "Charente (communes de la liste)"
    assert parts["16"]["communes"] == "2"
    assert parts["17"]["nom"] == "Charente-Maritime (communes de la liste)"
    assert parts["17"]["communes"] == "1"
    [whole] = [r for r in rows if r["niveau"] == "liste"]
    assert whole["communes"] == "3"


def _far_cell(page: str, service: str) -> str:
    """What the chart's "Habitants > 20 km" column says for ``service``."""
    row = re.search(rf'<g class="service" data-service="{re.escape(service)}">(.*?)</g>', page)
    return unescape(re.search(r'<text class="far"[^>]*>([^<]*)</text>', row[1])[1])


@pytest.mark.parametrize(
    ("scope", "service"),
    [
        (("--commune", "59350"), labels.INSERTION_PRO),  # Lille
        (("--departement", "62"), labels.INSERTION_PRO),  # Pas-de-Calais
        (("--region", "Normandie"), labels.INSERTION_PRO),
        (("--departement", "16"), labels.SECURITE),  # declared by no place at all
    ],
)
def test_a_service_no_place_declares_is_said_so_not_a_gap_of_help(
    embedded_directory, capsys, scope, service
):
    """« Insertion professionnelle : Lieux 0, Habitants > 20 km : 100 % » for Roubaix, the Nord
    and its région: a coordinator read "no job help anywhere", while no place of the directory
    declares the service there (the desk sends such requests to general digital help)."""
    page = _run(embedded_directory, *scope, "--format", "html", "--service", service,
                capsys=capsys)  # fmt: skip
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    said = "Aucun lieu de l'annuaire ne déclare ce service, ni dans le territoire ni à moins de"
    assert f"{said} 100 km" in text
    assert "(100 %) à plus de 20 km" not in text
    assert _far_cell(page, service) == "aucun lieu déclaré"
    rollup = _rows(_run(embedded_directory, *scope, "--view", "rollup", "--service", service,
                        capsys=capsys))  # fmt: skip
    assert {r["sans_lieu_a_moins_de_100km"] for r in rollup} == {"True"}


def test_a_real_gap_of_help_keeps_its_share_beyond_20km(embedded_directory, capsys):
    """Charente's leisure places are few: people beyond 20 km is a measured gap, said as one."""
    page = _run(embedded_directory, "--departement", "16", "--format", "html", "--service",
                labels.LOISIRS, capsys=capsys)  # fmt: skip
    assert "ne déclare ce service" not in unescape(page)
    assert re.fullmatch(r"\d+ %", _far_cell(page, labels.LOISIRS))
    assert re.search(r"\(\d+ %\) à plus de 20 km", unescape(page))
