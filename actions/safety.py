"""Is someone in danger now? The safety reading of a message, before anything else.

Two tiers of wordings, on folded text (lower case, no accents):
- ``SEVERE``: danger reads from the words alone (a weapon, someone not breathing, a suicide plan,
  someone forcing the door). The emergency numbers come first, whatever else the message asks.
- ``ALARM``: strong words that ordinary requests use too ("au secours", "vite", "urgent",
  "en danger", "noyé", "suivi par un"…). They mean danger only when the message states no digital
  need: "au secours on m'a piraté mon compte" is a request about online safety, "au secours" alone
  is not.

Meaning is the third signal (``actions.danger``): a message whose sentence vector reads as danger
("j'ai écrit mes lettres, merci pour tout") weighs like the alarm tier. Words that say the danger
is over or is a figure of speech ("l'an dernier", "rien de grave", "le couteau sous la gorge",
"mdr", a line against suicide) make the severe tier weigh like the alarm tier too.

The NLU's ``emergency`` intent is the fourth signal (``actions.actions.ActionEmergency``): when it
fires with no wording of either tier and no need, the assistant asks once whether the person is in
danger now, with the numbers, and keeps the request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from actions import child_danger, danger
from directory_client import labels, phones
from directory_client.french_dates import MONTHS

# People who care for someone: "suivie par une psy" is care, not being followed.
_CARERS = "psy|psychologue|psychiatre|medecin|therapeute"

# A thought, a wish or a plan (« je pense à », « j'ai envie d' », « l'idée de », « je songe
# sérieusement à »), then the end of one's life (``_ENDING_LIFE``): suicidal thoughts said now.
# Never « je vais mourir avec cette déclaration » (a prediction, a figure) nor « j'ai hâte d'en
# finir » (a chore done).
_THOUGHT_OF = (
    r"\b(pense|pensais|penser|songe|songeais|songer|reflechis) (serieusement |souvent |parfois "
    r"|de plus en plus |vraiment |beaucoup |encore )?(a |au fait d'|au fait de )"
    r"|\b(envie|idees?|tentee?|tentation|decidee?|prete?) (serieusement |vraiment |juste )?"
    r"(de |d'|a )"
    r"|\b(veux|voudrais|voulais|aimerais|prefererais|compte) (juste |vraiment |bien )?"
)
# The end of one's life: « en finir » alone or with life (never « en finir avec ce dossier »),
# « mettre fin à ma vie », « me tuer », « mourir », « ne plus être là ».
_ENDING_LIFE = (
    r"en finir(?! avec (?!(la vie|tout|ma vie|moi|l'existence|mes jours|cette vie)\b))"
    r"|mettre fin a (ma vie|mes jours|mon existence|ma propre vie|tout)\b"
    r"|me (tuer|suicider|supprimer|pendre|foutre en l'air)\b"
    r"|mourir\b(?! (de|d') )|disparaitre (pour toujours|pour de bon|a jamais|definitivement)"
    r"|(ne )?plus (etre la|me reveiller|vivre)\b"
)
# Anger at a chore, not a wish to die: « envie d'en finir à chaque fois que je vois ce site ».
_EVERY_TIME = r"(?![^.!?]{0,30}\b(a chaque fois|chaque fois|des que je)\b)"
SUICIDAL_THOUGHT = rf"(?:{_THOUGHT_OF})(?:{_ENDING_LIFE}){_EVERY_TIME}"  # ``situations.SUICIDE``'s
_PILLS = (
    r"pilules|cachets|medicaments|comprimes|somniferes|gelules|anxiolytiques|antidepresseurs"
    r"|doliprane|dafalgan|paracetamol|lexomil|xanax|tranxene|seresta|stilnox|boite"
)

SEVERE: tuple[str, ...] = (
    r"suicid\w*",
    r"veut me tuer",
    r"menace de mort",
    r"mettre fin a mes jours",
    # A wish to die, said beside a request ("je veux mourir, la caf m'a coupé le RSA"): the 3114
    # first (round 17's tester); "je vais mourir avec cette déclaration" stays a figure.
    r"(je |j')?(veux|voudrais|ai envie de|avais envie de) (juste )?(mourir|crever"
    r"|disparaitre pour toujours)\b",
    r"(veux|voudrais|vais) en finir(\s*[.!,?]|\s*$| avec (la vie|tout|ma vie)\b)",
    r"(plus|pas) envie de vivre",
    r"veux plus vivre",
    r"me frapp\w*",
    r"m'a (deja |souvent |encore )?frapp\w*",
    r"me bat\b",
    r"battue?",
    r"violences?",
    r"viole?e?\b",
    r"ne respire plus",
    r"il y a le feu",
    r"crise cardiaque",
    r"trop de medicaments",
    r"avale des medicaments",
    r"idees noires",
    r"ne reagit plus",
    r"saigne\w*",
    r"je suis enfermee?",
    r"(fils|fille|enfant|bebe|mari|femme|mere|pere) a disparu",
    r"urgence (vitale|medicale)",
    r"(veux|voudrais) (plus|pas) etre la",
    r"disparaitre pour toujours",
    r"(la force|envie) de vivre",
    r"sauter (par|de) la fenetre",
    r"me jeter (du|sous)",
    r"se jeter (du|sous|d'un|par|dans)",  # someone said they will: "il va se jeter sous un train"
    r"plus (jamais )?besoin (apres |des |a partir de )?(ce soir|cette nuit|demain)",  # giving away
    r"(je )?ne sens plus (mes|mon|ma) (pieds|mains|jambes|bras|doigts|visage)",
    r"(bloquee?|piegee?) dans (ma|la|sa|une|notre) voiture",
    r"l'eau (arrive|monte) (aux|a la|au|jusqu)",
    r"(me|nous) (retient|retiennent|garde|gardent) (enfermee?s?|prisonniere?s?)",
    r"(bebe|enfant|fils|fille|petit|petite)\b.{0,40}\b(enfermee?|coincee?|bloquee?) dans (la|une|ma"
    r"|sa|notre) voiture",
    r"je suis (gravement |tres )?blessee?\b",
    r"dans (le|un) fosse",
    r"me jeter (par|de) (la|le|mon|ma) (fenetre|balcon|pont|toit)",
    r"me fait du mal",
    r"me faire du mal",
    r"il me tape(?! sur)",
    r"me tape dessus",
    r"me frape",
    r"tomb(?:e|ee|es|ees|er|ent) .{0,40}(repond|bouge|releve)",
    r"se releve (pas|plus)",
    # round 16, from set AE's misses, in general forms: a weapon being fetched, a threat at the
    # door, lost outdoors at nightfall, a birth on the road
    r"(parti|partie|alle|allee|va|vient de|est en train de) (chercher|prendre|sortir) "
    r"(son|sa|un|une|le|la) (fusil|carabine|arme|pistolet|revolver|couteau|hache)",
    r"(a|vient de) (sorti|pris|prendre|sortir) (son|sa|un|une|le|la) (fusil|carabine|arme|pistolet"
    r"|revolver|couteau|hache)",
    r"(dit|menace) qu'(il|elle)s? (monte|va monter|montera|entre|va entrer|rentre|va rentrer"
    r"|va (defoncer|casser|enfoncer|forcer) la porte)",
    r"(je suis|on est|nous sommes|il est|elle est) (perdue?s?|egaree?s?|bloquee?s?) "
    r"(en|dans (la|les|une|un|le)) (montagne|foret|bois|neige|mer|grotte)",
    r"accouche (dans|sur|ici|a la maison|chez|en)\b",
    r"cambriol\w*.{0,40}encore",
    r"(essaie|essaye|tente|veut) de (rentrer|entrer) chez moi",
    r"accident grave",
    r"y a eu un accident",
    r"(douleur|mal) (dans|a) la poitrine",
    r"(plus|pas) a respirer",
    r"peux plus respirer",
    r"ouvert la tete",
    r"grave(ment)? blesse",
    r"fumee partout",
    r"fuite de gaz",
    r"odeur de gaz",
    r"(fais|fait) (frapp|batt)\w*",
    r"feu dans",
    r"peur pour ma vie",
    # not a threat to put photos or messages online (no body in danger: the 3018, the 3919 for a
    # partner, beside the places: ``actions.helplines``)
    # ... nor when a few words come between ("me menace sur whatsapp de publier mes photos")
    r"(ex|mari|conjoint|copain|voisin|il|elle) me menace\w*(?!(?: [\w']+){0,4}? (de|d') ?(publier"
    r"|diffuser|partager|poster|mettre|envoyer|montrer|balancer|afficher|faire circuler)\b)",
    r"foutre en l'air",
    r"une corde",
    r"avaler (toutes|tous) mes",
    r"ouvrir les veines",
    r"me pendre",
    r"m'a enfermee?",
    r"m'enferme\b",
    r"etrangl\w*",
    r"une arme\b",
    r"me poursui\w* (dans|partout|avec)",
    r"force ma porte",
    r"(homme|quelqu'un) chez moi qui",
    r"sequestr\w*",
    r"(est|suis) inconsciente?\b",
    r"evanoui\w*",
    r"ne se reveille (pas|plus)",
    r"convuls\w*",
    r"respire (mal|pas bien)",
    r"avale (du|un|de la) produit",
    r"bu (de la javel|un produit|du produit)",
    r"sens plus mon bras",
    r"brulee? gravement",
    r"sent le gaz",
    r"est en feu",
    r"maison brule",
    r"accident de (voiture|la route)",
    r"touchee? de force",
    r"appelez (le 15|le 17|le 112|la police)",
    r"police vite",
    r"sang partout",
    r"le feu a pris",
    r"mari me tape(?! sur)",
    r"(homme|type|mec) me suit",
    r"(quelqu'un|un homme|des gens|ils) (est|sont) (entre|rentre)s? chez moi",
    r"douleur au coeur",
    r"(il|elle) respire plus",
    r"(il|elle) (ne )?(repond|bouge) plus\W*$",
    # A person gone cold is unresponsive now (set AR: « mon mari diabétique est tout froid et ne
    # me répond plus »): said of someone, never of a thing.
    r"(mari|femme|epoux|epouse|compagnon|compagne|pere|mere|papa|maman|fils|fille|bebe|enfant"
    r"|frere|soeur|voisine?|il|elle)\b[^.!?]{0,30}\b(est|etait) (tout|toute|tres) (froid|froide"
    r"|glace|glacee)\b",
    r"avale des cachets",
    r"toute la boite de medicaments",
    r"scarifi\w*",
    r"m'a casse (le|la|les)",
    r"a ete enleve\w*",
    r"kidnapp\w*",
    r"tomb(?:e|ee|es|ees|er|ent) dans la piscine",
    r"monoxyde",
    r"(tout|toute) bleue?\b",
    r"levres bleues",
    r"devient bleue?\b",
    r"s'etouff\w*",
    r"j'etouffe",
    r"(il|elle|qui) (ne )?se reveille (pas|plus)",
    r"(perdu|perdre|perd) connaissance",
    r"allongee? par terre",
    r"avale (une pile|une piece|de la mort)",
    r"mort aux rats",
    r"alcool a bruler",
    r"tomb(?:e|ee|es|ees|er|ent) (du|d'un|de la|par la) (balcon|toit|fenetre|echelle)",
    r"(enfant|fils|fille|bebe|petit)\b.{0,20} a disparu",
    r"perdu mon (petit|fils|fille|enfant)\b",
    r"(trouve|retrouve) (plus|pas) mon (fils|fille|enfant|petit|bebe)",
    r"bouche de travers",
    r"(bouge|sens) plus (le|son|sa|mon|ma) (bras|jambe)",
    r"(crache|vomi\w*) du sang",
    r"(visage|gorge|langue) (qui )?(gonfle|enfle)",
    r"coincee? dans (ma|la|sa|une) voiture",
    r"fait renverser",
    r"a pris feu",
    r"le feu est\b",
    r"chaudiere.{0,60}(mal a la tete|vomir)",
    r"(mal a la tete|vomir).{0,60}chaudiere",
    r"l'eau monte",
    r"par le cou",
    r"(il|elle) (la|le) frappe",
    # a partner hitting someone, said of the writer or of another: "son compagnon la frappe",
    # "mon mari me cogne" (present)
    r"(mon|ma|son|sa|notre|leur) (mari|ex|conjoint|conjointe|compagnon|compagne|copain|copine"
    r"|concubin|concubine|femme|epoux|epouse|petit ami|petite amie) (la |le |me |m'|nous |les )"
    r"(frappe|bat|cogne|tabasse|etrangle|gifle|brutalise)\b",
    r"coups de (pied|poing)",
    r"me touche (la nuit|de force|partout)",
    r"attouchement\w*",
    r"violer",
    r"me suit jusqu",
    r"(casser|defoncer|enfoncer) (ma|la) porte",
    r"veut la casser",
    r"cambrioleurs? (sont|est) (chez moi|la|dans)",
    r"homme arme\b",
    r"ca tire dans",
    r"coups de feu",
    r"tout arreter pour de bon",
    r"vie n'a plus de sens",
    r"sauter (du|par le|de mon|d'un) (balcon|pont|toit)",
    r"prepare (les|mes) (medicaments|cachets)",
    r"plus me reveiller",
    r"se tuer",
    r"(bebe|enfant|fils|fille|mari|femme|pere|mere) (ne )?respire (plus|pas)\b",
    # an adult meeting a child they groomed online: "un adulte a donné rendez-vous à ma fille"
    r"(adulte|homme|inconnu|majeur)[^.!?]{0,40}(donne|fixe|propose) (un )?rendez-vous "
    r"a (ma|mon|notre) (fille|fils|enfant|petite|petit)",
    r"appelez (le 18|le 112|le 114|le 119|les pompiers)",
    r"(veux|vais|voudrais|envie de|va) me tuer",
    r"forcer? (ma|la) porte",
    r"en train de (forcer|casser|defoncer|entrer|rentrer|me frapper|la frapper|le frapper)",
    r"(m'|on m'|se fait |suis |est )agress\w*",
    r"cambrioleurs? (dans|chez)",
    r"(je suis|on est|nous sommes) cachee?s?",
    r"(mere|pere|mari|femme|fils|fille|grand-?mere|grand-?pere|voisine?)\b.{0,40}"
    r"ne (repond|decroche) plus",
    r"(je suis|suis|sommes|est|sont) en danger(?! de)",
    r"appel\w* (vite )?(les secours|la police|les pompiers|le samu)",
    r"fumee (sort|qui sort|partout|noire)",
    r"(sert|servirait|servira) (a )?rien de (continuer|vivre)",
    r"(plus|pas) (la force|envie) de continuer",
    r"continuer a vivre",
    r"(fils|fille|enfant|petit|bebe)\b.{0,60}(pas rentree?|trouve nulle part|introuvable)",
    # Farewells and plans (veiled words for suicide).
    r"derniere fois que (j'ecris|je vous ecris|je parle)",
    r"(c'est|c) (le|mon) dernier message",
    r"(veux|vais|voudrais) en finir(?! avec)",
    r"(il|elle) a dit que.{0,60}(je (le )?paierai|je vais (le )?payer|tu vas (le )?payer)",
    r"dites? a (ma|mon|mes) \w+ que je (l'|les )aime",
    r"(n'aura|aura) plus (d'|aucune )importance (demain|ce soir|bientot)",
    r"(main|bras|jambe) (gauche|droite) ne (repond|bouge) plus",
    r"je vois double",
    # Créole (Antilles, Guyane, La Réunion): "i tonbé atè", "i pa ka palé ankò".
    r"tonbe ate",
    r"pa ka (pale|respire|repon) anko",
    r"personne (ne )?va me regretter",
    r"(ecrit|laisse|prepare) (les|des|une|mes|ma) lettres? (pour|a) (mes|ma|mon|ceux|tou)",
    # "j'ai écrit ma lettre", "mes dernières lettres" — not "ma lettre de motivation".
    r"(ecrit|laisse|prepare) (mes|ma) (dernieres? )?lettres?\b"
    r"(?! (de|d'|pour (le|la|l'|mon|ma|un|une)))",
    r"(demain|ce soir|cette nuit|bientot) je (ne )?serai plus la",
    # "tout effacer avant ce soir, après je ne serai plus là de toute façon"
    r"(apres|ensuite|de toute facon)[^.!?]{0,20} je (ne )?serai (bientot )?plus la\b",
    r"je (ne )?serai (bientot )?plus la de toute facon",
    r"c'est prevu pour (ce soir|cette nuit|demain)",
    r"(il|elle) (dit|a dit|m'a dit) que.{0,80}(me tue|me tuer|me tuera)",
    r"faire une (betise|connerie) ce soir",
    r"(cachets|medicaments|pilules|comprimes) devant moi",
    r"(pris|avale|prendre) \d+ (doliprane|dafalgan|comprimes|cachets|pilules|medicaments|"
    r"paracetamol|somniferes)",
    # a whole box swallowed: "je viens d'avaler toute la boîte de somnifères"
    r"(avale|pris|vide)\w* (toute |tout |toutes )?(la |une |ma |les |mes )?"
    r"(boite|plaquette|tube|flacon)s? (de |d'|entiere)",
    # just now, by someone: "mon copain vient de me pousser dans l'escalier"
    r"(vient|viennent) de me (pousser|bousculer|jeter|etrangler|gifler|cogner|taper|tabasser)",
    # at the door and trying to get in; riding along with the writer and staring, right now
    r"(essaie|essaye|tente) d'(ouvrir|entrer|forcer)\b",
    r"(essaie|essaye|tente) de (l'|la )?(enfoncer|defoncer|casser|forcer)\b",
    r"dans (le meme|mon) (bus|train|metro|tram|wagon)[^.!?]{0,40}\b(maintenant|me fixe|me regarde"
    r"|me suit)",
    r"tomb(?:e|ee|es|ees|er|ent) dans les pommes",
    r"\ben sang\b",
    # set O's misses, in general forms: poison taken by mistake, water coming in now, held until
    # a debt is paid, someone collapsing, a cry for help heard, a veiled farewell, purpura
    r"(produit|poison|granules?) (pour|contre) les (rats|souris|limaces)",
    r"(mange|mangee?|manger|avale) des champignons[^.!?]{0,80}(vomi\w*|malade|tient plus|pale)",
    r"(l'eau|la mer|la riviere) (rentre|entre|monte) (dans|chez)",
    r"toit (vient de partir|s'est envole|arrache|s'envole)",
    r"(prise?s?|coincee?s?|bloquee?s?) dans l'eau",
    r"courant (nous|les|la|le|l'|m'|me) ?(pousse|emporte)",
    r"(veulent|veut) (pas|plus) (me|nous) laisser (partir|sortir)",
    r"(vient|viens) de s'effondrer|s'est effondree?",
    r"(appelle|appeler|crie|crier|hurle|hurler) au secours",
    r"(plus|pas) (etre )?un poids pour",
    r"j'ai (avale|pris) ce qu'il (fallait|faut)",
    r"taches (violettes|violacees)",
    r"\b4[1-2]([,.]\d)? de fievre",
    r"(vient|viens|viennent) d'avoir un accident",
    # what is happening, not a grave thing named: "il fait un malaise", "elle est empoisonnée"
    r"(fait|fais|font|faire|est en train de faire|en train de faire) (un |une )?(malaise|avc"
    r"|infarctus|overdose|crise d'epilepsie|crise cardiaque|arret cardiaque)",
    r"se (tirer|mettre) une balle",
    r"(couteau|pistolet|fusil|arme)s?\b[^.!?]{0,30}\b(sous la gorge|pointee?|braquee?|sur (moi|nous"
    r"|lui|elle|ma|mon))",
    r"(avec|sort|sorti|a sorti|brandit|tient) (un|une|son|sa|le|la) (couteau|pistolet|fusil|arme)",
    r"(a|ont|j'ai|il a|elle a) (ete )?(electrocut|empoisonn)\w*",
    r"(les |des |en )?flammes (partout|dans|sortent|montent)",
    r"(le |en )?feu (partout|dans (la|le|l'|ma|mon)|chez)",
    r"\b(contractions) (toutes les|rapprochees|tres fortes)",
    # drugged, or out in the freezing cold with its signs
    r"(on|il|elle|ils) m'?(a|ont) drogue",
    r"m'(a|ont) mis (quelque chose|un truc|de la drogue|un produit) dans (mon|ma) (verre|boisson)",
    r"(dors|dormir|dormi|passe la nuit) (dans (ma|la|une|sa) voiture|dehors|a la rue)[^.!?]{0,80}"
    r"(-\d+|sens plus|gele|glace|tres froid)",
    r"(ecrit|dit|envoye|laisse) (un )?adieu",
    # Someone in danger from another.
    r"(fille|fils|enfant|ado|niece|neveu|petite?-(fille|fils)|soeur|frere|\d{1,2} ans)\b.{0,60}"
    r"parti\w* avec (un|une) (homme|femme|inconnue?|adulte)",
    r"coups? (dans|sur) (le|mon|son) ventre",
    r"me fait des choses",
    r"(vont|va|allaient|veulent|voulaient) me (planter|buter|descendre|tabasser|defoncer|crever)",
    # Round 17's development set: a threat at the door, someone beaten right now, Réunion Creole
    # ("li menas amwin", "la pran in kouto": he threatens me, he took a knife)
    r"(va|vais|veut|vont|allait|voulait) (me|nous|lui|la|le) faire la peau",
    r"(est|sont) en train de (la |le |les |me |nous |l')?(tabasser|frapper|battre|cogner|etrangler"
    r"|taper dessus)",
    # Someone beaten as the person writes, however spelt: "ya un gamin qui se fait tabassé
    # derrière le gymnase" (set AQ), "il se fait frapper là maintenant"
    r"\bse (fait|font) (tabass|lynch|defonc)\w*",
    r"\bse (fait|font) (frapp|agress|battre|taper dessus)\w*.{0,60}\b(maintenant|en ce moment"
    r"|la tout de suite)\b",
    r"\bli menas\w* (amwin|amoin|mwen|moin|anou)",
    r"\b(pran|prann|sorti|tyenbo|tienbo) (in|un|son|le) kouto",
    r"accident\b.{0,80}\b(bouge|respire|repond) (pas|plus)",
    # A last message, the means ready, the place chosen.
    r"(ecrit|envoye|laisse) (mon|mes|un) derniers? messages?",
    r"la corde (est )?(prete|attachee|accrochee|installee)",  # "une corde" is read above
    r"(au bord|sur le bord) (de la|du|des) (voie ferree|rails|falaise|precipice|vide)",
    r"\bsur les rails\b",
    # Someone writes under control: the words are read, the answer must look like something else.
    r"(lit|surveille|controle|regarde|verifie) tout ce que j'ecris",
    r"(repondez|reponds|faites|fais) comme si (c'etait|vous etiez|tu etais)",
    # Set H's misses, in general forms: something thrown at someone, sudden signs of a stroke, a
    # farewell with the means ready, a threat at the door.
    r"(jete|lance|balance)\w*( \w+){0,4} (a la figure|a la tete|au visage|sur moi)",
    r"(d'un coup|soudain\w*|tout a coup)\b.{0,60}\b(flou|ne (peux|peut|arrive) plus (a )?(parler"
    r"|bouger|taper|lever|ecrire))",
    r"\b(flou|ne (peux|peut|arrive) plus (a )?(parler|bouger|taper|lever|ecrire))\b.{0,60}"
    r"\b(d'un coup|soudain\w*|tout a coup)",
    r"mal de tete (enorme|atroce|terrible|horrible|violent|insupportable)",
    r"voulais (juste )?que (quelqu'un|vous|qqn) (le )?sache",
    r"(ecrit|laisse|prepare) les lettres\b(?! (de|d'))",
    r"ce qu'il faut (dans|pour)\b.{0,30}(pharmacie|medicaments|cachets|en finir)",
    r"(prepare|pris|achete|accroche|attache|sorti) la corde",
    r"(plus|aucune) (de )?raisons? de (continuer|vivre|rester)",
    r"ouvert (le|les robinets? du|la bouteille de) gaz",
    r"(photo|video) de (ma porte|ma maison|mon immeuble|chez moi)",
    # Followed in the street now: "il me suit en voiture et je cours" (not "sur Instagram").
    r"(il|elle|ils|quelqu'un|un homme|une voiture) me (suit|suivent)"
    r"(?! (sur|depuis des|partout sur|en ligne|de ses|avec ses))\b",
    # In English, the unambiguous words (a message in English is read the same way).
    r"(is|are|s|re) (breaking|broken) in",
    r"(kill|hurt) (myself|herself|himself)",
    r"(want|going|wanna) to (die|end it)",
    r"(can't|cannot|can not) breathe",
    r"('s| is| are|'re) (hitting|beating|choking|strangling|hurting) (me|her|him|us|my)\b",
    r"call (an ambulance|the police|911|112)",
    r"(just |has |have )?collapsed|(not|stopped|isn't|is not) breathing",
    # Set W's misses, in general forms: a decision to die, a farewell posted, held in a room,
    # the signs of someone failing.
    r"(decide|decidee|pret|prete) (d'|a )en finir",
    r"en finir (ce soir|cette nuit|aujourd'hui|maintenant|tout de suite)",
    r"messages? d'adieu",
    r"on me (retient|sequestre|garde enfermee?)",
    r"(on m'a|ils m'ont|il m'a|elle m'a) (enferme|sequestre)\w*",
    r"(je suis|suis|on est|nous sommes) (enfermee?s?|sequestree?s?|bloquee?s?) dans "
    r"(une|la|ma|un|le) (chambre|piece|cave|appartement|maison|local|garage)",
    r"levres (bleues|bleutees|violettes)",
    r"(pas|rien) (mange|bu) depuis \d+ jours",
    # Round 15's development sets' misses, in general forms: danger beside a digital request —
    # afraid to go home to a threat, smoke coming in, fumes from a heater with their signs, a child
    # left alone, a baby failing, a cry heard, someone down and grey, too many pills taken.
    r"peur de rentrer (chez moi|chez nous|a la maison)|peur de rentrer\s*[,.!]",
    r"(photos?|images?|videos?) (de|d'|avec) (ses )?(couteaux?|armes?|pistolets?|fusils?)",
    r"fumee (qui )?(rentre|entre|passe|arrive|monte) (sous|par|dans)",
    r"(chaudiere|chauffe-eau|poele|brasero|chauffage d'appoint|groupe electrogene)\b.{0,80}"
    r"(mal a la tete|vomi\w*|nausee)",
    r"(mal a la tete|vomi\w*|nausee)\b.{0,80}(chaudiere|chauffe-eau|poele|brasero"
    r"|chauffage d'appoint|groupe electrogene)",
    r"laissee?s? (tout |toute )?seule?s? depuis (hier|avant-hier|ce matin|\d+|deux|trois)",
    r"ne se reveille (presque|quasiment|plus vraiment|a peine)",
    r"(bebe|nourrisson)\b.{0,60}\b(ne boit plus|tout mou|toute molle)",
    r"(crie|hurle|criait|hurlait)\w* [\"«']?\s*(lache-moi|laisse-moi|arrete|a l'aide)",
    r"bruits? de (coups|chute|bagarre)",
    r"(est|suis) par terre depuis",
    r"(il|elle) est (tout|toute) (grise?|pale)\b",
    r"(trop|beaucoup trop) (pris|avale) de (medicaments|cachets|pilules|comprimes)",
    r"(pris|avale) (beaucoup )?trop de (medicaments|cachets|pilules|comprimes)",
    # Round 19, from sets K, L, P and Q's missed emergencies, in general forms: someone down since
    # the night and not lifted, a relative with dementia gone out, a farewell ("pardon pour
    # tout"), a storm taking the roof now, a limb torn, breathing failing, men touching someone,
    # someone in the home who will not leave, a moan heard through a door.
    r"par terre depuis\b",
    r"(pas pu|n'arrive (pas|plus) a|n'arrivons (pas|plus) a|impossible de) (le|la|les) relever",
    r"(ne|n') ?(peut|peux|arrive) (pas|plus) (a )?se relever",
    r"alzheimer\b[^.!?]{0,80}\b(parti|partie|disparue?|fugue\w*|introuvable|(trouve|retrouve)"
    r"(ons)? (pas|plus))",
    r"\b(partie?|disparue?|fugue)\b[^.!?]{0,60}\balzheimer",
    r"\b(mon|ma|notre|son|sa|leur|l'|le|la|mes|nos) ?((petite?|grand|arriere-grand)[- ])?"
    r"(fils|fille|enfant|bebe|mari|femme|mere|pere|maman|papa|papi|papy|mamie|mamy|frere|soeur)"
    r"( \w+){0,2} (a|ont|est) (disparue?|fugue\w*)",
    r"pardon pour tout",
    r"(cyclone|ouragan|tempete|inondation|tornade)s? en cours",
    r"\btoit\b.{0,30}\b(s'?\s?envole|s'est envole|arrache|vient de partir)",
    r"(doigt|main|bras|jambe|pied|oreille)s? (presque |a moitie |completement )?(arrachee?s?"
    r"|sectionnee?s?)",
    r"respire (a peine|bizarre\w*|difficilement|tres mal|tres fort|de travers)",
    r"\b(ils|il|des mecs|des hommes|un homme|un type|un mec) (me|la|le) (touchent|touche|tripote\w*"
    r"|pelote\w*)\b",
    r"suivie? (depuis \w+ )?par (\d+|deux|trois|quatre|des|un|une|plusieurs) (mecs|hommes|types"
    r"|gars|inconnus?|individus)",
    r"(homme|type|mec|inconnu|individu|quelqu'un|gars|femme)\b[^.!?]{0,40}\bchez (moi|elle|lui|nous"
    r"|eux)\b[^.!?]{0,40}\b(refuse|ne veut pas|veut pas|veut plus) (de )?partir",
    r"(l'|les |la |le )entends? (gemir|crier|hurler|appeler (a l'aide|au secours))",
    # Round 26's tester: suicidal thoughts said now beside a need hid the danger (« j'ai envie
    # d'en finir avec la vie, et je n'arrive pas à faire ma déclaration CAF », « je pense à en
    # finir, et en plus … ») — a thought, a wish or a plan, then the end of one's life, in any
    # wording (``_THOUGHT_OF``, ``_ENDING_LIFE``)
    SUICIDAL_THOUGHT,
    r"(plus|pas) envie d'etre (la|en vie|vivante?)(?![\w-])(?! (a|au|aux|pour|ce|cette|le|la|les"
    r"|demain|dans|avec|quand|ici)\b)",
    # … and an overdose told as done, minutes ago (« j'ai avalé toutes mes pilules », « une
    # vingtaine de comprimés tout à l'heure »): danger now, whatever need follows — never the
    # day's treatment taken (« pris tous mes médicaments ce matin » is the alarm tier's)
    rf"(avale|ingere|gobe|englouti)\w* (toutes?|tous) (mes|les|ses|sa|ma) ({_PILLS})"
    r"(?! (du|de ce|de la|d'hier) (matin|midi|soir|journee))",
    rf"(avale|ingere|gobe|englouti|pris)\w* (une|un) (dizaine|quinzaine|vingtaine|trentaine"
    rf"|cinquantaine|centaine|poignee) (de |d')({_PILLS})",
    rf"(avale|ingere|gobe|englouti)\w* (plein|beaucoup|des tas|des dizaines|un tas) (de |d')"
    rf"({_PILLS})",
)

ALARM: tuple[str, ...] = (
    # Grave things named, said by ordinary requests too ("mon traitement contre l'épilepsie",
    # "les fusils de chasse de mon père à déclarer", "une pièce sur un incendie"): danger when
    # the message states no digital need; beside one, only what happens says danger (the acts
    # in SEVERE, or the meaning).
    r"malaise",
    r"incendie",
    r"couteau",
    r"pistolet",
    r"fusil",
    r"poignard\w*",
    r"empoisonn\w*",
    # "avc quelqu'un" alone is "avec quelqu'un" (an answer in SMS spelling), not a stroke.
    r"(?<!^)avc\b|^avc\b(?! (quelqu|qqn|qq ?1|qq un|qlq|kelk|moi\b)\W*\w*\W*$)",
    r"infarctus",
    r"overdose",
    r"electrocut\w*",
    r"epilep\w*",
    r"flammes",
    r"\bcontractions\b",
    r"pompiers",
    # A word of the job in "je suis ambulancier au SAMU": danger only with no digital need.
    r"ambulance",
    r"samu",
    r"sos",
    r"craque\w*",
    r"(tout )?casser",
    r"peter un cable",
    r"(est|suis|sont) morte?s?",
    r"me tue",
    r"mourir",
    r"me tuer",
    r"en finir",
    r"en danger",
    r"agress\w*",
    r"au secours",
    # followed by someone, not cared for ("suivie par une psy": a need said with it is served)
    rf"suivie? par une? (?!({_CARERS}|infirmi)\w*)",
    r"^\W*urgen(ce|t)\W*$",
    r"fait une crise",
    r"ca brule",
    r"mal,? je vais tomber",
    r"au secour\b",
    r"les secours",
    r"faire une connerie",
    r"partir pour de bon",
    r"partir pour toujours",
    r"inondation",
    r"vite vite",
    r"^\W*urgent( urgent)*\W*$",
    r"^\W*sos\W*$",
    r"sos aidez",
    r"^\W*a l'aide",
    r"^\W*(o |au )?secours\W*$",
    r"venez vite",
    r"fumee dans",
    r"(est|suis) par terre",
    r"je me tue",
    r"noye",
    r"venez m'aider vite",
    r"trouve nulle part",
    r"pris (toutes|tous) (ses|mes|les)",
    r"s'est effondre",
    r"avec (des gens|quelqu'un) dedans",
    r"frappe (ma|sa|mon|son) ",
    r"regrettera",
    r"aidez(-| )(moi|nous) vite",
    r"violente?s?\b",
    r"\btuer\b",
    r"vie (est )?foutue",
)

# Said in so many words: the danger is over ("je suis en sécurité", "il y a deux ans", "la
# semaine dernière, rien de grave"), or the words are a figure of speech or a topic ("le couteau
# sous la gorge", "j'ai failli", "mdr", "une association d'aide aux victimes de violences"). Words
# of the severe tier then weigh like the alarm tier: numbers only when no digital need is stated.
_THINGS = (
    "site|ordi|ordinateur|pc|appli|application|logiciel|imprimante|box|truc|machine|telephone"
    "|portable|tablette|ecran|formulaire|dossier|declaration|demarche|administration|paperasse"
    "|wifi|internet|mot de passe|bug|windows|mise a jour"
)
# What is hijacked online, never a person: an account, an app, a number, a profile.
_ACCOUNTS = (
    r"comptes?|applis?|applications?|whatsapp|facebook|fb|insta\w*|snap\w*|messenger|tiktok"
    r"|twitter|gmail|hotmail|outlook|(boite|adresse) (mail|e-mail|email)|mail|profils?|numero"
    r"|ligne|telephone|portable|smartphone|ordi|ordinateur|pc|tablette|donnees|fichiers|photos"
)
# Up to five words between the thing and its verb, none of them a person or a new clause ("mon
# téléphone et il va me tuer" is about him).
_NO_ONE_BETWEEN = r"(?:[ '](?!(?:il|elle|ils|elles|on|qui|et|mais|car|quand|si)\b)[\w.-]+){0,5}"
_MONTH = "|".join(labels.fold(month) for month in MONTHS)
# "il y a six mois", "il y a 3 ans": how long ago, in words or digits.
_COUNT = (
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente"
    r"|quelques|plusieurs|\d+"
)
_SAFE_NOW = re.compile(
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
    rf"|(suivie?|accompagnee?|soignee?) par (un|une|mon|ma|son|sa) ({_CARERS})"
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
    # the help has come and gone ("tout va bien" alone says nothing: "dis-leur que tout va bien")
    r"|(pompiers|secours|gendarmes|policiers) (sont|etaient) "
    r"(repartis|passes|venus|intervenus)"
    # a picture or a story of an event, to check or to talk about: a topic, not a danger
    r"|(video|photo|image|article|publication|post|rumeur|infox)s? (de |d'une? |d'|sur (la |le |une"
    r" |un )?)(fusillade|attentat|meurtre|agression|bombe|explosion|incendie|accident|enlevement))"
)

# Figures of speech made of strong words: cut out before the words are read ("ce site va me tuer",
# "overdose de séries"), so that only the rest of the message can say danger.
_FIGURE = re.compile(
    # a thing that "will kill me", or thrown out of the window: anger at a machine or a form
    rf"\b(({_THINGS})s?\b{_NO_ONE_BETWEEN} (va|vont|veut|veulent) me tuer"
    rf"|jeter (cet|ce|cette|mon|ma|le|la|l') ?({_THINGS})s?\b[^.!?]{{0,12}}par la fenetre"
    r"|(patron|patronne|chef|cheffe|boss|prof|maitresse|manager|comptable)s? (va|vont) me tuer"
    r"|overdose (de |d')(?!medicament|cachet|drogue|heroine|cocaine|alcool|pilule|mon |ma |mes "
    r"|son |sa |ses |notre |nos |leur |leurs |un |une )"
    r"|kidnappee? de mon compte|couteau sous la gorge|(suicide|mort) (social|sociale|numerique)"
    # an account, an app, a number or a profile « kidnappé », « pris en otage »: hijacked, online
    # safety ("on a kidnappé mon WhatsApp", "mon compte Facebook a été pris en otage")
    rf"|(kidnapp|sequestr)\w* (mon|ma|mes|le|la|les|son|sa|ses|notre|leur) ({_ACCOUNTS})\b"
    rf"|\b({_ACCOUNTS})\b[^.!?]{{0,40}}\b(kidnapp\w*|sequestr\w*|pris en otage|prise en otage)"
    r"|(prend|pris|prennent|prendre) (mon|ma|mes|le|la|les|son|sa|ses) "
    rf"({_ACCOUNTS})\b( \w+){{0,2}} en otage"
    # a task called suicide: "c'est du suicide de faire ma déclaration seule", "ce serait
    # suicidaire d'y aller sans aide", "un suicide commercial"
    r"|(c'est|c|ce serait|ca serait|c'etait|ca a ete|ca reviendrait a faire) (du|un|de la) "
    r"(vrai |pur |veritable |pure )?suicide (de |d')[^.!?]*"
    r"|(c'est|c|ce serait|ca serait|c'etait|ca me semble|ca parait|serait|est) (\w+ )?suicidaire"
    r" (de |d')[^.!?]*"
    rf"|\b({_THINGS}|carte grise|impots?|caf)s?\b[^.!?]{{0,60}} (c'est|c|ce serait|ca serait"
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
    rf"|faut que je|on me (demande|fait)) [^.!?]{{0,60}}\b({_THINGS}|papiers?|scann\w*|caf"
    r"|impots?|photocopie\w*)\b[^.!?]*"
    rf"|me pendre avec (le|un|mon) (cable|fil)s? (de |du |d')(la |l'|mon |ma )?({_THINGS})"
    # a thing that makes one want to jump or die: anger again
    rf"|({_THINGS})s?\b{_NO_ONE_BETWEEN} (me donne|donne|me donnent|donnent) envie de (me jeter"
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
    rf"|({_THINGS}|appareil|compte)s? (est |sont )?en danger"
    r"|(donnees|infos|informations|comptes?|photos|fichiers|mots? de passe|identifiants)\b"
    r"[^.!?]{0,40}(sont|est|soient|soit|etre) en danger"
    r"|ecran (devient|est|tout|qui devient) (tout )?bleu"
    rf"|au secours,? (mon|ma|mes|le|la|ce|cet|cette) ({_THINGS})"
    r"|arme de destruction massive"
    # a device that died: "mon téléphone est mort", "mon portable a rendu l'âme" (no one's death)
    rf"|\b({_THINGS}|smartphone)s? (est |sont |a |m'a |vient de )?(completement |definitivement "
    r"|totalement )?(mort|morte|morts|mortes|rendu l'ame|creve|crevee)\b"
    # a machine or a bill with a stroke: "mon ordi a fait un AVC", "crise cardiaque en vue"
    rf"|({_THINGS}|facture)s?\b{_NO_ONE_BETWEEN} (a fait|fait|a eu|fais) (un |une )?(malaise|avc"
    r"|infarctus|crise cardiaque|arret cardiaque|overdose)"
    r"|(crise cardiaque|infarctus|avc|attaque) en vue"
    # a shock at a price or a screen: "j'ai fait une crise cardiaque en voyant le prix"
    r"|(crise cardiaque|infarctus|avc|attaque)s? (en voyant|quand j'ai vu|devant|a la vue)"
    # the thing thrown, not the person: "me jeter par la fenêtre avec cette tablette"
    rf"|(me jeter|sauter) par la fenetre avec (cet|ce|cette|mon|ma|mes|le|la|l') ?({_THINGS})"
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

# The strong words are about a fiction (a game character, a film, a costume): no danger at all.
_FICTION = re.compile(
    r"\b((mon|ma|son|notre|le|un) (personnage|perso|avatar)\b|jeux? video|dans (le|un|mon) jeu\b"
    r"|en plastique|cosplay|deguisement|(film|serie|roman|bd|manga|court-?metrage|long-?metrage"
    r"|clip|podcast) (d'horreur|policier|de guerre)|\btournage\b|\bscenario\b"
    r"|\b(polar|thriller)\b"
    r"|(j'ecris|ecrire|j'ai ecrit) (un|une|mon|ma) (roman|nouvelle|livre|histoire)"
    r"|(je|il|elle) joue (un|une|le role|le personnage)|piece de theatre)"
)

_SEVERE = re.compile(r"\b(" + "|".join(SEVERE) + ")")
_ALARM = re.compile(r"\b(" + "|".join(ALARM) + ")")


# Under this many words, a message's meaning says nothing of danger: "la Loire", the answer to
# "dans quelle ville ?", sits next to a flood. Short calls for help carry their own words
# ("au secours", "SOS", "avc"), which the tiers above read.
MIN_MEANING_WORDS = 3


# A relative one writes for, or an age ("ma mère de 82 ans", "mon fils", "à 75 ans"): their
# meaning sits next to the danger examples (a mother who fell, a child who vanished) while the
# words say nothing of danger. The question "Êtes-vous en danger ?" is asked only when the message
# still comes close without them (``read``): "pour ma mère de 82 ans qui ne sait pas se servir de
# son téléphone" was asked it. A partner or an ex is kept: they are who the danger often is.
_KIN = (
    r"((grand|arri[eè]re-grand|belle|beau|demi)[- ])?(m[eè]re|p[eè]re|maman|papa|mamie|mamy|mami"
    r"|papi|papy|m[eé]m[eé]|p[eé]p[eé]|fils|filles?|enfants?|gamins?|gamines?|petits?-enfants"
    r"|petit-fils|petites?-filles?|fr[eè]res?|s(oe|œ)urs?|oncles?|tantes?|tonton|tata|neveux?"
    r"|ni[eè]ces?|cousins?|cousines?|parents|grands-parents|beaux-parents|filleule?s?|voisine?s?)"
)
_RELATIVE = re.compile(
    rf"\b(ma|mon|mes|sa|son|ses|notre|nos|leur|leurs|votre|vos|une?|la|le|les) {_KIN}\b"
    r"(,? ([aâ]g[eé]e?s? )?(de |[aà] )?\d{1,3} ans\b)?"
    r"|\b([aâ]g[eé]e?s? )?(de |[aà] )?\d{1,3} ans\b",
    re.IGNORECASE,
)



def _put_aside(pattern: re.Pattern[str], text: str | None, by: str = " ") -> str:
    """The message with what ``pattern`` matches replaced by ``by``, typographic apostrophes
    straightened and spaces collapsed: words set aside before the message is read."""
    return " ".join(pattern.sub(by, (text or "").replace("\u2019", "'")).split())

def without_relatives(text: str) -> str:
    """The message with its relatives and ages put as "quelqu'un"."""
    return _put_aside(_RELATIVE, text, " quelqu'un ")


def without_town(text: str) -> str:
    """The message with the commune it names put as "ma ville": a town's name weighs nothing
    (``read``). The gazetteer's reading of a town in a message (``actions.town_in_message``)."""
    from actions import town_in_message
    from directory_client import gazetteer
    from directory_client.text import name_key

    text = " ".join(text.split())
    named = town_in_message.town_named(text)
    if named:
        return " ".join(text.replace(named, " ma ville ").split())
    # A town written in small letters at the end, where a request puts it ("aide démarches
    # calvi"): the longest run of last words that is a commune's name.
    words, by_key = text.split(), gazetteer.load(None).by_key
    for size in range(min(3, len(words) - 1), 0, -1):
        if by_key.get(name_key(" ".join(words[-size:]).strip(" ?!.,;"))):
            return " ".join([*words[:-size], "ma", "ville"])
    # … or in small letters after « à » where one says where one lives ("agriculteur a laguiole,")
    for i, word in enumerate(words[1:], 1):
        name = word.strip(" ?!.,;")
        after_at = words[i - 1].lower() in _AT and len(name) >= _TOWN_LETTERS
        if after_at and by_key.get(name_key(name)):
            return " ".join([*words[:i], "ma", "ville" + word[len(name):], *words[i + 1 :]])
    return text


_AT = frozenset({"a", "à", "sur", "vers"})  # before a town named in small letters
_TOWN_LETTERS = 5  # shorter words after « à » are too often words ("a bout", "a pied")


# The word that asks for help ("aide démarches", "aidez moi ordi", "besoin d'aide"): the danger
# examples hold short cries ("à l'aide", "help au secours"), so a short request built on it sits
# next to them by that word alone ("aide démarches" +0.055, "démarches" -0.114). "à l'aide" alone,
# "au secours" are the alarm tier's.
_HELP_WORD = re.compile(
    r"\b(j'ai |j ai )?(besoin (d'|d |de l'|de l )|de l'|de l )?(aide|aidez|aider|help)"
    r"([- ](moi|nous))?\b",
    re.IGNORECASE,
)


HELP_REQUEST_WORDS = 3  # what is left of a short request: "demarches svp", "ordi ajaccio"


def without_help_word(text: str) -> str:
    """The message without its word asking for help, when what is left is a short request
    ("aidez moi il lit mes messages" keeps it); else the message as it is."""
    text = " ".join(text.split())
    if not _HELP_WORD.search(text.replace("\u2019", "'")):
        return text
    plain = _put_aside(_HELP_WORD, text)
    return plain if 0 < len(plain.split()) <= HELP_REQUEST_WORDS else text


# A relative who is ill or in hospital, told as why the person must do it alone (« c ma femme qui
# fesai telepac mais elle est malade », « mon mari est hospitalisé »): context, not danger. Its
# meaning sits next to the danger examples (someone unwell); the request is read without it.
_RELATIVE_ILL = re.compile(
    rf"\b((ma|mon|sa|son|notre|leur) {_KIN}\b[^.!?,]{{0,30}}|(il|elle|ils|elles|qui) )"
    r"(est|sont|etait|etaient|[eé]tait|[eé]taient|est tomb[eé]e?|est tomb[eé]e?s?) "
    r"(tr[eè]s |souvent |gravement |tomb[eé]e?s? )?(malades?|hospitalis[eé]e?s?|[aà] l'h[oô]pital"
    r"|souffrante?s?|en maison de retraite|en ehpad)\b",
    re.IGNORECASE,
)


def without_relative_ill(text: str) -> str:
    """The message without a relative's illness told as context (never the writer's own)."""
    return _put_aside(_RELATIVE_ILL, text)


@dataclass(frozen=True)
class _WordsOfNoDanger:
    kind: str
    put_aside: Callable[[str], str]  # the message with those words dropped or made neutral
    calm_only: bool = False  # only in a message with no strong word (severe or alarm tier)


# The words that carry no danger, in the order they are put aside: a message that states a need
# and comes close to danger by its meaning is read again without them (``read``). "aide démarches
# ajaccio" sat at the margin by "aide" and by a town's name, and is read as "démarches ma ville".
_NO_DANGER_WORDS = (
    _WordsOfNoDanger("the word asking for help", without_help_word, calm_only=True),
    _WordsOfNoDanger("a town", without_town),
    _WordsOfNoDanger("a relative who is ill", without_relative_ill, calm_only=True),
)


def _without_words_of_no_danger(text: str, strong_words: bool) -> str:
    """The message with each kind of word that carries no danger put aside (``_NO_DANGER_WORDS``).
    A strong word (severe or alarm tier) keeps the word asking for help."""
    text = " ".join(text.split())
    for words in _NO_DANGER_WORDS:
        if not (strong_words and words.calm_only):
            text = words.put_aside(text)
    return text


# The small words of Antillean and Réunion Creole (pronouns, particles, "need", "help", "how"):
# the danger examples hold Creole messages, so any Creole request sits next to them by its
# language alone ("Mwen pa konnen kijan pou mwen fè dosye CAF la, ou pé édé mwen ?" was asked
# "Êtes-vous en danger ?"). The meaning of a Creole message is read with them said in French
# (``read``); the words of what happens ("i tonbé atè", "li menas amwin") are kept as they are.
_CREOLE_WORDS = {
    "mwen": "moi", "moin": "moi", "amwin": "moi", "amoin": "moi", "mi": "je", "an": "je",
    "man": "je", "ou": "vous", "zot": "vous", "nou": "nous", "ka": "", "la": "", "pou": "pour",
    "pa": "pas", "pé": "peut", "fè": "faire", "fé": "faire", "konnen": "sais", "kijan": "comment",
    "kouman": "comment", "koman": "comment", "bizwen": "besoin", "bezwen": "besoin",
    "èd": "aide", "édé": "aider", "ede": "aider", "dosyé": "dossier", "dosye": "dossier",
    "épi": "avec", "ek": "avec", "moun": "personne", "chèché": "cherche", "vlé": "veux",
    "tanpri": "s'il vous plaît", "souplé": "s'il vous plaît", "mèsi": "merci",
    "bonjou": "bonjour", "papyé": "papiers",
}  # fmt: skip
_CREOLE = re.compile(
    r"(?<![\w'-])(" + "|".join(map(re.escape, _CREOLE_WORDS)) + r")(?![\w'-])", re.IGNORECASE
)


# Words that are no French: only a message with one of them is read as Creole ("la", "ou", "an"
# stay French otherwise).
_CREOLE_ONLY = frozenset(_CREOLE_WORDS) - {"mi", "an", "man", "ou", "nou", "ka", "la", "pa", "pé",
                                           "ek", "ede"}  # fmt: skip


def in_french(text: str) -> str:
    """The message with the small words of Creole said in French (a Creole message only)."""
    said = {m.group(1).lower() for m in _CREOLE.finditer(text)}
    if not said & _CREOLE_ONLY:
        return " ".join(text.split())
    return " ".join(_CREOLE.sub(lambda m: _CREOLE_WORDS[m.group(1).lower()], text).split())


# A denial of danger, said after the numbers or the question "Êtes-vous en danger ?": "non merci
# je ne suis pas en danger", "ça va je suis pas en danger, c'est pour la demande". Its "en danger"
# is no alarm; a severe wording beside it still is (``denies_danger``).
_DENIAL = re.compile(
    r"\b((ne |n')?(suis|sommes|est|sont|etes|es)? ?(pas|plus|jamais|aucunement) (du tout )?"
    r"(en danger|menacee?s?|en peril)"
    r"|(pas|aucun) (de )?danger"
    r"|(je suis|suis|on est|nous sommes) (maintenant |bien )?(en securite|a l'abri))"
)


# Said of now, beside a danger told as over: "il m'a frappée il y a deux ans et il recommence".
_AGAIN = re.compile(
    r"\b(encore|toujours|continue\w*|recommence\w*|de nouveau|a nouveau|revenu\w*|depuis (hier"
    r"|ce matin|cette nuit|ce soir))\b"
)


def told_as_past(text: str) -> bool:
    """Strong words told as over and done ("j'ai quitté mon conjoint violent il y a deux ans, tout
    va bien maintenant"): background to a request, no danger nor online-safety need of its own;
    never when the words say it goes on ("il recommence", "encore")."""
    folded = _folded(text)
    words = _FIGURE.sub(" ", folded)
    strong = _SEVERE.search(words) or _ALARM.search(words)
    return bool(strong and _SAFE_NOW.search(folded) and not _AGAIN.search(folded))


def denies_danger(text: str) -> bool:
    """The message says the person is not in danger, with no severe wording beside it."""
    folded = _folded(text)
    return bool(_DENIAL.search(folded)) and not _SEVERE.search(_FIGURE.sub(" ", folded))


def _folded(text: str) -> str:
    return labels.fold(text or "")[:2000].replace("\u2019", "'")


@dataclass(frozen=True)
class SafetyReading:
    severe: bool  # danger from the words alone
    alarm: bool  # strong words that ordinary requests use too
    need: bool  # the message states a digital need
    meaning: bool = False  # the message reads as danger by its meaning (actions.danger)
    close: bool = False  # its meaning comes close to danger (one question if a need is stated)
    settled: bool = False  # the words say the danger is over, or a figure of speech

    @property
    def danger_now(self) -> bool:
        return self.severe or ((self.alarm or self.meaning) and not self.need)

    @property
    def unsure(self) -> bool:
        """A need is stated, and the meaning comes close to danger: ask, keep the request."""
        return self.need and self.close and not self.danger_now


# A threat to put intimate images or messages online, the threat named as such.
_THREAT_TO_PUBLISH = re.compile(
    r"\bmenac\w*(?: [\w']+){0,4}? (de |d')?(les |la |le |l')?(publier|diffuser|partager|poster"
    r"|mettre|envoyer|montrer|balancer|afficher|faire circuler)\b.{0,40}\b(nudes?|photos?"
    r"|videos?|images?|messages?|conversations?)\b"
)


# A phone number, however written (« 06 12 34 56 78 », « 06.12.34.56.78 », « 06-12-34-56-78 »,
# « 0612345678 », « +33 6 12 34 56 78 », « 0033 (0)6 … »): never danger. Its two-digit groups
# read as the numbers of the emergency examples (« appelez le 15 », « le 17 », « 41 de fièvre »):
# the NLU took « envoie par sms au 06 12 34 56 78 » for an emergency (round 26's tester). The
# safety reading puts it aside as « mon numéro »; the emergency action never trusts the NLU alone
# beside one (``actions.actions.ActionEmergency``).
PHONE_NUMBER = phones.IN_TEXT


# Urgency denied in so many words (« pas d'urgence vitale hein, mais ma boîte mail… », « ce n'est
# pas une urgence », « rien de grave »): no danger of its own. The words are put aside before the
# message is read (a severe wording beside them is still read as such) and the reading is settled.
_URGENCY_DENIED = re.compile(
    r"\b((il n'y a |y a |il y a )?(pas|aucune) (d'|de |une )?urgen(ce|t)( vitale| m[eé]dicale)?\b"
    r"|(ce n'est|c'est|[cç]a n'est|c|n'est) pas (une |un )?(urgence|urgent|grave)\b"
    r"( vitale| m[eé]dicale)?"
    r"|rien de grave|rien d'urgent)",
    re.IGNORECASE,
)


def without_urgency_denied(text: str) -> str:
    """The message without the words that deny an urgency."""
    return _put_aside(_URGENCY_DENIED, text)


# Self-harm made conditional on a digital mishap (« je vais me jeter par la fenêtre si ce
# formulaire plante encore », « je vais me pendre si le site bugue encore »): most often a figure,
# but it speaks of self-harm — the short question (« Êtes-vous en danger en ce moment ? », with
# the numbers), the request kept; never the full emergency message, never nothing. A chore as the
# condition (« si je dois encore scanner ce papier ») is ``_FIGURE``'s.
_MISHAP = (
    r"plante\w*|bug\w*|beugu?\w*|marche (pas|plus)|fonctionne (pas|plus)|erreur|rame\w*"
    r"|bloque\w*|refuse\w*|crash\w*|mouline\w*|deconnect\w*|redemande|recommence\w*"
)
_SELF_HARM_WORDS = (
    r"\b(me jeter (par|de|du|sous) (la |le |l'|un |une |mon |ma )?\w+|me pendre|me tuer"
    r"|me flinguer|me tirer une balle|me foutre en l'air|me suicider|en finir"
    r"|sauter (par|de|du) (la |le )?\w+) si\b"
)
_FAILING = rf"({_THINGS}|caf|impots?|ameli|retraite|banque|connexion|page|captcha|code)s?"
_SELF_HARM_IF_A_MISHAP = re.compile(
    rf"{_SELF_HARM_WORDS}[^.!?]{{0,80}}\b{_FAILING}\b[^.!?]{{0,60}}\b({_MISHAP})\b[^.!?]*"
    rf"|{_SELF_HARM_WORDS}[^.!?]{{0,40}}\b({_MISHAP})\b[^.!?]{{0,60}}\b{_FAILING}\b[^.!?]*"
)


def gives_a_phone_number(text: str) -> bool:
    return bool(PHONE_NUMBER.search(text or ""))


def without_phone_numbers(text: str) -> str:
    """The message with its phone numbers put as « mon numéro »."""
    return PHONE_NUMBER.sub(" mon numéro ", text or "")


def read(
    text: str,
    has_need: Callable[[str], bool],
    danger_margin: Callable[[str], float] = danger.margin,
) -> SafetyReading:
    text = without_phone_numbers(text)  # a phone number's digits are no emergency number
    as_said = _folded(text)  # « rien de grave » stays the settled words it was (``_SAFE_NOW``)
    rest = without_urgency_denied(text)
    denied = rest != " ".join(text.replace("\u2019", "'").split())
    text = rest if denied else text  # « pas d'urgence vitale, mais … »: the rest is read
    folded = _folded(text)
    words = _FIGURE.sub(" ", folded)
    figure = words != folded
    doubt = _SELF_HARM_IF_A_MISHAP.search(words) is not None
    if doubt:  # « me pendre si le site plante encore »: the question, the rest read as it is
        words = _SELF_HARM_IF_A_MISHAP.sub(" ", words)
    # a child threatened or solicited by an adult (a meeting, images): danger from what the
    # words say happens, whatever the wording (``actions.child_danger``)
    severe = bool(_SEVERE.search(words)) or child_danger.threatened(words)
    alarm = bool(_ALARM.search(words)) or doubt
    safe_now = figure or bool(_SAFE_NOW.search(as_said))
    if severe and safe_now:
        severe, alarm = False, True
    if _FICTION.search(folded):
        severe = alarm = False
        safe_now = True
    too_short = len(folded.split()) < MIN_MEANING_WORDS
    if not severe and _THREAT_TO_PUBLISH.search(folded):
        # "mon ex menace de publier mes photos intimes": harm online, no body in danger; the
        # 3018 (and the 3919 for a partner) beside the places (``actions.helplines``)
        too_short = True
    french = in_french(text)  # the language alone is no danger: Creole read as French
    said = text if french == " ".join(text.split()) else french
    margin = float("-inf") if severe or safe_now or denied or too_short else danger_margin(said)
    meaning, close = margin >= danger.MARGIN, margin >= danger.CHECK_MARGIN
    if close and not meaning and (neutral := without_relatives(said)) != " ".join(said.split()):
        close = danger_margin(neutral) >= danger.CHECK_MARGIN  # a relative or an age alone
    need = (severe or alarm or close) and has_need(text)
    plain = _without_words_of_no_danger(said, severe or alarm) if close and need else ""
    if plain and plain != " ".join(said.split()):
        # "aide demarches ajaccio" read as "demarches ma ville"
        margin = danger_margin(plain)
        meaning, close = margin >= danger.MARGIN, margin >= danger.CHECK_MARGIN
        need = (severe or alarm or close) and need
    close = close or (doubt and not safe_now)  # « … mdr »: a joke said as one
    return SafetyReading(severe, alarm, need, meaning, close, safe_now or denied)
