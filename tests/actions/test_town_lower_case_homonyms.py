"""A town with homonyms written in lower case in a sentence (« a aubusson ça existe ? », « je
suis a st denis pas loin », « j'habite aubusson ») was lost: a small town's name in lower case
was read only when it ended the sentence or was a town of 10 000. After words that say where the
person is (or « a » opening the message), its name is read: the homonyms offered to choose from.
What the person reads, the real actions and Locator."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text


@pytest.mark.parametrize("text, towns", [
    ("a aubusson ça existe ?", ["Aubusson (23)", "Aubusson (61)"]),
    ("j'habite aubusson, je cherche de l'aide pour internet", ["Aubusson (23)", "Aubusson (61)"]),
    ("je suis a st denis pas loin, aide pour la caf", ["Saint-Denis (93)"]),
])  # fmt: skip
def test_a_lower_case_town_with_homonyms_is_offered(real, text, towns):
    msgs = Talk().say(text, "ask_help")
    said = rest_text(msgs)
    buttons = [b["title"] for m in msgs for b in m.get("buttons") or []]
    for town in towns:
        assert any(town in b for b in buttons) or town in said, (said, buttons)
