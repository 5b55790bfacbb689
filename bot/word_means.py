"""A sentence as the mean of its French word vectors (spaCy's ``fr_core_news_md`` table).

The sentence encoder (``bot.encoder``) reads a message as a whole; the mean of its content words'
vectors keeps what single words say ("emprunter", "écran", "banque") and puts a word seen only in
SMS spelling near its plain form. The need reader (``actions.semantic_needs``) reads both.

Only the vectors table is read: no spaCy pipeline runs, and a word the table does not know adds
nothing to the vocabulary (a 10,000-character message grows no memory).
"""

from __future__ import annotations

import re
import threading
from typing import Any

import numpy as np

MODEL = "fr_core_news_md"
WIDTH = 300
_TOKEN = re.compile(r"[\w'-]+")
_lock = threading.Lock()
_loaded: dict[str, Any] = {}


class WordVectorsUnavailable(RuntimeError):
    """The spaCy package holding the vectors is not installed."""


def load_vectors(model: str = MODEL) -> Any:
    """The model's vocabulary (vectors table), loaded once per process, no pipeline component."""
    with _lock:
        if model not in _loaded:
            _loaded[model] = _load(model)
        return _loaded[model]


def _load(model: str) -> Any:
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spacy is a pinned dependency
        raise WordVectorsUnavailable("spacy is not installed: make install") from error
    try:
        nlp = spacy.load(model, exclude=["tok2vec", "morphologizer", "parser", "senter",
                                         "attribute_ruler", "lemmatizer", "ner"])  # fmt: skip
    except OSError as error:
        raise WordVectorsUnavailable(
            f"the spaCy model {model!r} is not installed (it is pinned in pyproject.toml: "
            f"make install)"
        ) from error
    return nlp.vocab


def encode(texts: list[str]) -> np.ndarray:
    """One L2-normalised row per text: the mean of its known words that are not stop words (of
    all its known words when every one is a stop word); zeros when it has no known word."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    table = load_vectors().vectors
    rows = np.zeros((len(texts), WIDTH), dtype=np.float32)
    for i, text in enumerate(texts):
        known = [(w, r) for w in _TOKEN.findall(text.lower()) if (r := table.find(key=w)) >= 0]
        chosen = [r for w, r in known if w not in STOP_WORDS] or [r for _, r in known]
        if chosen:
            mean = table.data[chosen].mean(axis=0)
            rows[i] = mean / (np.linalg.norm(mean) or 1.0)
    return rows
