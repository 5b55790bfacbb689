"""A person who cannot phone (tester t218, D2: « sourd, pas de telephone possible, juste sms.
besoin aide caf »): « pas de téléphone possible », « je ne peux pas téléphoner », « juste des
SMS » said by a deaf person is how to reach them, never a need to learn the phone (the words are
left out of the reading by meaning: ``cannot_call_spans``, ``actions.needs.reading``). The
places offered come with how to reach each without calling (``say_after_list``), and « comment
je les contacte sans appeler ? », « je peux leur écrire ? », « ils ont un mail ? » after a list
are answered the same way (``answer``): e-mail, website, on site at opening hours, from the
places' own payload (``actions.formatting.contact_lines``), plainly when the directory gives
nothing but a phone; and the 114 by SMS for an emergency — never a phone line alone."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import helplines, texts
from actions import needs as needs_mod
from actions.message_text import folded_words

# Folded words: "pas de telephone possible", "je ne peux pas telephoner", "juste sms", "que des
# textos", "sans appeler", "pas d appel".
_CANNOT_PHONE = (
    r"\b(?:pas|plus|aucun) (?:de |d )?(?:telephone|tel|appels?|coups? de fil)"
    r" (?:possibles?|au telephone)\b"
    r"|\b(?:peux|peut|peuvent|pouvons|sais|sait|arrive|arrivons) (?:pas|plus|meme pas)"
    r" (?:les |leur |vous |l |lui )?(?:telephoner|appeler|parler au telephone"
    r"|entendre au telephone|utiliser le telephone|repondre au telephone)\b"
    r"|\bsans (?:appeler|telephoner|appel|les appeler|leur telephoner)\b"
)
_WRITTEN_ONLY = (
    r"\b(?:pas|plus|aucun) (?:de |d )?(?:telephone|tel|appels?)\b"
    r"|\b(?:juste|que|seulement|uniquement|qu) (?:des |par |en |par des )?(?:sms|textos?"
    r"|messages? ecrits?|ecrit|mails?|e mails?|emails?)\b"
    r"|\bpar ecrit\b"
)
_STRONG = re.compile(_CANNOT_PHONE)
_CANNOT_CALL = re.compile(f"{_CANNOT_PHONE}|{_WRITTEN_ONLY}")
# Being deaf, said in one's words (the care's words: ``needs.care``), or "je n'entends pas".
_DEAF = re.compile(r"\b(?:j |je |n |ne )*entends? (?:pas|plus|rien|mal)\b")
_DEAFNESS = "prise_en_charge:Surdité"
# The question asked of the places: how to reach them, writing to them ("je peux leur écrire
# ?", "ils ont un mail ?", "comment je les contacte sans appeler ?").
_CONTACT = re.compile(
    r"\b(?:contact\w*|joindre|joins|ecrire|ecris|envoyer un (?:mail|email|e mail|courriel"
    r"|message|sms|texto)|mails?|emails?|e mails?|courriels?|adresses? mail|sms|textos?"
    r"|par ecrit|site internet|site web)\b"
)
# The places as the one addressed ("leur écrire", "les contacter", "ils ont un mail"), never
# "envoyez-moi la liste par mail" (the sheet: ``actions.keep_asked``).
_THEM = re.compile(r"\b(?:les|leur|ils|elles|lui|eux|on peut leur|les lieux|ces lieux)\b")
_MAX_WORDS = 16
# Something sent to the person ("pouvez-vous m'envoyer les adresses par mail", "envoie-les-moi
# par SMS"): the sheet (``actions.keep_asked``), never a question on reaching the places.
_TO_ME = re.compile(
    r"\b(?:m |me |me l |me les )(?:envo[iy]|renvo[iy]|transf|transmet)\w*"
    r"|\b(?:envo[iy]|renvo[iy]|transf|transmet)\w* (?:(?:le|la|les|ca|tout) )?(?:moi|nous)\b"
)


def cannot_call_spans(folded: str) -> list[tuple[int, int]]:
    """The spans of ``folded`` (``needs.fold``'s text, of a deaf person's message) that say
    how to reach them: « pas de téléphone possible », « juste des SMS »."""
    return [m.span() for m in _CANNOT_CALL.finditer(folded)]


def cannot_call(text: str) -> bool:
    """The person is deaf or says they cannot phone ("sourd", "je n'entends pas", "je ne peux
    pas téléphoner"); « juste des SMS », « pas de téléphone » alone say it only beside
    deafness (``cannot_call_spans``)."""
    folded = folded_words(text or "")
    return bool(
        _STRONG.search(folded) or _DEAF.search(folded)
        or _DEAFNESS in needs_mod.detect(text or "").constraints
    )


def asks_how_without_calling(text: str) -> bool:
    """ "comment je les contacte sans appeler ?", "je suis sourd, je peux leur écrire ?", "on
    peut leur envoyer un mail ?", "ils ont un email ?", "je peux pas appeler, comment je fais
    pour les joindre ?" — a short message on the places shown that names no need."""
    folded = folded_words(text or "")
    if not folded or len(folded.split()) > _MAX_WORDS or _TO_ME.search(folded):
        return False
    if needs_mod.detect(_CONTACT.sub(" ", folded)).needs:  # "ils ont un mail": no mail to make
        return False
    if _CANNOT_CALL.search(folded) and (_THEM.search(folded) or _CONTACT.search(folded)):
        return True
    return bool(_CONTACT.search(folded) and _THEM.search(folded))


def contact_said(results: list[dict]) -> dict[str, str]:
    """The variables of ``utter_places_without_calling`` for ``results``: how to reach each
    place without calling, and the 114 by SMS for an emergency."""
    urgent = texts.text("utter_emergency_sms", numbers=helplines.NUMBERS["114"].says)
    return {"lines": fmt.contact_lines(results), "urgent": urgent}


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str, shown: dict | None
           ) -> list | None:
    """After a list (or one place in full, ``shown``): how to reach the places without
    calling; None when it is not that question or no place was shown."""
    results = [shown] if shown else (tracker.get_slot("last_search") or {}).get("results")
    if not results or not asks_how_without_calling(text):
        return None
    dispatcher.utter_message(response="utter_places_without_calling", **contact_said(results))
    return [SlotSet("fail_count", 0.0)]


def say_after_list(dispatcher: CollectingDispatcher, start: int, text: str) -> None:
    """A deaf person's request, or one who cannot phone, answered with places (the messages
    from ``start``): how to reach each without calling, after them."""
    if not cannot_call(text):
        return
    for message in dispatcher.messages[start:]:
        payload = (message.get("custom") or {}).get("orienteur") or {}
        if payload.get("type") == "recommendation" and payload.get("results"):
            dispatcher.utter_message(
                response="utter_places_without_calling", **contact_said(payload["results"])
            )
            return
