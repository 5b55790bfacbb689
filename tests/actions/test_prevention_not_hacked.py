"""Round 20: a hacked account gets the cybermalveillance line at once, before the town question
(actions/helplines.AT_ONCE). Learning to avoid it is no account taken: no line sent at once."""

from __future__ import annotations

import pytest

from actions import situations


@pytest.mark.parametrize(
    "message",
    [
        "apprendre à éviter d'être piraté",
        "je veux apprendre à protéger mon compte pour pas être piraté",
        "comment savoir si on est piraté ?",
        "des ateliers pour se protéger du hacking à Rennes",
        "je voudrais apprendre à ne pas me faire pirater mon facebook",
    ],
)
def test_learning_to_avoid_it_is_no_hacked_account(message):
    assert situations.HACKED not in situations.read(message)


@pytest.mark.parametrize(
    "message",
    [
        "au secours mon compte est piraté",
        "mon compte facebook a été piraté hier",
        "on m'a piraté mon compte, je veux apprendre à me protéger des pirates",
        "je me suis fait pirater ma boîte mail, comment éviter d'être piraté encore ?",
    ],
)
def test_an_account_taken_is_still_read_with_prevention_words_beside(message):
    assert situations.HACKED in situations.read(message)
