"""Procedures the reception desk sees most, with the service to search and what to bring.

The assistant's own catalogue (``actions.needs``, being written on the ``assistant`` branch) is the
single source of truth once merged: :func:`procedures` uses it when it is importable and only falls
back to the minimal table below otherwise (``SOURCE`` tells which one is in use).
"""

from __future__ import annotations

from dataclasses import dataclass

from directory_client import labels


@dataclass(frozen=True)
class Procedure:
    key: str  # "retraite"
    title: str  # "Dossier retraite"
    service: str  # current service label to search
    documents: tuple[str, ...] = ()  # what to bring
    keywords: tuple[str, ...] = ()  # normalised words/phrases that name it
    prefer_labels: tuple[str, ...] = ()  # e.g. "France Services" (national partner desks)
    partner: str | None = None  # "Assurance retraite"


_ID = "Pièce d'identité en cours de validité"
_PHONE = "Son téléphone portable (codes de vérification) et son adresse e-mail si elle en a une"
_LOGIN = "Identifiants FranceConnect ou du compte en ligne concerné, s'ils existent"

_FALLBACK: tuple[Procedure, ...] = (
    Procedure(
        "retraite",
        "Dossier retraite",
        labels.DEMARCHES,
        (
            _ID,
            "Numéro de sécurité sociale (carte Vitale)",
            "Relevé de carrière, bulletins de salaire, attestations (chômage, maladie)",
            "RIB",
            "Dernier avis d'imposition",
            _LOGIN,
            _PHONE,
        ),
        (
            "retraite",
            "pension",
            "carsat",
            "info retraite",
            "reversion",
            "aspa",
            "minimum vieillesse",
        ),
        ("France Services",),
        "Assurance retraite",
    ),
    Procedure(
        "caf",
        "Allocations CAF (RSA, APL, prime d'activité)",
        labels.DEMARCHES,
        (
            _ID,
            "Numéro d'allocataire CAF",
            "Justificatif de domicile ou bail",
            "Derniers justificatifs de ressources",
            "RIB",
            _LOGIN,
            _PHONE,
        ),
        ("caf", "rsa", "apl", "allocation", "allocations", "prime d activite", "aide au logement"),
        ("France Services", "Point d'accès numérique CAF"),
        "CAF",
    ),
    Procedure(
        "sante",
        "Assurance maladie (ameli, carte Vitale, CSS)",
        labels.DEMARCHES,
        (
            _ID,
            "Carte Vitale ou attestation de droits",
            "RIB",
            "Justificatifs de ressources (CSS)",
            _LOGIN,
            _PHONE,
        ),
        (
            "ameli",
            "carte vitale",
            "securite sociale",
            "cpam",
            "mutuelle",
            "css",
            "sante",
            "medecin",
        ),
        ("France Services",),
        "Assurance maladie",
    ),
    Procedure(
        "impots",
        "Impôts (déclaration, avis)",
        labels.DEMARCHES,
        (
            _ID,
            "Numéro fiscal (sur un ancien avis d'imposition)",
            "Dernier avis d'imposition",
            "Justificatifs de revenus de l'année",
            _LOGIN,
            _PHONE,
        ),
        ("impot", "impots", "declaration de revenus", "avis d imposition", "taxe", "fiscal"),
        ("France Services",),
        "DGFiP",
    ),
    Procedure(
        "papiers",
        "Papiers (carte d'identité, passeport, permis, carte grise)",
        labels.DEMARCHES,
        (
            _ID,
            "Photo d'identité récente (e-photo)",
            "Justificatif de domicile de moins de 6 mois",
            "Ancien titre ou déclaration de perte ou de vol",
            "Timbre fiscal si nécessaire",
            _PHONE,
        ),
        ("passeport", "carte d identite", "carte grise", "permis", "ants", "titre de sejour"),
        ("France Services",),
        "ANTS",
    ),
    Procedure(
        "emploi",
        "Emploi (France Travail, CV)",
        labels.INSERTION_PRO,
        (_ID, "Identifiant France Travail", "CV ou liste des emplois passés", _PHONE),
        ("chomage", "france travail", "pole emploi", "cv", "emploi", "travail", "candidature"),
        ("France Services",),
        "France Travail",
    ),
    Procedure(
        "smartphone",
        "Apprendre à utiliser son téléphone ou son ordinateur",
        labels.OUTILS_QUOTIDIEN,
        (
            "Son smartphone, sa tablette ou son ordinateur (chargé)",
            "Ses mots de passe s'il les a notés",
        ),
        (
            "smartphone",
            "telephone",
            "portable",
            "tablette",
            "ordinateur",
            "mail",
            "email",
            "courriel",
            "internet",
            "whatsapp",
            "visio",
        ),
    ),
    Procedure(
        "securite",
        "Arnaque, sécurité, mots de passe",
        labels.SECURITE,
        ("L'appareil concerné", "Les messages suspects reçus (sans cliquer dessus)"),
        ("arnaque", "piratage", "pirate", "virus", "mot de passe", "phishing", "hameconnage"),
    ),
    Procedure(
        "materiel",
        "Acheter un ordinateur ou un téléphone à petit prix",
        labels.ACQUISITION_MATERIEL,
        (_ID, "Justificatif de situation (RSA, ASS, AAH…) si demandé"),
        ("acheter", "achat", "reconditionne", "pas d ordinateur", "pas de telephone"),
    ),
    Procedure(
        "acces",
        "Accès à un ordinateur, internet, imprimer, scanner",
        labels.ACCES_INTERNET_MATERIEL,
        ("Les documents à imprimer ou scanner (sur clé USB ou par e-mail)",),
        ("imprimer", "impression", "scanner", "photocopie", "wifi", "acces internet"),
    ),
    Procedure(
        "parentalite",
        "Enfants, école, contrôle parental",
        labels.PARENTALITE,
        ("Identifiants de l'ENT / Pronote si besoin",),
        ("pronote", "ent", "ecole", "controle parental", "enfant", "enfants"),
    ),
)

SOURCE = "bot.staff.catalogue (fallback: actions.needs not available)"


def _from_actions_needs() -> tuple[Procedure, ...] | None:
    """Adapt the assistant's catalogue when it is there; ``None`` otherwise."""
    try:
        from actions import needs  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - not merged yet, or broken: keep the console working
        return None
    table = getattr(needs, "PROCEDURES", None)
    if not table:
        return None
    items = table.values() if isinstance(table, dict) else table
    adapted = []
    for item in items:
        get = item.get if isinstance(item, dict) else lambda k, d=None, i=item: getattr(i, k, d)
        key = get("key") or get("name") or get("id")
        service = get("service") or get("service_label")
        if not key or not service:
            return None  # unknown shape: do not guess
        fallback = next((p for p in _FALLBACK if p.key == key), None)
        adapted.append(
            Procedure(
                key=str(key),
                title=str(get("title") or get("label") or (fallback.title if fallback else key)),
                service=str(service),
                documents=tuple(get("documents") or get("to_bring") or ()),
                keywords=tuple(
                    get("keywords") or get("synonyms") or (fallback.keywords if fallback else ())
                ),
                prefer_labels=tuple(
                    get("prefer_labels") or (fallback.prefer_labels if fallback else ())
                ),
                partner=get("partner"),
            )
        )
    return tuple(adapted)


def procedures() -> tuple[Procedure, ...]:
    global SOURCE
    found = _from_actions_needs()
    if found:
        SOURCE = "actions.needs"
        return found
    return _FALLBACK


def by_key(key: str | None) -> Procedure | None:
    if not key:
        return None
    return next((p for p in procedures() if p.key == key), None)
