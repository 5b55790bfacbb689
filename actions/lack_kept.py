"""A lack of equipment said first, the file it is for after, in two messages while the town is
awaited (« besoin scanner » / « pr envoyer papiers mutuelle » / « 56000 », tester t194 E5):
both are the request, the file first and a device to use on site beside it, never the lack
replaced by the file. Said as a correction (« non, en fait… ») the file replaces it."""

from __future__ import annotations

import re

from actions.message_text import folded_words

# Equipment to use on site: a computer, a printer or a scanner, a connection.
_ON_SITE = frozenset({"materiel_usage", "internet"})
# Words that put the new need instead of the old ("non", "en fait", "plutôt", "juste").
_INSTEAD = re.compile(
    r"^(?:(?:ah|oh|euh|mais|ben|bah) )?(?:non|nan|nn|pas du tout|juste)\b"
    r"|\b(?:en fait|enfait|finalement|plutot|seulement|uniquement|laisse tomber|oubliez)\b"
)


def with_the_lack(text: str, before: list[str], found: list[str], awaiting: str | None
                  ) -> list[str] | None:
    """The needs of the request when ``text`` names a need (``found``) beside the lack of
    equipment said before it (``before``) while the town is awaited: the new need first, the
    lack beside it. None when it is not that case."""
    if awaiting != "location" or not before or not set(before) <= _ON_SITE:
        return None
    if not found or set(found) & _ON_SITE or _INSTEAD.search(folded_words(text)):
        return None
    return [found[0], before[0]]
