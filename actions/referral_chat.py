""" "Prévenez-les que je viens": the chat side of a referral (bot.referrals does the rest).

1. The person asks to tell a place they are coming (``notify_place``; "le deuxième" picks another
   place of the last answer). When that place cannot be told from here now (``why_not_notify``:
   referrals off, no e-mail for the place, no mail server), the assistant says so at once with
   the place's number and hours, and asks nothing. Otherwise it asks the consent question
   (``consent_question``), which says what will be sent to whom. On SMS the contact is the
   sender's own number; on the web it is asked after the "oui".
2. Only an explicit "oui" goes on; "non" sends nothing.
3. The contact is read from the message that gives it, in that very turn: a phone number or an
   e-mail address is never kept in a slot (the tracker store masks them before storage).
"""

from __future__ import annotations

from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import place_pick, ranks, texts
from bot.privacy import EMAIL_RE, PHONE_RE
from bot.referrals.chat import (
    NO_EMAIL,
    NO_MAILER,
    OFF,
    consent_question,
    create_chat_referral,
    sendable_channels,
    why_not_notify,
)
from bot.referrals.texts import CHAT_NO_SMS
from directory_client.display import phone_text

# Why the place cannot be told from here → what the person reads (each says how to reach it).
CANNOT_NOTIFY = {OFF: "utter_referral_cannot_off", NO_EMAIL: "utter_referral_cannot_no_email",
                 NO_MAILER: "utter_referral_cannot_no_mailer"}  # fmt: skip


def _sms_sender(tracker: Tracker) -> str | None:
    """The person's own number, by SMS, when this server can send an SMS (else the contact is
    asked after the "oui", as on the web: never a promise of an SMS that cannot leave)."""
    channel = tracker.get_latest_input_channel() or ""
    if channel in ("twilio", "sms") and PHONE_RE.fullmatch(tracker.sender_id or ""):
        return tracker.sender_id if "sms" in sendable_channels() else None
    return None


def chosen_place(tracker: Tracker, folded_text: str) -> dict | None:
    """The place of the last answer the person means (a button's ``place_rank``, the number or
    rank said: "le deuxième", "le 4" after "d'autres lieux"), else the one just shown in full,
    else the first."""
    results = (tracker.get_slot("last_search") or {}).get("results") or []
    if not results:
        return None
    button = next(tracker.get_latest_entity_values("place_rank"), None)
    rank = int(button) if button and str(button).isdigit() else ranks.rank_in(folded_text)
    from actions.after_list import place_shown_in_full  # the module that imports this one

    # no rank said: the place just shown in full ("le deuxième", then "prévenez-les")
    return place_pick.by_rank(results, rank) or place_shown_in_full(tracker) or results[0]


def can_notify(place: dict) -> bool:
    """Whether "Prévenir" may be offered for this place of a recommendation (``results`` item)."""
    return bool(place.get("id")) and why_not_notify(place["id"]) is None


def say_cannot_notify(dispatcher: CollectingDispatcher, place: dict, reason: str) -> None:
    """The place cannot be told from here: said at once, with how to reach it."""
    phone = place.get("phone_text")
    call = [texts.text("utter_referral_call", phone=phone) if phone
            else texts.text("utter_referral_go")]  # fmt: skip
    if place.get("hours"):
        call.append(texts.text("utter_referral_hours", hours=" ; ".join(place["hours"])))
    dispatcher.utter_message(
        response=CANNOT_NOTIFY[reason],
        place=place.get("name") or "Ce lieu",
        call=" ".join(call),
        json_message={"orienteur": {"type": "referral", "ok": False, "reason": reason}},
    )


def ask_consent(dispatcher: CollectingDispatcher, tracker: Tracker, folded_text: str) -> list:
    place = chosen_place(tracker, folded_text)
    if place is None or not place.get("id"):
        dispatcher.utter_message(response="utter_referral_nothing_yet")
        return []
    reason = why_not_notify(place["id"])
    if reason is not None:  # nothing asked: no consent, no contact
        say_cannot_notify(dispatcher, place, reason)
        return [SlotSet("referral", None), SlotSet("awaiting", None)]
    last = tracker.get_slot("last_search") or {}
    services = list(last.get("need") or [])
    need = ", ".join(services) or "de l'aide avec le numérique"
    keys = list(tracker.get_slot("needs") or [])
    sender = _sms_sender(tracker)
    question = consent_question(  # the number as a person reads it: "06 11 00 00 02"
        place.get("name") or "ce lieu", need, last.get("what") or "",
        "sms" if sender else None, phone_text(sender) if sender else None, sendable_channels(),
    )  # fmt: skip
    dispatcher.utter_message(
        text=question,
        buttons=[{"title": "Oui", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}],
        json_message={"orienteur": {"type": "referral_consent", "place_id": place["id"]}},
    )
    pending = {"place_id": place["id"], "consent_text": question,
               "need": keys[0] if keys else "autre",
               "service": services[0] if services else None,
               "request": last.get("what") or ""}  # fmt: skip
    return [SlotSet("referral", pending), SlotSet("awaiting", "referral_consent")]


def answer_consent(dispatcher: CollectingDispatcher, tracker: Tracker, said_yes: bool) -> list:
    pending = dict(tracker.get_slot("referral") or {})
    if not said_yes or not pending:
        dispatcher.utter_message(response="utter_referral_not_sent")
        return [SlotSet("referral", None), SlotSet("awaiting", None)]
    pending["consent_at"] = datetime.now(timezone.utc).isoformat()
    sender = _sms_sender(tracker)
    if sender:
        return _create(dispatcher, tracker, pending, "sms", sender)
    dispatcher.utter_message(response="utter_referral_ask_contact")
    return [SlotSet("referral", pending), SlotSet("awaiting", "referral_contact")]


def take_contact(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """The message giving the number or address: the referral is made now. None when the message
    holds neither (the conversation goes on as usual)."""
    pending = dict(tracker.get_slot("referral") or {})
    phone, email = PHONE_RE.search(text), EMAIL_RE.search(text)
    if not pending or not (phone or email):
        return None
    if phone:
        return _create(dispatcher, tracker, pending, "sms", phone.group())
    return _create(dispatcher, tracker, pending, "email", email.group())


def _create(dispatcher, tracker, pending: dict, channel: str, contact: str) -> list:
    if channel not in sendable_channels() and sendable_channels():
        # A number where only e-mail can leave: said, and the referral waits for an address.
        if channel == "sms":
            dispatcher.utter_message(text=CHAT_NO_SMS)
        else:
            dispatcher.utter_message(response="utter_referral_ask_contact")
        return [SlotSet("referral", pending), SlotSet("awaiting", "referral_contact")]
    result = create_chat_referral(
        sender_id=tracker.sender_id,
        place_id=pending["place_id"],
        need=pending.get("need") or "autre",
        service_label=pending.get("service"),
        request=pending.get("request") or "",
        contact_channel=channel,
        contact=contact,
        consent_text=pending["consent_text"],
        consent_at=datetime.fromisoformat(pending["consent_at"]),
    )
    dispatcher.utter_message(
        text=result.text,
        json_message={
            "orienteur": {"type": "referral", "ok": result.ok, "referral_id": result.referral_id}
        },
    )
    return [SlotSet("referral", None), SlotSet("awaiting", None)]
