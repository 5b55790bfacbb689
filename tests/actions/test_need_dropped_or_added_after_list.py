"""After a list for two needs, « laisse tomber la tablette, juste la carte de séjour » (tester
t207, i04) got the need menu without the titre de séjour: the need dropped is set aside, the
one kept gets its places in the same town, with what to bring. And a need added with « ah et
aussi … » takes its own way, never the first need's « apprendre … vous-même » (the titre de
séjour got a single place 16 km away « pour apprendre à faire vos démarches en ligne
vous-même »); a procedure added names its papers (t207 d13: « et finalement j'ai aussi besoin
d'aide pour la CAF » got no CAF papers). Real actions on the real embedded directory, the
intents and entities the NLU gave these messages."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, payloads, rest_text
from tests.conftest_actions import ent

MENU = "de quoi avez-vous besoin"


def places(msgs: list[dict]) -> dict:
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"], reco
    return reco


def tablet_then_residence_card() -> tuple[Talk, list[dict]]:
    talk = Talk()
    talk.say("je voudrais apprendre à me servir de ma tablette à Dieppe", "ask_help",
             [ent("need", "smartphone"), ent("location", "Dieppe")])  # fmt: skip
    return talk, talk.say("ah et aussi je dois renouveler ma carte de séjour", "ask_help",
                          [ent("procedure", "carte de séjour")])  # fmt: skip


@pytest.mark.usefixtures("real")
def test_a_procedure_added_keeps_its_own_way_and_its_papers():
    _talk, msgs = tablet_then_residence_card()
    said = rest_text(msgs)
    assert "vous-même" not in intro_of(said), said[:600]
    assert "titre de séjour" in said, said[:600]
    assert "passeport" in " ".join(places(msgs).get("bring") or []), said


@pytest.mark.parametrize(("added", "entities", "papers"), [
    ("et finalement j'ai aussi besoin d'aide pour la CAF", [ent("procedure", "caf")],
     "allocataire"),
    ("et aussi pour les impôts", [ent("procedure", "impots")], "fiscal"),
    ("et j'ai aussi besoin pour ma carte grise", [ent("procedure", "ants")], "permis"),
])  # fmt: skip
def test_a_procedure_added_to_a_list_names_its_papers(real, added, entities, papers):
    talk = Talk()
    talk.say("j'ai besoin d'imprimer un document à Lorient", "ask_help",
             [ent("need", "materiel_usage"), ent("location", "Lorient")])  # fmt: skip
    msgs = talk.say(added, "ask_help", entities)
    reco = places(msgs)
    bring = " ".join(reco.get("bring") or [])
    assert papers in bring, rest_text(msgs)[:900]
    assert reco["location"]["commune"] == "Lorient"


@pytest.mark.parametrize(("dropping", "entities", "kept"), [
    ("laisse tomber la tablette, juste la carte de séjour", [ent("procedure", "carte de séjour")],
     "titre de séjour"),
    ("finalement pas la tablette, juste le titre de séjour", [ent("procedure", "titre_sejour")],
     "titre de séjour"),
    ("oublie la tablette, seulement la CAF", [ent("procedure", "caf")], "CAF"),
    ("laissez tomber le téléphone, je veux juste la carte grise", [ent("procedure", "ants")],
     "carte grise"),
    ("plus besoin pour la tablette, que les impôts", [ent("procedure", "impots")], "impôts"),
])  # fmt: skip
def test_one_need_dropped_the_other_kept_gets_its_places(real, dropping, entities, kept):
    talk, _ = tablet_then_residence_card()
    msgs = talk.say(dropping, "ask_help", entities)
    said = rest_text(msgs)
    assert MENU not in said, said[:600]
    reco = places(msgs)
    assert reco["location"]["commune"] == "Dieppe", reco["location"]
    intro = intro_of(said)
    assert kept in intro and "tablette" not in intro, intro
    assert reco.get("bring"), said[:900]
