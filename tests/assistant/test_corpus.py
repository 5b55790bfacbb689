"""The frozen corpus nobody tuned to (tests/corpus/), played against the real assistant over REST.

The floors sit just under the figures measured when the corpus was last scored (README,
docs/nlu-report.md): a change that makes the assistant misread more people fails here. Only the
figures are asserted; the misses are printed to read (looked-at half only, see
tests/corpus_runner.py).
"""

from __future__ import annotations

import asyncio

import pytest

from tests.corpus_runner import evaluate

pytestmark = pytest.mark.rasa

# Measured on 2026-12-07, round 27 (README, docs/nlu-report.md): task success 95.3 %,
# emergency recall 100 %, false alarms 2.2 %, off-topic without places 100 %. Floors a little
# under (four first messages, one false alarm), so that the noise of a loaded machine does not
# fail a run, and a real regression does.
FLOORS = {
    "task_success": 0.94,
    "emergency_recall": 0.96,
    "false_alarms_at_most": 0.035,
    "off_topic_without_places": 0.97,
}


@pytest.fixture(scope="module")
def scores(rasa_stack):
    return asyncio.run(evaluate(rasa_stack.webhook, concurrency=4))


def test_first_messages_end_with_the_right_need_and_place(scores):
    print(scores.report())
    assert scores.task_success >= FLOORS["task_success"], scores.failures()[:20000]


def test_real_emergencies_get_the_numbers(scores):
    assert scores.emergency_recall >= FLOORS["emergency_recall"], scores.failures()[:20000]


def test_ordinary_requests_with_strong_words_are_not_alarms(scores):
    assert scores.false_alarms <= FLOORS["false_alarms_at_most"], scores.failures()[:20000]


def test_off_topic_gets_no_places(scores):
    assert scores.off_topic_without_places >= FLOORS["off_topic_without_places"]
