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
from datetime import date, datetime, timezone
from html import unescape

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.referrals import outcomes
from bot.referrals.clock import ManualClock
from bot.referrals.models import Referral, open_engine
from bot.staff.app import create_staff_app
from bot.staff.config import StaffConfig, StaffConfigError
from bot.staff.counts import DailyCounts
from bot.staff.roles import parse_roles
from bot.staff.security import hash_password
from bot.staff.territory_data import referral_outcomes
from directory_client import Locator, labels
from directory_client.corrections import queue
from directory_client.corrections.chat import report_from_chat
from directory_client.corrections.reimport import reimport
from directory_client.corrections.scope import Coordinator
from directory_client.demand import DemandLog
from directory_client.directory import EMBEDDED_DATA_DIR
from directory_client.models import CorrectionLog
from tests.conftest import copy_directory
from tests.referral_support import make_service
from tests.staff_support import PASSWORD, TEST_SECRET, FakeDirectory

STOP = "bus-france-services-en-charente:1"  # the Charente bus at Saint-Fraigne (16), Mondays
AIGRE = "france-services-anct:2926"  # Aigre (16)
XANDRE = "conseiller-numerique:626fd580cc2a0205c7bef730"  # Saint-Xandre (17)
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


def _config(roles: str = ROLES) -> StaffConfig:
    hashed = hash_password(PASSWORD, iterations=1000)
    users = {name: hashed for name in ("alice", "claire", "marc", "nadia", "lucie")}
    base = StaffConfig(secret=TEST_SECRET, users=users, dev=True, cookie_secure=False)
    return replace(base, roles=parse_roles(roles, users))


def _app(directory, tmp_path, referrals=None, roles: str = ROLES):
    return create_staff_app(
        config=_config(roles),
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
        assert "lun. : 9 h 30–12 h 30, 13 h 30–15 h 30" in form
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
        no_role = await alice.get("/staff/territoire")
        assert no_role.status == 403
        said = await no_role.text()  # said to an agent, not to the one who configures the server
        assert "réservée aux comptes" in said and "STAFF_ROLES" not in said and ".md" not in said
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
        printed = await summary.text()
        assert "Parentalité" in printed
        # The reference week in words, never as an ISO date.
        assert re.search(r"à partir de la semaine du\s+\d{1,2} [a-zéû]+ 20\d\d\.", printed)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", printed)
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
    today = date(2026, 3, 18)  # the last 12 weeks hold 2 March
    _weeks, found = referral_outcomes(
        engine, directory.Session, Coordinator("claire", "departement", "16"), today
    )
    assert {(r["place_id"], r["outcome"], r["n"]) for r in found.per_place} == {
        (STOP, "refusee:capacite", 6),
        (STOP, "aide:non", 5),
    }
    assert {(r["label"], r["cell"].n) for r in found.total} == {
        ("Refusée : Plus de place pour le moment", 6),
        ("La personne dit ne pas avoir été aidée", 5),
    }
    _weeks, elsewhere = referral_outcomes(
        engine, directory.Session, Coordinator("marc", "departement", "17"), today
    )
    assert elsewhere.per_place == [] and elsewhere.total == []
    _weeks, later = referral_outcomes(
        engine, directory.Session, Coordinator("claire", "departement", "16"), date(2026, 6, 1)
    )
    assert later.per_place == [] and later.total == []  # 2 March is more than 12 weeks before


def test_hours_typed_in_french_on_the_desk_are_queued_and_applied_as_osm(directory, tmp_path):
    async def scenario():
        app = _app(directory, tmp_path)
        alice = await _as(app, "alice")
        form = await (await alice.get(f"/staff/signaler/{STOP}")).text()
        assert "du lundi au vendredi de 9h à 12h et de 14h à 17h" in unescape(form)
        sent = await _post(alice, f"/staff/signaler/{STOP}", {
            "kind": "hours", "horaires": "le lundi de 9h à 12h et de 14h à 16h30"})  # fmt: skip
        assert sent.status == 200
        claire = await _as(app, "claire")
        [waiting] = queue.pending(directory.Session, Coordinator("claire", "departement", "16"))
        assert waiting.proposed == {"horaires": "Mo 09:00-12:00,14:00-16:30"}
        partial = await _post(claire, f"/staff/territoire/corrections/{waiting.id}",
                              {"decision": "accept", "horaires": "fermé le lundi après-midi"},
                              "/staff/territoire")  # fmt: skip
        assert partial.status == 400 and "Horaires illisibles" in await partial.text()
        done = await _post(claire, f"/staff/territoire/corrections/{waiting.id}",
                           {"decision": "accept", "horaires": "Le mardi de 9h30 à 12h30"},
                           "/staff/territoire")  # fmt: skip
        assert done.status == 303
        assert directory.get_place(STOP).opening_hours == "Tu 09:30-12:30"
        for client in (alice, claire):
            await client.close()

    run(scenario())


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


def _weekly_table(page: str, start: str = 'id="semaines"') -> dict[str, list[str]]:
    """The "Réponses des lieux, semaine par semaine" table (or the section ``start`` marks) as
    read on screen: row header → figures (the header row under "Réponse");
    screen-reader-only text left out."""
    section = page[page.index(start) :].split("</section>", 1)[0]
    section = re.sub(r'<span class="sr">[^<]*</span>', "", section)
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", section, re.S):
        cells = [" ".join(unescape(re.sub(r"<[^>]+>", " ", c)).split())
                 for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]  # fmt: skip
        rows[cells[0]] = cells[1:]
    return rows


def _seed_weeks(engine) -> None:
    """Answers over the weeks (Wednesday 18 March 2026 is in week 12): the bus refuses more and
    more for lack of room, Aigre accepts; a few "closed" refusals (3) and 2 late acceptances
    stay hidden; 6 then 3 people not helped at Aigre; Charente-Maritime's place refuses too."""
    from sqlalchemy.orm import Session

    seeds = (
        (STOP, "16", "refusee:capacite", datetime(2026, 2, 24, 9), 5),  # week 9
        (STOP, "16", "refusee:capacite", datetime(2026, 3, 3, 9), 6),  # week 10
        (STOP, "16", "refusee:capacite", datetime(2026, 3, 10, 9), 7),  # week 11
        (STOP, "16", "refusee:capacite", datetime(2026, 3, 8, 23, 30), 1),  # Monday 9, Paris
        (STOP, "16", "refusee:ferme", datetime(2026, 3, 3, 9), 3),
        (AIGRE, "16", "acceptee", datetime(2026, 3, 3, 9), 7),
        (AIGRE, "16", "acceptee", datetime(2026, 3, 10, 9), 2),
        (AIGRE, "16", "sans_reponse", datetime(2026, 2, 24, 9), 5),
        (AIGRE, "16", "aide:non", datetime(2026, 3, 3, 9), 6),  # week 10
        (AIGRE, "16", "aide:non", datetime(2026, 3, 10, 9), 3),  # week 11: hidden
        (STOP, "16", "refusee:capacite", datetime(2025, 12, 20, 9), 9),  # before the 12 weeks
        (XANDRE, "17", "refusee:hors_champ", datetime(2026, 3, 10, 9), 9),
    )
    with Session(engine) as session, session.begin():
        for place, departement, outcome, when, n in seeds:
            referral = Referral(need="demarches", place_id=place, departement=departement,
                                created_at=when.replace(tzinfo=timezone.utc))  # fmt: skip
            for _ in range(n):
                outcomes.count(session, referral, outcome)


def test_weekly_answers_for_the_coordinators_territory_only(directory, tmp_path):
    clock = ManualClock(datetime(2026, 3, 18, 10, tzinfo=timezone.utc))
    service = make_service(tmp_path, directory=directory, mailer=None, sms=None, clock=clock)
    _seed_weeks(service.engine)
    roles = ROLES + ",lucie=lecture:commune:16317"  # Saint-Fraigne: the bus stop alone
    hidden = ["—"] * 8

    async def scenario():
        app = _app(directory, tmp_path, referrals=service, roles=roles)
        claire = await _as(app, "claire")
        page = await (await claire.get("/staff/territoire")).text()
        assert '<a href="#semaines">Réponses par semaine</a>' in page
        table = _weekly_table(page)
        weeks = table.pop("Réponse")
        assert len(weeks) == 13 and weeks[0] == "29/12 S01" and weeks[-2] == "16/03 S12 en cours"
        assert weeks[-1] == "12 semaines"
        assert list(table) == [
            "Acceptée", "Refusée, selon la raison donnée par le lieu",
            "Plus de place pour le moment", "Ce n'est pas ce que nous faisons",
            "Ce public n'est pas accueilli chez nous", "Le lieu est fermé", "Autre raison",
            "Sans réponse", "Ensuite, selon la personne", "La personne dit ne pas avoir été aidée",
        ]  # fmt: skip
        assert table["Plus de place pour le moment"] == [*hidden, "5", "6", "8", "—", "19"]
        assert table["Le lieu est fermé"] == ["—"] * 13  # 3: hidden, in its total too
        assert table["Acceptée"] == [*hidden, "—", "7", "—", "—", "≥ 7"]  # 9 would give the 2
        assert table["Sans réponse"] == [*hidden, "5", "—", "—", "—", "5"]
        assert table["Ce n'est pas ce que nous faisons"] == ["—"] * 13  # Charente-Maritime's
        # 3 not helped in week 11: hidden, and the total (9) would give it away: "≥ 6".
        assert table["La personne dit ne pas avoir été aidée"] == [*hidden, "—", "6", "—", "—",
                                                                    "≥ 6"]  # fmt: skip
        per_place = page[page.index('id="refus"') :].split("</section>", 1)[0]
        assert 'Plus de place pour le moment</td><td class="n">19<' in per_place
        assert "Chiffres masqués" in page and "moins de 5, peut-être aucune" in page
        assert '<th scope="row">' in page and "<caption" in page

        exported = await claire.get("/staff/territoire/reponses-par-semaine.csv")
        assert exported.headers["Content-Disposition"].endswith(
            'reponses-par-semaine-departement-16-2026-03-18.csv"'
        )
        rows = list(csv.DictReader(io.StringIO(await exported.text())))
        mine = {(r["semaine"], r["reponse"]): (r["nombre"], r["precision"]) for r in rows}
        assert mine[("2026-W11", "refusee:capacite")] == ("8", "exact")
        assert mine[("total", "acceptee")] == ("7", "au moins")
        assert mine[("2026-W10", "refusee:ferme")] == ("", "masqué")
        assert mine[("total", "refusee:hors_champ")] == ("", "masqué")
        assert mine[("2026-W10", "aide:non")] == ("6", "exact")
        assert mine[("2026-W11", "aide:non")] == ("", "masqué")
        assert mine[("total", "aide:non")] == ("6", "au moins")
        assert {r["libelle"] for r in rows if r["reponse"] == "aide:non"} == {
            "La personne dit ne pas avoir été aidée"}  # fmt: skip
        figures = json.loads(await (await claire.get(
            "/staff/territoire/reponses-par-semaine.json")).text())  # fmt: skip
        assert figures["seuil"] == 5
        assert {(r["semaine"], r["reponse"]): (str(r["nombre"] or ""), r["precision"])
                for r in figures["chiffres"]} == mine  # fmt: skip

        # The printable summary: the last 6 weeks and the total, hidden the same way; the
        # answers with nothing shown named in a sentence.
        printed = await (await claire.get("/staff/territoire/synthese")).text()
        compact = _weekly_table(printed, '<section class="answers">')
        assert compact.pop("Réponse") == ["09/02", "16/02", "23/02", "02/03", "09/03",
                                          "16/03 (en cours)", "12 semaines"]  # fmt: skip
        assert compact == {
            "Acceptée": ["—", "—", "—", "7", "—", "—", "≥ 7"],
            "Refusée : Plus de place pour le moment": ["—", "—", "5", "6", "8", "—", "19"],
            "Sans réponse": ["—", "—", "5", "—", "—", "—", "5"],
            "La personne dit ne pas avoir été aidée": ["—", "—", "—", "6", "—", "—", "≥ 6"],
        }  # fmt: skip
        assert "au total : Refusée : Ce n&#x27;est pas ce que nous faisons ; " in printed
        assert "Refusée : Le lieu est fermé ; Refusée : Autre raison." in printed

        # Charente-Maritime's coordinator: its place's refusals, none of Charente's.
        marc = await _as(app, "marc")
        theirs = _weekly_table(await (await marc.get("/staff/territoire")).text())
        assert theirs["Ce n'est pas ce que nous faisons"] == [*hidden, "—", "—", "9", "—", "9"]
        assert theirs["Plus de place pour le moment"] == ["—"] * 13
        assert theirs["Acceptée"] == ["—"] * 13 and theirs["Sans réponse"] == ["—"] * 13
        assert theirs["La personne dit ne pas avoir été aidée"] == ["—"] * 13
        # The région (16 and 17 among others) sees both.
        nadia = await _as(app, "nadia")
        region = _weekly_table(await (await nadia.get("/staff/territoire")).text())
        assert region["Plus de place pour le moment"][-1] == "19"
        assert region["Ce n'est pas ce que nous faisons"][-3:] == ["9", "—", "9"]
        # Saint-Fraigne: the bus stop's refusals, not Aigre's answers.
        lucie = await _as(app, "lucie")
        commune = _weekly_table(await (await lucie.get("/staff/territoire")).text())
        assert commune["Plus de place pour le moment"][-1] == "19"
        assert commune["Acceptée"] == ["—"] * 13 and commune["Sans réponse"] == ["—"] * 13
        assert commune["La personne dit ne pas avoir été aidée"] == ["—"] * 13  # Aigre's
        # No role, no figures.
        alice = await _as(app, "alice")
        assert (await alice.get("/staff/territoire/reponses-par-semaine.csv")).status == 403
        for client in (claire, marc, nadia, lucie, alice):
            await client.close()

    run(scenario())


def test_weekly_answers_when_nothing_reaches_five_or_referrals_are_off(directory, tmp_path):
    clock = ManualClock(datetime(2026, 3, 18, 10, tzinfo=timezone.utc))
    service = make_service(tmp_path, directory=directory, mailer=None, sms=None, clock=clock)

    async def scenario():
        claire = await _as(_app(directory, tmp_path, referrals=service), "claire")
        page = await (await claire.get("/staff/territoire")).text()
        section = page[page.index('id="semaines"') :].split("</section>", 1)[0]
        assert "Rien à montrer sur les 12 dernières semaines" in section and "<table" not in section
        printed = await (await claire.get("/staff/territoire/synthese")).text()
        assert "Aucune réponse comptée 5 fois ou plus." in printed
        await claire.close()
        claire = await _as(_app(directory, tmp_path), "claire")
        page = await (await claire.get("/staff/territoire")).text()
        assert "Les orientations ne sont pas activées sur ce serveur." in page
        printed = await (await claire.get("/staff/territoire/synthese")).text()
        assert "Réponses des lieux" not in printed and "Offre et demande" in printed
        assert (await claire.get("/staff/territoire/reponses-par-semaine.csv")).status == 404
        await claire.close()

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
        assert "« fermé le lundi en fait »" in said and "lun. : 9 h 30–12 h 30" in said  # today's
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


@pytest.mark.parametrize(
    ("scope", "service"),
    [("commune:59350", labels.INSERTION_PRO), ("departement:62", labels.INSERTION_PRO),
     ("departement:16", labels.SECURITE)],
)  # fmt: skip
def test_the_page_says_no_place_declares_a_service_rather_than_a_gap(
    directory, tmp_path, scope, service
):
    """The Territoire page read « Insertion professionnelle … Lieux 0, Habitants > 20 km :
    100 % » for Roubaix, the Nord and its région, while no place there declares it and the desk
    sends job requests to general digital help: a coordinator read "no job help anywhere"."""

    async def scenario():
        lucie = await _as(_app(directory, tmp_path, roles=f"lucie=coordination:{scope}"), "lucie")
        page = unescape(await (await lucie.get(f"/staff/territoire?service={service}")).text())
        await lucie.close()
        return page

    page = run(scenario())
    key = page.split('<p class="key">', 1)[1].split("</p>", 1)[0]
    assert key.startswith("Aucun lieu de l'annuaire ne déclare ce service, ni dans le territoire")
    assert "à plus de 20 km" not in key
    row = page.split(f'data-service="{service}">', 1)[1].split("</g>", 1)[0]
    assert re.search(r'<text class="far"[^>]*>aucun lieu déclaré</text>', row)
    assert "100 %" not in row
