"""After a list: "j'y suis déjà allé, ils m'ont dit qu'ils savaient pas faire" (round 30's tester,
D7) is what a place answered, not a mistake in the directory: other places are given (never the
ones shown), with a France services desk, Aidants Connect and help by telephone said; only a
person who says the listing is wrong gets the report answer. Real actions on the embedded
directory; the intents the current NLU gives."""

from __future__ import annotations

import pytest

from tests.actions.talk import list_in, one_list, rest_text

REPORT_ANSWER = "je peux signaler un lieu fermé"


def ids(payload: dict) -> list:
    return [p["id"] for p in payload["results"]]


@pytest.mark.parametrize(
    "refusal, intent",
    [
        ("j'y suis déjà allé ils m'ont dit qu'ils savaient pas faire", "report_place"),
        ("j'y suis allée hier, ils m'ont répondu qu'ils ne pouvaient pas m'aider pour ça",
         "report_place"),
        ("ils m'ont déjà dit là-bas qu'ils ne font pas ce genre de dossier", "report_place"),
        ("déjà essayé celui-là, on m'a dit qu'ils ne savaient pas faire", "ask_help"),
        ("je suis passée à la mairie, ils m'ont dit qu'ils ne s'occupent pas de ça",
         "report_place"),
        ("le premier m'a renvoyé ailleurs, ils ne savent pas faire les dossiers de retraite",
         "report_place"),
    ],
)  # fmt: skip
def test_a_place_that_could_not_help_brings_other_places(real, refusal, intent):
    talk, first = list_in("aide retraite Saint-Quentin", "Saint-Quentin")
    msgs = talk.say(refusal, intent)
    text = rest_text(msgs)
    assert REPORT_ANSWER not in text, text
    nxt = one_list(msgs)
    assert not set(ids(nxt)) & set(ids(first)), text
    assert "France services" in text and "Aidants Connect" in text, text
    assert "par téléphone" in text, text


@pytest.mark.parametrize(
    "wrong",
    [
        "ils m'ont dit qu'ils ne font plus ça, l'annuaire est faux",
        "ils ne savent pas faire, votre liste n'est pas à jour",
    ],
)
def test_a_listing_said_wrong_is_still_a_report(real, wrong):
    talk, _ = list_in("aide retraite Saint-Quentin", "Saint-Quentin")
    text = rest_text(talk.say(wrong, "report_place"))
    assert REPORT_ANSWER in text, text
