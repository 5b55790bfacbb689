"""Round 19: online safety and access from sets K, L, P and Q's misses, said otherwise (general
forms: someone "saying they were" the bank, an operation validated during a call, "c normal ce
sms ?", every link clicked, harassment on a network, a lost phone to block, VPN and public wifi;
a computer lent, the connection cut)."""

import pytest

from actions.needs import read


@pytest.mark.parametrize(
    "message",
    [
        "un type m'a appelé en disant qu'il était de la banque, je lui ai donné le code du sms",
        "une dame au tel en se disant de ma mutuelle m'a demandé mon numéro de sécu, je l'ai donné",
        "on m'a téléphoné pour une opération suspecte et m'a fait valider sur l'appli, j'ai validé",
        "c normal ce sms de la poste ?",
        "c'est vrai ce mail des impôts ? ils disent que j'ai un remboursement",
        "g recu un mail ke g gagné un iphone c vrai ou pa",
        "mon père clique sur tous les liens qu'il reçoit",
        "ma fille est harcelée sur snap, comment je signale le compte ?",
        "j'ai perdu mon portable avec les applis de banque. Comment je bloque tout ?",
        "c'est quoi un vpn et est-ce que j'en ai besoin sur le wifi de la gare ?",
    ],
)
def test_online_safety_is_read(message):
    assert "securite" in read(message).needs


@pytest.mark.parametrize(
    "message, need",
    [
        ("prêt d'ordinateur portable possible ?", "materiel_usage"),
        ("est-ce qu'il y a un prêt de tablette à la médiathèque ?", "materiel_usage"),
        ("mon internet a été coupé pour impayé, je dois envoyer un papier", "internet"),
        ("ma box est résiliée depuis lundi, où aller sur internet ?", "internet"),
    ],
)
def test_a_device_lent_or_a_connection_cut_is_access(message, need):
    assert need in read(message).needs
