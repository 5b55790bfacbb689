"""Words set aside before a message is read: they carry no danger, yet their meaning or their
digits sit next to the danger examples (a relative or an age, a town, the word asking for help,
a relative who is ill (``illness_context``), an urgency denied in so many words; a phone number is
``data_given``'s)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from actions.safety.common_words import KIN, put_aside
from actions.safety.illness_context import without_relative_ill

# A relative one writes for, or an age ("ma mère de 82 ans", "mon fils", "à 75 ans"): their
# meaning sits next to the danger examples (a mother who fell, a child who vanished) while the
# words say nothing of danger. The question "Êtes-vous en danger ?" is asked only when the message
# still comes close without them (``read``): "pour ma mère de 82 ans qui ne sait pas se servir de
# son téléphone" was asked it. A partner or an ex is kept: they are who the danger often is.
_RELATIVE = re.compile(
    rf"\b(ma|mon|mes|sa|son|ses|notre|nos|leur|leurs|votre|vos|une?|la|le|les) {KIN}\b"
    r"(,? ([aâ]g[eé]e?s? )?(de |[aà] )?\d{1,3} ans\b)?"
    r"|\b([aâ]g[eé]e?s? )?(de |[aà] )?\d{1,3} ans\b",
    re.IGNORECASE,
)


def without_relatives(text: str) -> str:
    """The message with its relatives and ages put as "quelqu'un"."""
    return put_aside(_RELATIVE, text, " quelqu'un ")


def without_town(text: str) -> str:
    """The message with the commune it names put as "ma ville": a town's name weighs nothing
    (``read``). The gazetteer's reading of a town in a message (``actions.town_in_message``)."""
    from actions import town_in_message
    from directory_client import gazetteer
    from directory_client.text import name_key

    text = " ".join(text.split())
    named = town_in_message.town_named(text)
    if named:
        # every commune named: "je vis à Maripasoula, je peux pas aller à Cayenne"
        for _ in range(_MORE_TOWNS):
            text = " ".join(text.replace(named, " ma ville ").split())
            named = town_in_message.town_named(text)
            if not named:
                break
        return text
    # A town written in small letters at the end, where a request puts it ("aide démarches
    # calvi"): the longest run of last words that is a commune's name.
    words, by_key = text.split(), gazetteer.load(None).by_key
    for size in range(min(3, len(words) - 1), 0, -1):
        if by_key.get(name_key(" ".join(words[-size:]).strip(" ?!.,;"))):
            return " ".join([*words[:-size], "ma", "ville"])
    # … or in small letters after « à » where one says where one lives ("agriculteur a laguiole,")
    for i, word in enumerate(words[1:], 1):
        name = word.strip(" ?!.,;")
        after_at = words[i - 1].lower() in _AT and len(name) >= _TOWN_LETTERS
        if after_at and by_key.get(name_key(name)):
            return " ".join([*words[:i], "ma", "ville" + word[len(name) :], *words[i + 1 :]])
    return text


_MORE_TOWNS = 3  # the communes a message names, at most, put aside one by one
_AT = frozenset({"a", "à", "sur", "vers"})  # before a town named in small letters
_TOWN_LETTERS = 5  # shorter words after « à » are too often words ("a bout", "a pied")


# The word that asks for help ("aide démarches", "aidez moi ordi", "besoin d'aide"): the danger
# examples hold short cries ("à l'aide", "help au secours"), so a short request built on it sits
# next to them by that word alone ("aide démarches" +0.055, "démarches" -0.114). "à l'aide" alone,
# "au secours" are the alarm tier's.
_HELP_WORD = re.compile(
    r"\b(j'ai |j ai )?(besoin (d'|d |de l'|de l )|de l'|de l )?(aide|aidez|aider|help)"
    r"([- ](moi|nous))?\b",
    re.IGNORECASE,
)


HELP_REQUEST_WORDS = 3  # what is left of a short request: "demarches svp", "ordi ajaccio"


def without_help_word(text: str) -> str:
    """The message without its word asking for help, when what is left is a short request
    ("aidez moi il lit mes messages" keeps it); else the message as it is."""
    text = " ".join(text.split())
    if not _HELP_WORD.search(text.replace("\u2019", "'")):
        return text
    plain = put_aside(_HELP_WORD, text)
    return plain if 0 < len(plain.split()) <= HELP_REQUEST_WORDS else text


# A distance that keeps one from a place ("je peux pas aller à Cayenne", "je ne peux pas me
# déplacer jusqu'à la préfecture", "je n'arrive pas à me rendre à la CAF"): where one cannot go,
# not a danger; its meaning sits next to someone stuck or kept in ("je ne peux pas sortir",
# never set aside: ``severe``).
_DISTANCE = re.compile(
    r"\b(je |j'|j |on |nous |il |elle )?(ne |n'|n )?(peux|peut|pouvons|pourrai|pourrais|arrive"
    r"|arrivons|sais)( pas| plus| jamais)( a| à)?( me| nous| m'| se| y)? ?(aller|venir|deplacer"
    r"|déplacer|rendre|passer|monter|descendre)\b"
    r"( (jusqu'|jusqu )?(a|à|au|aux|en|dans|sur|chez)( la| le| l'| les| ma| mon| notre)? ?[\w-]+)?",
    re.IGNORECASE,
)


def without_distance(text: str) -> str:
    """The message with where one cannot go put as "je suis loin"."""
    return put_aside(_DISTANCE, text, " je suis loin ")


# A deadline (« je dois l'envoyer avant ce soir », « c'est pour ce soir », « d'ici demain matin »,
# « à rendre avant minuit »): a hurry, no danger; its meaning sits next to the danger examples that
# tell when someone will come back (« il rentre ce soir »), which are never put aside: only a time
# that a task must be done by is.
_WHEN = (
    r"(ce soir|cette nuit|ce midi|minuit|midi|demain( matin| midi| soir)?|aujourd'hui|aujourd hui"
    r"|la fin de (la|cette) (journee|journée|semaine)|la fin du mois|(lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche)( soir| matin)?|\d{1,2} ?h(\d\d)?)"
)
_DEADLINE = re.compile(
    rf"\b(avant|d'ici|d ici|pour|jusqu'[aà]|jusqu [aà]|au plus tard|dernier d[eé]lai)( |,)*"
    rf"{_WHEN}\b"
    rf"|\b[aà] (rendre|envoyer|d[eé]poser|faire|finir|remplir|terminer|valider) {_WHEN}\b",
    re.IGNORECASE,
)


# « en finir » said beside a time stays read as it is (« il faut que j'en finisse avant ce soir »).
_END_OF_LIFE = re.compile(r"\ben fini", re.IGNORECASE)


def without_deadline(text: str) -> str:
    """The message with the time a task must be done by said as « avant la date limite »: the
    meaning of a deadline, without the evening or the night that danger stories tell."""
    if _END_OF_LIFE.search(text):
        return " ".join(text.replace("\u2019", "'").split())
    return put_aside(_DEADLINE, text, " avant la date limite ")


@dataclass(frozen=True)
class _WordsOfNoDanger:
    kind: str
    put_aside: Callable[[str], str]  # the message with those words dropped or made neutral
    calm_only: bool = False  # only in a message with no strong word (severe or alarm tier)


# The words that carry no danger, in the order they are put aside: a message that states a need
# and comes close to danger by its meaning is read again without them (``read``). "aide démarches
# ajaccio" sat at the margin by "aide" and by a town's name, and is read as "démarches ma ville".
_NO_DANGER_WORDS = (
    _WordsOfNoDanger("the word asking for help", without_help_word, calm_only=True),
    _WordsOfNoDanger("a town", without_town),
    _WordsOfNoDanger("a distance", without_distance),
    _WordsOfNoDanger("a relative who is ill", without_relative_ill, calm_only=True),
)


def without_words_of_no_danger(text: str, strong_words: bool) -> str:
    """The message with each kind of word that carries no danger put aside (``_NO_DANGER_WORDS``).
    A strong word (severe or alarm tier) keeps the word asking for help."""
    text = " ".join(text.split())
    for words in _NO_DANGER_WORDS:
        if not (strong_words and words.calm_only):
            text = words.put_aside(text)
    return text


# Urgency denied in so many words (« pas d'urgence vitale hein, mais ma boîte mail… », « ce n'est
# pas une urgence », « rien de grave »): no danger of its own. The words are put aside before the
# message is read (a severe wording beside them is still read as such) and the reading is settled.
_URGENCY_DENIED = re.compile(
    r"\b((il n'y a |y a |il y a )?(pas|aucune) (d'|de |une )?urgen(ce|t)( vitale| m[eé]dicale)?\b"
    r"|(ce n'est|c'est|[cç]a n'est|c|n'est) pas (une |un )?(urgence|urgent|grave)\b"
    r"( vitale| m[eé]dicale)?"
    r"|rien de grave|rien d'urgent)",
    re.IGNORECASE,
)


def without_urgency_denied(text: str) -> str:
    """The message without the words that deny an urgency."""
    return put_aside(_URGENCY_DENIED, text)
