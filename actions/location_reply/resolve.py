"""The turn that reads where the person is (``resolve_location``, the entry point called by
``actions.orient_flow.orient``): the towns offered and picked, a shared position, the places tagged
by the NLU or guessed in the words, read again with the words around them; a question asked
back when the place is not known (``town_questions``, ``choices``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import said_again
from actions.location_reply.area_named import no_such_town_there
from actions.location_reply.between import towns_between
from actions.location_reply.choices import (
    ask_choice,
    ask_choice_again,
    ask_which_town,
    choice_near,
    choice_written_out,
    choose,
    offer_towns,
    pick_choice,
)
from actions.location_reply.corrections import without_places_denied
from actions.location_reply.districts import district_said
from actions.location_reply.guesses import guess_place, unknown_compound_at_end
from actions.location_reply.halfway import halfway_location
from actions.location_reply.lookup import POSTCODE, locator
from actions.location_reply.name_match import (
    names_it,
    names_only_a_town,
    no_town_there,
    one_of_them,
    plausible_guess,
    town_misspelt,
)
from actions.location_reply.no_town_answers import (
    LIST_WORDS,
    command_word,
    no_place_said,
    says_none_of_them,
)
from actions.location_reply.position import shared_position
from actions.location_reply.story_words import common_word_in_story, names_what_was_read
from actions.location_reply.town_questions import ask_location, ask_town_simpler, waits_for_town
from actions.location_reply.words_around import (
    commune_before_departement,
    part_of_unknown_name,
    same_town_there,
    town_in_area_named,
    with_contraction,
    with_word_whole,
    with_words_before,
)
from actions.message_text import (
    MAX_TEXT,
    is_button,
    location_text,
    place_values,
)
from actions.needs import DISTANCE
from actions.place_questions import asks_about_places
from actions.town_in_message import (
    towns_of_the_person,
)
from directory_client.text import last_sentences
from directory_client.written_names import piece_around

if TYPE_CHECKING:
    from actions.state import State


def resolve_location(
    dispatcher: CollectingDispatcher, state: State, tracker: Tracker, text: str, found
) -> bool:
    """Read a place from the message if there is one. Returns False when a question was asked."""
    intent = state.intent
    denied: list[str] = []
    known = tracker.get_slot("location")  # the town before this turn (kept from a story's words)
    asked_before = state.was_awaiting in ("location", "location_choice")
    if not is_button(text):
        text, denied = without_places_denied(state, text)
    if says_none_of_them(state, text):
        # "Aucun" typed by hand, as the button says: none of the towns offered, ask again.
        state.choices, state.location = [], None
        ask_location(dispatcher, state)
        return False
    asked = state.awaiting in ("location", "location_choice")
    command = None if is_button(text) or place_values(tracker) else command_word(text)
    if (
        asked
        and not place_values(tracker)
        and not is_button(text)
        and asks_about_places(text)
        and guess_place(text) is None  # "ouvert le samedi à Lens": Lens
    ):
        # "c'est ouvert quand ?", "plus près ?" while the town is asked: a question on places,
        # never a town's name ("Je ne trouve pas « plus près »")
        ask_location(dispatcher, state)
        return False
    if asked and command is not None:
        # "liste" while the town is asked: no list yet; a command is never a town misspelt.
        if command in LIST_WORDS:
            dispatcher.utter_message(response="utter_no_list_yet")
        if state.awaiting == "location_choice" and state.choices:
            ask_choice_again(dispatcher, state)
        else:
            ask_location(dispatcher, state)
        return False
    if state.awaiting == "location_choice":
        chosen = pick_choice(state, text)
        if chosen is None:
            for value in place_values(tracker):
                chosen = pick_choice(state, value)
                if chosen:
                    break
        if chosen is None and state.choices:
            chosen = choice_near(state.choices, text, place_values(tracker))
        if chosen is None and state.choices and no_place_said(text):
            # "oui" to "près de Plouha ou de Paimpol ?": the towns numbered, once; then the first
            if not said_again.times_said_before(tracker, text):
                choice_written_out(dispatcher, state)
                return False
            chosen = said_again.first_town_taken(dispatcher, state)
        if chosen is None and state.choices:
            repeated = said_again.times_said_before(tracker, text)
            if repeated == 1:  # the same name again: the towns written out, with their numbers
                said_again.towns_written_out(dispatcher, state)
                return False
            if repeated >= 2:  # never the same question a third time
                chosen = said_again.first_town_taken(dispatcher, state)
        if chosen is not None:
            state.location, state.choices, state.attempts = chosen, [], 0
            return True
    position = shared_position(tracker)
    if position:
        probe = locator().locate(f"{position['lat']}, {position['lon']}")
        if probe.status == "found" and probe.best is not None:
            state.location = probe.best.to_dict()
        else:
            state.location = {"label": "votre position", "kind": "point", **position}
        state.attempts = 0
        return True
    district = None if is_button(text) else district_said(text, place_values(tracker))
    if district is not None:  # "quartier des Minguettes": Vénissieux, at the district
        state.location, state.choices, state.attempts = district, [], 0
        return True
    between = None if is_button(text) else towns_between(text)
    if between is not None:  # "entre Niort et La Rochelle": the places half-way, said so
        halfway = halfway_location(*between)
        if halfway is not None:
            state.location, state.choices, state.attempts = halfway, [], 0
            return True
        offer_towns(dispatcher, state, between)  # "entre Lille et Marseille": which one
        return False
    tagged = place_values(tracker)
    candidates_text = [v for v in tagged if not any(needs_mod.fold(v) in d for d in denied)]
    if len(candidates_text) > 1 and not is_button(text):
        candidates_text, undecided = towns_of_the_person(text, candidates_text)
        if undecided and ask_which_town(dispatcher, state, candidates_text):
            return False  # "je suis à Lille et à Arras": which one, the towns as buttons
    postcode = None if is_button(text) else POSTCODE.search(text)
    if postcode and not candidates_text:
        candidates_text = [postcode.group(1)]
    asked_where = state.awaiting in ("location", "location_choice")
    strict = whole_text = False
    payload = is_button(text)  # a button: only its entities count
    if (
        not payload
        and not candidates_text
        and found.empty
        and not (found.constraints or found.dropped or found.mode)  # "seulement les gratuits"
        and (
            asked_where
            or intent in ("inform", "change_location", "nlu_fallback")
            or denied
            or names_only_a_town(text, bare=True)  # "Nice" read as a request: the town
        )
    ):
        candidates_text = [location_text(text)] if location_text(text) else []
        # "une autre ville": the words of the intent itself are no place name.
        strict = (
            intent == "change_location"
            and bool(candidates_text)
            and state.was_awaiting not in ("location", "location_choice")
        )
        whole_text = bool(candidates_text)
    elif not payload and not candidates_text and asked_where and _said_only_a_distance(found):
        # "Roubaix, 2 km max" (the distance left out of ``text``): the rest may be the town.
        candidates_text = [location_text(text)] if location_text(text) else []
        strict = bool(candidates_text)
    guessed = None
    if not candidates_text and not payload:
        unknown = unknown_compound_at_end(text)
        if unknown and not state.location:  # "impots a Trifouillis-les-Oies": said so
            ask_location(dispatcher, state, unknown=unknown)
            return False
        guessed = guess_place(text)
        whole = tracker.latest_message.get("text") or ""
        if guessed is None and len(whole) > MAX_TEXT:
            # A long letter read from its start (the need): the town is often in its last
            # sentences ("J'habite à Périgueux.").
            guessed = guess_place(last_sentences(whole))
        if guessed is None:
            return True
        query, result, as_name = guessed
        # A guess: never ask back on it, but for homonyms written as a name; a big town
        # misspelt ("… à bordaux") is taken as the locator reads it.
        strict = not (as_name and town_misspelt(query, result))
    elif not candidates_text:
        return True
    else:
        query = " ".join(candidates_text)[:120]
        result = locator().locate(query)
        if len(candidates_text) == 1 and not payload:
            result = with_word_whole(text, query, result)
            result = with_words_before(text, query, result)
            result = part_of_unknown_name(text, query, result)
        if len(candidates_text) == 1 and not payload and result.status == "ambiguous":
            result = with_contraction(text, query, result)
        if tagged and not payload and no_town_there(query, result, text):
            return True  # "la boutique Orange" tagged whole: the operator's shop
    if not payload:
        result = town_in_area_named(text, query, result)
    if not payload and len(text.split()) <= 6:
        result = same_town_there(state, result)
        result = commune_before_departement(text, result)
    if not payload and no_such_town_there(dispatcher, state, text, result):
        return False  # "aix dans l'ain": no Aix there; the Aix towns, or the Ain as a whole
    if result.status == "found" and len(result.candidates) > 1 and not payload:
        # The biggest Saint-Pierre was kept, but "Saint-Pierre en Martinique" says which.
        whole = locator().locate(location_text(text)[:120])
        homonyms = {c.code_insee for c in result.candidates}
        if whole.status == "found" and whole.best and whole.best.code_insee in homonyms:
            result = whole
    if (
        known
        and not asked_before
        and not payload
        and intent != "change_location"  # "une autre ville": the town asked anew
        and (
            any(common_word_in_story(text, c.commune or c.label) for c in result.candidates[:1])
            or whole_text and not denied and not names_what_was_read(text, result)
        )
    ):
        # "il est parti à l'hôpital" after the places: the hospital, the town kept; "c'est
        # ouvert le matin ?": no Le Marin (the whole message read by a near-miss)
        state.location = state.location or known
        if state.awaiting == "location":
            state.awaiting = None
        return True
    if waits_for_town(state.location) and said_again.times_said_before(tracker, text):
        # "Vienne" again to "Quelle est votre commune dans la Vienne ?": the commune Vienne (38)
        result = said_again.communes_meant(result)
    if result.status == "ambiguous" and waits_for_town(state.location):
        # The town asked in the département given: the one of that name there.
        inside = [c for c in result.candidates
                  if c.departement == state.location.get("departement")]  # fmt: skip
        if len(inside) == 1:
            state.location, state.choices, state.attempts = inside[0].to_dict(), [], 0
            state.offset = 0
            return True
    if result.status == "ambiguous" and not payload:
        # The entity is the name alone; the words around it may say which ("Saint-Louis, en
        # Alsace", "Stenay dans la Meuse").
        whole = locator().locate(location_text(text)[:120])
        if (
            whole.status == "found"
            and whole.best is not None
            and names_it(text, whole.best)
            and one_of_them(query, result, whole.best)
        ):
            result = whole  # the words around say which (never another town: a long message
            # once read as "Lignéville (88)" for "elle habite à Saint-Denis", "Fillé (72)" for
            # "ma fille …, on est à Valence")
        else:
            offered = [c.to_dict() for c in result.candidates[:5]]
            named = choose(offered, text)
            if named is not None:
                state.location, state.choices, state.attempts = named, [], 0
                state.offset = 0
                return True
    if guessed is not None and as_name and result.status == "ambiguous" and result.candidates:
        ask_choice(dispatcher, state, result.candidates)  # "elle habite Saint-Denis, …"
        return False
    if strict and not plausible_guess(query, result):
        return True
    if result.status == "found" and result.best is not None:
        state.location, state.choices, state.attempts = result.best.to_dict(), [], 0
        state.offset = 0
        return True
    if strict:  # a guess from the end of a sentence: never ask back on a guess
        return True
    if result.status == "ambiguous" and result.candidates:
        ask_choice(dispatcher, state, result.candidates, written=query)
        return False
    if not tagged and intent != "change_location" and no_place_said(text):
        return _no_place(dispatcher, state, asked_where)
    if asked_where or intent in ("inform", "change_location") or tagged:
        # never a fragment of the person's town: « Saint-Machin-d'Apcher », not « Apcher »
        ask_location(dispatcher, state, unknown=piece_around(text, query))
        return False
    return True


def _no_place(dispatcher: CollectingDispatcher, state: State, asked_where: bool) -> bool:
    """A message that names no place read where a town may be (t181): never « Je ne trouve pas
    « ok » ». The town known is kept and the turn goes on (the need asked or served); while the
    town is asked, it is asked again in plain words (from the second time with the helpline:
    ``ask_town_simpler``, never the same question in a loop); else the turn goes on."""
    if asked_where and not state.location:
        ask_town_simpler(dispatcher, state)
        return False
    if state.awaiting in ("location", "location_choice") and state.location:
        state.awaiting = None
    return True


def _said_only_a_distance(found: needs_mod.Understanding) -> bool:
    """A distance limit ("2 km max") and no other need or criterion."""
    return (
        found.empty
        and not (found.dropped or found.mode)
        and all(c.startswith(DISTANCE) for c in found.constraints)
        and bool(found.constraints)
    )
