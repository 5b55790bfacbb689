"""What to bring, with what the person said: a thing they said they do not have is left out
("carte Vitale perdue": not "apportez votre carte Vitale"; "je n'ai pas de portable": not "votre
téléphone portable"; "pas de mail": not "votre adresse mail", and on its own line, outside the
list, "Pas d'adresse mail ? Sur place, on peut vous aider à en créer une" (``instead``), never
among the documents to bring), and an item never appears twice ("votre permis de conduire" and
"votre permis de conduire (ou la déclaration de perte ou de vol)" are one). The items are
``actions.needs.PROCEDURES``' ``bring``, as ``actions.formatting.bring_items`` lists them.
"""

from __future__ import annotations

import re

from directory_client import labels

# Thing → (the words that say it is missing, on folded text; how an item names it).
_NOT = r"(pas|plus|sans|ni|perdu\w*|vol\w*|egare\w*)"
MISSING: dict[str, tuple[str, str]] = {
    "carte_vitale": (
        rf"\b{_NOT} (de |d'|ma |la |mon )?carte vitale\b|\bcarte vitale (\w+ )?"
        r"(perdu\w*|vol\w*|egare\w*|cass\w*)",
        r"carte vitale",
    ),
    "portable": (
        r"\b(pas|plus|sans|ni) (de |d'|d |un |une |mon )?(telephone|portable|smartphone|mobile)s?\b"
        r"|\b(telephone|portable) (\w+ )?(perdu\w*|vol\w*|cass\w*)",
        r"telephone portable",
    ),
}
# "pas de mail", "j'ai pas d'adresse mail", "je n'ai pas d'e-mail", "sans email": not left out but
# said: one can be made on the spot.
_MAIL = r"(adresses? (e-?)?mail|(e-?)?mails?|courriels?|adresses? (electronique|internet))"
MISSING["mail"] = (
    rf"\b(pas|plus|sans|ni|jamais eu) (de |d'|d |d'une |une |mon |ma )?{_MAIL}\b"
    rf"|\b(aucune|n'ai|n'a) (pas )?(de |d'|d )?{_MAIL}\b"
    # "j'ai besoin d'une adresse mail, j'en ai pas", "il me faut une adresse mail", "créer un mail"
    rf"|\b(besoin d'|besoin de |il me faut |il lui faut |creer |ouvrir )(une |un )?{_MAIL}\b",
    "adresse mail",
)
# "pas de RIB", "elle a pas de RIB", "sans compte bancaire": the RIB is left out, and said how to
# get one (the tester's Cergy desk: « qu'est-ce qu'elle doit ramener si elle a pas de RIB ? »).
MISSING["rib"] = (
    rf"\b{_NOT} (de |d'|d |mon |son |sa |un |une |ni )?(rib|iban|releve d'identite bancaire"
    r"|compte bancaire|compte en banque|compte a la banque)\b",
    "un rib",
)
# What is said, on its own line, in place of an item about a missing thing.
INSTEAD = {
    "adresse mail": "Pas d'adresse mail ? Sur place, on peut vous aider à en créer une.",
    "un rib": "Pas de RIB ? Il se télécharge dans l'appli ou l'espace en ligne de la banque, ou "
    "se demande au guichet. Sans compte bancaire, dites-le sur place : on vous dira comment "
    "faire.",
}
_PARTS = re.compile(r" (et|ou) ")


def _missing(text: str) -> list[str]:
    folded = labels.fold(text or "").replace("\u2019", "'")
    return [names for said, names in MISSING.values() if re.search(said, folded)]


def _instead(item: str, names: list[str]) -> list[str]:
    """What is said in place of the missing things ``item`` names."""
    return [INSTEAD[name] for name in names if name in INSTEAD and name in labels.fold(item)]


def _without(item: str, names: list[str]) -> str:
    """The item with the parts naming a missing thing taken out ("" when nothing is left)."""
    parts = _PARTS.split(item)  # [part, joiner, part, …]
    kept: list[str] = []
    for i in range(0, len(parts), 2):
        part = parts[i]
        if any(name in labels.fold(part) for name in names):
            continue
        if kept:
            kept.append(parts[i - 1])
        kept.append(part)
    return " ".join(kept).strip()


def missing_said(text: str) -> list[str]:
    """The things ``text`` says are missing ("pas de RIB" → ``["un rib"]``)."""
    return _missing(text)


def instead_of(text: str) -> list[str]:
    """What is said of each thing ``text`` says is missing ("Pas de RIB ? …"), whatever the list
    (asked of it: "et sans RIB ?")."""
    return [INSTEAD[name] for name in _missing(text) if name in INSTEAD]


def instead(items: list[str], request: str) -> list[str]:
    """The sentences said in place of the items naming a missing thing ("Pas d'adresse mail ?
    …"), each once: a line of its own, not a thing to bring."""
    names = _missing(request)
    out: list[str] = []
    for given in items:
        out += [said for said in _instead(given, names) if said not in out]
    if items and "adresse mail" in names and INSTEAD["adresse mail"] not in out:
        # no mail beside a file whose list names none to bring: said all the same, the places
        # of the file help to create one (tester t218 D11: the retirement's list, the mail gone)
        out.append(INSTEAD["adresse mail"])
    return out


def kept(items: list[str], request: str) -> list[str]:
    """``items`` without what ``request`` (the person's messages) says is missing, each once."""
    names = _missing(request)
    out: list[str] = []
    for given in items:
        item = _without(given, names) if names else given
        if not item:
            continue
        same = [o for o in out if o.startswith(item) or item.startswith(o)]
        if same:  # "votre permis de conduire" twice: the fuller one kept
            if len(item) > len(same[0]):
                out[out.index(same[0])] = item
            continue
        out.append(item)
    return out
