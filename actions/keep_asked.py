"""After a list, keeping it for the person, as the desk asks: the printable referral sheet of the
places ("fiche d'orientation à imprimer", "fiche pour l'usagère", "imprime la liste": the link to
each place's sheet, ``bot.web.keep``'s ``/fiche/{place_id}``; on the widget, the button under each
place), and the sheet sent to a phone number ("envoie par sms au 06 …", "mon numéro c'est le
06 …", "vous pouvez me l'envoyer par texto ?"): sent when SMS sending is configured
(``bot.staff.sms``), else said plainly that it cannot be, with the text of the SMS to copy for
the place named ("la fiche du 1 par sms au 06 …": that place alone) and its sheet to print;
"qu'est-ce qui est écrit dans le sms ?" then gets that text. The sheets e-mailed ("envoyez ça
par mail à …", an address typed alone after a list): sent when a mail server is configured
(``SMTP_HOST``, ``bot.referrals.mail``), else said plainly in one sentence, with each sheet's
link to copy into a mail or print, never the list again. Before any list, a sending asked says
the places come first.

The number or the address is used for one sending, then dropped: never put in a slot, never
logged, and said back masked (« 06 •• •• •• 78 », « j•••@example.fr »). "je dois imprimer un
papier" is the printer need, never a sheet.
Readers on the message's text, and ``answer``, called by ``actions.after_list``."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
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
from actions.questions import back_on_track
from actions.state import State
from bot.privacy import EMAIL_RE
from bot.referrals.errors import DeliveryError, ReferralConfigError
from bot.referrals.mail import SmtpMailer
from bot.settings import Settings
from bot.staff.sms import DisabledSender, SmsError, SmsSender, normalise_phone, sender_from_env
from bot.web.sheet_link import sheet_mail, sheet_url
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
# The way said in a word or two after a list ("ok sms", "sms svp", "oui en sms", "d'accord,
# texto"): the list sent that way (at the desk, after "par SMS ou imprimé ?").
_SMS_IN_A_WORD = re.compile(
    r"(?:(?:ok|okay|oui|ouais|d accord|dac|daccord|bon|ben|alors|euh|plutot|en|par|un|le|via"
    r"|avec) )*(?:sms|texto|textos)(?: (?:svp|stp|merci|plutot|alors|please|s il vous plait))*"
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
    (a number to send to), "tu peux envoyer un sms à la dame ?", "ok sms" (no number yet); never
    a report ("le numéro est faux"), never "envoyez-le moi" without a phone (the list to keep),
    never "par sms" on the SMS channel without a number (the list is already there)."""
    match = _NUMBER.search(text or "")
    rest = folded_words(_NUMBER.sub(" ", text or "") if match else text, keep="+")
    if _SAID_WRONG.search(rest) or _OWN_TROUBLE.search(rest) or len(rest.split()) > _MAX_WORDS:
        return None
    if match is not None:
        number = normalise_phone(match.group(0))
        if number and (_SEND.search(rest) or _GIVES_NUMBER.search(rest)):
            return SendAsked(number, rest)
        return None  # "le premier est fermé, rappelez-moi au 06 …": a report, a call back
    if channel != SMS_CHANNEL and _BY_SMS.search(rest) and (
        _ASKED.search(rest) or _SMS_IN_A_WORD.fullmatch(rest)
    ):
        return SendAsked(None, rest)
    return None


# "par mail", "par e-mail", "sur son mail", "à mon adresse mail", "mail à la dame", "courriel"
_MAIL_WAY = re.compile(
    r"\b(?:par|sur|a|dans|vers) (?:(?:mon|ma|son|sa|votre|leur|ton|l|la|une?) )?(?:adresse )?"
    r"(?:e ?mails?|mails?|courriels?|mel|boite mail)\b"
    r"|^(?:e ?mail|mail|courriel|mel)\b"
)
_SEND_VERB = re.compile(r"\b(?:envo\w*|renvo\w*|transf[eé]r\w*|fai[st]? suivre|passe[rz]?)\b")
# the address's own trouble ("mon adresse … est piratée", "j'ai oublié le mot de passe de …"):
# a need, never a sending
_ADDRESS_TROUBLE = re.compile(
    r"\b(?:pirat\w*|hack\w*|bloque\w*|oubli\w*|mot de passe|mdp|code|recu|arnaque\w*|spam"
    r"|bizarre|suspect\w*|vol\w*|creer|creation|ouvrir|marche pas|fonctionne pas)\b"
)
_MAX_ADDRESS_WORDS = 9  # "mail à la dame : …", "son adresse c'est …": a few words around it


@dataclass(frozen=True)
class MailAsked:
    """A request to e-mail the list: the address given, or None (to ask)."""

    address: str | None
    rest: str  # the message without the address (to read which place)


def mail_asked(text: str) -> MailAsked | None:
    """ "vous pouvez envoyer ça par mail à … ?", "envoyer par e-mail à …", "vous pouvez m'envoyer
    la liste par mail ?" (no address yet), an address typed alone or with a few words ("mail à la
    dame : …", "son adresse c'est …"); never the person's own trouble with mail ("j'arrive pas à
    envoyer un mail", "il veut envoyer des mails à ses petits-enfants", "mon adresse … est
    piratée")."""
    match = EMAIL_RE.search(text or "")
    rest = folded_words(EMAIL_RE.sub(" ", text or ""), keep="+")
    if _SAID_WRONG.search(rest) or _OWN_TROUBLE.search(rest) or len(rest.split()) > _MAX_WORDS:
        return None
    if match is not None:
        if _ADDRESS_TROUBLE.search(rest):
            return None
        if _MAIL_WAY.search(rest) or _SEND_VERB.search(rest):
            return MailAsked(match.group(), rest)
        return MailAsked(match.group(), rest) if len(rest.split()) <= _MAX_ADDRESS_WORDS else None
    if _MAIL_WAY.search(rest) and (_SEND_VERB.search(rest) or _ASKED.search(rest)):
        return MailAsked(None, rest)
    return None


def masked_address(address: str) -> str:
    """The address said back without its name: "jp.martin@example.com" → "j•••@example.com"."""
    name, _, domain = address.partition("@")
    return f"{name[:1]}•••@{domain}"


def mailer() -> SmtpMailer | None:
    """The mail server of this process's settings (``SMTP_HOST``), or None."""
    try:
        return SmtpMailer.from_env()
    except ReferralConfigError as exc:
        log.warning("e-mail from the chat: %s", exc)
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


SMS_PLACE = "sms_place"  # in ``last_search``: the place whose SMS was sent or given to copy
SMS_SENT = "sms_sent"
# "qu'est-ce qui est écrit dans le sms ?", "il dit quoi le sms ?", "montre moi le texto",
# "c'est quoi le message envoyé ?", "je peux voir le sms ?"
_SMS_WORD = re.compile(r"\b(?:sms|texto|textos|message)\b")
_WHAT_IT_SAYS = re.compile(
    r"\b(?:ecrit|dit|dire|contenu|contient|montre\w*|voir|lire|relire|affich\w*|texte"
    r"|c est quoi|quel|quoi)\b"
)
_RECEIVED = re.compile(r"\b(?:recu|recois|recoit|arnaque\w*|bizarre|inconnu|faux|suspect\w*)\b")


def asks_sms_text(text: str) -> bool:
    """What the SMS says is asked, in a few words (never an SMS received: "j'ai reçu un sms
    bizarre, il dit quoi ?" is a scam to check)."""
    folded = folded_words(text)
    return (
        0 < len(folded.split()) <= 10
        and bool(_SMS_WORD.search(folded) and _WHAT_IT_SAYS.search(folded))
        and not _RECEIVED.search(folded)
    )


def say_sms_text(dispatcher: CollectingDispatcher, last: dict) -> list | None:
    """The text of the SMS sent or given to copy in this list's turns, read again."""
    place = next((p for p in last.get("results") or [] if p.get("id") == last[SMS_PLACE]), None)
    if place is None:
        return None
    try:
        body = _sms_body(place, last)
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
        _send(sender, sending.number, _sms_body(place, last))
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
        body = f"{texts.text('utter_sms_text_to_copy')}\n\n{_sms_body(place, last)}"
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
        said = f"{texts.text('utter_mail_cannot_send')} {texts.text('utter_sheet_to_mail')}"
        dispatcher.utter_message(text=f"{said}\n\n{sheet}")
        return
    if mailing.address is None:
        dispatcher.utter_message(response="utter_mail_which_address")
        return
    try:
        _mail(server, mailing.address, chosen, last)
    except SendFailed as exc:
        said = f"{texts.text('utter_mail_not_sent', reason=str(exc))} "
        dispatcher.utter_message(text=f"{said}{texts.text('utter_sheet_to_mail')}\n\n{sheet}")
        return
    names = ", ".join(p.get("name") or "ce lieu" for p in chosen)
    dispatcher.utter_message(
        response="utter_mail_sent", address=masked_address(mailing.address), places=names
    )


def _mail(server: SmtpMailer, to: str, places: list[dict], last: dict) -> None:
    """One e-mail of the places' sheets, sent in a thread of its own (SMTP blocks)."""
    public = Settings.from_env().web_public_url
    bring = bring_of(last)
    sheets = [(p.get("name") or "Lieu", _sms_body(p, last), sheet_url(public, p["id"], bring))
              for p in places if p.get("id")]  # fmt: skip
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            pool.submit(server.send, sheet_mail(to, sheets), uuid.uuid4().hex).result(
                timeout=SEND_TIMEOUT
            )
        except DeliveryError as exc:  # DeliveryRejected too; the reason holds no address
            log.warning("e-mail from the chat not sent: %s", exc)
            raise SendFailed("le serveur de courriel ne l'a pas pris") from exc
        except FutureTimeout as exc:
            log.warning("e-mail from the chat: no answer from the mail server")
            raise SendFailed("le serveur de courriel ne répond pas") from exc


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
