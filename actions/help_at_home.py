"""Help at home is no town: "chez moi", "à la maison" said when asked where ("je veux apprendre à
faire des visio" → "Dans quelle ville… ?" → "chez moi"), once read as a town ("La Maison-Dieu")
or refused as out of scope. The answer: the places are where one goes,
the help at a distance (Solidarité Numérique, as the answers give it), and the town asked again."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import texts
from actions.formatting import HELPLINE_TEXT

# The whole message, folded: "chez moi", "à la maison", "à domicile", "depuis chez moi svp".
_AT_HOME = re.compile(
    r"(?:(?:euh|ben|bah|non|ah|mais|ici|je suis|je veux|j aimerais|plutot|c est|ce serait) )*"
    r"(?:a|depuis|de|chez|sur place|la) ?(?:chez (?:moi|nous|lui|elle|mes parents)|"
    r"(?:la )?maison|domicile|moi|nous)"
    r"(?: (?:svp|stp|merci|si possible|directement|sans me deplacer))*"
)
_PLAIN = re.compile(r"(?:chez (?:moi|nous)|a (?:la maison|domicile)|(?:depuis|de) chez moi)")


def means_at_home(text: str | None) -> bool:
    """Whether a reply to "where?" says "at home" and nothing else."""
    folded = re.sub(r"[^a-z0-9]+", " ", needs_mod.fold(text or "")).strip()
    return 0 < len(folded.split()) <= 8 and bool(
        _AT_HOME.fullmatch(folded) and _PLAIN.search(folded)
    )


def answer(dispatcher: CollectingDispatcher) -> list:
    """The places are where one goes; the help at a distance; the town asked again (the question
    stays the one awaited)."""
    dispatcher.utter_message(response="utter_help_at_home", helpline=HELPLINE_TEXT)
    dispatcher.utter_message(
        response="utter_ask_location", question=texts.text("utter_ask_location_again")
    )
    return [SlotSet("fail_count", 0.0)]
