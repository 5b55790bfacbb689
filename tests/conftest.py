"""Shared fixtures.

``postgres_url`` / ``directory_url``: a real PostgreSQL on loopback (or DIRECTORY_TEST_POSTGRES_URL)
and the SQLite/PostgreSQL parametrisation of the search tests.
``embedded_directory``: the six shipped open-data files imported once per test session into a
SQLite file; read-only for tests (copy it with ``copy_directory`` before writing).
``rasa_stack``: the real assistant, once per session (tests/rasa_stack.py): the action server and
one ``rasa run`` with every channel the tests talk to (REST, socket.io, SMS/WhatsApp and Telegram
pointed at the local fakes of ``provider_fakes``) and ``make run``'s tracker store (masking,
SQLite).
``browser``: Chromium headless, one per test module (Playwright).
``make_run``: ``python -m bot run`` as a person starts it (tests/make_run.py), for the tests whose
point is the runner. Loading the model costs 35-90 s: only tests whose point is another set-up
start their own (the production replicas, the runner's restart).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from directory_client import Directory
from tests.channels_support import (
    FakeTelegram,
    FakeTwilio,
    Telegram,
    Twilio,
    provider_credentials,
    provider_harness,
)
from tests.pgserver import NOT_INSTALLED, PostgresServer, find_bin_dir


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL started on loopback for the session (or DIRECTORY_TEST_POSTGRES_URL)."""
    given = os.environ.get("DIRECTORY_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(NOT_INSTALLED)
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except subprocess.CalledProcessError as exc:
        server.stop()
        pytest.fail(f"PostgreSQL did not start: {exc.stderr or exc.stdout}")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def directory_url(request) -> str:
    if request.param == "sqlite":
        return "sqlite:///:memory:"
    request.applymarker(pytest.mark.postgres)
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def embedded_directory(tmp_path_factory) -> Directory:
    path = tmp_path_factory.mktemp("embedded") / "directory.sqlite3"
    directory = Directory(f"sqlite:///{path}")
    directory.import_report = directory.import_default()  # kept for the importer's tests
    directory.sqlite_path = path
    return directory


def copy_directory(directory: Directory, target: Path) -> Directory:
    """A writable copy of a SQLite-backed directory (SQLite online backup, WAL included)."""
    source = sqlite3.connect(directory.sqlite_path)
    destination = sqlite3.connect(target)
    with destination:
        source.backup(destination)
    source.close()
    destination.close()
    return Directory(f"sqlite:///{target}")


def table_dump(directory: Directory, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: to check that the database is exactly as before."""
    from directory_client.models import Base

    dump = {}
    with directory.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = connection.execute(table.select()).all()
            dump[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return dump


@pytest.fixture(scope="module")
def browser():
    """Chromium headless (Playwright's sync API), one per test module: the sync API keeps an
    event loop running until it stops, which would break the ``asyncio.run()`` of the modules
    that come after."""
    from playwright import sync_api

    from tests.webapp_support import CHROMIUM, CHROMIUM_ARGS

    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Providers:
    """Local fakes of the Twilio and Telegram APIs the session's assistant sends through."""

    twilio: FakeTwilio
    telegram: FakeTelegram

    def close(self) -> None:
        self.twilio.stop()
        self.telegram.stop()


@pytest.fixture(scope="session")
def provider_fakes() -> Iterator[Providers]:
    fakes = _EARLY.pop("provider_fakes", None) or _provider_fakes()
    try:
        yield fakes
    finally:
        fakes.close()


@pytest.fixture(scope="session")
def sms_harness(tmp_path_factory) -> Iterator[Twilio]:
    """The SMS/WhatsApp channel in tests/channel_harness.py (a real Sanic server, the scripted
    bot) towards a Twilio fake, shared by the channel and bad-input tests (each texts from its own
    number)."""
    with provider_harness(tmp_path_factory.mktemp("sms-harness"), Twilio) as person:
        yield person


@pytest.fixture(scope="session")
def telegram_harness(tmp_path_factory) -> Iterator[Telegram]:
    """The Telegram channel in tests/channel_harness.py towards a Bot API fake, shared likewise
    (each test writes from its own chat)."""
    with provider_harness(tmp_path_factory.mktemp("telegram-harness"), Telegram) as person:
        yield person


def _provider_fakes() -> Providers:
    return Providers(FakeTwilio().start(), FakeTelegram().start())


@pytest.fixture(scope="session")
def rasa_stack(tmp_path_factory, provider_fakes):
    """The real assistant, shared by the session (tests/rasa_stack.py); skipped without a model.

    Turns are bounded to 8 s (``ORIENTEUR_TURN_TIMEOUT``) so the fault tests stay short. Two
    turns are played before any test: the first pays for lazy loading (NLU, the directory).
    Launched when the session began (``pytest_collection_finish``) when the tests need it.
    """
    stack = _EARLY.pop("rasa_stack", None) or _rasa_stack(tmp_path_factory, _model_or_skip(),
                                                          provider_fakes)  # fmt: skip
    try:
        stack.wait_ready()
        for text in ("bonjour", "j'ai besoin d'aide pour la CAF à Roubaix"):
            stack.say("warm-up", text, timeout=180)
        yield stack
    finally:
        stack.stop()


def _rasa_stack(tmp_path_factory, model: Path, fakes: Providers):
    from tests.rasa_stack import RasaStack

    tmp = tmp_path_factory.mktemp("rasa_stack")
    channels = provider_credentials([fakes.twilio, fakes.telegram], tmp / "optout.sqlite3")
    return RasaStack(tmp, model, turn_timeout=8, store_conversations=True, channels=channels,
                     cors="*").launch()  # fmt: skip


@pytest.fixture(scope="session")
def make_run(tmp_path_factory):
    """``python -m bot run --no-train`` as ``make run`` starts it (tests/make_run.py), its SMS
    channel opened by the environment and pointed at its Twilio fake; shared by the tests whose
    point is the runner. Launched when the session began when the tests need it. Skipped without
    a model."""
    from tests.make_run import MakeRun

    run = _EARLY.pop("make_run", None) or MakeRun(tmp_path_factory.mktemp("make_run"),
                                                  _model_or_skip()).launch()  # fmt: skip
    try:
        yield run.wait_ready()
    finally:
        run.close()


@pytest.fixture(scope="session")
def core_stories(tmp_path_factory):
    """``rasa test core`` on tests/stories with the tests' model (tests/rasa_stack.py), started
    when the session began when a test needs it: ``result()`` waits for it."""
    job = _EARLY.pop("core_stories", None) or _core_stories(tmp_path_factory, _model_or_skip())
    try:
        yield job
    finally:
        job.close()


@pytest.fixture(scope="session")
def data_validation(tmp_path_factory):
    """``rasa data validate`` (tests/rasa_stack.py), started when the session began when a test
    needs it: ``result()`` waits for it."""
    job = _EARLY.pop("data_validation", None) or _data_validation(tmp_path_factory)
    try:
        yield job
    finally:
        job.close()


def _data_validation(tmp_path_factory):
    from tests.rasa_stack import DATA_VALIDATE, Background

    return Background(DATA_VALIDATE, tmp_path_factory.mktemp("data_validate") / "rasa.log")


def _core_stories(tmp_path_factory, model: Path):
    from tests.rasa_stack import Background, core_stories_command

    out = tmp_path_factory.mktemp("core_stories")
    return Background(core_stories_command(model, out), out / "rasa-test.log")


def _model_or_skip() -> Path:
    from tests.rasa_stack import NO_MODEL, find_model

    model = find_model()
    if model is None:
        pytest.skip(NO_MODEL)
    return model


# -- model loads started with the session --------------------------------------------------------
# Loading the model keeps about one core busy for 35-90 s while the tests wait: the loads the
# selected tests will need anyway start together when the session begins, side by side.
_EARLY: dict = {}


def pytest_collection_finish(session) -> None:
    from tests.make_run import MakeRun
    from tests.rasa_stack import find_model

    if session.config.option.collectonly:
        return
    wanted = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    tmp_path_factory = session.config._tmp_path_factory  # what the tmp_path_factory fixture is
    if "data_validation" in wanted:
        _EARLY["data_validation"] = _data_validation(tmp_path_factory)
    model = find_model()
    if model is None:
        return  # the tests that need one are skipped
    if "rasa_stack" in wanted:
        _EARLY["provider_fakes"] = _provider_fakes()
        _EARLY["rasa_stack"] = _rasa_stack(tmp_path_factory, model, _EARLY["provider_fakes"])
    if "make_run" in wanted:
        _EARLY["make_run"] = MakeRun(tmp_path_factory.mktemp("make_run"), model).launch()
    if "core_stories" in wanted:
        _EARLY["core_stories"] = _core_stories(tmp_path_factory, model)


def pytest_sessionfinish(session) -> None:
    """What was started for tests that did not run (-x, -k…) stops."""
    stack = _EARLY.pop("rasa_stack", None)
    if stack is not None:
        stack.stop()
    for job in _EARLY.values():  # the fakes, make run, rasa test core, rasa data validate
        job.close()
    _EARLY.clear()
