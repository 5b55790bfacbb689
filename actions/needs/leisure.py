"""Leisure and culture (needs "loisirs", "culture"): their keywords, and games or videos only
watched, with nothing to create."""

from __future__ import annotations

from actions.needs.catalogue import TOOL_NEEDS
from actions.needs.words import _compile

NEED_PATTERNS: dict[str, tuple[str, ...]] = {
    "loisirs": (
        r"\bblogs?\b",
        r"\bpodcasts?\b",
        # "faire des photos" with a tablet is everyday use; editing them is creation.
        r"\b(monter|creer|retoucher) (des|une|mes|ma|un) (videos?|photos?|musique|film)",
        r"\byoutube\b",
        r"\bdessin\b|\bdessiner\b",
        r"\bimprimante 3d",
        r"\bmontage video",
        r"\bretouche",
        r"\bimpression 3d",
        r"\bjeux? video",
        r"\bmusique\b",
        r"\bfab ?labs?\b",
        r"\bnumeris\w* .{0,20}(cassettes|vhs|diapo\w*|photos|negatifs|films|albums)",
        r"\b(arduino|raspberry|minecraft|scratch)\b",
        r"\b(mao|musicien\w*)\b",
        r"\bcompos\w* (de la |du |des )?(musique|chansons?|morceaux|maloya|zouk|rap)",
        r"\bcartes? de voeux",
        r"\balbums? (photos?|pour|de famille)",
        r"\b(belles|bonnes|jolies) photos",
        r"\brealite virtuelle|\bcasque (vr|de realite)",
        r"\b(faire|fe) (un|in) (petit |ti )?film",
        r"\bmontages? video",
        r"\bancetres\b",
        r"\bmontrer mes (tableaux|peintures|creations|dessins|oeuvres)",
        r"\bscanner .{0,20}photos",
        r"\bgenealogi\w*",
        r"\ben 3d\b",
        r"\bdiaporamas?\b",
        r"\b(recueil|mise en page)\b",
        r"\b(traiter|retoucher|modifier|trier) (mes|les|des|nos) (photos|videos)",
        r"\batelier (de )?(photo|video|musique|dessin|bd)\b",
        r"\b(lightroom|photoshop|gimp|canva)\b",
        r"\blogiciels? (de |d')?(retouche|montage|dessin|musique|mao)",
        r"\bclub (de )?(photo|video|informatique)",
        r"\bscrapbook",
        r"\bdecoupe laser|\bbrodeuse",
        r"\b(codage|coder|programmation|robots?|robotique)\b",
        r"\b(creer|faire|fabriquer) (un|une|mon|ma) (petit |petite )?(livre|album|calendrier|"
        r"diaporama|carte)\b(?! ((nationale )?(d'? ?)?identite|grise|vitale|bancaire|bleue"
        r"|de sejour|d'invalidite|mobilite|europeenne))",
        r"\bcreer (un|une|des) (video|blog|jeu)",
        r"\bloisirs?\b",
        # "création" of a business, an account or a mail address is no creative work
        r"\bcreati(?!on\b.{0,30}\b(entrepr\w*|societe|boite|activite|commerce|compte|adresse"
        r"|mail|e-?mail|identifiant|mot de passe|dossier|espace|association|siret|urssaf)\b)",
    ),
    "culture": (
        r"\bcroi\w* tout ce (que je vois|qu'on voit|qui passe)",
        r"\bvend\w* (mes|nos|vos) (infos|donnees)",
        r"\b(c'est|c) quoi (le|la|les|un|une) "
        r"(cloud|algorithme|cookies?|metavers|cryptos?|5g|ia|navigateur)",
        r"\bmetavers\b",
        r"\bnfts?\b",
        r"\bcryptos?(monnaies?)?\b",
        r"\bcookies?\b",
        r"\bintelligence artificielle",
        r"\bchatgpt\b",
        r"\b(l')?ia\b",
        r"\bfake news",
        r"\bfausses? (infos?|informations?)",
        r"\bcomprendre (le|les) (numerique|reseaux|algorithmes?)",
        r"\bcitoyennete",
        r"\breseaux sociaux",
        r"\bdonnees personnelles",
        r"\bculture numerique",
        r"\ba quoi (ca )?(sert|servent)\b",
        # what a thing is ("c koi le cloud", "c'est quoi l'IA"), not "c'est quoi" as a question
        # word ("c koi le plus pres", "c'est quoi l'adresse", "c'est quoi le mieux pour…")
        r"\b(c'?est|c|ces|sait) (quoi|koi) (?!(une?|le|la|les|l')?\s*(plus|moins|mieux|meilleure?s?"
        r"|pire|adresse|numero|horaires?|endroit|lieu|coin|solution|demarche|prix|tarifs?|probleme"
        r"|souci|truc|machin|plan|mieux|moyen|bon|bonne|premier|premiere|prochaine?|heure|jour"
        r"|date|diff|differences?|choix|boutons?)\b)((une?|le|la|les) |l')",
        # never the menu's choices asked about ("la différence entre les deux ?", tester t207 i05)
        r"\bdiff(erence)? entre\b(?! (les deux|eux|elles|ces|vos|les (choix|boutons|trois)))",
        r"\bchat ?gpt\b",
        r"(?<!en )\bbitcoins?\b",
        r"\b(influence\w*|virale?)\b",
        r"\b(impact ecologique|pollu\w*|sobriete)",
        r"\brobots? qui",
        r"\bmonde d'aujourd'hui",
        r"\b(comprendre|savoir) comment (ca|internet|le web|les reseaux) (marche|fonctionne)",
        # "je voudrais d'abord comprendre ce que c'est", "comprendre comment ces pubs fonctionnent"
        r"\b(veux|voudrais|aimerais|voudrait|veut|souhaite)( d'abord| bien| juste| aussi)? "
        r"comprendre (ce que c'est|ce qu'est|ce que sont|ce que (c'est|sont) (les|le|la|l'|un|une"
        r"|ces|ce|cette)|comment (ca |ces |les |le |la )?\w* ?(fonctionne|marche)nt?)",
        r"\bou vont (les|mes) (messages|donnees)",
        r"\b(quoi|qui) croire\b",
        r"\bintelligence artificielle",
        r"\b(complot\w*|esprit critique|wikipedia|dark ?web|blockchain|5g)\b",
        r"\bpubs?\b.{0,40}\b(partout|me suivent|ciblees?|juste apres|en avoir parle)",
        r"\b(google|facebook|internet|ils) (sait|savent|connait|connaissent) tout",
        r"\bgratuit sur internet",
        r"\bidentite numerique",
        r"\bc'?est (fiable|vrai) (ou pas|ce qu'on)",
    ),
}


# Set AT (e190): games named, played on a screen, are a leisure ("jouer aux échecs en ligne", "des
# mots croisés sur la tablette"; "des jeux sur tablette" alone cost one message of set X: taken
# back); how a hack could happen and
# connected objects are understanding the digital world.
_GAMES = (
    r"\b(jouer|jeux?|parties?) (aux |a la |au |de |d'|des )?(echecs|cartes|belote|scrabble"
    r"|mots croises|mots fleches|sudokus?|tarot|bridge|dames|puzzles?|solitaire|rami)\b",
    r"\b(mots croises|mots fleches|sudokus?)\b",
)
NEED_PATTERNS["loisirs"] += _GAMES + (
    r"\b(montages?|diaporamas?|albums?) (avec|a partir de) (mes|nos|ses|des|les) "
    r"(photos|videos)",
)
_UNDERSTANDING = (
    r"\b(comprendre|savoir|sais pas|expliquer) comment (ca|c'est|c'etait|cela|il|ils|elle|on)"
    r"( \w+)?( (a pu|ont pu|peut|est|etait|pouvait|a ete))? (arriver|possible|se passer"
    r"|se produire|faire)\b",
    r"\b(cameras?|enceintes?|assistants?|sonnettes?) connecte\w*",
)
NEED_PATTERNS["culture"] += _UNDERSTANDING
_GAMES_SAID = [_compile(p) for p in _GAMES]
_DEVICE_NAMED = _compile(r"\b(tablettes?|ordi\w*|pc|telephones?|smartphones?|portables?|ipad)\b")
_DEVICE_USES = _compile(
    r"\b(install\w*|utilis\w*|servir|telecharg\w*|recherches?|mails?|lire|journal|regarder"
    r"|allumer|prise en main|bases)\b"
)
_CALLS = _compile(r"\b(visios?|appels? video|videoconferences?|skype|facetime)\b")


def games_on_a_device(folded: str, strong: list[str], ruled_out: set[str]) -> list[str]:
    """A game played on a tablet or a computer ("apprendre à faire des mots croisés sur la
    tablette"): the game is the need, the device its means (everyday use, video calls, stay);
    nor may the meaning bring the device back. ``ruled_out`` grows in place."""
    if (
        "loisirs" not in strong
        or not any(p.search(folded) for p in _GAMES_SAID)
        or len(_DEVICE_NAMED.findall(folded)) > 1
        or _DEVICE_USES.search(folded)
    ):
        return strong  # the device to learn as well ("installer le jeu", "lire le journal")
    ruled_out |= {"smartphone", "ordinateur"}
    strong = [k for k in strong if k not in ("smartphone", "ordinateur")]
    if _CALLS.search(folded) and "quotidien" not in strong:
        strong.append("quotidien")  # "des jeux sur tablette et des visios avec les familles"
    return strong


# Code written (« apprendre à coder », « la programmation », « un atelier de robotique »): creating
# with the digital (the standard's « Loisirs et créations numériques », the 1.0 « Créer avec le
# numérique »). Never the highway code: « code » alone is not read.
_CODING = _compile(r"\b(cod(er|age|eur|euse)|programm(er|ation|eur|euse)|robotique)\b")


def code_is_the_need(folded: str, strong: list[str], ruled_out: set[str]) -> list[str]:
    """Learning to code with no device named (« je veux apprendre à coder »): the code is the
    need, not lessons on a phone or a computer; nor may the meaning bring them in.
    ``ruled_out`` grows in place."""
    if "loisirs" not in strong or not _CODING.search(folded) or _DEVICE_NAMED.search(folded):
        return strong
    ruled_out |= TOOL_NEEDS
    return [k for k in strong if k not in TOOL_NEEDS]


# Games, videos and music one plays, watches or hears (the creative need's words that do not
# say one makes anything): beside a child or something to understand, no creation is asked.
_CONSUMED = (r"\byoutube\b", r"\bjeux? video", r"\bmusique\b")
_CREATIVE_LOISIRS = [
    _compile(p) for p in NEED_PATTERNS["loisirs"] if p not in _CONSUMED and p not in _GAMES
]
_CREATION = _compile(
    r"\b(cree\w*|creer|creation\w*|fabriqu\w*|monter|montage|cod\w*|programm\w*|compos\w*"
    r"|dessin\w*|enregistr\w*|filmer|retouch\w*|realiser|faire (un|une|des|de la|ma|mon|mes|sa"
    r"|son|ses) (\w+ )?(jeux?|videos?|films?|musiques?|morceaux|chansons?)"
    # an activity sought around them ("un atelier jeux vidéo pour ados"): a hobby to find
    r"|ateliers?|clubs?|stages?|activites?|cours|initi\w*|apprendre|decouvr\w*)\b"
)
