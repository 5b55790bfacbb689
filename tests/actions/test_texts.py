"""The assistant's fixed texts: ``domain.yml`` responses, each sentence once (actions/texts.py)."""

from __future__ import annotations

import ast
import functools
import re

import pytest
import yaml

from actions import texts
from tests.paths import ROOT

RESPONSES = {
    name: variants[0]["text"]
    for name, variants in yaml.safe_load((ROOT / "domain.yml").read_text())["responses"].items()
}
SOURCES = sorted((ROOT / "actions").rglob("*.py")) + sorted((ROOT / "bot").rglob("*.py"))


@functools.cache
def string_constants(path) -> list[str]:
    """Every string written in a Python file (the fixed parts of f-strings too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str)]  # fmt: skip


def sentences(template: str) -> list[str]:
    """The fixed sentences of a response: what lies between its ``{variables}``, cut after each
    full stop, question mark or colon; short pieces ("(oui / non)") are not sentences."""
    pieces = re.split(r"\{[^{}]+\}", template)
    out = []
    for piece in pieces:
        out += [s.strip() for s in re.split(r"(?<=[.?!:])\s+", piece)]
    return [s for s in out if len(s) >= 25]


def test_every_response_an_action_names_is_in_the_domain():
    named = set()
    for path in sorted((ROOT / "actions").rglob("*.py")):
        named |= set(re.findall(r"\"(utter_[a-z_/]+)\"", path.read_text(encoding="utf-8")))
    assert "utter_ask_need" in named and "utter_not_understood" in named
    assert named <= set(RESPONSES), named - set(RESPONSES)


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_each_sentence_exists_once(name):
    """Not in another response, not in the Python of the actions or the channels."""
    for sentence in sentences(RESPONSES[name]):
        others = [n for n, t in RESPONSES.items() if n != name and sentence in t]
        assert not others, f"{sentence!r} of {name} is also in {others}"
        for path in SOURCES:
            written = [s for s in string_constants(path) if sentence in s]
            assert not written, f"{sentence!r} of {name} is also in {path.relative_to(ROOT)}"


def test_text_fills_a_response_as_rasa_does():
    assert texts.text("utter_location_not_found", place="Zzyzx", helpline="").startswith(
        "Je ne trouve pas « Zzyzx ». Pouvez-vous"
    )
    assert texts.text("utter_helpline", helpline_name="Solidarité Numérique",
                      helpline_phone="01 70 77 23 72") == (
        "Vous pouvez aussi appeler Solidarité Numérique au 01 70 77 23 72 (aide gratuite, "
        "prix d'un appel normal, du lundi au vendredi de 9 h à 18 h) : on vous aide par "
        "téléphone."
    )  # fmt: skip


def test_an_unknown_response_is_named():
    with pytest.raises(texts.UnknownResponse, match="utter_nothing_like_it"):
        texts.text("utter_nothing_like_it")


def whole_response_sent_as_text(path) -> list[str]:
    """The responses an action sends whole as ``text=texts.text("utter_…")`` (or a ``{"text":
    texts.text(…)}`` message) rather than by name: the trained model knows every response."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        values = []
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "utter_message":
            values = [k.value for k in node.keywords if k.arg == "text"]
        elif isinstance(node, ast.Dict):
            values = [v for k, v in zip(node.keys, node.values, strict=True)
                      if isinstance(k, ast.Constant) and k.value == "text"]  # fmt: skip
        for value in values:
            if (isinstance(value, ast.Call) and getattr(value.func, "attr", "") == "text"
                    and getattr(value.func.value, "id", "") == "texts"):  # fmt: skip
                found.append(f"{path.name}:{node.lineno} {ast.unparse(value.args[0])}")
    return found


def test_a_whole_response_is_sent_by_its_name():
    """``dispatcher.utter_message(response="utter_nearest_already", nearest=…)``: Rasa fills it
    and records which response was said. Only a message made of several responses (the
    emergency numbers) or one inside another's ``{question}`` is read with ``texts.text``."""
    sent_as_text = [s for path in sorted((ROOT / "actions").glob("*.py"))
                    for s in whole_response_sent_as_text(path)]  # fmt: skip
    assert not sent_as_text, sent_as_text
