"""What a recommendation costs by SMS: segments per answer, the share of places one can reach
without internet (a phone, or known opening hours) and the share of places whose street the SMS
keeps (of those whose record has one), on the embedded directory.

    python -m bench.sms_segments

Each of 3 needs in 20 communes (metropolitan and overseas) goes through the real action
(``action_orient``) and the SMS renderer (``bot.channels.render.sms_body``), with the menu (the
first answer of a conversation) and without it (the later ones).
"""

from __future__ import annotations

import asyncio
import statistics

from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import backends
from bot.channels import render
from bot.channels.sms_text import segments, to_gsm7
from directory_client import Directory, Locator
from tests.conftest_actions import tracker

TOWNS = ("Roubaix", "Angoulême", "Valence (26)", "Lyon", "Marseille", "Brest", "Limoges",
         "Nouméa", "Saint-Denis (974)", "Cayenne", "Ajaccio", "Lille", "Rennes", "Tulle", "Mende",
         "Guéret", "Foix", "Pau", "Amiens", "Dijon")  # fmt: skip
NEEDS = ("je dois faire ma demande CAF", "apprendre à me servir de mon téléphone",
         "je n'ai pas internet")  # fmt: skip


def p95(values: list[int]) -> int:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def street_of(place: dict) -> str:
    """The street of a place's address ("3 RUE DE LA FUSTERIE, 66000 PERPIGNAN"): its first part
    with a number, before the postcode and town; "" when the record has none."""
    parts = [p.strip() for p in (place.get("address") or "").split(",")]
    return next((p for p in parts[:-1] if any(c.isdigit() for c in p)), "")


def street_kept(place: dict, body: str) -> bool:
    return to_gsm7(street_of(place)) in body


def main() -> None:
    directory = Directory()
    directory.ensure_loaded()
    backends.set_backends(directory, Locator(directory=directory))
    first, later, reachable, streets = [], [], [], []
    for town in TOWNS:
        where = backends.get_locator().locate(town).best
        for need in NEEDS:
            slots = {"location": where.to_dict(), "mode": "avec_moi"}
            turn = tracker(need, "ask_help", slots=slots)
            dispatcher = CollectingDispatcher()
            asyncio.run(A.ActionOrient().run(dispatcher, turn, {}))
            for message in dispatcher.messages:
                reco = render.recommendation_of(message.get("custom"))
                if not (reco and reco.get("results")):
                    continue
                body, places = render.sms_body(message.get("text"), reco, menu=True)
                first.append(segments(body))
                later.append(segments(render.sms_body(message.get("text"), reco, menu=False)[0]))
                reachable += [render.reachable(p) for p in places]
                streets += [street_kept(p, body) for p in places if street_of(p)]
    print(f"recommendations: {len(first)} ({len(TOWNS)} communes × {len(NEEDS)} needs)")
    print(f"GSM-7 segments, first answer (with the menu): p50 {statistics.median(first):g}, "
          f"p95 {p95(first)}, max {max(first)}")  # fmt: skip
    print(f"GSM-7 segments, later answers: p50 {statistics.median(later):g}, p95 {p95(later)}, "
          f"max {max(later)}")  # fmt: skip
    print(f"places with a phone or known hours: {sum(reachable)}/{len(reachable)} "
          f"({100 * sum(reachable) / len(reachable):.0f} %)")  # fmt: skip
    print(f"places with a street whose street the first SMS keeps: {sum(streets)}/{len(streets)} "
          f"({100 * sum(streets) / len(streets):.0f} %)")  # fmt: skip


if __name__ == "__main__":
    main()
