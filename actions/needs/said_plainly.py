"""Needs said in so many words, that neither the order of the keywords nor the meaning may drop
or put to a choice: two requests in one message ("… et moi de mon côté …", "par ailleurs"), a
trade's own software and sales online, someone else's accounts to run, the affairs after
a death, office work on a computer, learning digital life itself.

``complete`` orders the keywords' needs (``detect``); ``settle`` puts back, after the meaning
has weighed them (``read``), what was said plainly, with no menu of guesses. Both take
``part_needs``, the keywords' reading of one part of a message (``detect``'s needs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from actions.needs.catalogue import NEEDS, PROCEDURES, TOOL_NEEDS
from actions.needs.equipment import _DEVICE_FOR, _USE_DEVICE
from actions.needs.keywords import _COMPILED
from actions.needs.leisure import _CALLS, _GAMES_SAID
from actions.needs.papers import (
    _AFFAIRS,
    _AFTER_A_DEATH,
    _PAPERS_SAID,
    _PROCEDURES_UNDERSTOOD,
    _THEIR_ACCOUNTS,
)
from actions.needs.parenting import _KID
from actions.needs.said_both import said_both
from actions.needs.tools import _DIGITAL_BASICS, _OFFICE_WORK
from actions.needs.two_requests import also_said
from actions.needs.words import _matches
from actions.needs.work import (
    _BUSINESS_FILES,
    _FOR_A_JOB,
    _HELPED,
    _JOB_SEEKING,
    _OWN_TRADE,
    _PROFESSIONAL,
    _TRADE_ONLINE,
    work_said_beside,
)

# Online safety said of a trade's site or data ("protéger mon site et les données de mes clients")
_SAFETY_WORDS = re.compile(r"\b(proteg\w*|securis\w*|securite|pirat\w*|donnees|arnaqu\w*|virus)")
# A child named: understanding a school's or an orientation site is the parent's (parenting)
_KID_NAMED = re.compile(rf"\b{_KID}\b")

# Where a message turns to a second request: "de mon côté", "d'autre part" ("+" joins the parts
# of one request as often, "ordinateur + imprimante"; a numbered list, a preamble and its points).
_NEXT_REQUEST = re.compile(
    r"\b(?:et )?moi,? de mon cote\b|\bd'autre part\b|\bpar ailleurs\b"
    r"|\b(?:une )?(?:autre|deuxieme|seconde) (?:chose|demande|question)\b"
    # "j'ai reçu un sms bizarre et je dois aussi faire mon passeport": another request
    r"|\bet (?:je dois|il faut|faut|je voudrais|je veux|j'aimerais|j'ai besoin) aussi\b"
)
_PART_WORDS = 2  # a part shorter says no request of its own
# Learning asked in so many words ("je ne sais pas par où commencer" is no lesson asked for).
_TO_LEARN = re.compile(r"\b(m'?apprendre|apprendre|apprentissage|me former|cours|ateliers?)\b")


@dataclass
class Plain:
    lead: list[str] = field(default_factory=list)  # needs that come first
    added: list[str] = field(default_factory=list)  # needs kept beside the others
    fill: list[str] = field(default_factory=list)  # needs kept when there is room (two at most)
    alone: list[str] = field(default_factory=list)  # the need when no other is named
    drop: set[str] = field(default_factory=set)  # needs the words make context only
    ruled_out: set[str] = field(default_factory=set)  # nor may the meaning bring them
    mode: str | None = None

    @property
    def said(self) -> bool:
        return bool(self.lead or self.added or self.alone or self.fill)


def plain(folded: str, procedures: list[str], part_needs: Callable[[str], list[str]]) -> Plain:
    """What ``folded`` (a folded message) says plainly; ``part_needs`` reads one part of it (the
    keywords alone)."""
    out = Plain()
    # the business's own files ("ma déclaration URSSAF"): the business, the paperwork beside it
    papers = bool(_PAPERS_SAID.search(folded))
    if (
        _OWN_TRADE.search(folded)
        and _TRADE_ONLINE.search(folded)
        and not procedures
        and (_BUSINESS_FILES.search(folded) or not papers)
    ):
        out.lead.append("entreprise")
        out.drop |= TOOL_NEEDS | {"loisirs", "parentalite"} | (set() if papers else {"demarches"})
        # nor may the meaning add a computer (on site or to get) or online safety to the trade's
        # software and accounts ("mes factures électroniques", "mon espace URSSAF"): keywords
        out.ruled_out |= out.drop | {"materiel_usage", "internet", "materiel_achat"}
        if not _SAFETY_WORDS.search(folded):  # "protéger mon site et les données de mes clients"
            out.ruled_out.add("securite")
    if (
        _DEVICE_FOR.search(folded)
        and _matches(folded, _COMPILED["need"]["materiel_achat"])
        and not procedures
        and not _USE_DEVICE.search(folded)  # "en attendant, un endroit où utiliser un ordi"
    ):
        # "un ordinateur simple pour faire mes papiers et voir mes photos", with a small income:
        # one to get, what it is for is what the person does on it (their photos: learning to),
        # not papers done with someone nor a computer on site
        out.lead.append("materiel_achat")
        out.drop |= {"demarches", "sante", "materiel_usage"}
        out.ruled_out |= out.drop
    if (_HELPED.search(folded) or _PROFESSIONAL.search(folded)) and not procedures and _matches(
        folded, _COMPILED["need"]["demarches"]
    ):
        # "je suis agente au CCAS, j'écris pour un usager qui doit faire ses démarches": the
        # procedures of the person helped, no guess
        out.alone.append("demarches")
    if _PROCEDURES_UNDERSTOOD.search(folded) and not procedures and not _KID_NAMED.search(folded):
        # "comprendre comment fonctionnent les démarches de la ville en ligne": the procedures
        out.lead.append("demarches")
        out.drop.add("culture")
        out.ruled_out.add("culture")
        out.mode = "autonomie"  # understanding how they are done is learning to do them
    affairs = bool(_THEIR_ACCOUNTS.search(folded) or (
        _AFTER_A_DEATH.search(folded) and _AFFAIRS.search(folded)
    ))
    if affairs:
        out.alone.append("demarches")  # beside another need named, that one (sets AD, H)
        out.ruled_out |= {"entreprise", "loisirs"}
        if not _TO_LEARN.search(folded):
            out.mode = "avec_moi"  # a bereaved or worried person: someone to do it with them
    if any(p.search(folded) for p in _GAMES_SAID):
        out.alone.append("loisirs")  # "des mots croisés sur la tablette": a game (set AT)
        if _CALLS.search(folded):
            out.added.append("quotidien")  # "… et des visios avec leurs familles"
    # Work said beside learning a tool ("apprendre Excel pour trouver un poste") is the job
    # search to independent writers; beside a file to do, the computer is named and the job,
    # said only as its aim ("pour trouver du boulot"), goes.
    job_said = _matches(folded, _COMPILED["need"]["emploi"])
    if _OFFICE_WORK.search(folded):
        out.ruled_out.add("loisirs")  # spreadsheets, not paintings
        if procedures and (job := _FOR_A_JOB.search(folded)):
            if not _JOB_SEEKING.search(folded[: job.start()] + " " + folded[job.end() :]):
                out.lead.append(PROCEDURES[procedures[0]].need)  # the file, then the computer
                out.drop.add("emploi")
                out.ruled_out.add("emploi")
            out.added.append("ordinateur")
        elif not job_said:
            out.added.append("ordinateur")
    lead, added, ruled_out = work_said_beside(folded, job_said)
    out.lead += lead
    out.added += added
    out.drop |= ruled_out
    out.ruled_out |= ruled_out
    if (basics := _DIGITAL_BASICS.search(folded)) and not job_said:
        out.added.append("ordinateur" if basics.group().endswith("informatique") else "quotidien")
    both = said_both(folded, procedures, part_needs, after_a_death=affairs)
    out.lead += both.lead
    out.fill += both.fill
    out.alone += both.alone
    out.drop |= both.drop
    out.ruled_out |= both.ruled_out
    # the accounts of one who died or of another to run: paperwork, their bank one of them
    out.added += [k for k in also_said(folded, procedures)
                  if k not in out.drop and not (affairs and k == "quotidien")]
    parts = [p for p in _NEXT_REQUEST.split(folded) if p and len(p.split()) >= _PART_WORDS]
    if len(parts) > 1:
        for part in parts:
            out.added += [k for k in part_needs(part)[:1] if k not in out.drop]
    out.added = [k for i, k in enumerate(out.added) if k not in out.added[:i] + out.lead]
    return out


def ordered(needs: list[str], said: Plain) -> list[str]:
    """``needs`` with what was said plainly: the lead first, each need added within the first
    two."""
    kept = said.lead + [k for k in needs if k not in said.drop and k not in said.lead]
    kept = kept or list(said.alone)
    for key in said.added:
        if NEEDS[key].service not in {NEEDS[k].service for k in kept[:2]}:
            # not named yet (a need of the same service is: "santé" names the papers)
            kept = [k for k in kept if k != key]
            kept.insert(min(1, len(kept)), key)
    for key in said.fill:
        if len(kept) < 2 and NEEDS[key].service not in {NEEDS[k].service for k in kept}:
            kept.append(key)
    return kept


def complete(folded: str, procedures: list[str], strong: list[str], ruled_out: set[str],
             part_needs: Callable[[str], list[str]]) -> tuple[list[str], str | None]:
    """The keywords' needs (``strong``, all of them, in order) with what was said plainly; the
    needs ruled out grow in place. Returns the needs and the mode said."""
    said = plain(folded, procedures, part_needs)
    ruled_out |= said.ruled_out - set(said.lead) - set(said.added)
    if not said.said and not said.drop:
        return strong, None
    return ordered(strong, said), said.mode


def settle(folded: str, needs: list[str], procedures: list[str], choices: list[str],
           part_needs: Callable[[str], list[str]]) -> tuple[list[str], list[str], str | None]:
    """After the meaning: the needs said plainly put back (two at most), no choice among guesses
    when one was. Returns the needs, the choices and the mode said."""
    said = plain(folded, procedures, part_needs)
    if not said.said:
        return needs, choices, None
    kept = ordered(needs, said)
    if not (said.lead or said.added) and not set(said.alone + said.fill) & set(kept):
        return needs, choices, None  # another need named: the meaning's reading stands
    first = [PROCEDURES[p].need for p in procedures[:1] if PROCEDURES[p].need in kept]
    kept = first + [k for k in kept if k not in first]  # a named procedure's need stays first
    return kept[:2], [], said.mode
