"""Things to bring (round 30's tester, D13): a titre de séjour is made on the ANEF, whatever
other office the person names beside it (« titre séjour ANTS »): its own list, never a
passport's (the 86 € stamp). Real actions on the embedded directory; the intents and entities
the current NLU gives."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

STAMP = "timbre fiscal pour un passeport"


@pytest.mark.parametrize(
    "message, town",
    [
        ("orienter usager : titre séjour ANTS, Grenoble, parle arabe", "Grenoble"),
        ("renouveler mon titre de séjour, l'ANTS me renvoie ailleurs, Lyon", "Lyon"),
        ("titre de séjour et ANTS je comprends rien, Nantes", "Nantes"),
        ("aide pour mon titre de séjour sur le site ANTS à Lille", "Lille"),
        ("mon titre sejour expire, sur ANTS je trouve pas, Rennes", "Rennes"),
    ],
)
def test_a_titre_de_sejour_never_gets_the_passport_list(real, message, town):
    talk = Talk()
    msgs = talk.say(message, "ask_help",
                    [ent("procedure", "titre_sejour"), ent("procedure", "ants"),
                     ent("location", town)])  # fmt: skip
    text = rest_text(msgs)
    assert "Pensez à apporter" in text, text
    assert STAMP not in text and "86 €" not in text, text
    assert "titre de séjour" in text.split("Pensez à apporter")[1], text
