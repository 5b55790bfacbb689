"""The conversation state of one action: the slots read at its start (``State``), the message
understood into them (``understand``: keywords, meaning, the NLU's entities) and the events
saved at its end. The tracker itself is never changed."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import formatting as fmt
from actions import lack_kept, menu_pending, need_changes, situation_first, texts
from actions import needs as needs_mod
from actions.day_in_story import only_in_stories
from actions.follow_ups import AFTER_NUMBERS
from actions.message_text import entity_values, is_button, place_values
from actions.needs import DISTANCE
from actions.town_in_message import without_near_work


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# --- the conversation state -------------------------------------------------------------------
class State:
    """Slots read at the start of an action, events collected while it runs; ``intent``: what
    the message is read as, the NLU's intent unless the action reads it otherwise ("supprimer
    mon compte Facebook", read as "forget me", is a request: ``orient(…, read_as="ask_help")``).
    The tracker itself is never changed."""

    def __init__(self, tracker: Tracker, intent: str | None = None) -> None:
        self.tracker = tracker
        self.intent: str | None = intent or intent_of(tracker)
        self.needs: list[str] = _list(tracker.get_slot("needs"))
        self.procedures: list[str] = _list(tracker.get_slot("procedures"))
        self.constraints: list[str] = _list(tracker.get_slot("constraints"))
        self.mode: str | None = tracker.get_slot("mode")
        self.location: dict | None = tracker.get_slot("location")
        self.choices: list[dict] = _list(tracker.get_slot("location_choices"))
        self.awaiting: str | None = tracker.get_slot("awaiting")
        self.offset = int(tracker.get_slot("offset") or 0)
        self.attempts = int(tracker.get_slot("location_attempts") or 0)
        self.events: list = []
        self.was_awaiting: str | None = self.awaiting

    def set(self, name: str, value: Any) -> None:
        self.events.append(SlotSet(name, value))

    def save(self) -> list:
        """The events collected, plus a ``SlotSet`` for each slot whose value changed: every
        event returned is validated by Rasa, stored and sent back to the action server at each
        later call, so unchanged slots are not repeated."""
        values = {
            "needs": self.needs or None,
            "procedures": self.procedures or None,
            "constraints": self.constraints or None,
            "mode": self.mode,
            "location": self.location,
            "location_choices": self.choices or None,
            "awaiting": self.awaiting,
            "offset": float(self.offset),
            "location_attempts": float(self.attempts),
            "fail_count": 0.0,
        }
        for name, value in values.items():
            if not _same(self.tracker.get_slot(name), value, name in _NUMBERS):
                self.set(name, value)
        return self.events


_NUMBERS = ("offset", "location_attempts", "fail_count")


def _same(before: Any, after: Any, number: bool) -> bool:
    if number:  # unset numeric slots count as 0
        return float(before or 0) == after
    return (before or None) == (after or None)


def understand(state: State, tracker: Tracker, text: str) -> needs_mod.Understanding:
    """Merge the NLU entities and the keyword reading of the message into the state."""
    # By meaning only for a request (or an answer to "what do you need?"), never for a town or an
    # answer to another question; the place named is left out of what is read.
    # A button's payload is the assistant's own words: its entities say it all.
    by_meaning = not is_button(text) and (
        state.intent in ("ask_help", "nlu_fallback", "emergency")
        or state.awaiting in NEED_QUESTIONS
    )
    request = text
    for place in place_values(tracker):
        request = request.replace(place, " ")
    near_work = without_near_work(request)  # "près de mon travail": where, not a job to find
    request, near_work = near_work, near_work != request
    # "c'est pas ameli", "la carte grise c'est fait": those needs set aside, never read as asked
    request, aside = need_changes.denied(request)
    found = needs_mod.read(request, by_meaning=by_meaning)
    not_asked = needs_mod.read(aside, by_meaning=False) if aside else needs_mod.Understanding()
    situation_first.with_situation_need(request, found)
    if is_button(text):
        found.choices = []  # a button says exactly what it means: no guess to question
    # Keywords first (precise, explainable); the NLU entities fill in only what keywords missed,
    # or when the message is a button payload ("/ask_help{...}").
    use_entities = found.empty or is_button(text)
    for value in entity_values(tracker, "need") if use_entities else ():
        key = needs_mod.normalise_need(value)
        if key == "emploi" and near_work or key in not_asked.needs:
            continue  # "travail" tagged in "près de mon travail"; a need said as not the one
        if key and key not in found.needs:
            found.needs.append(key)
    for value in entity_values(tracker, "procedure") if use_entities else ():
        key = needs_mod.normalise_procedure(value, context=request)  # "ants": which title
        if key in not_asked.procedures:
            continue  # "c'est pas ameli", "la carte grise c'est fait"
        if key and key not in found.procedures:
            found.procedures.append(key)
            need = needs_mod.PROCEDURES[key].need
            if need not in found.needs:
                found.needs.insert(0, need)
    for value in entity_values(tracker, "constraint"):
        if str(value).startswith(needs_mod.DROP):  # "Sans le critère « gratuits »"
            dropped = str(value)[len(needs_mod.DROP) :]
            if dropped in state.constraints:
                state.constraints.remove(dropped)
                state.offset = 0
            continue
        key = needs_mod.normalise_constraint(value)
        if key == "ouvert_maintenant" and not is_button(text):
            continue  # only when asked for in so many words (the keywords above), never a word
        if key in needs_mod.DAYS and not is_button(text) and only_in_stories(text):
            continue  # "mon fils m'appelle le dimanche": when he calls, not a criterion
        if key and key not in found.constraints:
            found.constraints.append(key)
    for value in entity_values(tracker, "mode"):
        if value in ("avec_moi", "autonomie"):
            found.mode = value
    if found.procedures and "demarches" in found.needs and "sante" in found.needs:
        found.needs.remove("demarches")
    if state.needs and not is_button(text) and need_changes.says_a_missing_means(request):
        # "il a pas de CB" while the request waits for a town: the same request, no town read
        found.needs, found.procedures, found.choices = list(state.needs), list(state.procedures), []
        found.mode = found.mode or state.mode
    if (state.needs and found.needs and not is_button(text)
            and set(found.needs) <= set(state.needs)
            and not set(found.procedures) - set(state.procedures)  # "mais les impôts": another
            and (found.choices or need_changes.asked_again(request, state.needs))):
        # "(et) pour la tablette ?" after a list for the tablet and the impôts: a need the request
        # already has, no menu to choose it again and not it alone; the same request (every
        # need, the town).
        found.needs, found.procedures, found.choices = list(state.needs), list(state.procedures), []
        found.mode = found.mode or state.mode
    after_numbers = tracker.get_slot("awaiting") == AFTER_NUMBERS
    if not is_button(text) and situation_first.keeps_safety_need(
        state.needs, found, request, after_danger=after_numbers
    ):
        # "je veux juste trouver quelqu'un pour vérifier mon téléphone" after the numbers for a
        # phone spied on: the phone to make safe, the same request (its need, its town)
        found.needs, found.procedures, found.choices = list(state.needs), list(state.procedures), []
        found.mode = found.mode or state.mode
    more = None if is_button(text) or not state.needs else need_changes.added(request, state.needs)
    if more is not None:
        # "pas de mail", "et il a pas de téléphone" while the request waits for a town or a
        # mode: one more need for the same request, never one put instead of it.
        found.needs, found.procedures, found.choices = more, list(state.procedures), []
        found.mode = found.mode or state.mode
    lack = None if is_button(text) or more is not None else lack_kept.with_the_lack(
        request, state.needs, found.needs, tracker.get_slot("awaiting"))
    if lack is not None:
        # "besoin scanner" then "pr envoyer papiers mutuelle": the file and the device on site
        found.needs, found.choices = lack, []
    if menu_pending.picks_nothing(state.awaiting, found.needs, found.procedures, is_button(text)):
        # « non », « oui », « bon ok à Mâcon » to the need menu: no option chosen, none served;
        # the menu is asked again (``questions.ask_need``), the town given kept
        state.needs, state.procedures = [], []
    # A new need replaces the old one (the person corrects or asks something else).
    if found.needs:
        state.needs = found.needs
        state.procedures = found.procedures
        state.mode = found.mode
        state.offset = 0
    elif found.procedures:
        state.procedures = found.procedures
    for c in found.constraints:
        if c not in state.constraints:
            if needs_mod.distance_limit([c]) is not None:  # "finalement 5 km max": the new one
                state.constraints = [k for k in state.constraints if not k.startswith(DISTANCE)]
            if c in needs_mod.DAYS:  # "et le dimanche ?" after "le samedi": the new day
                days = [k for k in needs_mod.DAYS if k not in found.constraints]
                state.constraints = [k for k in state.constraints if k not in days]
            state.constraints.append(c)
            state.offset = 0  # a new constraint ("seulement les gratuits"): from the first page
    for c in found.dropped:
        if c in state.constraints:
            state.constraints.remove(c)
            state.offset = 0
    if found.mode:
        state.mode = found.mode
    return found


NEED_QUESTIONS = ("need", "need_choice")  # "what do you need?", and the same with choices


REQUEST_INTENTS = ("ask_help", "inform", "nlu_fallback", "emergency")  # read for a need


def with_town_given(state: State, response: str) -> dict:
    """The question ``response``, after the town just given if one was ("C'est noté, je
    chercherai près de Calais (62). …"): a town said instead of an answer is kept and said."""
    given = state.location if moved(state) else None
    where = (given or {}).get("label") or (given or {}).get("commune")
    if not where:
        return {"response": response}
    return {"response": "utter_ask_need_there", "near": fmt.near(given),
            "question": texts.text(response)}  # fmt: skip


def new_request(state: State, found: needs_mod.Understanding, needs_before: list[str]) -> None:
    """A new need and a new town in one message ("usager sans domicile, besoin adresse mail,
    Nantes centre" after a search in Lorient: the desk's next citizen): the criteria of the
    request before go ("mal voyant"), but those said again."""
    if found.needs and set(found.needs) != set(needs_before) and moved(state):
        state.constraints = [c for c in state.constraints if c in found.constraints]


def moved(state: State) -> bool:
    """The town changed in this turn ("non pas la réunion, la martinique")."""
    return state.location != state.tracker.get_slot("location")
