"""Help by phone asked for, or the person cannot travel, with a need (round t152's tester: "je
voudrais de l'aide pour ma CAF mais je ne peux pas me déplacer, je préfère par téléphone", asked
for a town): the help at a distance first, the line "parler à quelqu'un" gets
(``actions.handoff.helpline_line``: one text), then the places offered for when the person gives
a town (``utter_places_offer`` instead of the bare question)."""

from __future__ import annotations

import re

from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import texts
from actions.handoff import helpline_line

_REMOTE = re.compile(
    # "je préfère par téléphone", "plutôt au téléphone", "par tel si possible"
    r"\b(prefere\w*|plutot|de preference|uniquement|seulement|si possible)\b[^.!?]{0,25}"
    r"\b(par|au) (telephone|tel)\b"
    r"|\b(par|au) (telephone|tel)\b[^.!?]{0,15}\b(plutot|de preference|si possible|svp|stp)\b"
    # "je ne peux pas me déplacer", "sans me déplacer", "je ne me déplace plus"
    r"|\b(peu[tx]|peut|pouvons|arrive) (pas|plus) (me |nous )?(deplacer|bouger|sortir)\b"
    r"|\bsans (me|nous) deplacer\b|\b(ne )?(me|nous) deplace (pas|plus)\b"
    # "je n'ai pas la force de me déplacer", "quelqu'un peut m'aider par téléphone" (t181 e05)
    r"|\b(pas|plus) (la force|l'energie|les moyens) de (me |nous )?(deplacer|bouger|sortir)\b"
    r"|\b(m'aider|nous aider|m'accompagner|me guider|m'expliquer)\b[^.!?]{0,12}"
    r"\b(par|au) (telephone|tel)\b"
    # "un numéro que je peux appeler plutôt que me déplacer" (round 160's tester, w08)
    r"|\b(numero|appeler|telephoner)\b[^.!?]{0,40}\bplutot que (de )?(me |nous |y )?"
    r"(deplacer|aller|bouger|sortir)\b"
)
# A call back asked ("rappelez-moi au 06…", "vous pouvez me rappeler ?"): nobody will, said once
# (round 160's tester, w06); never "je m'appelle Gisèle".
_CALL_ME = re.compile(
    r"\b(re)?(appel|contact)ez[- ]moi\b|\brappelez[- ]moi\b"
    r"|\b(pouvez|pourriez|peut|pourrait|pourra|voulez)[- ](vous |on |il |elle )?(me |m')"
    r"(rappeler|appeler|recontacter|contacter|telephoner)\b"
    r"|\bme (rappeler|recontacter) (au|sur)\b"
)
# The question of the town that the offer replaces (actions.location_reply.ask_location).
_TOWN_QUESTION = "utter_ask_location"


def prefers_remote(text: str) -> bool:
    """The person asks for help by phone, or says they cannot travel (their own words: "je")."""
    return bool(_REMOTE.search(needs_mod.fold(text or "").replace("\u2019", "'")))


def asks_a_call_back(text: str) -> bool:
    return bool(_CALL_ME.search(needs_mod.fold(text or "").replace("\u2019", "'")))


def say_first(dispatcher: CollectingDispatcher, start: int, text: str) -> None:
    """For a request that prefers help at a distance (``prefers_remote``), answered with its
    town asked or its places (the messages from ``start`` on): the helpline line first; the town
    asked as an offer. Nothing for the numbers of a danger, or when the line was said."""
    sent = dispatcher.messages[start:]
    kinds = {((m.get("custom") or {}).get("orienteur") or {}).get("type") for m in sent}
    asked = [m for m in sent if m.get("response") == _TOWN_QUESTION]
    call_back = asks_a_call_back(text)
    if not (prefers_remote(text) or call_back) or "handoff" in kinds:
        return
    if kinds & {"emergency", "danger_check"}:
        return
    if not (asked or "recommendation" in kinds):
        return
    for message in asked:  # the same question, said as an offer
        offer = CollectingDispatcher()
        offer.utter_message(response="utter_places_offer")
        message.clear()
        message.update(offer.messages[0])
    line = CollectingDispatcher()
    helpline_line(line, lead=texts.text("utter_no_call_back") + " " if call_back else "")
    dispatcher.messages[start:start] = line.messages
