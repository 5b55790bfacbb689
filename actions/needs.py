"""What the person needs, in their words → the services of the national standard.

Pure module (no Rasa, no database): the catalogue of needs and procedures, the keyword
detection that backs up the NLU entities, and "what to bring" for each procedure.
Every text a person sees is plain French, with "vous" and no jargon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actions import safety
from actions.day_in_story import day_in_story
from directory_client import display, labels


@dataclass(frozen=True)
class Need:
    key: str
    service: str  # current label of the standard
    plain: str  # what we tell the person ("de l'aide pour vos papiers en ligne")
    preferred: tuple[str, ...] = ()  # finer 1.0 labels that make a place a better fit
    # What the places are for, after "pour" in a sentence ("Voici 3 lieux près de Calais pour
    # faire vos démarches en ligne avec quelqu'un"): never "pour" nor "et" inside, so that two
    # needs read "pour A et B". Empty: ``plain``.
    aim: str = ""

    @property
    def purpose(self) -> str:
        return self.aim or self.plain


NEEDS: dict[str, Need] = {
    n.key: n
    for n in (
        Need(
            "demarches",
            labels.DEMARCHES,
            "quelqu'un pour faire vos démarches en ligne avec vous",
            (labels.V1_WITH_HELP,),
            aim="faire vos démarches en ligne avec quelqu'un",
        ),
        Need(
            "demarches_autonomie",
            labels.DEMARCHES,
            "apprendre à faire vos démarches en ligne vous-même",
            (labels.V1_AUTONOMY,),
        ),
        Need(
            "sante",
            labels.DEMARCHES,
            "de l'aide pour vos démarches de santé (ameli, carte Vitale…)",
            (labels.V1_HEALTH, labels.V1_WITH_HELP),
            aim="vos démarches de santé (ameli, carte Vitale…)",
        ),
        Need(
            "smartphone",
            labels.OUTILS_QUOTIDIEN,
            "apprendre à vous servir de votre téléphone ou de votre tablette",
            (labels.V1_SMARTPHONE,),
        ),
        Need(
            "ordinateur",
            labels.OUTILS_QUOTIDIEN,
            "apprendre à vous servir d'un ordinateur",
            (labels.V1_COMPUTER,),
        ),
        Need(
            "quotidien",
            labels.OUTILS_QUOTIDIEN,
            "vous servir d'internet au quotidien (mails, photos, achats…)",
            (labels.V1_EVERYDAY,),
        ),
        Need(
            "internet",
            labels.ACCES_INTERNET_MATERIEL,
            "un endroit avec internet",
            ("Accéder à une connexion internet",),
        ),
        Need(
            "materiel_usage",
            labels.ACCES_INTERNET_MATERIEL,
            "un ordinateur ou une imprimante à utiliser sur place",
            ("Accéder à du matériel",),
        ),
        Need(
            "materiel_achat",
            labels.ACQUISITION_MATERIEL,
            "un ordinateur ou un téléphone à petit prix",
            ("Équiper en matériel informatique",),
        ),
        Need(
            "emploi",
            labels.INSERTION_PRO,
            "chercher du travail avec internet (CV, candidatures)",
            ("Favoriser mon insertion professionnelle",),
        ),
        Need(
            "entreprise",
            labels.INSERTION_PRO,
            # the standard's business service also serves associations (docs/nlu-report.md)
            "créer ou gérer votre entreprise ou votre association",
            (labels.V1_BUSINESS,),
        ),
        Need(
            "securite",
            labels.SECURITE,
            "vous protéger des arnaques et du piratage",
            # one aim for a scam, a hacked account and harassment (a child harassed online keeps
            # this need beside parenting: its heading must not speak of scams only)
            aim="vous protéger en ligne (arnaques, piratage, harcèlement)",
        ),
        Need(
            "parentalite",
            labels.PARENTALITE,
            "suivre la scolarité de vos enfants et leurs écrans",
            ("Soutenir la parentalité et l'éducation avec le numérique",),
            aim="accompagner vos enfants avec le numérique (scolarité, écrans)",
        ),
        Need(
            "loisirs",
            labels.LOISIRS,
            "créer et vous amuser avec le numérique (photo, vidéo, jeux…)",
            ("Créer avec le numérique",),
            aim="créer avec le numérique (photo, vidéo, jeux…)",
        ),
        Need(
            "culture",
            labels.COMPREHENSION,
            "mieux comprendre le numérique (réseaux sociaux, IA, fausses infos)",
            ("Approfondir ma culture numérique", "Promouvoir la citoyenneté numérique"),
        ),
    )
}


@dataclass(frozen=True)
class Procedure:
    key: str
    name: str  # plain name shown to the person
    need: str  # key in NEEDS
    bring: tuple[str, ...]
    # What the places are for, after "pour" ("Voici 3 lieux près de Pau pour vos démarches de
    # retraite"); spoken of a relative by ``actions.someone_else`` ("ses démarches de retraite").
    purpose: str


PROCEDURES: dict[str, Procedure] = {
    p.key: p
    for p in (
        Procedure(
            "caf",
            "la CAF (RSA, APL, prime d'activité…)",
            "demarches",
            (
                "votre numéro d'allocataire CAF et votre mot de passe, si vous en avez un",
                "une pièce d'identité",
                "un RIB",
                "votre dernier avis d'impôt",
            ),
            purpose="vos démarches avec la CAF (RSA, APL, prime d'activité…)",
        ),
        Procedure(
            # A first claim has no CAF number yet: asked for only if there is one.
            "rsa",
            "la CAF (demande de RSA)",
            "demarches",
            (
                "une pièce d'identité",
                "un RIB",
                "vos justificatifs de ressources des 3 derniers mois (salaires, allocations…)",
                "votre numéro de sécurité sociale",
                "votre numéro d'allocataire CAF, seulement si vous en avez un",
            ),
            purpose="vos démarches avec la CAF (demande de RSA)",
        ),
        Procedure(
            "impots",
            "les impôts",
            "demarches",
            (
                "votre numéro fiscal (en haut de votre avis d'impôt)",
                "votre dernier avis d'impôt",
                "une pièce d'identité",
            ),
            purpose="vos démarches avec les impôts",
        ),
        Procedure(
            # The identity card and the passport (and "ANTS" alone: the model's value for
            # the four titles when no keyword names one).
            "ants",
            "vos papiers (carte d'identité, passeport, permis, carte grise)",
            "demarches",
            (
                "votre ancienne pièce d'identité",
                "un justificatif de domicile de moins de 6 mois",
                "une photo d'identité avec son code e-photo",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="vos papiers (carte d'identité, passeport, permis, carte grise)",
        ),
        Procedure(
            "permis",
            "l'ANTS (permis de conduire)",
            "demarches",
            (
                "votre permis de conduire (ou la déclaration de perte ou de vol)",
                "une pièce d'identité",
                "un justificatif de domicile de moins de 6 mois",
                "une photo d'identité avec son code e-photo",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="vos démarches avec l'ANTS (permis de conduire)",
        ),
        Procedure(
            "carte_grise",
            "l'ANTS (carte grise)",
            "demarches",
            (
                "une pièce d'identité",
                "un justificatif de domicile de moins de 6 mois",
                "votre permis de conduire",
                "le certificat de cession et son code de cession (achat d'occasion)",
                "l'ancienne carte grise barrée et signée par le vendeur (achat d'occasion)",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="vos démarches avec l'ANTS (carte grise)",
        ),
        Procedure(
            "ameli",
            "l'Assurance maladie (ameli, carte Vitale)",
            "sante",
            (
                "votre carte Vitale ou votre numéro de sécurité sociale",
                "une pièce d'identité",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="vos démarches avec l'Assurance maladie (ameli, carte Vitale)",
        ),
        Procedure(
            "france_travail",
            "France Travail (ex Pôle emploi)",
            "demarches",
            (
                "votre identifiant France Travail et votre mot de passe",
                "une pièce d'identité et votre carte Vitale",
                "un RIB",
                "votre CV si vous en avez un",
            ),
            purpose="vos démarches avec France Travail (ex Pôle emploi)",
        ),
        Procedure(
            "retraite",
            "votre retraite",
            "demarches",
            (
                "votre numéro de sécurité sociale",
                "une pièce d'identité",
                "un RIB",
                "vos bulletins de salaire ou relevés de carrière si vous les avez",
            ),
            purpose="vos démarches de retraite",
        ),
        Procedure(
            "mdph",
            "la MDPH (handicap)",
            "demarches",
            (
                "un certificat médical de moins d'un an",
                "une pièce d'identité",
                "un justificatif de domicile",
            ),
            purpose="vos démarches avec la MDPH (handicap)",
        ),
        Procedure(
            "titre_sejour",
            "votre titre de séjour",
            "demarches",
            (
                "votre passeport et votre titre de séjour actuel",
                "un justificatif de domicile",
                "des photos d'identité",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="votre titre de séjour",
        ),
        Procedure(
            # Not a titre de séjour: its own file, made online with the préfecture (ANEF).
            "naturalisation",
            "la préfecture (demande de naturalisation, ANEF)",
            "demarches",
            (
                "une pièce d'identité",
                "un justificatif de domicile",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="vos démarches avec la préfecture (demande de naturalisation, ANEF)",
        ),
        Procedure(
            "cheque_energie",
            "le chèque énergie",
            "demarches",
            (
                "votre chèque énergie ou le courrier reçu",
                "votre numéro fiscal",
                "une facture d'électricité ou de gaz",
            ),
            purpose="votre chèque énergie",
        ),
        Procedure(
            "franceconnect",
            "FranceConnect",
            "demarches",
            (
                "les identifiants d'un compte que vous avez déjà (impots.gouv, ameli, La Poste…)",
                "votre téléphone portable et votre adresse mail",
            ),
            purpose="votre compte FranceConnect",
        ),
    )
}

# A criterion said away: "sans le samedi", "pas forcément gratuit", "peu importe l'accès".
_WITHOUT = re.compile(
    r"\b(sans|pas forcement|pas besoin (d'etre|que ce soit)|peu importe)\b[^,.;!?]*$"
)
DROP = "sans_"  # a constraint value "sans_gratuit" drops the filter "gratuit" (a follow-up button)
CONSTRAINTS = (
    "gratuit", "samedi", "dimanche", "ouvert_maintenant", "accessible", "seniors", "a_ma_place",
    "conseiller_numerique",
)  # fmt: skip
# The days a search can ask for: a day asked replaces the other ("le samedi" then "et le
# dimanche ?" is Sundays, not both).
DAYS = ("samedi", "dimanche")
CONSTRAINT_PLAIN = {
    "gratuit": "gratuits",
    "samedi": "ouverts le samedi",
    "dimanche": "ouverts le dimanche",
    "ouvert_maintenant": "ouverts maintenant",
    "accessible": "accessibles en fauteuil roulant",
    "seniors": "adaptés aux seniors",
    "a_ma_place": "où un aidant habilité Aidants Connect peut faire à votre place",
    "conseiller_numerique": "avec un conseiller numérique",
}


# What no place does, after "Aucun lieu": "Aucun lieu n'ouvre le dimanche près de Limoges".
CONSTRAINT_MISSING = {
    "gratuit": "n'est gratuit",
    "samedi": "n'ouvre le samedi",
    "dimanche": "n'ouvre le dimanche",
    "ouvert_maintenant": "n'est ouvert en ce moment",
    # What the places do not declare, never said as a fact of the places (round 160's tester:
    # « Aucun lieu n'est accessible en fauteuil roulant » where none declares it).
    "accessible": "ne déclare d'accès en fauteuil roulant",
    "seniors": "n'est adapté aux seniors",
    "a_ma_place": "ne fait les démarches à votre place (Aidants Connect)",
    "conseiller_numerique": "n'annonce de conseiller numérique",
}
# The directory's programme for a constraint: places that declare it (dispositif_programmes_
# nationaux), "un conseiller numérique à Poitiers" → the places with one.
CONSTRAINT_PROGRAMMES = {"conseiller_numerique": labels.DISPOSITIFS_ALIASES["CNFS"]}


# Specific care, read the same way by the chat and the reception desk (bot.staff.triage): the
# directory's "prise en charge spécifique" labels, and the folded words that say them, matched as
# whole words or phrases.
CARE_WORDS: dict[str, tuple[str, ...]] = {
    "Handicaps moteurs": (
        "fauteuil",
        "fauteuil roulant",
        "pmr",
        "handicap moteur",
        "mobilite reduite",
        "deambulateur",
        "bequilles",
    ),
    "Surdité": ("sourd", "sourde", "malentendant", "malentendante", "surdite", "lsf"),
    "Déficience visuelle": (
        "aveugle",
        "malvoyant",
        "malvoyante",
        "mal voyant",
        "non voyant",
        "deficience visuelle",
        "voit mal",
    ),
    "Illettrisme": (
        "illettre",
        "illettree",
        "illettrisme",
        "analphabete",
        "ne sait pas lire",
        "ne lit pas",
        "lit mal",
    ),
    "Handicaps mentaux": ("handicap mental", "deficience intellectuelle", "handicap psychique"),
    "Langues étrangères (anglais)": ("anglais", "anglophone", "english"),
    "Langues étrangères (autres)": (
        "parle pas francais",
        "parle peu francais",
        "allophone",
        "traducteur",
        "interprete",
        "ne parle pas",
        "refugie",
        "refugiee",
    ),
}
# The disabilities the chat reads (the desk reads every care above): a soft filter, places that
# declare it first. Motor disability is the chat's constraint "accessible".
DISABILITIES = ("Déficience visuelle", "Surdité", "Handicaps mentaux")
CARE = "prise_en_charge:"  # a constraint "prise_en_charge:Surdité": the care asked for


# Someone who cannot walk ("elle ne marche plus", "il ne peut pas marcher", "a du mal à
# marcher"), on the words of ``read_care``: a person, never a thing ("son téléphone ne marche
# pas", "ça ne marche plus").
_CANNOT_WALK = re.compile(
    r" (il|elle|ils|elles|je|j|lui) (ne |n )?marchen?t? (pas|plus|mal|difficilement|avec|qu avec)"
    r" | (peut|peuvent|peux|pouvez|pourra|arrive|arrivent|arrivez) (pas|plus|plus du tout|mal)"
    r" (a )?marcher | (du mal|difficulte|difficultes|peine) a marcher "
)
# "mon ordi, il ne marche plus": the pronoun is the thing just named.
_THING_BEFORE = re.compile(
    r" (telephones?|portables?|tel|smartphones?|ordi|ordis|ordinateurs?|pc|tablettes?|imprimantes?"
    r"|box|site|sites|appli|applis|applications?|internet|wifi|compte|mail|mails|carte|code"
    r"|ecran|clavier|souris|scanner|lien|connexion|truc|machine|appareil)( \w+){0,3} $"
)


# A desk note's part that says it alone: "Mme D., ne marche plus, Roubaix".
_CANNOT_WALK_NOTE = re.compile(r"(^|[,;:/(-])\s*(ne |n')?marche (pas|plus|mal)\b")


def _cannot_walk(words: str, folded: str) -> bool:
    if _CANNOT_WALK_NOTE.search(folded):
        return True
    said = _CANNOT_WALK.search(words)
    return bool(said) and not _THING_BEFORE.search(words[: said.start() + 1])


def read_care(text: str) -> tuple[str, ...]:
    """The care a message names ("malvoyant" → "Déficience visuelle"), in the table's order."""
    folded = fold(text)
    words = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split()) + " "
    return tuple(
        c
        for c, said in CARE_WORDS.items()
        if any(f" {w} " in words for w in said)
        or (c == "Handicaps moteurs" and _cannot_walk(words, folded))
    )


def care_asked(constraints: list[str]) -> tuple[str, ...]:
    """The care labels among ``constraints``: "prise_en_charge:Surdité" → "Surdité"."""
    return tuple(c[len(CARE) :] for c in constraints if c.startswith(CARE))


def few_declare(what: str) -> str:
    """The note when few places near declare a care: the others follow."""
    return f"Peu de lieux déclarent « {what} » : lieux les plus adaptés à proximité."


def constraint_missing(key: str) -> str | None:
    """ "n'ouvre le dimanche": what no place does, for a criterion dropped to find places."""
    return CONSTRAINT_MISSING.get(key)


def fold(text: str) -> str:
    return labels.fold(text or "")


# A distance limit said ("1 km max", "à moins de 2 km", "pas plus de 5 km", "dans un rayon de
# 10 km") is a constraint with its value: "max_km:2". It narrows the search; when nothing is
# within it, the assistant says so and gives the nearest places (actions.search_run.run_search).
DISTANCE = "max_km:"
_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30, "cinquante": 50,
}  # fmt: skip
_AMOUNT = r"(\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s*(km|kms|kilometres?|m|metres?)\b"
_LIMIT_BEFORE = (
    r"(?:a moins d'|moins d'|a moins de|moins de|pas plus (?:loin )?(?:de|d')|au plus a|"
    r"au maximum a|maximum|max|maxi|dans un rayon de|rayon de|jusqu'a|pas au-?dela de|"
    r"pas (?:\w+ ){0,3}(?:a )?plus de|pas a plus de|a max|a maxi)\s*"
)
_LIMIT_AFTER = r"\s*(?:maximum|maxi|max|au plus|au maximum|grand max)\b"
_DISTANCE_LIMIT = re.compile(rf"\b(?:{_LIMIT_BEFORE}{_AMOUNT}|(?:a )?{_AMOUNT}{_LIMIT_AFTER})")


def distance_constraint(km: float) -> str:
    """``2`` → ``"max_km:2"``; ``0.5`` → ``"max_km:0.5"``."""
    return f"{DISTANCE}{km:g}"


def distance_limit(constraints: list[str]) -> float | None:
    """The distance limit among ``constraints`` (km), or None."""
    for key in constraints:
        if key.startswith(DISTANCE):
            try:
                return float(key[len(DISTANCE) :])
            except ValueError:
                return None
    return None


def constraint_plain(key: str) -> str | None:
    """A constraint as the person reads it: "gratuits", "à moins de 2 km"; None if unknown."""
    km = distance_limit([key])
    if km is not None:
        return f"à moins de {display.distance_text(km)}"
    return CONSTRAINT_PLAIN.get(key)


def _read_distance(folded: str) -> float | None:
    """The distance limit said in a folded message (km), or None."""
    said = _DISTANCE_LIMIT.search(folded)
    if said is None:
        return None
    number, unit = said.group(1, 2) if said.group(1) else said.group(3, 4)
    value = _NUMBER_WORDS.get(number) or float(number.replace(",", "."))
    km = value / 1000 if unit.startswith("m") else value
    return km if km > 0 else None


def in_distance(text: str, words: str) -> bool:
    """Whether ``words`` (an entity's value) are only words of the distance limit said in
    ``text``: the "1" of "Paris, 1 km max", which the NLU also tags as a place."""
    said = _DISTANCE_LIMIT.search(fold(text))
    return said is not None and set(fold(words).split()) <= set(said.group(0).split())


def without_distance(text: str) -> str:
    """``text`` without the distance limit it says ("Roubaix, 2 km max" → "Roubaix"): the
    words left may name a place."""
    folded = fold(text)
    said = _DISTANCE_LIMIT.search(folded)
    if said is None:
        return text
    if len(folded) != len(text):  # the positions are the folded text's
        text = folded
    return f"{text[: said.start()].rstrip(' ,;')} {text[said.end() :]}".strip(" ,;")


# --- keyword detection ----------------------------------------------------------------------
# Patterns work on folded text (lower case, no accents). They back up the NLU entities and read
# SMS spellings ("jveu", "tel", "ordi"). Order matters only for readability.
# A child named, whose Parcoursup is the parent's to help with.
_KID = (
    r"(enfants?|fils|fis|fiston|filles?|ados?|adolescente?s?|gamins?|gamines?|petits?-enfants?"
    r"|petite?s?-(fils|filles?)|lyceens?|lyceennes?)"
)
_NEED_PATTERNS: dict[str, tuple[str, ...]] = {
    "sante": (
        r"\bameli\b",
        r"\bcartes? vitales?\b|\bcart vital",
        r"\bsecu\b",
        r"securite sociale",
        r"assurance maladie",
        r"\bmutuelle",
        r"\bdoctolib",
        r"\bteleconsult\w*",
        r"\bsante\b",
        r"\bmedecin",
        # the AME (aide médicale d'État), not "son âme"; the complémentaire santé solidaire
        r"\b(demande|dossier|carte|droits?|renouvel\w*|faire) (d'|de l'|de |a l'|l')?ame\b",
        r"aide medicale d'etat|complementaire sante solidaire|\bc2s\b",
    ),
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
    "internet": (
        r"\b(pas|pa|ni|sans|plus) (d'|de |d )?(internet|connexion|wifi|wi-fi)",
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
        r"\bd'occasion\b",
        r"\bsolidaires?\b",
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
        r"\b(carte sim|sim|forfait|box|abonnement|offres?|recharges?) (sociale?s?|solidaires?|"
        r"gratuite?s?|a bas cout|pas chere?s?)",
        r"\btarif social",
        r"\bbas cout",
        r"\bcombien (un|une|les) (ordi|ordinateur|tablette|telephone)",
    ),
    "emploi": (
        r"\bcv\b",
        r"\bemploi",
        r"\btravail\b",
        r"\bboulot\b",
        r"\bjob\b",
        r"\bcandidature",
        r"\blettre de motivation",
        r"\bentretien d'embauche",
        r"\bchomage\b",
        r"\btravay\b",  # Antillean Creole
        r"\bindeed\b",
        r"\blinkedin\b",
        r"\bcpf\b",
        r"\bcompte (personnel de )?formation",
        r"\bpostul\w*",
        r"\bpix\b",
        r"\binterim\w*",
        r"\bentretiens? (video|en visio|differe)",
        r"\breconver\w*",
        r"\bmetiers? du numerique",
        r"\b(mon|nouveau|mon nouveau) (poste|employeur|patron|metier)\b",
        r"\bcompte (personnel )?(de )?formation",
    ),
    "entreprise": (
        r"\bcommerce\b",
        r"\bcommercante?s?\b",
        r"\bartisan",
        r"\b(gerer|creer|monter|lancer) (mon|notre|une|l') ?association",
        r"\b(mon|notre) association\b.{0,60}\b(site|adherents?|visib\w*|communication|compta\w*)",
        r"\bassociation (sportive|culturelle|loi 1901)",
        r"\bvisibles? sur (internet|google|les reseaux)",
        r"\b(faire connaitre|promouvoir) (mon|ma|notre) \w+",
        r"\b(page|compte) (facebook|instagram|pro)\b.{0,40}\b(clients?|visites?|vendre|"
        r"boutique|commerce|truck|restaurant|salon)",
        r"\bfood ?truck",
        r"\b(mon|ma|notre|nos) (gite|chambres? d'hotes|restaurant|salon|boutique|magasin|cabinet|"
        r"activite|exploitation|camping|auberge)\b.{0,60}\b(sites?|internet|en ligne|reservations?|"
        r"clients?|visib\w*|google|reseaux)",
        r"\bsites? de reservation",
        r"\bma (boutique|societe)\b",
        r"\bfacturation\b|\bfactures? en ligne",
        r"\bauto ?-?entrepr",
        r"\bmicro ?-?entrepr",
        r"\bentreprise\b",
        r"\bsiret\b",
        r"\burssaf\b",
        r"\bcreer (ma|mon) (boite|societe|activite|commerce)",
        r"\bmon commerce\b",
        r"\bsite (web|internet) pour (ma|mon)",
    ),
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
        r"\bjamais (recu|livre)",
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
        r"\b(peur de|sans|ne (plus|pas)|eviter de) (me|se|nous|vous) faire "
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
        r"\bsignal\w* (le|un|ce|son|les) (compte|profil)",
        r"\b(vole|perdu|perdue) (mon|son|ma|sa) (telephone|portable|smartphone|tel)\b.{0,160}"
        r"\bbloqu\w*",
        r"\bdark ?web\b|\bwifi (publics?|gratuits? de la gare|de la gare|de l'hotel)",
    ),
    "parentalite": (
        r"\b(ecole|college|lycee|creche) (de|des) (mes|mon|ma|nos) (enfants?|fils|fille|petits?)",
        r"\bparents? d'eleves",
        r"\bstage de (3e|3eme|troisieme)",
        # "mes devoirs" are the writer's own (a pupil, a student), not a child's
        r"(?<!mes )\bdevoirs\b",
        rf"\b{_KID}\b.{{0,40}}\bdevoirs?\b|\bdevoirs?\b.{{0,40}}\b{_KID}\b",
        r"\bparents?-enfants?",
        r"\bharcelement (en ligne|scolaire)",
        r"\bmessages? de l'ecole",
        # Parcoursup is the parent's when a child is named ("mon fils doit faire parcoursup"); the
        # student's own file otherwise ("mes voeux parcoursup": ``demarches``)
        rf"\b{_KID}\b.{{0,80}}\bparcoursup\b|\bparcoursup\b.{{0,80}}\b{_KID}\b",
        r"\bpronote\b",
        r"\bent\b",
        r"\becole directe",
        # "mes enfants", "mon fils" alone name who, not what: with screens, school or protection.
        r"\b(enfants?|fils|fille|ados?|adolescents?)\b.{0,80}\b(ecrans|devant (l'|son |les )?ecran|"
        r"reseaux sociaux|jeux video"
        # "un ordinateur portable pour mon fils": a laptop to get, not the child's phone
        r"|trop de temps|protege|surveill|controle|console|tiktok|snapchat|instagram"
        r"|(?<!ordinateur )(?<!ordi )(?<!pc )portable"
        r"|(cyber ?-?)?harcel)",
        r"\b(ado|ados|adolescente?s?|fils|fille|filles|enfants?|gamins?|petits?)\b.{0,40}"
        r"\b(joue|jouer|jeux?|discord|youtube|wifi|pegi|roblox|fortnite|fortenite|disputent|"
        r"regles|nuits? (sur|devant))\b",
        r"\b(l'ecole|la maitresse|le college|les profs?|l'instit\w*|directrice d'ecole|"
        r"directeur d'ecole)\b",
        r"\bpegi\b",
        r"\bpremier (telephone|portable|smartphone) (pour|de) "
        r"(ma fille|mon fils|mon enfant|mon ado)",
        r"\bfamily link\b",
        r"\bmarmailles?\b.{0,40}\b(telephone|tablette|ecrans?|jeux?|tan|temps)",
        r"\ba quel age\b",
        r"\bachats? (integres|dans (un|le|les) jeux?)",
        r"\b(comprendre|savoir) (ce que|ce qu'|ce qui) (font|fait|regardent|regarde) "
        r"(nos|mes|ma|mon) (enfants?|filles?|fils|ados?)",
        r"\b(proteger|surveiller|controler) (mes|mon|ma|les) (enfants?|fils|fille|ados?)",
        r"\btemps d'ecran",
        r"\bespace numerique de travail",
        r"\bcahier de textes?\b",
        r"\bcontrole parental",
        r"\bparentalite",
        r"\bscolarite\b",
        r"\bcollege\b",
        r"\b(aux|les|des|d') ecrans\b",  # "l'écran noir" is the device, not the children
        # what the children do online: "ce que mon ado regarde sur internet", "écran ado"
        r"\b(enfants?|fils|fille|ados?|adolescents?)\b.{0,40}\b(regarde\w*|parle\w*|discute\w*"
        r"|traine\w*|font|fait) (\w+ ){0,3}(sur|avec des gens sur) (internet|le net|les reseaux"
        r"|son telephone|son portable|sa tablette)",
        r"\becrans?\b.{0,15}\b(ados?|enfants?)\b",
    ),
    "loisirs": (
        r"\bblogs?\b",
        r"\bpodcasts?\b",
        # "faire des photos" with a tablet is everyday use; editing them is creation.
        r"\b(monter|creer|retoucher) (des|une|mes|ma|un) (videos?|photos?|musique|film)",
        r"\byoutube\b",
        r"\bdessin\b|\bdessiner\b",
        r"\bimprimante 3d",
        r"\bmontage video",
        r"\bretouche",
        r"\bimpression 3d",
        r"\bjeux? video",
        r"\bmusique\b",
        r"\bfab ?labs?\b",
        r"\bnumeris\w* .{0,20}(cassettes|vhs|diapo\w*|photos|negatifs|films|albums)",
        r"\b(arduino|raspberry|minecraft|scratch)\b",
        r"\b(mao|musicien\w*)\b",
        r"\bcompos\w* (de la |du |des )?(musique|chansons?|morceaux|maloya|zouk|rap)",
        r"\bcartes? de voeux",
        r"\balbums? (photos?|pour|de famille)",
        r"\b(belles|bonnes|jolies) photos",
        r"\brealite virtuelle|\bcasque (vr|de realite)",
        r"\b(faire|fe) (un|in) (petit |ti )?film",
        r"\bmontages? video",
        r"\bancetres\b",
        r"\bmontrer mes (tableaux|peintures|creations|dessins|oeuvres)",
        r"\bscanner .{0,20}photos",
        r"\bgenealogi\w*",
        r"\ben 3d\b",
        r"\bdiaporamas?\b",
        r"\b(recueil|mise en page)\b",
        r"\b(traiter|retoucher|modifier|trier) (mes|les|des|nos) (photos|videos)",
        r"\batelier (de )?(photo|video|musique|dessin|bd)\b",
        r"\b(lightroom|photoshop|gimp|canva)\b",
        r"\blogiciels? (de |d')?(retouche|montage|dessin|musique|mao)",
        r"\bclub (de )?(photo|video|informatique)",
        r"\bscrapbook",
        r"\bdecoupe laser|\bbrodeuse",
        r"\b(codage|coder|programmation|robots?|robotique)\b",
        r"\b(creer|faire|fabriquer) (un|une|mon|ma) (petit |petite )?(livre|album|calendrier|"
        r"diaporama|carte)\b(?! ((nationale )?(d'? ?)?identite|grise|vitale|bancaire|bleue"
        r"|de sejour|d'invalidite|mobilite|europeenne))",
        r"\bcreer (un|une|des) (video|blog|jeu)",
        r"\bloisirs?\b",
        # "création" of a business, an account or a mail address is no creative work
        r"\bcreati(?!on\b.{0,30}\b(entrepr\w*|societe|boite|activite|commerce|compte|adresse"
        r"|mail|e-?mail|identifiant|mot de passe|dossier|espace|association|siret|urssaf)\b)",
    ),
    "culture": (
        r"\bcroi\w* tout ce (que je vois|qu'on voit|qui passe)",
        r"\bvend\w* (mes|nos|vos) (infos|donnees)",
        r"\b(c'est|c) quoi (le|la|les|un|une) "
        r"(cloud|algorithme|cookies?|metavers|cryptos?|5g|ia|navigateur)",
        r"\bmetavers\b",
        r"\bnfts?\b",
        r"\bcryptos?(monnaies?)?\b",
        r"\bcookies?\b",
        r"\bintelligence artificielle",
        r"\bchatgpt\b",
        r"\b(l')?ia\b",
        r"\bfake news",
        r"\bfausses? (infos?|informations?)",
        r"\bcomprendre (le|les) (numerique|reseaux|algorithmes?)",
        r"\bcitoyennete",
        r"\breseaux sociaux",
        r"\bdonnees personnelles",
        r"\bculture numerique",
        r"\ba quoi (ca )?(sert|servent)\b",
        # what a thing is ("c koi le cloud", "c'est quoi l'IA"), not "c'est quoi" as a question
        # word ("c koi le plus pres", "c'est quoi l'adresse", "c'est quoi le mieux pour…")
        r"\b(c'?est|c|ces|sait) (quoi|koi) (?!(une?|le|la|les|l')?\s*(plus|moins|mieux|meilleure?s?"
        r"|pire|adresse|numero|horaires?|endroit|lieu|coin|solution|demarche|prix|tarifs?|probleme"
        r"|souci|truc|machin|plan|mieux|moyen|bon|bonne|premier|premiere|prochaine?|heure|jour"
        r"|date)\b)((une?|le|la|les) |l')",
        r"\bdiff(erence)? entre\b",
        r"\bchat ?gpt\b",
        r"(?<!en )\bbitcoins?\b",
        r"\b(influence\w*|virale?)\b",
        r"\b(impact ecologique|pollu\w*|sobriete)",
        r"\brobots? qui",
        r"\bmonde d'aujourd'hui",
        r"\b(comprendre|savoir) comment (ca|internet|le web|les reseaux) (marche|fonctionne)",
        # "je voudrais d'abord comprendre ce que c'est", "comprendre comment ces pubs fonctionnent"
        r"\b(veux|voudrais|aimerais|voudrait|veut|souhaite)( d'abord| bien| juste| aussi)? "
        r"comprendre (ce que c'est|ce qu'est|ce que sont|ce que (c'est|sont) (les|le|la|l'|un|une"
        r"|ces|ce|cette)|comment (ca |ces |les |le |la )?\w* ?(fonctionne|marche)nt?)",
        r"\bou vont (les|mes) (messages|donnees)",
        r"\b(quoi|qui) croire\b",
        r"\bintelligence artificielle",
        r"\b(complot\w*|esprit critique|wikipedia|dark ?web|blockchain|5g)\b",
        r"\bpubs?\b.{0,40}\b(partout|me suivent|ciblees?|juste apres|en avoir parle)",
        r"\b(google|facebook|internet|ils) (sait|savent|connait|connaissent) tout",
        r"\bgratuit sur internet",
        r"\bidentite numerique",
        r"\bc'?est (fiable|vrai) (ou pas|ce qu'on)",
    ),
    "demarches": (
        r"\bportail (famille|citoyen)",
        r"\bcantine\b",
        r"\bdemarches?\b",
        r"\bdemarche\b",
        r"\bpapiers?\b",
        r"\bdossier\b",
        rf"(?m)^(?!.*\b{_KID}\b).*\bparcoursup\b",  # the student's own: no child named
        r"\bformulaire",
        r"\bdeclaration\b",
        r"\badministrati",
        r"\blogement social\b",
        r"\bhlm\b",
        r"\bdemande de (logement|bourse|aide|allocation|logement social)",
        r"\bfrance services?\b",
        r"\breconna\w* (mon|son|ses|mes|leur) diplomes?|\bequivalence (de|du|des) diplomes?",
        r"\b(dossiers?|demandes?) (de |d'|du )(bourses?|surendettement|succession"
        r"|aide juridictionnelle)",
    ),
}

# Generic words: a need only when nothing more specific was found, and never a second need.
_WEAK_PATTERNS: dict[str, tuple[str, ...]] = {
    "demarches": (
        r"\ben ligne\b",
        r"\b(par|sur) internet\b",
        r"\bsite (de la|du|des)\b",
        r"\bcompte\b",
    ),
    "quotidien": (
        r"\bnumerique\b",
        r"\binformatique\b",
    ),
}

_PROCEDURE_PATTERNS: dict[str, tuple[str, ...]] = {
    "caf": (
        r"\bcaf\b", r"\bapl\b", r"\bprime d'?activite", r"\ballocations? fam",
        # "mes aides au logement", "mon allocation logement": the CAF's
        r"\baides? (au |a |pour le |de )?logement|\ballocations? (de )?logement\b",
    ),
    "rsa": (r"\brsa\b", r"\brevenu de solidarite"),
    "impots": (
        r"\bd?'?impots?\b",
        r"\bdecla\b",
        r"\bdeclaration (de|des|d'|de mes) ?revenus",
        r"\bimpots\.gouv",
        r"\bdeclarer (mes|ses|nos|leurs|les|vos|ces) revenus",
        r"\bprelevement a la source",
        r"\btaxe (fonciere|d'habitation)",
    ),
    "ants": (
        r"\bants\b",
        # "carte d'identité", "carte identité", "carte d identite", "carte nationale d'identité"
        r"\bcartes? (nationales? )?(d'? ?)?identite",
        r"\bcni\b",
        r"\bpasseport",
    ),
    "permis": (r"\bpermis( de conduire)?\b",),
    "carte_grise": (
        r"\bcartes? grises?\b",
        r"certificat d'?immatriculation",
        r"\bimmatricul\w* (ma|une|la|mon|son|sa) (voiture|vehicule|moto|scooter|camping)",
    ),
    "ameli": (
        r"\bameli\b",
        r"\bcartes? vitales?\b|\bcart vital",
        r"\bsecu\b",
        r"securite sociale",
        r"assurance maladie",
    ),
    "france_travail": (
        r"france ?-?travail",  # "France-Travail", "francetravail.fr"
        r"\bpole ?-?emploi\b",
        r"\bactualis",
        r"inscri\w* au chomage",
        # "demande d'allocation chômage", "mes indemnités chômage": France Travail's file
        r"\b(allocations?|indemnites?|indemnisation|droits?|aides?) (au |de |du )?chomage\b",
        r"\benskri\w* pou chomaj",  # Antillean Creole
    ),
    "retraite": (
        r"(?<!a la )(?<!en )(?<!suis )\bretraite\b",
        r"\bcarsat\b",
        r"\bpension de",
        r"info-?retraite",
    ),
    "mdph": (r"\bmdph\b", r"\baah\b", r"\bhandicap\b", r"\brqth\b"),
    "titre_sejour": (r"titre de sejour", r"\bprefecture\b", r"\banef\b"),
    "naturalisation": (r"\bnaturalis\w*", r"\bnationalite francaise"),
    "cheque_energie": (r"cheque ?-?energie",),
    "franceconnect": (r"france ?connect",),
}

# A procedure named with the body that runs it: the procedure's list (a first RSA claim has no
# CAF number; a carte grise is not an identity card).
_WITHIN = {"rsa": "caf", "carte_grise": "ants", "permis": "ants", "naturalisation": "titre_sejour"}


# "pour moi" said of doing ("le faire pour moi", "qu'on remplisse mon dossier pour moi", "s'en
# occuper pour moi"): on the person's behalf. Said of whom the help is for ("c'est pour moi", "pas
# pour moi", "et pour moi à Quimper, je voudrais apprendre excel"), it chooses no mode.
_DONE_FOR_ME = (
    r"\b(faire|fait|fasse|fassent|faites|ferait|fais|remplir|remplisse|remplit|remplissez"
    r"|occupe|occuper|occupiez|gerer|gere|envoyer|envoie|declarer|declare|signer|payer)"
    r"\b( \w+| \w+'){0,4} pour moi\b"
)

_CONSTRAINT_PATTERNS: dict[str, tuple[str, ...]] = {
    "gratuit": (
        r"\bgratuite?s?\b",
        r"\bgratos\b",
        r"\bsans payer\b",
        r"\bpas payant",
        r"\bgratuitement\b",
    ),
    "samedi": (r"\bsamedis?\b", r"\bweek-?end\b"),
    "dimanche": (r"\bdimanches?\b",),
    # Asked for, not a word: "maintenant la caisse de retraite me demande…" is no such request.
    "ouvert_maintenant": (
        r"\bouverte?s? (maintenant|en ce moment|aujourd'?hui|tout de suite|actuellement"
        r"|ce (matin|midi|soir))",
        r"\b(maintenant|aujourd'?hui|en ce moment|tout de suite)\W+(c'est |qui (est|sont) )?"
        r"ouverte?s?\b",
        r"\b(y aller|passer|venir) (maintenant|aujourd'?hui|tout de suite|ce (matin|soir))",
        r"\bc'est pour (maintenant|aujourd'?hui|tout de suite)",
        r"^\W*(maintenant|aujourd'?hui|tout de suite)( si possible)?\W*$",
        r"\bqui (est|sont) ouverte?s?\b",
    ),
    "accessible": (
        r"\bfauteuil",
        r"\bpmr\b",
        r"\bhandicap moteur",
        r"\baccessibles?\b",
        r"\bmobilite reduite",
    ),
    "seniors": (
        r"\bseniors?\b",
        r"\bpersonnes? agees?\b",
        r"\b(a la|en) retraite\b",
        r"\bsuis retraitee?\b",
        r"\bretraitees?\b",
        r"\bpapi\b",
        r"\bmamie\b",
    ),
    "a_ma_place": (
        r"\ba (ma|sa|leur|notre|votre) place\b",
        _DONE_FOR_ME,
        r"\baidants? connect\b",
        r"\bfaire (la|les) demarches? pour (moi|elle|lui|eux)",
    ),
    # Someone who helps, asked for by name: general digital help, where one works.
    "conseiller_numerique": (
        r"\b(conseill(er|ere|ers|eres)|mediat(eur|rice|eurs|rices)) (du |au )?numeriques?\b",
        r"\bcnfs\b",
    ),
}

_MODE_ALONE = (
    r"\bapprendre\b",
    r"\b(faire|y arriver|m'en sortir)( ca| le| la| les)?( tout| toute)? seule?s?\b",
    r"\bpar moi-?meme\b",
    r"\bautonom",
    r"\bme debrouiller\b",
    r"\bme former\b",
    r"\bformation\b",
    r"\bcours\b",
    r"\batelier",
)
_MODE_WITH = (
    r"\bavec moi\b",
    r"\bavec (quelqu'un|une personne|un conseiller|une conseillere)\b",
    r"\baccompagne",
    r"\bfrance services?\b",
    r"\bm'aider\b",
    r"\bmaider\b",
    r"\baidez",
    r"\bj'?(n')?arrive pas\b",
    r"\bbloque",
    r"\bbesoin d'aide",
    r"\ba ma place\b",
    _DONE_FOR_ME,
    r"\bfaire (la|ma|mes) demarche",
)


def _compile(pattern: str) -> re.Pattern:
    """Apostrophes are optional: SMS writers drop them ("dembauche", "jai", "lassurance")."""
    return re.compile(re.sub(r"'(?![?*])", "'?", pattern))


_COMPILED = {
    "need": {k: [_compile(p) for p in ps] for k, ps in _NEED_PATTERNS.items()},
    "weak": {k: [_compile(p) for p in ps] for k, ps in _WEAK_PATTERNS.items()},
    "procedure": {k: [_compile(p) for p in ps] for k, ps in _PROCEDURE_PATTERNS.items()},
    "constraint": {k: [_compile(p) for p in ps] for k, ps in _CONSTRAINT_PATTERNS.items()},
}
_ALONE = [re.compile(p) for p in _MODE_ALONE]
_WITH = [re.compile(p) for p in _MODE_WITH]
# Short answers to the mode question only ("Voulez-vous que quelqu'un fasse la démarche avec
# vous, ou préférez-vous apprendre ?"), as SMS write them: "avec qqn stp", "avc quelqu'un",
# "qlq1", "tt seul". Never read in a first message, where "je vis toute seule" is no answer.
_SOMEONE = r"(quelqu'?un|quelqu'?1|qqn|qq1|qq un|qlq1|qlqn|qlqun|qlq un|kelk'?un|kelk1|qqun)"
# In English too (round t152's tester, after an English first message: "with someone please").
_ANSWER_WITH = re.compile(
    rf"^(?:(?:avec|avc|avek|av|ac)\s+)?{_SOMEONE}\b|\b(avec|avc|avek|av|ac)\s+{_SOMEONE}\b"
    r"|\bwith (?:someone|somebody|a person|an? (?:adviser|advisor|helper))\b"
)
_ANSWER_ALONE = re.compile(
    r"^(?:(?:moi|je prefere|plutot|apprendre)\s+)*(tout|toute|tt|tte|tou|toutes?)?\s*seule?s?\b"
    r"|^(?:(?:i|i'd|i would|would|prefer|rather|to|learn|learning|do it|please)\s+)*"
    r"(?:alone|by myself|on my own|myself)\b"
    r"|^(?:i(?:'d| would)? (?:want|like|prefer|rather) to )?learn\b"
)


def mode_answer(text: str) -> str | None:
    """The mode an answer to the mode question gives in SMS spelling, or None."""
    folded = " ".join(fold(text).replace("’", "'").split())
    if _ANSWER_WITH.search(folded):
        return "avec_moi"
    if _ANSWER_ALONE.search(folded):
        return "autonomie"
    return None


# The device or everyday use: often the means of another need ("mes photos", "sur mon ordi").
_RECEIVED = _compile(
    r"\b(recu|eu|recoit|recois|reception|un|une|des|ce|cet|cette|d'un|d'une) (un |une |des )?"
    r"(mail|mails|e-mail|courriel|sms|message|messages|appel|appels|courrier|lettre|texto)\b"
)
# What someone told or asked the person, to the end of its clause: "la CAF m'a dit de déclarer aux
# impôts", "l'assistante sociale m'a demandé d'aller sur ameli".
_TOLD = _compile(
    r"\b(la |le |les |l'|mon |ma |un |une )?[\w-]+( [\w-]+){0,2} (m'a|m'ont|nous a|nous ont) "
    r"(dit|demande|conseille|explique|envoye|renvoye|oriente)\w*\b"
    r"((?!\bmais\b|,\s*(je|j'|moi|et je)\b)[^.;:!?])*"
)
_PROFESSIONAL = _compile(
    r"\bje (suis|travaille) (comme )?(conseill\w*|agent\w*|referent\w*|travailleu\w*|"
    r"assistante?s?|animat\w*|educat\w*|benevole|secretaire\w*|mediat\w*)( sociale?)? "
    r"(a|chez|de|au|a la|dans) "
)
# Where the writer's own framing ("je suis conseillère à la mairie") ends: the person they help
# and the request come after ("…, j'ai une dame qui doit faire sa demande de retraite").
_CLAUSE_END = _compile(r"[,.;:!?\n]| (et|mais|j'ai|nous avons|on a|pour|qui) ")
_JOB_SEEKING = _compile(
    r"\b(cv|candidatures?|lettres? de motivation|entretiens? d'embauche|offres? d'emploi|postul\w*|"
    r"recrut\w*|recherche d'emploi|(chercher?|trouver|cherche) (du|un) (travail|emploi|boulot|job))"
    r"\b"
)
_FRANCE_TRAVAIL_FILE = _compile(
    r"\b(actualis\w*|inscri\w*|allocations?|indemni\w*|radi\w*|paiements?|dossier|attestation)"
)
_BOUGHT = _compile(
    r"\b(viens d'|vient d'|venons d')(acheter|avoir|recevoir)|\b(ai|a|avons) (achete|recu|eu) "
    r"(un|une|mon|ma)\b|\b(m'a|m'ont|lui a|nous a) (offert|donne|achete)"
)
# A desk named for what it does ("un France Services", "Aidants Connect") says the need plainly.
_NAMED_DESK = _compile(r"\bfrance services?\b|\baidants? connect\b")
# A file named for what it is ("mon dossier de surendettement", "une demande de bourse") is no
# generic "démarches" either, though no procedure of PROCEDURES names it (round 17's development
# set: a scanned grant file read as a computer on site only).
_NAMED_FILE = _compile(
    r"\b(dossiers?|demandes?) (de |d'|du |des )(bourses?|surendettement|logement|succession"
    r"|aide juridictionnelle|apa|allocation|pension|reconnaissance)"
    r"|\breconna\w* (mon|son|ses|mes|leur) diplomes?"
)
# Parenting and education is about someone young or a school: without a word for one, the
# meaning may not bring it ("tablette bloquée, écran noir" reads close to children's screens).
# Every example set and the corpus: 11 of 347 parenting messages lack such a word, and the
# keywords read those (Parcoursup, Family Link, "à quel âge").
_FAMILY = _compile(
    r"\b(enfants?|gosses?|gamin\w*|fils|filles?|ados?|adolescent\w*|bebes?|petits?|petites?"
    r"|parents?|parental\w*|mere|meres|maman\w*|papa\w*|pere|eleves?|ecoles?|colleges?|lycees?"
    r"|collegien\w*|lyceen\w*|scolar\w*|devoirs?|classes?|cm1|cm2|ce1|ce2|cp|6e|6eme|5e|4e|3e"
    r"|maternelle|creche|nounou|famille\w*|familial\w*|educat\w*|jeunes?|mineur\w*|\d{1,2} ans"
    r"|marmay\w*|marmaille\w*|pmi|puericult\w*|pronote|ent|cahier de texte|age)\b"
)
# A bank's app or account is everyday use ("j'arrive pas à utiliser l'appli de ma banque", "un
# virement sur l'appli"): its meaning sits next to scams, which only the words of one say (a fraud,
# a scam, phishing, codes asked: the "securite" keywords).
_BANK = _compile(
    r"\b(banques?|bancaires?|virements?|paiements?|prelevements?|rib|comptes? (en banque|courants?"
    r"|joints?|epargne))\b"
)
# Children or grandchildren one calls, writes to or sees ("des appels vidéo avec mes
# petits-enfants, ils sont à l'école à Paris"): the people reached, not a parenting need — unless
# what the children do online is asked about (screens, control, school sites, harassment).
_KIN_REACHED = _compile(
    r"\b(appels?|appeler|visios?|video|videos|whatsapp|skype|facetime|photos?|messages?|ecrire"
    r"|parler|discuter|voir|joindre|contacter|nouvelles)\b.{0,40}\b((avec|a|de|aux|des) )?(mes|mon"
    r"|ma|nos) (petits?-? ?enfants?|petite?s?-? ?filles?|petits?-? ?fils|enfants?|fils|filles?)\b"
)
_SCHOOL_SENDS = (
    r"\b(messages?|mails?|appli\w*|carnets?|notes|bulletins?|reunions?|inscriptions?)"
    r" (de |du |d'|a |au |pour )?(l'ecole|la creche|college|lycee|la cantine|la maitresse"
    r"|l'instit\w*)"
)
_SCHOOL_SENT = _compile(_SCHOOL_SENDS)
_PARENTING_ASKED = _compile(
    r"\b(ecrans?|controle parental|surveill\w*|proteg\w*|harcel\w*|jeux|temps d'ecran|pronote"
    r"|parcoursup|ent|devoirs|family link|reseaux sociaux|tiktok|snapchat|instagram|scolarite"
    r"|cahier de textes?|espace numerique de travail|parents? d'eleves|ce (que|qu'|qui)"
    r"|(son|sa|leurs?|ses) (telephone|portable|tablette|ordi\w*|console)s?)\b"
    # what the school sends ("lire les messages de l'école de mes enfants"), not where they are
    r"|" + _SCHOOL_SENDS
    # a child mocked in the class's group chat: what happens to them online, not people reached
    + r"|\bmoqu\w*|\bgroupe (\w+ ){0,2}de (la|sa|leur) classe\b"
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
# A device the person says they can use ("ma tablette, je sais m'en servir"): the other need is
# the need, not lessons on the device.
_KNOWS_THE_DEVICE = _compile(
    r"\b(je|j') ?(sais|sait) (bien |tres bien |deja )?(m'en servir|l'utiliser)\b"
    r"(?! (un peu|a peine|mal|moyen))"
)
# Games, videos and music one plays, watches or hears (the creative need's words that do not
# say one makes anything): beside a child or something to understand, no creation is asked.
_CONSUMED = (r"\byoutube\b", r"\bjeux? video", r"\bmusique\b")
_CREATIVE_LOISIRS = [_compile(p) for p in _NEED_PATTERNS["loisirs"] if p not in _CONSUMED]
_CREATION = _compile(
    r"\b(cree\w*|creer|creation\w*|fabriqu\w*|monter|montage|cod\w*|programm\w*|compos\w*"
    r"|dessin\w*|enregistr\w*|filmer|retouch\w*|realiser|faire (un|une|des|de la|ma|mon|mes|sa"
    r"|son|ses) (\w+ )?(jeux?|videos?|films?|musiques?|morceaux|chansons?)"
    # an activity sought around them ("un atelier jeux vidéo pour ados"): a hobby to find
    r"|ateliers?|clubs?|stages?|activites?|cours|initi\w*|apprendre|decouvr\w*)\b"
)
# A child who is who a device or a lesson is for ("un ordi reconditionné pour mon fils qui entre
# en 6e", "et pour mon fils qui veut apprendre l'ordinateur ?"): the person helped, not a
# parenting question.
_KID_LEARNS = _compile(
    rf"\b{_KID}\b.{{0,30}}\b(veut|voudrait|aimerait|souhaite|doit|devrait) (apprendre|savoir"
    r"|s'initier|se former)"
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
# A price said beside lessons ("des ateliers, c'est trop cher ailleurs"): the price of the help,
# not a device to buy.
_PRICE = _compile(r"\b(cher|chere|chers|cheres|payante?s?|prix|coute\w*|tarifs?)\b")
_NO_INTERNET = _compile(r"\b(pas|pa|ni|sans|plus) (d'|de |d )?(internet|connexion|wifi|reseau)")
# SMS writers drop the apostrophe of an elision ("dordi", "mactualiser", "limprimante"): put it
# back before the words the patterns look for, so that "\bactualis" or "pas d'ordi" match.
_SMS_ELISION = re.compile(
    r"\b([jdlmnstc])(ordi|ordis|ordinateurs?|internet|imprim\w*|actualis\w*|applis?|applications?|"
    r"impots?|aide|attestations?|inscri\w*|identite|emploi|embauche|assurance|ecrans?|entretien|"
    r"adresse|email|ameli|allocations?|arnaqu\w*|ecole|enfants?|argent|acces|appel|annonce|"
    r"appren\w*|aprend\w*)\b"
)
_PROCEDURE_ACTION = _compile(
    r"\b(faire|fais|remplir|declar\w*|demande[rz]?|dossier|inscri\w*|actualis\w*|renouvel\w*|"
    r"formulaire|attestation|papiers|demarches?)\b"
)
_ADMIN_NEEDS = frozenset({"demarches", "demarches_autonomie", "sante"})
TOOL_NEEDS = frozenset({"smartphone", "ordinateur", "quotidien"})
_EQUIPMENT = frozenset({"internet", "materiel_usage", "materiel_achat"})
_SAID_ALONE = 10  # words: a short message says nothing else that could weigh

# Needs whose generic words (_WEAK_PATTERNS) only count when nothing more specific was found.
_WEAK_NEEDS = set(_WEAK_PATTERNS)
GENERIC_NEEDS = frozenset(_WEAK_NEEDS | TOOL_NEEDS)
_USE_DEVICE = re.compile(
    r"\b(utiliser|avoir|besoin d'|acces a|acceder a|trouver|me servir d') ?(un|une) "
    r"(ordi|ordinateur|pc|imprimante|scanner)\b"
    r"|\b(endroit|lieu|salle) (avec|ou il y a|ou il y aurait) (un |une |des )?(ordi|ordinateur|pc|"
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
_NO_DEVICE = re.compile(
    r"\b(pas|pa|plus|sans|ni) (d'|de |d |un |une )?(ordi|ordinateur|pc|imprimante|scanner)s?\b"
    r"|\bn'?ai qu'?un (telephone|portable|smartphone)"
    r"|\bpas (equipee?s?|de materiel informatique)"
)
# A device that died ("mon téléphone est mort", "mon portable a rendu l'âme", "l'ordi est HS"): the
# person is without it for now. Not one to buy unless asked for ("il m'en faut un pas cher": the
# keywords of materiel_achat); with a procedure, the procedure and a computer on site.
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


_DEAD_DEVICE = re.compile(
    r"\b(ordi|ordinateur|pc|telephone|tel|portable|smartphone|tablette|imprimante)s?\b.{0,25}"
    r"\b(est |a )?(mort|morte|foutue?|hs|noyee?|tombee? dans|(ne )?s'allume plus|rendu l'ame"
    r"|(a |m'a )?lache|en panne|casse|cassee|grille|plus rien)\b"
)


@dataclass
class Understanding:
    needs: list[str] = field(default_factory=list)  # keys of NEEDS, most specific first
    procedures: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    mode: str | None = None  # "avec_moi" | "autonomie" | None
    # Needs the words rule out ("j'ai reçu un mail de la CAF": not the CAF file; "je viens
    # d'acheter un ordinateur": not one to get): the meaning may not bring them back.
    ruled_out: set[str] = field(default_factory=set)
    # The needs read are a guess: keys of the likeliest needs to offer as a choice (else empty).
    choices: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # constraints said away ("sans le samedi")

    @property
    def empty(self) -> bool:
        return not (self.needs or self.procedures)


def _matches(text: str, patterns) -> bool:
    return any(p.search(text) for p in patterns)


def detect(text: str) -> Understanding:
    """Read needs, procedures, constraints and the wanted mode from free text (keywords)."""
    from actions import not_ours  # it reads needs: imported here

    # "apprendre le français", "faire garder ma fille": no digital need (actions/not_ours.py)
    folded = not_ours.without(_SMS_ELISION.sub(r"\1'\2", fold(text)[:2000].replace("’", "'")))
    found = Understanding()
    for key, patterns in _COMPILED["procedure"].items():
        if _matches(folded, patterns):
            found.procedures.append(key)
    for narrow, wide in _WITHIN.items():
        if narrow in found.procedures and wide in found.procedures:
            found.procedures.remove(wide)  # "ma demande de RSA sur le site de la CAF": the RSA's
    if len(found.procedures) > 1:
        # "la CAF m'a dit de déclarer aux impôts": what an office told them is the story; the
        # procedure asked for is the one named outside it ("une demande de pension de réversion").
        asked = _TOLD.sub(" ", folded)
        kept = [k for k in found.procedures if _matches(asked, _COMPILED["procedure"][k])]
        if kept:
            found.procedures = kept
            folded = asked  # nor are its words a need ("prévenir la sécu")
    if framing := _PROFESSIONAL.search(folded):
        # "je suis conseillère à France Travail": where they work, not a procedure to do; the
        # request of the person they help, said after it, is read ("…, j'ai une dame qui doit
        # faire sa demande de retraite de réversion et n'a pas d'ordinateur").
        end = _CLAUSE_END.search(folded, framing.end())
        folded = folded[: framing.start()] + " " + (folded[end.start() :] if end else "")
        found.procedures = [
            k for k in found.procedures if _matches(folded, _COMPILED["procedure"][k])
        ]
        if not found.procedures:
            found.ruled_out |= _ADMIN_NEEDS | {"emploi", "entreprise"}
    km = _read_distance(folded)
    if km is not None:
        found.constraints.append(distance_constraint(km))
    for key, patterns in _COMPILED["constraint"].items():
        said = next((m for p in patterns for m in [p.search(folded)] if m), None)
        if said is None or key in DAYS and day_in_story(folded, said.start(), said.end()):
            continue  # "ils m'appellent le dimanche": when someone else calls, not a criterion
        if _WITHOUT.search(folded[max(0, said.start() - 30) : said.start()]):
            found.dropped.append(key)  # "sans le samedi", "Sans le critère « gratuits »"
        else:
            found.constraints.append(key)
    # Motor disability is "accessible" above: the desk's "ne marche pas" is, in a chat, most
    # often a device that does not work.
    found.constraints += [CARE + care for care in read_care(text) if care in DISABILITIES]
    folded = _safe_now_blanked(folded)  # "aujourd'hui en sécurité": safe, no need
    lacks_payment = bool(_NO_PAYMENT.search(folded))
    folded = _NO_PAYMENT.sub(" ", folded)  # "pas de carte bancaire": no need of its own
    strong = [k for k, patterns in _COMPILED["need"].items() if _matches(folded, patterns)]
    weak = [k for k, patterns in _COMPILED["weak"].items() if _matches(folded, patterns)]
    if lacks_payment and "securite" not in strong:
        found.ruled_out.add("securite")  # nor may its meaning make it a scam to avoid
    # A device that died beside another request (a procedure: "mon portable a rendu l'âme,
    # comment je fais pour ma CAF"): not one to buy unless asked, a computer on site. Said alone
    # ("sos mon ordi est mort"), getting another is what independent writers labelled it.
    dead_device = _DEAD_DEVICE.search(folded)
    if dead_device and not found.procedures and all(
        k in TOOL_NEEDS or k in ("materiel_usage", "materiel_achat") for k in strong
    ):
        if "materiel_achat" not in strong:
            strong.insert(0, "materiel_achat")
        dead_device = None
    if dead_device and "materiel_achat" not in strong:
        found.ruled_out.add("materiel_achat")  # a phone that died: not one to buy, unless asked
    no_device = _NO_DEVICE.search(folded) or _USE_DEVICE.search(folded) or dead_device
    learning = bool(_LEARN.search(folded))
    if learning and _PRICE.search(folded) and "materiel_achat" not in strong:
        found.ruled_out.add("materiel_achat")  # the price of lessons, not a device to buy
    if no_device and "materiel_achat" not in strong and not learning:
        # "j'ai pas d'ordi", "utiliser un ordi": one to use on site, not lessons.
        strong = [k for k in strong if k != "ordinateur"]
        if "materiel_usage" not in strong:
            strong.append("materiel_usage")
    elif learning and "materiel_achat" not in strong and _NO_DEVICE.search(folded):
        # "j'ai pas d'ordi et je veux apprendre à m'en servir": lessons, and one to use there
        if "materiel_usage" not in strong:
            strong.append("materiel_usage")
    if "materiel_achat" in strong and found.procedures and not _PROCEDURE_ACTION.search(folded):
        # "ordi reconditionné pas cher, je suis au RSA": the benefit says who, not what to do.
        found.procedures = []
        strong = [k for k in strong if k not in _ADMIN_NEEDS]
        found.ruled_out |= _ADMIN_NEEDS
    if _BOUGHT.search(folded):
        # "je viens d'acheter un ordinateur": it is there, learning to use it is the need.
        strong = [k for k in strong if k != "materiel_achat"]
        found.ruled_out.add("materiel_achat")
    if "materiel_achat" in strong and "internet" in strong and not _NO_INTERNET.search(folded):
        # "un forfait solidaire", "une box pas chère": a plan to get, not a connection on site.
        strong.remove("internet")
    if "materiel_achat" in strong and not _LEARN.search(folded):
        # "acheter un ordi pas cher" is about getting one, not learning to use it.
        strong = [k for k in strong if k not in ("ordinateur", "smartphone")]
    if "internet" in strong and "materiel_usage" in strong:
        strong.remove("internet")  # one service: a computer with a connection, on site
    if "loisirs" in strong:
        # "créer un livre de recettes … pour l'imprimer", "un club photo qui apprend Lightroom":
        # printing and photos are part of the creation.
        strong = [k for k in strong if k != "quotidien" and (k != "materiel_usage" or no_device)]
    if "securite" in strong and "smartphone" in strong and "pirat" in folded:
        strong.remove("smartphone")
    if _SOCIAL_HELP.search(folded) and not strong:
        # "jai besoin d'aide pour facebook", "mon compte tiktok": using it is the need (hacked,
        # it is online safety; a child's, parenting), not a procedure for an account. Only when
        # nothing else is said: "une page facebook pour mon commerce" is the business's need
        # (measured: added beside other needs, it cost 0.4 points on the unread sets).
        strong = ["quotidien"]
    if "securite" in strong and _RECEIVED.search(folded):
        # "un mail de l'assurance maladie, je suis pas sûr que ce soit vrai": the organisation
        # named is the sender of a suspicious message, not a procedure to do.
        found.procedures = []
        strong = [k for k in strong if k not in _ADMIN_NEEDS and k != "quotidien"]
        found.ruled_out |= _ADMIN_NEEDS
    job_seeking_too = bool(_JOB_SEEKING.search(folded))
    job_seeking = job_seeking_too and not _FRANCE_TRAVAIL_FILE.search(folded)
    if "france_travail" in found.procedures and job_seeking:
        # "France Travail m'a dit de refaire mon CV": looking for work is the need.
        found.procedures.remove("france_travail")
        found.ruled_out |= _ADMIN_NEEDS
    if found.procedures:
        # A named procedure is an administrative need (health for ameli), whatever the words.
        for proc in found.procedures:
            need = PROCEDURES[proc].need
            if need not in strong:
                strong.insert(0, need)
        if "emploi" in strong and "france_travail" in found.procedures and not job_seeking_too:
            strong.remove("emploi")
        weak = [k for k in weak if k != "demarches"]
    if _KIN_REACHED.search(folded) and not _PARENTING_ASKED.search(folded):
        strong = [k for k in strong if k != "parentalite"] or ["quotidien"]
        found.ruled_out.add("parentalite")  # "appeler mes petits-enfants": who, not a need
    if any(k not in TOOL_NEEDS for k in strong):
        # "faire ma déclaration sur mon téléphone", "un entretien d'embauche en visio": the device
        # is the means, the other need the need — unless they ask to learn the device too.
        if not _LEARN.search(folded):
            # With a device to get, what it is for (visios, photos) is something to learn.
            kept = {"quotidien"} if "materiel_achat" in strong else set()
            strong = [k for k in strong if k not in TOOL_NEEDS or k in kept]
        strong.sort(key=lambda k: (k in TOOL_NEEDS, k not in ("demarches", "sante")))
    if (
        "parentalite" not in found.ruled_out
        and ("materiel_achat" in strong or _KID_LEARNS.search(folded))
        and not _PARENTING_ASKED.search(folded)
    ):
        # A device to get for a child, or a child who wants to learn a tool: the child is who.
        strong = [k for k in strong if k != "parentalite"]
        found.ruled_out.add("parentalite")
    if (
        "loisirs" in strong
        and ("culture" in strong or "parentalite" in strong)
        and not _CREATION.search(folded)
        and not any(p.search(folded) for p in _CREATIVE_LOISIRS)
    ):
        # "mon fils me tue avec ses jeux vidéo", "pourquoi YouTube me propose les mêmes vidéos":
        # games and videos watched or played, with a child or to understand: nothing to create.
        strong.remove("loisirs")
        found.ruled_out.add("loisirs")
    # Equipment the person has ("tout le matériel qu'il faut", "la box marche très bien"): the
    # other need is the need, and the meaning may not bring the equipment back either.
    if _EQUIPPED.search(folded):
        strong = [k for k in strong if k not in _EQUIPMENT] or strong
        found.ruled_out |= _EQUIPMENT
    elif _WORKS_FINE.search(folded):
        strong = [k for k in strong if k != "internet"] or strong
        found.ruled_out.add("internet")
    if any(k not in TOOL_NEEDS for k in strong) and _KNOWS_THE_DEVICE.search(folded):
        strong = [k for k in strong if k not in TOOL_NEEDS and k not in _EQUIPMENT]
        found.ruled_out |= TOOL_NEEDS | _EQUIPMENT
    if not _FAMILY.search(folded):
        found.ruled_out.add("parentalite")
    if _BANK.search(folded) and "securite" not in strong:
        found.ruled_out.add("securite")  # the bank's app: everyday use, not a scam
    if _BOOKKEEPING.search(folded) and "securite" not in strong:
        found.ruled_out.add("securite")  # "tenir mes comptes": the books, not an account
    # Two needs at most: places that do both come first (directory_client.search).
    found.needs = strong[:2] or weak[:1]
    if "conseiller_numerique" in found.constraints and not found.needs:
        found.needs = [GENERAL_HELP]  # "je cherche un conseiller numérique": any digital help
    if "sante" in found.needs and "demarches" in found.needs:
        found.needs.remove("demarches")
    strong_with = re.search(
        r"\b(avec moi|a (ma|sa|leur) place|avec quelqu'un|france services?)\b", folded
    ) or re.search(_DONE_FOR_ME, folded)
    if _matches(folded, _ALONE) and not strong_with:
        found.mode = "autonomie"
    elif _matches(folded, _WITH):
        found.mode = "avec_moi"
    if "a_ma_place" in found.constraints:
        found.mode = "avec_moi"
    return found


# "il n'a pas de téléphone", "plus de portable": no phone at all, not one to learn.
_NO_PHONE = _compile(
    r"\b(pas|pa|plus|sans|ni) (de |d'|d |un |une )?(telephone|portable|smartphone|tel|mobile)s?\b"
)


def lacks_a_phone(text: str) -> bool:
    """The person has no phone ("il n'a pas de téléphone non plus"): one to get at a small price
    (``materiel_achat``), not lessons on it — unless they ask to learn."""
    folded = fold(text).replace("’", "'")
    return bool(_NO_PHONE.search(folded)) and not _LEARN.search(folded)


# A long message (a letter): the sentences where the person says what they want ("Ce que je
# voudrais, c'est…", "j'aimerais", "mon besoin") weigh most; the story around them names other
# offices and devices.
LONG_MESSAGE = 500  # characters (``actions.message_text.MAX_TEXT``)
_WISH = _compile(
    r"\b(ce que je (voudrais|veux|souhaite\w*|cherche|demande)|ce dont j'ai besoin"
    r"|j'aimerais|je voudrais|je souhaite\w*|mon besoin|ma demande (c'est|est))\b"
)
SENTENCE = re.compile(r"[^.!?\n…]+[.!?\n…]*")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text or "") if s.strip()]


def wish_part(text: str) -> str:
    """The sentences of ``text`` where the person says what they want ("Ce que je voudrais,
    c'est apprendre à me servir d'un téléphone."), joined; empty if none."""
    return " ".join(
        s for s in sentences(text) if _WISH.search(fold(s).replace("’", "'"))
    )


def read(text: str, by_meaning: bool = True) -> Understanding:
    """``detect`` (keywords), with the needs weighed against the meaning of the message
    (``actions.semantic_needs``). ``by_meaning=False`` for an answer to another question (a town,
    "avec quelqu'un"). A long message that says what the person wants is read from those
    sentences, the criteria and the mode from the whole."""
    if len(text) > LONG_MESSAGE and (wished := wish_part(text)) and len(wished) < len(text) / 2:
        own = read(wished, by_meaning)
        if not own.empty:
            whole = detect(text)
            own.constraints += [c for c in whole.constraints if c not in own.constraints]
            own.mode = own.mode or whole.mode
            return own
    found = detect(text)
    from actions import not_ours, semantic_needs  # the encoder loads on first use only

    text = without_distance(text)  # "à moins de 500 m" says where, not what
    if len(blank := not_ours.without(fold(text).replace("’", "'"))) == len(text):
        # nor does its meaning say a digital need where the words ask another thing
        kept = zip(text, blank, strict=True)
        text = "".join(c if b != " " or c.isspace() else " " for c, b in kept)
    if not by_meaning or not semantic_needs.states_something(text) or asks_for_a_helper(found):
        return found
    if found.needs == ["quotidien"] and _SOCIAL_HELP.search(fold(text)) and len(text.split()) <= 12:
        return found  # "aide pour facebook": said in so many words, whatever its meaning's vote
    if found.needs == ["securite"] and _SAFETY_SAID.search(fold(text)) and len(text.split()) <= 12:
        return found  # "être en sécurité sur internet", "sécuriser mon téléphone": said so
    elided = _SMS_ELISION.sub(r"\1'\2", fold(text).replace("’", "'"))
    if found.needs == ["materiel_achat"] and not found.procedures and _DEAD_DEVICE.search(elided):
        return found  # "mon téléphone est mort", alone: another one to get, no guess to choose
    # A generic need ("mes démarches", "mon téléphone") weighs less than a specific one.
    folded = fold(text)
    learn = bool(_LEARN.search(elided))  # "apprendre à utiliser ma tablette": not generic
    generic = (
        []
        if found.procedures or _NAMED_DESK.search(folded) or _NAMED_FILE.search(folded)
        # "je veux apprendre à faire mes démarches en ligne", said alone: learning to do one's
        # own paperwork is said in so many words, as learning a tool is.
        else [k for k in found.needs
              if k in GENERIC_NEEDS and not (learn and k in TOOL_NEEDS)
              and not (learn and k in _ADMIN_NEEDS and len(text.split()) <= _SAID_ALONE)]
    )
    specific = [k for k in found.needs if k not in generic]
    if specific:  # "je suis sourd et je cherche du travail": the need named, the care beside it
        text = _without_who_words(text, found.constraints)
    weighed = semantic_needs.reader().weigh(text, specific, generic, found.ruled_out)
    found.needs = weighed.needs
    if (
        "materiel_usage" in specific
        and len(found.needs) == 1
        and found.needs[0] != "materiel_usage"
        and (
            _NO_DEVICE.search(elided := _SMS_ELISION.sub(r"\1'\2", folded.replace("’", "'")))
            or _DEAD_DEVICE.search(elided)
        )
    ):
        # "jdois m'actualiser mais j'ai pas d'ordi": said in so many words, a computer to use is
        # the other need, whatever weight its meaning has.
        found.needs.append("materiel_usage")
    if found.mode == "autonomie" and len(found.needs) == 1 and found.needs[0] in _ADMIN_NEEDS:
        # "je veux apprendre à faire mes démarches seule": the file, and learning the everyday
        # tools it takes (independent writers gave both services 20 times out of 24).
        found.needs.append("quotidien")
    if found.procedures and PROCEDURES[found.procedures[0]].need in found.needs[1:]:
        # "mon portable a rendu l'âme, comment je fais pour ma CAF": the procedure comes first
        found.needs.remove(first := PROCEDURES[found.procedures[0]].need)
        found.needs.insert(0, first)
    found.choices = [] if found.procedures else weighed.choices  # a named procedure is no guess
    if (
        not found.choices and found.needs and "parentalite" not in found.needs
        and _SCHOOL_SENT.search(elided) and _FAMILY.search(elided)
    ):
        # "l'inscription à la cantine de ma fille se fait en ligne": paperwork to some writers,
        # parenting to others (sets AF and AQ): a guess, both offered to choose from.
        found.choices = [found.needs[0], "parentalite"]
    return found


def _without_who_words(text: str, constraints: list[str]) -> str:
    """``text`` without the words of a care, a public or an accessibility read in it ("sourd",
    "malvoyante", "en fauteuil", "retraité"): who the person is, never what they need. Read by
    meaning, they pulled a need named in so many words ("je suis sourd et je cherche du
    travail") towards "no need", and the person was asked to choose among guesses."""
    folded = fold(text)
    if len(folded) != len(text):  # spaces at the ends, a letter folded to two: char by char
        folded = "".join(f if len(f := fold(c)) == 1 else " " for c in text)
    patterns = [p for key in constraints if key in _WHO for p in _COMPILED["constraint"][key]]
    for care in care_asked(constraints):
        patterns += [_word_pattern(w) for w in CARE_WORDS.get(care, ())]
    spans = [m.span() for p in patterns for m in p.finditer(folded)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_WHO = ("accessible", "seniors")  # the constraints that say who the person is


def _word_pattern(words: str) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(map(re.escape, words.split()))
                      + r"(?![a-z0-9])")


GENERAL_HELP = "quotidien"  # the standard's general digital help (the search's default)


def asks_for_a_helper(found: Understanding) -> bool:
    """ "où trouver un conseiller numérique à Poitiers": a helper asked for by name and no
    precise need: general digital help where one works, no need to guess or ask."""
    return (
        "conseiller_numerique" in found.constraints
        and found.needs == [GENERAL_HELP]
        and not found.procedures
    )


def refines_search(text: str) -> bool:
    """A short message that only adds or drops a criterion ("et le dimanche ?", "le samedi
    c'est ouvert ?", "sans le samedi"): the same search again, with it."""
    if len(text.split()) > 8:
        return False
    found = detect(text)
    return found.empty and bool(found.constraints or found.dropped)


def normalise_need(value: str | None) -> str | None:
    """An entity value (synonym-mapped or raw) → a key of NEEDS, or None."""
    if not value:
        return None
    key = fold(value).replace(" ", "_").replace("-", "_")
    if key in NEEDS:
        return key
    found = detect(value)
    return found.needs[0] if found.needs else None


# The four ANTS titles: the model's value "ants" for all of them, the words of the message say
# which ("ma carte grisse", "les papiers de la voiture": the vehicle's list, not the ID card's).
_ANTS_TITLE = (
    ("carte_grise", _compile(r"\bcartes? ?gri\w*|\bimmatricul\w*|\bcertificat de cession")),
    ("permis", _compile(r"\bpermi[st]?\b")),
    ("carte_grise", _compile(r"\b(voiture|vehicule|moto|scooter|camping-?car|auto)s?\b")),
)


def normalise_procedure(value: str | None, context: str = "") -> str | None:
    """An entity value → a key of PROCEDURES; ``context``, the message, names which of the ANTS
    titles the model's "ants" is."""
    if not value:
        return None
    key = fold(value).replace(" ", "_").replace("-", "_")
    if key == "ants" and context:
        folded = fold(context).replace("\u2019", "'")
        return next((k for k, said in _ANTS_TITLE if said.search(folded)), key)
    if key in PROCEDURES:
        return key
    found = detect(value)
    return found.procedures[0] if found.procedures else None


def normalise_constraint(value: str | None) -> str | None:
    if not value:
        return None
    key = fold(value).replace(" ", "_").replace("-", "_")
    if key in CONSTRAINTS:
        return key
    found = detect(value)
    return found.constraints[0] if found.constraints else None


def services_for(need_keys: list[str]) -> tuple[str, ...]:
    """Standard service labels for need keys, de-duplicated, in order."""
    out: list[str] = []
    for key in need_keys:
        need = NEEDS.get(key)
        if need and need.service not in out:
            out.append(need.service)
    return tuple(out)


def preferred_labels(need_keys: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for key in need_keys:
        need = NEEDS.get(key)
        for label in need.preferred if need else ():
            if label not in out:
                out.append(label)
    return tuple(out)


def needs_mode_question(need_keys: list[str], procedures: list[str], mode: str | None) -> bool:
    """Ask "with you or learn alone" only when it matters: generic admin help, no hint given."""
    return need_keys == ["demarches"] and not procedures and mode is None


LEARN = "demarches_autonomie"  # papers, learnt alone (the mode "autonomie")


def apply_mode(need_keys: list[str], mode: str | None) -> list[str]:
    if mode == "autonomie":
        return [LEARN if k == "demarches" else k for k in need_keys]
    return need_keys


# --- someone in danger: the safety reading (actions/safety.py) with this module's needs ----------
def safety_reading(text: str, by_meaning: bool = True) -> safety.SafetyReading:
    """``by_meaning=False`` for an answer to another question (a town): danger is then read from
    its words only, never from how close its meaning comes to the danger examples."""
    if by_meaning:
        return safety.read(text, _states_a_need)
    return safety.read(text, _states_a_need, danger_margin=lambda _: float("-inf"))


def _states_a_need(text: str) -> bool:
    from actions import situation_first  # "mon ex lit mes messages": online safety

    return situation_first.names_a_safety_need(text) or not read(text).empty


def is_emergency(text: str) -> bool:
    """Danger now: severe wordings, or alarm words in a message that states no digital need."""
    return safety_reading(text).danger_now
