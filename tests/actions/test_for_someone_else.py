"""A request made for someone else ("pour ma mère", "mon grand-père", "pour ma voisine"): what to
bring and the sentence before the places speak of that person ("sa pièce d'identité", "ses
démarches"), not of the writer's own ("votre"). Real SQLite directory."""

from __future__ import annotations

import pytest

from bot.staff import catalogue
from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
    run_as_the_action_server,
    tracker,
)
from tests.places import LYON_SLOT, make_place


def _answer(directory, text: str) -> tuple[str, dict]:
    with directory.Session() as session:
        make_place(session, "France Services de Lyon", km_east=1.0)
        session.commit()
    answer = run_as_the_action_server(tracker(text, "ask_help", slots={"location": LYON_SLOT}))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    return said, body


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("je voudrais refaire la carte d'identité de ma mère", "son ancienne pièce d'identité"),
        ("mon grand-père doit renouveler son passeport", "son ancienne pièce d'identité"),
        ("c'est pour ma voisine, sa demande de RSA", "ses justificatifs de ressources"),
    ],
)
def test_what_to_bring_speaks_of_the_relative(directory, text, item):
    said, body = _answer(directory, text)
    bring = " ".join(body["bring"])
    assert item in bring
    assert "votre" not in bring and "vos " not in bring and "vous" not in bring
    assert "pour ses " in said and "pour vos " not in said


def test_ones_own_request_keeps_votre(directory):
    said, body = _answer(directory, "je voudrais refaire ma carte d'identité")
    assert "votre ancienne pièce d'identité" in body["bring"]
    assert "pour vos " in said


def test_the_list_said_for_someone_else_is_still_known_to_the_keep_page(directory):
    _, body = _answer(directory, "c'est pour ma voisine, sa demande de RSA")
    kept = catalogue.for_bring(body["bring"])
    assert kept is not None and kept.key == "rsa"
    assert list(kept.documents) == body["bring"]


# The relative written in two words ("ma grand mère", "mon beau père"): still someone else, our
# sentence about the need says "se servir de son téléphone", not "vous servir de votre".
@pytest.mark.parametrize(
    "text",
    [
        "ma grand mère voudrait apprendre à se servir de son téléphone",
        "mon beau pere veut apprendre a utiliser sa tablette",
        "mon arriere grand pere voudrait apprendre à se servir d'un smartphone",
    ],
)
def test_a_relative_in_two_words_is_not_addressed_as_vous(directory, text):
    said, _body = _answer(directory, text)
    assert "se servir de son téléphone" in said, said
    assert "vous servir" not in said and "votre" not in said, said
