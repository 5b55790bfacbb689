"""After a list of places was shown: a message about them, whatever the intent the NLU read (one
place in full, the list again, a day, "plus près ?", a price, a need added or put instead), and
how each is said. ``orient`` and ``answer`` (``actions.orient_flow``) are passed in by the caller:
this module sits below it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    bring_said,
    care_asked,
    keep_asked,
    mode_default,
    need_changes,
    open_now_asked,
    place_pick,
    place_questions,
    referral_chat,
    refused_there,
    someone_else,
    texts,
    town_itself,
    without_calling,
)
from actions import formatting as fmt
from actions import needs as needs_mod
from actions.danger_turns import _payload_type
from actions.location_reply import looks_like_place, names_another_town, says_anywhere
from actions.message_text import entity_values, is_button, place_values
from actions.questions import back_on_track, need_payload, sentence_case
from actions.search_run import run_search
from actions.state import State, intent_of
from bot.channels import render

log = logging.getLogger(__name__)

Orient = Callable[..., list]  # actions.orient_flow.orient
Answer = Callable[..., None]  # actions.orient_flow.answer


def shown_already(tracker: Tracker, place_ids: list) -> bool:
    """Whether the list last shown is the first page ``place_ids``, in that order: it already
    starts with the nearest place and reads from near to far."""
    shown = (tracker.get_slot("last_search") or {}).get("results") or []
    return bool(shown) and shown[0].get("number") == 1 and [r.get("id") for r in shown] == place_ids


# About one place of the last answer: "le premier n'est plus ouvert le dimanche" is a report.
PLACE_INTENTS = ("report_place", "notify_place")


def about_places_shown(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, *, orient: Orient, answer: Answer
) -> list | None:
    """A message about the places just offered, whatever the intent the NLU read: one of them in
    full ("le deuxième", "celui de Pantin", its name), the list again ("liste", the button
    "Revoir la liste" after one place in full), or the same search on a given day ("et le
    dimanche ?", read once as a goodbye), a question on them ("plus près ?", "c'est quoi France
    Services ?", "elle ne peut pas se déplacer", "c'est gratuit ?", "je comprends pas":
    ``answer_about_places``), a need added or put instead ("il n'a pas de téléphone non plus",
    "non c'est juste pour imprimer": ``change_need``). None for anything else."""
    last = tracker.get_slot("last_search") or {}
    if not is_button(text) and not last.get("results") and place_questions.asks_price(text):
        # "c'est gratuit ?" before any place: most are free; then the question of the moment
        question = texts.text(back_on_track(State(tracker)))
        dispatcher.utter_message(response="utter_price_before_places", question=question)
        return [SlotSet("fail_count", 0.0)]
    if tracker.get_slot("awaiting") == "location":
        return while_town_asked(dispatcher, tracker, text)
    if is_button(text) or tracker.get_slot("awaiting") or not last.get("results"):
        return None
    if refused_there.said(text) and State(tracker).needs:
        # "j'y suis allé, ils m'ont dit qu'ils savaient pas faire": other places, never a report
        return refused_there.answer(dispatcher, tracker, answer)
    # "comment je les contacte sans appeler ?", "ils ont un mail ?": how to reach them without
    # calling, from the list (never "envoyez-moi la liste par mail": the sheet, below)
    reached = without_calling.answer(dispatcher, tracker, text, place_shown_in_full(tracker))
    if reached is not None:
        return reached
    # "fiche d'orientation à imprimer", "envoie par sms au 06 …": the sheet, the list kept
    kept = keep_asked.answer(dispatcher, tracker, text, place_shown_in_full(tracker))
    if kept is not None:
        return kept
    back = back_to_own(dispatcher, tracker, text)  # "et pour moi c'était lequel ?"
    if back is not None:
        return back
    whom = someone_else.now_for_them(text)
    if whom is not None and not place_values(tracker) and State(tracker).needs:
        return for_a_relative(dispatcher, tracker, text, whom, answer)
    if intent_of(tracker) == "more_results" and names_another_town(
        place_values(tracker), State(tracker).location
    ):
        # "il y a un autre endroit à Marvejols ?" after places near Mende: a search there
        return orient(dispatcher, tracker, read_as="inform")
    if place_questions.asks_id_photo(text, keep_asked.bring_of(last)):
        # "et la photo je la fais où ?" after an ID-card list: a booth or a photographer, the
        # list kept (never photo workshops, never the places' addresses)
        dispatcher.utter_message(response="utter_id_photo_where")
        return [SlotSet("fail_count", 0.0)]
    if town_itself.answer(dispatcher, tracker, text):  # "il y a rien à Cluny même ?"
        return [SlotSet("fail_count", 0.0)]
    if place_questions.asks_phone(text) and say_facts(
        dispatcher, tracker, text, place_shown_in_full(tracker)
    ):  # "c quoi le tél du 2": its number, not the place in full
        return [SlotSet("fail_count", 0.0)]
    place = place_pick.picked(last["results"], text, place_pick.earlier_pages(tracker.events))
    if place is not None:
        show_place(dispatcher, last, place)
        return [SlotSet("fail_count", 0.0)]
    shown = place_shown_in_full(tracker)
    if shown is not None and place_pick.not_that_one(text):
        # "non pas celui-là" after one place in full: the list without it
        show_list(dispatcher, last, place_pick.earlier_pages(tracker.events), without=shown)
        return [SlotSet("fail_count", 0.0)]
    if (
        place_pick.rank_beyond(last["results"], text) is not None or place_pick.not_that_one(text)
    ) and State(tracker).needs:
        # "le quatrième" after 3 places, "non pas celui-là": the next ones, as "d'autres lieux"
        state = State(tracker)
        state.offset = max((p.get("number") or 0) for p in last["results"])
        answer(dispatcher, state)
        return state.save()
    if need_changes.says_a_lack(text) or need_changes.says_ones_own(text):
        # "j'ai pas d'adresse mail", "pour mon téléphone ?": no question on the places
        changed = change_need(dispatcher, tracker, text, answer)
        if changed is not None:
            return changed
    if care_asked.answer(dispatcher, tracker, text):  # "un lieu avec LSF ?": which declare it
        return [SlotSet("fail_count", 0.0)]
    shown = place_shown_in_full(tracker)
    # "vous avez le numéro ?", "il est où ?", "le 1 c'est ouvert le samedi ?"
    if say_facts(dispatcher, tracker, text, shown):
        return [SlotSet("fail_count", 0.0)]
    if place_questions.asks_list_again(text):
        show_list(dispatcher, last, place_pick.earlier_pages(tracker.events))
        return [SlotSet("fail_count", 0.0)]
    nearer = nearer_places(dispatcher, tracker, text, answer)
    if nearer is not None:
        return nearer
    answered = answer_about_places(dispatcher, tracker, text)
    if answered:
        return [SlotSet("fail_count", 0.0)]
    changed = change_need(dispatcher, tracker, text, answer)
    if changed is not None:
        return changed
    if intent_of(tracker) not in PLACE_INTENTS and needs_mod.refines_search(text):
        return orient(dispatcher, tracker, read_as="inform")
    # "y a rien à Tallard ?" (read as chitchat): the same request in the town named
    if intent_of(tracker) not in (*PLACE_INTENTS, *mode_default.OWN_INTENTS) and any(
        looks_like_place(v) for v in place_values(tracker)
    ):
        return orient(dispatcher, tracker, read_as="inform")
    return None


def while_town_asked(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """ "et ailleurs ?" after a list: the town is asked. A question on the places still on
    screen instead ("c'est ouvert le samedi ?", "il faut un rendez-vous ?", "le deuxième", "c'est
    gratuit ?") gets the answer it gets right after the list, then the town question once more,
    short (not after a second question in a row). None for anything else (a town, "peu
    importe", a need): read as the answer to "where?"."""
    if not on_places_shown(dispatcher, tracker, text):
        return None
    earlier = _previous_user_text(tracker)
    if earlier is None or not on_places_shown(CollectingDispatcher(), tracker, earlier):
        dispatcher.utter_message(response="utter_ask_location_again")
    return [SlotSet("fail_count", 0.0)]


def on_places_shown(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """Answer ``text`` if it is a question on the places of the last list that names no place
    to search (one of them in full, their hours, phones, appointments, price, the list again):
    whether it was."""
    last = tracker.get_slot("last_search") or {}
    if is_button(text) or not last.get("results") or place_values(tracker):
        return False
    if looks_like_place(text) or says_anywhere(text):
        return False  # "Tourcoing" (a listed place's town too), "peu importe": where to search
    if need_changes.says_a_lack(text) or need_changes.says_ones_own(text):
        return False  # "j'ai pas d'adresse mail", "pour mon téléphone ?": the request, no question
    earlier = place_pick.earlier_pages(tracker.events)
    place = place_pick.picked(last["results"], text, earlier)
    shown = place_shown_in_full(tracker)
    if place is not None:
        show_place(dispatcher, last, place)
    elif say_facts(dispatcher, tracker, text, shown):
        pass  # the phones, the addresses, the hours, the appointments (of one place or all)
    elif place_questions.asks_price(text):
        say_fees(dispatcher, last)
    elif place_questions.asks_public(text):  # "c'est pour quel âge ?": never a town's name
        say_publics(dispatcher, [shown] if shown else last.get("results") or [])
    elif place_questions.asks_list_again(text):
        show_list(dispatcher, last, earlier)
    else:
        return False
    return True


def _previous_user_text(tracker: Tracker) -> str | None:
    """What the person said in the turn before this one."""
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return said[-2] if len(said) >= 2 else None


def say_facts(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, shown: dict | None
) -> bool:
    """The places' phone, address, hours or appointments from the last list's own data
    (``place_questions.facts``; ``shown``: the one place shown in full): whether said. Distances
    are from the search's point, the town of the list even while another is asked."""
    last = tracker.get_slot("last_search") or {}
    where = tracker.get_slot("location") or last.get("location")
    said = place_questions.facts(text, last.get("results") or [], shown,
                                 from_where=fmt.nearest_from(where))  # fmt: skip
    if said is None:
        return False
    dispatcher.utter_message(**said)
    return True


def back_to_own(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """ "merci et pour moi c'était lequel le plus près ?" after a list for someone else: the
    question answered on the person's own list (``someone_else.own_kept``: the nearest, one
    place, a fact of them, else the list again), said as theirs, and the conversation goes on
    with their own search. None when no own list is kept or the message is not that."""
    own = (tracker.get_slot("last_search") or {}).get("own")
    if not own or not someone_else.back_to_me(text) or place_values(tracker):
        return None
    if not needs_mod.detect(text).empty:
        return None  # "et pour moi un ordinateur": a request of the person's own
    places = list(own.get("results") or [])
    request = own.get("request") or {}
    dispatcher.utter_message(
        response="utter_own_search", near=own.get("where") or "", what=own.get("what")
    )
    said = place_questions.facts(text, places, None,
                                 from_where=fmt.nearest_from(request.get("location")))  # fmt: skip
    place = place_questions.place_meant(text, places) or place_pick.picked(places, text)
    if said is not None:
        dispatcher.utter_message(**said)
    elif place is not None:
        show_place(dispatcher, own, place)
    else:
        show_list(dispatcher, own)
    state = State(tracker)
    state.needs = list(request.get("needs") or state.needs)
    state.procedures = list(request.get("procedures") or [])
    state.constraints = list(request.get("constraints") or [])
    state.mode = request.get("mode")
    state.location = request.get("location") or state.location
    state.offset, state.awaiting, state.choices = int(own.get("offset") or 0), None, []
    state.set(someone_else.SLOT, False)
    state.set("last_search", own)
    return state.save()


def for_a_relative(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, whom: str, answer: Answer
) -> list:
    """ "non je voulais dire pour ma mère" after the places: the same need, for her (« ses
    démarches »); the places where she lives, asked ("Je cherche près de chez votre mère…"),
    or those of the list's town when she lives there too ("elle habite là aussi")."""
    state = State(tracker)
    state.set(someone_else.SLOT, True)
    what = (tracker.get_slot("last_search") or {}).get("what") or ""
    theirs = someone_else.their_need(text)
    if theirs is not None and theirs[0] != state.needs:
        # "et pour mon voisin qui a besoin d'aide pour sa carte grise ?": his need, not ours
        state.needs, state.procedures = theirs
        state.mode = None
        what = fmt.need_phrase(state.needs, state.procedures)
    if someone_else.lives_there_too(text):
        answer(dispatcher, state)
        return state.save()
    what = someone_else.about_them(what)
    dispatcher.utter_message(response="utter_ask_where_they_live", what=what, who=whom)
    state.location, state.choices, state.offset, state.awaiting = None, [], 0, "location"
    return state.save()


def nearer_places(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, answer: Answer
) -> list | None:
    """ "plus près ?" after a list ranked by fit: the nearest places in strict distance order,
    said so. None when it is not that question, or when the distances are not the person's
    (a département-wide answer: ``answer_about_places`` asks for the address)."""
    state = State(tracker)
    if not place_questions.asks_nearer(text) or any(
        looks_like_place(v) for v in place_values(tracker)
    ):
        return None
    location = state.location or {}
    if location.get("lat") is None or not fmt.distance_is_the_persons(location):
        return None
    state.offset = 0
    answer(dispatcher, state, nearest_first=True)
    if place_questions.says_cannot_travel(text):  # "trop loin, pas de voiture": by phone too
        say_remote_help(dispatcher, state)
    return state.save()


def answer_about_places(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """Answer a question on the places shown, the search kept: they are the nearest, who helps
    at home or by phone (what France Services is: ``actions.about_help``, in any state). False
    when the message is none of those."""
    state = State(tracker)
    if any(looks_like_place(v) for v in place_values(tracker)):
        return False  # "plus près de Bobigny ?", "elle habite Lyon": a search there
    last, shown = tracker.get_slot("last_search") or {}, place_shown_in_full(tracker)
    if place_questions.asks_nearer(text):
        dispatcher.utter_message(
            response="utter_nearest_already", nearest=fmt.nearest_from(state.location)
        )
        if place_questions.says_cannot_travel(text):  # "trop loin, je n'ai pas de voiture"
            say_remote_help(dispatcher, state)
    elif place_questions.cannot_travel(text):
        say_remote_help(dispatcher, state)
    elif place_questions.asks_price(text):
        say_fees(dispatcher, last)
    elif place_questions.asks_public(text):  # "c'est pour quel âge ?": never a town's name
        say_publics(dispatcher, [shown] if shown else last.get("results") or [])
    elif place_questions.asks_which_open_now(text):  # of the places listed, never new ones
        open_now_asked.answer(dispatcher, state, [shown] if shown else last.get("results") or [])
    elif place_questions.asks_what_to_bring(text):  # "je dois apporter quoi ?": as listed
        if render.bring_block(last):
            dispatcher.utter_message(text=bring_without_lack(last, text))
        else:
            what = last.get("what") or "votre besoin"
            dispatcher.utter_message(response="utter_nothing_to_bring", what=what)
    elif place_questions.is_confused(text):
        dispatcher.utter_message(
            response="utter_places_explained",
            near=last.get("where") or fmt.near(state.location),
            what=last.get("what") or fmt.need_phrase(state.needs, None),
        )
    else:
        return False
    return True


def bring_without_lack(last: dict, text: str) -> str:
    """What to bring, as listed, without what ``text`` says is missing ("si elle a pas de RIB"),
    and how to do without it on its own line ("Pas de RIB ? …"); the list as listed when nothing
    is said missing."""
    items = keep_asked.bring_of(last)
    if not bring_said.missing_said(text):
        return render.bring_block(last)
    kept = bring_said.kept(items, text)
    said = render.bring_block({**last, "bring": kept}) if kept else ""
    return "\n\n".join(x for x in (said, *bring_said.instead_of(text)) if x)


def say_fees(dispatcher: CollectingDispatcher, last: dict) -> None:
    """ "c'est gratuit ?": the price from the places' own data, each said plainly; never the
    list again."""
    dispatcher.utter_message(
        response="utter_places_fees", fees=fmt.fee_lines(last.get("results") or [])
    )


def say_publics(dispatcher: CollectingDispatcher, places: list[dict]) -> None:
    """ "c'est pour quel âge ?": whom each place says it is for, from the directory's record
    (``Directory.place_publics``; a backend that does not say: none declared)."""
    from actions.backends import get_directory

    declared = getattr(get_directory(), "place_publics", None)

    def publics_of(place_id: str | None) -> tuple[str, ...]:
        return tuple(declared(place_id)) if declared and place_id else ()

    dispatcher.utter_message(
        response="utter_places_publics", publics=fmt.public_lines(places, publics_of)
    )


def change_need(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, answer: Answer
) -> list | None:
    """A need added to the request ("il n'a pas de téléphone non plus": both served, saying so)
    or put instead of it ("non c'est juste pour imprimer un papier": that one only), in the same
    town, whatever intent the NLU read (``actions.need_changes``). None for anything else; a
    town named is a search there (``orient``)."""
    state = State(tracker)
    if not (state.needs and state.location):
        return None
    if any(looks_like_place(v) for v in entity_values(tracker, "location")):
        return None
    if need_changes.says_a_missing_means(text):  # "il a pas de CB": no scam, the same search
        state.offset = 0
        answer(dispatcher, state, lead=texts.text("utter_means_noted"))
        return state.save()
    shown = (tracker.get_slot("last_search") or {}).get("results") or []
    added = need_changes.added(text, state.needs, need_changes.served_by(state.needs, shown))
    if added is not None:
        # The need added is the message's: its procedure (the CAF's papers to bring, tester t207
        # d13) and its own way (never the first need's "apprendre … vous-même", t207 i04).
        read = needs_mod.read(need_changes.without_denied(text))
        state.procedures = list(dict.fromkeys([*read.procedures, *state.procedures]))
        if "demarches" in added and "demarches" not in state.needs:
            state.mode = read.mode
        waits = need_changes.waiting(state.needs, added)
        state.needs, state.offset = added, 0
        if not waits:
            answer(dispatcher, state, lead=texts.text("utter_need_added"))
            return state.save()
        # two needs at most in a search: the one left out named as waiting, and offered after
        what = fmt.need_phrase(waits[:1], None)
        answer(dispatcher, state, lead=texts.text("utter_need_added_one_waits", waiting=what))
        dispatcher.utter_message(
            response="utter_need_waiting", waiting=what,
            buttons=[{"title": sentence_case(needs_mod.NEEDS[waits[0]].plain),
                      "payload": need_payload(waits[0])}],  # fmt: skip
        )
        return state.save()
    instead = need_changes.corrected(text, state.needs)
    if instead is None:
        return None
    # Another need: what to bring and how for the old one go with it, those of the new one
    # ("c'est pour ma déclaration d'impôts": its documents) come. "D'accord." first, the new
    # list's introduction names the need in our words (never the person's spelling back).
    read = needs_mod.read(need_changes.without_denied(text))  # "la carte grise c'est fait"
    state.needs, state.procedures, state.mode, state.offset = instead, read.procedures, read.mode, 0
    answer(dispatcher, state, lead=texts.text("utter_need_changed"))
    return state.save()


def say_remote_help(dispatcher: CollectingDispatcher, state: State) -> None:
    """The places of the search that help at a distance (the directory's "À distance"), else the
    national helpline."""
    try:
        response, _relaxed, _broadened = run_search(
            needs_mod.apply_mode(state.needs, state.mode),
            state.procedures,
            state.constraints,
            state.location or {},
        )
        remote = [o for o in response.remote_options if o.name != fmt.HELPLINE_NAME]
    except Exception:
        log.exception("directory search failed")
        remote = []
    if remote:
        dispatcher.utter_message(response="utter_remote_places", places=fmt.remote_list(remote))
    else:
        dispatcher.utter_message(
            response="utter_no_remote_place",
            near=fmt.near(state.location),
            helpline=fmt.HELPLINE_TEXT,
        )


def show_place(dispatcher: CollectingDispatcher, last: dict, place: dict) -> None:
    """One place of the last answer in full: the payload of a recommendation with that place
    only (``delivery`` ``"detail"``), what to bring, and what to do next."""
    notify = place if referral_chat.can_notify(place) else None
    dispatcher.utter_message(
        text=fmt.detail_intro(place),
        json_message=fmt.recommendation_payload(
            last.get("need") or [],
            last.get("location"),
            last.get("filters"),
            [place],
            delivery="detail",
            # what to bring only at a place that does the procedure (``bring_here``)
            bring=(last.get("bring") or None) if place.get("bring_here", True) else None,
            follow_ups=fmt.detail_follow_ups(notify),
        ),
    )


def place_shown_in_full(tracker: Tracker) -> dict | None:
    """The place the assistant's last answer showed in full (``show_place``), else None."""
    said_now = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if said_now:
                return None
            said_now = True
        elif said_now and _payload_type(event) == "recommendation":
            payload = event["data"]["custom"]["orienteur"]
            results = payload.get("results") or []
            return results[0] if payload.get("delivery") == "detail" and results else None
    return None


def show_list(
    dispatcher: CollectingDispatcher, last: dict, earlier: list[dict] = (), without: dict = None
) -> None:
    """The last answer's list again ("Revoir la liste" after one place in full): no new search;
    "d'autres lieux" goes on from it. After "d'autres lieux", the whole list seen so far (1 to 6,
    not 4 to 6: the ``earlier`` pages of the same list, ``place_pick.earlier_pages``)."""
    seen = {p.get("number") for p in last.get("results") or []}
    whole = [p for p in earlier if p.get("number") not in seen] + list(last.get("results") or [])
    whole.sort(key=lambda p: p.get("number") or 0)
    if without is not None:  # "non pas celui-là" after it in full: the others
        whole = [p for p in whole if p.get("id") != without.get("id")] or whole
    dispatcher.utter_message(
        response="utter_list_again",
        near=last.get("where") or fmt.near(last.get("location")),
        what=last.get("what") or "votre besoin",
        json_message=fmt.recommendation_payload(
            last.get("need") or [],
            last.get("location"),
            last.get("filters"),
            whole,
            total=last.get("total"),
            offset=0 if earlier else last.get("offset"),
            bring=last.get("bring") or None,
            bring_for=last.get("bring_for") or None,
            lines=last.get("lines") or None,
            notes=last.get("notes") or None,
            follow_ups=last.get("follow_ups") or None,
        ),
    )
