"""The towns to choose from: asked ("Lequel est le vôtre ?", the towns as buttons and "Aucun";
several towns the person may be in), and the one an answer picks (its number or rank, its
label, its département, "celui près de Paris")."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import ranks, said_again, texts
from actions.location_reply.lookup import locator
from actions.location_reply.name_match import bears_name
from actions.message_text import (
    folded_words,
    location_text,
)
from directory_client import display
from directory_client.geo import haversine_km

if TYPE_CHECKING:
    from actions.state import State


def ask_choice(
    dispatcher: CollectingDispatcher, state: State, candidates, written: str | None = None
) -> None:
    """The towns of one name to choose from, as buttons. ``written``: the name the person wrote;
    when none of the towns bears it (the locator's near-misses: "Aubiac" and "Autrac" for
    "Aubrac", a region), the person is told it is no commune known, then offered them, the
    town asked again."""
    state.awaiting = "location_choice"
    state.choices = [c.to_dict() for c in candidates[:5]]
    near_misses = written and all(
        c.kind == "commune" and not bears_name(written, c) for c in candidates[:5]
    )
    if near_misses:
        dispatcher.utter_message(
            response="utter_no_commune_named", town=written[:60], buttons=choice_buttons(state)
        )
        return
    dispatcher.utter_message(response="utter_ask_location_choice", buttons=choice_buttons(state))


def choice_buttons(state: State) -> list[dict]:
    """The towns offered as buttons, and "Aucun"."""
    named = [c["label"] for c in state.choices if c.get("label")]
    towns = [{"title": n, "payload": "/inform" + json.dumps({"location": n})} for n in named]
    return towns + [{"title": "Aucun", "payload": "/change_location"}]


def ask_choice_again(dispatcher: CollectingDispatcher, state: State) -> None:
    """The towns of that name still to choose from after a message that said the need ("c'est
    pour imprimer un papier" after "Saint-Denis" and its buttons): the need taken, said, and the
    same question with the same buttons."""
    state.awaiting = "location_choice"
    dispatcher.utter_message(
        response="utter_need_kept_which_town",
        what=fmt.need_phrase(state.needs, state.procedures[0] if state.procedures else None),
        question=texts.text("utter_ask_location_choice"),
        buttons=choice_buttons(state),
    )


def ask_which_town(dispatcher: CollectingDispatcher, state: State, names: list[str]) -> bool:
    """Several towns where the person may be, each found alone: ask which one (their buttons).
    False when one of them is no town found alone (the locator reads them together)."""
    results = [locator().locate(name[:120]) for name in names]
    if any(r.status != "found" or r.best is None for r in results):
        return False
    offer_towns(dispatcher, state, [r.best for r in results])
    return True


def offer_towns(dispatcher: CollectingDispatcher, state: State, towns: list) -> None:
    """ "Où dois-je chercher : près de Lille ou d'Arras ?", the towns as buttons and "Aucun"."""
    state.awaiting = "location_choice"
    state.choices = [c.to_dict() for c in towns[:5]]
    dispatcher.utter_message(
        response="utter_ask_which_town", towns=_towns_said(state), buttons=choice_buttons(state)
    )


def _towns_said(state: State) -> str:
    """ "près de Plouha ou de Paimpol": the towns offered, as ``utter_ask_which_town`` says them."""
    names = [c.get("commune") or c.get("label") or "" for c in state.choices[:5]]
    # homonyms named apart by their département (« de Saint-Ouen (41) ou de Saint-Ouen (80) »)
    said = [display.of_place(c.get("label") or name if names.count(name) > 1 else name)
            for c, name in zip(state.choices[:5], names, strict=True)]  # fmt: skip
    return "près " + ", ".join(said[:-1]) + " ou " + said[-1]


def choice_written_out(dispatcher: CollectingDispatcher, state: State) -> None:
    """An answer that picks none of the towns offered and names no place ("oui" to "Où dois-je
    chercher : près de Plouha ou de Paimpol ?"): the same question, its towns numbered
    (t181 g02: never « Je ne trouve pas « oui » »)."""
    names = {c.get("commune") or c.get("label") for c in state.choices}
    question = (
        texts.text("utter_ask_which_town", towns=_towns_said(state)) if len(names) > 1 else None
    )
    said_again.towns_written_out(dispatcher, state, question)


def _choice_keys(choice: dict) -> set[str]:
    """The words that name one offered place: its label, commune, postcode, department code,
    department name and its other names ("la Réunion", "le 93")."""
    from directory_client.departements import ALIASES, DEPARTEMENTS

    keys = {folded_words(choice.get("label") or "")}
    for field in ("code_postal", "code_insee", "departement"):
        if choice.get(field):
            keys.add(folded_words(str(choice[field])))
    code = choice.get("departement")
    if code in DEPARTEMENTS:
        keys.add(folded_words(DEPARTEMENTS[code]))
        keys |= {folded_words(alias) for alias, c in ALIASES.items() if c == code}
    return {k for k in keys if k}


def pick_choice(state: State, text: str) -> dict | None:
    """The offered place an answer points to: its number or rank ("2", "le deuxième"), or what
    ``choose`` reads."""
    if not state.choices:
        return None
    answer = folded_words(location_text(text))
    tokens = answer.split()
    if len(tokens) <= 3:
        for token in tokens:
            rank = ranks.rank_of(token, cardinals=True)
            if rank and 1 <= rank <= len(state.choices):
                return state.choices[rank - 1]
        if tokens and tokens[-1] == "dernier":
            return state.choices[-1]
    return choose(state.choices, text)


def choose(choices: list[dict], text: str) -> dict | None:
    """The one place among ``choices`` that the words name: its whole label typed by hand, or
    words only it has ("celui de la Réunion", "le 93", "non, Saint-Denis dans le 93", "Stenay
    dans la Meuse"). None when the words fit none or several."""
    answer = folded_words(location_text(text))
    padded = f" {answer} "
    exact = [c for c in choices if folded_words(c.get("label") or "") == answer]
    if len(exact) == 1:
        return exact[0]
    named = []
    for choice in choices:
        own = _choice_keys(choice)
        others = set().union(*(_choice_keys(c) for c in choices if c is not choice))
        if choice.get("kind") == "commune":
            # the name the homonym towns share names none of them, though a collectivity bears
            # it too ("Saint-Martin": the island's name, and the mainland villages'); a
            # département offered beside a town of its name stays named by it ("Vienne")
            others |= {folded_words(c.get("commune") or "") for c in choices if c is not choice}
        if any(f" {key} " in padded for key in own - others):
            named.append(choice)
    if len(named) > 1:
        # "le 974 non pardon celle du Gers", "la Martinique non, celle du Cantal": the one said
        # after the last word taken back
        taken_back = list(_TAKEN_BACK.finditer(answer))
        if taken_back and taken_back[-1].end() < len(answer):
            return choose(named, answer[taken_back[-1].end():])
    return named[0] if len(named) == 1 else None


# The words that take back what was just said: what follows is meant.
_TAKEN_BACK = re.compile(r"\b(non|pardon|plutot|je veux dire|enfin|en fait|je me suis trompee?)\b")


# "celui de Paris", "le Saint-Denis de Paris", "celle d'Aix": the one of (near) that town.
_NEAR_CUE = re.compile(
    r"\b(pres|proche|a cote|pas loin|du cote|vers|autour|region|en|dans|cel(?:ui|le)s? d|de|d)\b"
)
_NEAR_CHOICE_KM = 60.0  # "celui près de Paris": an offered town this close to the place named


def choice_near(choices: list[dict], text: str, places: list[str] | None = None) -> dict | None:
    """The offered town that lies near the place or in the region named ("celui près de Paris"
    is Saint-Denis (93), "celle en Île-de-France" too): the only one within ``_NEAR_CHOICE_KM``
    of it, or the only one in its départements. Only with words that say "near" or "in", so
    that a neighbouring town given instead ("Aubervilliers") is taken as itself."""
    if not _NEAR_CUE.search(folded_words(text)):
        return None
    for said in [location_text(text), *(places or [])]:  # the words, then each place tagged
        chosen = _choice_near_place(choices, said)
        if chosen is not None:
            return chosen
    return None


def _choice_near_place(choices: list[dict], said: str) -> dict | None:
    """The only offered town near the place ``said`` names (or in its région's départements)."""
    probe = locator().locate(said[:120])
    if probe.status == "unknown" or probe.best is None:
        return None
    regions = {c.departement for c in probe.candidates if c.kind == "departement"}
    if probe.status == "ambiguous" and regions:  # a region: the départements it has
        inside = [c for c in choices if c.get("departement") in regions]
        return inside[0] if len(inside) == 1 else None
    place = probe.best
    if place.lat is None or place.lon is None or probe.status != "found":
        return None
    near = [
        c for c in choices
        if c.get("lat") is not None
        and haversine_km(place.lat, place.lon, c["lat"], c["lon"]) <= _NEAR_CHOICE_KM
    ]  # fmt: skip
    return near[0] if len(near) == 1 else None
