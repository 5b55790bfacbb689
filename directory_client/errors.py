"""Named errors of the directory package."""


class DirectoryError(Exception):
    """Base class of every error raised on purpose by ``directory_client``."""


class ImportFormatError(DirectoryError):
    """A file cannot be read at all (unknown format, not JSON, not CSV…)."""


class ExportFormatError(DirectoryError):
    """An unknown export format was asked for."""


class RemoteDirectoryError(DirectoryError):
    """The remote directory API failed (timeout, HTTP error, garbage answer)."""


class GeocoderUnavailable(DirectoryError):
    """The online address geocoder could not be reached in time."""


class DirectoryUnavailable(DirectoryError):
    """The directory database is not there (e.g. the SQLite file is missing)."""


class TerritoryError(DirectoryError):
    """A territory cannot be resolved (unknown commune, département or région code; an unreadable
    list of communes or fragility file)."""


class DemandError(DirectoryError):
    """An orientation cannot be recorded as given (a need that is not a key, an unknown outcome,
    an invalid aggregation): refused rather than stored, so that no free text is ever kept."""


class CorrectionError(DirectoryError):
    """A correction cannot be reported or reviewed as asked (unknown place, field or value)."""


class OutOfScope(CorrectionError):
    """A coordinator acted on a place outside the territory their account is scoped to."""
