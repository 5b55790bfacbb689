"""A commune named anywhere in a message ("dame 80 ans, dossier retraite, Roubaix, pas d'ordi",
"je veux faire mon CV, Amiens. J'ai un téléphone", "j'habite Saint-Julien-de-Jonzy, je voudrais
apprendre internet", "Mamoudzou aide dossier caf"), when neither the NLU nor the end of the
sentence gave one.

Ordinary words that are also communes (Aucun, Placé, Sens) must not count, so a run of words names
a commune only when the gazetteer has that exact name and:
- inside a sentence, each of its words (links such as "de", "sur" aside) is written with a
  capital, and the message is not all in capitals: "… CV, Amiens." but not "le sens de";
- at the start of a sentence, where every word has a capital, the name has several words
  ("Saint-Julien-de-Jonzy, …") or is a town of at least ``BIG_TOWN`` inhabitants (or of unknown
  population, as Mayotte's) that is no common word (``town_words.COMMON``, ``NEVER``);
- written in lower case, it follows "j'habite", "à", "sur"… and ends its part of the sentence
  ("j'habite roubaix, je voudrais…"), has several words or is such a town, and is no common
  word;
- and the guard every reading of a town applies does not read it as something else where it is
  written (``directory_client.town_words.names_no_town``: "ma box Orange", "Marie m'a dit",
  "Mme T.", "pour Noël").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions import someone_else
from directory_client import gazetteer
from directory_client.departements import ALIASES, DEPARTEMENTS
from directory_client.locator import MAX_LEADING, MIN_LEADING
from directory_client.text import fold, name_key
from directory_client.town_words import (
    COMMON,
    COMMON_TOWNS,
    LINKS,
    NEVER,
    PERSON_WORDS,
    STOPWORDS,
    WHERE_CUES,
    after_cue,
    names_no_town,
)

BIG_TOWN = 10_000
MAX_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+")
_BREAK = re.compile(r"[,.;:!?()\[\]«»\"\n/]|\s-\s")
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int
    folded: str
    sentence_start: bool
    after_break: bool


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        gap = text[previous_end : match.start()]
        first = not words or bool(_SENTENCE_END.search(gap))
        words.append(
            _Word(
                match.group(0),
                match.start(),
                match.end(),
                fold(match.group(0)),
                first,
                first or bool(_BREAK.search(gap)),
            )
        )
        previous_end = match.end()
    return words


def _elided(text: str, words: list[_Word], start: int) -> bool:
    """``words[start]`` is "l" written against the next word with an apostrophe ("L'Haÿ")"""
    nxt = start + 1
    return (
        words[start].folded == "l"
        and nxt < len(words)
        and text[words[start].end : words[nxt].start] in ("'", "’")
    )


def _capitalised(word: _Word) -> bool:
    return word.text[:1].isupper() and not (word.text.isupper() and len(word.text) <= 3)


def _ends_part(words: list[_Word], end: int) -> bool:
    """The name ends its part of the sentence: punctuation, the end, or a small word after."""
    return end == len(words) or words[end].after_break or words[end].folded in STOPWORDS


def _after_cue(words: list[_Word], start: int) -> bool:
    return after_cue([w.folded for w in words[max(0, start - 2) : start]])


def _only_chatter_around(words: list[_Word], start: int, end: int) -> bool:
    """Every other word of the message is chatter or a need's word ("passeport noumea")."""
    return all(w.folded in STOPWORDS for w in words[:start] + words[end:])


def _names_a_commune(
    words: list[_Word], start: int, end: int, communes: list, shouting: bool, after: str = ""
) -> bool:
    span = words[start:end]
    content = [w for w in span if w.folded not in LINKS]
    if not content:
        return False
    key = name_key(" ".join(w.text for w in span))
    one_word = len(span) == 1
    common = key in COMMON or key in NEVER
    if one_word and key in STOPWORDS:
        return False
    population = max(c.current.population for c in communes)
    inside = not span[0].sentence_start
    if not shouting and all(_capitalised(w) for w in content):
        if inside:
            return True
        if one_word and common:
            return False
        return len(content) > 1 or population >= BIG_TOWN or population == 0
    if one_word and common:
        return False
    # In lower case, a small commune's name is too often a word ("il a changé", "a eu", "sur
    # lent"): only a town, or a name of several words.
    # "saint paul la reunion", "caf saint pierre de la réunion": its département or region
    # after the name says it is the town, as a cue before it does.
    # "aubusson dans la creuse": a small town too, its département named beside it.
    qualified = any(c.current.departement in _areas(after) for c in communes)
    # "est à l'hôpital", "près de la poste": a name opening on an article is a common noun
    where = _says_where(words, start) and span[0].folded not in LINKS
    return (
        (_after_cue(words, start) or _only_chatter_around(words, start, end) or qualified)
        and (_ends_part(words, end) or qualified)
        and (len(content) > 1 or population >= BIG_TOWN or population == 0 or qualified
             or where)
    )


def _says_where(words: list[_Word], start: int) -> bool:
    """The words before say where the person is, so a small town's name in lower case is one
    ("j'habite aubusson", "je suis a aubusson"), or "a"/"à" opens the message ("a aubusson ça
    existe ?": no subject before it, never the verb "a" of "il a changé")."""
    before = [w.folded for w in words[max(0, start - 2) : start]]
    return after_cue(before, WHERE_CUES) or (start == 1 and words[0].folded == "a")


def _areas(after: str) -> set[str]:
    """The départements a postcode, a code or a name written ``after`` a town names."""
    index = gazetteer.load(None)
    words = [fold(w) for w in re.findall(r"[^\W_]+", after)][:6]
    while words and words[0] in ("dans", "le", "la", "les", "l", "en", "du", "de", "departement"):
        words.pop(0)
    found: set[str] = set()
    if words and re.fullmatch(r"\d{5}", words[0]):
        found.add(words[0][:3] if words[0].startswith("97") else words[0][:2])
    elif words and words[0].upper() in DEPARTEMENTS:
        found.add(words[0].upper())
    for size in range(1, min(4, len(words)) + 1):
        key = " ".join(words[:size])
        if key in index.dep_by_key:
            found.add(index.dep_by_key[key])
        found |= set(index.region_by_key.get(key, ()))
    return found


def areas_named(text: str) -> set[str]:
    """The départements ``text`` names as a département or a region, and nothing else: "la
    Creuse", "Corrèze", "dans les Landes", "en Bretagne", "La Réunion"; empty for "Guéret"."""
    words = [fold(w) for w in re.findall(r"[^\W_]+", text)]
    while words and words[0] in ("dans", "le", "la", "les", "l", "en", "du", "de", "a", "au"):
        words.pop(0)
    index = gazetteer.load(None)
    key = " ".join(words)
    if key in index.dep_by_key:
        return {index.dep_by_key[key]}
    return set(index.region_by_key.get(key, ()))


def areas_after(text: str, name: str) -> set[str]:
    """The départements named just after ``name`` in ``text``: "aubusson dans la creuse",
    "Saint-Denis (93)", "Tulle en Corrèze"."""
    folded = fold(text).replace("’", "'")
    found = re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded)
    return _areas(text[found.end() :]) if found and len(folded) == len(text) else set()


_BESIDE = frozenset({"dans", "en", "a", "au", "aux", "le", "la", "les", "l", "de", "du", "des"})
# Words that may come before a town's name in "j'habite à Aix dans l'Ain", "je suis sur Tours…".
_WHERE_I_AM = frozenset({
    "bonjour", "salut", "bonsoir", "moi", "je", "j", "suis", "habite", "vis", "nous", "on",
    "habitons", "vivons", "sommes", "c", "est", "ici", "a", "au", "aux", "sur", "vers", "pres",
    "de", "d",
})  # fmt: skip


def _words_before_area(text: str, area: str):
    """The départements ``area`` names, the words written before it ("dans", "en"… dropped) and
    where it stands; None when ``area`` is not written in ``text``."""
    deps = areas_named(area)
    folded = fold(text).replace("’", "'")
    found = re.search(rf"(?<!\w){re.escape(fold(area))}(?!\w)", folded)
    if not deps or found is None or len(folded) != len(text):
        return None
    words = _words(text[: found.start()])
    while words and words[-1].folded in _BESIDE:
        words.pop()
    return deps, words, found


def town_before_area(text: str, area: str, index=None) -> str | None:
    """The commune named just before ``area`` (a département or region written in ``text``),
    when it lies there: "Guéret dans la Creuse", "Tulle en Corrèze", "Saint-Pierre à la
    Réunion", "aubusson (creuse)". None when no commune of that area is named beside it."""
    before = _words_before_area(text, area)
    if before is None:
        return None
    deps, words, found = before
    index = index or gazetteer.load(None)
    if words and _SENTENCE_END.search(text[words[-1].end : found.start()]):
        return None  # a sentence between them: "à Guéret. Je vais en Corrèze"
    for size in range(min(MAX_WORDS, len(words)), 0, -1):
        run = words[len(words) - size :]
        if any(w.after_break for w in run[1:]):
            continue
        key = name_key(" ".join(w.text for w in run))
        # "Bourg dans l'Ain": also the first words of a town's name there (Bourg-en-Bresse)
        named = [*index.by_key.get(key, ()), *index.longer_names.get(key, ()),
                 *index.leading_names.get(key, ())]  # fmt: skip
        if any(c.current.departement in deps for c in named):
            return text[run[0].start : run[-1].end]
    return None


def towns_not_in_area(text: str, area: str, index=None) -> tuple[str, list] | None:
    """A commune's name written just before ``area`` that no commune of that area has ("aix
    dans l'ain", "Tours dans le Nord", "saint denis dans le cantal"): the name as written and
    the communes of that name elsewhere, the biggest first (Aix-en-Provence, Aix-les-Bains, Aix
    in Corrèze). Only when the name is all that comes before the area, but for words such as
    "j'habite à"; None when a commune there has that name or starts with it ("Bourg dans
    l'Ain", ``town_before_area``)."""
    before = _words_before_area(text, area)
    if before is None:
        return None
    deps, words, _ = before
    index = index or gazetteer.load(None)
    # Only what follows the last comma or full stop, and only "j'habite à" before the name: "aide
    # pour mes démarches en ligne dans le Cher" names no town ("ligne" is Ligné's name folded).
    last = max((i for i, w in enumerate(words) if w.after_break), default=0)
    words = words[last:]
    start = next((i for i, w in enumerate(words) if w.folded not in _WHERE_I_AM), len(words))
    run = words[start:]
    if not run or any(w.after_break for w in run[1:]) or len(run) > MAX_WORDS:
        return None
    key = name_key(" ".join(w.text for w in run))
    if len(run) == 1 and ((key in COMMON and key not in COMMON_TOWNS) or key in NEVER):
        return None
    named = [*index.by_key.get(key, ()), *index.longer_names.get(key, ()),
             *index.leading_names.get(key, ())]  # fmt: skip
    if not named or any(c.current.departement in deps for c in named):
        return None
    named = sorted({c.current.code_insee: c for c in named}.values(),
                   key=lambda c: -(c.current.population or 0))  # fmt: skip
    return text[run[0].start : run[-1].end], named


def _departement_pattern() -> re.Pattern:
    names = {*DEPARTEMENTS.values(), *ALIASES} - {"Paris"}
    written = sorted(
        {re.sub(r"[\s'-]+", r"[\\s'-]+", fold(n)) for n in names}, key=len, reverse=True
    )
    return re.compile(
        r"\b(?:en|dans\s+(?:le|la|les|l')\s*|departement\s+(?:de\s+la|de\s+l'|du|des|de)?\s*)"
        r"\s*(" + "|".join(written) + r"|\d\d|2a|2b|97[1-6])(?![\w-])"
        r"(?!\s+(?:de|du|des|d')\s)"  # "dans le nord de la ville": a side, not the Nord
        r"(?!\s*(?:ans|an|km|euros?|e|%|h|heures?|minutes?)\b)"  # "dans le 59 ans"? an amount
    )


_DEPARTEMENT_IN = _departement_pattern()
# Départements whose name is a word: "en somme", "en cher", "en var" (SMS), "en nord" are no place.
_WORDS_TOO = frozenset(
    {"somme", "manche", "cher", "lot", "nord", "creuse", "aube", "var", "vienne", "orne", "gard"}
)


def departement_named(text: str) -> str | None:
    """A département named as where someone is, as every département is written: "en Haute-
    Savoie", "en haute savoie", "dans les Hautes-Alpes", "dans l'Ain", "dans le Val-d'Oise"; a
    name that is also a word, in lower case, only after "dans" ("en somme" is a phrase)."""
    folded = fold(text).replace("’", "'")
    if len(folded) != len(text):
        return None
    for found in _DEPARTEMENT_IN.finditer(folded):
        written = text[found.start(1) : found.end(1)]
        if written[:1].isdigit():
            if found.group(0).startswith("dans") and written.upper() in DEPARTEMENTS:
                return written.upper()  # "j'habite dans le 59"
            continue
        one_word = not re.search(r"[\s'-]", written)
        lower = not written[:1].isupper()
        if one_word and lower and found.group(0).startswith("en") and written in _WORDS_TOO:
            continue
        return written
    return None


def town_named(text: str, index=None) -> str | None:
    """The words of ``text`` that name a commune (the longest such run), or None. ``index``: the
    locator's, with the directory's communes the gazetteer lacks (Nouméa); else the gazetteer."""
    index = index or gazetteer.load(None)
    words = _words(text)
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 8 and all(c.isupper() for c in letters)
    for size in range(min(MAX_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            end = start + size
            if any(w.after_break for w in words[start + 1 : end]):
                continue  # a name never spans a comma or a full stop
            if words[start].folded in LINKS and size > 1 and not _elided(text, words, start):
                continue  # "l'Haÿ-les-Roses", "L’Isle-Adam": the article is the name's
            key = name_key(" ".join(w.text for w in words[start:end]))
            communes = index.by_key.get(key)
            after = text[words[end - 1].end :]
            if communes and _names_a_commune(words, start, end, communes, shouting, after):
                named = text[words[start].start : words[end - 1].end]
                if not names_no_town(named, text, words[start].start):
                    return named
    return _first_words_named(text, words, index) if not shouting else None


def _first_words_named(text: str, words: list[_Word], index) -> str | None:
    """The first words of a longer name no commune bears alone, written with capitals inside a
    sentence ("accueil mairie Plougastel : …" is Plougastel-Daoulas, t181 d06): the locator's
    first-words rule, which it applies to short messages only."""
    leading = getattr(index, "leading_names", None) or {}
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if run[0].sentence_start or any(w.after_break for w in run[1:]):
                continue
            if not all(w.text[:1].isupper() and not w.text.isupper() for w in run):
                continue  # "Plougastel", never "ARGENT" shouted (Argent-sur-Sauldre)
            if re.match(r"-\w", text[run[-1].end :]) or text[: run[0].start].endswith("-"):
                continue  # "Nouvelle-Calédonie" written whole: not Nouvelle-Église
            key = name_key(" ".join(w.text for w in run))
            if len(key) < MIN_LEADING or key in index.by_key or key in PERSON_WORDS:
                continue
            communes = {c.code_insee for c in leading.get(key, ())}
            if not 0 < len(communes) <= MAX_LEADING:
                continue
            named = text[run[0].start : run[-1].end]
            if not names_no_town(named, text, run[0].start):
                return named
    return None


# --- several towns in one message ------------------------------------------------------------
# "ma fille habite à Toulouse mais moi j'habite à Périgueux", "je travaille à Bordeaux mais
# j'habite à Libourne", "j'habite à Lille mais c'est pour ma mère qui vit à Arras": the town where
# the person to be helped lives wins over a town named for someone else or for work, unless the
# places are wanted near work ("près de mon travail à Bordeaux, j'habite à Agen": Bordeaux).
_HOME_VERBS = frozenset(
    {"habite", "habites", "habitons", "habitez", "habitent", "jhabite", "vis", "vit", "vivons",
     "vivez", "vivent", "suis", "sommes", "reside", "residons", "residez", "resident", "demeure",
     "loge", "logeons", "installe", "installee", "installes", "domicilie", "domiciliee"}
)  # fmt: skip
_WORK_WORDS = frozenset(
    {"travaille", "travaillons", "travaillez", "travail", "bosse", "boulot", "bureau", "taf",
     "job", "stage", "etudie", "etudes", "ecole", "fac"}
)  # fmt: skip
_SELF = frozenset({"je", "j", "jhabite", "moi", "nous", "on"})
_PEOPLE = (
    "mere pere fille fils mari femme epouse epoux soeur frere maman papa parents parent enfant "
    "enfants tante oncle voisin voisine ami amie copain copine cousin cousine neveu niece "
    "grand-mere grand-pere grand mamie papi beau-pere belle-mere belle-fille beau-fils "
    "compagnon compagne conjoint conjointe client cliente patient patiente dame monsieur"
)
_OTHERS = frozenset({"il", "elle", "ils", "elles", "qui", "lui", "eux"} | set(_PEOPLE.split()))
# Written for someone else: "c'est pour ma mère", "pour mon père", "pour elle".
_FOR_OTHER = re.compile(
    r"\b(c'?est |c est |je demande |j'?ecris |je cherche )?pour (ma|mon|mes|notre|nos|une|un) "
    rf"({'|'.join(re.escape(p) for p in _PEOPLE.split())})\b|\bpour (elle|lui|eux|elles)\b"
)
# "près de mon travail à Bordeaux, j'habite à Agen", "à Bordeaux, près du boulot": the places
# are wanted near work, the town named for work is the one to search.
_NEAR_WORK = re.compile(
    r"\b(?:pr[eè]s|proche|[aà] c[oô]t[eé]|autour|pas loin|vers) (?:de |du |d'|d’|d |des )?"
    r"(?:mon |ma |notre )?(?:lieu de )?(?:travail|boulot|bureau|taf|job)\b",
    re.IGNORECASE,
)


def without_near_work(text: str) -> str:
    """``text`` without "près de mon travail", "près du boulot": where the places are wanted,
    never a need to find work."""
    return _NEAR_WORK.sub(" ", text)
# Who has the need, when the writer lives in one town and someone else in another: "elle a
# besoin d'aide", "il doit déclarer", "ma mère n'arrive pas" (the other), or "je voudrais", "j'ai
# besoin", "je dois" (the writer). "je suis", "j'habite" say where, not who is helped.
_NEED_VERBS = (
    r"(?:ne |n'|n )?(?:y )?(?:a besoin|ont besoin|avons besoin|ai besoin|doi[stv]\w*|voudr\w+"
    r"|veu[xtl]\w*|cherch\w+|souhait\w+|aimer\w+|arriv\w+|sai[st]\b|savent|galer\w+"
    r"|a du mal|ont du mal|ai du mal|essai\w+|demand\w+|compren\w+|narrive\w*)"
)
_RELATIVE = rf"(?:ma|mon|mes|notre|nos) (?:{'|'.join(re.escape(p) for p in _PEOPLE.split())})"
_THEIR_NEED = re.compile(rf"\b(?:il|elle|ils|elles|{_RELATIVE}) {_NEED_VERBS}")
_MY_NEED = re.compile(rf"\b(?:je |j'|j |moi je |moi j'){_NEED_VERBS}")


def _who_is_helped(folded: str) -> str | None:
    """``_AWAY`` when the message says the need is someone else's ("elle a besoin d'aide pour sa
    retraite"), ``_HOME`` when it is the writer's ("je voudrais de l'aide pour les APL"), None
    when it says neither, or both."""
    theirs, mine = bool(_THEIR_NEED.search(folded)), bool(_MY_NEED.search(folded))
    if theirs == mine:
        return None
    return _AWAY if theirs else _HOME


_CLAUSE_STOP = frozenset({"mais", "et", "ou", "sinon", "alors", "donc", "car", "puis"})
_LINKS_ONLY = LINKS | {"vers", "pres", "cote", "ou", "bien", "peut-etre", "plutot"}
_HOME, _NONE, _AWAY, _WORK = "home", "none", "away", "work"
# Words before a second town that situate the first ("à Plouha près de Paimpol", "à côté de").
_SITUATES = frozenset({"pres", "cote", "loin", "proche", "environs", "autour"})


def _clause_before(text: str, start: int, floor: int) -> list[str]:
    """The folded words of the clause that ends just before ``start`` (not before ``floor``)."""
    opening = text[floor:start]
    cut = max((m.end() for m in re.finditer(r"[,.;:!?()\n]", opening)), default=0)
    words = [fold(w) for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", opening[cut:])]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_STOP:
            return words[i + 1 :]
    return words


def _role(words: list[str]) -> str:
    """What the clause before a town says of it: where someone lives (the person, or someone
    else), where someone works, or nothing."""
    if any(w in _WORK_WORDS for w in words):
        return _WORK
    verb = next((i for i in range(len(words) - 1, -1, -1) if words[i] in _HOME_VERBS), None)
    if verb is None:
        # "et moi à Périgueux"
        return _HOME if words and words[0] == "moi" else _NONE
    if words[verb] == "jhabite":
        return _HOME
    for word in reversed(words[:verb]):
        if word in _SELF:
            return _HOME
        if word in _OTHERS:
            return _AWAY
    return _HOME if words[verb] in ("suis", "sommes", "vis", "habitons", "vivons") else _NONE


def towns_of_the_person(text: str, names: list[str]) -> tuple[list[str], bool]:
    """Of several towns named in ``text`` (the NLU's places), the one where the person to be
    helped lives, and whether to ask which: several where the person may live ("je suis à Lille
    et à Arras"). All of them, not to ask, when a name is no commune (a postcode, a département
    or a region qualifies a town: "Saint-Denis, à la Réunion", "Orange 84100") or when nothing
    around them tells them apart."""
    index = gazetteer.load(None)
    keys = [name_key(n) for n in names]
    if len(set(keys)) < 2 or any(
        k not in index.by_key or k in index.dep_by_key or k in index.region_by_key for k in keys
    ):
        return names, False
    folded = fold(text)
    spans: list[tuple[str, int]] = []
    floor = 0
    for name in names:
        found = re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded[floor:])
        if found is None:
            return names, False
        spans.append((name, floor + found.start()))
        floor += found.end()
    roles, floor = [], 0
    for name, start in spans:
        clause = _clause_before(folded, start, floor)
        role = _role(clause)
        if role == _NONE and roles and all(w in _LINKS_ONLY for w in clause) and not (
            _SITUATES & set(clause) and "ou" not in _WORD.findall(folded[floor:start])
        ):
            role = roles[-1]  # "j'habite à Lille ou à Arras": the same verb for both; "je vis à
            # Plouha près de Paimpol": Paimpol only situates Plouha (t181 g02)
        roles.append(role)
        floor = start + len(name)
    if all(r == _NONE for r in roles):
        return names, False
    for_other = bool(_FOR_OTHER.search(folded))
    if not for_other and _HOME in roles and _AWAY in roles:
        helped = _who_is_helped(folded)
        if helped is None and someone_else.tells_who_helped(text):
            helped = _HOME  # "ma fille m'aidait mais elle habite à Lyon": the writer's need
        if helped is None:  # "je suis à Marseille, ma mère habite à Aix" and no more: ask
            return [n for (n, _), r in zip(spans, roles, strict=True) if r in (_HOME, _AWAY)], True
        for_other = helped == _AWAY
    order = (_AWAY, _NONE, _HOME, _WORK) if for_other else (_HOME, _NONE, _AWAY, _WORK)
    if _WORK in roles and _NEAR_WORK.search(text):
        order = (_WORK, *order[:-1])  # "près de mon travail à Bordeaux": Bordeaux
    best = min(order.index(r) for r in roles)
    kept = [name for (name, _), role in zip(spans, roles, strict=True) if order.index(role) == best]
    return kept, len(kept) > 1
