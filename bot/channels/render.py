"""Pure formatting shared by the SMS, WhatsApp and Telegram channels (no Rasa, no I/O).

- buttons → numbered lines, and a reply (digit or title) → the chosen button's payload;
- the assistant's recommendation payload → plain text, one SMS body (≤ 4 segments), one
  WhatsApp message, and the full detail of a place answered by its number;
- STOP / AIDE keywords, shared locations → the assistant's ``share_location`` intent.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from actions import texts as responses
from bot.channels.sms_text import segments, shorten_links, to_gsm7
from directory_client.labels import HELPLINE

HELP_TEXT = (  # one SMS segment (GSM-7, <= 160 characters)
    "Orienteur trouve de l'aide au numérique près de chez vous : écrivez votre besoin et "
    f"votre ville. Tél : {HELPLINE['name']} {HELPLINE['phone']}. STOP pour arrêter."
)
# The assistant's own acknowledgement (domain.yml, what REST and the widget get), then how to
# resume: the number is opted out.
STOP_TEXT = f"{responses.text('utter_stopped')} Envoyez START pour reprendre."
# The channels that send messages of their own (the SMS, Telegram): STOP is an opt-out there
# (``STOP_TEXT``); elsewhere (REST, the web widget) it closes the conversation
# (actions/stop_said.py).
PUSHING_CHANNELS = frozenset({"twilio", "sms", "telegram"})
START_TEXT = "C'est noté, vous recevez à nouveau les messages d'Orienteur. Écrivez votre besoin."

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


# Opting out: the WHOLE message (normalised) says stop, in any of the common ways, with politeness
# around it. Only the whole message: "arrêter de fumer" or "le bus s'arrête où ?" are questions
# for the assistant, "stop, je veux de l'aide" too.
_COURTESY = (r"(?:SVP|STP|S IL VOUS PLAIT|S IL TE PLAIT|MERCI(?: BEAUCOUP)?|PLEASE|OK|BONJOUR"
             r"|BONSOIR|MADAME|MONSIEUR|NON|DONC|ALORS|C EST BON|CA SUFFIT)")  # fmt: skip
_THEM = r"(?:(?:DE|DES|D|VOS|CES|LES|VOTRE|TOUS (?:LES|VOS)|TOUT) )?"
_MESSAGES = rf"(?:{_THEM}(?:MESSAGES?|SMS|TEXTOS?|NOTIFICATIONS?|ALERTES?|ENVOIS?)" \
            r"(?: D ORIENTEUR| DE VOTRE PART)?)"
_SEND = r"(?:M |ME |NOUS )?(?:ENVOYER|ECRIRE|CONTACTER|RELANCER)"
_WANT = r"(?:JE |J )?(?:NE |N )?(?:VEUX|VOUDRAIS|SOUHAITE|DESIRE)"
_STOP = (
    rf"STOP(?:PE|PER|PEZ)?(?: TOUT)?(?: {_MESSAGES})?",
    r"STOPSMS|STOPALL|UNSUBSCRIBE|CANCEL|QUIT|END",  # Twilio's own opt-out words
    rf"ARRET(?:E|ER|EZ)?(?: TOUT)?(?: {_MESSAGES})?",
    rf"(?:STOP|STOPPEZ|ARRETE|ARRETER|ARRETEZ|CESSEZ|CESSER) (?:DE |D ){_SEND}(?: {_MESSAGES})?",
    rf"(?:{_WANT} )?(?:NE )?PLUS RECEVOIR(?: {_MESSAGES}| RIEN)?",
    rf"(?:{_WANT} )?PLUS {_MESSAGES}",
    rf"(?:MERCI DE |VEUILLEZ )?NE PLUS {_SEND}(?: {_MESSAGES}| RIEN)?",
    rf"NE (?:M|ME|NOUS) (?:ENVOYEZ|ECRIVEZ|CONTACTEZ) PLUS(?: {_MESSAGES}| RIEN| JAMAIS)?",
    rf"(?:{_WANT} )?(?:ME )?(?:DESABONNER|DESINSCRIRE)",
    r"(?:JE ME )?(?:DESABONNE|DESINSCRIS)|DESABONNEZ MOI|DESINSCRIVEZ MOI|RETIREZ MOI",
    r"DESABONNEMENT|DESINSCRIPTION",
)
_STOP_MESSAGE = re.compile(
    rf"^/?(?:{_COURTESY} )*(?:{'|'.join(_STOP)})(?: (?:{'|'.join(_STOP)}))*(?: {_COURTESY})*$"
)


def keyword(text: str | None) -> str | None:
    """``"stop"``, ``"help"``, ``"start"`` when the whole message is such a keyword, else None."""
    word = normalise_keyword(text)
    if _STOP_MESSAGE.match(word):
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
    if text and _REPLY_IN_WORDS.search(text):
        # the text already says what to reply (« Répondez « samedi » »): the button is for
        # screens; numbered too, it came twice, its « 1. » under the list's own place 1
        return text.strip(), []
    choices = [(str(b.get("title") or b.get("payload") or ""), b.get("payload") or b.get("title"))
               for b in buttons if b.get("title") or b.get("payload")]
    # A title that carries its own number ("1. France services…", the widget's) is numbered once.
    choices = [(_unnumbered(title, i), payload) for i, (title, payload) in enumerate(choices, 1)]
    lines = [text.strip()] if text and text.strip() else []
    lines += [f"{i}. {title}" for i, (title, _) in enumerate(choices, 1)]
    if len(choices) == 1:
        lines.append("Répondez 1.")
    elif len(choices) == 2:
        lines.append("Répondez 1 ou 2.")
    elif choices:
        lines.append(f"Répondez par un chiffre de 1 à {len(choices)}.")
    return "\n".join(lines), choices


_REPLY_IN_WORDS = re.compile(r"Répondez\s*[«\"]")
_OWN_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.)]\s+")


def _unnumbered(title: str, number: int) -> str:
    """ "1. France services" as choice 1 → "France services"; any other title as it is."""
    match = _OWN_NUMBER.match(title)
    return title[match.end():] if match and int(match.group(1)) == number else title


# Words around a rank in a short answer ("le 1", "le premier", "n°2", "c'est la 3e").
_AROUND_RANK = frozenset({"c", "est", "le", "la", "l", "n", "no", "numero", "lieu", "choix"})


def _rank_answer(text: str) -> int | None:
    """The rank a short answer names ("1", "le 1", "le premier", "la deuxième"), else None
    (the words of ``actions.ranks``)."""
    from actions import ranks

    words = re.findall(r"[a-z0-9]+", _fold(text))
    while len(words) > 1 and words[0] in _AROUND_RANK:
        words.pop(0)
    return ranks.rank_of(words[0], cardinals=True) if len(words) == 1 else None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def pick_choice(text: str | None, choices: Sequence[tuple[str, Any]] | None, *,
                ranks: bool = False) -> Any | None:
    """The payload a reply designates: ``"2"``, ``"2."``, ``" 2 "``, the title itself; with
    ``ranks`` (a question's choices, never the follow-ups after a list, where "le deuxième" is
    a place), ``"le 2"``, ``"le deuxième"``."""
    if not text or not choices:
        return None
    match = re.fullmatch(r"\s*(\d{1,2})\s*[.)]?\s*", text)
    index = int(match.group(1)) if match else _rank_answer(text) if ranks else None
    if index is not None:
        return choices[index - 1][1] if 1 <= index <= len(choices) else None
    wanted = _fold(text)
    for title, payload in choices:
        if wanted and _fold(title) == wanted:
            return payload
    return None


# ---------------------------------------------------------------- recommendations
# The places come from the payload (docs/payload.md), never from the assistant's text: the text
# of a recommendation is its short introduction, shown as it is. Distances, phone numbers and
# hours arrive already written (``distance_text``, ``phone_text``, ``hours``, ``opening_text``).

NO_CONTACT = "Pas de téléphone connu : allez-y aux heures d'ouverture."
NO_CONTACT_NO_HOURS = "Ni téléphone ni horaires connus."
# No phone, hours known but left out for length (SMS): never "aux heures d'ouverture" unshown.
NO_PHONE = "Pas de téléphone connu."
SMS_MAX_SEGMENTS = 4  # a 3-place answer, introduction included
WHATSAPP_MAX = 1600  # Twilio's limit for one message body


def recommendation_of(custom: Any) -> dict | None:
    """The ``{"orienteur": {"type": "recommendation", …}}`` payload, or None."""
    if isinstance(custom, Mapping):
        inner = custom.get("orienteur")
        if isinstance(inner, Mapping) and inner.get("type") == "recommendation":
            return dict(inner)
    return None


def _field(result: Mapping[str, Any], key: str) -> str:
    value = result.get(key)
    return " ".join(str(value).split()) if value not in (None, "") else ""


def places_of(payload: Mapping[str, Any]) -> list[dict]:
    """The payload's places, each with its ``number`` (the rank across pages)."""
    offset = payload.get("offset") if isinstance(payload.get("offset"), int) else 0
    out = []
    for i, result in enumerate(r for r in payload.get("results") or [] if isinstance(r, Mapping)):
        place = dict(result)
        if not isinstance(place.get("number"), int):
            place["number"] = offset + i + 1
        out.append(place)
    return out


def reachable(place: Mapping[str, Any]) -> bool:
    """Someone without internet can call it, or walk in knowing when it is open."""
    return bool(place.get("phone_text") or place.get("phone")) or place.get("open_now") is not None


def reachable_first(places: Sequence[dict]) -> list[dict]:
    """For SMS: places one can call or walk into with known hours first, then renumbered in
    that order (the numbers still follow the pages: 4, 5, 6 after "autres")."""
    if not places:
        return []
    first = min(p["number"] for p in places)
    ordered = sorted(places, key=lambda p: not reachable(p))  # stable: the search's order
    return [{**p, "number": first + i} for i, p in enumerate(ordered)]


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    if limit <= 3:
        return ""
    cut = text[: limit - 3].rstrip(" ,;:-")
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")].rstrip(" ,;:-")
    return cut + "..."


_POSTCODE = re.compile(r"^\d{5}\s+")


def _short_address(address: str, limit: int, *, postcode: bool = True) -> str:
    """The address within ``limit`` characters: parts without a number (building, shopping
    centre) go first, then the others but the last, the postcode before the street ("221
    Avenue de la Capelette, Marseille 10e"); without ``postcode``, the postcode goes anyway
    ("3 RUE DE LA FUSTERIE, PERPIGNAN"); the town stays."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if not postcode and len(parts) > 1:
        parts[-1] = _POSTCODE.sub("", parts[-1]) or parts[-1]
    while len(parts) > 2 and len(", ".join(parts)) > limit:
        wordy = [i for i, p in enumerate(parts[:-1]) if not any(c.isdigit() for c in p)]
        parts.pop(wordy[0] if wordy else 1)
    while len(parts) > 1 and len(", ".join(parts)) > limit:
        if _POSTCODE.match(parts[-1]):  # the postcode goes before the street
            parts[-1] = _POSTCODE.sub("", parts[-1])
        elif len(parts) == 2:
            return ", ".join(parts)  # never the street: one walks to a door, not a town
        else:
            parts.pop(0)
    return _cut(", ".join(parts), limit)


def place_lines(place: Mapping[str, Any], *, why: bool = True, address_max: int = 0,
                postcode: bool = True, opening: bool = True, link: bool = False) -> list[str]:
    """One place as short lines: number, name and distance, which it is beside its bus or desk
    (``same_desk``), address, phone (or that there is none), when it opens, why it fits; with
    ``link``, its appointment page."""
    distance = _field(place, "distance_text")
    head = f"{place['number']}. {_field(place, 'name') or 'Lieu'}"
    lines = [head + (f" ({distance})" if distance else "")]
    if _field(place, "same_desk"):
        lines.append(_field(place, "same_desk"))
    address = _field(place, "address")
    if address:
        lines.append(
            _short_address(address, address_max, postcode=postcode) if address_max else address
        )
    phone = _field(place, "phone_text")
    opening_text = _field(place, "opening_text") if opening else ""
    shows_hours = bool(opening_text) and place.get("open_now") is not None
    if phone:
        lines.append(f"Tél {phone}")
    elif place.get("open_now") is None:
        lines.append(NO_CONTACT_NO_HOURS)
    else:
        lines.append(NO_CONTACT if shows_hours else NO_PHONE)
    if shows_hours:
        lines.append(opening_text.rstrip(". "))
    if why and _field(place, "why"):
        lines.append(_field(place, "why"))
    if why and _field(place, "ahead"):  # before a nearer place: why (search.rank)
        lines.append(_field(place, "ahead"))
    if link and _field(place, "appointment_url"):
        lines.append(f"Rendez-vous : {_field(place, 'appointment_url')}")
    return lines


def place_detail(place: Mapping[str, Any], bring: Sequence[str] = ()) -> str:
    """One place in full (the answer to its number): address, the week's hours, phone,
    appointment link, what to bring."""
    lines = place_lines(place, link=True)
    hours = [str(h) for h in place.get("hours") or [] if h]
    if hours:
        lines.append("Horaires : " + " ; ".join(hours))
    if bring and place.get("bring_here", True):  # not at a place that does not do it
        lines.append("À apporter : " + " ; ".join(bring))
    return "\n".join(lines)


# After one place in full on a text channel (SMS, WhatsApp, Telegram): how to see the list again
# (the assistant reads "liste": actions/place_questions.py; the widget has a button).
LIST_AGAIN = "Répondez « liste » pour revoir la liste."


def place_detail_then_list(place: Mapping[str, Any], bring: Sequence[str] = ()) -> str:
    """``place_detail`` and, on its own line, how to see the list again."""
    return place_detail(place, bring) + "\n" + LIST_AGAIN


def _bring(payload: Mapping[str, Any]) -> list[str]:
    return [str(b) for b in payload.get("bring") or [] if b]


def bring_heading(payload: Mapping[str, Any]) -> str:
    """ "Pensez à apporter :", or for which places when not all do the procedure ("Pour vos
    démarches avec l'ANTS (carte grise), au lieu 3, pensez à apporter :")."""
    whom = str(payload.get("bring_for") or "").strip()
    return f"{whom}, pensez à apporter :" if whom else "Pensez à apporter :"


def bring_block(payload: Mapping[str, Any]) -> str:
    """What to bring as the answer shows it: ``bring_heading`` and the items, one a line; "" when
    there is nothing to bring. The chat says it again from the same payload ("je dois apporter
    quoi ?": actions/after_list.py)."""
    bring = _bring(payload)
    return bring_heading(payload) + "\n" + "\n".join(f"- {b}" for b in bring) if bring else ""


def _notes(payload: Mapping[str, Any]) -> list[str]:
    return [str(n) for n in payload.get("notes") or [] if n]


def _lines(payload: Mapping[str, Any]) -> list[str]:
    """The lines for the need or the situation (the 3018, cybermalveillance.gouv.fr, the bank):
    every channel shows them, SMS included."""
    return [str(n) for n in payload.get("lines") or [] if n]


def follow_ups(payload: Mapping[str, Any]) -> list[dict]:
    """The buttons offered after the places (``[{"title", "payload"}]``)."""
    return [b for b in payload.get("follow_ups") or []
            if isinstance(b, Mapping) and b.get("title") and b.get("payload")]


def follow_ups_line(payload: Mapping[str, Any]) -> str:
    titles = [f"« {b['title']} »" for b in follow_ups(payload)]
    return ("Vous pouvez écrire : " + ", ".join(titles) + ".") if titles else ""


def is_detail(payload: Mapping[str, Any]) -> bool:
    """One place of the last answer given in full (``delivery`` ``"detail"``: "le deuxième")."""
    return payload.get("delivery") == "detail"


def plain_text(intro: str | None, payload: Mapping[str, Any]) -> str:
    """The whole recommendation as plain text (REST clients that read only ``text``,
    Telegram): the introduction, the places, notes, what to bring, what one can say next. One
    place given in full (``is_detail``) is its ``place_detail``, what to bring included."""
    blocks = [intro.strip()] if intro and intro.strip() else []
    if is_detail(payload):
        blocks += [place_detail(p, _bring(payload)) for p in places_of(payload)]
        return "\n\n".join(blocks + _notes(payload))
    blocks += ["\n".join(place_lines(p, link=True)) for p in places_of(payload)]
    blocks += _lines(payload) + _notes(payload)
    if _bring(payload):
        blocks.append(bring_block(payload))
    return "\n\n".join(blocks)


def sms_menu(payload: Mapping[str, Any], places: Sequence[Mapping[str, Any]]) -> str:
    """What one can answer after a list, said once per conversation."""
    numbers = [str(p["number"]) for p in places]
    parts = []
    if numbers:
        shown = " ou ".join(numbers) if len(numbers) <= 2 else \
            ", ".join(numbers[:-1]) + " ou " + numbers[-1]
        parts.append(f"Envoyez {shown} pour le détail (horaires, quoi apporter)")
    more = [b["title"] for b in follow_ups(payload) if b["payload"] == "/more_results"]
    if more:
        parts.append(f"« {more[0]} » pour la suite")
    return (", ".join(parts) + ".") if parts else ""


# A sentence ends before a capital ("… (29). Voici …"), never inside a quote ("arnaques... »").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ])")


def _first_sentence(intro: str) -> str:
    """ "Voici 3 lieux près de Beauvais pour … . Pensez à … :" → "Voici 3 lieux près de
    Beauvais pour … :". Only a first sentence that presents the places stands alone: "Aucun
    lieu n'annonce précisément … près de Brest (29). Voici des lieux qui pourront vous
    orienter :" stays whole (its first sentence alone would say the places do not help)."""
    first = _SENTENCE_END.split(intro, maxsplit=1)[0]
    if first == intro or not first.startswith("Voici"):
        return intro
    return first.rstrip(" .") + " :" if intro.rstrip().endswith(":") else first


def _which_does_which(intro: str, payload: Mapping[str, Any],
                      places: Sequence[dict]) -> str | None:
    """Places that do not all do every need (the payload's ``apart``): the introduction's first
    sentence ("Voici 3 lieux près d'Angoulême (16), aucun ne fait les deux.") then which does
    which, built from the payload with the chat's formatter and the numbers the SMS gives the
    places (``reachable_first`` may list a place later than the chat did); None without."""
    apart = [a for a in payload.get("apart") or () if isinstance(a, Mapping)]
    parts = []
    for need in apart:
        numbers = [p["number"] for p in places if need.get("service") in (p.get("services") or ())]
        if not numbers or not need.get("what"):
            return None
        parts.append((str(need["what"]), numbers))
    if not parts:
        return None
    from actions.formatting import which_said
    from actions.need_cover import numbers_said

    first = _SENTENCE_END.split(intro, maxsplit=1)[0].rstrip(" .:")
    return f"{first}. " + which_said([(what, numbers_said(n)) for what, n in parts])


_LEVELS = (
    {"why": True}, {"why": False}, {"why": False, "address_max": 45},
    {"why": False, "address_max": 45, "opening": False},
    # The street rather than the postcode (the town stays): one walks to a street.
    {"why": False, "address_max": 45, "postcode": False, "opening": False},
    {"why": False, "address_max": 30, "opening": False},
)


def sms_bodies(intro: str | None, payload: Mapping[str, Any], *, menu: bool,
               max_segments: int = SMS_MAX_SEGMENTS) -> tuple[list[str], list[dict]]:
    """The recommendation as SMS bodies in GSM-7, each at most ``max_segments`` segments: one
    when it fits, the fields that matter least (why, then the address's end, then the opening)
    giving way first; else two, never an introduction cut to a sentence that changes its
    meaning nor a place left out: the introduction and the places, then the rest. Returns the
    bodies and the places in the order shown (for a digit reply)."""
    places = reachable_first(places_of(payload))
    which = _which_does_which(intro.strip(), payload, places) if intro and places else None
    intro = which or intro
    head = [to_gsm7(shorten_links(intro.strip()))] if intro and intro.strip() else []
    if not places:
        notes = [to_gsm7(n) for n in _notes(payload)]
        return ["\n".join(head + notes)], []
    lines = [to_gsm7(shorten_links(line)) for line in _lines(payload)]
    tail = [to_gsm7(sms_menu(payload, places))] if menu else []

    def text(*parts: list[str]) -> str:
        return to_gsm7("\n".join(x for part in parts for x in part))

    def fits(body: str) -> bool:
        return segments(body) <= max_segments

    # The introduction's first sentence alone before the streets give way (a long two-need
    # intro left "Beauvais" for an address), when it presents the places (``_first_sentence``).
    short_head = head if which else [_first_sentence(h) for h in head]  # which does which stays
    for extra in (tail, []):
        for heading in (head, short_head):
            for level in _LEVELS:
                blocks = ["\n".join(place_lines(p, **level)) for p in places]
                body = text(heading, blocks, lines, extra)
                if fits(body):
                    return [body], places
    # Two SMS: the introduction and the places (as many as fit), then the others and the rest.
    for level in _LEVELS:
        blocks = ["\n".join(place_lines(p, **level)) for p in places]
        for count in range(len(places), 0, -1):
            first, second = text(short_head, blocks[:count]), text(blocks[count:], lines, tail)
            if fits(first) and fits(second):
                return [first, second] if second else [first], places
    # Past every level, the body goes over its segments.
    blocks = ["\n".join(place_lines(p, **_LEVELS[-1])) for p in places]
    return [text(short_head, blocks, lines)], places


def sms_body(intro: str | None, payload: Mapping[str, Any], *, menu: bool,
             max_segments: int = SMS_MAX_SEGMENTS) -> tuple[str, list[dict]]:
    """``sms_bodies`` as one text (its bodies one after the other)."""
    bodies, places = sms_bodies(intro, payload, menu=menu, max_segments=max_segments)
    return "\n".join(bodies), places


def whatsapp_body(intro: str | None, payload: Mapping[str, Any], *,
                  menu: bool) -> tuple[str, list[dict]]:
    """WhatsApp: one long message (no segments, Unicode kept), every place whole."""
    places = places_of(payload)
    blocks = [intro.strip()] if intro and intro.strip() else []
    blocks += ["\n".join(place_lines(p, link=True)) for p in places]
    blocks += _lines(payload) + _notes(payload)
    if menu and places:
        blocks.append(sms_menu(payload, places))
    body = shorten_links("\n\n".join(blocks))
    if len(body) > WHATSAPP_MAX:
        blocks = [b for b in blocks if b not in _notes(payload)]
        body = shorten_links("\n\n".join(blocks))[:WHATSAPP_MAX]
    return body, places


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
