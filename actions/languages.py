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
    "solicitud", "necesitaria", "trabajo", "papeles", "ayudarme",
))  # fmt: skip
# Words of Portuguese, Turkish and Romanian (the languages most spoken by newcomers in France
# after Arabic, whose script ``other_script`` reads) that French does not write, accents folded
# ("ı" read as "i"); never a word French or Spanish also writes ("para", "com" in "com.", "var").
_PORTUGUESE = frozenset((
    "ola", "preciso", "precisamos", "precisa", "ajuda", "ajudar", "ajude", "ajudem", "minha",
    "minhas", "meu", "meus", "moro", "falo", "obrigado", "obrigada", "bom", "boa", "nao",
    "voce", "estou", "tenho", "quero", "fazer", "com", "uma", "declaracao", "impostos",
    "trabalho", "filho", "filha", "mae", "pai", "pedido", "computador", "telemovel", "celular",
    "onde", "muito", "tambem", "documentos", "morada", "portugues", "sou", "posso",
))  # fmt: skip
_TURKISH = frozenset((
    "merhaba", "selam", "yardim", "yardima", "ihtiyacim", "bilmiyorum", "fransizca", "turkce",
    "istiyorum", "lutfen", "tesekkurler", "tesekkur", "ederim", "nerede", "icin", "ben",
    "benim", "bir", "ile", "yasiyorum", "evet", "hayir", "dosyam", "bilgisayar", "annem",
    "babam", "oglum", "kizim", "basvuru", "nasil", "musunuz", "yapmak", "konusmuyorum",
))  # fmt: skip
_ROMANIAN = frozenset((
    "buna", "ziua", "nevoie", "ajutor", "ajuta", "ajutati", "pentru", "locuiesc", "vorbesc",
    "franceza", "romana", "multumesc", "rog", "sunt", "unde", "vreau", "dosarul", "meu", "mea",
    "calculator", "telefonul", "fiul", "fiica", "cerere", "este", "acte", "si", "am",
))  # fmt: skip
# Words Spanish and French both write: never counted as French against Spanish ("hola necesito
# ayuda con mi solicitud de la CAF en Perpignan" has as many "de", "la", "en" as Spanish words).
_SHARED_WITH_SPANISH = frozenset(("de", "la", "en", "que", "un", "no"))
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
_LANGUAGES = (
    ("en", _ENGLISH, "utter_in_english"), ("es", _SPANISH, "utter_in_spanish"),
    ("pt", _PORTUGUESE, "utter_in_portuguese"), ("tr", _TURKISH, "utter_in_turkish"),
    ("ro", _ROMANIAN, "utter_in_romanian"),
)  # fmt: skip


def language_of(text: str) -> str | None:
    """``OTHER_SCRIPT`` when most of its letters are not Latin (``other_script``); ``"en"``,
    ``"es"``, ``"pt"``, ``"tr"`` or ``"ro"`` when ``text`` is written in that language (the one
    with most of its words), else None: two of its small words at least, more than twice the
    French ones, and a third of the words (a quarter
    in Spanish, whose words French shares more: "en", "la", "internet"); never "ok", "yes" or
    "hola" alone, nor a French message naming a foreign word."""
    if other_script(text):
        return OTHER_SCRIPT
    words = _WORD.findall(fold((text or "").replace("ı", "i")).replace("\u2019", "'"))
    found: list[tuple[int, str]] = []
    for language, own, _ in _LANGUAGES:
        shared = _SHARED_WITH_SPANISH if language != "en" else frozenset()
        french = sum(w in _FRENCH and w not in shared for w in words)
        count = sum(w in own for w in words)
        share = 3 if language == "en" else 4
        if count >= 2 and count > 2 * french and count >= len(words) / share:
            found.append((count, language))
    return max(found)[1] if found else None  # the language with the most of its words


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


# The languages a desk note names for someone who does not speak French ("dame ne parle pas fr
# (arabe)", "monsieur arabophone", "parle seulement russe"), folded, as said back.
_SPOKEN = {
    "arabe": "arabe", "anglais": "anglais", "espagnol": "espagnol", "portugais": "portugais",
    "russe": "russe", "ukrainien": "ukrainien", "turc": "turc", "roumain": "roumain",
    "chinois": "chinois", "tamoul": "tamoul", "dari": "dari", "pachto": "pachto",
    "farsi": "farsi", "persan": "persan", "albanais": "albanais", "georgien": "géorgien",
    "bengali": "bengali", "wolof": "wolof", "somali": "somali", "tigrinya": "tigrinya",
    "italien": "italien", "allemand": "allemand", "polonais": "polonais", "serbe": "serbe",
    "kurde": "kurde", "ourdou": "ourdou", "vietnamien": "vietnamien", "lingala": "lingala",
    "peul": "peul", "bambara": "bambara", "soninke": "soninké", "armenien": "arménien",
    "tchetchene": "tchétchène", "bulgare": "bulgare", "mongol": "mongol", "pendjabi": "pendjabi",
}  # fmt: skip
_PHONE_WORDS = {"arabophone": "arabe", "anglophone": "anglais", "russophone": "russe",
                "lusophone": "portugais", "hispanophone": "espagnol"}  # fmt: skip
_NO_FRENCH = re.compile(
    r"\b(?:ne |n )?parlen?t? (?:pas|peu|mal|pas bien|pas du tout|pas trop|aucun mot de)"
    r" (?:le |un mot de |de )?(?:fr|francais|fra)\b|\ballophone\b|\bnon francophone\b"
)
_ONLY = re.compile(r"\bparlen?t? (?:que |qu |seulement |uniquement |juste )(?:l )?([a-z]+)\b")


def spoken_instead(text: str) -> str | None:
    """The language a message says someone speaks instead of French ("dame ne parle pas fr
    (arabe)", "monsieur arabophone", "il parle que russe"), as said back ("arabe"), else None."""
    folded = re.sub(r"[^a-z]+", " ", fold(text or "")).strip()
    words = folded.split()
    phone = next((_PHONE_WORDS[w] for w in words if w in _PHONE_WORDS), None)
    if phone is not None:
        return phone
    only = _ONLY.search(folded)
    if only is not None and only.group(1) in _SPOKEN:
        return _SPOKEN[only.group(1)]
    if _NO_FRENCH.search(folded):
        return next((_SPOKEN[w] for w in words if w in _SPOKEN), None)
    return None


def say_spoken_language(
    dispatcher: CollectingDispatcher, start: int, tracker: Tracker, text: str
) -> None:
    """The person helped speaks another language than French (``spoken_instead``): the directory
    says no place's languages, said plainly once, after the places sent from ``start`` on: call
    before going, to ask for someone who speaks it or an interpreter."""
    language = None if is_button(text) else spoken_instead(text)
    if language is None:
        return
    said = [e for e in tracker.events if e.get("event") == "user"][:-1]
    if any(spoken_instead(clean_text(e.get("text"))) == language for e in said):
        return
    sent = dispatcher.messages[start:]
    if not any(((m.get("custom") or {}).get("orienteur") or {}).get("type") == "recommendation"
               for m in sent):  # fmt: skip
        return
    dispatcher.utter_message(response="utter_language_spoken", language=language)


def answer_other_script(dispatcher: CollectingDispatcher, text: str) -> bool:
    """A message in another script (``language_of``): in French, that the assistant only
    understands French and who can help — a France Services desk, the helpline (its line, with
    this one as its lead, ``handoff.helpline_line``); True when said."""
    if is_button(text) or language_of(text) != OTHER_SCRIPT:
        return False
    helpline_line(dispatcher, lead=texts.text(OTHER_SCRIPT_RESPONSE) + " ")
    return True
