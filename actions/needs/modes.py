"""With someone or learning alone: the mode read in a message or in an answer to the mode
question, and what it changes."""

from __future__ import annotations

import re

from actions.needs.words import fold
from actions.needs.work import _FOR_A_USER

# "pour moi" said of doing ("le faire pour moi", "qu'on remplisse mon dossier pour moi", "s'en
# occuper pour moi"): on the person's behalf. Said of whom the help is for ("c'est pour moi", "pas
# pour moi", "et pour moi à Quimper, je voudrais apprendre excel"), it chooses no mode.
_DONE_FOR_ME = (
    r"\b(faire|fait|fasse|fassent|faites|ferait|fais|remplir|remplisse|remplit|remplissez"
    r"|occupe|occuper|occupiez|gerer|gere|envoyer|envoie|declarer|declare|signer|payer)"
    r"\b( \w+| \w+'){0,4} pour moi\b"
)


_MODE_ALONE = (
    r"\bapprendre\b",
    r"\b(faire|y arriver|m'en sortir)( ca| le| la| les)?( tout| toute)? seule?s?\b",
    r"\bpar moi-?meme\b",
    # "savoir prendre mes rendez-vous tout seul": knowing how to do it alone is learning it
    r"\b(savoir|pouvoir|arriver a|reussir a|voudrais|veux|aimerais) (le |la |les |l'|me |m'|en )?"
    r"\w+(er|ir|re)\b[^.!?]{0,80}\b(tout|toute|tt|tte) seule?s?\b",
    r"\bautonom",
    r"\bme debrouiller\b",
    r"\bme former\b",
    r"\bformation\b",
    r"\bcours\b",
    r"\batelier",
)
_MODE_WITH = (
    r"\bavec moi\b",
    r"\bavec (quelqu'un|une personne|un conseiller|une conseillere)\b",
    r"\baccompagne",
    r"\bfrance services?\b",
    r"\bm'aider\b",
    r"\bmaider\b",
    r"\baidez",
    r"\bj'?(n')?arrive pas\b",
    r"\bbloque",
    r"\bbesoin d'aide",
    r"\ba ma place\b",
    _DONE_FOR_ME,
    r"\bfaire (la|ma|mes) demarche",
    # who cannot do it now (ill, worn out, cannot move): someone does it with or for them
    r"\b(je ne peux|je peux|j'peux|jpeux|je n'arrive|j'arrive) (pas|plus) (bouger|me deplacer"
    r"|sortir|marcher|me lever|rester assise?)\b",
    r"\b(chimio\w*|radiotherapie|dialyse|hospitalisee?|alitee?|grabataire|en fin de vie"
    r"|(trop|tres|gravement|je suis) malade)\b",
    r"\b(trop|tres|tellement|si) (fatiguee?|epuisee?|faible)\b",
    r"\bn'y arrive (pas|plus)\b|\bj'y arrive (pas|plus)\b",
    # a professional writing for the person they help: it is done with that person
    _FOR_A_USER,
)


_ALONE = [re.compile(p) for p in _MODE_ALONE]
_WITH = [re.compile(p) for p in _MODE_WITH]
# Short answers to the mode question only ("Voulez-vous que quelqu'un fasse la démarche avec
# vous, ou préférez-vous apprendre ?"), as SMS write them: "avec qqn stp", "avc quelqu'un",
# "qlq1", "tt seul". Never read in a first message, where "je vis toute seule" is no answer.
_SOMEONE = r"(quelqu'?un|quelqu'?1|qqn|qq1|qq un|qlq1|qlqn|qlqun|qlq un|kelk'?un|kelk1|qqun)"
# In English too (round t152's tester, after an English first message: "with someone please").
_ANSWER_WITH = re.compile(
    rf"^(?:(?:avec|avc|avek|av|ac)\s+)?{_SOMEONE}\b|\b(avec|avc|avek|av|ac)\s+{_SOMEONE}\b"
    r"|\bwith (?:someone|somebody|a person|an? (?:adviser|advisor|helper))\b"
)
_ANSWER_ALONE = re.compile(
    r"^(?:(?:moi|je prefere|plutot|apprendre)\s+)*(tout|toute|tt|tte|tou|toutes?)?\s*seule?s?\b"
    r"|^(?:(?:i|i'd|i would|would|prefer|rather|to|learn|learning|do it|please)\s+)*"
    r"(?:alone|by myself|on my own|myself)\b"
    r"|^(?:i(?:'d| would)? (?:want|like|prefer|rather) to )?learn\b"
)


def mode_answer(text: str) -> str | None:
    """The mode an answer to the mode question gives in SMS spelling, or None."""
    folded = " ".join(fold(text).replace("’", "'").split())
    if _ANSWER_WITH.search(folded):
        return "avec_moi"
    if _ANSWER_ALONE.search(folded):
        return "autonomie"
    return None


def needs_mode_question(need_keys: list[str], procedures: list[str], mode: str | None) -> bool:
    """Ask "with you or learn alone" only when it matters: generic admin help, no hint given."""
    return need_keys == ["demarches"] and not procedures and mode is None


LEARN = "demarches_autonomie"  # papers, learnt alone (the mode "autonomie")


def apply_mode(need_keys: list[str], mode: str | None) -> list[str]:
    if mode == "autonomie":
        return [LEARN if k == "demarches" else k for k in need_keys]
    return need_keys
