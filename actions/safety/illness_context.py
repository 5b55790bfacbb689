"""An illness told as the context of a request, not as danger now: a relative who is ill, in
hospital, in intensive care, operated on, with a cancer (« mon père a été opéré en urgence du
cœur, je dois m'occuper de sa mutuelle »), and a stroke or a heart attack told as done with the
person cared for (« mon père a fait un infarctus, il est à l'hôpital »).

Their meaning sits next to the danger examples (someone unwell), and the NLU reads some of them
as ``emergency``: the request is read without them (``set_aside``), the NLU's danger is not
trusted beside them when the words say none (``safety_actions.ActionEmergency``), and a severe
wording that only names the illness told as done weighs like the alarm tier (``reading``). Danger
said now beside them (« il ne respire plus », « il vient de s'effondrer ») is read as it is."""

from __future__ import annotations

import re

from actions.safety.common_words import KIN, put_aside
from actions.safety.severe import SEVERE_RE

# Whom an illness is told of: kin, a partner (ill, a partner is no threat), or a pronoun.
_PERSON = (
    rf"\b((ma|mon|sa|son|notre|leur) ({KIN}|mari|femme|[eé]poux|[eé]pouse|conjointe?|compagnon"
    r"|compagne|concubine?)\b[^.!?,]{0,30}|(il|elle|ils|elles|qui) )"
)
# Where someone is being cared for, or how ill: « est hospitalisé », « en réanimation ».
_CARED_STATE = (
    r"hospitalis[eé]e?s?( en (soins \w+|[\w-]+))?|[aà] l'h[oô]pital|en maison de retraite|en ehpad"
    r"|en r[eé]a(nimation)?( n[eé]onatale)?|en soins (intensifs|palliatifs)|aux urgences"
    r"|en r[eé][eé]ducation|dans le coma|en psychiatrie|en clinique|[aà] la clinique"
)
_ILL_STATE = (
    rf"malades?|souffrante?s?|{_CARED_STATE}|en fin de vie|mourante?s?|en chimio\w*|en dialyse"
    r"|sous oxyg[eè]ne"
)
# A lasting illness: « a un cancer », « a Alzheimer », « fait des crises d'épilepsie ».
_ILLNESS = (
    r"cancer|leuc[eé]mie|tumeur|alzheimer|parkinson|scl[eé]rose( en plaques)?|maladie( de \w+)?"
    r"|d[eé]mence|insuffisance \w+"
)
_RELATIVE_ILL = re.compile(
    rf"{_PERSON}("
    r"(est|sont|etait|etaient|[eé]tait|[eé]taient|est tomb[eé]e?|est tomb[eé]e?s?) "
    rf"(tr[eè]s |souvent |gravement |tomb[eé]e?s? |actuellement |encore )?({_ILL_STATE})"
    r"|(a|ont) [eé]t[eé] (op[eé]r[eé]|transport[eé]|emmen[eé]|admis|hospitalis[eé])e?s?"
    r"( en urgence| d'urgence)?( aux urgences| [aà] l'h[oô]pital| du (c(oe|œ)ur|cerveau|\w+))?"
    rf"|(a|ont) (un |une |la |le )?({_ILLNESS})"
    r"|fait des (crises|malaises|avc)( d'[eé]pilepsie| cardiaques)?"
    r")\b",
    re.IGNORECASE,
)


# A relative being cared for: in hospital, in intensive care, operated on, taken to hospital.
_RELATIVE_IN_CARE = re.compile(
    rf"{_PERSON}("
    r"(est|sont|etait|etaient|[eé]tait|[eé]taient) (actuellement |encore |toujours )?"
    rf"({_CARED_STATE})"
    r"|(a|ont) [eé]t[eé] (op[eé]r[eé]|transport[eé]|emmen[eé]|admis|hospitalis[eé])e?s?"
    r")\b",
    re.IGNORECASE,
)


def tells_a_stay_in_care(text: str) -> bool:
    """The message tells of a relative being cared for (« mon père est hospitalisé en soins
    palliatifs », « ma mère a été opérée »): someone else has the danger in hand."""
    return bool(_RELATIVE_IN_CARE.search((text or "").replace("\u2019", "'")))


def tells_an_illness(text: str) -> bool:
    """The message tells of a relative's illness or stay in hospital (never the writer's own)."""
    return bool(_RELATIVE_ILL.search((text or "").replace("\u2019", "'")))


def without_relative_ill(text: str) -> str:
    """The message without a relative's illness told as context (never the writer's own)."""
    return put_aside(_RELATIVE_ILL, text)


# Someone being cared for now, on folded text: in hospital, in intensive care, in rehabilitation.
_CARED_FOR = re.compile(
    r"\b(est|sont|suis|etait|etaient) (actuellement |encore |toujours )?(a l'hopital"
    r"|hospitalisee?s?|en reanimation|en rea|en reeducation|aux urgences|en soins intensifs"
    r"|pris en charge|prise en charge|a la clinique|en clinique|au chu)\b"
    r"|\b(a|ont|ai) ete (hospitalisee?s?|operee?s?|pris en charge|prise en charge|transportee?s?"
    r"|emmenee?s?|admise?s?)\b"
)
# An attack of an illness told as done: « a fait un AVC », « vient de faire un infarctus ».
_ATTACK_DONE = re.compile(
    r"\b(a|avait|ont|avaient|ai|vient de|venait de) (deja )?(fait|eu|faire|avoir) (un |une |des )?"
    r"(malaise|avc|infarctus|crise cardiaque|arret cardiaque|crise d'epilepsie|attaque cerebrale"
    r"|embolie pulmonaire|hemorragie)s?\b"
)


def attack_cared_for(folded: str) -> bool:
    """A stroke, a heart attack or a fainting told as done, the person cared for now, and no
    other severe wording (``folded``: as ``actions.safety.reading`` reads)."""
    return bool(
        _ATTACK_DONE.search(folded)
        and _CARED_FOR.search(folded)
        and not SEVERE_RE.search(_ATTACK_DONE.sub(" ", folded))
    )
