"""'Prévenez-les que je viens' in the chat: consent first, an explicit 'oui', the contact read in
the turn that gives it, then a real referral in a real referral store (SQLite)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from tests.conftest_actions import said, slots_of, tracker
from tests.referral_support import SmtpServer, make_service

MAIRIE = "france-services-anct:2226"  # a France Services desk of Roubaix with an e-mail address
LAST = {
    "what": "vos démarches avec la CAF",
    "need": ["Aide aux démarches administratives"],
    "results": [
        {"id": MAIRIE, "name": "Maison de services de Roubaix", "number": 1},
        {"id": "autre:1", "name": "Médiathèque", "number": 2},
    ],
}


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


@pytest.fixture()
def service(tmp_path, embedded_directory, monkeypatch):
    from bot.referrals import chat

    smtp = SmtpServer().start()  # a real local SMTP server (aiosmtpd)
    made = make_service(tmp_path, directory=embedded_directory, mailer=smtp.mailer(), sms=None)
    monkeypatch.setattr(chat, "default_service", lambda: made)
    yield made
    smtp.stop()


def test_a_referral_needs_an_explicit_yes_to_a_question_saying_what_goes_to_whom(service):
    slots = {"last_search": LAST, "needs": ["demarches"]}
    msgs, events = run(A.ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place",
                                                      slots=slots))  # fmt: skip
    question = msgs[0]["text"]
    assert "Maison de services de Roubaix" in question and "par courriel" in question
    assert "Rien d'autre n'est envoyé" in question and "oui ou non" in question
    slots = {**slots, **slots_of(events)}
    assert slots["awaiting"] == "referral_consent"

    # "non": nothing is sent, nothing is stored
    _, events = run(A.ActionOrient(), tracker("non", "deny", slots=slots))
    assert slots_of(events)["referral"] is None
    assert service.forget_conversation("test-user") == 0  # nothing was stored

    # "oui", then the number: the referral exists, with the consent text as asked
    msgs, events = run(A.ActionOrient(), tracker("oui", "affirm", slots=slots))
    assert "numéro de portable" in said(msgs[0])
    slots = {**slots, **slots_of(events)}
    assert slots["awaiting"] == "referral_contact"
    msgs, events = run(A.ActionFallback(), tracker("mon numéro c'est le 06 12 34 56 78",
                                                   "nlu_fallback", slots=slots))  # fmt: skip
    assert msgs[-1]["custom"]["orienteur"]["ok"] is True, msgs[-1]["text"]
    assert "12 34 56 78" not in str(slots_of(events))  # no contact kept in a slot
    assert "est prévenu" in msgs[-1]["text"]
    assert slots_of(events)["referral"] is None
    made = service.get(msgs[-1]["custom"]["orienteur"]["referral_id"])
    assert made.consent_text == question and made.contact == "+33612345678"


def test_no_place_offered_yet_nothing_to_tell(service):
    msgs, _ = run(A.ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place"))
    assert msgs[0]["response"] == "utter_referral_nothing_yet"


def test_a_message_without_the_contact_keeps_the_referral_waiting_for_it(service):
    slots = {"last_search": LAST, "needs": ["demarches"]}
    _, events = run(A.ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place",
                                                   slots=slots))  # fmt: skip
    slots = {**slots, **slots_of(events)}
    _, events = run(A.ActionOrient(), tracker("oui", "affirm", slots=slots))
    slots = {**slots, **slots_of(events)}
    # Not a contact: answered as usual, the referral still waits (unlike a report, not dropped).
    msgs, events = run(A.ActionFallback(), tracker("attendez je cherche", "nlu_fallback",
                                                   slots=slots))  # fmt: skip
    assert msgs and "awaiting" not in slots_of(events) and "referral" not in slots_of(events)
    assert service.forget_conversation("test-user") == 0  # nothing sent yet
    msgs, _ = run(A.ActionFallback(), tracker("06 12 34 56 78", "nlu_fallback", slots=slots))
    assert msgs[-1]["custom"]["orienteur"]["ok"] is True and "est prévenu" in msgs[-1]["text"]
