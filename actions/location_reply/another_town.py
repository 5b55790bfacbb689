"""A town named in a message about the places shown that is not the town searched ("il y a un
autre endroit à Marvejols ?" after places near Mende): the new place, whatever intent the NLU
read ("more results" included)."""

from __future__ import annotations

from actions.location_reply.guesses import looks_like_place
from actions.location_reply.lookup import locator


def names_another_town(values: list[str], location: dict | None) -> bool:
    """One of the places the NLU read (``values``) names a place the locator knows exactly, and
    not the town of ``location`` ("d'autres lieux à Mende ?" after Mende is the next page)."""
    here = (location or {}).get("code_insee")
    for value in values:
        if not looks_like_place(value):
            continue
        found = locator().locate(value[:120])
        codes = {c.code_insee for c in found.candidates if c.code_insee}
        if not here or here not in codes:
            return True
    return False
