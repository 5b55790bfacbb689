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


_ASKED = re.compile(f"{_images_asked(_NOT_OF_ME)}|{_meeting_asked(_NOT_OF_ME)}")
_ASKED_OF_ME = re.compile(f"{_images_asked('')}|{_meeting_asked('')}")
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
    asked = _ASKED_OF_ME if _WRITER_MINOR.search(folded) else _ASKED
    if not asked.search(folded) or _TOPIC.search(folded) or _OVER.search(folded):
        return False
    young = bool(_YOUNG_AGE.search(folded) or _WRITER_MINOR.search(folded)) or bool(
        re.search(r"\bmineure?s?\b", folded)
    )
    if _ADULT_AGE.search(folded) and not young:
        return False  # "ma fille de 25 ans": an adult
    return young or bool(_MINOR.search(folded))
