"""Places whose point lies beyond the commune their record names (round 176's tester in Paris
13e: « Icf la Sabliere Sa d'HLM (1,8 km) — 24 rue de Paradis, 75010 Paris 10e », the source's
point in the 12e): the importer moves a fixed place's point to its commune's centre;
``python -m directory_client positions`` counts and lists those still beyond
(``importer.position.outside_km``: itinerant stops, communes it cannot name)."""

from __future__ import annotations

from directory_client.cli import main
from directory_client.importer.position import outside_km


def test_the_point_of_a_place_of_the_10e_given_in_the_12e_is_beyond_its_commune():
    assert 2.5 < outside_km(48.845, 2.3752, "75110", "75010") < 3.0  # type: ignore[operator]
    assert outside_km(48.8722, 2.3500, "75110", "75010") < 0.5  # 24 rue de Paradis itself


def test_the_check_counts_and_lists_those_still_beyond(embedded_directory, capsys):
    assert main(["--db", embedded_directory.url, "positions", "--list"]) == 0
    out = capsys.readouterr().out
    count = int(out.split(" of ", 1)[0])
    assert 0 < count <= 35, out.splitlines()[0]  # 53 before the importer moved them
    assert "ICF LA SABLIERE" not in out and "Bus France services du Sud" in out, out
