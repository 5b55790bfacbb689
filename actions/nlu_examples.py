"""The labelled sentences of the readers by meaning (``actions.semantic_needs``,
``actions.danger``): the NLU examples of ``data/nlu/`` as plain sentences (one parser of the
annotation syntax) and the hand-kept files of ``actions/data/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

NLU_DIR = Path(__file__).resolve().parent.parent / "data" / "nlu"
HAND_KEPT = Path(__file__).resolve().parent / "data"  # labelled sentences kept outside the NLU
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when there: 10× faster

_ANNOTATION = re.compile(r"\[([^\]]+)\](\{[^}]*\}|\([^)]*\))")
_ENTITY = re.compile(r'"entity":\s*"(\w+)".*?"value":\s*"([^"]+)"')


@dataclass(frozen=True)
class NluExample:
    text: str  # without the annotations; a place is left out (it says nothing of the need)
    intent: str
    entities: list[tuple[str, str]] = field(default_factory=list)  # (entity, value)


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)


def hand_kept(pattern: str, folder: Path = HAND_KEPT) -> list[dict]:
    """The cases of every ``folder/pattern`` file, in file order."""
    return [case for path in sorted(folder.glob(pattern)) for case in read_yaml(path) or []]


def parse(line: str, intent: str) -> NluExample:
    entities: list[tuple[str, str]] = []
    for match in _ANNOTATION.finditer(line):
        words, spec = match.group(1), match.group(2)
        if spec.startswith("("):
            entities.append((spec[1:-1], words))
        else:
            entity = _ENTITY.search(spec)
            if entity:
                entities.append((entity.group(1), entity.group(2)))
    plain = _ANNOTATION.sub(lambda m: "" if m.group(2) == "(location)" else m.group(1), line)
    return NluExample(" ".join(plain.split()), intent, entities)


def load(nlu_dir: Path = NLU_DIR) -> list[NluExample]:
    """Every example of every intent, in file order (a sentence of only a place is left out)."""
    out: list[NluExample] = []
    for path in sorted(nlu_dir.glob("*.yml")):
        for item in (read_yaml(path) or {}).get("nlu", []):
            intent = item.get("intent")
            for raw in (item.get("examples") or "").splitlines() if intent else ():
                line = raw.strip()
                if line.startswith("- "):
                    example = parse(line[2:].strip(), intent)
                    if example.text:
                        out.append(example)
    return out
