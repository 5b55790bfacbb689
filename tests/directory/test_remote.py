"""RemoteDirectory against a real HTTP server on 127.0.0.1 that speaks the data·inclusion shape."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from directory_client import labels
from directory_client.errors import RemoteDirectoryError
from directory_client.remote import (
    ALL_DIGITAL_THEMATIQUES,
    FALLBACK_NOTICE,
    RemoteDirectory,
    thematiques_for,
)
from directory_client.types import (
    Location,
    OpeningStatus,
    SearchFilters,
    SearchQuery,
    SearchResponse,
    SearchResult,
)
from tests.data_inclusion_server import (
    FakeDataInclusion,
    Reply,
    service_item,
)
from tests.places import ROUBAIX


@pytest.fixture
def api() -> Iterator[FakeDataInclusion]:
    with FakeDataInclusion() as server:
        yield server


class FakeLocalDirectory:
    """Stands in for the local ``Directory`` (its search is not merged yet)."""

    def __init__(self) -> None:
        self.queries: list[SearchQuery] = []

    def search(self, query: SearchQuery) -> SearchResponse:
        self.queries.append(query)
        place = SearchResult(
            id="local-1",
            name="EPN de Roubaix",
            services=(labels.DEMARCHES,),
            address="1 place de la Liberté, 59100 Roubaix",
            commune="Roubaix",
            code_postal="59100",
            lat=50.69,
            lon=3.17,
            distance_km=0.4,
            phone=None,
            email=None,
            website=None,
            appointment_url=None,
            opening_hours=None,
            opening=OpeningStatus(None, None, None, "Horaires non connus"),
            free=True,
            labels=(),
            why="fait les démarches avec vous, gratuit",
        )
        return SearchResponse(
            query=query,
            results=(place,),
            radius_km=query.radius_km,
            widened=False,
            nothing_near=False,
            total=1,
        )


def make_remote(api: FakeDataInclusion, **kwargs) -> RemoteDirectory:
    options = dict(token="secret-token", timeout=0.2, retries=2, backoff=0.01)
    options.update(kwargs)
    return RemoteDirectory(api.url, **options)


def query(**kwargs) -> SearchQuery:
    options = dict(needs=(labels.DEMARCHES,), location=ROUBAIX)
    options.update(kwargs)
    return SearchQuery(**options)


# --- scenarios -----------------------------------------------------------------------------------
def test_normal_answer_is_mapped_to_search_results(api: FakeDataInclusion) -> None:
    with make_remote(api) as remote:
        response = remote.search(query())

    assert response.backend == "remote"
    assert response.notice is None
    assert response.total == 2
    assert response.nothing_near is False
    assert [r.name for r in response.results] == ["Centre social Nautilus", "Médiathèque"]
    first, second = response.results
    assert first.id == "data-inclusion:dora:svc-1"
    assert first.distance_km == 2.0
    assert first.services == (labels.DEMARCHES, labels.OUTILS_QUOTIDIEN)
    assert first.address == "12 rue de la Gare, 59100 Roubaix"
    assert first.website == "https://nautilus.example.org"
    assert first.appointment_url == "https://example.org/rdv"
    assert first.free is True
    assert first.opening.open_now is None
    assert first.opening.text == "Horaires non connus"
    assert first.why.startswith("aide à faire les démarches en ligne")
    assert first.why.endswith("gratuit")
    assert second.services == (labels.ACCES_INTERNET_MATERIEL,)
    assert second.phone == "+33320111111"  # the structure's, the service has none
    assert second.free is False
    assert "gratuit" not in second.why
    assert (first.fees, second.fees) == (("Gratuit",), ("Payant",))  # as the local directory
    assert first.to_payload() == {
        "id": "data-inclusion:dora:svc-1",
        "name": "Centre social Nautilus",
        "distance_km": 2.0,
        "services": [labels.DEMARCHES, labels.OUTILS_QUOTIDIEN],
        "address": "12 rue de la Gare, 59100 Roubaix",
        "phone": "+33320000000",
        "opening_hours": None,
        "open_now": None,
        "ahead": None,  # the remote directory ranks by itself: nothing said
        "why": first.why,
    }
    assert [o.name for o in response.remote_options] == [labels.HELPLINE["name"]]


def test_query_parameters_and_bearer_token_are_sent(api: FakeDataInclusion) -> None:
    filters = SearchFilters(free_only=True, publics=("Seniors", "Inconnu"))
    with make_remote(api) as remote:
        remote.search(query(filters=filters, limit=3, offset=3))

    (request,) = api.requests
    assert request.path == "/api/v1/search/services"
    assert request.headers["Authorization"] == "Bearer secret-token"
    assert request.params["code_commune"] == ["59512"]
    assert request.params["lat"] == ["50.694200"]
    assert request.params["lon"] == ["3.174600"]
    assert request.params["thematiques"] == [
        "numerique--acceder-a-des-services-en-ligne",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    ]
    assert request.params["frais"] == ["gratuit"]
    assert request.params["publics"] == ["seniors"]
    assert request.params["modes_accueil"] == ["en-presentiel"]
    assert request.params["page"] == ["1"]
    assert request.params["size"] == ["6"]


def test_token_comes_from_the_environment(api, monkeypatch) -> None:
    monkeypatch.setenv("DATA_INCLUSION_TOKEN", "env-token")
    monkeypatch.setenv("DIRECTORY_REMOTE_URL", api.url)
    with RemoteDirectory.from_env(timeout=0.2) as remote:
        remote.search(query(filters=SearchFilters(remote_ok=True)))
    (request,) = api.requests
    assert request.headers["Authorization"] == "Bearer env-token"
    assert "modes_accueil" not in request.params


def test_no_token_no_authorization_header(api, monkeypatch) -> None:
    monkeypatch.delenv("DATA_INCLUSION_TOKEN", raising=False)
    with make_remote(api, token=None) as remote:
        remote.search(query())
    assert "Authorization" not in api.requests[0].headers


def test_from_env_without_url_is_a_named_error(monkeypatch) -> None:
    monkeypatch.delenv("DIRECTORY_REMOTE_URL", raising=False)
    with pytest.raises(RemoteDirectoryError):
        RemoteDirectory.from_env()


def test_offset_pages_through_the_answer(api: FakeDataInclusion) -> None:
    with make_remote(api) as remote:
        response = remote.search(query(limit=1, offset=1))
    assert [r.name for r in response.results] == ["Médiathèque"]
    assert api.requests[0].params["size"] == ["2"]


def test_repeated_query_is_served_from_the_cache(api: FakeDataInclusion) -> None:
    with make_remote(api) as remote:
        first = remote.search(query())
        second = remote.search(query())
        assert len(api.requests) == 1
        assert second.results == first.results
        remote.search(query(needs=(labels.ACQUISITION_MATERIEL,)))
        assert len(api.requests) == 2


def test_cache_can_be_turned_off(api: FakeDataInclusion) -> None:
    with make_remote(api, cache_ttl=0) as remote:
        remote.search(query())
        remote.search(query())
    assert len(api.requests) == 2


def test_on_disk_cache_survives_a_new_client(api: FakeDataInclusion, tmp_path) -> None:
    path = tmp_path / "remote-cache.json"
    with make_remote(api, cache_path=path) as remote:
        remote.search(query())
    with make_remote(api, cache_path=path) as remote:
        response = remote.search(query())
    assert len(api.requests) == 1
    assert response.results[0].name == "Centre social Nautilus"


def test_server_error_then_success_is_retried(api: FakeDataInclusion) -> None:
    api.script(Reply(status=500, body={"detail": "boom"}), Reply())
    with make_remote(api) as remote:
        response = remote.search(query())
    assert len(api.requests) == 2
    assert response.backend == "remote"
    assert len(response.results) == 2


def test_too_many_requests_respects_retry_after(api: FakeDataInclusion) -> None:
    api.script(Reply(status=429, body={}, headers={"Retry-After": "1"}), Reply())
    waits: list[float] = []
    with make_remote(api, sleep=waits.append) as remote:
        response = remote.search(query())
    assert waits == [1.0]
    assert response.backend == "remote"


def test_timeouts_are_retried_then_fall_back(api: FakeDataInclusion) -> None:
    api.script(Reply(delay=0.5))
    local = FakeLocalDirectory()
    started = time.monotonic()
    with make_remote(api, fallback=local) as remote:
        response = remote.search(query())
    assert time.monotonic() - started < 2.0
    assert len(api.requests) == 3  # 1 + 2 retries
    assert response.backend == "local-fallback"
    assert response.notice == FALLBACK_NOTICE
    assert [r.name for r in response.results] == ["EPN de Roubaix"]
    assert local.queries == [query()]


def test_garbage_body_falls_back_without_retry(api: FakeDataInclusion) -> None:
    api.script(Reply(body=b"<html>maintenance</html>"))
    with make_remote(api, fallback=FakeLocalDirectory()) as remote:
        response = remote.search(query())
    assert len(api.requests) == 1
    assert response.backend == "local-fallback"


@pytest.mark.parametrize("body", [{"results": []}, [1, 2], {"items": "nope"}])
def test_wrong_shape_falls_back(api: FakeDataInclusion, body) -> None:
    api.script(Reply(body=body))
    with make_remote(api, fallback=FakeLocalDirectory()) as remote:
        assert remote.search(query()).backend == "local-fallback"


def test_bad_items_are_skipped_one_by_one(api: FakeDataInclusion) -> None:
    good = service_item("ok", "Atelier numérique", 3, ["numerique--acquerir-un-equipement"])
    api.script(
        Reply(
            body={
                "items": [
                    "not an object",
                    {"distance": 1},
                    {"service": {"nom": "Sans identifiant"}, "distance": 1},
                    {"service": {"id": "x", "nom": "Distance bizarre"}, "distance": "loin"},
                    good,
                ],
                "total": 5,
            }
        )
    )
    with make_remote(api) as remote:
        response = remote.search(query(needs=(labels.ACQUISITION_MATERIEL,)))
    assert [r.name for r in response.results] == ["Atelier numérique"]
    assert response.results[0].services == (labels.ACQUISITION_MATERIEL,)


def test_distance_is_computed_when_the_api_gives_none(api: FakeDataInclusion) -> None:
    item = service_item("far", "Loin", None, [], latitude=50.6292, longitude=3.0573)  # Lille
    api.script(Reply(body={"items": [item], "total": 1}))
    with make_remote(api) as remote:
        (result,) = remote.search(query()).results
    assert result.distance_km == pytest.approx(10.8, abs=0.5)
    assert result.why.startswith("service d'aide référencé")


def test_unauthorized_is_not_retried_and_falls_back(api: FakeDataInclusion) -> None:
    api.script(Reply(status=401, body={"detail": "Not authenticated"}))
    with make_remote(api, fallback=FakeLocalDirectory()) as remote:
        response = remote.search(query())
    assert len(api.requests) == 1
    assert response.backend == "local-fallback"


def test_without_fallback_the_error_is_raised(api: FakeDataInclusion) -> None:
    api.script(Reply(status=503, body={}))
    with make_remote(api) as remote, pytest.raises(RemoteDirectoryError):
        remote.search(query())
    assert len(api.requests) == 3


def test_unreachable_server_falls_back() -> None:
    with FakeDataInclusion() as server:
        url = server.url  # the port is free again once the server is closed
    with RemoteDirectory(url, timeout=0.2, backoff=0.01, fallback=FakeLocalDirectory()) as remote:
        assert remote.search(query()).backend == "local-fallback"


def test_location_without_code_nor_point_falls_back(api: FakeDataInclusion) -> None:
    vague = Location(label="Nord (59)", kind="departement", lat=None, lon=None, departement="59")
    with make_remote(api, fallback=FakeLocalDirectory()) as remote:
        assert remote.search(query(location=vague)).backend == "local-fallback"
    assert api.requests == []


def test_opening_hours_are_evaluated_when_the_evaluator_is_there(api: FakeDataInclusion) -> None:
    item = service_item("h", "Toujours ouvert", 1, [], horaires_accueil="Mo-Su 00:00-24:00")
    api.script(Reply(body={"items": [item], "total": 1}))
    with make_remote(api) as remote:
        (result,) = remote.search(query()).results
    assert result.opening_hours == "Mo-Su 00:00-24:00"
    try:
        import directory_client.hours  # noqa: F401  (merged from the local-search branch)
    except ImportError:
        assert result.opening.open_now is None
        assert result.opening.text == "Horaires non connus"
    else:
        assert result.opening.open_now is True


def test_every_service_label_has_thematiques() -> None:
    for label in labels.SERVICES:
        assert thematiques_for((label,)), label
    # old (1.0) labels are understood too
    assert thematiques_for(("Accompagner les démarches de santé",)) == thematiques_for(
        (labels.DEMARCHES,)
    )


def test_unknown_needs_ask_for_every_digital_thematique() -> None:
    assert thematiques_for(("Faire du vélo",)) == list(ALL_DIGITAL_THEMATIQUES)


def test_long_retry_after_gives_up_at_once(api: FakeDataInclusion) -> None:
    api.script(Reply(status=429, body={}, headers={"Retry-After": "120"}), Reply())
    waits: list[float] = []
    with make_remote(api, sleep=waits.append, fallback=FakeLocalDirectory()) as remote:
        response = remote.search(query())
    assert response.backend == "local-fallback"
    assert len(api.requests) == 1
    assert waits == []


def test_after_a_failure_the_api_rests_for_the_cooldown(api: FakeDataInclusion) -> None:
    api.script(Reply(status=503, body={}), Reply(status=503, body={}), Reply(status=503, body={}))
    api.replies.append(Reply())
    with make_remote(api, fallback=FakeLocalDirectory(), cooldown=60) as remote:
        assert remote.search(query()).backend == "local-fallback"
        assert len(api.requests) == 3
        assert remote.search(query(limit=5)).backend == "local-fallback"
        assert len(api.requests) == 3  # not asked during the cooldown
        remote._down_until = 0.0  # the cooldown is over
        assert remote.search(query(limit=5)).backend == "remote"
        assert len(api.requests) == 4


def test_cooldown_does_not_hide_cached_answers(api: FakeDataInclusion) -> None:
    with make_remote(api, fallback=FakeLocalDirectory(), cooldown=60) as remote:
        remote.search(query())
        api.script(Reply(status=500, body={}))
        assert remote.search(query(limit=7)).backend == "local-fallback"
        assert remote.search(query()).backend == "remote"  # still in the cache


@pytest.mark.parametrize("adresse, shown", [
    ("(ex. 12 allée des Glycines)7 rue Terrasse", "7 rue Terrasse, 59100 Roubaix"),
    ("61Rue Girardot", "61 Rue Girardot, 59100 Roubaix"),
    ("2bis rue Haute", "2bis rue Haute, 59100 Roubaix"),
])  # fmt: skip
def test_an_address_from_the_api_is_tidied_as_the_importer_tidies_it(api, adresse, shown) -> None:
    # t152's tester (defect 23): "(ex. 12 allée des Glycines)7 rue Terrasse", "61Rue Girardot".
    item = service_item("svc-9", "EPN", 1, [], adresse=adresse)
    api.script(Reply(body={"items": [item], "total": 1}))
    with make_remote(api) as remote:
        [place] = remote.search(query()).results
    assert place.address == shown
