"""Equipment and connection (needs "internet", "materiel_usage", "materiel_achat"): their
keywords, and what the person has, lacks, bought or broke."""

from __future__ import annotations

import re

from actions.needs.catalogue import TOOL_NEEDS
from actions.needs.tools import _LEARN
from actions.needs.words import _compile, fold
from actions.safety.device_in_water import DEVICE_IN_WATER

# A device to give away ("donner mon ancien portable", "faire don de nos ordinateurs"): the
# places that pass devices on at a solidarity price; the device is no lesson or one to use.
_GIVE_AWAY = (
    r"\b(donner|offrir|leguer|deposer|faire don de) (mon|ma|mes|notre|nos|un|une|des|son|sa"
    r"|ses|leur|leurs|les) (\w+ )?(ordi|ordinateur|pc|telephone|tablette|portable|smartphone)s?\b"
)

# Knowing no internet ("connaît pas internet", "je sais pas internet") is learning it, not
# lacking a connection.
_NOT_KNOWN = r"(?<!connait )(?<!connais )(?<!sait )(?<!sais )(?<!comprend )(?<!maitrise )"
NEED_PATTERNS: dict[str, tuple[str, ...]] = {
    "internet": (
        # not "connaît pas internet": how to use it, not a connection (tester t194, B1)
        _NOT_KNOWN + r"\b(pas|pa|ni|sans|plus) (d'|de |d )?(internet|connexion|wifi|wi-fi)",
        r"\bbesoin (d'|de )(internet|connexion|wifi)",
        r"\bwifi\b",
        r"\bwi-fi\b",
        r"(?<!alerte de )\bconnexion\b",
        r"\bacces (a )?internet",
        r"\b(connecter|connecte) (a internet|au wifi)",
        r"\bforfait\b",
        r"\b(pas de|plus de|pas|plus) (reseau|4g|5g|data)\b",
        r"\bzone blanche",
        r"\b(internet|wifi|wi-fi) gratuit",
        r"\bcapte (pas|plus|mal)",
        r"\bbox\b",
        r"\b(internet|connexion|wifi|box|ligne) (a ete |est )?(coupee?|resilie\w*)",
    ),
    "materiel_usage": (
        r"\bimprim(er|ante|e)\b",
        r"\bimpressions?\b",
        r"\ben pdf\b",
        r"\bscann?(er|e)\b",
        r"\bphotocopi",
        r"\bfax\w*|\btelecopi",
        # borrowing a device for a while: "emprunter un ordinateur quelques semaines" (access to
        # equipment in the standard; buying one cheap is materiel_achat)
        r"\b(emprunter|louer)\b.{0,30}\b(ordi|ordinateur|pc|tablette|portable|telephone|cle 4g)",
        r"\bprets? (d'|de |d )(un )?(ordi|ordinateur|pc|tablette|portable|telephone|cle 4g)",
        r"\bou (il )?(y a|ya|trouver|utiliser)( un| des)? (ordinateur|ordi|pc)s? (et|avec) "
        r"(internet|wifi|une connexion)",
    ),
    "materiel_achat": (
        r"\b(pas|peu) (beaucoup )?de moyens",
        r"\bpetits? moyens\b",
        # a small income said beside the device ("avec une petite pension, un ordinateur simple")
        r"\b(petite?s?|faibles?|maigres?) (pension|retraite|revenus?|salaire|budget|rsa)\b"
        r"|\bbudget (serre|limite|reduit)\b",
        r"\bd'occasion\b",
        # not the "complémentaire santé solidaire", a health cover to apply for
        r"(?<!sante )\bsolidaires?\b",
        r"\brecycl\w*",
        r"\b(acheter|achete|avoir|obtenir|trouver)( un| une)? "
        r"(ordi|ordinateur|pc|telephone|tel|portable|tablette)",
        r"\bpas? chere?s?\b",
        r"\bpetit prix",
        # "des ordis à 50 balles": a device at a price
        r"\b(ordis?|ordinateurs?|pc|portables?|tel|telephones?|tablettes?) (a|pour|de) \d+ ?"
        r"(balles|euros?|e|€)",
        r"\breconditionn",
        r"\bprix solidaire",
        r"\bpas les moyens",
        r"\bemmaus",
        r"\bdon d'ordi",
        r"\bpas (les|de) sous\b",
        r"\b(pas|pa) (trop |tro )?(cher|chere|chers|che)\b",
        r"\bprix (reduits?|etudiants?|sociaux|bas)\b",
        r"\b(ordi|ordinateur|tablette|telephone|smartphone|portable)s?\b.{0,30}\b\d+ ?(euros?|€)",
        r"\bprets? (de|d') ?(materiel|ordinateurs?|ordis?|tablettes?)",
        r"\b(donne|donnent|vend|vendent) des (ordinateurs|ordis|smartphones|tablettes|telephones)",
        r"\b(ordinateur|ordi|telephone|tablette|imprimante)s? (d')?occasion",
        r"\bpas de quoi (en )?(racheter|acheter)",
        r"\b(on n'a|on a|j'ai|nous n'avons) pas \d+ ?(€|euros)",
        r"\b(donnez|donniez|donner|distribuez|pretez|vendez) des (tablettes|ordinateurs|ordis|"
        r"telephones|portables)",
        r"\bressourcerie",
        _GIVE_AWAY,
        r"\b(carte sim|sim|forfait|box|abonnement|offres?|recharges?) (sociale?s?|solidaires?|"
        r"gratuite?s?|a bas cout|pas chere?s?)",
        r"\btarif social",
        r"\bbas cout",
        r"\bcombien (un|une|les) (ordi|ordinateur|tablette|telephone)",
    ),
}


# Set AT (e190): a device the person lacks for what they want to do, or one too old or too slow
# that they would replace, is one to get ("je n'ai pas d'iPad", "mon ordi rame, il faudrait en
# changer sans se ruiner"); a place that lends devices, or a connection that fails, is access.
_DEVICE = r"(ordi\w*|pc|telephone|tel|portable|smartphone|tablette|ipad)s?"
_TO_GET = (
    r"\b(pas|pa|plus|sans|ni) (de |d'|d |un |une )?(tablette|ipad)s?\b",
    rf"\b{_DEVICE}\b[^.!?]{{0,60}}\b(en|le|la) (changer|remplacer|racheter)\b",
    r"\bil (me|m'en|lui|nous|leur) (faut|faudrait) (un|une) (autre|nouveau|nouvel|nouvelle)\b",
    r"\bsans (me |se |nous |vous )?ruiner\b",
    r"\b(pas|sans) depenser (\d+|une fortune|trop)",
    rf"\b(qu'il|qu'elle|que j'|qu'on|qu'ils|qu'elles) (ait|aie|aient) (un|une) (propre )?{_DEVICE}",
)
# A device too old or too slow ("mon ordi rame", "il prend plus les applis"): with the wish to
# replace it (``_TO_GET``), another one is the need, not lessons on it. Said alone, it is not
# one to get ("mon ordi est vieux mais il marche", "trop vieux pour le site": one on site).
_OLD_OR_SLOW = _compile(
    rf"\b{_DEVICE}\b[^.!?]{{0,30}}\b(trop (lente?s?|vieu\w*|vielle?s?|ancien\w*)|rame\w*"
    r"|(est|sont|devenu|devient) (vieu\w*|vielle?s?|lente?s?|obsolete)"
    r"|(ne )?(prend|prennent|supporte|accepte) plus)\b"
)
_TO_USE = (
    r"\bpret(e|ent|ait|aient)\b (des |un |une |les )?(ordinateurs?|ordis?|pc|tablettes?"
    r"|portables?)",
)
_FAILING_LINE = (
    r"(?<!site )(?<!sites )\b(internet|connexion|wifi|wi-fi|box|reseau)\b( \w+){0,2}? (ne |n')?"
    r"(marche|fonctionne|passe|capte)n?t? (pas|plus|mal|jamais)\b",
    r"\b(connexion|internet|wifi|reseau)\b( \w+)? (coupe|saute|decroche|lache)\w*",
)
NEED_PATTERNS["materiel_achat"] += _TO_GET
NEED_PATTERNS["materiel_usage"] += _TO_USE
_LENT = _compile(_TO_USE[0])
NEED_PATTERNS["internet"] += _FAILING_LINE

# A second-hand device the person has ("j'ai un ordi portable d'occasion"): not one to get.
_OWNED_USED = _compile(
    r"\b(j'ai|on a|nous avons|il a|elle a) (deja )?(un|une|mon|ma) ([\w-]+ ){0,2}"
    rf"{_DEVICE}( [\w-]+)? (d'occasion|reconditionne\w*)"
)
# Their own printer that will not work ("mon imprimante n'imprime rien", "impossible de la faire
# marcher avec mon ordinateur"): learning to set it up with the computer, not one on site.
_PRINTER_STUCK = _compile(
    r"\b(mon|ma|notre) (nouvelle )?imprimante\b[^.!?]{0,60}\b(ne (veut|marche|fonctionne"
    r"|s'allume|imprime|se connecte)|veut (rien|pas|plus)|marche (pas|plus)|fonctionne (pas|plus)"
    r"|imprime (pas|plus|rien))"
    r"|\bimprimante\b[^.!?]{0,60}\b(impossible|pas|plus|n'arrive pas|arrive pas) (a |de )?(la )?"
    r"(faire (marcher|fonctionner)|connecter|installer|brancher|relier)"
    r"|\b(installer|brancher|connecter|relier|faire marcher|faire fonctionner) (mon |ma |une |l'"
    r"|la |notre )?(nouvelle )?imprimante"
)
# A place with computers asked for ("une salle avec des ordinateurs pour un atelier"): access
# to equipment, even when learning is what happens there.
_PLACE_WITH_DEVICES = _compile(
    r"\b(endroit|lieu|salle|local|espace)s? (avec|equipee?s? (de|d')|ou il y a) (des |plusieurs "
    r"|\d+ )?(ordi\w*|pc|postes|tablettes)"
)


def devices_said(folded: str, strong: list[str], ruled_out: set[str],
                 procedures: list[str]) -> list[str]:
    """``strong`` with what the person says of their devices: one too old to replace is that
    one to get, not lessons; a second-hand one they have is not one to get; their own printer
    that will not work is learning the computer; a device lent, or a place with computers asked
    for, is access to equipment. ``ruled_out`` grows in place."""
    if "materiel_achat" in strong and _OLD_OR_SLOW.search(folded) and not _LEARN.search(folded):
        # another one to get, not lessons on it nor on the apps it no longer runs
        strong = [k for k in strong if k not in ("smartphone", "ordinateur", "quotidien")]
        ruled_out |= {"smartphone", "ordinateur", "quotidien"}
    if _OWNED_USED.search(folded):
        strong = [k for k in strong if k != "materiel_achat"]
        ruled_out.add("materiel_achat")
    if _PRINTER_STUCK.search(folded) and not procedures:
        strong = ["ordinateur"] + [
            k for k in strong if k not in ("ordinateur", "materiel_usage", "materiel_achat")
        ]
        ruled_out |= {"materiel_usage", "materiel_achat"}
    if _LENT.search(folded):
        # "la médiathèque prête des tablettes ?": a device to borrow, not lessons on it
        strong = [k for k in strong if k not in ("smartphone", "ordinateur")]
        ruled_out |= {"smartphone", "ordinateur"}
    if _PLACE_WITH_DEVICES.search(folded) and not {"materiel_achat", "internet"} & set(strong):
        if any(k not in TOOL_NEEDS for k in strong):
            # the computers are the means of the other need ("un atelier CV"), not lessons
            strong = [k for k in strong if k != "ordinateur"]
        if "materiel_usage" not in strong:
            strong.insert(min(1, len(strong)), "materiel_usage")
    return strong


_GIVEN_AWAY = _compile(_GIVE_AWAY)
# A device to borrow for a while ("emprunter un ordinateur portable pour faire ma formation à
# distance"): what it is for is the person's own business, no lesson on it unless asked.
_BORROWED = _compile(
    r"\b(emprunter|louer|prets? (d'|de |d )(un |une )?)\b.{0,30}\b(ordi|ordinateur|pc|tablette"
    r"|portable|telephone|cle 4g)"
)
# What a device to get is for ("un ordinateur simple pour faire mes papiers et voir mes photos"):
# what the person will do on their own device, to learn there, not papers done with someone nor
# a computer on site.
_DEVICE_FOR = _compile(
    r"\b(ordi|ordinateur|pc|telephone|tel|portable|smartphone|tablette)s?\b[^.!?]{0,40}\bpour "
    r"(faire|gerer|remplir|voir|regarder|envoyer|appeler|lire|consulter|suivre|mes|ses|nos)\b"
)
# Being fooled in the purchase ("sans me faire avoir", beside a device to get): the care of a
# buyer, not online safety.
_NOT_FOOLED = _compile(
    r"\b(sans|pour ne pas|pas|eviter de|peur de) (me|se|nous) (re)?faire (avoir|arnaquer|rouler"
    r"|escroquer)\b"
)
_BOUGHT = _compile(
    r"\b(viens d'|vient d'|venons d')(acheter|avoir|recevoir)|\b(ai|a|avons) (achete|recu|eu) "
    r"(un|une|mon|ma)\b|\b(m'a|m'ont|lui a|nous a) (offert|donne|achete)"
)


# What the person already has or what works ("la box marche très bien, ce n'est pas le problème",
# "j'ai un ordinateur, internet, tout le matériel qu'il faut"): no equipment or connection to find.
_EQUIPPED = _compile(
    r"\btout (le materiel|l'equipement|ce qu'il faut)\b"
    r"|\b(j'ai|on a|nous avons) (deja )?(un |une |l'|le )?(ordi\w*|pc|internet|box|wifi)\b"
    r"[^.!?]{0,60}\b(c'est|ce n'est|le probleme|mais le probleme|ce qui me manque)\b"
)
_WORKS_FINE = _compile(
    r"\b(box|internet|connexion|wifi|reseau)\b[^.!?]{0,40}\b((marche|fonctionne)n?t? (tres |"
    r"parfaitement |super |tres tres )?bien|(n'est|c'est|est) pas (le|la|mon) (probleme|souci))"
)


# A price said beside lessons ("des ateliers, c'est trop cher ailleurs"): the price of the help,
# not a device to buy.
_PRICE = _compile(r"\b(cher|chere|chers|cheres|payante?s?|prix|coute\w*|tarifs?)\b")
_NO_INTERNET = _compile(
    _NOT_KNOWN + r"\b(pas|pa|ni|sans|plus) (d'|de |d )?(internet|connexion|wifi|reseau)"
)


_USE_DEVICE = re.compile(
    r"\b(utiliser|avoir|besoin d'|acces a|acceder a|trouver|me servir d') ?(un|une) "
    r"(ordi|ordinateur|pc|imprimante|scanner)\b"
    r"|\b(endroit|lieu|salle|mediatheque|bibliotheque|espace|local) (avec|ou il y a"
    r"|ou il y aurait) (un |une |des )?(ordi|ordinateur|pc|"
    r"internet|wifi)"
    r"|\butiliser (les|des|vos|un de vos|un des) (ordi|ordinateurs?|postes?|pc|votres|ecrans)"
    r"|\b(vous avez|avez-vous|y a-t-il|il y a) des (ordinateurs|ordis|postes)"
    r"|\bvenir .{0,40}(chez vous|sur les votres|sur vos (ordi|ordinateurs|postes))"
    r"|\b(en libre acces|en acces libre)"
    r"|\bchez moi (j'ai rien|y a que|il n'y a que|j'ai que|j'ai juste)"
    r"|\b(salle|espace|poste)s? (informatique|multimedia|internet)"
    r"|\bcyber ?-?cafe"
    r"|\b(ordi|ordinateur|pc)s? (pour le public|en libre.service|en acces libre|a disposition)"
    r"|\bun (ordi|ordinateur|pc) avec (word|une webcam|internet|une imprimante)"
)


_NO_DEVICE = re.compile(
    r"\b(pas|pa|plus|sans|ni) (d'|de |d |un |une )?(ordi|ordinateur|pc|imprimante|scanner|webcam"
    r"|camera|micro)s?\b"
    r"|\bn'?ai qu'?un (telephone|portable|smartphone)"
    r"|\bpas (equipee?s?|de materiel informatique)"
)


# A device that died ("mon téléphone est mort", "mon portable a rendu l'âme", "l'ordi est HS"): the
# person is without it for now. Not one to buy unless asked for ("il m'en faut un pas cher": the
# keywords of materiel_achat); with a procedure, the procedure and a computer on site.
_DEAD_DEVICE = re.compile(
    r"\b(ordi|ordinateur|pc|telephone|tel|portable|smartphone|tablette|imprimante)s?\b.{0,25}"
    r"\b(est |a )?((?<! a )mort|morte|foutue?|hs|noyee?|tombee? dans|(ne )?s'allume plus"
    r"|rendu l'ame|(a |m'a )?lache|en panne|casse|cassee|grille|plus rien)\b"
    # fallen into water (« j'ai fait tomber mon tel dans la baignoire », « mon ordi a pris l'eau »)
    rf"|{DEVICE_IN_WATER.pattern}"
)


# "il n'a pas de téléphone", "plus de portable": no phone at all, not one to learn.
_NO_PHONE = _compile(
    r"\b(pas|pa|plus|sans|ni) (de |d'|d |un |une )?(telephone|portable|smartphone|tel|mobile)s?\b"
)


def lacks_a_phone(text: str) -> bool:
    """The person has no phone ("il n'a pas de téléphone non plus"): one to get at a small price
    (``materiel_achat``), not lessons on it — unless they ask to learn."""
    folded = fold(text).replace("’", "'")
    return bool(_NO_PHONE.search(folded)) and not _LEARN.search(folded)
