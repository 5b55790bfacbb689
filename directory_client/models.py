"""Storage model of the directory (SQLAlchemy 1.4, 2.0-style usage).

A ``Place`` is where someone can be received. Its list fields are stored ``|``-joined with the
current labels of the national standard (see ``labels``); the original labels are kept beside.
Each ``PlaceSource`` row is one record of one source file: upserts are keyed on
(source, source_id), and two records of the same real place (two sources) point to one
``Place``. ``FieldProvenance`` says which source gave each field's current value.

People are first-class: a ``Mediator`` (a conseiller numérique, an Aidants Connect habilitated
professional…) and a ``MobileService`` (a France Services bus, an itinerant mediator) are present
at places through ``Permanence`` rows, each with its own schedule.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import declarative_base, relationship

from directory_client import phones
from directory_client.geo import lat_band

Base = declarative_base()


def split_list(value: str | None) -> list[str]:
    """Inverse of the ``|`` join used for list columns."""
    return [item for item in (value or "").split("|") if item]


def join_list(values: list[str] | tuple[str, ...] | None) -> str | None:
    return "|".join(values) if values else None


class Place(Base):
    __tablename__ = "place"

    id = Column(Integer, primary_key=True)
    # Stable public identifier: the id of the first source that gave the place ("source:id").
    public_id = Column(String(300), nullable=False, unique=True)
    nom = Column(String(500), nullable=False)
    pivot = Column(String(20))
    typologie = Column(String(200))  # |-joined short codes (RFS, BIB, …)
    services = Column(Text, nullable=False, default="")  # |-joined current labels
    services_origine = Column(Text)  # |-joined labels as found in the sources
    services_mask = Column(Integer, nullable=False, default=0)  # see labels.SERVICE_BITS

    adresse = Column(String(500))
    complement_adresse = Column(String(500))
    commune = Column(String(200))
    code_postal = Column(String(10))
    code_insee = Column(String(10))
    departement = Column(String(3))
    latitude = Column(Float)
    longitude = Column(Float)
    # Search index key, derived from latitude (see geo.lat_band): set on every insert, core or
    # ORM, by the column default, and on ORM updates by the listener below.
    lat_band = Column(Integer, default=lambda ctx: _lat_band_default(ctx))

    horaires = Column(Text)  # OSM opening_hours, raw text as given
    horaires_valides = Column(Boolean)  # False: kept as raw text, flagged in the import report
    telephone = Column(String(100))
    # Whether ``telephone`` is a number people can be given to call (``phones.dialable``: not
    # "0478", "à venir"): derived like ``lat_band`` (column default, listener below, importer),
    # so that the ranking counts it as a contact in SQL. Ours, not the standard's: not exported.
    telephone_joignable = Column(Boolean, default=lambda ctx: _joignable_default(ctx))
    courriels = Column(Text)  # |-joined
    site_web = Column(Text)  # |-joined
    prise_rdv = Column(Text)
    frais_a_charge = Column(String(200))  # |-joined (Gratuit, Gratuit sous condition, Payant)
    modalites_acces = Column(Text)  # |-joined
    modalites_accompagnement = Column(Text)  # |-joined current labels
    publics_accueillis = Column(Text)  # 1.0 field, raw |-joined
    publics_specifiquement_adresses = Column(Text)  # |-joined
    prise_en_charge_specifique = Column(Text)  # |-joined
    dispositif_programmes_nationaux = Column(Text)  # |-joined (labels nationaux)
    autres_formations_labels = Column(Text)  # |-joined (labels autres: APTIC, ZRR…)
    accessibilite = Column(Text)
    presentation_resume = Column(Text)
    presentation_detail = Column(Text)
    itinerance = Column(String(20))  # "Fixe" | "Itinérant"
    structure_parente = Column(String(300))
    source = Column(String(200))  # |-joined sources that contributed
    date_maj = Column(Date)  # None when missing or a placeholder (1969-12-31…)

    mobile_service_id = Column(Integer, ForeignKey("mobile_service.id"))
    mobile_service = relationship("MobileService", back_populates="stops")
    records = relationship("PlaceSource", back_populates="place", cascade="all, delete-orphan")
    provenance = relationship(
        "FieldProvenance", back_populates="place", cascade="all, delete-orphan"
    )
    permanences = relationship("Permanence", back_populates="place", cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_place_lat_lon", "latitude", "longitude"),
        # Covering index of the search: box = a few bands × a longitude range.
        Index(
            "ix_place_search",
            "lat_band",
            "longitude",
            "latitude",
            "services_mask",
            "mobile_service_id",
        ),
        # Rare needs: every place offering them, through ``services_mask IN (...)``.
        Index("ix_place_services", "services_mask", "latitude", "longitude"),
        Index("ix_place_code_insee", "code_insee"),
        Index("ix_place_departement", "departement"),
        Index("ix_place_code_postal", "code_postal"),
    )


def telephone_joignable(telephone: str | None) -> bool:
    """The value of ``Place.telephone_joignable`` for ``telephone``: the one phone rule."""
    return phones.dialable(telephone) is not None


def _lat_band_default(context) -> int | None:
    return lat_band(context.get_current_parameters().get("latitude"))


def _joignable_default(context) -> bool:
    return telephone_joignable(context.get_current_parameters().get("telephone"))


@event.listens_for(Place, "before_update")
def _keep_derived(_mapper, _connection, target: Place) -> None:
    target.lat_band = lat_band(target.latitude)
    target.telephone_joignable = telephone_joignable(target.telephone)


class PlaceSource(Base):
    """One record of one source, and the place it was merged into."""

    __tablename__ = "place_source"

    id = Column(Integer, primary_key=True)
    source = Column(String(200), nullable=False)
    source_id = Column(String(300), nullable=False)
    place_id = Column(Integer, ForeignKey("place.id", ondelete="CASCADE"), nullable=False)
    file = Column(String(500))
    raw = Column(Text)  # the record as imported (JSON), for audit and re-export
    imported_at = Column(DateTime, nullable=False)
    # The import rules it was last read under (importer.rules.version); NULL: before they were
    # recorded. A record read under other rules is read again by the next import.
    rules = Column(String(32))
    place = relationship("Place", back_populates="records")

    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_place_source"),)


class FieldProvenance(Base):
    """Which record gave a field's current value. Written for places fed by two records or
    more; a place with a single ``PlaceSource`` has no rows: all its fields come from it."""

    __tablename__ = "field_provenance"

    place_id = Column(Integer, ForeignKey("place.id", ondelete="CASCADE"), primary_key=True)
    field = Column(String(64), primary_key=True)
    source = Column(String(200), nullable=False)
    source_id = Column(String(300), nullable=False)
    place = relationship("Place", back_populates="provenance")


class MobileService(Base):
    """A service that moves: a France Services bus, an itinerant desk; its stops are places."""

    __tablename__ = "mobile_service"

    id = Column(Integer, primary_key=True)
    key = Column(String(300), nullable=False, unique=True)  # "source:normalised name"
    nom = Column(String(500), nullable=False)
    kind = Column(String(50), nullable=False)  # "bus" | "itinerant" | "multisite"
    telephone = Column(String(100))
    courriels = Column(Text)
    site_web = Column(Text)
    source = Column(String(200))
    stops = relationship("Place", back_populates="mobile_service")
    permanences = relationship("Permanence", back_populates="mobile_service")


class Mediator(Base):
    """A person who helps: a conseiller numérique, an Aidants Connect habilitated professional."""

    __tablename__ = "mediator"

    id = Column(Integer, primary_key=True)
    key = Column(String(300), nullable=False, unique=True)
    nom = Column(String(300))  # may be only a first name or a role, for privacy
    role = Column(String(200))  # "Conseiller numérique", "Aidant habilité"…
    labels = Column(Text)  # |-joined: Conseillers numériques, Aidants Connect…
    contact_channel = Column(String(50))  # "telephone" | "courriel" | "rdv" | "sur place"
    telephone = Column(String(100))
    courriel = Column(String(300))
    prise_rdv = Column(Text)
    structure_place_id = Column(Integer, ForeignKey("place.id", ondelete="SET NULL"))
    source = Column(String(200))
    permanences = relationship("Permanence", back_populates="mediator")


class Permanence(Base):
    """A mediator or a mobile service present at a place on a schedule."""

    __tablename__ = "permanence"

    id = Column(Integer, primary_key=True)
    place_id = Column(Integer, ForeignKey("place.id", ondelete="CASCADE"), nullable=False)
    mediator_id = Column(Integer, ForeignKey("mediator.id", ondelete="CASCADE"))
    mobile_service_id = Column(Integer, ForeignKey("mobile_service.id", ondelete="CASCADE"))
    horaires = Column(Text)  # OSM opening_hours of this presence
    note = Column(Text)
    place = relationship("Place", back_populates="permanences")
    mediator = relationship("Mediator", back_populates="permanences")
    mobile_service = relationship("MobileService", back_populates="permanences")


class ImportRun(Base):
    __tablename__ = "import_run"

    id = Column(Integer, primary_key=True)
    started_at = Column(DateTime, nullable=False)
    finished_at = Column(DateTime)
    files = Column(Text)
    created = Column(Integer, default=0)
    updated = Column(Integer, default=0)
    merged = Column(Integer, default=0)
    rejected = Column(Integer, default=0)
    warnings = Column(Integer, default=0)
    rules = Column(String(32))  # the import rules of this run (importer.rules.version)
    reread = Column(Integer, default=0)  # records re-read because the rules had changed


class Correction(Base):
    """A problem reported on a place, its review by a coordinator of the place's territory and,
    once accepted, the field values it changed: the provenance of a local correction."""

    __tablename__ = "correction"

    id = Column(Integer, primary_key=True)
    place_id = Column(Integer, ForeignKey("place.id", ondelete="CASCADE"), nullable=False)
    kind = Column(String(20), nullable=False)  # corrections.KINDS
    # {field: proposed value} as JSON; at acceptance, {field: [value before, value after]}.
    proposed = Column(Text, nullable=False)
    changes = Column(Text)
    comment = Column(Text)  # what the reporter said about the place (never about a person)
    reported_by = Column(String(100), nullable=False)  # a staff account, or "citoyen"
    reported_at = Column(DateTime, nullable=False)
    # pending → accepted | rejected; accepted → conflict when a newer source changed the field
    status = Column(String(20), nullable=False, default="pending")
    reviewed_by = Column(String(100))
    reviewed_at = Column(DateTime)
    review_note = Column(Text)

    __table_args__ = (Index("ix_correction_status", "status", "place_id"),)


class CorrectionLog(Base):
    """Everything a coordinator (or a re-import) did to a correction, in order."""

    __tablename__ = "correction_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False)
    actor = Column(String(100), nullable=False)
    action = Column(String(20), nullable=False)  # report, accept, reject, reapply, conflict…
    correction_id = Column(Integer, ForeignKey("correction.id", ondelete="CASCADE"))
    detail = Column(Text)  # JSON
