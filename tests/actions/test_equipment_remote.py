"""A device to buy (a cheap or refurbished computer or phone) that no place near offers: the
answer named Solidarité Numérique « à distance » for it, a helpline that neither sells nor lends
devices. Now it names a remote option only when one provides equipment, else no line at all —
the places for the other need and « Aucun lieu n'annonce … » as before (labels.helpline_helps)."""

from __future__ import annotations

from actions import formatting as fmt
from directory_client import labels
from tests.actions.test_after_places import impots_at_roubaix, one_list, rest_text

DEVICE = "un ordinateur ou un téléphone à petit prix"


def test_a_device_no_place_near_sells_gets_no_helpline_that_cannot_give_one(real):
    talk, _ = impots_at_roubaix()
    msgs = talk.say("il faudrait aussi un ordinateur pas cher", "ask_help")
    reco = one_list(msgs)
    assert reco["need"] == [labels.DEMARCHES, labels.ACQUISITION_MATERIEL]
    read = rest_text(msgs)  # what a person reads over REST (the widget shows the same notes)
    assert f"Aucun lieu n'annonce précisément « {DEVICE} » près de Roubaix (59)." in read
    assert "pour vos démarches avec les impôts :" in read  # the places for the other need
    assert labels.HELPLINE["name"] not in read and labels.HELPLINE["phone"] not in read, read
    assert "À distance" not in read and fmt.HELPLINE_TEXT not in read, read

