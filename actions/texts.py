"""The assistant's fixed texts are the responses of ``domain.yml``, each sentence once.

Actions send them with ``dispatcher.utter_message(response="utter_ask_need", **variables)``;
Rasa fills ``{name}`` from the variables. Where a fixed sentence goes inside another message or a
payload (the helpline in a recommendation's notes, the question asked again after a
misunderstanding), ``text`` reads it here from the same file and fills it the same way, so that
no sentence is written twice.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"


class UnknownResponse(KeyError):
    """A response name that ``domain.yml`` does not define."""


@functools.cache
def _responses() -> dict[str, str]:
    responses = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))["responses"]
    return {name: variants[0]["text"] for name, variants in responses.items()}


def text(name: str, **variables: object) -> str:
    """The text of response ``name`` with its ``{variables}`` filled, as Rasa sends it."""
    try:
        template = _responses()[name]
    except KeyError:
        raise UnknownResponse(name) from None
    return template.format(**variables)
