"""Importer rules on small crafted files: rejects, warnings, merge, update, atomicity."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from sqlalchemy import func, select

from directory_client import Directory, ImportFormatError
from directory_client.cli import main
from directory_client.importer import writer as import_writer
from directory_client.models import (
    FieldProvenance,
    ImportRun,
    Mediator,
    MobileService,
    Permanence,
    Place,
    PlaceSource,
)
from directory_client.types import Location, SearchQuery
from tests.conftest import table_dump


def base(id_: str, **fields) -> dict:
    record = {
        "id": id_,
        "nom": f"Lieu {id_}",
        "commune": "Lyon",
        "code_postal": "69001",
        "adresse": f"{id_} rue de la République",
        "latitude": 45.76,
        "longitude": 4.835,
        "services": "Aide aux démarches administratives",
        "source": "Essai",
        "date_maj": "2023-05-01",
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


def write(tmp_path: Path, name: str, records) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def directory(tmp_path) -> Directory:
    d = Directory(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    yield d
    d.close()


def places(directory: Directory) -> dict[str, Place]:
    with directory.Session() as s:
        return {p.public_id: p for p in s.execute(select(Place)).scalars()}


def problems(report, record: str) -> list[tuple[str | None, str]]:
    return [(p.field, p.severity) for p in report.problems if p.record == record]


def test_malformed_rows_are_each_named_in_the_report(directory, tmp_path):
    records = [
        base("ok"),
        base("no-adresse", adresse=None),
        {k: v for k, v in base("x").items() if k != "id"},
        base("bad-type", nom=["a", "b"]),
        base("far", latitude=123.0),
        base("text-lat", latitude="abc"),
        base("bad-date", date_maj="2021-13-45"),
        base("future", date_maj="2099-01-01", latitude=45.77),  # in the 1er, apart
        base("ok", nom="Doublon"),
        "pas un objet",
        base("blank-name", nom="   "),
        base("list-services", services=["Accéder à du matériel", "Créer avec le numérique"],
             typologie={"code": "BIB"}, latitude=45.765),
    ]  # fmt: skip
    path = write(tmp_path, "messy.json", records)
    report = directory.import_files([path])
    assert report.read == 12
    assert report.rejected == 6
    assert problems(report, "no-adresse") == [("adresse", "rejected")]
    assert problems(report, "#2") == [("id", "rejected")]
    assert problems(report, "bad-type") == [("nom", "rejected")]
    assert problems(report, "#9") == [(None, "rejected")]
    assert problems(report, "blank-name") == [("nom", "rejected")]
    duplicate = [p for p in report.problems if p.record == "ok"]
    assert len(duplicate) == 1 and "#0" in duplicate[0].reason
    # out of range, then "a lone longitude is not a position"
    assert problems(report, "far") == [("latitude", "warning"), ("latitude", "warning")]
    assert ("latitude", "warning") in problems(report, "text-lat")
    assert problems(report, "bad-date") == [("date_maj", "warning")]
    assert problems(report, "future") == [("date_maj", "warning")]
    assert all(p.file == "messy.json" for p in report.problems)
    stored = places(directory)
    assert set(stored) == {"essai:ok", "essai:far", "essai:text-lat", "essai:bad-date",
                           "essai:future", "essai:list-services"}  # fmt: skip
    listed = stored["essai:list-services"]
    assert (
        listed.services == "Accès internet et matériel informatique|Loisirs et créations numériques"
    )
    assert listed.typologie is None
    assert problems(report, "list-services") == [("typologie", "warning")]
    assert stored["essai:ok"].nom == "Lieu ok"  # the duplicate did not overwrite it
    assert stored["essai:far"].latitude is None and stored["essai:far"].longitude is None
    assert stored["essai:bad-date"].date_maj is None
    assert stored["essai:future"].date_maj is None


def test_unknown_fields_and_labels_are_reported_not_dropped_silently(directory, tmp_path):
    record = base(
        "a",
        services="Prendre en main un ordinateur, Faire du vélo, de la course",
        couleur="bleu",
        telephone="12",
    )
    report = directory.import_files([write(tmp_path, "f.json", [record])])
    place = places(directory)["essai:a"]
    assert place.services_origine == "Prendre en main un ordinateur|Faire du vélo, de la course"
    assert place.services == "Maîtrise des outils numériques du quotidien"
    reasons = {(p.record, p.field): p.reason for p in report.problems}
    assert "Faire du vélo, de la course" in reasons[("a", "services")]
    assert ("*", "couleur") in reasons
    assert ("a", "telephone") in reasons and place.telephone is None


def test_phones_departments_and_long_forms(directory, tmp_path):
    records = [
        base("nc", code_postal="98800", commune="Nouméa", telephone="44 57 28",
             latitude=-22.27, longitude=166.44),
        base("ajaccio", code_postal="20000", commune="Ajaccio", telephone="04.95.51.53.03",
             latitude=41.92, longitude=8.73),
        base("bastia", code_postal="20200", commune="Bastia", latitude=42.7, longitude=9.45),
        base("reunion", code_postal="97400", commune="Saint-Denis", telephone="0262 90 49 90",
             latitude=-20.88, longitude=55.45),
        base("v1", conditions_access="Gratuit sous condition : La gratuité est conditionnée",
             modalites_accompagnement="A ma place : une personne habilitée fait les démarches"
             " à ma place;Dans un atelier : j'apprends", labels_nationaux="CNFS;APTIC",
             courriel="a@b.fr", latitude=45.7),
    ]  # fmt: skip
    directory.import_files([write(tmp_path, "f.json", records)])
    stored = places(directory)
    assert (stored["essai:nc"].telephone, stored["essai:nc"].departement) == ("+687445728", "988")
    assert (stored["essai:ajaccio"].telephone, stored["essai:ajaccio"].departement) == (
        "+33495515303", "2A")  # fmt: skip
    assert stored["essai:bastia"].departement == "2B"
    assert stored["essai:reunion"].telephone == "+262262904990"
    assert stored["essai:reunion"].departement == "974"
    v1 = stored["essai:v1"]
    assert v1.frais_a_charge == "Gratuit sous condition"
    assert v1.modalites_accompagnement == "À ma place|Dans un atelier collectif"
    assert v1.dispositif_programmes_nationaux == "Conseillers numériques"
    assert v1.autres_formations_labels == "APTIC"
    assert v1.courriels == "a@b.fr"


@pytest.mark.parametrize("separate_runs", [False, True], ids=["one-run", "two-runs"])
def test_merge_of_two_sources_with_provenance(directory, tmp_path, separate_runs):
    old = base(
        "m1",
        nom="Médiathèque Jean Moulin",
        publics_specifiquement_adresses="Seniors",
        latitude=45.7600,
        longitude=4.8350,
        date_maj="2021-03-01",
    )
    new = base(
        "m2",
        nom="MEDIATHEQUE JEAN-MOULIN (Lyon 1er)",
        adresse="1 rue Jean Moulin",
        telephone="0478000000",
        horaires="Mo-Fr 10:00-18:00",
        source="Autre",
        latitude=45.7601,
        longitude=4.8351,
        date_maj="2023-09-01",
    )
    older = base(
        "m3",
        nom="Médiathèque Jean Moulin",
        telephone="0478999999",
        source="Ancien",
        latitude=45.76005,
        longitude=4.83505,
        date_maj="2019-01-01",
    )
    mairie = base(
        "m4", nom="Mairie de Lyon 1er", source="Mairies", latitude=45.76002, longitude=4.8350
    )
    far = base(
        "m5", nom="Médiathèque Jean Moulin", source="Loin", latitude=45.761, longitude=4.8350
    )
    no_coords = base(
        "m6",
        nom="Mediatheque Jean Moulin",
        adresse="m1 Rue de la République",
        source="SansGPS",
        latitude=None,
        longitude=None,
    )
    # fmt: skip
    first = write(tmp_path, "a.json", [old])
    second = write(tmp_path, "b.json", [new, older, mairie, far, no_coords])
    if separate_runs:  # the place is then loaded from the database, not from memory
        created = directory.import_files([first]).created
        report = directory.import_files([second])
        created += report.created
    else:
        report = directory.import_files([first, second])
        created = report.created
    assert (created, report.merged) == (3, 3)
    stored = places(directory)
    assert set(stored) == {"essai:m1", "mairies:m4", "loin:m5"}
    place = stored["essai:m1"]
    assert place.nom == "MEDIATHEQUE JEAN-MOULIN (Lyon 1er)"  # fresher source wins
    assert place.telephone == "+33478000000"  # the 2019 number did not overwrite it
    assert place.publics_specifiquement_adresses == "Seniors"
    assert place.source == "Essai|Autre|Ancien|SansGPS"
    with directory.Session() as s:
        provenance = dict(
            s.execute(
                select(FieldProvenance.field, FieldProvenance.source_id).where(
                    FieldProvenance.place_id == place.id
                )
            ).all()
        )
        records = s.execute(
            select(func.count()).select_from(PlaceSource).where(PlaceSource.place_id == place.id)
        ).scalar_one()
    assert records == 4
    assert provenance["nom"] == "m2" and provenance["telephone"] == "m2"
    assert provenance["publics_specifiquement_adresses"] == "m1"
    assert provenance["horaires"] == "m2"


def test_same_source_records_are_never_merged(directory, tmp_path):
    records = [base("s1", nom="Bus - [Place A]"), base("s2", nom="Bus - [Place A]")]
    report = directory.import_files([write(tmp_path, "f.json", records)])
    assert (report.created, report.merged) == (2, 0)


def test_records_of_one_door_are_one_place_and_two_services_in_a_building_are_two(
    directory, tmp_path
):
    rouen = dict(commune="Rouen", code_postal="76000", latitude=49.434955, longitude=1.098474)
    records = [
        base("d1", nom="France services Antenne de Rouen", adresse="8 bis Rue de l'Industrie",
             typologie="RFS", telephone="0621618818", **rouen),
        # Same source, another name, the address spelt otherwise, 3 m away: the same door.
        base("d2", nom="Bus France services Espace numérique 27", typologie="RFS",
             adresse="8 bis rue de l'Industrie Rouen", **{**rouen, "latitude": 49.43498}),
        base("d3", nom="France services Rouen-Média Formation", adresse="8bis r de l industrie",
             typologie="RFS", courriel="contact@media-formation.fr",
             horaires="Mo-Fr 09:30-12:30", **rouen),
        # Another service in the building: neither its name nor its kind is the desk's.
        base("d4", nom="Médiathèque du Plateau", adresse="8 bis rue de l'Industrie",
             typologie="BIB", **rouen),
        # Next door (another number), same kind of desk: another door.
        base("d5", nom="France services Rouen Gauche", adresse="10 rue de l'Industrie",
             typologie="RFS", **rouen),
        # One mairie written twice by one source.
        base("d6", nom="Mairie Sermoyer", adresse="39 Place du Marché", latitude=46.5,
             longitude=4.98),
        base("d7", nom="Mairie de Sermoyer", adresse="39 PL DU MARCHE", latitude=46.50001,
             longitude=4.98),
    ]  # fmt: skip
    report = directory.import_files([write(tmp_path, "f.json", records)])
    assert (report.created, report.merged, report.same_door) == (4, 3, 3)
    stored = places(directory)
    assert set(stored) == {"essai:d1", "essai:d4", "essai:d5", "essai:d6"}
    desk = stored["essai:d1"]
    # The richest fields of all three: the phone of one, the e-mail and hours of another.
    assert (desk.telephone, desk.courriels, desk.horaires) == (
        "+33621618818", "contact@media-formation.fr", "Mo-Fr 09:30-12:30")  # fmt: skip
    with directory.Session() as s:
        ids = s.execute(
            select(PlaceSource.source_id).where(PlaceSource.place_id == desk.id)
        ).scalars()
        assert sorted(ids) == ["d1", "d2", "d3"]
    # What a person near Rouen reads: three doors, the desk once.
    here = Location("Rouen", "commune", 49.4431, 1.0993, commune="Rouen")
    query = SearchQuery(("Aide aux démarches administratives",), here, limit=10)
    shown = [r.name for r in directory.search(query).results]
    assert sorted(shown) == ["France services Antenne de Rouen", "France services Rouen Gauche",
                             "Médiathèque du Plateau"]  # fmt: skip


def test_changed_record_updates_and_unchanged_is_skipped(directory, tmp_path):
    first = [base("u1", telephone="0400000000", labels_nationaux="CNFS"), base("u2")]
    directory.import_files([write(tmp_path, "f.json", first)])
    second = [
        base("u1", telephone=None, horaires="Mo 09:00-12:00", labels_nationaux="CNFS"),
        base("u2", labels_nationaux="Aidants Connect"),
    ]
    report = directory.import_files([write(tmp_path, "f.json", second)])
    assert (report.created, report.updated, report.unchanged) == (0, 2, 0)
    stored = places(directory)
    assert stored["essai:u1"].telephone is None  # the source removed it
    assert stored["essai:u1"].horaires == "Mo 09:00-12:00"
    with directory.Session() as s:
        people = s.execute(
            select(Mediator.role, Permanence.horaires, Place.public_id)
            .join(Permanence, Permanence.mediator_id == Mediator.id)
            .join(Place, Place.id == Permanence.place_id)
            .order_by(Place.public_id)
        ).all()
    assert [tuple(p) for p in people] == [
        ("Conseiller numérique", "Mo 09:00-12:00", "essai:u1"),  # follows the new hours
        ("Aidant habilité Aidants Connect", None, "essai:u2"),  # the new programme
    ]
    with directory.Session() as s:
        runs = s.execute(select(ImportRun).order_by(ImportRun.id)).scalars().all()
    assert [(r.created, r.updated) for r in runs] == [(2, 0), (0, 2)]
    assert all(r.finished_at for r in runs)


FS_HEADER = (
    '"id_fs","insee_dep","lib_fs","adresse","complement_adresse","insee_com","code_postal",'
    '"lib_com","latitude","longitude","mail","telephone","h_lundi","h_mardi","h_mercredi",'
    '"h_jeudi","h_vendredi","h_samedi","prise_rdv","commentaire","type_fs","format_fs",'
    '"groupe_fs","labellisation_fs"\n'
)


def test_france_services_list_is_detected_by_its_columns(directory, tmp_path):
    path = tmp_path / "liste.txt"
    path.write_text(
        FS_HEADER
        + '"7","2A","France services d\'Ajaccio","1 cours Napoléon",,"2A004","20000","Ajaccio",'
        '41.92,8.73,"a@fs.fr","04 95 00 00 00","09:00 - 12:00","9h00 - 12h00 / 14:00 - 17:30",'
        ',,"bientôt",,"Oui",,"Principal","Fixe",,""\n'
        '"8","2A","Bus France services du Taravo","Place",,"2A004","20000","Ajaccio",41.9,8.7,'
        ',"04 95 00 00 01","10:00 - 12:00",,,,,,"Non",,"Principal","Bus_équivalent",,""\n',
        encoding="utf-8",
    )
    report = directory.import_files([path])
    stored = places(directory)
    desk = stored["france-services-anct:7"]
    assert desk.horaires == "Mo 09:00-12:00; Tu 09:00-12:00,14:00-17:30"
    assert desk.horaires_valides is True and desk.departement == "2A"
    assert [(p.record, p.field) for p in report.problems] == [("7", "horaires")]
    bus = stored["france-services-anct:8"]
    with directory.Session() as s:
        mobile = s.execute(select(MobileService)).scalar_one()
    assert (mobile.kind, mobile.nom) == ("bus", "Bus France services du Taravo")
    assert bus.mobile_service_id == mobile.id and bus.itinerance == "Itinérant"


def test_standard_csv_with_semicolons(directory, tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_text(
        "id;nom;commune;code_postal;adresse;latitude;longitude;services;source;date_maj\n"
        "c1;EPN;Lyon;69001;1 rue A;45,76;4,83;Accéder à du matériel|Créer avec le numérique;"
        "CSV;2022-01-01\n"
        "c2;Mairie;Lyon;69002;2 rue B;45,75;4,83;Accéder à du matériel;CSV;2022-01-01;en trop\n",
        encoding="utf-8",
    )
    report = directory.import_files([path])
    assert [(p.record, p.severity) for p in report.problems] == [("c2", "warning")]
    assert "en trop" in report.problems[0].reason
    place = places(directory)["csv:c1"]
    assert place.latitude == pytest.approx(45.76)
    assert (
        place.services == "Accès internet et matériel informatique|Loisirs et créations numériques"
    )


def test_hours_written_as_a_french_sentence_are_stored_as_osm(directory, tmp_path, capsys):
    path = tmp_path / "lieux.csv"
    path.write_text(
        "id;nom;commune;code_postal;adresse;latitude;longitude;services;source;horaires\n"
        "h1;EPN;Lyon;69001;1 rue A;45,76;4,83;Accéder à du matériel;CSV;"
        "Du lundi au vendredi de 9h à 12h et de 14h à 17h, fermé le mercredi après-midi\n"
        "h2;Mairie;Lyon;69002;2 rue B;45,75;4,83;Accéder à du matériel;CSV;"
        "le matin sur rendez-vous\n"
        "h3;CCAS;Lyon;69003;3 rue C;45,74;4,83;Accéder à du matériel;CSV;Mo-Fr 08:30-12:00\n",
        encoding="utf-8",
    )
    report_file = tmp_path / "report.json"
    assert main(["--db", directory.url, "import", str(path), "--report", str(report_file)]) == 0
    stored = places(directory)
    assert len(stored) == 3  # no row lost
    epn, mairie, ccas = (stored[f"csv:h{n}"] for n in (1, 2, 3))
    assert epn.horaires == "Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 09:00-12:00"
    assert epn.horaires_valides is True
    # not a full schedule: kept as given, flagged invalid, one warning (as before)
    assert (mairie.horaires, mairie.horaires_valides) == ("le matin sur rendez-vous", False)
    assert (ccas.horaires, ccas.horaires_valides) == ("Mo-Fr 08:30-12:00", True)
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["hours_from_french"] == 1
    assert [(p["record"], p["field"]) for p in report["problems"]] == [("h2", "horaires")]
    assert "opening hours read from French sentences in 1 record(s)" in capsys.readouterr().out
    with directory.Session() as s:  # the source's words are kept with the record
        raw = s.execute(select(PlaceSource.raw).where(PlaceSource.source_id == "h1")).scalar_one()
    assert "fermé le mercredi après-midi" in json.loads(raw)["horaires"]


@pytest.mark.parametrize(
    "content",
    ["{not json", "a,b,c\n1,2,3\n", "", "[1, 2"],
    ids=["broken-json", "unknown-csv", "empty", "truncated-json"],
)
def test_unreadable_file_raises_and_changes_nothing(directory, tmp_path, content):
    directory.import_files([write(tmp_path, "ok.json", [base("k1")])])
    before = table_dump(directory)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFormatError, match="bad.json"):
        directory.import_files([write(tmp_path, "new.json", [base("k2")]), bad])
    assert table_dump(directory) == before


def test_missing_file_raises_import_format_error(directory, tmp_path):
    with pytest.raises(ImportFormatError, match="absent.json"):
        directory.import_files([tmp_path / "absent.json"])


def test_failure_mid_import_rolls_everything_back(directory, tmp_path, monkeypatch):
    directory.import_files([write(tmp_path, "ok.json", [base("k1")])])
    before = table_dump(directory)
    calls = {"n": 0}
    original = import_writer.Writer.write_people

    def explode(self, states):
        calls["n"] += 1
        if calls["n"] == 2:  # the first file is already written when the second one fails
            raise RuntimeError("disk full")
        return original(self, states)

    monkeypatch.setattr(import_writer.Writer, "write_people", explode)
    files = [
        write(tmp_path, "one.json", [base(f"n{i}", latitude=44 + i / 100) for i in range(50)]),
        write(tmp_path, "two.json", [base("k1", telephone="0400000000"), base("z")]),
    ]
    with pytest.raises(RuntimeError, match="disk full"):
        directory.import_files(files)
    assert calls["n"] == 2
    assert table_dump(directory) == before


def test_comma_split_only_between_known_labels():
    from directory_client.importer.vocab import split_list

    known = {"Accès, aide", "Ateliers", "Prêt"}.__contains__
    # "Accès, aide" is one label with a comma: it is not cut; "x, y" is unknown: kept whole.
    assert split_list("Accès, aide, Ateliers, Prêt", known) == ["Accès, aide", "Ateliers", "Prêt"]
    assert split_list("Ateliers, x, y", known) == ["Ateliers", "x, y"]
    assert split_list("Ateliers;Prêt|Accès, aide", known) == ["Ateliers", "Prêt", "Accès, aide"]


def test_a_position_far_from_its_commune_is_moved_to_the_commune(directory, tmp_path, capsys):
    # Real errors of the shipped data: a Marseille point on a desk of Ars-sur-Moselle (57), a
    # Bordeaux point on a library of Rennes. A wrong postcode with a right point (Remoulins is
    # 30210, not 30120) and a commune nobody can name are not the same case.
    records = [
        base("p1", commune="ARS-SUR-MOSELLE", code_postal="57130",
             latitude=43.298998, longitude=5.387081),
        base("p2", commune="Rennes", code_postal="35200", code_insee="35238",
             latitude=44.876163, longitude=-0.661998),
        base("p3", commune="Remoulins", code_postal="30120",
             latitude=43.938203, longitude=4.565032),
        base("p4", commune="Mairie", code_postal="24140", latitude=47.332417, longitude=1.243418),
        base("p5"),  # Lyon in Lyon
    ]  # fmt: skip
    report_file = tmp_path / "report.json"
    path = write(tmp_path, "f.json", records)
    assert main(["--db", directory.url, "import", str(path), "--report", str(report_file)]) == 0
    stored = places(directory)
    assert len(stored) == 5  # no row lost
    ars, rennes = stored["essai:p1"], stored["essai:p2"]
    assert (ars.latitude, ars.longitude) == (49.08534, 6.04827)  # the gazetteer's centre
    assert (rennes.latitude, rennes.longitude) == (48.112, -1.68)  # its town hall (big commune)
    assert ars.lat_band == math.floor(ars.latitude * 20)  # the search's box finds it there
    assert (stored["essai:p3"].latitude, stored["essai:p5"].latitude) == (43.938203, 45.76)
    unknown = stored["essai:p4"]  # no commune "Mairie" at 24140: found by its postcode only
    assert (unknown.latitude, unknown.longitude, unknown.code_postal) == (None, None, "24140")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["positions_repaired"] == 3
    warned = {p["record"]: p["reason"] for p in report["problems"] if p["field"] == "latitude"}
    assert set(warned) == {"p1", "p2", "p4"}
    assert "à 645 km de la commune Ars-sur-Moselle, remplacée" in warned["p1"]
    assert "positions far from their commune repaired in 3 record(s)" in capsys.readouterr().out
