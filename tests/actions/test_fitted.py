"""The readers by meaning, kept on disk: same answers from the cache, a changed example is never
read from a stale file, and a disk that cannot be written costs only time."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from actions import fitted, semantic_needs
from actions.needs import NEEDS
from actions.semantic_needs import Example, NeedReader

LABELLED = [
    Example("je dois faire ma demande de RSA à la CAF", "demarches"),
    Example("déclarer mes impôts en ligne", "demarches"),
    Example("apprendre à me servir de mon smartphone", "smartphone"),
    Example("envoyer des photos avec mon téléphone", "smartphone"),
    Example("on m'a piraté mon compte facebook", "securite"),
    Example("un sms bizarre me demande mon code bancaire", "securite"),
]
NO_NEED = ["bonjour", "je suis à Lyon", "merci beaucoup"]
COUNTED = [
    ("je dois faire ma demande de RSA à la CAF", False),
    ("pas d'ordi chez moi et je ne sais pas m'en servir", True),
    ("on m'a piraté mon compte facebook", False),
    ("un ordinateur pas cher et de l'aide pour mon CV", True),
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(fitted, "CACHE_DIR", tmp_path / "cache")
    return tmp_path / "cache"


def test_the_cached_reader_answers_as_the_regression_it_was_fitted_from(cache):
    calls = []

    def fit():
        calls.append(1)
        return NeedReader.fit(LABELLED, [], NO_NEED, COUNTED)

    first = NeedReader(fitted.arrays("needs", fit))
    again = NeedReader(fitted.arrays("needs", fit))
    assert len(calls) == 1  # the second reader came from the disk
    texts = [e.text for e in LABELLED] + NO_NEED
    services = [NEEDS[e.need].service for e in LABELLED] + [semantic_needs.NO_NEED] * len(NO_NEED)
    vectors = semantic_needs.features(texts)
    regression = LogisticRegression(C=4.0, max_iter=3000).fit(vectors, services)
    for text in ("mon compte a été piraté", "aide pour la CAF", "bonsoir"):
        row = regression.predict_proba(semantic_needs.features([text]))[0]
        expected = dict(zip(regression.classes_, row, strict=True))
        for reader in (first, again):
            got = reader.service_probabilities(text)
            assert got.keys() == expected.keys()
            assert all(abs(got[k] - expected[k]) < 1e-6 for k in got)
    two = first.two_needs_probability("un ordi pas cher et apprendre à faire mon CV")
    assert two == again.two_needs_probability("un ordi pas cher et apprendre à faire mon CV")


def test_a_changed_example_is_a_new_cache_entry(cache, tmp_path, monkeypatch):
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "a.yml").write_text("- one\n", encoding="utf-8")
    monkeypatch.setattr(fitted, "_INPUTS", ((examples, "*.yml"),))
    fitted.arrays("danger", lambda: {"x": np.array([1.0])})
    (examples / "a.yml").write_text("- one\n- two\n", encoding="utf-8")
    assert fitted.arrays("danger", lambda: {"x": np.array([2.0])})["x"][0] == 2.0
    assert len(list(cache.glob("danger-*.npz"))) == 1  # the stale file is gone


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(fitted, "CACHE_DIR", blocked / "cache")
    assert fitted.arrays("needs", lambda: {"x": np.array([3.0])})["x"][0] == 3.0
