"""One raw record (any reader) → the values of a ``Place`` in the current standard + problems."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import String

from directory_client import hours_french, labels
from directory_client.importer import address, fields, position, vocab
from directory_client.importer.hours import is_valid
from directory_client.labels import fold
from directory_client.models import Place, join_list, telephone_joignable

# Field aliases met in real exports (1.0 generation, typos) → the name used below.
ALIASES = {
    "courriel": "courriels",
    "conditions_access": "conditions_acces",
    "labels_nationaux": "dispositif_programmes_nationaux",
    "labels_autres": "autres_formations_labels",
    "formations_labels": "autres_formations_labels",
    "fiche_acces_libre": "accessibilite",
    "lat": "latitude",
    "lon": "longitude",
    "lng": "longitude",
}
KNOWN = {
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
    "services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "conditions_acces", "dispositif_programmes_nationaux", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement", "prise_rdv", "date_maj", "publics_accueillis",
    "accessibilite",
}  # fmt: skip
REQUIRED = ("id", "nom", "commune", "code_postal", "adresse")
LIST_FIELDS = {
    "services", "typologie", "courriels", "site_web", "publics_accueillis",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "conditions_acces", "dispositif_programmes_nationaux", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement",
}  # fmt: skip
_MAX_LENGTH = {
    c.name: c.type.length
    for c in Place.__table__.columns
    if isinstance(c.type, String) and c.type.length
}
_MOBILE_NAME = re.compile(r"^(?P<prefix>.+?)\s+-\s+\[(?P<stop>.+)\]$")
MEDIATOR_ROLES = {
    "Conseillers numériques": "Conseiller numérique",
    "Aidants Connect": "Aidant habilité Aidants Connect",
}

Warn = Callable[[str | None, str], None]


class Rejected(Exception):
    def __init__(self, field: str | None, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass
class Record:
    source: str  # the record's ``source`` text, as given (key of the upsert with source_id)
    source_id: str
    public_id: str
    values: dict  # Place columns
    raw: str  # canonical JSON of the record as read (change detection, audit)
    mobile: tuple[str, str, str] | None = None  # (kind, group name, group key)
    roles: list[str] = field(default_factory=list)  # mediator roles named by the data
    hours_from_french: bool = False  # ``horaires`` was a French sentence, read into OSM
    position_repaired: bool = False  # far from its commune: moved to its centre (or removed)
    address_cleaned: bool = False  # 'null' parts, a postcode twice, a misspelt commune (address)

    @property
    def sources(self) -> list[str]:
        return [s for s in self.source.split("|") if s]


_valid_hours = lru_cache(maxsize=20_000)(is_valid)
_french_hours = lru_cache(maxsize=20_000)(hours_french.to_osm)
_date = lru_cache(maxsize=20_000)(fields.normalise_date)


@lru_cache(maxsize=20_000)
def _joined(value: str | None) -> str | None:
    return join_list(vocab.split_list(value))


def _text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise TypeError(name)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _clean_address(v: dict) -> bool:
    """``importer.address``: 'null' parts emptied, a postcode said once, the gazetteer's spelling
    of a commune a small edit away. An address left empty stays an empty text (kept)."""
    before = (v["commune"], v["adresse"], v["complement_adresse"])
    v["adresse"] = address.clean_part(v["adresse"]) or ""
    v["complement_adresse"] = address.clean_part(v["complement_adresse"])
    commune = address.clean_part(v["commune"]) or v["commune"]
    v["commune"] = address.gazetteer_city(commune, v.get("code_insee"), v.get("code_postal"))
    return before != (v["commune"], v["adresse"], v["complement_adresse"])


def normalise(
    raw: dict, default_source: str, today: date, warn: Warn, unknown_fields: set[str]
) -> Record:
    """Raise ``Rejected`` when the record cannot be used; call ``warn`` for each bad field."""
    private = {k: v for k, v in raw.items() if k.startswith("_")}
    data: dict[str, object] = {}
    for key, value in raw.items():
        if key.startswith("_"):
            continue
        name = ALIASES.get(key, key)
        if name not in KNOWN:
            unknown_fields.add(key)
            continue
        if value is None or value == "":
            continue
        if key == name:
            data[name] = value  # the current field name wins over its alias
        else:
            data.setdefault(name, value)

    text: dict[str, str | None] = {}
    for name, value in data.items():
        if name in ("latitude", "longitude"):
            continue
        scalars = isinstance(value, list) and all(isinstance(i, (str, int, float)) for i in value)
        if name in LIST_FIELDS and scalars:  # a JSON list is a fine list
            value = "|".join(str(item).strip() for item in value if str(item).strip())
        if isinstance(value, str):  # fast path: nearly every value
            text[name] = value.strip() or None
            continue
        try:
            text[name] = _text(value, name)
        except TypeError:
            if name in REQUIRED:
                raise Rejected(name, f"type invalide ({type(value).__name__})") from None
            warn(name, f"type invalide ({type(value).__name__}), champ ignoré")
    for name in REQUIRED:
        if not text.get(name):
            raise Rejected(name, "champ obligatoire manquant")

    source = text.get("source") or default_source
    source = "|".join(s.strip() for s in source.split("|") if s.strip())
    source_id = text["id"]
    v: dict[str, object] = {"nom": text["nom"]}
    v["pivot"], problem = fields.normalise_pivot(text.get("pivot"))
    if problem:
        warn("pivot", problem)

    v["code_postal"], problem = fields.normalise_postcode(
        data["code_postal"] if isinstance(data["code_postal"], int) else text["code_postal"]
    )
    if problem:
        warn("code_postal", problem)
    v["code_insee"] = text.get("code_insee")
    v["commune"] = text["commune"]
    v["adresse"] = text["adresse"]
    v["complement_adresse"] = text.get("complement_adresse")
    cleaned = _clean_address(v)
    by_insee = fields.departement(v["code_insee"], None)
    by_postcode = fields.departement(None, v["code_postal"])
    saint_martin_barth = by_insee in ("977", "978") and by_postcode == "971"  # 971xx postcodes
    if by_insee and by_postcode and by_insee != by_postcode and not saint_martin_barth:
        if (by_insee[:2] in ("97", "98")) != (
            by_postcode[:2] in ("97", "98")
        ):  # e.g. 98800 Mont-Dore (New Caledonia) given Puy-de-Dôme's 63236
            warn("code_insee", f"code INSEE {v['code_insee']} incohérent avec le code postal "
                 f"{v['code_postal']}, ignoré")  # fmt: skip
            v["code_insee"] = None
        else:  # border communes may have a neighbouring department's postcode
            warn("code_insee", f"code INSEE {v['code_insee']} et code postal {v['code_postal']} "
                 "de départements différents (le code INSEE fait foi)")  # fmt: skip
    v["departement"] = fields.departement(v["code_insee"], v["code_postal"])
    if v["departement"] is None:
        warn("code_postal", "département introuvable (ni code INSEE ni code postal valide)")

    lat, problem = fields.normalise_coordinate(data.get("latitude"), 90, "latitude")
    if problem:
        warn("latitude", problem)
    lon, problem = fields.normalise_coordinate(data.get("longitude"), 180, "longitude")
    if problem:
        warn("longitude", problem)
    if (lat is None) != (lon is None):
        warn("latitude" if lat is None else "longitude", "coordonnée seule, position ignorée")
        lat = lon = None
    moved = False
    if lat is not None and lon is not None:
        itinerant = fold(str(text.get("itinerance") or "")).startswith("itinerant")
        lat, lon, moved = position.checked(
            lat, lon, v["code_insee"], v["code_postal"], v["commune"], warn, fixed=not itinerant
        )
    v["latitude"], v["longitude"] = lat, lon

    current, original, unknown = (list(x) for x in vocab.services(text.get("services")))
    if private.get("_services_origine"):
        original = [str(private["_services_origine"])]
    for label in unknown:
        warn("services", f"service inconnu {label!r}, gardé dans services_origine")
    if not current:
        warn("services", "aucun service reconnu")
    v["services"] = join_list(current) or ""
    v["services_origine"] = join_list(original)
    v["services_mask"] = labels.services_mask(current)

    v["publics_accueillis"] = _joined(text.get("publics_accueillis"))
    publics, prises, _rest = (
        list(x) for x in vocab.publics_accueillis(text.get("publics_accueillis"))
    )
    more, unknown = vocab.publics(text.get("publics_specifiquement_adresses"))
    for label in unknown:
        warn("publics_specifiquement_adresses", f"public inconnu {label!r}, ignoré")
    publics += [p for p in more if p not in publics]
    more, unknown = vocab.prise_en_charge(text.get("prise_en_charge_specifique"))
    for label in unknown:
        warn("prise_en_charge_specifique", f"prise en charge inconnue {label!r}, ignorée")
    prises += [p for p in more if p not in prises]
    v["publics_specifiquement_adresses"] = join_list(publics)
    v["prise_en_charge_specifique"] = join_list(prises)

    dispositifs, autres = (
        list(x) for x in vocab.dispositifs(text.get("dispositif_programmes_nationaux"))
    )
    fees, fee_labels, unknown = (list(x) for x in vocab.frais(text.get("frais_a_charge")))
    fees2, fee_labels2, unknown2 = (list(x) for x in vocab.frais(text.get("conditions_acces")))
    fees += [f for f in fees2 if f not in fees]
    for label in unknown + unknown2:
        warn("frais_a_charge", f"condition d'accès inconnue {label!r}, ignorée")
    autres += list(vocab.autres_labels(text.get("autres_formations_labels")))
    autres += fee_labels + fee_labels2
    v["dispositif_programmes_nationaux"] = join_list(dispositifs)
    v["autres_formations_labels"] = join_list(list(dict.fromkeys(autres)))
    v["frais_a_charge"] = join_list(fees)

    modalites, unknown = vocab.modalites_accompagnement(text.get("modalites_accompagnement"))
    for label in unknown:
        warn("modalites_accompagnement", f"modalité inconnue {label!r}, ignorée")
    v["modalites_accompagnement"] = join_list(modalites)
    acces, unknown = vocab.modalites_acces(text.get("modalites_acces"))
    for label in unknown:
        warn("modalites_acces", f"modalité d'accès inconnue {label!r}, ignorée")
    v["modalites_acces"] = join_list(acces)
    v["typologie"] = _joined(text.get("typologie"))
    v["courriels"] = _joined(text.get("courriels"))
    v["site_web"] = _joined(text.get("site_web"))

    v["telephone"], problem = fields.normalise_phone(text.get("telephone"), v["code_postal"])
    if problem:
        warn("telephone", problem)
    v["telephone_joignable"] = telephone_joignable(v["telephone"])

    horaires = text.get("horaires")
    valid = None if horaires is None else _valid_hours(horaires)
    in_french = _french_hours(horaires) if valid is False else None
    if in_french:  # "du lundi au vendredi de 9h à 12h" → "Mo-Fr 09:00-12:00"
        horaires, valid = in_french, True
    v["horaires"], v["horaires_valides"] = horaires, valid
    if valid is False:
        warn("horaires", f"horaires au format opening_hours invalide ({horaires!r}), gardés bruts")

    v["date_maj"], problem = _date(text.get("date_maj"), today)
    if problem:
        warn("date_maj", problem)

    for name in ("prise_rdv", "accessibilite", "presentation_resume", "presentation_detail",
                 "structure_parente"):  # fmt: skip
        v[name] = text.get(name)
    itinerance = text.get("itinerance")
    if itinerance and fold(itinerance).startswith("itinerant"):
        itinerance = "Itinérant"
    elif itinerance and fold(itinerance) == "fixe":
        itinerance = "Fixe"
    elif itinerance:
        warn("itinerance", f"valeur inconnue {itinerance!r}, gardée telle quelle")
    v["source"] = source

    mobile = _mobile(private, text["nom"], source, itinerance, v["structure_parente"])
    if mobile and not itinerance:
        itinerance = "Itinérant"
    v["itinerance"] = itinerance

    for name, limit in _MAX_LENGTH.items():
        value = v.get(name)
        if isinstance(value, str) and len(value) > limit:
            warn(name, f"texte trop long ({len(value)} caractères), coupé à {limit}")
            v[name] = value[:limit]

    first = source.split("|", 1)[0]
    prefix = fields.slug(first) + ":"
    public_id = source_id if source_id.startswith(prefix) else prefix + source_id
    roles = [MEDIATOR_ROLES[d] for d in dispositifs if d in MEDIATOR_ROLES]
    return Record(source, source_id, public_id, v, "", mobile, roles, bool(in_french), moved,
                  cleaned)


def _mobile(
    private: dict, nom: str, source: str, itinerance: str | None, parent: str | None
) -> tuple[str, str, str] | None:
    first = source.split("|", 1)[0]
    if "_mobile" in private:
        kind, group = private["_mobile"]
    else:
        match = _MOBILE_NAME.match(nom) if "[" in nom else None
        folded_prefix = fold(match["prefix"]) if match else ""
        if match and any(w in folded_prefix for w in ("bus", "itinerant", "camion", "mobile")):
            group = first if fold(first).startswith(folded_prefix) else match["prefix"]
        elif itinerance and fold(itinerance).startswith("itinerant"):
            group = parent or nom
        else:
            return None
        kind = "bus" if "bus" in fold(group) or "bus" in fold(nom) else "itinerant"
    return kind, group, f"{fields.slug(first)}:{fields.slug(group)}"
