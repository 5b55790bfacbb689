"""A sentence as the mean of its French word vectors (spaCy's ``fr_core_news_md`` table).

The sentence encoder (``bot.encoder``) reads a message as a whole; the mean of its content words'
vectors keeps what single words say ("emprunter", "écran", "banque") and puts a word seen only in
SMS spelling near its plain form. The need reader (``actions.semantic_needs``) reads both.

Only the vectors table is read: no spaCy pipeline runs, and a word the table does not know adds
nothing to the vocabulary (a 10,000-character message grows no memory). Recently read texts come
from a small cache, as the sentence encoder's: one turn reads the same message up to four times
(the needs, the two-needs reading, the nearest examples; again for a second reading).
"""

from __future__ import annotations

import re
import threading
from typing import Any

import numpy as np

from bot.recent_rows import RecentRows

MODEL = "fr_core_news_md"
WIDTH = 300
_TOKEN = re.compile(r"[\w'-]+")
_lock = threading.Lock()
_loaded: dict[str, Any] = {}
_recent = RecentRows(size=2048)  # texts (1.2 KB each)


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
    keys = [text.lower() for text in texts]
    found = _recent.rows(keys, _mean_vectors)
    if not keys:
        return np.zeros((0, WIDTH), dtype=np.float32)
    return np.stack([found[k] for k in keys])


def _mean_vectors(texts: list[str]) -> list[np.ndarray]:
    """``encode``'s rows, computed (``texts`` in lower case)."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    table = load_vectors().vectors
    rows = []
    for text in texts:
        row = np.zeros(WIDTH, dtype=np.float32)
        known = [(w, r) for w in _TOKEN.findall(text) if (r := table.find(key=w)) >= 0]
        chosen = [r for w, r in known if w not in STOP_WORDS] or [r for _, r in known]
        if chosen:
            mean = table.data[chosen].mean(axis=0)
            row[:] = mean / (np.linalg.norm(mean) or 1.0)
        rows.append(row)
    return rows
