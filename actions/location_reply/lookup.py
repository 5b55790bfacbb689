"""The locator and the words as the town readers compare them: ``locator`` is
``actions.backends.get_locator`` (imported when locating: importing that module loads the
readers by meaning), ``POSTCODE`` a postcode written in a message, ``folded_words`` a text
folded to plain lower-case words, ``nlu_words`` the words of the NLU examples."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from directory_client.text import name_key

if TYPE_CHECKING:
    from directory_client.types import PlaceLocator


def locator() -> PlaceLocator:
    """``actions.backends.get_locator()``, imported here when a place is located."""
    from actions.backends import get_locator

    return get_locator()


POSTCODE = re.compile(r"(?<!\d)(\d{5}|2[AB]\d{3})(?!\d)", re.IGNORECASE)


@functools.cache
def nlu_words() -> frozenset[str]:
    """The words of the NLU examples, their places left out: words people write."""
    from actions import nlu_examples

    return frozenset(
        name_key(word)
        for example in nlu_examples.load()
        for word in re.findall(r"[^\W\d_]+", example.text)
    )
