"""Words written as they sound (SMS, phonetic spelling) put back in their usual spelling before any
rule reads the message: « jai pa dordi » is « jai pas dordi », « ele doi fer sa retrait » is
« elle doit faire sa retraite », « mon dosier franse travaye » is « mon dossier france travail »,
« c koi le plus pres pr imprimer » is « c'est quoi le plus pres pour imprimer » (tester t218, D1,
D4, D6). The people who write so are the assistant's core users: every rule (a need, a goodbye, a
question on a place, a town) reads their words as written out.

Only spellings that are no French word, or words put back where their context leaves no doubt
(« fer » before « mon », « sa »…; « peu » after « qui », « il »; « an » after a number), are
changed; town names, whatever they are, are left as written."""

from __future__ import annotations

import re

from actions.needs.words import _SMS_ELISION

_I = re.IGNORECASE
_DET = r"(?:mon|ma|mes|ton|ta|tes|son|sa|ses|le|la|les|l'|un|une|des|du|de|d'|leur|leurs|notre|nos|votre|vos|ce|cet|cette|ces)"  # noqa: E501

# (pattern, written out): whole words, in this order.
_SPELLINGS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(pattern, _I), out)
    for pattern, out in (
        # negation and the verbs of a request
        (r"\b(je|j)(\s+)(?:c|se|sé|cé|sai)(?=\s+(?:pas|pa|plus|pu|rien|koi|quoi)\b)", r"\1\2sais"),
        (r"\bpa\b", "pas"),
        (r"\bdoi\b", "doit"),
        (r"\bjdoi[st]?\b", "je dois"),
        (r"\bfer(?=\s+" + _DET + r"\b|\s+(?:d|l)'?\w)", "faire"),
        (r"\b(qui|ki|il|elle|on|ele|el)(\s+)peu\b", r"\1\2peut"),
        (r"\b(je|j)(\s+)peu\b", r"\1\2peux"),
        (r"\b(je|j|tu)(\s+)veu\b", r"\1\2veux"),
        (r"\bveu\b", "veut"),
        (r"\b(je|j)(\s+)sui\b", r"\1\2suis"),
        (r"\bjsui[s]?\b", "je suis"),
        (r"\b(je|j)(\s+)li\b", r"\1\2lis"),
        (r"\bjarriv|\bjariv", "j'arriv"),
        (r"\barive", "arrive"),
        (r"\bil fo\b", "il faut"),
        (r"\bfo(?=\s+(?:que|ke|k)\b)", "faut"),
        (r"\b(peut|peux|pour|pr|qui|ki|doit|veut)(\s+)m'?aid[eé]r?\b", r"\1\2m'aider"),
        (r"\bg(?=\s+(?:pas|pa|plus|pu|besoin|un|une|des|du|perdu|oubli\w*|recu|reçu)\b)", "j'ai"),
        # people, words of a need
        (r"\bele\b", "elle"),
        (r"\bdos+i[eé]r?s?\b", "dossier"),
        (r"\bpapi[eé]s?\b", "papiers"),
        (r"\bfran[cs]s?e?\s+trava(?:y|ye|yes|i|ie|ille|il)\b", "France Travail"),
        (r"\b(ma|sa|ta|la|une|votre|notre|leur|demande de|dossier de|dossier)(\s+)retrait\b(?! d)",
         r"\1\2retraite"),
        (r"\bdislexi\w*|\bdyslexik\w*", "dyslexique"),
        (r"\bordinat(?:eu|e)r\b", "ordinateur"),
        # question words
        (r"\b(?:koi|kwa)\b", "quoi"),
        (r"\b(?:qd|kan|kand|qand)\b", "quand"),
        (r"\b(?:koman|komen|kommen|comen)\b", "comment"),
        (r"\bke\b", "que"),
        (r"\bki\b", "qui"),
        (r"\bpr\b", "pour"),
        (r"\bds\b", "dans"),
        (r"\btt\b", "tout"),
        (r"\bcest\b", "c'est"),
        (r"\bc(?=\s+(?:quoi|koi|ou|où|pour|pr|qui|quand|combien|comment|normal|grave|possible)\b)",
         "c'est"),
        # an age or a time: « 85 an »
        (r"\b(\d{1,3})(\s*)an\b", r"\1\2ans"),
    )
)


def restore(text: str) -> str:
    """``text`` with its phonetic or SMS spellings written out; the rest as written."""
    if not text or text.startswith("/"):  # a button's payload: the assistant's own words
        return text
    for pattern, out in _SPELLINGS:
        text = pattern.sub(out, text)
    return _SMS_ELISION.sub(r"\1'\2", text)  # « ladresse », « dordi »: the apostrophe back
