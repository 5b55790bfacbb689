"""The everyday tools (needs "smartphone", "ordinateur", "quotidien"): their keywords, learning
asked, a device one can use, help with a social network."""

from __future__ import annotations

import re

from actions.needs.words import _compile

NEED_PATTERNS: dict[str, tuple[str, ...]] = {
    "smartphone": (
        r"\b(smart ?phone|smartfone|smarphone|iphone|android)s?\b",
        r"\btel\b",
        r"(?<!ordinateur )(?<!ordi )\bportabl(e|es)?\b",  # "mon portabl" (SMS, round 17's tester)
        r"\btelephone",
        r"\btelefone",
        # Round 16's development set: Antillean Creole spellings ("téléfòn"), a QR code
        r"\btelefon\w*",
        r"\bqr ?codes?\b",
        r"\becran tactile",
        r"\b(l'ecran|le petit appareil|l'appareil)\b.{0,40}\b(sais pas|touche|allume|devenu)",
        r"\bdecrocher\b",
        r"\btablette",
        r"\bmobile\b",
        r"\bapplis?\b",
        r"\bapplications?\b",
    ),
    "ordinateur": (
        r"\bordi(nateur)?s?\b",
        r"\bpc\b",
        r"\bclavier\b",
        r"\bsouris\b",
        r"\bwindows\b",
        r"\btraitement de texte",
        r"\bword\b",
        r"\bexcel\b",
        # Round 16's development set: a spreadsheet, "nulle en informatique", a low level
        r"\btableurs?\b",
        r"\bnul(le)? en (informatique|info|ordi)\b",
        r"\bniveau (numerique|informatique|en informatique) (tres )?(faible|bas|zero|nul)",
        r"\b(remise?|remettre) a niveau (sur|en) (word|excel|informatique|l'ordi)",
        r"\btape (avec|a) (un|deux) doigts?",
    ),
    "quotidien": (
        # learning internet itself ("apprendre à me servir d'internet"), not a phone
        r"\b(apprendre|apprenne|savoir|sais pas|sait pas|initier|initiation|cours|ateliers?|"
        r"formation) (a |de |d')?(me |se |vous |nous )?(servir d'|utiliser |naviguer sur |"
        r"aller sur |surfer sur )?(internet|le web|le net)\b",
        r"\bcommander (sur|en) (internet|ligne)",
        # tools that read aloud, take dictation or correct spelling (dyslexia, poor sight)
        r"\b(synthese|lecture|dictee|commande|saisie) vocale|\ba voix haute\b"
        r"|\bcorrecteur (orthographique|d'orthographe)",
        r"\b(courses|achats) (en ligne|sur internet|en drive|sur le site)",
        r"\b(google )?drive\b",
        r"\b(banque|appli de la banque|compte bancaire) en ligne",
        r"\bcaptures? (d'|d |de l'|de l )?ecran",
        r"\bcopi\w* ?-?coll",
        r"\bzoom\b",
        r"\bteams\b",
        r"\bskype\b",
        r"\bmails?\b",
        r"\bemails?\b",
        r"\bcourriels?\b",
        r"\bboite mail",
        r"\bvisio",
        r"\bwhatsapp\b",
        r"\bphotos?\b",
        r"\bachats? en ligne",
        r"\bacheter en ligne",
        # "acheter un billet de train en ligne", "réserver mes places sur internet"
        r"\b(acheter|achete|reserver|commander) (un |une |des |mes |ses |nos |les |mon |ma |son "
        r"|sa )?(\w+ ){0,3}(en ligne|sur internet|par internet)",
        # Round 15's development sets: video calls, a bank's app, bills paid online
        r"\bappels? (en )?video|\bfacetime\b",
        r"\b(appli|application)s? (de |d')(la |ma |sa |leur |notre )?banque",
        r"\b(payer|regler) (mes|ses|les|nos) factures (en ligne|sur internet|par internet)",
    ),
}

# Set AT (e190): one's bank statements read online rather than printed at a desk ("il faudrait
# qu'il apprenne à consulter ses relevés de compte"): everyday use of internet.
NEED_PATTERNS["quotidien"] += (r"\brelev\w* (de comptes?|bancaires?)",)


# An everyday task named in so many words: a bank that sends its customers to its app ("ma banque
# ferme son agence et veut que je fasse tout par l'application"), one's bills paid online, an
# e-mail address to get. The tool is the need, not a guess among others: read by meaning, a
# bank's words lean to scams (ruled out: ``online_safety._BANK``) and bills to paperwork.
_TOOL_TASK = _compile(
    r"\bbanques?\b[^.!?]{0,80}\b(appli|application)s?\b"
    r"|\b(appli|application)s?\b[^.!?]{0,40}\bbanques?\b"
    r"|\b(payer|regler) (mes|ses|les|nos) factures (en ligne|sur internet|par internet)"
    # a bill paid online, a password that fails (tester t194, D11 and B19): everyday use
    r"|\bfactures? (\w+ ){0,2}(en ligne|sur internet|par internet)"
    r"|\bpayer (\w+ ){0,3}(en ligne|sur internet|par internet)"
    r"|\b(galer\w*|oubli\w*|perdu|retrouver|bloque\w*|trompe\w*) (avec |de |mon |ma |mes |le |du )*"
    r"mots? de passe|\bmots? de passe (ne marche|marche pas|ne fonctionne|fonctionne pas|oublie"
    r"|bloque|refuse|incorrect|faux)"
    r"|\b(besoin d' ?|(avoir|creer|ouvrir|obtenir|faire) )(une |un |mon |ma |son |sa )?(nouvelle )?"
    r"(adresse (e-?mail|mail|electronique|courriel)|boite (e-?)?mail|compte (e-?mail|mail|gmail))"
)


# A use of the device named on it ("la synthèse vocale de mon iPhone", "les photos sur ma
# tablette"): the device to learn, one need, not the device and internet's everyday uses.
_ON_THE_DEVICE = _compile(
    r"\b(de|sur|avec|dans) (mon|ma|son|sa|l'|le|la|un|une) ?(iphone|ipad|telephone|portable"
    r"|smartphone|tablette|mobile|android)s?\b"
)


_LEARN = re.compile(
    # Round 17's development set: SMS "jsais pas", "je sais à peine m'en servir", "j'ai plus
    # l'habitude", "m'aider à le configurer", "je tape avec un doigt".
    r"\b((j|ch)sais pas|sai?s? (a peine|pas trop|pas bien|plus trop)) (trop |bien )?(m'en|men|me"
    r"|m'|l'|l |le |la |les |utiliser|installer|servir|allumer)|\bplus l'habitude\b"
    r"|\b(configur\w*|parametr\w*)\b|\btape (avec|a) (un|deux) doigts?"
    r"|\b(apprendre|apprenne|apprend|aprend\w*|m'apprendre|sais pas|sait pas|savent pas|savoir"
    r"|comprendre"
    r"|cours|atelier|formation|initiation)"
)


# A device the person says they can use ("ma tablette, je sais m'en servir"): the other need is
# the need, not lessons on the device.
# Office work on a computer: a spreadsheet, word processing ("des tableaux sur ordinateur pour
# l'amicale"): learning the computer; its "tableaux" are no paintings to create.
_OFFICE_WORK = _compile(
    r"\b(excel|tableurs?|traitement de texte|bureautique|libre ?office"
    r"|tableaux? (sur|avec|dans|en) (l'|un |mon |son |le )?(ordi|ordinateur|pc|excel|tableur))\b"
)
# Learning digital life itself, said as a subject ("apprentissage numérique", "initiation à
# l'informatique"): everyday digital use; computing ("informatique") is learning the computer.
_DIGITAL_BASICS = _compile(
    r"\b(apprentissage|apprendre|initiation|formation|cours|bases?)"
    r" (du |au |de l'|a l'|le |l'|en )?"
    r"(numerique|informatique)\b"
)
_KNOWS_THE_DEVICE = _compile(
    r"\b(je|j') ?(sais|sait) (bien |tres bien |deja )?(m'en servir|l'utiliser)\b"
    r"(?! (un peu|a peine|mal|moyen))"
)


# A social network or messaging app named with help, use or an account ("aide pour facebook").
_SOCIAL_NETWORK = (
    r"(facebook|fb|insta\w*|snap\w*|tiktok|messenger|twitter|youtube|linkedin|telegram)"
)
# Help or use asked, not a state of the account ("kk1 est dans mon compte insta": someone got
# in, its meaning offers online safety).
_ASKED_FOR = r"(aide|aider|utiliser|apprendre|creer|ouvrir|installer|servir|galere)"
_SOCIAL_HELP = _compile(
    rf"\b{_ASKED_FOR}\b.{{0,40}}\b{_SOCIAL_NETWORK}\b|\b{_SOCIAL_NETWORK}\b.{{0,40}}\b{_ASKED_FOR}\b"
)
