"""A need changed after the places were offered, read from the message whatever intent the NLU
gave it: one added to the request ("il n'a pas de téléphone non plus", "et aussi il a pas
d'ordi", "il faudrait aussi un ordinateur pas cher"), or one put instead of it ("non c'est juste
pour imprimer un papier", "en fait c'est pour imprimer"). Pure functions on the message's text and
the needs of the request (keys of ``actions.needs.NEEDS``); ``actions.after_list.change_need``
answers with them."""

from __future__ import annotations

import re

from actions import needs as needs_mod
from actions.message_text import folded_words

# Short messages only: a longer one is a request of its own, read as such; unless it opens
# with words that add (« et aussi pour mon fils de 14 ans qui passe sa vie sur les jeux… »).
MAX_WORDS = 14
MAX_ADDING_WORDS = 30
_OPENS_ADDING = re.compile(
    r"^(?:(?:ah|oh|euh|ha|bon|ok|et|puis) )*"
    r"(?:aussi|egalement|en plus|de plus|et puis|autre chose)\b"
)
# Needs searched together at most: a third one added waits, named (``waiting``).
MAX_SEARCHED = 2

# Words that add to what was asked ("non plus" before the "non" of a correction).
_ADDED = re.compile(
    r"\b(?:non plus|aussi|egalement|en plus|de plus|en outre|et puis|autre chose)\b"
)
# A lack said alone, of the person or the one helped ("il a pas de téléphone", "elle n'a pas
# internet", "pas de mail", "j'ai pas d'adresse mail"): something more the request needs.
_LACK = re.compile(
    r"\b(?:pas|plus|sans|ni) (?:de |d |un |une |d un |d une )?(?:ordi\w*|pc|telephone|portable"
    r"|smartphone|tel|mobile|internet|connexion|wifi|box|(?:e ?)?mails?|adresse (?:e ?)?mail"
    r"|boite (?:e ?)?mail|imprimante|scanner|tablette)s?\b"
)
MAX_LACK_WORDS = 9
# "et pour la tablette ?", "pour mon téléphone ?", "et l'ordi ?" after a list: the same request
# asked for one more thing (a need the request has is asked again: ``asked_again``).
_AND_FOR = re.compile(
    r"^(?:et (?:pour |avec )?|pour |avec )(?:l|la|le|les|mon|ma|mes|son|sa|ses|un|une|des|du)\b"
)
MAX_AND_FOR_WORDS = 6
_OWN = re.compile(r"^(?:et )?(?:pour |avec )?(?:mon|ma|mes|son|sa|ses)\b")
# A means of payment or of getting about that is missing ("il a pas de carte bancaire", "pas de
# CB", "sans chéquier", "elle n'a plus de voiture", "pas de permis"): something to tell the places,
# no need of its own (a bank card is no scam to avoid): the request goes on as it was.
_NO_MEANS = re.compile(
    r"\b(?:pas|plus|sans|ni) (?:de |d |un |une |d un |d une |l |le |la |les |son |sa |ses |mon "
    r"|ma |mes )?(?:carte (?:bancaire|bleue|de credit|de paiement|visa)|cb"
    r"|chequiers?|carnets? de cheques?|cheques?|moyens? de paiement"
    r"|voitures?|vehicules?|auto|permis(?: de conduire)?)\b"
)
# Words that put another need instead ("non, …", "en fait …", "juste pour …", "c'est pour …",
# "seulement …").
_INSTEAD = re.compile(
    r"^(?:(?:ah|oh|euh|mais|ben|bah) )?(?:non|nan|nn|pas du tout|pas ca|juste)\b"
    r"|\b(?:en fait|enfait|finalement|plutot|juste pour|seulement|uniquement"
    r"|c etait pour|c est pour|c est juste|je voulais juste|je veux juste|j ai juste besoin"
    r"|pas pour (?:ca|apprendre|un cours|des cours))\b"
)
# A need named as not the one ("c'est pas ameli", "ce n'est pas pour la carte grise", "non pas
# les impôts", "pas la carte grise mais…"), up to the next clause; never a lack ("c'est pas de
# mail" is none: "pas de", "pas d'") nor a judgement ("c'est pas facile de faire ma carte grise").
_NOT_THIS = re.compile(
    r"(?:\b(?:c'?est|c|ce n'?est|c'?etait|ce n'?etait|non)\s+pas|^\s*pas)\s+"
    r"(?!(?:de|d'|du|des|besoin|tres|trop|si|du tout|facile|simple|evident|possible|pratique"
    r"|clair|normal|grave|la peine|sur|sure|certain|urgent|moi|ca|ma faute|compris"
    r"|pour (?:moi|lui|elle|eux))\b)"
    r".+?(?=\bmais\b|\bc'?est\b|\bc'?etait\b|\ben fait\b|[,;.!?]|$)"
)
# A clause that drops a need ("laisse tomber la tablette", "oublie l'ordinateur", "plus besoin
# pour la tablette", "finalement pas la tablette"): set aside, the rest is the need kept
# (tester t207, i04: « laisse tomber la tablette, juste la carte de séjour » got the need menu).
_DROPPED = re.compile(
    # said as a wish, never of what happened (« j'ai laissé tomber mon téléphone dans les wc »,
    # « j'ai oublié mon mot de passe », « j'oublie toujours mes codes »)
    r"(?<!\bj')(?<!\bj )(?<!\bai )(?<!\ba )(?<!\bas )(?<!\bont )(?<!\bavons )(?<!\bavez )"
    r"(?<!\bete )(?<!\bil )(?<!\belle )"
    r"\b(?:(?:laisse|laissez|laisser|laissons|on laisse) tomber|oublie[zr]?)\b"
    r"|\b(?:plus|pas) besoin (?:de|d|d'|pour|du|des)\b|\bannule[zr]?\b"
    r"|^\s*(?:(?:finalement|en fait|enfait|bon|ok|ah|oh|non|et) )*pas"
    r" (?:la|le|les|l'|l|mon|ma|mes)\b"
)
# A clause that says its need is done ("la carte grise c'est fait", "les impôts c'est réglé",
# "la carte grise est faite", "déjà fait"), the clauses cut at punctuation, "mais", "maintenant".
_CLAUSES = re.compile(r"[,;.!?]|\b(?:mais|maintenant|par contre|cette fois)\b")
_DONE = re.compile(
    r"(?:\b(?:c'?est|est|sont|c)\s+(?:deja\s+|bien\s+)?|\bdeja\s+)"
    r"(?:fait|faite|faits|faites|regle|reglee|regles|termine|terminee|fini|finie)\s*$"
)


def denied(text: str) -> tuple[str, str]:
    """The message without the needs it names as not the one or as done, and those words set
    aside: ("non en fait c'est pour apprendre à me servir de mon ordi, ", "la carte grise c'est
    fait")."""
    folded = needs_mod.fold(text or "").replace("’", "'")
    aside = [m.group(0) for m in _NOT_THIS.finditer(folded)]
    kept = _NOT_THIS.sub(" ", folded)
    out, start = [], 0
    for cut in [*_CLAUSES.finditer(kept), None]:
        end = cut.start() if cut else len(kept)
        clause = kept[start:end]
        if _DONE.search(clause.strip()) or _DROPPED.search(clause.strip()):
            aside.append(clause)
        else:
            out.append(clause)
        if cut:
            out.append(cut.group(0))
            start = cut.end()
    if not aside:
        return text, ""
    return " ".join("".join(out).split()), " ".join(aside)


def drops_a_need(text: str) -> bool:
    """A clause of the message drops a need ("laisse tomber la tablette, …")."""
    folded = needs_mod.fold(text or "").replace("’", "'")
    return any(_DROPPED.search(c.strip()) for c in _CLAUSES.split(folded))


def without_denied(text: str) -> str:
    """The message with the needs it names as not the one or as done set aside (``denied``)."""
    return denied(text)[0]


def _needs_said(text: str) -> list[str]:
    """The needs the message names (keywords weighed with the meaning); no phone is one to get,
    not lessons on it."""
    text = without_denied(text)
    found = needs_mod.read(text).needs
    if "smartphone" in found and needs_mod.lacks_a_phone(text):
        found = ["materiel_achat" if k == "smartphone" else k for k in found]
    return list(dict.fromkeys(found))


def _and_for(folded: str) -> bool:
    return len(folded.split()) <= MAX_AND_FOR_WORDS and bool(_AND_FOR.search(folded))


def says_ones_own(text: str) -> bool:
    """A short "(et) pour mon téléphone ?", "et ma tablette ?": the person's own thing, never a
    question on a place (its "téléphone" is no number asked)."""
    folded = folded_words(text)
    return _and_for(folded) and bool(_OWN.search(folded))


def says_a_lack(text: str) -> bool:
    """A short message that says something is missing ("et il a pas de téléphone", "pas de
    mail"), no correction ("non, …") and no procedure of its own."""
    folded = folded_words(text)
    return (
        0 < len(folded.split()) <= MAX_LACK_WORDS
        and bool(_LACK.search(folded))
        and not _INSTEAD.search(folded)
        and not needs_mod.detect(text).procedures
    )


def says_a_missing_means(text: str) -> bool:
    """A short message that says a means of payment or of getting about is missing ("il a pas
    de carte bancaire", "pas de CB", "elle n'a plus de voiture"), nothing else asked: no device
    lacking, no correction, no need or procedure in the rest of its words."""
    folded = folded_words(text)
    if not (0 < len(folded.split()) <= MAX_LACK_WORDS and _NO_MEANS.search(folded)):
        return False
    if _LACK.search(folded) or _INSTEAD.search(folded):
        return False
    rest = _NO_MEANS.sub(" ", folded)
    found = needs_mod.read(rest)
    return not (found.needs or found.procedures)


def added(text: str, current: list[str], served: list[str] | None = None) -> list[str] | None:
    """The request's needs and the one the message adds ("il n'a pas de téléphone non plus"
    after the impôts → ``["demarches", "materiel_achat"]``; a lack said alone too: "pas de mail"
    is an address to create; "et pour la tablette ?" → ``["demarches", "smartphone"]``); None
    when the message adds none. ``served``: the request's needs the last list served (its places
    do them), kept instead of all of them: « et j'ai pas de mail » after a France Travail
    registration keeps the démarches France services did, beside the mail (tester t181 g15: the
    first need alone was kept, a job search none offered, and the registration was gone)."""
    folded = folded_words(text)
    longest = MAX_ADDING_WORDS if _OPENS_ADDING.search(folded) else MAX_WORDS
    if not 0 < len(folded.split()) <= longest:
        return None
    if not (_ADDED.search(folded) or says_a_lack(text) or _and_for(folded)):
        return None
    new = [k for k in _needs_said(text) if k not in current]
    if not new:
        return None
    # the first need the last list served (no list yet, the danger question: the first need),
    # and the new one: two at most (``MAX_SEARCHED``); any other waits (``waiting``)
    kept = (served or current)[: MAX_SEARCHED - 1]
    return [*kept, new[0]]


def waiting(before: list[str], searched: list[str]) -> list[str]:
    """The needs of the request before that a search of ``searched`` leaves out (a third need
    added: the one that waits, said so and offered after)."""
    return [k for k in before if k not in searched]


def served_by(current: list[str], results: list[dict]) -> list[str]:
    """The needs of ``current`` some place of a list does (each place's ``services`` in the
    payload, by the standard's service each need is searched with); all of them when no place
    says its services."""
    offered = {s for r in results for s in r.get("services") or ()}
    if not offered:
        return list(current)
    return [k for k in current
            if k in needs_mod.NEEDS and needs_mod.NEEDS[k].service in offered]  # fmt: skip


def asked_again(text: str, current: list[str]) -> bool:
    """A short message that names again only needs the request has, with no word putting one
    instead ("pour la tablette ?", "et pour l'ordi ?" after a list for two needs): the same
    request goes on ("juste pour la tablette" is a correction, ``corrected``)."""
    folded = folded_words(text)
    if not 0 < len(folded.split()) <= MAX_WORDS or _INSTEAD.search(folded):
        return False
    said = needs_mod.read(without_denied(text)).needs
    return bool(said) and set(said) <= set(current)


def restated(text: str) -> list[str] | None:
    """The needs a short message says instead of, or again as, the request's ("non c'est juste
    pour imprimer"); None when it says no need that way."""
    folded = folded_words(text)
    if not 0 < len(folded.split()) <= MAX_WORDS or _ADDED.search(folded):
        return None
    if not _INSTEAD.search(folded):
        return None
    return _needs_said(text)[:2] or None


def corrected(text: str, current: list[str]) -> list[str] | None:
    """The needs the message puts instead of the request's ("non c'est juste pour imprimer un
    papier" after a computer course → ``["materiel_usage"]``); None when it corrects nothing."""
    folded = folded_words(text)
    if not 0 < len(folded.split()) <= MAX_WORDS or _ADDED.search(folded):
        return None
    if not (_INSTEAD.search(folded) or drops_a_need(text)):
        return None
    said = _needs_said(text)[:2]
    return said if said and said != list(current) else None

