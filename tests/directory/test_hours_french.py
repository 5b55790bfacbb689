"""French opening-hours sentences, as people and desk staff write them, read into the OSM
opening_hours the directory stores — or None when the sentence is not a full, unambiguous
schedule (the caller then keeps the words)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directory_client.hours import is_valid, opening_status
from directory_client.hours_french import to_osm
from tests.directory.test_hours import paris

READ = [
    ("du lundi au vendredi de 9h à 12h et de 14h à 17h", "Mo-Fr 09:00-12:00,14:00-17:00"),
    ("lundi, mardi et jeudi 9h-12h30", "Mo,Tu,Th 09:00-12:30"),
    ("le mercredi de 14 h à 18 h, le samedi de 9h à midi", "We 14:00-18:00; Sa 09:00-12:00"),
    # = Mo-Tu,Th-Fr 09:00-17:00: runs of two days are written as a list
    ("du lundi au vendredi 9h-17h sauf le mercredi", "Mo,Tu,Th,Fr 09:00-17:00"),
    ("du lundi au vendredi sauf le mercredi, de 9h à 17h", "Mo,Tu,Th,Fr 09:00-17:00"),
    ("tous les jours de 8h à 20h", "Mo-Su 08:00-20:00"),
    ("7j/7 de 8h à 20h", "Mo-Su 08:00-20:00"),
    ("DU LUNDI AU VENDREDI DE 9H A 12H", "Mo-Fr 09:00-12:00"),
    ("du lundi au vendredi de 9 heures à 12 heures 30", "Mo-Fr 09:00-12:30"),
    ("Du Lundi au Vendredi 9:00-12:00 / 14:00-17:00", "Mo-Fr 09:00-12:00,14:00-17:00"),
    ("du lundi au vendredi de 8h30 à 12h et de 13h30 à 16h30", "Mo-Fr 08:30-12:00,13:30-16:30"),
    ("du lundi au vendredi de 9 à 12h", "Mo-Fr 09:00-12:00"),
    ("le samedi entre 9h et 12h", "Sa 09:00-12:00"),
    ("de 9h à 17h du lundi au vendredi", "Mo-Fr 09:00-17:00"),
    ("le week-end de 10h à 18h", "Sa,Su 10:00-18:00"),
    ("le lundi de 18h à minuit", "Mo 18:00-24:00"),
    ("Lundi matin de 9h à 12h, jeudi après-midi de 14h à 17h", "Mo 09:00-12:00; Th 14:00-17:00"),
    ("en fait c'est ouvert du lundi au vendredi de 9h à 12h", "Mo-Fr 09:00-12:00"),
    ("du lundi au samedi de 9h à 12h, fermé le mercredi", "Mo,Tu,Th-Sa 09:00-12:00"),
    ("Fermé le lundi. Du mardi au samedi 9h-12h et 14h-18h.", "Tu-Sa 09:00-12:00,14:00-18:00"),
    ("lundi : fermé ; mardi au vendredi 9h-12h", "Tu-Fr 09:00-12:00"),
    (
        "du lundi au vendredi de 9h à 12h et de 14h à 17h, fermé le mercredi après-midi",
        "Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 09:00-12:00",
    ),
    (
        "du lundi au vendredi de 9h à 17h, le mercredi de 9h à 12h",
        "Mo,Tu,Th,Fr 09:00-17:00; We 09:00-12:00",
    ),  # fmt: skip
    ("du lundi au vendredi de 9h à 17h, fermé les jours fériés", "Mo-Fr 09:00-17:00; PH off"),
    ("du samedi au lundi 10h-12h", "Mo,Sa,Su 10:00-12:00"),
    ("fermé le lundi et le mardi, le mercredi 9h-12h", "We 09:00-12:00"),
    ("du lundi au vendredi de 9h à 17h sauf les jours fériés", "Mo-Fr 09:00-17:00; PH off"),
    ("les horaires ont été changés : du lundi au vendredi 9h-12h", "Mo-Fr 09:00-12:00"),
]

NOT_A_SCHEDULE = [
    "fermé le mercredi",  # a closure alone: a partial fact, not the week's hours
    "le matin",
    "l'après-midi",
    "lundi et mardi",
    "du lundi au vendredi",
    "de 9h à 12h",
    "ils ouvrent à 9h pas 8h30",
    "du lundi au vendredi 9h-12h, l'après-midi sur rendez-vous",
    "du lundi au vendredi de 9h à 17h sauf pendant les vacances scolaires",
    "le jeudi de 14h à 17h une semaine sur deux",
    "du lundi au vendredi sauf de 12h à 14h",
    "lundi 14h-12h",  # ends before it starts
    "du lundi au vendredi 9h-17h, fermé le mercredi après-midi",  # which part of 9h-17h?
    "du lundi au vendredi de 9h à 12h, le mercredi de 14h à 17h",  # added or instead?
    "ouvert du mardi au samedi de 10h à 19h, jusqu'à 21h le vendredi",
    "le 3 mai de 9h à 12h",
    "en été du lundi au vendredi de 9h à 12h",
    "les jours fériés de 9h à 12h",
    "fermé le lundi et le mardi 9h-12h",  # the Tuesday: closed or open 9h-12h?
    "",
]


@pytest.mark.parametrize(("sentence", "osm"), READ)
def test_a_french_schedule_is_read_into_valid_osm_hours(sentence, osm):
    assert to_osm(sentence) == osm
    assert is_valid(osm)


@pytest.mark.parametrize("sentence", NOT_A_SCHEDULE)
def test_anything_short_of_a_full_unambiguous_schedule_is_not_read(sentence):
    assert to_osm(sentence) is None


def test_accents_missing_read_the_same():
    assert to_osm("ferme le mercredi, du lundi au samedi de 9h a 12h et de 14h a 17h") == (
        "Mo,Tu,Th-Sa 09:00-12:00,14:00-17:00"
    )


def test_the_read_hours_say_when_the_place_opens():
    hours = to_osm("le mercredi de 14 h à 18 h, le samedi de 9h à midi")
    assert opening_status(hours, paris(2024, 5, 15, 10, 0)).text == "Fermé. Ouvre à 14 h"
    assert opening_status(hours, paris(2024, 5, 15, 19, 0)).text == "Fermé. Ouvre samedi à 9 h"


WORDS = [
    "lundi", "mardi", "Mercredi", "jeudis", "vendredi", "samedi", "dimanche", "du", "au", "à",
    "de", "et", ",", ".", "-", "le", "les", "9h", "12h30", "14 h", "17:00", "midi", "minuit", "9",
    "fermé", "sauf", "matin", "après-midi", "jours fériés", "tous les jours", "week-end",
    "entre", "ouvert", "vacances", "1er",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16))
def test_whatever_the_words_the_answer_is_valid_osm_or_none(words):
    osm = to_osm(" ".join(words))
    assert osm is None or is_valid(osm)
