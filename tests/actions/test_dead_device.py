"""Round 18's tester: a phone that died ("mon portable a rendu l'âme, comment je fais pour ma
CAF") beside a procedure is no request to buy one, unless a device is asked for: the procedure is
the need, with a computer to use on site. Said alone, another one to get."""

from __future__ import annotations

import pytest

from actions import needs as needs_mod
from directory_client import labels
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import ent

WITH_A_PROCEDURE = [
    # the tester's, and the same class of wordings not seen
    ("mon portable a rendu l'âme, comment je fais pour ma CAF à Roubaix", "caf"),
    ("mon ordi a lâché et je dois faire ma déclaration d'impôts, je suis à Roubaix", "impots"),
    (
        "ma tablette ne s'allume plus, je dois m'actualiser à France Travail, Roubaix",
        "france_travail",
    ),
]


@pytest.mark.parametrize("message, procedure", WITH_A_PROCEDURE)
def test_a_dead_device_beside_a_procedure_is_the_procedure_and_a_computer_on_site(
    real, message, procedure
):
    talk = Talk()
    reco = one_list(talk.say(message, "ask_help", [ent("location", "Roubaix")]))
    assert talk.slots["procedures"] == [procedure]
    assert talk.slots["needs"] == ["demarches", "materiel_usage"]
    assert reco["need"] == [labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL]
    assert labels.ACQUISITION_MATERIEL not in reco["need"]


@pytest.mark.parametrize("message", [
    "mon téléphone est mort",
    "mon téléphone est tombé dans l'eau, il est foutu",
    "mon ordinateur est HS",
    "sos mon pc s'allume plus",
])  # fmt: skip
def test_a_dead_device_said_alone_is_another_one_to_get(real, message):
    """Said alone, getting another (at a solidarity price) is what an independent writer labelled
    it (the frozen corpus: "sos mon ordi est mort il s'allume plus")."""
    talk = Talk()
    talk.say(message, "ask_help")
    assert talk.slots.get("needs", [])[:1] == ["materiel_achat"]


@pytest.mark.parametrize("message", [
    "mon portable est tombé dans l'évier, il m'en faut un pas cher",
    "mon téléphone est cassé, je cherche un téléphone pas cher",
])  # fmt: skip
def test_a_dead_device_and_one_asked_for_is_a_device_to_get(message):
    assert needs_mod.read(message).needs == ["materiel_achat"]


# Round 101's tester: "mon téléphone est mort" alone, read by the NLU as an emergency (0.82),
# got a need choice; a device that died is no one's death, and no guess: another one to get.
DEAD_ALONE = [
    "mon téléphone est mort",
    "mon portable a rendu l'âme",
    "ma tablette est morte",
    "mon ordi est complètement mort",
]


def _emergency_read(text: str, confidence: float = 0.82):
    """``text`` run as the NLU's emergency intent at ``confidence``: what the person reads, the
    buttons, the slots."""
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.safety_actions import ActionEmergency
    from tests.conftest_actions import said, slots_of, tracker

    t = tracker(text, "emergency")
    t.latest_message["intent"]["confidence"] = confidence
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionEmergency().run(dispatcher, t, {}))
    read = " ".join(said(m) for m in dispatcher.messages)
    buttons = [b["title"] for m in dispatcher.messages for b in m.get("buttons") or []]
    return read, buttons, slots_of(events)


@pytest.mark.parametrize("message", DEAD_ALONE)
def test_a_dead_device_read_as_an_emergency_is_a_device_to_get_without_a_choice(real, message):
    read, buttons, slots = _emergency_read(message)
    assert slots.get("needs") == ["materiel_achat"]
    assert read.startswith("Dans quelle ville ou quel code postal"), read
    assert not buttons and "danger" not in read


@pytest.mark.parametrize("message", DEAD_ALONE)
def test_a_dead_device_said_alone_asks_no_need_choice(real, message):
    talk = Talk()
    msgs = talk.say(f"{message}, j'habite à Roubaix", "ask_help")
    reco = one_list(msgs)
    assert talk.slots["needs"] == ["materiel_achat"]
    assert reco["need"] == [labels.ACQUISITION_MATERIEL]
