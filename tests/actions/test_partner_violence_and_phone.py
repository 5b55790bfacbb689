"""Violence in a couple said in the present with a phone spied on ("son compagnon la frappe et lit
ses SMS", round 25's tester: no 3919, the need menu): the couple-violence line (the 3919 and the
17) with the emergency numbers, and the phone to make safe kept as the request (online safety),
whoever is named (a partner, "il"). The past or another's work with the same words is unchanged.
Real actions on the action server's path."""

from __future__ import annotations

import pytest

from tests.conftest_actions import ask, say


@pytest.mark.parametrize("message", [
    "son compagnon la frappe et lit ses SMS",
    "mon mari me frappe et regarde tout dans mon téléphone",
    "il me bat et il contrôle mon portable",
    "mon copain me tape dessus et a mis un traceur sur mon tel",
    "ma compagne me frappe et fouille dans mon portable",
    "elle me gifle et elle lit tous mes messages",
])  # fmt: skip
def test_a_partner_hitting_and_spying_on_the_phone_gets_the_3919_and_keeps_online_safety(message):
    read, body, _ = ask(message)
    numbers = [n["number"] for n in (body or {}).get("numbers") or []]
    # the numbers now, or the question "Êtes-vous en danger ?" with them: the couple's line first
    assert body and body["type"] in ("emergency", "danger_check"), read
    assert numbers[:2] == ["3919", "17"], read
    _, slots = say(message, "ask_help")
    assert slots.get("needs") == ["securite"], slots  # the phone made safe, not learning it


@pytest.mark.parametrize("message", [
    "j'ai été victime de violences il y a 10 ans, je cherche à refaire mes papiers",
    "je travaille dans une association contre les violences conjugales, besoin d'une formation "
    "excel",
    "mon mari veut apprendre à lire ses SMS sur son portable",
])  # fmt: skip
def test_the_past_or_a_job_or_a_partner_learning_gets_no_emergency(message):
    read, body, _ = ask(message)
    assert not body or body["type"] not in ("emergency",), read
    assert "3919" not in read, read
