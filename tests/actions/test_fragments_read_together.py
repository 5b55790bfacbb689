"""A request sent in pieces, as on SMS (round t194's tester, 20: the town first, then « j'ai reçu
un courrier » refused as off-topic; « permis » then « de conduire » refused while the town was
asked). A piece that names no need yet is not refused: « Dites-m'en un peu plus » while the need
is asked, the town asked again while it is awaited; and the pieces are read together with the
next message (« la carte » then « grise »: the places for a carte grise)."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import ent

REFUSED = "Je ne peux pas vous aider pour cela"
TELL_MORE = "Dites-m'en un peu plus"
TOWN_ASKED = "Dans quelle ville"


@pytest.mark.parametrize("piece, then, intent", [
    ("j'ai reçu un courrier", "de la retraite", "inform"),  # the tester's, its end our own
    ("on m'a envoyé une lettre", "il faut répondre en ligne", "ask_help"),
    ("la carte", "grise", "out_of_scope"),
    ("ma carte", "vitale", "nlu_fallback"),
])  # fmt: skip
def test_the_town_then_a_piece_asks_for_more_then_reads_the_pieces_together(
    real, piece, then, intent
):
    talk = Talk()
    talk.say("j'habite à Ajaccio", "inform", [ent("location", "Ajaccio")])
    text = rest_text(talk.say(piece, "out_of_scope"))
    assert text.startswith(TELL_MORE) and REFUSED not in text, text
    text = rest_text(talk.say(then, intent))
    assert REFUSED not in text and TELL_MORE not in text, text
    assert talk.slots.get("needs") and talk.slots["location"]["commune"] == "Ajaccio", text


@pytest.mark.parametrize("need, piece", [
    ("permis", "de conduire"),  # the tester's
    ("carte grise", "du scooter"),
    ("mes impots", "en retard"),
])  # fmt: skip
def test_a_piece_while_the_town_is_asked_asks_the_town_again(real, need, piece):
    talk = Talk()
    assert TOWN_ASKED in rest_text(talk.say(need, "ask_help"))
    text = rest_text(talk.say(piece, "out_of_scope"))
    assert TOWN_ASKED in text and REFUSED not in text, text
    reco = one_list(talk.say("Chalon-sur-Saône", "inform", [ent("location", "Chalon-sur-Saône")]))
    assert reco["location"]["commune"] == "Chalon-sur-Saône", reco


def test_a_plumber_asked_first_is_still_refused(real):
    assert "Je ne peux pas vous aider pour" in rest_text(Talk().say("un plombier", "out_of_scope"))
