"""Danger told as over and done: the words that say it is past, the person safe now, or cared for
("il y a deux ans", "je suis en sécurité", "suivie par un psy"), and what says it goes on
("il recommence")."""

from __future__ import annotations

import re

from actions.safety.alarm import ALARM_RE
from actions.safety.common_words import CARERS, fold_text
from actions.safety.figures import FIGURE
from actions.safety.severe import SEVERE_RE
from directory_client import labels
from directory_client.french_dates import MONTHS

# Said in so many words: the danger is over ("je suis en sécurité", "il y a deux ans", "la
# semaine dernière, rien de grave"), or the words are a figure of speech or a topic ("le couteau
# sous la gorge", "j'ai failli", "mdr", "une association d'aide aux victimes de violences"). Words
# of the severe tier then weigh like the alarm tier: numbers only when no digital need is stated.
_MONTH = "|".join(labels.fold(month) for month in MONTHS)
# "il y a six mois", "il y a 3 ans": how long ago, in words or digits.
_COUNT = (
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente"
    r"|quelques|plusieurs|\d+"
)
SAFE_NOW = re.compile(
    r"\b((je suis|suis|on est|nous sommes|aujourd'hui|desormais|maintenant|a present|enfin),? "
    r"(maintenant |desormais |enfin |bien )?(en securite|a l'abri|hors de danger)"
    rf"|il y a ({_COUNT}) (ans?|annees?|mois|semaines)\b"
    r"|(la semaine|le mois|l'an|l'annee|l'ete|l'hiver) (derniere?|passee?)"
    rf"|en ({_MONTH})( dernier)?\b"
    r"|rien de grave|sans gravite|pas de blesses?|plus de peur que de mal"
    r"|autrefois|remonte a (un|une|deux|trois|quelques|plusieurs|\d+) |personne n'a rien"
    r"|personne n'est blesse|paix a son ame|j'ai porte plainte|je suis rentree? chez moi"
    r"|(suite (a|au|aux)|apres|depuis) (avoir (fui|quitte|subi|vecu|eu) )?(son |sa |mon |ma "
    r"|leur |l'"
    r"|un |une |le |la |les |des |mes |ses |de |d')?(avc|accident|incendie|agression|infarctus"
    r"|malaise|inondation|cambriolage|hospitalisation|deces|crise cardiaque|operation|suicide"
    r"|tentative de suicide|violences?|attaque|chute)"
    # the event told as over: "j'ai été victime de violence au travail", "j'ai eu un accident",
    # off work to recover, a sentence served "pour violence"
    r"|j'ai (ete|eu) victime|ancienne? victime"
    r"|j'ai eu (un|une) (accident|avc|infarctus|crise cardiaque|malaise|operation)"
    # someone else's, with when it was: « ma voisine a eu un accident de voiture cet été » (never
    # « il y a eu un accident », an event now)
    r"|(?<!\by )\ba eu (un|une) (accident|avc|infarctus|crise cardiaque|malaise|operation)"
    r"( (de|du|d') ?(la |l')?\w+)? (cet (ete|hiver|automne)|ce printemps|l'an dernier"
    r"|l'annee derniere|le mois dernier|la semaine derniere|il y a )"
    r"|en arret (maladie|de travail)|(prison|peine|condamnation) pour"
    r"|j'ai (encore |presque |bien )?failli|j'ai (bien )?cru (faire|mourir|avoir|que j'allais)"
    r"|sur les nerfs"
    r"|(mdr|lol|ptdr|xd)\b|(prevention|prevenir) (du |le )?suicide|ligne d'ecoute"
    r"|(aide|association|asso|accueil|collectif|maison|centre) (aux|des|pour les) (\w+ )?victimes"
    r"|(memoire|expose|these|cours|formation|conference|sensibilisation|atelier|reportage"
    r"|documentaire|emission)s? (sur|contre) "
    r"(les|la|le|l') ?(violences?|harcelement|suicide|agressions?|dangers?)"
    r"|facon de parler|je plaisante|je rigole|c'est une blague|pour rire|au sens figure"
    # cared for, a routine diagnosis, a drill, a hunting weapon to declare: not a danger now
    rf"|(suivie?|accompagnee?|soignee?) par (un|une|mon|ma|son|sa) ({CARERS})"
    # a lasting after-effect: "mon mari a eu un AVC et ne peut plus se servir de l'ordinateur"
    r"|ne (peut|peux|pouvait|sait) plus (se servir|me servir|utiliser|taper sur)( de| d'| sur)? ?"
    r"(l'|son |sa |ses |mon |ma |un |une )?(ordinateur|ordi|telephone|portable|tablette|clavier"
    r"|souris)"
    r"|ca va mieux|on m'a diagnostique|diagnostiquee?|(ca va,? |mon etat est |c'est )stable\b"
    r"|exercice (d'evacuation|incendie|d'alerte|de securite)"
    r"|fusil de chasse|declarer (l'|une |mon |son |ses )?armes?|permis de chasser"
    r"|en (19|20)\d\d\b"
    # a sentence served, a stay in hospital over: "j'ai purgé ma peine", "sorti de l'hôpital"
    r"|purge (ma|sa|une|leur) peine|(sors|sorti|sortie|sortir) de prison|condamnee? pour"
    r"|(sors|sortant|sorti|sortie|rentree?) de l'hopital|\bet (il |elle )?va (bien|mieux)\b"
    r"|\b(il|elle) va (bien|mieux),? mais\b"  # « un malaise hier, elle va bien, mais … »
    # the help has come and gone ("tout va bien" alone says nothing: "dis-leur que tout va bien")
    r"|(pompiers|secours|gendarmes|policiers) (sont|etaient) "
    r"(repartis|passes|venus|intervenus)"
    # a picture or a story of an event, to check or to talk about: a topic, not a danger
    r"|(video|photo|image|article|publication|post|rumeur|infox)s? (de |d'une? |d'|sur (la |le |une"
    r" |un )?)(fusillade|attentat|meurtre|agression|bombe|explosion|incendie|accident|enlevement))"
)


# Said of now, beside a danger told as over: "il m'a frappée il y a deux ans et il recommence".
AGAIN = re.compile(
    r"\b(encore|toujours|continue\w*|recommence\w*|de nouveau|a nouveau|revenu\w*|depuis (hier"
    r"|ce matin|cette nuit|ce soir))\b"
)


def told_as_past(text: str) -> bool:
    """Strong words told as over and done ("j'ai quitté mon conjoint violent il y a deux ans, tout
    va bien maintenant"): background to a request, no danger nor online-safety need of its own;
    never when the words say it goes on ("il recommence", "encore")."""
    folded = fold_text(text)
    words = FIGURE.sub(" ", folded)
    strong = SEVERE_RE.search(words) or ALARM_RE.search(words)
    return bool(strong and SAFE_NOW.search(folded) and not AGAIN.search(folded))
