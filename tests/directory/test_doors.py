"""One entry per door: two records of one door (two sources, two names) make one entry of a
list, on the real embedded data (the pairs a tester saw at Saint-Flour and near Périgueux)."""

from __future__ import annotations

from datetime import datetime

import pytest

from actions.formatting import result_payload
from bot.channels import render
from directory_client import display, labels
from directory_client.hours import PARIS
from directory_client.labels import fold
from directory_client.types import Location, SearchQuery

TUESDAY_10H = datetime(2024, 5, 14, 10, 0, tzinfo=PARIS)
SAINT_FLOUR = Location("Saint-Flour (15)", "commune", 45.0336, 3.0833, "Saint-Flour",
                       "15187", "15100", "15")  # fmt: skip
PERIGUEUX = Location("Périgueux (24)", "commune", 45.1843, 0.7212, "Périgueux",
                     "24322", "24000", "24")  # fmt: skip


def _search(directory, location, needs, limit=3, offset=0):
    query = SearchQuery(needs=needs, location=location, limit=limit, offset=offset,
                        now=TUESDAY_10H)  # fmt: skip
    return directory.search(query)


def _entries(response, street: str) -> list:
    return [r for r in response.results if street in r.address.lower()]


def test_saint_flour_two_records_of_one_door_make_one_entry(embedded_directory):
    # hinaura:830 and conseiller-numerique:62821b87…: "50 Avenue du Docteur Mallet/MALLET",
    # SAINT-FLOUR, geocoded 500 m apart.
    response = _search(embedded_directory, SAINT_FLOUR, (labels.OUTILS_QUOTIDIEN,))
    entries = _entries(response, "docteur mallet")
    assert len(entries) == 1, [r.name for r in response.results]
    entry = entries[0]
    assert "Saint-Flour" in entry.name, entry.name
    # The union of what they offer, the fuller hours (Monday to Friday, not Thursday only),
    # the contact one of them gives.
    assert {labels.DEMARCHES, labels.OUTILS_QUOTIDIEN, labels.COMPREHENSION} <= set(entry.services)
    assert entry.opening_hours.startswith("Mo-Th 08:00")
    assert entry.phone == "+33471600887" and entry.email == "cnumerique15@gmail.com"
    assert entry.to_payload()["name"] == entry.name


def test_perigueux_one_door_two_names_same_phone_is_one_entry_and_the_page_stays_full(
    embedded_directory,
):
    # Coulounieix-Chamiers (Périgueux): "Centre Social Saint Exupéry" (conseiller-numerique)
    # and "France services Saint-Exupéry" (ANCT), 2 av. du Maréchal de Lattre de Tassigny.
    needs = (labels.OUTILS_QUOTIDIEN, labels.DEMARCHES)
    response = _search(embedded_directory, PERIGUEUX, needs, limit=5)
    entries = _entries(response, "lattre de tassigny")
    assert len(entries) == 1, [r.name for r in response.results]
    assert "Saint Exupéry" in entries[0].name and "Saint-Exupéry" in entries[0].name
    assert {labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL, labels.OUTILS_QUOTIDIEN} <= set(
        entries[0].services
    )
    assert len(response.results) == 5
    # The next page does not show the door again.
    after = _search(embedded_directory, PERIGUEUX, needs, limit=5, offset=5)
    assert not _entries(after, "lattre de tassigny")
    ids = {r.id for r in response.results} | {r.id for r in after.results}
    assert len(ids) == len(response.results) + len(after.results)


AURILLAC = Location("Aurillac (15)", "commune", 44.9264, 2.4397, "Aurillac",
                    "15014", "15000", "15")  # fmt: skip


def _parts(entry) -> list[str]:
    return entry.why.split(", ")


def test_one_door_says_its_price_once_the_best_records(embedded_directory):
    # 1 rue Alexandre Pinard, Aurillac: three records of one door, "Gratuit" for two and
    # "Gratuit sous condition" for the third; the entry read "gratuit, gratuit sous condition".
    response = _search(embedded_directory, AURILLAC, (labels.OUTILS_QUOTIDIEN,), limit=5)
    # (3 rue Alexandre Pinard, "Maison de la Solidarité Départemental", is another door: its
    # own phone and e-mail.)
    entries = [r for r in response.results if r.address.lower().startswith("1 rue alexandre")]
    assert len(entries) == 1, [r.name for r in response.results]
    entry = entries[0]
    assert "Espace Georges Pompidou" in entry.name and "Aurillac" in entry.name  # three records
    fee_parts = [p for p in _parts(entry) if p.startswith("gratuit")]
    assert len(fee_parts) == 1, entry.why
    assert len(entry.fees) == 1 and display.fee_text(entry.fees) == fee_parts[0]


def test_one_door_names_a_service_once_in_one_wording(embedded_directory):
    # Saint-Flour's neighbours, two records each: "aide pour vos papiers en ligne" (France
    # Services list) and "fait vos papiers en ligne avec vous" (conseiller-numérique) are one
    # service; "à votre place" and "à votre place (Aidants Connect)" too.
    response = _search(embedded_directory, SAINT_FLOUR, (labels.DEMARCHES,), limit=5)
    for town in ("ruynes", "neuv"):
        entries = [r for r in response.results if town in fold(r.name)]
        assert len(entries) == 1, [r.name for r in response.results]
        parts = _parts(entries[0])
        papers = [p for p in parts if "papiers en ligne" in p]
        on_behalf = [p for p in parts if p.startswith("peut faire vos démarches")]
        assert len(papers) == 1 and len(on_behalf) <= 1, entries[0].why
        assert len(parts) == len(set(parts))


def test_one_door_keeps_another_service_the_other_record_names(embedded_directory):
    # Saint-Exupéry (Coulounieix-Chamiers): papers (France Services) and the telephone
    # (Centre Social): two services, both said.
    needs = (labels.OUTILS_QUOTIDIEN, labels.DEMARCHES)
    entry = _entries(_search(embedded_directory, PERIGUEUX, needs, limit=5), "lattre de tassigny")[
        0
    ]
    assert "aide pour vos papiers en ligne" in _parts(entry)
    assert "apprendre à se servir d'un téléphone ou d'une tablette" in _parts(entry)
    assert _parts(entry).count("gratuit") == 1 and entry.fees == ("Gratuit",)


EBREUIL = Location("Ébreuil (03)", "commune", 46.1147, 3.0864, "Ébreuil", "03107", "03450",
                   "03")  # fmt: skip


def test_a_bus_and_its_desk_at_one_address_stay_two_entries_the_later_says_which(
    embedded_directory,
):
    # "France services Ebreuil" and "Bus France services d'Ebreuil", 21 allée du Chemin de Fer:
    # the bus has its own days, so two entries; they read as the same place listed twice.
    response = _search(embedded_directory, EBREUIL, (labels.DEMARCHES,), limit=3)
    entries = _entries(response, "chemin de fer")
    assert len(entries) == 2 and len({r.mobile_service is None for r in entries}) == 2
    first, later = entries
    assert first.same_desk is None
    assert later.same_desk and first.name in later.same_desk, later.same_desk
    # Every channel's list shows it, just under the name.
    number = response.results.index(later) + 1
    lines = render.place_lines(result_payload(later, number))
    assert lines[1] == later.same_desk
    # Another place of the page says nothing of it.
    assert all(r.same_desk is None for r in response.results if r not in entries)


# --- a second name shown only when it says more than the first (round 26's tester: « France
# Services de Ruynes en Margeride (France services Ruynes-en-Margeride) »).
@pytest.mark.parametrize(
    "first, second, shown",
    [
        ("France Services de Ruynes en Margeride", "France services Ruynes-en-Margeride",
         "France Services de Ruynes en Margeride"),
        ("Médiathèque de Saint-Flour", "MEDIATHEQUE ST FLOUR", "Médiathèque de Saint-Flour"),
        ("France services Le Puy-en-Velay", "France Services du Puy en Velay",
         "France services Le Puy-en-Velay"),
        ("France services Saint-Exupéry", "Centre Social Saint Exupéry",
         "France services Saint-Exupéry (Centre Social Saint Exupéry)"),
    ],
)  # fmt: skip
def test_a_second_name_is_shown_only_when_it_says_more(first, second, shown):
    from dataclasses import replace

    from directory_client.search import doors
    from tests.conftest_actions import _place

    one = _place(1, 45.0, 3.0, (labels.DEMARCHES,), True)
    group = [replace(one, name=first), replace(one, id="place-2", name=second)]
    entry = doors.merged(group)
    assert entry.name == shown
    assert entry.to_payload()["name"] == shown
