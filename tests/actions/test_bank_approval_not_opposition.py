"""The bank's own app asking to approve a payment is ordinary ("ma banque m'a demandé de valider un
paiement"): no card opposition (0 892 705 705), no "online safety" need. Opposition only when
codes or the card were given to someone, money was taken, or the person did not make the payment
("je n'ai pas fait cet achat", "un paiement que je n'ai pas fait")."""

from __future__ import annotations

import pytest

from actions import helplines, situation_first, situations

OPPOSITION = "0 892 705 705"


def opposition(text: str) -> bool:
    return any(OPPOSITION in line for line in helplines.lines_at_once(text))


@pytest.mark.parametrize("text", [
    "ma banque m'a demandé de valider un paiement",
    "ma banque me demande de confirmer un achat, je fais comment ?",
    "l'application de ma banque m'a demandé de valider un paiement en ligne",
    "mon appli bancaire m'a demandé d'autoriser un achat sur internet",
    "j'ai validé un paiement sur l'appli de ma banque",
    "la banque m'a fait valider un achat avec mon téléphone, comment ça marche",
    "comment valider un paiement avec l'application de ma banque",
])  # fmt: skip
def test_the_banks_own_approval_is_no_opposition(text):
    assert situations.BANK_CARD not in situations.read(text), text
    assert not opposition(text)
    assert not situation_first.names_a_safety_need(text)


@pytest.mark.parametrize("text", [
    "ma banque m'a demandé de valider un paiement que je n'ai pas fait",
    "je n'ai pas fait cet achat, ma banque m'a demandé de le valider",
    "un paiement que je n'ai pas fait apparaît sur mon compte",
    "je n'ai jamais fait ce paiement",
    "on m'a demandé de valider un paiement que je n'ai pas fait",
    "je ne reconnais pas ce paiement sur mon compte",
    "un monsieur de la banque m'a appelé et j'ai donné mon code",
    "j'ai donné le code de ma carte à un faux conseiller",
    "on m'a vidé mon compte",
    "il m'a fait valider un virement au téléphone",
    "j'ai validé un virement pendant l'appel du faux conseiller",
])  # fmt: skip
def test_codes_given_money_taken_or_a_payment_not_made_is_opposition(text):
    assert opposition(text), text


# The "ne" dropped as it is spoken (the tester's "un paiement que j'ai pas fait" got the need
# menu, then paperwork places): the same lines as with it, before any menu.
@pytest.mark.parametrize("text", [
    "ma banque m'a demandé de valider un paiement que j'ai pas fait",
    "ma banque m'a envoyé une notification pour un virement qu'on a pas fait",
    "l'appli de ma banque me demande de confirmer un achat que jai jamais fait",
    "j'ai pas fait ce paiement, ma banque veut que je le valide",
])  # fmt: skip
def test_a_payment_not_made_said_without_ne_gets_the_opposition_and_scam_lines(text):
    from tests.conftest_actions import ask

    assert opposition(text), text
    assert situation_first.names_a_safety_need(text), text
    read, _, buttons = ask(text)
    assert OPPOSITION in read and "cybermalveillance.gouv.fr" in read, read
    assert not any("démarches" in (b.get("title") or "").lower() for b in buttons), buttons
