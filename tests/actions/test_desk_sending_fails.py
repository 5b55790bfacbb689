"""A sending the desk asked that does not leave: the mail server or the SMS provider refuses it,
or does not answer. The person reads why in plain French, with the sheet's link to copy or print,
and reads it in time: a provider that stays silent is given up after ``SEND_TIMEOUT``, never
waited for to the end. No address nor number in what is said, kept or logged.
Real actions on the real embedded directory; what the person reads (``rest_text``)."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from actions import sending
from actions.place_actions import ActionSendSummary
from bot.referrals.errors import DeliveryError, DeliveryRejected
from bot.staff.sms import SmsError
from tests.actions import sheets
from tests.actions import talk as T
from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

MDPH = "j'ai besoin d'aide pour mon dossier MDPH à Rennes"
MAIL_NOT_SENT = "L'e-mail n'est pas parti : "
SMS_NOT_SENT = "L'envoi n'a pas abouti : "
QUICK = 0.3  # SEND_TIMEOUT in these tests, in seconds
IN_TIME = 6.0  # what a silent provider may cost the person, in seconds
HANG = 15.0  # how long a silent provider stays silent (released at the test's end)


@pytest.fixture
def links(monkeypatch, tmp_path):
    """No provider from the environment; the sheets' short links in a store of the test's own;
    a provider given up after ``QUICK`` seconds."""
    monkeypatch.setitem(T.ACTIONS, "send_it", ActionSendSummary)
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_NUMBER",
                 "SMTP_HOST"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sending, "SEND_TIMEOUT", QUICK)
    return sheets.own_store(monkeypatch, tmp_path)


@pytest.fixture
def silence():
    """What a silent provider waits on; set at the test's end, so that no thread outlives it."""
    released = threading.Event()
    yield released
    released.set()


def listed() -> tuple[Talk, list[dict]]:
    talk = Talk()
    [payload] = payloads(talk.say(MDPH, "ask_help", [ent("location", "Rennes")]))
    assert payload["results"], payload
    return talk, payload["results"]


def sheet_ids(answer: str, store) -> list[str]:
    return [place_id for _name, place_id in sheets.sheets_given(answer, store)]


def sending_to(monkeypatch, caplog, provider: str, fake, said: str, intent: str):
    """A list, then ``said`` with ``fake`` as the mail server (``provider`` "mailer") or the SMS
    sender ("sms_sender"): the conversation, the places, the answer and how long it took."""
    monkeypatch.setattr(f"actions.keep_asked.{provider}", lambda: fake)
    talk, places = listed()
    caplog.set_level(logging.DEBUG)
    start = time.monotonic()
    answer = rest_text(talk.say(said, intent))
    return talk, places, answer, time.monotonic() - start


class Mailer:
    """A mail server that refuses (``error``) or stays silent (``silence``)."""

    def __init__(self, error: Exception | None = None, silence: threading.Event | None = None):
        self.error, self.silence = error, silence

    def send(self, mail, key: str) -> None:
        if self.silence is not None:
            self.silence.wait(HANG)
        if self.error is not None:
            raise self.error


class Sms:
    """An SMS provider that refuses (``error``) or stays silent (``silence``)."""

    name = "fake"

    def __init__(self, error: Exception | None = None, silence: threading.Event | None = None):
        self.error, self.silence = error, silence

    async def send(self, to: str, body: str) -> str:
        if self.silence is not None:
            self.silence.wait(HANG)
        if self.error is not None:
            raise self.error
        return "SM1"


EMAILS = [
    ("envoyer par e-mail à jp.martin@example.com", "send_it", None),
    ("vous pouvez envoyer ça par mail à accueil.ccas@example.fr ?", "send_it", None),
    ("envoie le 2 par mail à mireille.d@example.org", "send_it", 2),
    ("mail à la dame : m.dupont@example.net", "ask_help", None),
    ("le troisième par courriel à accueil.ccas@example.fr svp", "send_it", 3),
]
SMS = [
    ("envoie par sms au 06 12 34 56 78", "emergency", 1),
    ("la fiche du 2 par texto au 0698765432", "send_it", 2),
    ("tu peux envoyer le troisième au 07 55 44 33 22 ?", "send_it", 3),
    ("mon numéro c'est le 06 44 55 66 77", "report_place", 1),
]


SECRETS = ("jp.martin", "accueil.ccas", "mireille.d", "m.dupont", "12 34 56 78", "0698765432",
           "55 44 33 22", "44 55 66 77", "612345678", "698765432")  # fmt: skip


def hides_what_was_given(said: str, caplog, talk: Talk) -> None:
    for secret in SECRETS:
        assert secret not in said and secret not in caplog.text, secret
        assert secret not in str(talk.slots), secret


MAIL_REFUSALS = [
    DeliveryError("serveur de courriel : 451"),
    DeliveryRejected("courriel refusé (550)"),
    DeliveryError("adresse refusée pour le moment"),
    DeliveryRejected("adresse refusée par le serveur de courriel"),
    DeliveryError("serveur de courriel injoignable (OSError)"),
]


@pytest.mark.parametrize(
    ("said", "intent", "rank", "error"),
    [(*asked, error) for asked, error in zip(EMAILS, MAIL_REFUSALS, strict=True)],
)
def test_an_email_the_server_refuses_says_so_with_the_sheets(
    real, links, monkeypatch, caplog, said, intent, rank, error
):
    talk, places, answer, took = sending_to(monkeypatch, caplog, "mailer", Mailer(error),
                                            said, intent)  # fmt: skip
    assert answer.startswith(f"{MAIL_NOT_SENT}le serveur de courriel ne l'a pas pris."), answer
    assert "Envoyé" not in answer, answer
    chosen = [places[rank - 1]] if rank else places
    assert sheet_ids(answer, links) == [p["id"] for p in chosen], answer
    hides_what_was_given(answer, caplog, talk)


SMS_REFUSALS = [
    (SmsError("Le service SMS a refusé l'envoi."), "le service SMS a refusé l'envoi"),
    (SmsError("Le service SMS ne répond pas."), "le service SMS ne répond pas"),
    (SmsError("Numéro non joignable par SMS"), "numéro non joignable par SMS"),
    (SmsError("L'envoi de SMS n'est pas configuré sur ce poste."),
     "l'envoi de SMS n'est pas configuré sur ce poste"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("said", "intent", "rank", "error", "reason"),
    [(*asked, *refusal) for asked, refusal in zip(SMS, SMS_REFUSALS, strict=True)],
)
def test_an_sms_the_provider_refuses_says_why_with_the_text_to_copy(
    real, links, monkeypatch, caplog, said, intent, rank, error, reason
):
    talk, places, answer, took = sending_to(monkeypatch, caplog, "sms_sender", Sms(error),
                                            said, intent)  # fmt: skip
    place = places[rank - 1]
    assert answer.startswith(f"{SMS_NOT_SENT}{reason}. Voici le texte à recopier"), answer
    assert place["name"] in answer and place["phone_text"] in answer, answer
    assert place["id"] in sheet_ids(answer, links), answer
    assert "Envoyé" not in answer, answer
    hides_what_was_given(answer, caplog, talk)


SILENT = [("mailer", Mailer, f"{MAIL_NOT_SENT}le serveur de courriel ne répond pas.", *asked)
          for asked in EMAILS] + [
          ("sms_sender", Sms, f"{SMS_NOT_SENT}le service SMS ne répond pas.", *asked)
          for asked in SMS]  # fmt: skip


@pytest.mark.parametrize(("provider", "fake", "said_back", "said", "intent", "rank"), SILENT)
def test_a_silent_provider_is_said_silent_in_time(
    real, links, monkeypatch, caplog, silence, provider, fake, said_back, said, intent, rank
):
    talk, places, answer, took = sending_to(monkeypatch, caplog, provider, fake(silence=silence),
                                            said, intent)  # fmt: skip
    assert answer.startswith(said_back), answer
    assert took < IN_TIME, f"{took:.1f} s before the person read: {answer}"
    meant = [places[rank - 1]] if rank else places
    assert {p["id"] for p in meant} <= set(sheet_ids(answer, links)), answer
    hides_what_was_given(answer, caplog, talk)
