"""Reading, in the message's words, that the person asks to keep a list: its printable sheet
("fiche d'orientation à imprimer", "imprime la liste", "imprime" alone), an SMS ("envoie par sms
au 06 …", "mon numéro c'est le 06 …", "vous pouvez me l'envoyer par texto ?"), an e-mail
("envoyez ça par mail à …", an address typed alone), or what the SMS sent says ("qu'est-ce qui
est écrit dans le sms ?"). Never the person's own trouble with them ("j'arrive pas à envoyer un
sms", "mon adresse … est piratée"), never a report ("le numéro est faux"), never the printer
need ("je dois imprimer un papier").

Readers only: what is said back is ``actions.keep_asked``'s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions import needs as needs_mod
from actions.message_text import folded_words
from bot.privacy import EMAIL_RE
from bot.staff.sms import normalise_phone
from directory_client import phones

SMS_CHANNEL = "twilio"  # the person writes by SMS: the list is already on their phone
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
