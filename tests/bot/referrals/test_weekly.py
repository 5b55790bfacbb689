"""The places' answers week by week (bot/referrals/weekly.py): ISO weeks in Paris time, small
counts hidden, and totals that never let a hidden count be worked out by subtracting. On real
SQLite and PostgreSQL, through the counters the referral service writes (outcomes.count)."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.referrals import outcomes
from bot.referrals.__main__ import main
from bot.referrals.disclosure import HIDDEN, Cell
from bot.referrals.models import OutcomeCount, Referral, open_engine
from bot.referrals.weekly import NOT_HELPED, PER_PLACE, ROWS, mondays, table, weekly

TODAY = date(2026, 3, 18)  # a Wednesday, ISO week 12 of 2026
CAP, FERME = "refusee:capacite", "refusee:ferme"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'referrals.sqlite3'}"
    else:
        request.applymarker(pytest.mark.postgres)
        url = request.getfixturevalue("postgres_url")
    engine = open_engine(url)
    with Session(engine) as session, session.begin():
        session.execute(delete(OutcomeCount))  # the PostgreSQL server lives for the session
    yield engine
    engine.dispose()


def _count(engine, when: datetime, outcome: str, n: int, departement: str = "16",
           place: str = "lieu-a") -> None:  # fmt: skip
    referral = Referral(need="demarches", place_id=place, departement=departement,
                        created_at=when)  # fmt: skip
    with Session(engine) as session, session.begin():
        for _ in range(n):
            outcomes.count(session, referral, outcome)


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_the_twelve_weeks_end_with_the_current_one():
    weeks = mondays(TODAY)
    assert len(weeks) == 12 and weeks[-1] == date(2026, 3, 16) and weeks[0] == date(2025, 12, 29)
    assert [outcomes.iso_week(w) for w in (weeks[0], weeks[-1])] == ["2026-W01", "2026-W12"]
    assert outcomes.iso_week(date(2027, 1, 1)) == "2026-W53"  # ISO years, not calendar ones


def test_small_cells_are_hidden_and_totals_never_give_them_away():
    weeks = [date(2026, 3, 2), date(2026, 3, 9)]
    found = table(weeks, {
        ("2026-W10", "a", CAP): 6, ("2026-W10", "a", FERME): 3,  # 3: hidden
        ("2026-W11", "a", CAP): 5, ("2026-W11", "a", "refusee:hors_champ"): 2,
        ("2026-W11", "a", "refusee:public"): 3,  # 2 + 3 hidden, 5 together
        ("2026-W10", "a", "acceptee"): 4, ("2026-W11", "a", "acceptee"): 4,  # 8 together
        ("2026-W10", "a", "sans_reponse"): 6, ("2026-W11", "a", "sans_reponse"): 2,
        ("2026-W10", "a", NOT_HELPED): 6, ("2026-W11", "b", NOT_HELPED): 3,  # per place
    })  # fmt: skip
    assert found.cells[CAP] == [Cell(6), Cell(5)]
    assert found.cells[FERME] == [HIDDEN, HIDDEN]
    assert found.totals[CAP] == Cell(11)
    assert found.totals[FERME] == HIDDEN  # 3 over both weeks
    assert found.totals["refusee:public"] == HIDDEN
    assert found.totals["acceptee"] == Cell(8)  # no week shown: 8 hides nothing
    # 8 unanswered would give week 11's 2 (8 - 6): "at least 6"; the same per place.
    assert found.cells["sans_reponse"] == [Cell(6), HIDDEN]
    assert found.totals["sans_reponse"] == Cell(6, at_least=True)
    assert found.cells[NOT_HELPED] == [Cell(6), HIDDEN]  # a row of the weeks like the others
    assert found.totals[NOT_HELPED] == Cell(6, at_least=True)
    assert found.per_place == {("a", CAP): 11, ("a", NOT_HELPED): 6}
    assert found.hides and not found.empty


def test_weeks_in_paris_time_for_the_departements_asked(engine):
    _count(engine, _utc(2026, 3, 2, 10), CAP, 6)  # Monday of week 10
    _count(engine, _utc(2026, 3, 8, 23, 30), CAP, 5)  # Monday 9 March, 00:30 in Paris: week 11
    _count(engine, _utc(2026, 3, 10, 9), FERME, 4)
    _count(engine, _utc(2025, 12, 28, 9), CAP, 9)  # Sunday before the first week: left out
    _count(engine, _utc(2026, 3, 10, 9), CAP, 7, departement="17", place="lieu-b")
    found = weekly(engine, TODAY, departements=["16"])
    assert found.cells[CAP][-4:] == [HIDDEN, Cell(6), Cell(5), HIDDEN]
    assert found.cells[FERME][-2] == HIDDEN
    assert found.totals[CAP] == Cell(11)
    both = weekly(engine, TODAY, departements=["16", "17"])
    assert both.cells[CAP][-2] == Cell(12)
    one_place = weekly(engine, TODAY, departements=["16", "17"], place_ids=["lieu-b"])
    assert one_place.totals[CAP] == Cell(7) and one_place.cells[CAP][-3] == HIDDEN
    assert weekly(engine, TODAY, departements=["33"]).empty


def test_command_line_counts_per_week(engine, capsys):
    _count(engine, _utc(2026, 3, 2, 10), CAP, 6)
    _count(engine, _utc(2026, 3, 8, 23, 30), CAP, 5)
    _count(engine, _utc(2026, 3, 9, 10), "acceptee", 4)  # under 5: not printed
    _count(engine, _utc(2026, 3, 3, 10), NOT_HELPED, 5)
    _count(engine, _utc(2026, 3, 10, 10), NOT_HELPED, 2)  # under 5: not printed
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--url", url, "outcomes", "--by", "week,outcome"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"2026-W10\t{CAP}\t6",
        f"2026-W10\t{NOT_HELPED}\t5",
        f"2026-W11\t{CAP}\t5",
    ]
    main(["--url", url, "outcomes", "--by", "week,outcome", "--since", "2026-03-09"])
    assert capsys.readouterr().out.splitlines() == [f"2026-W11\t{CAP}\t5"]


def test_a_week_with_few_people_not_helped_stays_hidden_in_every_figure(engine):
    """1 to 4 people not helped in a week: "—", and neither the total over the weeks nor the
    place's total gives it back by subtracting the weeks shown."""
    for few in (1, 2, 3, 4):
        with Session(engine) as session, session.begin():
            session.execute(delete(OutcomeCount))
        _count(engine, _utc(2026, 3, 2, 10), NOT_HELPED, 7)  # week 10
        _count(engine, _utc(2026, 3, 9, 10), NOT_HELPED, few)  # week 11
        _count(engine, _utc(2026, 3, 16, 10), NOT_HELPED, 6)  # week 12
        _count(engine, _utc(2026, 3, 9, 10), "aide:oui", 9)  # helped: not in the table
        found = weekly(engine, TODAY, departements=["16"])
        assert found.cells[NOT_HELPED][-3:] == [Cell(7), HIDDEN, Cell(6)], few
        assert found.totals[NOT_HELPED] == Cell(13, at_least=True), few  # not 13 + few
        assert ("lieu-a", NOT_HELPED) not in found.per_place, few  # 13 + few, the same leak
        assert found.hides and not found.empty
    _count(engine, _utc(2026, 3, 9, 10), NOT_HELPED, 5 - few)  # week 11 reaches 5: all shown
    found = weekly(engine, TODAY, departements=["16"])
    assert found.cells[NOT_HELPED][-3:] == [Cell(7), Cell(5), Cell(6)]
    assert found.totals[NOT_HELPED] == Cell(18) and found.per_place[("lieu-a", NOT_HELPED)] == 18


def test_command_line_prints_the_pages_table(engine, capsys):
    """``weekly``: the same figures as the page, not helped included, hidden the same way."""
    _count(engine, _utc(2026, 3, 2, 10), CAP, 6)
    _count(engine, _utc(2026, 3, 3, 10), NOT_HELPED, 7)  # week 10
    _count(engine, _utc(2026, 3, 10, 10), NOT_HELPED, 3)  # week 11: hidden, total "≥ 7"
    _count(engine, _utc(2026, 3, 10, 10), CAP, 8, departement="17", place="lieu-b")
    url = engine.url.render_as_string(hide_password=False)
    args = ["--url", url, "weekly", "--today", "2026-03-18"]
    assert main([*args, "--departement", "16"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == ["reponse", *(f"2026-W{w:02d}" for w in range(1, 13)), "total"]
    rows = {line[0]: line[-4:] for line in lines[1:]}
    assert list(rows) == list(ROWS)
    assert rows[NOT_HELPED] == ["7", "—", "—", "≥ 7"]
    assert rows[CAP] == ["6", "—", "—", "6"]  # Charente-Maritime's 8 left out
    assert rows["acceptee"] == ["—"] * 4
    main([*args, "--departement", "16", "--departement", "17"])
    rows = {line.split("\t")[0]: line.split("\t")[-4:]
            for line in capsys.readouterr().out.splitlines()}  # fmt: skip
    assert rows[CAP] == ["6", "8", "—", "14"]
    main(args)  # every département
    assert capsys.readouterr().out.splitlines()[2].split("\t")[-4:] == ["6", "8", "—", "14"]


def test_a_place_alone_does_not_give_its_hidden_week_away():
    weeks = mondays(TODAY, 3)
    found = table(weeks, {
        ("2026-W10", "bus", CAP): 6, ("2026-W11", "bus", CAP): 8,
        ("2026-W12", "bus", CAP): 2,  # hidden: the bus's 16 over the weeks would give it away
    })  # fmt: skip
    assert found.cells[CAP] == [Cell(6), Cell(8), HIDDEN]
    assert found.totals[CAP] == Cell(14, at_least=True) and found.per_place == {}
    two = table(weeks, {("2026-W10", "bus", CAP): 6, ("2026-W11", "mairie", CAP): 8})
    assert two.per_place == {("bus", CAP): 6, ("mairie", CAP): 8} and two.totals[CAP] == Cell(14)


def test_no_hidden_count_under_five_can_be_solved_from_what_is_shown():
    """Random tables of small counts: whatever is shown exactly (cells, totals, places), no
    hidden figure with a true value from 1 to 4 is determined by those equalities (linear
    algebra over the counts per week × place × answer, independent of disclosure.py)."""
    numpy = pytest.importorskip("numpy")
    rng = random.Random(7)
    weeks = mondays(TODAY, 4)
    keys = [outcomes.iso_week(w) for w in weeks]
    answers = ["acceptee", CAP, FERME, "refusee:autre", "sans_reponse", NOT_HELPED]
    for _ in range(150):
        places = ["a", "b", "c"][: rng.randint(1, 3)]
        atoms = [(w, p, o) for w in keys for p in places for o in answers]
        counts = {a: rng.choice([0, 0, 0, 1, 2, 3, 4, 5, 6, 8]) for a in atoms}
        found = table(weeks, counts)
        figures = []  # (what it sums, as shown, true value)
        for o in ROWS:
            figures.append((_in(atoms, o=o), found.totals[o]))
            for w, cell in zip(keys, found.cells[o], strict=True):
                figures.append((_in(atoms, w=w, o=o), cell))
        for p in places:
            for o in PER_PLACE:
                n = found.per_place.get((p, o))
                figures.append((_in(atoms, p=p, o=o), Cell(n) if n else HIDDEN))
        vector = {}
        for sums, _cell in figures:
            vector[sums] = numpy.array([1.0 if a in sums else 0.0 for a in atoms])
        shown = [vector[s] for s, c in figures if c.n is not None and not c.at_least]
        known = numpy.array(shown) if shown else numpy.zeros((0, len(atoms)))
        rank = numpy.linalg.matrix_rank(known) if shown else 0
        for sums, cell in figures:
            true = sum(counts[a] for a in sums)
            if (cell.n is None or cell.at_least) and 0 < true < 5:
                solved = numpy.linalg.matrix_rank(numpy.vstack([known, vector[sums]])) == rank
                assert not solved, (counts, sums, true)


def _in(atoms, w=None, p=None, o=None) -> frozenset:
    """The counts a figure adds up."""
    return frozenset(x for x in atoms if w in (None, x[0]) and p in (None, x[1]) and o == x[2])
