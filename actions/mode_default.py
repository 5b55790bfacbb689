"""The mode question ("Voulez-vous que quelqu'un fasse la démarche avec vous, ou préférez-vous
apprendre ?") asked once, repeated at most once: a reply that does not choose ("plus près ?",
"c'est ouvert le samedi ?") gets it again once; a second such reply, or "je sais pas", takes the
default (someone helps: ``DEFAULT``), said in one short line, and the places come. Pure readers;
``actions.actions.take_mode_reply`` sends the answer."""

from __future__ import annotations

import re

from actions import needs as needs_mod

DEFAULT = "avec_moi"
AWAITING = "mode"
# The slot that holds the count of the person's messages when the question was repeated: the next
# message that does not choose either takes the default.
REPEATED_AT = "mode_repeated_at"

# Intents whose actions answer on their own ("d'autres lieux" gives places as before): never read
# as a reply to the question.
OWN_INTENTS = (
    "more_results", "restart", "change_location", "human_handoff", "forget_me", "send_it",
    "report_place", "notify_place",
)  # fmt: skip
_UNSURE = re.compile(
    r"\b(?:(?:je |j )?(?:ne )?(?:sais|sait|sai)(?: pas| po|pa)\b|jsp|chais pas|chai pas"
    r"|aucune idee|peu importe|n importe|comme vous voulez|ca m est egal|egal|bof|les deux"
    r"|je ne sais|hesite)"
)


def _folded(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", needs_mod.fold(text or "")).strip()


def unsure(text: str) -> bool:
    """ "je sais pas", "jsp", "peu importe", "les deux": no choice, said as such."""
    folded = _folded(text)
    return 0 < len(folded.split()) <= 8 and bool(_UNSURE.search(folded))


def user_turns(events: list[dict]) -> int:
    """How many messages the person has sent in the conversation so far."""
    return sum(1 for e in events if e.get("event") == "user")
