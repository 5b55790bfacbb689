"""The sentence before the places reads as French whatever was asked: every need, with each mode,
every procedure, every pair of needs, each criterion kept or dropped, each kind of answer (places
near, nothing near, general help instead, nothing at all). Never "pour quelqu'un pour faire vos
démarches" nor "vos enfants et leurs écrans et un ordinateur" (round 15's transcripts)."""

from __future__ import annotations

import itertools
import re

import pytest

from actions import formatting as fmt
from actions import needs as needs_mod

WHERE = "près de Limoges (87)"
KINDS = {
    "places": {}, "one place": {"count": 1}, "nothing near": {"nothing_near": True},
    "general help": {"broadened": True}, "nothing": {"count": 0},
    "no place on Sundays": {"relaxed": ["dimanche"]},
    "nothing within 1 km": {"relaxed": [needs_mod.distance_constraint(1)]},
}  # fmt: skip
DOUBLED = re.compile(r"\bpour\b[^.;:]*\bpour\b|\bet\b[^.;:]*\bet\b")


def whats() -> list[str]:
    singles = [[k] for k in needs_mod.NEEDS]
    pairs = [list(p) for p in itertools.permutations(needs_mod.NEEDS, 2)]
    out = []
    for keys in singles + pairs:
        for mode in (None, "avec_moi", "autonomie"):
            out.append(fmt.need_phrase(needs_mod.apply_mode(keys, mode), None))
    out += [fmt.need_phrase(["demarches"], p) for p in needs_mod.PROCEDURES]
    return sorted(set(out))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_doubled_pour_nor_stacked_et_in_any_intro(kind):
    bad = []
    for what, kept in itertools.product(whats(), [[], *[[c] for c in needs_mod.CONSTRAINTS]]):
        options = {"count": 3, **KINDS[kind]}
        relaxed = options.get("relaxed", [])
        if kept and kept[0] in relaxed:
            continue
        count = options.pop("count")
        intro = fmt.intro_text(count, where=WHERE, what=what, constraints=kept + relaxed, **options)
        if DOUBLED.search(intro):
            bad.append(intro)
    assert not bad, f"{len(bad)} intros, e.g. {bad[:3]}"


def test_no_place_on_sundays_is_one_sentence():
    intro = fmt.intro_text(3, where="près de Limoges (87)", what="vos démarches avec les impôts",
                           constraints=["dimanche"], relaxed=["dimanche"])  # fmt: skip
    assert intro == (
        "Aucun lieu n'ouvre le dimanche près de Limoges (87) pour vos démarches avec les impôts ; "
        "voici les plus proches :"
    )
