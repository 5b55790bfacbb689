"""Work and business (needs "emploi", "entreprise"): their keywords, a job search told from
France Travail's file, and a professional's own framing."""

from __future__ import annotations

from actions.needs.words import _compile

# One's own customers reaching the business online ("que mes clientes prennent rendez-vous en
# ligne", "nos clients pourraient commander sur internet"): the business's need, and no person
# helped (``actions.someone_else``), as "ma cliente ne sait pas…" of a home help is.
_CLIENTS_ONLINE = (
    r"\b(mes|nos) (clients?|clientes?|clientele)\b[^.!?]{0,60}\b(en ligne|sur internet"
    r"|sur le site|reserv\w*|command\w*|prendre (des |un )?(rendez-vous|rdv)|prennent"
    r" (des |un )?(rendez-vous|rdv)|me trouver|nous trouver|payer (par|en) (carte|ligne))\b"
)
CLIENTS_ONLINE = _compile(_CLIENTS_ONLINE)

NEED_PATTERNS: dict[str, tuple[str, ...]] = {
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
        # the association's own site or memberships ("présidente d'une petite association de
        # couture, on voudrait faire un site internet et gérer les adhésions en ligne")
        r"\bassociation\b[^.!?]{0,80}\b((faire|creer|avoir|refaire) (un|une|notre|son|le) (site"
        r"|page|newsletter|lettre d'information)|adhesions|cotisations|(nos|ses|les) (adherents"
        r"|licencies|membres))\b",
        r"\bvisibles? sur (internet|google|les reseaux)",
        r"\b(faire connaitre|promouvoir) (mon|ma|notre) \w+",
        r"\b(page|compte) (facebook|instagram|pro)\b.{0,40}\b(clients?|visites?|vendre|"
        r"boutique|commerce|truck|restaurant|salon)",
        r"\bfood ?truck",
        _CLIENTS_ONLINE,
        r"\b(mon|ma|notre|nos) (gite|chambres? d'hotes|restaurant|salon|boutique|magasin|cabinet|"
        r"activite|exploitation|camping|auberge)\b.{0,60}\b(sites?|internet|en ligne|reservations?|"
        r"clients?|visib\w*|google|reseaux)",
        r"\bsites? de reservation",
        r"\bma (boutique|societe)\b",
        # invoices sent, not one's bills paid ("payer mes factures en ligne": tools.py)
        r"\bfacturation\b|(?<!payer )(?<!regler )(?<!mes )(?<!ses )(?<!les )(?<!nos )"
        r"\bfactures? en ligne",
        r"\bauto ?-?entrepr",
        r"\bmicro ?-?entrepr",
        r"\bentreprise\b",
        r"\bsiret\b",
        r"\burssaf\b",
        r"\bcreer (ma|mon) (boite|societe|activite|commerce)",
        r"\bmon commerce\b",
        r"\bsite (web|internet) pour (ma|mon)",
    ),
}


_PROFESSIONAL = _compile(
    r"\bje (suis|travaille) (comme )?(conseill\w*|agent\w*|referent\w*|travailleu\w*|"
    r"assistante?s?|animat\w*|educat\w*|benevole|secretaire\w*|mediat\w*)( sociale?)? "
    r"(a|chez|de|au|a la|dans) "
)
# The person a professional writes for ("j'écris pour un usager", "une dame que j'accompagne"):
# their request, done with them.
_FOR_A_USER = (
    r"\b(pour|d')(un|une|mon|ma|nos|mes|des) (usager|usagere|beneficiaire|administree?"
    r"|allocataire|patiente?|residente?)s?\b"
    r"|\b(une personne|un monsieur|une dame|quelqu'un) que (j'|nous |je )?(accompagn|sui)\w*"
)
_HELPED = _compile(_FOR_A_USER)
# After a framing, the writer's own organisation's project ("je suis bénévole dans une
# association et on veut faire une newsletter pour nos adhérents"): theirs, not a person helped.
_OWN_ORGANISATION = _compile(
    r"\b(on|nous) (veut|voudrait|voudrions|voulons|aimerait|aimerions|souhaite|souhaitons"
    r"|cherche|cherchons) (faire|creer|lancer|avoir|mettre|monter|refaire|developper)\b"
    r"|\bnos (adherents|membres|benevoles|clients|licencies)\b"
)
# Where the writer's own framing ("je suis conseillère à la mairie") ends: the person they help
# and the request come after ("…, j'ai une dame qui doit faire sa demande de retraite").
_CLAUSE_END = _compile(r"[,.;:!?\n]| (et|mais|j'ai|nous avons|on a|pour|qui) ")
_JOB_SEEKING = _compile(
    r"\b(cv|candidatures?|lettres? de motivation|entretiens? d'embauche|offres? d'emploi|postul\w*|"
    r"recrut\w*|recherche d'emploi|(chercher?|trouver|cherche) (du|un) (travail|emploi|boulot|job))"
    r"\b"
)
# One's own trade (a self-employed nurse, a goat farmer): the software, the website, the sales
# online said beside it are the business's ("infirmière libérale, un logiciel de facturation et
# un site", "éleveuse, vendre mes fromages en ligne"), not a tool to learn nor a file to do.
_OWN_TRADE = _compile(
    r"\b(infirmier|infirmiere|kine\w*|orthophoniste|sage-femme|osteopathe|podologue|psychologue"
    r"|avocate?|architecte|profession)s? liberale?s?\b|\ben (profession )?liberale?\b"
    r"|\bje suis (independante?|freelance|a mon compte)\b"
    # self-employed ("plombier à mon compte", "je me suis mis à mon compte"), not an account
    # reached ("accéder à mon compte ameli")
    # or the trade said first, as a desk writes it ("électricien à mon compte, …")
    r"|(\b(je suis|je travaille|installee?|etablie?|mise?|mettre)\b[^.,;!?]{0,30}"
    r"|(^|[,.;:!?])\s*([\w-]+ ){0,2})\ba mon compte"
    r"\b(?! (ameli|caf|france|impots?|en ligne|sur|de|d'|bancaire|client|perso\w*)\b)"
    r"|\b(auto|micro)[ -]?entrepreneu(r|se)s?\b|\bcommercante?s?\b|\bartisan"
    r"|\b(ma|notre) (petite |toute petite )?(entreprise|societe|boite|sarl|eurl|sas)\b"
    r"|\b(chef|cheffe|patron|patronne|gerante?) (d'|de )(une |mon |ma |la )?(entreprise|societe"
    r"|commerce|boutique|tpe|pme)\b|\bje suis gerante?\b"
    r"|\b(eleveu(r|se)|agricult(eur|rice)|maraich(er|ere)|viticult(eur|rice)|apicult(eur|rice)"
    r"|paysan(ne)?|artisane?|producteur|productrice|exploitante? agricole)s?\b"
)
# The business's own files ("ma déclaration URSSAF", "le chiffre d'affaires", "la facture
# électronique"): the business service, the paperwork beside it.
_BUSINESS_FILES = _compile(
    r"\b(urssaf|chiffre d'affaires|tva|cfe|guichet unique|inpi|siret|factur\w* electroniques?)\b"
)
_TRADE_ONLINE = _compile(
    r"\b(vendre|vends|vente|ecouler|commercialis\w*|boutique en ligne|clients?|facturation"
    r"|logiciels? (de |pour )?(factur\w*|gestion|compta\w*)|teletransmission"
    r"|(faire|creer|un|mon|notre) site( internet| web)?"
    # the business's paperwork on a computer: quotes, invoices, books, its contributions
    r"|devis|factures?|factur\w* electroniques?|compta\w*|urssaf|chiffre d'affaires"
    r"|logiciels?)\b"
)
# Work named only as what learning a tool is for ("apprendre excel pour trouver du boulot"): the
# tool is the need, the job its aim.
_FOR_A_JOB = _compile(
    r"\bpour (trouver|chercher|retrouver|avoir|decrocher) (du|un) (travail|boulot|emploi|job)\b"
)
_FRANCE_TRAVAIL_FILE = _compile(
    r"\b(actualis\w*|inscri\w*|allocations?|indemni\w*|radi\w*|paiements?|dossier|attestation)"
)
