"""The NLU's entity values as the search reads them: every key of the catalogue and of the
criteria, and the ways a value arrives (case, accents, spaces, hyphens, words the reader knows,
unknown words). Pins the behaviour of normalise_need / normalise_constraint / normalise_procedure
(one rule behind the three)."""

from __future__ import annotations

import pytest

from actions.needs import (
    CONSTRAINTS,
    NEEDS,
    PROCEDURES,
    normalise_constraint,
    normalise_need,
    normalise_procedure,
)


def _spellings(key: str) -> tuple[str, ...]:
    return (key, key.upper(), key.replace("_", " "), key.replace("_", "-"), key.title())


@pytest.mark.parametrize("key", list(NEEDS))
def test_every_need_key_is_read_whatever_its_spelling(key):
    assert {normalise_need(v) for v in _spellings(key)} == {key}


@pytest.mark.parametrize("key", list(CONSTRAINTS))
def test_every_constraint_key_is_read_whatever_its_spelling(key):
    assert {normalise_constraint(v) for v in _spellings(key)} == {key}


@pytest.mark.parametrize("key", list(PROCEDURES))
def test_every_procedure_key_is_read_whatever_its_spelling(key):
    assert {normalise_procedure(v) for v in _spellings(key)} == {key}


@pytest.mark.parametrize(
    "value, need, constraint",
    [
        ("Démarches", "demarches", None),
        ("Impôts", "demarches", None),
        ("smart phone", "smartphone", None),
        ("mon tel", "smartphone", None),
        ("e-mail", "quotidien", None),
        ("Conseiller Numérique", "quotidien", "conseiller_numerique"),
        (" gratuit ", None, "gratuit"),
        ("gratos", None, "gratuit"),
        ("Ouvert Maintenant", None, "ouvert_maintenant"),
        ("à ma place", None, "a_ma_place"),
        ("fauteuil roulant", None, "accessible"),
        ("accessibles", None, "accessible"),
        ("le samedi", None, "samedi"),
        ("sans_gratuit", None, None),
        ("truc inconnu", None, None),
        ("", None, None),
        (None, None, None),
    ],
)  # fmt: skip
def test_a_value_said_otherwise_reads_as_today(value, need, constraint):
    assert normalise_need(value) == need
    assert normalise_constraint(value) == constraint


def test_the_ants_title_is_read_from_the_message():
    assert normalise_procedure("ants", "ma carte grisse") == "carte_grise"
    assert normalise_procedure("ANTS", "mon permis de conduire") == "permis"
    assert normalise_procedure("ants", "") == "ants"
    assert normalise_procedure(None, "ma carte grise") is None
