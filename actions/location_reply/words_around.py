"""A locator result read again with the words around the name that was tagged: the word whole
past an apostrophe (Tourc'h), the words written before it ("saint die": Saint-Dié-des-Vosges),
the unknown name it is part of, "au"/"aux" (Le Lamentin), the town already given in the
département now named, the commune named beside a département."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from actions.location_reply.lookup import locator
from actions.location_reply.name_match import plausible_guess
from actions.message_text import (
    location_text,
)
from actions.town_in_message import (
    areas_after,
    areas_named,
    town_before_area,
)
from directory_client.text import name_key
from directory_client.town_words import COMMON, LINKS, NEVER, STOPWORDS
from directory_client.types import LocateResult
from directory_client.written_names import piece_around

if TYPE_CHECKING:
    from actions.state import State


def with_word_whole(text: str, query: str, result):
    """ "Tourc" tagged in "j'habite à Tourc'h": the commune the whole word names, written on
    past the apostrophe (Tourc'h, not Tours); else ``result``."""
    said = re.search(rf"(?<![\w'’]){re.escape(query)}['’][^\W\d_]+", text, re.IGNORECASE)
    if said is None:
        return result
    whole = locator().locate(said.group(0))
    best = whole.best if whole.status == "found" else None
    if (
        best is not None
        and best.kind == "commune"
        and name_key(said.group(0)) == name_key(best.commune or "")
    ):
        return whole
    return result


_MAX_WORDS_BEFORE = 3


def _bears(name: str, query: str) -> bool:
    """The commune's name holds the name tagged, word for word ("Saint-Dié-des-Vosges" holds
    "die"; "Ligné", found for "ligne à Brive", does not hold "brive")."""
    return set(name_key(query).split()) <= set(name_key(name).split())


def with_words_before(text: str, query: str, result):
    """ "die" tagged in "saint die": the commune that the words written just before the name
    and the name name together, the longest run first (Saint-Dié-des-Vosges, as "Saint-Dié"
    reads; "mont de marsan" for "marsan"), another commune than the name alone; never a run
    starting with a little or common word ("à Die", "aide Die"); else ``result``."""
    said = re.search(
        rf"((?:[^\W\d_]+[\s'’-]+){{1,{_MAX_WORDS_BEFORE}}}){re.escape(query)}(?!\w)",
        text,
        re.IGNORECASE,
    )
    if said is None:
        return result
    alone = {c.code_insee for c in result.candidates}
    words = re.findall(r"[^\W\d_]+", said.group(1))
    for size in range(len(words), 0, -1):
        first = name_key(words[-size])
        if first in STOPWORDS or first in LINKS or first in COMMON or first in NEVER:
            continue
        run = " ".join([*words[-size:], query])
        longer = locator().locate(run[:120])
        best = longer.best if longer.status == "found" else None
        if (
            best is not None
            and best.kind == "commune"
            and best.code_insee not in alone
            and _bears(best.commune or best.label, query)
            and plausible_guess(run, longer)
        ):
            return longer
    return result


def part_of_unknown_name(text: str, query: str, result):
    """ "Apcher" tagged in "j'habite Saint-Machin-d'Apcher": the part of a name written in one
    piece that no commune bears is that unknown name, never a commune whose name the part only
    starts or ends (Saint-Chély-d'Apcher); else ``result``."""
    best = result.best if result.status in ("found", "ambiguous") else None
    piece = piece_around(text, query)
    if best is None or piece == query or name_key(best.commune or "") == name_key(query):
        return result
    whole = locator().locate(piece[:120])
    return LocateResult("unknown", piece) if whole.status == "unknown" else result


def with_contraction(text: str, query: str, result):
    """ "j'habite au Lamentin" where "Lamentin" was tagged: Le Lamentin (972), the commune
    "au" names, not also Lamentin (971) to choose from; else ``result``."""
    said = re.search(rf"\b(?:au|aux)\s+{re.escape(query)}(?!\w)", text, re.IGNORECASE)
    if said is None:
        return result
    contracted = locator().locate(said.group(0))
    best = contracted.best if contracted.status == "found" else None
    if best is not None and best.kind == "commune" and plausible_guess(said.group(0), contracted):
        return contracted
    return result


def same_town_there(state: State, result):
    """ "celui de la Martinique" after Saint-Pierre (La Réunion's, the biggest, was taken): the
    town already given, in the département now named — when it has one there; else ``result``."""
    commune = (state.location or {}).get("commune")
    named = result.best if result.status == "found" else None
    if not commune or named is None or named.kind != "departement":
        return result
    same = locator().locate(f"{commune} {named.label}"[:120])
    there = same.best if same.status == "found" else None
    if there is not None and there.kind == "commune" and there.departement == named.departement:
        return same
    return result


def town_in_area_named(text: str, query: str, result):
    """ "j'habite à Guéret dans la Creuse, …" where only "la Creuse" was read (the département,
    or the commune La Creuse in Haute-Saône): the commune of that département named beside it,
    in a message of any length; of homonyms read ("aubusson dans la creuse"), the one in the
    département named after it; else ``result``."""
    if result.status not in ("found", "ambiguous") or result.best is None:
        return result
    if result.status == "ambiguous":  # "aubusson dans la creuse": the Aubusson there
        deps = areas_after(text, query)
        inside = [c for c in result.candidates if c.kind == "commune" and c.departement in deps]
        if len(inside) == 1:
            return LocateResult("found", result.query, (inside[0],))
    town = town_before_area(text, query, getattr(locator(), "_index", None))
    if town is None:
        return result
    there = locator().locate(f"{town} {query}"[:120])
    best = there.best if there.status == "found" else None
    if best is not None and best.kind == "commune" and best.departement in areas_named(query):
        return there
    return result


def commune_before_departement(text: str, result):
    """ "Orange dans le Vaucluse" where only "le Vaucluse" was tagged: the commune the whole
    answer names in that département, not the département's centre; else ``result``."""
    named = result.best if result.status == "found" else None
    if named is None or named.kind != "departement":
        return result
    whole = locator().locate(location_text(text)[:120])
    there = whole.best if whole.status == "found" else None
    if there is not None and there.kind == "commune" and there.departement == named.departement:
        return whole
    return result
