"""Normalisers of single scalar fields: phones, dates, coordinates, postcodes, departments.

Each returns ``(value, problem)`` where ``problem`` is ``None`` or a short French/English reason
that the caller turns into a warning of the import report.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from directory_client import phones

# Placeholder dates found in real exports (Unix epoch in two time zones).
PLACEHOLDER_DATES = {date(1969, 12, 31), date(1970, 1, 1)}

# French overseas numbers written nationally (0XYZ…) → international prefix.
_OVERSEAS_PREFIXES: dict[str, str] = {
    "262": "262",
    "263": "262",
    "692": "262",
    "693": "262",  # La Réunion
    "269": "262",
    "639": "262",  # Mayotte (zone +262)
    "590": "590",
    "690": "590",
    "691": "590",  # Guadeloupe, St-Martin, St-Barth
    "594": "594",
    "694": "594",  # Guyane
    "596": "596",
    "696": "596",
    "697": "596",  # Martinique
    "508": "508",  # Saint-Pierre-et-Miquelon
}
_E164_OK = re.compile(r"\+(?:33[1-9]\d{8}|(?:262|590|594|596|508)\d{9}|(?:687|681)\d{6}|689\d{8})")


def normalise_phone(raw: object, code_postal: str | None) -> tuple[str | None, str | None]:
    """Phone → E.164 (+33…; +687 for New Caledonia). Unparseable: raw text kept, with a reason:
    one people are never given to call (``phones.dialable``: "+3381812163", a French number
    missing a digit) said so, for the producer to mend it; one written unusually but readable
    ("+262591911") said unrecognised. Values with no subscriber digits at all ("+", "+33") are
    dropped (None) with a reason."""
    if raw is None:
        return None, None
    text = str(raw).strip()
    if not text:
        return None, None
    return _phone(text, bool(code_postal and str(code_postal).startswith("988")))


@lru_cache(maxsize=20_000)
def _phone(text: str, caledonia: bool) -> tuple[str | None, str | None]:
    digits = re.sub(r"\D", "", text)
    plus = text.startswith("+") or text.startswith("00")
    if text.startswith("00"):
        digits = digits[2:]
    candidate: str | None = None
    if plus:
        if digits.startswith("330") and len(digits) == 12:  # +33 0X XX XX XX XX
            digits = "33" + digits[3:]
        elif digits.startswith("0") and len(digits) == 10:  # "+0147985927"
            plus = False
        elif len(digits) == 13 and digits[:3] in {"262", "590", "594", "596"} and digits[3] == "0":
            digits = digits[:3] + digits[4:]  # +262 0262…
        elif digits.startswith("269") and len(digits) == 12 and digits[3:6] in {"269", "639"}:
            digits = "262" + digits[3:]  # Mayotte's former +269 prefix
        if plus:
            candidate = "+" + digits
    if not plus:
        if caledonia and len(digits) == 6:
            candidate = "+687" + digits
        elif len(digits) == 10 and digits.startswith("0"):
            country = _OVERSEAS_PREFIXES.get(digits[1:4], "33")
            candidate = "+" + country + digits[1:]
        elif len(digits) == 9 and not digits.startswith("0") and not caledonia:
            candidate = "+33" + digits
    if candidate and _E164_OK.fullmatch(candidate):
        return candidate, None
    if len(digits) <= 3:
        return None, f"numéro de téléphone vide ou tronqué ({text!r}), ignoré"
    if phones.dialable(text) is None:  # the rule of the numbers people are given to call
        return text, f"numéro de téléphone invalide ({text!r}) : gardé dans la fiche, jamais " \
            "proposé aux personnes"  # fmt: skip
    return text, f"numéro de téléphone non reconnu ({text!r}), gardé tel quel"


def normalise_date(raw: object, today: date) -> tuple[date | None, str | None]:
    if raw is None or raw == "":
        return None, None
    text = str(raw).strip()[:10]
    try:
        value = date.fromisoformat(text)
    except ValueError:
        match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text)
        if not match:
            return None, f"date illisible ({raw!r})"
        try:
            value = date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return None, f"date illisible ({raw!r})"
    if value in PLACEHOLDER_DATES:
        return None, f"date de remplissage ({value.isoformat()}), considérée inconnue"
    if value > today:
        return None, f"date dans le futur ({value.isoformat()}), considérée inconnue"
    return value, None


def normalise_coordinate(raw: object, bound: float, name: str) -> tuple[float | None, str | None]:
    if raw is None or raw == "":
        return None, None
    if isinstance(raw, bool):
        return None, f"{name} n'est pas un nombre ({raw!r})"
    try:
        value = float(str(raw).replace(",", ".")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        return None, f"{name} n'est pas un nombre ({raw!r})"
    if value != value or not -bound <= value <= bound:
        return None, f"{name} hors limites ({raw!r})"
    return value, None


@lru_cache(maxsize=20_000)
def normalise_postcode(raw: object) -> tuple[str | None, str | None]:
    """Five digits. Repairs the two defects met in real files: a trailing ``Cedex``/text and one
    extra trailing zero (``380000`` → ``38000``); both with a warning. Anything else is kept."""
    if raw is None:
        return None, None
    text = str(raw).strip()
    if isinstance(raw, int) and len(text) == 4:  # a JSON number lost its leading zero
        return "0" + text, f"code postal numérique ({raw!r}) complété en 0{text}"
    if re.fullmatch(r"\d{5}", text):
        return text, None
    match = re.fullmatch(r"(\d{5})\s*(?:cedex.*|[a-z ]+)", text, flags=re.IGNORECASE)
    if match:
        return match[1], f"code postal {text!r} ramené à {match[1]}"
    if re.fullmatch(r"\d{5}0", text):
        return text[:5], f"code postal à 6 chiffres {text!r} ramené à {text[:5]}"
    if re.fullmatch(r"\d{4}", text):
        return "0" + text, f"code postal à 4 chiffres {text!r} complété en 0{text}"
    return text or None, f"code postal invalide ({text!r}), gardé tel quel"


def normalise_pivot(raw: str | None) -> tuple[str | None, str | None]:
    """SIRET/RNA: 9 to 14 letters or digits. A leading SIRET/SIREN followed by noise is kept
    (``34106240403159/APE:8790B`` → ``34106240403159``); anything else is dropped with a reason
    (the raw record, stored with the place, still has it)."""
    if raw is None:
        return None, None
    text = raw.strip()
    if re.fullmatch(r"[0-9A-Za-z]{9,14}", text):
        return text, None
    match = re.match(r"(\d{14}|\d{9})\b", text)
    if match:
        return match[1], f"pivot {text!r} ramené à {match[1]}"
    return None, f"pivot invalide ({text!r}), ignoré"


@lru_cache(maxsize=50_000)
def departement(code_insee: str | None, code_postal: str | None) -> str | None:
    """Department code from the INSEE code (exact: 2A/2B) else from the postcode."""
    insee = (code_insee or "").strip().upper()
    if re.fullmatch(r"(2A|2B)\d{3}", insee):
        return insee[:2]
    if re.fullmatch(r"\d{5}", insee):
        return insee[:3] if insee[:2] in {"97", "98"} else insee[:2]
    cp = (code_postal or "").strip()
    if not re.fullmatch(r"\d{5}", cp):
        return None
    if cp.startswith("20"):
        return "2A" if int(cp) < 20200 else "2B"
    if cp[:2] in {"97", "98"}:
        return cp[:3]
    return cp[:2]


@lru_cache(maxsize=10_000)
def slug(text: str) -> str:
    from directory_client.labels import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "source"
