"""The action server finds every action the domain names: ``python -m bot.action_server
--actions actions`` imports each module of the ``actions`` package and registers its ``Action``
subclasses, wherever they live (``actions.actions``, ``actions.safety_actions``…). An action the
domain names and the server lacks would leave the person with no answer at all."""

from __future__ import annotations

import yaml
from rasa_sdk.executor import ActionExecutor

from tests.paths import ROOT


def test_every_action_of_the_domain_is_registered_and_no_other():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    named = {a for a in domain["actions"] if a.startswith("action_")}
    executor = ActionExecutor()
    executor.register_package("actions")
    assert named and set(executor.actions) == named
