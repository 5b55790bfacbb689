"""The need vocabulary: what people write → services of the standard, and what to bring."""

from __future__ import annotations

import pytest

from actions import needs
from directory_client import labels
from tests.paths import ROOT


@pytest.mark.parametrize(
    ("text", "need", "procedure"),
    [
        ("j'arrive pas à faire ma demande de RSA sur le site de la CAF", "demarches", "rsa"),
        ("mes APL sur le site de la CAF", "demarches", "caf"),
        ("jveu apprendre a me servir de mon tel", "smartphone", None),
        ("pas d'internet chez moi", "internet", None),
        ("mon compte facebook a été piraté", "securite", None),
        ("je lance mon autoentreprise", "entreprise", None),
        ("declarer mes impots", "demarches", "impots"),
        ("besoin aide pr declarer mes revenus", "demarches", "impots"),
        ("payer ma taxe foncière en ligne", "demarches", "impots"),
        ("refaire mon passeport", "demarches", "ants"),
        ("refaire ma carte grise sur le site de l'ANTS", "demarches", "carte_grise"),
        ("renouveler mon permis de conduire", "demarches", "permis"),
        ("renouveler ma carte vitale", "sante", "ameli"),
        ("m'inscrire a france travail", "demarches", "france_travail"),
        ("faire ma demande de retraite", "demarches", "retraite"),
        ("dossier mdph pour mon fils", "demarches", "mdph"),
        ("renouveler mon titre de sejour", "demarches", "titre_sejour"),
        ("utiliser mon cheque energie", "demarches", "cheque_energie"),
        ("creer mon compte franceconnect", "demarches", "franceconnect"),
        ("acheter un ordi pas cher", "materiel_achat", None),
        ("je dois imprimer un document", "materiel_usage", None),
        ("faire mon cv", "emploi", None),
        ("pronote je comprends rien", "parentalite", None),
        ("apprendre le montage video", "loisirs", None),
        ("c'est quoi chatgpt", "culture", None),
        ("apprendre l'ordinateur", "ordinateur", None),
        ("envoyer un mail", "quotidien", None),
    ],
)
def test_detect(text, need, procedure):
    found = needs.detect(text)
    assert found.needs[0] == need
    assert (found.procedures[0] if found.procedures else None) == procedure


def test_every_service_of_the_standard_is_reachable():
    reachable = {n.service for n in needs.NEEDS.values()}
    assert reachable == set(labels.SERVICES)


def test_every_procedure_has_something_to_bring():
    for proc in needs.PROCEDURES.values():
        assert proc.bring and proc.need in needs.NEEDS


def test_constraints_and_mode():
    found = needs.detect("quelqu'un pour faire ma caf à ma place, gratuit, le samedi")
    assert {"a_ma_place", "gratuit", "samedi"} <= set(found.constraints)
    assert found.mode == "avec_moi"
    assert needs.detect("apprendre a faire mes demarches seule").mode == "autonomie"


def test_mode_question_only_when_it_matters():
    assert needs.needs_mode_question(["demarches"], [], None)
    assert not needs.needs_mode_question(["demarches"], ["caf"], None)
    assert not needs.needs_mode_question(["smartphone"], [], None)
    assert needs.apply_mode(["demarches"], "autonomie") == ["demarches_autonomie"]


def test_entity_values_normalise():
    assert needs.normalise_need("mon tel") == "smartphone"
    assert needs.normalise_need("smartphone") == "smartphone"
    assert needs.normalise_procedure("pole emploi") == "france_travail"
    assert needs.normalise_constraint("gratos") == "gratuit"


def test_emergency_net_covers_wordings_the_nlu_missed_in_cross_validation():
    from actions.needs import is_emergency

    for message in (
        "je veux plus être là",
        "il a un couteau",
        "ma grand mère est tombée elle répond plus",
        "urgence",
        "on a cambriolé chez moi et ils sont encore là",
        "accident grave",
        "quelqu'un essaie de rentrer chez moi",
        "douleur dans la poitrine",
        "ça brûle dans la cuisine",
        "fuite de gaz chez moi",
        "je me fais frapper",
        "au secour",
        "mon ex me menace",
        "j'ai peur pour ma vie",
        "je me sens très mal je vais tomber",
        # wordings of the emergency examples added on 2026-11-26 (branch nlu2)
        "je veux me foutre en l'air",
        "on m'a poignardé",
        "il s'est évanoui",
        "SOS",
        "à l'aide",
        "ça sent le gaz très fort",
        "mon fils a avalé du produit ménager",
        "urgent urgent",
        "quelqu'un est entré chez moi",
        "un homme me suit",
        "il a une arme",
        "o secours",
        "j'ai avalé des cachets",
        "je me scarifie",
        "on a kidnappé mon fils",
        "il s'est noyé",
        "il faut une ambulance",
        "c'est mon dernier message, dites à mes enfants que je les aime",
        "mon mari m'a encore frappée ce soir",
        "je veux en finir, ce soir c'est fini",
        # farewells by giving things away, frostbite, someone else about to jump, a flooded car
        "je donne mes livres et mon téléphone, je n'en aurai plus besoin demain",
        "il gèle, je dors dehors et je ne sens plus mes mains",
        "mon voisin dit qu'il va se jeter du pont ce soir",
        "je suis piégée dans ma voiture, l'eau monte au volant",
        "un homme me retient enfermée dans son appartement",
        "ma fille de 2 ans est bloquée dans la voiture au soleil, les clés sont dedans",
        "je suis blessé, ma voiture est dans le fossé",
        "je suis suivie par un homme depuis la gare",
        # a person between the thing and the threat: about the person
        "il a pris mon téléphone et il va me tuer",
        "il a cassé mon téléphone, il va me tuer",
    ):
        assert is_emergency(message), message
    for message in (
        "mon téléphone ne répond plus",
        "il me tape sur les nerfs",
        "c'est urgent pour ma caf",
        "j'ai eu un accident de travail et je dois le déclarer",
        "la caf me menace de couper",
        "ma fille est tombée malade",
        "je vais tomber en panne de batterie",
        "sos ordi en panne",
        "une armée de papiers",
        "mon mari me tape sur les nerfs",
        "il me poursuit de ses mails",
        "le colis est entré chez moi",
        "mon frigo fuit",
        "j'ai mal au coeur en voiture",
        "mon ordi ne répond plus",
        "mon téléphone ne bouge plus de l'écran d'accueil",
        "ma conseillère répond plus à mes mails",
        "j'ai fait tomber mon tel par terre",
        "je travaille au samu et je voudrais apprendre excel",
        "j'ai presque failli faire une crise cardiaque en voyant ma facture en ligne",
        "suite à son AVC je dois faire son dossier APA en ligne",
        "après l'incendie je dois déclarer le sinistre en ligne",
        "cette appli va me tuer, impossible de payer ma cantine en ligne",
        "on m'a arraché mon sac hier, j'ai porté plainte, il faut bloquer ma carte en ligne",
    ):
        assert not is_emergency(message), message


# The classifier misses some emergencies under cross-validation (docs/nlu-report.md); the keyword
# net runs first in every action, so it must know every emergency wording of the NLU data.
# "j'ai très mal au coeur" also means "I feel sick" in French: left to the classifier.
EMERGENCY_EXAMPLES_LEFT_TO_THE_CLASSIFIER = {"j'ai très mal au coeur"}


def _nlu_examples() -> list[tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


def test_emergency_net_catches_every_emergency_example_and_nothing_else():
    from actions.needs import is_emergency

    examples = _nlu_examples()
    missed = {t for t, i in examples if i == "emergency" and not is_emergency(t)}
    false_alarms = sorted(t for t, i in examples if i != "emergency" and is_emergency(t))
    assert missed <= EMERGENCY_EXAMPLES_LEFT_TO_THE_CLASSIFIER, sorted(missed)
    assert false_alarms == []


# The examples of the "understanding" issue (not the frozen corpus): every service of the standard
# from everyday words, the device as a means, two needs in one message.
@pytest.mark.parametrize(
    "message, needs",
    [
        ("j'ai reçu un sms bizarre qui me demande mes codes de carte bancaire", ["securite"]),
        ("apprendre à créer des mots de passe sécurisés", ["securite"]),
        ("apprendre à monter des vidéos", ["loisirs"]),
        ("je veux créer mon blog", ["loisirs"]),
        ("j'ai un petit commerce et je voudrais être visible sur internet", ["entreprise"]),
        ("je voudrais utiliser un ordi avec internet gratuitement", ["materiel_usage"]),
        ("je cherche un smartphone d'occasion solidaire", ["materiel_achat"]),
        ("jveu de laide pr ma decla dimpot jsuis ds le 59100", ["demarches"]),
        (
            "j'ai pas d'ordi et je dois faire ma demande de logement social, je suis à Roanne",
            ["demarches", "materiel_usage"],
        ),
        ("j'ai un entretien d'embauche en visio et je sais pas faire", ["emploi", "quotidien"]),
        ("mon entretien dembauche se passe en visio", ["emploi"]),
    ],
)
def test_needs_from_everyday_words(message, needs):
    from actions.needs import read

    assert read(message).needs == needs


# Wordings written for this round's rules (not the frozen corpus): a suspicious message names its
# sender, a broken device is one to replace, a screen is a device, printing serves a creation.
@pytest.mark.parametrize(
    "message, needs",
    [
        ("j'ai reçu un mail de la CAF, je sais pas si c'est vrai", ["securite"]),
        ("un sms des impots, pas sûr que ce soit vrai", ["securite"]),
        ("j'ai reçu un courrier de la CAF, je dois le faire en ligne", ["demarches"]),
        ("alerte de connexion inconnue sur mon compte", ["securite"]),
        # A phone that died, said alone: another one to get (an independent writer's label);
        # beside a procedure it is no device to buy (tests/actions/test_dead_device.py).
        ("mon téléphone est tombé dans l'eau, il est foutu", ["materiel_achat"]),
        ("ma tablette reste sur un écran noir", ["smartphone"]),
        ("mes enfants passent trop de temps devant les écrans", ["parentalite"]),
        ("faire un calendrier avec mes photos et l'imprimer", ["loisirs"]),
        ("des ateliers de robotique pour débutants", ["loisirs"]),
        ("comment faire connaître mon restaurant sur internet", ["entreprise"]),
        ("mon fils est victime de harcèlement sur snapchat", ["parentalite"]),
        # Independent writers gave the CPF to employment 9 times in 14, never to paperwork alone.
        ("utiliser mon CPF pour une formation", ["emploi"]),
        ("un lieu avec un ordinateur pour mes démarches", ["materiel_usage"]),
        ("on m'écrit qu'il faut payer une rançon en bitcoin", ["securite"]),
        ("je suis animatrice au CCAS, des usagers ne savent pas envoyer un mail", ["quotidien"]),
        ("je suis conseiller à France Travail, mes usagers cherchent un emploi", ["emploi"]),
        ("notre club photo veut apprendre Photoshop", ["loisirs"]),
        (
            "une tablette pas chère pour faire des visios avec la famille",
            ["materiel_achat"],
        ),
        ("à quoi sert le cloud ?", ["culture"]),
        # Written for the dev-set round (tests/devset names the families, these are new words).
        ("je cherche une salle informatique ouverte le dimanche", ["materiel_usage"]),
        ("y a-t-il un cybercafé dans le quartier ?", ["materiel_usage"]),
        ("vous prêtez des ordinateurs aux étudiants ?", ["materiel_achat"]),
        ("un forfait solidaire pour un jeune sans revenus", ["materiel_achat"]),
        ("mon compte Instagram a été volé hier", ["securite"]),
        ("on m'a demandé un code à 6 chiffres par SMS", ["securite"]),
        ("mon fils joue à Roblox jusqu'à minuit", ["parentalite"]),
        # "comment on …": learning how, and the creation (the meaning leads, the keywords follow).
        # Round 15: the reader with the words' vectors (better over 2,900 messages of other
        # writers) reads these two otherwise: the creation alone; the phone beside the children.
        ("comment on numérise de vieilles diapositives ?", ["loisirs"]),
        ("c'est quoi un algorithme exactement", ["culture"]),
        ("je viens d'acheter un ordinateur portable, des cours pour débuter ?", ["ordinateur"]),
        ("jdois mactualiser mais jai pas dordi", ["demarches", "materiel_usage"]),
        # Written for the set-B round (new words for its families).
        ("une tablette pas trop chère pour mon père", ["materiel_achat"]),
        ("vous avez des ordinateurs pour le public ?", ["materiel_usage"]),
        ("mi la klike su in lien dans in sms", ["securite"]),
        ("installer Family Link sur le téléphone du petit", ["parentalite", "smartphone"]),
        ("composer de la musique sur l'ordi", ["loisirs"]),
        ("comment une vidéo devient virale", ["culture"]),
        ("je voudrais apprendre à utiliser une clé USB", ["ordinateur"]),
        # Round 12: wanting to understand what something is, before doing anything with it.
        ("mon neveu parle de NFT, je voudrais comprendre ce que c'est avant de lui répondre",
         ["culture"]),
        ("je comprends pas comment marche le site de la caf pour ma prime", ["demarches"]),
        ("le notaire veut que je lui envoie un papier par fax, j'ai pas de fax",
         ["materiel_usage"]),
        ("je dois faire la demande d'AME pour ma mère", ["sante"]),
        ("je voudrais un outil qui lit mes courriers à voix haute, je vois mal", ["quotidien"]),
        # Learning to do one's paperwork alone: the file, and the everyday tools it takes.
        ("je voudrais apprendre à faire ma déclaration d'impôts toute seule",
         ["demarches", "quotidien"]),
        # Round 13 (set M's misses, said otherwise): SMS spellings, a message that looks odd.
        ("jdoi refaire ma cart vital perdu", ["sante"]),
        # Screens without anyone young: a device that is stuck, not parenting.
        ("sos tablette bloquée écran noir", ["smartphone"]),
        ("ya des portables pa chers pour ma mere?", ["materiel_achat"]),
        ("un mail d'ameli pour un remboursement de 90 euros, ça a l'air bizarre",
         ["securite"]),
        # Round 14: SMS spellings and everyday words for online safety and the everyday tools.
        ("cmt on fait un copier-coller", ["quotidien"]),
        ("comant fer une capture decran", ["quotidien"]),
        ("kelkun a pri mon compte facebook", ["securite"]),
        ("jai cliquer sur un lien louche et mis ma carte", ["securite"]),
        ("régler la confidentialité de mon compte", ["securite"]),
        ("ou on peut scaner un papier", ["materiel_usage"]),
    ],
)
def test_needs_from_this_rounds_wordings(message, needs):
    from actions.needs import read

    assert read(message).needs == needs


@pytest.mark.parametrize(
    "message, need",
    [
        # Round 15: video calls, a bank's app, borrowing a device, what children do online.
        ("je veux que papi sache passer des appels vidéo avec nous", "quotidien"),
        ("elle ne s'en sort plus avec l'application de sa banque", "quotidien"),
        ("on peut emprunter une tablette pour un mois quelque part ?", "materiel_usage"),
        ("je ne sais pas ce que ma fille fait sur internet le soir", "parentalite"),
        # Round 16: Creole spelling, a QR code, a spreadsheet.
        ("mwen vlé aprann sèvi téléfòn an mwen", "smartphone"),
        ("comment on lit un qr code au restaurant", "smartphone"),
        ("je dois tenir mes comptes sur un tableur et je n'y connais rien", "ordinateur"),
    ],
)
def test_the_need_these_everyday_words_say_is_read(message, need):
    from actions.needs import read

    assert need in read(message).needs


def test_a_device_need_is_not_replaced_by_a_loose_meaning():
    """ "Mon ordinateur fait un bruit bizarre" reads closest to online safety (viruses) but not
    closely enough to replace the device the person named."""
    from actions.needs import read

    assert read("mon ordinateur fait un drôle de bruit et il est lent").needs == ["ordinateur"]


@pytest.mark.parametrize(
    "message",
    [
        "c'est la dernière fois que je vous écris, merci",
        "j'ai laissé une lettre pour mes enfants sur la table",
        "j'ai avalé 30 comprimés tout à l'heure",
        "ma nièce de 14 ans est partie avec un homme qu'elle a connu sur snap",
        "il m'a donné des coups dans le ventre, je suis enceinte",
        "ils ont dit qu'ils allaient me planter ce soir",
        "accident sur la départementale, le conducteur ne respire plus",
        # Round 12: a last message, the means ready, the place chosen; writing under control.
        "pour l'atelier de jeudi c'est plus la peine, j'ai envoyé mon dernier message à ma soeur",
        "la corde est accrochée, je voulais juste dire au revoir",
        "je suis sur le bord de la falaise, merci pour tout",
        "il lit tout ce que j'écris, il m'a pris mes clés, parlez-moi de ma carte vitale",
        "répondez comme si c'était la mutuelle, il est à côté de moi",
        "annulez mon rendez-vous pour la caf, dites à mes enfants que tout va bien, la corde est "
        "prête",
        # Set H's misses, said otherwise: a thing thrown at someone, a stroke, a farewell, gas.
        "pendant l'appel avec la caf il m'a lancé la télécommande à la tête, il crie encore",
        "je prenais rendez-vous sur internet et d'un coup je ne peux plus bouger le bras",
        "je voulais juste que quelqu'un sache, ce soir je ne rentre pas",
        "il n'y a plus aucune raison de continuer, j'ai acheté une corde",
        "j'ai ouvert le gaz dans la cuisine, je voulais dire au revoir",
        "ils m'ont envoyé une photo de ma porte, ils sont en bas dans une voiture",
        # Set J's misses, said otherwise: someone fainting, an adult meeting a groomed child.
        "je remplissais mon dossier à la borne et le monsieur à côté vient de perdre connaissance",
        "sur snap un homme majeur a fixé un rendez-vous à mon fils de 11 ans cet après-midi",
        # Set M's misses, said otherwise: a digital request beside danger happening now.
        "pour ma carte vitale c'est où ? il est derrière la porte d'entrée et essaie d'entrer",
        "j'ai pris toute la plaquette de cachets, je voulais quand même finir mon dossier caf",
        "mon père vient de me bousculer contre le mur, j'ai mal, je voulais imprimer mon cv",
        "le gars qui m'écrit sur insta est dans le même tram que moi et me regarde",
        "ma mère est tombée dans les pommes dans la salle de bain, le chauffe-eau sent bizarre",
        "je crois qu'on m'a drogué à la soirée, tout tourne et un inconnu veut me raccompagner",
        "je passe la nuit dans ma voiture sur le parking, il fait -6 et je sens plus mes doigts",
        # Set N's, said otherwise: what happens beside a digital request, not a grave word named.
        "je voulais imprimer ma facture mais ma fille vient d'avoir un accident de vélo, elle a le "
        "genou en sang",
        "il a sorti un couteau dans la cuisine, j'écris depuis la salle de bain pour mon dossier",
        "mon collègue fait un malaise au bureau pendant qu'on remplit le formulaire en ligne",
        # Set O's misses, said otherwise.
        "papi a bu le produit contre les limaces, il a confondu avec sa bouteille",
        "l'eau entre dans la maison et monte vite, on est à l'étage avec les petits",
        "ils ont pris mes papiers et veulent pas me laisser sortir tant que je travaille pas",
        "au guichet un monsieur vient de s'effondrer pendant sa demande de carte grise",
        "j'entends ma voisine crier au secours chez elle, elle n'ouvre pas",
        "tout est réglé pour mes comptes, j'ai avalé ce qu'il fallait, je serai plus un poids",
        "ma fille a des taches violettes sur le ventre et beaucoup de fièvre",
        # Set R's misses (round 14), said otherwise.
        "mon ex est sur le palier et il essaie de la défoncer, je suis avec le bébé",
        "rangez mes affaires, de toute façon je ne serai bientôt plus là",
        # Set T's misses, said otherwise: followed in the street, a message in English.
        "une voiture me suit depuis le parking, je marche vite vers la gare",
        "they're breaking in downstairs, I'm hiding in the bathroom",
        # Sets U and W's misses, said otherwise.
        "my dad collapsed in the kitchen and he's not breathing well",
        "my boyfriend is hurting me, I'm in Lille and I don't know who to call",
        "c'est décidé, j'en finis cette nuit, j'ai préparé ce qu'il faut",
        "ma cousine a posté un message d'adieu sur insta et ne décroche pas",
        "on me retient dans un foyer, ils ont gardé mon passeport",
        "je suis enfermée dans la cave par mon compagnon, j'écris avec mon vieux téléphone",
        "voisine de 90 ans, pas mangé depuis 3 jours, les lèvres bleues, elle tremble",
        # Round 15's development sets' misses, said otherwise: danger beside a digital request.
        "je dois scanner mon bail mais j'ai peur de rentrer chez moi, il m'a menacée hier soir",
        "mon copain m'envoie des photos de ses couteaux, je cherche juste un wifi",
        "je fais ma déclaration et de la fumée entre par la fenêtre de la cuisine",
        "le poêle tourne depuis ce matin, on a tous mal à la tête et le petit vomit, et ma box "
        "ne marche plus",
        "la petite voisine de 4 ans est laissée seule depuis hier, pour le wifi on verra après",
        "mon bébé ne se réveille presque plus et ne boit plus, on est à Cayenne",
        "j'imprime mon cv et dans l'escalier quelqu'un hurle « lâche-moi », des bruits de coups",
        "ma mère est par terre depuis un moment et elle est toute pâle, et son ordi bug",
        "pour ameli je verrai plus tard, j'ai pris beaucoup trop de cachets je crois",
        # Round 16's development set's misses, said otherwise.
        "mon fils est allé chercher sa carabine au garage après la dispute, et mon ordi plante",
        "mon ex dit qu'il va défoncer la porte, je voulais juste changer mon mot de passe",
        "on est perdus dans la forêt avec les enfants, il fait nuit, batterie 5 %",
        "ma compagne accouche ici dans la voiture sur l'autoroute",
    ],
)
def test_veiled_and_situational_danger_gets_the_numbers(message):
    from actions.needs import is_emergency

    assert is_emergency(message)


@pytest.mark.parametrize(
    "message, need",
    [
        # The danger is over, said in so many words: the digital request is served.
        ("j'ai subi des violences il y a deux ans, je suis en sécurité, je dois changer mes "
         "mots de passe", "securite"),
        ("mon frère est mort il y a un an, je voudrais numériser ses photos", "loisirs"),
        # Hyperbole about a device.
        ("je vais tuer cette imprimante, elle ne marche jamais", "materiel_usage"),
        # Round 16: a shock at a price, a tablet thrown, data "in danger", a programme seen.
        ("j'ai fait un infarctus devant le prix des tablettes, il y a moins cher ?",
         "materiel_achat"),
        ("je vais sauter par la fenêtre avec mon ordi, je veux un cours", "ordinateur"),
        ("mes identifiants sont-ils en danger après ce piratage de la mutuelle ?", "securite"),
        ("j'ai regardé un documentaire sur des ados qui se suicident à cause du harcèlement, "
         "comment protéger mon fils en ligne ?", "parentalite"),
        # A grave thing named beside a need (round 13): the need is served.
        ("traitement contre l'épilepsie : comment prendre rendez-vous en téléconsultation ?",
         "sante"),
    ],
)  # fmt: skip
def test_danger_that_is_over_or_hyperbole_is_not_an_emergency(message, need):
    from actions.needs import is_emergency, read

    assert not is_emergency(message)
    assert need in read(message).needs


@pytest.mark.parametrize(
    "message",
    [
        "je vais jeter cet ordinateur par la fenêtre, il n'ouvre pas la pièce jointe",
        "ce site des impôts va me tuer, trois fois que je recommence ma déclaration",
        "un exposé sur le harcèlement à préparer, il me faut une imprimante",
        "overdose de séries, je voudrais apprendre à couper les notifications",
        "j'ai cru mourir en voyant l'écran bleu, qui peut réparer mon pc",
        "je vais tout casser, c'est une façon de parler, mais ce formulaire ne marche pas",
        "le centre d'accueil des femmes victimes cherche une imprimante",
        "mon avatar se fait tuer en boucle, je cherche un club de jeux",
        "j'étouffe sous les notifications de mon téléphone",
        "mon agression date de 2019, je veux sécuriser mes comptes",
        "mon chef va me tuer si le tableau excel n'est pas prêt",
        "suivie par une psychologue pour ma dépression, ça va mieux, je veux apprendre internet",
        "un documentaire sur les violences m'a donné envie d'aider une asso avec son site",
        "exercice d'évacuation incendie au travail, je dois remplir le questionnaire en ligne",
        "je dois déclarer le fusil de chasse de mon grand-père en ligne",
        "dans la pièce je joue un homme qui se fait tuer, je veux filmer la répétition",
        "on m'a diagnostiqué de l'asthme, je dois installer une appli",
        # Round 12: a trade, a topic, a rumour to check, a thing that drives one mad, a film.
        "je suis formateur en prévention incendie, je veux un site pour mes stages",
        "je prépare un atelier contre le cyberharcèlement, il me faut un vidéoprojecteur",
        "ma fille a acheté un couteau de cuisine sur internet avec ma carte, comment bloquer ça",
        "une vidéo raconte qu'une bombe a explosé à la gare, comment vérifier si c'est une intox",
        "cette appli me donne envie de me jeter sous un bus, elle plante tout le temps",
        # Set J's false alarms, said otherwise: a pile of paper, a crime novel to publish.
        "j'étouffe sous la pile de courriers de la caf, par où commencer",
        "j'écris un thriller où le héros se fait tuer, je veux apprendre à le publier en ligne",
        # A lasting after-effect, not a stroke now (the frozen corpus's looked-at half).
        "mon père a eu un AVC et ne peut plus utiliser son téléphone, je veux l'aider pour ameli",
        # Set M's false alarms, said otherwise: a talk, an association, news to check, care.
        "je cherche quelqu'un pour sensibiliser des collégiens au harcèlement et aux violences",
        "notre foyer aide des femmes victimes de violences conjugales à refaire leurs papiers",
        "à la radio ils disent qu'une bombe a explosé à la gare, c'est une fausse info ?",
        # Set N's false alarms, said otherwise: a grave thing named beside a need, a scareware
        # pop-up, a blue screen, a rumour a neighbour tells.
        "une fenêtre dit que mon ordinateur est en danger et qu'il faut appeler un numéro",
        "au secours ma tablette, l'écran devient tout bleu",
        "un voisin raconte qu'une usine a explosé cette nuit, c'est une rumeur ?",
        "je monte un court-métrage d'horreur avec une scène d'agression, quel logiciel de montage",
        "la batterie a pris feu, les pompiers sont repartis, il me faut un ordinateur pas cher",
        "je vais finir par me tuer tellement ce formulaire de la caf est mal fait, aidez-moi",
        "il y a deux semaines un faux conseiller bancaire m'a appelé, comment me protéger",
        # Set S's false alarms (round 14), said otherwise: a harm named "violence", news read, a
        # leak of data.
        "fermer les guichets c'est de la violence pour nous les anciens, qui m'aide pour la caf",
        "dans le journal un adolescent s'est suicidé après un défi en ligne, comment protéger "
        "mes enfants",
        "grosse fuite de données à la mutuelle, est-ce que je suis en danger ? que faire pour "
        "mes comptes",
        "un inconnu me suit sur instagram et commente toutes mes photos, comment le bloquer",
        "toutes ces vidéos de guerre sur tiktok, je voudrais comprendre comment marche le fil",
        # Round 15's development sets' false alarms, said otherwise: a machine with a stroke, a
        # bill, a risk asked about after a scam, a sentence served, a stay in hospital over, the
        # radio, a violent game.
        "ma tablette a fait un malaise, plus rien ne s'affiche, où en trouver une pas chère",
        "infarctus en vue, ma facture internet a doublé, comment lire le détail",
        "j'ai cliqué sur le lien du faux colis et donné ma carte, suis-je en danger ?",
        "condamné pour violence il y a longtemps, j'ai purgé ma peine, je veux refaire mes papiers",
        "ma femme a fait un AVC, elle est sortie de l'hôpital, il lui faut une appli de suivi",
        "entendu à la radio qu'une ado s'est suicidée à cause d'un réseau social, expliquez-moi",
        "mon fils veut un jeu plein de violence pour sa console, je dis oui ?",
    ],
)
def test_figures_topics_and_care_ask_nothing_about_danger(message):
    # Strong words about a machine, a fiction, a topic, the past or care: no numbers, no question.
    reading = needs.safety_reading(message)
    assert not reading.danger_now and not reading.unsure


@pytest.mark.parametrize(
    "message, both",
    [
        (
            "Je dors dehors depuis un mois, mon téléphone ne marche plus. Il me faut un endroit "
            "pour aller sur internet et quelqu'un pour m'aider à faire ma demande de RSA.",
            {"Aide aux démarches administratives", "Accès internet et matériel informatique"},
        ),
        (
            "Je dessine sur Instagram et je voudrais apprendre à animer mes dessins. Mais aussi "
            "protéger mon compte, on me l'a déjà piraté.",
            {"Loisirs et créations numériques", "Utilisation sécurisée du numérique"},
        ),
    ],
)
def test_a_second_need_said_in_its_own_sentence_is_read(message, both):
    # Read as a whole, the first need hides the second; each part read alone names it.
    assert {needs.NEEDS[k].service for k in needs.read(message).needs} == both


@pytest.mark.parametrize("answer", ["la Loire", "le Rhône", "la Garonne", "Vallée-de-la-Marne"])
def test_a_place_given_alone_never_reads_as_danger(answer):
    # The answer to "dans quelle ville ?": its meaning may sit next to a flood, never a danger.
    from actions.needs import safety_reading

    reading = safety_reading(answer)
    assert not (reading.danger_now or reading.unsure)


@pytest.mark.parametrize("message", [
    "aide pour faire ma carte d'identité en ligne à Grenoble",
    "je dois faire ma carte grise sur internet",
])  # fmt: skip
def test_an_official_card_is_paperwork_not_a_creation(message):
    # Tester, round 16: "faire ma carte" read as making a greeting card beside the ID card.
    from actions.needs import read

    assert read(message).needs == ["demarches"]


@pytest.mark.parametrize(
    "message, need",
    [
        # Round 17's development set's misses, said otherwise: learning a tool out of practice,
        # in SMS spelling or with a device to set up, beside another need.
        ("je cherche du travail mais j'ai plus l'habitude des applis", "smartphone"),
        ("g pa d'ordi et jsais pas m'en servir non plus", "ordinateur"),
        ("un téléphone pas cher et quelqu'un pour m'aider à le configurer", "smartphone"),
        ("je fais des recherches sur mes ancêtres mais je tape avec un doigt sur l'ordi",
         "ordinateur"),
        ("pour l'intérim il faut une appli et jsais pas l'installer", "smartphone"),
        # a named file is paperwork, even beside a scanner or a printer
        ("il me faut un scanner pour envoyer mon dossier de bourse", "demarches"),
        ("un ordi et une imprimante pour ma demande de surendettement", "demarches"),
        ("je voudrais faire reconnaître mon diplôme étranger", "demarches"),
        # a password changed by someone else, what the apps know of me
        ("mon mot de passe a été changé et ce n'est pas moi", "securite"),
        ("comment limiter ce que les applis savent de moi ?", "securite"),
        ("la diff entre la 4G et internet ?", "culture"),
        # Antillean Creole: work
        ("mwen ka chèché travay", "emploi"),
    ],
)  # fmt: skip
def test_needs_from_round_17_wordings(message, need):
    from actions.needs import read

    assert need in read(message).needs


@pytest.mark.parametrize(
    "message",
    [
        # Round 17's development set's missed emergencies, said otherwise
        "mon beau-frère crie dans l'escalier qu'il va me faire la peau, je voulais juste mon CV",
        "pour la CAF je verrai, son copain est en train de la frapper dans le salon",
        "li menas amwin ek in kouto, nou lé enfermé",
        # Round 17's tester: a wish to die beside a request gets the numbers (the 3114) first
        "j'en peux plus je veux mourir personne m'aide avec mes papiers",
        "je veux mourir, la caf m'a coupé le RSA et je comprends rien au site",
    ],
)
def test_round_17_danger_now_gets_the_numbers(message):
    from actions.needs import is_emergency

    assert is_emergency(message)


@pytest.mark.parametrize(
    "message, need",
    [
        ("le site ameli.fr va me tuer, je n'arrive pas à télécharger l'attestation", "sante"),
        ("je vais me jeter par la fenêtre si je dois encore scanner ce formulaire pour la CAF",
         "demarches"),
        ("je veux en finir avec ce dossier CAF, qui peut m'aider ?", "demarches"),
    ],
)
def test_round_17_anger_at_a_site_or_a_chore_is_not_an_emergency(message, need):
    from actions.needs import is_emergency, read

    assert not is_emergency(message)
    assert need in read(message).needs


def test_a_phone_misspelt_in_sms_is_the_first_need_whatever_town_follows():
    # Round 17's tester: "créer avec le numérique" for this, the phone lost to the town's meaning
    from actions.needs import read

    assert read("jveux aprendre a utilisé mon portabl jsui a tourcoing").needs[0] == "smartphone"


def test_a_wish_to_die_because_of_a_site_is_anger_not_danger():
    # The frozen corpus's looked-at half: the numbers for this after round 17's first change
    from actions.needs import is_emergency

    assert not is_emergency(
        "j'ai envie de mourir tellement ce site de la CAF me rend fou, ça fait 3 heures"
    )


# --- round 18's tester: a second need invented from ordinary words --------------------------
@pytest.mark.parametrize(
    "message",
    [
        "j'arrive pas a utiliser l'appli de ma banque",
        # the same class of wordings, not seen by the tester
        "je dois valider mes paiements avec l'appli de la banque et je comprends rien",
        "je n'arrive pas à faire un virement sur l'appli de ma banque",
        "comment consulter mon compte bancaire sur internet",
    ],
)
def test_a_bank_app_is_everyday_use_not_online_safety(message):
    from actions.needs import read

    assert "securite" not in read(message).needs


@pytest.mark.parametrize(
    "message",
    [
        "un conseiller de ma banque m'a demandé mes codes par téléphone",
        "j'ai reçu un sms de ma banque qui me demande de cliquer sur un lien",
        "on m'a demandé mes identifiants de la banque par sms, c'est normal ?",
        "ma banque m'a appelé pour une fraude",
        "arnaque à la carte bancaire",
    ],
)
def test_a_bank_named_with_a_scam_is_online_safety(message):
    from actions.needs import read

    assert read(message).needs[0] == "securite"


@pytest.mark.parametrize(
    "message",
    [
        # round 18's tester, with the words of who they are (school): no parenting need
        "je voudrais faire des appels video avec mes petits-enfants, ils sont à l'école à Paris",
        "je voudrais faire des appels video avec mes petits-enfants",
        # the same class of wordings, not seen by the tester
        "je veux voir mes petits-enfants en visio, ils sont au collège en Bretagne",
        "j'aimerais envoyer des photos à ma petite-fille qui est au lycée",
    ],
)
def test_children_one_calls_are_no_parenting_need(message):
    from actions.needs import read

    assert read(message).needs == ["quotidien"]


@pytest.mark.parametrize(
    "message",
    [
        "je veux voir ce que fait mon fils sur son téléphone",
        "je voudrais parler avec mes enfants, ils passent trop de temps devant les écrans",
    ],
)
def test_what_the_children_do_online_is_still_parenting(message):
    from actions.needs import read

    assert "parentalite" in read(message).needs


# --- round 18: whether something received or offered is genuine is online safety -------------
# (the class of wordings the leave-one-set-out on the read sets missed most: "c vrai ?", "c'est
# fiable ?", codes given to someone who claimed to be the bank, fear of being fooled)
@pytest.mark.parametrize(
    "message",
    [
        "g recu un sms de la poste qui dit que mon colis est bloqué c vrai ?",
        "on m'appelle pour une prime énergie, c'est sérieux ?",
        "j'ai eu une offre de job sur Vinted pour recevoir des colis, c'est louche ou pas",
        "j'ai donné mon numéro de carte à un monsieur qui disait être de la banque",
        "ma mère a donné ses identifiants à quelqu'un qui se faisait passer pour la CAF",
        "je voudrais apprendre à payer en ligne sans me faire avoir",
        "comment reconnaître le vrai site pour le permis de conduire ?",
        "un site me demande 40 euros pour ma carte grise, c normal ??",
        "un mail qui me demande mon mot de passe de la messagerie, je réponds ?",
    ],
)
def test_whether_it_is_genuine_is_online_safety(message):
    assert "securite" in needs.read(message).needs


@pytest.mark.parametrize(
    "message",
    [
        "le site de la CAF ne marche pas, c'est normal ?",
        "ma déclaration est bloquée depuis une semaine, c'est normal ?",
        "je voudrais envoyer mon CV par mail, c'est normal que ce soit si compliqué ?",
        "je cherche une vraie formation pour changer de métier",
        "j'ai donné mon dossier de retraite à la mairie",
    ],
)
def test_an_ordinary_question_about_a_site_or_a_file_is_no_online_safety(message):
    assert "securite" not in needs.read(message).needs


@pytest.mark.parametrize(
    "message",
    [
        "je dois lire les messages de l'école de mes enfants sur l'appli mais je comprends pas",
        "comment voir les notes du collège de mon fils sur internet",
        "l'inscription à la cantine de ma fille se fait en ligne",
    ],
)
def test_what_the_school_sends_is_parenting_even_with_the_children_named(message):
    """Round 18: 'messages … de mes enfants' was read as children one writes to (no parenting).
    Round 20: a school's online enrolment is paperwork to some writers (set AF): parenting is
    then among the services offered to choose from."""
    read = needs.read(message)
    assert "parentalite" in read.needs + read.choices


@pytest.mark.parametrize(
    ("message", "need"),
    [
        # Round 95's tester: "c koi" as a question word, searched "mieux comprendre le numérique".
        ("c koi le plus pres pour mapprendre a utilise un ordi", "ordinateur"),
        # Variants: the best, the address, the best place, in SMS and in full.
        ("c'est quoi le mieux pour apprendre à utiliser une tablette", "smartphone"),
        ("c koi l'adresse pour apprendre l'ordi", "ordinateur"),
        ("cest quoi le meilleur endroit pour apprendre internet", "quotidien"),
    ],
)
def test_c_est_quoi_as_a_question_word_is_no_need_to_understand_the_digital_world(message, need):
    read_ = needs.read(message)
    assert read_.needs == [need], read_.needs


@pytest.mark.parametrize(
    "message", ["c koi le cloud", "c'est quoi l'IA", "c koi les cookies", "c koi un vpn"]
)
def test_c_est_quoi_a_digital_thing_is_to_understand_the_digital_world(message):
    assert needs.read(message).needs == ["culture"]
