"""Territory roles in the console (issue 17): a desk agent reports a problem on a place, the
coordinator of its département reviews it, others read or are refused (and the attempt is
logged), the territory's export carries the change. aiohttp's TestServer on a writable copy of
the real embedded directory, real SQLite for the demand and referral counters."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.referrals import outcomes
from bot.referrals.models import Referral, open_engine
from bot.staff.app import create_staff_app
from bot.staff.config import StaffConfig, StaffConfigError
from bot.staff.counts import DailyCounts
from bot.staff.roles import parse_roles
from bot.staff.security import hash_password
from bot.staff.territory_data import refusals
from directory_client import Locator, labels
from directory_client.corrections import queue
from directory_client.corrections.chat import report_from_chat
from directory_client.corrections.reimport import reimport
from directory_client.corrections.scope import Coordinator
from directory_client.demand import DemandLog
from directory_client.directory import EMBEDDED_DATA_DIR
from directory_client.models import CorrectionLog
from tests.conftest import copy_directory
from tests.staff_support import PASSWORD, TEST_SECRET, FakeDirectory

STOP = "bus-france-services-en-charente:1"  # the Charente bus at Saint-Fraigne (16), Mondays
NEW_HOURS = "Mo 09:00-12:00,14:00-16:30; PH off"
BUS_FILE = EMBEDDED_DATA_DIR / "places" / "2023-10-bus-france-services-charente.json"
ROLES = (
    "claire=coordination:departement:16,marc=coordination:departement:17,nadia=lecture:region:75"
)


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def directory(embedded_directory, tmp_path):
    copy = copy_directory(embedded_directory, tmp_path / "directory.sqlite3")
    yield copy
    copy.close()


def _config() -> StaffConfig:
    hashed = hash_password(PASSWORD, iterations=1000)
    users = {name: hashed for name in ("alice", "claire", "marc", "nadia")}
    base = StaffConfig(secret=TEST_SECRET, users=users, dev=True, cookie_secure=False)
    return replace(base, roles=parse_roles(ROLES, users))


def _app(directory, tmp_path, referrals=None):
    return create_staff_app(
        config=_config(),
        directory=directory,
        locator=Locator(directory=directory),
        counts=DailyCounts(":memory:"),
        demand=DemandLog(f"sqlite:///{tmp_path / 'demand.sqlite3'}"),
        warm_up_on_start=False,
        referrals=referrals,
    )


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


async def _as(app, user: str) -> TestClient:
    client = TestClient(TestServer(app))
    await client.start_server()
    page = await (await client.get("/staff/login")).text()
    response = await client.post(
        "/staff/login",
        data={"csrf": _csrf(page), "username": user, "password": PASSWORD},
        allow_redirects=False,
    )
    assert response.status == 303
    return client


async def _post(client: TestClient, path: str, data: dict, page: str = "/staff/"):
    token = _csrf(await (await client.get(page)).text())
    return await client.post(path, data={"csrf": token, **data}, allow_redirects=False)


def _log(directory) -> list[tuple[str, str]]:
    with directory.Session() as session:
        rows = session.execute(select(CorrectionLog).order_by(CorrectionLog.id)).scalars()
        return [(r.actor, r.action) for r in rows]


def test_roles_configuration():
    hashed = hash_password(PASSWORD, iterations=1000)
    env = {"STAFF_ENV": "dev", "STAFF_USERS": f"claire:{hashed},alice:{hashed}"}
    config = StaffConfig.from_env(env={**env, "STAFF_ROLES": "claire=coordination:departement:16"})
    assert config.roles["claire"].scope == Coordinator("claire", "departement", "16")
    assert config.roles["claire"].can_review and "alice" not in config.roles
    for wrong in (
        "bob=coordination:departement:16",  # not an account
        "claire=chef:departement:16",  # not a role
        "claire=coordination:canton:16",  # not a level
        "claire=lecture:region:99",  # no such région
        "claire=lecture:region:75,claire=coordination:departement:16",  # two roles
    ):
        with pytest.raises(StaffConfigError):
            StaffConfig.from_env(env={**env, "STAFF_ROLES": wrong})


def test_report_on_the_desk_then_review_by_the_departement(directory, tmp_path):
    async def scenario():
        app = _app(directory, tmp_path)
        alice = await _as(app, "alice")
        # The card links to the report form; the form shows today's hours.
        form = await (await alice.get(f"/staff/signaler/{STOP}")).text()
        assert "lun. : 09:30–12:30, 13:30–15:30" in form
        bad = await _post(alice, f"/staff/signaler/{STOP}", {"kind": "hours", "horaires": "9h-12h"})
        assert bad.status == 400 and "Horaires illisibles" in await bad.text()
        sent = await _post(
            alice, f"/staff/signaler/{STOP}",
            {"kind": "hours", "horaires": NEW_HOURS, "comment": "le bus passe plus tôt"},
        )  # fmt: skip
        text = await sent.text()
        assert sent.status == 200 and "Relu par : claire (département 16)" in text
        assert directory.get_place(STOP).opening_hours != NEW_HOURS  # nothing before a review
        # Someone without a role has no territory page and cannot review.
        assert (await alice.get("/staff/territoire")).status == 403
        refused = await _post(alice, "/staff/territoire/corrections/1", {"decision": "accept"})
        assert refused.status == 403

        # Charente-Maritime's coordinator does not see it and cannot accept it (logged).
        marc = await _as(app, "marc")
        page = await (await marc.get("/staff/territoire")).text()
        assert "Charente-Maritime" in page and "Corrections à relire (0)" in page
        out = await _post(marc, "/staff/territoire/corrections/1", {"decision": "accept"})
        assert out.status == 403
        assert ("marc", "refused") in _log(directory)

        # The région's reader sees it, without the buttons.
        nadia = await _as(app, "nadia")
        page = await (await nadia.get("/staff/territoire")).text()
        assert "Corrections à relire (1)" in page and 'value="accept"' not in page
        assert (await _post(nadia, "/staff/territoire/corrections/1", {"decision": "accept"},
                            "/staff/territoire")).status == 403  # fmt: skip

        claire = await _as(app, "claire")
        page = await (await claire.get("/staff/territoire")).text()
        assert "Corrections à relire (1)" in page and "le bus passe plus tôt" in page
        the_map = page[page.index('<svg class="communes"') :].split("</svg>", 1)[0]
        assert the_map.count("<circle ") == 362  # every commune of Charente
        no_note = await _post(claire, "/staff/territoire/corrections/1", {"decision": "reject"},
                              "/staff/territoire")  # fmt: skip
        assert no_note.status == 400
        accept = {"decision": "accept", "note": "vérifié"}
        done = await _post(claire, "/staff/territoire/corrections/1", accept, "/staff/territoire")
        assert done.status == 303 and "fait=accept" in done.headers["Location"]
        assert directory.get_place(STOP).opening_hours == NEW_HOURS  # applied at once
        assert _log(directory)[-1] == ("claire", "accept")
        page = await (await claire.get("/staff/territoire")).text()
        assert "Corrections à relire (0)" in page and "accepté" in page  # the journal

        exported = await claire.get("/staff/territoire/export.csv")
        assert exported.headers["Content-Disposition"].endswith('corrections-departement-16.csv"')
        rows = list(csv.DictReader(io.StringIO(await exported.text())))
        assert [(r["id"], r["horaires"]) for r in rows] == [(STOP, NEW_HOURS)]
        assert rows[0]["source"].endswith("correction locale")
        assert rows[0]["date_maj"] == datetime.now(timezone.utc).date().isoformat()
        elsewhere = await (await marc.get("/staff/territoire/export.csv")).text()
        assert STOP not in elsewhere

        summary = await claire.get(f"/staff/territoire/synthese?service={labels.PARENTALITE}")
        assert "style-src 'sha256-" in summary.headers["Content-Security-Policy"]
        assert "Parentalité" in await summary.text()
        for client in (alice, marc, nadia, claire):
            await client.close()

    run(scenario())


def test_refusals_per_place_hide_groups_under_five(directory, tmp_path):
    engine = open_engine(f"sqlite:///{tmp_path / 'referrals.sqlite3'}")
    from sqlalchemy.orm import Session

    def referral(place: str) -> Referral:
        return Referral(need="demarches", place_id=place, departement="16",
                        created_at=datetime(2026, 3, 2, 10, tzinfo=timezone.utc))  # fmt: skip

    with Session(engine) as session, session.begin():
        for _ in range(6):
            outcomes.count(session, referral(STOP), "refusee:capacite")
        for _ in range(4):  # under 5: never shown
            outcomes.count(session, referral(STOP), "refusee:ferme")
        for _ in range(5):
            outcomes.count(session, referral(STOP), "aide:non")
        for _ in range(9):
            outcomes.count(session, referral(STOP), "acceptee")  # not a refusal
    found = refusals(engine, directory.Session, Coordinator("claire", "departement", "16"))
    assert {(r["place_id"], r["outcome"], r["n"]) for r in found.per_place} == {
        (STOP, "refusee:capacite", 6),
        (STOP, "aide:non", 5),
    }
    assert {(r["label"], r["n"]) for r in found.total} == {
        ("Refusée : Plus de place pour le moment", 6),
        ("La personne dit ne pas avoir été aidée", 5),
    }
    elsewhere = refusals(engine, directory.Session, Coordinator("marc", "departement", "17"))
    assert elsewhere.per_place == [] and elsewhere.total == []


def test_chat_report_goes_to_the_same_queue(directory):
    closed = report_from_chat(directory, STOP, "closed", comment="fermé depuis lundi")
    waiting = queue.pending(directory.Session, Coordinator("claire", "departement", "16"))
    assert [(p.id, p.kind, p.reported_by) for p in waiting] == [(closed, "closed", "citoyen")]
    assert report_from_chat(directory, STOP, "hours", "tous les jours") is None  # unreadable
    assert report_from_chat(directory, STOP, "hours", None) is None  # neither hours nor words
    words = report_from_chat(directory, STOP, "hours", None, comment="fermé le lundi en fait")
    hours = report_from_chat(directory, STOP, "hours", NEW_HOURS, comment="les bons horaires")
    waiting = queue.pending(directory.Session, Coordinator("claire", "departement", "16"))
    assert [(p.id, p.kind, p.proposed, p.comment) for p in waiting[1:]] == [
        (words, "hours", {}, "fermé le lundi en fait"),
        (hours, "hours", {"horaires": NEW_HOURS}, "les bons horaires"),
    ]
    assert report_from_chat(directory, "nowhere", "closed") is None
    assert report_from_chat(FakeDirectory(), STOP, "closed") is None  # not a local directory
    assert len(queue.pending(directory.Session, Coordinator("c", "departement", "16"))) == 3


def test_other_kinds_of_report_and_a_conflict_after_reimport(directory, tmp_path):
    stop2 = "bus-france-services-en-charente:2"

    async def scenario():
        app = _app(directory, tmp_path)
        alice = await _as(app, "alice")
        path = f"/staff/signaler/{stop2}"
        bad_phone = await _post(alice, path, {"kind": "phone", "telephone": "abc"})
        assert bad_phone.status == 400 and "Numéro de téléphone illisible" in await bad_phone.text()
        nothing = await _post(alice, path, {"kind": "moved"})
        assert (
            nothing.status == 400 and "Indiquez ce qui est vrai maintenant" in await nothing.text()
        )
        assert (
            await _post(alice, path, {"kind": "phone", "telephone": "05 45 00 00 00"})
        ).status == 200
        assert (await _post(alice, path, {"kind": "closed"})).status == 200
        offered = directory.get_place(stop2).services
        gone = await _post(alice, path, {"kind": "service_removed", "service": offered[0]})
        assert gone.status == 200
        claire = await _as(app, "claire")
        page = await (await claire.get("/staff/territoire")).text()
        assert "Corrections à relire (3)" in page and "fermé définitivement" in page
        for correction in (1, 3):  # the phone, then the service
            accepted = await _post(claire, f"/staff/territoire/corrections/{correction}",
                                   {"decision": "accept"}, "/staff/territoire")  # fmt: skip
            assert accepted.status == 303
        assert offered[0] not in directory.get_place(stop2).services
        assert directory.get_place(stop2).phone == "05 45 00 00 00"

        # The producer's newer file changes that phone: the source's value stays, listed.
        records = json.loads(BUS_FILE.read_text(encoding="utf-8"))
        next(r for r in records if r["id"] == "2")["telephone"] = "+33511111111"
        newer = tmp_path / "newer" / BUS_FILE.name
        newer.parent.mkdir()
        newer.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        reimport(directory, [newer])
        page = await (await claire.get("/staff/territoire")).text()
        section = page[page.index('id="conflits"') :].split("</section>", 1)[0]
        assert "Conflits avec la source (1)" in section
        assert "05 45 00 00 00" in section and "+33511111111" in section
        for client in (alice, claire):
            await client.close()

    run(scenario())


def _article(page: str, correction: int) -> str:
    return page.split(f'<article class="correction" data-id="{correction}">', 1)[1].split(
        "</article>", 1
    )[0]


def test_wrong_hours_from_the_chat_are_reviewed_with_the_hours_to_apply(directory, tmp_path):
    stop2 = "bus-france-services-en-charente:2"
    before = directory.get_place(STOP).opening_hours
    words = report_from_chat(directory, STOP, "hours", None, comment="fermé le lundi en fait")
    given = report_from_chat(directory, stop2, "hours", NEW_HOURS, comment="les bons horaires")

    async def scenario():
        claire = await _as(_app(directory, tmp_path), "claire")
        page = await (await claire.get("/staff/territoire")).text()
        assert "Corrections à relire (2)" in page
        said = _article(page, words)
        assert "Les horaires ont changé — signalé par citoyen" in said
        assert "« fermé le lundi en fait »" in said and "lun. : 09:30–12:30" in said  # today's
        assert "non précisé : voir le message" in said
        assert re.search(r'<input id="hours-\d+" name="horaires" value="" [^>]*required>', said)
        assert f'name="horaires" value="{NEW_HOURS}"' in _article(page, given)

        review = f"/staff/territoire/corrections/{words}"
        nothing = await _post(claire, review, {"decision": "accept"}, "/staff/territoire")
        assert nothing.status == 409 and directory.get_place(STOP).opening_hours == before
        unreadable = await _post(claire, review, {"decision": "accept", "horaires": "9h-12h"},
                                 "/staff/territoire")  # fmt: skip
        assert unreadable.status == 400 and "Horaires illisibles" in await unreadable.text()
        written = "Tu 09:30-12:30; PH off"
        done = await _post(claire, review, {"decision": "accept", "horaires": written},
                           "/staff/territoire")  # fmt: skip
        assert done.status == 303 and directory.get_place(STOP).opening_hours == written

        # The proposed hours, sent as the form shows them, apply as they are.
        done = await _post(claire, f"/staff/territoire/corrections/{given}",
                           {"decision": "accept", "horaires": NEW_HOURS},
                           "/staff/territoire")  # fmt: skip
        assert done.status == 303 and directory.get_place(stop2).opening_hours == NEW_HOURS

        wrong = report_from_chat(directory, STOP, "hours", None, comment="ouvert le dimanche")
        refused = await _post(claire, f"/staff/territoire/corrections/{wrong}",
                              {"decision": "reject", "note": "le bus ne passe pas le dimanche"},
                              "/staff/territoire")  # fmt: skip
        assert refused.status == 303 and directory.get_place(STOP).opening_hours == written
        page = await (await claire.get("/staff/territoire")).text()
        assert "Corrections à relire (0)" in page
        await claire.close()

    run(scenario())
