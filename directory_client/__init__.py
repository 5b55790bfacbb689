"""Directory of places and mediators of digital inclusion, on the French national standard.

Public API: ``Directory`` (import, export, search, stats), ``Locator`` (free text → location),
``RemoteDirectory`` (the same search over HTTP, with a local fallback) and the value types of
``directory_client.types``.
"""

from directory_client.directory import Directory
from directory_client.errors import (
    DirectoryError,
    ExportFormatError,
    GeocoderUnavailable,
    ImportFormatError,
    RemoteDirectoryError,
)

__all__ = [
    "Directory",
    "DirectoryError",
    "ExportFormatError",
    "GeocoderUnavailable",
    "ImportFormatError",
    "Locator",
    "RemoteDirectory",
    "RemoteDirectoryError",
]


def __getattr__(name: str):
    # Lazy: importing the package must stay cheap for the action server and the CLI.
    if name == "Locator":
        from directory_client.locator import Locator

        return Locator
    if name == "RemoteDirectory":
        from directory_client.remote import RemoteDirectory

        return RemoteDirectory
    raise AttributeError(name)
