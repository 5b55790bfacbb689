"""France Travail (ex Pôle emploi), its actualisation and its registration are read as that
procedure by the one reader (actions.needs), so the desk note and the chat both get its list of
what to bring, however the name is written ("France-Travail", "pole-emploi", "francetravail")."""

from __future__ import annotations

import pytest

from actions import needs
from bot.staff import triage

NOTES = [
    "Mme D., France Travail, actualisation, Rennes",
    "Mme D., France-Travail, Rennes",
    "M. L., pole-emploi, Rennes",
    "M. L., inscription francetravail.fr, Rennes",
    "Mme D., Pôle-Emploi, actualisation, Rennes",
]


@pytest.mark.parametrize("note", NOTES)
def test_the_desk_note_picks_france_travail(note):
    situation = triage.parse(note)
    assert situation.procedure is not None and situation.procedure.key == "france_travail"
    assert "votre identifiant France Travail et votre mot de passe" in situation.documents
    assert "Rennes" in situation.place_texts


@pytest.mark.parametrize(
    "text", ["je dois m'inscrire sur pole-emploi", "mon compte France-Travail est bloqué"]
)
def test_the_chat_reads_france_travail(text):
    assert needs.detect(text).procedures == ["france_travail"]
