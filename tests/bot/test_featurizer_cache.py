"""Rasa restores a trained component from its cache when its fingerprint is unchanged: a changed
featurizer (or the encoder it calls) must change the fingerprint, or `make model` would keep the
classifier trained on the old features."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from bot.sentence_featurizer import SentenceEncoderFeaturizer
from bot.word_vectors import WordVectorsFeaturizer


def test_a_changed_encoder_changes_the_sentence_featurizer_fingerprint(tmp_path, monkeypatch):
    before = SentenceEncoderFeaturizer.fingerprint_addon({})
    assert before == SentenceEncoderFeaturizer.fingerprint_addon({})  # stable between runs
    changed = tmp_path / "encoder.py"
    source = Path(str(sys.modules["bot.encoder"].__file__)).read_text(encoding="utf-8")
    changed.write_text(source + "\n# changed\n", encoding="utf-8")
    fake = types.ModuleType("bot.encoder")
    fake.__file__ = str(changed)
    monkeypatch.setitem(sys.modules, "bot.encoder", fake)
    assert SentenceEncoderFeaturizer.fingerprint_addon({}) != before


def test_each_featurizer_has_its_own_fingerprint():
    assert WordVectorsFeaturizer.fingerprint_addon(
        {}
    ) != SentenceEncoderFeaturizer.fingerprint_addon({})
