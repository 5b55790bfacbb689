"""Parenting and education (need "parentalite"): its keywords, and the cues that tell a child
who is helped or reached from a parenting question."""

from __future__ import annotations

from actions.needs.words import _compile

# A child named, whose Parcoursup is the parent's to help with.
_KID = (
    r"(enfants?|fils|fis|fiston|filles?|ados?|adolescente?s?|gamins?|gamines?|petits?-enfants?"
    r"|petite?s?-(fils|filles?)|lyceens?|lyceennes?)"
)


NEED_PATTERNS: dict[str, tuple[str, ...]] = {
    "parentalite": (
        r"\b(ecole|college|lycee|creche) (de|des) (mes|mon|ma|nos) (enfants?|fils|fille|petits?)",
        r"\bparents? d'eleves",
        r"\bstage de (3e|3eme|troisieme)",
        # "mes devoirs" are the writer's own (a pupil, a student), not a child's
        r"(?<!mes )\bdevoirs\b",
        rf"\b{_KID}\b.{{0,40}}\bdevoirs?\b|\bdevoirs?\b.{{0,40}}\b{_KID}\b",
        r"\bparents?-enfants?",
        r"\bharcelement (en ligne|scolaire)",
        r"\bmessages? de l'ecole",
        # Parcoursup is the parent's when a child is named ("mon fils doit faire parcoursup"); the
        # student's own file otherwise ("mes voeux parcoursup": ``demarches``)
        rf"\b{_KID}\b.{{0,80}}\bparcoursup\b|\bparcoursup\b.{{0,80}}\b{_KID}\b",
        r"\bpronote\b",
        r"\bent\b",
        r"\becole directe",
        # "mes enfants", "mon fils" alone name who, not what: with screens, school or protection.
        r"\b(enfants?|fils|fille|ados?|adolescents?)\b.{0,80}\b(ecrans|devant (l'|son |les )?ecran|"
        r"reseaux sociaux|jeux video"
        # "un ordinateur portable pour mon fils": a laptop to get, not the child's phone
        r"|trop de temps|protege|surveill|controle|console|tiktok|snap(chat)?|instagram"
        r"|(?<!ordinateur )(?<!ordi )(?<!pc )portable"
        r"|(cyber ?-?)?harcel)",
        r"\b(ado|ados|adolescente?s?|fils|fille|filles|enfants?|gamins?|petits?)\b.{0,40}"
        r"\b(joue|jouer|jeux?|discord|youtube|wifi|pegi|roblox|fortnite|fortenite|disputent|"
        r"regles|nuits? (sur|devant))\b",
        r"\b(l'ecole|la maitresse|le college|les profs?|l'instit\w*|directrice d'ecole|"
        r"directeur d'ecole)\b",
        r"\bpegi\b",
        r"\bpremier (telephone|portable|smartphone) (pour|de) "
        r"(ma fille|mon fils|mon enfant|mon ado)",
        r"\bfamily link\b",
        r"\bmarmailles?\b.{0,40}\b(telephone|tablette|ecrans?|jeux?|tan|temps)",
        r"\ba quel age\b",
        r"\bachats? (integres|dans (un|le|les) jeux?)",
        r"\b(comprendre|savoir) (ce que|ce qu'|ce qui) (font|fait|regardent|regarde) "
        r"(nos|mes|ma|mon) (enfants?|filles?|fils|ados?)",
        r"\b(proteger|surveiller|controler) (mes|mon|ma|les) (enfants?|fils|fille|ados?)",
        r"\btemps d'ecran",
        r"\bespace numerique de travail",
        r"\bcahier de textes?\b",
        r"\bcontrole parental",
        r"\bparentalite",
        r"\bscolarite\b",
        r"\bcollege\b",
        r"\b(aux|les|des|d') ecrans\b",  # "l'écran noir" is the device, not the children
        # what the children do online: "ce que mon ado regarde sur internet", "écran ado"
        r"\b(enfants?|fils|fille|ados?|adolescents?)\b.{0,40}\b(regarde\w*|parle\w*|discute\w*"
        r"|traine\w*|font|fait) (\w+ ){0,3}(sur|avec des gens sur) (internet|le net|les reseaux"
        r"|son telephone|son portable|sa tablette)",
        r"\becrans?\b.{0,15}\b(ados?|enfants?)\b",
    ),
}


# Parenting and education is about someone young or a school: without a word for one, the
# meaning may not bring it ("tablette bloquée, écran noir" reads close to children's screens).
# Every example set and the corpus: 11 of 347 parenting messages lack such a word, and the
# keywords read those (Parcoursup, Family Link, "à quel âge").
_FAMILY = _compile(
    r"\b(enfants?|gosses?|gamin\w*|fils|filles?|ados?|adolescent\w*|bebes?|petits?|petites?"
    r"|parents?|parental\w*|mere|meres|maman\w*|papa\w*|pere|eleves?|ecoles?|colleges?|lycees?"
    r"|collegien\w*|lyceen\w*|scolar\w*|devoirs?|classes?|cm1|cm2|ce1|ce2|cp|6e|6eme|5e|4e|3e"
    r"|maternelle|creche|nounou|famille\w*|familial\w*|educat\w*|jeunes?|mineur\w*|\d{1,2} ans"
    r"|marmay\w*|marmaille\w*|pmi|puericult\w*|pronote|ent|cahier de texte|age)\b"
)


# Children or grandchildren one calls, writes to or sees ("des appels vidéo avec mes
# petits-enfants, ils sont à l'école à Paris"): the people reached, not a parenting need — unless
# what the children do online is asked about (screens, control, school sites, harassment).
_KIN_REACHED = _compile(
    r"\b(appels?|appeler|visios?|video|videos|whatsapp|skype|facetime|photos?|messages?|ecrire"
    r"|parler|discuter|voir|joindre|contacter|nouvelles)\b.{0,40}\b((avec|a|de|aux|des) )?(mes|mon"
    r"|ma|nos) (petits?-? ?enfants?|petite?s?-? ?filles?|petits?-? ?fils|enfants?|fils|filles?)\b"
)
# What the writer wishes to do with a child or grandchild named before ("mon petit-fils joue trop
# aux jeux vidéo et moi je voudrais apprendre à faire des visios avec lui"): the people reached
# are the need's, what the child does is the story — unless the wish itself is about it. Talking
# with them about something ("comment en parler avec elle") is a parenting question: not here.
_KIN_NAMED = _compile(
    r"\b(mes|mon|ma|nos|notre) (petits?-? ?enfants?|petite?s?-? ?filles?|petits?-? ?fils|enfants?"
    r"|fils|filles?)\b"
)
_REACH_WISHED = _compile(
    r"\b(je voudrais|j'aimerais|je veux|je souhaite\w*|j'ai envie de)\b[^.!?]{0,60}\b(appels?"
    r"|appeler|visios?|videos?|whatsapp|skype|facetime|ecrire|joindre|contacter)\b[^.!?]{0,40}"
    r"\b(avec|a) (lui|elle|eux|elles|mes|mon|ma|nos)\b[^.!?]*"
)


def kin_reached_in_wish(folded: str) -> bool:
    """A child or grandchild named, and the writer's wish is to call, see or write to them, with
    no parenting question in the wish itself."""
    kin = _KIN_NAMED.search(folded)
    wish = _REACH_WISHED.search(folded)
    return bool(kin and wish and kin.start() < wish.end()) and not _PARENTING_ASKED.search(
        wish.group(0)
    )


_SCHOOL_SENDS = (
    r"\b(messages?|mails?|appli\w*|carnets?|notes|bulletins?|reunions?|inscriptions?)"
    r" (de |du |d'|a |au |pour )?(l'ecole|la creche|college|lycee|la cantine|la maitresse"
    r"|l'instit\w*)"
)
_SCHOOL_SENT = _compile(_SCHOOL_SENDS)
_PARENTING_ASKED = _compile(
    r"\b(ecrans?|controle parental|surveill\w*|proteg\w*|harcel\w*|jeux|temps d'ecran|pronote"
    r"|parcoursup|ent|devoirs|family link|reseaux sociaux|tiktok|snapchat|instagram|scolarite"
    r"|cahier de textes?|espace numerique de travail|parents? d'eleves|ce (que|qu'|qui)"
    r"|(son|sa|leurs?|ses) (telephone|portable|tablette|ordi\w*|console)s?)\b"
    # what the school sends ("lire les messages de l'école de mes enfants"), not where they are
    r"|" + _SCHOOL_SENDS
    # a child mocked in the class's group chat: what happens to them online, not people reached
    + r"|\bmoqu\w*|\bgroupe (\w+ ){0,2}de (la|sa|leur) classe\b"
)


# A child who is who a device or a lesson is for ("un ordi reconditionné pour mon fils qui entre
# en 6e", "et pour mon fils qui veut apprendre l'ordinateur ?"): the person helped, not a
# parenting question.
_KID_LEARNS = _compile(
    rf"\b{_KID}\b.{{0,30}}\b(veut|voudrait|aimerait|souhaite|doit|devrait) (apprendre|savoir"
    r"|s'initier|se former)"
)
