"""Creole read in French: the small words of Antillean and Réunion Creole said in French before a
message's meaning is read."""

from __future__ import annotations

import re

# The small words of Antillean and Réunion Creole (pronouns, particles, "need", "help", "how"):
# the danger examples hold Creole messages, so any Creole request sits next to them by its
# language alone ("Mwen pa konnen kijan pou mwen fè dosye CAF la, ou pé édé mwen ?" was asked
# "Êtes-vous en danger ?"). The meaning of a Creole message is read with them said in French
# (``read``); the words of what happens ("i tonbé atè", "li menas amwin") are kept as they are.
_CREOLE_WORDS = {
    "mwen": "moi", "moin": "moi", "amwin": "moi", "amoin": "moi", "mi": "je", "an": "je",
    "man": "je", "ou": "vous", "zot": "vous", "nou": "nous", "ka": "", "la": "", "pou": "pour",
    "pa": "pas", "pé": "peut", "fè": "faire", "fé": "faire", "konnen": "sais", "kijan": "comment",
    "kouman": "comment", "koman": "comment", "bizwen": "besoin", "bezwen": "besoin",
    "èd": "aide", "édé": "aider", "ede": "aider", "dosyé": "dossier", "dosye": "dossier",
    "épi": "avec", "ek": "avec", "moun": "personne", "chèché": "cherche", "vlé": "veux",
    "tanpri": "s'il vous plaît", "souplé": "s'il vous plaît", "mèsi": "merci",
    "bonjou": "bonjour", "papyé": "papiers",
}  # fmt: skip
_CREOLE = re.compile(
    r"(?<![\w'-])(" + "|".join(map(re.escape, _CREOLE_WORDS)) + r")(?![\w'-])", re.IGNORECASE
)


# Words that are no French: only a message with one of them is read as Creole ("la", "ou", "an"
# stay French otherwise).
_CREOLE_ONLY = frozenset(_CREOLE_WORDS) - {"mi", "an", "man", "ou", "nou", "ka", "la", "pa", "pé",
                                           "ek", "ede"}  # fmt: skip


def in_french(text: str) -> str:
    """The message with the small words of Creole said in French (a Creole message only)."""
    said = {m.group(1).lower() for m in _CREOLE.finditer(text)}
    if not said & _CREOLE_ONLY:
        return " ".join(text.split())
    return " ".join(_CREOLE.sub(lambda m: _CREOLE_WORDS[m.group(1).lower()], text).split())
