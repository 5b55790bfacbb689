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
