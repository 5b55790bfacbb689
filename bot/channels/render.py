"""Pure formatting shared by the SMS, WhatsApp and Telegram channels (no Rasa, no I/O).

- buttons → numbered lines, and a reply (digit or title) → the chosen button's payload;
- the assistant's recommendation payload → at most three compact messages;
- STOP / AIDE keywords, shared locations → the assistant's ``share_location`` intent.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from bot.channels.sms_text import segments, shorten_links, shorten_url, to_gsm7

MAX_RESULTS = 3
HELPLINE = "01 70 77 23 72"

HELP_TEXT = (  # one SMS segment (GSM-7, <= 160 characters)
    "Orienteur trouve de l'aide au numérique près de chez vous : écrivez votre besoin et "
    f"votre ville. Tél : Solidarité Numérique {HELPLINE}. STOP pour arrêter."
)
STOP_TEXT = (
    "Vous ne recevrez plus de messages d'Orienteur. "
    "Envoyez START pour reprendre."
)
START_TEXT = "C'est noté, vous recevez à nouveau les messages d'Orienteur. Écrivez votre besoin."

STOP_WORDS = frozenset({"STOP", "ARRET", "ARRETER", "STOP SMS", "STOPSMS", "UNSUBSCRIBE",
                        "DESINSCRIPTION", "DESABONNEMENT"})
HELP_WORDS = frozenset({"AIDE", "HELP", "INFO", "/AIDE", "/HELP"})
START_WORDS = frozenset({"START", "UNSTOP", "REPRENDRE"})


def normalise_keyword(text: str | None) -> str:
    """``" Arrêt ! "`` → ``"ARRET"``: upper case, no accents, no punctuation, single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w/ ]+", " ", text.upper())
    return " ".join(text.split())


def keyword(text: str | None) -> str | None:
    """``"stop"``, ``"help"``, ``"start"`` when the whole message is such a keyword, else None."""
    word = normalise_keyword(text)
    if word in STOP_WORDS:
        return "stop"
    if word in HELP_WORDS:
        return "help"
    if word in START_WORDS:
        return "start"
    return None


# ---------------------------------------------------------------- locations

# The assistant (domain.yml) reads a shared position as intent ``inform`` with the entities
# ``latitude`` and ``longitude`` (rule "location or answer" → action_orient), or from the
# message metadata ``{"location": {"lat", "lon"}}``. Configurable per channel.
LOCATION_INTENT = "inform"
LAT_ENTITY = "latitude"
LON_ENTITY = "longitude"


def coordinates(lat: Any, lon: Any) -> tuple[float, float] | None:
    """``(lat, lon)`` rounded to 6 decimals (~10 cm), or None when they are not coordinates."""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)):
        return None
    if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        return None
    return round(lat_f, 6), round(lon_f, 6)


def location_message(lat: Any, lon: Any, intent: str = LOCATION_INTENT,
                     lat_entity: str = LAT_ENTITY, lon_entity: str = LON_ENTITY) -> str | None:
    """``/inform{"latitude": 50.69, "longitude": 3.17}``, or None if not coordinates."""
    point = coordinates(lat, lon)
    if point is None:
        return None
    return "/" + intent + json.dumps({lat_entity: point[0], lon_entity: point[1]})


def sanitize_user_text(text: str) -> str:
    """Free text must not be read as an intent: ``/share_location{…}`` typed by a user is text.

    Rasa parses any message starting with ``/`` as ``/intent{entities}``. Only the channel builds
    such messages (locations, buttons). ``/start`` (Telegram's first message) becomes a greeting;
    ``/restart`` is kept.
    """
    stripped = text.strip()
    if not stripped.startswith("/"):
        return text
    command = stripped.split()[0].split("@")[0].lower()
    if command == "/start":
        return "bonjour"
    if command == "/restart":
        return "/restart"
    return stripped.lstrip("/").strip() or stripped


# ---------------------------------------------------------------- buttons

def numbered_choices(text: str | None, buttons: Sequence[Mapping[str, Any]]) -> tuple[str, list]:
    """Buttons as numbered lines and the list of (title, payload) the digits map back to.

    ``"Quelle ville ?\\n1. Roubaix (59)\\n2. Roubaix (?)\\nRépondez 1 ou 2."``
    """
    choices = [(str(b.get("title") or b.get("payload") or ""), b.get("payload") or b.get("title"))
               for b in buttons if b.get("title") or b.get("payload")]
    lines = [text.strip()] if text and text.strip() else []
    lines += [f"{i}. {title}" for i, (title, _) in enumerate(choices, 1)]
    if len(choices) == 1:
        lines.append("Répondez 1.")
    elif len(choices) == 2:
        lines.append("Répondez 1 ou 2.")
    elif choices:
        lines.append(f"Répondez par un chiffre de 1 à {len(choices)}.")
    return "\n".join(lines), choices


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def pick_choice(text: str | None, choices: Sequence[tuple[str, Any]] | None) -> Any | None:
    """The payload a reply designates: ``"2"``, ``"2."``, ``" 2 "``, or the title itself."""
    if not text or not choices:
        return None
    match = re.fullmatch(r"\s*(\d{1,2})\s*[.)]?\s*", text)
    if match:
        index = int(match.group(1))
        return choices[index - 1][1] if 1 <= index <= len(choices) else None
    wanted = _fold(text)
    for title, payload in choices:
        if wanted and _fold(title) == wanted:
            return payload
    return None


# ---------------------------------------------------------------- recommendations

def recommendation_of(custom: Any) -> dict | None:
    """The ``{"orienteur": {"type": "recommendation", …}}`` payload, or None."""
    if isinstance(custom, Mapping):
        inner = custom.get("orienteur")
        if isinstance(inner, Mapping) and inner.get("type") == "recommendation":
            return dict(inner)
    return None


def format_distance(km: Any) -> str:
    try:
        km = float(km)
    except (TypeError, ValueError):
        return ""
    if km < 0 or not math.isfinite(km):
        return ""
    if km < 1:
        return f"{max(50, round(km * 1000 / 50) * 50)} m"
    if km < 10:
        return f"{km:.1f} km".replace(".", ",")
    return f"{round(km)} km"


def format_phone(phone: Any) -> str:
    """``+33320123456`` → ``03 20 12 34 56``; other numbers are left alone."""
    if not phone:
        return ""
    raw = re.sub(r"[^\d+]", "", str(phone))
    overseas = re.fullmatch(r"\+(?:262|269|590|594|596)(\d{9})", raw)  # DROM: +262 262… → 0262…
    if overseas:
        raw = "0" + overseas.group(1)
    elif raw.startswith("+33") and len(raw) == 12:
        raw = "0" + raw[3:]
    elif raw.startswith("0033") and len(raw) == 13:
        raw = "0" + raw[4:]
    if len(raw) == 10 and raw.startswith("0"):
        return " ".join(raw[i:i + 2] for i in range(0, 10, 2))
    return str(phone).strip()


def _first(result: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = result.get(key)
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            return " ".join(str(value).split())
    return ""


def _opening(result: Mapping[str, Any]) -> str:
    text = _first(result, "opening_text")  # e.g. "Fermé. Ouvre demain à 10 h"
    if text:
        return text.rstrip(". ")
    open_now = result.get("open_now")
    nxt = _first(result, "next_opening", "opens", "next_open")
    if open_now is True:
        return "Ouvert maintenant"
    if open_now is False:
        return f"Fermé, ouvre {nxt}" if nxt else "Fermé maintenant"
    return ""


_WHY_DISTANCE = re.compile(r",?\s*(?:à|a)\s+\d+(?:[.,]\d+)?\s*k?m\b", re.IGNORECASE)
_HOURS_LINE = re.compile(r"^\s*Horaires\s*:\s*(.+?)\s*$", re.MULTILINE)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    if limit <= 3:
        return ""
    cut = text[: limit - 3].rstrip(" ,;:-")
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")].rstrip(" ,;:-")
    return cut + "..."


def render_result(index: int, result: Mapping[str, Any], *, fits: Callable[[str], bool],
                  prepare: Callable[[str], str]) -> str:
    """One place, as compact as possible: the fields that matter most survive the budget.

    Order of importance: name, phone, address, distance, open now, why, link.
    """
    name = _first(result, "name", "nom") or "Lieu"
    distance = format_distance(result.get("distance_km"))
    head = f"{index}. {name}" + (f" ({distance})" if distance else "")
    address = _first(result, "address", "adresse")
    phone = format_phone(result.get("phone") or result.get("telephone"))
    opening = _opening(result)
    why = _WHY_DISTANCE.sub("", _first(result, "why", "pourquoi")).strip(" ,")
    link = _first(result, "url", "site_web", "website", "booking_url")
    link = shorten_url(link) if link else ""

    def build(h: str, addr: str, why_: str, op: str, lk: str) -> str:
        lines = [h]
        if addr:
            lines.append(addr)
        if phone:
            lines.append(f"Tél {phone}")
        if op or why_:
            lines.append(". ".join(p for p in (op, why_) if p))
        if lk:
            lines.append(lk)
        return prepare("\n".join(lines))

    # Progressively drop or shorten the least important parts until it fits.
    attempts = [
        (head, address, why, opening, link),
        (head, address, why, opening, ""),
    ]
    for limit in (120, 90, 60, 45, 30):
        cut = _cut(why, limit)
        if len(why) > limit and len(cut) >= 20:  # a shorter fragment says nothing
            attempts.append((head, address, cut, opening, ""))
    attempts.append((head, address, "", opening, ""))
    short_opening = _opening({**result, "opening_text": None})
    if short_opening and short_opening != opening:
        attempts.append((head, address, "", short_opening, ""))
    attempts.append((head, address, "", "", ""))
    for limit in (60, 45, 30):
        attempts.append((_cut(head, limit), _cut(address, limit), "", "", ""))
    for attempt in attempts:
        text = build(*attempt)
        if fits(text):
            return text
    return text


def render_recommendation(payload: Mapping[str, Any], *, gsm7: bool = True,
                          max_segments: int = 1, max_results: int = MAX_RESULTS) -> list[str]:
    """The recommendation as short messages: an optional intro, then one message per place.

    ``gsm7`` folds characters to stay in GSM-7 (SMS); each place is kept within
    ``max_segments`` SMS segments when its fields allow it.
    """
    prepare: Callable[[str], str] = (lambda t: to_gsm7(shorten_links(t))) if gsm7 else \
        (lambda t: shorten_links(t))

    def fits(text: str) -> bool:
        return segments(text) <= max_segments

    messages = []
    intro = _first(payload, "intro", "text", "title")
    results = [r for r in (payload.get("results") or []) if isinstance(r, Mapping)]
    if intro:
        messages.append(prepare(intro))
    if not results:
        if not intro:
            messages.append(prepare(
                "Je n'ai pas trouvé de lieu près de chez vous. "
                f"Appelez Solidarité Numérique au {HELPLINE}."))
        return messages
    for i, result in enumerate(results[:max_results], 1):
        messages.append(render_result(i, result, fits=fits, prepare=prepare))
    outro = _first(payload, "outro", "footer")
    if outro:
        messages.append(prepare(outro))
    return messages


def result_choices(payload: Mapping[str, Any], max_results: int = MAX_RESULTS) -> list[tuple]:
    """Choices a digit reply maps to after a recommendation, when results carry a payload."""
    out = []
    for result in (payload.get("results") or [])[:max_results]:
        if isinstance(result, Mapping) and result.get("payload"):
            out.append((_first(result, "name", "nom"), result["payload"]))
    return out if len(out) == min(len(payload.get("results") or []), max_results) else []


_PLACE = re.compile(r"^\s*\d{1,3}\.\s")


def split_places(text: str) -> tuple[list[str], list[str], list[str]]:
    """The assistant's results text as (paragraphs before the places, the numbered places,
    paragraphs after them). Without numbered places everything is in the first list."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    indices = [i for i, p in enumerate(paragraphs) if _PLACE.match(p)]
    if not indices:
        return paragraphs, [], []
    first, last = indices[0], indices[-1]
    return paragraphs[:first], paragraphs[first:last + 1], paragraphs[last + 1:]


def with_opening_texts(payload: Mapping[str, Any], places: Sequence[str]) -> dict:
    """Copy of the payload whose results carry the "Horaires : …" line of the assistant's text
    (which says when a closed place reopens; the payload only has ``open_now``)."""
    results = []
    for i, result in enumerate(payload.get("results") or []):
        result = dict(result) if isinstance(result, Mapping) else result
        if isinstance(result, dict) and i < len(places):
            match = _HOURS_LINE.search(places[i])
            if match and not result.get("opening_text"):
                result["opening_text"] = match.group(1)
        results.append(result)
    return {**payload, "results": results}


def split_text(text: str, limit: int) -> list[str]:
    """Split a text on line ends into parts of at most ``limit`` characters (Twilio refuses
    bodies over 1600, Telegram texts over 4096)."""
    if len(text) <= limit:
        return [text]
    parts, current = [], ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts


def join_paragraphs(text: str) -> str:
    """One message instead of one SMS per paragraph (SMS may arrive out of order)."""
    return "\n".join(p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip())


def as_lines(items: Iterable[str]) -> str:
    return "\n".join(i for i in items if i)
