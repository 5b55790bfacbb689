"""Short messages that name no need yet, whatever intent the NLU read (round t181's tester: they
were refused, taken for an insult, not understood or given the danger numbers):

- whom the request is for, and nothing more ("pour mon papa", "c pour ma soeur"): "D'accord,
  c'est pour votre soeur. De quoi a-t-elle besoin ?" (the need menu), and the answers then speak
  of her; once her need is known, where she lives is asked;
- a call for help or a problem that names nothing ("aide", "aide svp", "help", "besoin d'aide",
  "jai 1 pb", "j'ai un souci"), or lost and nothing more ("perdu", "chui perdue"): the need
  question, the same for all of them. The cries of danger
  ("à l'aide", "au secours") are read before, by the safety reading;
- while the town is asked, a detail of the need kept ("samsung" for the phone to learn): the
  need kept, the town asked again.

``answer`` is tried before the action of the intent responds; None leaves the message to it. Not
after a list: a message about the places shown is read by ``actions.after_list``."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import needs as needs_mod
from actions import someone_else
from actions.location_reply import guess_place, looks_like_place, misspelt_town_answer
from actions.message_text import folded_words, is_button, place_values
from actions.questions import NEED_BUTTONS, ask_need
from actions.state import State

# A call for help that names nothing: every word one of these, one of them a call or a problem.
# Someone looked for, said in SMS ("je cherche qqn", "jcherche qq1", "je voudrais quelqu un",
# tester t207 a04: refused as off-topic) is the start of a request too.
_CALL = (
    r"(?:aide|aider|aidez|aides|help|helpe|probleme|problemes|pb|pbs|pbm|souci|soucis|galere"
    r"|cherche|jcherche|recherche|qqn|qq1|qqun|quelquun|kelkun|qlq1|quelqu)"
)
_AROUND_CALL = (
    r"(?:j|jai|ai|g|je|veux|voudrais|voudrai|aimerais|besoin|de|d|l|du|un|une|1|des|petit|gros"
    r"|moi|m|me|svp|stp|s|il|vous|te|plait|plais|please|pouvez|peux|pourriez|tu|bonjour|bonsoir"
    r"|slt|salut|hello|bjr|cc|coucou|oui|ok|euh|alors|voila|avoir|trouver|on|peut|jveux|jvoudrais"
    r"|faut|faudrait|il|y|a|quelqu|qqn|un|une|personne"
    r"|urgent|svpl|merci)"
)
_HELP_ONLY = re.compile(rf"(?:{_AROUND_CALL} )*{_CALL}(?: (?:{_AROUND_CALL}|{_CALL}))*")
# Lost, and nothing more ("perdu", "je suis perdue", "chui complètement perdu avec tout ça"):
# lost with the digital stuff, not knowing where to start — the need question, as for a call for
# help. A thing lost ("j'ai perdu mon mot de passe") names a need, read before.
_LOST = r"(?:perdu|perdue|perdus|perdues|paume|paumee|paumes|paumees|largue|larguee)"
_AROUND_LOST = (
    r"(?:j|je|jsuis|jsui|chui|chuis|suis|sui|me|sens|on|est|c|tout|toute|un|peu|completement"
    r"|totalement|trop|tres|vraiment|grave|carrement|a|fait|avec|ca|cela|tous|ces|trucs|moi|la"
    r"|ici|dedans|bonjour|bonsoir|slt|salut|bjr|hello|coucou|euh|alors|bon|oui|ok|svp|stp|aidez"
    r"|aide|aider|help)"
)
_LOST_ONLY = re.compile(rf"(?:{_AROUND_LOST} )*{_LOST}(?: {_AROUND_LOST})*")
# A detail of the need kept is a word or two ("samsung", "un android").
_DETAIL_WORDS = 3
# A piece of a request sent in several SMS ("j'ai reçu un courrier", "la carte", "de conduire"),
# read by the NLU as off-topic or not understood: a few words, mid-way (the town given and the
# need asked, or the need known and the town asked). The pieces wait in ``FRAGMENTS`` and are
# read with the next message.
FRAGMENTS = "fragments"
_FRAGMENT_WORDS = 6  # "j ai recu un courrier": the apostrophes split words
_REFUSED_INTENTS = ("out_of_scope", "nlu_fallback")
# What makes a piece of a request, not a message off-topic ("raconte-moi une blague" stays
# refused): it goes on from the message before ("de conduire", "du scooter", "en retard"), or it
# names a thing one's papers or devices are made of ("un courrier", "la carte", "mon code").
_GOES_ON = re.compile(r"(?:de|du|des|d|pour|en|avec|sur|au|aux|a|et|par) ")
_THING = re.compile(
    r"\b(?:courriers?|lettres?|cartes?|codes?|comptes?|papiers?|documents?|mails?|messages?"
    r"|sms|sites?|applis?|applications?|formulaires?|attestations?|factures?|avis|numeros?"
    r"|identifiants?|mot de passe|demandes?|dossiers?|convocations?|amendes?|perdu|perdue"
    # what happened to the thing named just before ("ma carte vitale", then "perdue")
    r"|perdus|perdues|casse|cassee|casses|volee?s?|bloquee?s?|expiree?s?|oubliee?s?|piratee?s?"
    r"|abimee?s?|en panne|hs)\b"
)
# Small talk "not understood" said of a word that is no question ("perdue" after "ma carte
# vitale", read as confusion, got "Bien sûr", tester t207 d14): a piece of the request too.
_CONFUSED = "chitchat/confused"


def asks_help_only(text: str) -> bool:
    """ "aide", "aide svp", "help", "besoin d'aide", "jai 1 pb", "j'ai un souci": help asked, or a
    problem said, with nothing of what it is about."""
    return bool(_HELP_ONLY.fullmatch(folded_words(text)))


def says_lost_only(text: str) -> bool:
    """ "perdu", "je suis perdue", "chui perdu avec tout ça": lost, with nothing of what with."""
    return bool(_LOST_ONLY.fullmatch(folded_words(text)))


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """The answer to a message that names no need yet (see the module), else None."""
    if is_button(text) or (tracker.get_slot("last_search") or {}).get("results"):
        return None
    state = State(tracker)
    if not needs_mod.detect(text).empty:
        return None
    whom = someone_else.now_for_them(text)
    if whom is not None and not place_values(tracker) and not guess_place(text):
        return _for_them(dispatcher, state, whom)
    if (asks_help_only(text) or says_lost_only(text)) and not state.needs:
        ask_need(dispatcher, state)
        return state.save()
    if _piece_of_a_request(tracker, state, text):
        if state.needs:  # the need known, the town awaited: the piece adds nothing to search
            dispatcher.utter_message(response="utter_ask_location_again")
            return state.save()
        dispatcher.utter_message(response="utter_tell_more")
        state.awaiting = "need"
        before = tracker.get_slot(FRAGMENTS)
        return [*state.save(), SlotSet(FRAGMENTS, f"{before} {text}" if before else text)]
    if _detail_of_the_need(state, text) and not place_values(tracker) \
            and not guess_place(text) and not misspelt_town_answer(text):  # "bordaux": a town
        state.awaiting = "location"
        dispatcher.utter_message(response="utter_ask_location_again")
        return state.save()
    return None


def _for_them(dispatcher: CollectingDispatcher, state: State, whom: str) -> list:
    """ "c pour ma soeur": before the need, what she needs is asked; after it, where she lives."""
    state.set(someone_else.SLOT, True)
    if not state.needs:
        state.awaiting = "need"
        dispatcher.utter_message(response="utter_ask_need_for_them", who=whom,
                                 has=someone_else.has(whom), buttons=NEED_BUTTONS)  # fmt: skip
        return state.save()
    what = someone_else.about_them(fmt.need_phrase(state.needs, (state.procedures or [None])[0]))
    dispatcher.utter_message(response="utter_ask_where_they_live", what=what, who=whom)
    state.location, state.choices, state.offset, state.awaiting = None, [], 0, "location"
    return state.save()


def _detail_of_the_need(state: State, text: str) -> bool:
    """While the town is asked for a need, a word or two the needs reader reads, by meaning only,
    as close to that need ("samsung" for the phone to learn): a detail of it, no new need."""
    if state.awaiting != "location" or not state.needs:
        return False
    if not 0 < len(folded_words(text).split()) <= _DETAIL_WORDS or looks_like_place(text):
        return False
    read = needs_mod.read(text)
    return bool(set(state.needs) & (set(read.needs) | set(read.choices)))


def _piece_of_a_request(tracker: Tracker, state: State, text: str) -> bool:
    """A few words naming no need nor place, that the NLU refused, while the need is asked after
    the town, or the town asked for a need known."""
    intent = tracker.latest_message.get("intent") or {}
    confused = intent.get("full_retrieval_intent_name") == _CONFUSED and "?" not in text
    if intent.get("name") not in _REFUSED_INTENTS and not confused:
        return False
    if not (state.awaiting == "need" and not state.needs) and not (
        state.awaiting == "location" and state.needs
    ):
        return False
    folded = folded_words(text)
    words = folded.split()
    return (
        0 < len(words) <= _FRAGMENT_WORDS
        and bool(_GOES_ON.match(folded) or _THING.search(folded))
        and not place_values(tracker)
        and not guess_place(text)
        and not looks_like_place(text)
        and not misspelt_town_answer(text)
    )


def with_pieces(tracker: Tracker, text: str) -> Tracker | None:
    """The message read with the pieces sent before it (``FRAGMENTS``), when together they name
    a need that it alone does not (« la carte » then « grise »): ``tracker`` with the whole as its
    message; else None."""
    before = tracker.get_slot(FRAGMENTS)
    if not before or is_button(text) or State(tracker).needs:
        return None
    whole = f"{before} {text}"
    if not needs_mod.detect(text).empty or needs_mod.detect(whole).empty:
        return None
    joined = tracker.copy()
    joined.latest_message = {**tracker.latest_message, "text": whole}
    return joined
