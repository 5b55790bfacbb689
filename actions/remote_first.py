"""Help by phone asked for, or the person cannot travel, with a need (round t152's tester: "je
voudrais de l'aide pour ma CAF mais je ne peux pas me déplacer, je préfère par téléphone", asked
for a town): the help at a distance first, the line "parler à quelqu'un" gets
(``actions.handoff.helpline_line``: one text), then the places offered for when the person gives
a town (``utter_places_offer`` instead of the bare question)."""

from __future__ import annotations

import re

from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod
from actions import place_questions, texts
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
    # help asked at a distance (round t194's tester: "de l'aide en visio", "m'aider à distance",
    # "un accompagnement par téléphone"); never a remote control ("le contrôle à distance")
    r"|\b(aide|aider|accompagn\w*|conseiller|quelqu'un|qqn|rendez-vous|rdv)\b[^.!?]{0,40}"
    r"(\b(en|par) (visio\w*|video|telephone|tel)\b(?! portable| mobile)|(?<!controle )"
    r"(?<!main )\ba distance\b)"
    # someone to come home: "venir chez moi", "passer chez lui", "qui vient à domicile"
    r"|(\b(venir|vient|viennent|intervenir)\b[^.!?]{0,40}|\b(passer|passe|se deplacer?)"
    r"( \w+)? )\b(a domicile|au domicile|chez (moi|elle|lui|nous|eux|mes parents))\b"
    # cannot go out, nor travel: "elle ne sort plus de chez elle", "il ne peut plus se déplacer"
    r"|\bne (sort|sors|sortent) (plus|pas|jamais)\b"
    r"|\b(peu[tx]|peut|peuvent|pouvons|arrive) (pas|plus) (se |s'|me |m'|nous )?"
    r"(deplacer|bouger|sortir)\b"
    # no way to come: "je n'ai pas de voiture", "pas de bus dans mon village", "sans voiture"
    r"|\b(pas|plus|aucun) (de )?(voiture|vehicule|bus|car|transports?)\b(?! (de|du|pour) )"
    r"|\b(pas|plus|aucun) (de )?moyens? (de transport|de locomotion|pour (venir|y aller))\b"
    r"|\bsans (voiture|vehicule|transports?)\b"
    # English (the notice then says it is French only): "help by phone", "can't leave my home"
    r"|\b(help|someone|support)\b[^.!?]{0,30}\b(by|over the|on the) (phone|telephone|video)\b"
    r"|\bcan'?t (leave|get out of) (my|the) (home|house|flat)\b|\bhousebound\b"
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
# The need asked (``actions.questions.ask_need``): the line first, the question after.
_NEED_QUESTIONS = ("utter_ask_need", "utter_ask_need_there", "utter_ask_need_choice")


def prefers_remote(text: str) -> bool:
    """The person asks for help by phone, or says they cannot travel (their own words: "je")."""
    return bool(_REMOTE.search(needs_mod.fold(text or "").replace("\u2019", "'")))


def cannot_come(text: str) -> bool:
    """ "c'est trop loin, j'ai pas de voiture", "je peux pas me déplacer", "je sors plus de chez
    moi": the person cannot come (``prefers_remote``), or says the places are too far
    (``place_questions.asks_nearer``), naming no other town. The NLU reads these as a change of
    town (tester t207, d06): the town known stays, its nearest places come with the phone help,
    never the town asked again."""
    return prefers_remote(text) or place_questions.asks_nearer(text)


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
    need_asked = any(m.get("response") in _NEED_QUESTIONS for m in sent)
    if not (asked or need_asked or "recommendation" in kinds):
        return
    for message in asked:  # the same question, said as an offer
        offer = CollectingDispatcher()
        offer.utter_message(response="utter_places_offer")
        message.clear()
        message.update(offer.messages[0])
    line = CollectingDispatcher()
    helpline_line(line, lead=texts.text("utter_no_call_back") + " " if call_back else "")
    dispatcher.messages[start:start] = line.messages
