"""A message in a script the assistant cannot read (round 176's tester: Arabic « مرحبا، أحتاج
مساعدة في ملف الكاف، أنا في ليون » answered « Je n'ai pas bien compris… »): a short answer in
French says that the assistant only understands French and who can help in person or by
phone — a France Services desk, the national helpline. What says it is the script of the
letters (actions/languages.py, Unicode's names of characters), never a list of words."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    real_directory,  # noqa: F401 - the real fixture
)

MESSAGES = [
    "مرحبا، أحتاج مساعدة في ملف الكاف، أنا في ليون",  # the tester's Arabic
    "Здравствуйте, мне нужна помощь с документами в интернете",  # Russian
    "你好，我需要帮助在网上办理手续，我住在巴黎",  # Chinese
]


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("intent", ["nlu_fallback", "ask_help", "chitchat"])
def test_a_message_in_another_script_is_told_in_french_who_can_help(real, message, intent):
    said = rest_text(Talk().say(message, intent))
    assert "que le français" in said, said
    assert "France Services" in said and "01 70 77 23 72" in said, said
    assert "pas bien compris" not in said and "I can only" not in said, said
    assert len(said) < 320, said  # short


def test_a_french_message_naming_a_word_in_arabic_is_read_as_french(real):
    said = rest_text(Talk().say("je voudrais apprendre l'arabe (العربية) sur internet à Lyon",
                                "ask_help"))  # fmt: skip
    assert "que le français" not in said, said
