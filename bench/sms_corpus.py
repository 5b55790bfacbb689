"""The frozen corpus's first messages sent by SMS: what a person without a smartphone app receives.

    python -m bench.sms_corpus [--model models/orienteur.tar.gz] [--limit N] [--concurrency 4]

Starts the assistant with the production runner (``python -m bot run --no-train``), its Twilio
channel opened by the environment and pointed at a local fake of Twilio's Messages API
(tests/channels_support.py). Each case of tests/corpus/first_messages.yml is one person texting
its first message, then answering the assistant's questions the way the REST corpus player does
(tests/corpus_runner.py: the case's ``reply_location``, ``reply_need``, mode), at most
``MAX_TURNS`` messages, until a recommendation arrives.

Prints, over the first recommendation of each case: segments per recommendation (p50, p95,
max), and the share of the recommended places one can reach without internet (a phone, or
known opening hours), read from the SMS the person receives.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bot.channels import render
from bot.channels.sms_text import segments, to_gsm7
from tests.channels_support import Twilio, new_sender
from tests.corpus_runner import MAX_TURNS, MODE_REPLIES, QUESTION_MARKERS, load
from tests.make_run import run_with_fake_twilio
from tests.rasa_stack import NO_MODEL, find_model

NO_CONTACT = to_gsm7(render.NO_CONTACT)
NO_CONTACT_NO_HOURS = to_gsm7(render.NO_CONTACT_NO_HOURS)


@dataclass
class Received:
    """The first recommendation a case got by SMS, read as the person reads it."""

    segments: int
    places: int
    with_phone: int
    with_phone_or_hours: int


def read_recommendation(body: str) -> Received | None:
    """A recommendation is one SMS whose places each have a contact line: "Tél …", or that
    there is no phone (with or without known hours). Numbered choices are not one."""
    lines = body.split("\n")
    if any(line.startswith("Répondez") for line in lines):
        return None
    phone = sum(line.startswith("Tél ") for line in lines)
    no_phone = lines.count(NO_CONTACT)
    nothing = lines.count(NO_CONTACT_NO_HOURS)
    places = phone + no_phone + nothing
    if not places:
        return None
    return Received(segments(body), places, phone, phone + no_phone)


def question_of(replies: list[str]) -> str | None:
    """What the assistant asks, read from its SMS (folded to GSM-7 like the markers)."""
    text = to_gsm7(" ".join(replies).lower())
    for marker, kind in QUESTION_MARKERS:
        if to_gsm7(marker) in text:
            return kind
    return None


def play(sms: Twilio, case: dict) -> tuple[Received | None, int]:
    """→ (the first recommendation, questions the person could not read)."""
    sender, said, need_asked, unread = new_sender(), case["text"], False, 0
    for _turn in range(MAX_TURNS):
        replies = sms.turn(sender, said, quiet=1.0)
        for body in replies:
            received = read_recommendation(body)
            if received is not None:
                return received, unread
        question = question_of(replies)
        if question == "danger":
            said = "non"
        elif question in ("location", "choice"):
            said = case.get("reply_location") or case["text"]
        elif question == "need":
            said, need_asked = case.get("reply_need") or case["text"], True
        elif question == "mode":
            said = MODE_REPLIES.get(case.get("mode"), MODE_REPLIES[None])
        else:
            unread += 1
            reply = case.get("reply_location") if need_asked else case.get("reply_need")
            said, need_asked = reply or case["text"], True
    return None, unread


def percentile(values: list[int], share: float) -> int:
    return sorted(values)[round(share * (len(values) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N cases")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    model = args.model or find_model()
    if model is None:
        print(NO_MODEL, file=sys.stderr)
        return 2
    cases = load("first_messages.yml")[: args.limit]
    with run_with_fake_twilio(Path(tempfile.mkdtemp(prefix="sms-corpus-")), model) as assistant:
        sms = Twilio(assistant.twilio, assistant.rasa_url)
        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            outcomes = list(pool.map(lambda case: play(sms, case), cases))
        played = time.perf_counter() - started
    received = [r for r, _ in outcomes if r is not None]
    cost = [r.segments for r in received]
    places = sum(r.places for r in received)
    print(f"cases: {len(cases)}; a recommendation by SMS within {MAX_TURNS} messages: "
          f"{len(received)} ({len(received) / len(cases):.1%})")
    if received:
        print(f"segments per recommendation: p50 {statistics.median(cost):.0f}, "
              f"p95 {percentile(cost, 0.95)}, max {max(cost)}; "
              f"at most 4: {sum(c <= 4 for c in cost) / len(cost):.1%}")
        print(f"places recommended: {places}; with a phone or known hours: "
              f"{sum(r.with_phone_or_hours for r in received) / places:.1%}; "
              f"with a phone: {sum(r.with_phone for r in received) / places:.1%}")
    print(f"questions the simulated person could not read: {sum(u for _, u in outcomes)}")
    print(f"played in {played:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
