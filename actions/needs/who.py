"""Who the person is, told beside the request (« retraité, facture edf en ligne », « pompier
volontaire, je dois m'inscrire… », « j'ai un cancer et je suis fatiguée, je dois envoyer mes
arrêts à la sécu »): a status, a trade, an illness say who, never what they need. An action on
it does (« ma retraite », « ma demande de retraite », « créer mon entreprise »), and is kept.

``status_blanked`` blanks those words, the length kept (positions stay valid): for the keywords
(``detect``: « retraité » was the retirement procedure) and for the meaning of the message
(``reading.read``: « pompier volontaire » weighed as a job search, an illness as online safety).
A trade run as one's own business (« plombier à mon compte », « éleveuse ») is read by
``work._OWN_TRADE``: the trades one often runs as a business (a farmer, a baker, a plumber)
are not blanked, nor a teacher or a volunteer (a school, an association: a need's context)."""

from __future__ import annotations

from actions.needs.words import _compile, fold

# The statuses and trades a person says of themself: none of them is a need of the standard.
_STATUS_NOUNS = (
    r"retraitee?s?|pompiers?( volontaires?| professionnels?)?|infirmier(e|es|s)?"
    r"|aides?-? ?soignante?s?|auxiliaires? de vie|aides? a domicile|assistantes? maternelles?"
    r"|etudiante?s?|lyceen(ne)?s?|chomeu(r|se)s?|interimaires?"
    r"|chauffeurs?( routiers?| de bus| livreurs?)?|livreu(r|se)s?|caissier(e)?s?"
    r"|vendeu(r|se)s?|ouvrier(e)?s?|agents? d'entretien|femmes? de menage|secretaires?"
    r"|militaires?|gendarmes?|policier(e)?s?|soldats?"
    r"|veuve?s?|divorcee?s?|mere celibataire|pere celibataire|seule? avec (mes|\d+) enfants"
)
# Said as who the person is: after « je suis », « j'étais », « en tant que », « ancien »,
# « moi », a title and an age (« mr 72a veuf »), or at the start of a clause, the clause then
# going on about something else (« retraité, facture edf en ligne », « pompier volontaire, je
# dois… ») or telling more of the person (« infirmière de 45 ans »). A trade « à mon compte »
# is a business: kept (``work._OWN_TRADE``). A word alone (« retraite Poitiers », the town
# taken out) is the procedure asked: something must follow.
_WHO_BEFORE = (
    r"(?:\b(?:je suis|j'etais|je suis devenue?|suis|etant|en tant que|comme|moi|ancien(?:ne)?"
    r"|(?:mr|mme|monsieur|madame|mlle)(?: \d+ ?(?:a|ans))?|\d+ ?(?:a|ans),?)"
    r"(?: (?:un|une|jeune|simple|petite?|vieux|vieille))?(?: ancien(?:ne)?)? "
    r"|(?:^|[,.;:!?(]\s*))"
)
_WHO_AFTER = (
    r"(?=\s*(?:[,;:](?=\s*\w)|[.!?)]|\bet\b|\bmais\b|\bje\b|\bj'|\bil\b|\belle\b|\bqui\b|\bdepuis\b"
    r"|\bde (?:\d+|profession|metier)\b|\b\d+ ?(?:a|ans)\b"
    r"|\ben (?:activite|retraite|formation)\b|\bveu\w*|\bdoi[st]\b|\bdevr\w*|\bne\b|\bn'"
    r"|\bsai[st]\b|\bconnai\w*|\bcherch\w*|\bvoudr\w*|\bai\b|\ba\b(?! (?:mon|son) compte)))"
)
_STATUS = _compile(rf"{_WHO_BEFORE}\b(?P<who>(?:{_STATUS_NOUNS}))\b{_WHO_AFTER}")
# An illness or tiredness told as the person's state (« j'ai un cancer », « je suis fatiguée »,
# « en chimio »): who they are today, not online safety nor any other need.
_STATE = _compile(
    r"\b(?P<who>(?:j'ai|il a|elle a) (?:un|une|le|la|des) (?:cancer|leucemie|tumeur|sclerose"
    r"(?: en plaques)?|maladie(?: \w+)?|avc|diabete|handicap)\b|(?:je suis|je me sens|suis)"
    r" (?:tres |trop |si )?(?:fatiguee?|epuisee?|malade|en chimio\w*|hospitalisee?)\b"
    r"|\ben (?:chimio\w*|dialyse|radiotherapie)\b)"
)


def _spans(folded: str) -> list[tuple[int, int]]:
    return [m.span("who") for p in (_STATUS, _STATE) for m in p.finditer(folded)]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def status_blanked(text: str) -> str:
    """``text`` with the words that say who the person is blanked, its length kept. ``text``
    is the message as written or already folded (the search is on its folded letters)."""
    folded = fold(text)
    if len(folded) != len(text):  # a letter folded to two: char by char
        folded = "".join(f if len(f := fold(c)) == 1 else " " for c in text)
    spans = _spans(folded.replace("\u2019", "'"))
    return _blank(text, spans) if spans else text
