"""Helpers for the action tests: trackers, and a small in-memory directory with the real API types.

The fake implements ``Directory.search`` with the contract's value types; the real embedded
directory is used instead when ``directory_client.search`` and the importer are available
(see ``real_directory`` in tests/actions/test_actions.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pytest
from rasa_sdk import Tracker

from directory_client import labels
from directory_client.types import (
    OpeningStatus,
    RemoteOption,
    SearchQuery,
    SearchResponse,
    SearchResult,
)


def tracker(
    text: str = "",
    intent: str = "ask_help",
    entities: list[dict] | None = None,
    slots: dict | None = None,
    metadata: dict | None = None,
    sender_id: str = "test-user",
) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "entities": entities or [],
        "metadata": metadata or {},
    }
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=message,
        events=[{"event": "user", "text": text, "parse_data": message, "input_channel": "rest"}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run_as_the_action_server(t: Tracker, action: str = "action_orient") -> dict:
    """Run ``action`` on ``t`` exactly as the action server's webhook does (rasa_sdk's executor
    with the ``actions`` package): its response, ``{"events": …, "responses": …}``."""
    import asyncio

    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    request = {"next_action": action, "sender_id": t.sender_id, "tracker": t.current_state(),
               "domain": {}, "version": "3.6.2"}  # fmt: skip
    return asyncio.run(executor.run(request))


def ask(
    text: str, intent: str = "ask_help", entities: list | None = None, slots: dict | None = None
) -> tuple[str, dict | None, list[dict]]:
    """Say one message as the action server runs ``action_orient``: what the person reads (the
    responses' texts joined), the first list's payload (``custom.orienteur``; None without one)
    and the buttons."""
    answer = run_as_the_action_server(tracker(text, intent, entities=entities, slots=slots))
    read = " ".join(r.get("text") or "" for r in answer["responses"])
    bodies = [r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom")]
    buttons = [b for r in answer["responses"] for b in r.get("buttons") or []]
    return read, (bodies[0] if bodies else None), buttons


def say(
    message: str, intent: str, entities: list | None = None, slots: dict | None = None
) -> tuple[str, dict]:
    """Say one message to the action its intent runs (``ACTIONS`` of tests/actions/talk.py), in
    process: what the person reads (a line a message, ``said``) and the slots it sets."""
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from tests.actions.talk import ACTIONS

    dispatcher = CollectingDispatcher()
    t = tracker(message, intent, entities or [], slots)
    events = asyncio.run(ACTIONS[intent]().run(dispatcher, t, {}))
    return "\n".join(said(m) for m in dispatcher.messages), slots_of(events)


def ent(name: str, value, text: str | None = None) -> dict:
    return {"entity": name, "value": value, "text": text or str(value)}


def slots_of(events: list) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _place(i: int, lat: float, lon: float, services: tuple[str, ...], free: bool) -> SearchResult:
    return SearchResult(
        id=f"place-{i}",
        name=f"Espace numérique {i}",
        services=services,
        address=f"{i} rue de la République",
        commune="Ville",
        code_postal="59100",
        lat=lat,
        lon=lon,
        distance_km=None,
        phone="+33320000000",
        email=None,
        website=None,
        appointment_url="https://rdv.example.org/" + str(i) if i % 2 else None,
        opening_hours="Mo-Fr 09:00-17:00",
        opening=OpeningStatus(True, None, None, "Ouvert jusqu'à 17 h"),
        free=free,
        labels=("France Services",),
        why="aide pour vos papiers en ligne, gratuit",
    )


@dataclass
class FakeDirectory:
    """Places around one point; ``nothing_near`` beyond 30 km; records queries."""

    centre: tuple[float, float] = (50.69, 3.18)  # Roubaix
    count: int = 7
    fail: bool = False
    queries: list[SearchQuery] = field(default_factory=list)

    def places(self) -> list[SearchResult]:
        lat, lon = self.centre
        return [
            _place(i, lat + 0.01 * i, lon, (labels.DEMARCHES, labels.OUTILS_QUOTIDIEN), i % 3 != 0)
            for i in range(1, self.count + 1)
        ]

    def search(self, query: SearchQuery) -> SearchResponse:
        self.queries.append(query)
        if self.fail:
            raise RuntimeError("database is down")
        loc = query.location
        found = []
        for p in self.places():
            if query.filters.free_only and not p.free:
                continue
            if not set(p.services) & set(query.needs):
                continue
            d = _km(loc.lat, loc.lon, p.lat, p.lon)
            found.append((d, p))
        found.sort(key=lambda x: x[0])
        near = [x for x in found if x[0] <= query.radius_km]
        nothing_near = not near
        pool = near or found[:1]
        page = pool[query.offset : query.offset + query.limit]
        results = tuple(_with_distance(p, d) for d, p in page)
        remote = (
            RemoteOption(
                labels.HELPLINE["name"], labels.HELPLINE["phone"], labels.HELPLINE["url"], "aide"
            ),
        )
        return SearchResponse(
            query=query,
            results=results,
            radius_km=query.radius_km,
            widened=False,
            nothing_near=nothing_near,
            total=len(near),
            remote_options=remote,
        )


def _with_distance(p: SearchResult, d: float) -> SearchResult:
    from dataclasses import replace

    return replace(p, distance_km=d)


def _km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


# What rasa_sdk's CollectingDispatcher records besides the variables of a response.
MESSAGE_KEYS = {"text", "buttons", "elements", "custom", "template", "response", "image",
                "attachment"}  # fmt: skip


def variables(message: dict) -> dict:
    """The template variables an action sent with ``response=`` (``{town}`` → ``town``)."""
    return {k: v for k, v in message.items() if k not in MESSAGE_KEYS}


def said(message: dict) -> str:
    """The text the person reads: the message's text, or the ``domain.yml`` response it names
    filled with its variables, as Rasa sends it."""
    from actions import texts

    if message.get("response"):
        return texts.text(message["response"], **variables(message))
    return message.get("text") or ""


@pytest.fixture(name="directory")
def memory_directory():
    """An empty SQLite directory in memory behind the actions (and the real gazetteer); a test
    adds its own places (tests/places.make_place). Import it to use it as ``directory``."""
    from actions import backends
    from directory_client.directory import Directory
    from directory_client.models import Base

    directory = Directory("sqlite:///:memory:")
    backends.set_backends(directory, backends.get_locator())
    yield directory
    backends.set_backends(None, None)
    Base.metadata.drop_all(directory.engine)
    directory.close()


@pytest.fixture(scope="module", name="locator")
def embedded_locator(embedded_directory):
    """The real Locator on the embedded directory (tests/conftest.py). Import it to use it as
    ``locator`` (``real_directory`` asks for it)."""
    from directory_client import Locator

    return Locator(directory=embedded_directory)


@pytest.fixture(scope="module", name="real")
def real_directory(embedded_directory, locator):
    """The embedded directory (the six shipped open-data files) and its Locator behind the
    actions, for a test module. Import it and ``embedded_locator`` to use them as ``real`` and
    ``locator``."""
    from actions import backends

    backends.set_backends(embedded_directory, locator)
    yield embedded_directory
    backends.set_backends(None, None)
