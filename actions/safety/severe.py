"""The severe tier: wordings where danger reads from the words alone (a weapon, someone not
breathing, a suicide plan, someone forcing the door). The emergency numbers come first, whatever
else the message asks (``actions.safety.reading``)."""

from __future__ import annotations

import re

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
    # kept in by someone: « mon copain m'empêche de sortir », « il dit que je ne sortirai plus
    # d'ici » (never « le médecin m'interdit de sortir »)
    r"\b(il|elle|ils|mari|copain|copine|conjoint|conjointe|compagnon|compagne|ex|pere|mere|frere"
    r"|femme)\b[^.!?]{0,30}\bm'(empeche\w*|interdi\w*|enferme\w*) de (sortir|partir)",
    r"\bje (ne )?sortirai (plus|pas|jamais) d'ici\b",
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
    # a fire seen now: "il y a des flammes", "la voiture est en flammes" (never a device that
    # "a explosé" alone: said of a phone that broke, it raised false alarms on the sets)
    r"(il y a|y a|je vois) (des |les )?flammes\b",
    r"\ben flammes\b",
    r"\b(contractions) (toutes les|rapprochees|tres fortes)",
    # drugged, or out in the freezing cold with its signs
    r"(on|il|elle|ils) m'?(a|ont) drogue",
    r"m'(a|ont) mis (quelque chose|un truc|de la drogue|un produit) dans (mon|ma) (verre|boisson)",
    r"(dors|dormir|dormi|passe la nuit) (dans (ma|la|une|sa) voiture|dehors|a la rue)[^.!?]{0,80}"
    r"(-\d+|sens plus|gele|glace|tres froid)",
    r"(ecrit|dit|envoye|laisse) (un )?adieu",
    # Someone in danger from another.
    r"(fille|fils|enfant|ado|niece|neveu|petite?-(fille|fils)|soeur|frere|\d{1,2} ans)\b.{0,60}"
    r"parti\w*( [\w']+){0,3} avec (un|une) (homme|femme|inconnue?|adulte)",
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
    # days or a week without food or drink: « je n'ai rien mangé depuis une semaine »
    r"(pas|rien) (mange|bu)( ni (mange|bu))? depuis (\d+|deux|trois|quatre|cinq|six|sept|une"
    r"|plusieurs) (jours|semaines?)",
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

SEVERE_RE = re.compile(r"\b(" + "|".join(SEVERE) + ")")
