"""Which phone numbers people are given to call: the one rule.

A number is offered (shown, dialled from a link, sent by SMS) only when it reads as a French
number — metropolitan France and the overseas departments however the data writes it
(``national``), a territory with its own numbering plan — or as a number abroad with its
country code. Anything else — a French number missing a digit ("+3381812163"), a word — is not
offered: the importer reports it (``importer.fields.normalise_phone``), the formatter
(``display.phone_text``) and the search's results (``types.SearchResult``) leave it out.
"""

from __future__ import annotations

import re

# E.164 prefixes dialled in France as a 10-digit national number (0 + the rest): metropolitan
# France and the overseas departments (La Réunion and Mayotte +262, Guadeloupe and the northern
# islands +590, Guyane +594, Martinique +596).
NATIONAL_10 = ("33", "262", "590", "594", "596")
# Territories with their own numbering: written with their country code, digits paired.
OWN_PLAN = ("508", "681", "687", "689")
# The overseas departments' national prefixes (0262…) and the country code each is dialled with
# from abroad: La Réunion 0262/0263/0692/0693 and Mayotte 0269/0639 (+262), Guadeloupe 0590/
# 0690/0691 (+590), Guyane 0594/0694 (+594), Martinique 0596/0696/0697 (+596).
OVERSEAS = {
    "262": "262", "263": "262", "692": "262", "693": "262", "269": "262", "639": "262",
    "590": "590", "690": "590", "691": "590", "594": "594", "694": "594",
    "596": "596", "696": "596", "697": "596",
}  # fmt: skip


# A French number as people type it in a message: "06 12 34 56 78", "0781152290", "06.12.34.56.78",
# "+33 6 12 34 56 78", "0033 (0)6 12 34 56 78", "06/12/34/56/78".
IN_TEXT = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-/]?\d{2}){4}(?!\d)"
)


def digits(phone: str) -> str:
    """The digits and a leading "+" ("00" read as "+")."""
    raw = re.sub(r"[^\d+]", "", phone)
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    return raw


def national(raw: str) -> str | None:
    """The 10-digit national number ("0262123456") of a French number however the data writes
    it (``raw``: ``digits``): +33/+262/+590/+594/+596 and 9 digits (a trunk 0 kept or not),
    10 digits from 0; an overseas number also as 9 digits without its 0 ("262123456"), with
    its country code without "+" ("262262123456"), or short with its prefix once ("+262591911":
    0262 59 19 11; Mayotte's former "+269 66 20 10"). None for anything else."""
    found = _national(raw)
    return found if found is not None and found[1] != "0" else None


def _national(raw: str) -> str | None:
    number = raw.lstrip("+")
    if not number.isdigit():
        return None
    if raw.startswith("+"):
        for code in (*NATIONAL_10, "269"):
            if not number.startswith(code):
                continue
            rest = number[len(code) :]
            if len(rest) == 10 and rest.startswith("0") and code != "269":
                rest = rest[1:]  # +262 0262…
            if len(rest) == 9 and code != "269":
                return "0" + rest
            if len(rest) == 6 and code in OVERSEAS:
                return "0" + code + rest
        return None
    if len(number) == 10 and number.startswith("0"):
        return number
    if len(number) == 9 and number[:3] in OVERSEAS:
        return "0" + number
    if len(number) == 12 and number[:3] in NATIONAL_10 and number[3:6] in OVERSEAS:
        return "0" + number[3:]
    return None


def own_plan(raw: str) -> tuple[str, str] | None:
    """(country code, subscriber digits) of a number of a territory with its own plan
    ("+687271234" → ("687", "271234")), else None."""
    if not raw.startswith("+"):
        return None
    for code in OWN_PLAN:
        rest = raw[1 + len(code) :]
        if raw[1:].startswith(code) and rest.isdigit() and len(rest) in (6, 8, 9):
            return code, rest
    return None


_ABROAD = re.compile(r"\+[1-9]\d{7,14}")


def dialable(phone: str | None) -> str | None:
    """The number to dial (E.164, "+33320010845") when ``phone`` is one to offer, else None:
    a French number (``national``, ``own_plan``), or one abroad with its country code
    ("+44 7700 900123": a person's own number, a place across a border). A number with a
    French code that is not a French number ("+3381812163") is not one to offer."""
    if not phone or not str(phone).strip():
        return None
    raw = digits(str(phone))
    found = national(raw)
    if found is not None:
        return "+" + OVERSEAS.get(found[1:4], "33") + found[1:]
    plan = own_plan(raw)
    if plan is not None:
        return f"+{plan[0]}{plan[1]}"
    french = raw[1:].startswith((*NATIONAL_10, *OWN_PLAN))
    return raw if _ABROAD.fullmatch(raw) and not french else None


def offered(phone: str | None) -> str | None:
    """``phone`` as the data writes it when it is a number to offer (``dialable``), else None."""
    return phone if dialable(phone) is not None else None
