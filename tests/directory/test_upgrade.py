"""A directory built by an older release — its ``place`` table without the columns added since
(``directory_client.upgrade``) — keeps working once upgraded: opened by the new code, its place
whose only phone cannot be dialled ("0478") no longer comes before a place with a real phone,
and the upgrade is done (and said) once. Real SQLite file and the real PostgreSQL on loopback."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import MetaData, Table, create_engine, insert, text
from sqlalchemy.engine import make_url

from directory_client import Directory, labels
from directory_client.geo import lat_band
from directory_client.models import Base
from tests.directory.test_search import ask, names
from tests.places import offset

COMPUTER = (labels.OUTILS_QUOTIDIEN,)


@pytest.fixture(params=["sqlite", "postgresql"])
def old_database(request, tmp_path) -> str:
    """The URL of an empty database of its own (a SQLite file; a PostgreSQL database)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'directory.sqlite3'}"
    request.applymarker(pytest.mark.postgres)
    url = make_url(request.getfixturevalue("postgres_url"))
    admin = create_engine(url, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS upgrade_test"))
        connection.execute(text("CREATE DATABASE upgrade_test"))
    admin.dispose()
    return url.set(database="upgrade_test").render_as_string(hide_password=False)


def build_first_release(url: str) -> None:
    """The tables as the first release made them: ``place`` without ``telephone_joignable``,
    and four places written as that release wrote them."""
    engine = create_engine(url, future=True)
    old = MetaData()
    for table in Base.metadata.sorted_tables:
        if table.name != "place":
            table.to_metadata(old)
    Table("place", old, *[c._copy() for c in Base.metadata.tables["place"].columns
                          if c.name != "telephone_joignable"])  # fmt: skip
    old.create_all(engine)
    rows = []
    for number, (name, km, phone) in enumerate([
        ("Numéro cassé", 1.0, "0478"),
        ("Proche 1", 1.1, "+33478000001"),
        ("Proche 2", 1.2, "+33478000002"),
        ("Numéro valable", 1.5, "+33478123456"),
    ]):  # fmt: skip
        lat, lon = offset(km_east=km)
        rows.append({
            "public_id": f"old:{number}", "nom": name, "services": "|".join(COMPUTER),
            "services_mask": labels.services_mask(COMPUTER), "latitude": lat, "longitude": lon,
            "lat_band": lat_band(lat), "telephone": phone, "commune": "Lyon",
            "code_postal": "69001", "code_insee": "69123", "departement": "69",
            "adresse": f"{number} rue de la République",
        })  # fmt: skip
    with engine.begin() as connection:
        connection.execute(insert(old.tables["place"]), rows)
    engine.dispose()


def test_an_older_directory_is_upgraded_once_and_ranks_the_broken_phone_as_unreachable(
    old_database, caplog
):
    build_first_release(old_database)
    with caplog.at_level(logging.WARNING, logger="directory_client.upgrade"):
        directory = Directory(old_database)
        again = Directory(old_database)
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1 and "place.telephone_joignable added" in said[0], said
    assert "4 rows filled" in said[0], said
    assert again.upgraded == []
    response = ask(directory, COMPUTER)
    assert names(response)[:3] == ["Proche 1", "Proche 2", "Numéro valable"], names(response)
    again.close()
    directory.close()


def test_make_runs_load_step_upgrades_the_directory_of_an_older_clone(tmp_path, capfd):
    """``make run`` on a clone whose var/directory.sqlite3 an older release built: the load step
    (``bot.runner.ensure_directory``) upgrades it before the assistant starts, and says so."""
    import os

    from bot.runner import ensure_directory
    from bot.settings import Settings

    env = {**os.environ, "ORIENTEUR_DATA_DIR": str(tmp_path)}
    env.pop("DIRECTORY_DATABASE_URL", None)
    settings = Settings.from_env(env)
    build_first_release(f"sqlite:///{settings.directory_sqlite_path}")
    ensure_directory(settings, env)
    assert "place.telephone_joignable added" in capfd.readouterr().err
    ensure_directory(settings, env)
    assert "directory up to date" in capfd.readouterr().out
    directory = Directory(f"sqlite:///{settings.directory_sqlite_path}")
    assert directory.upgraded == []
    assert names(ask(directory, COMPUTER))[:3] == ["Proche 1", "Proche 2", "Numéro valable"]
    directory.close()
