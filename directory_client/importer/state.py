"""In-memory state of the places touched by one import run, and the field-merge policy.

Merge policy: list fields are united (a second source adding "Aidants Connect" adds it); a
scalar field is filled when empty, and replaced only when the new record is strictly fresher
(``date_maj``) than the record that gave the current value. ``provenance`` names, per field,
the record that gave the current value (for united lists: the record that first gave it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from directory_client import labels
from directory_client.importer.fields import departement
from directory_client.importer.normalise import Record
from directory_client.models import join_list, split_list, telephone_joignable

LIST_FIELDS = {
    "services",
    "services_origine",
    "typologie",
    "courriels",
    "site_web",
    "frais_a_charge",
    "modalites_acces",
    "modalites_accompagnement",
    "publics_accueillis",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "dispositif_programmes_nationaux",
    "autres_formations_labels",
}
DERIVED = {"services_mask", "departement", "horaires_valides", "source", "telephone_joignable"}

Origin = tuple[str, str, "date | None"]  # (source, source_id, date_maj)


@dataclass(eq=False)  # identity: states are compared and collected by identity
class PlaceState:
    public_id: str
    id: int | None = None
    values: dict | None = None  # None: a place of the database not loaded yet
    provenance: dict[str, Origin] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    dirty: bool = False
    mobile_key: str | None = None
    roles: set[str] = field(default_factory=set)
    provenance_dirty: bool = False
    stop_written: bool = False
    record_count: int = 0  # records (all sources) merged into this place

    @classmethod
    def create(cls, record: Record) -> PlaceState:
        state = cls(public_id=record.public_id, values=dict(record.values))
        origin = (record.source, record.source_id, record.values.get("date_maj"))
        state.provenance = {
            k: origin for k, v in record.values.items() if k not in DERIVED and v not in (None, "")
        }
        state.sources = list(record.sources)
        state.record_count = 1
        return state

    def apply(self, record: Record, same_record: bool = False, unite: bool = False) -> bool:
        """Merge ``record`` into this place; return True when a stored value changed.

        ``same_record``: the record is a new version of one already merged here — the fields it
        gave are replaced (even by an empty value) whatever the dates. ``unite``: its list fields
        are united with the place's instead (the items other records gave them are kept: a
        record read again under new rules, other records of its place not read with it).
        """
        assert self.values is not None
        values = self.values
        origin = (record.source, record.source_id, record.values.get("date_maj"))
        new_date = origin[2]
        changed = False
        for name, value in record.values.items():
            if name in DERIVED:
                continue
            current = values.get(name)
            given = self.provenance.get(name)
            mine = given is not None and given[:2] == origin[:2]
            if same_record and mine and not (unite and name in LIST_FIELDS):
                if current != value:
                    values[name] = value
                    changed = True
                if value in (None, ""):
                    self.provenance.pop(name, None)
                else:
                    self.provenance[name] = origin
                continue
            if value in (None, ""):
                continue
            if current in (None, ""):
                values[name] = value
                self.provenance[name] = origin
                changed = True
            elif name in LIST_FIELDS:
                united = split_list(current)
                added = [item for item in split_list(value) if item not in united]
                if added:
                    values[name] = join_list(united + added)
                    changed = True
            elif (
                current != value
                and new_date
                and (given is None or given[2] is None or new_date > given[2])
            ):
                values[name] = value
                self.provenance[name] = origin
                changed = True
        for src in record.sources:
            if src not in self.sources:
                self.sources.append(src)
                changed = True
        if changed:
            self.provenance_dirty = True
            self.derive(record)
        return changed

    def derive(self, record: Record) -> None:
        """The fields computed from the others (``DERIVED``), after ``record`` was applied."""
        values = self.values
        assert values is not None
        current = split_list(values.get("services"))
        values["services_mask"] = labels.services_mask(current)
        values["departement"] = departement(values.get("code_insee"), values.get("code_postal"))
        values["telephone_joignable"] = telephone_joignable(values.get("telephone"))
        if values.get("horaires") == record.values.get("horaires"):
            values["horaires_valides"] = record.values.get("horaires_valides")
        values["source"] = join_list(self.sources)
