"""A professional's framing hides no request: "Bonjour je suis conseillère à la mairie, j'ai une
dame de 75 ans qui doit faire sa demande de retraite de réversion et n'a pas d'ordinateur, on est à
Lectoure" got "de quoi avez-vous besoin ?" at the desk; without the "conseillère…" it got France
services Lectoure for the retraite and a computer on site. Where the writer works is no procedure
to do; the request of the person they help, said after it, is read (chat and desk alike)."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from bot.staff import triage as T
from tests.conftest_actions import ask

FRAMED = [
    ("Bonjour je suis conseillère à la mairie, j'ai une dame de 75 ans qui doit faire sa demande "
     "de retraite de réversion et n'a pas d'ordinateur, on est à Lectoure",
     ["demarches", "materiel_usage"], "reversion", "Lectoure"),
    ("je suis assistante sociale au CCAS, j'ai un monsieur qui doit refaire sa carte grise, "
     "il a pas d'ordinateur, Auch", ["demarches", "materiel_usage"], "carte_grise", "Auch"),
    ("je suis secrétaire de mairie, un monsieur de 80 ans doit déclarer ses impôts en ligne, "
     "il habite Auch", ["demarches"], "impots", "Auch"),
    ("je suis bénévole au secours populaire et une famille doit faire sa demande de RSA, "
     "Lectoure", ["demarches"], "rsa", "Lectoure"),
]  # fmt: skip


@pytest.mark.parametrize(("note", "needs", "procedure", "town"), FRAMED)
def test_the_desk_reads_the_request_after_the_writers_framing(real, locator, note, needs,
                                                             procedure, town):  # fmt: skip
    outcome = T.triage(note, real, locator)
    assert list(outcome.situation.need_keys) == needs
    assert outcome.situation.procedure is not None
    assert outcome.situation.procedure.key == procedure
    assert not outcome.situation.need_guessed
    assert outcome.location is not None and outcome.location.commune == town
    assert outcome.results


@pytest.mark.parametrize(("note", "needs", "procedure", "town"), FRAMED)
def test_the_chat_reads_the_request_after_the_writers_framing(real, note, needs, procedure, town):
    read, reco, buttons = ask(note)
    assert "de quoi avez-vous besoin" not in read.lower(), read
    assert reco is not None, read
    assert reco["need"] == [needs_mod.NEEDS[k].service for k in needs]
    assert reco["location"]["commune"] == town


@pytest.mark.parametrize(
    "note",
    ["je suis conseillère à France Travail, je cherche des lieux pour mes usagers",
     "je suis agent à la CAF, où orienter les gens qui n'ont pas internet ?"],
)  # fmt: skip
def test_where_the_writer_works_is_still_no_procedure(note):
    assert needs_mod.read(note).procedures == []
