"""Data typed alone is never danger (helper e183): a date (« le 18/11 », « né le 15/11/1945 »,
« mardi 15 »), an hour, a street address (« 17 rue Victor Hugo »), a postcode given with its
words (« code postal 15000 »), an age (« 18 ans ») got the emergency message (112, 15, 17, 3114)
when the NLU read them as ``emergency``: its examples teach « appelez le 15 », « le 17 », « 41 de
fièvre », so two digits can pull a message there. Only a phone number had a rule of its own in the
emergency action; one module now owns them all (actions/safety/data_given.py). A danger said
beside data still gets the numbers. Real actions, real directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, list_in, numbers_given, rest_text

_DATA = [
    "le 18/11",
    "né le 15/11/1945",
    "11/11/2024",
    "15/01",
    "mardi 15",
    "le 15 à 17h",
    "demain à 15h",
    "17 rue Victor Hugo",
    "15 rue de la Paix",
    "j'habite au 18 avenue Jean Jaurès",
    "c'est le 112 rue de la république",
    "3 rue du 11 novembre",
    "code postal 15000",
    "18 ans",
    "06 17 11 21 15",
    "01 45 67 89 12",
]


@pytest.mark.parametrize("message", _DATA)
def test_data_alone_read_as_emergency_gets_no_numbers(real, message):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    assert not {"emergency", "danger_check"} & set(kinds(msgs)), said[:300]
    assert "112" not in said and "danger" not in said, said[:300]


@pytest.mark.parametrize("message", ["le 18/11", "17 rue Victor Hugo", "né le 15/11/1945"])
def test_data_alone_after_a_list_gets_no_numbers(real, message):
    talk, _ = list_in("aide pour les impôts à Vierzon", "Vierzon")
    msgs = talk.say(message, "emergency")
    said = rest_text(msgs)
    assert not {"emergency", "danger_check"} & set(kinds(msgs)), said[:300]
    assert "112" not in said, said[:300]


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("au secours, il me frappe, j'habite au 17 rue Victor Hugo", "17"),
        ("ma mère ne respire plus, 15 rue de la Paix", "15"),
        ("mon mari me menace, le 18/11 il a dit qu'il me tuerait", "17"),
    ],
)
def test_a_danger_beside_data_still_gets_the_numbers(real, message, number):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    assert kinds(msgs) == ["emergency"], said[:300]
    assert number in numbers_given(msgs), said[:300]
