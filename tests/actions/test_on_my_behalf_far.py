""" "À ma place" with no place near that does it (Aidants Connect 85 km away, a France Services
1.6 km away): said plainly, the near places that do the need given (France Services first) with
the line to ask for Aidants Connect there; 85 km is never "près". Real SQLite directory."""

from __future__ import annotations

from tests.conftest_actions import (
    memory_directory,  # noqa: F401 - the directory fixture
    run_as_the_action_server,
    tracker,
)
from tests.places import make_place, offset

LENS = (50.4322, 2.8333)
TEXT = "je veux quelqu'un qui fasse mes démarches à ma place, je suis à Lens"  # fmt: skip


def _place(session, name: str, km_east: float, **fields) -> None:
    lat, lon = offset(0.0, km_east, origin=LENS)
    make_place(session, name, latitude=lat, longitude=lon, commune="Lens", code_postal="62300",
               code_insee="62498", departement="62", **fields)  # fmt: skip


def _answer() -> tuple[str, dict]:
    lens = {"label": "Lens (62)", "kind": "commune", "lat": LENS[0], "lon": LENS[1],
            "commune": "Lens", "code_insee": "62498", "code_postal": "62300",
            "departement": "62"}  # fmt: skip
    answer = run_as_the_action_server(
        tracker(
            TEXT,
            "ask_help",
            slots={"location": lens, "needs": ["demarches"], "constraints": ["a_ma_place"]},
        )
    )
    said = " ".join(r.get("text") or "" for r in answer["responses"])
    body = next(r["custom"]["orienteur"] for r in answer["responses"] if r.get("custom"))
    return said, body


def test_a_ma_place_only_far_gives_the_near_places_france_services_first(directory):
    with directory.Session() as session:
        _place(session, "Aidants Connect de Ribemont", 85,
               dispositif_programmes_nationaux="Aidants Connect")  # fmt: skip
        _place(session, "Médiathèque de Lens", 0.8)
        _place(session, "France Services de Lens", 1.6,
               dispositif_programmes_nationaux="France Services")  # fmt: skip
        session.commit()
    said, body = _answer()
    names = [r["name"] for r in body["results"]]
    # The near ones first (France Services first); the far one only as the widened search's.
    assert names[:2] == ["France Services de Lens", "Médiathèque de Lens"]
    assert "Aucun lieu ne fait les démarches à votre place" in said
    assert "Voici le lieu près de" not in said
    assert any("Aidants Connect" in n for n in body["notes"])


def test_a_ma_place_near_is_kept_and_read_without_nested_brackets(directory):
    with directory.Session() as session:
        _place(session, "Aidants Connect de Lens", 3,
               dispositif_programmes_nationaux="Aidants Connect")  # fmt: skip
        _place(session, "Médiathèque de Lens", 0.8)
        session.commit()
    said, body = _answer()
    assert [r["name"] for r in body["results"]] == ["Aidants Connect de Lens"]
    assert "à votre place" in said
    assert "))" not in said
