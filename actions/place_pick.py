"""Which place of the last answer a message points to ("le deuxième", "2", "la 3e", "celui de
Pantin", the place's name typed by hand, alone or with a question on its hours, address or phone:
"le 1 c'est ouvert à quelle heure demain ?"). Pure functions on the ``results`` items of the
recommendation payload (``actions.formatting.result_payload``): each has its ``number``, the rank
across pages (4, 5, 6 after "d'autres lieux")."""

from __future__ import annotations

import re

from actions import needs as needs_mod
from actions import ranks

# Words around a rank or a name that say nothing more ("le lieu n° 2", "plutôt celui-là").
_FILLERS = frozenset({
    "le", "la", "l", "les", "lieu", "endroit", "numero", "n", "no", "celui", "celle", "ci", "et",
    "alors", "plutot", "donc", "ok", "okay", "oui", "svp", "stp", "merci", "je", "veux",
    "voudrais", "prends", "choisis", "voir", "detail", "details", "du", "de", "d", "des", "sur",
    "pour", "plus", "info", "infos", "informations", "a", "au", "aux", "en", "c", "est", "qui",
    "m", "me", "interesse", "ca", "va",
})  # fmt: skip
# "celui de Pantin", "la médiathèque à Bondy", "l'espace du Blanc-Mesnil": a place by its town.
# Never a town alone ("et à Bondy ?" is a search elsewhere).
# "et à Fort-de-France ?", "et sur Bondy", "plutôt vers Roubaix": a search elsewhere, even when a
# place's name holds that town's words ("Médiathèque de Fort-de-France").
_ELSEWHERE = re.compile(r"^(?:et |mais |plutot |sinon )?(?:a|au|aux|sur|vers|pres de|du cote de) ")
_OF_TOWN = re.compile(
    r"^(?:et |plutot )?(?:(?:celui|celle)(?: ci| la)?|le lieu|l endroit|(?:la|le|l) \w+)"
    r" (?:de|d|du|des|a) (.+)$"
)
# A question on a place's hours, address or phone ("à quelle heure ouvre le premier ?", "le 2
# c'est où ?", "le numéro du 3"), never a report ("le 2 est fermé", "le premier n'est plus
# ouvert le dimanche": actions/report_chat.py). On folded words.
_QUESTION = re.compile(
    r"\b(?:quelles? heures?|quand|horaires?|adresse"
    r"|ou (?:c est|ca se trouve|il est|elle est|se trouve|est il|est elle)|c est ou|ou ca"
    r"|telephone|tel|numero de telephone|joindre|appeler)\b"
)
_OPENS = re.compile(r"\b(?:ouvert|ouverte|ouvre|ouvrent|ferme|fermes)\b")  # a question with "?"
_REPORT = re.compile(
    r"\b(?:n est (?:plus|pas)|est ferme|fermee?s? (?:le|depuis|definitivement|pour)|existe plus"
    r"|faux|fausses?|mauvais|plus ouvert|pas ouvert|demenage|n y a plus|n (?:ouvre|ouvrent)"
    r"|seulement|uniquement|en fait|depuis|definitivement|\d{1,2} ?h(?:eures?)?(?: ?\d\d)?)\b"
)
# What a question adds to the place it is about ("c'est ouvert à quelle heure demain ?"):
# left out before reading the place.
_QUESTION_WORDS = frozenset({
    "quelle", "quelles", "quel", "heure", "heures", "quand", "horaire", "horaires", "ouvert",
    "ouverte", "ouvre", "ouvrent", "ferme", "adresse", "ou", "telephone", "tel", "numero",
    "joindre", "appeler", "il", "elle", "ils", "elles", "demain", "aujourd", "hui", "ce", "matin",
    "soir", "apres", "midi", "cet", "se", "trouve", "peut", "on", "l", "y", "aller", "son",
    "sa", "ses", "leur", "vous", "avez", "quoi", "comment", "ca", "exactement", "precisement",
})  # fmt: skip
_POSTCODE_TOWN = re.compile(r"\b\d{5}\s+(.+)$")
# Words too common in names to tell one place from another alone.
_COMMON = frozenset({
    "france", "services", "service", "espace", "maison", "mediatheque", "bibliotheque", "centre",
    "social", "ccas", "numerique", "numeriques", "association", "conseiller", "conseillere",
    "poste", "mairie",
})  # fmt: skip


def _words(text: str) -> list[str]:
    folded = needs_mod.fold(text.replace("œ", "oe").replace("Œ", "oe"))  # "Mons-en-Barœul"
    return re.sub(r"[^a-z0-9]+", " ", folded).split()


def by_rank(results: list[dict], rank: int | None, *, position: bool = True) -> dict | None:
    """The place numbered ``rank``; else (``position``) the ``rank``-th shown; None when out of
    range."""
    if rank is None:
        return None
    for place in results:
        if place.get("number") == rank:
            return place
    return results[rank - 1] if position and 1 <= rank <= len(results) else None


def commune_of(place: dict) -> str:
    """The place's town, as its address ends ("…, 93500 Pantin" → "pantin")."""
    match = _POSTCODE_TOWN.search(place.get("address") or "")
    return " ".join(_words(match.group(1))) if match else ""


def earlier_pages(events: list[dict]) -> list[dict]:
    """The places of the pages shown before the last one of the same list (1, 2, 3 when "d'autres
    lieux" gave 4, 5, 6), from the lists in the conversation's bot events: back to its first
    page, never a list of another search."""
    pages: list[list[dict]] = []
    for event in reversed(events):
        body = (((event.get("data") or {}).get("custom") or {}).get("orienteur") or {})
        if event.get("event") != "bot" or body.get("type") != "recommendation":
            continue
        if body.get("delivery") == "detail":
            continue
        pages.append(list(body.get("results") or []))
        if not body.get("offset"):  # the list's first page
            break
    return [place for page in pages[1:] for place in page]


def picked(results: list[dict], text: str, earlier: list[dict] | None = None) -> dict | None:
    """The place a whole message points to, or None when it says something else ("le 2 est
    fermé", "et à Bondy ?") or fits several places. A number of an ``earlier`` page of the same
    list ("le 3" after places 4, 5, 6) gives that place."""
    if not results:
        return None
    words = _words(text)
    if not 0 < len(words) <= 12:  # a place's whole name, typed by hand
        return None
    if _asks_about_a_place(text, words):
        words = [w for w in words if w not in _QUESTION_WORDS] or words
    meaningful = [w for w in words if w not in _FILLERS]
    if len(meaningful) == 1 and len(words) <= 7 and "les" not in words:  # "les deux": both
        word = meaningful[0]
        if word in ("dernier", "derniere"):
            return results[-1]
        rank = ranks.rank_of(word, cardinals=True)
        if rank is not None:
            # Digits name the number shown ("4" after "d'autres lieux"); words, the rank too.
            return by_rank(results, rank, position=not word.isdigit()) or by_rank(
                list(earlier or []), rank, position=False
            )
    if _ELSEWHERE.match(" ".join(words)):
        return None
    return _by_town(results, words) or _by_name(results, words)


def rank_beyond(results: list[dict], text: str) -> int | None:
    """The rank a whole message names ("le quatrième", "la 5e") past the last place shown: the
    places after it are wanted, never a town. None for anything else."""
    words = [w for w in _words(text) if w not in _FILLERS]
    if len(words) != 1 or not results:
        return None
    rank = ranks.rank_of(words[0], cardinals=True)
    shown = max((p.get("number") or 0) for p in results)
    return rank if rank is not None and shown < rank <= shown + 3 else None


# "non pas celui-là", "pas celui ci", "un autre", "pas ce lieu-là": not the place pointed at.
_NOT_THAT_ONE = re.compile(
    r"^(non )?(merci )?((pas|non) (celui|celle|ce lieu|cet endroit|ca)( la| ci)?|(un|une) autre"
    r"( lieu| endroit)?|autre chose|un autre lieu|pas (lui|elle))( svp| stp| merci)?$"
)


def not_that_one(text: str) -> bool:
    """The whole message turns the place pointed at down ("non pas celui-là", "un autre")."""
    return bool(_NOT_THAT_ONE.match(" ".join(_words(text))))


def _asks_about_a_place(text: str, words: list[str]) -> bool:
    """A question on a place's hours, address or phone ("ouvert" only with a question mark),
    not a report that it is closed or opens at other times ("le 2 ouvre de 9h à 17h")."""
    said = " ".join(words)
    asks = _QUESTION.search(said) or ("?" in text and _OPENS.search(said))
    return bool(asks) and not _REPORT.search(said)


def _one(matches: list[dict]) -> dict | None:
    return matches[0] if len(matches) == 1 else None


def _by_town(results: list[dict], words: list[str]) -> dict | None:
    """ "celui de Pantin": the one place in that town."""
    said = _OF_TOWN.match(" ".join(words))
    if said is None:
        return None
    town = said.group(1)
    return _one([p for p in results if f"{commune_of(p)} ".startswith(f"{town} ")])


def _by_name(results: list[dict], words: list[str]) -> dict | None:
    """The place's name typed by hand, whole or in its own words ("la médiathèque Persépolis"):
    every word said is in its name, and one at least in no other place's name."""
    said = [w for w in words if w not in _FILLERS]
    if len(said) < 2:  # one word ("Pantin") may as well be a town to search
        return None
    names = {id(p): set(_words(p.get("name") or "")) for p in results}
    found = []
    for place in results:
        own = names[id(place)]
        others = set().union(*(names[id(p)] for p in results if p is not place))
        distinctive = [w for w in said if w in own - others and w not in _COMMON and len(w) > 2]
        if set(said) <= own and distinctive:
            found.append(place)
    return _one(found)
