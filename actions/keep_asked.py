"""After a list, keeping it for the person, as the desk asks (what is asked is read by
``actions.keep_request``; the sending itself is ``actions.sending``'s): the printable referral
sheet of the places ("fiche d'orientation à imprimer", "fiche pour l'usagère", "imprime la
liste": the link to each place's sheet, ``bot.web.keep``'s ``/fiche/{place_id}``; on the widget,
the button under each place), and the sheet sent to a phone number ("envoie par sms au 06 …",
"mon numéro c'est le 06 …", "vous pouvez me l'envoyer par texto ?"): sent when SMS sending is
configured (``bot.staff.sms``), else said plainly that it cannot be, with the text of the SMS to
copy for the place named ("la fiche du 1 par sms au 06 …": that place alone) and its sheet to
print; "qu'est-ce qui est écrit dans le sms ?" then gets that text. The sheets e-mailed
("envoyez ça par mail à …", an address typed alone after a list): sent when a mail server is
configured (``SMTP_HOST``, ``bot.referrals.mail``), else said plainly in one sentence, with each
sheet's link to copy into a mail or print, never the list again. Before any list, a sending
asked says the places come first.

The number or the address is used for one sending, then dropped: never put in a slot, never
logged, and said back masked (« 06 •• •• •• 78 », « j•••@example.fr »).
``answer`` is called by ``actions.after_list``, ``before_list`` by ``actions.base``."""

from __future__ import annotations

import logging

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import place_questions, texts
from actions.keep_request import (
    MailAsked,
    SendAsked,
    asks_print,
    asks_sheet,
    asks_sms_text,
    mail_asked,
    send_asked,
)
from actions.questions import back_on_track
from actions.sending import (
    SendFailed,
    mailer,
    masked,
    masked_address,
    send_mail,
    send_sms,
    sms_body,
    sms_sender,
)
from actions.state import State
from bot.settings import Settings
from bot.staff.sms import DisabledSender
from bot.web.sheet_link import sheet_url
from bot.web.short_links import SheetLinkError, SheetLinks, short_url

log = logging.getLogger(__name__)

WIDGET = "socketio"  # the web widget's channel: its cards have the sheet's button
SMS_PLACE = "sms_place"  # in ``last_search``: the place whose SMS was sent or given to copy
SMS_SENT = "sms_sent"


SHEET_LINKS = SheetLinks()  # the short links' store (opened on first use)


def sheet_link(public: str, place_id: str, bring: list[str]) -> str:
    """The short link to a place's sheet (``bot.web.short_links``: one SMS holds it), or its
    full address when the link cannot be stored."""
    try:
        return short_url(public, SHEET_LINKS.shorten(place_id, bring))
    except SheetLinkError:
        log.warning("sheet: no short link (its database did not answer), the full address given")
        return sheet_url(public, place_id, bring)


def sheet_text(tracker: Tracker, places: list[dict], bring: list[str]) -> str:
    """What the sheet is and where to get it: a short link to each place's printable sheet, or
    on the widget the button under each place."""
    if (tracker.get_latest_input_channel() or "") == WIDGET:
        return texts.text("utter_sheet_on_widget")
    public = Settings.from_env().web_public_url
    links = "\n".join(
        f"{p.get('number', i)}. {p.get('name') or 'Lieu'} : {sheet_link(public, p['id'], bring)}"
        for i, p in enumerate(places, 1)
        if p.get("id")
    )
    return texts.text("utter_sheet_links", links=links)


def _sheet_to_mail(tracker: Tracker) -> str:
    """How to put the sheet in an e-mail, as the channel shows it: on the widget the sheet saved
    as a PDF from the card (no link written there), elsewhere its link to copy (``sheet_text``)."""
    widget = (tracker.get_latest_input_channel() or "") == WIDGET
    return texts.text("utter_sheet_to_mail_widget" if widget else "utter_sheet_to_mail")


def bring_of(last: dict) -> list[str]:
    return [b for b in last.get("bring") or [] if isinstance(b, str)]


def answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, shown: dict | None
) -> list | None:
    """The sheet or the sending asked after a list (``shown``: the place shown in full, if
    any), or the text of the SMS asked about; None when the message asks none of them."""
    last = tracker.get_slot("last_search") or {}
    places = list(last.get("results") or [])
    if not places:
        return None
    channel = tracker.get_latest_input_channel() or ""
    mailing = mail_asked(text)
    if mailing is not None:
        say_mailed(dispatcher, tracker, mailing, shown, last)
        return [SlotSet("fail_count", 0.0)]
    sending = send_asked(text, channel)
    if sending is not None:
        return say_sent(dispatcher, tracker, sending, shown, last)
    if asks_sms_text(text) and last.get(SMS_PLACE):
        return say_sms_text(dispatcher, last)
    if not (asks_sheet(text) or asks_print(text)):
        return None
    meant = shown or place_questions.place_meant(text, places)
    dispatcher.utter_message(text=sheet_text(tracker, [meant] if meant else places, bring_of(last)))
    return [SlotSet("fail_count", 0.0)]


def before_list(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """A sending asked before any list ("envoyer par texto au 06 …", "par mail à …"): the places
    come first, said so, with how the sending will go (asked again then: the number or the
    address is not kept; or, with no way to send, the sheet to copy or print), then the
    question of the moment. None when the message asks no sending."""
    if (tracker.get_slot("last_search") or {}).get("results"):
        return None
    by_mail = mail_asked(text) is not None
    if not by_mail and send_asked(text, tracker.get_latest_input_channel() or "") is None:
        return None
    can_send = mailer() is not None if by_mail else not isinstance(sms_sender(), DisabledSender)
    said = [texts.text("utter_send_places_first", way="par e-mail" if by_mail else "par SMS")]
    if can_send:
        said.append(texts.text("utter_send_later"))
    else:
        cannot = texts.text("utter_mail_cannot_send" if by_mail else "utter_sms_cannot_send")
        said.append(texts.text("utter_send_cannot_later", said=cannot))
    said.append(texts.text(back_on_track(State(tracker))))
    dispatcher.utter_message(text=" ".join(said))
    return [SlotSet("fail_count", 0.0)]


def say_sms_text(dispatcher: CollectingDispatcher, last: dict) -> list | None:
    """The text of the SMS sent or given to copy in this list's turns, read again."""
    place = next((p for p in last.get("results") or [] if p.get("id") == last[SMS_PLACE]), None)
    if place is None:
        return None
    try:
        body = sms_body(place, bring_of(last))
    except SendFailed as exc:
        dispatcher.utter_message(response="utter_sms_not_sent", reason=str(exc))
        return [SlotSet("fail_count", 0.0)]
    if last.get(SMS_SENT):
        lead = texts.text("utter_sms_text_sent")
    else:
        lead = f"{texts.text('utter_sms_none_sent')} {texts.text('utter_sms_text_to_copy')}"
    dispatcher.utter_message(text=f"{lead}\n\n{body}")
    return [SlotSet("fail_count", 0.0)]


def say_sent(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    sending: SendAsked,
    shown: dict | None,
    last: dict,
) -> list:
    """Send the SMS of the place meant (shown in full, named by its rank, else the first) to
    the number, and say so; or say why not, with that text to copy and the sheet to print (the
    place named alone)."""
    places = list(last.get("results") or [])
    named = shown or place_questions.place_meant(sending.rest, places)
    place = named or places[0]
    sender = sms_sender()
    sheet = sheet_text(tracker, [named] if named else places, bring_of(last))
    others = texts.text("utter_sms_other_place") if len(places) > 1 and not named else ""
    if isinstance(sender, DisabledSender):
        said = texts.text("utter_sms_cannot_send")
        dispatcher.utter_message(text=f"{said} {_to_copy(place, last, sheet, others)}")
        return _kept(last, place, sent=False)
    if sending.number is None:
        dispatcher.utter_message(response="utter_sms_which_number")
        return [SlotSet("fail_count", 0.0)]
    try:
        send_sms(sender, sending.number, sms_body(place, bring_of(last)))
    except SendFailed as exc:
        said = texts.text("utter_sms_not_sent", reason=str(exc))
        dispatcher.utter_message(text=f"{said} {_to_copy(place, last, sheet, others)}")
        return _kept(last, place, sent=False)
    dispatcher.utter_message(
        text=texts.text("utter_sms_sent", number=masked(sending.number), place=place.get("name"))
        + ("\n" + others if others else "")
    )
    return _kept(last, place, sent=True)


def _to_copy(place: dict, last: dict, sheet: str, others: str) -> str:
    """The SMS's text to paste into one (when the place can be read again), then the sheet."""
    try:
        body = f"{texts.text('utter_sms_text_to_copy')}\n\n{sms_body(place, bring_of(last))}"
    except SendFailed:
        return f"{texts.text('utter_sheet_to_copy')}\n\n{sheet}"
    return f"{body}\n\n{sheet}" + (f"\n{others}" if others else "")


def _kept(last: dict, place: dict, sent: bool) -> list:
    """Which place's SMS this was (never the number), for "qu'est-ce qui est écrit dans le
    sms ?"."""
    kept = {**last, SMS_PLACE: place.get("id"), SMS_SENT: sent}
    return [SlotSet("last_search", kept), SlotSet("fail_count", 0.0)]


def say_mailed(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    mailing: MailAsked,
    shown: dict | None,
    last: dict,
) -> None:
    """E-mail the sheets of the place meant (shown in full, named by its rank), else of all
    the list, and say so; or say in one sentence that no e-mail can leave from here, with
    their links to copy into a mail or print."""
    places = list(last.get("results") or [])
    meant = shown or place_questions.place_meant(mailing.rest, places)
    chosen = [meant] if meant else places
    server = mailer()
    sheet = sheet_text(tracker, chosen, bring_of(last))
    if server is None:
        said = f"{texts.text('utter_mail_cannot_send')} {_sheet_to_mail(tracker)}"
        dispatcher.utter_message(text=f"{said}\n\n{sheet}")
        return
    if mailing.address is None:
        dispatcher.utter_message(response="utter_mail_which_address")
        return
    try:
        send_mail(server, mailing.address, chosen, bring_of(last))
    except SendFailed as exc:
        said = f"{texts.text('utter_mail_not_sent', reason=str(exc))} "
        dispatcher.utter_message(text=f"{said}{_sheet_to_mail(tracker)}\n\n{sheet}")
        return
    names = ", ".join(p.get("name") or "ce lieu" for p in chosen)
    dispatcher.utter_message(
        response="utter_mail_sent", address=masked_address(mailing.address), places=names
    )
