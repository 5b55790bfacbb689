"""What a situation changes before the places: the need it is, and the line that cannot wait.

- Spied on by a partner or an ex ("mon ex me surveille avec une appli sur mon téléphone"): the
  need is online safety (``securite``), not learning the phone; the 3919 goes beside the places
  (``actions.helplines.REMOTE_LINES``).
- A card given away, a bank account hacked, nowhere to sleep tonight: the line (opposition, the
  115) goes out with the first answer, before any question (the town, the need)
  (``actions.helplines.AT_ONCE``).
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions import helplines, situations

SAFETY_NEED = "securite"
# Situations that are a need for online safety, whatever else the words read as.
SAFETY_SITUATIONS = frozenset(
    {situations.SURVEILLANCE, situations.BANK_CARD, situations.SCAM_MESSAGE,
     situations.HARASSMENT_ONLINE}
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
        return
    found.needs = [SAFETY_NEED]
    found.procedures = []
    found.choices = []


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
