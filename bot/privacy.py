"""Personal data minimised before anything reaches the tracker store (GDPR).

``MaskingTrackerStore`` wraps any Rasa 3.6 tracker store (in memory by default, SQL in
production) and hands it a *masked copy* of the tracker on every save:

* in what the person wrote (``user`` events: text, ``parse_data`` text and entities, metadata):
  phone numbers → ``[téléphone]``, e-mail addresses → ``[e-mail]``, social-security numbers
  (NIR) → ``[n° de sécurité sociale]``, IBANs → ``[IBAN]``; then (never before: a cut number
  would escape the patterns) texts longer than ``max_text_length`` characters are cut;
* the same numbers and addresses wherever the assistant repeated them (bot texts, slot values),
  and only those: the places' public phone numbers and the helpline shown by the assistant stay
  (likewise the NIRs and IBANs the person wrote);
* shared positions (``latitude``/``longitude`` entities, ``{"location": {"lat", "lon"}}``
  metadata, the ``location`` slot when it is a position or an address, ``location``
  sub-objects of payloads and slots, the ``/inform{"latitude": …}`` text) rounded to
  ``coordinate_decimals`` (2 ≈ 1 km). A commune's, an arrondissement's or a department's centre
  is public and kept exact: rounding it moved the next turn's search (places at 400 m became
  800 m). The channels round a shared position the same way before the assistant sees it
  (``round_shared_position``), so every turn searches from the same point.

Logs never name a sender: ``sender_ref`` gives a keyed hash (``ORIENTEUR_LOG_KEY``, else a key
drawn per process) — for SMS the sender id is the person's phone number.

The turn being processed still sees what was typed (Rasa passes its in-memory tracker to the
actions; a shared position is already rounded by the channels); every later turn reads the tracker
back from the store, masked and rounded.

Configuration (``endpoints.yml``)::

    tracker_store:
      type: bot.privacy.MaskingTrackerStore
      wrapped:                 # any tracker store configuration; none = in memory
        type: SQL
        dialect: postgresql
        ...
      coordinate_decimals: 2   # optional
      max_text_length: 1000    # optional

The wrapped store is itself put inside Rasa's ``FailSafeTrackerStore``: when the database fails,
the in-memory fallback receives the masked tracker too (Rasa's own fail-safe, around this class,
never sees an error from ``save``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
from collections.abc import Iterable
from typing import Any

from rasa.core.tracker_store import (
    FailSafeTrackerStore,
    TrackerStore,
    create_tracker_store,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

log = logging.getLogger(__name__)

PHONE_MASK = "[téléphone]"
EMAIL_MASK = "[e-mail]"
DEFAULT_DECIMALS = 2
DEFAULT_MAX_TEXT = 1000
COORD_KEYS = frozenset({"lat", "lon", "lng", "latitude", "longitude"})

_SEP = r"[ .\-/]?"
# 06 12 34 56 78, 0612345678, 06.12.34.56.78, 06-12-34-56-78, 06/12/34/56/78, 0612 345 678;
# +33 6 12 34 56 78, 0033 6…, +33 (0)6 12…, 33612345678; 6 12 34 56 78 (the 0 left out, with
# spaces); other international numbers (+ and 8 to 14 digits). Never a 5-digit postcode.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:"
    rf"(?:\+|00)?33{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d{{2}}){{4}}"
    rf"|0[1-9](?:{_SEP}\d{{2}}){{4}}"
    rf"|0[1-9]\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{3}}"
    r"|[67](?:[ .\-/]\d{2}){4}"
    r"|\+[1-9]\d(?:[ .\-]?\d){6,12}"
    r")(?![\w])"
)
_NIR_SEP = r"[ .\-]?"
_NIR_HEAD = (r"[12478]{s}\d{{2}}{s}(?:0[1-9]|1[0-2]|[2-9]\d){s}(?:\d{{2}}|2[ABab])"
             r"{s}\d{{3}}{s}\d{{3}}")  # sex, year, month, department, commune, order
# Numéro de sécurité sociale: 15 characters with the key (spaces optional), or the 13 first
# written in their groups (1 84 12 76 451 089). A bare 13-digit number (numéro fiscal) stays.
NIR_RE = re.compile(
    r"(?<![\w])(?:"
    + _NIR_HEAD.format(s=_NIR_SEP) + rf"{_NIR_SEP}\d{{2}}"
    + "|" + _NIR_HEAD.format(s=" ")
    + r")(?![\w])"
)
IBAN_RE = re.compile(r"(?i)(?<![\w])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?(?!\w)")
NIR_MASK = "[n° de sécurité sociale]"
IBAN_MASK = "[IBAN]"
EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# "latitude": 50.6942 / lat=50.6942 (the /inform{…} text of a shared position).
_COORD_IN_TEXT = re.compile(
    r"(?i)(\"?\b(?:lat|lng|lon|latitude|longitude)\b\"?\s*[:=]\s*\"?)(-?\d{1,3}\.\d+)"
)
# A position typed as "50.69421, 3.17462".
_PAIR_IN_TEXT = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d{3,})(\s*[,;]\s*)(-?\d{1,3}\.\d{3,})(?![\d.])")


def phone_key(text: str) -> str:
    """The digits of a phone number, +33/0033/33 folded to 0: one key per number."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0033"):
        digits = digits[4:]
    elif digits.startswith("33") and len(digits) >= 11:
        digits = digits[2:]
    elif not (len(digits) == 9 and digits[0] in "67"):
        return digits
    return digits if digits.startswith("0") else "0" + digits


_LOG_KEY = (os.environ.get("ORIENTEUR_LOG_KEY") or "").encode() or secrets.token_bytes(32)


def sender_ref(sender_id: object) -> str:
    """What logs say instead of a sender id: a keyed hash, the same for one sender and key."""
    digest = hmac.new(_LOG_KEY, str(sender_id).encode("utf-8", "replace"), hashlib.sha256)
    return "s-" + digest.hexdigest()[:12]


def find_personal(text: str) -> tuple[set[str], set[str]]:
    """(phone keys, lower-cased e-mails) found in ``text``."""
    if not isinstance(text, str):
        return set(), set()
    phones = {phone_key(m.group()) for m in PHONE_RE.finditer(text)}
    emails = {m.group().lower() for m in EMAIL_RE.finditer(text)}
    return phones, emails


def round_coordinate(value: Any, decimals: int = DEFAULT_DECIMALS) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), decimals)
    if isinstance(value, str):
        try:
            return str(round(float(value), decimals))
        except ValueError:
            return value
    return value


def mask_text(text: str, decimals: int = DEFAULT_DECIMALS, max_length: int | None = None) -> str:
    """Every phone number and e-mail masked, positions rounded, cut to ``max_length``."""
    if not isinstance(text, str):
        return text
    text = mask_ids(EMAIL_RE.sub(EMAIL_MASK, text))
    text = PHONE_RE.sub(PHONE_MASK, text)
    text = round_text_positions(text, decimals)
    if max_length is not None and len(text) > max_length:
        text = text[:max_length] + "…"
    return text


def _id_key(text: str) -> str:
    return re.sub(r"\W", "", text).upper()


def _ids(text: str) -> list[tuple[re.Match, str]]:
    """(match, mask) of every NIR and IBAN in ``text`` (an IBAN has at least 10 digits: a code
    such as ``ab12cd34ef56gh78`` in a link is not one)."""
    found = [(m, NIR_MASK) for m in NIR_RE.finditer(text)]
    found += [(m, IBAN_MASK) for m in IBAN_RE.finditer(text)
              if sum(c.isdigit() for c in m.group()) >= 10]  # fmt: skip
    return found


def find_ids(text: str) -> set[str]:
    """The NIRs and IBANs of ``text``, as keys (no spaces, upper case)."""
    return {_id_key(m.group()) for m, _ in _ids(text)} if isinstance(text, str) else set()


def mask_ids(text: str, known: set[str] | None = None) -> str:
    """Social-security numbers and IBANs masked (all of them, or only the ``known`` ones);
    before phone numbers: they contain some."""
    for match, mask in sorted(_ids(text), key=lambda found: -found[0].start()):
        if known is None or _id_key(match.group()) in known:
            text = text[: match.start()] + mask + text[match.end() :]
    return text


def round_text_positions(text: str, decimals: int = DEFAULT_DECIMALS) -> str:
    """``"latitude": 50.69421`` and ``50.69421, 3.17462`` in a text rounded."""
    text = _COORD_IN_TEXT.sub(lambda m: m.group(1) + _round_str(m.group(2), decimals), text)
    return _PAIR_IN_TEXT.sub(
        lambda m: _round_str(m.group(1), decimals) + m.group(2) + _round_str(m.group(3), decimals),
        text,
    )


def round_shared_position(text: str, metadata: Any,
                          decimals: int = DEFAULT_DECIMALS) -> tuple[str, Any]:  # fmt: skip
    """A message's shared position as the store keeps it, for the channels to hand over: the
    first turn then searches from the same point as every later one (module docstring)."""
    rounded_text = round_text_positions(text, decimals) if isinstance(text, str) else text
    return rounded_text, _walk(metadata, lambda t: t, decimals, True)


def _round_str(number: str, decimals: int) -> str:
    return f"{round(float(number), decimals):.{decimals}f}"


def mask_known(text: str, phones: set[str], emails: set[str],
               ids: set[str] = frozenset()) -> str:  # fmt: skip
    """Only the given numbers, addresses, NIRs and IBANs masked (the assistant's own numbers
    stay)."""
    if not isinstance(text, str):
        return text
    if ids:
        text = mask_ids(text, ids)
    if not (phones or emails):
        return text
    if emails:
        text = EMAIL_RE.sub(
            lambda m: EMAIL_MASK if m.group().lower() in emails else m.group(), text
        )
    if phones:
        text = PHONE_RE.sub(lambda m: PHONE_MASK if phone_key(m.group()) in phones else m.group(),
                            text)  # fmt: skip
    return text


def _walk(value: Any, on_text, decimals: int, round_all: bool) -> Any:
    """A copy of a JSON value: strings through ``on_text``; coordinates rounded in every mapping
    (``round_all``) or only inside mappings found under a ``location`` key."""
    if isinstance(value, str):
        return on_text(value)
    if isinstance(value, list):
        return [_walk(v, on_text, decimals, round_all) for v in value]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if round_all and key in COORD_KEYS and not isinstance(item, (dict, list)):
                out[key] = round_coordinate(item, decimals)
            else:
                out[key] = _walk(item, on_text, decimals, round_all or key == "location")
        return out
    return value


def _personal_spans(text: Any) -> list[tuple[int, int, str, str]]:
    """(start, end, matched text, mask) of every phone number and e-mail in ``text``."""
    if not isinstance(text, str):
        return []
    spans = [(m.start(), m.end(), m.group(), EMAIL_MASK) for m in EMAIL_RE.finditer(text)]
    spans += [(m.start(), m.end(), m.group(), PHONE_MASK) for m in PHONE_RE.finditer(text)]
    spans += [(m.start(), m.end(), m.group(), mask) for m, mask in _ids(text)]
    return spans


def _entity_mask(entity: dict, spans: list[tuple[int, int, str, str]]) -> str | None:
    """The mask for an entity extracted from (part of) a phone number or an e-mail."""
    value = entity.get("value")
    start, end = entity.get("start"), entity.get("end")
    for s_start, s_end, matched, mask in spans:
        if isinstance(start, int) and isinstance(end, int) and start < s_end and s_start < end:
            return mask
        if isinstance(value, str) and len(value.strip()) >= 2 and value.strip() in matched:
            return mask
        digits = re.sub(r"\D", "", str(value)) if isinstance(value, (str, int)) else ""
        if mask != EMAIL_MASK and len(digits) >= 4 and digits in re.sub(r"\D", "", matched):
            return mask
    return None


def _mask_entities(entities: Any, decimals: int, max_length: int,
                   spans: list[tuple[int, int, str, str]] = ()) -> Any:  # fmt: skip
    """Coordinates rounded; an entity taken from a phone number or an e-mail (even a part of
    it, as DIET may extract "6 11 22 33 44") masked whole."""
    if not isinstance(entities, list):
        return entities
    out = []
    for entity in entities:
        if not isinstance(entity, dict):
            out.append(entity)
            continue
        entity = dict(entity)
        if str(entity.get("entity", "")).lower() in COORD_KEYS:
            entity["value"] = round_coordinate(entity.get("value"), decimals)
        elif (mask := _entity_mask(entity, list(spans))) is not None:
            entity["value"] = mask
        else:
            entity["value"] = _walk(entity.get("value"),
                                    lambda t: mask_text(t, decimals, max_length), decimals,
                                    True)  # fmt: skip
        out.append(entity)
    return out


def mask_events(events: list[dict], decimals: int = DEFAULT_DECIMALS,
                max_length: int = DEFAULT_MAX_TEXT) -> list[dict]:  # fmt: skip
    """Masked copies of serialised events (``Event.as_dict()``), same number, same order."""
    phones: set[str] = set()
    emails: set[str] = set()
    ids: set[str] = set()
    for event in events:
        if event.get("event") == "user":
            found = find_personal(event.get("text") or "")
            phones |= found[0]
            emails |= found[1]
            ids |= find_ids(event.get("text") or "")

    def user_text(text: str) -> str:
        return mask_text(text, decimals, max_length)

    def other_text(text: str) -> str:
        return mask_known(text, phones, emails, ids)

    masked = []
    for event in events:
        kind = event.get("event")
        event = dict(event)
        if kind == "user":
            event["text"] = user_text(event.get("text"))
            parse = event.get("parse_data")
            spans = _personal_spans(event.get("text"))
            if isinstance(parse, dict):  # text, entities, metadata (a copy of it), …
                spans += _personal_spans(parse.get("text"))
                entities = parse.get("entities")
                parse = _walk({k: v for k, v in parse.items() if k != "entities"}, user_text,
                              decimals, True)  # fmt: skip
                if entities is not None:
                    parse["entities"] = _mask_entities(entities, decimals, max_length, spans)
                event["parse_data"] = parse
            if event.get("metadata"):
                event["metadata"] = _walk(event["metadata"], user_text, decimals, True)
        elif kind == "entities":
            event["entities"] = _mask_entities(event.get("entities"), decimals, max_length)
        elif kind == "slot":
            event["value"] = _mask_slot(event.get("name"), event.get("value"), other_text,
                                        decimals)  # fmt: skip
        elif kind == "bot":
            event["text"] = other_text(event.get("text"))
            if event.get("data"):
                event["data"] = _walk(event["data"], other_text, decimals, False)
            if event.get("metadata"):
                event["metadata"] = _walk(event["metadata"], other_text, decimals, False)
        masked.append(event)
    return masked


# Locations whose coordinates are a public centre, not where someone is.
PUBLIC_PLACE_KINDS = frozenset({"commune", "arrondissement", "departement"})


def _personal_location(value: Any) -> bool:
    return not (isinstance(value, dict) and value.get("kind") in PUBLIC_PLACE_KINDS)


def _mask_slot(name: Any, value: Any, on_text, decimals: int) -> Any:
    """Slot values: known numbers masked; the ``location`` slot and ``location_choices`` rounded
    only where they are a shared position or an address (a commune's centre stays exact)."""
    if name == "location":
        return _walk(value, on_text, decimals, _personal_location(value))
    if name == "location_choices" and isinstance(value, list):
        return [_walk(v, on_text, decimals, _personal_location(v)) for v in value]
    return _walk(value, on_text, decimals, False)


def mask_tracker(tracker: DialogueStateTracker, slots: Iterable, decimals: int = DEFAULT_DECIMALS,
                 max_length: int = DEFAULT_MAX_TEXT) -> DialogueStateTracker:  # fmt: skip
    """A new tracker with the same events, masked (the given one is left untouched)."""
    events = mask_events([e.as_dict() for e in tracker.events], decimals, max_length)
    return DialogueStateTracker.from_dict(tracker.sender_id, events, list(slots),
                                          max_event_history=tracker._max_event_history)


class MaskingTrackerStore(TrackerStore):
    """Masks personal data, then saves through the wrapped tracker store (module docstring)."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: Any = None,
        wrapped: dict | None = None,
        coordinate_decimals: int = DEFAULT_DECIMALS,
        max_text_length: int = DEFAULT_MAX_TEXT,
        inner: TrackerStore | None = None,
        **kwargs: Any,
    ) -> None:
        if inner is None:
            config = dict(wrapped or {})
            kind = config.pop("type", None)
            if kind and "MaskingTrackerStore" in str(kind):
                raise ValueError("MaskingTrackerStore cannot wrap itself")
            endpoint = None
            if kind and str(kind).lower() not in ("in_memory", "inmemory", "memory"):
                endpoint = EndpointConfig(url=config.pop("url", None), type=kind, **config)
            inner = create_tracker_store(endpoint, domain, event_broker)
        self._inner = inner if isinstance(inner, FailSafeTrackerStore) else FailSafeTrackerStore(
            inner
        )
        self.decimals = int(coordinate_decimals)
        self.max_text_length = int(max_text_length)
        super().__init__(domain, event_broker, **kwargs)
        log.info("Tracker store %s with personal data masked (coordinates: %d decimals)",
                 type(inner).__name__, self.decimals)  # fmt: skip

    @property
    def wrapped(self) -> TrackerStore:
        return self._inner._tracker_store

    @property
    def domain(self) -> Domain:
        return self._inner.domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        # Called by TrackerStore.__init__ before _inner exists in some orders: guard.
        if "_inner" in self.__dict__:
            self._inner.domain = domain or Domain.empty()

    async def save(self, tracker: DialogueStateTracker) -> None:
        masked = mask_tracker(tracker, self.domain.slots, self.decimals, self.max_text_length)
        await self._inner.save(masked)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._inner.retrieve(sender_id)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._inner.retrieve_full_tracker(conversation_id)

    async def keys(self) -> Iterable[str]:
        return await self._inner.keys()
