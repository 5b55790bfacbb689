"""The production set-up, for real: two `rasa run` replicas with endpoints.production.yml, one
PostgreSQL tracker store, one Redis lock store (with a password), one action server.

One conversation's turns alternate between the replicas; a replica is killed (SIGKILL) and
restarted mid-conversation. The assertions hold whatever the assistant answers: every user turn
is stored once, in order, whichever replica took it; both replicas see the same tracker (events
and slots); the restarted replica carries on. When the assistant remembers a need (slot
``needs``), the need given on one replica must still be there after the place is given on the
other one. "Oublie-moi" is followed end to end (action → forget log → ``bot.retention``).

Needs a trained model: ``ORIENTEUR_TEST_MODEL`` (or ``ORIENTEUR_MODEL``) or the newest
``models/*.tar.gz`` (never trains).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

from tests.production_stack import Cluster, comparable_events, services_installed
from tests.rasa_stack import find_model as _find_model

pytestmark = [pytest.mark.rasa, pytest.mark.production, pytest.mark.postgres]


def _assert_turns_not_interleaved(stored: list[tuple[str, dict]]) -> None:
    """The lock store serialises turns: each user message is followed by its own actions,
    ending with action_listen, before the next user message is stored."""
    listening = True
    for type_name, event in stored:
        if type_name == "user":
            assert listening, "a user message was stored while the previous turn was running"
            listening = False
        elif type_name == "action" and event.get("name") == "action_listen":
            listening = True


@pytest.fixture(scope="module")
def cluster():
    if not services_installed():
        pytest.skip("PostgreSQL or Redis not installed: run scripts/install-services.sh")
    model = _find_model()
    if model is None or not model.exists():
        pytest.skip("no trained model: set ORIENTEUR_MODEL or train into models/")
    tmp = Path(tempfile.mkdtemp(prefix="orienteur-prod-"))
    copy = tmp / model.name
    shutil.copy2(model, copy)  # a retraining meanwhile must not swap the model under the test
    cluster = Cluster(tmp, copy)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        if os.environ.get("ORIENTEUR_KEEP_LOGS"):
            print(f"logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


NEED = "Bonjour, j'ai besoin d'aide pour faire ma déclaration d'impôts en ligne"
PLACE = "J'habite à Angoulême"


def test_turns_alternate_between_replicas(cluster):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    said = []

    def turn(name: str, text: str) -> list[dict]:
        answer = cluster.say(name, sender, text)
        said.append(text)
        assert cluster.user_texts(sender) == said  # stored once, in order, right away
        return answer

    turn("a", "bonjour")
    turn("b", NEED)
    after_need = cluster.assert_same_view(sender)
    answer = turn("a", PLACE)
    after_place = cluster.assert_same_view(sender)
    assert answer, "the assistant said nothing after the place was given"
    need = after_need["slots"].get("needs")
    if need:  # the need given on B is still known on A once the place is given
        assert after_place["slots"].get("needs") == need
        assert after_place["slots"].get("location"), after_place["slots"]
        said_back = " ".join(str(m.get("text", "")) for m in answer)
        assert "Angoulême" in said_back, answer  # a recommendation (or none) near that town
    turn("b", "merci")
    _assert_turns_not_interleaved(cluster.stored(sender))
    # The replicas really used the Redis lock store (ticket locks are deleted when released).
    import redis

    stats = redis.Redis(port=cluster.redis.port, password=cluster.redis.password)
    commands = stats.info("commandstats")
    assert commands.get("cmdstat_set", {}).get("calls", 0) >= 4, commands


def test_simultaneous_messages_on_both_replicas_are_serialised(cluster):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, "bonjour")
    errors: list[BaseException] = []

    def send(name: str, text: str) -> None:
        try:
            cluster.say(name, sender, text)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=send, args=("a", NEED)),
               threading.Thread(target=send, args=("b", PLACE))]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    texts = cluster.user_texts(sender)
    assert texts[0] == "bonjour" and sorted(texts[1:]) == sorted([NEED, PLACE])
    _assert_turns_not_interleaved(cluster.stored(sender))
    cluster.assert_same_view(sender)


def test_restarting_a_replica_mid_conversation_loses_nothing(cluster):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    said = []

    def turn(name: str, text: str) -> list[dict]:
        answer = cluster.say(name, sender, text)
        said.append(text)
        return answer

    turn("a", "bonjour")
    turn("b", NEED)
    before = cluster.assert_same_view(sender)

    cluster.rasa["b"].kill(signal.SIGKILL)  # a crash, not a clean shutdown
    cluster.start_rasa("b")  # reloads the model while the conversation goes on on A
    during = cluster.tracker("a", sender)
    assert during["slots"] == before["slots"]
    assert comparable_events(during["events"]) == comparable_events(before["events"])
    turn("a", PLACE)
    cluster.wait_rasa("b")

    # The new process has nothing in memory: everything comes from PostgreSQL.
    restarted = cluster.tracker("b", sender)
    assert restarted["slots"] == cluster.tracker("a", sender)["slots"]
    assert [e["text"] for e in restarted["events"] if e["event"] == "user"] == said
    if before["slots"].get("needs"):
        assert restarted["slots"].get("needs") == before["slots"]["needs"]
    turn("b", "merci")
    assert cluster.user_texts(sender) == said
    _assert_turns_not_interleaved(cluster.stored(sender))
    cluster.assert_same_view(sender)


def test_forget_me_across_replicas(cluster):
    """ "Oublie-moi" end to end: the action records the request, Rasa saves the turn (writing the
    conversation back), then ``bot.retention forget-pending`` deletes everything said before."""
    from bot import retention

    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, NEED)
    cluster.say("b", sender, PLACE)
    cluster.say("a", sender, "Oubliez-moi, effacez notre conversation")
    requests = cluster.forget_log.read_text().splitlines() if cluster.forget_log.exists() else []
    if not any(sender in line for line in requests):
        pytest.skip("the assistant did not record a forget request (intent or action missing)")
    assert NEED in cluster.user_texts(sender)  # Rasa wrote the turn after the action ran
    applied, deleted = retention.process_forget_requests(cluster.pg.url, cluster.forget_log,
                                                         min_age=0)  # fmt: skip
    assert applied >= 1 and deleted > 0
    assert cluster.user_texts(sender) == []
    assert not any(PLACE in str(e) for _, e in cluster.stored(sender))
    cluster.say("b", sender, "bonjour")  # the person can start again, on any replica
    assert cluster.user_texts(sender) == ["bonjour"]
    cluster.assert_same_view(sender)


def test_personal_data_is_masked_before_postgresql(cluster):
    """endpoints.production.yml wraps the SQL store in bot.privacy.MaskingTrackerStore: no phone
    number, e-mail or precise position reaches the `events` table (docs/privacy.md)."""
    import json

    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, "J'ai besoin d'aide pour la CAF, rappelez-moi au 06 12 34 56 78 "
                             "ou écrivez à jeanne.martin@example.fr")  # fmt: skip
    cluster.say("b", sender, '/inform{"latitude": 45.64912, "longitude": 0.15634}')
    dump = json.dumps([event for _, event in cluster.stored(sender)], ensure_ascii=False)
    for secret in ("12 34 56 78", "jeanne.martin", "45.64912", "0.15634"):
        assert secret not in dump, secret
    texts = cluster.user_texts(sender)
    assert texts[0].endswith("au [téléphone] ou écrivez à [e-mail]"), texts
    assert texts[1] == '/inform{"latitude": 45.65, "longitude": 0.16}', texts


def test_tracker_database_restart_mid_conversation(cluster):
    """PostgreSQL restarts between two turns (every pooled connection of both replicas is cut):
    the next turn still sees the conversation, on either replica, and nothing is lost."""
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    cluster.say("a", sender, "bonjour")
    cluster.say("b", sender, NEED)
    before = cluster.assert_same_view(sender)
    cluster.pg.restart()
    answer = cluster.say("a", sender, PLACE)  # its pooled connections died with the server
    assert answer
    cluster.say("b", sender, "merci")  # and the other replica's too
    assert cluster.user_texts(sender) == ["bonjour", NEED, PLACE, "merci"]
    after = cluster.assert_same_view(sender)
    if before["slots"].get("needs"):  # the context survived: the need given before the restart
        assert after["slots"].get("needs") == before["slots"]["needs"]
        assert after["slots"].get("location"), after["slots"]
    _assert_turns_not_interleaved(cluster.stored(sender))
