"""Load, before the action server answers ``/health``, what a person's first turn would wait for.

The need reader (the sentence encoder and the fitted readers, about 5 s), the gazetteer and the
directory load on first use. Without this, the first message after a start or a restart waited
6 to 8 s, the turn timeout of a loaded machine: the person got the apology instead of an answer.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)

_SAMPLE_MESSAGE = "je n'ai pas internet et je dois faire mon dossier caf"
_SAMPLE_TOWN = "Paris"


def warm_up() -> float:
    """Read one message, locate one town, run one search; the seconds it took. A directory
    that cannot be opened is logged and left to the first search (which says so)."""
    from actions import needs
    from actions.backends import get_directory, get_locator
    from bot import word_means
    from directory_client.labels import ACCES_INTERNET_MATERIEL
    from directory_client.types import SearchQuery

    started = time.monotonic()
    # The words' vectors (spaCy's, ~5 s) load on the first text not read before: the sample
    # message may be one (the readers keep the rows of texts already read), so load them here.
    word_means.load_vectors()
    needs.read(_SAMPLE_MESSAGE)
    needs.safety_reading(_SAMPLE_MESSAGE)
    where = get_locator().locate(_SAMPLE_TOWN).best
    try:
        if where is not None:
            get_directory().search(SearchQuery(needs=(ACCES_INTERNET_MATERIEL,), location=where))
    except Exception:  # noqa: BLE001 - the first search will say the directory is unavailable
        log.warning("directory unavailable while warming up", exc_info=True)
    return time.monotonic() - started
