"""The version of the import rules: what a source record becomes in the directory.

A record whose source text is unchanged is skipped by a re-import (the import of 6,555 records
then takes seconds). A new or changed rule — a position repair, a vocabulary, a typology read —
would then reach only a directory imported from empty. So each record stored remembers the
rules it was read under (``PlaceSource.rules``, and each run its own: ``ImportRun.rules``), and a
record read under other rules is read again, even with its text unchanged (the report's
« N records re-read under new import rules »).

The version is a fingerprint of the files that make the rules (``RULE_FILES``): the importer's
code, the modules it reads records with, and the reference data it checks them against
(communes, town halls). Any change to them re-reads every record once, at the next import: a
change that alters nothing costs that one slower import, a forgotten version number would cost a
directory that never gets the new rule. Nothing to bump by hand.

Run as a script (``python3 directory_client/importer/rules.py``, no package imported) it prints
``RULE_FILES``, one a line: the Makefile's ``directory`` target depends on them.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # directory_client/
# The modules of directory_client that the importer reads records with (a test holds this list
# to what importing the importer loads), and the reference data they read.
RULE_MODULES = (
    "departements.py",
    "french_dates.py",
    "gazetteer.py",
    "geo.py",
    "hours_french.py",
    "labels.py",
    "models.py",
    "phones.py",
    "text.py",
    "usual_names.py",
)
RULE_DATA = ("data/communes-france.csv", "data/town-halls.csv", "data/chefs-lieux.csv")


def rule_files() -> tuple[Path, ...]:
    """Every file whose content makes the import rules, in a stable order."""
    importer = sorted((PACKAGE / "importer").glob("*.py"))
    named = [PACKAGE / name for name in (*RULE_MODULES, *RULE_DATA)]
    return (*importer, *named)


@lru_cache(maxsize=1)
def version() -> str:
    """The fingerprint of ``rule_files()``: 16 hex digits, the same on every machine for the
    same files (their path inside the package and their bytes)."""
    digest = hashlib.sha256()
    for path in rule_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


if __name__ == "__main__":
    root = PACKAGE.parent
    for rule_file in rule_files():
        print(rule_file.relative_to(root).as_posix())
