"""Set AT's misses (round 27), as general rules, each played as a first message of our own wording
against the real actions and directory, asserting what the person reads:

- being impersonated or exposed is online safety: someone who took one's number or account and
  writes as them, photos to keep private, a child harassed on a network (beside parenting), "is
  this app safe?";
- how a hack could happen, connected objects: understanding the digital world, beside safety;
- a device the person lacks for what they want to do (a tablet to draw on), or one too old or too
  slow that they say they would replace, is a device to get; a second-hand one they have is not;
- games named, played on a screen (cards, crosswords, scrabble) are a leisure, the tablet its
  means, video calls beside them everyday use; a "maison de retraite" is a place, not a pension;
- bank statements printed at a desk, to be read online: everyday use, and a printer;
- their own printer that will not work is learning the computer, not a printer on site;
- a place that lends devices, a room with computers for a workshop: access to equipment (and
  learning the computer stays beside it when that is what is learnt)."""

from __future__ import annotations

import pytest

from tests.actions.talk import payloads, request_in, rest_text

SAFETY = "protéger"
UNDERSTAND = "comprendre le numérique"
TO_GET = "petit prix"
CREATE = "créer"
PARENTING = "accompagner vos enfants"
COMPUTER_LESSONS = "apprendre à vous servir d'un ordinateur"
ON_SITE = "à utiliser sur place"
PHONE_LESSONS = "votre téléphone ou de votre tablette"
PAPERS = "démarches"
WORK = "chercher du travail"


def _answer(message: str, town: str) -> str:
    _, msgs = request_in(message, town)
    assert not [p for p in payloads(msgs) if p["type"] == "need_choice"], rest_text(msgs)
    assert [p for p in payloads(msgs) if p["type"] == "recommendation"], rest_text(msgs)
    return rest_text(msgs)


@pytest.mark.parametrize(
    "message",
    [
        "une personne s'est emparée de mon numéro de téléphone et envoie des messages à mes "
        "proches à ma place, j'habite Rennes",
        "je voudrais que les photos de mes enfants restent privées sur internet, Rennes",
    ],
)
def test_impersonation_and_privacy_are_online_safety(real, message):
    text = _answer(message, "Rennes")
    assert SAFETY in text, text
    assert "internet au quotidien" not in text and PHONE_LESSONS not in text, text


@pytest.mark.parametrize(
    "message",
    [
        "mon fils se fait harceler sur snap depuis septembre, comment je bloque ces gens ? "
        "Nancy",
        "ma fille se fait harceler sur instagram, comment on signale et on bloque le compte ? "
        "Nancy",
    ],
)
def test_a_child_harassed_on_a_network_is_parenting_and_safety(real, message):
    text = _answer(message, "Nancy")
    assert PARENTING in text and SAFETY in text, text
    assert CREATE not in text, text


def test_how_a_hack_could_happen_is_understanding_beside_safety(real):
    text = _answer(
        "on m'a piraté mon compte, c'est réglé, mais j'aimerais comprendre comment c'est "
        "possible. J'habite Tours", "Tours")
    assert SAFETY in text and UNDERSTAND in text, text


@pytest.mark.parametrize(
    "message",
    [
        "j'aimerais dessiner sur une tablette mais je n'ai pas de tablette, à Orléans",
        "je voudrais apprendre à monter des vidéos, mon ordinateur rame trop il faudrait en "
        "racheter un sans me ruiner, Orléans",
    ],
)
def test_a_device_lacking_or_too_slow_for_a_creation_is_one_to_get(real, message):
    text = _answer(message, "Orléans")
    assert TO_GET in text and CREATE in text, text
    assert ON_SITE not in text, text


def test_a_phone_too_old_for_its_apps_is_one_to_get_not_lessons(real):
    text = _answer(
        "mon téléphone est trop vieux pour les applis, il m'en faudrait un autre sans dépenser "
        "une fortune, Limoges", "Limoges")
    assert TO_GET in text, text
    assert PHONE_LESSONS not in text and "internet au quotidien" not in text, text


def test_a_second_hand_computer_one_has_is_not_one_to_get(real):
    text = _answer(
        "j'ai un ordinateur d'occasion et je voudrais apprendre à faire ma déclaration d'impôts "
        "dessus en sécurité, Dijon", "Dijon")
    assert TO_GET not in text, text
    assert "impôts" in text and SAFETY in text, text


@pytest.mark.parametrize(
    "message",
    [
        "je voudrais jouer aux cartes en ligne avec d'autres personnes, je suis à Angers",
        "mon père voudrait apprendre à faire des sudokus sur sa tablette, il vit à Angers",
        "l'ehpad voudrait des parties de scrabble sur tablette pour les résidents, Angers",
        "la maison de retraite cherche des mots fléchés sur tablette pour les résidents, Angers",
    ],
)
def test_games_on_a_screen_are_a_leisure(real, message):
    text = _answer(message, "Angers")
    assert CREATE in text, text
    assert PHONE_LESSONS not in text and "démarches de retraite" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        "mon imprimante ne veut pas se connecter à mon ordinateur, j'habite Metz",
        "mon imprimante n'imprime plus rien, ça m'énerve. Metz",
    ],
)
def test_ones_own_printer_that_will_not_work_is_learning_the_computer(real, message):
    text = _answer(message, "Metz")
    assert COMPUTER_LESSONS in text, text
    assert ON_SITE not in text and TO_GET not in text, text


def test_a_library_that_lends_tablets_is_access_to_equipment(real):
    text = _answer("est-ce que la bibliothèque prête des tablettes ? Je suis à Caen", "Caen")
    assert ON_SITE in text, text
    assert PHONE_LESSONS not in text, text


def test_a_room_with_computers_for_a_workshop_is_access_beside_the_job_search(real):
    text = _answer(
        "je cherche une salle avec des ordinateurs pour animer un atelier CV avec des "
        "demandeurs d'emploi, à Brest", "Brest")
    assert ON_SITE in text and WORK in text, text
    assert COMPUTER_LESSONS not in text, text


def test_games_and_video_calls_for_residents_are_both_named(real):
    text = _answer(
        "la résidence seniors voudrait des parties de belote sur tablette et des visios avec "
        "leurs familles, à Angers", "Angers")
    assert CREATE in text and "internet au quotidien" in text, text
    assert PHONE_LESSONS not in text, text


def test_bank_statements_printed_at_a_desk_are_everyday_use_and_a_printer(real):
    text = _answer(
        "Je bosse à la médiathèque de Vannes. Une dame vient chaque mois pour qu'on imprime ses "
        "relevés de compte, elle devrait apprendre à les lire sur internet", "Vannes")
    assert "internet au quotidien" in text and ON_SITE in text, text
    assert PAPERS not in text, text


def test_a_place_with_computers_to_learn_them_is_access_and_lessons(real):
    text = _answer("y a-t-il une salle avec des ordis où quelqu'un m'apprendrait à Brest", "Brest")
    assert ON_SITE in text and COMPUTER_LESSONS in text, text
