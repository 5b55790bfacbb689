"""Faults, for real, on the running assistant (the session's ``rasa_stack``, REST channel).

- The action server stops, or hangs beyond the turn timeout (``ORIENTEUR_TURN_TIMEOUT``, 8 s in
  the stack): the person gets the apology and the helpline, never silence
  (``bot.channels.guard``); the conversation resumes once the action server is back.
- The directory database is unavailable (SQLite file missing or not a database, PostgreSQL
  stopped): the actions say so with the helpline, the payload carries
  ``error: directory_unavailable``, nothing crashes, and searches work again once it is back.

Covered elsewhere, not repeated here: a remote directory API that times out or answers garbage
(tests/directory/test_remote.py, tests/directory/test_remote_cache.py); an import failing
half-way leaves the directory as it was
(tests/directory/test_import_rules.py::test_failure_mid_import_rolls_everything_back,
tests/directory/test_import_real.py); the tracker store's PostgreSQL restarting mid-conversation
(tests/bot/test_production.py).
"""

from __future__ import annotations

import signal
import time
import uuid

import pytest

from bot.channels.guard import UNAVAILABLE_TEXT
from directory_client import labels
from tests.rasa_stack import free_port, payloads, texts

pytestmark = pytest.mark.rasa

HELPLINE = labels.HELPLINE["phone"]


def sender() -> str:
    return f"fault-{uuid.uuid4().hex[:12]}"


def assert_apology(answer: list[dict]) -> None:
    assert texts(answer) == UNAVAILABLE_TEXT, answer
    assert HELPLINE in texts(answer)
    (payload,) = payloads(answer, "unavailable")
    assert payload["phone"] == HELPLINE


def assert_recommends(answer: list[dict], commune: str) -> dict:
    (reco,) = payloads(answer)
    assert reco["location"]["commune"] == commune and reco["results"], reco
    assert "error" not in reco
    return reco


@pytest.fixture()
def stack(rasa_stack):
    """The shared stack, with a healthy action server again after the test whatever happened."""
    yield rasa_stack
    actions = rasa_stack.actions
    if not actions.alive() or actions.env.get("DIRECTORY_DATABASE_URL") != rasa_stack.directory_url:
        rasa_stack.restart_actions()
    else:
        actions.signal(signal.SIGCONT)


def test_action_server_down_then_back(stack):
    who = sender()
    assert not payloads(stack.say(who, "je n'ai pas internet"))  # asks where
    stack.actions.stop()
    started = time.monotonic()
    answer = stack.say(who, "Roubaix")
    assert time.monotonic() - started < 8  # connection refused: at once, not at the timeout
    assert_apology(answer)
    assert_apology(stack.say(who, "bonjour"))  # and again while it is down
    stack.restart_actions()
    # The conversation resumes where it was: the need is still known.
    reco = assert_recommends(stack.say(who, "Roubaix"), "Roubaix")
    assert reco["need"] == [labels.ACCES_INTERNET_MATERIEL]


def test_action_server_hanging_beyond_the_turn_timeout(stack):
    who = sender()
    stack.say(who, "je veux apprendre à utiliser mon téléphone")
    stack.actions.signal(signal.SIGSTOP)  # accepts connections, never answers
    try:
        started = time.monotonic()
        answer = stack.say(who, "Roubaix")
        waited = time.monotonic() - started
    finally:
        stack.actions.signal(signal.SIGCONT)
    assert_apology(answer)
    assert 7 <= waited < 20, waited  # the 8 s turn timeout, not Rasa's 5 minutes
    # The timed-out turn was cancelled and released the conversation: the next one runs.
    reco = assert_recommends(stack.say(who, "Roubaix"), "Roubaix")
    assert reco["need"] == [labels.OUTILS_QUOTIDIEN]


def test_the_first_person_after_a_restart_is_not_kept_waiting(stack):
    """The action server loads its readers, gazetteer and directory before it says it is up: the
    first message after a restart used to wait 5 to 8 s for them, and got the apology on a loaded
    machine (the 8 s turn timeout)."""
    stack.restart_actions()
    who = sender()
    started = time.monotonic()
    asked = stack.say(who, "je n'ai pas internet")
    waited = time.monotonic() - started
    assert "Dans quelle ville" in texts(asked), asked
    assert waited < 3, f"the first turn after a restart took {waited:.1f} s"
    assert_recommends(stack.say(who, "Roubaix"), "Roubaix")


def _unavailable_directories(tmp_path):
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a SQLite database\n" * 200)
    return {
        "sqlite-missing": f"sqlite:///{tmp_path / 'removed' / 'directory.sqlite3'}",
        "sqlite-garbage": f"sqlite:///{garbage}",
        "postgresql-stopped": f"postgresql+psycopg2://orienteur@127.0.0.1:{free_port()}/directory",
    }


@pytest.mark.parametrize("case", ["sqlite-missing", "sqlite-garbage", "postgresql-stopped"])
def test_directory_unavailable(stack, tmp_path, case):
    url = _unavailable_directories(tmp_path)[case]
    stack.restart_actions(DIRECTORY_DATABASE_URL=url)
    who = sender()
    stack.say(who, "je n'ai pas internet")
    answer = stack.say(who, "Roubaix")
    (reco,) = payloads(answer)
    assert reco["error"] == "directory_unavailable" and reco["results"] == []
    assert reco["location"]["commune"] == "Roubaix"  # locating works without the directory
    assert "annuaire" in texts(answer) and HELPLINE in texts(answer)
    assert stack.actions.alive()
    if case == "sqlite-missing":  # nothing was created in place of the missing directory
        assert not (tmp_path / "removed" / "directory.sqlite3").exists()
    stack.restart_actions()  # the directory is back
    assert_recommends(stack.say(who, "Roubaix"), "Roubaix")
