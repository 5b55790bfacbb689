"""A site or an app given when asked where ("Dans quelle ville… ?" → "facebook", "c'est sur
gmail", "ameli"): no town to look for. The person is told that the town is still needed, the
request kept as it was (needs, procedures: no slot changes), instead of "Je ne trouve pas
« facebook »". The names are ``actions.platforms``'s, but the telephone operators: "Orange"
given when asked where is the town.

A need said again or corrected instead of the town ("non c'est juste pour imprimer") is taken
and said ("D'accord, pour …") before the question again. A follow-up of the ``location``
question (``actions.follow_ups``): any other answer is read as usual.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import platforms, texts
from directory_client.text import fold
from directory_client.town_words import STOPWORDS

AWAITING = "location"
_SITE = re.compile(
    platforms.alternatives(
        platforms.SOCIAL + platforms.MAIL + platforms.PUBLIC + platforms.SHOPS
    )
)
# How the names are said: "c'est sur facebook", "mon gmail", "le site de la caf", "l'appli".
_AROUND = STOPWORDS | {
    "site", "appli", "application", "app", "internet", "web", "messagerie", "reseau", "social",
    "sociaux", "piratage", "pirate", "piratee", "aussi",
}  # fmt: skip
# How a name is written: "Facebook", "Gmail", "CAF", "Ameli".
_NAMES = {"facebook": "Facebook", "fb": "Facebook", "gmail": "Gmail", "caf": "la CAF",
          "ameli": "Ameli", "impots": "les impôts", "leboncoin": "Leboncoin",
          "whatsapp": "WhatsApp", "tiktok": "TikTok", "linkedin": "LinkedIn",
          "youtube": "YouTube", "icloud": "iCloud"}  # fmt: skip


def site_named(text: str) -> str | None:
    """The site or app ``text`` names and nothing else (no town, no other word), as written for
    the person ("Facebook"), else None."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    sites = [w for w in words if _SITE.fullmatch(w)]
    if not sites or any(w not in _AROUND and not _SITE.fullmatch(w) for w in words):
        return None
    site = sites[0]
    return _NAMES.get(site, site.capitalize())


def take(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """A site given as the answer to "where?": said, the question kept; the need said again or
    corrected ("non c'est juste pour imprimer"): taken, said ("D'accord, pour …"), then the
    orientation as usual (the town asked again); else None."""
    from actions import after_list, orient_flow

    # What is read when no follow-up waits ("c'est gratuit ?" while the town is asked) first.
    made = after_list.about_places_shown(
        dispatcher, tracker, text, orient=orient_flow.orient, answer=orient_flow.answer
    )
    if made is not None:
        return made
    site = site_named(text or "")
    if site is None:
        return need_taken(dispatcher, tracker, text or "")
    dispatcher.utter_message(
        response="utter_ask_location", question=texts.text("utter_site_not_town", site=site)
    )
    return []


def need_taken(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """ "je suis dans le Nord… imprimer" → "Quelle est votre commune dans le Nord ?" → "non c'est
    juste pour imprimer": the same question word for word, as if not heard. The need taken is
    said first, then the message is read as a request (whatever the NLU's intent: "non" is no
    refusal here). None when the message names a place or says no need."""
    from actions import formatting as fmt
    from actions import location_reply, need_changes, orient_flow
    from actions import needs as needs_mod
    from actions.message_text import place_values

    if place_values(tracker) or location_reply.looks_like_place(text):
        return None
    said = need_changes.restated(text)
    if not said:
        return None
    procedures = needs_mod.read(need_changes.without_denied(text)).procedures
    what = fmt.need_phrase(said, procedures[0] if procedures else None)
    dispatcher.utter_message(response="utter_need_taken", what=what)
    return orient_flow.orient(dispatcher, tracker, read_as="inform")
