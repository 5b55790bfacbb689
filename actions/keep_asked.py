"""After a list, keeping it for the person, as the desk asks: the printable referral sheet of the
places ("fiche d'orientation à imprimer", "fiche pour l'usagère", "imprime la liste": the link to
each place's sheet, ``bot.web.keep``'s ``/fiche/{place_id}``; on the widget, the button under each
place), and the sheet sent to a phone number ("envoie par sms au 06 …", "mon numéro c'est le
06 …", "vous pouvez me l'envoyer par texto ?"): sent when SMS sending is configured
(``bot.staff.sms``), else said plainly that it cannot be, with the sheet to copy or print.

The number is used for one sending, then dropped: never put in a slot, never logged, and said
back masked (« 06 •• •• •• 78 »). "je dois imprimer un papier" is the printer need, never a sheet.
Readers on the message's text, and ``answer``, called by ``actions.after_list``."""

from __future__ import annotations

import asyncio
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import datetime

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import place_questions, texts
from actions.backends import get_directory
from actions.message_text import folded_words
from bot.settings import Settings
from bot.staff.sms import DisabledSender, SmsError, SmsSender, normalise_phone, sender_from_env
from bot.web.sheet_link import sheet_url
from bot.web.short_links import SheetLinkError, SheetLinks, short_url
from directory_client import phones
from directory_client.errors import DirectoryError
from directory_client.hours import PARIS

log = logging.getLogger(__name__)

WIDGET = "socketio"  # the web widget's channel: its cards have the sheet's button
SMS_CHANNEL = "twilio"  # the person writes by SMS: the list is already on their phone
SEND_TIMEOUT = 20.0
_MAX_WORDS = 14


# "fiche", "la fiche", "fiche d'orientation", "fiche pour l'usagère", "une fiche à lui imprimer";
# never a payslip or a tax form ("fiche de paie", "fiche d'imposition": a need).
_SHEET = re.compile(
    r"\bfiches?\b(?! (?:de|d) (?!orientation\b|liaison\b|l usager|l usagere|la personne|la dame"
    r"|du monsieur|ce lieu|ces lieux))"
    # "imprime la liste", "imprimer l'adresse", "la liste à imprimer", "tu peux imprimer ça ?"
    r"|\b(?:imprim\w*|impression)\b(?: \w+){0,3} (?:liste|adresses?|lieux?|coordonnees|infos"
    r"|informations|resultats?|recherche|ca|cela|tout ca)\b(?! mail| email| electronique)"
    r"|\b(?:liste|adresses?|lieux|coordonnees|infos|resultats?) a (?:lui |leur |vous )?imprimer\b"
)
_SAID_WRONG = re.compile(r"\b(?:faux|fausse|fausses|errone\w*|incorrect\w*|pas a jour)\b")
# "imprime", "imprimer svp", "tu peux imprimer ?", "impression pour lui": printing asked, the
# whole message, with nothing to print named but what is on screen (never "imprimer un papier").
_PRINT_ALONE = re.compile(
    r"(?:(?:ok|oui|merci|alors|et|bon|tu|vous|on|peux|peut|pouvez|pourriez|pourrais|possible"
    r"|de|me|m|moi|nous|lui|leur|le|la|les|l|svp|stp|s il vous plait|s il te plait) )*"
    r"(?:imprim\w*|impression)"
    r"(?: (?:le|la|les|l|moi|nous|lui|leur|svp|stp|s il vous plait|s il te plait|merci|tout|ca"
    r"|cela|pour (?:lui|elle|eux|elles|moi|nous|la dame|le monsieur|l usager|l usagere|la personne)"
    r"))*"
)


def asks_sheet(text: str) -> bool:
    """ "fiche d'orientation à imprimer", "fiche pour l'usagère", "imprime la liste" — short, and
    no need but the printer the word "imprimer" may read ("je dois imprimer un papier" is that
    need: no sheet named)."""
    folded = folded_words(text, keep="+")
    if not 0 < len(folded.split()) <= _MAX_WORDS or _SAID_WRONG.search(folded):
        return False
    if not _SHEET.search(folded):
        return False
    found = needs_mod.detect(text)
    return not found.procedures and set(found.needs) <= {"materiel_usage"}


def asks_print(text: str) -> bool:
    """ "imprime", "imprimer svp", "tu peux imprimer pour lui ?" — printing asked in one word,
    after a list: what is on screen, as « imprimer la fiche » (before any list, "imprimer" is
    the printer need)."""
    return bool(_PRINT_ALONE.fullmatch(folded_words(text, keep="+")))


_NUMBER = phones.IN_TEXT  # a phone number as people type it
_SEND = re.compile(r"\b(?:envo\w*|sms|texto|textos|message)\b")
_BY_SMS = re.compile(r"\b(?:sms|texto|textos|par message|un message)\b")
# Asked of the assistant ("envoie-le", "vous pouvez me l'envoyer par texto ?", "par sms"), never
# the person's own trouble ("j'arrive pas à envoyer un sms", "apprendre à envoyer des messages").
_ASKED = re.compile(
    r"\b(?:envoie|envoies|envoyez|envoi|renvoie|renvoyez)\b|\bpar (?:sms|texto|message)\b"
    r"|\b(?:tu peux|vous pouvez|pouvez vous|peux tu|pourriez vous|pourrais tu|possible de"
    r"|tu pourrais|vous pourriez)\b"
)
_OWN_TROUBLE = re.compile(
    r"\b(?:arrive pas|arrive plus|sait pas|sais pas|savoir|apprendre|comment|probleme|bloque)\b"
)
_GIVES_NUMBER = re.compile(
    r"\b(?:mon|son|sa|leur|votre|ton) (?:numero|num|portable|tel|telephone|mobile)\b"
)


@dataclass(frozen=True)
class SendAsked:
    """A request to send the list to a phone: the number given (E.164), or None (to ask)."""

    number: str | None
    rest: str  # the message without the number (to read which place)


def send_asked(text: str, channel: str) -> SendAsked | None:
    """ "envoie par sms au 06 …", "vous pouvez l'envoyer au 07 … ?", "mon numéro c'est le 06 …"
    (a number to send to), "tu peux envoyer un sms à la dame ?" (no number yet); never a report
    ("le numéro est faux"), never "envoyez-le moi" without a phone (the list to keep), never
    "par sms" on the SMS channel without a number (the list is already there)."""
    match = _NUMBER.search(text or "")
    rest = folded_words(_NUMBER.sub(" ", text or "") if match else text, keep="+")
    if _SAID_WRONG.search(rest) or _OWN_TROUBLE.search(rest) or len(rest.split()) > _MAX_WORDS:
        return None
    if match is not None:
        number = normalise_phone(match.group(0))
        if number and (_SEND.search(rest) or _GIVES_NUMBER.search(rest)):
            return SendAsked(number, rest)
        return None  # "le premier est fermé, rappelez-moi au 06 …": a report, a call back
    if channel != SMS_CHANNEL and _BY_SMS.search(rest) and _ASKED.search(rest):
        return SendAsked(None, rest)
    return None


def masked(number: str) -> str:
    """The number said back without its middle: "+33612345678" → "06 •• •• •• 78"."""
    national = "0" + number[3:] if number.startswith("+33") else number
    return f"{national[:2]} •• •• •• {national[-2:]}"


def sms_sender() -> SmsSender:
    """The SMS sender of this process's settings (Twilio, or disabled)."""
    return sender_from_env()


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


def bring_of(last: dict) -> list[str]:
    return [b for b in last.get("bring") or [] if isinstance(b, str)]


def answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, shown: dict | None
) -> list | None:
    """The sheet or the sending asked after a list (``shown``: the place shown in full, if
    any); None when the message asks neither."""
    last = tracker.get_slot("last_search") or {}
    places = list(last.get("results") or [])
    if not places:
        return None
    channel = tracker.get_latest_input_channel() or ""
    sending = send_asked(text, channel)
    if sending is not None:
        say_sent(dispatcher, tracker, sending, shown, last)
        return [SlotSet("fail_count", 0.0)]
    if not (asks_sheet(text) or asks_print(text)):
        return None
    meant = shown or place_questions.place_meant(text, places)
    dispatcher.utter_message(text=sheet_text(tracker, [meant] if meant else places, bring_of(last)))
    return [SlotSet("fail_count", 0.0)]


def say_sent(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    sending: SendAsked,
    shown: dict | None,
    last: dict,
) -> None:
    """Send the sheet of the place meant (shown in full, named by its rank, else the first) to
    the number, and say so; or say why not, with the sheet to copy or print."""
    places = list(last.get("results") or [])
    place = shown or place_questions.place_meant(sending.rest, places) or places[0]
    sender = sms_sender()
    sheet = sheet_text(tracker, [place] if shown else places, bring_of(last))
    copy = texts.text("utter_sheet_to_copy")
    if isinstance(sender, DisabledSender):
        said = texts.text("utter_sms_cannot_send")
        dispatcher.utter_message(text=f"{said} {copy}\n\n{sheet}")
        return
    if sending.number is None:
        dispatcher.utter_message(response="utter_sms_which_number")
        return
    try:
        _send(sender, sending.number, _sms_body(place, last))
    except SendFailed as exc:
        said = texts.text("utter_sms_not_sent", reason=str(exc))
        dispatcher.utter_message(text=f"{said} {copy}\n\n{sheet}")
        return
    others = len(places) > 1 and not shown
    dispatcher.utter_message(
        text=texts.text("utter_sms_sent", number=masked(sending.number), place=place.get("name"))
        + ("\n" + texts.text("utter_sms_other_place") if others else "")
    )


class SendFailed(Exception):
    """The SMS was not sent; the message is plain French, with no number in it."""


def _sms_body(place: dict, last: dict) -> str:
    """The sheet as an SMS (``bot.staff.render.sms_text``), from the place read again."""
    from bot.staff import catalogue, render

    try:
        found = get_directory().get_place(place["id"], datetime.now(PARIS))
    except DirectoryError as exc:
        raise SendFailed("l'annuaire ne répond pas") from exc
    if found is None:
        raise SendFailed("ce lieu n'est plus dans l'annuaire")
    return render.sms_text(found, catalogue.for_bring(bring_of(last)), from_desk=False)


def _send(sender: SmsSender, to: str, body: str) -> None:
    """One sending, in a thread of its own (the action runs inside the server's event loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            pool.submit(asyncio.run, sender.send(to, body)).result(timeout=SEND_TIMEOUT)
        except SmsError as exc:
            said = str(exc).rstrip(".")
            raise SendFailed(said[:1].lower() + said[1:]) from exc
        except FutureTimeout as exc:
            log.warning("SMS from the chat: no answer from the provider")
            raise SendFailed("le service SMS ne répond pas") from exc
