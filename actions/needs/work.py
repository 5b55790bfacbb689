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

# The association's or the club's own site, pages or books, said in another sentence ("une
# association de quartier. Il faudrait refaire notre site") or after them ("le logiciel de compta
# de l'association"): the business service, said plainly (no menu of guesses).
_ASSOCIATION_TASKS = (
    r"\b(association|asso|club)\b.{0,160}?\b(refaire|creer|faire|gerer|animer|tenir|rendre)"
    r" (un|une|notre|nos|son|ses|le|les|la) (site|page|reseaux sociaux|compta\w*|comptes)\b",
    r"\b(site|page|compta\w*|comptes|bilan)\b[^.!?]{0,40}\b(l'|notre |le |mon |ma |la )"
    r"(association|asso|club)\b",
    r"\b(refaire|creer|gerer|animer|mettre a jour) (notre|nos) (site|pages?|reseaux sociaux)\b",
)
ASSOCIATION_TASKS = _compile("|".join(_ASSOCIATION_TASKS))
# An internship to find ("je cherche un stage", "stage en entreprise", "un stage pour mon BTS");
# never a course of something ("stage de conduite", "de récupération de points", "stage photo"),
# nor a pupil's week of 3e (``parenting``).
INTERNSHIP = (
    r"stages?\b(?! (de |d'|du |des )(?!fin\b|formation\b|master\b|licence\b|bts\b|but\b"
    r"|dut\b|cap\b|bac\b|l'ecole\b|mon\b|ma\b|observation\b)"
    r"| (photo|video|musique|dessin|peinture|theatre|danse|code|codage|programmation|robotique"
    r"|informatique|conduite|natation|sport|foot|voile|yoga|vacances|multimedia|numerique)\b)"
    r"(?!.{0,20}\b(3e|3eme|troisieme)\b)"
)

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
        # a contract or an engagement on the way to work: an apprentice's, a work-study's, a
        # civic service's file is the work service's, not a procedure desk's. Being an
        # apprentice ("apprentie en BTS", "mon CFA") says who, not a need (set G).
        r"\bcontrats? (d'apprentissage|de professionnalisation|en alternance)",
        r"\b(trouver|chercher|cherche|recherche) (une |un |d'|mon |ma )?(alternance|apprentissage"
        r"|maitre d'apprentissage|contrat d'apprentissage)\b",
        r"\bservice civique\b",
        # a professional's own training ("mes formations obligatoires en ligne")
        r"\bformations? (obligatoires?|professionnelles?|continues?)\b",
        rf"\b{INTERNSHIP}",
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
        *_ASSOCIATION_TASKS,
        # an employer's own staff declared online ("la DPAE", "déclarer mes saisonniers")
        r"\bdpae\b",
        r"\bdeclarations? (prealables? )?(d'embauche|a l'embauche)\b",
        r"\b(mes|nos) (nouveaux |nouvelles )?(salarie|employe|saisonnier|extra)e?s\b",
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
        # not where an internship or a job is done ("un stage en entreprise", "travailler en
        # entreprise"): a job search
        r"(?<!\ben )\bentreprise\b",
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

# Out of school young ("j'ai quitté l'école à 16 ans", "déscolarisé"): on the way to work (the
# lessons they ask for, said beside, kept), not a parent's worry about a child's schooling.
_LEFT_SCHOOL = _compile(
    r"\b(quitte|arrete|lache|abandonne|sortie?) (l'ecole|le lycee|le college|les cours"
    r"|l'ecole|mes etudes|les etudes)\b|\bdescolaris\w*|\bdecrocheu(r|se)s?\b"
)
# A tool made for a disability (a screen reader, a braille display) learned to work: the lessons
# beside the job search, both.
_ASSISTIVE = _compile(
    r"\b(lecteurs? d'ecran|nvda|jaws|voice ?over|talkback|plages? brailles?|synthese vocale"
    r"|loupe d'ecran|zoomtext)\b"
)

# Lessons of the computer asked ("des cours d'informatique", "apprendre l'ordi")
_COMPUTER_LESSONS = _compile(
    r"\b(cours|formations?|ateliers?|initiation|apprendre)( de| d'| a| en| l'| le)* ?(l')?"
    r"(informatique|ordinateur|ordi)\b"
)

# A trade's own posts and audience ("mes publications ne sont pas vues", "mes abonnés"): the
# business beside understanding the networks.
_OWN_POSTS = _compile(
    r"\b(mes|nos) (publications|posts|abonnes|videos|stories)\b"
)


def work_said_beside(folded: str, job_said: bool) -> tuple[list[str], list[str], set[str]]:
    """Work said beside another need, both kept: the needs to lead, to add, and ruled out."""
    lead: list[str] = []
    added: list[str] = []
    ruled_out: set[str] = set()
    if _LEFT_SCHOOL.search(folded):
        lead.append("emploi")  # their own way to work, not parenting
        ruled_out.add("parentalite")
        if _COMPUTER_LESSONS.search(folded):
            added.append("ordinateur")
    if job_said and _ASSISTIVE.search(folded):
        added.append("ordinateur")
    if ASSOCIATION_TASKS.search(folded):
        lead.append("entreprise")
    if _OWN_TRADE.search(folded) and _OWN_POSTS.search(folded):
        added.append("entreprise")
    return lead, added, ruled_out
