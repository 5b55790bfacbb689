"""Strong words that say no danger now: a figure of speech ("ce site va me tuer", "mort de rire"),
a topic ("une formation sur les violences"), a fiction (a game, a film), and self-harm made
conditional on a digital mishap (« me pendre si le site plante encore »: the question only)."""

from __future__ import annotations

import re

from actions.safety.common_words import ACCOUNTS, NO_ONE_BETWEEN, THINGS

# Figures of speech made of strong words: cut out before the words are read ("ce site va me tuer",
# "overdose de séries"), so that only the rest of the message can say danger.
FIGURE = re.compile(
    # a thing that "will kill me", or thrown out of the window: anger at a machine or a form
    rf"\b(({THINGS})s?\b{NO_ONE_BETWEEN} (va|vont|veut|veulent) me tuer"
    rf"|jeter (cet|ce|cette|mon|ma|le|la|l') ?({THINGS})s?\b[^.!?]{{0,12}}par la fenetre"
    r"|(patron|patronne|chef|cheffe|boss|prof|maitresse|manager|comptable)s? (va|vont) me tuer"
    r"|overdose (de |d')(?!medicament|cachet|drogue|heroine|cocaine|alcool|pilule|mon |ma |mes "
    r"|son |sa |ses |notre |nos |leur |leurs |un |une )"
    r"|kidnappee? de mon compte|couteau sous la gorge|(suicide|mort) (social|sociale|numerique)"
    # an idiom or a film's title: « l'arme fatale contre les arnaques », « l'arme absolue »
    r"|(l')?arme (fatale|absolue|secrete|miracle)"
    # an account, an app, a number or a profile « kidnappé », « pris en otage »: hijacked, online
    # safety ("on a kidnappé mon WhatsApp", "mon compte Facebook a été pris en otage")
    rf"|(kidnapp|sequestr)\w* (mon|ma|mes|le|la|les|son|sa|ses|notre|leur) ({ACCOUNTS})\b"
    rf"|\b({ACCOUNTS})\b[^.!?]{{0,40}}\b(kidnapp\w*|sequestr\w*|pris en otage|prise en otage)"
    r"|(prend|pris|prennent|prendre) (mon|ma|mes|le|la|les|son|sa|ses) "
    rf"({ACCOUNTS})\b( \w+){{0,2}} en otage"
    # a task called suicide: "c'est du suicide de faire ma déclaration seule", "ce serait
    # suicidaire d'y aller sans aide", "un suicide commercial"
    r"|(c'est|c|ce serait|ca serait|c'etait|ca a ete|ca reviendrait a faire) (du|un|de la) "
    r"(vrai |pur |veritable |pure )?suicide (de |d')[^.!?]*"
    r"|(c'est|c|ce serait|ca serait|c'etait|ca me semble|ca parait|serait|est) (\w+ )?suicidaire"
    r" (de |d')[^.!?]*"
    rf"|\b({THINGS}|carte grise|impots?|caf)s?\b[^.!?]{{0,60}} (c'est|c|ce serait|ca serait"
    r"|serait) (du|un|de la) (vrai |pur |veritable |pure )?suicide\b"
    r"|suicides? (commercial|commerciaux|financier|professionnel|politique|administratif|fiscal"
    r"|electoral|sportif|mediatique)\w*"
    r"|morte? de (rire|honte|fatigue)|etouffe sous (la|le|les|des|mes|un|une)"
    r"|mourir[\s.…]*(de |d')(honte|rire|fatigue|ennui)"
    # "j'ai envie de mourir tellement ce site de la CAF me rend fou": anger at a thing
    r"|(envie de|veux|voudrais) (mourir|crever)[^.!?]{0,20}\btellement\b[^.!?]*"
    # "je vais finir par me pendre avec le câble de la box tellement ce site est mal fait"
    r"|finir par (me pendre|me tuer|me jeter|me foutre)[^.!?]{0,80}\btellement\b[^.!?]*"
    # "jvais me jeter par la fenêtre si je dois encore scanner ce papier": anger at a chore
    r"|(me jeter par la fenetre|me pendre|me tuer|me flinguer) si (je dois|j'dois|il faut que je"
    rf"|faut que je|on me (demande|fait)) [^.!?]{{0,60}}\b({THINGS}|papiers?|scann\w*|caf"
    r"|impots?|photocopie\w*)\b[^.!?]*"
    rf"|me pendre avec (le|un|mon) (cable|fil)s? (de |du |d')(la |l'|mon |ma )?({THINGS})"
    # a thing that makes one want to jump or die: anger again
    rf"|({THINGS})s?\b{NO_ONE_BETWEEN} (me donne|donne|me donnent|donnent) envie de (me jeter"
    r"|mourir|me tuer|me pendre|tout casser)[^.!?]*"
    # a trade, a drill or a topic named by a strong word: "sécurité incendie", "une séance sur
    # les violences en ligne", "une scène d'incendie", "un couteau de chasse" bought online
    r"|(securite|prevention|formation|exercice|risques?|detecteurs?|alarmes?|brigade|agent)s? "
    r"(incendie|contre l'incendie)"
    r"|scenes? d'(incendie|accident|agression|violence|explosion)"
    r"|\b(sur|contre|autour de|a propos de|de lutte contre) (la |les |le |l')?(cyber-?)?"
    r"(violences?|harcelement|agressions?|suicides?|incendies?|enlevements?)\b"
    r"|couteaux? (de (chasse|cuisine|poche|boucher|pain)|suisses?)"
    # a device "in danger" (a scareware pop-up), a screen gone blue, a cry at a machine
    rf"|({THINGS}|appareil|compte)s? (est |sont )?en danger"
    r"|(donnees|infos|informations|comptes?|photos|fichiers|mots? de passe|identifiants)\b"
    r"[^.!?]{0,40}(sont|est|soient|soit|etre) en danger"
    r"|ecran (devient|est|tout|qui devient) (tout )?bleu"
    rf"|au secours,? (mon|ma|mes|le|la|ce|cet|cette) ({THINGS})"
    r"|arme de destruction massive"
    # a device that died: "mon téléphone est mort", "mon portable a rendu l'âme" (no one's death)
    rf"|\b({THINGS}|smartphone)s? (est |sont |a |m'a |vient de )?(completement |definitivement "
    r"|totalement )?(mort|morte|morts|mortes|rendu l'ame|creve|crevee)\b"
    # a machine or a bill with a stroke: "mon ordi a fait un AVC", "crise cardiaque en vue"
    rf"|({THINGS}|facture)s?\b{NO_ONE_BETWEEN} (a fait|fait|a eu|fais) (un |une )?(malaise|avc"
    r"|infarctus|crise cardiaque|arret cardiaque|overdose)"
    r"|(crise cardiaque|infarctus|avc|attaque) en vue"
    # a shock at a price or a screen: "j'ai fait une crise cardiaque en voyant le prix"
    r"|(crise cardiaque|infarctus|avc|attaque)s? (en voyant|quand j'ai vu|devant|a la vue)"
    # the thing thrown, not the person: "me jeter par la fenêtre avec cette tablette"
    rf"|(me jeter|sauter) par la fenetre avec (cet|ce|cette|mon|ma|mes|le|la|l') ?({THINGS})"
    # a risk asked about after something online: "j'ai payé sur le lien du SMS, je suis en danger ?"
    r"|\b(sms|mail|lien|site|colis|arnaque|code|carte bancaire|compte|paye|pirat\w*|virus)\b"
    r"[^?]{0,120}(je suis|suis-je|est-ce que je suis|on est) en danger\s*\?"
    # violence in a game or on a screen: "GTA, plein de violence"
    r"|\b(jeux?|film|serie|dessins? animes?|videos?|clip|gta|fortnite|call of duty)\b[^.!?]{0,40}"
    r"(plein de violence|trop de violence|trop violente?s?|tres violente?s?)"
    # a harm named by a strong word: "tout en ligne, c'est une violence pour les vieux"
    r"|(c'est (une|de la) |(une|de la) (vraie|veritable|pure) )violence"
    # anger at the next one who says a thing: "je vais étrangler le prochain qui me dit…"
    r"|(tuer|etrangler|buter|trucider|massacrer|frapper|egorger) (le prochain|la prochaine"
    r"|le premier|la premiere) qui"
    r"|(videos?|images?|contenus?|scenes?) (de |d')(violence|guerre|attentats?)"
    # data or accounts "in danger" after a leak: "une fuite de données, est-ce que je suis en
    # danger ? comment protéger mes comptes"
    r"|\b(fuite|vol) de (donnees|mots de passe|identifiants)[^.!?]*"
    # the news read or seen: "j'ai lu qu'un chatbot avait poussé un ado au suicide"
    r"|(j'ai lu|lu (dans|sur) (le|la|les|un|une)|vu (aux|a la) (infos|tele|television)"
    r"|(vu|lu|vue|partage|circule) sur (facebook|fb|internet|les reseaux( sociaux)?|tiktok"
    r"|insta\w*|whatsapp|twitter|snap\w*|youtube) (que |qu')"
    r"|entendu (parler )?(a la radio|aux infos|a la tele|au journal)"
    r"|aux infos|dans (le|les) journa(l|ux)|dans la presse"
    r"|(vu|regarde|entendu) (un|une|le|la|ce|cette) (reportage|documentaire|emission|article))"
    r"[^.!?]*"
    # "un intervenant pour parler aux parents du cyberharcèlement et des violences en ligne"
    r"|\b(parler|sensibiliser|informer|prevenir|intervenant|intervention|atelier|conference)\b"
    r"[^.!?]{0,40}\b(de|du|des|sur|aux) (la |les |le |l')?(cyber-?)?(violences?|harcelement"
    r"|agressions?|suicides?)\b(,? et (des |les |la |le )?(cyber-?)?(violences?|harcelement"
    r"|agressions?)\b)?"
    # the people an association works with: "une association qui accompagne des femmes victimes
    # de violences"
    r"|\b(accompagn\w*|aid\w*|soutien\w*|accueill\w*|association|asso|structure|foyer|centre)\b"
    r"[^.!?]{0,60}\bvictimes? (de |des |d')?(violences?|agressions?|harcelement)( conjugales?"
    r"| sexuelles?| intrafamiliales?)?"
    # hearsay the writer wants to check: "on dit sur Facebook que l'eau est empoisonnée, comment
    # vérifier ?", "une chaîne WhatsApp dit qu'un enfant a été enlevé, c'est une rumeur ?" — the
    # reported words are a rumour, not what happens to the writer (a threat received stays one)
    r"|(?=[\s\S]*\b(rumeur|fausse info|fake|intox|vrai ou faux|verifi|canular|desinformation|hoax))"
    r"(on dit|on raconte|il parait|(quelqu'un|un voisin|une voisine|chaine|rumeur|message|post"
    r"|video|publication|article|infos?"
    r"|journal|journaux|tele|radio|gens|reseaux)s? "
    r"(\w+ ){0,3}(dit|disent|raconte|racontent|affirme|affirment|pretend|pretendent))"
    r"( \w+){0,4} (que|qu'|qu(?=il|elle|on|un))[^.!?]*)"
)

_WEAPON = r"\b(une|mon|ma|son|sa|des|mes|ses|nos|leurs?|l'|les|cette|cet)? ?armes?\b"
_SCAM_PAYMENT = r"(bitcoins?|crypto\w*|rancon|cartes? (cadeau|pcs|transcash|neosurf)|paysafecard)"

# Strong words said of a chore or of life online, cut out before the tiers are read but without
# settling the rest of the message (a figure above weighs a severe wording down; these do not:
# « ce site me rend fou, et mon coloc se taillade les bras » is still danger).
VENTING = re.compile(
    # someone « in danger » online: online safety (« elle est en danger sur internet, je veux un
    # contrôle parental »)
    r"\ben danger (sur internet|en ligne|sur (les )?reseaux( sociaux)?|sur (tiktok|facebook|fb"
    r"|snap\w*|insta\w*|youtube|whatsapp|discord|roblox|fortnite|les ecrans)|avec (internet"
    r"|les ecrans|son telephone|sa tablette|les reseaux( sociaux)?))"
    # a thing that kills, maddens: « ça me tue ces mots de passe », « ce captcha me rend fou, je
    # vais tout casser » (anger at a chore)
    r"|\b(ca|cela) me tue\b"
    rf"|({THINGS})s?\b{NO_ONE_BETWEEN} me (rend|rendent) (fou|folle|dingue|chevre|zinzin)"
    r"(,? (et )?(je vais|jvais|j'vais|je vais finir par) (tout casser|peter un cable|craquer))?"
    # a weapon named as what a procedure is about (« déclarer mon arme de chasse sur le SIA »,
    # « une arme de collection à enregistrer en ligne »): the rest still says if one is drawn
    rf"|\b(declarer|declaration|enregistrer|enregistrement)\b[^.!?]{{0,30}}{_WEAPON}"
    rf"|{_WEAPON}[^.!?]{{0,40}}\b(a declarer|a enregistrer|(je|on|il|elle) (dois|doit|dois faire"
    r"|doit faire) (la |sa |ma |une )?declaration|sia)\b"
    # a death threat sent to be paid in crypto or a ransom (« un sms de menace de mort qui
    # demande des bitcoins »): a scam, online safety (its own reply: actions/situation_first.py)
    rf"|menaces? de mort(?=[^.!?]{{0,100}}\b{_SCAM_PAYMENT})"
    rf"|\b{_SCAM_PAYMENT}[^.!?]{{0,100}}\bmenaces? de mort"
)


# The strong words are about a fiction (a game character, a film, a costume): no danger at all.
FICTION = re.compile(
    r"\b((mon|ma|son|notre|le|un) (personnage|perso|avatar)\b|jeux? video|dans (le|un|mon) jeu\b"
    r"|en plastique|cosplay|deguisement|(film|serie|roman|bd|manga|court-?metrage|long-?metrage"
    r"|clip|podcast) (d'horreur|policier|de guerre)|\btournage\b|\bscenario\b"
    r"|\b(polar|thriller)\b"
    r"|(j'ecris|ecrire|j'ai ecrit) (un|une|mon|ma) (roman|nouvelle|livre|histoire)"
    r"|(je|il|elle) joue (un|une|le role|le personnage)|piece de theatre)"
)


# Self-harm made conditional on a digital mishap (« je vais me jeter par la fenêtre si ce
# formulaire plante encore », « je vais me pendre si le site bugue encore »): most often a figure,
# but it speaks of self-harm — the short question (« Êtes-vous en danger en ce moment ? », with
# the numbers), the request kept; never the full emergency message, never nothing. A chore as the
# condition (« si je dois encore scanner ce papier ») is ``FIGURE``'s.
_MISHAP = (
    r"plante\w*|bug\w*|beugu?\w*|marche (pas|plus)|fonctionne (pas|plus)|erreur|rame\w*"
    r"|bloque\w*|refuse\w*|crash\w*|mouline\w*|deconnect\w*|redemande|recommence\w*"
)
_SELF_HARM_WORDS = (
    r"\b(me jeter (par|de|du|sous) (la |le |l'|un |une |mon |ma )?\w+|me pendre|me tuer"
    r"|me flinguer|me tirer une balle|me foutre en l'air|me suicider|en finir"
    r"|sauter (par|de|du) (la |le )?\w+) si\b"
)
_FAILING = rf"({THINGS}|caf|impots?|ameli|retraite|banque|connexion|page|captcha|code)s?"
SELF_HARM_IF_A_MISHAP = re.compile(
    rf"{_SELF_HARM_WORDS}[^.!?]{{0,80}}\b{_FAILING}\b[^.!?]{{0,60}}\b({_MISHAP})\b[^.!?]*"
    rf"|{_SELF_HARM_WORDS}[^.!?]{{0,40}}\b({_MISHAP})\b[^.!?]{{0,60}}\b{_FAILING}\b[^.!?]*"
)
