"""Playing a conversation against the real actions, in process: each message run by the action
its intent gives (``ACTIONS``), with the slots and the events of the turns before (``Talk``);
what a REST client reads of the answer (``rest_text``) and the lists it holds (``payloads``,
``one_list``). The directory behind the actions is the test's (the ``real`` fixture of
tests/actions/conftest.py, or an in-memory one)."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions.conversation_actions import ActionForgetMe, ActionHumanHandoff, ActionSmalltalk
from actions.place_actions import (
    ActionMoreResults,
    ActionNotifyPlace,
    ActionReportPlace,
    ActionSendSummary,
)
from actions.safety_actions import ActionEmergency, ActionFallback, ActionOutOfScope
from bot.channels import render
from tests.conftest_actions import ent, said, slots_of, tracker

ACTIONS = {"ask_help": A.ActionOrient, "inform": A.ActionOrient, "deny": A.ActionOrient,
           "affirm": A.ActionOrient, "change_location": A.ActionOrient,
           "chitchat": ActionSmalltalk, "out_of_scope": ActionOutOfScope,
           "nlu_fallback": ActionFallback, "more_results": ActionMoreResults,
           "report_place": ActionReportPlace, "emergency": ActionEmergency,
           "human_handoff": ActionHumanHandoff, "send_it": ActionSendSummary,
           "forget_me": ActionForgetMe, "notify_place": ActionNotifyPlace}  # fmt: skip


def run(t):
    intent = t.latest_message["intent"]["name"]
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ACTIONS[intent]().run(dispatcher, t, {}))
    return dispatcher.messages, events


class Talk:
    """One conversation: each turn run with the slots and the events so far."""

    def __init__(self) -> None:
        self.slots: dict = {}
        self.history: list[dict] = []

    def say(self, text: str, intent: str = "ask_help", entities: list | None = None) -> list:
        """``intent`` may name the small talk's sub-intent the NLU gave ("chitchat/greet")."""
        intent, _, sub = intent.partition("/")
        t = tracker(text, intent, entities, self.slots)
        if sub:
            t.latest_message["intent"]["full_retrieval_intent_name"] = f"{intent}/{sub}"
        t.events = self.history + t.events
        msgs, events = run(t)
        self.history = t.events + [{"event": "bot", "data": {"custom": m["custom"]}}
                                   for m in msgs if m.get("custom")]  # fmt: skip
        self.slots.update(slots_of(events))
        return msgs


def request_in(message: str, town: str, intent: str = "ask_help") -> tuple[Talk, list[dict]]:
    """A new conversation's first message, its town read by the NLU (a ``location`` entity):
    the conversation and the answer."""
    talk = Talk()
    return talk, talk.say(message, intent, [ent("location", town)])


def list_in(message: str, town: str) -> tuple[Talk, dict]:
    """``request_in`` answered with one list of places: the conversation and the list."""
    talk, msgs = request_in(message, town)
    return talk, one_list(msgs)


def payloads(msgs: list[dict]) -> list[dict]:
    return [m["custom"]["orienteur"] for m in msgs if m.get("custom")]


def numbers_given(msgs: list[dict]) -> list[str]:
    """The emergency or help numbers the answer's payloads carry ("112", "3114"…)."""
    return [n["number"] for p in payloads(msgs) for n in p.get("numbers") or []]


def kinds(msgs: list[dict]) -> list[str]:
    """The kinds of the answer's payloads ("emergency", "danger_check", "recommendation"…)."""
    return [p["type"] for p in payloads(msgs)]


def one_list(msgs: list[dict]) -> dict:
    [payload] = payloads(msgs)
    assert payload["type"] == "recommendation" and not payload.get("delivery"), payload
    assert payload["results"], payload
    return payload


def rest_text(msgs: list[dict]) -> str:
    """What a REST client reads (bot/channels/rest.py: the payload rendered as plain text)."""
    out = []
    for m in msgs:
        reco = render.recommendation_of(m.get("custom"))
        out.append(render.plain_text(said(m), reco) if reco else said(m))
    return "\n".join(out)


def intro_of(said: str) -> str:
    """What ``rest_text`` says before its first place (the introduction: what the places are
    for, a line said first)."""
    return said.split("\n\n1. ")[0]
