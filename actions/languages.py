"""A message in English or in Spanish (round t152's tester: "Hello, I need help to fill in my
residence permit application online, I live in Paris"; round 160's: "Hola, necesito ayuda para
hacer mis trámites en internet, vivo en Bayonne", "no hablo francés"). Its need and its town are
read as in French; once in the conversation, one line in that language says that the assistant
answers in French and the places help in French, with the helpline. Every other text stays
French: this line is the only one in another language (``domain.yml``: ``utter_in_english``,
``utter_in_spanish``). A message written in another script — Arabic, Cyrillic, Chinese… (round
176's tester: « مرحبا، أحتاج مساعدة في ملف الكاف، أنا في ليون » read « Je n'ai pas bien compris »)
— cannot be read at all: it gets, in French, that the assistant only understands French and who
can help in person or by phone (``utter_other_script``, ``answer_other_script``). One detector for
all (``language_of``): the script by the Unicode names of the letters, the language by words."""

from __future__ import annotations

import re
import unicodedata

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import formatting as fmt
from actions import texts
from actions.handoff import helpline_line
from actions.message_text import clean_text, is_button
from directory_client.text import fold

# Small words of English that French does not use (never "a", "on", "me", "vie"...).
_ENGLISH = frozenset((
    "the", "i", "i'm", "i'd", "my", "to", "in", "with", "please", "need", "help", "live",
    "someone", "somebody", "alone", "myself", "how", "where", "can", "you", "is", "are",
    "do", "does", "what", "want", "would", "like", "of", "and", "it", "this", "that",
    "hello", "hi", "thanks", "thank", "yes", "online", "application", "file", "fill",
    "apply", "get", "find",
))  # fmt: skip
_FRENCH = frozenset((
    "je", "j'", "le", "la", "les", "de", "des", "du", "un", "une", "mon", "ma", "mes",
    "pour", "avec", "et", "est", "suis", "au", "aux", "en", "que", "qui", "ne", "pas",
    "c'est", "j'ai", "bonjour", "merci", "oui", "non", "aide", "besoin",
))  # fmt: skip
# Words of Spanish that French does not write (accents folded; never "la", "en", "que", "es",
# "con", "y", "mi": French or Creole too).
_SPANISH = frozenset((
    "hola", "necesito", "necesitamos", "ayuda", "ayudar", "ayudame", "hablo", "habla",
    "frances", "buenos", "buenas", "dias", "tardes", "gracias", "favor", "quiero", "tengo",
    "vivo", "mis", "para", "los", "hacer", "tramites", "puedo", "donde", "como", "estoy",
    "soy", "muy", "usted", "senor", "senora", "computadora", "ordenador", "cita", "pero",
    "tambien", "necesita", "espanol", "castellano", "hijo", "hija", "madre", "padre",
))  # fmt: skip
_WORD = re.compile(r"[a-z']+")
# ``language_of`` for a message written mostly in letters of another script than Latin.
OTHER_SCRIPT = "other_script"
OTHER_SCRIPT_RESPONSE = "utter_other_script"


def _script(letter: str) -> str:
    """The script of a letter, as Unicode names it: "LATIN", "ARABIC", "CYRILLIC", "CJK"…"""
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def other_script(text: str) -> bool:
    """Most letters of ``text`` (Unicode category L*) are of another script than Latin: a word
    in Arabic inside a French sentence is not."""
    letters = [c for c in text or "" if unicodedata.category(c).startswith("L")]
    foreign = sum(_script(c) != "LATIN" for c in letters)
    return bool(letters) and foreign > len(letters) / 2
# (language, its words, the line said once in it: a response of domain.yml)
_LANGUAGES = (("en", _ENGLISH, "utter_in_english"), ("es", _SPANISH, "utter_in_spanish"))


def language_of(text: str) -> str | None:
    """``OTHER_SCRIPT`` when most of its letters are not Latin (``other_script``); ``"en"`` or
    ``"es"`` when ``text`` is written in that language, else None: two of its
    small words at least, more than twice the French ones, and a third of the words (a quarter
    in Spanish, whose words French shares more: "en", "la", "internet"); never "ok", "yes" or
    "hola" alone, nor a French message naming a foreign word."""
    if other_script(text):
        return OTHER_SCRIPT
    words = _WORD.findall(fold(text or "").replace("\u2019", "'"))
    french = sum(w in _FRENCH for w in words)
    for language, own, _ in _LANGUAGES:
        count = sum(w in own for w in words)
        share = 3 if language == "en" else 4
        if count >= 2 and count > 2 * french and count >= len(words) / share:
            return language
    return None


def in_english(text: str) -> bool:
    return language_of(text) == "en"


def _earlier_in(tracker: Tracker, language: str) -> bool:
    """An earlier message of the person's was in ``language`` (the line was said then)."""
    said = [e for e in tracker.events if e.get("event") == "user"][:-1]
    return any(
        language_of(clean_text(e.get("text"))) == language
        for e in said
        if not is_button(e.get("text") or "")
    )


def say_once(dispatcher: CollectingDispatcher, start: int, tracker: Tracker, text: str) -> None:
    """The line in the person's language, first among the messages sent from ``start`` on
    (after them when they give emergency numbers), the first time the person writes in it."""
    language = None if is_button(text) else language_of(text)
    if language in (None, OTHER_SCRIPT) or _earlier_in(tracker, language):
        return
    [response] = [r for code, _, r in _LANGUAGES if code == language]
    line = CollectingDispatcher()
    line.utter_message(
        response=response, helpline_name=fmt.HELPLINE_NAME, helpline_phone=fmt.HELPLINE_PHONE
    )
    sent = dispatcher.messages[start:]
    kinds = {((m.get("custom") or {}).get("orienteur") or {}).get("type") for m in sent}
    if kinds & {"emergency", "danger_check"}:
        dispatcher.messages.extend(line.messages)
    else:
        dispatcher.messages[start:start] = line.messages


def answer_other_script(dispatcher: CollectingDispatcher, text: str) -> bool:
    """A message in another script (``language_of``): in French, that the assistant only
    understands French and who can help — a France Services desk, the helpline (its line, with
    this one as its lead, ``handoff.helpline_line``); True when said."""
    if is_button(text) or language_of(text) != OTHER_SCRIPT:
        return False
    helpline_line(dispatcher, lead=texts.text(OTHER_SCRIPT_RESPONSE) + " ")
    return True
