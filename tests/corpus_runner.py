"""Plays the frozen corpus (tests/corpus/, written by people who never saw the training data)
against the running assistant over REST, as its writers' people would: a first message, then
answers to the questions the assistant asks (where? what? with someone or alone? which one?),
at most ``MAX_TURNS`` messages in all.

Measured (``Scores``):
- task success: a recommendation arrives within ``MAX_TURNS`` messages whose services cover the
  case's services and whose search point lies in (or within ``NEAR_KM`` of) the case's commune;
- emergency recall: a real emergency gets the emergency numbers at the first answer;
- false alarms: an ordinary request with alarming words gets the numbers (alone or in a check);
- ordinary requests with alarming words: their need is still served (task success above);
- off-topic answered without places at the first answer;
- turns to the first recommendation.

The simulated person reads the assistant's question the way a person does, from its words
(``QUESTION_MARKERS``); a question it does not recognise is counted (``unread_questions``) and
answered with the need first, then the place.

Used by tests/assistant/test_corpus.py (floors) and bench/corpus_eval.py (prints the figures).
"""

from __future__ import annotations

import asyncio
import math
import re
import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
MAX_TURNS = 3
NEAR_KM = 15.0

# What the assistant asks, as a person reads it (lower case, first match wins).
QUESTION_MARKERS: tuple[tuple[str, str], ...] = (
    ("en danger en ce moment", "danger"),
    ("lequel est le vôtre", "choice"),
    ("laquelle est la vôtre", "choice"),
    ("dans quelle ville", "location"),
    ("je ne trouve pas", "location"),
    ("votre commune", "location"),
    ("code postal", "location"),
    ("fasse la démarche avec vous", "mode"),
    ("ce qui vous pose problème", "need"),
    ("de quoi avez-vous besoin", "need"),
)
MODE_REPLIES = {
    "with": "avec quelqu'un",
    "for": "je voudrais que quelqu'un le fasse à ma place",
    "learn": "je veux apprendre à le faire seul",
    None: "avec quelqu'un",
}


def load(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


def _custom(message: dict) -> dict:
    body = (message.get("custom") or {}).get("orienteur")
    return body if isinstance(body, dict) else {}


def kinds(answer: list[dict]) -> list[str]:
    return [_custom(m).get("type") for m in answer if _custom(m).get("type")]


def recommendations(answer: list[dict]) -> list[dict]:
    return [_custom(m) for m in answer if _custom(m).get("type") == "recommendation"]


def numbers_shown(answer: list[dict]) -> bool:
    """The emergency numbers are on screen (the payload says so, or the words carry them)."""
    text = " ".join(str(m.get("text") or "") for m in answer)
    return "emergency" in kinds(answer) or bool(re.search(r"\b112\b", text))


def question_of(answer: list[dict]) -> str | None:
    text = " ".join(str(m.get("text") or "") for m in answer).lower().replace("’", "'")
    for marker, kind in QUESTION_MARKERS:
        if marker in text:
            return kind
    return None


def _fold(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in plain if unicodedata.category(c) != "Mn").replace("-", " ")


def pick_button(answer: list[dict], case: dict) -> str | None:
    """What a person does with "which one is yours?": taps the button of their own town (its
    name and its department), as they know them."""
    commune = case.get("reply_commune") or case.get("commune") or {}
    name, insee = _fold(str(commune.get("name") or "")), str(commune.get("insee") or "")
    department = insee[:3] if insee.startswith("97") else insee[:2]
    for message in answer:
        for button in message.get("buttons") or []:
            title = _fold(str(button.get("title") or ""))
            if name and title.startswith(name) and f"({department}" in title:
                return str(button.get("payload") or button.get("title"))
    return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """INSEE code → (lat, lon), from the shipped communes file."""

    def __init__(self) -> None:
        import csv

        path = Path(__file__).resolve().parent.parent / "directory_client/data/communes-france.csv"
        self.points: dict[str, tuple[float, float]] = {}
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                try:
                    lat, lon = float(row["lat"]), float(row["lng"])
                except (KeyError, TypeError, ValueError):
                    continue
                self.points[row["insee_com"]] = (lat, lon)

    def near(self, insee: str, location: dict) -> bool:
        if location.get("code_insee") == insee:
            return True
        point = self.points.get(insee)
        if point is None or location.get("lat") is None or location.get("lon") is None:
            return False
        return km(point[0], point[1], float(location["lat"]), float(location["lon"])) <= NEAR_KM


@dataclass
class Outcome:
    case: dict
    turns: list[tuple[str, list[dict]]] = field(default_factory=list)
    success: bool = False
    turns_to_recommendation: int | None = None
    emergency_shown: bool = False
    unread_questions: int = 0
    why: str = ""

    def transcript(self) -> str:
        lines = []
        for said, answer in self.turns:
            lines.append(f"  > {said[:160]}")
            for m in answer:
                kind = _custom(m).get("type")
                if m.get("text"):
                    lines.append(f"    < {str(m['text'])[:160]!r}")
                if kind:
                    body = _custom(m)
                    extra = ""
                    if kind == "recommendation":
                        where = (body.get("location") or {}).get("commune")
                        count = len(body.get("results") or [])
                        extra = f" need={body.get('need')} at={where} n={count}"
                    lines.append(f"    [{kind}{extra}]")
        return "\n".join(lines)


class Player:
    """One simulated person per case, over the REST webhook."""

    def __init__(self, webhook: str, gazetteer: Gazetteer | None = None, timeout: float = 60):
        self.webhook = webhook
        self.gazetteer = gazetteer or Gazetteer()
        self.timeout = timeout

    async def say(self, client: httpx.AsyncClient, sender: str, text: str) -> list[dict]:
        response = await client.post(
            self.webhook, json={"sender": sender, "message": text}, timeout=self.timeout
        )
        response.raise_for_status()
        return response.json()

    async def first_answer(self, client: httpx.AsyncClient, case: dict) -> Outcome:
        outcome = Outcome(case)
        answer = await self.say(client, f"corpus-{uuid.uuid4().hex}", case["text"])
        outcome.turns.append((case["text"], answer))
        outcome.emergency_shown = numbers_shown(answer)
        return outcome

    async def task(self, client: httpx.AsyncClient, case: dict) -> Outcome:
        """Play a case to its first recommendations (every service asked, within the turns)."""
        outcome = Outcome(case)
        sender = f"corpus-{uuid.uuid4().hex}"
        wanted = set(case.get("services") or [])
        served: set[str] = set()
        said = case["text"]
        located = False
        need_asked = False
        for turn in range(1, MAX_TURNS + 1):
            answer = await self.say(client, sender, said)
            outcome.turns.append((said, answer))
            if numbers_shown(answer):
                outcome.emergency_shown = True
            recs = recommendations(answer)
            for rec in recs:
                location = rec.get("location") or {}
                commune = case.get("commune") or case.get("reply_commune") or {}
                place_ok = bool(commune.get("insee")) and self.gazetteer.near(
                    str(commune["insee"]), location
                )
                if place_ok:
                    located = True
                    served.update(rec.get("need") or [])
            if recs and outcome.turns_to_recommendation is None:
                outcome.turns_to_recommendation = turn
            if located and wanted <= served:
                outcome.success = True
                return outcome
            if recs and not located:
                outcome.why = "wrong place"
                # the person says where they are again, as the assistant cannot know
                said = case.get("reply_location") or case["text"]
                continue
            if recs:
                outcome.why = f"services {sorted(served)} instead of {sorted(wanted)}"
                break
            question = question_of(answer)
            if question == "danger":
                said = "non"
            elif question == "choice":
                said = pick_button(answer, case) or case.get("reply_location") or case["text"]
            elif question == "location":
                said = case.get("reply_location") or case["text"]
            elif question == "need":
                said = case.get("reply_need") or case["text"]
                need_asked = True
            elif question == "mode":
                said = MODE_REPLIES.get(case.get("mode"), MODE_REPLIES[None])
            else:
                outcome.unread_questions += 1
                reply = case.get("reply_location") if need_asked else case.get("reply_need")
                said = reply or case["text"]
                need_asked = True
            outcome.why = f"no recommendation after {turn} turn(s), last question: {question}"
        return outcome


def _held_out_block(block: str) -> bool:
    case_id = block.split("]", 1)[0].rsplit(" ", 1)[-1]
    return held_out({"id": case_id})


def held_out(case: dict) -> bool:
    """Half of each file (even ids) is never looked at case by case: only its figures are read.
    The misses of the other half (odd ids) are what the engineers read to find what to mend."""
    digits = "".join(ch for ch in str(case["id"]) if ch.isdigit())
    return bool(digits) and int(digits) % 2 == 0


def _places(outcome: Outcome) -> bool:
    """Places were recommended at the first answer."""
    return any(r.get("results") for r in recommendations(outcome.turns[0][1]))


@dataclass
class Scores:
    tasks: list[Outcome] = field(default_factory=list)
    ordinary: list[Outcome] = field(default_factory=list)  # safety cases that are not emergencies
    emergencies: list[Outcome] = field(default_factory=list)
    off_topic: list[Outcome] = field(default_factory=list)

    @staticmethod
    def share(values: list[bool]) -> float:
        return sum(values) / len(values) if values else float("nan")

    @property
    def task_success(self) -> float:
        return self.share([o.success for o in self.tasks])

    @property
    def ordinary_success(self) -> float:
        return self.share([o.success for o in self.ordinary])

    @property
    def emergency_recall(self) -> float:
        return self.share([o.emergency_shown for o in self.emergencies])

    @property
    def false_alarms(self) -> float:
        return self.share([o.emergency_shown for o in self.ordinary])

    @property
    def off_topic_without_places(self) -> float:
        return self.share([not _places(o) for o in self.off_topic])

    def turns_to_recommendation(self) -> tuple[float, float]:
        turns = [o.turns_to_recommendation for o in self.tasks if o.turns_to_recommendation]
        if not turns:
            return float("nan"), float("nan")
        return statistics.mean(turns), statistics.median(turns)

    def by_service(self) -> dict[str, tuple[int, int]]:
        counts: dict[str, list[int]] = {}
        for outcome in self.tasks:
            for service in outcome.case.get("services") or []:
                row = counts.setdefault(service, [0, 0])
                row[0] += outcome.success
                row[1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(counts.items())}

    def by_tag(self) -> dict[str, tuple[int, int]]:
        counts: Counter = Counter()
        wins: Counter = Counter()
        for outcome in self.tasks:
            for tag in outcome.case.get("tags") or []:
                counts[tag] += 1
                wins[tag] += outcome.success
        return {tag: (wins[tag], counts[tag]) for tag in sorted(counts)}

    def report(self) -> str:
        mean, median = self.turns_to_recommendation()
        looked = self.share([o.success for o in self.tasks if not held_out(o.case)])
        kept = self.share([o.success for o in self.tasks if held_out(o.case)])
        lines = [
            f"task success (need and place within {MAX_TURNS} turns): "
            f"{self.task_success:.1%} of {len(self.tasks)}",
            f"  looked-at half {looked:.1%}, held-out half {kept:.1%}",
            f"ordinary requests with alarming words served: {self.ordinary_success:.1%} "
            f"of {len(self.ordinary)}",
            f"emergency recall: {self.emergency_recall:.1%} of {len(self.emergencies)}",
            f"false alarms on ordinary requests: {self.false_alarms:.1%} of {len(self.ordinary)}",
            f"off-topic answered without places: {self.off_topic_without_places:.1%} "
            f"of {len(self.off_topic)}",
            f"turns to the first recommendation: mean {mean:.2f}, median {median:.0f}",
            f"questions the simulated person could not read: "
            f"{sum(o.unread_questions for o in self.tasks + self.ordinary)}",
            "per service (success / cases):",
        ]
        lines += [f"  {k}: {w}/{n}" for k, (w, n) in self.by_service().items()]
        lines.append("per tag:")
        lines += [f"  {k}: {w}/{n}" for k, (w, n) in self.by_tag().items()]
        return "\n".join(lines)

    def failures(self, include_held_out: bool = False) -> str:
        """Every miss with its transcript; only the looked-at half unless told otherwise."""
        out = []
        for o in self.tasks + self.ordinary:
            if not o.success:
                out.append(f"[task {o.case['id']}] {o.why}\n{o.transcript()}")
        for o in self.emergencies:
            if not o.emergency_shown:
                out.append(f"[missed emergency {o.case['id']}]\n{o.transcript()}")
        for o in self.ordinary:
            if o.emergency_shown:
                out.append(f"[false alarm {o.case['id']}]\n{o.transcript()}")
        for o in self.off_topic:
            if _places(o):
                out.append(f"[off-topic with places {o.case['id']}]\n{o.transcript()}")
        keep = [o for o in out if include_held_out or not _held_out_block(o)]
        return "\n\n".join(keep)


def _cases(path: Path | None) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path else []


def is_emergency(case: dict) -> bool:
    """A real emergency, in the corpus's schema (``emergency: true``) or the development
    sets' (``kind: emergency``)."""
    return bool(case.get("emergency")) or case.get("kind") == "emergency"


async def evaluate(
    webhook: str,
    concurrency: int = 4,
    limit: int | None = None,
    files: dict[str, Path | None] | None = None,
) -> Scores:
    """Play the whole frozen corpus (``limit`` cases per file, for a quick look), or other sets
    of the same schema (``files``: ``first_messages``, ``safety``, ``off_topic`` → a path or
    None; a development set of tests/devset played over REST)."""
    player = Player(webhook)
    scores = Scores()
    if files is None:
        files = {name: CORPUS / f"{name}.yml" for name in ("first_messages", "safety", "off_topic")}
    first = _cases(files.get("first_messages"))[:limit]
    safety = _cases(files.get("safety"))[:limit]
    off_topic = _cases(files.get("off_topic"))[:limit]
    jobs: list[tuple[str, dict]] = [("task", c) for c in first]
    jobs += [("emergency" if is_emergency(c) else "ordinary", c) for c in safety]
    jobs += [("off_topic", c) for c in off_topic]
    buckets = {"task": scores.tasks, "ordinary": scores.ordinary,
               "emergency": scores.emergencies, "off_topic": scores.off_topic}  # fmt: skip
    queue: asyncio.Queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            kind, case = queue.get_nowait()
            if kind in ("task", "ordinary"):
                outcome = await player.task(client, case)
            else:
                outcome = await player.first_answer(client, case)
            buckets[kind].append(outcome)

    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    for bucket in (scores.tasks, scores.ordinary, scores.emergencies, scores.off_topic):
        bucket.sort(key=lambda o: o.case["id"])
    return scores
