"""The desk asks to send the referral, and knows what happened (round 194's tester, playing
reception staff over REST): an e-mail asked ("vous pouvez envoyer ça par mail à …") or an address
typed after a list is sent when this server has a mail server (``SMTP_HOST``), else said plainly
that it cannot be, with the sheet's link to copy into a mail or print, never the list again; an
SMS for one place ("la fiche du 1 par sms au 06 …") is that place's alone, with the text to copy
when no SMS can leave; "qu'est-ce qui est écrit dans le sms ?" gets that text; a sending asked
before any list says that the places come first. No address nor number is kept or logged.
Real actions on the real embedded directory and Locator; what the person reads (``rest_text``)."""

from __future__ import annotations

import logging
import re

import pytest

from actions import texts
from actions.place_actions import ActionSendSummary
from bot.web.short_links import SheetLinks
from tests.actions import sheets
from tests.actions import talk as T
from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

MDPH = "j'ai besoin d'aide pour mon dossier MDPH à Rennes"
WEB = sheets.WEB
NO_MAIL = "Je ne peux pas envoyer d'e-mail d'ici."
NO_SMS = "Je ne peux pas envoyer de SMS d'ici."
ADDRESSES = ("accueil.ccas@example.fr", "jp.martin@example.com", "mireille.d@example.org",
             "m.dupont@example.net")  # fmt: skip
LINKS: list[SheetLinks] = []


@pytest.fixture(autouse=True)
def _no_provider(monkeypatch, tmp_path):
    """No SMS provider, no mail server; ``send_it`` runs ``action_send_summary``; the sheets'
    short links in a database of the test's own."""
    monkeypatch.setitem(T.ACTIONS, "send_it", ActionSendSummary)
    LINKS[:] = [sheets.own_store(monkeypatch, tmp_path)]
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_NUMBER",
                 "SMTP_HOST"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)


def listed(text: str = MDPH, town: str = "Rennes") -> tuple[Talk, list[dict]]:
    talk = Talk()
    [payload] = payloads(talk.say(text, "ask_help", [ent("location", town)]))
    assert payload["results"], payload
    return talk, payload["results"]


def sheet_ids(answer: str) -> list[str]:
    return [place_id for _name, place_id in sheets.sheets_given(answer, LINKS[0])]


def holds_an_address(said: object) -> bool:
    return any(address in str(said) for address in ADDRESSES)


def holds_a_number(said: object) -> bool:
    digits = re.sub(r"\D", "", str(said))
    return any(n in digits for n in ("611223344", "698765432", "644556677", "755443322"))


# --- 1 and 2: an e-mail asked, or an address typed after a list ---------------------------------
@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("vous pouvez envoyer ça par mail à accueil.ccas@example.fr ?", "send_it"),
        ("envoyer par e-mail à jp.martin@example.com", "send_it"),
        ("vous pouvez m'envoyer la liste par mail ?", "send_it"),
        ("mail à la dame : mireille.d@example.org", "ask_help"),
        ("mireille.d@example.org", "nlu_fallback"),
        ("son adresse c'est m.dupont@example.net", "inform"),
        ("tu peux me l'envoyer par courriel ?", "send_it"),
        ("envoie la liste sur mon mail stp", "ask_help"),
        ("par e-mail à accueil.ccas@example.fr svp", "report_place"),
    ],
)
def test_an_email_asked_without_a_mail_server_says_so_and_gives_the_sheets_never_the_list(
    real, caplog, said, intent
):
    talk, places = listed()
    caplog.set_level(logging.DEBUG)
    msgs = talk.say(said, intent)
    answer = rest_text(msgs)
    assert answer.startswith(NO_MAIL), answer
    assert "Votre recherche à garder" not in answer and not payloads(msgs), answer
    assert "de quoi avez-vous besoin" not in answer, answer
    assert sheet_ids(answer) == [p["id"] for p in places], answer  # links to copy into a mail
    assert "imprim" in answer, answer
    assert not holds_an_address(talk.slots) and not holds_an_address(caplog.text)
    assert talk.slots.get("procedures") == ["mdph"], talk.slots  # the request kept


def test_an_email_for_one_place_gives_that_places_sheet(real):
    talk, places = listed()
    answer = rest_text(talk.say("envoie le 2 par mail à jp.martin@example.com", "send_it"))
    assert answer.startswith(NO_MAIL), answer
    assert sheet_ids(answer) == [places[1]["id"]], answer


def test_the_persons_own_mail_trouble_after_a_list_is_still_a_need(real):
    talk, _places = listed()
    answer = rest_text(talk.say("j'arrive pas à envoyer un mail", "ask_help"))
    assert NO_MAIL not in answer, answer


class FakeMailer:
    def __init__(self) -> None:
        self.sent: list = []

    def send(self, mail, key: str) -> None:
        self.sent.append(mail)


def test_with_a_mail_server_the_sheets_are_sent_and_said_sent(real, monkeypatch, caplog):
    fake = FakeMailer()
    monkeypatch.setattr("actions.keep_asked.mailer", lambda: fake)
    talk, places = listed()
    caplog.set_level(logging.DEBUG)
    answer = rest_text(talk.say("envoyer par e-mail à jp.martin@example.com", "send_it"))
    assert answer.startswith("Envoyé par e-mail"), answer
    assert "jp.martin@example.com" not in answer, answer
    [mail] = fake.sent
    assert mail.to == ("jp.martin@example.com",)
    for place in places:
        assert place["name"] in mail.text, mail.text
    assert not holds_an_address(talk.slots) and not holds_an_address(caplog.text)
    answer = rest_text(talk.say("vous pouvez m'envoyer la liste par mail ?", "send_it"))
    assert answer.startswith("À quelle adresse"), answer
    assert len(fake.sent) == 1


# --- 3: the SMS for the place named ------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "rank"),
    [
        ("envoie la fiche du 1 par sms au 0611223344", 1),
        ("SMS à sa fille au 06 98 76 54 32 avec l'adresse du 1", 1),
        ("envoie le 2 par texto au 07 55 44 33 22", 2),
        ("tu peux envoyer le troisième au 06 11 22 33 44 ?", 3),
        ("par sms au 0698765432 la fiche du deuxième", 2),
    ],
)
def test_an_sms_for_one_place_without_a_provider_gives_that_place_alone_to_copy(
    real, caplog, said, rank
):
    talk, places = listed()
    caplog.set_level(logging.DEBUG)
    answer = rest_text(talk.say(said, "send_it"))
    place = places[rank - 1]
    assert answer.startswith(NO_SMS), answer
    assert sheet_ids(answer) == [place["id"]], answer
    assert place["name"] in answer and place["phone_text"] in answer, answer
    assert "Horaires" in answer, answer
    for other in places:
        if other is not place:
            assert other["name"] not in answer, answer
    assert not holds_a_number(talk.slots) and not holds_a_number(caplog.text)


# --- 4: what the SMS says ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("asked", "intent"),
    [
        ("qu'est-ce qui est écrit dans le sms ?", "chitchat/bot_challenge"),
        ("il dit quoi le sms ?", "chitchat/bot_challenge"),
        ("montre moi le texto", "ask_help"),
        ("c'est quoi le message envoyé ?", "nlu_fallback"),
    ],
)
def test_what_the_sms_says_is_the_text_sent_or_to_send(real, asked, intent):
    talk, places = listed()
    talk.say("envoie la fiche du 2 par sms au 0611223344", "send_it")
    answer = rest_text(talk.say(asked, intent))
    assert "assistant automatique" not in answer, answer
    assert places[1]["name"] in answer and places[1]["phone_text"] in answer, answer
    assert places[0]["name"] not in answer, answer


def test_an_sms_received_before_any_sending_is_no_text_of_ours(real):
    talk, _places = listed()
    answer = rest_text(talk.say("qu'est-ce qui est écrit dans le sms ?", "chitchat/bot_challenge"))
    assert "Le texte" not in answer, answer


# --- 5: a sending asked before any list --------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("envoyer par texto au 0644556677", "send_it"),
        ("envoie par sms au 06 44 55 66 77", "emergency"),
        ("vous pouvez l'envoyer par mail à accueil.ccas@example.fr ?", "send_it"),
        ("mireille.d@example.org", "nlu_fallback"),
    ],
)
def test_a_sending_asked_before_any_list_says_the_places_come_first(real, caplog, said, intent):
    talk = Talk()
    # a first message that names no need plainly: the menu of guesses, no list yet (« cherche
    # stage » is now a job search, answered with places at once: helper e210)
    first = rest_text(talk.say("ado 15a cherche un truc, pas d'ordi, Calais", "ask_help",
                               [ent("location", "Calais")]))  # fmt: skip
    caplog.set_level(logging.DEBUG)
    answer = rest_text(talk.say(said, intent))
    assert "rien trouvé à vous envoyer" not in answer, answer
    assert "trouver les lieux" in answer, answer
    if "de quoi avez-vous besoin" in first:  # the question of the moment again, in words
        assert answer.endswith(texts.text("utter_ask_need_again")), answer
    assert not holds_a_number(talk.slots) and not holds_a_number(caplog.text)
    assert not holds_an_address(talk.slots) and not holds_an_address(caplog.text)
