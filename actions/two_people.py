"""Two people in two towns in one message: a desk's note (« mme X à Rodez veut sa carte grise, et
son fils à Millau cherche un ordi pas cher ») or a citizen (« moi à Lyon et ma mère à Vienne, on
a besoin d'aide pour la CAF »). Each person is served near their own town, one search a turn: the
first person's places, then a line naming whose they were and the second person, whose places
come with « ok » (or « et pour son fils ? »).

``split`` cuts the message into the two people's parts (each its town, and its need or the need
said for both); ``ActionOrient`` serves the first part (``serve_first``); the second, kept in the
last list (``last_search["next"]``), is announced with the first list (``announce``) and served
when asked (``take``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import someone_else
from actions.message_text import is_button, place_values
from directory_client.labels import fold

NEXT = "next"  # in ``last_search``: the second person's part, still to serve

# A person named in a message: oneself, a relative or a child (possessive first), a titled name.
_PERSON = re.compile(
    rf"\b(?P<own>moi|je|j')(?=\W)"
    rf"|\b(?P<poss>mon|ma|mes|son|sa|ses|notre|nos|leur|leurs) (?P<who>{someone_else._WHO[1:-1]}"
    r"|fils|fille|filles|enfants?|petite?[- ]fils|petite?[- ]fille|neveu|niece|ado)s?\b"
    r"|\b(?P<title>mme|madame|mlle|mademoiselle|monsieur|mr|m\.) [a-z][a-z'-]+"
)
# What separates the two people's parts: a comma, a semicolon, « et », « puis », « + »…
_SEPARATOR = re.compile(r"(?:\s*(?:[,;.+/]|\bet\b|\bpuis\b|\bmais\b|\bensuite\b|\baussi\b))+\s*$")
# A need said for both: « on a besoin », « nous voulons », « tous les deux », « chacun ».
_BOTH = re.compile(r"\b(on|nous)\b|\b(tous|toutes) (les )?deux\b|\bles deux\b|\bchacune?\b")
_CLAUSE_END = re.compile(r"[,;:.]")
# The second person asked for: « ok », « oui », « la suite », « et pour son fils ? ».
_GO_ON = re.compile(
    r"^(ok|okay|oui|ouais|d'accord|dac|vas[- ]y|allez[- ]y|allez|go|la suite|ensuite|et la suite"
    r"|et (pour |a )?(lui|elle|eux|son|sa|ses|mon|ma|mes|votre|le|la))\b"
)
_SAID_SHORT = 8  # words: a longer message says something new
_FRESH = ("needs", "procedures", "constraints", "mode", "location", "location_choices",
          "awaiting", someone_else.SLOT)  # fmt: skip
_YOUR = {"mon": "votre", "ma": "votre", "notre": "votre", "mes": "vos", "nos": "vos"}


@dataclass(frozen=True)
class Part:
    """One person's part of the message: its words, its town as written, whom it is for."""

    text: str
    town: str
    who: str


def _who(part: str) -> str:
    """How the assistant names the person of ``part`` (« vous », « votre mère », « son fils »,
    « mme Durand »)."""
    found = _PERSON.search(fold(part))
    if found is None or found.group("own"):
        return "vous"
    written = part[found.start() : found.end()] if len(part) == len(fold(part)) else found[0]
    if found.group("poss"):
        poss = found.group("poss")
        return f"{_YOUR.get(poss, poss)} {written.split(' ', 1)[1]}"
    return written


def _towns(text: str, entities: list[dict], said: list[str]) -> list[tuple[int, int, str]]:
    """The towns the NLU read (``said``: as the actions read them), where they are written."""
    out: list[tuple[int, int, str]] = []
    for ent in entities:
        value = str(ent.get("value") or "")
        if ent.get("entity") != "location" or not value or value not in said:
            continue
        start = ent.get("start")
        if not isinstance(start, int) or text[start : start + len(value)] != value:
            start = text.find(value)
        if start >= 0 and all(fold(value) != fold(t) for _, _, t in out):
            out.append((start, start + len(value), value))
    return sorted(out)


def _has_need(text: str) -> bool:
    return not needs_mod.read(text, by_meaning=False).empty


def split(text: str, entities: list[dict], said: list[str]) -> tuple[Part, Part] | None:
    """The two people's parts of ``text``, each with its town, when it names two people in two
    towns and a need for each (or one need said for both); else None."""
    towns = _towns(text, entities, said)
    if len(towns) != 2:
        return None
    (_, end1, town1), (start2, end2, town2) = towns
    folded = fold(text)
    between = folded[end1:start2]
    people = list(_PERSON.finditer(between))
    if not people:
        return None
    cut = end1 + people[-1].start()  # the second person's part starts with them
    sep = _SEPARATOR.search(folded[:cut])
    if sep is None or sep.start() < end1:
        return None
    first, second = text[: sep.start()].strip(), text[cut:].strip()
    if fold(_who(first)) == fold(_who(second)) or someone_else.in_the_story(text):
        return None  # one person; or a relative told as the story (« mon mari faisait tout »)
    need1, need2 = _has_need(first), _has_need(second)
    if not (need1 and need2):
        if not (need2 and _BOTH.search(fold(second))):
            return None
        # « ma mère à Vienne, on a besoin d'aide pour la CAF »: the need said after the towns,
        # for both
        after = text[end2:]
        clause = _CLAUSE_END.search(after)
        shared = (after[clause.end() :] if clause else after).strip()
        first = f"{first}, {shared}"
        if not _has_need(first):
            return None
    return Part(first, town1, _who(first)), Part(second, town2, _who(second))


def _retold(tracker: Tracker, part: Part, fresh: bool) -> Tracker:
    """``tracker`` with ``part`` as its message (its town its only entity); ``fresh``: the
    request's slots emptied (the second person's request is a new one)."""
    told = copy.copy(tracker)
    start = part.text.find(part.town)
    entity = {"entity": "location", "value": part.town, "start": start,
              "end": start + len(part.town)}  # fmt: skip
    told.latest_message = {**tracker.latest_message, "text": part.text, "entities": [entity],
                           "intent": {"name": "ask_help", "confidence": 1.0}}  # a request
    if fresh:
        told.slots = {**tracker.slots, **{name: None for name in _FRESH}}
    return told


def _list_set(events: list) -> dict | None:
    """The list this turn's events give (``last_search`` with places), if any."""
    for e in reversed(events):
        if e.get("event") == "slot" and e.get("name") == "last_search":
            value = e.get("value") or {}
            return value if value.get("results") else None
    return None


def _with_next(events: list, pending: dict) -> list:
    out = list(events)
    for i in range(len(out) - 1, -1, -1):
        e = out[i]
        if e.get("event") == "slot" and e.get("name") == "last_search" and e.get("value"):
            out[i] = SlotSet("last_search", {**e["value"], NEXT: pending})
            return out
    return out


def serve_first(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
                orient: Callable[[CollectingDispatcher, Tracker], list]) -> list | None:
    """A message naming two people in two towns: the first person's request served (or its
    question asked), the second kept for the next turn; None for any other message."""
    if is_button(text):
        return None
    parts = split(text, tracker.latest_message.get("entities") or [], place_values(tracker))
    if parts is None:
        return None
    first, second = parts
    events = orient(dispatcher, _retold(tracker, first, fresh=False))
    pending = {**asdict(second), "first": asdict(first), "said": False}
    if _list_set(events) is None:  # a question first (the mode): announced with the list
        before = tracker.get_slot("last_search") or {}
        return [*events, SlotSet("last_search", {**before, NEXT: pending})]
    return announce(dispatcher, tracker, events, pending)


def announce(dispatcher: CollectingDispatcher, tracker: Tracker, events: list,
             pending: dict | None = None) -> list:
    """After the first person's list, the line that names whose it was and the second person
    (``pending``, or the one kept in ``last_search`` while a question came first)."""
    if pending is None:
        pending = (tracker.get_slot("last_search") or {}).get(NEXT)
        if not pending or pending.get("said"):
            return events
    if _list_set(events) is None:
        return events
    first = pending.get("first") or {}
    dispatcher.utter_message(
        response="utter_second_person_next", who=first.get("who") or "vous",
        town=first.get("town") or "", other=pending["who"], other_town=pending["town"])  # fmt: skip
    return _with_next(events, {**pending, "said": True})


def _asks_next(tracker: Tracker, text: str, pending: dict) -> bool:
    folded = fold(text or "").strip(" ?!.")
    if is_button(text) or len(folded.split()) > _SAID_SHORT:
        return False
    towns = [fold(t) for t in place_values(tracker)]
    if towns and fold(pending["town"]) not in towns:
        return False  # another town: a new request
    said = (tracker.latest_message.get("intent") or {}).get("name")
    named = fold(pending["who"].split(" ", 1)[-1]) in folded or fold(pending["town"]) in folded
    return said == "affirm" or bool(_GO_ON.search(folded)) or named


def take(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
         orient: Callable[[CollectingDispatcher, Tracker], list]) -> list | None:
    """« ok », « et pour son fils ? » after the first person's list: the second person's places,
    named as theirs; None for any other message."""
    pending = (tracker.get_slot("last_search") or {}).get(NEXT)
    if not pending or not pending.get("said") or not _asks_next(tracker, text, pending):
        return None
    part = Part(pending["text"], pending["town"], pending["who"])
    start = len(dispatcher.messages)
    events = orient(dispatcher, _retold(tracker, part, fresh=True))
    lead = CollectingDispatcher()  # said before the places: whose they are
    lead.utter_message(response="utter_for_second_person", who=part.who, town=part.town)
    dispatcher.messages[start:start] = lead.messages
    reset = [SlotSet(name, None) for name in _FRESH]
    if _list_set(events) is None:
        # a question first: the request kept without the pending part
        last = {k: v for k, v in (tracker.get_slot("last_search") or {}).items() if k != NEXT}
        return [*reset, *events, SlotSet("last_search", last or None)]
    return [*reset, *events]

