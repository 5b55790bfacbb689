"""A question back to a need menu (tester t207, i05: « c'est quoi la différence ? » after « aide
numérique Auxerre » got the places of the third choice): one plain line per choice, then the
question again with the same buttons; never a choice picked. Real actions on the real embedded
directory, the intents the NLU gave these messages."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, rest_text
from tests.conftest_actions import ent


@pytest.mark.parametrize(("question", "intent"), [
    ("c'est quoi la différence ?", "chitchat/confused"),
    ("je comprends pas les choix", "chitchat/confused"),
    ("ça veut dire quoi ?", "chitchat/confused"),
    ("c koi la diff", "chitchat/confused"),
    ("je sais pas lequel choisir", "chitchat/confused"),
    ("c'est quoi la différence entre les deux", "nlu_fallback"),
])  # fmt: skip
def test_a_question_on_the_menu_explains_each_choice_and_asks_again(real, question, intent):
    talk = Talk()
    first = talk.say("aide numérique Auxerre", "ask_help", [ent("location", "Auxerre")])
    assert "need_choice" in kinds(first), rest_text(first)
    buttons = [b["title"] for m in first for b in m.get("buttons") or []]
    msgs = talk.say(question, intent)
    said = rest_text(msgs)
    assert "recommendation" not in kinds(msgs), said[:300]
    for title in buttons:  # one line per choice
        assert f"- {title} : " in said, said
    assert [b["title"] for m in msgs for b in m.get("buttons") or []] == buttons, said
    assert talk.slots.get("awaiting") == "need_choice"
