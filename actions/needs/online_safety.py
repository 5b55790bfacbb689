"""Online safety (need "securite"): its keywords, and the cues that say no scam is asked about
(a bank's app, books kept, a means of payment missing, the person safe now)."""

from __future__ import annotations

import re

from actions.needs.words import _compile

NEED_PATTERNS: dict[str, tuple[str, ...]] = {
    "securite": (
        r"\bpas sure? que ce (soit|soi) (vrai|normal)",
        r"\b(vol|voler|vole|volee) (de |d')?(mon |son |ma |l')?identite",
        r"\busurpation",
        r"\b(credit|abonnement|compte) (ouvert )?a mon nom",
        r"\bde (facon|maniere) (sure|securisee)",
        # Round 17's development set: a password changed by someone else, what apps know of me
        r"\b(mot de passe|mdp|adresse mail|numero de telephone) (a ete |a )(change|modifie)",
        r"\blimiter ce (qu'|que )(elles?|ils?|les applis?|les applications?|les sites?) "
        r"(savent|sait)",
        r"\bpublicites? partout",
        r"\bme mefie",
        r"\b(faux|fausse) (conseiller|banque|site|recruteur|employeur|annonce|offre)",
        r"\bdouble authentification",
        r"\b(sms|mails?|messages?|appels?|liens?)( \w+){0,2} "
        r"(bizarres?|suspects?|louches?|etranges?)",
        # "un mail des impôts disant que j'ai un remboursement, ça m'a l'air bizarre"
        r"\b(sms|mails?|messages?|appels?|liens?)\b[^.!?]{0,120}\b(l'air|semble|parait)"
        r" (bizarres?|suspects?|louches?|douteu\w*|etranges?)",
        r"\bcodes? (de )?(ma |la )?carte",
        r"\bcarte bancaire",  # not a lack of one (_NO_PAYMENT)
        r"\bmots? de passe (securises?|solides?|forts?)",
        r"\b(creer|gerer|choisir) (des|mes|un|de bons) mots? de passe",
        r"\barnaqu\w*",
        r"\barnak",  # SMS spelling
        r"\bvie privee\b",
        r"\bconfidentialite\b",
        r"\b(vole|pris|pri|pirate|hacke) (mon|son|ma|sa) compte",
        r"\b(messages|mails) partent tout seuls?",
        r"\bescroc\w*",
        r"\bpirat",
        r"\bhack",
        r"\barnaque",
        r"\bescroquer",
        r"\bescroquerie",
        r"\bfraude",
        r"\bphishing\b",
        r"\bhameconn",
        r"\bvirus\b",
        r"\bmot de passe vole",
        r"\bfaux (sms|mail|message)",
        r"\bsecurite\b",
        r"\bsecuriser\b",
        r"\bpirater\b",
        r"\battaque",
        r"\b(payer|paye|payez|verse\w*|envoyer) (en|des) bitcoins?",
        r"\b(rancon|chantage|sextorsion)",
        r"\bchange de numero",
        r"\bjamais (recu|livre)(?! (le |mon |ma |mes |un |une |de |d')?(codes?|identifiants?"
        r"|mots? de passe|courriers?|lettres?))",
        r"\b(site|vendeur) (a disparu|frauduleux|bidon)",
        r"\benvoie des (messages|mails) (tout seul|toute seule|a tous mes contacts)",
        r"\bsi je (ne )?(paye|paie) pas\b",
        r"\bcyber ?-?securite",
        r"\b(j'ai|jai|mi la|on a) (clique|cliquer|cliquez|klike)\b",
        r"\b(entre|rentre) dans mon compte",
        r"\bchange mon (rib|mot de passe|adresse mail)",
        r"\bfaux comptes?",
        r"\binsult\w*",
        r"\bprotege\w* (son|sa|ses|mon|ma|mes) (compte|photos|donnees)",
        r"\bacces a mon compte",
        r"\btrouvee? (une|un|la|le) (cle usb|disque)",
        r"\brgpd\b",
        r"\b(effacer|supprimer) (mes|toutes mes|les) traces",
        r"\b(infos?|informations|donnees)( \w+){0,2} (trainent|circulent)",
        r"\bsi (un|le|ce) site (est|soit) (sur|fiable|serieux|vrai)\b",
        r"\bcompte (\w+ )?(a ete |s'est fait )?(vole|pirate|hacke)",
        r"\bcode a (4|6) chiffres",
        r"\b(faux|message de) (support|technicien|microsoft)",
        r"\bme (suis )?fait (avoir|arnaquer)",
        r"\b(etre|est|soit) (ecoute|espionne|surveille)\b",
        # someone watching the person's own device or messages ("mon ex surveille mon
        # téléphone", "il me géolocalise par mon portable", "il lit mes messages")
        r"\b(surveill\w*|espionn\w*|fouill\w*|lit|lisait|traqu\w*|geolocalis\w*|localis\w*)"
        r"( \w+){0,2} (mon|ma|mes) (telephone|portable|tel|smartphone|ordi\w*|messages|mails|"
        r"sms|comptes?|conversations)\b",
        # the same said of her by a desk note or a relative ("le conjoint surveille son
        # téléphone"): only with the partner named, never a parent watching a child's phone
        r"\b(conjoint|mari|ex|compagnon|compagne|copain|copine|concubin)\b.{0,25}"
        r"\b(surveill\w*|espionn\w*|fouill\w*|lit|lisait|traqu\w*|geolocalis\w*)( \w+){0,2} "
        r"(son|sa|ses) (telephone|portable|tel|smartphone|ordi\w*|messages|mails|sms|comptes?|"
        r"conversations)\b",
        # the phone said watched ("violences conjugales, tel surveillé"): making it safe
        r"\b(telephone|tel|portable|smartphone)s? (est |a ete )?(surveill|espionn|fouill|traqu"
        r"|geolocalis|pirat)\w*",
        r"\beffacer (toutes |tout )?(mes|les) donnees",
        r"\b(pister|pistent|tracer|traque)\b",
        r"\b(paiements?|prelevements?|debits?) (bizarres?|suspects?|inconnus?|louches?)",
        r"\b(usurpation|vol) d'identite",
        r"\bcompte (a ete |s'est fait )?(pirate|vole|hacke)",
        r"\bquelqu'un (s'est connecte|a acces|utilise|a utilise) (a |sur )?(mon|ma|mes)\b",
        r"\bantivirus",
        r"\b(me|se|nous) proteger (sur|en ligne|d'internet|des)",
        r"\bpieges?\b",
        r"\bdangers? (d'|de |du )?(internet|web|numerique|reseaux)",
        r"\b(site|lien) (fiable|securise|officiel)",
        r"\bspams?\b",
        r"\bcyber ?-?harcel",
        r"\bproteger (mes|les|ses|nos) (photos|donnees|comptes?|informations)",
        r"\balerte (de )?(connexion|securite)",
        r"\bpas? sure? (que |qu')?(c'est|cest|ce soit|ce soi|c'etait|ca soit) "
        r"(vrai|un vrai|une vraie|officiel|une arnaque)",
        r"\b(sais pas|savoir) si (c'est|cest|ce soit|ce soi|c'etait) (vrai|officiel|une arnaque)",
        r"\b(vrai|officiel) ou (faux|pas|une arnaque)",
        # codes asked by someone: "on m'a demandé mes codes", "un conseiller m'a demandé mon code"
        r"\b(on|quelqu'un|qqn|il|elle|ils|elles|(un|une|le|la) (faux |fausse )?(conseill\w*"
        r"|personne|monsieur|dame|banquier|agent))( [\w']+){0,4} (m'a|m'ont|me) (re)?demande\w* "
        r"(mes|mon|ma|les|le|la|ses|son) (codes?|identifiants?|mots? de passe|numeros? de carte)",
        r"\b(sms|mails?|messages?|courriels?)\b[^.!?]{0,80}\b(cliquer|clique[rz]?) sur "
        r"(un|le|ce) lien",
        # Round 18: whether something received or offered is genuine ("un mail de ma banque…
        # c vrai ?", "on m'a proposé une formation CPF, c'est fiable ?"), fear of being fooled,
        # codes asked by a message, the real site.
        r"\b(sms|mails?|messages?|courriers?|courriels?|appels?|appele|appelle|offres?"
        r"|annonces?|liens?|propose)\b[^.!?]{0,160}\b(c'?est|c|cest|ca a l'air|est-ce) "
        r"(vraie?|normal|serieux|fiable|louche|legal|officiel)(?=\s*([?!]|$|ou (pas|non)))",
        r"\bsites?\b[^.!?]{0,120}\b(me|nous|lui) (demande|fait payer|reclame)\b[^.!?]{0,80}"
        r"\b(c'?est|c|cest|est-ce) (vraie?|normal|serieux|fiable|louche|legal|officiel)"
        r"(?=\s*([?!]|$|ou (pas|non)))",
        r"\b(peur de|sans|ne (plus|pas)|eviter de) (me|se|nous|vous) (re)?faire "
        r"(avoir|pieger|arnaquer|escroquer|berner)",
        r"\b(le|un|sur le|du) vrai site\b",
        r"\b(faux|fausse|fausses|faux) (jobs?|emplois?|travail|service client|offres?|sites?"
        r"|formations?|conseillers?|services?)\b",
        r"\bqui (me|nous|lui) (re)?demande\w* (mes|mon|ma|les|le|la|ses|son|sa) (codes?"
        r"|identifiants?|mots? de passe|numeros? de carte|coordonnees bancaires)",
        r"\b(vole|perdu) (mon|son|ma|sa) (telephone|portable|smartphone)\b[^.!?]{0,80}"
        r"\bbloquer\b",
        r"\b(donne|communique|envoye|transmis|file) (mes|mon|ma|ses|son|sa|les|nos) (codes?"
        r"|identifiants?|mots? de passe|numeros? (fiscal|de carte|de securite sociale|bancaire)"
        r"|coordonnees bancaires|rib)\b",
        r"\b(se faisant|se faisait|s'est fait|se sont fait) passer pour\b"
        r"|\bqui (disait|disai|pretendait|se disait) (etre|etait|venir)\b",
        r"\b(compte|carte)( bancaire)? (a ete |ont ete )?utilisee?s? (sur internet |en ligne )?"
        r"pour des achats",
        # Round 19, from sets K, L, P and Q: someone "saying they were" the bank, an operation
        # validated on a call, "c normal ce sms ?", every link clicked, harassment on a network,
        # a lost phone to block, the words of protection (VPN, dark web, public wifi).
        r"\ben (disant|se disant|pretendant|affirmant) (que c'etait|qu'il etait|quil etait"
        r"|qu'elle etait|qu'ils etaient|etre|venir|de la part|de (la|ma|sa|mon|son|chez) )",
        r"\b(appel\w*|telephone|disant|pretend\w*)\b[^.!?]{0,120}\b(valide|valider|confirme"
        r"|confirmer) (une |l'|la |les |des )?(operation|paiement|virement)",
        r"\b(appel\w*|disant|pretend\w*)\b.{0,160}\b(j'ai|jai|il m'a fait|m'a fait|m'a demande de)"
        r" (valide|valider|confirme|confirmer)\b",
        r"\bproteger (mon|son|ma|sa|le) (telephone|portable|ordi\w*|pc|smartphone|tablette)",
        r"\b(c'?est|c|cest|est-ce) (vraie?|normal|serieux|fiable|louche|legal|officiel) "
        r"(ce|cet|cette|ces|le|la|les|un|une) (sms|mails?|messages?|appels?|courriers?|courriels?"
        r"|liens?|offres?|sites?)\b",
        r"\b(sms|mails?|messages?|courriers?|courriels?|appels?|offres?|annonces?|liens?)\b"
        r"[^.!?]{0,160}\b(c'?est|c|cest) (vraie?|normal|serieux|fiable|louche) ou pa\b",
        r"\b(clique\w*|clik\w*|klik\w*) (sur )?(tous|tout|tt|toutes|n'importe quels?) (les )?"
        r"(liens|pubs?|publicites)",
        r"\bharcelee?s? (sur|par|via) (insta\w*|facebook|fb|snap\w*|tiktok|whatsapp|messenger"
        r"|les reseaux|internet|discord)",
        # harassment by messages, whoever it targets ("harcelé par sms", "harcèlement par mails")
        r"\bharcel\w* (par|via) (des |les )?(messages?|sms|textos?|mails?)\b",
        r"\bsignal\w* (le|un|ce|son|les) (compte|profil)",
        r"\b(vole|perdu|perdue) (mon|son|ma|sa) (telephone|portable|smartphone|tel)\b.{0,160}"
        r"\bbloqu\w*",
        r"\bdark ?web\b|\bwifi (publics?|gratuits? de la gare|de la gare|de l'hotel)",
    ),
}


# Set AT (e190): what a person calls being spied on or impersonated, in their own words.
_SPIED_OR_IMPERSONATED = (
    # someone took or uses one's number or account and writes as them ("quelqu'un a pris mon
    # numéro WhatsApp", "il parle à ma famille à ma place", "se fait passer pour moi")
    r"\b(quelqu'un|qqn|une personne|un inconnu|une inconnue|on|il|elle) (m'a |a |s'est )?"
    r"(pris|vole|pirate|empare\w* de|utilise|recupere|copie) (mon|ma|mes) (numero|compte|profil"
    r"|whatsapp|ligne)",
    r"\b(parle|parlent|ecrit|ecrivent|repond|discute|envoie (des )?(messages|mails|sms))\b"
    r"( [\w']+){0,4} a ma place\b",
    r"\bse (fait|faisait|font) passer pour moi\b",
    # one's photos or data to keep private ("que ça reste privé", "garder mes photos privées")
    r"\b(reste|restent|rester|restait|garder|soient|soit|mettre|passer)( \w+){0,2} (en )?"
    r"privee?s?\b",
    r"\b(mes|nos|ses) (photos|infos|informations|donnees)\b[^.!?]{0,30}\bpartout (sur internet"
    r"|en ligne|sur les reseaux|sur le net)",
    # harassed on a network, said with the verb ("se fait harceler sur snap")
    r"\b(harceler|harcelent) (sur|par|via) (insta\w*|facebook|fb|snap\w*|tiktok|whatsapp|messenger"
    r"|les reseaux|internet|discord|les jeux)",
    # whether an app or a site is safe ("l'application, c'est sûr ?")
    r"\b(c'?est|est-ce|c|cest)( que c'est)?( bien| vraiment)? (sur|securise)\s*(\?|$)",
)
NEED_PATTERNS["securite"] += _SPIED_OR_IMPERSONATED


# The device or everyday use: often the means of another need ("mes photos", "sur mon ordi").
_RECEIVED = _compile(
    r"\b(recu|eu|recoit|recois|reception|un|une|des|ce|cet|cette|d'un|d'une) (un |une |des )?"
    r"(mail|mails|e-mail|courriel|sms|message|messages|appel|appels|courrier|lettre|texto)\b"
)


# A code or a letter awaited to open an account ("je n'ai pas reçu le code pour mon compte"):
# a step of the procedure, not a scam (its meaning sits next to hacked accounts).
_CODE_AWAITED = _compile(
    r"\b(pas|jamais|toujours pas|pa) (encore )?(recu|eu|arrive\w*) (le |mon |ma |mes |un |une "
    r"|de |d'|les )?(codes?|identifiants?|mots? de passe|courriers?|lettres?)\b"
    r"|\b(codes?|identifiants?|courriers?|lettres?)\b[^.!?]{0,40}\b(pas|jamais) (encore )?"
    r"(recu|arrive\w*)\b"
)

# The organisation a scammer said they were ("un faux conseiller de la CAF", "un faux site des
# impôts", "se faisant passer pour l'assurance maladie"): the disguise, not a procedure to do.
_DISGUISE = _compile(
    r"\b((faux|fausse|fausses) (sites?|conseill\w*|agents?|mails?|sms|messages?|courriers?"
    r"|courriels?|appels?|employes?|techniciens?|pages?)( bancaires?)?"
    r"|(se faisant|se faisait|s'est fait|se sont fait) passer pour)"
    r"(?P<org> (de la |de l'|du |des |de |d'|la |le |l'|les |ma |mon |un |une )[\w-]+"
    r"( (sociale|maladie|travail|emploi|familiales?|publiques?|gouv\w*|fr)\b)?)"
)


def disguise_blanked(folded: str) -> str:
    """The organisation a scammer posed as taken out; the words of the scam kept."""
    return _DISGUISE.sub(lambda m: m.group(1) + " " * len(m.group("org")), folded)


# A bank's app or account is everyday use ("j'arrive pas à utiliser l'appli de ma banque", "un
# virement sur l'appli"): its meaning sits next to scams, which only the words of one say (a fraud,
# a scam, phishing, codes asked: the "securite" keywords).
_BANK = _compile(
    r"\b(banques?|bancaires?|virements?|paiements?|prelevements?|rib|comptes? (en banque|courants?"
    r"|joints?|epargne))\b"
)


# Accounts that are books ("tenir mes comptes sur un tableur"): their meaning sits next to hacked
# accounts (round 17's nearest-messages vote read it as online safety).
_BOOKKEEPING = _compile(
    r"\b(tenir|faire|gerer|suivre|noter) (mes|ses|nos|leurs|les|sa|ma) (comptes|compta\w*|budget)"
    r"\b|\b(livre|cahier|tableau) de comptes\b"
)
# A means of payment missing ("pas de carte bancaire", "sans CB"): something to tell the places,
# no scam to avoid (actions/need_changes.py says it after the places).
_NO_PAYMENT = _compile(
    r"\b(pas|pa|plus|sans|ni|aucune?) (de |d'|d |un |une |d'une |ma |mon |sa |son )?(carte "
    r"(bancaire|bleue|de credit|de paiement|visa)|cb|chequiers?|carnets? de cheques?"
    r"|moyens? de paiement|compte (bancaire|en banque))\b"
)


# The person is safe now ("aujourd'hui en sécurité", "je suis à l'abri", "nous sommes en
# sécurité"): how they are, not online safety to learn ("naviguer en sécurité" stays it).
_SAFE_NOW = _compile(
    r"(^|[,.;:!?]|\b(suis|sommes|est|sont|etre|sens|sent|sentons|maintenant|aujourd'hui|"
    r"desormais|enfin|heureusement|actuellement|mise?s?|tous|toutes?))\s*"
    r"(en securite|a l'abri|hors de danger)\b"
    # "en sécurité sur internet", "naviguer en sécurité en ligne": online safety, kept
    r"(?!\s*(sur|en ligne|avec (mon|ma|mes|les|internet)|quand (je|j'|on|il|elle)|pour (naviguer"
    r"|surfer|acheter|payer)|(sur )?(internet|le net|le web|les reseaux)))"
)
# Online safety in its own words ("être en sécurité en ligne", "sécuriser mon portable"): no
# guess to offer as a choice (the person safe now is taken out before: _SAFE_NOW).
_SAFETY_SAID = _compile(r"\ben securite\b|\bsecuris\w*|\bsecurite (sur|en ligne|informatique)")
# What is safe is one's data or device ("mes photos sont en sécurité ?", "mon compte est-il en
# sécurité"): online safety, not how the person is.
_SAFE_THING = _compile(
    r"\b(donnees|photos?|fichiers?|comptes?|mots? de passe|mdp|infos?|informations|mails?"
    r"|messages|telephone|portable|smartphone|tablette|ordi\w*|pc|codes?|identifiants?)\b"
    r"[^.!?,;]{0,25}$"
)


def _safe_now_blanked(folded: str) -> str:
    """The person safe now ("aujourd'hui en sécurité") taken out; a thing safe kept."""

    def blank(said: re.Match) -> str:
        if _SAFE_THING.search(folded[max(0, said.start() - 40) : said.start(3)]):
            return said.group(0)
        return said.group(1) + " "

    return _SAFE_NOW.sub(blank, folded)
