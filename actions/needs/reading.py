"""``read``: the keywords' reading (``detect``) weighed against the meaning of the message, and
the readings built on it (a long letter's wish, a helper asked for, a criterion only)."""

from __future__ import annotations

import re

from actions.needs.care import CARE_WORDS, care_asked
from actions.needs.catalogue import _ADMIN_NEEDS, GENERAL_HELP, PROCEDURES, TOOL_NEEDS
from actions.needs.detection import Understanding, detect, part_needs
from actions.needs.distance import without_distance
from actions.needs.equipment import _DEAD_DEVICE, _NO_DEVICE, _PRINTER_STUCK
from actions.needs.keywords import _COMPILED, GENERIC_NEEDS
from actions.needs.office_names import for_meaning
from actions.needs.online_safety import _SAFETY_SAID
from actions.needs.papers import _NAMED_DESK, _NAMED_FILE, HOUSING_ALONE
from actions.needs.parenting import _FAMILY, _SCHOOL_SENT
from actions.needs.said_plainly import settle
from actions.needs.tools import _LEARN, _ON_THE_DEVICE, _SOCIAL_HELP, _TOOL_TASK
from actions.needs.who import status_blanked
from actions.needs.words import _SMS_ELISION, _compile, fold

_SAID_ALONE = 10  # words: a short message says nothing else that could weigh


# A long message (a letter): the sentences where the person says what they want ("Ce que je
# voudrais, c'est…", "j'aimerais", "mon besoin") weigh most; the story around them names other
# offices and devices.
LONG_MESSAGE = 500  # characters (``actions.message_text.MAX_TEXT``)
_WISH = _compile(
    r"\b(ce que je (voudrais|veux|souhaite\w*|cherche|demande)|ce dont j'ai besoin"
    r"|j'aimerais|je voudrais|je souhaite\w*|mon besoin|ma demande (c'est|est))\b"
)
SENTENCE = re.compile(r"[^.!?\n…]+[.!?\n…]*")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text or "") if s.strip()]


def wish_part(text: str) -> str:
    """The sentences of ``text`` where the person says what they want ("Ce que je voudrais,
    c'est apprendre à me servir d'un téléphone."), joined; empty if none."""
    return " ".join(
        s for s in sentences(text) if _WISH.search(fold(s).replace("’", "'"))
    )


def read(text: str, by_meaning: bool = True) -> Understanding:
    """``detect`` (keywords), with the needs weighed against the meaning of the message
    (``actions.semantic_needs``). ``by_meaning=False`` for an answer to another question (a town,
    "avec quelqu'un"). A long message that says what the person wants is read from those
    sentences, the criteria and the mode from the whole."""
    if len(text) > LONG_MESSAGE and (wished := wish_part(text)) and len(wished) < len(text) / 2:
        own = read(wished, by_meaning)
        if not own.empty:
            whole = detect(text)
            own.constraints += [c for c in whole.constraints if c not in own.constraints]
            own.mode = own.mode or whole.mode
            return own
    found = detect(text)
    from actions import not_ours, semantic_needs, without_calling  # the encoder: on first use

    text = without_distance(text)  # "à moins de 500 m" says where, not what
    if len(blank := not_ours.without(fold(text).replace("’", "'"))) == len(text):
        # nor does its meaning say a digital need where the words ask another thing
        kept = zip(text, blank, strict=True)
        text = "".join(c if b != " " or c.isspace() else " " for c, b in kept)
    if not by_meaning or not semantic_needs.states_something(text) or asks_for_a_helper(found):
        return found
    if found.needs == ["quotidien"] and _SOCIAL_HELP.search(fold(text)) and len(text.split()) <= 12:
        return found  # "aide pour facebook": said in so many words, whatever its meaning's vote
    if found.needs == ["securite"] and _SAFETY_SAID.search(fold(text)) and len(text.split()) <= 12:
        return found  # "être en sécurité sur internet", "sécuriser mon téléphone": said so
    elided = _SMS_ELISION.sub(r"\1'\2", fold(text).replace("’", "'"))
    if found.needs == ["materiel_achat"] and not found.procedures and _DEAD_DEVICE.search(elided):
        return found  # "mon téléphone est mort", alone: another one to get, no guess to choose
    if found.needs == ["demarches"] and HOUSING_ALONE.search(elided):
        return found  # « logement » alone: a housing file online, no guess to choose
    # "l'appli de ma banque", "une adresse mail", "mon imprimante n'imprime rien" (set AT)
    task = bool(_TOOL_TASK.search(elided) or _PRINTER_STUCK.search(elided))
    if task and found.needs and set(found.needs) <= TOOL_NEEDS and not found.procedures:
        return found  # "ma banque veut que je fasse tout par l'appli": said so, no guess
    # A generic need ("mes démarches", "mon téléphone") weighs less than a specific one.
    folded = fold(text)
    learn = bool(_LEARN.search(elided))  # "apprendre à utiliser ma tablette": not generic
    generic = (
        []
        if found.procedures or _NAMED_DESK.search(folded) or _NAMED_FILE.search(folded)
        # "je veux apprendre à faire mes démarches en ligne", said alone: learning to do one's
        # own paperwork is said in so many words, as learning a tool is.
        else [k for k in found.needs
              if k in GENERIC_NEEDS and not ((learn or task) and k in TOOL_NEEDS)
              and not (learn and k in _ADMIN_NEEDS and len(text.split()) <= _SAID_ALONE)]
    )
    specific = [k for k in found.needs if k not in generic]
    if specific:  # "je suis sourd et je cherche du travail": the need named, the care beside it
        text = _without_who_words(text, found.constraints)
    if "Surdité" in care_asked(found.constraints):
        # « sourd, pas de téléphone possible, juste sms »: how to reach a deaf person, never a
        # phone to learn (tester t218, D2)
        text = _without_spans(text, without_calling.cannot_call_spans)
    # "retraité, …", "j'ai un cancer et je suis fatiguée, …": who the person is, weighed as
    # no need (it pulled a business, online safety, a job search in)
    text = for_meaning(status_blanked(text))  # « la sécu »: the CPAM, not online safety
    weighed = semantic_needs.reader().weigh(text, specific, generic, found.ruled_out)
    found.needs = weighed.needs
    if (
        "materiel_usage" in specific
        and len(found.needs) == 1
        and found.needs[0] != "materiel_usage"
        and (
            _NO_DEVICE.search(elided := _SMS_ELISION.sub(r"\1'\2", folded.replace("’", "'")))
            or _DEAD_DEVICE.search(elided)
        )
    ):
        # "jdois m'actualiser mais j'ai pas d'ordi": said in so many words, a computer to use is
        # the other need, whatever weight its meaning has.
        found.needs.append("materiel_usage")
    if found.mode == "autonomie" and len(found.needs) == 1 and found.needs[0] in _ADMIN_NEEDS:
        # "je veux apprendre à faire mes démarches seule": the file, and learning the everyday
        # tools it takes (independent writers gave both services 20 times out of 24).
        found.needs.append("quotidien")
    if found.procedures and PROCEDURES[found.procedures[0]].need in found.needs[1:]:
        # "mon portable a rendu l'âme, comment je fais pour ma CAF": the procedure comes first
        found.needs.remove(first := PROCEDURES[found.procedures[0]].need)
        found.needs.insert(0, first)
    found.choices = [] if found.procedures else weighed.choices  # a named procedure is no guess
    if (
        not found.choices and found.needs and "parentalite" not in found.needs
        and _SCHOOL_SENT.search(elided) and _FAMILY.search(elided)
    ):
        # "l'inscription à la cantine de ma fille se fait en ligne": paperwork to some writers,
        # parenting to others (sets AF and AQ): a guess, both offered to choose from.
        found.choices = [found.needs[0], "parentalite"]
    if {"smartphone", "quotidien"} <= set(found.needs) and _ON_THE_DEVICE.search(elided):
        # "la synthèse vocale de mon iPhone": the phone to learn, one need said. After the
        # weighing: the same service, read as before (a second service is not let in for it).
        found.needs.remove("quotidien")
    # what was said in so many words, whatever the meaning weighed: no menu of guesses
    found.needs, found.choices, mode = settle(
        elided, found.needs, found.procedures, found.choices, part_needs
    )
    found.mode = found.mode or mode
    return found


def _without_who_words(text: str, constraints: list[str]) -> str:
    """``text`` without the words of a care, a public or an accessibility read in it ("sourd",
    "malvoyante", "en fauteuil", "retraité"): who the person is, never what they need. Read by
    meaning, they pulled a need named in so many words ("je suis sourd et je cherche du
    travail") towards "no need", and the person was asked to choose among guesses."""
    folded = fold(text)
    if len(folded) != len(text):  # spaces at the ends, a letter folded to two: char by char
        folded = "".join(f if len(f := fold(c)) == 1 else " " for c in text)
    patterns = [p for key in constraints if key in _WHO for p in _COMPILED["constraint"][key]]
    for care in care_asked(constraints):
        patterns += [_word_pattern(w) for w in CARE_WORDS.get(care, ())]
    spans = [m.span() for p in patterns for m in p.finditer(folded)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _without_spans(text: str, spans_of) -> str:
    """``text`` with the spans ``spans_of`` finds in its folded form blanked."""
    folded = fold(text)
    if len(folded) != len(text):
        folded = "".join(f if len(f := fold(c)) == 1 else " " for c in text)
    folded = re.sub(r"[^a-z0-9]", " ", folded)
    chars = list(text)
    for start, end in spans_of(folded):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_WHO = ("accessible", "seniors")  # the constraints that say who the person is


def _word_pattern(words: str) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(map(re.escape, words.split()))
                      + r"(?![a-z0-9])")


def asks_for_a_helper(found: Understanding) -> bool:
    """ "où trouver un conseiller numérique à Poitiers": a helper asked for by name and no
    precise need: general digital help where one works, no need to guess or ask."""
    return (
        "conseiller_numerique" in found.constraints
        and found.needs == [GENERAL_HELP]
        and not found.procedures
    )


def refines_search(text: str) -> bool:
    """A short message that only adds or drops a criterion ("et le dimanche ?", "le samedi
    c'est ouvert ?", "sans le samedi"): the same search again, with it."""
    if len(text.split()) > 8:
        return False
    found = detect(text)
    return found.empty and bool(found.constraints or found.dropped)
