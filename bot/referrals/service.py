"""Referrals: create, deliver to the place, record its answer, tell the person, follow up.

Every message leaves through the durable queue (bot/referrals/queue.py; with Redis,
bot/referrals/redis_queue.py relays it); every state change is a conditional UPDATE, so a double
click, two workers or a late answer never apply twice.

Timeline of one referral (``Timings``):

* created → ``deliver`` (e-mail to the place's ``courriels``; no e-mail: the agent prints it);
* 3 working days without answer → ``remind`` (one reminder e-mail, status *relancée*);
* 5 working days without answer → ``no_answer`` (*sans réponse*: the link closes, the person is
  offered the next place);
* answered → ``notify`` the person by the channel they chose (the slot, or the next place);
* accepted → ``followup`` 2 days after the slot (7 days after the answer without one): "Avez-vous
  pu être aidé ? 1 oui, 2 non, 3 pas encore"; the answer is counted, the person's details blanked.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from actions import someone_else
from bot.referrals import outcomes, texts
from bot.referrals.clock import Clock, add_working_days
from bot.referrals.errors import (
    DeliveryError,
    DeliveryRejected,
    InvalidReferral,
    LinkExpired,
    LinkInvalid,
    LinkUsed,
    ReferralNotFound,
)
from bot.referrals.links import LinkSigner, new_nonce
from bot.referrals.mail import Mail, SmtpMailer
from bot.referrals.models import (
    CONTACT_CHANNELS,
    FOLLOWUP_ANSWERS,
    OPEN_STATUSES,
    REFUSAL_REASONS,
    Desk,
    Job,
    Referral,
)
from bot.referrals.queue import Backoff, ClaimedJob, JobQueue, Worker
from bot.referrals.redis_queue import RedisWorker
from bot.staff.sms import SmsError, SmsSender, normalise_phone, unavailable_reason
from directory_client import display, hours
from directory_client.types import Location, SearchQuery, SearchResult

log = logging.getLogger(__name__)
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
# Why the chat cannot tell a place (``chat_blocker``); bot.referrals.chat adds ``OFF``.
NO_EMAIL = "no_email"  # the place has no e-mail address in the directory
NO_MAILER = "no_mailer"  # this server sends no e-mail (no SMTP_HOST)
ANSWER_PATH = "/orientation/"
FOLLOWUP_PATH = "/suivi/"
# The answers the desk tells the person itself when no message can reach her (``to_tell``).
TOLD_BY_DESK = {"refusee": "refused", "sans_reponse": "no_answer"}


@dataclass(frozen=True)
class Timings:
    link_days: int = 14  # the follow-up links work this long after the follow-up is due
    # (the place's link closes at "sans réponse", ``give_up_after``: the date its e-mail gives)
    remind_after: int = 3  # working days
    give_up_after: int = 5  # working days
    followup_after_slot: timedelta = timedelta(days=2)
    followup_without_slot: timedelta = timedelta(days=7)
    retention_days: float = 90.0


@dataclass(frozen=True)
class NewReferral:
    place_id: str
    need: str  # catalogue key ("demarches"…)
    contact_channel: str  # "sms" | "email" | "phone"
    contact: str
    consent_text: str  # what the person agreed to, as it was said to them
    consent_at: datetime
    request: str = ""  # what the person wants done
    person_name: str = ""  # first name or initials, optional
    service: str | None = None  # the standard's label, for the next-place search
    origin: str = "staff"  # "staff" | "chat"
    agent: str | None = None
    sender_id: str | None = None


class ReferralService:
    def __init__(
        self,
        engine: Engine,
        *,
        clock: Clock,
        signer: LinkSigner,
        public_url: str,
        directory: Any,
        mailer: SmtpMailer | None,
        sms: SmsSender,
        timings: Timings | None = None,
        backoff: Backoff | None = None,
        redis_url: str | None = None,
        desks: dict[str, Desk] | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.signer = signer
        self.public_url = public_url.rstrip("/")
        self.directory = directory
        self.mailer = mailer
        self.sms = sms
        self.timings = timings or Timings()
        self.queue = JobQueue(engine, clock, backoff=backoff)
        self.redis_url = redis_url  # None: the table is the queue; else its outbox (redis_queue)
        self.desks = desks or {}  # console account → its desk (REFERRALS_DESKS)
        self.Session = sessionmaker(engine, future=True, expire_on_commit=False)

    # --- creating ---------------------------------------------------------------------------
    def channels(self) -> tuple[str, ...]:
        """The ways this server can reach a person (``CONTACT_CHANNELS`` order): SMS only with
        an SMS sender configured, e-mail only with a mailer; the phone always (someone calls)."""
        return tuple(c for c in CONTACT_CHANNELS if self.cannot_send(c) is None or c == "phone")

    def desk(self, referral: Referral) -> Desk | None:
        """The desk that referred the person, when its account's settings name it."""
        return self.desks.get(referral.agent or "") if referral.origin == "staff" else None

    def cannot_send(self, channel: str) -> str | None:
        """Why no message can reach the person by ``channel`` from this server (plain French),
        None when one can. "phone": nothing is sent, someone calls."""
        if channel == "sms":
            return unavailable_reason(self.sms)
        if channel == "email":
            return None if self.mailer is not None else texts.NO_MAIL_SENDER
        return texts.BY_PHONE

    def notify_error(self, referral_id: str) -> str | None:
        """Why the message to the person (the place's answer) has not left, when its job failed
        (dead, or waiting for another attempt); None when sent, not due yet or none."""
        with self.Session() as session:
            job = session.execute(
                select(Job)
                .where(Job.referral_id == referral_id, Job.kind == "notify")
                .order_by(Job.id.desc())
                .limit(1)
            ).scalar_one_or_none()
        if job is None or job.status == "done" or not job.last_error:
            return None
        return job.last_error.split(": ", 1)[-1]

    def create(self, new: NewReferral) -> Referral:
        contact = _checked_contact(new.contact_channel, new.contact)
        if new.contact_channel not in self.channels():
            raise InvalidReferral(texts.channel_off(self.cannot_send(new.contact_channel) or ""))
        if not new.consent_text.strip() or new.consent_at is None:
            raise InvalidReferral("Le consentement de la personne est nécessaire.")
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", new.need or ""):
            raise InvalidReferral("Besoin inconnu.")
        place = self.directory.get_place(new.place_id)
        if place is None:
            raise InvalidReferral("Lieu introuvable.")
        if new.origin == "chat" and self._chat_blocker(place) is not None:
            raise InvalidReferral(texts.chat_cannot_notify(display.phone_text(place.phone)))
        emails = self._courriels(place)
        now = self.clock.now()
        delivery = "email" if emails and self.mailer is not None else "print"
        referral = Referral(
            id=uuid.uuid4().hex,
            created_at=now,
            origin=new.origin,
            agent=new.agent,
            sender_id=new.sender_id,
            place_id=place.id,
            place_name=place.name,
            place_emails="|".join(emails),
            place_phone=place.phone,
            place_address=place.address,
            place_lat=place.lat,
            place_lon=place.lon,
            departement=_departement(place.code_postal),
            need=new.need,
            service=new.service or (place.services[0] if place.services else None),
            request=someone_else.about_them(new.request.strip())[:500] or None,
            person_name=new.person_name.strip()[:80] or None,
            contact_channel=new.contact_channel,
            contact=contact,
            consent_text=new.consent_text.strip()[:1000],
            consent_at=new.consent_at,
            delivery=delivery,
            status="en_attente",
            link_nonce=new_nonce(),
        )
        remind_at = add_working_days(now, self.timings.remind_after)
        give_up_at = add_working_days(now, self.timings.give_up_after)
        with self.Session.begin() as session:
            session.add(referral)
            session.flush()
            if delivery == "email":
                self.queue.enqueue(session, "deliver", f"deliver:{referral.id}",
                                   referral_id=referral.id)  # fmt: skip
                self.queue.enqueue(session, "remind", f"remind:{referral.id}",
                                   referral_id=referral.id, run_at=remind_at)  # fmt: skip
            self.queue.enqueue(session, "no_answer", f"no_answer:{referral.id}",
                               referral_id=referral.id, run_at=give_up_at)  # fmt: skip
        return referral

    def chat_blocker(self, place_id: str) -> str | None:
        """Why the chat cannot tell this place now that the person is coming (``NO_EMAIL``,
        ``NO_MAILER``); None when it can. The one rule of the consent question, of the
        "Prévenir" follow-up and of ``create`` for the chat."""
        return self._chat_blocker(self.directory.get_place(place_id))

    def _chat_blocker(self, place: SearchResult | None) -> str | None:
        if place is None or not self._courriels(place):
            return NO_EMAIL  # only an e-mail tells a place (no one prints the chat's referrals)
        if self.mailer is None:
            return NO_MAILER
        return None

    def _courriels(self, place: SearchResult) -> tuple[str, ...]:
        listed = getattr(self.directory, "place_courriels", None)
        found = listed(place.id) if listed else ((place.email,) if place.email else ())
        return tuple(e.strip() for e in found if EMAIL.match(e.strip()))

    # --- the place's answer -----------------------------------------------------------------
    def answer_url(self, referral: Referral) -> str:
        return self._url(ANSWER_PATH, referral, "answer")

    def link_expires(self, referral: Referral) -> datetime:
        """When the place's link closes: when the referral is closed "sans réponse" (the date
        the e-mail gives)."""
        return add_working_days(referral.created_at, self.timings.give_up_after)

    def followup_expires(self, referral: Referral) -> datetime:
        """The person's follow-up links work ``link_days`` after the follow-up is due."""
        due = (
            referral.slot_at + self.timings.followup_after_slot
            if referral.slot_at
            else (referral.answered_at or referral.created_at)
            + self.timings.followup_without_slot
        )
        return due + timedelta(days=self.timings.link_days)

    def _url(self, path: str, referral: Referral, purpose: str, suffix: str = "") -> str:
        follow = purpose == "followup"
        expires = self.followup_expires(referral) if follow else self.link_expires(referral)
        token = self.signer.sign(referral.id, referral.link_nonce or "", expires, purpose)
        return f"{self.public_url}{path}{token}{suffix}"

    def closed_link(self, exc: LinkExpired) -> str:
        """What the place reads behind an expired link: what became of the referral and what
        to do (call the person while her contact is held, the desk, or nothing)."""
        referral = None
        if exc.referral_id:
            with self.Session() as session:
                referral = session.get(Referral, exc.referral_id)
        if referral is None:
            return texts.link_closed(None, "", None)
        reach = (
            texts.contact_text(referral)
            if referral.details_deleted_at is None and referral.status in TOLD_BY_DESK
            and referral.contact_channel == "phone"
            else ""
        )
        return texts.link_closed(referral, reach, self.link_expires(referral), self.desk(referral))

    def open_link(self, token: str, purpose: str = "answer") -> Referral:
        """The referral a link gives access to; ``LinkError`` when it cannot be used (any more)."""
        claims = self.signer.verify(token, self.clock.now())
        if claims.purpose != purpose:
            raise LinkInvalid("Ce lien n'est pas valide.")
        with self.Session() as session:
            referral = session.get(Referral, claims.referral_id)
        if referral is None:
            raise LinkInvalid("Cette orientation n'existe plus.")
        if referral.link_nonce != claims.nonce:
            raise LinkUsed("Cette orientation a déjà reçu une réponse, merci.")
        return referral

    def accept(self, token: str, slot_at: datetime | None) -> Referral:
        referral = self.open_link(token)
        return self._answer(referral, claimed_nonce=referral.link_nonce, slot_at=slot_at)

    def refuse(self, token: str, reason: str, note: str = "") -> Referral:
        referral = self.open_link(token)
        return self._answer(referral, claimed_nonce=referral.link_nonce, reason=reason, note=note)

    def record_answer(
        self,
        referral_id: str,
        agent: str,
        *,
        accepted: bool,
        slot_at: datetime | None = None,
        reason: str = "",
        note: str = "",
    ) -> Referral:
        """The agent records the answer the place gave by phone (printed referrals, or any)."""
        referral = self.get(referral_id, agent=agent)
        if referral.status not in OPEN_STATUSES:
            raise LinkUsed("Cette orientation a déjà reçu une réponse.")
        if accepted:
            return self._answer(referral, claimed_nonce=referral.link_nonce, slot_at=slot_at)
        return self._answer(referral, claimed_nonce=referral.link_nonce, reason=reason, note=note)

    def _answer(
        self,
        referral: Referral,
        *,
        claimed_nonce: str | None,
        slot_at: datetime | None = None,
        reason: str | None = None,
        note: str = "",
    ) -> Referral:
        now = self.clock.now()
        if reason is not None and reason not in REFUSAL_REASONS:
            raise InvalidReferral("Choisissez une raison.")
        if slot_at is not None and slot_at < now - timedelta(hours=1):
            raise InvalidReferral("Ce rendez-vous est dans le passé.")
        if reason is None and slot_at is not None:
            self._check_open(referral, slot_at)
        values: dict[str, Any] = {"answered_at": now, "link_nonce": None}
        other: SearchResult | None = None
        if reason is None:
            values |= {"status": "acceptee", "slot_at": slot_at}
            event, outcome = "accepted", "acceptee"
        else:
            other = self._next_place(referral)
            values |= {
                "status": "refusee",
                "refusal_reason": reason,
                "refusal_note": " ".join(note.split())[:300] or None,
                "next_place_id": other.id if other else None,
                "next_place_name": other.name if other else None,
            }
            event, outcome = "refused", f"refusee:{reason}"
        with self.Session.begin() as session:
            changed = session.execute(
                update(Referral)
                .where(
                    Referral.id == referral.id,
                    Referral.status.in_(OPEN_STATUSES),
                    _nonce_is(claimed_nonce),
                )
                .values(**values)
            ).rowcount
            if not changed:
                raise LinkUsed("Cette orientation a déjà reçu une réponse, merci.")
            fresh = session.get(Referral, referral.id)
            session.refresh(fresh)
            outcomes.count(session, fresh, outcome)
            self.queue.enqueue(session, "notify", f"notify:{referral.id}:{event}",
                               referral_id=referral.id, payload={"event": event})  # fmt: skip
            if event == "accepted":
                after = (
                    slot_at + self.timings.followup_after_slot
                    if slot_at
                    else now + self.timings.followup_without_slot
                )
                self.queue.enqueue(session, "followup", f"followup:{referral.id}",
                                   referral_id=referral.id, run_at=after)  # fmt: skip
        return fresh

    def _check_open(self, referral: Referral, slot_at: datetime) -> None:
        """A slot when the place is closed, by its own hours in the directory, is refused with
        the hours of that day (unknown hours: any slot)."""
        place = self.directory.get_place(referral.place_id)
        if place is None or not place.opening_hours:
            return
        tz = hours.place_timezone(place.code_postal)
        if hours.is_open_at(place.opening_hours, slot_at, tz) is False:
            day = display.day_hours(place.opening_hours, slot_at.astimezone(tz).weekday())
            raise InvalidReferral(texts.slot_closed(slot_at, day))

    def _next_place(self, referral: Referral) -> SearchResult | None:
        """The best other place for the same need near the place that could not help (the
        search the assistant uses, around its coordinates); None when none is near (the person
        then gets the helpline, ``texts.next_place``), never a far one."""
        if referral.place_lat is None or referral.place_lon is None:
            return None
        location = Location(
            label=referral.place_name,
            kind="point",
            lat=referral.place_lat,
            lon=referral.place_lon,
            departement=referral.departement,
        )
        query = SearchQuery(
            needs=(referral.service,) if referral.service else (), location=location, limit=5
        )
        try:
            response = self.directory.search(query)
        except Exception:  # noqa: BLE001 - the answer is recorded; the person gets the desk
            log.exception("next place: search failed")
            return None
        if response.nothing_near:  # the nearest ones are far away: the helpline instead
            return None
        return next(
            (
                r
                for r in response.results
                if r.id != referral.place_id
                and (r.distance_km is None or r.distance_km <= response.radius_km)
            ),
            None,
        )

    # --- reading ----------------------------------------------------------------------------
    def get(self, referral_id: str, *, agent: str | None = None) -> Referral:
        with self.Session() as session:
            referral = session.get(Referral, referral_id)
        if referral is None or (agent is not None and referral.agent != agent):
            raise ReferralNotFound("Orientation introuvable.")
        return referral

    def for_agent(self, agent: str, limit: int = 100) -> list[Referral]:
        with self.Session() as session:
            return list(
                session.execute(
                    select(Referral)
                    .where(Referral.agent == agent)
                    .order_by(Referral.created_at.desc())
                    .limit(limit)
                ).scalars()
            )

    # --- follow-up --------------------------------------------------------------------------
    def followup_url(self, referral: Referral, answer: str) -> str:
        return self._url(FOLLOWUP_PATH, referral, "followup", f"/{answer}")

    def record_followup(self, referral_id: str, answer: str, *, nonce: str | None = None) -> bool:
        """Count the person's answer (``1``, ``2``, ``3``) once, then blank their details."""
        word = FOLLOWUP_ANSWERS.get(answer)
        if word is None:
            raise InvalidReferral("Répondez 1, 2 ou 3.")
        with self.Session.begin() as session:
            conditions = [
                Referral.id == referral_id,
                Referral.outcome.is_(None),
                Referral.followup_sent_at.is_not(None),
            ]
            if nonce is not None:
                conditions.append(Referral.link_nonce == nonce)
            changed = session.execute(
                update(Referral).where(*conditions).values(outcome=word, **self._blank_values())
            ).rowcount
            if changed:
                outcomes.count(session, session.get(Referral, referral_id), f"aide:{word}")
        return bool(changed)

    def followup_by_link(self, token: str, answer: str) -> bool:
        referral = self.open_link(token, purpose="followup")
        return self.record_followup(referral.id, answer, nonce=referral.link_nonce)

    def handle_sms_reply(self, phone: str, body: str) -> str | None:
        """An SMS from ``phone``: the answer to a pending follow-up question → the thanks to send
        back; anything else → None (the conversation goes on as usual)."""
        number = normalise_phone(phone.removeprefix("whatsapp:"))
        digit = (body or "").strip().rstrip(".")
        if number is None or digit not in FOLLOWUP_ANSWERS:
            return None
        with self.Session() as session:
            referral_id = session.execute(
                select(Referral.id)
                .where(
                    Referral.contact_channel == "sms",
                    Referral.contact == number,
                    Referral.followup_sent_at.is_not(None),
                    Referral.outcome.is_(None),
                )
                .order_by(Referral.followup_sent_at.desc())
                .limit(1)
            ).scalar_one_or_none()
        if referral_id is None or not self.record_followup(referral_id, digit):
            return None
        return texts.FOLLOWUP_THANKS

    def _blank_values(self) -> dict[str, Any]:
        return {
            "contact": None,
            "person_name": None,
            "request": None,
            "link_nonce": None,
            "details_deleted_at": self.clock.now(),
        }

    # --- privacy ----------------------------------------------------------------------------
    def forget_conversation(self, sender_id: str) -> int:
        """ "Oublie-moi": the referrals made from this conversation, and their jobs, go."""
        return forget_conversation(self.engine, sender_id)

    def delete(self, referral_id: str, agent: str) -> int:
        self.get(referral_id, agent=agent)
        return delete_referrals(self.engine, Referral.id == referral_id)

    def purge(self, days: float | None = None) -> int:
        """Delete the referrals older than the retention period (90 days by default)."""
        keep = self.timings.retention_days if days is None else days
        return purge(self.engine, self.clock.now() - timedelta(days=keep))

    # --- the worker's side --------------------------------------------------------------------
    def worker(self, concurrency: int = 4) -> Worker | RedisWorker:
        handlers = {
            "deliver": self._deliver,
            "remind": self._remind,
            "no_answer": self._no_answer,
            "notify": self._notify,
            "followup": self._followup,
        }
        if self.redis_url:
            return RedisWorker(
                self.queue, handlers, redis_url=self.redis_url, concurrency=concurrency
            )
        return Worker(self.queue, handlers, concurrency=concurrency)

    def _load(self, job: ClaimedJob) -> Referral | None:
        with self.Session() as session:
            return session.get(Referral, job.referral_id)

    async def _mail(self, mail: Mail, key: str) -> None:
        if self.mailer is None:
            raise DeliveryError("l'envoi de courriels n'est pas configuré (SMTP_HOST)")
        await asyncio.to_thread(self.mailer.send, mail, key)

    async def _deliver(self, job: ClaimedJob) -> None:
        referral = await asyncio.to_thread(self._load, job)
        if referral is None or referral.status not in OPEN_STATUSES or not referral.link_nonce:
            return  # forgotten, or answered already (by phone)
        link = self.answer_url(referral)
        mail = texts.place_request(
            referral, link, self.link_expires(referral), self.desk(referral)
        )
        await self._mail(mail, job.key)

    async def _remind(self, job: ClaimedJob) -> None:
        referral = await asyncio.to_thread(self._load, job)
        if referral is None or referral.status != "en_attente" or not referral.link_nonce:
            return
        link = self.answer_url(referral)
        mail = texts.place_reminder(
            referral, link, self.link_expires(referral), self.desk(referral)
        )
        await self._mail(mail, job.key)
        await asyncio.to_thread(
            self._transition, referral.id, ("en_attente",), status="relancee",
            reminded_at=self.clock.now(),
        )  # fmt: skip

    async def _no_answer(self, job: ClaimedJob) -> None:
        referral = await asyncio.to_thread(self._load, job)
        if referral is None or referral.status not in OPEN_STATUSES:
            return
        other = await asyncio.to_thread(self._next_place, referral)
        await asyncio.to_thread(self._give_up, referral, other)

    def _give_up(self, referral: Referral, other: SearchResult | None) -> None:
        with self.Session.begin() as session:
            changed = session.execute(
                update(Referral)
                .where(Referral.id == referral.id, Referral.status.in_(OPEN_STATUSES))
                .values(
                    status="sans_reponse",
                    no_answer_at=self.clock.now(),
                    link_nonce=None,
                    next_place_id=other.id if other else None,
                    next_place_name=other.name if other else None,
                )
            ).rowcount
            if changed:
                outcomes.count(session, referral, "sans_reponse")
                self.queue.enqueue(session, "notify", f"notify:{referral.id}:no_answer",
                                   referral_id=referral.id,
                                   payload={"event": "no_answer"})  # fmt: skip

    def _transition(self, referral_id: str, from_: Iterable[str], **values: Any) -> bool:
        with self.Session.begin() as session:
            return bool(
                session.execute(
                    update(Referral)
                    .where(Referral.id == referral_id, Referral.status.in_(list(from_)))
                    .values(**values)
                ).rowcount
            )

    def person_text(self, referral: Referral, event: str) -> str:
        """What the person is told of the place's answer (``event``: accepted, refused,
        no_answer): sent by SMS or e-mail, or read to her by the desk (``to_tell``)."""
        if event == "accepted":
            return texts.accepted(referral)
        other = self.directory.get_place(referral.next_place_id) if referral.next_place_id else None
        line = texts.next_place(
            other.name if other else None,
            other.address if other else None,
            other.phone if other else None,
        )
        return (texts.refused if event == "refused" else texts.no_answer)(referral, line)

    def to_tell(self, referral: Referral, notify_error: str | None = None) -> str | None:
        """What the desk must tell the person itself, when no message could reach her (contact
        "téléphone", or the message failed: ``notify_error``) of a refusal or a silence: the
        place's answer, its note and the next place, with her contact; None otherwise. Her
        contact is kept until the desk marks her told (``mark_told``), at most the retention
        period (``purge``)."""
        event = TOLD_BY_DESK.get(referral.status)
        if event is None or not referral.contact or referral.details_deleted_at is not None:
            return None
        if referral.contact_channel != "phone" and not notify_error:
            return None
        return texts.to_tell(referral, self.person_text(referral, event))

    def mark_told(self, referral_id: str, agent: str) -> None:
        """The desk told the person: her details go now."""
        self.get(referral_id, agent=agent)
        self._blank(referral_id)

    async def _notify(self, job: ClaimedJob) -> None:
        referral = await asyncio.to_thread(self._load, job)
        if referral is None or not referral.contact:
            return
        event = job.payload["event"]
        text = await asyncio.to_thread(self.person_text, referral, event)
        await self._to_person(referral, text, job.key)
        if event != "accepted" and referral.contact_channel != "phone":
            # nothing more will be sent: the person's details go now ("téléphone": the desk
            # calls her first, ``to_tell``)
            await asyncio.to_thread(self._blank, referral.id)

    async def _to_person(self, referral: Referral, text: str, key: str) -> None:
        off = self.cannot_send(referral.contact_channel)
        if off is not None and referral.contact_channel != "phone":
            raise DeliveryRejected(off)  # no retry will change it: the desk sees it now
        if referral.contact_channel == "sms":
            try:
                await self.sms.send(referral.contact or "", text)
            except SmsError as exc:
                raise DeliveryError(str(exc)) from exc
        elif referral.contact_channel == "email":
            await self._mail(texts.to_person_mail(referral, text), key)
        # "phone": the place (or the desk) calls; the console shows the answer.

    async def _followup(self, job: ClaimedJob) -> None:
        referral = await asyncio.to_thread(self._load, job)
        if referral is None or referral.status != "acceptee" or referral.outcome:
            return
        if referral.contact_channel == "phone" or not referral.contact:
            await asyncio.to_thread(self._blank, referral.id)
            return
        if referral.contact_channel == "sms":
            try:
                await self.sms.send(referral.contact, texts.followup_sms())
            except SmsError as exc:
                raise DeliveryError(str(exc)) from exc
        else:
            if not referral.link_nonce:  # the same links on every attempt
                referral.link_nonce = new_nonce()
                await asyncio.to_thread(self._set_nonce_once, referral.id, referral.link_nonce)
                referral = await asyncio.to_thread(self._load, job)
            links = {a: self.followup_url(referral, a) for a in FOLLOWUP_ANSWERS}
            await self._mail(texts.followup_mail(referral, links), job.key)
        await asyncio.to_thread(
            self._transition, referral.id, ("acceptee",), followup_sent_at=self.clock.now()
        )

    def _set_nonce_once(self, referral_id: str, nonce: str) -> None:
        with self.Session.begin() as session:
            session.execute(
                update(Referral)
                .where(Referral.id == referral_id, Referral.link_nonce.is_(None))
                .values(link_nonce=nonce)
            )

    def _blank(self, referral_id: str) -> None:
        with self.Session.begin() as session:
            session.execute(
                update(Referral).where(Referral.id == referral_id).values(**self._blank_values())
            )


def delete_referrals(engine: Engine, condition: Any) -> int:
    """Delete the referrals matching ``condition`` and their jobs; returns how many."""
    with Session(engine, future=True) as session, session.begin():
        ids = list(session.execute(select(Referral.id).where(condition)).scalars())
        for chunk in _chunks(ids, 500):
            session.execute(delete(Job).where(Job.referral_id.in_(chunk)))
            session.execute(delete(Referral).where(Referral.id.in_(chunk)))
    return len(ids)


def forget_conversation(engine: Engine, sender_id: str) -> int:
    return delete_referrals(engine, Referral.sender_id == sender_id)


def purge(engine: Engine, cutoff: datetime) -> int:
    """Referrals created before ``cutoff`` go, with the finished jobs of that age."""
    removed = delete_referrals(engine, Referral.created_at < cutoff)
    with Session(engine, future=True) as session, session.begin():
        session.execute(delete(Job).where(Job.status == "done", Job.done_at < cutoff))
    return removed


def _nonce_is(nonce: str | None):  # noqa: ANN202
    return Referral.link_nonce.is_(None) if nonce is None else Referral.link_nonce == nonce


def _checked_contact(channel: str, raw: str) -> str:
    if channel not in CONTACT_CHANNELS:
        raise InvalidReferral("Choisissez comment joindre la personne : SMS, courriel, téléphone.")
    if channel in ("sms", "phone"):
        number = normalise_phone(raw)
        if number is None:
            raise InvalidReferral("Numéro de téléphone invalide.")
        return number
    address = (raw or "").strip()
    if not EMAIL.match(address):
        raise InvalidReferral("Adresse de courriel invalide.")
    return address


def _departement(code_postal: str | None) -> str | None:
    code = (code_postal or "").strip()
    if len(code) != 5 or not code.isdigit():
        return None
    if code.startswith("97"):
        return code[:3]
    if code.startswith("20"):
        return "2A" if int(code) < 20200 else "2B"
    return code[:2]


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
