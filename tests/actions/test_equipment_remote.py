"""A device to buy (a cheap or refurbished computer or phone) that no place near offers: the
answer named Solidarité Numérique « à distance » for it, a helpline that neither sells nor lends
devices. Now it names a remote option only when one provides equipment; else (tester t218 D16)
what a request for the device alone gets: places of general digital help near, that can help or
redirect, and the helpline beside them (never « À distance pour … » as if it sold devices)."""

from __future__ import annotations

from actions import formatting as fmt
from directory_client import labels
from tests.actions.test_after_places import impots_at_roubaix, one_list, rest_text

DEVICE = "un ordinateur ou un téléphone à petit prix"


def test_a_device_no_place_near_sells_gets_general_help_near_not_a_remote_seller(real):
    talk, _ = impots_at_roubaix()
    msgs = talk.say("il faudrait aussi un ordinateur pas cher", "ask_help")
    reco = one_list(msgs)
    assert reco["need"] == [labels.DEMARCHES, labels.ACQUISITION_MATERIEL]
    read = rest_text(msgs)  # what a person reads over REST (the widget shows the same notes)
    assert f"Aucun lieu n'annonce précisément « {DEVICE} » près de Roubaix (59)." in read
    assert "pour vos démarches avec les impôts :" in read  # the places for the other need
    assert "À distance pour" not in read and fmt.HELPLINE_TEXT not in read, read
    line = read.split(f"Pour {DEVICE}, ", 1)[1].split("\n")[0]  # general help near, then the phone
    assert "CCAS de Roubaix" in line and labels.HELPLINE["name"] in line, read

