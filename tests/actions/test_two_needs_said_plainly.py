"""Tester's round after 25 (engineer e175): two needs in one message, both named in the answer;
a need said plainly answered with places, never a menu of guesses. General forms, each in a
wording of its own beside the tester's: a message that turns to a second request ("1) … 2) …",
"de mon côté", "+"); France Travail's initials; the CAF and ameli named together; learning
digital life said as a subject; a trade's own software, website and sales online; someone
else's accounts to run; the affairs after a death; spreadsheets on a computer; a France Travail
file that is no job search."""

from __future__ import annotations

import pytest

from actions.needs import read
from tests.actions.talk import one_list, request_in, rest_text

MENU = "de quoi avez-vous besoin"


def _answer(message: str, town: str, postcode: str, *near: str) -> str:
    """The answer to a first message: one list (no menu, no question), its places in the
    département of ``postcode`` (or of ``near`` ones); what a REST client reads, in lower
    case."""
    _, msgs = request_in(message, town)
    payload = one_list(msgs)
    text = rest_text(msgs)
    assert MENU not in text.lower()
    for place in payload["results"]:
        assert any(f" {p}" in place["address"] for p in (postcode, *near)), place["address"]
    return text.lower()


def _opening(text: str) -> str:
    return text.split("\n")[0]


@pytest.mark.parametrize(
    "message",
    [
        "bonjour, mon fils de 12 ans est accro à son portable, et moi de mon côté je n'arrive "
        "pas à consulter mon compte bancaire en ligne. Nous habitons à Colmar",
        "ma fille passe ses nuits sur tiktok, par ailleurs je voudrais apprendre à payer mes "
        "achats sur internet, Colmar",
    ],
)
def test_a_parent_s_own_need_beside_the_child_s_is_named(real, message):
    # Colmar's one place does papers only: the nearest for everyday internet, across the Bas-Rhin
    text = _answer(message, "Colmar", "68", "67")
    assert "enfants" in text
    assert "internet au quotidien" in _opening(text) or "achats" in _opening(text)


def test_excel_for_a_job_and_a_caf_file_are_both_named(real):
    text = _answer(
        "bonjour j'ai 2 demandes: 1) apprendre excel pour trouver du boulot 2) faire ma demande "
        "de prime d'activité. Pau", "Pau", "64")
    assert "caf" in _opening(text)
    assert "ordinateur" in _opening(text)
    assert "aucun lieu n'annonce précisément « chercher du travail" not in text


@pytest.mark.parametrize(
    "message", ["jeune 19 ans, inscription FT + CV, sans tel, Lens",
                "actualisation ft impossible et je dois refaire mon cv, Lens"],
)
def test_france_travail_s_initials_are_its_file(real, message):
    text = _answer(message, "Lens", "62")
    assert "france travail" in _opening(text)
    assert "chercher du travail" in text


def test_the_caf_and_ameli_are_both_named():
    found = read("jeune femme, enceinte, doit déclarer sa grossesse sur ameli et faire demande "
                 "PAJE caf, ")
    assert {"caf", "ameli"} <= set(found.procedures)


def test_the_caf_and_ameli_files_both_in_the_answer(real):
    text = _answer("jeune femme, enceinte, doit déclarer sa grossesse sur ameli et faire demande "
                   "PAJE caf, Saint-Étienne", "Saint-Étienne", "42")
    assert "caf" in _opening(text)
    assert "santé" in _opening(text) or "ameli" in _opening(text)  # each procedure named


@pytest.mark.parametrize(
    "message",
    [
        "famille réfugiée, besoin accompagnement démarches en ligne + apprentissage numérique, "
        "Besançon Planoise",
        "nous venons d'arriver, il nous faut de l'aide pour les papiers en ligne et une "
        "initiation à l'informatique, Besançon",
    ],
)
def test_papers_and_learning_digital_life_are_both_named(real, message):
    text = _answer(message, "Besançon", "25")
    assert "démarches" in _opening(text)
    assert "internet au quotidien" in _opening(text) or "ordinateur" in _opening(text)


@pytest.mark.parametrize(
    "message, town, postcode",
    [
        ("je suis éleveuse de chèvres et je veux vendre mes fromages en ligne, j'habite à "
         "Saint-Martin-de-Londres", "Saint-Martin-de-Londres", "34"),
        ("maraîcher, je voudrais vendre mes légumes sur un site, Montpellier", "Montpellier",
         "34"),
        ("infirmière libérale, je dois utiliser un logiciel de facturation et faire un site, "
         "Vannes", "Vannes", "56"),
        ("infirmière libérale, je dois apprendre un logiciel de télétransmission et créer mon "
         "site, Vannes", "Vannes", "56"),
    ],
)
def test_a_trade_s_software_and_sales_online_are_the_business_s(real, message, town, postcode):
    text = _answer(message, town, postcode)
    assert "entreprise" in _opening(text)
    assert "téléphone" not in _opening(text)


@pytest.mark.parametrize(
    "message, town, postcode",
    [
        ("ma mère est à l'hôpital et je dois gérer ses comptes bancaires en ligne, je suis "
         "complètement paniquée, Reims", "Reims", "51"),
        ("ma sœur vient de décéder et je dois clôturer tous ses comptes en ligne, Troyes",
         "Troyes", "10"),
        ("mon père est décédé, il faut résilier ses abonnements et prévenir sa banque, je suis "
         "perdu, Troyes", "Troyes", "10"),
    ],
)
def test_someone_else_s_accounts_and_a_death_s_affairs_are_papers(real, message, town, postcode):
    text = _answer(message, town, postcode)
    assert "démarches" in _opening(text)
    assert "entreprise" not in text
    assert "danger" not in text


@pytest.mark.parametrize(
    "message",
    ["apprendre à faire des tableaux sur ordinateur pour l'amicale, Dijon",
     "je voudrais savoir utiliser un tableur pour les comptes du club, Dijon"],
)
def test_spreadsheets_are_learning_the_computer(real, message):
    text = _answer(message, "Dijon", "21")
    assert "ordinateur" in _opening(text)
    assert "créer avec le numérique" not in text


def test_a_france_travail_file_is_not_denied_by_the_opening(real):
    text = _answer("j'ai perdu mon boulot et france travail veut que je m'inscrive sur leur "
                   "site. 33000", "33000", "33")
    assert _opening(text).startswith("voici 3 lieux")
    assert "france travail" in _opening(text)
    # the job search none announces, said after the list, with its help at a distance
    after = text.split("\n", 1)[1]
    assert "aucun lieu n'annonce précisément « chercher du travail" in after
    assert after.index("aucun lieu n'annonce") < after.index("solidarité numérique")
