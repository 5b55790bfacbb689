"""Round 23's tester: "la caf a supprimé mon RSA, je suis à Nîmes" (5 complaints about benefits in
8) erased the whole conversation: the NLU reads "supprimé" as ``forget_me``. Erasing is done only
when the words ask it (``actions.erasure``); a complaint gets its request served, nothing erased.
Every way of asking that the NLU was taught still erases."""

from __future__ import annotations

import pytest
import yaml

from actions import erasure
from actions.conversation_actions import ActionForgetMe
from tests.conftest_actions import tracker
from tests.paths import ROOT


def _forget(message: str, tmp_path, monkeypatch) -> tuple[list[dict], list[dict], bool]:
    from rasa_sdk.executor import CollectingDispatcher

    log = tmp_path / "forget.jsonl"
    monkeypatch.setenv("ORIENTEUR_FORGET_LOG", str(log))
    dispatcher = CollectingDispatcher()
    import asyncio

    events = asyncio.run(ActionForgetMe().run(dispatcher, tracker(message, "forget_me"), {}))
    return dispatcher.messages, events, log.exists()


@pytest.mark.parametrize(("message", "town"), [
    ("la caf a supprimé mon RSA, je suis à Nîmes", "Nîmes"),
    ("ils ont supprimé mes APL, Lens", "Lens"),
    ("la caf a supprime ma prime d'activite jsuis a Lens", "Lens"),
    ("pole emploi m'a effacé mon inscription, j'habite Amiens", "Amiens"),
])  # fmt: skip
def test_a_complaint_about_something_removed_is_served_not_erased(
    real, tmp_path, monkeypatch, message, town
):
    messages, events, logged = _forget(message, tmp_path, monkeypatch)
    assert "restart" not in [e["event"] for e in events] and not logged
    assert not any(m.get("response") == "utter_forgotten" for m in messages), messages
    (reco,) = [m["custom"]["orienteur"] for m in messages
               if (m.get("custom") or {}).get("orienteur", {}).get("type") == "recommendation"]
    assert reco["location"]["commune"] == town and reco["results"], reco


@pytest.mark.parametrize("message", [
    "effacez mes données svp", "oubliez-moi", "je veux que vous supprimiez ce que j'ai écrit",
    "droit à l'oubli", "ne gardez rien sur moi", "efface tout",
])  # fmt: skip
def test_asking_to_erase_still_erases(tmp_path, monkeypatch, message):
    messages, events, logged = _forget(message, tmp_path, monkeypatch)
    assert [e["event"] for e in events] == ["restart"] and logged
    assert messages[0]["response"] == "utter_forgotten"


def test_every_way_of_asking_the_nlu_was_taught_is_read_as_asking():
    blocks = yaml.safe_load((ROOT / "data" / "nlu" / "people.yml").read_text())["nlu"]
    taught = [line[2:] for b in blocks if b.get("intent") == "forget_me"
              for line in b["examples"].splitlines() if line.strip()]  # fmt: skip
    assert len(taught) > 40
    assert [t for t in taught if not erasure.asked(t)] == []
