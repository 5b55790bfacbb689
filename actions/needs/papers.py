"""Papers and health online (needs "sante", "demarches"; the procedures): their keywords and
the cues that tell a procedure to do from one only named."""

from __future__ import annotations

from actions.needs.parenting import _KID
from actions.needs.words import _compile, fold

# « logement » said alone: a housing file online (a social housing claim, the CAF's aid for
# rent), the digital side of housing; « je cherche un appartement » stays off-topic.
_HOUSING_ALONE = r"^\W*(le |un |mon |du |mes |les |pour (le |un |mon )?)?logements?\W*$"

NEED_PATTERNS: dict[str, tuple[str, ...]] = {
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
        _HOUSING_ALONE,
        # the préfecture's files (carte grise, permis, séjour): paperwork, no procedure named
        r"\bprefecture\b",
        r"\bhlm\b",
        r"\bdemande de (logement|bourse|aide|allocation|logement social)",
        r"\bfrance services?\b",
        # the Pass Navigo (Île-de-France's transport pass) asked, renewed, recharged online
        r"\bnavigo\b",
        r"\breconna\w* (mon|son|ses|mes|leur) diplomes?|\bequivalence (de|du|des) diplomes?",
        r"\b(dossiers?|demandes?) (de |d'|du )(bourses?|surendettement|succession"
        r"|aide juridictionnelle)",
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
        # "déclaration revenus", "déclaration de revenu", "déclaration de mes revenus"
        r"\bdeclarations? (?:(?:de|des|d'|du) ?)?(?:(?:mes|ses|nos|leurs|vos|mon|son) )?revenus?\b",
        r"\bimpots\.gouv",
        r"\bdeclarer (mes |ses |nos |leurs |les |vos |ces )?revenus",
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
        # "inscription FT", "mon espace FT": France Travail's initials, with one of its files
        r"\b(inscri\w*|actualis\w*|espace|dossier|conseill\w*|agence|rdv|rendez-vous)"
        r"( (a|au|chez|sur|de|du|a la))? ft\b",
    ),
    "retraite": (
        # not the person ("je suis retraité", "un jeune retraité", "retraité 72 ans")
        r"(?<!a la )(?<!en )(?<!suis )(?<!un )(?<!jeune )(?<!moi )(?<!maison de )(?<!maisons de )"
        r"\bretraite\b"
        r"(?!,? ?(de )?\d+ ?(a|ans)\b)",
        r"\bcarsat\b",
        r"\bpension de",
        r"info-?retraite",
    ),
    "reversion": (r"\breversion\b",),
    # the farm's files: the PAC declaration (not a heat pump, "ma PAC"), TELEPAC, the MSA, the
    # herd's registers
    "agricole": (
        r"\btelepac\b",
        r"\b(declaration|dossier|aides?|demande) (de la |de |des |d')?pac\b",
        r"\bmsa\b",
        r"\bbdni\b",
        r"\bpacage\b",
        r"\bregistres? d'elevage\b",
        r"\b(notifications?|boucles?) (des |de mes )?(bovins|ovins|caprins|naissances de veaux)\b",
    ),
    "mdph": (r"\bmdph\b", r"\baah\b", r"\bhandicap\b", r"\brqth\b"),
    "titre_sejour": (
        r"\btitres? (de )?sejour",  # "titre séjour" in a desk's short notes
        r"\bcartes? (de sejour|de resident|pluriannuelle)\b",  # its card (t207 i04: "santé")
        # the préfecture is many files' office (carte grise, permis): a stay's with its words only
        r"\bprefecture\b.{0,80}\b(recepisse|visa|asile|etrangers?|regularis\w*)\b"
        r"|\b(recepisse|visa|asile|etrangers?|regularis\w*)\b.{0,80}\bprefecture\b",
        r"\banef\b",
    ),
    "naturalisation": (r"\bnaturalis\w*", r"\bnationalite francaise"),
    "cheque_energie": (r"cheque ?-?energie",),
    "franceconnect": (r"france ?connect",),
    "logement_social": (
        r"\blogements? socia(l|ux)\b",
        r"\bhlm\b",
        r"\bnumero unique( de demandeur| d'enregistrement)?\b",
        r"\bdemande de logement\b",
    ),
    "css": (r"complementaire sante solidaire", r"\bc2s\b", r"\bcmu\b", r"\bcmu-?c\b"),
    "doctolib": (
        r"\bdoctolib",
        r"\b(prendre|prise de|avoir|reserver|trouver) (un |mes |des )?"
        r"(rdv|rendez-?vous|rendez vous) (\w+ ){0,2}(chez )?(le |un |une |mon |ma )?"
        r"(medecin|docteur|generaliste|dentiste|ophtalmo\w*|gyneco\w*|dermato\w*|pediatre|specialiste|medica\w*)",
    ),
}


# A procedure named with the body that runs it: the procedure's list (a first RSA claim has no
# CAF number; a carte grise is not an identity card).
_WITHIN = {
    "reversion": "retraite",
    "rsa": "caf",
    "carte_grise": "ants",
    "permis": "ants",
    "naturalisation": "titre_sejour",
    "css": "ameli",  # "la complémentaire santé solidaire sur ameli": the CSS's list
    "doctolib": "ameli",  # "un rendez-vous sur Doctolib avec ma carte Vitale": booking
}


# What someone told or asked the person, to the end of its clause: "la CAF m'a dit de déclarer aux
# impôts", "l'assistante sociale m'a demandé d'aller sur ameli".
_TOLD = _compile(
    r"\b(la |le |les |l'|mon |ma |un |une )?[\w-]+( [\w-]+){0,2} (m'a|m'ont|nous a|nous ont) "
    r"(dit|demande|conseille|explique|envoye|renvoye|oriente)\w*\b"
    r"((?!\bmais\b|,\s*(je|j'|moi|et je)\b)[^.;:!?])*"
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
    rf"|{_HOUSING_ALONE}"
)
HOUSING_ALONE = _compile(_HOUSING_ALONE)


# Someone else's affairs to run online: "gérer ses comptes bancaires en ligne" (a mother in
# hospital), "fermer tous ses comptes" (a sister who died). Their papers, not a tool to learn.
_THEIR_ACCOUNTS = _compile(
    r"\b(gerer|consulter|suivre|acceder a|fermer|cloturer|resilier|m'occuper de|s'occuper de)"
    r" (tous |toutes |l'ensemble de )?(ses|leurs) (comptes|abonnements|contrats|factures)\b"
)
# After a death: the accounts, contracts and papers of the one who died are the procedures to do.
_AFTER_A_DEATH = _compile(
    r"\b(deces|decede\w*|deceder|succession|obseques|funerailles|veuve?)\b"
    r"|\b(mere|pere|maman|papa|mari|femme|epoux|epouse|conjointe?|compagne?|soeur|frere|fils"
    r"|fille|oncle|tante|grand-?mere|grand-?pere|parents) (est|sont) morte?s?\b"
    r"|\bla mort (de|d') ?(ma|mon|mes)\b"  # not "mon téléphone est mort"
)


def says_a_death(text: str) -> bool:
    """The person tells a death ("mon mari est décédé", "la succession de ma mère"): the affairs
    of the one who died are the procedures; ``actions.bereaved`` says a word of sympathy."""
    return bool(_AFTER_A_DEATH.search(fold(text).replace("’", "'")))


# Papers said in so many words (a farmer's declaration to the MSA, the PAC): a file to do.
_PAPERS_SAID = _compile(
    r"\b(declar\w*|demarches?|papiers|dossiers?|msa|pac|telepac|formulaires?)\b"
)
# How procedures are done, to understand ("comprendre comment fonctionnent les démarches de la
# ville en ligne", "savoir comment marche le site de la CAF"): the procedures themselves, not
# an understanding of the digital world.
_PROCEDURES_UNDERSTOOD = _compile(
    r"\b(comprendre|savoir|voir|decouvrir|expliquer)\b[^.!?]{0,20}\bcomment( (fonctionne\w*"
    r"|marche\w*|se (font|fait|passent|passe)|faire|remplir|utiliser))? (les |mes |ses |nos |leurs "
    r"|la |le |l')?(\w+ )?(demarches?|papiers|formulaires?|dossiers?|teleprocedures?"
    r"|services? publics?|sites? (de la|du|des) (ville|mairie|administration\w*|caf|impots"
    r"|prefecture))\b"
)
_AFFAIRS = _compile(
    r"\b(comptes?|abonnements?|contrats?|banques?|factures?|papiers|demarches?|resilier|fermer"
    r"|cloturer|declarer|notaire|pension|reversion|assurances?)\b"
)


_PROCEDURE_ACTION = _compile(
    # "refaire", "redemander": a procedure done again is one to do
    r"\b(re)?(faire|fais|remplir|declar\w*|demande[rz]?|dossier|inscri\w*|actualis\w*|renouvel\w*|"
    r"formulaire|attestation|papiers|demarches?)\b"
)
