"""Desk: "ouvert maintenant" when nothing near is open gave « Aucun lieu trouvé. »; the chat gives
the near places, with when they open, and says so. The desk takes the chat's rule and sentence."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions import formatting as fmt
from bot.staff.triage import RADIUS_KM, parse, triage
from directory_client import Locator

NIGHT = datetime(2026, 12, 6, 23, 30, tzinfo=ZoneInfo("Europe/Paris"))  # a Sunday night


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize("note", [
    "dossier caf urgent, ouvert maintenant, Rennes",
    "besoin d'imprimer un billet tout de suite, Bordeaux",
    "monsieur 70 ans retraite ouvert maintenant 13001",
])
def test_nothing_open_now_near_gives_the_near_places_and_the_chats_sentence(real, note):
    directory, locator = real
    outcome = triage(note, directory, locator, now=NIGHT)
    situation = parse(note)
    assert situation.open_now
    assert outcome.results, outcome.notes
    assert all(r.distance_km is not None and r.distance_km <= RADIUS_KM for r in outcome.results)
    assert all(r.opening.open_now is not True for r in outcome.results)
    procedure = situation.procedure.key if situation.procedure else None
    chat = fmt.intro_text(len(outcome.results), where=fmt.near(outcome.location.to_dict()),
                          what=fmt.need_phrase(list(situation.need_keys), procedure),
                          constraints=["ouvert_maintenant"], relaxed=["ouvert_maintenant"])
    assert chat.startswith("Aucun lieu n'est ouvert en ce moment")
    assert chat.removesuffix(" :") + "." in outcome.notes, outcome.notes


@pytest.mark.parametrize("note", [
    "cherche un emploi, refaire son CV, ouvert maintenant, Béthune",
    "jeune 20 ans, candidatures et CV, tout de suite, Arras",
    "monsieur cherche du travail, lettre de motivation, ouvert maintenant, Douai",
])
def test_a_need_no_place_declares_open_now_gets_general_help_near_with_when_it_opens(real, note):
    """No place near announces the need (the chat's general help instead) and none is open now:
    the near places with when they open, and the chat's sentence, never « Aucun lieu trouvé »."""
    directory, locator = real
    outcome = triage(note, directory, locator, now=NIGHT)
    assert parse(note).open_now
    assert outcome.results, outcome.notes
    assert all(r.distance_km is not None and r.distance_km <= RADIUS_KM for r in outcome.results)
    assert all(r.opening.open_now is not True for r in outcome.results)
    assert any(n.startswith("Aucun lieu n'est ouvert en ce moment") for n in outcome.notes), \
        outcome.notes
