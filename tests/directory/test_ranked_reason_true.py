"""A "Plus loin, mais …" line names something the farther place has AND every nearer place the
person sees lacks. The tester's lists (Amiens, Douai, Nancy, Tarbes: "c'est un lieu d'aide au
numérique" before places also doing digital help; Grenoble, Lyon, Châteauroux: "fait aussi :
aide pour vos papiers en ligne" before places doing paperwork) and towns not seen. The real
embedded directory and Locator."""

from __future__ import annotations

import pytest

from directory_client import Locator
from directory_client.search import shown_km
from tests.directory.pages import pages_of


@pytest.fixture(scope="module")
def locator(embedded_directory):
    return Locator(directory=embedded_directory)


CASES = [
    ("Amiens", ["ordinateur"]), ("Douai", ["smartphone"]), ("Nancy", ["ordinateur"]),
    ("Tarbes", ["smartphone"]), ("Grenoble", ["demarches", "smartphone"]),
    ("Lyon", ["demarches"]), ("Châteauroux", ["demarches", "ordinateur"]),
    ("Maubeuge", ["ordinateur"]), ("Maubeuge", ["smartphone"]),
    ("Poitiers", ["smartphone"]), ("Valence", ["demarches", "ordinateur"]),
    ("Brest", ["ordinateur"]),
]  # fmt: skip


@pytest.mark.parametrize("town, keys", CASES)
def test_a_reason_is_what_every_nearer_place_seen_lacks(embedded_directory, locator, town, keys):
    listed = pages_of(embedded_directory, locator, town, keys, 2)
    for i, entry in enumerate(listed):
        if not entry.ahead:
            continue
        page_end = (i // 3 + 1) * 3
        nearer = [r for r in listed[:page_end] if r is not entry
                  and shown_km(r.distance_km) < shown_km(entry.distance_km)]  # fmt: skip
        reason = entry.ahead.removeprefix("Plus loin, mais ")
        assert reason != "c'est un lieu d'aide au numérique", (entry, listed)
        for words in reason.removeprefix("fait aussi : ").split(", "):
            assert not any(words in (r.why or "") for r in nearer), (entry, nearer)
        if "France Services" in reason:
            assert not any("France Services" in r.labels for r in nearer), (entry, nearer)
