"""A second request said beside another, that the keywords' order dropped (tester t194, section
13): banking online (a bank account to open, a transfer, « online banking ») beside a file or a
connection; a school enrolment beside a file; codes stolen or a scam beside a title to redo.
``also_said`` gives them to ``said_plainly.plain`` as needs added beside the others (two at
most); the APA is a procedure of its own (``PROCEDURE_WORDS``)."""

from __future__ import annotations

from actions.needs.words import _compile

# Banking online, in French and in English: the everyday use of the internet (not a scam, which
# its own words say).
_BANKING = _compile(
    r"\b(ouvr\w*|ouverture|creer|creation) (d'un |un |de mon |mon |d'une |une )?"
    r"(compte (bancaire|en banque)|banque en ligne)\b"
    r"|\b(faire|fais|fait|faites|envoyer|passer) (un |des |le |les |mes |mon )?virements?\b"
    r"|\bvirements? (en ligne|sur internet|par internet|sur l'appli\w*|sur le site)\b"
    r"|\b(banque|compte bancaire) (en ligne|sur internet)\b"
    r"|\b(online banking|bank account|banking app|bank transfer|bank online)\b"
)
# A child's school enrolment (« inscription école », « inscrire mes enfants à l'école »).
_SCHOOL_ENROLMENT = _compile(
    r"\binscri\w* (a l'|de l'|a la |au |en )?(ecole|scolaire|college|lycee|cantine|creche)\b"
    r"|\binscri\w* (mon|ma|mes|nos|son|sa|ses|les) (enfants?|fils|filles?|petits?|gamins?)\b"
    r"|\b(school enrol\w*|enrol\w* (my|the) (kids?|children|son|daughter))\b"
)
# Codes stolen, an account hacked, a scam: online safety, kept beside a file to do.
_HARMED = _compile(
    r"\b(vol\w*|pirat\w*|hack\w*|usurp\w*) (mes |mon |ma |les )?(codes?|identifiants?|mots? de"
    r" passe|compte)\b"
    r"|\b(codes?|identifiants?|mots? de passe|compte \w+) (\w+ )?(a ete |ont ete |j'ai ete )?"
    r"(vole|voles|pirate|pirates|hacke)\b"
    r"|\b(fait|fais) (arnaquer|escroquer|pirater|avoir sur internet)\b"
    r"|\barnaqu\w*\b|\bescroquer\w*\b"
)
# A title or a file to do after it (« et je dois refaire mon permis »): not the story of a scam.
_TO_DO = _compile(
    r"\b(je dois|il faut|il me faut|faut que je|je voudrais|je veux|besoin de) (aussi |encore "
    r"|en plus )?(re)?(faire|demander|renouveler|refaire)\b"
    r"|\b(en plus|aussi) (je dois|il faut) \w*"
)

# The APA (the département's allowance for elderly people): a procedure of its own.
PROCEDURE_WORDS: dict[str, tuple[str, ...]] = {
    "apa": (r"\bapa\b", r"\ballocation personnalisee d'?autonomie\b"),
}


_ALLOWANCE_NAMED = _compile(r"\ballocation personnalisee d'?autonomie\b")


def without_allowance(folded: str) -> str:
    """``folded`` without the APA's full name: its « autonomie » is no wish to do things alone."""
    return _ALLOWANCE_NAMED.sub(" ", folded)


def also_said(folded: str, procedures: list[str]) -> list[str]:
    """The needs ``folded`` (a folded message) says beside another, in so many words."""
    added: list[str] = []
    if _BANKING.search(folded):
        added.append("quotidien")
    if _SCHOOL_ENROLMENT.search(folded):
        added.append("parentalite")
    if _HARMED.search(folded) and procedures:
        added.append("securite")
    return added


def file_to_do(folded: str) -> bool:
    """A file or a title said as something to do, beside a scam's story (« on m'a volé mes
    codes, j'ai reçu un mail bizarre, et je dois refaire mon permis »)."""
    return bool(_TO_DO.search(folded))
