"""A commune's name with a département ("aix dans l'ain", "Tours dans le Nord"): where the person
is; when the département has no commune of that name, said plainly, with the towns of that
name and the département as a whole to choose from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions.location_reply.choices import choice_buttons
from actions.location_reply.lookup import locator
from actions.town_in_message import (
    areas_named,
    departement_named,
    town_before_area,
    towns_not_in_area,
)

if TYPE_CHECKING:
    from actions.state import State


def names_town_and_area(text: str) -> bool:
    """A short message that is a commune's name and a département ("aix dans l'ain", "Bourg
    dans l'Ain"), whether or not a commune of that name lies there: where the person is."""
    area = departement_named(text)
    if not area or len(text.split()) > 8:
        return False
    index = getattr(locator(), "_index", None)
    return bool(towns_not_in_area(text, area, index) or town_before_area(text, area, index))


def no_such_town_there(dispatcher: CollectingDispatcher, state: State, text: str, result) -> bool:
    """ "aix dans l'ain", "Tours dans le Nord": a commune's name before a département that has
    no commune of that name (``towns_not_in_area``). Said plainly, and the towns of that name
    offered as buttons, with the département as a whole (searched everywhere in it)."""
    area = departement_named(text)
    if not area or area[:1].isdigit():
        return False
    best = result.best if result.status == "found" else None
    if best is not None and best.kind == "commune" and best.departement in areas_named(area):
        return False  # "saint amand dans le nord": Saint-Amand-les-Eaux, found there
    elsewhere = towns_not_in_area(text, area, getattr(locator(), "_index", None))
    whole = locator().locate(area) if elsewhere else None
    if whole is None or whole.status != "found" or whole.best is None:
        return False
    if whole.best.kind != "departement":
        return False
    written, communes = elsewhere
    towns = []
    for commune in communes[:4]:
        # "Vienne (38)": the commune of that INSEE code among what its name and code find
        name, code = commune.current.name, commune.current.code_insee
        found = [*locator().locate(f"{name} ({commune.current.departement})").candidates,
                 *locator().locate(name).candidates]  # fmt: skip
        town = next((c for c in found if c.kind == "commune" and c.code_insee == code), None)
        if town is not None:
            towns.append(town.to_dict())
    departement = {**whole.best.to_dict(), "anywhere": True}
    state.awaiting = "location_choice"
    state.choices = [*towns, departement]
    dispatcher.utter_message(
        response="utter_no_such_town_there",
        town=written,
        where=fmt.near(departement),
        buttons=choice_buttons(state),
    )
    return True
