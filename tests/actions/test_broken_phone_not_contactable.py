"""A place whose only contact is a number no one can dial ("+3321276098", a digit missing) is
as unreachable as one with no contact (the one phone rule, directory_client/phones.py: the person
is given no number to call): on the first page the person reads, the place equal to it but for a
real phone, a little farther, comes before it. Real SQLite directory, the action as the action
server runs it."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.actions.test_care_chat import answer_in_lyon
from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
)
from tests.places import make_place

COMPUTER = (labels.OUTILS_QUOTIDIEN,)


# The ranking scores contact in SQL: the phone counts through ``Place.telephone_joignable``,
# derived from ``phones.dialable`` wherever the phone is written.
@pytest.mark.parametrize("broken", ["+3321276098", "0478", "à venir", "00 00 00 00 00", None])
def test_a_place_with_a_real_phone_comes_before_one_with_a_broken_number(directory, broken):
    with directory.Session() as session:
        make_place(session, "Numéro cassé", km_east=1.0, services=COMPUTER, telephone=broken)
        make_place(session, "Proche 1", km_east=1.1, services=COMPUTER, telephone="04 78 00 00 01")
        make_place(session, "Proche 2", km_east=1.2, services=COMPUTER, telephone="04 78 00 00 02")
        make_place(session, "Numéro valable", km_east=1.5, services=COMPUTER,
                   telephone="04 78 12 34 56")  # fmt: skip
        session.commit()
    said, body = answer_in_lyon("j'ai besoin d'aide pour apprendre l'ordinateur")
    assert [r["name"] for r in body["results"]] == ["Proche 1", "Proche 2", "Numéro valable"], said
