"""The places' answers week by week (bot/referrals/weekly.py): ISO weeks in Paris time, small
counts hidden, and totals that never let a hidden count be worked out by subtracting. On real
SQLite and PostgreSQL, through the counters the referral service writes (outcomes.count)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.referrals import outcomes
from bot.referrals.__main__ import main
from bot.referrals.models import OutcomeCount, Referral, open_engine
from bot.referrals.weekly import HIDDEN, REFUSED, Cell, mondays, table, weekly

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
        ("2026-W10", CAP): 6, ("2026-W10", FERME): 3,  # 3: hidden
        ("2026-W11", CAP): 5, ("2026-W11", "refusee:hors_champ"): 2,
        ("2026-W11", "refusee:public"): 3,  # 2 + 3 hidden, 5 together
        ("2026-W10", "acceptee"): 4, ("2026-W11", "acceptee"): 4,  # each hidden, 8 together
    })  # fmt: skip
    assert found.cells[CAP] == [Cell(6), Cell(5)]
    assert found.cells[FERME] == [HIDDEN, HIDDEN]
    # Week 10: 9 refusals, 6 shown: the 3 left would show → "at least 6".
    # Week 11: 10 refusals, 5 shown: the 5 left are a group of 5 → exact.
    assert found.cells[REFUSED] == [Cell(6, at_least=True), Cell(10)]
    assert found.totals[CAP] == Cell(11)
    assert found.totals[FERME] == HIDDEN  # 3 over both weeks
    assert found.totals["refusee:public"] == HIDDEN
    assert found.totals["acceptee"] == Cell(8)  # no week shown: 8 hides nothing
    # 19 refusals: 16 shown per week (6 + 10) and 11 per reason: 3 and 8 left → at least 16.
    assert found.totals[REFUSED] == Cell(16, at_least=True)
    assert found.totals["sans_reponse"] == HIDDEN and found.hides and not found.empty


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
    assert found.cells[REFUSED][-3:-1] == [Cell(6), Cell(5, at_least=True)]  # 9: 4 unseen
    both = weekly(engine, TODAY, departements=["16", "17"])
    assert both.cells[CAP][-2] == Cell(12)
    one_place = weekly(engine, TODAY, departements=["16", "17"], place_ids=["lieu-b"])
    assert one_place.totals[CAP] == Cell(7) and one_place.cells[CAP][-3] == HIDDEN
    assert weekly(engine, TODAY, departements=["33"]).empty


def test_command_line_counts_per_week(engine, capsys):
    _count(engine, _utc(2026, 3, 2, 10), CAP, 6)
    _count(engine, _utc(2026, 3, 8, 23, 30), CAP, 5)
    _count(engine, _utc(2026, 3, 9, 10), "acceptee", 4)  # under 5: not printed
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--url", url, "outcomes", "--by", "week,outcome"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"2026-W10\t{CAP}\t6",
        f"2026-W11\t{CAP}\t5",
    ]
    main(["--url", url, "outcomes", "--by", "week,outcome", "--since", "2026-03-09"])
    assert capsys.readouterr().out.splitlines() == [f"2026-W11\t{CAP}\t5"]
