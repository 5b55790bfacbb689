"""Needs said in so many words that the keywords' order or the meaning dropped, or put to a
menu of guesses (tester t181, sections 9 and 11): a computer asked for a task of another need
(« besoin ordi pour cv »), Parcoursup for a child beside her screens, a device that no longer
works to replace, passwords to change, a struggle with one's phone beside a job named as who
one is, a procedure named as « ma demande de … » or a student's file (CVEC), no mail address,
work to find (« chercher du taf »), nothing hacked in the accounts of one who died.
``said_both`` gives them to ``said_plainly.plain``: a need leading, needs made context, and
needs that fill the room of a second need (never one put out for them: the reader's examples
measured it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from actions.needs.catalogue import _EQUIPMENT, TOOL_NEEDS
from actions.needs.equipment import _USE_DEVICE
from actions.needs.keywords import _COMPILED
from actions.needs.words import _compile, _matches
from actions.needs.work import INTERNSHIP

# A computer asked for, to use ("besoin ordi pour cv", "il me faut un pc pour mes papiers"); not
# one to buy ("besoin d'un ordi pas cher": ``materiel_achat``) nor lessons.
_COMPUTER_ASKED = _compile(
    r"\b(besoin (d'|de |d'un |d'une )?|il me faut (un |une )?|cherche (un |une )?)"
    r"(ordi|ordinateur|pc)\b(?![^.!?]{0,30}\b(pas cher|prix|acheter|reconditionn\w*|donn\w*"
    r"|apprendre|cours|formation))"
)
# Parcoursup, and the part of the message that is not about it (a child's screens, school)
_PARCOURSUP = _compile(r"\bparcoursup\b")
# A device that works no more (« un vieux téléphone qui marche plus »): another one to get, not
# lessons on it — when no procedure is said beside it (then a device to use there).
_WORKS_NO_MORE = _compile(
    r"\b(telephone|tel|portable|smartphone|ordi|ordinateur|pc|tablette)s?\b[^.!?]{0,25}"
    r"\b(ne |n')?(marche|fonctionne|s'allume|charge|tient) plus\b"
)
_LEARNING_TOO = _compile(
    r"\b(appren\w*|montr\w*|s'en servir|se servir|utiliser|cours|ateliers?|expliqu\w*"
    r"|former|formation)\b"
)
# Passwords to change (« il avait tous mes mots de passe et je veux tout changer »).
_PASSWORDS = _compile(
    r"\bmots? de passe\b[^.!?]{0,80}\b(chang\w*|modifi\w*|refaire|securis\w*|proteg\w*)"
    r"|\b(chang\w*|modifi\w*|securis\w*) (tous |toutes )?(mes|mon|les) (mots? de passe|codes)\b"
)
# A struggle with one's phone in so many words (« je galère avec mon tel »).
_PHONE_STRUGGLE = _compile(
    r"\b(galere\w*|galer\w*|je m'en sors pas|j'y arrive pas|je n'y arrive pas|je comprends rien"
    r"|du mal|perdue?) (avec|sur) (mon|ma|le|la|son) (tel|telephone|portable|smartphone|tablette"
    r"|appli\w*)\b"
)
# A procedure named as one's request (« ma demande d'invalidité », « sa demande d'aide au
# logement »): paperwork, no guess to offer.
_MY_REQUEST = _compile(
    r"\b(ma|sa|une|mon) (demande|dossier) (de |d')(pension|invalidite|allocation|aide|prime"
    r"|bourse|logement|retraite|rsa|apl|aah|naturalisation|titre|carte|passeport|cmu|css"
    r"|complementaire)\w*"
)
# No mail address (« alternance à trouver et j'ai pas de mail »): one to create, beside the other
# need, never dropped as the means of it.
_NO_MAIL = _compile(
    r"\b(pas|plus|sans|ni) (de |d'|d'une |une )?(adresse |boite )?(e-?)?mails?\b"
)
# Work to find said in so many words (« chercher du taf », « alternance à trouver »), not as the
# aim of another need (« apprendre excel pour trouver du boulot »).
_SEEKING_WORK = _compile(
    r"(?<!pour )\b(cherche\w*|trouver|recherche\w*) (du|un|une|d'un|d'une|de l') ?(taf|travail"
    rf"|boulot|job|emploi|alternance|{INTERNSHIP}|apprentissage)\b"
    rf"|\b(taf|travail|boulot|job|emploi|alternance|{INTERNSHIP}) a trouver\b"
)
# A student's own files online (« CVEC + ouverture compte bancaire en ligne »): paperwork.
_STUDENT_FILE = _compile(r"\b(cvec|dossier social etudiant|campus france|messervices)\b")
# Nothing hacked: words of a scam or a break-in (the accounts of one who died are paperwork).
_HACKED = _compile(r"\b(pirat\w*|arnaqu?\w*|vol\w*|hack\w*|usurp\w*|escroc\w*|fraud\w*)\b")


@dataclass
class Both:
    lead: list[str] = field(default_factory=list)
    fill: list[str] = field(default_factory=list)  # a second need, where there is room
    alone: list[str] = field(default_factory=list)
    drop: set[str] = field(default_factory=set)
    ruled_out: set[str] = field(default_factory=set)


def said_both(folded: str, procedures: list[str], part_needs: Callable[[str], list[str]],
              after_a_death: bool = False) -> Both:
    """What ``folded`` (a folded message) says plainly of the cases above."""
    out = Both()
    if _COMPUTER_ASKED.search(folded) and (procedures or any(
        _matches(folded, patterns) for k, patterns in _COMPILED["need"].items()
        if k not in TOOL_NEEDS and k not in _EQUIPMENT
    )):
        out.fill.append("materiel_usage")  # "besoin ordi pour cv": the CV, and a computer
    if (park := _PARCOURSUP.search(folded)) and "parentalite" in part_needs(
        folded[: park.start()] + " " + folded[park.end() :]
    ):
        out.fill.append("demarches")  # Parcoursup is a procedure, the screens the parenting
    if _WORKS_NO_MORE.search(folded) and not procedures and not _USE_DEVICE.search(folded):
        out.lead.append("materiel_achat")
        if not _LEARNING_TOO.search(folded):  # "… et qu'on lui apprenne à s'en servir": both
            out.drop |= {"smartphone", "ordinateur"}
    if _NO_MAIL.search(folded) and not procedures:  # beside a file, part of its help
        out.fill.append("quotidien")
    if _SEEKING_WORK.search(folded):
        out.fill.append("emploi")
    if _PASSWORDS.search(folded):
        out.alone.append("securite")
    if _PHONE_STRUGGLE.search(folded):
        out.alone.append("smartphone")
    if _MY_REQUEST.search(folded) or _STUDENT_FILE.search(folded):
        out.alone.append("demarches")
    if after_a_death and not _HACKED.search(folded):
        out.drop.add("securite")  # closing the accounts of one who died: nothing was hacked
        out.ruled_out.add("securite")
    return out
