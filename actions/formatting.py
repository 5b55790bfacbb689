"""Messages the person reads, and the custom payload channels read. Pure functions.

Plain French: short sentences, "vous", no label of the standard in the text.
"""

from __future__ import annotations

import re
from typing import Any

from actions import needs as needs_mod
from directory_client import labels

HELPLINE_NAME = labels.HELPLINE["name"]
HELPLINE_PHONE = labels.HELPLINE["phone"]
HELPLINE_TEXT = (
    f"Vous pouvez aussi appeler {HELPLINE_NAME} au {HELPLINE_PHONE} "
    "(gratuit, du lundi au vendredi) : on vous aide par téléphone."
)
FOLLOW_UPS = (
    "Vous pouvez me dire « d'autres lieux », « seulement les gratuits », "
    "« une autre ville », « envoyez-le moi » ou « recommencer »."
)


def near(label: str) -> str:
    """ "près de Roubaix", "près d'Angoulême" (elision before a vowel or a mute h)."""
    first = needs_mod.fold(label[:1])
    return f"près d'{label}" if first in "aeiouyh" and first else f"près de {label}"


def location_payload(location: dict | None) -> dict:
    location = location or {}
    return {
        "commune": location.get("commune") or location.get("label"),
        "code_insee": location.get("code_insee"),
        "code_postal": location.get("code_postal"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
    }


def result_payload(result: Any) -> dict:
    """One ``results`` item: ``SearchResult.to_payload()`` (the contract) plus what a card shows:
    the place's ``lat``/``lon`` (a map link), ``appointment_url``, ``website``,
    ``opening_text`` ("Ouvert maintenant, jusqu'à 17 h", "Fermé. Ouvre mardi à 9 h") and
    ``mobile_service`` for a bus stop; ``None`` when the directory does not know."""
    return {
        **result.to_payload(),
        "lat": result.lat,
        "lon": result.lon,
        "appointment_url": result.appointment_url,
        "website": result.website,
        "opening_text": result.opening.text,
        "mobile_service": result.mobile_service,
    }


def recommendation_payload(
    need_labels: list[str] | tuple[str, ...],
    location: dict | None,
    filters: dict | None,
    results: list[dict],
    **extra: Any,
) -> dict:
    """The contract of every message that recommends places (see docs/payload.md)."""
    body = {
        "type": "recommendation",
        "need": list(need_labels),
        "location": location_payload(location),
        "filters": dict(filters or {}),
        "results": list(results),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return {"orienteur": body}


def _distance(km: float | None) -> str:
    if km is None:
        return ""
    if km < 1:
        return f"à {int(round(km * 1000, -2)) or 100} m"
    return f"à {km:.1f} km".replace(".", ",")


def _phone(phone: str | None) -> str | None:
    if not phone:
        return None
    digits = phone.replace(" ", "")
    if digits.startswith("+33") and len(digits) == 12:
        digits = "0" + digits[3:]
    if len(digits) == 10 and digits.isdigit():
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return phone


_WHY_DISTANCE = re.compile(r",?\s*à \d+(?:[,.]\d+)?\s*k?m\s*$")


def format_place(index: int, result: Any) -> str:
    """One entry point: name, why, address and distance, opening, phone, appointment link."""
    lines = [f"{index}. {result.name}"]
    why = _WHY_DISTANCE.sub("", result.why or "").strip(" ,")
    if why:
        lines.append(f"   Pourquoi : {why}")
    where = result.address or ""
    if result.commune and result.commune not in where:
        where = f"{where}, {result.commune}" if where else result.commune
    distance = _distance(result.distance_km)
    if where or distance:
        lines.append("   Adresse : " + ", ".join(x for x in (where, distance) if x))
    opening = getattr(getattr(result, "opening", None), "text", None)
    if opening:
        lines.append(f"   Horaires : {opening}")
    phone = _phone(result.phone)
    if phone:
        lines.append(f"   Téléphone : {phone}")
    if result.appointment_url:
        lines.append(f"   Rendez-vous : {result.appointment_url}")
    return "\n".join(lines)


def need_phrase(need_keys: list[str], procedure: str | None) -> str:
    if procedure and procedure in needs_mod.PROCEDURES:
        return f"vos démarches avec {needs_mod.PROCEDURES[procedure].name}"
    phrases = [needs_mod.NEEDS[k].plain for k in need_keys if k in needs_mod.NEEDS]
    if not phrases:
        return "votre besoin"
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " et " + phrases[-1]


def bring_text(procedures: list[str]) -> str | None:
    items: list[str] = []
    for key in procedures:
        proc = needs_mod.PROCEDURES.get(key)
        for item in proc.bring if proc else ():
            if item not in items:
                items.append(item)
    if not items:
        return None
    return "Pensez à apporter :\n" + "\n".join(f"- {item}" for item in items)


def filters_phrase(constraints: list[str]) -> str:
    words = [needs_mod.CONSTRAINT_PLAIN[c] for c in constraints if c in needs_mod.CONSTRAINT_PLAIN]
    return (" (" + ", ".join(words) + ")") if words else ""


def results_text(
    response: Any,
    *,
    location_label: str,
    need_keys: list[str],
    procedures: list[str],
    constraints: list[str],
    offset: int = 0,
    relaxed: list[str] | None = None,
    nothing_near: bool | None = None,
    broadened: bool = False,
) -> str:
    """The whole answer for a search response (never empty)."""
    results = list(response.results)
    if nothing_near is None:
        nothing_near = bool(response.nothing_near)
    what = need_phrase(need_keys, procedures[0] if procedures else None)
    parts: list[str] = []
    if relaxed:
        parts.append(
            "Je n'ai rien trouvé"
            + filters_phrase(relaxed)
            + " : voici les lieux les plus proches sans ce critère."
        )
    if not results:
        if offset:
            parts.append(f"Je n'ai pas d'autres lieux {near(location_label)}.")
        else:
            parts.append(f"Je n'ai trouvé aucun lieu pour {what} {near(location_label)}.")
        parts.append(HELPLINE_TEXT)
        return "\n\n".join(parts)
    if broadened and not offset:
        parts.append(
            f"Aucun lieu n'annonce précisément « {what} » {near(location_label)}. "
            "Voici des lieux d'aide au numérique qui pourront vous aider ou vous orienter :"
        )
    elif nothing_near:
        parts.append(
            f"Il n'y a pas de lieu tout {near(location_label)}. "
            f"{'Le plus proche' if len(results) == 1 else 'Voici les plus proches'} pour {what} :"
        )
    elif offset:
        parts.append(f"Voici d'autres lieux {near(location_label)} :")
    else:
        intro = "Voici le lieu" if len(results) == 1 else f"Voici {len(results)} lieux"
        parts.append(f"{intro} {near(location_label)} pour {what}{filters_phrase(constraints)} :")
    parts.append("\n\n".join(format_place(offset + i + 1, r) for i, r in enumerate(results)))
    if getattr(response, "notice", None):
        parts.append(response.notice)
    bring = bring_text(procedures)
    if bring:
        parts.append(bring)
    if "a_ma_place" in constraints:
        parts.append(
            "Pour qu'une personne fasse la démarche à votre place, demandez « Aidants Connect » "
            "à l'accueil : vous signez un mandat, c'est sûr et gratuit."
        )
    if nothing_near:
        remote = [
            f"{o.name} : {o.phone}" if o.phone else o.name
            for o in getattr(response, "remote_options", ())
        ]
        parts.append("À distance : " + " ; ".join(remote) + "." if remote else HELPLINE_TEXT)
        if remote and not any(HELPLINE_PHONE in r for r in remote):
            parts.append(HELPLINE_TEXT)
    elif len(results) < 3 and not offset:
        parts.append(HELPLINE_TEXT)
    parts.append(FOLLOW_UPS)
    return "\n\n".join(parts)


def summary_text(last: dict) -> str:
    """A short text the person can keep ("envoyez-le moi")."""
    where = near(last.get("where", "") or "chez vous")
    lines = [f"Votre recherche : {last.get('what', 'aide numérique')} {where}."]
    for i, item in enumerate(last.get("results", []), 1):
        bits = [item.get("name") or "", item.get("address") or ""]
        phone = _phone(item.get("phone"))
        if phone:
            bits.append(phone)
        lines.append(f"{i}. " + " – ".join(b for b in bits if b))
    if last.get("bring"):
        lines.append(last["bring"])
    lines.append(f"Aide par téléphone : {HELPLINE_NAME} {HELPLINE_PHONE}.")
    return "\n".join(lines)
