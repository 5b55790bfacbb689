"""DIRECTORY_BACKEND=remote: the assistant's actions and the staff console answer from a
data·inclusion-shaped API (a real HTTP server on 127.0.0.1), not from the embedded file."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from actions import backends
from bot.staff.app import create_staff_app
from bot.staff.counts import DailyCounts
from directory_client import Locator
from directory_client.backends import BackendConfigError, open_backend
from directory_client.errors import DirectoryUnavailable, RemoteDirectoryError
from directory_client.remote import RemoteDirectory
from tests.conftest_actions import ent, run_as_the_action_server, tracker
from tests.data_inclusion_server import NORMAL_ANSWER, FakeDataInclusion, Reply
from tests.staff_support import PASSWORD, staff_config

SERVICE_PATH = "/api/v1/services/dora/svc-1"
NAUTILUS = {**NORMAL_ANSWER["items"][0]["service"]}  # the service as GET /services/… gives it


@pytest.fixture
def api() -> Iterator[FakeDataInclusion]:
    with FakeDataInclusion() as server:
        server.by_path[SERVICE_PATH] = Reply(body=NAUTILUS)
        yield server


@pytest.fixture
def remote_env(api: FakeDataInclusion, monkeypatch, tmp_path) -> FakeDataInclusion:
    monkeypatch.setenv("DIRECTORY_BACKEND", "remote")
    monkeypatch.setenv("DIRECTORY_REMOTE_URL", api.url)
    monkeypatch.setenv("DATA_INCLUSION_TOKEN", "token-from-env")
    monkeypatch.setenv("DIRECTORY_REMOTE_FALLBACK", "none")
    # Were the embedded directory used, it would be here, and it does not exist.
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", f"sqlite:///{tmp_path}/absent.sqlite3")
    backends.set_backends(None, None)
    yield api
    backends.set_backends(None, None)


def _searches(api: FakeDataInclusion) -> list:
    return [r for r in api.requests if r.path == "/api/v1/search/services"]


# --- the setting ---------------------------------------------------------------------------------
def test_the_setting_chooses_the_backend(api: FakeDataInclusion):
    def local():
        return "the embedded directory"

    assert open_backend(local, {}) == "the embedded directory"
    assert open_backend(local, {"DIRECTORY_BACKEND": "LOCAL"}) == "the embedded directory"
    with pytest.raises(RemoteDirectoryError, match="DIRECTORY_REMOTE_URL"):
        open_backend(local, {"DIRECTORY_BACKEND": "remote"})
    with pytest.raises(BackendConfigError, match="one of local, remote"):
        open_backend(local, {"DIRECTORY_BACKEND": "postgres"})
    env = {"DIRECTORY_BACKEND": "remote", "DIRECTORY_REMOTE_URL": api.url}
    remote = open_backend(local, env)
    assert isinstance(remote, RemoteDirectory) and remote.fallback == "the embedded directory"
    assert open_backend(
        local,
        {"DIRECTORY_BACKEND": "remote", "DIRECTORY_REMOTE_URL": api.url,
         "DIRECTORY_REMOTE_FALLBACK": "none"},
    ).fallback is None  # fmt: skip

    def missing():
        raise DirectoryUnavailable("no directory database")

    assert open_backend(missing, env).fallback is None  # the API alone, said in the log


# --- a place by id -------------------------------------------------------------------------------
def test_a_place_shown_once_is_found_again_by_its_id(api: FakeDataInclusion):
    with RemoteDirectory(api.url, token="t", timeout=0.5, retries=0) as remote:
        place = remote.get_place("data-inclusion:dora:svc-1")
        assert place is not None and place.name == "Centre social Nautilus"
        assert place.address == "12 rue de la Gare, 59100 Roubaix"
        assert place.phone == "+33320000000" and place.distance_km is None
        assert place.appointment_url == "https://example.org/rdv"
        assert remote.get_place("data-inclusion:dora:svc-1") == place  # cached: asked once
        assert [r.path for r in api.requests] == [SERVICE_PATH]
        assert remote.get_place("data-inclusion:dora:unknown") is None  # 404 from the API
        assert remote.get_place("data-inclusion:svc-1") is None  # no source: cannot ask
        assert remote.get_place("fs-roubaix") is None  # a local id, and no local directory
        assert len(api.requests) == 2


# --- the assistant --------------------------------------------------------------------------------
def _orient(text: str, where: str) -> dict:
    response = run_as_the_action_server(tracker(text, "ask_help", [ent("location", where)]))
    found = [r["custom"]["orienteur"] for r in response["responses"] if r.get("custom")]
    return found[-1]


def test_the_assistant_answers_from_the_api(remote_env: FakeDataInclusion):
    payload = _orient("apprendre l'ordinateur à Roubaix", "Roubaix")
    assert payload["type"] == "recommendation"
    names = [r["name"] for r in payload["results"]]
    assert names == ["Centre social Nautilus", "Médiathèque"]
    assert payload["results"][0]["id"] == "data-inclusion:dora:svc-1"
    assert payload["results"][0]["distance_text"] == "2 km"
    assert payload["results"][1]["phone_text"] == "03 20 11 11 11"  # the structure's phone
    search = _searches(remote_env)[0]
    assert search.params["code_commune"] == ["59512"]  # Roubaix, located offline
    assert search.headers["Authorization"] == "Bearer token-from-env"


def test_the_assistant_says_so_when_the_api_is_down(remote_env: FakeDataInclusion):
    remote_env.script(Reply(status=503))
    payload = _orient("apprendre l'ordinateur à Roubaix", "Roubaix")
    assert payload["results"] == [] and payload.get("error") == "directory_unavailable"
    assert len(_searches(remote_env)) == 3  # the first try and two retries


# --- the staff console ----------------------------------------------------------------------------
def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_the_console_triages_and_prints_from_the_api(remote_env: FakeDataInclusion):
    async def scenario() -> None:
        app = create_staff_app(
            config=staff_config(), locator=Locator(), counts=DailyCounts(":memory:")
        )
        client = TestClient(TestServer(app))
        await client.start_server()
        try:
            page = await (await client.get("/staff/login")).text()
            await client.post(
                "/staff/login",
                data={"csrf": _csrf(page), "username": "alice", "password": PASSWORD},
            )
            page = await (await client.get("/staff/")).text()
            html = await (
                await client.post(
                    "/staff/", data={"csrf": _csrf(page), "q": "dame 80 ans, papiers, Roubaix"}
                )
            ).text()
            assert "Centre social Nautilus" in html and "Médiathèque" in html
            href = re.search(r'href="(/staff/sheet/data-inclusion[^"]*)"', html).group(1)
            sheet = await client.get(href.replace("&amp;", "&"))
            body = await sheet.text()
            assert sheet.status == 200
            assert "Centre social Nautilus" in body and "12 rue de la Gare" in body
            missing = await client.get("/staff/sheet/data-inclusion%3Adora%3Agone")
            assert missing.status == 404
            remote_env.by_path["/api/v1/services/dora/svc-2"] = Reply(status=503)
            down = await client.get("/staff/sheet/data-inclusion%3Adora%3Asvc-2")
            assert down.status == 503 and "indisponible" in await down.text()
        finally:
            await client.close()

    asyncio.run(scenario())
    assert _searches(remote_env), "the console did not ask the API"
    assert SERVICE_PATH in [r.path for r in remote_env.requests]
