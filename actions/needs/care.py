"""Specific care ("malvoyant", "en fauteuil"…), read the same way by the chat and the desk."""

from __future__ import annotations

import re

from actions.needs.words import fold

# Specific care, read the same way by the chat and the reception desk (bot.staff.triage): the
# directory's "prise en charge spécifique" labels, and the folded words that say them, matched as
# whole words or phrases.
CARE_WORDS: dict[str, tuple[str, ...]] = {
    "Handicaps moteurs": (
        "fauteuil",
        "fauteuils",
        "fauteuil roulant",
        "pmr",
        "handicap moteur",
        "mobilite reduite",
        "deambulateur",
        "bequilles",
    ),
    "Surdité": (
        "sourd", "sourde", "sourds", "sourdes", "malentendant", "malentendante", "malentendants",
        "malentendantes", "surdite", "lsf",
    ),  # fmt: skip
    "Déficience visuelle": (
        "aveugle",
        "aveugles",
        "malvoyant",
        "malvoyante",
        "malvoyants",
        "malvoyantes",
        "mal voyant",
        "mal voyante",
        "non voyant",
        "non voyante",
        "deficience visuelle",
        "voit mal",
    ),
    "Illettrisme": (
        "illettre",
        "illettree",
        "illettrisme",
        "analphabete",
        "ne sait pas lire",
        "ne lit pas",
        "lit mal",
    ),
    "Handicaps mentaux": ("handicap mental", "deficience intellectuelle", "handicap psychique"),
    "Langues étrangères (anglais)": ("anglais", "anglophone", "english"),
    "Langues étrangères (autres)": (
        "parle pas francais",
        "parle peu francais",
        "allophone",
        "traducteur",
        "interprete",
        "ne parle pas",
        "refugie",
        "refugiee",
    ),
}
# The disabilities the chat reads (the desk reads every care above): a soft filter, places that
# declare it first. Motor disability is the chat's constraint "accessible".
DISABILITIES = ("Déficience visuelle", "Surdité", "Handicaps mentaux")
CARE = "prise_en_charge:"  # a constraint "prise_en_charge:Surdité": the care asked for


# Someone who cannot walk ("elle ne marche plus", "il ne peut pas marcher", "a du mal à
# marcher"), on the words of ``read_care``: a person, never a thing ("son téléphone ne marche
# pas", "ça ne marche plus").
_CANNOT_WALK = re.compile(
    r" (il|elle|ils|elles|je|j|lui) (ne |n )?marchen?t? (pas|plus|mal|difficilement|avec|qu avec)"
    r" | (peut|peuvent|peux|pouvez|pourra|arrive|arrivent|arrivez) (pas|plus|plus du tout|mal)"
    r" (a )?marcher | (du mal|difficulte|difficultes|peine) a marcher "
)
# "mon ordi, il ne marche plus": the pronoun is the thing just named.
_THING_BEFORE = re.compile(
    r" (telephones?|portables?|tel|smartphones?|ordi|ordis|ordinateurs?|pc|tablettes?|imprimantes?"
    r"|box|site|sites|appli|applis|applications?|internet|wifi|compte|mail|mails|carte|code"
    r"|ecran|clavier|souris|scanner|lien|connexion|truc|machine|appareil)( \w+){0,3} $"
)


# A desk note's part that says it alone: "Mme D., ne marche plus, Roubaix".
_CANNOT_WALK_NOTE = re.compile(r"(^|[,;:/(-])\s*(ne |n')?marche (pas|plus|mal)\b")


def _cannot_walk(words: str, folded: str) -> bool:
    if _CANNOT_WALK_NOTE.search(folded):
        return True
    said = _CANNOT_WALK.search(words)
    return bool(said) and not _THING_BEFORE.search(words[: said.start() + 1])


def read_care(text: str) -> tuple[str, ...]:
    """The care a message names ("malvoyant" → "Déficience visuelle"), in the table's order."""
    folded = fold(text)
    words = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split()) + " "
    return tuple(
        c
        for c, said in CARE_WORDS.items()
        if any(f" {w} " in words for w in said)
        or (c == "Handicaps moteurs" and _cannot_walk(words, folded))
    )


def care_asked(constraints: list[str]) -> tuple[str, ...]:
    """The care labels among ``constraints``: "prise_en_charge:Surdité" → "Surdité"."""
    return tuple(c[len(CARE) :] for c in constraints if c.startswith(CARE))


# A care as the places declare it, after « Peu de lieux déclarent » and « ne déclare »: the
# directory's label in quotes, motor disability as the chat's wheelchair access ("accessible").
MOTOR = "Handicaps moteurs"
_DECLARED_AS = {MOTOR: ("un accès en fauteuil roulant", "d'accès en fauteuil roulant")}


def declared(what: str, *, some: bool) -> str:
    """What places declare of a care or an accessibility (``what``: directory labels, ", "
    -joined), after « Peu de lieux » (``some``) or « Aucun lieu »: « déclarent « Surdité » »,
    « ne déclare d'accès en fauteuil roulant ». What the places say, never what they are: most
    say nothing of it (round 25's tester read « Aucun lieu n'est accessible »)."""
    forms = [_DECLARED_AS.get(label, (f"« {label} »",) * 2) for label in what.split(", ")]
    said = ", ".join(form[0 if some else 1] for form in forms)
    return f"déclarent {said}" if some else f"ne déclare {said}"


def few_declare(what: str, *, none: bool = False) -> str:
    """The note when few places near declare a care, or none (``none``): the others follow."""
    if none:
        return f"Aucun lieu {declared(what, some=False)} à proximité : lieux les plus proches."
    return f"Peu de lieux {declared(what, some=True)} : lieux les plus adaptés à proximité."


def all_declare(what: str) -> str:
    """The note when every place listed declares the care: why these, said (nearer places that
    do not declare it may have been left out)."""
    return f"Ces lieux {declared(what, some=True)} : les plus adaptés à proximité."
