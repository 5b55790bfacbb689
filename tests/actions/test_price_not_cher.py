"""A price is no place: "pas cher", "pas chère", "moins cher", "trop chers" never name the Cher
(18). At the desk "monsieur veut ordi pas cher, Aubusson" asked "Quelle est votre commune dans le
Cher ?" and gave places in Bourges; the chat asked Aubusson (23) or (61). One understanding, the
chat's and the desk's (``directory_client.town_words``); "Vierzon" (in the Cher) stays Vierzon,
"dans le Cher" stays the département."""

from __future__ import annotations

import re

import pytest

from bot.staff import triage as T
from directory_client.town_words import names_no_town
from tests.conftest_actions import (
    ask,
    ent,
)

# (note, the commune read, or the homonyms asked for)
NOTES = [
    ("monsieur veut ordi pas cher, Aubusson", ("Aubusson (23)", "Aubusson (61)")),
    ("tablette pas chère, Guéret", "Guéret"),
    ("le moins cher possible à Vierzon", "Vierzon"),
    ("dame cherche un portable pas trop cher, Aubusson", ("Aubusson (23)", "Aubusson (61)")),
    ("ordinateurs moins chers, Guéret", "Guéret"),
]


@pytest.mark.parametrize(("note", "where"), NOTES)
def test_the_desk_reads_a_price_not_the_cher(real, locator, note, where):
    outcome = T.triage(note, real, locator)
    assert not any("Cher" in n for n in outcome.notes), outcome.notes
    assert outcome.location is not None and outcome.location.departement != "18" or (
        where == "Vierzon"
    )
    if isinstance(where, tuple):
        assert outcome.location_status == "ambiguous"
        assert tuple(c.label for c in outcome.candidates) == where
    else:
        assert outcome.location_status == "found"
        assert outcome.location.commune == where
        in_cher = [r.name for r in outcome.results if (r.code_postal or "").startswith("18")]
        assert where == "Vierzon" or not in_cher, in_cher


@pytest.mark.parametrize(("note", "where"), NOTES)
def test_the_chat_reads_a_price_not_the_cher_even_as_the_nlu_entity(real, note, where):
    written = re.search(r"\bch[eè]re?s?\b", note).group(0)  # the NLU may read it as a place
    read, reco, buttons = ask(note, entities=[ent("location", written)])
    assert "Cher" not in read, read
    if isinstance(where, tuple):
        assert [b["title"] for b in buttons][:2] == list(where)
    else:
        assert reco is not None and reco["location"]["commune"] == where


@pytest.mark.parametrize(
    "text", ["un ordi pas cher", "pas chère", "le moins cher", "trop chers", "si chère"]
)
def test_cher_after_a_word_of_degree_is_no_town(text):
    assert names_no_town(text.split()[-1], text)


@pytest.mark.parametrize(
    ("note", "departement"),
    [("ordi pas trop cher dans le Cher", "18"), ("un portable moins cher, Vierzon (Cher)", "18")],
)
def test_the_cher_named_as_the_departement_stays_the_cher(real, locator, note, departement):
    outcome = T.triage(note, real, locator)
    assert outcome.location is not None and outcome.location.departement == departement
