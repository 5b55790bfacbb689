"""The ``Directory`` facade: one object that the assistant, the CLI and the benchmarks use."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from directory_client import db
from directory_client.types import ImportReport, SearchQuery, SearchResponse, SearchResult

EMBEDDED_DATA_DIR = Path(__file__).parent / "data"
EMBEDDED_PLACES = sorted((EMBEDDED_DATA_DIR / "places").glob("*"))


class Directory:
    """The directory of places and mediators, stored in SQLite (default) or PostgreSQL."""

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        self.engine = engine or db.make_engine(url)
        # What opening it upgraded (``upgrade``: columns added since the first release).
        self.upgraded = db.create_schema(self.engine)
        self.Session = db.session_factory(self.engine)

    @classmethod
    def open_existing(cls, url: str | None = None) -> Directory:
        """For readers such as the assistant: a missing SQLite file raises
        ``DirectoryUnavailable`` instead of silently becoming an empty directory."""
        from directory_client.errors import DirectoryUnavailable

        url = db.database_url(url)
        if url.startswith("sqlite:///") and ":memory:" not in url:
            path = Path(url.removeprefix("sqlite:///"))
            if not path.is_file():
                raise DirectoryUnavailable(f"no directory database at {path}")
        return cls(url)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # --- import / export ----------------------------------------------------------------------
    def import_files(self, paths: Iterable[str | Path]) -> ImportReport:
        from directory_client.importer import import_files

        return import_files(self.Session, [Path(p) for p in paths])

    def import_default(self) -> ImportReport:
        return self.import_files(EMBEDDED_PLACES)

    def ensure_loaded(self) -> ImportReport | None:
        """Import the embedded open data into an empty directory (first start); else nothing."""
        if not self.is_empty():
            return None
        return self.import_default()

    def export(self, path: str | Path, fmt: str | None = None) -> int:
        from directory_client.exporter import export

        return export(self.Session, Path(path), fmt)

    # --- queries ------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResponse:
        from directory_client.search import search

        return search(self.Session, query)

    def get_place(self, public_id: str, now: datetime | None = None) -> SearchResult | None:
        from directory_client.search import get_place

        return get_place(self.Session, public_id, now)

    def place_courriels(self, public_id: str) -> tuple[str, ...]:
        """Every e-mail address the standard gives for the place (``courriels``), in order."""
        from sqlalchemy import select

        from directory_client.models import Place, split_list

        with self.Session() as session:
            value = session.execute(
                select(Place.courriels).where(Place.public_id == public_id)
            ).scalar_one_or_none()
        return tuple(split_list(value))

    def place_publics(self, public_id: str) -> tuple[str, ...]:
        """The publics the place declares (the 1.0 ``publics_accueillis``, which says ages:
        "Jeunes (16-26 ans)"; else the standard's ``publics_specifiquement_adresses``), in
        order; () when it declares none."""
        from sqlalchemy import select

        from directory_client.models import Place, split_list

        with self.Session() as session:
            row = session.execute(
                select(Place.publics_accueillis, Place.publics_specifiquement_adresses).where(
                    Place.public_id == public_id
                )
            ).first()
        if row is None:
            return ()
        return tuple(split_list(row[0]) or split_list(row[1]))

    def is_empty(self) -> bool:
        from sqlalchemy import select

        from directory_client.models import Place

        with self.Session() as session:
            return session.execute(select(Place.id).limit(1)).first() is None

    def communes(self) -> list[dict]:
        """Distinct communes found in the directory (for the Locator to complete its gazetteer)."""
        from directory_client.stats import communes

        return communes(self.Session)

    def stats(self) -> dict:
        from directory_client.stats import stats

        return stats(self.Session)

    def close(self) -> None:
        self.engine.dispose()
