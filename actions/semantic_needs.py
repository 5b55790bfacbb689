"""Needs read by meaning: the sentence encoder against the annotated NLU examples.

Keywords (``actions.needs.detect``) are precise but only know the words someone thought of;
"je veux créer mon blog" or "mon petit commerce, être visible sur internet" name no keyword. The
NLU examples of ``data/nlu/`` that carry a ``need`` or ``procedure`` annotation are the labelled
sentences: a message takes the need of the examples it is closest to in meaning (the mean of its
best ``TOP_K`` similarities per need), when that is close enough and clearly ahead of the next
need. The examples are the only source: add an annotated example to teach a need a new wording.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from bot import encoder

NLU_DIR = Path(__file__).resolve().parent.parent / "data" / "nlu"
FILES = ("needs.yml", "inform.yml")
TOP_K = 3
MIN_SCORE = 0.42  # below: no need read (the assistant asks)
MIN_MARGIN = 0.03  # the best need must be ahead of the next by this much
# To replace a device need the keywords found ("mon ordinateur fait un bruit bizarre" is not
# online safety), the meaning must be this close: "retoucher mes photos sur mon ordi" is creation.
OVERRIDE_SCORE = 0.5

# Words that ask for help without saying with what: a message made only of these (and of short
# grammatical words) states no need, whatever its vector is closest to.
_GENERIC = frozenset(
    [
        "aide",
        "aider",
        "aidez",
        "aidez-moi",
        "besoin",
        "help",
        "svp",
        "stp",
        "sil",
        "plait",
        "merci",
        "secours",
        "urgent",
        "urgence",
        "vite",
        "sos",
        "bonjour",
        "salut",
        "bonsoir",
        "quelqu",
        "quelqu'un",
        "personne",
        "peut",
        "pouvez",
        "pourriez",
        "voudrais",
        "veux",
        "voulais",
        "faut",
        "dois",
        "probleme",
        "problemes",
        "souci",
        "soucis",
        "truc",
        "chose",
        "choses",
        "faire",
        "fait",
        "comment",
        "rien",
        "marche",
        "arrive",
        "pas",
        "plus",
        "tres",
        "trop",
        "bien",
        "mal",
        "moi",
        "toi",
        "lui",
        "elle",
        "eux",
        "nous",
        "vous",
        "mon",
        "mes",
        "ton",
        "tes",
        "son",
        "ses",
        "les",
        "des",
        "une",
        "est",
        "suis",
        "sont",
        "avec",
        "pour",
        "dans",
        "sur",
        "par",
        "qui",
        "que",
        "quoi",
        "ceci",
        "cela",
        "tout",
        "tous",
        "toute",
        "oui",
        "non",
        "est-ce",
        "etre",
        "avoir",
        "ai",
        "as",
        "avez",
        "avons",
        "ont",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")


def states_something(text: str) -> bool:
    """At least one word of three letters or more that is not a bare call for help."""
    from directory_client.labels import fold

    return any(len(w) >= 3 and w not in _GENERIC for w in _WORD.findall(fold(text)))


_ANNOTATION = re.compile(r"\[([^\]]+)\](\{[^}]*\}|\([^)]*\))")
_ENTITY = re.compile(r'"entity":\s*"(\w+)".*?"value":\s*"([^"]+)"')


@dataclass(frozen=True)
class Example:
    text: str
    need: str


def _labels(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Plain text and the (entity, value) annotations of one example line."""
    found: list[tuple[str, str]] = []
    for match in _ANNOTATION.finditer(line):
        words, spec = match.group(1), match.group(2)
        if spec.startswith("("):
            found.append((spec[1:-1], words))
        else:
            entity = _ENTITY.search(spec)
            if entity:
                found.append((entity.group(1), entity.group(2)))
    # A place says nothing of the need: the sentence is read without it.
    plain = _ANNOTATION.sub(lambda m: "" if m.group(2) == "(location)" else m.group(1), line)
    return " ".join(plain.split()), found


def examples(nlu_dir: Path = NLU_DIR) -> list[Example]:
    from actions import needs as needs_mod

    out: list[Example] = []
    for name in FILES:
        data = yaml.safe_load((nlu_dir / name).read_text(encoding="utf-8"))
        for item in data.get("nlu", []):
            for raw in (item.get("examples") or "").splitlines():
                line = raw.strip()[2:].strip() if raw.strip().startswith("- ") else ""
                if not line:
                    continue
                text, annotations = _labels(line)
                keys: list[str] = []
                for entity, value in annotations:
                    if entity == "need":
                        key = needs_mod.normalise_need(value)
                    elif entity == "procedure":
                        proc = needs_mod.normalise_procedure(value)
                        key = needs_mod.PROCEDURES[proc].need if proc else None
                    else:
                        continue
                    if key and key not in keys:
                        keys.append(key)
                if len(keys) == 1:  # one need per labelled sentence
                    out.append(Example(text, keys[0]))
    return out


class NeedReader:
    def __init__(self, labelled: list[Example]) -> None:
        self.needs = sorted({e.need for e in labelled})
        self._index = np.array([self.needs.index(e.need) for e in labelled])
        self._vectors = encoder.encode([e.text for e in labelled])

    def scores(self, text: str) -> dict[str, float]:
        """Per need: the mean of the ``TOP_K`` best similarities of its examples."""
        sims = self._vectors @ encoder.encode_one(text)
        out: dict[str, float] = {}
        for i, need in enumerate(self.needs):
            best = np.sort(sims[self._index == i])[-TOP_K:]
            out[need] = float(best.mean()) if best.size else 0.0
        return out

    def read(self, text: str) -> str | None:
        """The need the message means, or None when no need is close and clearly ahead."""
        found = self.read_scored(text)
        return found[0] if found else None

    def read_scored(self, text: str) -> tuple[str, float] | None:
        """``read`` with the score of the need read."""
        if not states_something(text):
            return None
        ranked = sorted(self.scores(text).items(), key=lambda kv: kv[1], reverse=True)
        if not ranked:
            return None
        (best, score), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else 0.0
        if score < MIN_SCORE or score - runner_up < MIN_MARGIN:
            return None
        return best, score


@functools.lru_cache(maxsize=1)
def reader() -> NeedReader:
    return NeedReader(examples())
