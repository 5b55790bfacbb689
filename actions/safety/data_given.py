"""Data a person types is never danger: a phone number anywhere in a message, or nothing but a
date, an hour, a street address, a postcode or an age.

The NLU's ``emergency`` examples teach digits (« appelez le 15 », « le 17 », « 41 de fièvre »), so
« envoie par sms au 06 12 34 56 78 » (round 26's tester), « le 18/11 », « 17 rue Victor Hugo »,
« code postal 15000 » or « 18 ans » can be read as an emergency: the safety reading puts a phone
number aside as « mon numéro » (``reading``), and the emergency action never trusts the NLU alone
on data (``safety_actions.ActionEmergency``). A danger said beside data is read by its words,
first (« au secours il me frappe, 17 rue Victor Hugo »)."""

from __future__ import annotations

import re

from actions.safety.common_words import fold_text
from directory_client import labels, phones
from directory_client.french_dates import MONTHS

# A phone number, however written (« 06 12 34 56 78 », « 06.12.34.56.78 », « 06-12-34-56-78 »,
# « 0612345678 », « +33 6 12 34 56 78 », « 0033 (0)6 … »): its two-digit groups read as the
# numbers of the emergency examples.
PHONE_NUMBER = phones.IN_TEXT

_MONTH = "|".join(labels.fold(month) for month in MONTHS)
_DAY = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
# The data themselves, on folded text.
_DATA = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?\b"  # 18/11, 15/11/1945
    rf"|\b(\d{{1,2}}|1er|premier) ({_MONTH})( \d{{4}})?\b"  # 15 mars, 13 avril 1960
    rf"|\b({_DAY})( \d{{1,2}})?\b|\b(19|20)\d\d\b"  # mardi 15, 1960
    r"|\b(aujourd'hui|demain|apres-demain|ce (matin|midi|soir))\b"
    r"|\b\d{1,2} ?(h|heures?)( ?\d{2})?\b|\b\d{1,2}:\d{2}\b"  # 15h, 14 h 30, 9:30
    r"|\b\d{1,4}( ?(bis|ter))?,? (rue|avenue|av|bd|boulevard|chemin|place|allee|impasse|route"
    r"|quai|cours|square|residence|lotissement|hameau|cite)\b[^.!?,;]*"  # 17 rue Victor Hugo
    r"|\b(code postal|cp)\b|\b\d{5}\b"  # a postcode
    r"|\b\d{1,3} ans\b"  # an age
)
_DAY_NUMBER = re.compile(r"[1-9]|[12]\d|3[01]")
# The words said around data: « c'est le », « j'habite au », « né le », « mon numéro : ».
_AROUND = frozenset({
    "le", "la", "les", "l'", "au", "aux", "du", "de", "des", "d'", "a", "en", "et", "c'est", "c",
    "est", "mon", "ma", "mes", "son", "sa", "ses", "numero", "num", "tel", "telephone", "portable",
    "adresse", "date", "naissance", "ne", "nee", "j'habite", "habite", "j'ai", "j", "je", "suis",
    "il", "elle", "on", "vers", "pour", "svp", "stp", "merci", "ok", "oui", "voici", "voila",
    "alors", "donc", "rendez-vous", "rdv",
})  # fmt: skip


def gives_a_phone_number(text: str) -> bool:
    return bool(PHONE_NUMBER.search(text or ""))


def without_phone_numbers(text: str) -> str:
    """The message with its phone numbers put as « mon numéro »."""
    return PHONE_NUMBER.sub(" mon numéro ", text or "")


def only_data(text: str) -> bool:
    """The message is nothing but a date, an hour, a street address, a postcode, an age or a
    phone number, with the words said around them (« né le 15/11/1945 », « c'est le 112 rue de
    la République »)."""
    said = PHONE_NUMBER.sub(" ", text or "")
    folded = fold_text(said)
    if said == (text or "") and not _DATA.search(folded):
        return False
    rest = re.sub(r"[^\w'-]+", " ", _DATA.sub(" ", folded)).split()
    # a day's number beside a date or an hour: « le 15 à 17h »
    return all(word in _AROUND or _DAY_NUMBER.fullmatch(word) for word in rest)


def is_data(text: str) -> bool:
    """Data given, never danger: a phone number anywhere (« envoie par sms au 06 12 34 56 78 »),
    or nothing but data (``only_data``)."""
    return gives_a_phone_number(text) or only_data(text)
