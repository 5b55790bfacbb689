"""The nearest hand-kept first messages vote: a message the regression reads as the wrong service
is read as the service of the kept messages it is worded like, by the vote's own arithmetic."""

from __future__ import annotations

import numpy as np
import pytest

from actions import fitted, semantic_needs
from actions.needs import NEEDS
from actions.semantic_needs import Example, NeedReader
from tests.actions.test_fitted import COUNTED, LABELLED, NO_NEED

PARENTS, PHONE = NEEDS["parentalite"].service, NEEDS["smartphone"].service
# The regression learns "a phone" from these: a parent's worry about a child's phone reads as
# learning one's own phone.
TAUGHT = LABELLED + [
    Example("ma fille a besoin d'un ordinateur pour l'école", "parentalite"),
    Example("je ne sais pas me servir de mon téléphone portable", "smartphone"),
    Example("mon téléphone est trop compliqué pour moi", "smartphone"),
    Example("apprendre à utiliser mon portable", "smartphone"),
    Example("mon smartphone je n'y comprends rien", "smartphone"),
]
KEPT = [
    ("mon ado passe ses nuits sur son portable", PARENTS),
    ("mon fils ne lâche jamais son téléphone", PARENTS),
    ("ma fille est tout le temps sur son smartphone", PARENTS),
    ("renouveler ma carte d'identité", NEEDS["demarches"].service),
    ("un mail me dit que mon colis est bloqué", NEEDS["securite"].service),
    ("régler la sonnerie de mon téléphone", PHONE),
]
TEXT = "mon ado et son téléphone"
VOTE = 0.4  # the leave-one-set-out's best weight (the reader's VOTE_WEIGHT may be off)


@pytest.fixture
def reader(tmp_path, monkeypatch):
    monkeypatch.setattr(fitted, "CACHE_DIR", tmp_path / "cache")
    fitted.arrays("needs", lambda: NeedReader.fit(TAUGHT, KEPT, NO_NEED, COUNTED))
    return NeedReader(fitted.arrays("needs", lambda: pytest.fail("read from the cache")))


def test_the_nearest_kept_messages_read_a_message_the_regression_reads_wrong(reader, monkeypatch):
    monkeypatch.setattr(semantic_needs, "VOTE_WEIGHT", 0.0)
    regression = reader.service_probabilities(TEXT)
    assert max(regression, key=regression.get) == PHONE  # the regression alone is wrong
    monkeypatch.setattr(semantic_needs, "VOTE_WEIGHT", VOTE)

    # The vote, computed apart: the VOTE_K kept messages nearest by cosine, each worth
    # VOTE_WEIGHT / VOTE_K to its service.
    rows = semantic_needs.features([TEXT] + [t for t, _ in KEPT])
    nearest = np.argsort(-(rows[1:] @ rows[0]))[: semantic_needs.VOTE_K]
    vote = {s: 0.0 for s in regression}
    for i in nearest:
        vote[KEPT[i][1]] += semantic_needs.VOTE_WEIGHT / semantic_needs.VOTE_K
    voted = reader.service_probabilities(TEXT)
    assert voted.keys() == regression.keys()
    assert all(abs(voted[s] - regression[s] - vote[s]) < 1e-6 for s in voted)
    assert max(voted, key=voted.get) == PARENTS

    weighed = reader.weigh(TEXT, [], [], set())
    assert [NEEDS[k].service for k in weighed.needs] == [PARENTS]
    assert weighed.choices[:1] in ([], ["parentalite"])  # a guess asks the right one first


def test_no_kept_message_no_vote(tmp_path, monkeypatch):
    monkeypatch.setattr(fitted, "CACHE_DIR", tmp_path / "cache")
    fitted.arrays("needs", lambda: NeedReader.fit(TAUGHT, [], NO_NEED, COUNTED))
    alone = NeedReader(fitted.arrays("needs", lambda: pytest.fail("read from the cache")))
    monkeypatch.setattr(semantic_needs, "VOTE_WEIGHT", VOTE)
    with_vote = alone.service_probabilities(TEXT)
    monkeypatch.setattr(semantic_needs, "VOTE_WEIGHT", 0.0)
    assert alone.service_probabilities(TEXT) == with_vote
