"""A request made for someone else ("pour ma mère", "mon grand-père ne sait pas…", "pour ma
voisine"): the texts that address the person's own things ("apportez votre pièce d'identité",
"pour vos démarches") then speak of that person ("sa pièce d'identité", "ses démarches").

One wording table, applied to the texts that exist (``actions.needs`` lists what to bring, the
sentence before the places): no second copy of them.
"""

from __future__ import annotations

import re

from actions.needs.work import CLIENTS_ONLINE
from directory_client.labels import fold

# Whom one writes for: an adult relative, a partner, a neighbour, a friend. Not one's children:
# "la CAF pour mon fils" is most often the parent's own file, their screens the parent's worry.
_WHO = (
    r"(grand[- ]?mere|grand[- ]?pere|grands?[- ]?parents|arriere[- ]grand[- ]?(mere|pere)"
    r"|mere|pere|maman|papa"
    r"|mamie|mamy|mami|papi|papy|meme|pepe|parents|belle[- ]?mere|beau[- ]?pere|beaux[- ]?parents"
    r"|oncle|tante|tonton|tata|frere|soeur|cousine?|mari|femme|epouse|epoux|conjointe?"
    r"|compagne?|voisine?|amie?|copine|copain|beau[- ]?frere|belle[- ]?soeur"
    r"|fr|frr|frer|reuf|sr|sœur|daron|daronne|grd[- ]?mere|grd[- ]?pere)"  # SMS: "mon fr", "ma sr"
)
_FOR_THEM = re.compile(rf"\b(ma|mon|mes|notre|nos) {_WHO}s?\b")
# The slot that keeps, for the conversation, that the request is made for someone else.
SLOT = "for_someone_else"
# (never "c'est pas pour moi", "ce n'est pas pour moi mais pour mon père": for the father)
_FOR_ME_TOO = re.compile(
    r"(?<!\bpas )(?<!\bnon )(?<!\bplus )\b(pour moi|pour nous)\b|\b(nous deux|moi et|et moi)\b"
)
# A relative who has died is in the story, not the one helped: "mon mari est décédé, je dois faire
# une demande de pension de réversion" is the writer's own file.
_DEAD = re.compile(
    rf"\b(ma|mon|mes|notre|nos) {_WHO}s? (est |sont |vient d'etre |qui est )?"
    rf"(decedee?s?|morte?s?)\b"
    # "ma mère vient de mourir", "mon mari nous a quittés", "ma grand-mère s'est éteinte"
    rf"|\b(ma|mon|mes|notre|nos) {_WHO}s? (qui )?(vien(t|nent) de (mourir|deceder|nous quitter)"
    rf"|(nous|m') ?a quitte(e|s|es)? (le|la|il|en|cette|ce|hier|lundi|mardi|mercredi|jeudi"
    rf"|vendredi|samedi|dimanche)|(s'est|se sont) eteinte?s?|(est|sont) (parti|partie)s? "
    rf"(pour toujours|au ciel))"
    rf"|\b(deces|mort|disparition) (de|du) (ma|mon|mes|notre|nos) {_WHO}s?\b"
)
# A relative in the past of the story, not the one helped: the one who used to do the papers
# ("mon mari s'occupait de tout", "c'est ma femme qui faisait les impôts"), gone ("ma femme est
# partie", "mon mari m'a quittée").
_GONE = re.compile(
    rf"\b(ma|mon|mes|notre|nos) {_WHO}s? (qui )?(ne |n')?(s'en |s'|en |les |la |le |l')?"
    rf"((occup|fais|ger|rempliss|ten|pay|regl|charge)ai(t|ent)|(est|sont) (partie?s?|plus la)"
    rf"|(m'a|nous a) (quittee?s?|laissee?s?))\b"
)
# The one who helps or helped the writer, in the story, not the one helped: "ma voisine m'aidait
# pour mes papiers", "c'est mon frère qui me remplissait mes papiers", "ma fille m'aide d'habitude"
# (never "mon voisin m'a demandé de l'aide": the neighbour asks).
_HELPER = rf"(ma|mon|mes|notre|nos) ({_WHO[1:-1]}|fils|filles?|enfants?|neveux?|nieces?)s?"
_HELPED_ME = re.compile(
    rf"\b{_HELPER} (qui )?(m'|me |nous )(les |la |le |l'|en )?"
    r"(aid|fais|fai|rempli|remplit|occup|gerai|gerait|envoy|montr|expliqu|depann)\w*"
    rf"|\b{_HELPER} (qui )?(s'occupai|faisai|gerai|rempliss)\w* "
    r"(de |d')?(tout|mes|nos|mon|ma|les papiers|mes papiers)\b"
)
# The writer doing it alone, whoever else the story names: "je dois faire les papiers seule",
# "je suis veuve", "je me retrouve toute seule pour les démarches".
_ALONE = re.compile(
    r"\bje (dois|vais|veux|voudrais|suis obligee?|me retrouve|m'en occupe|fais)\b[^,.;!?]{0,40}"
    r"\b(toute? )?seule?s?\b|\bje suis (veuve?|seule? maintenant)\b"
)
# A partner who is the danger, now or before, is in the writer's story, not the one helped: "mon
# mari me frappe et surveille mon téléphone", "j'ai quitté mon conjoint violent".
_HARMS = (
    r"(frapp|bat\b|battu|cogn|tabass|harcel|menac|insult|enferm|etrangl|gifl|viol|tape|pouss"
    r"|surveill|espionn|traqu|geolocalis|control|fouill)\w*"
)
_HARMFUL = re.compile(
    rf"\b(ma|mon|mes|notre|nos) {_WHO}s? violente?s?\b"
    rf"|\b(ma|mon|mes|notre|nos) {_WHO}s?\b[^.!?\n]{{0,60}}\b(me|m'|nous) {_HARMS}"
    rf"|\b(ma|mon|mes|notre|nos) {_WHO}s?\b[^.!?\n]{{0,60}}\b(surveill|espionn|control|fouill"
    r"|lit|traqu|geolocalis)\w* (mon|ma|mes)\b"
    rf"|\b(quitte|fui|separee? de|divorcee? de|partie? de chez) (ma|mon|notre) {_WHO}\b"
)
# A professional or a volunteer writing for a person they accompany: "une dame que j'accompagne",
# "un monsieur dont je m'occupe", "je suis aide à domicile, la personne chez qui je vais…".
_ACCOMPANIED = re.compile(
    r"\b(une?|la|le|les|des|mes|ma|mon) (vieille |vieux |petite? )?(dame|monsieur|personnes?"
    r"|usage(r|re)s?|beneficiaires?|patiente?s?|residente?s?|cliente?s?|famille|jeune)( agee?s?)?"
    r" (que j'|que je |qu'on |que nous |dont je |dont on |chez qui je |chez qui on |avec qui je )"
    r"(m'|me |nous )?(accompagn|aid|sui|occup|va|vais|visit|soign|travaill|rend)\w*"
)
# Whom a professional helps, named as theirs: "ma cliente", "mon patient", "une de mes
# bénéficiaires" (round 18's tester: "je suis aide a domicile, ma cliente ne sait pas…").
_MY_CLIENT = re.compile(
    r"\b(ma|mon|mes|une de mes|un de mes) (cliente?s?|beneficiaires?|patiente?s?|residente?s?"
    r"|usage(r|re)s?|protegee?s?|aidees?)\b"
)
# "mon aidé", "mes aidés" (the accent kept: "mes aides" are benefits, "mon aide à domicile" the
# helper, neither the person helped).
_MY_AIDE = re.compile(r"\b(mon|mes|un de mes|une de mes) aidée?s?(?!\w)")
# A person described in the third person, the desk's notes: "dame âgée, veut…", "monsieur 70
# ans", "Mme 82a", "Monsieur, 60 ans", "dame ne parle pas fr", "Mr sourd", "usager permis de
# conduire", "jeune homme inscription…" (never "je suis une dame âgée", nor a title said to us:
# "bonjour monsieur, je…", "Madame, je voudrais…").
_DESCRIBED = re.compile(
    r"(^|[.;!?\n] |[.;!?\n])\s*(une? |la |le |cette |ce )?"
    r"(usage(r|re)|(vieille |vieux )?(dame|monsieur|mr|mme|madame|homme|femme)"
    r"( (agee?|tres agee?|de \d+ ?ans|senior|retraitee?|seule?|handicapee?|malvoyante?"
    r"|malentendante?|sourde?|aveugle|illettree?|analphabete|allophone|etrangere?|refugiee?"
    r"|sdf|sans domicile|veuve?|ne|n')|,? \d+ ?(ans|a))"
    r"|vieille dame|vieux monsieur|personne agee|jeune (homme|femme|fille|garcon))(\b|(?<=n'))"
)
# A person named by a title, helped by the writer ("je m'occupe de Mme Leroy", "j'aide M. Durand",
# "c'est pour madame Petit", "j'accompagne un monsieur qui…"), or the subject of the request
# ("Monsieur Martin, 88 ans, doit…"); never a title said to us ("bonjour madame, je…").
_TITLE = r"(mme|madame|mlle|mademoiselle|m\.|mr\.?|monsieur)"
_TITLED = re.compile(
    rf"\b(de|d'|pour|aide|aider|accompagne|accompagner)( une?| la| le)? {_TITLE}(?=[ ,])"
    rf"|(^|[,.;!?] )({_TITLE}|une? (dame|monsieur)) [a-z][a-z'-]*,?"
    rf" (\d+ ans|a \d+ ans|doit|ne sait|n'arrive|n'a |a besoin|voudrait|veut|souhaite)"
)
# One's own requests: the writer speaks of themselves ("pour moi", "seule", "je suis veuve").
_FOR_ME = (_FOR_ME_TOO, _ALONE)


# Where the writer lives or stays, not whom the help is for: "j'habite chez mon copain", "je vis
# chez ma sœur", "hébergé chez mon frère".
_STAYING_WITH = re.compile(
    r"\b(habit\w*|vis|vit|vivons|vivent|log\w*|heberg\w*|dors|dort|rest\w*"
    r"|install\w*|demenag\w*)( [\w',]+){0,5}"
    rf" chez (ma|mon|mes|notre|nos) {_WHO}s?\b"
)


def _about_them(folded: str, said: str = "") -> bool:
    """The request names someone helped: an adult relative who is not only in its story (dead,
    gone, in the past, the one whose home the writer lives in), or a person the writer
    accompanies or describes (``said``: the words as written, accents kept)."""
    folded = _STAYING_WITH.sub(" ", folded)
    folded = _HELPED_ME.sub(" ", _HARMFUL.sub(" ", _GONE.sub(" ", _DEAD.sub(" ", folded))))
    return bool(
        _FOR_THEM.search(folded)
        or _ACCOMPANIED.search(folded)
        or _MY_CLIENT.search(folded) and not CLIENTS_ONLINE.search(folded)  # a trade's own
        or _TITLED.search(folded)
        or _DESCRIBED.search(folded)
        or _MY_AIDE.search(said.lower())
    )


def _about_me(folded: str) -> bool:
    return any(p.search(folded) for p in _FOR_ME)

# "votre" before these words is "sa" (the others: "son", as "son adresse", "son numéro").
_FEMININE = (
    "carte", "pièce", "photo", "dernière", "déclaration", "demande", "facture", "retraite",
    "place", "situation", "mutuelle", "banque", "boîte", "tablette",
)  # fmt: skip
# The person's words → the relative's, in order (the longer phrases first).
WORDING: tuple[tuple[str, str], ...] = (
    (r"\bsi vous en avez un\b", "si la personne en a un"),
    (r"\bsi vous les avez\b", "si la personne les a"),
    (r"\bque vous avez déjà\b", "que la personne a déjà"),
    (rf"\b([Vv])otre (?=({'|'.join(_FEMININE)})\b)", "sa "),
    (r"\b([Vv])otre ", "son "),
    (r"\b([Vv])os ", "ses "),
    (r"\b([Vv])ous-même\b", "en autonomie"),
    (r"(^|\b(?:à|et|pour) )vous (?=[aeiouéèêh])", r"\1s'"),
    (r"(^|\b(?:à|et|pour) )vous ", r"\1se "),
)
_COMPILED = tuple((re.compile(p), r) for p, r in WORDING)


def for_someone_else(request: str) -> bool:
    """The request is made for another adult ("pour ma mère", "ma voisine n'arrive pas…")."""
    folded = fold(request or "").replace("\u2019", "'")
    return _about_them(folded, request or "") and not _about_me(folded)


def still_for_them(before: bool | None, request: str) -> bool:
    """Whether the answer speaks of the person helped: the request says it ("pour ma mère"),
    or an earlier one did (the ``SLOT`` kept for the conversation: "elle a pas d'ordi non plus"
    after "ma mère a besoin d'aide…"), until the person says it is for themselves ("c'est pour
    moi")."""
    folded = fold(request or "").replace("\u2019", "'")
    if _about_me(folded):
        return False
    return _about_them(folded, request or "") or bool(before)


# After the places, the request said to be for a relative: "non je voulais dire pour ma mère",
# "c'est pour ma mère en fait" (round t152's tester: read as not understood, the need asked again).
_FOR_RELATIVE = re.compile(rf"\b(?:pour|pr) (ma|mon|mes|notre|nos) {_WHO}s?\b")
_YOUR = {"ma": "votre", "mon": "votre", "notre": "votre", "mes": "vos", "nos": "vos"}
_SAID_SHORT = 14  # words: a longer message says more (a new need), read as a request
# ... and where they live is where the places were: "elle habite là aussi", "même ville".
_THERE_TOO = re.compile(
    r"\b(habite|habitent|vit|vivent|est|sont|reste|restent)\b.{0,20}\b(aussi|la-bas|la bas|ici)\b"
    r"|\b(meme ville|meme endroit|meme commune|au meme endroit|pareil)\b"
)


def now_for_them(text: str) -> str | None:
    """The person says the request is for a relative, and nothing more ("non je voulais dire
    pour ma mère"): that relative as the assistant names them ("votre mère"); else None."""
    folded = fold(text or "").replace("\u2019", "'")
    if len(folded.split()) > _SAID_SHORT or _about_me(folded):
        return None
    found = _FOR_RELATIVE.search(folded)
    if found is None:
        return None
    return f"{_YOUR[found.group(1)]} {kin_word(found.group(0)[found.start(2) - found.start(0):])}"


# The kinship words as they are spelt, from their folded or SMS writing ("mere", "grd mere",
# "frr", "sr"): the assistant names the relative in its own French, never the missing accent
# copied back (tester t207, i02: « c'est pour votre mere »). A word not here is said as written.
_SPELT = {
    "mere": "mère", "pere": "père", "grand mere": "grand-mère", "grand pere": "grand-père",
    "grands parents": "grands-parents", "grand parents": "grands-parents",
    "arriere grand mere": "arrière-grand-mère", "arriere grand pere": "arrière-grand-père",
    "meme": "mémé", "pepe": "pépé", "belle mere": "belle-mère", "beau pere": "beau-père",
    "beaux parents": "beaux-parents", "frere": "frère",
    "epouse": "épouse", "epoux": "époux", "beau frere": "beau-frère", "belle soeur": "belle-soeur",
    "fr": "frère", "frr": "frère", "frer": "frère", "reuf": "frère", "sr": "soeur",
    "grd mere": "grand-mère", "grd pere": "grand-père", "daron": "père", "daronne": "mère",
}  # fmt: skip


def kin_word(word: str) -> str:
    """The relative's word as it is spelt ("mere" → "mère", "grd-pere" → "grand-père", "freres"
    → "frères"); an unknown word as written ("soeur": as French writes it on a keyboard)."""
    key = " ".join(word.replace("-", " ").split())
    if key in _SPELT:
        return _SPELT[key]
    if key.endswith("s") and key[:-1] in _SPELT:
        return _SPELT[key[:-1]] + "s"
    return word


# A question on one's own places ("pour moi c'était lequel ?", "et moi ?"), never a correction of
# whom the request is for ("non c'est pour moi", "c'était pour moi en fait").
_ASKS_OWN = re.compile(r"\?|\b(lequel|laquelle|lesquels|quel|quelle|quels|ou|le plus|la plus)\b")
_MINE_AFTER_ALL = re.compile(r"\b(c'est|c'etait|c est|c etait|cest|c) pour (moi|nous)\b")


def back_to_me(text: str) -> bool:
    """A short question that turns back to the person's own request ("et pour moi c'était lequel
    le plus près ?", "et moi ?"), naming no one else; never "non c'est pour moi" (the request
    just made is the person's own)."""
    folded = fold(text or "").replace("\u2019", "'")
    return (
        len(folded.split()) <= _SAID_SHORT
        and bool(_FOR_ME_TOO.search(folded) and _ASKS_OWN.search(text.lower() + " " + folded))
        and not _MINE_AFTER_ALL.search(folded)
        and not _about_them(folded, text or "")
    )


def own_kept(before: dict | None, for_them: bool) -> dict | None:
    """The person's own last list (``last_search``), kept beside a list made for someone else
    (``for_them``): the one shown before it when it was theirs, else the one it kept; None for a
    list of the person's own."""
    if not for_them or not before:
        return None
    if before.get("for_them"):
        return before.get("own")
    return {k: v for k, v in before.items() if k != "own"}


# The relatives named as women ("votre mère", "vos soeurs"): "elle(s)"; the others "il(s)".
_SHE = re.compile(
    r"(grand[- ]?mere|arriere[- ]grand[- ]?mere|grd[- ]?mere|mere|maman|mamie|mamy|mami|meme"
    r"|belle[- ]?mere|tante|tata|soeur|sœur|sr|belle[- ]?soeur|cousine|femme|epouse|conjointe"
    r"|compagne|voisine|amie|copine|daronne)s?"
)


def has(whom: str) -> str:
    """How "a-t-il" is said of ``whom`` ("votre mère" → "a-t-elle", "vos parents" → "ont-ils"),
    as in "De quoi a-t-elle besoin ?"."""
    plural, word = whom.startswith("vos "), fold(whom.split(" ", 1)[-1])
    she = bool(_SHE.fullmatch(word))
    if plural:
        return "ont-elles" if she else "ont-ils"
    return "a-t-elle" if she else "a-t-il"


def in_the_story(text: str) -> bool:
    """The message tells of a relative only as the story: one who helped (« ma voisine
    m'aidait »), who did the papers or has gone (« mon mari faisait les papiers »), who died, or
    who harms: no request of theirs."""
    folded = fold(text or "").replace("\u2019", "'")
    return any(p.search(folded) for p in (_HELPED_ME, _GONE, _DEAD, _HARMFUL))


def tells_who_helped(text: str) -> bool:
    """The message tells of the one who helps or helped the writer (« ma voisine m'aidait »,
    « mon fils faisait tout »): the writer is the one to help."""
    return bool(_HELPED_ME.search(fold(text or "").replace("\u2019", "'")))


def lives_there_too(text: str) -> bool:
    """ "elle habite là aussi", "même ville": the relative lives where the places are."""
    return bool(_THERE_TOO.search(fold(text or "").replace("\u2019", "'")))


def about_them(text: str) -> str:
    """``text`` speaking of the person helped: "votre pièce d'identité" → "sa pièce d'identité",
    "pour vos démarches" → "pour ses démarches", "si vous en avez un" → "si la personne en a un"."""
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


def their_need(text: str) -> tuple[list[str], list[str]] | None:
    """The need a message for someone else names for them (« et pour mon voisin qui a besoin
    d'aide pour sa carte grise ? », tester t194 C16): its needs and procedures, which replace
    the request's for that person; None when it names none (« non je voulais dire pour ma
    mère »: the same need, for her)."""
    from actions import needs as needs_mod  # the reading loads the encoder: on first use

    found = needs_mod.read(text or "")
    if not found.needs or found.choices:
        return None
    return list(found.needs), list(found.procedures)
