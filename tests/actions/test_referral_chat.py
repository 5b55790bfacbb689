"""'Prévenez-les que je viens' in the chat: consent first, an explicit 'oui', the contact read in
the turn that gives it, then a real referral in a real referral store (SQLite) and a real e-mail
to the place (aiosmtpd). A place that cannot be told from here (no e-mail, no mail server,
referrals off) is not offered, and asking anyway is answered at once with its number."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import backends
from actions.conversation_actions import ActionSmalltalk
from actions.place_actions import ActionNotifyPlace
from actions.safety_actions import ActionFallback
from tests.conftest_actions import ent, said, slots_of, tracker
from tests.referral_support import SmtpServer, body, make_service

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
def smtp():
    server = SmtpServer().start()  # a real local SMTP server (aiosmtpd)
    yield server
    server.stop()


@pytest.fixture()
def service(tmp_path, embedded_directory, smtp, monkeypatch):
    from bot.referrals import chat

    made = make_service(tmp_path, directory=embedded_directory, mailer=smtp.mailer(), sms=None)
    monkeypatch.setattr(chat, "default_service", lambda: made)
    return made


@pytest.fixture()
def no_mailer(tmp_path, embedded_directory, monkeypatch):
    """Referrals on, but this server has no mail server (no SMTP_HOST)."""
    from bot.referrals import chat

    made = make_service(tmp_path, directory=embedded_directory, mailer=None, sms=None)
    monkeypatch.setattr(chat, "default_service", lambda: made)
    return made


@pytest.fixture()
def no_key(monkeypatch):
    """As ``make run`` leaves it: ORIENTEUR_SECRET_KEY unset, the real ``default_service``."""
    from bot.referrals import chat

    monkeypatch.delenv("ORIENTEUR_SECRET_KEY", raising=False)
    monkeypatch.setattr(chat, "_SERVICE", None)


@pytest.fixture()
def places(embedded_directory):
    """The actions search the embedded directory."""
    from directory_client import Locator

    backends.set_backends(embedded_directory, Locator())
    yield embedded_directory
    backends.set_backends(None, None)


def search(message: str, town: str) -> tuple[dict, dict]:
    """``message`` in ``town``: the recommendation's payload and the slots after it."""
    where = [{"entity": "location", "value": town}]
    msgs, events = run(A.ActionOrient(), tracker(f"{message} à {town}", "ask_help", where))
    payloads = [(m.get("custom") or {}).get("orienteur") or {} for m in msgs]
    found = [p for p in payloads if p.get("type") == "recommendation"]
    assert found, msgs
    return found[-1], slots_of(events)


def offers_to_notify(recommendation: dict) -> bool:
    return any(b["payload"].startswith("/notify_place")
               for b in recommendation.get("follow_ups") or [])  # fmt: skip


def ask_to_notify(slots: dict) -> tuple[list, dict]:
    msgs, events = run(ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place",
                                                      slots=slots))  # fmt: skip
    return msgs, {**slots, **slots_of(events)}


# France services La Poste de Roubaix - Epeule (roubaix-epeule@france-services.gouv.fr,
# +33320010845) comes first for the CAF near Croix; the Pôle commerce of Cognac (no e-mail,
# +33975992357) first for a tablet in Cognac.
CAF, CROIX, EPEULE = "aide pour ma demande CAF", "Croix", "La Poste de Roubaix - Epeule"
TABLET, COGNAC = "apprendre à utiliser une tablette", "Cognac"


def test_a_place_with_an_email_is_offered_and_gets_the_email_after_the_yes(places, service, smtp):
    reco, slots = search(CAF, CROIX)
    assert EPEULE in reco["results"][0]["name"]
    offer = [b for b in reco["follow_ups"] if b["payload"].startswith("/notify_place")]
    assert [b["title"] for b in offer] == ["Prévenir le lieu n° 1 que je viens"]
    msgs, events = run(ActionNotifyPlace(), tracker(offer[0]["payload"], "notify_place",
                                                      [ent("place_rank", "1")],
                                                      slots=slots))  # fmt: skip
    assert EPEULE in msgs[0]["text"] and "Répondez oui ou non" in msgs[0]["text"]
    slots = {**slots, **slots_of(events)}
    msgs, events = run(A.ActionOrient(), tracker("oui", "affirm", slots=slots))
    slots = {**slots, **slots_of(events)}
    msgs, _ = run(ActionFallback(), tracker("06 12 34 56 78", "nlu_fallback", slots=slots))
    assert msgs[-1]["custom"]["orienteur"]["ok"] is True and "est prévenu" in msgs[-1]["text"]
    asyncio.run(service.worker().drain())
    sent = smtp.inbox.to("roubaix-epeule@france-services.gouv.fr")
    assert len(sent) == 1 and "/orientation/" in body(sent[0])


def test_without_a_mail_server_the_person_is_told_at_once_and_nothing_is_asked(places, no_mailer):
    reco, slots = search(CAF, CROIX)
    assert EPEULE in reco["results"][0]["name"] and not offers_to_notify(reco)
    msgs, slots = ask_to_notify(slots)
    assert len(msgs) == 1 and not msgs[0].get("buttons")
    answer = said(msgs[0])
    assert answer.startswith("Je ne peux pas envoyer de message à France services La Poste de")
    assert "Appelez-le au 03 20 01 08 45." in answer and "Horaires : " in answer
    assert "courriel" not in answer and "oui ou non" not in answer and "+33" not in answer
    assert slots["awaiting"] is None and slots["referral"] is None  # no consent, no contact asked
    # A number given next is not taken as a contact: nothing is stored.
    run(ActionFallback(), tracker("06 12 34 56 78", "nlu_fallback", slots=slots))
    assert no_mailer.forget_conversation("test-user") == 0


def test_a_place_without_email_is_not_offered_and_asking_anyway_gives_its_number(places, service):
    reco, slots = search(TABLET, COGNAC)
    assert "Cognac" in reco["results"][0]["name"] and not offers_to_notify(reco)
    msgs, slots = ask_to_notify(slots)
    answer = said(msgs[0])
    assert "ne reçoit pas de messages de ma part : je ne peux pas le prévenir d'ici" in answer
    assert "Appelez-le au 05 45 36 19 50." in answer  # the médiathèque (search.evidence)
    assert slots["awaiting"] is None and service.forget_conversation("test-user") == 0


def test_with_no_signing_key_as_make_run_leaves_it_the_answer_is_the_same_at_once(places, no_key):
    reco, slots = search(CAF, CROIX)
    assert not offers_to_notify(reco)
    msgs, slots = ask_to_notify(slots)
    answer = said(msgs[0])
    assert answer.startswith("Ce service ne prévient pas encore les lieux : je ne peux pas "
                             "prévenir France services La Poste de Roubaix - Epeule d'ici. "
                             "Appelez-le au 03 20 01 08 45. Horaires : lun.")  # fmt: skip
    assert slots["awaiting"] is None and slots["referral"] is None


def test_a_referral_needs_an_explicit_yes_to_a_question_saying_what_goes_to_whom(service):
    slots = {"last_search": LAST, "needs": ["demarches"]}
    msgs, events = run(ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place",
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
    msgs, events = run(ActionFallback(), tracker("mon numéro c'est le 06 12 34 56 78",
                                                   "nlu_fallback", slots=slots))  # fmt: skip
    assert msgs[-1]["custom"]["orienteur"]["ok"] is True, msgs[-1]["text"]
    assert "12 34 56 78" not in str(slots_of(events))  # no contact kept in a slot
    assert "est prévenu" in msgs[-1]["text"]
    assert slots_of(events)["referral"] is None
    made = service.get(msgs[-1]["custom"]["orienteur"]["referral_id"])
    assert made.consent_text == question and made.contact == "+33612345678"


def test_no_place_offered_yet_nothing_to_tell(service):
    msgs, _ = run(ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place"))
    assert msgs[0]["response"] == "utter_referral_nothing_yet"


def test_a_message_without_the_contact_keeps_the_referral_waiting_for_it(service):
    slots = {"last_search": LAST, "needs": ["demarches"]}
    _, events = run(ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place",
                                                   slots=slots))  # fmt: skip
    slots = {**slots, **slots_of(events)}
    _, events = run(A.ActionOrient(), tracker("oui", "affirm", slots=slots))
    slots = {**slots, **slots_of(events)}
    # Not a contact: answered as usual, the referral still waits (unlike a report, not dropped).
    msgs, events = run(ActionFallback(), tracker("attendez je cherche", "nlu_fallback",
                                                   slots=slots))  # fmt: skip
    assert msgs and "awaiting" not in slots_of(events) and "referral" not in slots_of(events)
    assert service.forget_conversation("test-user") == 0  # nothing sent yet
    msgs, _ = run(ActionFallback(), tracker("06 12 34 56 78", "nlu_fallback", slots=slots))
    assert msgs[-1]["custom"]["orienteur"]["ok"] is True and "est prévenu" in msgs[-1]["text"]


def test_a_place_given_in_full_offers_to_notify_that_place(places, service):
    """ "le deuxième" after the list: its detail's button tells THAT place, by its number."""
    reco, slots = search(CAF, CROIX)
    second = reco["results"][1]
    msgs, _ = run(ActionSmalltalk(), tracker("le deuxième", "chitchat", slots=slots))
    detail = msgs[0]["custom"]["orienteur"]
    assert detail["delivery"] == "detail" and detail["results"] == [second]
    offer = [b for b in detail["follow_ups"] if b["payload"].startswith("/notify_place")]
    assert offer == [{"title": "Prévenir le lieu n° 2 que je viens",
                      "payload": '/notify_place{"place_rank": "2"}'}]  # fmt: skip
    msgs, events = run(ActionNotifyPlace(), tracker(offer[0]["payload"], "notify_place",
                                                      [ent("place_rank", "2")], slots=slots))
    assert second["name"] in msgs[0]["text"] and "oui ou non" in msgs[0]["text"]
    assert slots_of(events)["referral"]["place_id"] == second["id"]


def test_the_place_named_by_its_number_across_pages_is_the_one_told(service):
    page_two = {**LAST, "results": [{**p, "number": p["number"] + 3} for p in LAST["results"]]}
    slots = {"last_search": page_two, "needs": ["demarches"]}
    msgs, _ = run(ActionNotifyPlace(), tracker("prévenez le 5 que je viens", "notify_place",
                                                 slots=slots))  # fmt: skip
    assert "Médiathèque" in said(msgs[0])  # n° 5 is the second shown, not the last
