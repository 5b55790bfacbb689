"""Round 28's tester (t194), over REST: the danger read right.

- Sextortion, blackmail with intimate images now (« un type me fait du chantage avec des photos
  nues de moi, il veut 300 euros »): what to do at once — do not pay, keep the proofs, the 17
  (police), the 3018 — before any question, the need for online safety kept. Not the emergency
  message: no body in danger now.
- Fire or gas now (« mon chargeur a pris feu »): the 18 (pompiers) and the 112, what to do
  (go out, cut the power or touch no switch), and no lessons offered for the device on fire.
- An age (« il a 17 ans ») or a distance (« je peux pas aller à Cayenne ») in an ordinary
  request is no danger: no danger check.

Real actions."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, numbers_given, rest_text
from tests.conftest_actions import ent

# --- 1. Sextortion -----------------------------------------------------------------------------

SEXTORTION = [
    # the tester's
    "un type me fait du chantage avec des photos nues de moi, il veut 300 euros",
    "quelqu'un me menace de publier des vidéos de moi si je paie pas 500 euros avant demain",
    # the same in other words
    "une fille sur insta dit qu'elle va envoyer ma vidéo intime à tous mes amis si je lui vire "
    "200 euros",
    "on me fait chanter avec des photos de moi toute nue, il demande de l'argent",
    "un mec que j'ai rencontré sur un site veut 1000 euros sinon il balance mes nudes sur "
    "facebook",
    "je suis victime de sextorsion, il me réclame de l'argent",
    "il a enregistré notre appel vidéo et il menace de le diffuser si je paye pas",
]


@pytest.mark.parametrize("message", SEXTORTION)
@pytest.mark.parametrize("intent", ["ask_help", "emergency"])
def test_sextortion_gets_what_to_do_at_once(real, message, intent):
    msgs = Talk().say(message, intent)
    said = rest_text(msgs)
    first = msgs[0].get("text") or ""
    assert "ne payez pas" in first.lower(), said[:600]
    assert "preuves" in first and "captures d'écran" in first, said[:600]
    assert "le 17 (police)" in first and "3018" in first, said[:600]
    assert "emergency" not in kinds(msgs), said[:600]
    assert "apprendre à se servir" not in said, said[:600]


@pytest.mark.parametrize(
    "message",
    [
        "quelqu'un me menace de publier des vidéos de moi si je paie pas 500 euros avant demain, "
        "je suis à Dijon",
        "un homme me fait du chantage avec mes photos intimes, il veut de l'argent, j'habite à "
        "Dijon",
    ],
)
def test_sextortion_with_a_town_gets_the_line_first_then_places_for_online_safety(real, message):
    msgs = Talk().say(message, "ask_help", [ent("location", "Dijon")])
    said = rest_text(msgs)
    assert "ne payez pas" in (msgs[0].get("text") or "").lower(), said[:600]
    assert "recommendation" in kinds(msgs), said[:600]
    assert "vous protéger en ligne" in said, said[:800]  # the need: online safety
    assert said.count("ne payez pas") + said.count("Ne payez pas") == 1, said


@pytest.mark.parametrize(
    "message",
    [
        "comment protéger mon ado de la sextorsion ?",
        "il y a deux ans on m'a fait du chantage avec des photos, c'est réglé, je voudrais "
        "sécuriser mes comptes",
        "je cherche un atelier sur le chantage en ligne pour les parents",
    ],
)
def test_sextortion_as_a_topic_or_over_gets_no_line_at_once(message):
    from actions import helplines

    assert not [line for line in helplines.lines_at_once(message) if "ne payez pas" in line]


# --- 2. Fire and gas ---------------------------------------------------------------------------

FIRE = [
    # the tester's
    "il y a de la fumée qui sort de mon ordinateur et ça sent le brûlé dans tout l'appart",
    "mon chargeur de téléphone a pris feu, la prise brûle",
    # the same in other words
    "ma multiprise est en feu dans le salon",
    "il y a le feu dans la cuisine",
    "la batterie de ma tablette a explosé et il y a des flammes",
    "le feu a pris dans la chambre de mon fils",
    "il y a le feu dans la cuisine de ma voisine",
]
GAS = [
    "ça sent le gaz très fort dans tout l'immeuble",
    "je crois qu'il y a une fuite de gaz chez moi",
    "forte odeur de gaz dans ma cuisine",
]


@pytest.mark.parametrize("message", FIRE)
def test_a_fire_gets_the_18_and_what_to_do(real, message):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    numbers = numbers_given(msgs)
    assert kinds(msgs) == ["emergency"], said[:500]
    assert numbers[:2] == ["18", "112"], said[:500]
    assert "le 18 (pompiers)" in said and "sortez" in said.lower(), said[:500]
    assert "coupez le courant" in said, said[:500]
    assert "3114" not in numbers and "apprendre" not in said, said[:500]


@pytest.mark.parametrize("message", GAS)
def test_gas_gets_the_18_and_no_switch(real, message):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    numbers = numbers_given(msgs)
    assert kinds(msgs) == ["emergency"], said[:500]
    assert numbers[:2] == ["18", "112"], said[:500]
    assert "interrupteur" in said and "sortez" in said.lower(), said[:500]
    assert "3114" not in numbers, said[:500]


# --- 3. Ages and distance are no danger ---------------------------------------------------------


def test_an_age_of_17_told_in_pieces_gets_no_danger_check(real):
    talk = Talk()
    talk.say("bonjour", "chitchat/greet")
    talk.say("c pour mon fils", "inform")
    msgs = talk.say("il a 17 ans il doit sinscrire sur parcoursup", "emergency")
    said = rest_text(msgs)
    assert not {"danger_check", "emergency"} & set(kinds(msgs)), said[:500]
    assert "danger" not in said, said[:500]


@pytest.mark.parametrize(
    "message",
    [
        "il a 17 ans il doit sinscrire sur parcoursup",
        "ma fille a 15 ans, elle doit faire sa carte d'identité en ligne",
        "mon fils a 18 ans il veut s'inscrire à france travail",
        "j'ai 17 ans et je dois faire mon recensement en ligne",
        "ma petite de 15 ans veut ouvrir un compte en banque sur internet",
    ],
)
def test_an_age_beside_a_request_is_no_danger(real, message):
    msgs = Talk().say(message, "emergency")
    said = rest_text(msgs)
    assert not {"danger_check", "emergency"} & set(kinds(msgs)), said[:500]


@pytest.mark.parametrize(
    "message",
    [
        "je vis sur le fleuve à Maripasoula, je peux pas aller à Cayenne, il faut que je fasse ma "
        "carte vitale en ligne",
        "je ne peux pas me déplacer jusqu'à la préfecture, il faut que je fasse mon titre de "
        "séjour en ligne",
        "j'habite loin, je peux pas venir en ville, je dois faire ma demande de RSA sur internet",
        "je peux plus conduire et je peux pas aller à la CAF, comment faire ma déclaration en "
        "ligne",
        "je n'arrive pas à me rendre à Cayenne, je dois renouveler mon passeport",
    ],
)
@pytest.mark.parametrize("intent", ["ask_help", "emergency"])
def test_a_distance_beside_a_request_is_no_danger(real, message, intent):
    msgs = Talk().say(message, intent)
    said = rest_text(msgs)
    assert not {"danger_check", "emergency"} & set(kinds(msgs)), said[:500]
