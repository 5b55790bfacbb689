"""Readers: detect a file's format from its content and yield its raw records.

Formats: ``standard-json`` (a list of objects, or ``{"data"|"lieux"|"records": [...]}``),
``standard-csv`` (the standard's field names as columns; ``,`` ``;`` or tab separated) and
``france-services-csv`` (the official ANCT list, recognised by its ``id_fs``/``lib_fs`` columns).
A file that is none of these raises ``ImportFormatError``: the whole import is then rolled back,
because importing half of what the caller asked for would be a silent loss.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from directory_client.errors import ImportFormatError

FS_COLUMNS = {"id_fs", "lib_fs", "lib_com", "code_postal"}
STANDARD_COLUMNS = {"id", "nom"}


@dataclass
class RawFile:
    path: Path
    fmt: str
    records: list[object]  # dicts normally; anything else is rejected by the normaliser


def read_file(path: Path) -> RawFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(f"{path}: fichier illisible ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="strict") if _is_cp1252(data) else None
        if text is None:
            raise ImportFormatError(
                f"{path}: encodage inconnu (ni UTF-8 ni Windows-1252)"
            ) from None
    head = text.lstrip()[:1]
    if head in ("[", "{"):
        return RawFile(path, "standard-json", _json_records(path, text))
    if not head:
        raise ImportFormatError(f"{path}: fichier vide")
    return _csv_file(path, text)


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _json_records(path: Path, text: str) -> list[object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"{path}: JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({exc.msg})"
        ) from exc
    if isinstance(data, dict):
        for key in ("data", "lieux", "records", "items"):
            if isinstance(data.get(key), list):
                return data[key]
        if data.keys() >= STANDARD_COLUMNS:
            return [data]
        raise ImportFormatError(f"{path}: objet JSON sans liste de lieux")
    if not isinstance(data, list):
        raise ImportFormatError(f"{path}: le JSON doit être une liste d'objets")
    return data


def _csv_file(path: Path, text: str) -> RawFile:
    first_line = text.lstrip().splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:  # reading the header can fail too (a NUL byte: "line contains NUL")
        columns = {(c or "").strip() for c in (reader.fieldnames or [])}
    except csv.Error as exc:
        raise ImportFormatError(f"{path}: CSV illisible ({exc})") from exc
    if columns >= FS_COLUMNS:
        fmt = "france-services-csv"
    elif columns >= STANDARD_COLUMNS:
        fmt = "standard-csv"
    else:
        raise ImportFormatError(
            f"{path}: format non reconnu (colonnes {sorted(columns)[:8]}…): ni le standard "
            "(id, nom…) ni la liste France Services (id_fs, lib_fs…)"
        )
    try:
        records: list[object] = [
            {("_extra_values" if k is None else k.strip()): v for k, v in row.items()}
            for row in reader
        ]
    except csv.Error as exc:
        raise ImportFormatError(f"{path}: CSV illisible ({exc})") from exc
    return RawFile(path, fmt, records)
