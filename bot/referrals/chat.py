"""What the assistant's action calls for "prévenez-les que je viens" (the chat side).

The action first asks ``why_not_notify(place_id)``: a reason means the place cannot be told from
here now, and the person is told so at once, nothing asked. Otherwise it asks
``consent_question(...)``, word for word; only after an explicit "oui" does
it call ``create_chat_referral(...)`` with the same text as ``consent_text`` and the time of the
"oui". The referral then follows the same path as the desk's (e-mail to the place, answer,
notice to the person, reminder, follow-up). "Oublie-moi" deletes it with the conversation
(``python -m bot.retention forget-pending`` calls ``forget_conversation``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from datetime import datetime

from bot.referrals import texts
from bot.referrals.errors import ReferralError
from bot.referrals.models import FOLLOWUP_ANSWERS
from bot.referrals.service import NO_EMAIL, NO_MAILER, NewReferral, ReferralService

log = logging.getLogger(__name__)
BY = {"sms": "par SMS", "email": "par courriel"}
_SERVICE: ReferralService | None = None
_LOCK = threading.Lock()
OFF = "off"  # referrals are off on this server (no ORIENTEUR_SECRET_KEY, or a wrong setting)
REASONS = (OFF, NO_EMAIL, NO_MAILER)


def why_not_notify(place_id: str, service: ReferralService | None = None) -> str | None:
    """None when the chat can tell this place now that the person is coming; else why not
    (one of ``REASONS``). Asked before the consent question and before offering "Prévenir"."""
    try:
        target = service or default_service()
        if target is None:
            return OFF
        return target.chat_blocker(place_id)
    except ReferralError as exc:
        log.warning("Orientations désactivées : %s", exc)
        return OFF


def sendable_channels(service: ReferralService | None = None) -> tuple[str, ...]:
    """The ways an answer can reach the person from this server: "sms", "email" (none: off)."""
    try:
        target = service or default_service()
    except ReferralError:
        return ()
    return () if target is None else tuple(c for c in target.channels() if c in BY)


def consent_question(
    place_name: str,
    need_label: str,
    request: str,
    contact_channel: str | None = None,
    contact: str | None = None,
    can_send: tuple[str, ...] = ("sms", "email"),
) -> str:
    """The consent question, saying what will be sent to whom. Without a contact yet (the web
    chat), it says the number or address will be asked next, and sent only to that place; only
    the ways this server can send (``can_send``, from ``sendable_channels``) are named."""
    wants = f" ({request})" if request else ""
    if contact_channel in BY and contact:
        what = f"votre {'numéro' if contact_channel == 'sms' else 'adresse'} {contact}"
        by = BY[contact_channel]
    elif "sms" in can_send and "email" in can_send:
        what = "le numéro de portable ou l'adresse e-mail que vous me donnerez ensuite"
        by = "par SMS ou par courriel"
    elif "sms" in can_send:
        what, by = "le numéro de portable que vous me donnerez ensuite", BY["sms"]
    else:
        what, by = "l'adresse e-mail que vous me donnerez ensuite", BY["email"]
    return (
        f"Voulez-vous que je prévienne {place_name} que vous venez ? Je leur enverrai par "
        f"courriel votre demande : {need_label}{wants}, et {what} pour vous répondre. "
        f"Vous aurez leur réponse {by}, puis une question pour savoir si "
        "vous avez été aidé. Rien d'autre n'est envoyé. Répondez oui ou non."
    )


@dataclass(frozen=True)
class ChatReferral:
    ok: bool
    text: str  # what the assistant says next
    referral_id: str | None = None


def create_chat_referral(
    *,
    sender_id: str,
    place_id: str,
    need: str,
    service_label: str | None,
    request: str,
    contact_channel: str,
    contact: str,
    consent_text: str,
    consent_at: datetime,
    service: ReferralService | None = None,
) -> ChatReferral:
    """Create the referral after the person's "oui"; never raises (the answer says why not)."""
    if contact_channel not in BY:
        return ChatReferral(False, "Je peux vous répondre par SMS ou par courriel.")
    try:
        target = service or default_service()
        if target is None:
            return ChatReferral(False, texts.chat_cannot_notify(""))
        if contact_channel not in target.channels():  # never promise an SMS that cannot leave
            return ChatReferral(False, texts.CHAT_NO_SMS if contact_channel == "sms" else
                                texts.chat_cannot_notify(""))  # fmt: skip
        referral = target.create(
            NewReferral(
                place_id=place_id,
                need=need,
                service=service_label,
                request=request,
                contact_channel=contact_channel,
                contact=contact,
                consent_text=consent_text,
                consent_at=consent_at,
                origin="chat",
                sender_id=sender_id,
            )
        )
    except ReferralError as exc:
        return ChatReferral(False, str(exc))
    return ChatReferral(
        True,
        f"C'est fait : {referral.place_name} est prévenu. Vous aurez sa réponse "
        f"{BY[contact_channel]}.",
        referral.id,
    )


async def followup_reply(sender: str, body: str) -> str | None:
    """For the SMS channel: the thanks when ``body`` answers a pending follow-up, else None."""
    if body.strip().rstrip(".") not in FOLLOWUP_ANSWERS:
        return None
    try:
        service = await asyncio.to_thread(default_service)
        if service is None:
            return None
        return await asyncio.to_thread(service.handle_sms_reply, sender, body)
    except Exception:  # noqa: BLE001 - the conversation goes on as usual
        log.exception("referral follow-up: reply not recorded")
        return None


def default_service() -> ReferralService | None:
    """The service of this process (the action server), from the environment; None when off."""
    global _SERVICE
    with _LOCK:
        if _SERVICE is None:
            from bot.referrals.runtime import service_from_env
            from bot.settings import Settings
            from directory_client import Directory

            _SERVICE = service_from_env(Directory.open_existing, Settings.from_env().web_public_url)
        return _SERVICE
