"""Situations the tester met that change the answer before the places (actions/situation_first.py,
actions/situations.py, actions/helplines.py): spied on by a partner or an ex (online safety and the
3919, no emergency message), card details given away or a bank account hacked (the opposition
line at once, before the town), nowhere to sleep tonight (the 115 at once). Real actions, the
real embedded directory and Locator."""

from __future__ import annotations

import pytest

from directory_client import labels
from tests.actions.test_helplines import payloads, play, shown
from tests.conftest_actions import said

EMERGENCY_NOW = "Si vous ou quelqu'un êtes en danger"


def places(msgs) -> dict:
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"], reco
    return reco


@pytest.mark.parametrize(
    "turns",
    [
        [("mon ex me surveille avec une appli sur mon telephone, Valence", "ask_help"),
         ("Valence (26)", "inform")],
        [("logiciel espion mis par mon mari", "ask_help"), ("Lyon", "inform")],
        [("mon ex lit tous mes messages", "ask_help"), ("Lille", "inform")],
    ],
)  # fmt: skip
def test_spied_on_by_a_partner_gets_online_safety_and_the_3919_no_scam_line(real, turns):
    msgs, _ = play(turns)
    reco = places(msgs)
    assert reco["need"] == [labels.SECURITE], reco["need"]  # not learning to use a phone
    text = shown(msgs)
    # the phone watched is online safety, not a scam (round 137's tester: no "Compte piraté")
    assert "3919" in text and "cybermalveillance.gouv.fr" not in text, text
    assert EMERGENCY_NOW not in text
    assert not [p for p in payloads(msgs) if p["type"] in ("emergency", "danger_check")]


OPPOSITION = "0 892 705 705 (opposition carte bancaire, 24 h/24)"


@pytest.mark.parametrize(
    "first", ["j'ai cliqué et donné ma carte bleue", "mon compte bancaire a été piraté"]
)
def test_card_given_away_or_bank_hacked_gets_the_opposition_at_once_then_places(real, first):
    msgs, _ = play([(first, "ask_help")])
    text = [said(m) for m in msgs]
    assert "faites opposition" in text[0] and OPPOSITION in text[0], text
    assert "Dans quelle ville" in text[-1]  # the town asked after the advice
    msgs, _ = play([(first, "ask_help"), ("Nantes", "inform")])
    reco = places(msgs)
    assert reco["need"] == [labels.SECURITE] and reco["location"]["commune"] == "Nantes"
    # Given at once, not again beside the places (round 21).
    assert OPPOSITION not in shown(msgs) and "cybermalveillance.gouv.fr" not in shown(msgs)


CYBER = "cybermalveillance.gouv.fr (que faire) et 17cyber.gouv.fr"


@pytest.mark.parametrize(
    "first, line",
    [
        ("au secours on a piraté mon compte instagram", CYBER),
        ("quelqu'un s'est connecté à ma messagerie", CYBER),
        ("je me suis fait arnaquer de 200 euros", CYBER),
        ("on a utilisé ma carte pour des achats", OPPOSITION),
    ],
)
def test_a_hacked_account_a_scam_paid_or_a_card_used_gets_its_line_before_the_town_once(
    real, first, line
):
    msgs, _ = play([(first, "ask_help")])
    text = [said(m) for m in msgs]
    assert line in text[0], text  # at once, before the town question
    assert "Dans quelle ville" in text[-1], text
    msgs, _ = play([(first, "ask_help"), ("Rennes", "inform")])
    assert places(msgs)["location"]["commune"] == "Rennes"
    assert line not in shown(msgs), shown(msgs)  # not said again with the list


def test_a_card_to_learn_to_pay_online_gets_no_opposition(real):
    msgs, _ = play([("je voudrais apprendre à payer avec ma carte bancaire en ligne", "ask_help")])
    assert "opposition" not in shown(msgs)


@pytest.mark.parametrize(
    "message",
    [
        "je dors dans ma voiture avec mes enfants, je voudrais faire une demande au 115 ? Evreux",
        "je dors dans ma voiture, comment faire une demande au 115 ? Evreux",
    ],
)
def test_nowhere_to_sleep_tonight_gets_the_115_first(real, message):
    msgs, _ = play([(message, "ask_help")])
    first = said(msgs[0])
    assert "115" in first and "Samu social" in first, [said(m) for m in msgs]


def test_nowhere_to_sleep_and_a_digital_need_gets_the_115_and_places_near_evreux(real):
    msgs, _ = play([("je dors dans ma voiture et je dois faire ma demande de RSA en ligne, Evreux",
                     "ask_help")])  # fmt: skip
    reco = places(msgs)
    assert reco["location"]["commune"] == "Évreux"
    # Round 18: before the places (was the first line beside them, read after them), once.
    assert "le 115 (Samu social" in said(msgs[0])
    assert shown(msgs).count("le 115 (Samu social") == 1


# --- round 18's tester: the town in the message, the line that cannot wait still comes first ----
@pytest.mark.parametrize(
    "message, line",
    [
        ("j'ai donné les numéros de ma carte bancaire sur un faux site, je suis à Nantes",
         OPPOSITION),
        ("on a vidé mon compte bancaire, je suis à Nantes", OPPOSITION),
        ("mon compte en banque a été piraté, j'habite Nantes", OPPOSITION),
        ("je dors dans ma voiture ce soir et je dois m'actualiser sur France Travail, Nantes",
         "le 115 (Samu social"),
    ],
)  # fmt: skip
def test_the_line_that_cannot_wait_comes_before_the_places_when_the_town_is_said(
    real, message, line
):
    msgs, _ = play([(message, "ask_help")])
    text = shown(msgs)
    assert line in said(msgs[0]), [said(m) for m in msgs]
    assert places(msgs)["location"]["commune"] == "Nantes"
    assert text.count(line) == 1, text
    assert text.index(line) < text.index("1. "), text  # before the first place


@pytest.mark.parametrize(
    "message",
    [
        # The tester's (round 95): the card's code given by someone else, money paid on a fake site.
        "mon papi de 90 ans a recu un sms bizarre de sa banque il a donné son code de carte, "
        "Perpignan",
        "URGENT arnaque j'ai payé 500 euros sur un faux site, Toulon",
        # Variants: the number of a CB typed, the cryptogram given, a fake shop, a transfer to a
        # scammer.
        "ma mère a tapé le numéro de sa CB sur un lien reçu par sms, Nîmes",
        "j'ai communiqué mon cryptogramme à un faux conseiller au téléphone, Rennes",
        "j'ai acheté des chaussures sur une fausse boutique en ligne, Dijon",
        "ma voisine a fait un virement de 2000 euros à un escroc, Metz",
        # Round 18's second tester: money paid through a link in an SMS, a phone stolen with
        # the bank's apps; and variants
        "aidez moi svp c urgent on me demande de payer une amende sur un lien sms antai j'ai payé, "
        "Lille",
        "j'ai réglé les frais de douane d'un colis par un lien reçu par sms, Brest",
        "on m'a volé mon telephone avec toutes mes applis bancaires, je suis a Reims",
        "j'ai perdu mon portable et l'appli de ma banque est dedans, Caen",
    ],
)
def test_card_details_given_or_money_paid_to_a_fake_seller_gets_the_opposition_first(
    real, message
):
    msgs, _ = play([(message, "ask_help")])
    first = said(msgs[0])
    assert "faites opposition" in first and OPPOSITION in first, [said(m) for m in msgs]
    assert places(msgs)["need"] == [labels.SECURITE]


@pytest.mark.parametrize(
    "message",
    [
        "comment reconnaitre un faux site quand on achète en ligne ? Lyon",
        "j'ai changé le code de ma carte, je voudrais apprendre à payer en ligne, Lyon",
    ],
)
def test_learning_to_spot_a_fake_site_or_to_pay_gets_no_opposition(real, message):
    msgs, _ = play([(message, "ask_help")])
    assert "opposition" not in shown(msgs)


# Round 19's tester: a public body's account taken, the RIB on it changed: no step was given.
# That body's number first (its payments stopped), the password, cybermalveillance.gouv.fr; the
# same class for the CAF, the impôts, France Travail, in wordings not seen.
BODY_TAKEN = [
    ("mon compte ameli a été piraté et ils ont changé mon RIB", "l'Assurance Maladie au 3646"),
    ("quelqu'un a modifié mon RIB sur mon compte CAF", "la CAF au 3230"),
    ("mon espace impots.gouv a été hacké", "les impôts au 0 809 401 401"),
    ("on a changé mon iban sur pole emploi", "France Travail au 3949"),
    ("mon RIB caf a été modifié par un inconnu", "la CAF au 3230"),
]


@pytest.mark.parametrize("first, body", BODY_TAKEN)
def test_a_public_body_account_taken_gets_that_body_first_at_once(real, first, body):
    msgs, _ = play([(first, "ask_help")])
    text = [said(m) for m in msgs]
    assert f"appelez d'abord {body}" in text[0], text
    assert "changez votre mot de passe" in text[0] and "cybermalveillance.gouv.fr" in text[0]
    msgs, _ = play([(first, "ask_help"), ("Nantes", "inform")])
    places(msgs)
    assert f"appelez d'abord {body}" not in shown(msgs)  # not again beside the places


@pytest.mark.parametrize("message", ["je veux changer mon RIB sur ameli",
                                     "comment modifier mon rib caf à Nantes"])  # fmt: skip
def test_changing_ones_own_rib_is_no_account_taken(real, message):
    msgs, _ = play([(message, "ask_help")])
    assert "appelez d'abord" not in shown(msgs)


# Round 106's tester: codes handed to someone calling as the bank, an operation validated during
# such a call -> the opposition first, as for a card given away (the seen wording and unseen ones).
@pytest.mark.parametrize(
    "message",
    [
        "un monsieur ma appelé en disant qu'il était de la banque et jai donné mon code, "
        "jsuis a Metz",
        "jai donné le code recu par sms a un faux conseiller",
        "on m'a fait valider un virement sur l'appli au téléphone",
        "un faux conseiller bancaire m'a appelé, je lui ai communiqué mes identifiants",
        "j'ai dicté le code reçu par texto à une dame, Lyon",
        "j'ai validé un ajout de bénéficiaire pendant l'appel du conseiller",
    ],
)
def test_codes_given_to_a_false_bank_caller_get_the_opposition_first(real, message):
    msgs, _ = play([(message, "ask_help")])
    first = said(msgs[0])
    assert "faites opposition" in first and OPPOSITION in first, [said(m) for m in msgs]


@pytest.mark.parametrize(
    "message",
    [
        "je dois valider un virement sur l'appli de ma banque",
        "j'ai rentré le code reçu par sms sur ameli et ça marche pas",
        "ma banque m'a envoyé un code par sms, je sais pas où le taper",
        "j'ai donné mon code wifi à ma voisine",
    ],
)
def test_a_code_typed_or_a_transfer_to_make_gets_no_opposition(message):
    from actions import helplines

    assert not [line for line in helplines.lines_at_once(message) if "opposition" in line]


SCAM_LINE = "Ce message ressemble à une arnaque : ne payez pas, ne cliquez pas sur le lien."


# The classic scam message (small fees for a parcel, a fine by link, a tax refund to click, an
# account blocked): told so first, with the 33700.
@pytest.mark.parametrize(
    "message",
    [
        "c normal ce sms ? il dit que mon colis est bloqué et que je dois payer 1,99€",
        "jai recu un sms pour payer une amende par un lien",
        "un mail des impots dit que j'ai un remboursement, il faut cliquer",
        "sms: votre compte ameli est bloqué, cliquez sur le lien",
        "j'ai eu un texto bizarre, mon colis est en attente, frais de douane 3 euros, Reims",
    ],
)
def test_a_scam_message_is_told_first_with_the_33700(real, message):
    msgs, _ = play([(message, "ask_help")])
    first = said(msgs[0])
    assert SCAM_LINE in first and "33700" in first, [said(m) for m in msgs]


@pytest.mark.parametrize(
    "message",
    [
        "je dois payer une amende en ligne, je sais pas faire",
        "j'ai reçu un mail de la caf pour mon dossier",
        "comment payer mes impôts en ligne ? je recois pas les mails",
    ],
)
def test_a_payment_to_make_or_a_plain_mail_is_no_scam(message):
    from actions import helplines

    assert not [line for line in helplines.lines_at_once(message) if "arnaque" in line]


# Round 106's tester: a 12-year-old harassed on Snapchat got the 3018 only after the list. A child
# harassed online: the 3018 first, and a heading on parenting, not on scams.
@pytest.mark.parametrize(
    "message",
    [
        "Mon fils de 12 ans se fait harceler sur Snapchat, on habite à Orléans",
        "ma fille de 14 ans est harcelée sur Instagram, Tours",
        "mon ado reçoit des messages de harcèlement sur TikTok, Angers",
    ],
)
def test_a_child_harassed_online_gets_the_3018_first(real, message):
    msgs, _ = play([(message, "ask_help")])
    first = said(msgs[0])
    assert "3018" in first, [said(m) for m in msgs]
    # the heading opens on the child (parenting); online safety, kept for taking the photos
    # down (the frozen corpus's label), comes after it
    heading = " ".join(said(m) for m in msgs[:2])
    assert "enfants" in heading, [said(m) for m in msgs]
    assert "arnaques" not in heading or heading.index("enfants") < heading.index("arnaques")
