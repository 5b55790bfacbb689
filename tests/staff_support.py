"""Shared helpers for the staff console tests: a small fake directory and locator, a test config,
and an app running in a thread on a free loopback port (for the browser tests)."""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import replace

from aiohttp import web

from bot.staff.app import create_staff_app
from bot.staff.config import StaffConfig
from bot.staff.counts import DailyCounts
from bot.staff.security import hash_password
from directory_client import labels
from directory_client.types import (
    LocateResult,
    OpeningStatus,
    SearchResponse,
    SearchResult,
)
from tests.places import ROUBAIX

PASSWORD = "correct horse battery"
TEST_SECRET = "t" * 48


def place(
    pid: str,
    name: str,
    address: str,
    *,
    km: float,
    labels_: tuple[str, ...] = (),
    publics: tuple[str, ...] = (),
    phone: str | None = "03 20 00 00 00",
) -> SearchResult:
    result = SearchResult(
        id=pid,
        name=name,
        services=(labels.DEMARCHES,),
        address=address,
        commune="Roubaix",
        code_postal="59100",
        lat=50.69,
        lon=3.18,
        distance_km=km,
        phone=phone,
        email=None,
        website=None,
        appointment_url="https://rdv.example.org/roubaix",
        opening_hours="Mo-Fr 08:30-12:00,13:30-17:00; Sa 08:30-12:00; PH off",
        opening=OpeningStatus(True, None, None, "Ouvert jusqu'à 17 h"),
        free=True,
        labels=labels_,
        why="fait les démarches retraite avec vous, gratuit",
        source="test",
        date_maj="2024-08-01",
    )
    object.__setattr__(result, "_publics", publics)  # only the fake directory reads it
    return result


class FakeDirectory:
    """Duck-typed ``Directory``: filters on labels and publics as the real search should."""

    def __init__(self) -> None:
        self.places = [
            place(
                "fs-roubaix",
                "France services Mairie de Roubaix Quartier des 3 Ponts",
                "71 Avenue de Verdun, 59100 Roubaix",
                km=1.2,
                labels_=("France Services",),
            ),
            place(
                "fs-epeule",
                "France services La Poste de Roubaix - Epeule",
                "173 rue de l'Epeule, 59100 Roubaix",
                km=1.9,
                labels_=("France Services",),
            ),
            place(
                "mediatheque",
                "Médiathèque La Grand-Plage <script>",
                "2 rue Pierre Motte, 59100 Roubaix",
                km=0.6,
                labels_=("Conseillers numériques",),
                publics=("Seniors",),
            ),
            place("ccas", "CCAS de Roubaix", "Place de la Liberté, 59100 Roubaix", km=0.9),
        ]
        self.queries = []

    def search(self, query):
        self.queries.append(query)
        found = [
            p
            for p in self.places
            if (not query.filters.labels or set(p.labels) & set(query.filters.labels))
            and (
                not query.filters.publics
                or set(getattr(p, "_publics", ())) & set(query.filters.publics)
            )
        ]
        found.sort(key=lambda p: p.distance_km)
        return SearchResponse(
            query=query,
            results=tuple(found[: query.limit]),
            radius_km=30.0,
            widened=False,
            nothing_near=False,
            total=len(found),
        )

    def get_place(self, public_id, now=None):
        return next((p for p in self.places if p.id == public_id), None)


class FakeLocator:
    def locate(self, text: str) -> LocateResult:
        if labels.fold(text).strip() in ("roubaix", "59100"):
            return LocateResult("found", text, (ROUBAIX,))
        return LocateResult("unknown", text, ())


def staff_config(**overrides) -> StaffConfig:
    users = {
        "alice": hash_password(PASSWORD, iterations=1000),
        "bob": hash_password(PASSWORD + "!", iterations=1000),
    }
    base = StaffConfig(secret=TEST_SECRET, users=users, dev=True, cookie_secure=False)
    return replace(base, **overrides)


def make_app(*, directory=None, locator=None, sms_sender=None, config=None, counts=None):
    return create_staff_app(
        config=config or staff_config(),
        directory=directory or FakeDirectory(),
        locator=locator or FakeLocator(),
        sms_sender=sms_sender,
        counts=counts or DailyCounts(":memory:"),
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppThread:
    """Runs an aiohttp app on 127.0.0.1:<free port> in a background thread."""

    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._runner = web.AppRunner(self.app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        self._loop.run_until_complete(site.start())
        self._started.set()
        self._loop.run_forever()

    def __enter__(self) -> AppThread:
        self._thread.start()
        assert self._started.wait(10), "app did not start"
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def results_page(note: str, outcome, **extra) -> str:
    """The console's results page for ``note`` and its triage ``outcome``, as an agent sees it."""
    from bot.staff import render

    return render.console_page(csrf="t", user="agent", counts={"by_need": {}, "total": 0},
                               text=note, outcome=outcome, **extra)  # fmt: skip
