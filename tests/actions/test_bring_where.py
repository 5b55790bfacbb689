"""What to bring for a procedure, beside places that do not all do it (round 19's tester:
Angoulême, "carte grise + apprendre internet": places 1 and 2 teach internet only, yet the carte
grise documents were shown as for all): shown only when some place listed does the procedure, by
its services in the payload, and said for which ("Pour vos démarches avec l'ANTS (carte grise),
au lieu 3, pensez à apporter :"), on the list, the chat (REST) and a place given in full (SMS,
Telegram: ``render.place_detail``). Real actions on the real embedded directory and Locator."""

from __future__ import annotations

from functools import partial

import pytest

from actions import formatting as fmt
from bot.channels import render
from tests.orient_answer import answer
from tests.orient_answer import doing as doing_need

doing = partial(doing_need, need="demarches")  # the places that do papers


@pytest.mark.parametrize("town, needs, procedure", [
    ("Angoulême", ["demarches", "quotidien"], "carte_grise"),  # the tester's
    ("Calais", ["demarches", "quotidien"], "caf"),
    ("Limoges", ["demarches", "ordinateur"], "ants"),
    ("Lyon", ["demarches", "ordinateur"], "impots"),  # from the town hall (round 23)
])  # fmt: skip
def test_what_to_bring_is_said_for_the_places_that_do_the_procedure(real, locator, town, needs,
                                                                    procedure):
    _text, payload = answer(locator, town, needs, [procedure])
    numbers = doing(payload)
    assert numbers and len(numbers) < len(payload["results"]), payload["results"]
    heading = f"{fmt.bring_for([procedure], numbers)}, pensez à apporter :"
    assert payload["bring"]
    chat = render.plain_text(_text, payload)
    assert heading + "\n- " in chat, chat
    assert "\nPensez à apporter" not in chat
    for place in payload["results"]:  # a place in full: what to bring only where it is done
        detail = render.place_detail(place, payload["bring"])
        assert ("À apporter" in detail) == (place["number"] in numbers), detail


def test_no_place_doing_the_procedure_shows_none_of_its_documents(real, locator):
    # Learning the computer near Limoges: the places found teach it, none does papers.
    _text, payload = answer(locator, "Limoges", ["ordinateur"], ["carte_grise"])
    assert payload["results"] and not doing(payload), payload["results"]
    assert not payload.get("bring") and not payload.get("bring_for")
    assert "apporter" not in render.plain_text(_text, payload)


def test_every_place_doing_it_keeps_the_plain_heading(real, locator):
    _text, payload = answer(locator, "Roubaix", ["demarches"], ["impots"])
    assert len(doing(payload)) == len(payload["results"])
    assert not payload.get("bring_for")
    assert "\n\nPensez à apporter :\n- " in render.plain_text(_text, payload)
