"""The sentence encoder's cache: a batch bigger than the cache never loses a row it already had."""

from __future__ import annotations

import numpy as np

from bot import encoder


def test_a_batch_larger_than_the_cache_keeps_the_rows_it_found_cached():
    known = "je voudrais apprendre à envoyer un mail"
    first = encoder.encode_one(known)
    fresh = [f"phrase numéro {i}" for i in range(encoder._recent.size + 10)]
    rows = encoder.encode([known, *fresh, known])
    assert rows.shape == (len(fresh) + 2, encoder.WIDTH)
    assert np.allclose(rows[0], first) and np.allclose(rows[-1], first)


def test_the_same_sentence_gets_the_same_vector_and_a_unit_norm():
    a, b = encoder.encode(["mon compte CAF est bloqué", "mon compte CAF est bloqué"])
    assert np.allclose(a, b)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-3


def test_a_message_in_capitals_is_read_like_the_same_words_in_lower_case():
    shouted = "ON M'A VOLE MON COMPTE WHATSAPP COMMENT LE RECUPERER"
    assert np.allclose(encoder.encode_one(shouted), encoder.encode_one(shouted.lower()))
    # Names and acronyms in an ordinary sentence keep their capitals.
    said = "Je dois renouveler mon titre de séjour à la CAF et à l'ANTS"
    assert not np.allclose(encoder.encode_one(said), encoder.encode_one(said.lower()))


def test_a_need_written_in_capitals_is_read_as_in_lower_case():
    from actions import needs

    for message in (
        "COMMENT BLOQUER YOUTUBE SUR LE TELEPHONE DE MON FILS DE 9 ANS",
        "ON M'A VOLE MON COMPTE WHATSAPP !!! COMMENT LE RECUPERER",
    ):
        assert needs.read(message).needs == needs.read(message.lower()).needs, message
