"""Reading a person's message: the text cleaned of markup and cut to ``MAX_TEXT``, a button's
payload told from typed words, the place part of an answer to "where?", and the entities the NLU
read (``place_values``: the places, without a distance's number nor a word that is no town
there). Shared by the actions (``actions.base``…) and the reading of a town
(``actions.location_reply``)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import needs as needs_mod
from directory_client.text import PLACE_SAID, fold
from directory_client.town_words import names_no_town
from directory_client.written_names import whole_place

MAX_TEXT = 500  # what we read of a message: a 10 000-character message is cut, never refused

# --- reading the message ----------------------------------------------------------------------
_TAGS = re.compile(r"<[^>]{0,200}>")
# A script or a style element, its content with it ("<script>alert(1)</script>"): code, never
# words of the person; one left open runs to the end of the message.
_CODE = re.compile(r"<(script|style)\b[^>]{0,200}>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
# "ils sont à Belmont-sur-Rance", "ma mère habite à Hyères" (set AR): where the one helped
# lives, said in the third person, is the town asked as well.
_LEADING = re.compile(
    r"^\s*(?:(?:je suis|jsuis|chui|j'habite|jhabite|j habite|j'suis|on est|nous sommes|c'est|cest"
    r"|je vis|on vit|on habite|nous habitons|nous vivons|(?:ils|elles) (?:sont|habitent|vivent)"
    r"|(?:il|elle) (?:est|habite|vit)|(?:ma|mon|mes) \w+ (?:est|sont|habitent|habite|vit|vivent))"
    r"\s+)?(?:(?:à|a|au|aux|sur|vers|dans le|dans la|près de|pres de|ville de|la ville de)\s+)?",
    re.IGNORECASE,
)


MAX_READ = 20_000  # a longer message is read from its first characters only
KEPT_AFTER = 600  # of a long message's rest: the sentences that say what the person wants


def _names_what(sentence: str) -> bool:
    """A procedure, or a need more precise than paperwork or the everyday tools in general."""
    found = needs_mod.detect(sentence)
    weak = needs_mod.GENERIC_NEEDS - needs_mod.TOOL_NEEDS
    return bool(found.procedures or set(found.needs) - weak)


def folded_words(text: str | None, keep: str = "") -> str:
    """The message as the word rules read it: lower case, no accents, one space between words;
    ``keep`` the signs kept besides letters and digits ("+" for "+33")."""
    return re.sub(rf"[^a-z0-9{re.escape(keep)}]+", " ", needs_mod.fold(text or "")).strip()


def clean_text(text: str | None) -> str:
    """The message without markup, its first ``MAX_TEXT`` characters; of a longer one (a letter
    ending "Ce que je voudrais, c'est apprendre à me servir d'un téléphone. J'habite à …"), the
    sentences after them that say what the person wants or name an office's procedure too
    (``KEPT_AFTER`` characters at most)."""
    text = " ".join(_TAGS.sub(" ", _CODE.sub(" ", (text or "")[:MAX_READ])).split())
    if len(text) <= MAX_TEXT:
        return text
    # The sentences not whole in the first characters that say what the person wants, else
    # those that name a procedure; each once (a story told again is no new request).
    rest = [m.group().strip() for m in needs_mod.SENTENCE.finditer(text) if m.end() > MAX_TEXT]
    # A wish that names nothing ("J'aimerais donc savoir où je peux aller") gives way to the
    # sentences naming the procedure (round 160's tester: « c'est ma caisse de retraite »).
    wished = [s for s in rest if needs_mod.wish_part(s) and _names_what(s)]
    named = [] if wished else [s for s in rest if needs_mod.detect(s).procedures]
    # and the sentences saying where the person lives ("Je vis à Figeac", "mon fils habite à
    # Lille": which town is whose is read from them).
    placed = [s for s in rest if PLACE_SAID.search(fold(s))]
    kept, room = [], KEPT_AFTER
    for sentence in (wished or named) + placed:
        if room > 0 and sentence not in kept and sentence not in text[:MAX_TEXT]:
            kept.append(sentence[:room])
            room -= len(kept[-1])
    head = text[:MAX_TEXT]
    return " ".join([head, *kept])


# What a screen, a letter or a text message said, quoted by the person: « … », "…", “…”.
_QUOTED = re.compile(r"«[^»]{3,300}»|\"[^\"]{3,300}\"|“[^”]{3,300}”")


def without_quotes(text: str) -> str:
    """The person's own words: ``text`` without what it quotes (« appelez ce numéro » on a
    scam's screen is no request to call anyone)."""
    return " ".join(_QUOTED.sub(" ", text).split())


def is_button(text: str) -> bool:
    """A button's payload ("/inform{...}"): the assistant's own words sent back."""
    return text.startswith("/")


def location_text(text: str) -> str:
    """Free text given as an answer to "where?" → the place part."""
    return _LEADING.sub("", clean_text(text)).strip(" .!?")


def entity_values(tracker: Tracker, name: str) -> list[str]:
    out = []
    for ent in tracker.latest_message.get("entities", []) or []:
        if ent.get("entity") == name and ent.get("value") not in (None, ""):
            out.append(str(ent["value"]))
    return out


def place_values(tracker: Tracker) -> list[str]:
    """The places the NLU read in the message, the only way the actions read them: without the
    number of a distance said (the "1" of "Paris, 1 km max" is no arrondissement), nor a word
    the guard of every town read says is something else where it is written ("ma box Orange",
    "Mme T.", "pour Noël": ``directory_client.town_words.names_no_town``), each the whole name
    written around the words tagged ("Chalon sur Saône" for "Saône", "15e à Paris" for "Paris":
    ``directory_client.written_names``), once. A button's places are the assistant's own words:
    all kept."""
    said = tracker.latest_message.get("text") or ""
    button = is_button(said)
    out = []
    for ent in tracker.latest_message.get("entities", []) or []:
        value = ent.get("value")
        if ent.get("entity") != "location" or value in (None, ""):
            continue
        value = str(value)
        if needs_mod.in_distance(said, value):
            continue
        if _need_key_tagged(said, value):
            continue  # "comment marche Whatsapp" tagged a place, its synonym "quotidien"
        if not button and names_no_town(value, said, ent.get("start")):
            continue
        if not button:  # "Saône" of "à Chalon sur Saône": the whole name written
            value = whole_place(said, value, ent.get("start"))
        if value not in out:
            out.append(value)
    return out


def _need_key_tagged(said: str, value: str) -> bool:
    """A word the NLU tagged as a place that its synonym mapper turned into a need's or a
    procedure's key ("Whatsapp" → "quotidien", the synonym of the need's examples): the key is
    not written in the message, and no commune is named so; the word is the need's."""
    keys = set(needs_mod.NEEDS) | set(needs_mod.PROCEDURES)
    return value in keys and fold(value) not in fold(said)
