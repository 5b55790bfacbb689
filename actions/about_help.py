"""Questions on the help itself, asked in any state (tester t218, D8 and D9): what a kind of
help is ("c'est quoi France Services ?", "Aidants Connect c'est quoi ?", "c'est quoi un EPN ?"),
whether it is free ("un conseiller numérique c'est gratuit ?"), whether a médiathèque helps ("on
peut aller à la médiathèque pour ça ?"), whether the assistant does the démarche itself ("vous
pouvez pas le faire pour moi ?"), what it keeps of the person ("vous gardez mes infos ?", "vous
enregistrez mes conversations ?").

Each is answered first, by one response of ``domain.yml`` (``answer_said``), and never changes
the need: then the conversation goes on — the list shown stays, the question of the moment is
asked again (``actions.questions.back_on_track``), and a message that says more (a need, a
town: "la médiathèque peut m'aider pour internet ?") is served as a request after the answer.
Pure reading here (``asked``), and the answer (``answer``)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import erasure, texts
from actions import needs as needs_mod
from actions.message_text import folded_words
from actions.questions import back_on_track
from actions.state import State

# Short messages only: a longer one is a request that may name one of these words.
_MAX_WORDS = 14

# The kinds of help, as people write them (folded), and the text that says what each is.
KINDS = {
    "france_services": (r"(?:maisons? )?france services?|msap", "utter_what_is_france_services"),
    "aidants_connect": (r"aidants? connect", "utter_what_is_aidants_connect"),
    "conseiller_numerique": (
        r"(?:les |un |une |des |le |la )?conseill(?:er|ere|ers|eres)s? numeriques?|cnfs",
        "utter_what_is_conseiller_numerique",
    ),
    "epn": (r"epn|espaces? publics? numeriques?", "utter_what_is_epn"),
    "mediatheque": (r"mediatheques?|bibliotheques?", "utter_what_is_mediatheque"),
}
# What is known of their price: free (France Services, Aidants Connect, the conseillers
# numériques: a public service); the others say it place by place.
FREE = frozenset({"france_services", "aidants_connect", "conseiller_numerique"})

_KIND = {key: re.compile(rf"\b(?:{words})\b") for key, (words, _) in KINDS.items()}
_WHAT = re.compile(
    r"\b(?:c(?: est)? (?:quoi|qui)|cest quoi|qu est ce que?|ca veut dire quoi|ca veut dire"
    r"|(?:ca )?sert a quoi|a quoi (?:ca )?sert|kesako|ca consiste en quoi|c est comment"
    r"|que (?:font|fait)|(?:ils|elles|il|elle) font quoi|definition|expliqu\w*)\b"
)
_PRICE = re.compile(
    r"\b(?:gratuits?|gratuites?|gratos|payants?|payantes?|coute\w*|prix|tarifs?|payer|cher)\b"
)
# "on peut aller à la médiathèque pour ça ?", "la médiathèque peut m'aider ?"
_CAN_GO = re.compile(
    r"\b(?:peut|peux|pouvez|pourrait|pourrais|possible|faut|dois|doit)\b.{0,30}"
    r"\b(?:aller|passer|y aller|aider|aide|m aider|nous aider|faire)\b"
    r"|\b(?:aller|passer)\b.{0,15}\b(?:pour ca|pour cela|pour ce probleme)\b"
)
# The démarche asked of the assistant itself: "vous pouvez pas le faire pour moi ?", "tu peux
# pas faire ma déclaration à ma place ?", "c'est vous qui pouvez le faire ?", "faites-le à ma
# place" — never "quelqu'un peut le faire à ma place ?" (a search for Aidants Connect).
_FOR_ME = r"(?:pour moi|a ma place|pour nous|a notre place|pour lui|pour elle|a sa place)"
_DO_IT = re.compile(
    r"\b(?:vous|tu) (?:ne )?(?:pouvez|peux|pourriez|pourrais|pouvez vous|sauriez|savez)"
    r"(?: pas| plus)? (?:(?:me|m|le|la|les|l|t|te|vous|nous|en) )*"
    r"(?:faire|remplir|envoyer|declarer|gerer|completer|regler|deposer|ecrire|occuper)\b"
    rf".{{0,40}}\b{_FOR_ME}"
    r"|\b(?:c est|cest) (?:vous|toi) qui (?:pouvez|peux|allez|vas|pourriez|faites|fais)"
    r"(?: le| la| les| me| m)? ?(?:faire|remplir|occuper|en occuper)?\b"
    rf"|^(?:(?:alors|bon|svp|stp|s il vous plait) )*(?:faites|fais|remplissez|remplis)"
    rf" (?:le|la|les|l|moi|le moi|la moi)? ?(?:\w+ )?{_FOR_ME}"
    r"|\b(?:vous|tu) (?:pouvez|peux) (?:pas )?(?:le |la |l )?faire (?:vous meme|toi meme"
    r"|directement|en ligne pour moi)\b"
)
# What is kept of the person: "qu'est-ce que vous gardez sur moi ?", "vous gardez mes infos ?",
# "vous enregistrez mes conversations ?", "mes données sont conservées ?", "c'est confidentiel
# ?", "qui peut lire ce que je vous écris ?", "combien de temps vous gardez ça ?".
_DATA = (
    r"(?:infos?|informations?|donnees|coordonnees|conversations?|discussions?|messages?"
    r"|echanges?|historique|ce que (?:j|je|on) (?:vous |te )?(?:ecri\w*|dis|di|raconte)"
    r"|sur moi|de moi|mon nom|mon adresse|mon numero|mes reponses|mes questions|tout ca)"
)
_KEEP_VERB = (
    r"(?:gard\w*|conserv\w*|enregistr\w*|stock\w*|sauvegard\w*|not\w*|reten\w*|lis|lisez"
    r"|partag\w*|vend\w*|revend\w*|transmet\w*|utilis\w*|collect\w*|archiv\w*)"
)
_PRIVACY = re.compile(
    rf"\b(?:vous|tu) (?:me |m )?{_KEEP_VERB}\b.{{0,25}}\b{_DATA}(?:\b|$)"
    rf"|\bqu est ce que (?:vous|tu) {_KEEP_VERB}\b"
    rf"|\b(?:mes|nos|les|cette|la|notre|ma) (?:infos?|informations?|donnees(?: personnelles)?"
    r"|conversations?|discussions?|messages?|echanges?|coordonnees)"
    r" (?:sont|seront|est|sera|restent|reste|vont etre|va etre)"
    r" (?:\w+ )?(?:gardee?s?|conservee?s?|enregistree?s?|stockee?s?|sauvegardee?s?|partagee?s?"
    r"|privee?s?|confidentielles?|securisee?s?|lue?s?|effacee?s?|supprimee?s?|anonymes?)"
    r"|\b(?:c est|cest|c|est ce) (?:bien |vraiment )?(?:confidentiel|anonyme|prive|securise)\b"
    r"|\bqui (?:peut |va |pourra )?(?:lit|lire|voit|voir|a acces a|recoit) (?:ce que|mes|nos"
    r"|cette|la|notre)\b"
    rf"|\bcombien de temps\b.{{0,30}}\b{_KEEP_VERB}\b|\b{_KEEP_VERB}\b.{{0,30}}\bcombien de temps\b"
    r"|\b(?:rgpd|donnees personnelles|vie privee)\b"
)


@dataclass(frozen=True)
class Asked:
    """What a message asks of the help itself: ``kind`` ("france_services"…, "do_it", "kept"),
    ``price`` (whether it is free), and the words of the message left once the question is
    taken out (``rest``), which may still say a need or a town."""

    kind: str
    price: bool = False
    rest: str = ""


def _folded(text: str) -> str:
    return folded_words(text or "")


def asked(text: str) -> Asked | None:
    """The question on the help itself that ``text`` asks, or None. Never an erasure ("ne
    gardez rien sur moi", "effacez mes données": ``actions.erasure``)."""
    folded = _folded(text)
    if not folded or len(folded.split()) > _MAX_WORDS:
        return None
    if _PRIVACY.search(folded) and not erasure.asked(text):
        return Asked("kept")
    if _DO_IT.search(folded):
        return Asked("do_it", rest=folded)
    for key, pattern in _KIND.items():
        named = pattern.search(folded)
        if named is None:
            continue
        rest = (folded[: named.start()] + " " + folded[named.end() :]).strip()
        if _PRICE.search(folded):
            return Asked(key, price=True, rest=rest)
        if _WHAT.search(folded) or (key == "mediatheque" and _CAN_GO.search(folded)):
            return Asked(key, rest=rest)
    return None


def says_more(question: Asked, listed: bool = False) -> bool:
    """Whether the message says a need beside its question ("tu peux pas faire ma déclaration à
    ma place ?", "la médiathèque peut m'aider pour mes impôts ?"): then it is served as a
    request after the answer. After a list (``listed``), only a need named precisely (a file,
    a tool): "le dossier" there is the one of the list."""
    if question.kind == "kept" or not question.rest:
        return False
    found = needs_mod.detect(_WHAT.sub(" ", _PRICE.sub(" ", question.rest)))
    if listed:
        return bool(found.procedures or set(found.needs) - needs_mod.GENERIC_NEEDS)
    return bool(found.needs)


def retention_days() -> int:
    """The days an idle conversation is kept: ``ORIENTEUR_RETENTION_DAYS`` as the purge reads
    it (``bot.runner.Retention``; the production cron is documented with the same 30)."""
    from bot.runner import DEFAULT_RETENTION_DAYS

    raw = (os.environ.get("ORIENTEUR_RETENTION_DAYS") or "").strip()
    try:
        return round(float(raw)) if raw else round(DEFAULT_RETENTION_DAYS)
    except ValueError:
        return round(DEFAULT_RETENTION_DAYS)


def answer_said(question: Asked) -> dict:
    """The one response that answers ``question``, with its variables (Rasa fills them)."""
    how = texts.text("utter_aidants_connect")
    if question.kind == "kept":
        return {"response": "utter_what_is_kept", "days": retention_days()}
    if question.kind == "do_it":
        return {"response": "utter_cannot_do_it_myself", "how": how}
    name = KINDS[question.kind][1]
    if question.price and question.kind in FREE:
        return {"response": "utter_help_is_free", "what": texts.text(name, how=how)}
    if question.price:  # an EPN, a médiathèque: most are free, each place says it
        return {"response": "utter_price_before_places", "question": ""}
    return {"response": name, "how": how}


# The follow-ups the question of the moment can be asked again after (``back_on_track``); any
# other (the danger check, a choice of places) is left to its own turn.
_ASKED_AGAIN_AFTER = (None, "", "need", "need_choice", "location", "location_choice", "mode")


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list | None:
    """A question on the help itself answered first (``answer_text``), in any state; then the
    list shown stays, or the question of the moment is asked again. None when the message asks
    none — or says a need beside it: then it is answered and the message is served as a
    request after it."""
    awaiting = tracker.get_slot("awaiting")
    question = asked(text) if awaiting in _ASKED_AGAIN_AFTER else None
    if question is None:
        return None
    dispatcher.utter_message(**answer_said(question))
    listed = bool((tracker.get_slot("last_search") or {}).get("results")) and not awaiting
    if says_more(question, listed):
        return None
    if not listed:
        dispatcher.utter_message(response=back_on_track(State(tracker)))
    return [SlotSet("fail_count", 0.0)]
