"""A need added after a list (« et j'ai pas de mail » after a France Travail registration) is
served beside the first, as two needs said in a first message: the reply names both (tester
t181: « j'ajoute ce besoin » then a list for the mail alone, France services gone). Real
actions on the real embedded directory, the intents and entities the NLU gave."""

from __future__ import annotations

from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent


def test_no_mail_after_the_france_travail_registration_keeps_both(real):
    talk = Talk()
    talk.say("faut que je m'inscrive a france travail", "ask_help",
             [ent("procedure", "france_travail")])
    talk.say("je dois m'inscrire comme demandeur d'emploi", "ask_help")
    first = talk.say("Alençon", "inform", [ent("location", "Alençon")])
    assert "démarches" in rest_text(first), rest_text(first)  # France services
    msgs = talk.say("et j'ai pas de mail", "ask_help", [ent("need", "pas de mail")])
    said = rest_text(msgs)
    assert "démarches" in said and "internet" in said, said
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert any("France services" in r["name"] for r in reco["results"]), said
