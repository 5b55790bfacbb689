"""bot.rasa_patches: Rasa's action-result validation, checked once, behaves as before."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError

from bot import rasa_patches


def test_validation_is_unchanged_and_fast():
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    assert rasa_patches.apply()
    action = RemoteAction("action_orient", EndpointConfig("http://127.0.0.1:1/webhook"))
    original = RemoteAction._validate_action_result.__wrapped__
    good = {
        "events": [{"event": "slot", "name": "needs", "value": ["demarches"]}],
        "responses": [{"text": "Bonjour", "custom": {"orienteur": {"type": "x"}}}],
    }
    bad = {"events": [{"event": "slot", "name": 3}], "responses": "nope"}
    assert action._validate_action_result(good) is original(action, good) is True
    with pytest.raises(ValidationError) as patched:
        action._validate_action_result(bad)
    with pytest.raises(ValidationError) as before:
        original(action, bad)
    assert patched.value.message == before.value.message
    assert "Failed to validate Action server response" in patched.value.message
    import time

    started = time.perf_counter()
    for _ in range(200):
        action._validate_action_result(good)
    patched_s = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(20):
        original(action, good)
    original_s = (time.perf_counter() - started) * 10
    assert patched_s < original_s / 3, (patched_s, original_s)
