"""A message with HTML in it is read as its words: tags, and a script's or a style's content,
are no words of the person, and are never said back."""

from __future__ import annotations

from actions import actions as A
from tests.actions import test_actions as T
from tests.actions.test_actions import kinds, run, text
from tests.conftest_actions import ent, slots_of, tracker

locator, directory = T.locator, T.directory  # the fixtures of the action tests

WORDS = "aide pour mes papiers à Dijon"
HTML = "<b>aide</b> pour <script>alert(1)</script> mes papiers à Dijon"


def test_html_in_a_message_is_read_as_its_words(directory):
    read = {}
    for message in (WORDS, HTML):
        msgs, events = run(
            A.ActionOrient(), tracker(message, "ask_help", [ent("location", "Dijon")])
        )
        read[message] = (kinds(msgs), slots_of(events).get("needs"))
        assert "alert" not in text(msgs) and "<" not in text(msgs), message
    assert read[HTML] == read[WORDS]
    assert read[WORDS][1] == ["demarches"] and "need_choice" not in read[WORDS][0]
