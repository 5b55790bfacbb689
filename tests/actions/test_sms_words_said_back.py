"""Words said back in SMS conversations (tester t207, d14 and i02): « perdue » after « ma carte
vitale » got « Bien sûr. Je cherche pour vous… » (it is what happened to the card: the town is
asked again); « c pr ma mere » got « c'est pour votre mere » (the missing accent copied back:
the relative is named in the assistant's own spelling). Real actions on the real embedded
directory, the intents the NLU gave these messages."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent


@pytest.mark.parametrize(("what", "intent"), [
    ("perdue", "chitchat/confused"),
    ("cassé", "out_of_scope"),
    ("volée", "out_of_scope"),
    ("elle est bloquée", "chitchat/confused"),
])  # fmt: skip
def test_what_happened_to_the_thing_named_is_no_yes(real, what, intent):
    talk = Talk()
    talk.say("jai un pb", "out_of_scope")
    talk.say("ma carte vitale", "ask_help", [ent("procedure", "ameli")])
    said = rest_text(talk.say(what, intent))
    assert not said.startswith("Bien sûr"), said
    assert "ville ou quel code postal" in said, said


@pytest.mark.parametrize(("for_whom", "named"), [
    ("c pr ma mere", "votre mère"),
    ("c pour mon pere", "votre père"),
    ("c pr ma soeur", "votre soeur"),
    ("c'est pour mon frere", "votre frère"),
    ("c pr ma grand mere", "votre grand-mère"),
])  # fmt: skip
def test_the_relative_is_named_in_proper_french(real, for_whom, named):
    talk = Talk()
    talk.say("bsr", "chitchat/greet")
    said = rest_text(talk.say(for_whom, "inform"))
    assert f"c'est pour {named}." in said, said
