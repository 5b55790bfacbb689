"""Questions the assistant does not answer, read before anything else: the weather ("quel temps
fait-il demain ?", "la météo à Lille") names a town, and was read as a town to search places in.
Answered with what the assistant does (``utter_out_of_scope``), no places — unless a digital need is
said with it ("apprendre à regarder la météo sur ma tablette")."""

from __future__ import annotations

import re

from actions import needs as needs_mod

_WEATHER = re.compile(
    r"\b(meteo\w*|quel temps|le temps (qu'il fait|qu'il fera|de demain|de ce week-?end)"
    r"|temps (fait-il|fera-t-il|va-t-il faire|il fait|il fera|il va faire)"
    r"|(va|vas|il va|ca va|est-ce qu'il va) (pleuvoir|neiger|faire (beau|chaud|froid))"
    r"|(il )?(pleut|neige)(-t-il)?\b.{0,30}\b(demain|aujourd'hui|ce soir|ce week-?end|a \w+)"
    r"|previsions?|temperatures?( (demain|aujourd'hui|ce week-?end))?\b.{0,20}\b(a|en|demain)\b"
    r"|canicule|orages?\b.{0,20}\b(demain|ce soir|prevus?))",
)


def asks_the_weather(text: str) -> bool:
    """The weather asked, and no digital need said with it."""
    folded = needs_mod.fold(text or "").replace("\u2019", "'")
    return bool(_WEATHER.search(folded)) and needs_mod.detect(text).empty


# A need said in a few words ("impôts", "carte grise", "ameli", "imprimer", "bonjour, impots"): so
# few words are read by the NLU as off-topic, a greeting or "send it", and were refused, greeted
# or told there was nothing to send. What the needs reader's keywords find in them wins (never
# the meaning alone: "un docteur", "un plombier" name no digital need and stay refused). Not a
# thank-you or a goodbye ("merci pour les impôts" after the list): no new search; nor a question
# on the assistant itself ("t'es un robot ?", "tu es une IA ?": what it is, not a workshop).
NEED_IN_FEW_WORDS = 5
_LEAVING = re.compile(r"\b(merci\w*|au revoir|bye|bonne (journee|soiree|nuit)|a bientot|adieu)\b")
_TO_THE_ASSISTANT = re.compile(
    r"\b(t'?es|tu es|es[- ]tu|vous etes|etes[- ]vous|c'?est toi|c toi|t'?es qui|tu t'appelles)\b"
)


# After a list, the person goes on with the talk: a sentence in SMS spelling that names a need
# ("je veu racheter un tel pa cher", tester t207 h12, read as off-topic) is never refused.
NEED_AFTER_LIST_WORDS = 14


def says_a_need(text: str, most_words: int = NEED_IN_FEW_WORDS) -> bool:
    """A short message (``most_words`` at most) whose keywords name a digital need, neither a
    thank-you, a goodbye nor a question on the assistant."""
    folded = needs_mod.fold(text or "").replace("\u2019", "'")
    words = re.findall(r"[a-z0-9]+", folded)
    return (
        0 < len(words) <= most_words
        and not _LEAVING.search(folded)
        and not _TO_THE_ASSISTANT.search(folded)
        and not needs_mod.detect(text).empty
    )


# A cry for help before a need (« mayday mayday ma tablette dit que j'ai un virus », « help !!
# mon téléphone… »): read by the NLU as off-topic whatever its length, refused; the need the
# keywords find is the message's. A cry alone stays the safety reading's (``actions.safety``).
_CRY_FOR_HELP = re.compile(
    r"\b(mayday|sos|help|au secours|a l'aide|aidez[- ]moi|aide[- ]moi|urgence|urgent)\b"
)


def cries_for_a_need(text: str) -> bool:
    """A cry for help, and a digital need the keywords find beside it."""
    folded = needs_mod.fold(text or "").replace("\u2019", "'")
    return bool(_CRY_FOR_HELP.search(folded)) and not needs_mod.detect(text).empty
