"""Words that are no town where people write them: the one list, and the one guard.

Every reading of a town in what someone types goes through ``names_no_town``: the NLU model's
``location`` entity, a commune named inside a message (``actions.town_in_message``), the end of
a sentence (``actions.location_reply.guess_place``), a reception desk's note (``bot.staff.triage``).
The locator's stop words are here too (``STOPWORDS``): one list of the words around a town.

A run of words that names a commune is no town when its context says so:
- a person: after a title ("Mme T.", "M. Martin", "Madame Roubaix") or starting with one;
- a date: a month or a holiday ("pour Noël", "le 15 mars");
- an operator or a first name (Orange, Free, SFR, Bouygues; Marie, Robert): unless a word that
  says where someone is comes before ("j'habite à Orange", "je suis à Orange", "près de
  Marie") — "ma box Orange", "forfait Orange", "boutique Orange", "j'ai écrit à Orange",
  "abonné à Orange" are the operator;
- an ordinary word that is also a commune ("Aucun", "sur place", "à rien", "Sens interdit"):
  see ``NEVER`` and ``COMMON``; the way something is done ("en ligne", "à distance", "par
  mail"): see ``WAYS``;
- a small word (``STOPWORDS``: "y" of "il y a", "Vers", "Sur").
Whatever the word, it is a town when it is the whole message ("Orange", "Sens" given when asked
where) or when a postcode or its département follows ("Orange 84100", "Orange (84)", "Orange
dans le Vaucluse"); one of these words that starts a longer name written there is the town only
when that name is a commune's ("Noël-Cerneux", not the island of "Marie-Galante").
"""

from __future__ import annotations

import functools
import re

from directory_client.french_dates import MONTHS, WEEKDAYS
from directory_client.text import fold, name_key

# Words of a short message that are never a place on their own ("Y", "Eu", "Vers" and "Sur" are
# communes, but "je suis sur Lyon" is about Lyon). The locator matches them only as the whole
# message; the desk's note drops them around a town's name.
_STOPWORDS_TEXT = """a au aux avec c ca ce chez cote d dans de des du en est et il j je l la le les
    ma mais me mes moi mon n ne non oui ou par pas pour pres proche proximite qu que qui sa
    allez
    se si son sont sur suis t ta te toi ton tu un une vers vit vis y habite habites habitons
    j'habite bonjour salut merci svp stp aide cherche trouve ville commune secteur region
    coin quartier loin ici la-bas pres-de autour environs alentours france francais
    ai as avez avons ont besoin veux voudrais voudrai peux pouvez faire aller suis sommes
    travaille travail cherche chercher trouver aider aidez mes nos vos notre votre leur
    bien tres plus moins aussi alors donc car comme quand ou hello allo ok okay
    code postal cp numero adresse rue habiter habitez demeure reside habitant habitante domicile
    carte grise vitale identite passeport permis conduire compte ameli caf impots impot emploi
    pole travail chomage retraite mutuelle sante logement banque internet ordinateur telephone
    smartphone tablette mail email numerique demarche demarches dossier formulaire papiers
    rendez rdv aides imprimer scanner declaration
    jai jsuis jsui chui chuis jhabite jvis"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# Link words of compound names, written in lower case ("Saint-Julien-de-Jonzy").
LINKS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "lez", "sous",
     "sur"}
)  # fmt: skip

# Words before a town: "j'habite Roubaix", "à Amiens", "sur Lyon", "près de Lille"...
CUES = (("habite",), ("a",), ("sur",), ("vers",), ("pres", "de"), ("dans",), ("vis", "a"))
# ... and those that say where the person is, before a name that is also something else: "à
# Orange" alone may be the operator ("j'ai écrit à Orange"), "j'habite à Orange" is the town.
WHERE_CUES = (
    ("habite",), ("habite", "a"), ("habitons", "a"), ("habitez", "a"), ("vis", "a"), ("vit", "a"),
    ("vivons", "a"), ("suis", "a"), ("sommes", "a"), ("est", "a"), ("pres", "de"), ("pres", "d"),
    ("cote", "de"), ("cote", "d"), ("autour", "de"), ("autour", "d"), ("vers",), ("ville", "de"),
    ("ville", "d"), ("commune", "de"), ("commune", "d"), ("mairie", "de"), ("mairie", "d"),
    ("secteur",), ("region", "de"), ("region", "d"), ("originaire", "de"), ("originaire", "d"),
    # SMS spelling: "jsuis a mauleon", "jhabite a", "chui a", "je sui a" (2026-12-07, helper177)
    ("jsuis", "a"), ("jsui", "a"), ("chui", "a"), ("chuis", "a"), ("sui", "a"), ("jhabite",),
    ("jhabite", "a"), ("jvis", "a"),
)  # fmt: skip

# Before a person's name ("Mme T.", "M. Martin", "Monsieur Roubaix", "Famille M.").
TITLES = frozenset(
    {"m", "mr", "mme", "mmes", "mlle", "mlles", "madame", "monsieur", "mademoiselle", "messieurs",
     "dr", "docteur", "professeur", "famille"}
)  # fmt: skip
# Telephone and internet operators; "Orange" is also a town of 29 000 (Vaucluse).
OPERATORS = frozenset({"orange", "free", "sfr", "bouygues", "sosh", "red", "b&you"})
# First names people write in a message ("Marie m'a dit", "mon fils Lucas"); Marie, Nicole,
# Robert (Le Robert, Martinique), François (Le François)… are communes too.
_FIRST_NAMES_TEXT = """
    marie julien lucas lea emma louis gabriel jules hugo arthur adam nathan paul thomas nicolas
    jean michel martin bernard laurent vincent sophie julie camille sarah laura manon chloe ines
    lola alice anna clara eva zoe jade louise rose pauline marion claire anne catherine isabelle
    nathalie sylvie christine francoise monique jacqueline nicole martine brigitte patricia
    sandrine valerie celine aurelie stephanie caroline emilie elodie melanie lucie juliette
    charlotte leon raphael tom theo maxime antoine alexandre baptiste clement quentin romain
    kevin florian guillaume mathieu sebastien olivier christophe stephane frederic philippe
    patrick alain gerard andre jacques rene roger robert marcel henri georges daniel yves claude
    serge bruno didier eric thierry pascal francois denis david gilles herve jerome xavier
    mohamed ahmed ali fatima aicha yasmine karim rachid samir nadia leila sofiane amine mehdi"""
FIRST_NAMES = frozenset(_FIRST_NAMES_TEXT.split())
# Words about people and what they do, never a town's name misspelt nor alone (t181: « c pr ma
# mere » read as Méré, « c'est pour ma maman » as Mazan, « il faut rdv ? » as Faux): a relative, a
# pronoun, a common verb or word of chat. The locator never reads them by a near-miss, nor as a
# commune's exact name unless they are the whole message or follow a word that says where (« à
# Méré »); see docs/locator.md.
_PERSON_WORDS_TEXT = """
    mere maman mamam mman mamie mami meme grand-mere pere papa papi papy pepe grand-pere fils
    fille filles enfant enfants gamin gamine bebe soeur soeurs frere freres tante tantine oncle
    tonton cousin cousine neveu niece voisin voisine voisins mari femme epouse epoux conjoint
    conjointe copain copine ami amie amis parent parents beau-pere belle-mere belle-fille gendre
    monsieur madame dame homme personne mamy
    elle elles ils lui leur eux nous vous on moi toi cela ceci celui celle ceux
    faut fait fais font dit dis disent sait sais savent peut peux veut veux vont va vais viens
    vient arrive arrives arrivent marche marchent comprend comprends oublie oubliee perdu perdue
    recu recue envoye appele appeler payer paye rien tout tous toute toutes pareil merci mercii
    oui ouais ok okay daccord dac non nan bah ben bon bien voila quoi comment combien pourquoi
    quel quelle quels quelles lequel laquelle rdv"""
PERSON_WORDS = frozenset(_PERSON_WORDS_TEXT.split())
# A month, a day or a holiday: "pour Noël", "le 15 mars", "à la Toussaint".
DATES = frozenset(
    {fold(m) for m in MONTHS}
    | set(WEEKDAYS)
    | {"noel", "paques", "toussaint", "pentecote", "ascension", "reveillon", "careme"}
)
# Communes whose name is a word people write for something else, even with a capital: a pronoun,
# a thing ("Aucun ordi", "sur place", "dans le bus", "une dame", "en ville").
NEVER = frozenset({"aucun", "place", "bar", "bus", "dame", "ville"})
# The first word of a saint's name, never a town alone: "saint" read in "je suis a saint denis de
# la reunion" is a longer name cut short (Saint-Denis), not a commune to look for.
SAINT_WORDS = frozenset({"saint", "sainte", "st", "ste", "saints"})
# How something is done, never where: "impôts en ligne" (Ligné), "à distance", "sur place", "par
# mail". The last word of one of these, written after its first, is no town.
WAYS = frozenset(
    {("en", "ligne"), ("a", "distance"), ("sur", "place"), ("par", "mail"), ("par", "email"),
     ("par", "courrier"), ("par", "telephone"), ("par", "internet"), ("par", "ecrit"),
     ("en", "personne"), ("a", "domicile"), ("en", "visio"), ("en", "direct"), ("en", "face"),
     ("en", "presentiel"), ("en", "agence"), ("au", "guichet")}
)  # fmt: skip
# A price, never a place: "pas cher", "moins chère", "trop chers" (the Cher). A word of degree
# before the adjective makes it the price; "dans le Cher", "Vierzon (Cher)" stay the département.
PRICE_WORDS = frozenset({"cher", "chere", "chers", "cheres"})
DEGREE_WORDS = frozenset(
    {"pas", "moins", "plus", "trop", "tres", "si", "aussi", "peu", "vraiment", "super", "hyper"}
)
# Communes whose name is an ordinary word, at the start of a sentence or in lower case ("Sens
# interdit", "Tours de magie", "ça sert à rien"); written with a capital inside a sentence they
# are the town.
COMMON = frozenset(
    {"sens", "mont", "bon", "bons", "tours", "nice", "foix", "gap", "lens", "bourg", "bras",
     "cours", "digne", "bonnes", "moyenne", "bouche", "mer", "vente", "rien", "pont", "port",
     "vire"}  # "il a viré mon dossier" (Viré, 71; Vire, now Vire Normandie, 14)
)  # fmt: skip
# Of ``COMMON``, the towns more often meant than the word: also a town after a word that says
# where ("je suis a nice", "vers tours") or alone between two stops ("… à ma place. Lens").
COMMON_TOWNS = frozenset({"sens", "tours", "nice", "foix", "gap", "lens", "digne"})
# Of these, the towns a message of that name alone means ("Nice", "Tours", "Gap" typed first):
# "Sens" alone stays the word, as it always was.
TOWNS_ALONE = COMMON_TOWNS - {"sens"}

POSSESSIVES = frozenset(
    {"mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos",
     "leur", "leurs"}
)  # fmt: skip
# Never a town: a thing of the person's ("Mon Gmail", "à ma place": no commune's name starts
# with a possessive followed by another word), a greeting ("Hello I"), an internal key
# ("france_travail").
NOT_A_PLACE = re.compile(
    r"(mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leurs?)\s+\w"
    r"|(hello|hi|hey|bonjour|bonsoir|salut|coucou)\b|\w+_\w",
    re.IGNORECASE,
)

_TOKEN = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?\n]\W*$")
_STOP_BEFORE = re.compile(r"(^|[.!?;:,\n])\s*$")
_STOP_AFTER = re.compile(r"^\s*([.!?;:,\n]|$)")
_POSTCODE = re.compile(r"^(\d{5}|2[ab]\d{3})$")
# A postcode, or a département's code alone or in brackets: "Orange 84100", "Orange (84)",
# "Orange, 84." — not "Orange 20 euros".
_CODE_AFTER = re.compile(
    r"^\W{0,3}(\d{5}|2[ab]\d{3}|\(\s*(\d{2,3}|2[ab])\s*\)|(\d{2}|2[ab]|97\d)\s*([,.;!?)]|$))",
    re.IGNORECASE,
)
_BEFORE_AREA = frozenset({"dans", "le", "la", "les", "l", "en", "du", "de", "departement", "dep"})
# Words before "à" that make it the operator's: "abonné à Orange", "passé à Free".
_CUSTOMER = frozenset(
    {"abonne", "abonnee", "abonnes", "client", "cliente", "clients", "passe", "passee", "ecrit",
     "telephone", "appele", "reponse", "souscrit", "inscrit", "inscrite"}
)  # fmt: skip
# What may come before a town given alone ("je suis à Orange", "c'est Sens").
_LEADING = frozenset(
    {"je", "j", "suis", "jsuis", "chui", "habite", "jhabite", "on", "est", "nous", "sommes",
     "c", "cest", "a", "au", "aux", "sur", "vers", "dans", "le", "la", "l", "pres", "de", "d",
     "ville", "commune", "moi", "et"}
)  # fmt: skip


def _tokens(text: str) -> list[str]:
    return [fold(t) for t in _TOKEN.findall(text)]


def _span(text: str, name: str, start: int | None) -> tuple[int, int] | None:
    """Where ``name`` is written in ``text``, accents aside: at ``start`` (the NLU's offset) when
    it is there, else its first occurrence as whole words."""
    if start is not None and fold(text[start : start + len(name)]) == fold(name):
        return start, start + len(name)
    folded = fold(text)
    if len(folded) == len(text):  # no ligature ("œ"): the offsets are the text's
        found = re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded)
    else:
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
    return found.span() if found else None


def after_cue(before: list[str], cues: tuple[tuple[str, ...], ...] = CUES) -> bool:
    """The folded words ``before`` a name end with one of ``cues``."""
    return any(tuple(before[-len(cue) :]) == cue for cue in cues if len(before) >= len(cue))


def _names_area(written: str) -> bool:
    """A postcode, a département's code or name follows: "84100", "(84)", "dans le Vaucluse"."""
    if _CODE_AFTER.match(written):
        return True
    words = _tokens(written)[:5]
    while words and words[0] in _BEFORE_AREA:
        words.pop(0)
    if words and _POSTCODE.match(words[0]):
        return True
    index = _gazetteer()
    return any(
        " ".join(words[:size]) in index.dep_by_key or " ".join(words[:size]) in index.region_by_key
        for size in range(1, min(4, len(words)) + 1)
    )


@functools.cache
def _gazetteer():
    from directory_client import gazetteer

    return gazetteer.load(None)


def names_no_town(name: str, text: str | None = None, start: int | None = None) -> bool:
    """``name``, read as a place in ``text`` (at ``start`` when known), is no town there: a
    person, a date, an operator, an ordinary word (see the module's docstring)."""
    name = (name or "").strip()
    words = name_key(name).split()
    if not words or NOT_A_PLACE.match(name):
        return True
    if words[0] in TITLES:
        return True  # "Mme T", "M Martin", "M"
    text = text or name
    if name_key(text) == " ".join(words):
        return False  # the whole message: the answer to "where?"
    span = _span(text, name, start)
    if span is None:
        return False  # not written in the message (a button's town): nothing says otherwise
    before, after = _tokens(text[: span[0]]), text[span[1] :]
    # A comma, a semicolon or a line between them: the title ends its own part ("la messagerie
    # de madame, Tours": Tours is the town).
    apart = re.search(r"[,;:\n()]\W*$", text[: span[0]])
    if before and not apart and (before[-1] in TITLES or before[-1] in POSSESSIVES):
        return True  # "Mme T.", "M. Martin"; "sa fille" (Fillé), "ma box"
    if len(words) > 1:
        return False
    word = words[0]
    if word in PRICE_WORDS and before and before[-1] in DEGREE_WORDS:
        return True  # "un ordi pas cher", "le moins cher possible": a price
    if _names_area(after):
        return False  # "Orange 84100", "Orange (84)", "Orange dans le Vaucluse"
    listed = (STOPWORDS, DATES, NEVER, OPERATORS, FIRST_NAMES, COMMON)
    longer = re.match(r"(?:-[^\W\d_]+)+", after)
    if longer and any(word in table for table in listed):
        # "Noël-Cerneux" is a commune, "Marie-Galante" an island: the name written decides.
        return name_key(name + longer.group(0)) not in _gazetteer().by_key
    if word in STOPWORDS or word in DATES or word in NEVER or word in SAINT_WORDS:
        return True
    if before and (before[-1], word) in WAYS:
        return True  # "impôts en ligne": how, not where
    if all(w in _LEADING for w in before) and not _tokens(after):
        return False  # "à Orange", "c'est Sens": the answer to "where?"
    if word in OPERATORS or word in FIRST_NAMES:
        customer = len(before) >= 2 and before[-1] == "a" and before[-2] in _CUSTOMER
        return customer or not after_cue(before, WHERE_CUES)
    if word in COMMON:
        opening = text[: span[0]]
        capital = name[:1].isupper() and not text.isupper()
        if capital and before and not _SENTENCE_END.search(opening):
            return False  # inside a sentence: "… mon CV à Sens, …"
        alone = bool(_STOP_BEFORE.search(opening)) and bool(_STOP_AFTER.match(after))
        return not (word in COMMON_TOWNS and (after_cue(before) or capital and alone))
    return False


def commune_no_town(query: str, commune: str | None, text: str) -> bool:
    """The commune a locator read in ``query`` (words of ``text``) is written there as something
    else: the locator reads Orange in "la boutique Orange", the guard reads the shop."""
    if not commune:
        return False
    written = _span(query, commune, None)
    if written is None:
        return False
    # Where the query is written in the text, the commune is read there ("pas trop cher dans le
    # Cher": the second "Cher"), not at its first occurrence.
    where = _span(text, query, None)
    start = where[0] + written[0] if where else None
    return names_no_town(query[written[0] : written[1]], text, start)
