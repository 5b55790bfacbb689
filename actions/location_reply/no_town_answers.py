"""Answers to "where?" that are no town's name: anywhere in the département ("peu importe",
"partout"), one of the assistant's commands ("liste", "menu"), "Aucun" of the towns offered."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from actions import needs as needs_mod
from actions.message_text import (
    folded_words,
    is_button,
)
from directory_client.town_words import PERSON_WORDS

if TYPE_CHECKING:
    from actions.state import State


# "peu importe", "n'importe où dans le 62", "partout", "dans tout le Nord": a département-wide
# answer is what the person wants.
_ANYWHERE = re.compile(
    r"\b(peu importe|n'?importe (ou|quelle? (ville|commune|endroit))|n'?importe lequel"
    r"|(dans |sur )?tout (le|la|l') ?(departement|\d{2,3}\b)|dans tout (le|la|l')"
    r"|pas de preference|(ca )?m'?est egal|ou vous voulez|peu m'importe)"
)
_EVERYWHERE = re.compile(r"\bpartout\b")  # only as a short answer: "des pubs partout" is not


# Words of the assistant's own commands ("liste", "aide", "menu", "recommencer", "merci"), with
# the little words around them: never a town's name misspelt ("liste": Lisle).
_COMMAND = re.compile(
    r"(?:(?:la|une|ma|voir|revoir|afficher|montrer|donne|donnez|le|un|au|de)\s+)*"
    r"(liste|aide|menu|recommencer|recommence|merci|merci beaucoup)"
)
LIST_WORDS = frozenset({"liste"})


def command_word(text: str) -> str | None:
    """The command a short message is and nothing else ("liste", "la liste", "menu"), or None."""
    said = _COMMAND.fullmatch(folded_words(text))
    return said.group(1) if said else None


def says_anywhere(text: str) -> bool:
    folded = needs_mod.fold(text)
    short = len(folded.split()) <= 5
    return not is_button(text) and bool(
        _ANYWHERE.search(folded) or (short and _EVERYWHERE.search(folded))
    )


_NONE_OF_THEM = re.compile(
    r"(non,? )?(aucun|aucune|aucun des (deux|trois|quatre|cinq)|ni l'un ni l'autre|aucune de ces"
    r" villes|aucun de ceux-la|pas (celle|celui)-la|autre (ville|commune))\W*"
)


def says_none_of_them(state: State, text: str) -> bool:
    """ "Aucun" typed by hand, as the button reads, when towns were offered."""
    return state.awaiting == "location_choice" and bool(
        _NONE_OF_THEM.fullmatch(needs_mod.fold(text).strip())
    )


# An age or a question: "elle a 80 an", "il a 85 ans", "le 1 c'est ouvert mercredi ?".
_AGE_OR_QUESTION = re.compile(r"\?|\b\d{1,3} ?ans?\b")


def no_place_said(text: str) -> bool:
    """An answer no locator read as a town that names no place either: yes, no, ok ("daccord"),
    a life detail or an age ("elle a 80 an"), a trouble ("jy arrive pas", "mdp oublié"), a
    question. Never quoted back as a town not found (t181: « Je ne trouve pas « ok » »): the
    town is asked again in plain words, or the turn goes on (a need, the town known)."""
    if is_button(text):
        return False
    words = folded_words(text).split()
    return bool(words) and (
        bool(_AGE_OR_QUESTION.search(needs_mod.fold(text)))
        or any(w in PERSON_WORDS for w in words)
        or len(words) <= 3 and any(w in _TROUBLE for w in words)
    )


# Short words of a trouble said instead of a town ("mdp oublié", "bloqué", "marche pas").
_TROUBLE = frozenset({"mdp", "oublie", "bloque", "bloquee", "bug", "beug", "panne", "marche"})
