"""A search played to its answer by the real action (``ActionOrient``) on the real embedded
directory and Locator, for the tests of what an answer says of its places (what to bring for
which place, which place does which need): the text and the ``orienteur`` payload."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import needs as needs_mod
from tests.conftest_actions import ent, tracker


def answer(locator, town: str, needs: list[str], procedures: list[str]) -> tuple[str, dict]:
    """The answer to ``needs`` (with ``procedures``) in ``town``, done with the person."""
    slots = {"needs": needs, "mode": "avec_moi", "procedures": procedures,
             "location": locator.locate(town).best.to_dict()}  # fmt: skip
    dispatcher = CollectingDispatcher()
    t = tracker(town, "inform", [ent("location", town)], slots=slots)
    asyncio.run(A.ActionOrient().run(dispatcher, t, {}))
    [message] = [m for m in dispatcher.messages if m.get("custom")]
    return message["text"], message["custom"]["orienteur"]


def doing(payload: dict, need: str) -> list[int]:
    """The numbers of the places listed that offer ``need`` (by its service)."""
    service = needs_mod.NEEDS[need].service
    return [p["number"] for p in payload["results"] if service in p["services"]]
