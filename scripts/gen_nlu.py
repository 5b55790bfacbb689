# ruff: noqa: E501
"""Writes data/nlu/*.yml from the lists below (run: python scripts/gen_nlu.py).

Shorthand: [mon tel](need=smartphone) → a `need` entity with the synonym value "smartphone";
[Roubaix](location) → a `location` entity. Lists are hand-written for the audience (SMS
spellings, missing accents, typos, long messages); towns are combined with a fixed seed.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from pathlib import Path

from nlu_round7_social import MORE7_SOCIAL
from nlu_round7_tasks import ASK_HELP_MORE7, INFORM_MORE7, MORE7_TASKS

OUT = Path(__file__).resolve().parent.parent / "data" / "nlu"
rng = random.Random(7)

TOWNS = [
    "Roubaix", "Lyon", "Marseille", "Saint-Étienne", "st etienne", "Paris 11e", "paris 18",
    "Angoulême", "angouleme", "Cognac", "Nouméa", "Clermont-Ferrand", "clermont", "Villeurbanne",
    "Grenoble", "Lille", "Toulouse", "Bordeaux", "Nantes", "Rennes", "Limoges", "Poitiers",
    "La Rochelle", "Saint-Denis", "saint denis", "Aubervilliers", "Montreuil", "Vichy", "Annecy",
    "Chambéry", "Valence", "Bourg-en-Bresse", "Aurillac", "Moulins", "Montluçon", "Ruffec",
    "Confolens", "Barbezieux", "Nîmes", "Metz", "Strasbourg", "Dijon", "Besançon", "Orléans",
    "Tours", "Le Mans", "Caen", "Rouen", "Amiens", "Reims", "Perpignan", "Montpellier", "Nice",
    "Toulon", "Ajaccio", "Cayenne", "le Puy en Velay", "Lyon 8e", "Marseille 13e",
    "paris 20eme", "Tourcoing", "Valenciennes", "Dunkerque", "Calais", "Mulhouse", "Brest",
    "Quimper", "Lorient", "Vannes", "Pau", "Bayonne", "Tarbes", "Albi", "Rodez", "Cahors",
    "Chateauroux", "Bourges", "Nevers", "Auxerre", "Troyes", "Charleville", "Sedan", "Épinal",
    "Saint-Priest", "Vénissieux", "Vaulx-en-Velin", "Riom", "Issoire", "Thiers", "Le Havre",
]
POSTCODES = ["59100", "69003", "42000", "75011", "16000", "63000", "13001", "93200", "16100",
             "98800", "03200", "38000", "75018", "69100", "33000", "44000", "87000", "16700"]
DEPTS = ["le 93", "le Nord", "la Charente", "le Rhône", "la Haute-Loire", "le 59", "le 16",
         "l'Allier", "la Savoie", "le Cantal", "la Loire", "le 69", "le Puy-de-Dôme", "le 42"]


def town() -> str:
    return rng.choice(TOWNS)


# --- ask_help ---------------------------------------------------------------------------------
ASK_HELP = [
    "j'arrive pas à faire ma demande de [RSA](procedure=caf) sur le site de la [CAF](procedure=caf)",
    "jarrive pas a faire ma demande [rsa](procedure=caf)",
    "je dois déclarer mes ressources à la [caf](procedure=caf) et je sais pas faire",
    "besoin d'aide pour la [CAF](procedure=caf)",
    "comment je fais pour mon [apl](procedure=caf) sur internet",
    "jai pas compris le site de la [caf](procedure=caf) pour la [prime d'activité](procedure=caf)",
    "je dois faire ma [déclaration d'impôts](procedure=impots) en ligne et jy arrive pas",
    "aide pour les [impots](procedure=impots) svp",
    "declarer mes [impôts](procedure=impots) sur internet",
    "je ne sais pas me connecter sur [impots.gouv](procedure=impots)",
    "je dois refaire ma [carte d'identité](procedure=ants)",
    "faire un [passeport](procedure=ants) en ligne",
    "renouveler mon [permis de conduire](procedure=ants) sur le site",
    "changer ma [carte grise](procedure=ants) c'est trop compliqué",
    "le site de l'[ants](procedure=ants) me demande un truc que je comprends pas",
    "j'ai perdu ma [carte vitale](procedure=ameli)",
    "créer mon compte [ameli](procedure=ameli)",
    "je comprends rien au site [ameli](procedure=ameli)",
    "aide pour mes remboursements de la [secu](procedure=ameli)",
    "prendre rendez vous chez le medecin sur [doctolib](need=sante) je sais pas faire",
    "je dois m'inscrire à [france travail](procedure=france_travail)",
    "m'actualiser sur [pole emploi](procedure=france_travail) je sais pas comment",
    "inscription [pôle emploi](procedure=france_travail) en ligne",
    "demander ma [retraite](procedure=retraite) en ligne",
    "faire mon dossier de [retraite](procedure=retraite) sur internet",
    "un dossier [mdph](procedure=mdph) à remplir",
    "demande d'[AAH](procedure=mdph) sur internet",
    "renouveler mon [titre de séjour](procedure=titre_sejour)",
    "le site de la [prefecture](procedure=titre_sejour) pour mon titre de sejour",
    "je comprends pas le [chèque énergie](procedure=cheque_energie)",
    "utiliser mon [cheque energie](procedure=cheque_energie) en ligne",
    "c'est quoi [franceconnect](procedure=franceconnect) je comprends pas",
    "creer un compte [france connect](procedure=franceconnect)",
    "aide pour mes [papiers](need=demarches)",
    "j'ai des [démarches administratives](need=demarches) à faire sur internet",
    "je veux de l'aide pour mes [demarches en ligne](need=demarches)",
    "quelqu'un pour m'aider à remplir un [dossier en ligne](need=demarches)",
    "je voudrais qu'on fasse mes [démarches](need=demarches) à ma place",
    "je veux apprendre à faire mes [démarches](need=demarches) tout seul",
    "jveu apprendre a me servir de [mon tel](need=smartphone)",
    "je sais pas me servir de [mon téléphone](need=smartphone)",
    "apprendre à utiliser [mon portable](need=smartphone)",
    "ma fille m'a offert [une tablette](need=smartphone) et je sais pas m'en servir",
    "comment marche [mon smartphone](need=smartphone)",
    "jai un nouveau [telephone](need=smartphone) je suis perdue",
    "installer des [applis](need=smartphone) sur mon telephone",
    "mon [iphone](need=smartphone) je comprends rien",
    "des cours pour le [smartfone](need=smartphone)",
    "apprendre [l'ordinateur](need=ordinateur)",
    "je sais pas utiliser [un ordi](need=ordinateur)",
    "cours d'[informatique](need=ordinateur) pour debutant",
    "je voudrais apprendre [l'informatique](need=ordinateur) a mon age",
    "me servir du [clavier](need=ordinateur) et de la [souris](need=ordinateur)",
    "apprendre [word](need=ordinateur) et [excel](need=ordinateur)",
    "envoyer des [mails](need=quotidien)",
    "je sais pas envoyer un [mail](need=quotidien)",
    "créer une [adresse mail](need=quotidien)",
    "faire des [visios](need=quotidien) avec mes petits enfants",
    "envoyer des [photos](need=quotidien) a ma famille",
    "utiliser [whatsapp](need=quotidien)",
    "acheter en ligne sans me faire avoir",
    "[pas d'internet](need=internet) chez moi",
    "j'ai [pas internet](need=internet) a la maison",
    "où trouver du [wifi](need=internet) gratuit",
    "je cherche un endroit avec [internet](need=internet)",
    "ma [box](need=internet) marche plus j'ai besoin d'une [connexion](need=internet)",
    "un endroit pour me [connecter](need=internet)",
    "je dois [imprimer](need=materiel_usage) un document",
    "où [imprimer](need=materiel_usage) mon attestation",
    "[scanner](need=materiel_usage) des papiers pour la caf",
    "j'ai besoin d'un [ordinateur](need=materiel_usage) pour faire mon cv, j'en ai pas",
    "utiliser un [ordinateur](need=materiel_usage) sur place",
    "[acheter un ordi pas cher](need=materiel_achat)",
    "je voudrais [un ordinateur à petit prix](need=materiel_achat)",
    "j'ai [pas les moyens](need=materiel_achat) d'acheter un telephone",
    "un [ordinateur reconditionné](need=materiel_achat)",
    "avoir [un téléphone pas cher](need=materiel_achat)",
    "je cherche du [travail](need=emploi)",
    "faire mon [CV](need=emploi)",
    "aide pour mon [cv](need=emploi) et ma [lettre de motivation](need=emploi)",
    "postuler à des offres d'[emploi](need=emploi) sur internet",
    "je cherche un [boulot](need=emploi) mais je sais pas faire sur internet",
    "répondre à une [candidature](need=emploi) en ligne",
    "je lance mon [autoentreprise](need=entreprise)",
    "créer mon [entreprise](need=entreprise)",
    "je veux devenir [auto-entrepreneur](need=entreprise)",
    "faire un [site internet pour mon commerce](need=entreprise)",
    "declarer mon chiffre d'affaires [urssaf](need=entreprise)",
    "mon compte facebook a été [piraté](need=securite)",
    "je me suis fait [arnaquer](need=securite) sur internet",
    "j'ai reçu un [faux sms](need=securite) de colis",
    "on m'a [hacké](need=securite) ma boite mail",
    "j'ai peur des [arnaques](need=securite)",
    "mon ordi a un [virus](need=securite)",
    "[protéger mes mots de passe](need=securite)",
    "comment [sécuriser](need=securite) mon compte",
    "je comprends rien a [pronote](need=parentalite)",
    "suivre les notes de [mes enfants](need=parentalite) sur l'[ENT](need=parentalite)",
    "mettre un [contrôle parental](need=parentalite)",
    "mon fils passe trop de temps sur les [écrans](need=parentalite)",
    "[ecole directe](need=parentalite) je sais pas faire",
    "apprendre le [montage vidéo](need=loisirs)",
    "faire de la [retouche photo](need=loisirs)",
    "un [fablab](need=loisirs) pour l'[impression 3D](need=loisirs)",
    "créer de la [musique](need=loisirs) sur ordinateur",
    "comprendre l'[intelligence artificielle](need=culture)",
    "c'est quoi [chatgpt](need=culture)",
    "savoir reconnaître les [fausses infos](need=culture)",
    "comprendre les [réseaux sociaux](need=culture)",
    "protéger mes [données personnelles](need=culture)",
    "j'ai besoin d'aide",
    "j'ai besoin d'aide avec le [numérique](need=quotidien)",
    "je suis perdu avec internet",
    "je suis nul en [informatique](need=ordinateur) aidez moi",
    "aidez moi svp",
    "je cherche de l'aide pour internet",
    "bonjour je suis une personne agée et je n'arrive pas a utiliser [mon telephone](need=smartphone) ni a faire mes [demarches](need=demarches)",
    "bonjour alors voila j'ai 78 ans mon fils habite loin et la [caf](procedure=caf) me demande de tout faire par internet mais moi j'ai jamais eu d'ordinateur",
    "slt jsui au rsa et faut que je fasse ma declaration trimestrielle [caf](procedure=caf) mais jai [pas internet](need=internet)",
    "je dois faire mes [impots](procedure=impots) et aussi mon dossier [ameli](procedure=ameli)",
    "j'ai [pas d'ordi](need=materiel_achat) et je cherche du [travail](need=emploi)",
    "mon mari s'occupait de tout les papiers et maintenant il est décédé, je dois faire la [retraite](procedure=retraite) de reversion sur internet et je ne sais pas",
    "bjr svp jai recu un courrier de la [prefecture](procedure=titre_sejour) pour mon titre de sejour il faut passer par internet et je comprend pas le francais tres bien",
    "je voudrais quelqu'un qui fasse ma demande [caf](procedure=caf) [à ma place](constraint=a_ma_place)",
    "une personne qui peut faire mes [démarches](need=demarches) [pour moi](constraint=a_ma_place)",
    "un endroit [gratuit](constraint=gratuit) pour apprendre [l'ordinateur](need=ordinateur)",
    "cours de [smartphone](need=smartphone) [gratuit](constraint=gratuit) [le samedi](constraint=samedi)",
    "aide [impots](procedure=impots) [ouvert maintenant](constraint=ouvert_maintenant)",
    "un lieu [accessible en fauteuil](constraint=accessible) pour mes [papiers](need=demarches)",
    "atelier [tablette](need=smartphone) [pour les seniors](constraint=seniors)",
    "aide informatique [pour personnes agées](constraint=seniors)",
    "jsuis bloqué sur [ameli](procedure=ameli) depuis 3 jours help",
    "ya quelqun pour m aider avec [france connect](procedure=franceconnect)",
    "Bonjour, je souhaiterais obtenir de l'aide pour effectuer ma demande de [carte grise](procedure=ants), je ne dispose pas d'ordinateur.",
    "ou aller pour faire [mon passeport](procedure=ants)",
    "qui peut m'aider pour [mon cv](need=emploi)",
    "j'ai un [rendez vous pole emploi](procedure=france_travail) en visio et je sais pas faire",
    "faut que je fasse un [dossier mdph](procedure=mdph) pour mon fils",
    "[chéque energie](procedure=cheque_energie) comment l'utiliser",
    "apprendre a faire [mes démarches](need=demarches) seule",
    "je veux devenir autonome sur [internet](need=quotidien)",
    "aide numerique",
    "médiateur numérique",
    "conseiller numérique",
    "france services",
    "espace numérique",
    "un [cyber](need=internet) pour aller sur internet",
    "je cherche une maison france services",
    "où trouver un conseiller numérique",
]

# Need + place in the same message (both orders).
ASK_HELP_WITH_TOWN = [
    "aide pour la [caf](procedure=caf) à {t}",
    "je cherche de l'aide pour mes [papiers](need=demarches) a {t}",
    "apprendre [l'ordinateur](need=ordinateur) vers {t}",
    "cours [tablette](need=smartphone) sur {t}",
    "{t} aide [impots](procedure=impots)",
    "j'habite {t} et j'ai [pas internet](need=internet)",
    "je suis à {t}, mon compte a été [piraté](need=securite)",
    "ou faire mon [cv](need=emploi) à {t}",
    "[france travail](procedure=france_travail) {t}",
    "besoin d'aide pour [mon telephone](need=smartphone) a {t}",
    "je vis à {t} et je dois refaire ma [carte d'identité](procedure=ants)",
    "un endroit pour [imprimer](need=materiel_usage) près de {t}",
    "atelier [pronote](need=parentalite) {t}",
    "aide [ameli](procedure=ameli) {t} [gratuit](constraint=gratuit)",
    "{t} je veux apprendre a me servir de [mon portable](need=smartphone)",
    "créer mon [autoentreprise](need=entreprise) à {t}",
]

INFORM = [
    "{t}", "{t}", "{t}", "je suis à {t}", "j'habite {t}", "jhabite a {t}", "à {t}", "a {t}",
    "sur {t}", "vers {t}", "près de {t}", "c'est {t}", "je vis à {t}", "on est sur {t}",
    "jsuis a {t}", "moi c'est {t}", "ville de {t}", "j'habite à {t} depuis peu",
    "a cote de {t}", "{t} svp", "{t} merci",
]
INFORM_CODES = ["{c}", "mon code postal c'est {c}", "code postal {c}", "{c} merci", "c'est le {c}"]
INFORM_DEPTS = ["dans {d}", "j'habite dans {d}", "{d}"]

INFORM_OTHER = [
    "et à [Lyon](location) ?", "plutôt [Cognac](location)", "et sur [Roubaix](location)",
    "non à [Saint-Étienne](location)", "changer pour [Angoulême](location)",
    "plutôt vers [Villeurbanne](location)", "et à [Paris 11e](location)",
    "en fait j'habite à [Clermont-Ferrand](location)", "cherche plutôt à [Lille](location)",
    "non c'est [Saint-Denis](location) pas ça", "et dans [le 93](location) ?",
    "et pour [69003](location)", "autre ville : [Nantes](location)",
    "en fait c'est à [Grenoble](location)",
    "et à [Marseille](location)", "plutôt à [Tourcoing](location)", "non, [Vichy](location)",
    "et vers [Limoges](location) ?", "en fait [Nantes](location)",

    "avec quelqu'un",
    "je préfère avec quelqu'un",
    "avec [quelqu'un qui m'aide](mode=avec_moi)",
    "[apprendre seul](mode=autonomie)",
    "je veux [apprendre à le faire moi même](mode=autonomie)",
    "qu'on le fasse [avec moi](mode=avec_moi)",
]

TEXT_INTENTS: dict[str, list[str]] = {
    "greet": [
        "bonsoir madame", "bjr", "bonjour monsieur dame", "coucou c'est moi", "salut toi", "bonjour bonjour !", "hello hello", "bonjour je m'appelle Fatima", "slt cv", "bjr svp", "bonjour, j'ai une question", "coucou !", "salut le robot", "bonjour il y a du monde ?", "hé bonjour", "bonjour à tous", "bonjour excusez moi", "re", "re-bonjour", "bonjour a vous madame",
        "bonjour", "bonjour !", "bjr", "salut", "slt", "coucou", "bonsoir", "hello", "allo",
        "bonjour madame", "bonjour monsieur", "bonjour je suis la", "hé", "yo", "re bonjour",
        "bonjour bonjour", "bonjour à vous", "salut ça va", "bonjour, ça va ?", "hey",
        "cc", "bonjoir", "bonjours", "bonjour il y a quelqu'un ?",
        "bonjour je voudrais un renseignement", "allô ?", "salutations", "bsr", "wesh",
        "bonjour excusez moi de vous déranger", "hello bonjour", "bonjour a tous",
    ],
    "goodbye": [
        "bye", "au revoir madame", "au revoir monsieur", "allez salut", "a+ merci", "à plus", "j'y vais", "je vais y aller", "on se reparle plus tard", "bonne fin de journée", "à une prochaine fois", "tchao bye", "c'est fini pour aujourd'hui", "je quitte", "je m'arrête là", "je pars", "a la prochaine fois", "bonne soirée à vous", "salut et bonne journée", "à tout à l'heure",
        "au revoir", "aurevoir", "a+", "bye", "salut a plus", "bonne journée au revoir",
        "à bientôt", "a bientot", "ciao", "bonne soirée", "je m'en vais", "c'est tout pour moi",
        "au revoir et merci", "à la prochaine", "bye bye", "tchao", "je vous laisse",
        "bonne nuit", "a demain", "ok au revoir", "c bon au revoir", "je dois y aller",
        "fin", "terminé", "j'ai fini", "on arrête là", "a plus tard", "adieu", "bon week end",
        "bonne continuation",
    ],
    "thank": [
        "merci pour tout", "merci bien madame", "ok super merci", "merci c'est très clair", "merci infiniment pour votre aide", "je vous remercie beaucoup", "trop gentil", "merci à toi", "merciii", "thx", "merci du fond du coeur", "super, merci !", "génial", "top", "merci ça marche", "parfait, merci beaucoup", "c'est gentil", "mille mercis", "merci je vais y aller", "ok merci beaucoup",
        "merci", "merci beaucoup", "mrc", "merci bcp", "thanks", "merci c'est gentil",
        "super merci", "génial merci", "merci pour votre aide", "merci infiniment", "top merci",
        "merci bien", "c'est parfait merci", "merci mille fois", "je vous remercie", "merki",
        "ok merci", "d'accord merci", "merci madame", "merci monsieur", "vous êtes gentil",
        "c'est très utile merci", "trop bien merci", "mersi", "grand merci",
        "merci ça m'aide beaucoup", "nickel merci", "merci à vous", "cool merci",
        "merci pour les adresses",
    ],
    "affirm": [
        "ui", "wi", "oui bien sûr", "oui oui c'est ça", "oui d'accord", "ok d'accord", "ça marche", "c'est bon", "oui c bon", "exact", "oui exactement", "ouiii", "ok pour moi", "je veux bien", "pourquoi pas", "ok go", "vas-y", "allez-y", "oui merci beaucoup", "c'est juste",
        "oui", "ouais", "ouai", "oui oui", "ok", "d'accord", "dac", "daccord", "exactement",
        "c'est ça", "tout à fait", "oui merci", "oui svp", "oui s'il vous plaît", "yes",
        "bien sûr", "volontiers", "c ca", "voilà", "oui c'est bien ça", "absolument", "ok ça marche",
        "parfait", "oui je veux bien", "carrément", "affirmatif", "oké", "okay", "yep",
        "oui c'est ça", "ça me va", "oui avec plaisir",
    ],
    "deny": [
        "non non non", "non merci ça ira", "non pas du tout", "pas ça", "non c'est faux", "non ce n'est pas ça", "je ne veux pas", "non j'ai pas besoin", "non c'est pas bon", "non c pas sa", "pas trop", "bof non", "non ce n'est pas nécessaire", "négatif merci", "absolument pas", "non c'est tout", "pas du tout ça", "nan merci", "non c bon", "non je préfère pas",
        "non", "nan", "non merci", "pas du tout", "non c'est pas ça", "non non", "nope",
        "pas vraiment", "jamais", "non ça va", "pas besoin", "non je veux pas", "surtout pas",
        "négatif", "non pas ça", "ce n'est pas ça", "c'est pas ça", "non c'est bon",
        "je ne pense pas", "pas pour l'instant", "ça ira", "non pas maintenant", "non plus",
        "aucun", "rien", "pas intéressé", "non c pas ca", "nn", "non je ne veux pas",
        "pas la peine",
    ],
    "insult": [
        "tu es bête", "t'es débile ou quoi", "espèce de nul", "gros con", "t'es vraiment nul", "ce robot est nul", "tu es inutile", "t'es pas capable", "tu es nul à chier", "dégage", "ferme ta gueule", "sale robot", "bouffon", "t'es un boulet", "nulle cette appli", "c'est de la merde", "tu me casses les pieds", "t'es lourd", "idiot de robot", "tu es vraiment stupide",
        "t'es nul", "tu es nul", "connard", "bot de merde", "tu sers à rien", "ta gueule",
        "débile", "abruti", "espèce d'idiot", "t'es con", "imbécile", "nul nul nul",
        "va te faire voir", "crétin", "t'es vraiment bête", "robot stupide", "casse toi",
        "ferme la", "tu comprends rien abruti", "machine inutile", "pauvre con", "naze",
        "t'es trop nul", "saloperie de robot", "tu me saoules", "va te faire foutre",
        "t'es une merde", "idiot", "gros nul", "tu es stupide", "putain de bot",
    ],
    "emergency": [
        "je veux me suicider", "j'ai envie de mourir", "je vais mettre fin à mes jours", "il m'a frappée", "je me fais frapper", "mon conjoint est violent", "aidez moi on m'agresse", "il y a un incendie", "mon voisin fait une crise", "quelqu'un est tombé et ne se relève pas", "je suis en danger", "mon fils a disparu", "on me menace de mort", "je n'en peux plus je veux mourir", "j'ai pris trop de médicaments", "il y a eu un accident", "ma mère ne respire plus", "je suis suivie par un homme", "appelez une ambulance", "urgence", "je me sens très mal je vais tomber", "il veut me tuer", "on a cambriolé chez moi et ils sont encore là", "je suis enfermée", "mon bébé a de la fièvre très forte et ne réagit plus", "feu dans mon immeuble", "je veux plus vivre", "idées suicidaires", "j'ai été violée", "je suis victime de violences",
        "je veux mourir", "je vais me suicider", "au secours on m'agresse", "il y a le feu",
        "mon mari me frappe", "urgence mon père fait un malaise", "quelqu'un est en danger",
        "j'ai des idées noires", "on veut me tuer", "je vais me tuer", "aidez moi je suis en danger",
        "ma voisine est tombée elle bouge plus", "je suis battue", "mon enfant ne respire plus",
        "il me menace avec un couteau", "je n'ai plus envie de vivre", "je pense au suicide",
        "urgence médicale", "crise cardiaque", "appelez les pompiers", "je me sens en danger chez moi",
        "quelqu'un veut me faire du mal", "violence conjugale", "j'ai avalé des médicaments",
        "je saigne beaucoup", "accident grave", "au secours", "c'est une urgence vitale",
        "mon copain me bat", "je veux en finir", "on m'a agressé dans la rue",
    ],
    "bot_challenge": [
        "t'es un vrai ?", "c'est un humain ?", "vous êtes un robot ou une personne", "qui est derrière l'écran", "tu es un ordinateur ?", "tu penses ?", "c'est une IA qui répond ?", "tu es un assistant automatique", "je parle à une machine ?", "t'es humain ou pas",
        "t'es un robot ?", "tu es un robot", "je parle à un humain ?", "tu es une vraie personne ?",
        "qui es-tu", "t'es qui", "t'es une machine", "c'est un robot qui répond ?",
        "vous êtes une personne ?", "tu es un humain", "je parle à qui", "c'est automatique ?",
        "t'es un bot", "est ce que vous etes un robot", "vous êtes humain ?", "tu es réel ?",
        "suis-je en train de parler à un ordinateur", "c'est un chatbot ?", "t ki",
        "qui me répond", "vous etes qui", "tu es une intelligence artificielle ?",
        "es tu vivant", "il y a quelqu'un derrière ?", "c'est une vraie personne qui écrit ?",
        "tu es un programme ?", "vous êtes un assistant virtuel ?", "tes un robot ou pas",
        "robot ?", "c'est une machine qui répond",
    ],
    "confused": [
        "jcomprends pas ce que tu dis", "c'est trop compliqué pour moi", "je ne sais pas comment faire", "je suis perdue là", "j'ai pas tout compris", "qu'est ce que ça veut dire", "comment ça ?", "je vois pas ce que vous voulez dire", "expliquez moi svp", "c'est pas clair pour moi",
        "je comprends pas", "j'ai pas compris", "quoi ?", "hein ?", "c'est quoi ça",
        "je ne comprends pas", "comment ça marche", "je sais pas quoi dire", "je suis perdu",
        "comprends rien", "jcomprend pa", "qu'est ce que je dois écrire", "je sais pas",
        "vous pouvez répéter", "pardon ?", "comment ?", "expliquez moi", "je comprends rien à ce que vous dites",
        "c'est compliqué", "je ne sais pas quoi faire", "qu'est-ce que vous voulez dire",
        "j'ai rien compris", "kesako", "ça veut dire quoi", "je vois pas", "comment on fait",
        "je ne vois pas ce que vous voulez", "c'est pas clair", "pouvez vous expliquer",
        "je suis un peu perdue", "quoi", "hein",
    ],
    "forget_me": [
        "oublie-moi", "oublie moi", "efface mes données", "supprime la conversation",
        "je veux que tu oublies tout", "supprimez mes informations", "effacer mes données",
        "supprimer mes données personnelles", "rgpd supprimez tout", "effacez tout",
        "ne garde rien sur moi", "supprime ce que j'ai dit", "effacer l'historique",
        "je veux supprimer mes données", "droit à l'oubli", "oubliez moi",
        "vous pouvez effacer notre échange", "supprimer tout ce que j'ai écrit",
        "efface tout ce qu'on s'est dit", "je ne veux pas que vous gardiez mes infos",
        "détruisez mes données", "effacement de mes données", "supprime mon historique",
        "oublie tout", "je veux être oublié", "ne conserve pas mes données", "efface moi",
        "supprimez la discussion", "effacez la conversation svp", "oubliez cette conversation",
    ],
    "restart": [
        "recommencer", "on recommence", "reprendre depuis le début", "nouvelle recherche",
        "reset", "à zéro", "on reprend tout", "recommence", "je veux recommencer",
        "repartir de zéro", "début", "retour au début", "on efface et on recommence",
        "refaire une recherche", "autre recherche", "je recommence", "on repart à zéro",
        "tout recommencer", "reprendre", "relancer", "redémarrer", "restart",
        "je veux faire une autre recherche", "on reprend depuis le debut", "recommencer svp",
        "menu", "retour", "revenir au début", "nouvelle demande", "annuler et recommencer",
    ],
    "more_results": [
        "d'autres lieux", "d'autres adresses", "encore", "plus de résultats",
        "y en a d'autres ?", "la suite", "montre moi plus", "autre chose que ça",
        "vous en avez d'autres", "d'autres", "plus", "suivant", "les suivants", "autres résultats",
        "il y a d'autres endroits ?", "je voudrais d'autres propositions", "encore d'autres",
        "et sinon ?", "montrez m'en d'autres", "plus de lieux", "d'autres choix", "autres",
        "y'a pas autre chose", "ya dautre endroit", "encore des adresses svp",
        "ces lieux ne me conviennent pas, d'autres ?", "voir plus", "afficher plus",
        "les autres", "d'autres possibilités", "une autre adresse",
    ],
    "change_location": [
        "une autre ville", "pas là", "autre commune", "je me suis trompé de ville",
        "changer de ville", "c'est pas ma ville", "ailleurs", "dans une autre ville",
        "pas cette ville", "mauvaise ville", "je veux changer de lieu", "autre endroit",
        "chercher dans une autre commune", "c'est trop loin", "trop loin", "changer la ville",
        "ce n'est pas la bonne commune", "je n'habite pas là",
        "je voudrais chercher ailleurs", "pas dans cette ville", "autre part",
        "on peut chercher dans une autre ville ?", "c'est pas là que j'habite",
        "modifier la ville", "je veux changer la commune", "changer d'endroit", "pas ici",
        "une autre commune svp", "c'est pas le bon endroit", "ville différente",
    ],
    "send_it": [
        "envoyez-le moi", "envoie moi ça", "envoyez moi les adresses", "tu peux me l'envoyer",
        "par sms", "envoie par sms", "par mail", "je veux garder les adresses", "envoyer le résumé",
        "envoyez moi un récapitulatif", "je peux l'avoir par écrit ?", "envoie-moi ça par texto",
        "vous pouvez me l'envoyer par message", "mettez le moi de côté", "je veux le garder",
        "un récap svp", "envoyez ça sur mon téléphone", "envoyez moi ça par mail svp",
        "je peux recevoir les infos ?", "envoyer", "envoie", "je veux les infos par sms",
        "tu m'envoies les coordonnées", "envoyez-moi les numéros", "garder une trace",
        "je veux noter tout ça", "sauvegarder les adresses", "envoi moi sa", "envoyez le moi svp",
        "pouvez-vous me l'envoyer", "résumé",
    ],
    "human_handoff": [
        "je veux un vrai humain", "je préfère quelqu'un au téléphone", "vous avez un numéro ?", "un conseiller humain svp", "passez moi un agent", "quelqu'un pour me rappeler", "une personne pour m'aider au téléphone", "un numéro pour parler à quelqu'un", "je veux parler à l'accueil", "je veux quelqu'un en vrai",
        "parler à quelqu'un", "un humain", "je veux un conseiller", "une vraie personne",
        "appeler quelqu'un", "un agent svp", "je veux parler à une personne",
        "je préfère parler à un humain", "passez moi quelqu'un", "un être humain svp",
        "je veux parler à un vrai conseiller", "mettez moi en relation avec quelqu'un",
        "il y a un numéro de téléphone ?", "je peux appeler qui ?", "je veux téléphoner",
        "parler a un humain", "quelqu'un de réel", "une personne physique", "un opérateur",
        "joindre un conseiller", "contact humain", "je veux qu'on m'appelle",
        "je préfère qu'on me rappelle", "numéro à appeler", "parler à un agent",
        "je veux pas un robot je veux une personne", "transférez moi à un conseiller",
        "quelqu'un peut m'appeler ?", "je veux parler à quelqu'un de vivant", "un humain svp",
    ],
    "out_of_scope": [
        "quel temps fera-t-il ce week-end", "la météo", "météo demain", "tu peux me faire une recette", "le match de ce soir", "qui est le président", "tu connais une bonne blague", "je cherche un électricien", "ma machine à laver fuit", "je cherche une location", "combien coûte un loyer", "horaires du marché", "je veux commander à manger", "réserve moi un taxi", "je cherche une nounou", "mon chien a mangé du chocolat", "c'est quoi la capitale de l'Espagne", "donne moi des numéros du loto", "aide moi pour mon divorce", "je cherche un avocat", "mon patron ne me paie pas", "je veux porter plainte contre mon voisin", "il pleut ?", "qu'est ce qu'on mange", "la piscine est ouverte ?", "un bon coiffeur", "je veux vendre ma maison", "où acheter du pain", "résultat du match", "blablabla", "hahaha", "ok ok ok lol", "je m'ennuie", "je veux jouer", "chante moi quelque chose", "quelle est la couleur du ciel", "bip bip", "test", "test test", "qsdfghjk", "...", "lkjlkj", "1234",
        "quel temps fait-il", "il fait beau demain ?", "donne moi une recette de gâteau",
        "qui a gagné le match", "raconte une blague", "quelle heure est-il", "je veux une pizza",
        "combien fait 2+2", "tu connais un bon plombier", "mon chauffage est en panne",
        "je cherche un appartement", "prix de l'essence", "horaires de la piscine",
        "c'est quoi le sens de la vie", "j'ai mal au dos",
        "trouve moi un restaurant", "je veux réserver un train", "quel est le meilleur film",
        "chante une chanson", "combien coûte une baguette",
        "je cherche un médecin de garde", "mon chat est malade", "je veux un chien",
        "aide moi à faire mes devoirs de maths", "donne moi les résultats du loto",
        "la mairie est ouverte quand", "je veux acheter une voiture", "où est la boulangerie",
        "c'est quand les soldes", "traduis ce texte en anglais", "écris moi un poème",
        "je cherche un logement social", "ma voiture ne démarre plus", "le bus 12 passe à quelle heure",
        "bla bla bla", "azerty", "lol", "mdr", "123456",
    ],
}

FILTER = [
    "seulement les [gratuits](constraint=gratuit)", "c'est [gratuit](constraint=gratuit) ?",
    "uniquement [gratuit](constraint=gratuit)", "je veux que ce soit [gratuit](constraint=gratuit)",
    "j'ai pas d'argent il faut que ce soit [gratuit](constraint=gratuit)",
    "que les lieux [gratuits](constraint=gratuit) svp", "[sans payer](constraint=gratuit)",
    "[gratos](constraint=gratuit) ?", "seulement les lieux [gratuits](constraint=gratuit)",
    "ouvert le [samedi](constraint=samedi)", "je travaille en semaine, [le samedi](constraint=samedi) ?",
    "il y a quelque chose d'ouvert le [samedi](constraint=samedi) ?",
    "ouvert le [week-end](constraint=samedi)", "seulement le [samedi](constraint=samedi)",
    "[ouvert maintenant](constraint=ouvert_maintenant)", "c'est ouvert [maintenant](constraint=ouvert_maintenant) ?",
    "je peux y aller [tout de suite](constraint=ouvert_maintenant) ?",
    "lesquels sont ouverts [aujourd'hui](constraint=ouvert_maintenant)",
    "[accessible en fauteuil](constraint=accessible)", "je suis en [fauteuil roulant](constraint=accessible)",
    "un lieu [accessible](constraint=accessible) aux handicapés",
    "accès [PMR](constraint=accessible) ?", "j'ai une [mobilité réduite](constraint=accessible)",
    "pour les [seniors](constraint=seniors)", "pour les [personnes âgées](constraint=seniors)",
    "je suis [à la retraite](constraint=seniors), un atelier pour nous ?",
    "quelqu'un qui peut le faire [à ma place](constraint=a_ma_place)",
    "qu'on fasse la démarche [pour moi](constraint=a_ma_place)",
    "avec [aidants connect](constraint=a_ma_place)",
    "un [aidant connect](constraint=a_ma_place) svp",
    "je veux qu'on le fasse [à ma place](constraint=a_ma_place) et [gratuit](constraint=gratuit)",
    "[gratuit](constraint=gratuit) et ouvert le [samedi](constraint=samedi)",
]

# --- second round (issue 4): more varied wordings for the audience ----------------------------
# SMS spellings, no accents, typos, long messages, several needs in one message. Added where the
# 3-fold cross-validation showed confusions (out_of_scope, affirm/deny, change_location,
# more_results) and to every small-talk sub-intent of `chitchat`.
ASK_HELP_MORE = [
    "bonsoir excuse moi de deranger je suis maman solo avec 3 enfants la [caf](procedure=caf) a coupé mes droits et il faut tout refaire sur internet mais jai [pas d'ordinateur](need=materiel_usage) et je comprend rien",
    "bonjour je vous écris parce que mon fils m'a installé [ameli](procedure=ameli) sur [mon téléphone](need=smartphone) mais il est reparti et maintenant je ne retrouve plus rien, je ne sais même pas où appuyer",
    "jai 2 truc a faire ma [declaration d'impot](procedure=impots) et mon [dossier retraite](procedure=retraite) et je sais pas par ou commencer",
    "slt jcherche du [taf](need=emploi) mais jai [pas internet](need=internet) chez moi et mon tel est tout pourri",
    "Madame Monsieur, suite au décès de mon époux je dois effectuer plusieurs démarches en ligne ([retraite](procedure=retraite), [caf](procedure=caf), banque) et je n'ai jamais utilisé d'ordinateur de ma vie, pouvez vous m'indiquer où me rendre",
    "je dois faire mon [titre de sejour](procedure=titre_sejour) sur le site anef et aussi mon inscription [pole emploi](procedure=france_travail) mais je lis mal le francais",
    "besoin d'un coup de main pour [scanner](need=materiel_usage) et envoyer mes papiers a la [caf](procedure=caf)",
    "jarive pa a me conecter a mon compt [ameli](procedure=ameli) sa me di mot de passe faux",
    "cmt on fai pr [imprimer](need=materiel_usage) un billet de train jai pa d'imprimante",
    "mon petit fils ma offert une [tablette](need=smartphone) pour noel mais je sais meme pas l'allumer et en plus je voudrais faire des [visio](need=quotidien) avec lui",
    "j'ai reçu un mail bizarre qui me demande mon code de carte bleue, c'est une [arnaque](need=securite) ? je voudrais apprendre à me protéger",
    "il faut que je refasse ma [carte d identite](procedure=ants) et mon [passeport](procedure=ants) et le site me demande une photo numerique je sais pas faire",
    "je suis au chomage et on me demande de faire un [cv](need=emploi) sur ordinateur, j'en ai jamais fait, et aussi ouvrir une [adresse mail](need=quotidien)",
    "aide pr [demarche](need=demarches) en ligne svp urgent c pour demain",
    "je sui nul avec les ordi je voudrai apprendre les bases [word](need=ordinateur) internet tout sa",
    "ma [box](need=internet) est coupée depuis 1 mois et je dois actualiser [france travail](procedure=france_travail) avant le 15",
    "qui peut maider a remplir le formulaire [mdph](procedure=mdph) de ma fille en ligne",
    "je veux pas qu'on fasse à ma place je veux [apprendre](need=ordinateur) à me servir d'internet moi même",
    "jai un [dossier caf](procedure=caf) a faire et aussi [imprimer](need=materiel_usage) des attestations",
    "un endroit où on m'aide pour les [impots](procedure=impots) et où je peux [imprimer](need=materiel_usage)",
    "je suis handicapé je cherche un lieu [accessible](constraint=accessible) pour faire ma demande [aah](procedure=mdph)",
    "on m'a dit d'aller dans un [france services](need=demarches) pour ma [carte grise](procedure=ants) c'est où",
    "je comprend rien a [doctolib](need=sante) pour prendre rdv chez le dentiste",
    "comment on met des applis sur un [portable](need=smartphone) android",
    "help jai perdu mon mot de passe [france connect](procedure=franceconnect)",
    "c'est pour ma mère elle a 85 ans elle doit faire sa [declaration](procedure=impots) en ligne et moi j'habite loin",
    "je voudrais un [ordi pas cher](need=materiel_achat) ou d'occasion pour mes enfants pour l'école",
    "les [arnaques](need=securite) par sms j'en reçois tous les jours et j'ai peur de cliquer",
    "apprendre a faire des [achats en ligne](need=quotidien) sans risque",
    "comment faire pour [envoyer un mail](need=quotidien) avec une piece jointe",
]

INFORM_MORE = [
    "jsui a {t}", "chez moi c {t}", "{t} stp", "dans le coin de {t}", "pas loin de {t}",
    "jhabite pres de {t}", "c'est à {t} que j'habite",
]
INFORM_OTHER_MORE = [
    "[avec quelqu'un](mode=avec_moi) c mieux", "je prefere qu'on m'aide [avec moi](mode=avec_moi)",
    "[tout seul](mode=autonomie) je veux apprendre", "je veux [apprendre a le faire seul](mode=autonomie)",
    "[accompagné](mode=avec_moi)", "qu'on me montre [pour que je sache le faire seule](mode=autonomie)",
    "que les [gratuit](constraint=gratuit) stp", "c [gratuit](constraint=gratuit) ou pas ?",
    "jai pa de sous faut que ce soit [gratuit](constraint=gratuit)",
    "ouvert le [samedi](constraint=samedi) svp je travaille la semaine",
    "y a un truc ouvert [maintenant](constraint=ouvert_maintenant) ?",
    "je suis en [fauteuil](constraint=accessible) c'est accessible ?",
    "ma mère est [en fauteuil roulant](constraint=accessible)",
    "un atelier [pour les anciens](constraint=seniors)", "pour [personne agee](constraint=seniors) svp",
    "je veux qu'on le fasse [pour moi](constraint=a_ma_place) jy arriverai pas",
]

MORE: dict[str, list[str]] = {
    "greet": [
        "bjr madame", "bonjour a vous", "slt tout le monde", "coucou c moi", "bonsoir a vous",
        "bjr bjr", "salut salut", "bonjoure", "bon jour", "boujour", "bonjou", "hello la compagnie",
        "bonjour !!!", "Bonjour Madame, Monsieur", "hé ho", "coucou toi", "bonjour l'assistant",
        "bonjour je découvre", "bonsoir excusez moi", "slt sa va",
    ],
    "goodbye": [
        "bon ben au revoir", "aurevoir madame", "a bientôt merci", "bye merci", "ciao ciao",
        "à la revoyure", "bonne fin de journee", "a tte", "@+", "bisous", "je file", "bonne soiree",
        "au revoir bonne journée", "a plus tard merci", "je me deconnecte", "au revoir a bientot",
    ],
    "thank": [
        "merci bcp madame", "mci", "merci c super", "je te remercie", "merci pour l'info",
        "merci pour les infos", "merci beaucoup pour votre aide précieuse", "merciiii", "mercie",
        "merçi", "trop cool merci", "génial merci bcp", "ah super merci", "merci ca m'aide",
        "merci pour ces adresses",
    ],
    "insult": [
        "t nul", "tes con", "c nul ce truc", "ce site est nul", "nul a chier", "va chier",
        "jte deteste", "tes vraiment bete", "robot de merde", "t'es trop con", "appli pourrie",
        "t'es complètement débile",
    ],
    "bot_challenge": [
        "t un robot", "c un robot ?", "tes humain ?", "vous etes une vrai personne",
        "c'est un ordi qui repond", "jparle a un robot ?", "t'es une ia ?", "c une machine ?",
        "vous êtes une intelligence artificielle", "y a un humain qui lit ?",
    ],
    "confused": [
        "jcomprends rien", "je comprend pas ce que vous voulez", "c'est a dire ?", "c a d ?",
        "je sais pas quoi repondre", "comment sa", "jsp", "je capte pas", "chui perdu",
        "jsuis perdue", "c'est quoi la question", "je comprends pas votre question",
    ],
    "affirm": [
        "oui stp", "ouii", "oki", "okk", "ouep", "oui oui merci", "sa marche", "ca me va",
        "oui c'est ca", "oui je veux", "ok pour ça", "oui allez", "bah oui", "ben oui",
        "oui pourquoi pas", "évidemment", "oui volontiers", "ok je veux bien", "oui sil vous plait",
        "oui svp merci",
    ],
    "deny": [
        "non stp", "nn merci", "non pas besoin", "non sa ira", "non c tout", "nan c bon",
        "non c'est pas la peine", "non non merci", "pas la peine merci", "bah non", "ben non",
        "non pas vraiment", "non je prefere pas", "sûrement pas", "non jveux pas",
        "non ca va aller", "ah non", "non, c'est faux", "non pas du tout merci", "nan",
    ],
    "emergency": [
        "jveux mourir", "jen peux plus jveux en finir", "au secour", "il me frape",
        "urgent on m'agresse", "mon mari me tape dessus", "jai envie de me tuer",
    ],
    "forget_me": [
        "efface tout stp", "supprime mes infos", "oublie tout ce que jai dit",
        "je veux que vous effaciez mes donnees", "supprimer mes donnees svp",
    ],
    "restart": [
        "on recommence stp", "recomencer", "nouvel recherche", "tout reprendre a zero",
        "recommencer depuis le debut svp",
    ],
    "more_results": [
        "d'autre adresse svp", "encore dautres", "ya pas plus ?", "montre la suite",
        "y en a pas d'autres", "d'autres lieux svp", "plus d'adresses", "autres propositions",
        "les suivants svp", "page suivante", "encore 3", "la suite svp",
        "d'autres endroits dans le coin", "yen a dautres", "vous avez rien d'autre",
        "rien d'autre ?", "plus de choix", "autres lieux", "montrez moi d'autres adresses",
    ],
    "change_location": [
        "c'est pas la bonne ville", "jsuis pas la bas", "mauvaise commune", "chercher ailleurs svp",
        "c loin de chez moi", "trop loin pour moi j'ai pas de voiture",
        "c'est à l'autre bout du département", "je peux pas aller jusque là",
        "vous vous etes trompé de ville", "je voulais dire une autre ville", "c pas ma commune",
        "changer de commune", "ce n'est pas ma ville", "modifier le lieu", "autre ville svp",
        "une ville differente", "je suis pas de là", "non pas cette commune là",
        "je me suis trompée de commune", "chercher ailleurs",
    ],
    "send_it": [
        "envoi moi ca par sms", "tu peux menvoyer les adresses", "envoyez par texto svp",
        "je veux recevoir les adresses", "envoyer par message", "mettez moi tout ça par écrit",
        "je peux avoir un recap", "envoyez les coordonnées", "je note pas vite vous pouvez envoyer",
        "envoyez-moi tout ça", "je voudrais les adresses par sms",
        "j'ai pas de stylo envoyez moi ça",
    ],
    "human_handoff": [
        "un vrai conseiller svp", "jveux parler a qqn", "passez moi un humain",
        "je veux parler a une vrai personne", "appelez moi", "rappelez moi svp",
        "je prefere parler a quelqun", "numero de telephone svp", "un numéro où appeler",
        "je veux un humain pas une machine", "parler à un conseiller france services",
    ],
    "out_of_scope": [
        "je cherche un garagiste", "ou acheter des croquettes", "mon frigo est en panne",
        "c'est combien le ticket de bus", "la poste ferme a quelle heure", "je veux adopter un chat",
        "ou est la pharmacie de garde", "comment faire une tarte aux pommes", "quel jour on est",
        "jai faim", "il fait froid", "ma fille a un rhume", "la meteo pour demain svp", "meteo",
        "quel temp il fait", "c koi le resultat du psg", "je cherche un bon resto",
        "le prix du gasoil", "mon voisin fait du bruit la nuit",
        "ma machine a laver est en panne qui appeler", "je veux faire un gateau",
        "je cherche une femme de menage", "un garde meuble pas cher", "ou jeter mes encombrants",
        "c quand le prochain jour férié",
        "je veux louer une voiture", "mon chauffe eau fuit", "jai perdu mon chat",
        "recette de crepes", "je veux apprendre a nager", "cours de guitare",
        "un taxi pour l'hopital", "où faire les courses pas cher", "je cherche une baby sitter",
        "jveux un kebab", "kelle heure il est",
        "azertyuiop", "hjkhjk", "xxxxx", "ptdr", "aaaaaa", "fdsfds", "!!!", "tt",
    ],
}

# Third round: vocabulary that the cross-validation showed missing (each need, each kind of
# danger, each kind of out-of-scope request had only a handful of wordings).
ASK_HELP_MORE2 = [
    "je voudrais apprendre à me servir d'[internet](need=quotidien)",
    "faire mes [courses en ligne](need=quotidien)", "payer en ligne sans risque",
    "comment on fait un [virement](need=quotidien) sur l'appli de la banque",
    "ouvrir ma [boite mail](need=quotidien)", "j'ai oublié le mot de passe de ma [messagerie](need=quotidien)",
    "[apprendre le clavier](need=ordinateur) et la souris", "j'ai jamais touché un [ordinateur](need=ordinateur)",
    "cours [informatique](need=ordinateur) debutant svp", "atelier [tablette](need=smartphone) pour débutant",
    "mon [telephone](need=smartphone) est trop compliqué", "regler mon [portable](need=smartphone)",
    "je sais pas telecharger une [appli](need=smartphone)", "aide avec mon [smartphone](need=smartphone) samsung",
    "trouver un [emploi](need=emploi) sur internet", "mettre mon [cv](need=emploi) sur indeed",
    "chercher du [boulot](need=emploi) en ligne", "faire une [lettre de motivation](need=emploi)",
    "j'ai besoin d'[internet](need=internet) pour mes papiers", "un [wifi](need=internet) gratuit pour travailler",
    "où je peux [photocopier](need=materiel_usage) mes papiers", "[imprimer](need=materiel_usage) mon billet",
    "j'ai besoin d'un [ordinateur](need=materiel_usage) pour une heure",
    "acheter un [telephone reconditionné](need=materiel_achat)", "un [ordi d'occasion](need=materiel_achat) pas cher",
    "mon [compte a été piraté](need=securite) aidez moi", "je me suis fait [pirater](need=securite) mon facebook",
    "un [faux mail](need=securite) de la banque", "[protéger mes enfants](need=parentalite) sur internet",
    "[pronote](need=parentalite) ça marche pas", "l'[ENT](need=parentalite) du collège de mon fils",
    "déclarer ma [micro entreprise](need=entreprise)", "créer le [site](need=entreprise) de mon restaurant",
    "la [caf](procedure=caf) me demande un justificatif en ligne", "refaire ma [carte vitale](procedure=ameli)",
    "prendre rdv en [prefecture](procedure=titre_sejour) sur internet", "faire ma [demande de logement](need=demarches) en ligne",
    "remplir un [formulaire](need=demarches) sur internet", "je dois envoyer un [dossier](need=demarches) par internet",
]
MORE2: dict[str, list[str]] = {
    "emergency": [
        "jai envie d'en finir", "je veux plus être là", "je vais sauter par la fenêtre",
        "je pense à me tuer", "j'ai plus la force de vivre", "je veux disparaitre pour toujours",
        "il me tape tous les soirs", "mon ex me menace", "je me fais battre par mon mari",
        "on me frappe à la maison", "j'ai peur pour ma vie", "il a un couteau",
        "quelqu'un essaie de rentrer chez moi", "au secours aidez moi vite",
        "ma grand mère est tombée elle répond plus", "mon père a fait un malaise",
        "je n'arrive plus à respirer", "douleur dans la poitrine", "mon fils s'est ouvert la tête",
        "il y a de la fumée partout", "ça brûle dans la cuisine", "fuite de gaz chez moi",
        "je suis en danger de mort", "urgence svp appelez les secours", "il faut appeler le samu",
    ],
    "out_of_scope": [
        "tu peux me trouver un plombier", "je cherche un serrurier", "trouve moi un dentiste",
        "je cherche un kiné", "c'est quoi la recette du couscous", "tu connais un bon garage",
        "je veux un rendez vous chez le coiffeur", "où acheter des fleurs", "combien coûte un billet d'avion",
        "quelle est la date d'aujourd'hui", "qui a gagné l'euro",
        "je veux voyager en espagne", "ma télé ne s'allume plus", "mon lave vaisselle fuit",
        "je cherche une maison de retraite", "ou faire garder mon chien", "le marché c'est quel jour",
        "quel est le prix du pain", "je veux apprendre à cuisiner", "cours de danse", "cours de piano",
        "tu peux faire mes courses", "je veux un café", "combien il y a d'habitants en France",
    ],
    "affirm": [
        "oui c'est ce que je veux", "oui tout à fait", "oui c'est exact", "ok c'est d'accord",
        "oui bien sur merci", "oui je suis d'accord", "d'acc", "ok oui", "oui c'est bien ça merci",
        "certainement",
    ],
    "deny": [
        "non je ne crois pas", "non c'est pas ce que je veux", "non pas comme ça", "pas d'accord",
        "non merci pas besoin", "non je n'en veux pas", "nan pas besoin", "non jamais",
    ],
    "greet": ["bonjour madame je vous écris", "salut c'est pour une question", "bonjour, excusez-moi"],
    "goodbye": ["à demain", "a toute", "je m'en vais merci", "je ferme", "bon je vous laisse",
                "au revoir je reviendrai"],
    "thank": ["ok merci bien", "merci bcp c gentil", "c'est super gentil merci"],
    "insult": ["c'est nul", "ce truc sert à rien", "t'es vraiment inutile", "ta gueule le robot",
               "débile ce robot", "t'es nul à chier"],
    "bot_challenge": ["tu es un logiciel ?", "c'est un programme qui répond", "t'es une appli ?",
                      "t'es un robot ou un humain", "c'est un vrai humain qui répond ?",
                      "je discute avec une machine ?"],
    "confused": ["j'ai pas bien compris", "je ne comprends pas la question",
                 "je sais pas ce qu'il faut répondre", "vous pouvez reformuler"],
    "human_handoff": ["je voudrais parler à un conseiller", "un conseiller au téléphone svp",
                      "qui je peux appeler", "votre numéro de téléphone", "je veux une vraie personne au bout du fil",
                      "mettez moi avec un humain"],
    "send_it": ["je veux garder ça", "envoyez moi tout par écrit", "notez moi ça par sms",
                "je peux avoir les adresses par écrit", "garder les adresses"],
    "more_results": ["d'autres adresses svp", "il y en a d'autres ?", "plus de propositions"],
    "change_location": ["c'est trop loin de chez moi", "plus près de chez moi", "pas dans cette ville là"],
}

# Fourth round (2026-11-26, branch nlu2): vocabulary the cross-validation errors showed missing.
# Each list adds wordings the data had none of (new words, not copies of the failed examples):
# everyday requests outside our scope, keyboard mashing and numbers, very short yes/no/bye,
# new kinds of danger, new ways to ask for a person, a summary or another town.
ASK_HELP_MORE3 = [
    "je sais pas me servir de [whatsapp](need=quotidien)", "installer [whatsapp](need=quotidien) sur mon tel",
    "faire un appel [video](need=quotidien) avec mes petits enfants", "envoyer une [photo](need=smartphone) par message",
    "je sais pas [envoyer un mail](need=quotidien) avec une piece jointe", "comment on met un document en [pièce jointe](need=quotidien)",
    "mettre a jour mon [telephone](need=smartphone)", "mon [tel](need=smartphone) est plein je peux plus rien faire",
    "je voudrais un [ordinateur](need=materiel_usage) pour faire mes papiers", "ou je peux aller sur [internet](need=internet) gratuitement",
    "j'ai pas de [connexion](need=internet) à la maison", "ma [box](need=internet) marche plus et j'ai des papiers à faire",
    "un endroit avec du [wifi](need=internet)", "acheter un [ordi](need=materiel_achat) pas trop cher pour mon fils",
    "ou trouver une [tablette a petit prix](need=materiel_achat)", "un [telephone solidaire](need=materiel_achat)",
    "on m'a volé mon [compte](need=securite) instagram", "j'ai cliqué sur un [lien bizarre](need=securite) dans un sms",
    "un sms me dit que j'ai une [amende](need=securite) a payer c'est vrai ?", "j'ai donné mon code de carte a un [faux conseiller](need=securite)",
    "mon [mot de passe](need=securite) marche plus on me l'a changé", "je reçois plein de [pubs bizarres](need=securite) sur l'ordi",
    "apprendre a [utiliser une souris](need=ordinateur)", "je sais pas [copier coller](need=ordinateur)",
    "faire un [tableau excel](need=ordinateur)", "apprendre [word](need=ordinateur) pour ecrire des lettres",
    "ranger mes [fichiers](need=ordinateur) sur l'ordi", "c'est quoi le [cloud](need=culture)",
    "m'inscrire sur un [site d'emploi](need=emploi)", "postuler a une [offre](need=emploi) sur internet",
    "preparer un [entretien en visio](need=emploi)", "refaire mon [cv](need=emploi) sur l'ordinateur",
    "[declarer mes revenus](procedure=impots) en ligne", "payer ma [taxe](procedure=impots) sur internet",
    "mon [espace impots](procedure=impots) est bloqué", "je dois faire une [procuration](need=demarches) en ligne",
    "prendre un [rendez-vous](need=demarches) sur internet pour la mairie", "une [attestation](need=demarches) à télécharger",
    "je dois [scanner](need=materiel_usage) un document", "faire des [photocopies](need=materiel_usage)",
    "[imprimer](need=materiel_usage) mon attestation caf", "j'ai besoin d'une [imprimante](need=materiel_usage)",
    "ma fille est au college et je comprends rien a l'[ENT](need=parentalite)", "voir le [bulletin](need=parentalite) de mon fils en ligne",
    "inscrire mon enfant a la [cantine](need=demarches) sur internet", "[inscription scolaire](need=demarches) en ligne",
    "faire mon [auto entreprise](need=entreprise)", "[facturer](need=entreprise) mes clients en ligne",
    "creer ma [boutique en ligne](need=entreprise)", "je veux faire des [videos youtube](need=loisirs)",
    "apprendre a [faire des photos](need=loisirs) avec mon telephone", "un [atelier numerique](need=ordinateur) pres de chez moi",
    "des [cours d'informatique](need=ordinateur) pour les vieux", "formation [internet](need=quotidien) pour debutant",
    "qui peut m'aider avec [l'ordinateur](need=ordinateur)", "j'ai besoin qu'on m'explique [internet](need=quotidien)",
    "bjr jai besoin d'aide pr mon [dossier caf](procedure=caf)", "slt c pour un [pb de tel](need=smartphone)",
    "un [espace numérique](need=ordinateur) pres de chez moi", "un lieu ou on aide pour les [papiers](need=demarches) en ligne",
    "la [maison france services](need=demarches) la plus proche", "une [médiathèque](need=internet) avec des ordinateurs",
    "aide [renouvellement titre de séjour](procedure=titre_sejour) anef", "mon [numero fiscal](procedure=impots) je le trouve pas",
    "faire ma demande de [complementaire sante](procedure=ameli)", "telecharger mon [attestation de securite sociale](procedure=ameli)",
    "mon [compte ameli](procedure=ameli) est bloqué depuis une semaine", "recuperer mon [identifiant caf](procedure=caf)",
    "déclarer un [changement de situation](procedure=caf) à la caf", "je dois faire ma [declaration trimestrielle](procedure=caf) rsa",
    "bonjour, je viens d'arriver en France, je dois faire beaucoup de démarches sur internet ([titre de séjour](procedure=titre_sejour), [caf](procedure=caf), banque) et je ne sais pas utiliser un [ordinateur](need=ordinateur), où aller ?",
    "alors voila je vous explique, mon mari faisait tout sur l'ordinateur et il est parti, maintenant je dois m'occuper des [impots](procedure=impots) et de la [caf](procedure=caf) toute seule et je sais pas faire",
    "bonsoir je m'excuse de vous deranger, j'ai 78 ans, j'ai un [telephone](need=smartphone) a touches et on me dit qu'il faut un smartphone pour la banque, je suis perdue",
    "ma conseillere [france travail](procedure=france_travail) veut que je fasse tout en ligne mais jai pas d'ordi ni internet a la maison et mon forfait est fini",
    "cc jsui etudiant jai besoin d'un [ordi](need=materiel_achat) pas cher pour les cours et de l'aide pour ma [bourse](need=demarches) en ligne",
    "j'arrive pas a faire la [demande d'apl](procedure=caf) le site bug et je dois rendre le dossier avant la fin du mois sinon je perds mon logement",
]
INFORM_MORE3 = [
    "je suis de {t}", "jsuis sur {t}", "mon adresse c'est a {t}", "j'habite sur {t} moi",
    "en ce moment je suis à {t}", "je reste à {t}", "c'est pour {t}", "secteur {t}",
    "je suis domicilié à {t}", "la ville c'est {t}", "chez ma fille à {t}", "{t} centre",
]
INFORM_OTHER_MORE3 = [
    "il faut que ce soit [gratuit](constraint=gratuit) je touche le rsa", "[sans payer](constraint=gratuit) si possible",
    "pas cher ou [gratuit](constraint=gratuit)", "je peux pas payer",
    "que ce soit ouvert le [samedi](constraint=samedi)", "le [week-end](constraint=samedi) c'est possible ?",
    "je travaille en semaine donc le [samedi](constraint=samedi)", "c'est ouvert [aujourd'hui](constraint=ouvert_maintenant) ?",
    "un truc ouvert [maintenant](constraint=ouvert_maintenant)", "[tout de suite](constraint=ouvert_maintenant) si possible",
    "je me deplace en [fauteuil roulant](constraint=accessible)", "il me faut un lieu [accessible](constraint=accessible)",
    "mon mari est handicapé il faut que ce soit [accessible](constraint=accessible)", "[PMR](constraint=accessible) svp",
    "j'ai 80 ans", "un endroit [pour les seniors](constraint=seniors)", "atelier [pour personnes âgées](constraint=seniors)",
    "je suis [à la retraite](constraint=seniors)", "qu'on fasse [à ma place](constraint=a_ma_place) svp",
    "je veux que quelqu'un le fasse [pour moi](constraint=a_ma_place)", "un [aidant connect](constraint=a_ma_place)",
    "qu'on m'accompagne", "[avec quelqu'un](mode=avec_moi) a cote de moi", "[avec moi](mode=avec_moi) svp",
    "je prefere qu'on m'aide", "[seule](mode=autonomie) je pense que je peux", "je veux [apprendre moi meme](mode=autonomie)",
    "[en autonomie](mode=autonomie)", "qu'on m'apprenne pour la prochaine fois",
]

MORE3: dict[str, list[str]] = {
    "out_of_scope": [
        "je cherche un electricien pas cher", "mon chauffe eau marche plus", "le toit de ma maison fuit",
        "je cherche un appartement", "ou trouver un logement social", "combien coute un loyer a [Paris](location)",
        "je veux changer de voiture", "ou faire reparer mon velo", "combien coute le controle technique",
        "ou acheter un matelas", "je veux des chaussures", "les horaires de la poste", "ou est la pharmacie de garde",
        "mon medecin est en vacances", "j'ai de la fievre depuis hier", "j'ai mal aux dents", "j'ai la grippe",
        "recette du gateau au chocolat", "comment cuire des pates", "qu'est ce que je fais a manger ce soir",
        "il fait beau demain ?", "la meteo du week end", "il va neiger ?", "quel temps il fait",
        "qui a gagne le match hier", "le score de l'om",
        "raconte une histoire", "fais moi rire",
        "je suis amoureuse", "je me suis disputé avec ma soeur", "ma femme est partie",
        "j'ai perdu mes clés", "j'ai perdu mon chat", "ou faire vacciner mon chien", "je cherche un veterinaire",
        "horaires de la piscine", "ou est la mairie", "le prochain train pour [lyon](location)", "un taxi svp",
        "combien coute un timbre", "c'est quand les vacances scolaires", "quel jour on est demain",
        "quelle heure il est", "le prix du gazoil", "ou il y a des soldes", "je veux un credit",
        "je cherche une aide menagere", "une femme de menage", "je cherche un baby sitter",
        "mon loyer a augmenté", "mon proprio veut pas rendre la caution", "un avocat gratuit",
                "je veux faire du sport", "un club de foot pour mon fils", "cours de guitare", "cours d'anglais",
        "apprendre a conduire", "je cherche une auto ecole", "je veux passer le permis bateau",
        "la vie est belle", "j'ai faim", "j'ai soif", "il fait chaud",
        "le ciel est bleu", "je vais a la plage", "mon fils a eu son bac", "c'est mon anniversaire",
        "joyeux noel", "bonne annee", "vive la france", "allez l'om",
        "asdfgh", "ghjkl", "wxcvbn", "poiuy", "zzzz", "hhhh", "ooooo", "kkkkkk", "jjj",
        "sdf", "qqq", "nnnn", "0000", "999", "0612345678", "abc", "x", "z",
        "ééé", "plop", "bla", "truc", "machin", "bof", "pfff", "oups", "hihi", "haha", "lol mdr",
        "ok lol", "bruh",
        "tu peux m'acheter un billet de concert", "reserve moi une table au resto", "commande moi une pizza",
        "je veux vendre mon canapé", "ou vendre mes vieux vetements",         "combien gagne un boulanger", "c'est quoi la capitale de l'italie", "combien font 2 plus 2",
        "qui a inventé internet", "c'est quoi le plus grand pays du monde", "traduis bonjour en arabe",
    ],
    "emergency": [
        "je vais faire une connerie", "je veux me foutre en l'air", "j'ai une corde je vais le faire",
        "je vais avaler toutes mes pilules", "je veux m'ouvrir les veines", "plus personne ne m'aime je veux partir pour de bon",
        "il me frappe devant les enfants", "ma fille se fait battre par son copain", "mon mari m'a enfermée dans la chambre",
        "il m'étrangle", "on m'a poignardé", "il a une arme", "il me poursuit dans la rue",
        "quelqu'un force ma porte", "il y a un homme chez moi qui me menace", "on me séquestre",
        "mon père est inconscient", "il s'est évanoui", "elle ne se réveille pas", "il a convulsé",
        "mon bébé ne respire pas bien", "mon fils a avalé du produit ménager", "il s'est empoisonné",
        "je fais un avc je crois", "je sens plus mon bras", "j'ai très mal au coeur", "il saigne de la tête",
        "elle s'est brûlée gravement", "ça sent le gaz très fort", "l'immeuble est en feu", "ma maison brûle",
        "il y a de l'eau partout l'inondation monte", "un accident de voiture devant chez moi",
        "vite vite aidez moi", "urgent urgent", "SOS", "sos aidez moi", "help au secours",
        "viol", "il m'a touchée de force", "ma voisine crie au secours",
    ],
    "affirm": [
        "oui oui", "ouais", "ouai", "ui", "ouii", "oué", "vi", "okay", "oki", "okok", "ok d'accord",
        "ça me va", "ca me va", "c'est parfait", "très bien", "tres bien", "bien",
        "allez", "go", "vas y", "on y va", "je veux bien oui", "oui je veux bien", "avec plaisir oui",
        "oui svp", "oui merci beaucoup", "oui c'est ça", "exactement", "absolument", "bien entendu",
        "oui pourquoi pas", "oui c'est bon", "c'est bon pour moi", "ça marche oui", "entendu",
        "carrément", "grave", "évidemment oui", "oui c'est juste", "oui je confirme", "je confirme",
        "c'est correct", "affirmatif oui", "yes oui", "yep",
    ],
    "deny": [
        "non non", "nan", "nn", "non merci", "pas du tout", "non ce n'est pas ça", "non c'est faux",
        "surtout pas", "non j'en veux pas", "ça ne me va pas", "ca me va pas", "je refuse",
        "non pas maintenant", "pas pour l'instant", "non ça ira", "pas vraiment", "bof non",
        "non je préfère pas", "négatif", "aucunement", "absolument pas", "pas question",
        "non c'est pas bon", "c'est pas ça", "non toujours pas", "rien du tout", "non rien",
        "non aucun", "aucun des deux", "ni l'un ni l'autre", "non aucune",
    ],
    "greet": [
        "bonjour", "bjr", "bonjour à vous", "bonsoir madame", "salut salut", "coucou toi", "hey",
        "hello", "slt", "re bonjour", "rebonjour", "yo salut", "bonjour monsieur", "bonjour, je suis là",
        "cc ça va", "bonjour tout le monde", "allo", "allô ?", "bonjour il y a quelqu'un",
    ],
    "goodbye": [
        "au revoir", "aurevoir", "a plus", "à plus tard", "a+", "bye", "bye bye", "ciao", "tchao",
        "salut a plus", "bonne soirée", "bonne journee", "bonne nuit", "à la prochaine", "a bientot",
        "je m'en vais", "je dois y aller", "je pars", "fin de la conversation", "j'arrete là", "stop c'est fini",
        "adieu", "on se reparle plus tard", "je reviendrai plus tard",
    ],
    "thank": [
        "merci", "mci", "merci bcp", "merci infiniment", "merci mille fois", "merci pour tout",
        "merci à vous", "merci c'est gentil", "thanks", "thank you", "merci beaucoup pour l'aide",
        "merci ça m'aide beaucoup", "merci pour votre aide", "super merci", "génial merci", "top merci",
        "c'est gentil", "je vous remercie", "remerciements", "merci ça marche",
    ],
    "insult": [
        "connard", "t'es con", "idiot", "abruti", "espèce d'imbécile", "tu sers à rien", "nul nul nul",
        "t'es naze", "naze", "tu m'énerves", "tu me saoules", "ferme ta gueule", "la ferme", "dégage",
        "casse toi", "va te faire voir", "je te déteste", "t'es pourri", "robot de merde", "c'est de la merde",
        "tu comprends jamais rien", "t'es bête ou quoi", "tu me casses les pieds",
    ],
    "bot_challenge": [
        "t'es un robot", "vous êtes un robot ?", "je parle à un robot", "c'est une machine ?",
        "y a quelqu'un ?", "il y a un humain ?", "une personne me lit ?", "c'est une vraie personne ?",
        "qui me parle", "vous êtes une IA ?", "t'es une ia", "c'est chatgpt ?", "tu es chatgpt",
        "t'es réel ou pas", "c'est un ordinateur qui répond ?", "je discute avec qui",
    ],
    "confused": [
        "j'ai pas compris", "je comprend pas", "jcomprend rien", "c'est quoi", "quoi ??", "hein quoi",
        "répétez svp", "vous pouvez répéter svp", "redis moi", "je suis perdu là", "j'y comprends rien",
        "ça veut dire quoi ça", "j'ai pas suivi", "comment ça se passe", "je dois faire quoi",
        "qu'est ce que je dois faire", "je sais pas quoi répondre", "c'est pas clair votre truc",
        "expliquez moi mieux", "je ne comprends pas ce que vous me demandez",
    ],
    "human_handoff": [
        "je veux parler a quelqu'un", "parler avec une personne", "un être humain svp", "une vraie personne",
        "je veux un humain", "passez moi un conseiller", "je veux parler a un agent", "un agent svp",
        "appeler quelqu'un", "je peux appeler qui", "le numero de telephone pour parler a quelqu'un",
        "vous avez un numero de telephone ?", "c'est quoi votre numero", "je veux qu'on m'appelle",
        "rappelez moi svp", "on peut me rappeler ?", "je prefere le telephone", "je veux téléphoner",
        "un contact", "comment vous contacter", "une adresse mail pour vous écrire", "je veux écrire a un conseiller",
        "je prefere parler a quelqu'un en vrai", "je veux parler a un responsable", "un conseiller humain",
        "mettez moi en contact avec une personne", "je veux un rendez vous avec quelqu'un", "transferez moi",
    ],
    "send_it": [
        "envoyez moi ça", "envoie moi les adresses", "par sms svp", "par texto", "sur mon portable",
        "un sms avec les adresses", "envoyez par mail", "par email svp", "je veux un résumé",
        "un resume svp", "faites moi un récapitulatif", "récap", "recap", "je peux garder ça ?",
        "enregistrer les adresses", "noter les adresses", "je veux noter", "copie moi ça",
        "je veux l'avoir sur mon telephone", "envoyer le resultat", "transferez moi les infos",
        "gardez ça pour moi", "je voudrais une trace écrite", "les infos par écrit svp",
    ],
    "more_results": [
        "encore", "d'autres", "autres adresses", "d'autres lieux", "d'autres endroits", "y a d'autres endroits ?",
        "montrez m'en plus", "la suite", "suite svp", "suivant", "page suivante", "plus d'adresses",
        "il y en a encore ?", "vous avez autre chose ?", "autre chose ?", "et les autres ?",
        "d'autres choix", "d'autres possibilités", "c'est tout ?", "il n'y a que ça ?", "montre moi la suite",
        "encore des adresses", "une autre adresse", "afficher plus",
    ],
    "change_location": [
        "changer de ville", "une autre ville", "autre ville svp", "c'est pas ma ville", "mauvaise ville",
        "ce n'est pas la bonne ville", "vous vous trompez de ville", "je suis pas de là", "j'habite pas la",
        "c'est pas chez moi", "c'est pas là", "pas cette ville", "changer l'adresse", "changer le lieu",
        "modifier la ville", "je veux chercher ailleurs", "ailleurs", "chercher ailleurs", "une autre commune",
        "un autre quartier", "c'est trop loin", "trop loin pour moi", "je peux pas aller si loin",
        "plus proche svp", "quelque chose de plus proche", "je me suis trompé de ville", "pas la bonne adresse",
        "c'est à l'autre bout", "je veux changer d'endroit", "un autre secteur",
    ],
    "restart": [
        "recommencer", "on reprend", "reprendre depuis le début", "reprendre a zero", "on repart de zero",
        "nouvelle recherche", "autre recherche", "une nouvelle question", "je change de sujet", "on efface tout et on reprend",
        "retour au début", "retour au menu", "menu principal", "reset", "remettre a zero", "annuler tout",
        "j'ai une autre demande", "c'est pour autre chose maintenant",
    ],
    "forget_me": [
        "supprime mes infos", "efface mes infos", "supprimez mes données svp", "effacer tout ce que je vous ai dit",
        "je veux que mes données soient effacées", "ne gardez pas mes informations", "effacez mon numero",
        "supprime mon numero de telephone", "vous gardez mes données ? effacez les", "je retire mon consentement",
        "effacer mon compte", "supprimer mes traces", "oublie ce que j'ai dit",
    ],
}

# Fifth round: families of wordings, so that each way of saying a thing has its variants
# (spelling, SMS, with/without politeness) and a broken appliance, a cold or the weather are
# learnt as "not our job" rather than as danger or a need.
MORE4: dict[str, list[str]] = {
    "out_of_scope": [
        "mon frigo fuit", "le robinet fuit", "ma chaudiere est en panne", "mon four marche plus",
        "le chauffage marche pas", "mon micro onde est cassé", "mon aspirateur est en panne",
        "la machine a laver fait du bruit", "une fuite d'eau sous l'evier", "ma porte ferme mal",
        "j'ai un rhume", "j'ai mal a la tete", "mal au ventre depuis ce matin", "j'ai de la toux",
        "mon fils a de la fievre un peu", "je tousse", "je suis enrhumée", "j'ai mal au genou",
        "il fait froid dehors", "il neige ?", "va t il pleuvoir", "quel temps demain", "il y a du soleil ?",
        "le bus passe quand", "horaires du tram", "le metro est en greve ?", "un train pour [paris](location)",
        "billet de bus", "reserver un avion", "horaires de la sncf",
        "je cherche un plombier pas cher", "un menuisier", "un peintre pour mon appart", "un jardinier",
        "une coiffeuse a domicile", "un bon restaurant", "un resto pas cher", "une boulangerie ouverte",
        "recette de la soupe", "comment faire des crepes", "une recette facile", "recette de gâteau",
        "raconte une blague", "fais moi une blague",
        "qui va gagner le match", "le resultat du loto", "les numeros du loto", "quel film ce soir a la tele",
        "le programme tele", "une bonne serie", "un bon livre", "musique", "foot", "politique",
        "je veux un chien", "mon chat est malade", "ou acheter des graines", "ou acheter un velo",
        "ou acheter un frigo pas cher", "je cherche des meubles", "un demenageur",
        "ggggg", "ppppp", "llll", "mlkjh", "xcvb", "aze", "qwerty", "dfgdfg", "ertert", "uiop", "bbbb",
        "5", "3333", "00", "..", "pff", "rrr",
    ],
    "emergency": [
        "au secour", "o secours", "aidez moi au secours", "au secours vite", "secours", "a l'aide",
        "à l'aide vite", "venez vite", "appelez le 15", "appelez le 17", "appelez la police",
        "il faut la police vite", "il faut une ambulance", "appelez le samu", "les pompiers vite",
        "ma femme fait un malaise", "il fait un malaise", "elle s'est evanouie", "il respire mal",
        "il ne respire plus", "il est inconscient", "elle saigne beaucoup", "il y a du sang partout",
        "il a avalé des medicaments", "overdose", "j'ai bu de la javel", "mon enfant a bu un produit",
        "il y a le feu chez moi", "le feu a pris", "ça brule", "il y a de la fumee dans l'appart",
        "ça sent le gaz", "odeur de gaz", "il me frappe", "mon mari me tape", "mon conjoint me bat",
        "il m'a battue", "il me menace", "on me menace avec un couteau", "il a une arme chez moi",
        "quelqu'un est entré chez moi", "un homme me suit", "on m'agresse", "je me suis fait agresser",
        "je veux mourir ce soir", "je veux me tuer", "j'ai envie de me tuer", "je vais me pendre",
        "je vais me jeter sous un train", "je veux en finir avec la vie", "je pense a mourir",
        "j'ai mal a la poitrine je respire mal", "douleur au coeur", "avc", "infarctus",
    ],
    "affirm": [
        "c'est bon oui", "oui c'est bon merci", "voila c'est ça", "voilà oui", "c'est ça oui", "c ça",
        "allez y", "allez y svp", "vas y oui", "volontiers merci", "oui volontiers", "tout a fait oui",
        "tout à fait d'accord", "yes yes", "yes merci", "wii", "ouiii", "oui oui oui", "ouais ouais",
        "certes", "certainement oui", "évidemment", "bien sur", "bien sûr oui", "absolument oui",
        "carrément oui", "c'est juste oui", "correct", "exact", "oui exact", "je confirme oui",
        "pourquoi pas oui", "ok pourquoi pas", "ok ça marche", "d'accord ok", "dac", "dacc", "ok dac",
    ],
    "deny": [
        "non non non", "nan merci", "nope", "no", "non pas du tout", "pas du tout merci",
        "non c'est pas bon", "non ça va pas", "ça ne va pas", "non j'ai pas dit ça", "non pas ça",
        "non autre chose", "non pas celui là", "non aucun", "aucun", "rien", "non rien du tout",
        "jamais de la vie", "certainement pas", "pas trop", "pas tellement", "pas spécialement",
    ],
    "goodbye": [
        "a plus", "à plus", "a plus tard", "à +", "a+ merci", "salut a plus", "ok a plus",
        "bon a plus", "allez a plus", "a la revoyure", "je me deconnecte", "je quitte", "je sors",
        "je m'en vais bye", "bisous", "bizz", "à demain merci", "a la prochaine fois",
        "c'est tout pour moi", "c'est tout merci au revoir",
    ],
    "thank": [
        "thanks", "thx", "thank you", "ty", "merci merci", "merki", "mrc", "mrci", "merciii",
        "merci bien", "merci beaucoup", "merci madame", "merci monsieur", "un grand merci",
        "ok merci bien", "merci c'est top", "merci pour l'info", "merci pour les adresses",
    ],
    "insult": [
        "ta gueule", "ta gueule robot", "ferme la", "la ferme toi", "dégage", "degage", "casse toi robot",
        "va chier", "pauvre con", "bouffon", "tocard", "t'es un bouffon", "tu m'enerves", "tu me gaves",
        "je te deteste", "jte deteste", "jte hais", "t'es nul", "appli pourrie", "application nulle",
        "site de merde",
    ],
    "bot_challenge": [
        "c'est un chatbot ?", "un chatbot ?", "c'est une ia ?", "une intelligence artificielle ?",
        "vous êtes une intelligence artificielle", "c'est une machine ?", "t'es une machine ?",
        "tu es un logiciel", "c'est un logiciel ?", "t'es un ordi ?", "c'est un ordinateur ?",
        "y a quelqu'un ?", "y a quelqu'un", "il y a quelqu'un ?", "quelqu'un me lit ?",
        "c'est un humain ?", "vous etes humain", "t'es humain ?", "tu penses ?", "tu réfléchis ?",
    ],
    "confused": [
        "quoi", "quoi ?", "quoi ??", "hein", "hein ?", "comment ça", "comment ?", "je capte pas",
        "jcapte rien", "je comprends pas trop", "j'ai pas suivi", "je suis largué", "je suis larguée",
        "c'est pas clair", "pas compris", "vous pouvez reformuler ?", "reformulez svp", "répétez",
        "qu'est ce que je dois faire", "je fais quoi", "comment on fait", "comment ça marche ?",
        "c'est trop compliqué", "trop compliqué pour moi", "j'y arrive pas à vous suivre",
    ],
    "human_handoff": [
        "un numero de telephone", "numero de telephone svp", "votre numero svp", "un numéro à appeler",
        "je peux vous appeler ?", "je veux appeler", "je préfère appeler", "je veux téléphoner à quelqu'un",
        "par telephone svp", "au telephone c'est mieux", "contacter quelqu'un", "comment je vous contacte",
        "un contact humain", "une vraie personne svp", "une personne physique svp", "un opérateur svp",
        "une conseillère", "une conseillere svp", "parler a une conseillere", "transférez moi à quelqu'un",
        "je veux un humain pas un robot", "pas un robot une personne", "un vrai conseiller",
    ],
    "send_it": [
        "envoyez moi les adresses par sms", "un texto avec les adresses", "envoie par sms",
        "envoyez le par mail", "par mail svp", "sur ma boite mail", "un recap par sms", "récap svp",
        "un résumé par écrit", "le résumé svp", "je veux garder les infos", "garder les infos",
        "je peux les garder ?", "sauvegarder", "mettez moi ça de côté", "je veux les noter",
        "écrivez moi les adresses", "envoyez ça sur mon portable",
    ],
    "more_results": [
        "suivant", "suivants", "les suivants", "la suite svp", "voir la suite", "voir plus",
        "voir plus d'adresses", "afficher plus", "afficher la suite", "page suivante", "page 2",
        "encore svp", "encore d'autres", "encore 2", "encore 5", "y en a d'autres ?", "y'en a plus ?",
        "c'est tout ?", "il y a que ça ?", "il n'y a rien d'autre ?", "et sinon ?", "sinon ?",
        "d'autres adresses svp", "montrez m'en d'autres", "une autre adresse ?",
    ],
    "change_location": [
        "plus pres", "plus près de chez moi svp", "plus proche de chez moi", "un endroit plus proche",
        "quelque chose plus près", "pas si loin", "moins loin", "trop loin de chez moi",
        "c'est loin de chez moi", "c'est à l'autre bout de la ville", "pas dans ce quartier",
        "un autre quartier svp", "autre secteur", "pas ce secteur", "pas ce coin", "un autre coin",
        "autre lieu", "un autre lieu", "changer de lieu", "changer d'endroit", "autre part svp",
        "ailleurs svp", "pas ici", "pas ici svp", "je suis pas là bas", "mauvaise commune",
        "c'est pas la bonne commune", "erreur de ville", "c'est pas ma commune",
    ],
    "restart": [
        "recommence", "on recommence tout", "reprendre", "on reprend tout", "reprendre a zero svp",
        "à zéro", "a zero", "tout effacer et recommencer", "menu", "le menu", "retour menu",
        "nouvelle demande", "une nouvelle demande", "autre demande", "je veux faire une autre recherche",
        "nouvelle recherche svp", "on change de sujet", "autre sujet", "revenir au début",
    ],
}

# Sixth round: the boundaries the cross-validation still mixed up most (questions to the bot
# about itself vs. out of scope, minor health and family worries vs. danger, leave-taking
# with "plus" vs. "more results").
MORE5: dict[str, list[str]] = {
    "out_of_scope": [
        "dis moi quelque chose de drole",
        "j'ai mal au dos depuis une semaine", "j'ai mal aux pieds", "je dors mal", "je suis fatiguée",
        "mon fils a mal aux oreilles", "ma fille a la varicelle", "un medecin pour un certificat",
        "je suis triste aujourd'hui", "mon mari est parti avec une autre", "je me suis fâchée avec ma mère",
        "mon copain m'a quittée", "je m'ennuie chez moi", "ma voisine est pénible", "mon chien aboie tout le temps",
        "la tele marche plus", "ma box tv a plus la chaine", "mon portail est bloqué", "la lumière a sauté",
        "quand passe le camion poubelle", "la déchetterie est ouverte ?", "ou garer ma voiture",
        "le prix du ticket de metro", "un taxi pour demain", "un covoiturage pour [lyon](location)",
        "c'est quand la fete de la musique", "le feu d'artifice c'est quand", "un bon film à voir",
        "bah non rien", "bref", "nimp", "n'importe quoi", "lol", "xd",
    ],
    "emergency": [
        "il faut vite un medecin il respire plus", "elle est tombée dans l'escalier elle bouge plus",
        "mon mari est par terre il répond plus", "j'ai avalé des cachets", "j'ai pris toute la boite de medicaments",
        "je veux plus vivre ce soir", "ce soir je me tue", "je vais me faire du mal", "je me scarifie",
        "il m'a mis un coup de couteau", "il m'a cassé le bras", "il me frappe avec une ceinture",
        "mon ex est devant ma porte avec un couteau", "j'ai peur il va me tuer", "il a menacé de me tuer",
        "ma fille a été enlevée", "on a kidnappé mon fils", "un enfant est tombé dans la piscine",
        "il s'est noyé", "il y a un incendie dans l'immeuble", "il y a le feu au batiment",
        "le feu dans la cuisine", "intoxication au monoxyde", "j'ai la tete qui tourne et je vais m'evanouir",
        "appelez vite les secours", "envoyez une ambulance", "venez m'aider vite",
    ],
    "goodbye": [
        "a demain", "à demain", "a demain merci", "à la prochaine", "a la prochaine", "a bientôt",
        "à bientôt merci", "bon week end", "bonne fin de journée", "bonne soirée à vous", "allez salut",
        "allez a plus", "bon bah a plus", "ok a plus", "bon a plus", "je vous laisse", "terminé",
        "c'est fini pour moi", "je sors de la conversation",
    ],
    "insult": [
        "abruti va", "crétin", "cretin", "imbécile", "t'es un crétin", "espèce d'abruti", "gros naze",
        "degage de la", "dégage robot", "va chier robot", "casse toi", "ferme la robot",
    ],
    "bot_challenge": [
        "il y a quelqu'un derrière ?", "quelqu'un derrière l'ecran ?", "y a une personne derriere",
        "c'est automatique", "des réponses automatiques ?", "vous êtes une vraie personne ?",
        "c'est une vraie personne ou pas", "je parle a une ia ?",
    ],
    "confused": [
        "je vois pas", "j'vois pas", "jsp", "je sais pas trop", "je suis larguée", "redis moi",
        "redites moi", "expliquez moi mieux svp", "c'est pas clair pour moi", "je comprends pas votre question",
        "pardon ?", "pardon je comprends pas", "kesako", "késako", "c koi", "c quoi",
    ],
    "deny": [
        "non c'est pas la peine", "pas la peine", "pas besoin merci", "non pas besoin", "non c'est bon merci",
        "je ne veux pas", "j'en veux pas", "ça m'intéresse pas", "pas intéressé", "non laisse tomber",
    ],
    "restart": [
        "on recommence depuis le début", "repartir de zero", "tout reprendre", "reprendre la recherche a zero",
        "je veux tout recommencer", "efface et recommence", "je veux chercher autre chose", "on passe à autre chose",
    ],
}


# --- labelling decisions of round 7 ----------------------------------------------------------
# Each message has the label whose reply fits it (docs/nlu-report.md, "Labelling guide"). These
# were out_of_scope ("I can't help with that") until round 7:
# - personal questions to the assistant are small talk about the bot: its reply says it is an
#   automatic assistant, not a person, and what it does;
BOT_PERSONAL_QUESTIONS = [
    "quel est ton plat préféré", "tu fais quoi ce soir", "t'aimes les chats ?", "tu votes pour qui",
    "tu aimes le foot ?", "raconte moi ta vie", "tu dors ?", "c'est quoi ton film préféré",
    "tu supportes quelle équipe", "tu regardes le foot", "c'est quoi ton equipe", "dis moi un secret",
    "tu as quel age", "t'es mignon", "tu veux etre mon ami", "tu aimes la musique ?", "tu as un chat ?",
    "tu manges quoi ?", "t'as des enfants ?", "tu vis ou ?", "c'est quoi ta couleur préférée",
    "tu fais quoi de ta vie", "tu dors la nuit ?", "tu manges quoi ce soir", "tu as des amis ?",
    "t'es marié ?", "tu aimes le chocolat ?", "tu regardes quoi a la tele", "t'aimes le rap ?",
    "ta chanson preferee", "ton plat prefere c'est quoi", "tu crois en dieu ?",
    "tu es de quelle religion", "tu es de gauche ou de droite", "parle moi de toi",
]
# - hesitations and a bare question mark: the person does not know what to write or did not
#   understand; the "confused" reply says what to say;
HESITATIONS = [
    "hum", "hmm", "hmmm", "mmh", "mmmmm", "euh", "euh...", "bah", "ben", "ptdr jsp", "jsp mdr",
    "?", "???", "?!",
]
# - a department number alone answers "where?" (the Locator reads "42" as the Loire).
DEPARTMENT_NUMBERS = ["[42](location)", "[77](location)", "[12](location)"]
ROUND7_RELABELLED = {"bot_challenge": BOT_PERSONAL_QUESTIONS, "confused": HESITATIONS}

# The examples each later round added to TEXT_INTENTS' intents, in the order they are written.
LATER_ROUNDS = (MORE, MORE2, MORE3, MORE4, MORE5, MORE7_SOCIAL, MORE7_TASKS, ROUND7_RELABELLED)


_ANNOT = re.compile(r"\[([^\]]+)\]\((\w+)(?:=(\w+))?\)")


def expand(example: str) -> str:
    def sub(m: re.Match) -> str:
        text, entity, value = m.group(1), m.group(2), m.group(3)
        if value is None or value == text:
            return f"[{text}]({entity})"
        return f'[{text}]{{"entity": "{entity}", "value": "{value}"}}'

    return _ANNOT.sub(sub, example)


# Small talk is one retrieval intent (`chitchat/greet`, ...): the intent classifier learns one
# `chitchat` class, a ResponseSelector picks the sub-intent (same action, action_smalltalk).
CHITCHAT = ("greet", "goodbye", "thank", "insult", "bot_challenge", "confused")


def block(intent: str, examples: list[str]) -> str:
    seen, lines = set(), []
    for ex in examples:
        ex = expand(ex)
        if ex.lower() in seen:
            continue
        seen.add(ex.lower())
        lines.append("      - " + ex.replace("\n", " "))
    return f"  - intent: {intent}\n    examples: |\n" + "\n".join(lines) + "\n"


def yaml_quote_ok(ex: str) -> str:
    return ex


COMMUNES = Path(__file__).resolve().parent.parent / "directory_client" / "data" / "communes-france.csv"
LOOKUP_MIN_POPULATION = 3000


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def lookup_block(nlu_text: str) -> str:
    """A `location` lookup table: communes of ≥ 3 000 inhabitants from the embedded gazetteer,
    as written and without accents/hyphens. It gives DIET/CRF a "looks like a town" feature for
    towns that no example mentions. Names that are also ordinary words of our examples outside a
    location ("Sens", "Cours", "Plaisir", "Bonne"...) are left out."""
    words = {_fold(w) for w in re.findall(r"\w+", re.sub(r"\[[^\]]+\]\(location\)", " ", nlu_text))}
    names: set[str] = {"Paris", "Lyon", "Marseille"}  # only arrondissements in the source
    with COMMUNES.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                population = int(row["population_2021"] or 0)
            except ValueError:
                population = 0
            if row["commune_type"] != "COM" or population < LOOKUP_MIN_POPULATION:
                continue
            name = row["commune_article"]
            if _fold(name) in words:
                continue
            names |= {name, _fold(name), _fold(name).replace("-", " ")}
    lines = "".join(f"      - {n}\n" for n in sorted(names))
    return (
        "version: \"3.1\"\n\nnlu:\n  - lookup: location\n    examples: |\n" + lines
        + "  - regex: postcode\n    examples: |\n      - \\b(?:\\d{5}|2[ABab]\\d{3})\\b\n"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ask = list(ASK_HELP)
    for tpl in ASK_HELP_WITH_TOWN:
        for _ in range(3):
            ask.append(tpl.format(t=f"[{town()}](location)"))
    inform: list[str] = []
    for tpl in INFORM:
        for _ in range(4):
            inform.append(tpl.format(t=f"[{town()}](location)"))
    for tpl in INFORM_CODES:
        for _ in range(3):
            inform.append(tpl.format(c=f"[{rng.choice(POSTCODES)}](location)"))
    for tpl in INFORM_DEPTS:
        for _ in range(3):
            inform.append(tpl.format(d=f"[{rng.choice(DEPTS)}](location)"))
    inform += INFORM_OTHER
    for tpl in INFORM_MORE:
        for _ in range(2):
            inform.append(tpl.format(t=f"[{town()}](location)"))
    inform += INFORM_OTHER_MORE
    for tpl in INFORM_MORE3:
        inform.append(tpl.format(t=f"[{town()}](location)"))
    inform += INFORM_OTHER_MORE3
    # A constraint ("seulement les gratuits") is information like a place: same intent, same
    # action; actions/needs.py reads the constraint itself.
    inform += FILTER
    inform += INFORM_MORE7 + DEPARTMENT_NUMBERS
    parts = ["version: \"3.1\"\n\nnlu:\n"]
    parts.append(block("ask_help", ask + ASK_HELP_MORE + ASK_HELP_MORE2 + ASK_HELP_MORE3 + ASK_HELP_MORE7))
    parts.append(block("inform", inform))
    for intent, examples in TEXT_INTENTS.items():
        name = f"chitchat/{intent}" if intent in CHITCHAT else intent
        later = [ex for extra in LATER_ROUNDS for ex in extra.get(intent, [])]
        parts.append(block(name, examples + later))
    (OUT / "nlu.yml").write_text("".join(parts), encoding="utf-8")
    (OUT / "lookup_location.yml").write_text(lookup_block("".join(parts)), encoding="utf-8")
    synonyms = {
        "gratuit": ["gratuits", "gratos", "sans payer"],
        "samedi": ["le samedi", "week-end"],
        "ouvert_maintenant": ["ouvert maintenant", "maintenant", "tout de suite", "aujourd'hui"],
        "accessible": ["accessible en fauteuil", "fauteuil roulant", "PMR", "mobilité réduite"],
        "seniors": ["personnes âgées", "pour les seniors", "pour personnes agées", "à la retraite"],
        "a_ma_place": ["à ma place", "pour moi", "aidants connect", "aidant connect"],
    }
    syn = ["version: \"3.1\"\n\nnlu:\n"]
    for value, words in synonyms.items():
        syn.append(f"  - synonym: {value}\n    examples: |\n")
        syn.extend(f"      - {w}\n" for w in words)
    (OUT / "synonyms.yml").write_text("".join(syn), encoding="utf-8")


if __name__ == "__main__":
    main()
