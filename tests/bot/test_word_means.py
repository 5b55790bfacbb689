"""The words' mean vectors (bot/word_means.py): computed once per text in a turn, from a small
bounded cache, with the same rows as computed afresh."""

from __future__ import annotations

import numpy as np
import pytest

from bot import word_means


def test_the_rows_from_the_cache_are_the_rows_computed():
    texts = ["Je voudrais apprendre à envoyer un mail", "ma box ne marche plus", "de la"]
    first = word_means.encode(texts)
    again = word_means.encode(texts)
    fresh = np.stack(word_means._mean_vectors([t.lower() for t in texts]))
    assert np.array_equal(first, again) and np.array_equal(first, fresh)
    assert first.shape == (3, word_means.WIDTH) and first.dtype == np.float32
    again[0, :] = 0  # a caller's copy: the cache keeps its own
    assert np.array_equal(word_means.encode(texts[:1])[0], fresh[0])


def test_the_cache_is_bounded_and_a_larger_batch_keeps_every_row(monkeypatch):
    monkeypatch.setattr(word_means._recent, "size", 8)
    known = "je cherche un atelier pour ma tablette"
    first = word_means.encode([known])[0]
    fresh = [f"phrase numéro {i} sur internet" for i in range(20)]
    rows = word_means.encode([known, *fresh, known])
    assert rows.shape == (22, word_means.WIDTH)
    assert np.array_equal(rows[0], first) and np.array_equal(rows[-1], first)
    assert len(word_means._recent) <= 8


def test_one_reading_of_a_message_computes_its_words_vectors_once(monkeypatch):
    """The need reader reads a message's vectors up to four times (the services, the nearest
    examples, the two-needs reading): the table is read once."""
    from actions import needs, semantic_needs

    semantic_needs.reader()  # fitted (or read from its cache) before the turn
    computed: list[str] = []
    real = word_means._mean_vectors
    monkeypatch.setattr(word_means, "_mean_vectors",
                        lambda texts: computed.extend(texts) or real(texts))  # fmt: skip
    message = "Bonjour, je cherche un atelier pour apprendre internet à Lille"
    needs.read(message)
    assert computed, "the need reader reads the words' vectors"
    assert len(computed) == len(set(computed)), computed


@pytest.fixture(autouse=True)
def _empty_cache():
    word_means._recent.clear()
    yield
    word_means._recent.clear()
