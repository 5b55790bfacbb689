"""A request for today or tonight (t194 B15: "URGENT … avant ce soir minuit et j'ai pas
d'ordi, Nanterre") answered with places all closed until tomorrow: said first, in one sentence,
with the national helpline when it answers at this hour; nothing said when a place opens again
today."""

from __future__ import annotations

from datetime import datetime

import pytest

from directory_client import hours, labels
from tests.actions.talk import request_in, rest_text

MONDAY_1930 = datetime(2026, 12, 7, 19, 30, tzinfo=hours.PARIS)
TONIGHT = ["je dois envoyer mon dossier avant ce soir minuit et j'ai pas d'ordinateur, Nanterre",
           "c'est urgent il faut imprimer mon attestation aujourd'hui, Nanterre",
           "besoin d'un ordi pour finir ma candidature d'ici ce soir, Nanterre",
           "remplir un formulaire en ligne avant minuit sans ordinateur, Nanterre"]  # fmt: skip
NONE_TODAY = "Aucun de ces lieux n'ouvre encore aujourd'hui"


@pytest.mark.parametrize("message", TONIGHT)
def test_tonight_with_every_place_closed_is_said_first(real, monkeypatch, message):
    monkeypatch.setattr(hours, "now_paris", lambda: MONDAY_1930)
    _, msgs = request_in(message, "Nanterre")
    said = rest_text(msgs)
    assert said.startswith(NONE_TODAY), said
    assert "l'aide par téléphone est fermée à cette heure" in said.split("\n")[0], said


def test_the_helpline_first_when_it_answers(real, monkeypatch):
    """A helpline answering until 20 h (its hours: ``labels.HELPLINE["hours"]``): given first."""
    monkeypatch.setattr(hours, "now_paris", lambda: MONDAY_1930)
    monkeypatch.setitem(labels.HELPLINE, "hours", "Mo-Fr 09:00-20:00")
    _, msgs = request_in(TONIGHT[0], "Nanterre")
    first = rest_text(msgs).split("\n")[0]
    assert first == (f"{NONE_TODAY} : pour aujourd'hui, appelez d'abord Solidarité Numérique au "
                     "01 70 77 23 72 (aide gratuite, prix d'un appel normal, jusqu'à "
                     "20 h)."), first  # fmt: skip


def test_no_deadline_said_nothing_added(real, monkeypatch):
    monkeypatch.setattr(hours, "now_paris", lambda: MONDAY_1930)
    _, msgs = request_in("j'ai pas d'ordinateur pour mes démarches, Nanterre", "Nanterre")
    assert NONE_TODAY not in rest_text(msgs)
