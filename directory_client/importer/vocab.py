"""Lists and labels: split every separator found in real files and map old labels to current ones.

Comma rule (2022 conseillers-numériques export): a value is first split on ``|`` and ``;``. A
piece that is not a known label is then split on ``", "`` *only at boundaries between known
labels*: the pieces are re-joined greedily so that each joined run is a known label. A run that
never becomes a known label is kept whole (commas included) and reported as unknown, so a label
that really contains a comma is never cut into meaningless halves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps

from directory_client import labels
from directory_client.labels import fold

_SEPARATORS = re.compile(r"\s*[|;]\s*")

_DISPOSITIFS = {fold(d): d for d in labels.DISPOSITIFS}
_DISPOSITIFS.update({fold(k): v for k, v in labels.DISPOSITIFS_ALIASES.items()})
_PUBLICS = {fold(k): v for k, v in labels.PUBLICS_V1_TO_CURRENT.items()}
_PRISE_EN_CHARGE = {fold(k): v for k, v in labels.PRISE_EN_CHARGE_V1_TO_CURRENT.items()}
_PRISE_EN_CHARGE[fold("Public langues étrangères")] = "Langues étrangères (autres)"
_FRAIS = {fold(k): v for k, v in labels.FRAIS_V1_TO_CURRENT.items()}
_MODALITES = {fold(k): v for k, v in labels.MODALITES_V1_TO_CURRENT.items()}
_MODALITES_ACCES = {
    fold(v): v
    for v in (
        "Se présenter",
        "Téléphoner",
        "Contacter par mail",
        "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public",
        "Envoyer un mail avec une fiche de prescription",
    )
}
# conditions_acces long forms that are not fees: kept as "other labels".
_CONDITIONS_AS_LABEL = {fold("Accepte le Pass numérique"): "Pass numérique"}


def _cached(function):
    """Memoise on the raw text: real files repeat the same list values thousands of times.
    Results are tuples of tuples, so a caller cannot alter the cache."""
    cached = lru_cache(maxsize=20_000)(function)

    @wraps(function)
    def wrapper(value: object):
        if value is None or isinstance(value, str):
            return cached(value)
        return function(value)

    return wrapper


def _is_known_service(text: str) -> bool:
    return labels.current_service(text) is not None


def split_list(value: object, is_known: Callable[[str], bool] | None = None) -> list[str]:
    """Split a list field written with ``|``, ``;`` or ``,`` (see module docstring)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [str(v).strip() for v in value]
    else:
        items = _SEPARATORS.split(str(value).strip())
    out: list[str] = []
    for item in items:
        if not item:
            continue
        if ", " not in item or (is_known and is_known(item)):
            out.append(item)
        elif is_known is None:
            out.extend(_split_capitalised(item))
        else:
            out.extend(_split_between_known(item, is_known))
    return out


def _split_between_known(item: str, is_known: Callable[[str], bool]) -> list[str]:
    parts = item.split(", ")
    result: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start, -1):  # longest known run first
            run = ", ".join(parts[start:end])
            if is_known(run):
                result.append(run)
                start = end
                break
        else:
            # No known label starts here: keep the rest whole rather than cut it blindly.
            result.append(", ".join(parts[start:]))
            break
    return result


def _split_capitalised(item: str) -> list[str]:
    """Free labels (labels_autres): split on ", " only when every piece starts with a capital."""
    parts = item.split(", ")
    if all(p[:1].isupper() for p in parts):
        return parts
    return [item]


def leading(label: str) -> str:
    """The leading words of a 1.0 long label ("Gratuit : Je peux accéder…" → "Gratuit")."""
    return label.split(" : ", 1)[0].strip()


@_cached
def services(value: object) -> tuple[tuple[str, ...], ...]:
    """→ (current labels, original labels, unknown labels)."""
    original = split_list(value, _is_known_service)
    current: list[str] = []
    unknown: list[str] = []
    for label in original:
        new = labels.current_service(label)
        if new is None:
            unknown.append(label)
        elif new not in current:
            current.append(new)
    return tuple(current), tuple(original), tuple(unknown)


def _map(items: list[str], table: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    known: list[str] = []
    unknown: list[str] = []
    for item in items:
        new = table.get(fold(leading(item))) or table.get(fold(item))
        if new is None:
            unknown.append(item)
        elif new not in known:
            known.append(new)
    return tuple(known), tuple(unknown)


@_cached
def dispositifs(value: object) -> tuple[tuple[str, ...], ...]:
    """→ (national programmes, other labels). Unknown programmes become other labels."""
    return _map(split_list(value, lambda s: fold(s) in _DISPOSITIFS), _DISPOSITIFS)


@_cached
def autres_labels(value: object) -> tuple[str, ...]:
    return tuple(split_list(value))


@_cached
def publics_accueillis(value: object) -> tuple[tuple[str, ...], ...]:
    """1.0 ``publics_accueillis`` → (publics, prises en charge, not mapped)."""
    items = split_list(value)
    publics, rest = _map(items, _PUBLICS)
    prises, rest = _map(list(rest), _PRISE_EN_CHARGE)
    return publics, prises, rest


@_cached
def publics(value: object) -> tuple[tuple[str, ...], ...]:
    return _map(split_list(value), _PUBLICS)


@_cached
def prise_en_charge(value: object) -> tuple[tuple[str, ...], ...]:
    return _map(split_list(value), _PRISE_EN_CHARGE)


@_cached
def frais(value: object) -> tuple[tuple[str, ...], ...]:
    """``frais_a_charge`` / ``conditions_acces`` → (fees, other labels, unknown)."""
    items = split_list(value)
    fees, rest = _map(items, _FRAIS)
    extra, unknown = _map(list(rest), _CONDITIONS_AS_LABEL)
    return fees, extra, unknown


@_cached
def modalites_accompagnement(value: object) -> tuple[tuple[str, ...], ...]:
    return _map(split_list(value), _MODALITES)


@_cached
def modalites_acces(value: object) -> tuple[tuple[str, ...], ...]:
    return _map(split_list(value), _MODALITES_ACCES)
