"""A child in danger from an adult: grooming or sextortion of a minor, read from what the words
say happens, not from one wording. Three things in one message, in this order in a sentence:

- an adult other than the writer ("un adulte", "un homme", "un inconnu", "quelqu'un"),
- who threatens or solicits ("menace", "demande", "exige", "veut", "donne rendez-vous"),
- a meeting or images ("rendez-vous", "le retrouver", "la voir ce soir", "des photos", "nue"),
  or secrecy ("sans rien dire à personne"),

and a minor named anywhere in the message ("ma fille de 13 ans", "mon fils", "mineure", "je suis
mineure"), no adult's age given for them. A topic ("comment protéger ma fille des prédateurs",
"un atelier sur…") is no danger, nor an attempt already stopped ("elle n'a rien envoyé, j'ai
bloqué"). The emergency numbers come first (``actions.safety``): the 17
and the 112, the 119, the 3018 when it happens online (``actions.helplines``).
"""

from __future__ import annotations

import re

_CHILD = (
    r"fils|filles?|enfants?|bebe|gamin|gamine|ado|adolescente?|petite?-fille|petit-fils|neveu"
    r"|niece|eleve|petite|petit|cadet|cadette"
)
_MINOR = re.compile(
    rf"\b(ma|mon|mes|notre|nos|sa|son|ses|leur|leurs) ({_CHILD})\b"
    r"|\bmineure?s?\b|\b(collegien|collegienne|lyceen|lyceenne)s?\b"
    r"|\bje suis (ado|adolescente?|au college)\b"
)
_YOUNG_AGE = re.compile(r"\b(1[0-7]|[3-9]) ans\b")
_ADULT_AGE = re.compile(r"\b(1[89]|[2-9]\d) ans\b")

# An adult named, never the writer nor a helper asked for ("quelqu'un pour m'aider").
_ADULT = (
    r"\b((un|une|cet|cette|ce|l'|le|la) ?(adulte|homme|monsieur|inconnue?|majeur|type|mec|gars"
    r"|individu|predateur|pedophile|pedo|vieux|faux profil)|quelqu'un|qqn)\b"
)
# Who asks for images, or for a meeting (or for secrecy).
_ASKS = r"(menac|demand|exig|reclam|veu|voul|oblig|forc|pouss|insist|harcel|chantage|fait chanter"
_FOR_IMAGES = _ASKS + r")\w*"
_FOR_MEETING = _ASKS + r"|propos|donn|fix|invit|attend|ordonn|di[st] de)\w*"
_MEETING = (
    r"rendez-vous|rendez vous|\brdv\b|\b(retrouver|rejoindre|rencontrer)\b"
    r"|\b(la|le|les|l') ?(voir|retrouver|rejoindre|rencontrer|recuperer)\b"
    r"|\bvenir (la|le|les) (chercher|prendre|voir)|\bpasser (la|le|les) prendre"
    r"|\bmonter dans sa voiture|\bchez lui\b|\bsortie (de l'ecole|du college|du lycee)"
)
_IMAGES = (
    r"\b(photos?|videos?|nudes?|images?|nue?s?|webcam|intimes?|deshabill\w*|sexe|sexuel\w*)\b"
    # a document's picture, not the child's: "une photo de ma carte d'identité"
    r"(?! (d'identite|(de|d'|du) (ma |sa |la |votre |son |mon |ta |ton |leur )?(carte|piece"
    r"|passeport|identite|permis|facture|rib|document|papier|cheque|code|releve)))"
)
_SECRET = (
    r"\bsans (rien )?(le |en )?dire|\bne (rien )?(le )?dire a personne|\b(garder|notre|un) secret"
)
_BETWEEN = r"[^.!?\n]{0,80}?"
# Asked of the writer ("un homme de la CAF m'a demandé de venir avec mon fils au rendez-vous",
# "quelqu'un se faisant passer pour ma fille me demande une photo"): a meeting or a scam aimed at
# the writer, unless the writer is the minor (``_WRITER_MINOR``).
_NOT_OF_ME = r"(?<!\bm'a )(?<!\bm'ont )(?<!\bm')(?<!\bme )"


def _images_asked(not_of: str) -> str:
    return rf"{_ADULT}{_BETWEEN}\b{not_of}{_FOR_IMAGES}[^.!?\n]{{0,140}}?{_IMAGES}"



def _meeting_asked(not_of: str) -> str:
    return rf"{_ADULT}{_BETWEEN}\b{not_of}{_FOR_MEETING}[^.!?\n]{{0,140}}?({_MEETING}|{_SECRET})"


# Sexual words or advances from an adult to a child (grooming): « un adulte envoie des messages
# sexuels à ma fille de 11 ans », « un homme drague ma fille de 12 ans sur insta », « des
# messages à caractère sexuel », « il lui parle de sexe », « un pédophile contacte mon fils ».
_SEXUAL = (
    r"\b(sexuel\w*|sexe|porno\w*|obscen\w*|cochonneries?|nudes?|nue?s?|intimes?|coquin\w*"
    r"|zizi|parties intimes|tout nu|toute nue)\b"
)
# What an adult does toward the child: writes, talks, contacts (never « aide », « accompagne »)
_WRITES_TO = (
    r"(envo\w*|ecri\w*|parl\w*|discut\w*|contact\w*|tchat\w*|chatt?\w*|harcel\w*|ajout\w*"
    r"|textot?\w*|\w*messag\w*)"
)
# … and, with sexual words after, shows, holds, says, does (« tient des propos sexuels »)
_CONTACTS = (
    rf"({_WRITES_TO}|montr\w*|tien\w*|propos\w*|raconte\w*|pose\w*|di[st]|fai[st]|partag\w*"
    r"|transf\w*)"
)
_ADVANCES = (
    r"(dragu\w*|fai[st] (du charme|des avances|des compliments sur son corps)|seduire|seduit"
    r"|fai[st] la cour)"
)
# Named by what he is: « un pédophile », « un prédateur » who writes to a minor; « un majeur »
# who writes to a child of 14 or less (``_YOUNG_CHILD``), « un adulte » too when online
# (``_ONLINE``).
_WHAT_HE_IS = r"\b(un|une|ce|cet|cette|le|la|l') ?(pedophile|pedo|predateur|majeur|adulte)\b"
_YOUNG_CHILD = re.compile(r"\b([3-9]|1[0-4]) ans\b")
_ONLINE = re.compile(
    r"\b(sur (snap\w*|insta\w*|tiktok|discord|whatsapp|messenger|facebook|internet|le net|les "
    r"reseaux|un jeu|roblox|fortnite|minecraft|son (telephone|portable|tel|ordi\w*))|en ligne"
    r"|en (message )?prive|en mp|par messages?)\b"
)


def _sexual_contact(not_of: str) -> str:
    adult_then = rf"{_ADULT}{_BETWEEN}\b{not_of}"
    return (
        rf"{adult_then}{_CONTACTS}\b[^.!?\n]{{0,140}}?{_SEXUAL}"
        rf"|{adult_then}{_ADVANCES}"
        # received by the child: « ma fille reçoit des messages sexuels d'un adulte »
        rf"|\b(recoi\w*|recu\w*|recev\w*)\b[^.!?\n]{{0,80}}?{_SEXUAL}[^.!?\n]{{0,80}}?"
        rf"\b(d'|de la part d'|par )\s?{_ADULT}"
    )


def _named_adult_writes(not_of: str) -> str:
    return rf"{_WHAT_HE_IS}{_BETWEEN}\b{not_of}{_WRITES_TO}\b"


_ASKED = re.compile(
    f"{_images_asked(_NOT_OF_ME)}|{_meeting_asked(_NOT_OF_ME)}|{_sexual_contact(_NOT_OF_ME)}"
)
_ASKED_OF_ME = re.compile(f"{_images_asked('')}|{_meeting_asked('')}|{_sexual_contact('')}")
_WRITES = re.compile(_named_adult_writes(_NOT_OF_ME))
_WRITES_TO_ME = re.compile(_named_adult_writes(""))

def _writes_as_named(writes: re.Match[str] | None, folded: str) -> bool:
    """« un pédophile contacte ma fille », « un majeur parle à mon fils de 10 ans », « un adulte
    écrit à ma fille de 11 ans sur snap »."""
    if writes is None:
        return False
    who = writes.group(2)
    if who in ("pedophile", "pedo", "predateur"):
        return True
    young = bool(_YOUNG_CHILD.search(folded))
    return young and (who == "majeur" or bool(_ONLINE.search(folded)))
_WRITER_MINOR = re.compile(
    r"\bje suis (mineure?|ado|adolescente?|au college|au lycee|en \d(e|eme))\b"
    r"|\bj'ai (1[0-7]|[5-9]) ans\b"
)
# Someone sought or known, not someone who acts: "je cherche quelqu'un qui donne des cours".
_SOUGHT = re.compile(
    r"\b(cherche\w*|connai\w*|trouv\w*|besoin( d'| de)?|faut|voudrais|aimerais|souhaite\w*"
    r"|y a|avoir|pour) (un |une )?(quelqu'un|qqn|monsieur|homme|adulte|personne)\b"
)
# Asked about, not happening: prevention, a talk, a what-if.
_TOPIC = re.compile(
    r"\b(comment (proteger|eviter|prevenir|reagir|savoir|parler|sensibiliser)|eviter que"
    r"|au cas ou|si jamais|si un jour|prevention|prevenir|sensibilis\w*|atelier|conference"
    r"|reportage|documentaire|formation|intervenant)\b"
)

# Stopped already: "elle n'a rien envoyé et j'ai bloqué", "c'est arrêté et signalé à la police":
# the 3018 beside the places (``actions.helplines``), no emergency.
_OVER = re.compile(
    r"\b((j'ai|on a|nous avons|elle a|il a|ils ont|on l'a|je l'ai) (\w+ )?(bloque|signale|supprime)"
    r"|(c'est|tout est|c) (arrete|fini|termine|regle)|(deja |bien )?signalee? (a la police|au 3018"
    r"|sur pharos|a pharos)|porte plainte|(n'a|n'ont) rien envoye)\b"
)


def threatened(folded: str) -> bool:
    """A minor threatened or solicited by an adult for a meeting or images (``folded``: lower
    case, no accents, as ``actions.safety`` reads)."""
    folded = _SOUGHT.sub(" ", folded)
    writer_minor = bool(_WRITER_MINOR.search(folded))
    asked = (_ASKED_OF_ME if writer_minor else _ASKED).search(folded)
    # « un majeur parle à mon fils de 10 ans », « un pédophile contacte ma fille »: the adult
    # named as such, writing to a young child (or a predator, to any minor)
    writes = _writes_as_named((_WRITES_TO_ME if writer_minor else _WRITES).search(folded), folded)
    if not (asked or writes) or _TOPIC.search(folded) or _OVER.search(folded):
        return False
    young = bool(_YOUNG_AGE.search(folded) or _WRITER_MINOR.search(folded)) or bool(
        re.search(r"\bmineure?s?\b", folded)
    )
    if _ADULT_AGE.search(folded) and not young:
        return False  # "ma fille de 25 ans": an adult
    return young or bool(_MINOR.search(folded))
