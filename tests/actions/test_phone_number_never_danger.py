"""A phone number is never danger (round 26's tester, over REST): after a list, « envoie par sms
au 06 12 34 56 78 » got the emergency message (112, 15, 17, 3114), twice: the NLU read its
two-digit groups as the emergency numbers of its examples. Whatever the form (spaces, dots,
dashes, +33), no numbers and no danger question; a danger said beside a number still gets them.
What a request to send the list should do is not asserted here. Real actions, real directory."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, list_in, numbers_given, rest_text


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("envoie par sms au 06 12 34 56 78", "emergency"),
        ("envoie au 06-12-34-56-78", "emergency"),
        ("vous pouvez l'envoyer au 07 81 15 22 90 ?", "emergency"),
        ("mon numéro c'est le +33 6 12 34 56 78", "emergency"),
        ("envoyez-moi ça au 07.12.34.56.78", "emergency"),
        ("06 17 11 21 15", "emergency"),
        ("envoie par sms au 0612345678", "emergency"),
        ("mon numéro : 06 45 87 12 15", "report_place"),
    ],
)  # fmt: skip
def test_a_phone_number_after_a_list_is_never_danger(real, message, intent):
    talk, _ = list_in("aide pour les impôts à Vierzon", "Vierzon")
    msgs = talk.say(message, intent)
    said = rest_text(msgs)
    assert not {"emergency", "danger_check"} & set(kinds(msgs)), said[:400]
    for number in ("112", "3114", "le 15", "le 17", "danger"):
        assert number not in said, said[:400]


def test_a_phone_number_beside_a_danger_still_gets_the_numbers(real):
    msgs = Talk().say("mon mari me frappe, rappelez-moi au 06 12 34 56 78", "emergency")
    said = rest_text(msgs)
    assert kinds(msgs) == ["emergency"], said[:400]
    assert "17" in numbers_given(msgs), said[:400]
