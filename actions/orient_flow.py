"""The orientation: ``orient`` understands a message, asks what is missing (the need, the mode,
the town) or ``answer``s with the places; the replies to its own questions that do not choose
(``take_mode_reply``, ``take_need_typed``).

The directory and the locator (lazy singletons, one per action-server process) are in
``actions.backends``; the conversation state of an action (``State``, ``understand``) in
``actions.state``; the questions asked (the need, the mode) in ``actions.questions``; the turns
of a request read as danger in ``actions.danger_turns``; a message about the places shown in
``actions.after_list``; the handover to the desk or the helpline in ``actions.handoff``. Those
modules sit below this one: ``orient`` and ``answer`` are passed to them.
"""

from __future__ import annotations

import json
import logging

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    bereaved,
    bring_said,
    helplines,
    menu_explained,
    menu_pending,
    mode_default,
    need_cover,
    place_questions,
    referral_chat,
    remote_first,
    situations,
    someone_else,
    texts,
    typed_button,
    weekday_first,
)
from actions import formatting as fmt
from actions import needs as needs_mod
from actions.after_list import shown_already
from actions.answers_read import answers_mode
from actions.backends import get_directory
from actions.chitchat import smalltalk_response
from actions.danger_turns import (
    AFTER_NUMBERS,
    CONTINUED,
    danger_read,
    previous_request_texts,
    request_texts,
    say_emergency_numbers,
)
from actions.location_reply import (
    ask_choice_again,
    ask_location,
    ask_town,
    ask_town_simpler,
    asks_why_town,
    explain_why_town,
    looks_like_place,
    resolve_location,
    says_anywhere,
    waits_for_town,
)
from actions.message_text import clean_text, entity_values, is_button, place_values
from actions.needs import DISTANCE
from actions.place_questions import doesnt_know
from actions.questions import (
    MODE_BUTTONS,
    NEED_BUTTONS,
    ask_mode,
    ask_need,
    ask_need_choice,
    need_payload,
    sentence_case,
)
from actions.search_run import (
    filters_payload,
    general_help_in_town,
    is_nothing_near,
    nearer_doing_else,
    none_in_town,
    none_near,
    run_search,
    service_of,
)
from actions.state import (
    NEED_QUESTIONS,
    REQUEST_INTENTS,
    State,
    intent_of,
    moved,
    new_request,
    understand,
)
from directory_client import display
from directory_client.demand import record_orientation, search_outcome

log = logging.getLogger(__name__)


def answer(
    dispatcher: CollectingDispatcher, state: State, lead: str = "", nearest_first: bool = False
) -> None:
    """Search and reply with the recommendation (text + custom payload). Never empty. ``lead``:
    a sentence before the introduction (``utter_need_added``); ``nearest_first``: the nearest
    places by distance only, said so ("plus près ?")."""
    need_keys = needs_mod.apply_mode(state.needs, state.mode)
    location = state.location or {}
    where = fmt.near(location)
    service_labels = list(needs_mod.services_for(need_keys))
    try:
        response, relaxed, broadened = run_search(
            need_keys, state.procedures, state.constraints, location, state.offset, nearest_first
        )
        where = fmt.near(location, response.results)
    except Exception:
        log.exception("directory search failed")
        dispatcher.utter_message(
            response="utter_directory_unavailable",
            helpline=fmt.HELPLINE_TEXT,
            json_message=fmt.recommendation_payload(
                service_labels,
                location,
                filters_payload(state.constraints),
                [],
                error="directory_unavailable",
            ),
        )
        state.awaiting = None
        return
    # The near places (or the nearest, beyond the distance said) shown instead: "d'autres lieux"
    # goes on with them.
    shown_instead = [c for c in relaxed if c == "ouvert_maintenant" or c.startswith(DISTANCE)]
    state.constraints = [c for c in state.constraints if c not in shown_instead]
    nothing_near = is_nothing_near(response)
    # Found only by widening past the radius: not "près de", the nearest distance said.
    far_only = not (nothing_near or state.offset or broadened) and none_near(response)
    # None in the person's town, a big one ("Arles": 13 km, in the Gard): said so, with the
    # distance and a place of general help in town when there is one.
    away = not (nothing_near or far_only or state.offset or broadened or nearest_first) \
        and none_in_town(response, location)
    nothing_near = nothing_near or far_only or away
    if state.offset == 0:  # demand counters (no personal data); "d'autres lieux" counts once
        record_orientation(
            service_of(need_keys),
            outcome=search_outcome(response, nothing_near),
            channel=state.tracker.get_latest_input_channel(),
            location=location,
        )
    what = fmt.need_phrase(need_keys, state.procedures)
    results = list(response.results)
    if nearest_first and results:
        # "plus près ?": only the places nearer than every place shown (strict distance order:
        # those before the first one shown), never a farther one
        seen = {p.get("id") for p in (state.tracker.get_slot("last_search") or {}).get("results")
                or []}  # fmt: skip
        first_seen = next((i for i, r in enumerate(results) if r.id in seen), len(results))
        results = results[:first_seen] or ([] if seen else results)
        if seen and results:  # nearer than the first list, not in it: why, said
            lead = f"{lead} {not_first_why(results)}".strip()
    if nearest_first and (not results or shown_already(state.tracker, [r.id for r in results])):
        # "plus près ?", the list shown already the nearest, in order: said, not repeated
        results = results or list(response.results)
        nearest_km = display.distance_text(results[0].distance_km)
        # a place nearer that does something else, said from its services: why it is not listed
        other = nearer_doing_else(response, location, tuple(service_labels))
        if other is None:
            dispatcher.utter_message(response="utter_nothing_nearer", what=what,
                                     distance=nearest_km)  # fmt: skip
        else:
            none = texts.text("utter_nothing_nearer", what=what, distance=nearest_km)
            why = fmt.nearer_doing_else(other.name, other.distance_km)
            dispatcher.utter_message(text=f"{none} {why}")
        state.awaiting = None
        return
    weekday = None if state.offset or nearest_first else weekday_first.said(
        request_texts(state.tracker))
    if weekday is not None and results:  # "il ne peut que le jeudi": open that day first
        results, some_open = weekday_first.first_that_day(results, weekday)
        day = weekday_first.day_name(weekday)
        said = texts.text("utter_day_first" if some_open else "utter_day_none_open", day=day)
        lead = f"{lead} {said}".strip()
    show_distance = fmt.distance_is_the_persons(location)
    payload_results = [fmt.result_payload(r, state.offset + i, show_distance=show_distance)
                       for i, r in enumerate(results, 1)]  # fmt: skip
    total = getattr(response, "total", None)
    kept = [c for c in state.constraints if c not in relaxed]
    request, danger = request_texts(state.tracker), danger_read(state.tracker)
    # what to bring, for the procedures some place listed does, without what the person said
    # they do not have; for which places, when not all do them
    bringing, bring_places = fmt.bring_where(state.procedures, need_keys, payload_results)
    bring = bring_said.kept(fmt.bring_items(bringing), request)
    if bereaved.for_the_dead(request):  # « fermer son compte ameli »: their card, the certificate
        bring = bereaved.bring_for_the_dead(bring)
    # ... and what is said instead ("Pas d'adresse mail ? …"), on its own line
    instead = bring_said.instead(fmt.bring_items(bringing), request)
    bring_for = fmt.bring_for(bringing, bring_places) if bring and bring_places else None
    if bring_for:
        for place in payload_results:
            place["bring_here"] = place["number"] in bring_places
    # "pour ma mère": her papers, her procedures, in this answer and the later ones
    for_them = someone_else.still_for_them(state.tracker.get_slot(someone_else.SLOT), request)
    if for_them != bool(state.tracker.get_slot(someone_else.SLOT)):
        state.set(someone_else.SLOT, for_them)
    if for_them:
        what, bring = someone_else.about_them(what), [someone_else.about_them(b) for b in bring]
        instead = [someone_else.about_them(i) for i in instead]
    carried = carried_situations(state)
    payload = fmt.recommendation_payload(
        service_labels,
        location,
        filters_payload(kept),
        payload_results,
        nothing_near=nothing_near or None,
        total=total,
        offset=state.offset,
        asked=fmt.asked_payload(need_keys) or None,
        searched=list(needs_mod.services_for(list(needs_mod.help_instead(need_keys))))
        if broadened else None,
        bring=bring or None,
        bring_for=bring_for,
        lines=helplines.remote_lines(need_keys, request, danger=danger, carried=carried)
        + instead
        or None,
        notes=fmt.notes(
            response,
            constraints=state.constraints,
            offset=state.offset,
            nothing_near=nothing_near or broadened,  # remote help too
        )
        or None,
        follow_ups=fmt.follow_ups(
            more=bool(total and total > state.offset + len(results)),
            constraints=kept,
            # places for generic admin help with someone: learning alone is the other way
            learn_alone=needs_mod.needs_mode_question(need_keys, state.procedures, None),
            notify=payload_results[0] if referral_chat.can_notify(payload_results[0]) else None,
        )
        if results
        else None,
    )
    # Every place found outside the town or far (not "près de"): a place in town first, of
    # general help or whatever it does (Laval's France Services, 21 km the nearest for the need)
    # (general help instead of the need, all far or out of town: Millau's France Services, 200 m,
    # for a business whose places of general help are 30–41 km off)
    beyond = (nothing_near or broadened and results and (
        none_near(response) or none_in_town(response, location))) \
        and not (state.offset or nearest_first)
    general = general_help_in_town(response, location) if beyond else None
    if general is not None:  # "Plus près, à 300 m, « CCAS d'Arles » aide au numérique…"
        said = fmt.general_help_nearer(general.name, general.distance_km, general.services)
        payload["orienteur"]["notes"] = [said, *(payload["orienteur"].get("notes") or [])]
    # Two needs, the places offer one: the intro says which (actions/need_cover.py).
    covered = need_cover.cover(need_keys, state.procedures[0] if state.procedures else None,
                               results) if not state.offset and not broadened else None  # fmt: skip
    note = need_cover.remote_note(get_directory(), response, covered) if covered else None
    if note:  # the helpline said once (fmt.helpline_once)
        notes = [*(payload["orienteur"].get("notes") or []), note]
        payload["orienteur"]["notes"] = fmt.helpline_once(notes)
    covered = covered if note is not None else None  # "": said uncovered, nothing at a distance
    if not (covered or state.offset or broadened) and need_keys == [needs_mod.LEARN] and results \
            and all(r.teaches is False for r in results):
        # "Apprendre seul", and no place near teaches: said plainly, the places that help after
        covered = need_cover.Cover(
            fmt.need_phrase(["demarches"], None), fmt.need_phrase(need_keys, None),
            (needs_mod.LEARN,),
        )  # fmt: skip
    worded = someone_else.about_them if for_them else str
    uncovered = worded(covered.uncovered) if covered else ""
    if covered and need_cover.file_first(covered, state.procedures):
        # "France Travail veut que je m'inscrive": the places do that file, said first; the job
        # search none announces, after the list with its help at a distance
        payload["orienteur"]["notes"] = need_cover.said_after(
            payload["orienteur"].get("notes") or [], fmt.uncovered_sentence(uncovered, where), note
        )
        uncovered = ""
    intro = fmt.intro_text(
        len(results),
        where=where,
        what=worded(covered.what) if covered else what,
        uncovered=uncovered,
        constraints=kept,
        offset=state.offset,
        relaxed=relaxed,
        nothing_near=nothing_near,
        broadened=broadened,
        closest=worded(fmt.closest_phrase(need_keys)) if broadened else "",
        nearest=fmt.nearest_from(location) if nearest_first else None,
        nearest_km=display.distance_text(min(r.distance_km for r in results))
        if far_only or away else "",
        in_town=(location.get("label") or location.get("commune") or "") if away else "",
        for_them=for_them,  # "pour mon père": no "vous" beside "son téléphone"
    )
    # Places that do not all do every need: the heading says which does which, from each
    # place's services in the payload (actions/need_cover.py).
    plain = not (state.offset or relaxed or nothing_near or broadened or nearest_first or covered)
    split = need_cover.apart(need_keys, state.procedures[0] if state.procedures else None,
                             payload_results) if plain else None  # fmt: skip
    if split:
        intro = fmt.apart_intro(
            len(results), where=where, none_both=split.none_both, constraints=kept,
            parts=[(worded(what), numbers) for what, numbers in split.parts],
        )  # fmt: skip
        # which does which as structure too (docs/payload.md): the SMS numbers its own list
        payload["orienteur"]["apart"] = split.payload(worded)
    if not (state.offset or nearest_first):  # after a death: one word first, once
        lead = f"{bereaved.sympathy(state.tracker)} {lead}".strip()
    dispatcher.utter_message(text=f"{lead} {intro}".strip(), json_message=payload)
    state.awaiting = None
    if results:
        shown = payload["orienteur"]
        state.set(
            "last_search",
            {
                "what": what,
                "where": where,
                "need": service_labels,
                "location": fmt.location_payload(location),
                "filters": filters_payload(state.constraints),
                "results": payload_results,
                "bring": bring or None,
                "bring_for": bring_for,
                # The rest of the answer, to show it again ("Revoir la liste"), and the
                # situations its lines were for, kept for the same request elsewhere.
                **{k: shown[k] for k in ("total", "offset", "lines", "notes", "follow_ups")
                   if k in shown},  # fmt: skip
                "first_need": state.needs[0] if state.needs else None,
                "situations": helplines.line_situations(request, danger=danger, carried=carried),
                # whose list it is, what was searched, and the person's own list kept beside a
                # list for someone else ("et pour moi c'était lequel ?": after_list.back_to_own)
                "for_them": for_them,
                "request": {"needs": state.needs, "procedures": state.procedures,
                            "mode": state.mode, "constraints": state.constraints,
                            "location": location},  # fmt: skip
                "own": someone_else.own_kept(state.tracker.get_slot("last_search"), for_them),
            },
        )


def carried_situations(state: State) -> list[str]:
    """The situations the last answer gave a line for (a card stolen, harassment online), while
    the request goes on with the same need: "et à Beaune ?", "d'autres lieux" name no harm, and
    get the same lines."""
    last = state.tracker.get_slot("last_search") or {}
    same = bool(state.needs) and last.get("first_need") == state.needs[0]
    if not same:
        return []
    # A situation the follow-up completes: "un mail lui demande ses codes bancaires", then "elle
    # a déjà donné ses codes" (neither alone a card to block).
    before, now = previous_request_texts(state.tracker), request_texts(state.tracker)
    completed = situations.read(f"{before}\n{now}") - situations.read(before) - situations.read(now)
    return list(last.get("situations") or []) + sorted(completed) if before else list(
        last.get("situations") or [])


def take_mode_reply(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """After the mode question, a reply that does not choose ("plus près ?", "je sais pas",
    "c'est accessible en fauteuil ?") takes the default (one line), then the places, with what
    was asked of them ("c'est ouvert le soir ?": their hours). None for a choice, a need, a town
    (``orient`` takes the default there too). A button's rank typed ("le 2") is that button."""
    typed = typed_button.pressed(tracker, MODE_BUTTONS, text)
    if typed is not None:
        return orient(dispatcher, typed)
    if not is_button(text) and mode_default.leaves(text, smalltalk_response(tracker)):
        # "merci", "au revoir": the usual answer, the question not asked again
        dispatcher.utter_message(
            response=mode_default.leaving_response(text, smalltalk_response(tracker))
        )
        return [SlotSet("awaiting", None), SlotSet(mode_default.REPEATED_AT, None)]
    # "je sais pas" (even as "non"), "vous avez le numéro du premier ?": the default, the places
    unsure = not is_button(text) and mode_default.chooses_nothing(text)
    if not unsure and (
        is_button(text)
        or intent_of(tracker) in ("affirm", "deny", *mode_default.OWN_INTENTS)
        or needs_mod.mode_answer(text)
        or entity_values(tracker, "mode")
        or place_values(tracker)
        or looks_like_place(text)
        or not needs_mod.read(text, by_meaning=False).empty
    ):
        return None
    # The question is asked once (on SMS the buttons are not seen: asked again, it goes round in
    # circles): a reply that does not choose takes the default, said by ``orient``
    # (``take_default_mode``), then the places; what the reply asked of them is answered after
    # them ("c'est ouvert le soir ?", "vous avez leur numéro ?").
    constraints = needs_mod.detect(text).constraints
    start = len(dispatcher.messages)
    events = orient(dispatcher, tracker, read_as="inform" if constraints else CONTINUED)
    asked = None if unsure else place_questions.facts(text, mode_default.last_results(events), None)
    if asked is not None and len(dispatcher.messages) > start:
        dispatcher.utter_message(**asked)
    return events


def take_default_mode(dispatcher: CollectingDispatcher, state: State) -> None:
    """After the mode question, a reply that chose nothing and kept the need (a life detail, a
    question back, the town): the default (someone does it with the person), said with how to
    learn alone instead; never the question again."""
    state.mode = mode_default.DEFAULT
    dispatcher.utter_message(response="utter_mode_default")


# Why places nearer than the first list were not in it (``not_first_why``), for one place and for
# several: (no way to reach them nor when to go, a record less precise for the need).
NOT_FIRST_WHY = {
    True: ("l'annuaire ne donne ni son téléphone ni ses horaires",
           "l'annuaire le décrit moins précisément pour cette aide"),
    False: ("l'annuaire ne donne ni leur téléphone ni leurs horaires",
            "l'annuaire les décrit moins précisément pour cette aide"),
}  # fmt: skip


def not_first_why(nearer: list) -> str:
    """Why places nearer than the first list were not in it (the ranking chose by fit, then
    distance): their record gives no way to reach them nor when to go, else it describes the
    need less precisely than those listed."""
    from directory_client.search.contact import reachable

    one = len(nearer) == 1
    unreachable, vaguer = NOT_FIRST_WHY[one]
    why = vaguer if any(reachable(r) for r in nearer) else unreachable
    return texts.text("utter_nearer_not_first" if one else "utter_nearer_not_first_many", why=why)


def take_need_typed(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """After the need buttons (the need question's, or the likeliest needs), a choice typed
    instead of tapped ("le premier", "le 2", a button's title): read against the buttons just
    offered (``actions.typed_button``), then served as the button would be. None for anything
    else."""
    offered: list[str] = []
    if tracker.get_slot("awaiting") == "need":
        buttons = NEED_BUTTONS
    else:
        buttons = [
            {"title": sentence_case(needs_mod.NEEDS[key].plain), "payload": need_payload(key)}
            for key in offered_needs(tracker)
        ]
    if not is_button(text) and place_questions.asks_before_places(text):
        # "il peut y aller à pied ?", "c'est gratuit ?" before any place: the places come with
        # the need, said so, and the same question again (never a choice made for the person)
        dispatcher.utter_message(response="utter_places_come_with_need")
        if tracker.get_slot("awaiting") == "need":
            dispatcher.utter_message(response="utter_ask_need", buttons=buttons)
        else:
            dispatcher.utter_message(response="utter_ask_need_choice", buttons=buttons,
                                     json_message={"orienteur": {"type": "need_choice",
                                                                 "needs": offered}})  # fmt: skip
        return [SlotSet("fail_count", 0.0)]
    pressed = typed_button.pressed(tracker, buttons, text)
    if pressed is None and not is_button(text) and tracker.get_slot("awaiting") == "need_choice" \
            and menu_explained.asks_what_choices_mean(text):  # the general question: what we do
        # "c'est quoi la différence ?": each choice in one plain line, the question again
        keys = [json.loads(b["payload"][b["payload"].index("{"):])["need"] for b in buttons]
        again = {"response": "utter_ask_need"} if tracker.get_slot("awaiting") == "need" else {
            "response": "utter_ask_need_choice",
            "json_message": {"orienteur": {"type": "need_choice", "needs": keys}}}
        menu_explained.say(dispatcher, keys, buttons, again)
        return [SlotSet("awaiting", tracker.get_slot("awaiting"))]
    return None if pressed is None else orient(dispatcher, pressed)


def offered_needs(tracker: Tracker) -> list[str]:
    """The needs of the last need menu (the likeliest needs offered as buttons)."""
    return menu_pending.offered(tracker)


def orient(dispatcher: CollectingDispatcher, tracker: Tracker, read_as: str | None = None) -> list:
    """The single step of the orientation: understand, ask what is missing, or answer.
    ``read_as``: the intent the message is read as when it is not the NLU's (a request read as
    "forget me" or as a report)."""
    state = State(tracker, read_as)
    text = clean_text(tracker.latest_message.get("text"))
    intent = state.intent
    if state.awaiting == AFTER_NUMBERS:
        state.awaiting = None
    if state.awaiting == "danger":
        state.awaiting = None
        if intent in ("affirm", "emergency"):
            say_emergency_numbers(dispatcher, tracker)
            return state.save()
        if intent == "deny":
            intent = "inform"  # "non": carry on with the request kept from before
    if state.awaiting == "referral_consent" and intent in ("affirm", "deny"):
        return referral_chat.answer_consent(dispatcher, tracker, said_yes=intent == "affirm")
    if state.awaiting == "location" and doesnt_know(text) and not place_values(tracker):
        ask_town_simpler(dispatcher, state)  # "je sais pas" to "Dans quelle ville…?"
        return state.save()
    if state.awaiting in ("location", "location_choice") and asks_why_town(text) \
            and not place_values(tracker):
        explain_why_town(dispatcher, state)  # "pourquoi vous voulez ma ville ?": why, then asked
        return state.save()
    found, needs_before = needs_mod.Understanding(), list(state.needs)
    nearest_first = False
    # "emergency": ActionEmergency found a need said with strong words, and orients.
    if intent in REQUEST_INTENTS or state.awaiting in NEED_QUESTIONS:
        found = understand(state, tracker, text)
    if intent in ("affirm", "deny") and state.awaiting == "mode":
        state.mode = "avec_moi" if intent == "affirm" else "autonomie"
    elif answers_mode(state, text) and not found.mode:
        found.mode = state.mode = needs_mod.mode_answer(text)  # "avec qqn stp", "tt seul"
    state.was_awaiting = state.awaiting
    anywhere = says_anywhere(text)
    if anywhere and waits_for_town(state.location) and not place_values(tracker):
        state.location = {**state.location, "anywhere": True}  # "peu importe": all of it
    elif anywhere and not state.location and state.awaiting in ("location", "location_choice") \
            and not place_values(tracker):
        # "peu importe" with no town nor département known (a région, homonyms): no town's
        # name, the town asked plainly
        state.choices = []
        ask_location(dispatcher, state)
        return state.save()
    else:
        # "c'est trop loin, j'ai pas de voiture" before any place (read as a change of town,
        # tester t207 d06): the town known stays, its nearest places come, the phone help first
        cannot_come = bool(state.location) and not is_button(text) \
            and not (tracker.get_slot("last_search") or {}).get("results") \
            and not place_values(tracker) and not looks_like_place(text) \
            and remote_first.cannot_come(text)
        nearest_first = nearest_first or cannot_come
        if intent == "change_location" and not cannot_come:
            state.location, state.offset = None, 0
            if state.awaiting != "location_choice":
                state.awaiting = "location"
        if not resolve_location(
            dispatcher, state, tracker, needs_mod.without_distance(text), found
        ):
            return state.save()
        if anywhere and waits_for_town(state.location):  # "n'importe où dans le 62"
            state.location = {**state.location, "anywhere": True}
        new_request(state, found, needs_before)  # the desk's next citizen: their criteria only
    if state.was_awaiting == "need_choice" and needs_mod.needs_mode_question(
        state.needs, state.procedures, state.mode
    ):
        # One question about the need is enough: someone with them, learning alone is one tap
        # after the places.
        state.mode = "avec_moi"
    if state.was_awaiting == "mode" and needs_mod.needs_mode_question(
        state.needs, state.procedures, state.mode
    ):
        take_default_mode(dispatcher, state)  # asked once: never again
    if remote_first.prefers_remote(text) and needs_mod.needs_mode_question(
        state.needs, state.procedures, state.mode
    ):
        state.mode = "avec_moi"  # cannot come, or help at a distance asked: someone with them
    if found.choices and state.was_awaiting not in NEED_QUESTIONS:
        ask_need_choice(dispatcher, state, found.choices)
    elif not state.needs:
        if intent in ("affirm", "deny") and state.awaiting is None:
            dispatcher.utter_message(response="utter_anything_else")
            return state.save()
        ask_need(dispatcher, state)
    elif needs_mod.needs_mode_question(state.needs, state.procedures, state.mode):
        ask_mode(dispatcher, state)
    elif not state.location and state.choices:  # "Saint-Denis", then the need: which one still
        ask_choice_again(dispatcher, state)
    elif not state.location:
        ask_location(dispatcher, state)
    elif waits_for_town(state.location):
        ask_town(dispatcher, state)
    elif intent in ("affirm", "deny") and state.awaiting is None and not moved(state):
        dispatcher.utter_message(response="utter_anything_else")
    else:
        answer(dispatcher, state, nearest_first=nearest_first)
    return state.save()
