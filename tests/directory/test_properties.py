"""Property-based tests (Hypothesis) of the Locator and the importer, and the directory files that
must be reported, not crash: wrong types, missing fields, out-of-range coordinates, invalid dates,
broken opening_hours, duplicate ids, a 50 MB file.
"""

from __future__ import annotations

import json
import logging
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from directory_client import Directory
from directory_client.gazetteer import load as load_gazetteer
from directory_client.locator import MAX_CANDIDATES, Locator
from tests.conftest import table_dump

KINDS = {"commune", "arrondissement", "departement", "point", "adresse"}
QUICK = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow,
                                        HealthCheck.function_scoped_fixture])  # fmt: skip


@pytest.fixture(scope="module")
def locator() -> Locator:
    return Locator()


class _Failures(logging.Handler):
    """Records the Locator's own "locate failed" errors: never raising is not enough, the
    pipeline must not have crashed behind its safety net either."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _check(result, text) -> None:
    assert result.status in ("found", "ambiguous", "unknown"), result
    assert isinstance(result.query, str)
    assert len(result.candidates) <= MAX_CANDIDATES
    if result.status == "unknown":
        assert result.candidates == () and result.best is None
    else:
        assert result.best is result.candidates[0]
    if result.status == "ambiguous":
        assert len(result.candidates) >= 2, result
    for c in result.candidates:
        assert c.kind in KINDS and isinstance(c.label, str) and c.label
        assert (c.lat is None) == (c.lon is None)
        if c.lat is not None:
            assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180


place_words = st.sampled_from(["Roubaix", "saint etienne", "59100", "Paris 11e", "Nord", "75",
                               "2A", "20200", "à côté de Lyon", "48.85, 2.35", "près de",
                               "j'habite", "Valence", '{"latitude": 91}', "-", "'",
                               "  "])  # fmt: skip
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(place_words, st.text(max_size=12)), max_size=12).map(" ".join),
    st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Mn", "So"]), max_size=50),
)


@QUICK
@given(text=texts)
@example(text="")
@example(text="\x00" * 10)
@example(text="9" * 5000)
@example(text="{" * 200 + '"lat": 1e309, "lon": nan')
@example(text="‮lille‬")
def test_locator_never_raises_and_results_stay_consistent(locator, text):
    failures = _Failures()
    logger = logging.getLogger("directory_client.locator")
    logger.addHandler(failures)
    try:
        started = time.monotonic()
        result = locator.locate(text)
        assert time.monotonic() - started < 5, "too slow"
    finally:
        logger.removeHandler(failures)
    _check(result, text)
    assert not failures.records, [r.getMessage() for r in failures.records]


@QUICK
@given(value=st.one_of(st.none(), st.integers(), st.floats(), st.binary(), st.lists(st.text()),
                       st.dictionaries(st.text(), st.text())))  # fmt: skip
def test_locator_non_text_input(locator, value):
    _check(locator.locate(value), value)


POSTCODES = sorted(load_gazetteer().by_postcode)


@QUICK
@given(
    postcode=st.sampled_from(POSTCODES),
    noise=st.sampled_from(["{}", " {} ", "cp {}", "J'habite au {}", "{}."]),
)
def test_postcodes_round_trip(locator, postcode, noise):
    """A known postcode typed alone (or in a short sentence) gives places with that postcode."""
    result = locator.locate(noise.format(postcode))
    assert result.status in ("found", "ambiguous"), (postcode, result)
    assert postcode in {c.code_postal for c in result.candidates}, (postcode, result.candidates)
    assert result.best.code_postal == postcode
    # And the place found, typed back with its postcode, is the same place.
    again = locator.locate(f"{result.best.commune} {postcode}")
    assert again.status in ("found", "ambiguous")
    assert result.best.code_insee in {c.code_insee for c in again.candidates}


# --- the importer ------------------------------------------------------------------------------
def _record(i: int, **fields) -> dict:
    record = {"id": f"r{i}", "nom": f"Lieu {i}", "commune": "Lyon", "code_postal": "69001",
              "adresse": f"{i} rue de la République", "latitude": 45.76, "longitude": 4.835,
              "services": "Aide aux démarches administratives", "source": "Essai",
              "date_maj": "2023-05-01"}  # fmt: skip
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                 st.text(max_size=30), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))  # fmt: skip
FIELDS = ["id", "nom", "commune", "code_postal", "adresse", "latitude", "longitude", "services",
          "date_maj", "horaires", "telephone", "courriels", "site_web", "typologie"]  # fmt: skip
rows = st.lists(
    st.one_of(
        st.builds(
            lambda i, over: _record(i, **over),
            st.integers(0, 30),
            st.dictionaries(st.sampled_from(FIELDS), junk, max_size=4),
        ),  # fmt: skip
        junk,
    ),
    max_size=25,
)


def _fresh(tmp_path_factory) -> Directory:
    path = tmp_path_factory.mktemp("prop") / "d.sqlite3"
    return Directory(f"sqlite:///{path}")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(records=rows)
def test_every_unusable_record_is_in_the_report_and_nothing_half_written(tmp_path_factory,
                                                                        records):  # fmt: skip
    from sqlalchemy import func, select

    from directory_client.models import Place

    directory = _fresh(tmp_path_factory)
    try:
        path = tmp_path_factory.mktemp("f") / "random.json"
        path.write_text(json.dumps(records, ensure_ascii=False, default=str), encoding="utf-8")
        report = directory.import_files([path])
        assert report.read == len(records)
        rejected = {p.record for p in report.problems if p.severity == "rejected"}
        assert report.rejected == len([p for p in report.problems if p.severity == "rejected"])
        with directory.Session() as s:
            stored = s.execute(select(func.count()).select_from(Place)).scalar_one()
        # Every record is accounted for: stored (created or merged) or rejected with a reason.
        assert report.created + report.merged + report.updated + report.unchanged \
            + report.rejected == len(records), report  # fmt: skip
        assert stored == report.created
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                assert f"#{index}" in rejected, (index, record, report.problems)
        for problem in report.problems:
            assert problem.reason and problem.file == "random.json"
    finally:
        directory.close()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(records=rows, broken=st.sampled_from(["{not json", "[1, 2", "", "\x00\xff"]))
def test_an_unreadable_file_changes_nothing(tmp_path_factory, records, broken):
    from directory_client import ImportFormatError

    directory = _fresh(tmp_path_factory)
    try:
        folder = tmp_path_factory.mktemp("f")
        first = folder / "first.json"
        first.write_text(json.dumps([_record(1)]), encoding="utf-8")
        directory.import_files([first])
        before = table_dump(directory)
        good = folder / "good.json"
        good.write_text(json.dumps(records, default=str), encoding="utf-8")
        bad = folder / "bad.json"
        bad.write_text(broken, encoding="utf-8", errors="surrogateescape")
        with pytest.raises(ImportFormatError):
            directory.import_files([good, bad])
        assert table_dump(directory) == before
    finally:
        directory.close()


def _problems(report, record: str) -> list[tuple[str | None, str]]:
    return [(p.field, p.severity) for p in report.problems if p.record == record]


def test_each_kind_of_bad_field_is_named(tmp_path):
    records = [
        _record(1),
        _record(2, nom={"fr": "Lieu"}),               # wrong type
        _record(3, adresse=None),                     # missing field
        _record(4, latitude=-95.0, longitude=400.0),  # out of range
        _record(5, latitude="quarante-cinq"),         # not a number
        _record(6, date_maj="31/02/2023"),            # invalid date
        _record(7, date_maj="2023-02-30"),
        _record(8, horaires="Mo-Fr 25:00-99:00"),     # broken opening_hours
        _record(9, horaires="tous les jours sauf quand il pleut"),
        _record(1, nom="Doublon"),                    # duplicate id
        _record(10, services=42),
        {"id": None, "nom": "sans id"},
    ]  # fmt: skip
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    directory = Directory(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    try:
        report = directory.import_files([path])
    finally:
        directory.close()
    assert ("nom", "rejected") in _problems(report, "r2")
    assert ("adresse", "rejected") in _problems(report, "r3")
    assert any(f in ("latitude", "longitude") for f, _ in _problems(report, "r4"))
    assert ("latitude", "warning") in _problems(report, "r5")
    assert ("date_maj", "warning") in _problems(report, "r6")
    assert ("date_maj", "warning") in _problems(report, "r7")
    assert ("horaires", "warning") in _problems(report, "r8")
    assert ("horaires", "warning") in _problems(report, "r9")
    duplicate = [p for p in report.problems if p.record == "r1"]
    assert len(duplicate) == 1 and "#0" in duplicate[0].reason
    assert _problems(report, "r10"), report.problems
    assert ("id", "rejected") in _problems(report, "#11")
    assert report.rejected == 4  # r2, r3, the duplicate r1, #11: the rest is kept, with warnings


def test_a_50_mb_file_is_imported_with_its_problems_reported(tmp_path):
    """A 50 MB standard JSON file: every 500th record broken in a different way; the import
    finishes and names each broken record (its speed: bench/import_speed.py, not a timed test)."""
    path = tmp_path / "big.json"
    filler = "Accompagnement aux démarches en ligne, ateliers collectifs et permanences. " * 120
    broken_kinds = [{"latitude": 123.0}, {"date_maj": "2021-13-45"}, {"adresse": None},
                    {"horaires": "Mo-Fr 25:00-99:00"}, {"nom": ["a"]}]  # fmt: skip
    expected: dict[str, dict] = {}
    size, i = 0, 0
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        while size < 50 * 1024 * 1024:
            over = {"description": filler}
            if i % 500 == 499:
                over.update(broken_kinds[(i // 500) % len(broken_kinds)])
                expected[f"r{i}"] = over
            chunk = ("," if i else "") + json.dumps(_record(i, **over), ensure_ascii=False)
            out.write(chunk)
            size += len(chunk.encode())
            i += 1
        out.write("]")
    assert path.stat().st_size >= 50 * 1024 * 1024
    directory = Directory(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    started = time.monotonic()
    try:
        report = directory.import_files([path])
    finally:
        directory.close()
    elapsed = time.monotonic() - started
    assert report.read == i
    named = {p.record for p in report.problems}
    assert set(expected) <= named, sorted(set(expected) - named)[:10]
    assert report.rejected == sum(1 for o in expected.values() if "adresse" in o or "nom" in o)
    print(f"50 MB: {i} records in {elapsed:.1f} s")
