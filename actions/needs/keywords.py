"""The keyword tables of every need, in the order needs are found, compiled."""

from __future__ import annotations

from actions.needs import (
    equipment,
    leisure,
    online_safety,
    papers,
    parenting,
    tools,
    two_requests,
    work,
)
from actions.needs.catalogue import TOOL_NEEDS
from actions.needs.constraints import _CONSTRAINT_PATTERNS
from actions.needs.papers import _PROCEDURE_PATTERNS
from actions.needs.words import _compile

# --- keyword detection ----------------------------------------------------------------------
# Patterns work on folded text (lower case, no accents). They back up the NLU entities and read
# SMS spellings ("jveu", "tel", "ordi"). Order matters only for readability.
_BY_FAMILY = (papers, tools, equipment, work, online_safety, parenting, leisure)
_FOUND: dict[str, tuple[str, ...]] = {
    k: ps for family in _BY_FAMILY for k, ps in family.NEED_PATTERNS.items()
}
# Words of a need said the way people write it, beside the families' own tables: « du taf »,
# « une alternance » are a job search, « en alternance » says who (tester t181 b03, d02: they
# were dropped beside a computer lacking).
_MORE_WORDS: dict[str, tuple[str, ...]] = {
    "emploi": (r"\btaf\b", r"(?<!en )\balternances?\b", r"\bcontrats? (en )?apprentissage\b"),
    # said in English (tester t194, A14): no connection, no computer at home
    "internet": (r"\b(no|without) (internet|wifi|wi-fi|connection)\b",),
    "materiel_usage": (r"\b(no|without) (computer|laptop|printer|scanner)\b",),
    # a phone's setting to change (« comment on enlève le mode avion »): the phone's use
    "smartphone": (r"\bmode (avion|silencieux|vibreur|econom\w*)\b",),
    # a bill paid online, internet not known (tester t194, D11 and B1): everyday use; beside a
    # procedure it is the means, dropped (``detect``)
    "quotidien": (
        r"\bfactures? (\w+ ){0,2}(en ligne|sur internet|par internet)",
        r"\bpayer (\w+ ){0,3}(en ligne|sur internet|par internet)",
        # a password that fails, not one to make safe ("créer des mots de passe sécurisés")
        r"\b(galer\w*|oubli\w*|perdu|bloque\w*) (avec |de |mon |ma |mes |le |du )*(mots? de passe"
        r"|codes?( d'acces| secrets?)?\b|identifiants?\b)"
        r"|\bmots? de passe (ne marche|marche pas|ne fonctionne|fonctionne pas|oublie|bloque)",
        r"\b(connai[st]|connaissons) (pas|rien a|rien de|pas du tout|plus) "
        r"(a )?(l')?(internet|le web|le net|l'informatique)",
    ),
}
_FOUND = {k: ps + _MORE_WORDS.get(k, ()) for k, ps in _FOUND.items()}
# The order of the needs found (the first two are kept): the same as before the split.
_ORDER = (
    "sante", "smartphone", "ordinateur", "quotidien", "internet", "materiel_usage",
    "materiel_achat", "emploi", "entreprise", "securite", "parentalite", "loisirs", "culture",
    "demarches",
)
_NEED_PATTERNS: dict[str, tuple[str, ...]] = {k: _FOUND[k] for k in _ORDER}
assert set(_NEED_PATTERNS) == set(_FOUND), "a family's need missing from _ORDER"


# Generic words: a need only when nothing more specific was found, and never a second need.
_WEAK_PATTERNS: dict[str, tuple[str, ...]] = {
    "demarches": (
        r"\ben ligne\b",
        r"\b(par|sur) internet\b",
        r"\bsite (de la|du|des)\b",
        r"\bcompte\b",
        # registering on a site or a platform (« il doit s'inscrire sur une plateforme »)
        r"\b(s'|m'|t'|l'|les |se |nous |vous )?inscri(re|s|t|vent|ption)\b( \w+){0,2} (sur|via)"
        r" (un|une|le|la|ce|cette|leur|son|sa) (site|plateforme|portail)\b",
    ),
    "quotidien": (
        r"\bnumerique\b",
        r"\binformatique\b",
    ),
}


# Needs whose generic words (_WEAK_PATTERNS) only count when nothing more specific was found.
_WEAK_NEEDS = set(_WEAK_PATTERNS)
GENERIC_NEEDS = frozenset(_WEAK_NEEDS | TOOL_NEEDS)


_COMPILED = {
    "need": {k: [_compile(p) for p in ps] for k, ps in _NEED_PATTERNS.items()},
    "weak": {k: [_compile(p) for p in ps] for k, ps in _WEAK_PATTERNS.items()},
    "procedure": {k: [_compile(p) for p in ps]
                  for k, ps in {**_PROCEDURE_PATTERNS, **two_requests.PROCEDURE_WORDS}.items()},
    "constraint": {k: [_compile(p) for p in ps] for k, ps in _CONSTRAINT_PATTERNS.items()},
}
