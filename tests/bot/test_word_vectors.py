"""bot.word_vectors: the French vectors the intent classifier reads next to its n-grams."""

from __future__ import annotations

import numpy as np
import pytest

from bot.word_vectors import WordVectorsFeaturizer, WordVectorsUnavailable, load_vectors


@pytest.fixture(scope="module")
def featurizer() -> WordVectorsFeaturizer:
    return WordVectorsFeaturizer(WordVectorsFeaturizer.get_default_config(), "word_vectors")


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_words_no_example_contains_land_near_their_meaning(featurizer: WordVectorsFeaturizer):
    # (word, what it means, something else): slang, abbreviations, missing accents.
    for word, meaning, other in [("ordi", "ordinateur", "impôts"), ("bagnole", "voiture", "impôts"),
                                 ("arnaque", "escroquerie", "imprimante"),
                                 ("impots", "impôts", "téléphone")]:  # fmt: skip
        rows = featurizer.token_vectors([word, meaning, other])
        assert _cosine(rows[0], rows[1]) > _cosine(rows[0], rows[2]) + 0.3, word


def test_sms_spellings_and_capitals_have_vectors(featurizer: WordVectorsFeaturizer):
    rows = featurizer.token_vectors(["bjr", "jveu", "CAF"])
    assert np.all(np.any(rows != 0, axis=1))


def test_unknown_words_give_zeros_and_the_sentence_ignores_them(
    featurizer: WordVectorsFeaturizer,
):
    rows = featurizer.token_vectors(["qsdfghjklmxw", "impôts"])
    assert not rows[0].any()
    alone = featurizer.sentence_vector(featurizer.token_vectors(["impôts"]))
    assert np.allclose(featurizer.sentence_vector(rows), alone)
    assert np.isclose(np.linalg.norm(alone), featurizer._scale)
    nothing = featurizer.sentence_vector(featurizer.token_vectors(["qsdfghjklmxw"]))
    assert nothing.shape == (1, 300) and not nothing.any()


def test_stop_words_do_not_pull_messages_together(featurizer: WordVectorsFeaturizer):
    keeping = WordVectorsFeaturizer(
        {**WordVectorsFeaturizer.get_default_config(), "skip_stop_words": False}, "all_words"
    )

    def sentence(f: WordVectorsFeaturizer, text: str) -> np.ndarray:
        words = text.split()
        return f.sentence_vector(f.token_vectors(words), f.content_words(words))[0]

    caf, box = "je veux de l'aide pour la caf", "je veux de l'aide pour la box internet"
    for f, same_need_closer in ((featurizer, True), (keeping, False)):
        same_need = _cosine(sentence(f, caf), sentence(f, "aide caf"))
        other_need = _cosine(sentence(f, caf), sentence(f, box))
        # With every word averaged, "je de la pour" make two needs look alike.
        assert (same_need > other_need + 0.2) is same_need_closer, (same_need, other_need)
    # A message of stop words only still gets a vector ("et moi ?" is not nothing).
    assert sentence(featurizer, "et moi").any()


def test_messages_get_one_row_per_token_and_a_sentence_row(featurizer: WordVectorsFeaturizer):
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.nlu.training_data.message import Message

    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    message = Message(data={"text": "aide pour la CAF à Lille"})
    tokenizer.process([message])
    featurizer.process([message])
    sequence, sentence = message.get_dense_features("text")
    assert sequence.features.shape == (6, 300)
    assert sentence.features.shape == (1, 300)
    empty = Message(data={"text": ""})
    tokenizer.process([empty])
    featurizer.process([empty])  # nothing to read: zeros, no error
    assert all(not f.features.any() for f in empty.features)


def test_a_missing_model_is_a_named_error():
    with pytest.raises(WordVectorsUnavailable, match="make install"):
        load_vectors("fr_core_news_nonexistent")
