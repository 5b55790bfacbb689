"""A carte grise the NLU model tags as the procedure "ants" alone (the keywords reading nothing:
"ma carte grisse", "certificat d immatriculation") gets the vehicle's list of what to bring, not
the identity card's. Real SQLite directory."""

from __future__ import annotations

import pytest

from actions import needs
from tests.conftest_actions import (
    ent,
    memory_directory,  # noqa: F401 - the directory fixture
    run_as_the_action_server,
    tracker,
)
from tests.places import LYON_SLOT, make_place


def _bring(directory, text: str, tagged: str) -> list[str]:
    with directory.Session() as session:
        make_place(session, "France Services de Lyon", km_east=1.0)
        session.commit()
    # "inform": read from its words only, the model's entity fills what they miss
    t = tracker(text, "inform", entities=[ent("procedure", "ants", tagged)],
                slots={"location": LYON_SLOT})  # fmt: skip
    answer = run_as_the_action_server(t)
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    return body["bring"] or []


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("ma carte grisse svp", "carte grisse"),
        ("mon certificat d immatriculation", "certificat d immatriculation"),
    ],
)
def test_a_carte_grise_tagged_ants_gets_the_vehicle_list(directory, text, tagged):
    bring = _bring(directory, text, tagged)
    assert bring == list(needs.PROCEDURES["carte_grise"].bring)
    assert "votre ancienne pièce d'identité" not in bring


def test_ants_alone_is_still_the_identity_card_list(directory):
    bring = _bring(directory, "mon titre ants", "ants")
    assert bring == list(needs.PROCEDURES["ants"].bring)
