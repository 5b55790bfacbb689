"""The languages most spoken by newcomers in France (round t194's tester, 22: Portuguese got no
line at all, Spanish got its line then a French question it did not announce): Portuguese,
Turkish and Romanian get the line in their language as English and Spanish do, and every line
says that the questions come in simple French and what to type to answer them (« 1 », « 2 »)."""

from __future__ import annotations

import pytest

from actions.languages import language_of
from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

PHONE = "01 70 77 23 72"


@pytest.mark.parametrize("message, town, starts, numbers_said", [
    # the tester's
    ("olá, preciso de ajuda para a minha declaração de impostos, moro em Tours", "Tours",
     "Só posso responder em francês", "escreva o número"),
    # our own
    ("bom dia, não falo francês, preciso de ajuda com o meu pedido na CAF, moro em Lyon", "Lyon",
     "Só posso responder em francês", "escreva o número"),
    ("merhaba, fransızca bilmiyorum, CAF dosyam için yardıma ihtiyacım var, Lyon'da yaşıyorum",
     "Lyon", "Yalnızca Fransızca", "numarasını"),
    ("bună ziua, am nevoie de ajutor pentru dosarul meu de la CAF, locuiesc în Lille", "Lille",
     "Pot răspunde doar în franceză", "scrieți numărul"),
    ("hola, necesito ayuda para pedir una cita en la prefectura, vivo en Nantes", "Nantes",
     "Solo puedo responder en francés", "escriba el número"),
    ("hello, I need help to fill in my CAF application online, I live in Lille", "Lille",
     "I can only answer in French", "type the number"),
])  # fmt: skip
def test_a_newcomers_language_gets_its_line_with_how_to_answer_the_french_questions(
    real, message, town, starts, numbers_said
):
    text = rest_text(Talk().say(message, "ask_help", [ent("location", town)]))
    first = text.split("\n")[0]
    assert first.startswith(starts), text[:400]
    assert PHONE in first and numbers_said in first and "« 1 »" in first, first


@pytest.mark.parametrize("message", [
    "bonjour j'ai besoin d'aide pour ma déclaration d'impôts",
    "je suis dans le Var, j'ai un souci avec mon compte ameli",
    "mon fils est au Portugal, je veux faire une visio avec lui",
    "je cherche une formation pour apprendre le portugais en ligne",
])  # fmt: skip
def test_french_is_read_as_french(message):
    assert language_of(message) is None
