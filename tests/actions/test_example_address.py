"""Two Hinaura records give as their address only a form's example, « (ex. 12 allée des
Glycines) » (kept as written in the record, so that an export imports again). A person must not
read it as where to go: the card says the address is not given and to ask for it, the contact
just under it. What the widget shows (the payload's address) and what an SMS says (the channel's
lines of the place), from the real embedded directory."""

from __future__ import annotations

import pytest

from actions import formatting
from bot.channels import render


@pytest.mark.parametrize("public_id, town", [
    ("hinaura:1100", "26800 Portes-lès-Valence"),
    ("hinaura:1130", "26730 Hostun"),
])  # fmt: skip
def test_a_forms_example_is_not_read_as_the_address(real, public_id, town):
    place = real.get_place(public_id)
    assert place is not None
    payload = formatting.result_payload(place, 1)
    shown = payload["address"]  # the widget's card line
    assert "Glycines" not in shown and "(ex." not in shown, shown
    assert shown.startswith("Adresse non précisée"), shown
    assert shown.endswith(town), shown
    sms = "\n".join(render.place_lines(payload))
    assert "Glycines" not in sms, sms
    assert "Adresse non précisée (demandez-la avant d'y aller)" in sms, sms
    assert "Tél " in sms, sms  # the contact to ask it from


def test_a_former_address_before_the_street_is_left_out(real):
    """« (ex. 12 allée des Glycines)7 rue Terrasse » (Clermont-Ferrand): the street only."""
    place = real.get_place("hinaura:1033")
    assert place is not None
    address = formatting.result_payload(place, 1)["address"]
    assert address == "7 rue Terrasse, 63000 Clermont-Ferrand", address
