"""How a place's facts are written for people: the one formatter of each kind.

Every channel (widget, SMS/WhatsApp, Telegram, the console, plain text) shows a distance, a phone
number and opening hours the way these functions write them; the recommendation payload carries
their output (``distance_text``, ``phone_text``, ``tel``, ``hours``) so the web widget does not
format anything itself.
"""

from __future__ import annotations

import contextlib
import math
import re
from datetime import date

from directory_client import hours
from directory_client.french_dates import WEEKDAYS, french_date, french_time
from directory_client.hours_french import OSM_DAYS

# E.164 prefixes dialled in France as a 10-digit national number (0 + the rest): metropolitan
# France and the overseas departments (La Réunion and Mayotte +262, Guadeloupe and the northern
# islands +590, Guyane +594, Martinique +596).
_NATIONAL_10 = ("33", "262", "590", "594", "596")
# Territories with their own numbering: written with their country code, digits paired.
_OWN_PLAN = ("508", "681", "687", "689")

# "Mo" → "lun.", "We" → "mer."…
_DAYS = {code: f"{name[:3]}." for code, name in zip(OSM_DAYS, WEEKDAYS, strict=True)}
_DAY = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b")
_DAYS_THEN_TIME = re.compile(r"^((?:[a-zé]+\.[–, ]*)+) (\d)")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")


def distance_text(km: float | None) -> str:
    """``0.43`` → ``"450 m"``, ``2.34`` → ``"2,3 km"``, ``15.2`` → ``"15 km"``; ``""`` unknown."""
    try:
        km = float(km)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(km) or km < 0:
        return ""
    metres = max(50, round(km * 1000 / 50) * 50)
    if metres < 1000:
        return f"{metres} m"
    if km < 10:
        return f"{km:.1f} km".replace(".0 ", " ").replace(".", ",")
    return f"{round(km)} km"


def _digits(phone: str) -> str:
    raw = re.sub(r"[^\d+]", "", phone)
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    return raw


def _pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def phone_text(phone: str | None) -> str:
    """How people read and dial a number: ``+33320010845`` → ``03 20 01 08 45``,
    ``+262262123456`` → ``02 62 12 34 56``, ``+687271234`` → ``+687 27 12 34``. A number that
    is not one of those is returned as it was written."""
    if not phone or not str(phone).strip():
        return ""
    raw = _digits(str(phone))
    if raw.startswith("+"):
        for code in _NATIONAL_10:
            rest = raw[1 + len(code) :]
            if raw[1:].startswith(code) and len(rest) == 9 and rest.isdigit():
                return _pairs("0" + rest)
        for code in _OWN_PLAN:
            rest = raw[1 + len(code) :]
            if raw[1:].startswith(code) and len(rest) in (6, 8, 9):
                return f"+{code} {_pairs(rest)}"
    elif len(raw) == 10 and raw.startswith("0"):
        return _pairs(raw)
    return " ".join(str(phone).split())


def tel_uri(phone: str | None) -> str | None:
    """``tel:+33320010845`` for a number a phone can dial, else None."""
    if not phone:
        return None
    raw = _digits(str(phone))
    if len(raw) == 10 and raw.startswith("0"):
        raw = "+33" + raw[1:]
    return f"tel:{raw}" if re.fullmatch(r"\+\d{6,15}", raw) else None


def updated_text(date_maj: str | None) -> str:
    """The record's update day as people read it: ``"2024-08-01"`` → ``"1 août 2024"``;
    ``""`` unknown or not a date."""
    try:
        return french_date(date.fromisoformat((date_maj or "")[:10]), weekday=False)
    except ValueError:
        return ""


def hours_lines(opening_hours: str | None) -> list[str]:
    """OSM ``opening_hours`` → short French lines: ``"lun.–ven. : 8 h 30–12 h, 13 h 30–17 h"``
    (times as ``french_dates.french_time`` writes them)."""
    if not opening_hours:
        return []
    # "Sa 00:00-00:00,09:00-12:00" is 9–12; an unreadable text is shown as written (its
    # status says the hours are not known).
    with contextlib.suppress(hours.UnreadableHours):
        opening_hours = hours.normalise(opening_hours)
    lines = []
    for rule in opening_hours.split(";"):
        rule = rule.strip()
        if not rule:
            continue
        if rule in ("PH off", "PH closed"):
            lines.append("fermé les jours fériés")
            continue
        rule = _DAY.sub(lambda m: _DAYS[m.group(1)], rule)
        rule = rule.replace("-", "–").replace(",", ", ").replace(" off", " : fermé")
        rule = _DAYS_THEN_TIME.sub(r"\1 : \2", rule)
        lines.append(_TIME.sub(lambda m: french_time(int(m.group(1)), int(m.group(2))), rule))
    return lines


FEE_UNKNOWN = "non précisé, appelez avant"
FEE_UNKNOWN_NO_PHONE = "non précisé, demandez sur place"


def fee_text(fees: list[str] | tuple[str, ...] | None, *, can_call: bool = True) -> str:
    """What a place says of its price (``SearchResult.fees``, the standard's "frais à charge")
    in plain words: ``"gratuit"``, ``"gratuit sous condition"``, ``"payant"``, ``"gratuit ou
    payant selon l'aide"`` (both said); when it says nothing, ``FEE_UNKNOWN`` (or, with no phone
    to call, ``FEE_UNKNOWN_NO_PHONE``)."""
    said = {str(f).strip() for f in fees or () if f}
    free = sorted(f for f in said if f.startswith("Gratuit"))
    paid = "Payant" in said
    if free and paid:
        return "gratuit ou payant selon l'aide"
    if free:
        return "gratuit" if "Gratuit" in free else "gratuit sous condition"
    if paid:
        return "payant"
    return FEE_UNKNOWN if can_call else FEE_UNKNOWN_NO_PHONE
