"""Conversations a tester played by SMS (Twilio) against the real assistant, replayed in process:
the real SMS channel in front of the real actions on the real directory (tests/bot/channels/
sms_talk.py); what is checked is what the person's phone receives."""

from __future__ import annotations

import re

import pytest

from bot.channels.sms_text import to_gsm7
from directory_client.corrections.queue import CITIZEN
from tests.actions.test_report_place import reports
from tests.bot.channels.sms_talk import SmsTalk
from tests.conftest import copy_directory
from tests.conftest_actions import ent


@pytest.fixture()
def writable(tmp_path, embedded_directory):
    """The embedded directory, writable (the correction queue), and its Locator behind the
    actions."""
    from actions import backends
    from directory_client import Locator

    directory = copy_directory(embedded_directory, tmp_path / "directory.sqlite3")
    backends.set_backends(directory, Locator(directory=directory))
    yield directory
    backends.set_backends(None, None)


def listed_names(body: str) -> dict[int, str]:
    """{number: name} of the places of an SMS list ("2. France services … (2,4 km)")."""
    return {int(n): name for n, name in re.findall(r"^(\d)\. (.+?)(?: \(\S+ km\))?$", body,
                                                   flags=re.M)}  # fmt: skip


# --- 1. "Ce lieu est fermé" after a list, then which one -----------------------------------
@pytest.mark.parametrize("town", ["Marseille", "Lyon"])
@pytest.mark.parametrize("answer, rank", [("1", 1), ("le 2", 2), ("le premier", 1),
                                          ("la troisième", 3)])  # fmt: skip
def test_which_place_is_closed_is_answered_by_its_number_and_recorded(writable, town, answer,
                                                                      rank):
    talk = SmsTalk()
    talk.say(f"aide pour mes papiers CAF à {town}", "ask_help", [ent("location", town)])
    [which] = talk.say("ce lieu est fermé", "report_place")
    assert "Lequel ?" in which
    offered = listed_names(which)
    assert sorted(offered) == [1, 2, 3], which
    assert not re.search(r"^\d\. \d\. ", which, flags=re.M), which  # numbered once
    # The NLU reads "1" or "le premier" as anything (inform here): the channel answers the question.
    [thanks] = talk.say(answer, "inform")
    assert thanks.startswith(to_gsm7("Merci, c'est noté")), thanks
    assert offered[rank] in thanks, (offered, thanks)
    assert "Horaires" not in thanks  # not the place in full
    [(_, kind, who, _)] = reports(writable)
    assert kind == "closed" and who == CITIZEN


# --- 3. "Prévenez-les que je viens" by SMS: the person's own number, as they read it ------------
from tests.actions.test_referral_chat import smtp  # noqa: E402, F401 - the fixture


@pytest.fixture()
def referrals(tmp_path, writable, smtp, monkeypatch):  # noqa: F811 - smtp is the fixture
    """Referrals on, with a mail server (a real local SMTP server), as in test_referral_chat."""
    from bot.referrals import chat
    from tests.referral_support import make_service

    made = make_service(tmp_path, directory=writable, mailer=smtp.mailer(), sms=None)
    monkeypatch.setattr(chat, "default_service", lambda: made)
    return made


@pytest.mark.parametrize("sender, read", [("+33611000002", "06 11 00 00 02"),
                                          ("+33798765432", "07 98 76 54 32"),
                                          ("+262692123456", "06 92 12 34 56")])  # fmt: skip
def test_the_consent_by_sms_shows_the_persons_number_as_they_read_it(referrals, sender, read):
    talk = SmsTalk(sender)
    talk.say("aide pour ma demande CAF à Croix", "ask_help", [ent("location", "Croix")])
    [question] = talk.say("prévenez-les que je viens", "notify_place")
    assert to_gsm7("Répondez oui ou non") in question, question
    assert to_gsm7(f"votre numéro {read} pour vous répondre") in question, question
    assert sender not in question and sender[1:] not in question
    [done] = talk.say("oui", "affirm")
    assert to_gsm7("est prévenu") in done, done
    made = referrals.get(talk.referral_ids()[-1])
    assert made.contact == sender  # the number itself goes to the place, whole
    assert made.consent_text.count(read) == 1  # the consent kept is what the person read


@pytest.fixture()
def no_sms(tmp_path, writable, smtp, monkeypatch):  # noqa: F811 - smtp is the fixture
    """Referrals on, e-mail only: this server has no SMS settings (``DisabledSender``)."""
    from bot.referrals import chat
    from bot.staff.sms import DisabledSender
    from tests.referral_support import make_service

    made = make_service(tmp_path, directory=writable, mailer=smtp.mailer(), sms=DisabledSender())
    monkeypatch.setattr(chat, "default_service", lambda: made)
    return made


NUMBERS = [("06 12 34 56 78", "inform"), ("mon numéro c'est le 0798765432", "report_place"),
           ("0611000003", "out_of_scope")]  # fmt: skip
EMAILS = [("jean.dupont@gmail.com", "out_of_scope"), ("mon mail : marie.l@orange.fr", "inform")]


@pytest.mark.parametrize("number, number_intent", NUMBERS)
@pytest.mark.parametrize("email, email_intent", EMAILS)
def test_without_sms_from_the_server_the_contact_asked_by_sms_is_taken(
    no_sms, number, number_intent, email, email_intent
):
    talk = SmsTalk()
    talk.say("aide pour ma demande CAF à Croix", "ask_help", [ent("location", "Croix")])
    [question] = talk.say("prévenez-les que je viens", "notify_place")
    assert "par SMS" not in question and "par courriel" in question, question  # no false promise
    [ask] = talk.say("oui", "affirm")
    assert "e-mail" in ask and to_gsm7("est prévenu") not in ask, ask
    [no_sms_here] = talk.say(number, number_intent)  # a number: said it cannot go, still waits
    assert "Je ne peux pas vous aider" not in no_sms_here, no_sms_here
    assert "adresse e-mail" in no_sms_here, no_sms_here
    [done] = talk.say(email, email_intent)
    assert to_gsm7("est prévenu") in done and "par courriel" in done, done
    made = no_sms.get(talk.referral_ids()[-1])
    assert made.contact_channel == "email" and made.contact in email
