"""Danger by meaning: how likely a message reads as someone in danger now, from its sentence vector.

Keyword tiers (``actions.safety``) only know the words someone thought of; "j'ai déjà écrit ma
lettre et confié mon chat à la voisine" or "un adulte qu'il a connu sur internet l'attend en bas"
name none. A message reads as danger when its sentence vector is closer to the
danger examples than to the others (the mean of the ``TOP_K`` best similarities on each side):
the NLU's ``emergency`` examples against every other intent's, and the hand-kept
``data/danger_examples*.yml`` (real emergencies and ordinary requests with strong words). Nearest
examples rather than a fitted line, because the ordinary examples written to sit next to danger
("mon fils a vomi une fois ce matin", "je me suis coupé le doigt, c'est rien") must keep their
side: a logistic regression put them above 0.9.
"""

from __future__ import annotations

import numpy as np

from actions import fitted, nlu_examples
from bot import encoder

DANGER_INTENT = "emergency"
MIXED = "mixed"  # the tag of a hand-kept emergency said beside a digital request
TOP_K = 3
# At or above (danger side minus other side): the message reads as danger now. Chosen on
# development set C (now data/danger_examples_c.yml; bench/safety_rest.py), never on the frozen
# corpus.
MARGIN = 0.05
# A message that states a digital need and comes this close to danger gets one question ("Êtes-vous
# en danger en ce moment ?"), its request kept: "il a pris mon téléphone, j'écris avec la tablette
# des enfants". Chosen on set D (now data/danger_examples_d.yml), read after its first measure.
CHECK_MARGIN = 0.02


def nlu_sentences() -> list[tuple[str, bool]]:
    """Every NLU example, and whether its intent is the danger intent."""
    return [(e.text, e.intent == DANGER_INTENT) for e in nlu_examples.load()]


def _hand_kept() -> list[dict]:
    return nlu_examples.hand_kept("danger_examples*.yml")


def hand_kept_sentences() -> list[tuple[str, bool]]:
    return [(c["text"], c["kind"] == "emergency") for c in _hand_kept()]


def emergencies_alone() -> list[str]:
    """The hand-kept emergencies that ask for nothing else: one tagged ``mixed`` also states a
    digital request ("je voulais de l'aide pour ameli mais il tape à la porte")."""
    return [
        c["text"]
        for c in _hand_kept()
        if c["kind"] == "emergency" and MIXED not in (c.get("tags") or [])
    ]


class DangerReader:
    def __init__(self, arrays: fitted.Arrays) -> None:
        self._danger, self._other = arrays["danger"], arrays["other"]

    @staticmethod
    def fit(sentences: list[tuple[str, bool]]) -> fitted.Arrays:
        vectors = encoder.encode([text for text, _ in sentences])
        is_danger = np.array([danger for _, danger in sentences])
        return {"danger": vectors[is_danger], "other": vectors[~is_danger]}

    def margin(self, text: str) -> float:
        """How much closer the message is to the danger examples than to the others."""
        vector = encoder.encode_one(text)
        near_danger = np.sort(self._danger @ vector)[-TOP_K:].mean()
        near_other = np.sort(self._other @ vector)[-TOP_K:].mean()
        return float(near_danger - near_other)


def _fit() -> fitted.Arrays:
    return DangerReader.fit(nlu_sentences() + hand_kept_sentences())


reader = fitted.Once("danger", _fit, DangerReader)


def margin(text: str) -> float:
    """How much closer the message is to the danger examples than to the others."""
    return reader().margin(text)
