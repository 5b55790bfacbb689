"""Who and what a message is about, for the right numbers and lines (``actions.helplines``).

Not whether someone is in danger (that is ``actions.safety``): once the danger is read, or the
need, the words say whose violence ("mon mari", "mon ex") or whose danger ("ma fille", "mon
fils") it is, or which harm online (harassment, a hacked account, a card emptied). One small table
of wordings per situation, on folded text (lower case, no accents).
"""

from __future__ import annotations

import re

from actions import child_danger, platforms, safety
from actions.safety.past_events import AGAIN, SAFE_NOW
from directory_client import labels

PARTNER = "partner"  # violence or control by a partner or an ex: the 3919
CHILD = "child"  # a child or a teenager: the 119 when in danger
HARASSMENT_ONLINE = "harassment_online"  # the 3018
HACKED = "hacked"  # an account taken, a scam online: cybermalveillance.gouv.fr
BANK_CARD = "bank_card"  # a card used, emptied or given away, a bank account hacked: opposition
SURVEILLANCE = "surveillance"  # a partner or an ex who spies on the phone: the 3919, online safety
HOMELESS = "homeless"  # nowhere to sleep tonight: the 115
PARTNER_VIOLENCE = "partner_violence"  # hit, threatened by a partner or an ex: the 3919 first
SUICIDE = "suicide"  # a wish to die, a suicide: the 3114
# A body in danger (a fall, someone who no longer answers or breathes, a fire, an accident) with
# no dark words: the emergency numbers without the 3114 (``read``).
PHYSICAL = "physical"
# A fire or smoke now, gas smelt: the 18 (pompiers) and the 112, what to do (go out, cut the
# power; touch no switch), never the 3114 unless the words speak of ending one's life (``read``).
FIRE = "fire"
GAS = "gas"
# Someone else threatening the person now, not a partner: forcing the door, in the home, following
# in the street, armed, attacking. The police and the 112; no 3114 unless the words speak of
# ending one's life (``read``).
THREAT = "threat"
# A child or a teenager harassed online: the 3018 first, before the places (read from CHILD and
# HARASSMENT_ONLINE together, ``read``).
CHILD_HARASSED_ONLINE = "child_harassed_online"
# A child threatened or solicited by an adult (a meeting, images: ``actions.child_danger``): the
# 17 and the 112, the 119, the 3018 when online; no 3114.
CHILD_FROM_ADULT = "child_from_adult"
# A message asking to pay small fees or click (a parcel held, a fine, a tax refund, an account
# blocked): the classic scam SMS or mail, told so first, with the 33700.
SCAM_MESSAGE = "scam_message"
# The account of a public body taken, or the bank details on it changed by someone else: that
# body called first (its payments stopped), then the password, then cybermalveillance.gouv.fr.
ACCOUNT_AMELI = "account_ameli"
ACCOUNT_CAF = "account_caf"
ACCOUNT_IMPOTS = "account_impots"
ACCOUNT_FRANCE_TRAVAIL = "account_france_travail"
# Blackmail with intimate images now (sextortion): money or more asked, or the images spread. A
# crime going on, no body in danger: what to do at once (do not pay, keep the proofs, the 17, the
# 3018), before any question, and the places for online safety (``actions.helplines.AT_ONCE``).
SEXTORTION = "sextortion"
# A phone stolen or lost (not broken): the operator first, to block the line and the SIM, then
# for a theft a complaint (the device blocked by its IMEI, the insurance).
PHONE_LOST = "phone_lost"

_MY = r"(mon|ma|mes|notre|nos|son|sa|ses) ?"
_PARTNER_WORDS = (
    r"mari|ex|ex-mari|ex-femme|ex-compagnon|ex-compagne|ex-conjoint|femme|epoux|epouse"
    r"|conjoint|conjointe|compagnon|compagne|concubin|concubine|copain|copine|petit ami"
    r"|petite amie|partenaire|pere de mes enfants|mere de mes enfants"
)
_CHILD_WORDS = (
    r"fils|fille|enfants?|bebe|gamin|gamine|ado|adolescent|adolescente"
    r"|petit-fils|petite-fille|neveu|niece|eleve"
)
_ONLINE = (
    r"(internet|en ligne|reseaux?( sociaux)?|" + "|".join(platforms.SOCIAL)
    + r"|jeux? en ligne|sms|messages?|photos?)"
)  # fmt: skip
# Someone insulted, mocked or humiliated (never insults or mockery watched or read about).
_INSULTED = (
    r"(se (fai\w*|font) (insulter|humilier|ridiculiser|moquer)|re[cç]oi\w* des (insultes|moqueries"
    r"|humiliations|messages (haineux|insultants|humiliants|mechants))|se moqu\w* d"
    r"|(l'|le |la |les |me |m'|nous |t'|te )(insult|humili|ridiculis)\w*)"
)
_CARD = r"cartes? (bancaires?|bleues?|de credit|visa|mastercard|cb)"
_PHONE = r"(telephone|tel|portable|smartphone|iphone|mobile|gsm|samsung)"
_HARM = r"(vol\w*|perdu\w*|pirat\w*|fraud\w*|vide\w*|utilise\w* sans|debit\w*|arnaqu\w*|pris)"
# Card details given away: "j'ai cliqué et donné ma carte bleue", "rentré mon code de carte".
_GIVEN = r"(donne|communique|rentre|entre|saisi|tape|mis|envoye)"
# A card's details, however said: "le code de ma carte", "son code de carte", "le numéro de CB".
_CARD_DETAIL = (
    r"((codes?|numeros?|infos?|informations|chiffres)( secret)? (de |d')?(la |ma |sa |leur |mes "
    r"|ses |une )?(cartes?|cb)\b|cryptogramme|coordonnees bancaires|codes? (bancaires?|cb))"
)
# Money paid, sent or transferred (done: "j'ai payé", not "payer") ...
_PAID = (
    r"\b(ai|a|avons|avez|ont)( deja| tout)? ((fait|effectue) (un |des )?virements?|(paye|verse"
    r"|regle|achete|commande|vire|envoye|transfere)(e|s|es)?)\b"
)
# ... to a fake seller or a scammer.
_FAKE = (
    r"((faux|fausse|faus) (site|boutique|vendeur|vendeuse|annonce|conseiller|conseillere|banquier"
    r"|agent|magasin)|sites? (frauduleux|bidon|arnaque|pirate)|escrocs?|arnaqueu(r|rs|se)"
    r"|fraudeu(r|rs|se)"
    # a link received by SMS or mail (round 18's tester: "payer une amende sur un lien sms
    # antai j'ai payé")
    r"|liens? (re[cç]us? )?(dans |par |d'un |en |du )?(un |le |une )?(sms|mail|message|texto)s?"
    r"|(sms|mail|message|texto)s? (bizarres?|suspects?|frauduleux))"
)
# Someone calling as the bank, or a fake adviser ("un monsieur m'a appelé en disant qu'il était de
# la banque", "un faux conseiller"): the codes handed to them are the card's or the account's.
_BANK_CALLER = (
    r"(banque|bancaire|banquier|(faux|fausse) (conseill|agent|banqu|employe)\w*"
    r"|service (des )?fraudes?|anti-?fraude|conseill(er|ere) (de|bancaire|financier))"
)
# Handed to a person (said, read out), not typed on a site nor sent by the bank: "donné mon code".
_HANDED = r"(donne|communique|transmis|dicte|lu|dit|repete|file)"
_SECRET = (
    r"(codes?|mots? de passe|identifiants?|numeros? de (compte|carte)|cryptogramme"
    r"|coordonnees bancaires)"
)
# A code received by SMS ("le code reçu par SMS"): the bank's validation of an operation.
_SMS_CODE = (
    r"codes? (\w+ ){0,2}(recus?|envoyes?|arrives?)( par| en| dans un| sur mon \w+ par)? "
    r"(sms|texto|message)"
)


def _handed(what: str) -> str:
    """``what`` handed to someone: "donné mon code", "dicté le code reçu par SMS à une dame"."""
    return (
        rf"\b{_HANDED}(e|s|es)? (a \w+ |au \w+ |lui |leur )?(mon|ma|mes|le|la|les|son|sa|ses|un"
        rf"|une|des|leur|tous mes|tout mes) {what}\b"
    )


# An operation validated because a caller asked ("on m'a fait valider un virement", "il m'a demandé
# de confirmer un paiement"), or validated during a call ("j'ai validé un virement au téléphone").
_OPERATION = (
    r"(un |une |des |le |la |les |l')?(virements?|paiements?|operations?|achats?|transactions?"
    r"|prelevements?|(ajout (d'un |de )?)?beneficiaires?)"
)
_VALIDATE = r"(valider|confirmer|accepter|autoriser|signer)"
_VALIDATED = r"(valide|confirme|accepte|autorise)(e|s|es)?"
_DURING_CALL = (
    r"(au telephone|au tel|par telephone|pendant l'appel|(m'|me )?(a|ont) appele|appel\w*"
    r"|conseill\w*|(faux|fausse|soi-disant) (banque|banquier))"
)
# Validating a payment the bank's own app asks for is ordinary ("ma banque m'a demandé de valider
# un paiement", "l'appli de ma banque"): the validations above say no card to block then, unless
# a caller or a fake says it is a scam.
_OWN_APPROVAL = re.compile(
    r"\b(ma|la|mon|notre|sa) (banque|appli\w*|application)\b.{0,40}\b(m'|me |nous )(a |ont )?"
    r"(demande|fait|dit|envoye|propose)\w*"
    r"|\b(appli\w*|application|notification)\b.{0,30}\b(banque|bancaire)"
    r"|\b(banque|bancaire)\b.{0,15}\b(appli\w*|application)\b"
)
_SCAM_CUE = re.compile(
    r"\b(faux|fausse|soi-disant|pretendu\w*|se faisait passer|se disant|appel\w*|au telephone"
    r"|au tel\b|par telephone|escroc\w*|arnaqu\w*|inconnu\w*|bizarre|suspect\w*)"
)
# A payment the person did not make: "je n'ai pas fait cet achat", "un paiement que je n'ai pas
# fait", "je ne reconnais pas ce prélèvement"; the "ne" dropped as it is spoken ("un paiement que
# j'ai pas fait", "jai jamais fait cet achat", "on a pas autorisé ce virement").
_NOT_DONE = r"(n'ai|n'avons|n'a|j'ai|jai|j ai|on a|nous avons|avons)"
_NOT_MINE = (
    rf"\b{_NOT_DONE} (pas|jamais|rien) (fait|effectue|autorise|commande|demande|passe"
    rf"|valide)\w* (cet |ce |cette |ces )?{_OPERATION}\b",
    rf"\b{_OPERATION}\b.{{0,40}}\bqu(e |')(je |nous )?({_NOT_DONE}|ne reconnais|reconnais)"
    r" (pas|jamais)\b",
    rf"\b(ne |n')?reconnais (pas|plus) (ce |cet |cette |ces )?{_OPERATION}\b",
)
# The classic scam message: an SMS or a mail (one: "ce sms", "un mail"; not "les mails") ...
_MESSAGE = r"(sms|texto|mail|e-?mail|courriel|message|notification|lien)s?"
# ... about a parcel, a fine, a refund, an account or a card to renew ...
_SCAM_TOPIC = (
    r"(colis|livraison|livreur|la poste|chronopost|colissimo|dhl|ups|amendes?|antai|pv"
    r"|contraventions?|peage|rembourse\w*|trop percu|impots?|ameli|carte vitale|caf|cpf"
    r"|compte \w* ?(bloque|suspendu|desactive|expire|ferme)\w*|(bloque|suspendu|expire)e?s?)"
)
# ... asking to pay (small fees) or to click.
_SCAM_ASK = (
    r"(payer|paye|regler|frais|\d+ ?[,.]\d\d|\d+ ?(€|euros?)|cliqu\w*|lien|mettre a jour"
    r"|confirmer|renseigner|saisir)"
)
# Spying on a phone: "me surveille avec une appli", "lit mes messages", "un logiciel espion".
_SPYING = (
    r"(surveill\w*|espion\w*|traqu\w*|geolocalis\w*|mouchard\w*|stalkerware"
    r"|(lit|lis|lire|fouille|regarde|controle|verifie|epluche) (tout |tous |toutes )?(dans )?(mes"
    r"|ses|mon|son|ma|sa) (messages|sms|mails|conversations|telephone|tel|portable|smartphone)"
    # a tracker put on the phone: "a mis un traceur sur mon tel", "une balise GPS"
    r"|(traceur|balise|gps|localisation) (\w+ ){0,2}(sur|dans) (mon|ma|son|sa) (telephone|tel"
    r"|portable|smartphone|voiture|sac)"
    r"|suit (tous )?mes deplacements|sait (toujours )?ou je suis|ecoute mes (appels|conversations)"
    # control online by a partner or an ex (round 17's tester): "mon ex a piraté mon compte
    # facebook et me harcèle"
    r"|(me|nous) harcel\w*|(a|ont) (pirate|hacke) (mon|mes|ma))"
)

# Sextortion: blackmail named with images, or images to be spread unless one pays.
_INTIMATE = r"(photos?|videos?|images?|nudes?|webcam|sextapes?|films?|appel video)"
_BLACKMAIL = r"(chantages?|(fait|font|faire|fais) chanter|sextor(sion|tion))"
_SPREAD = (
    r"(publi|diffus|partag|post|envoy|montr|balanc|affich|circul|transfer|mettre en ligne"
    r"|mettre sur)\w*"
)
_MONEY = (
    r"(\bpaie\w*|\bpay(e|es|er|ez)\b|\beuros?\b|€|\bargent\b|\bfric\b|\bthunes?\b|\bbitcoins?\b"
    r"|\bbtc\b|\bvir(e|er|es|ement)\b|\b\d+ ?(e|€)\b|\brancon\b|\bcartes? (cadeaux?|pcs|neosurf"
    r"|transcash)|\brecharges? (pcs|neosurf|transcash))"
)
_SEXTORTION = (
    r"\bsextor(sion|tion)\b",
    rf"\b{_BLACKMAIL}\b.{{0,80}}\b{_INTIMATE}\b",
    rf"\b{_INTIMATE}\b.{{0,80}}\b{_BLACKMAIL}\b",
    rf"\b{_SPREAD}.{{0,60}}\b{_INTIMATE}\b.{{0,100}}{_MONEY}",
    rf"\b{_INTIMATE}\b.{{0,60}}\b{_SPREAD}.{{0,100}}{_MONEY}",
    rf"{_MONEY}.{{0,60}}\b(sinon|ou (bien )?(il|elle|ils|on))\b.{{0,60}}\b{_SPREAD}",
)
# Asked about, not happening: "comment protéger mon ado de la sextorsion", "un atelier sur…".
_SEXTORTION_TOPIC = re.compile(
    r"\b(comment (proteger|eviter|prevenir|reagir|parler|sensibiliser|reconnaitre)|eviter (que|de)"
    r"|au cas ou|si jamais|si un jour|prevention|prevenir|sensibilis\w*|atelier|conference"
    r"|reportage|documentaire|formation)\b"
)

# Over: "il y a deux ans…, c'est réglé", "j'ai porté plainte", unless it goes on.
_SEXTORTION_OVER = re.compile(r"\b(c'est|tout est|c) (regle|fini|termine|arrete)\b")


def _sextortion_not_now(folded: str) -> bool:
    """Sextortion asked about (a topic) or told as over, nothing said going on."""
    over = SAFE_NOW.search(folded) or _SEXTORTION_OVER.search(folded)
    return bool(_SEXTORTION_TOPIC.search(folded) or (over and not AGAIN.search(folded)))


# A public body's account, however named: "mon compte ameli", "la CAF", "impots.gouv".
_BODIES = {
    "account_ameli": r"(ameli|cpam|assurance maladie|secu|securite sociale|carte vitale)",
    "account_caf": r"(caf|allocations? familiales|msa)",
    "account_impots": r"(impots?(\.gouv)?|finances publiques|espace particulier|fisc)",
    "account_france_travail": r"(france travail|pole emploi|chomage)",
}
# Its account taken ("piraté", "usurpé", "quelqu'un est entré dessus"), or the bank details on it
# changed by someone else ("ils ont changé mon RIB", "mon IBAN a été modifié sans moi").
_BANK_DETAILS = r"(rib|iban|coordonnees bancaires|compte bancaire|numero de compte)"
_TAKEN = (
    r"(pirat\w*|hack\w*|usurp\w*|vole|pris le controle|(entre|connecte)\w* (dessus|sur mon)"
    r"|(ils|on|quelqu'un|qqn|quelqu un|un inconnu|le pirate|l'arnaqueur|l'escroc) (m'|me )?"
    r"(a|ont) (change|modifie|remplace|mis)\w* (mon|le|mes|les|son|ses|leur) " + _BANK_DETAILS
    + r"|" + _BANK_DETAILS + r" (a |ont )?(ete )?(change|modifie|remplace)\w* sans"
    r"|" + _BANK_DETAILS + r" (a |ont )?(ete )?(change|modifie|remplace)\w* par (quelqu'un|un"
    r" inconnu|le pirate|les pirates|un escroc|un arnaqueur|d'autres))"
)  # fmt: skip


def _account_taken(body: str) -> tuple[str, ...]:
    return (
        rf"\b{body}\b.{{0,80}}\b{_TAKEN}",
        rf"\b{_TAKEN}.{{0,80}}\b{body}\b",
        # "mon RIB CAF a été modifié par un inconnu"
        rf"\b{_BANK_DETAILS} (de la |de l'|du |sur |de )?{body}\b.{{0,30}}\b(change|modifie"
        r"|remplace)\w* (sans|par)\b",
    )


SITUATIONS: dict[str, tuple[str, ...]] = {
    **{name: _account_taken(body) for name, body in _BODIES.items()},
    PARTNER: (rf"\b{_MY}({_PARTNER_WORDS})\b", r"\bviolences? conjugales?"),
    CHILD: (
        rf"\b{_MY}({_CHILD_WORDS})\b",
        r"\b(un|une|des) (enfants?|mineure?s?|ados?|adolescente?s?)\b",
        r"\bje suis (mineure?|ado|adolescente?)\b",
        r"\bj'ai (1[0-7]|[5-9]) ans\b",
        r"\bmes parents me\b",
    ),
    HARASSMENT_ONLINE: (
        rf"\bharcel\w*.{{0,60}}\b{_ONLINE}",
        rf"\b{_ONLINE}.{{0,60}}\bharcel\w*",
        r"\bcyber-?harcel\w*",
        # insults, mockery or humiliation received online ("il reçoit des insultes tous les jours
        # sur whatsapp", "on se moque d'elle sur snap"): harassment, whatever the word
        rf"\b{_INSULTED}.{{0,60}}\b{_ONLINE}\b",
        rf"\b{_ONLINE}\b.{{0,60}}\b{_INSULTED}",
        r"\b(nudes?|photos? intimes?).{0,40}\b(publi|diffus|partag|circul|tourn)\w*",
        r"\b(publi|diffus|partag|poster|mettre|montrer|balancer|afficher|circul)\w*.{0,30}"
        r"\b(nudes?|photos? (intimes?|de moi nue?|denudee?s?|nue?s?)|videos? intimes?)",
        # a threat to put one's photos online, whatever they are ("mon ex me menace sur whatsapp
        # de publier mes photos")
        r"\bmenac\w*(?: [\w']+){0,4}? (de |d')?(les |la |le |l')?(publi|diffus|partag|poster"
        r"|mettre|montrer|balancer|afficher|envoyer|faire circuler)\w*.{0,30}\b(mes|nos|ses|des"
        r"|les) (nudes?|photos?|videos?|images?)\b",
    ),
    HACKED: (
        r"\bpirat\w*",
        r"\bhack\w*",
        r"\barnaqu\w*.{0,40}\b(internet|en ligne|site|sms|mail|appel)",
        r"\b(internet|en ligne|site|sms|mail)\b.{0,40}\barnaqu\w*",
        r"\bescroqu\w*",
        r"\b(vole|pris|usurp\w*) (mon|mes|ma) (compte|identite|mot de passe|code)",
        r"\bhameconn\w*|\bphishing\b",
        # Someone else in the account: "quelqu'un est dans mon compte", "s'est connecté à ma boîte".
        r"\b(quelqu'un|un inconnu|une autre personne) (est|etait|s'est connecte|se connecte"
        r"|est entre|rentre|a acces)\w* (dans|sur|a) (mon|ma) (compte|messagerie|boite)",
        # A scam paid: "je me suis fait arnaquer de 300 euros".
        r"\barnaqu\w* (de )?\d+ ?(euros?|e)\b",
    ),
    BANK_CARD: (
        rf"\b{_CARD}\b.{{0,60}}\b{_HARM}",
        rf"\b{_HARM}.{{0,60}}\b{_CARD}\b",
        rf"\b(quelqu'un|on|ils?) (a|ont) utilise (ma|mes|nos) {_CARD}",
        # "quelqu'un a utilisé ma carte", "on utilise ma carte": a bank card unless named otherwise.
        r"\b(quelqu'un|on|ils?) (a |ont )?utilise\w* (ma|mes|nos) cartes?\b"
        r"(?! (vitale|grise|d'identite|navigo|sim|de transport|de bus))",
        r"\b(vide|debite|preleve)\w* (mon|le) compte\b",
        r"\bcompte (en banque|bancaire)\b.{0,40}\bvide",
        r"\b(tout|ont) vide\b",
        r"\bdebits? (frauduleux|inconnus?)",
        rf"\b{_GIVEN} (mes |les |le )?(numeros?|codes?|infos?|informations|coordonnees)? ?(de |d')?"
        rf"(ma |mes |la )?{_CARD}\b",
        r"\bcompte (en banque|bancaire)\b.{0,40}\b(pirat|hack|vide)\w*",
        r"\b(pirat|hack)\w* (mon|ma) (compte (en banque|bancaire)|banque)\b",
        # The card's details given, whoever's: "il a donné son code de carte", "j'ai tapé le
        # numéro de ma CB", "communiqué mon cryptogramme", "donné mes coordonnées bancaires".
        rf"\b{_GIVEN}\w* .{{0,25}}\b{_CARD_DETAIL}",
        # Money paid or sent to a fake seller or a scammer: "j'ai payé 500 euros sur un faux
        # site", "acheté sur une fausse boutique", "fait un virement à un escroc".
        rf"{_PAID}.{{0,60}}\b{_FAKE}",
        rf"\b{_FAKE}.{{0,60}}{_PAID}",
        # Codes handed to a caller as the bank or a fake adviser, either side: "il était de la
        # banque et j'ai donné mon code", "j'ai communiqué mes identifiants au faux conseiller".
        rf"\b{_BANK_CALLER}.{{0,100}}{_handed(f'({_SECRET}|{_SMS_CODE})')}",
        rf"{_handed(f'({_SECRET}|{_SMS_CODE})')}.{{0,100}}\b{_BANK_CALLER}",
        # A code received by SMS handed to anyone: "j'ai donné le code reçu par SMS".
        _handed(_SMS_CODE),
        # A payment the person did not make.
        *_NOT_MINE,
        # A phone stolen or lost with the bank's apps in it: the bank first.
        r"\b(vole|perdu|pris)\w* (mon|son|ma|sa|le) (telephone|tel|portable|smartphone)\b"
        r".{0,60}\b(banc|banque)\w*",
    ),
    # A message, its topic and what it asks, in any order, on one line.
    SCAM_MESSAGE: (
        rf"(?:^|(?<=\n))(?=([^\n]*\b(ce|cet|cette|un|une|le|la|des|d'un|d'une)( \w+)? )?"
        rf"{_MESSAGE}\b)(?=[^\n]*\b{_SCAM_TOPIC})(?=[^\n]*{_SCAM_ASK})",
    ),
    SURVEILLANCE: (
        rf"\b{_MY}({_PARTNER_WORDS})\b.{{0,80}}\b{_SPYING}",
        rf"\b{_SPYING}.{{0,80}}\b(par|de) {_MY}({_PARTNER_WORDS})\b",
    ),
    PARTNER_VIOLENCE: (
        rf"\b{_MY}({_PARTNER_WORDS})\b.{{0,80}}\b(me |m'|nous |les |l')?(frapp|bat|battu|cogn"
        r"|tabass|menac|etrangl|gifl|agress|enferm|viol|brutalis|maltrait|tape|tap|fait mal"
        r"|(veut|va|a voulu) me tuer)\w*",
        r"\bviolences? conjugales?",
    ),
    SUICIDE: (
        r"\bsuicid\w*",
        r"\b(veux|voudrais|ai envie de|avais envie de|vais) (juste )?(mourir|crever|en finir"
        r"|me tuer|me foutre en l'air|disparaitre pour toujours)\b",
        r"\bmettre fin a (mes|ses) jours|\b(plus|pas) envie de vivre|\bveux plus vivre",
        r"\b(avale|pris) (des|trop de|tous mes|toutes mes) (medicaments|cachets|comprimes"
        r"|pilules|somniferes)",
        safety.SUICIDAL_THOUGHT,  # « je pense à en finir », « l'idée de mettre fin à ma vie »
    ),
    PHYSICAL: (
        r"\b(tombee?s?|chute|glisse\w*|evanoui\w*|inconscient\w*|malaise|crise cardiaque|avc"
        r"|saigne\w*|accident\w*|incendie|le feu|fumee|brule\w*|etouffe\w*)\b",
        r"\b(ne )?(repond|reagit|respire|bouge|se reveille|parle)s? (plus|pas)\b",
        r"\b(tonbe ate|pa ka (pale|respire|repon) anko)\b",
    ),
    FIRE: (
        r"\b(a pris feu|ont pris feu|prend feu|prennent feu|en feu|en flammes|au feu)\b",
        r"\b(le |du )?feu (a pris|a demarre|est parti|partout|dans (la|le|l'|ma|mon|notre|mes)"
        r"|chez)\b|\b(il y a|y a) (le|du) feu\b",
        r"\b(des |les )?flammes\b|\bincendie\b(?! (criminel|de forets?) (a|en) )",
        r"\bfumee\b",
        r"\b(sent|odeur de|ca sent) (le |du )?(brule|cram\w*)\b",
        r"\b(prise|fils?|cables?|chargeur|multiprise|batterie|appareil|ordinateur|ordi|telephone"
        r"|portable|tablette|tele|television|box|radiateur|compteur|tableau electrique|four"
        r"|plaques?|friteuse|poele|casserole|cuisine|maison|appart\w*|immeuble)s? (qui )?"
        r"(brule|brulent|fume|fument|crame|crament|a explose|ont explose|explose|fait des"
        r" etincelles)\b",
    ),
    GAS: (
        r"\b(fuite|odeur|sent|sens|sentir|senteur)s? (forte |tres forte )?(de |du |le )?gaz\b",
        r"\bgaz\b.{0,30}\b(fuit|fuite|sent|odeur)\b",
    ),
    THREAT: (
        r"\b(forcer?|forcent|casser|casse|defoncer|defonce|enfoncer|enfonce|fracturer) (ma|la|notre"
        r"|sa) porte",
        r"\b(essaie|essaye|essaient|tente|tentent|veut|veulent) (d'|de )(l')?(ouvrir|entrer|rentrer"
        r"|forcer|enfoncer|defoncer|casser)",
        r"\b(quelqu'un|homme|femme|type|mec|gens|inconnue?s?|individus?|cambrioleurs?|voleurs?)\b"
        r"[^.!?]{0,40}\bchez (moi|nous)\b",
        r"\bcambrioleurs?\b|\bcambriol\w* en (ce moment|cours)",
        r"\b(homme|type|mec|quelqu'un|inconnue?|individu|voiture|ils?|elle) (me|nous) (suit|suivent"
        r"|poursui\w*)\b",
        r"\b(homme|type|mec|individu|quelqu'un)s? armee?s?\b|\bcoups de feu\b|\bca tire\b",
        r"\b(m'|on m'|se fait |suis |est )agress\w*",
    ),
    SEXTORTION: _SEXTORTION,
    PHONE_LOST: (
        # "on m'a volé mon portable", "j'ai perdu mon tel", "se faire arracher son iphone"
        rf"\b(vol|perd|pique|arrach)\w* (mon|ma|son|sa|le|leur|notre) {_PHONE}\b",
        rf"\b(m'|lui |nous |leur )(a|ont) pris (mon|ma|son|sa|notre|leur) {_PHONE}\b",
        # "mon smartphone a été volé", "mon tel s'est fait voler", "mon portable, perdu"
        rf"\b(mon|ma|son|sa|le|leur|notre) {_PHONE},? (a ete |s'est fait |est |m'a ete )?"
        r"(vole|perdu|pique|arrache)\w*",
        rf"\b(vol|perte) (de |du |d')(mon |ma |son |sa )?{_PHONE}\b",
    ),
    HOMELESS: (
        r"\b(dors|dormons|dormir|dort|dormi|passe la nuit|passer la nuit|vis|vivons|vit) "
        r"(dans (ma|la|une|notre|sa|leur) voiture|dehors|a la rue|dans la rue)",
        r"\bsans (abri|domicile fixe|logement)\b",
        r"\b(sdf|samu social)\b",
        r"\b(au|le|du|appele\w*|appeler|appelle) 115\b",
        r"\bnulle part (ou|pour) dormir",
        r"\b(a la rue|dehors) (ce soir|cette nuit|aujourd'hui|demain)",
    ),
}
# An operation validated at a caller's word or during a call: a card to block, unless the bank's
# own app asked it (``_OWN_APPROVAL``) and nothing says a scam (``_SCAM_CUE``).
_VALIDATED_AT_A_WORD = re.compile("|".join(f"(?:{p})" for p in (
    rf"\b(m'|me |nous )(a|ont|avait|avaient) (fait|demande|dit|pousse|oblige)( de| a)? "
    rf"{_VALIDATE} {_OPERATION}\b",
    rf"\b{_VALIDATED} {_OPERATION}\b.{{0,80}}\b{_DURING_CALL}",
    rf"\b{_DURING_CALL}.{{0,80}}\b(ai|a|avons) {_VALIDATED} {_OPERATION}\b",
)))  # fmt: skip


def _validated_at_a_word(folded: str) -> bool:
    return any(
        _VALIDATED_AT_A_WORD.search(line)
        and not (_OWN_APPROVAL.search(line) and not _SCAM_CUE.search(line))
        for line in folded.split("\n")
    )


_COMPILED = {
    name: re.compile("|".join(f"(?:{p})" for p in patterns))
    for name, patterns in SITUATIONS.items()
}
# Learning to avoid it is no account taken: "apprendre à éviter d'être piraté", "comment savoir si
# on est piraté", "protéger mon compte pour pas être piraté" (no line sent at once), unless the
# message also tells it happened ("on m'a piraté", "mon compte a été piraté").
_HARM_WORD = r"(pirat|hack|arnaqu|escroqu)\w*"
_PREVENTED = re.compile(
    rf"\b(eviter|pas (etre|(me|se|te|nous|vous) faire)|proteger|prevenir|reconnaitre|savoir si"
    rf"|se mefier)\b.{{0,40}}\b{_HARM_WORD}"
)
_HAPPENED = re.compile(
    rf"\b(m'a|m'ont|a ete|ont ete|j'ai ete|suis|s'est fait|me suis fait|se sont fait|est|sont)"
    rf" (\w+ ){{0,2}}{_HARM_WORD}"
)


# Codes handed, said on a later line than the bank or the card they are for (``read``).
_HANDED_LATER = re.compile(r"\n[^\n]*" + _handed(_SECRET))
_BANK_SAID = re.compile(rf"\b({_CARD}|{_CARD_DETAIL}|{_BANK_CALLER}|cb)\b")


# Words near a wish to die, however veiled: a body in danger said with them keeps the 3114.
_DARK = re.compile(
    r"\b(suicid\w*|mourir|mort|morte|tuer|tue|en finir|vivre|vie|medicaments?|cachets?|comprimes?"
    r"|somniferes?|pilules?|lettres?|adieu|dernier message|plus la|sauter|saute|jete|jeter"
    r"|pendu\w*|pendre|noy\w*|betise|connerie|idees noires|disparaitre|plus envie|veines?"
    r"|ouvert les|dit au revoir|triste|deprim\w*|pont|balcon|fenetre)\b"
)


# The words of ``_DARK`` said of oneself (not "il va me tuer", "peur pour ma vie": a threat).
_OF_ONESELF = re.compile(
    r"\b(suicid\w*|mourir|en finir|mettre fin|medicaments?|cachets?|comprimes?|somniferes?"
    r"|pilules?|adieu|lettres?|dernier message|plus la|pendu\w*|pendre|noy\w*|idees noires"
    r"|disparaitre|plus envie|veines?|scarifi\w*|triste|deprim\w*)\b"
)


# Hit by someone who also spies on the phone ("il me bat et il contrôle mon portable"): the
# control of a partner, whoever is named (``read``), unless the words name a child.
_HIT_ME = (
    r"(il|elle) (me |m')(frapp|bat|battu|cogn|tabass|etrangl|gifl|brutalis|tape dessus)\w*"
)
_SPIED_ON = re.compile(_SPYING)
_HIT_AND_SPIED = re.compile(rf"\b{_HIT_ME}.{{0,80}}\b{_SPYING}|\b{_SPYING}.{{0,80}}\b{_HIT_ME}")


# Online, games too: a child solicited "sur fortnite", "sur un jeu" (the 3018).
_ONLINE_SAID = re.compile(
    rf"\b({_ONLINE}|jeux?|fortnite|roblox|minecraft|twitch|free fire|playstation|ps[45]|xbox"
    r"|switch|console|tchat|chat|appli\w*|application)\b"
)


def read(text: str) -> frozenset[str]:
    """The situations the words name: ``{"partner", "child"}`` for "mon mari frappe ma fille";
    ``.`` never crosses a line, so messages one a line are read each alone."""
    folded = labels.fold(text or "")
    found = {name for name, pattern in _COMPILED.items() if pattern.search(folded)}
    if _validated_at_a_word(folded):
        found.add(BANK_CARD)
    prevented = HACKED in found and _PREVENTED.search(folded)
    if prevented and not _HAPPENED.search(_PREVENTED.sub(" ", folded)):
        found.discard(HACKED)
    if CHILD not in found and _HIT_AND_SPIED.search(folded):
        found |= {PARTNER, PARTNER_VIOLENCE}
    if PARTNER_VIOLENCE in found and _SPIED_ON.search(folded):
        # hit and spied on: the 3919, and the phone to make safe (online safety)
        found.add(SURVEILLANCE)
    if child_danger.threatened(folded):
        found |= {CHILD, CHILD_FROM_ADULT}
        if _ONLINE_SAID.search(folded):
            found.add(HARASSMENT_ONLINE)  # on a network, a game, by messages: the 3018 too
    if {CHILD, HARASSMENT_ONLINE} <= found:
        found.add(CHILD_HARASSED_ONLINE)
    if BANK_CARD not in found and _HANDED_LATER.search(folded) and _BANK_SAID.search(folded):
        # "un mail lui demande ses codes bancaires", then "elle a déjà donné ses codes"
        found.add(BANK_CARD)
    if SEXTORTION in found and _sextortion_not_now(folded):
        found.discard(SEXTORTION)
    if PHYSICAL in found and (SUICIDE in found or _DARK.search(folded)):
        found.discard(PHYSICAL)  # "il ne répond plus depuis son message d'adieu": the 3114 kept
    if THREAT in found and (SUICIDE in found or _OF_ONESELF.search(folded)):
        found.discard(THREAT)  # someone at the door and pills ready: the 3114 kept
    return frozenset(found)
