"""What a first page holds, as a tester played it: two needs in one message (Beauvais: carte
grise + learning the phone, three places doing paperwork only under an intro claiming both),
a département said ("la Creuse": places of the Allier and the Indre "dans la Creuse"), and
"liste" after "d'autres lieux" (the whole list seen, 1 to 6, not 4 to 6). Real actions on the
embedded directory."""

from __future__ import annotations

import re

import pytest

from directory_client.importer.fields import departement
from tests.actions.test_after_places import Talk, payloads
from tests.conftest_actions import ask


@pytest.mark.parametrize("text", [
    "aide pour mes papiers de la caf et pour apprendre à utiliser ma tablette à Arras",
    "je dois refaire mon permis de conduire et apprendre a me servir de mon portable a Creil",
    "dossier de retraite et apprendre l'ordinateur à Douai",
])  # fmt: skip
def test_each_need_has_its_places(real, text):
    """Every need asked is done by some place listed, or the intro says none announces it; the
    intro says which does which when no place does them all."""
    read, payload, _ = ask(text)
    assert payload and len(payload["need"]) >= 2, (read, payload)
    offered = {s for r in payload["results"] for s in r["services"]}
    missing = [n for n in payload["need"] if n not in offered]
    assert not missing or "n'annonce" in read, (read, missing)
    doing_all = [r for r in payload["results"] if set(payload["need"]) <= set(r["services"])]
    if not doing_all:
        assert payload.get("apart"), (read, payload)


@pytest.mark.parametrize("need, where, code", [
    ("apprendre à utiliser mon ordinateur", "l'Indre", "36"),
    ("aide pour mes démarches en ligne", "le Cher", "18"),
    ("apprendre à me servir de mon téléphone", "l'Allier", "03"),
])  # fmt: skip
def test_departement_places_first(real, need, where, code):
    """A page said "dans …" / "en …" a département holds places of it while it has some."""
    talk = Talk()
    talk.say(f"{need} dans {where}")
    msgs = talk.say("peu importe")
    lists = payloads(msgs)
    if not lists:  # asked nothing more: the list came with the first message
        lists = payloads(talk.say(f"{need} dans {where}"))
    [payload] = lists
    codes = [departement(None, (re.search(r"\b\d{5}\b", r["address"]) or [""])[0])
             for r in payload["results"]]
    assert codes and all(c == code for c in codes), codes


@pytest.mark.parametrize("again", ["liste", "revoir la liste", "la liste"])
def test_list_again_whole_list(real, again):
    talk = Talk()
    talk.say("apprendre à utiliser internet à Rouen")
    talk.say("d'autres lieux", "more_results")
    [payload] = payloads(talk.say(again, "inform"))
    assert [r["number"] for r in payload["results"]] == [1, 2, 3, 4, 5, 6], payload


@pytest.mark.parametrize("text, code", [
    ("apprendre à me servir de mon smartphone dans la Creuse", "23"),
    ("apprendre à utiliser un ordinateur en Creuse", "23"),
    ("trouver du travail avec internet dans la Creuse", "23"),
])  # fmt: skip
def test_departement_never_said_of_a_place_outside(real, text, code):
    """Few places in the département: the places outside it are not said "dans la Creuse"."""
    talk = Talk()
    msgs = talk.say(text)
    if not payloads(msgs):  # the way asked first
        msgs = talk.say("peu importe")
    [payload] = payloads(msgs)
    read = " ".join(m.get("text") or "" for m in msgs)
    codes = [departement(None, (re.search(r"\b\d{5}\b", r["address"]) or [""])[0])
             for r in payload["results"]]
    assert codes, read
    if any(c != code for c in codes):
        assert "Creuse et alentour" in read, (read, codes)
    assert codes[0] == code or all(c != code for c in codes), codes
