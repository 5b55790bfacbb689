"""How often a town is read where none is named, and found where one is. Prints figures.

Two sets of first messages:
- every first message of actions/data/first_messages_*.yml (hand-kept examples): those tagged
  with no place (none of ``PLACE_TAGS``) must give no town, those tagged with one should;
- ``CASES``: words the NLU model or the code took for a town and that are none (a person in a
  desk note, "pour Noël", Orange the operator, Free, SFR, Bouygues, a month, a first name), and
  the real towns beside them ("j'habite à Orange", "Orange 84100", "je suis à Noël-Cerneux"),
  each with the commune expected (its INSEE code) or none.

A message is read as the action reads a first message (``actions.location_reply.resolve_location``):
the model's ``location`` entities the actions keep, else a town guessed in the words. What
counts is what the person sees: a town taken, towns offered to choose from, or "Je ne trouve
pas « … »" asked back. Without ``--nlu``, the code alone (no entity); with it, the model's
intent and entities, parsed once and kept in ``--parses`` (JSON) for the next run.

    python bench/false_towns.py [--nlu models/orienteur.tar.gz] [--parses var/false-towns.json]

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

2026-12-06, one guard for every town read (``directory_client.town_words``), model of 06:05:
see docs/benchmarks.md ("False towns") for the figures before (e5e6d63) and after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasa_sdk import Tracker  # noqa: E402
from rasa_sdk.executor import CollectingDispatcher  # noqa: E402

from actions import (  # noqa: E402
    backends,
    location_reply,
    message_text,
    state,
)
from actions import needs as needs_mod  # noqa: E402
from directory_client import Locator  # noqa: E402

PLACE_TAGS = frozenset({"place", "town", "small_town", "big_city", "commune", "postcode"})
ORANGE, NOEL_CERNEUX, ROUBAIX, LILLE = "84087", "25425", "59512", "59350"
# (first message, the commune it names or None). Written for this bench from the words the model
# and the code took for towns (bench figures of round 15, the desk notes of the first messages).
CASES: tuple[tuple[str, str | None], ...] = (
    # A person in a desk note.
    ("Mme T., 88 ans, seule, demande qu'on lui apprenne à répondre aux appels vidéo", None),
    ("Mme T. (bénéf. AAH) demande de l'aide pour remplir le dossier MDPH en ligne", None),
    ("M. Martin, 75 ans, dossier retraite, pas d'ordinateur", None),
    ("Note accueil : Mme T. n'a pas de smartphone, doit justifier son identité pour la CAF", None),
    ("Monsieur Martin ne sait pas se servir de sa boîte mail", None),
    # A holiday, a month.
    ("pour Noël je voudrais offrir une tablette à ma mère, comment choisir ?", None),
    ("Pour Noël, mes petits-enfants m'ont offert un smartphone, je ne sais pas m'en servir", None),
    ("je dois faire ma déclaration avant le 15 mars", None),
    ("depuis Pâques mon ordinateur ne s'allume plus", None),
    # Operators.
    ("ma box Orange ne marche plus", None),
    ("mon forfait Orange est trop cher, je veux comprendre ma facture", None),
    ("je suis allé à la boutique Orange mais ils ne m'ont pas aidé", None),
    ("Orange m'a coupé internet, je dois faire ma demande CAF", None),
    ("j'ai écrit à Orange pour ma facture et personne ne répond", None),
    ("je suis abonné à Orange et je ne comprends pas ma facture", None),
    ("ma box Free ne marche plus depuis lundi", None),
    ("j'ai un problème avec mon abonnement SFR", None),
    ("Bouygues m'a envoyé une facture que je ne comprends pas", None),
    ("C'est la guerre entre moi et la box Orange. Des ateliers pour régler le wifi ?", None),
    # First names.
    ("Marie m'a dit de faire ma demande de retraite en ligne", None),
    ("Robert m'a dit d'aller à la CAF pour mon dossier", None),
    ("mon fils Lucas veut apprendre à coder", None),
    # Real towns.
    ("j'habite à Orange, je voudrais de l'aide pour la CAF", ORANGE),
    ("je suis à Orange et ma box ne marche plus", ORANGE),
    ("Orange 84100", ORANGE),
    ("aide pour ma retraite, Orange (84)", ORANGE),
    ("je suis à Noël-Cerneux, je voudrais apprendre internet", NOEL_CERNEUX),
    ("dame 80 ans, dossier retraite, Roubaix, pas d'ordi", ROUBAIX),
    ("Mme T., 80 ans, dossier retraite, Roubaix", ROUBAIX),
    ("ma box Orange ne marche plus, j'habite à Lille", LILLE),
)


def first_messages() -> list[dict]:
    found = []
    for path in sorted((ROOT / "actions" / "data").glob("first_messages_*.yml")):
        found.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return found


def parse_all(model: str, texts: list[str], cache: Path | None) -> dict[str, dict]:
    """The model's intent and entities for each text (kept in ``cache``)."""
    parsed: dict[str, dict] = {}
    if cache is not None and cache.exists():
        parsed = json.loads(cache.read_text(encoding="utf-8"))
    missing = [t for t in dict.fromkeys(texts) if t not in parsed]
    if missing:
        from rasa.core.agent import Agent

        agent = Agent.load(model)

        async def parse() -> None:
            for text in missing:
                message = await agent.parse_message(text)
                parsed[text] = {"intent": message["intent"], "entities": message["entities"]}

        asyncio.run(parse())
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps(parsed, ensure_ascii=False), encoding="utf-8")
    return parsed


def read_town(text: str, parsed: dict | None) -> tuple[str, str] | None:
    """What the person sees of a town read in a first message: ("town", INSEE code), ("choice",
    codes), ("not found", the words asked back), or None."""
    intent = (parsed or {}).get("intent") or {"name": "ask_help", "confidence": 1.0}
    message = {"text": text, "intent": intent, "entities": (parsed or {}).get("entities") or []}
    tracker = Tracker("bench", {}, message, [], False, None, {}, "action_listen")
    conversation = state.State(tracker)
    dispatcher = CollectingDispatcher()
    cleaned = message_text.clean_text(text)
    found = needs_mod.read(cleaned, by_meaning=False)
    location_reply.resolve_location(
        dispatcher, conversation, tracker, needs_mod.without_distance(cleaned), found
    )
    if conversation.location:
        where = conversation.location
        return "town", str(where.get("code_insee") or where.get("label"))
    if conversation.choices:
        return "choice", "/".join(str(c.get("code_insee")) for c in conversation.choices)
    asked = [m for m in dispatcher.messages if m.get("response") == "utter_location_not_found"]
    if asked:
        return "not found", str(asked[0].get("place"))
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nlu", help="the trained model: its entities read first")
    parser.add_argument("--parses", type=Path, help="JSON cache of the model's parses")
    args = parser.parse_args()
    backends.set_backends(locator=Locator())  # the gazetteer alone, as the action server's
    examples = first_messages()
    texts = [e["text"] for e in examples] + [text for text, _ in CASES]
    parsed = parse_all(args.nlu, texts, args.parses) if args.nlu else {}
    reading = "the model's entities, then the words" if args.nlu else "the words alone (no NLU)"
    print(f"reading: {reading}")

    without = [e["text"] for e in examples if not PLACE_TAGS & set(e.get("tags") or ())]
    placed = [e["text"] for e in examples if PLACE_TAGS & set(e.get("tags") or ())]
    wrong = [(text, read) for text in without if (read := read_town(text, parsed.get(text)))]
    hits = sum(1 for text in placed if read_town(text, parsed.get(text)))
    print(
        f"first messages: a town read in {len(wrong)}/{len(without)} messages with no place tag "
        f"({100 * len(wrong) / len(without):.1f} %); in {hits}/{len(placed)} messages with one "
        f"({100 * hits / len(placed):.1f} %)"
    )
    for text, read in wrong:
        print(f"    {read[0]} {read[1]} <- {text[:110]!r}")

    false_towns = real_right = 0
    for text, expected in CASES:
        read = read_town(text, parsed.get(text))
        right = read == ("town", expected) if expected else read is None
        false_towns += bool(expected is None and read)
        real_right += bool(expected and right)
        print(f"  {'ok ' if right else 'BAD'} {read} <- {text!r}")
    none = sum(1 for _, expected in CASES if expected is None)
    print(
        f"cases: a town read in {false_towns}/{none} that name none; the right town in "
        f"{real_right}/{len(CASES) - none} that name one"
    )


if __name__ == "__main__":
    main()
