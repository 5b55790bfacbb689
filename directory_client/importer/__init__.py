"""Directory importer: standard JSON/CSV and the France Services list → the storage model.

``import_files(Session, paths)`` runs in one transaction and returns an ``ImportReport``;
see docs/importer.md for the rules (normalisation, merge, mobile services, mediators).
"""

from directory_client.importer.run import import_files

__all__ = ["import_files"]
