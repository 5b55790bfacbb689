"""The catalogue: needs → services of the national standard, procedures → need and what to
bring, and the groups of need keys the rules share."""

from __future__ import annotations

from dataclasses import dataclass

from directory_client import labels


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
    # The need whose places are the closest help when no place near announces this one, asked
    # beside general digital help ("Parcoursup" with no parenting place: the places that do
    # online procedures with someone). Empty: general help only.
    instead: str = ""

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
            instead="demarches",  # school sites, Parcoursup: online procedures
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
                # In every passport claim (service-public.fr as ville-colomiers.fr and
                # eservices.marseille.fr give it, read 2026-12-07): 86 € for an adult.
                "un timbre fiscal pour un passeport (86 € pour un adulte)",
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
                # A used car of more than 4 years: its contrôle technique of less than 6 months
                # (2 after a contre-visite), among the seller's papers (demarches-
                # administratives.org, capcar.fr, frtips.com, read 2026-12-07).
                "le contrôle technique de moins de 6 mois (achat d'occasion de plus de 4 ans)",
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
            # The survivor's own file: the papers of the death and of the marriage, not one's
            # own career.
            "reversion",
            "votre pension de réversion",
            "demarches",
            (
                "l'acte de décès",
                "votre livret de famille ou votre acte de mariage",
                "une pièce d'identité",
                "votre numéro de sécurité sociale et celui de la personne décédée",
                "un RIB",
                "vos justificatifs de ressources des 3 derniers mois",
            ),
            purpose="votre pension de réversion",
        ),
        Procedure(
            # The farm's files online: the PAC declaration on TELEPAC, the MSA, the herd's
            # registers (BDNI).
            "agricole",
            "vos démarches agricoles (PAC, MSA…)",
            "demarches",
            (
                "vos identifiants et mots de passe (TELEPAC, MSA…) si vous en avez",
                "votre numéro PACAGE ou votre numéro SIRET",
                "une pièce d'identité",
            ),
            purpose="vos démarches agricoles en ligne (PAC, MSA…)",
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
            # The online claim (the national form, demande-logement-social.gouv.fr): an identity
            # paper to register it; the income and tax papers when it is examined; the unique
            # number of a claim made before, to renew it (tester t194, A11 and B9). Checked
            # 2026-12-07 against service-public.fr's F10007 (as chapet.fr relays it): an identity
            # paper or a titre de séjour and the avis d'imposition, for each person of the home.
            "logement_social",
            "votre demande de logement social",
            "demarches",
            (
                "une pièce d'identité (ou votre titre de séjour)",
                "votre numéro unique de demandeur, si vous avez déjà fait une demande",
                "vos deux derniers avis d'impôt",
                "vos justificatifs de ressources (salaires, allocations, pensions…)",
                "votre adresse mail et votre téléphone portable",
            ),
            purpose="votre demande de logement social",
        ),
        Procedure(
            # Asked on ameli.fr with the income of the 12 months before the claim (t194, C4);
            # wages, pensions and allowances are fetched by the Assurance maladie since 2022,
            # the others are asked, with the CAF number (ameli.fr's « demander la Complémentaire
            # santé solidaire, c'est simple avec le compte ameli », enim.eu; read 2026-12-07).
            "css",
            "la complémentaire santé solidaire",
            "sante",
            (
                "votre carte Vitale ou votre numéro de sécurité sociale",
                "votre numéro d'allocataire CAF, si vous en avez un",
                "les justificatifs des ressources des 12 derniers mois qu'ameli ne connaît pas "
                "(pension alimentaire, bourse…)",
                "votre dernier avis d'impôt",
                "un RIB",
                "vos identifiants ameli si vous en avez",
            ),
            purpose="votre complémentaire santé solidaire",
        ),
        Procedure(
            # Booking a doctor online: not the Assurance maladie's file (t194, A4 and E20). Its
            # account asks for a phone (a code by SMS, by a voice message on a landline), an
            # e-mail address and a password, not the carte Vitale (doctolib.fr/help « Créer un
            # compte Doctolib », read 2026-12-07).
            "doctolib",
            "Doctolib (rendez-vous médical en ligne)",
            "sante",
            (
                "un compte Doctolib ou une adresse mail",
                "votre téléphone portable (un code arrive par SMS)",
            ),
            purpose="vos rendez-vous médicaux en ligne (Doctolib)",
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
        Procedure(
            # The département's allowance for elderly people losing autonomy (its words:
            # actions/needs/two_requests.py).
            "apa",
            "le département (APA, allocation personnalisée d'autonomie)",
            "demarches",
            (
                "une pièce d'identité",
                "un justificatif de domicile",
                "votre dernier avis d'impôt",
                "un RIB",
            ),
            purpose="vos démarches d'APA (allocation personnalisée d'autonomie)",
        ),
    )
}


_ADMIN_NEEDS = frozenset({"demarches", "demarches_autonomie", "sante"})
TOOL_NEEDS = frozenset({"smartphone", "ordinateur", "quotidien"})
_EQUIPMENT = frozenset({"internet", "materiel_usage", "materiel_achat"})
GENERAL_HELP = "quotidien"  # the standard's general digital help (the search's default)


def services_for(need_keys: list[str]) -> tuple[str, ...]:
    """Standard service labels for need keys, de-duplicated, in order."""
    out: list[str] = []
    for key in need_keys:
        need = NEEDS.get(key)
        if need and need.service not in out:
            out.append(need.service)
    return tuple(out)


def help_instead(need_keys: list[str]) -> tuple[str, ...]:
    """The needs whose places are searched when no place near announces ``need_keys``: each
    need's closest one (``Need.instead``), then general digital help (``GENERAL_HELP``)."""
    closest = [NEEDS[k].instead for k in need_keys if k in NEEDS and NEEDS[k].instead]
    return tuple(dict.fromkeys([*closest, GENERAL_HELP]))


def preferred_labels(need_keys: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for key in need_keys:
        need = NEEDS.get(key)
        for label in need.preferred if need else ():
            if label not in out:
                out.append(label)
    return tuple(out)
