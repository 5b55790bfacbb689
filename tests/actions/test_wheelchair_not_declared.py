"""« c'est accessible en fauteuil roulant ? » after a list where no place declares it (round
160's tester, defect 17): the person reads that none *declares* it, never that none is
accessible (a falsehood: most places simply say nothing of it); asked of the list, of its places."""

from __future__ import annotations

from tests.actions.talk import list_in, payloads, request_in, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)


def test_no_place_declaring_wheelchair_access_is_said_as_such(real):
    talk, _ = list_in("aide pour apprendre mon ordinateur, Arras", "Arras")
    msgs = talk.say("c'est accessible en fauteuil roulant ?", "inform",
                    [ent("constraint", "accessible en fauteuil roulant")])  # fmt: skip
    read = rest_text(msgs)
    assert "n'est accessible" not in read and "accessibles en fauteuil" not in read, read
    # asked of the places listed (round t207's tester: the list again was no answer): which of
    # them declare it, here none, and whom to ask — never the list again
    assert not payloads(msgs), read
    assert "Aucun lieu de la liste ne déclare « Handicaps moteurs »" in read, read


def test_in_a_big_town_the_wheelchair_sentence_says_what_places_declare(real):
    """Lyon, hundreds of places: none of the open-data files declares a motor disability
    (« Handicaps moteurs »), so none near; the sentence the visual and hearing impairments read
    too (actions.needs.care.declared, one rule for every care: search_run.cares_asked), after
    the town and the need, never « lieux accessibles en fauteuil roulant »."""
    _, msgs = request_in("je suis en fauteuil roulant, aide pour apprendre l'ordinateur", "Lyon")
    read = rest_text(msgs)
    assert read.startswith(
        "Voici 3 lieux près de Lyon (69) pour apprendre à vous servir d'un ordinateur :"
    ), read
    assert "Aucun lieu ne déclare d'accès en fauteuil roulant à proximité : lieux les plus " \
        "proches." in read, read  # fmt: skip
    assert "accessibles en fauteuil" not in read, read
