"""Whom a place is for (directory_client/search/publics.py): the SQL of the ranking and the
Python rule agree on every record of the shipped files, and a place for another public is never
left out — far enough down the list, it is there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from directory_client import Locator
from directory_client.models import Place
from directory_client.search import publics
from tests.directory.pages import pages_of


@pytest.fixture(scope="module")
def locator(embedded_directory):
    return Locator(directory=embedded_directory)


@pytest.mark.parametrize(
    ("who", "cares"), [((), ()), (("Seniors",), ()), (("Jeunes",), ()), ((), ("Illettrisme",))]
)
def test_the_sql_and_the_python_rule_agree(embedded_directory, who, cares):
    with embedded_directory.Session() as session:
        rows = session.execute(select(Place, publics.others_sql(who, cares))).all()
    differ = [p.nom for p, sql in rows if bool(sql) != publics.excludes(p, who, cares)]
    assert not differ, differ[:10]
    if not who and not cares:
        assert sum(bool(sql) for _p, sql in rows) > 40  # the Missions Locales at least


def test_the_declared_public_decides_before_the_name(embedded_directory):
    with embedded_directory.Session() as session:
        places = session.scalars(select(Place).where(Place.nom.like("%mission locale%"))).all()
    declared = {p.nom: publics.excludes(p) for p in places if p.publics_accueillis}
    # "Adultes|Jeunes (16-26 ans)": adults welcome; "Jeunes (16-26 ans)|Surdité…": youth only
    assert declared["Mission Locale Sud Ouest Lyonnais"] is False
    assert declared["Mission Locale de Brioude"] is True


def test_a_place_for_another_public_is_still_given_when_the_list_goes_that_far(
    embedded_directory, locator
):
    listed = pages_of(embedded_directory, locator, "Auxerre", ["quotidien"], pages=12)
    names = [r.name for r in listed]
    first = next(i for i, n in enumerate(names) if "Mission Locale" in n)
    assert first >= 3, names
