"""What a situation changes before the places: the need it is, and the line that cannot wait.

- Spied on by a partner or an ex ("mon ex me surveille avec une appli sur mon téléphone"): the
  need is online safety (``securite``), not learning the phone; the 3919 goes beside the places
  (``actions.helplines.REMOTE_LINES``).
- A card given away, a bank account hacked, nowhere to sleep tonight: the line (opposition, the
  115) goes out with the first answer, before any question (the town, the need)
  (``actions.helplines.AT_ONCE``).
"""

from __future__ import annotations

import re

from rasa_sdk.executor import CollectingDispatcher

from actions import helplines, safety, situations
from directory_client import labels

SAFETY_NEED = "securite"
# Situations that are a need for online safety, whatever else the words read as.
SAFETY_SITUATIONS = frozenset(
    {situations.SURVEILLANCE, situations.BANK_CARD, situations.SCAM_MESSAGE,
     situations.HARASSMENT_ONLINE, situations.SEXTORTION}
)


def names_a_safety_need(text: str) -> bool:
    return bool(SAFETY_SITUATIONS & situations.read(text))


PARENTING_NEED = "parentalite"


def with_situation_need(text: str, found) -> None:
    """Spied on, a card given away: online safety is the need (``found``: an
    ``actions.needs.Understanding``, changed in place), not a guess among others. A child
    harassed online: parenting first (the 3018 goes first), online safety kept after it (taking
    the photos down): the heading opens on the child, not on scams."""
    said = situations.read(text)
    if situations.CHILD_HARASSED_ONLINE in said:
        if SAFETY_NEED in found.needs:
            found.needs = [PARENTING_NEED] + [k for k in found.needs if k != PARENTING_NEED]
        return
    if situations.HARASSMENT_ONLINE in said and PARENTING_NEED in found.needs:
        # parents speaking of harassment online ("une soirée sur le harcèlement en ligne pour les
        # parents d'élèves"): parenting first, online safety after it, as for a child harassed
        found.needs = [PARENTING_NEED, SAFETY_NEED]
        return
    if not names_a_safety_need(text):
        _without_a_past_danger(text, found)
        return
    found.needs = [SAFETY_NEED]
    found.procedures = []
    found.choices = []


# The device and nothing else, after a danger: the phone to make safe ("vérifier mon téléphone",
# "nettoyer mon portable"), not lessons on it — unless lessons are asked for.
_DEVICE_NEEDS = frozenset({"smartphone", "ordinateur", "quotidien"})
_LESSONS = re.compile(r"\b(apprendre|cours|formation|me servir|m'en servir|utiliser)\b")


def device_named_only(needs: list[str], text: str) -> bool:
    """Beside a danger, the device and nothing else read as the need, with no lessons asked for
    ("il y a de la fumée qui sort de mon ordinateur", "il a cassé mon téléphone"): the device is
    what the danger is about, not a need to keep for after the numbers."""
    if not needs or not set(needs) <= _DEVICE_NEEDS:
        return False
    return not _LESSONS.search(labels.fold(text).replace("\u2019", "'"))


def keeps_safety_need(kept: list[str], found, text: str, *, after_danger: bool) -> bool:
    """After the numbers, or in a message that says the person is not in danger now, the device
    of a request for online safety named again ("il n'est pas là en ce moment, je veux juste
    trouver quelqu'un pour vérifier mon téléphone"): the same request, its need said twice
    (``kept``: the request's needs; ``found``: the message's ``actions.needs.Understanding``)."""
    if SAFETY_NEED not in kept or not found.needs or SAFETY_NEED in found.needs:
        return False
    if not (after_danger or safety.denies_danger(text)):
        return False
    device_only = set(found.needs) <= _DEVICE_NEEDS or SAFETY_NEED in found.choices
    return device_only and not _LESSONS.search(labels.fold(text).replace("\u2019", "'"))


def _without_a_past_danger(text: str, found) -> None:
    """A danger told as over ("j'ai quitté mon conjoint violent il y a deux ans, tout va bien
    maintenant, je voudrais apprendre l'ordinateur"): background, not online safety to learn —
    unless the words ask for it ("sécuriser mon téléphone")."""
    if SAFETY_NEED not in found.needs or not safety.told_as_past(text):
        return
    from actions import needs  # it reads situations through this module: imported here

    if SAFETY_NEED not in needs.detect(text).needs:
        found.needs = [k for k in found.needs if k != SAFETY_NEED] or found.needs
        found.choices = [k for k in found.choices if k != SAFETY_NEED]


def _said_already(messages: list[dict], line: str) -> bool:
    return any(line in (m.get("text") or "") for m in messages)


def _out_of_the_places(messages: list[dict], line: str) -> None:
    """``line`` taken out of the lines beside the places: it goes before them."""
    for m in messages:
        custom = (m.get("custom") or {}).get("orienteur") or {}
        if line in (custom.get("lines") or []):
            custom["lines"] = [k for k in custom["lines"] if k != line] or None


def say_at_once(dispatcher: CollectingDispatcher, start: int, text: str) -> None:
    """The lines that cannot wait for ``text``, put first among the messages sent from ``start``
    on, unless one of them says it already; beside the places, a line would come after them (the
    town in the message): it goes first, once."""
    sent = dispatcher.messages[start:]
    lines = [line for line in helplines.lines_at_once(text) if not _said_already(sent, line)]
    for line in lines:
        _out_of_the_places(sent, line)
    if lines:
        first = CollectingDispatcher()
        first.utter_message(text=" ".join(lines))
        dispatcher.messages[start:start] = first.messages
