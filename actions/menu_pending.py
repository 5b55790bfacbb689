"""A need menu left pending: after the likeliest needs offered as buttons (« aide ordi »: learn,
a cheap device, papers), a reply that picks none of them (« non », « oui », a question back, a
town) keeps the menu, asked again with the town just given kept; the first option is never used
as if chosen (tester t218 D12). ``offered``: the needs of the last menu; ``picks_nothing``: the
reply read names no need; ``ask_again``: the same menu."""

from __future__ import annotations

from rasa_sdk import Tracker

AWAITING = "need_choice"


def offered(tracker: Tracker) -> list[str]:
    """The needs of the last need menu (the likeliest needs offered as buttons)."""
    from actions import needs as needs_mod

    for e in reversed(tracker.events):
        custom = ((e.get("data") or {}).get("custom") or {}) if e.get("event") == "bot" else {}
        payload = custom.get("orienteur") or {}
        if payload.get("type") == "need_choice":
            return [key for key in payload.get("needs") or [] if key in needs_mod.NEEDS]
    return []


def picks_nothing(awaiting: str | None, needs: list[str], procedures: list[str],
                  button: bool) -> bool:
    """A reply to the need menu that names no need nor procedure (and is no button)."""
    return awaiting == AWAITING and not button and not needs and not procedures
