"""Words and a folding the safety rules share: the people who care for someone, the things a
digital request is about, what is hijacked online, and the message folded as the rules read it
(lower case, no accents)."""

from __future__ import annotations

import re

from directory_client import labels

# People who care for someone: "suivie par une psy" is care, not being followed.
CARERS = "psy|psychologue|psychiatre|medecin|therapeute"

# What a digital request is about: a machine, an app, a form, a procedure.
THINGS = (
    "site|ordi|ordinateur|pc|appli|application|logiciel|imprimante|box|truc|machine|telephone"
    "|portable|tablette|ecran|formulaire|dossier|declaration|demarche|administration|paperasse"
    "|wifi|internet|mot de passe|bug|windows|mise a jour|captcha"
)
# What is hijacked online, never a person: an account, an app, a number, a profile.
ACCOUNTS = (
    r"comptes?|applis?|applications?|whatsapp|facebook|fb|insta\w*|snap\w*|messenger|tiktok"
    r"|twitter|gmail|hotmail|outlook|(boite|adresse) (mail|e-mail|email)|mail|profils?|numero"
    r"|ligne|telephone|portable|smartphone|ordi|ordinateur|pc|tablette|donnees|fichiers|photos"
)
# Up to five words between the thing and its verb, none of them a person or a new clause ("mon
# téléphone et il va me tuer" is about him).
NO_ONE_BETWEEN = r"(?:[ '](?!(?:il|elle|ils|elles|on|qui|et|mais|car|quand|si)\b)[\w.-]+){0,5}"


# The people one writes for: kin, neighbours.
KIN = (
    r"((grand|arri[eè]re-grand|belle|beau|demi)[- ])?(m[eè]re|p[eè]re|maman|papa|mamie|mamy|mami"
    r"|papi|papy|m[eé]m[eé]|p[eé]p[eé]|fils|filles?|enfants?|gamins?|gamines?|petits?-enfants"
    r"|petit-fils|petites?-filles?|fr[eè]res?|s(oe|œ)urs?|oncles?|tantes?|tonton|tata|neveux?"
    r"|ni[eè]ces?|cousins?|cousines?|parents|grands-parents|beaux-parents|filleule?s?|voisine?s?)"
)


def fold_text(text: str) -> str:
    """The message as the rules read it: lower case, no accents, straight apostrophes."""
    return labels.fold(text or "")[:2000].replace("\u2019", "'")


def tidied(text: str | None) -> str:
    """The message with typographic apostrophes straightened and spaces collapsed: as
    ``put_aside`` leaves it when nothing is set aside."""
    return " ".join((text or "").replace("\u2019", "'").split())


def put_aside(pattern: re.Pattern[str], text: str | None, by: str = " ") -> str:
    """The message with what ``pattern`` matches replaced by ``by``, typographic apostrophes
    straightened and spaces collapsed: words set aside before the message is read."""
    return tidied(pattern.sub(by, (text or "").replace("\u2019", "'")))
