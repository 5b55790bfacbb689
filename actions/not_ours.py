"""What a message asks beside a digital need that the assistant does not do: childcare ("j'ai
besoin d'une garde d'enfant"), a doctor ("trouver un médecin traitant"), housing itself ("trouver
un logement"), a lawyer ("un avocat pour mon divorce"), food aid. The digital need is answered;
one plain line says the other thing is not what the assistant helps with
(``utter_out_of_scope``, the thing named), instead of dropping it.

Not the digital side of the same things: "inscrire mon fils à la crèche sur le site de la mairie",
"prendre rendez-vous chez le médecin sur Doctolib", "ma demande de logement social en ligne" are
procedures online, needs the places serve.
"""

from __future__ import annotations

import re

from rasa_sdk.executor import CollectingDispatcher

from actions import needs as needs_mod

_LOOK_FOR = r"(trouver|cherche\w*|recherche\w*|besoin d'|besoin de|voir|consulter|il me faut)"
# What the assistant does not do → how the line names it.
NOT_OURS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (what, re.compile(pattern))
    for what, pattern in (
        (
            "la garde d'enfant",
            r"\b(garde|garder|faire garder|gardienne?)( d'| de| des| pour)?( mes| mon| ma| un| une"
            r"| les| notre| nos)? ?(enfants?|bebes?|fils|filles?|petits?|gamins?|petite?)\b(?!-)"
            r"|\bnounous?\b|\bcreches?\b"
            r"|\bassistantes? maternelles?\b|\bbaby-?sitt\w*|\bgarderies?\b",
        ),
        (
            # Lessons of the language, not of the tools ("apprendre le français", "cours de
            # français pour mon mari", "alphabétisation").
            "les cours de français",
            r"\b(apprendre|apprenne|apprend|cours|lecons?|ateliers?|formations?|classes?"
            r"|progresser|ameliorer)( a (parler|lire|ecrire)( et (a )?(parler|lire|ecrire))?)?"
            r"( de| du| le| en| mon| son| sa)? ?(francais|la langue francaise|fle)\b"
            r"|\balphabetisation\b|\bfrancais langue etrangere\b",
        ),
        (
            "trouver un médecin",
            rf"\b{_LOOK_FOR} ?(un |une |d'un |d'une |mon |le )?(nouveau )?(medecin|docteur"
            r"|dentiste|pediatre|generaliste|specialiste)s?( traitant)?\b",
        ),
        (
            "trouver un logement",
            rf"\b{_LOOK_FOR} ?(un |une |d'un |d'une )?(logement|appartement|appart|maison"
            r"|studio|toit|hebergement|location|colocation)\b(?! social)",
        ),
        (
            "un avocat ou un conseil juridique",
            rf"\b{_LOOK_FOR} ?(un |une |d'un |d'une |mon )?(avocate?|notaire|huissier)s?\b"
            r"|\bconseils? juridiques?\b",
        ),
        (
            # A tradesman for the home (« mon évier fuit, le numéro d'un plombier pas cher »).
            "trouver un artisan (plombier, électricien…)",
            # never the person's own trade (« je suis plombier à mon compte »)
            r"(?<!suis )(?<!comme )(?<!artisan )"
            r"\b(plombiers?|electriciens?|serruriers?|chauffagistes?|vitriers?|couvreurs?)"
            r"( pas chers?)?\b|\b(evier|lavabo|robinet|chauffe-eau|chaudiere|wc|toilettes"
            r"|tuyau|canalisation)s? (fuit|fuient|qui fuit|bouche|est bouche|a une fuite)\b"
            r"|\bfuites? d'eau\b",
        ),
        (
            "l'aide alimentaire",
            r"\b(colis|aide|banque|epicerie) (alimentaire|solidaire)s?\b|\brestos? du coeur\b",
        ),
    )
)
# The same words for a procedure online or a tool ("la crèche sur le site de la mairie",
# "médecin sur Doctolib"): the digital need itself, not another thing.
_ONLINE_NEAR = re.compile(
    r"\b(en ligne|sur (le |un |leur )?(site|internet|portail|appli\w*)|doctolib|rendez-vous|rdv"
    r"|inscri\w*|dossier|formulaire|demande|monenfant|pajemploi|ameli|leboncoin|seloger)\b"
)

# Where a clause ends: "mes papiers en ligne et un avocat" are two things.
_CLAUSE_END = re.compile(r"[,;.!?]| et | mais | puis | aussi ")


def _clause(folded: str, start: int, end: int) -> str:
    """The words of ``folded`` around ``start:end`` up to the clause's ends."""
    before = [m.end() for m in _CLAUSE_END.finditer(folded, 0, start)]
    after = _CLAUSE_END.search(folded, end)
    return folded[(before[-1] if before else 0) : (after.start() if after else len(folded))]


def _spans(folded: str) -> list[tuple[str, int, int]]:
    """(thing, start, end) of the things of ``NOT_OURS`` asked in ``folded`` text; none where
    the same words are a procedure online."""
    found = []
    for what, pattern in NOT_OURS:
        for match in pattern.finditer(folded):
            if not _ONLINE_NEAR.search(_clause(folded, match.start(), match.end())):
                found.append((what, match.start(), match.end()))
    return found


def asked(text: str) -> list[str]:
    """The things of ``NOT_OURS`` the words of ``text`` ask, a digital need beside them or not."""
    folded = needs_mod.fold(text or "").replace("\u2019", "'")
    return list(dict.fromkeys(what for what, _, _ in _spans(folded)))


def without(folded: str) -> str:
    """``folded`` text without the words asking a thing the assistant does not do: they name no
    digital need ("apprendre le français" is no lesson of the internet, "faire garder ma fille"
    no parenting on screens). Same length."""
    for _, start, end in _spans(folded):
        folded = folded[:start] + " " * (end - start) + folded[end:]
    return folded


def named(text: str) -> list[str]:
    """The things of ``NOT_OURS`` the words of ``text`` ask, with a digital need beside them."""
    found = asked(text)
    if not found or needs_mod.detect(text).empty:
        return []
    return found


def _said(whats: list[str]) -> str:
    return whats[0] if len(whats) == 1 else ", ".join(whats[:-1]) + " ou " + whats[-1]


def say_beside(dispatcher: CollectingDispatcher, start: int, text: str) -> None:
    """The line that ``text`` asks something the assistant does not do, first among the
    messages sent from ``start`` on — when they answer a need (places, or a question about it),
    not the numbers of a danger."""
    sent = dispatcher.messages[start:]
    kinds = {((m.get("custom") or {}).get("orienteur") or {}).get("type") for m in sent}
    if not sent or kinds & {"emergency", "danger_check"}:
        return
    whats = asked(text)
    if not whats:
        return
    if needs_mod.detect(text).empty:
        # Said alone ("je cherche une nounou", "cours de français pour mon mari"): the line
        # instead of "what do you need?" or "I cannot help with that"; digital help is offered
        # only when a digital need is said too.
        said_no = [m for m in sent if m.get("response") == "utter_out_of_scope"]
        for message in said_no:
            message.update(what=_said(whats), question="")
        if said_no or not all(m.get("response") in _NEED_QUESTIONS for m in sent):
            return
        del dispatcher.messages[start:]
    line = CollectingDispatcher()
    line.utter_message(response="utter_out_of_scope", what=_said(whats), question="")
    dispatcher.messages[start:start] = line.messages


# The questions about the need, that a thing said alone and not ours answers.
_NEED_QUESTIONS = frozenset({"utter_ask_need", "utter_ask_need_there", "utter_ask_need_choice"})
