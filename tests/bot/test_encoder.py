"""The sentence encoder's cache: a batch bigger than the cache never loses a row it already had."""

from __future__ import annotations

import numpy as np

from bot import encoder


def test_a_batch_larger_than_the_cache_keeps_the_rows_it_found_cached():
    known = "je voudrais apprendre à envoyer un mail"
    first = encoder.encode_one(known)
    fresh = [f"phrase numéro {i}" for i in range(encoder._CACHE_SIZE + 10)]
    rows = encoder.encode([known, *fresh, known])
    assert rows.shape == (len(fresh) + 2, encoder.WIDTH)
    assert np.allclose(rows[0], first) and np.allclose(rows[-1], first)


def test_the_same_sentence_gets_the_same_vector_and_a_unit_norm():
    a, b = encoder.encode(["mon compte CAF est bloqué", "mon compte CAF est bloqué"])
    assert np.allclose(a, b)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-3
