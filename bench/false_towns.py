"""How often a town is read from a first message that names none, and found in one that does.

The texts are every first message of actions/data/first_messages_*.yml (hand-kept examples):
those tagged with no place (none of ``PLACE_TAGS``) must give no town; those tagged with one
should. Only the readings in code are measured (the tail guess of a sentence, and with
``--after`` also ``town_in_message``); the NLU's ``location`` entity is not. Prints figures.

    python bench/false_towns.py [--nlu models/orienteur.tar.gz]

2026-12-06, 4 420 messages (2 624 without a place tag, 1 796 with one): before, towns read in 4
messages without a place tag (2 false: "sur place" read as Placé, "sur école directe"), a town
in 120 of those with one (6.7 %); after, 73 (1 false, "école directe", from the tail guess
kept as it was: 0.04 % against 0.08 %; the 72 others are real towns the tags missed), and 1 670
(93.0 %). Untagged messages that name a town are many: the false ones were read by hand.
With the model's entity first (--nlu, model of 2026-12-06 03:30): a place read in 120/2 624
(4.6 %) before and 124 (4.7 %) after; the 5 the change adds are real towns (Saint-Julien,
Bastia, Montbéliard, Bourganeuf, Limoges), the one it removes is "sur place"; the model's own
false tags ("Mme T", "Noël", "Orange", "Note Mission"…) are the same before and after. Messages
naming a town: 1 607/1 796 (89.5 %) before, 1 742 (97.0 %) after.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actions import actions  # noqa: E402
from directory_client import Locator  # noqa: E402

PLACE_TAGS = frozenset({"place", "town", "small_town", "big_city", "commune", "postcode"})


def tail_only(text: str) -> str | None:
    """The reading before ``town_in_message``: the end of the sentence only."""
    tail = actions._TAIL_PLACE.search(actions.clean_text(text))
    if tail and not actions._NOT_A_PLACE.match(tail.group(1)):
        result = actions.get_locator().locate(tail.group(1)[:120])
        if actions.plausible_guess(tail.group(1), result):
            return tail.group(1)
    return None


def with_names(text: str) -> str | None:
    guessed = actions.guess_place(text)
    return guessed[0] if guessed else None


def messages() -> list[dict]:
    found = []
    for path in sorted((ROOT / "actions" / "data").glob("first_messages_*.yml")):
        found.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return found


def nlu_places(model: str, texts: list[str]) -> dict[str, list[str]]:
    """The ``location`` entities the trained model tags in each text (those the actions keep)."""
    import asyncio

    from rasa.core.agent import Agent

    agent = Agent.load(model)

    async def parse_all() -> dict[str, list[str]]:
        out = {}
        for text in texts:
            parsed = await agent.parse_message(text)
            out[text] = [
                e["value"] for e in parsed["entities"]
                if e["entity"] == "location" and not actions._NOT_A_PLACE.match(str(e["value"]))
            ]  # fmt: skip
        return out

    return asyncio.run(parse_all())


def main() -> None:
    actions.set_backends(locator=Locator())  # the gazetteer alone, as the action server's
    examples = messages()
    without = [e for e in examples if not PLACE_TAGS & set(e.get("tags") or ())]
    placed = [e for e in examples if PLACE_TAGS & set(e.get("tags") or ())]
    if len(sys.argv) > 2 and sys.argv[1] == "--nlu":  # the model's entity first, as the actions
        tagged = nlu_places(sys.argv[2], [e["text"] for e in examples])
        print(
            f"the model tags a location in {sum(1 for e in without if tagged[e['text']])}"
            f"/{len(without)} messages without a place tag, "
            f"{sum(1 for e in placed if tagged[e['text']])}/{len(placed)} with one"
        )
        for e in without:
            if tagged[e["text"]]:
                print(f"    NLU {tagged[e['text']]} <- {e['text'][:110]!r}")

        def nlu_first(read):
            return lambda text: tagged[text] or read(text)

        readers = (("before, with the NLU", nlu_first(tail_only)),
                   ("after, with the NLU", nlu_first(with_names)))  # fmt: skip
    else:
        readers = (("before (tail of the sentence)", tail_only), ("after", with_names))
    for name, read in readers:
        wrong = [(e["text"], read(e["text"])) for e in without]
        wrong = [(text, town) for text, town in wrong if town]
        hits = sum(1 for e in placed if read(e["text"]))
        print(
            f"{name}: towns read in {len(wrong)}/{len(without)} messages naming none "
            f"({100 * len(wrong) / len(without):.1f} %); a town read in {hits}/{len(placed)} "
            f"messages naming one ({100 * hits / len(placed):.1f} %)"
        )
        for text, town in wrong:
            print(f"    {town!r} <- {text[:110]!r}")


if __name__ == "__main__":
    main()
