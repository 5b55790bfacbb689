"""Referrals on real servers: SQLite file, an SMTP server (aiosmtpd) on loopback, the Twilio fake,
the answer page served by aiohttp and read over HTTP, the embedded directory. Time is a manual
clock that the tests move forward."""

from __future__ import annotations

import asyncio
import html
import re
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from aiohttp import web
from sqlalchemy import select

from bot.referrals import outcomes, texts
from bot.referrals.clock import PARIS, ManualClock, add_working_days
from bot.referrals.console import referral_detail
from bot.referrals.errors import (
    DeliveryError,
    InvalidReferral,
    LinkExpired,
    LinkInvalid,
    ReferralConfigError,
    ReferralNotFound,
)
from bot.referrals.links import LinkSigner
from bot.referrals.models import Job, OutcomeCount, Referral
from bot.referrals.queue import Backoff, JobQueue
from bot.referrals.service import NewReferral
from bot.referrals.web import mount_referral_pages
from bot.staff.sms import TwilioSender
from tests.channels_support import TWILIO, FakeTwilio
from tests.referral_support import (
    LINK,
    MONDAY,
    SECRET,
    SmtpServer,
    body,
    both_queues,
    make_service,
    make_worker,
)
from tests.staff_support import AppThread

MAIRIE = "france-services-anct:2226"  # courriels: en.mds@ville-roubaix.fr
MAIRIE_MAIL = "en.mds@ville-roubaix.fr"
ECHO = "conseiller-numerique:62b42972dd51e705b1808a4c"  # no e-mail: printed referral
ESCALE_AUBY = "conseiller-numerique:626fc4a7cc2a0205c7bef589"  # no e-mail, phone +33327996050
PERSON = "+33612345678"
CONSENT = "J'accepte que l'accueil envoie ma demande et mon numéro au lieu choisi."


def run(coro):
    return asyncio.run(coro)


@pytest.fixture()
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture()
def twilio():  # per test: the same numbers are used on both queues
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture()
def stack(tmp_path, smtp, twilio, embedded_directory, queue_redis_url):
    """The service, its worker (SQL queue, or through Redis) and the answer pages on a real HTTP
    server."""
    app = web.Application()
    server = AppThread(app)  # its port is chosen now: the links name it
    sms = TwilioSender(TWILIO["account_sid"], TWILIO["auth_token"], TWILIO["number"],
                       base_url=twilio.url)  # fmt: skip
    service = make_service(
        tmp_path, directory=embedded_directory, mailer=smtp.mailer(), sms=sms,
        public_url=server.url, redis_url=queue_redis_url,
    )  # fmt: skip
    mount_referral_pages(app, service)
    with server:
        yield service, service.worker(), server.url


def refer(service, place=MAIRIE, channel="sms", contact=PERSON, **extra) -> Referral:
    return service.create(
        NewReferral(
            place_id=place,
            need="demarches",
            request=extra.pop("request", "Refaire sa carte vitale en ligne"),
            person_name=extra.pop("person_name", "Mme D."),
            contact_channel=channel,
            contact=contact,
            consent_text=CONSENT,
            consent_at=service.clock.now(),
            agent=extra.pop("agent", "alice"),
            **extra,
        )
    )


def link_in(message) -> str:
    found = LINK.search(body(message))
    assert found, body(message)
    return found.group(0)


def sms_to(twilio, number=PERSON) -> list[str]:
    return [m["Body"] for m in twilio.messages(number)]


# --- links ------------------------------------------------------------------------------------
def test_link_is_signed_expires_and_names_its_purpose():
    signer = LinkSigner(SECRET)
    expires = MONDAY + timedelta(days=14)
    token = signer.sign("abc", "nonce", expires, "answer")
    claims = signer.verify(token, MONDAY)
    assert (claims.referral_id, claims.nonce, claims.purpose) == ("abc", "nonce", "answer")
    with pytest.raises(LinkExpired):
        signer.verify(token, expires)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with pytest.raises(LinkInvalid):
        signer.verify(forged, MONDAY)
    with pytest.raises(LinkInvalid):
        LinkSigner("o" * 40).verify(token, MONDAY)  # another installation's secret
    with pytest.raises(ReferralConfigError):
        LinkSigner("short")
    with pytest.raises(ReferralConfigError):
        LinkSigner.from_env({})


def test_working_days_skip_the_weekend():
    friday = datetime(2025, 12, 5, 9, 0, tzinfo=PARIS)
    assert add_working_days(friday, 3).astimezone(PARIS).date().isoformat() == "2025-12-10"
    saturday = datetime(2025, 12, 6, 9, 0, tzinfo=PARIS)
    assert add_working_days(saturday, 3).astimezone(PARIS).date().isoformat() == "2025-12-11"


@pytest.mark.parametrize(
    "start, due",
    [
        ("2025-12-24", "2025-12-30"),  # Christmas Day is no working day
        ("2026-05-13", "2026-05-19"),  # Ascension Thursday
        ("2026-05-22", "2026-05-28"),  # Whit Monday
        ("2026-07-14", "2026-07-20"),  # sent on Bastille Day: counts from the next day
    ],
)
def test_working_days_skip_public_holidays(start, due):
    sent = datetime.fromisoformat(f"{start}T09:00").replace(tzinfo=PARIS)
    assert add_working_days(sent, 3).astimezone(PARIS).date().isoformat() == due


# --- the queue --------------------------------------------------------------------------------
@both_queues
def test_queue_keeps_one_job_per_key_and_backs_off(tmp_path, backend, queue_redis_url):
    from bot.referrals.models import open_engine
    from directory_client import db

    engine = open_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    clock = ManualClock(MONDAY)
    queue = JobQueue(engine, clock, backoff=Backoff(base=60, cap=300, max_attempts=4))
    Session = db.session_factory(engine)
    with Session.begin() as session:
        assert queue.enqueue(session, "x", "x:1", payload={"n": 1})
        assert not queue.enqueue(session, "x", "x:1", payload={"n": 2})
    calls = []

    async def flaky(job):
        calls.append((job.attempts, clock.now()))
        if len(calls) < 3:
            raise DeliveryError("down")

    worker = make_worker(queue, {"x": flaky}, queue_redis_url)
    assert run(worker.drain()) == 1  # failed once, retry not due yet
    assert queue.counts() == {"pending": 1}
    clock.advance(seconds=59)
    assert run(worker.drain()) == 0
    clock.advance(seconds=1)
    assert run(worker.drain()) == 1  # second attempt after 60 s, fails again
    clock.advance(seconds=119)
    assert run(worker.drain()) == 0  # backoff doubled: 120 s
    clock.advance(seconds=1)
    assert run(worker.drain()) == 1
    assert queue.counts() == {"done": 1}
    assert [a for a, _ in calls] == [1, 2, 3]


def test_queue_claim_is_exclusive_and_a_dead_worker_lease_ends(tmp_path):
    from bot.referrals.models import open_engine
    from directory_client import db

    engine = open_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    clock = ManualClock(MONDAY)
    queue = JobQueue(engine, clock, lease=timedelta(minutes=5))
    with db.session_factory(engine).begin() as session:
        for i in range(10):
            queue.enqueue(session, "x", f"x:{i}")
    first, second = queue.claim(6), queue.claim(6)
    assert len(first) == 6 and len(second) == 4
    assert not {j.id for j in first} & {j.id for j in second}
    assert queue.claim(10) == []  # all leased; the "workers" die here
    clock.advance(minutes=5)
    assert len(queue.claim(20)) == 10


@both_queues
def test_permanent_refusal_is_dead_not_retried_and_can_be_put_back(
    tmp_path, backend, queue_redis_url
):
    from bot.referrals.errors import DeliveryRejected
    from bot.referrals.models import open_engine
    from directory_client import db

    engine = open_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    queue = JobQueue(engine, ManualClock(MONDAY))
    with db.session_factory(engine).begin() as session:
        queue.enqueue(session, "x", "x:1")

    async def refused(job):
        raise DeliveryRejected("550 no such user")

    worker = make_worker(queue, {"x": refused}, queue_redis_url)
    run(worker.drain())
    assert queue.counts() == {"dead": 1}
    assert queue.retry_dead() == 1 and queue.counts() == {"pending": 1}
    assert run(worker.drain()) == 1 and queue.counts() == {"dead": 1}


# --- the whole loop ---------------------------------------------------------------------------
@both_queues
def test_place_gets_mail_accepts_with_slot_person_gets_sms_then_followup_counted(
    backend, stack, smtp, twilio
):
    service, worker, base = stack
    referral = refer(service)
    assert referral.delivery == "email" and referral.status_label == "en attente"
    run(worker.drain())
    mails = smtp.inbox.to(MAIRIE_MAIL)
    assert len(mails) == 1
    text = body(mails[0])
    assert "Refaire sa carte vitale en ligne" in text and PERSON not in text
    link = link_in(mails[0])
    assert link.startswith(base)

    page = httpx.get(link)
    assert page.status_code == 200 and "Refaire sa carte vitale" in page.text
    slot = {"decision": "accept", "date": "2025-12-04", "time": "14:30"}
    answered = httpx.post(link, data=slot)
    assert answered.status_code == 200 and "jeudi 4 décembre à 14 h 30" in answered.text
    again = httpx.post(link, data=slot)
    assert again.status_code == 410 and "déjà reçu une réponse" in again.text
    assert httpx.get(link).status_code == 410

    run(worker.drain())
    [accepted] = sms_to(twilio)
    assert "le jeudi 4 décembre à 14 h 30. Adresse : 71 Avenue" in accepted
    assert "59100 Roubaix, tél. 03 20 99 10 28." in accepted  # not +33320991028
    sheet = referral_detail(service.get(referral.id), "csrf")  # the agent's console
    assert "<dt>Téléphone du lieu</dt><dd>03 20 99 10 28</dd>" in sheet, sheet
    assert service.get(referral.id).status_label == "acceptée"

    service.clock.current = datetime(2025, 12, 6, 14, 29, tzinfo=PARIS)  # slot + 2 days - 1 min
    run(worker.drain())
    assert len(sms_to(twilio)) == 1
    service.clock.advance(minutes=2)
    run(worker.drain())
    assert sms_to(twilio)[-1].startswith(texts.FOLLOWUP_QUESTION)
    assert service.handle_sms_reply("+33 6 00 00 00 00", "1") is None  # someone else
    assert service.handle_sms_reply(PERSON, "1") == texts.FOLLOWUP_THANKS
    assert service.handle_sms_reply(PERSON, "1") is None  # counted once
    kept = service.get(referral.id)
    assert kept.outcome == "oui" and kept.contact is None and kept.person_name is None
    assert kept.request is None
    with service.Session() as session:
        counts = {row.outcome: row.n for row in session.execute(select(OutcomeCount)).scalars()}
    assert counts == {"acceptee": 1, "aide:oui": 1}


@pytest.mark.parametrize(
    "given, shown",
    [
        ("06 12 34 56 78", "06 12 34 56 78"),  # stored +33612345678
        ("+262 692 12 34 56", "06 92 12 34 56"),  # a Réunion mobile is dialled 06 92 … there
        ("+687 75 12 34", "+687 75 12 34"),  # New Caledonia: its own plan, with its code
        ("+44 7700 900123", "+447700900123"),  # abroad: as given, with its country code
    ],
)
def test_the_place_and_the_agent_read_the_persons_number_as_written_in_france(
    stack, smtp, given, shown
):
    service, worker, _ = stack
    referral = refer(service, contact=given)
    run(worker.drain())
    page = httpx.get(link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])).text  # what the place receives
    assert f"<dt>Pour la joindre (par SMS)</dt><dd>{shown}</dd>" in page, page
    sheet = referral_detail(service.get(referral.id), "csrf")  # the agent's sheet
    assert f"<dt>Joindre la personne (par SMS)</dt><dd>{shown}</dd>" in sheet, sheet


@both_queues
def test_refusal_gives_the_person_the_next_place_and_forgets_them(backend, stack, smtp, twilio):
    service, worker, _ = stack
    number = "+33611111111"
    referral = refer(service, contact=number)
    run(worker.drain())
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    response = httpx.post(link, data={"decision": "refuse", "reason": "capacite", "note": ""})
    assert response.status_code == 200
    run(worker.drain())
    [message] = sms_to(twilio, number)
    refused = service.get(referral.id)
    assert refused.status_label == "refusée" and refused.next_place_id not in (None, MAIRIE)
    assert "plus de place pour le moment" in message
    assert f"Autre lieu proche : {refused.next_place_name}" in message
    # La Poste de Roubaix - Epeule, +33320010845 in the directory: written as a person dials it
    assert message.endswith("59100 Roubaix, tél. 03 20 01 08 45."), message
    assert refused.contact is None  # nothing more will be sent


@both_queues
def test_silence_gives_one_reminder_then_the_person_another_place(backend, stack, smtp, twilio):
    service, worker, _ = stack
    number = "+33622222222"
    referral = refer(service, contact=number)
    run(worker.drain())
    service.clock.advance(days=2)  # Wednesday: nothing yet
    run(worker.drain())
    assert len(smtp.inbox.to(MAIRIE_MAIL)) == 1
    service.clock.advance(days=1)  # Thursday = 3 working days
    run(worker.drain())
    mails = smtp.inbox.to(MAIRIE_MAIL)
    assert len(mails) == 2 and mails[1]["Subject"].startswith("Relance")
    assert link_in(mails[1]) == link_in(mails[0])
    assert service.get(referral.id).status_label == "relancée"
    service.clock.advance(days=1)
    run(worker.drain())
    assert len(smtp.inbox.to(MAIRIE_MAIL)) == 2  # one reminder only
    service.clock.advance(days=3)  # next Monday = 5 working days
    run(worker.drain())
    late = service.get(referral.id)
    assert late.status_label == "sans réponse"
    [message] = sms_to(twilio, number)
    assert "n'a pas répondu" in message and late.next_place_name in message
    assert httpx.get(link_in(mails[0])).status_code == 410  # the link closed


@both_queues
def test_smtp_outage_delays_and_never_duplicates(backend, stack, smtp):
    service, worker, _ = stack
    smtp.stop()
    referral = refer(service)
    run(worker.drain())
    with service.Session() as session:
        job = session.execute(select(Job).where(Job.key == f"deliver:{referral.id}")).scalar_one()
    assert job.status == "pending" and job.attempts == 1 and "injoignable" in job.last_error
    smtp.start()
    service.clock.advance(seconds=60)
    run(worker.drain())
    service.clock.advance(hours=1)
    run(worker.drain())
    mails = smtp.inbox.to(MAIRIE_MAIL)
    assert len(mails) == 1
    assert len({m["Message-ID"] for m in mails}) == 1


@both_queues
def test_place_without_email_is_printed_and_the_agent_records_the_answer(
    backend, stack, smtp, twilio
):
    service, worker, _ = stack
    number = "+33633333333"
    referral = refer(service, place=ECHO, contact=number)
    assert referral.delivery == "print"
    run(worker.drain())
    assert smtp.inbox.messages == []
    with pytest.raises(ReferralNotFound):
        service.record_answer(referral.id, "bob", accepted=True)  # not bob's referral
    service.record_answer(referral.id, "alice", accepted=True)
    run(worker.drain())
    [message] = sms_to(twilio, number)
    assert "Centre social ECHO peut vous recevoir" in message and "contacteront" in message


@both_queues
def test_email_person_follows_up_by_link_once(backend, stack, smtp):
    service, worker, _ = stack
    address = "personne@example.org"
    referral = refer(service, channel="email", contact=address)
    run(worker.drain())
    service.accept(_token(link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])), None)
    run(worker.drain())
    [news] = smtp.inbox.to(address)
    assert "peut vous recevoir" in body(news)
    service.clock.advance(days=7)
    run(worker.drain())
    followup = smtp.inbox.to(address)[-1]
    links = dict(re.findall(r"^([123]) [^:]+: (\S+)", body(followup), re.M))
    assert set(links) == {"1", "2", "3"}
    assert "Envoyer ma réponse" in httpx.get(links["2"]).text
    assert httpx.post(links["2"]).status_code == 200
    assert httpx.post(links["1"]).status_code == 410  # one answer
    assert service.get(referral.id).outcome == "non"
    assert service.get(referral.id).contact is None


def test_consent_and_contact_are_required(stack):
    service, _, _ = stack
    with pytest.raises(InvalidReferral, match="consentement"):
        service.create(
            NewReferral(MAIRIE, "demarches", "sms", PERSON, consent_text="", consent_at=MONDAY)
        )
    with pytest.raises(InvalidReferral, match="Numéro"):
        refer(service, contact="12")
    with pytest.raises(InvalidReferral, match="courriel"):
        refer(service, channel="email", contact="nobody")


def test_forget_and_retention_delete_the_referral_and_its_jobs(stack):
    service, _, _ = stack
    chat = refer(service, origin="chat", sender_id="conv-1", agent=None)
    desk = refer(service)
    assert service.forget_conversation("conv-1") == 1
    with pytest.raises(ReferralNotFound):
        service.get(chat.id)
    with service.Session() as session:
        assert session.execute(select(Job).where(Job.referral_id == chat.id)).first() is None
    service.clock.advance(days=89)
    assert service.purge() == 0
    service.clock.advance(days=1, seconds=1)
    assert service.purge() == 1
    with pytest.raises(ReferralNotFound):
        service.get(desk.id)


def test_outcomes_are_read_only_in_groups_of_five(stack):
    service, _, _ = stack
    for _ in range(4):
        service.refuse(_token(service.answer_url(refer(service))), "hors_champ")
    assert outcomes.aggregate(service.engine, ("place_id", "outcome")) == []
    service.refuse(_token(service.answer_url(refer(service))), "hors_champ")
    assert outcomes.aggregate(service.engine, ("departement", "outcome")) == [
        {"departement": "59", "outcome": "refusee:hors_champ", "n": 5}
    ]


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_times_are_stored_as_utc(stack):
    service, _, _ = stack
    referral = refer(service)
    assert service.get(referral.id).created_at == MONDAY
    assert service.get(referral.id).created_at.tzinfo == timezone.utc


def test_oublie_moi_request_deletes_the_chat_referral(stack, tmp_path, monkeypatch):
    from bot.retention import process_forget_requests, record_forget_request

    service, _, _ = stack
    chat = refer(service, origin="chat", sender_id="conv-9", agent=None)
    monkeypatch.setenv("REFERRALS_DATABASE_URL", str(service.engine.url))
    log = tmp_path / "forget.jsonl"
    record_forget_request("conv-9", log, at=0.0)
    assert process_forget_requests(f"sqlite:///{tmp_path / 'tracker.sqlite3'}", log) == (1, 0)
    with pytest.raises(ReferralNotFound):
        service.get(chat.id)


def test_chat_referral_only_with_consent_text_and_to_a_place_with_email(stack):
    from bot.referrals.chat import consent_question, create_chat_referral

    service, _, _ = stack
    question = consent_question("la Mairie", "démarches", "carte vitale", "sms", "06 12 34 56 78")
    assert "06 12 34 56 78" in question and "Répondez oui ou non" in question
    made = create_chat_referral(
        sender_id="conv-2", place_id=MAIRIE, need="demarches", service_label=None,
        request="carte vitale", contact_channel="sms", contact="06 12 34 56 78",
        consent_text=question, consent_at=MONDAY, service=service,
    )  # fmt: skip
    assert made.ok and service.get(made.referral_id).consent_text == question
    printed = create_chat_referral(
        sender_id="conv-2", place_id=ECHO, need="demarches", service_label=None,
        request="", contact_channel="sms", contact="06 12 34 56 78",
        consent_text=question, consent_at=MONDAY, service=service,
    )  # fmt: skip
    assert not printed.ok and "appelez-le" in printed.text
    called = create_chat_referral(  # no e-mail, a phone: the number as a person dials it
        sender_id="conv-2", place_id=ESCALE_AUBY, need="demarches", service_label=None,
        request="", contact_channel="sms", contact="06 12 34 56 78",
        consent_text=question, consent_at=MONDAY, service=service,
    )  # fmt: skip
    assert not called.ok and called.text.endswith("appelez-le au 03 27 99 60 50."), called.text
    refused = create_chat_referral(
        sender_id="conv-2", place_id=MAIRIE, need="demarches", service_label=None,
        request="", contact_channel="sms", contact="06 12 34 56 78",
        consent_text="", consent_at=MONDAY, service=service,
    )  # fmt: skip
    assert not refused.ok and "consentement" in refused.text


@both_queues
def test_sms_channel_hook_answers_a_pending_followup_only(backend, stack, twilio, monkeypatch):
    from bot.referrals import chat

    service, worker, _ = stack
    number = "+33644444444"
    referral = refer(service, contact=number)
    service.accept(_token(service.answer_url(referral)), None)
    monkeypatch.setattr(chat, "_SERVICE", service)
    assert run(chat.followup_reply(number, "1")) is None  # no question asked yet
    service.clock.advance(days=7)
    run(worker.drain())
    assert run(chat.followup_reply(number, "bonjour")) is None
    assert run(chat.followup_reply(number, "3")) == texts.FOLLOWUP_THANKS
    assert service.get(referral.id).outcome == "pas_encore"


def test_the_web_server_serves_answer_pages_and_runs_the_worker_when_a_key_is_set(
    tmp_path, monkeypatch
):
    from aiohttp.test_utils import TestClient, TestServer

    from bot.referrals.runtime import WORKER_TASK
    from bot.settings import Settings
    from bot.web.server import create_app

    monkeypatch.setenv("STAFF_ENV", "dev")
    monkeypatch.setenv("REFERRALS_DATABASE_URL", f"sqlite:///{tmp_path / 'r.sqlite3'}")
    settings = Settings.from_env({"ORIENTEUR_DATA_DIR": str(tmp_path)})

    async def fetch(app) -> tuple[int, str, bool]:
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/orientation/not-a-token")
            return response.status, await response.text(), WORKER_TASK in app

    monkeypatch.delenv("ORIENTEUR_SECRET_KEY", raising=False)
    assert run(fetch(create_app(settings)))[0] == 404  # off without a key
    monkeypatch.setenv("ORIENTEUR_SECRET_KEY", SECRET)
    status, page, worker = run(fetch(create_app(settings)))
    assert status == 410 and "pas valide" in page and worker


# A refused place's "other place": near it, or the helpline; never the nearest one 500 km away.
FAR_ONLY = "Insertion professionnelle via le numérique"  # CV, job search: rare in the directory


@pytest.mark.parametrize(
    "place, service",
    [
        ("conseiller-numerique:627b6674ad1bdb06edc492ff", FAR_ONLY),  # CCAS de Roubaix
        ("france-services-anct:2047", FAR_ONLY),  # Toulouse-Pradettes
        ("france-services-anct:496", FAR_ONLY),  # Valréas
        (
            "conseiller-numerique:627b6674ad1bdb06edc492ff",
            "Maîtrise des outils numériques du quotidien",
        ),
        ("france-services-anct:2047", "Aide aux démarches administratives"),
    ],
)
def test_a_refusal_proposes_a_place_near_or_the_helpline_never_a_far_one(
    stack, twilio, place, service
):
    from directory_client.geo import haversine_km
    from directory_client.labels import HELPLINE

    svc, worker, _ = stack
    number = "+33633333333"
    referral = svc.create(
        NewReferral(place_id=place, need="numerique", service=service, request="Faire un CV",
                    contact_channel="sms", contact=number, consent_text=CONSENT,
                    consent_at=svc.clock.now(), agent="alice")
    )  # fmt: skip
    svc.record_answer(referral.id, "alice", accepted=False, reason="hors_champ")
    run(worker.drain())
    [message] = sms_to(twilio, number)  # what the person receives
    refused = svc.get(referral.id)
    if refused.next_place_id is None:
        assert f"{HELPLINE['name']} au {HELPLINE['phone']}" in message, message
        assert "Autre lieu proche" not in message
    else:
        other = svc.directory.get_place(refused.next_place_id)
        here = svc.directory.get_place(place)
        assert haversine_km(here.lat, here.lon, other.lat, other.lon) <= 30, message
        assert f"Autre lieu proche : {other.name}" in message
    if service == FAR_ONLY:
        assert refused.next_place_id is None and HELPLINE["name"] in message, message
    else:
        assert refused.next_place_id is not None, message


# The place accepts with a slot: one when it is closed (its own hours) or past is not sent.
# MAIRIE: Mo-Fr 8:30-12:00, 13:30-17:00; Sa 8:30-12:00. The clock: Monday 1 December 2025, 9 h.
@pytest.mark.parametrize(
    "date, time, said",
    [
        ("2025-12-08", "03:00", "fermés le lundi 8 décembre à 3 h"),  # night
        ("2025-12-03", "12:30", "fermés le mercredi 3 décembre à 12 h 30"),  # lunch break
        ("2025-12-07", "10:00", "vous êtes fermés le dimanche 7 décembre."),  # Sunday
        ("2025-12-06", "15:00", "ouverts : 8 h 30–12 h"),  # Saturday afternoon
        ("2025-11-28", "10:00", "dans le passé"),
    ],
)
def test_a_slot_when_the_place_is_closed_or_past_is_refused_on_its_page(
    stack, smtp, twilio, date, time, said
):
    service, worker, _ = stack
    number = "+33644444444"
    referral = refer(service, contact=number)
    run(worker.drain())
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    page = httpx.post(link, data={"decision": "accept", "date": date, "time": time})
    assert page.status_code == 400 and said in page.text, page.text
    run(worker.drain())
    assert service.get(referral.id).status == "en_attente" and sms_to(twilio, number) == []
    ok = httpx.post(link, data={"decision": "accept", "date": "2025-12-02", "time": "10:00"})
    assert ok.status_code == 200 and "mardi 2 décembre à 10 h" in ok.text, ok.text


# The place's page says the person is told only when a message can leave this server; else how
# to reach her. The desk sees that the message failed, and is offered only working channels.
@pytest.mark.parametrize(
    "channel, contact, sms_on, decision, said, not_said",
    [
        (
            "sms",
            "+33655555555",
            False,
            "accept",
            "appelez-la au 06 55 55 55 55",
            "Elle est prévenue",
        ),
        (
            "sms",
            "+33655555556",
            False,
            "refuse",
            "l'accueil qui l'a reçue s'en charge",
            "est prévenue",
        ),
        (
            "phone",
            "+33655555557",
            True,
            "accept",
            "Appelez-la au 06 55 55 55 57",
            "Elle est prévenue",
        ),
        ("sms", "+33655555558", True, "accept", "Elle est prévenue", "pas pu"),
    ],
)
def test_the_place_is_told_the_truth_about_the_person_being_told(
    stack, smtp, twilio, channel, contact, sms_on, decision, said, not_said
):
    from bot.staff.sms import DisabledSender

    service, worker, _ = stack
    referral = refer(service, channel=channel, contact=contact)
    if not sms_on:
        service.sms = DisabledSender()  # the server restarted without its SMS settings
    run(worker.drain())
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    data = {"decision": decision, "reason": "capacite", "date": "2025-12-04", "time": "10:00"}
    response = httpx.post(link, data=data)
    page = html.unescape(response.text)  # what the place reads
    assert response.status_code == 200 and said in page and not_said not in page, page
    run(worker.drain())
    failed = service.notify_error(referral.id)
    sheet = html.unescape(referral_detail(service.get(referral.id), "csrf", notify_error=failed))
    if sms_on:
        assert failed is None and "pas reçu" not in sheet
    else:
        assert failed == DisabledSender().reason
        assert "La personne n'a pas reçu la réponse du lieu" in sheet, sheet
        assert contact[-2:] in sheet  # her number is still there to call her
        with service.Session() as session:  # no retry for days: it cannot work
            job = session.execute(select(Job).where(Job.kind == "notify")).scalar_one()
        assert job.status == "dead" and job.attempts == 1


@pytest.mark.parametrize("sms_on, mail_on", [(False, True), (True, False), (False, False)])
def test_the_desk_is_offered_only_the_channels_this_server_can_send(
    tmp_path, embedded_directory, smtp, sms_on, mail_on
):
    from bot.referrals.console import refer_form
    from bot.staff.sms import DisabledSender

    sms = TwilioSender("sid", "token", "+33700000000") if sms_on else DisabledSender()
    service = make_service(
        tmp_path, directory=embedded_directory, mailer=smtp.mailer() if mail_on else None, sms=sms
    )
    form = refer_form(embedded_directory.get_place(MAIRIE), "csrf", {}, channels=service.channels())
    assert ('value="sms"' in form) is sms_on and ('value="email"' in form) is mail_on, form
    assert 'value="phone" checked' in form or sms_on or mail_on
    for channel, on, contact in (("sms", sms_on, PERSON), ("email", mail_on, "a@exemple.fr")):
        if not on:
            with pytest.raises(InvalidReferral, match="Choisissez un autre moyen"):
                refer(service, channel=channel, contact=contact)


@pytest.mark.parametrize("contact", ["06 71 22 33 44", "+33 7 81 00 11 22", "0033671223345"])
def test_the_chat_never_promises_an_sms_this_server_cannot_send(
    tmp_path, embedded_directory, smtp, contact
):
    from bot.referrals.chat import create_chat_referral
    from bot.staff.sms import DisabledSender, normalise_phone

    service = make_service(
        tmp_path, directory=embedded_directory, mailer=smtp.mailer(), sms=DisabledSender()
    )
    common = dict(sender_id="web-1", place_id=MAIRIE, need="demarches", service_label=None,
                  request="CV", consent_text=CONSENT, consent_at=service.clock.now(),
                  service=service)  # fmt: skip
    said = create_chat_referral(contact_channel="sms", contact=normalise_phone(contact), **common)
    assert not said.ok and "SMS" in said.text and "adresse e-mail" in said.text, said.text
    assert "prévenu" not in said.text
    by_mail = create_chat_referral(contact_channel="email", contact="d@exemple.fr", **common)
    assert by_mail.ok and "par courriel" in by_mail.text, by_mail.text


@pytest.mark.parametrize("sms_on, mail_on", [(False, True), (True, False), (True, True)])
def test_the_chat_consent_question_names_only_the_ways_this_server_can_answer(
    tmp_path, embedded_directory, smtp, sms_on, mail_on
):
    from bot.referrals.chat import consent_question, sendable_channels
    from bot.staff.sms import DisabledSender

    sms = TwilioSender("sid", "token", "+33700000000") if sms_on else DisabledSender()
    service = make_service(
        tmp_path, directory=embedded_directory, mailer=smtp.mailer() if mail_on else None, sms=sms
    )
    question = consent_question("la Mairie", "démarches", "CV", can_send=sendable_channels(service))
    assert ("SMS" in question) is sms_on and ("numéro de portable" in question) is sms_on, question
    assert ("courriel" in question.split("pour vous répondre")[1]) is mail_on, question
    assert ("e-mail" in question) is mail_on, question


@pytest.mark.parametrize(
    "contact, decision",
    [("+33655555561", "accept"), ("+33655555562", "refuse"), ("06 55 55 55 63", "accept")],
)
def test_the_desks_list_flags_a_referral_the_person_was_not_told_of(
    stack, contact, decision
):
    """"Mes orientations" said nothing of an answer that never reached the person (only the
    referral's page did): the list says it too, with the same words, on that referral only."""
    from aiohttp.test_utils import TestClient, TestServer

    from bot.referrals.console import mount_referral_console
    from bot.staff.sms import DisabledSender

    service, worker, _ = stack
    told = refer(service, contact="+33655555560")
    service.record_answer(told.id, "alice", accepted=True)
    run(worker.drain())  # this one's SMS leaves
    untold = refer(service, contact=contact)
    service.sms = DisabledSender()  # the server restarted without its SMS settings
    service.record_answer(untold.id, "alice", accepted=decision == "accept", reason="capacite")
    run(worker.drain())
    assert service.notify_error(untold.id) and not service.notify_error(told.id)

    def guard(handler):
        async def as_alice(request):
            request["staff_user"] = "alice"
            return await handler(request)
        return as_alice

    app = web.Application()
    mount_referral_console(app, service, guard=guard, csrf=lambda request: "t")

    async def listing() -> str:
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/staff/orientations")
            assert response.status == 200
            return html.unescape(await response.text())

    page = run(listing())
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr data-id="([^"]+)">.*?</tr>', page)}
    assert "La personne n'a pas reçu la réponse du lieu" in rows[untold.id], page
    assert DisabledSender().reason in rows[untold.id]
    assert contact[-2:] in rows[untold.id]  # her number, to call her
    assert "pas reçu" not in rows[told.id]


def _console(service):
    """The desk's pages as alice, over HTTP (the console's login and CSRF are bot/staff's)."""
    from aiohttp.test_utils import TestClient, TestServer

    from bot.referrals.console import mount_referral_console

    def guard(handler):
        async def as_alice(request):
            request["staff_user"] = "alice"
            return await handler(request)
        return as_alice

    def call(method: str, path: str) -> str:  # one application per loop (aiohttp)
        app = web.Application()
        mount_referral_console(app, service, guard=guard, csrf=lambda request: "t")

        async def go() -> str:
            async with TestClient(TestServer(app)) as client:
                response = await client.request(method, path, data={"csrf": "t"})
                assert response.status == 200, await response.text()
                return html.unescape(await response.text())
        return run(go())

    return call


@pytest.mark.parametrize(
    "channel, contact, answer, note, said",
    [
        ("phone", "+33655555571", "capacite", "complet jusqu'en janvier", "plus de place"),
        ("phone", "06 55 55 55 72", "public", "réservé aux plus de 60 ans", "ce public n'est"),
        ("phone", "+33655555573", None, "", "n'a pas répondu"),  # silence: 5 working days
        ("sms", "+33655555574", "hors_champ", "pas de démarches ici", "ce n'est pas ce que"),
    ],
)
def test_the_desk_is_told_to_call_the_person_a_refusal_could_not_reach(
    stack, smtp, channel, contact, answer, note, said
):
    """A desk referral by "Téléphone" refused by the place: the place read "l'accueil qui l'a
    reçue s'en charge", but the desk's list said only "refusée", her number was already erased
    and the place's note shown nowhere. Now the list and the page say "À prévenir" with her
    number, the reason, the note and the next place, until the desk marks her told."""
    from bot.staff.sms import DisabledSender

    service, worker, _ = stack
    referral = refer(service, channel=channel, contact=contact)
    if channel == "sms":
        service.sms = DisabledSender()  # no message can reach her from here
    run(worker.drain())
    if answer:
        link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
        page = httpx.post(link, data={"decision": "refuse", "reason": answer, "note": note})
        assert "s'en charge" in html.unescape(page.text)
    else:
        service.clock.advance(days=7)
    run(worker.drain())
    done = service.get(referral.id)
    console = _console(service)
    listing = console("GET", "/staff/orientations")
    row = re.search(rf'<tr data-id="{referral.id}">.*?</tr>', listing, re.S).group(0)
    number = texts.contact_text(done)
    assert f"À prévenir : appelez-la au {number}" in row, row
    assert said in row.lower() and done.next_place_name in row, row
    assert note in row
    sheet = console("GET", f"/staff/orientations/{referral.id}")
    assert f"À prévenir : appelez-la au {number}" in sheet and note in sheet, sheet
    assert "effacé" not in sheet
    console("POST", f"/staff/orientations/{referral.id}/prevenue")
    assert "À prévenir" not in console("GET", "/staff/orientations")
    assert service.get(referral.id).contact is None  # told: her details go


@pytest.mark.parametrize(
    "procedure, request_, theirs, not_said",
    [
        ("titre_sejour", None, "Besoin d'aide pour son titre de séjour.", "votre"),
        ("ants", None, "Besoin d'aide pour ses papiers (carte d'identité", "vos papiers"),
        (None, "vos démarches avec les impôts", "ses démarches avec les impôts", "vos"),
        (None, "remplir votre déclaration de revenus", "remplir sa déclaration", "votre"),
    ],
)
def test_the_place_reads_of_the_person_not_to_her(
    stack, smtp, procedure, request_, theirs, not_said
):
    """The place's e-mail and page spoke to the person (« Ce qu'elle souhaite faire : vos
    démarches avec la CAF », « Besoin d'aide pour votre retraite ») in awkward French
    (« L'assistant orienteur vous oriente une personne »): they speak of her now, with the rule
    the assistant uses for someone else (actions.someone_else)."""
    from bot.referrals.console import default_request

    service, worker, _ = stack
    asked = request_ or default_request({"p": procedure})
    assert request_ or theirs in asked, asked  # the desk's form starts with it too
    refer(service, request=asked, person_name="Mme D.")
    run(worker.drain())
    mail = body(smtp.inbox.to(MAIRIE_MAIL)[-1])
    assert f"Ce qu'elle souhaite faire : {theirs}" in mail, mail
    assert "Une personne (Mme D.) vous est orientée par l'accueil" in mail, mail
    assert " vous oriente " not in mail
    page = html.unescape(httpx.get(link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])).text)
    assert theirs in page and f" {not_said} " not in page.split("<dl>")[1], page


@pytest.mark.parametrize(
    "start, channel, contact, then",
    [
        (None, "phone", "+33655555581", "appelez-la au 06 55 55 55 81"),
        ("2025-12-23T10:00", "sms", "+33655555582", "prévenez l'accueil"),  # Christmas between
        ("2026-05-12T15:30", "phone", "06 55 55 55 83", "appelez-la au 06 55 55 55 83"),
    ],
)
def test_the_places_link_lasts_as_the_mail_says_then_says_what_became_of_the_referral(
    stack, smtp, start, channel, contact, then
):
    """The e-mail said the link worked « jusqu'au lundi 21 décembre » while the referral closed
    after 5 working days, and the expired link said « Ce lien a expiré. » and nothing else: the
    mail gives the day it closes, the link works until then and then says what happened and
    what to do."""
    service, worker, _ = stack
    if start:
        service.clock.current = datetime.fromisoformat(start).replace(tzinfo=PARIS)
    refer(service, channel=channel, contact=contact)
    run(worker.drain())
    mail = body(smtp.inbox.to(MAIRIE_MAIL)[-1])
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    referral_id = service.for_agent("alice")[0].id
    for _ in range(30):  # day after day, until the referral closes
        assert httpx.get(link).status_code == 200, service.get(referral_id).status
        service.clock.advance(days=1)
        run(worker.drain())
        if service.get(referral_id).status == "sans_reponse":
            break
    closed = texts.format_day(service.clock.now())
    assert f"jusqu'au {closed}" in " ".join(mail.split()), (closed, mail)
    expired = httpx.get(link)
    page = html.unescape(expired.text)
    assert expired.status_code == 410 and "l'orientation a été close" in page, page
    assert "un autre lieu a été proposé à la personne" in page and then in page, page


@pytest.mark.parametrize(
    "date, time, day",
    [
        ("2025-12-14", "03:00", "dimanche 14 décembre"),
        ("2025-12-21", "16:45", "dimanche 21 décembre"),
        ("2025-12-07", "09:30", "dimanche 7 décembre"),
    ],
)
def test_a_slot_on_a_closed_day_is_refused_in_one_sentence(stack, smtp, date, time, day):
    """« le lieu est fermé le dimanche 13 décembre à 3 h. Vous êtes fermés ce jour-là. » said
    it twice (and spoke of the place to the place): one sentence, the day only."""
    service, worker, _ = stack
    refer(service)
    run(worker.drain())
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    page = httpx.post(link, data={"decision": "accept", "date": date, "time": time})
    said = html.unescape(re.search(r'<p role="alert">(.*?)</p>', page.text).group(1))
    assert page.status_code == 400, said
    assert f"D'après vos horaires, vous êtes fermés le {day}. Choisissez" in said, said
    assert said.count("fermé") == 1 and not re.search(r"\d h", said), said


@pytest.mark.parametrize(
    "desks, named",
    [
        ("alice=France services d'Auby|+33327996050",
         "France services d'Auby (tél. 03 27 99 60 50)"),  # fmt: skip
        ("bob=Autre;alice=le CCAS de Wattrelos | 03 20 75 85 00",
         "le CCAS de Wattrelos (tél. 03 20 75 85 00)"),  # fmt: skip
        ("alice=la médiathèque de Lys", "la médiathèque de Lys"),
    ],
)
def test_the_place_is_told_which_desk_referred_the_person_and_how_to_call_it(
    stack, smtp, tmp_path, desks, named
):
    """« L'accueil qui l'a reçue » gave no name nor phone: the place could not call it back.
    The desk's settings (REFERRALS_DESKS) name it in the e-mail and on the answer page; without
    them the desk reads what is missing."""
    from bot.referrals.models import parse_desks
    from bot.referrals.runtime import service_from_env

    service, worker, _ = stack
    unnamed = refer(service, channel="phone", contact="+33655555591")  # no settings yet
    run(worker.drain())
    assert "l'accueil qui l'a reçue" in body(smtp.inbox.to(MAIRIE_MAIL)[-1])
    sheet = _console(service)("GET", f"/staff/orientations/{unnamed.id}")
    assert texts.NO_DESK in sheet, sheet
    service.desks = parse_desks(desks)
    assert service_from_env(lambda: None, "http://x", {
        "ORIENTEUR_SECRET_KEY": SECRET, "REFERRALS_DESKS": desks,
        "REFERRALS_DATABASE_URL": f"sqlite:///{tmp_path / 'env.sqlite3'}",
    }).desks == service.desks  # the server reads the same setting  # fmt: skip
    referral = refer(service, channel="phone", contact="+33655555592")
    run(worker.drain())
    mail = " ".join(body(smtp.inbox.to(MAIRIE_MAIL)[-1]).split())
    assert f"vous est orientée par {named} pour" in mail, mail
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    page = html.unescape(httpx.post(link, data={"decision": "refuse", "reason": "capacite"}).text)
    assert f"{named} s'en charge" in page, page
    assert texts.NO_DESK not in _console(service)("GET", f"/staff/orientations/{referral.id}")


@pytest.mark.parametrize(
    "date, time", [("2025-12-16", "14:00"), ("2025-12-22", "10:00"), ("2026-01-05", "09:00")]
)
def test_the_follow_up_links_work_for_a_slot_weeks_away(stack, smtp, date, time):
    """The follow-up links expired 14 days after the referral was made: for a slot two weeks
    away or more, the person's « Avez-vous pu être aidé ? » links were dead when they came."""
    service, worker, _ = stack
    address = "suivi@example.org"
    referral = refer(service, channel="email", contact=address)
    run(worker.drain())
    link = link_in(smtp.inbox.to(MAIRIE_MAIL)[-1])
    assert httpx.post(link, data={"decision": "accept", "date": date, "time": time}).is_success
    run(worker.drain())
    service.clock.current = service.get(referral.id).slot_at + timedelta(days=2, minutes=1)
    run(worker.drain())
    followup = smtp.inbox.to(address)[-1]
    links = dict(re.findall(r"^([123]) [^:]+: (\S+)", body(followup), re.M))
    service.clock.advance(days=1)  # read the next day
    shown = httpx.get(links["1"])
    assert shown.status_code == 200 and "Envoyer ma réponse" in shown.text, shown.text
    assert httpx.post(links["1"]).status_code == 200
    assert service.get(referral.id).outcome == "oui"
