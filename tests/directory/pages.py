"""The places a person is shown for some needs near a town, page after page (three a page), as
the search gives them: shared by the ranking tests on the real directory."""

from __future__ import annotations

from actions import needs
from directory_client import search as search_module
from directory_client.types import SearchQuery


def pages_of(directory, locator, town: str, keys: list[str], pages: int) -> list:
    where = locator.locate(town).best
    out = []
    for offset in range(0, 3 * pages, 3):
        query = SearchQuery(
            needs=needs.services_for(keys), location=where, offset=offset,
            preferred_origin_labels=needs.preferred_labels(keys),
        )  # fmt: skip
        out += list(search_module.search(directory.Session, query).results)
    return out
