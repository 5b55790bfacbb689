"""Tester t194 (engineer e200): two needs in one message, both named in the answer and served
by the places, in the tester's words and in wordings of our own: a bank account or a transfer
online beside the CAF or a connection (English too), a school enrolment beside the CAF, codes
stolen beside a permis to redo, a device lacking said first and the file after (SMS in pieces),
the APA beside the MDPH; a new need said for someone else replaces the old one for them."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, ent, one_list, payloads, request_in, rest_text

MENU = "de quoi avez-vous besoin"


def _first(message: str, town: str) -> tuple[str, dict]:
    """The answer to a first message with its town: the opening line (what the places are for,
    lower case), and the list."""
    _, msgs = request_in(message, town)
    text = rest_text(msgs)
    assert MENU not in text.lower(), text
    return text.lower(), one_list(msgs)


def _services(payload: dict) -> set[str]:
    return {s for r in payload["results"] for s in r.get("services") or ()}


def _served(text: str, payload: dict, service: str, named: str) -> None:
    """A place listed offers ``service``, or the answer says none near does (``named``, its
    words) with the help at a distance (``need_cover``)."""
    if service not in _services(payload):
        assert f"aucun lieu n'annonce précisément « {named}" in text, text


DAILY = "Maîtrise des outils numériques du quotidien"
PAPERS = "Aide aux démarches administratives"
ACCESS = "Accès internet et matériel informatique"
SAFETY = "Utilisation sécurisée du numérique"
SCHOOL = "Parentalité et éducation avec le numérique"


@pytest.mark.parametrize(
    "message",
    [
        "Hello, I just moved to Lyon and I need help to open a French bank account online and "
        "use the CAF website",
        "I need help with online banking and my CAF application, Lyon",
        "je dois ouvrir un compte bancaire en ligne et faire ma demande d'APL, Lyon",
        "besoin d'aide pour faire un virement en ligne + mon dossier caf, Lyon",
    ],
)
def test_a_bank_account_beside_the_caf_is_named(real, message):
    text, payload = _first(message, "Lyon")
    assert "caf" in text and "internet au quotidien" in text, text
    assert {PAPERS, DAILY} <= _services(payload)


@pytest.mark.parametrize(
    "message",
    [
        "deux choses : 1) comment on fait un virement sur internet 2) j'ai besoin d'une "
        "connexion wifi pour bosser, Brest",
        "je sais pas faire de virement en ligne et j'ai pas internet chez moi, Brest",
        "pas de wifi a la maison et jsais pas utiliser ma banque en ligne, Brest",
        "I have no internet at home and I need to learn online banking, Brest",
    ],
)
def test_online_banking_beside_a_connection_is_named(real, message):
    text, payload = _first(message, "Brest")
    assert "internet au quotidien" in text and "endroit avec internet" in text, text
    assert {ACCESS, DAILY} <= _services(payload)


@pytest.mark.parametrize(
    "message",
    [
        "famille réfugiée, demande CAF + inscription école, Villeurbanne",
        "je dois faire la demande caf et inscrire mes enfants à l'école, Villeurbanne",
        "inscription scolaire de ma fille et dossier APL, Villeurbanne",
    ],
)
def test_a_school_enrolment_beside_the_caf_is_named(real, message):
    text, payload = _first(message, "Villeurbanne")
    assert "caf" in text and "enfants" in text, text
    assert PAPERS in _services(payload)
    _served(text, payload, SCHOOL, "accompagner vos enfants")


@pytest.mark.parametrize(
    "message",
    [
        "on m'a volé mes codes ants je crois, j'ai reçu un mail bizarre, et je dois refaire mon "
        "permis, Auxerre",
        "mon compte ants a été piraté et je dois refaire mon permis de conduire, Auxerre",
        "je me suis fait arnaquer sur internet et en plus je dois renouveler mon passeport, "
        "Auxerre",
    ],
)
def test_codes_stolen_beside_a_title_to_redo_are_both_named(real, message):
    text, payload = _first(message, "Auxerre")
    assert "ants" in text or "passeport" in text, text
    assert "protéger" in text or "arnaque" in text or "piratage" in text, text
    assert "pensez à apporter" in text, text  # the title's bring list
    assert {PAPERS} <= _services(payload)


@pytest.mark.parametrize(
    "turns",
    [
        ("besoin scanner", "pr envoyer papiers mutuelle"),
        ("g pas d'imprimante", "c pour ma feuille de soins ameli"),
        ("j'ai pas d'ordi", "pour mes papiers caf"),
        ("no computer at home", "need to send my CAF papers"),
    ],
)
def test_a_device_lacking_said_first_is_kept_beside_the_file(real, turns):
    talk = Talk()
    for message in turns:
        talk.say(message)
    msgs = talk.say("56000", "inform", [ent("location", "56000")])
    text = rest_text(msgs).lower()
    payload = one_list(msgs)
    assert "ordinateur" in text.split("\n\n1. ")[0] or "imprim" in text.split("\n\n1. ")[0] \
        or "endroit avec internet" in text.split("\n\n1. ")[0], text
    assert ACCESS in _services(payload), text


@pytest.mark.parametrize(
    "message",
    [
        "dame malvoyante 60a, demande APA + mdph en ligne, Agen",
        "demande APA + mdph, Agen",
        "mon père a besoin de faire sa demande d'allocation personnalisée d'autonomie et son "
        "dossier MDPH, Agen",
        "dossier apa pour ma mère et carte vitale, Agen",
    ],
)
def test_the_apa_beside_another_file_is_named(real, message):
    text, _ = _first(message, "Agen")
    assert "apa" in text or "autonomie" in text.split("\n\n1. ")[0], text


@pytest.mark.parametrize(
    ("first", "second", "town", "expected"),
    [
        ("je veux apprendre à faire des visios avec ma famille, je suis à Bayonne",
         "et pour mon voisin qui a besoin d'aide pour sa carte grise ?", "Anglet", "carte grise"),
        ("je voudrais apprendre à me servir de ma tablette, Bayonne",
         "et pour ma mère qui doit faire sa déclaration d'impôts ?", "Anglet", "impôts"),
        ("je cherche un cours d'informatique, Bayonne",
         "et ma voisine elle doit renouveler son passeport", "Anglet", "passeport"),
    ],
)
def test_a_new_need_for_someone_else_replaces_the_old(real, first, second, town, expected):
    talk = Talk()
    talk.say(first, "ask_help", [ent("location", "Bayonne")])
    talk.say(second, "ask_help")
    msgs = talk.say(f"il habite à {town}", "inform", [ent("location", town)])
    text = rest_text(msgs)
    assert expected.lower() in text.lower(), text
    assert "internet au quotidien" not in text and "tablette" not in text, text
    assert payloads(msgs)
