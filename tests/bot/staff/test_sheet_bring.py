"""The referral sheet (printed by the desk, sent by SMS or e-mail, or kept by the citizen) says
what to bring only for a place that does the procedure: the chat's rule, from the chat's function
(``actions.formatting.bring_where``). A place teaching internet only gets no carte grise list."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from actions import formatting as fmt
from bot.staff import catalogue, render
from directory_client import labels
from tests.staff_support import place

PRINTED = datetime(2026, 3, 2, 10, 0)
DOES_PAPERS = place("fs-roubaix", "France Services de Roubaix", "1 rue Nain, Roubaix", km=0.5)
INTERNET_ONLY = replace(
    DOES_PAPERS, id="ep-roubaix", name="Espace numérique",
    services=(labels.OUTILS_QUOTIDIEN, labels.ACCES_INTERNET_MATERIEL),
)  # fmt: skip
NOTHING_SAID = replace(DOES_PAPERS, id="x-roubaix", name="Lieu sans services", services=())


def does(r, procedure: catalogue.Procedure) -> bool:
    """The chat's rule for this one place."""
    kept, _ = fmt.bring_where(procedure.key.split("+"), [],
                              [{"number": 1, "services": list(r.services)}])  # fmt: skip
    return bool(kept)


def sent(r, procedure) -> dict[str, str]:
    return {
        "sheet": render.sheet_page(r, procedure, PRINTED, auto_print=False),
        "sms": render.sms_text(r, procedure),
    }


@pytest.mark.parametrize("key", ["carte_grise", "caf", "impots", "ameli", "retraite"])
@pytest.mark.parametrize("r", [DOES_PAPERS, INTERNET_ONLY, NOTHING_SAID], ids=lambda r: r.id)
def test_the_sheet_lists_documents_only_where_the_procedure_is_done(r, key):
    procedure = catalogue.by_key(key)
    assert procedure is not None and procedure.documents
    for way, text in sent(r, procedure).items():
        assert ("apporter" in text) == does(r, procedure), (way, text)


def test_a_place_teaching_internet_only_gets_no_carte_grise_list():
    procedure = catalogue.by_key("carte_grise")
    for way, text in sent(INTERNET_ONLY, procedure).items():
        assert "apporter" not in text and "certificat de cession" not in text, (way, text)
    for way, text in sent(DOES_PAPERS, procedure).items():
        assert "apporter" in text and "certificat de cession" in text, (way, text)


def test_the_citizens_sheet_from_the_chats_list_follows_the_same_rule():
    # The citizen's sheet reads the chat's items (``catalogue.for_bring``), procedures joined.
    items = fmt.bring_items(["carte_grise", "caf"])
    procedure = catalogue.for_bring(items)
    assert procedure is not None and "+" in procedure.key
    assert "certificat de cession" in render.sheet_page(DOES_PAPERS, procedure, PRINTED, False)
    assert "apporter" not in render.sheet_page(INTERNET_ONLY, procedure, PRINTED, False)


@pytest.mark.parametrize("key", ["caf", "retraite", "carte_grise"])
def test_the_desks_sms_says_who_writes_and_stays_in_the_sms_alphabet(key):
    """Round 23's tester: the desk's SMS kept « À apporter » (UCS-2: 5 segments for 327
    characters, where the chat's folded text takes 3) and did not say who was writing."""
    from bot.channels.sms_text import encoding, segments

    body = render.sms_text(DOES_PAPERS, catalogue.by_key(key))
    assert body.startswith("Orienteur, de la part de l'accueil"), body
    assert "apporter" in body and encoding(body) == "GSM-7", body
    assert segments(body) <= 4
