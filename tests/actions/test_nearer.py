""""plus près ?" after a list ranked by fit within a comparable distance: the nearest places in
strict distance order, said so (never "les plus proches" for a list that is not). Real SQLite
directory, the action run as the action server runs it."""

from __future__ import annotations

import pytest

from actions import backends
from directory_client.directory import Directory
from directory_client.models import Base
from tests.conftest_actions import run_as_the_action_server, slots_of, tracker
from tests.conftest_actions import said as read_of
from tests.places import here, make_place


@pytest.fixture
def lyon():
    directory = Directory("sqlite:///:memory:")
    backends.set_backends(directory, backends.get_locator())
    with directory.Session() as session:
        # A France Services one can reach (a phone) a little farther ranks before nearer ones
        # that give no contact (``search.rank``, ``search.evidence``), saying why (« on y fait
        # la démarche avec vous »): the first list is not in distance order.
        make_place(session, "Maison France services", km_east=2.5, telephone="+33472000000",
                   dispositif_programmes_nationaux="France Services")  # fmt: skip
        make_place(session, "Association du quartier", km_east=0.8)
        make_place(session, "Salle des fêtes", km_east=1.6)
        make_place(session, "Mairie annexe", km_east=6.5)
        session.commit()
    yield
    backends.set_backends(None, None)
    Base.metadata.drop_all(directory.engine)
    directory.close()


def ask(message: str, intent: str, slots: dict) -> tuple[str, dict, dict]:
    answer = run_as_the_action_server(tracker(message, intent, slots=slots))
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    body = next((r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom")), {})
    return said, body, {**slots, **slots_of(answer["events"])}


def km(body: dict) -> list[float]:
    return [r["distance_km"] for r in body["results"]]


@pytest.mark.parametrize("message", ["plus près ?", "c trop loin", "y a rien de plus proche ?"])
@pytest.mark.parametrize("intent", ["change_location", "nlu_fallback"])
def test_nearer_when_the_nearest_is_shown_says_so_never_a_farther_list(lyon, message, intent):
    """Chosen by fit, read nearest first (800 m, 1,6 km, 2,5 km: the nearest shown): none is
    nearer, said with the nearest's distance; never a list with places farther than one shown."""
    said, body, slots = ask("ma demande CAF", "ask_help", {"location": here().__dict__})
    assert km(body) == sorted(km(body))  # each page reads nearest first
    action = "action_fallback" if intent == "nlu_fallback" else "action_orient"
    answer = run_as_the_action_server(tracker(message, intent, slots=slots), action)
    text = " ".join(read_of(r) for r in answer["responses"])
    assert not [r for r in answer["responses"] if r.get("custom")], text
    assert text.startswith("Il n'y a pas de lieu plus près pour "), text
    nearest = min(body["results"], key=lambda r: r["distance_km"])
    assert text.endswith(f" ; le plus proche est à {nearest['distance_text']}."), text
