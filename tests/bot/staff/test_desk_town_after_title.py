"""A town written after a comma was thrown away when a title ended the part before it: "on a
piraté la messagerie de madame, Tours" → « Lieu non reconnu » (the title guard of
``directory_client.town_words.names_no_town`` read "madame, Tours" as "Madame Tours"). The desk
and the chat read the note with the same guard: both find the town."""

from __future__ import annotations

import pytest

from actions.location_reply import guess_place
from bot.staff.triage import triage
from directory_client import Locator

NOTES = [
    ("on a piraté la messagerie de madame, Tours", "Tours"),
    ("compte ameli piraté, c'est pour monsieur, Angers", "Angers"),
    ("arnaque au faux conseiller bancaire chez Mme; Lens", "Lens"),
    ("on a volé le mot de passe de mademoiselle (Nice)", "Nice"),
    ("femme battue par son conjoint, il contrôle son portable, Toulouse", "Toulouse"),
    ("violences conjugales, il lit tous ses messages, sa, Amiens", "Amiens"),
]


@pytest.fixture(scope="module")
def real(embedded_directory):
    return embedded_directory, Locator(directory=embedded_directory)


@pytest.mark.parametrize(("note", "town"), NOTES)
def test_the_desk_finds_the_town_after_a_title(real, note, town):
    directory, locator = real
    outcome = triage(note, directory, locator)
    assert not any("Lieu non reconnu" in n for n in outcome.notes), outcome.notes
    assert outcome.location is not None and outcome.location.commune == town
    assert outcome.results


@pytest.mark.parametrize(("note", "town"), NOTES)
def test_the_chat_reads_the_same_town(note, town):
    guessed = guess_place(note)
    assert guessed is not None and guessed[1].best.commune == town, guessed


@pytest.mark.parametrize("note", ["Mme Tours a perdu son mot de passe", "M. Nice, dossier caf",
                                  "pour madame Lens, carte vitale"])
def test_a_title_before_the_name_is_still_a_person(real, note):
    _, locator = real
    directory, _ = real
    outcome = triage(note, directory, locator)
    assert outcome.location is None or outcome.location.commune not in ("Tours", "Nice", "Lens")
