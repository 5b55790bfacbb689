"""SMS and WhatsApp through Twilio, made for people who are not at ease with digital tools.

Register in credentials.yml; the settings come from the environment (``TWILIO_ACCOUNT_SID``,
``TWILIO_AUTH_TOKEN``, ``TWILIO_FROM``…, ``bot.settings.CHANNEL_ENV``), never from the
repository::

    bot.channels.sms.SmsInput:

Webhook: ``POST /webhooks/twilio/webhook`` (same path as Rasa's own Twilio channel).

Compared with Rasa's ``TwilioInput``: buttons become numbered lines and a digit reply becomes the
button's payload; the recommendation payload becomes one SMS of at most four segments (one
WhatsApp message, places whole), and a place's number gives it in full; texts are folded to
GSM-7; STOP/ARRET and AIDE/HELP are answered by the channel; a WhatsApp shared location
becomes ``/share_location{"lat": …, "lon": …}``; the X-Twilio-Signature header is verified; sends
run in a thread with a short timeout instead of blocking the server.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator

from bot.channels import render
from bot.channels.common import (
    BackgroundTasks,
    ChannelState,
    as_bool,
    as_float,
    blank_to_none,
    location_settings,
)
from bot.channels.guard import never_silent
from bot.channels.sms_text import shorten_links, to_gsm7
from bot.privacy import mask_text, sender_ref
from bot.referrals.chat import followup_reply
from bot.settings import channel_settings

logger = logging.getLogger(__name__)

TWILIO_MAX_BODY = 1600
WHATSAPP_PREFIX = "whatsapp:"
MEDIA_ONLY_TEXT = "Je ne peux lire que des messages écrits. Écrivez votre besoin et votre ville."


def is_whatsapp(address: str | None) -> bool:
    return bool(address) and address.lower().startswith(WHATSAPP_PREFIX)


class SmsOutput(TwilioOutput):
    """Sends SMS or WhatsApp messages, compact and numbered, never to an opted-out number."""

    @classmethod
    def name(cls) -> str:
        return "twilio"

    def __init__(self, account_sid: str | None, auth_token: str | None,
                 twilio_number: str | None, *, state: ChannelState | None = None,
                 whatsapp_number: str | None = None, messaging_service_sid: str | None = None,
                 api_base_url: str | None = None, timeout: float = 10.0) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        self.state = state or ChannelState({"optout_db": ":memory:"})
        self.whatsapp_number = whatsapp_number or (
            WHATSAPP_PREFIX + twilio_number if twilio_number else None)
        if self.whatsapp_number and not is_whatsapp(self.whatsapp_number):
            self.whatsapp_number = WHATSAPP_PREFIX + self.whatsapp_number
        self.messaging_service_sid = messaging_service_sid
        self.http_client = TwilioHttpClient(timeout=timeout)
        if api_base_url:
            # Every Messages call goes to <api_base_url>/2010-04-01/Accounts/{sid}/Messages.json
            self.api.base_url = api_base_url.rstrip("/")

    # -------------------------------------------------------------- sending

    def _prepare(self, recipient_id: str, text: str) -> str:
        text = shorten_links(text.strip().replace("\n\n", "\n"))
        return text if is_whatsapp(recipient_id) else to_gsm7(text)

    def _message_data(self, recipient_id: str) -> dict[str, Any]:
        data: dict[str, Any] = {"to": recipient_id}
        if is_whatsapp(recipient_id):
            data["from_"] = self.whatsapp_number
        elif self.messaging_service_sid:
            data["messaging_service_sid"] = self.messaging_service_sid
        else:
            data["from_"] = self.twilio_number
        return data

    async def _send_message(self, message_data: dict[str, Any], *,
                            ignore_optout: bool = False) -> Any:
        recipient = message_data.get("to", "")
        if not ignore_optout and recipient in self.state.optouts:
            logger.debug("Not sending to %s: opted out (STOP)", sender_ref(recipient))
            return None
        try:
            message = await asyncio.to_thread(self.messages.create, **message_data)
        except Exception as error:  # noqa: BLE001 - a failed SMS must not break the dialogue
            logger.error("Twilio send failed: %s", mask_text(repr(error)))  # may name the number
            return None
        return message

    async def send_body(self, recipient_id: str, body: str, *, ignore_optout: bool = False,
                        prepared: bool = False) -> None:
        if not prepared:
            body = self._prepare(recipient_id, body)
        for part in render.split_text(body.strip(), TWILIO_MAX_BODY):
            if part:
                await self._send_message({**self._message_data(recipient_id), "body": part},
                                         ignore_optout=ignore_optout)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_body(recipient_id, text)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A recommendation is one message: its introduction (the text) and the places of the
        payload, to the channel's limits (SMS: at most 4 GSM-7 segments, else two SMS, never an
        introduction cut or a place left out; WhatsApp: every place whole). The menu is said
        once per conversation; the places are kept for a digit reply.
        """
        recommendation = render.recommendation_of(message.get("custom"))
        if recommendation is None:
            await super().send_response(recipient_id, message)
            return
        if render.is_detail(recommendation):  # "le deuxième": as the channel answers "2"
            for place in render.places_of(recommendation):
                await self.send_place(recipient_id, place, list(recommendation.get("bring") or []))
            return
        menu = recipient_id not in self.state.menu_said
        if is_whatsapp(recipient_id):
            body, places = render.whatsapp_body(message.get("text"), recommendation, menu=menu)
            bodies = [body]
        else:  # two SMS when one cannot hold the introduction and every place
            bodies, places = render.sms_bodies(message.get("text"), recommendation, menu=menu)
        for body in bodies:
            await self.send_body(recipient_id, body, prepared=True)
        if places:
            if menu:
                self.state.menu_said[recipient_id] = True
            bring = list(recommendation.get("bring") or [])
            self.state.remember_places(recipient_id, places, bring)
            self.state.offer(recipient_id, [
                (b["title"], b["payload"]) for b in render.follow_ups(recommendation)])

    async def send_place(self, recipient_id: str, place: dict, bring: list[str]) -> None:
        """One place in full ("2", "le deuxième"), then how to see the list again ("liste")."""
        await self.send_body(recipient_id, render.place_detail_then_list(place, bring))

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        body, choices = render.numbered_choices(text, buttons)
        if choices:
            self.state.ask(recipient_id, choices)
        await self.send_body(recipient_id, body)

    async def send_quick_replies(self, recipient_id: str, text: str,
                                 quick_replies: list[dict[str, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        if is_whatsapp(recipient_id):
            await self._send_message({**self._message_data(recipient_id), "media_url": [image]})
        else:
            logger.debug("Image not sent by SMS: %s", image)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any],
                               **kwargs: Any) -> None:
        recommendation = render.recommendation_of(json_message)
        if recommendation is not None:
            await self.send_response(recipient_id, {"custom": json_message})
            return
        if isinstance(json_message.get("orienteur"), Mapping):
            if json_message["orienteur"].get("type") == "forget_me":
                self.state.forget(recipient_id)
            text = json_message["orienteur"].get("text")
            if text:
                await self.send_body(recipient_id, str(text))
            return
        # Twilio-native payloads only: never pass arbitrary keys to the Messages API.
        allowed = {k: v for k, v in json_message.items()
                   if k in {"body", "media_url", "persistent_action"}}
        if allowed.get("body") or allowed.get("media_url"):
            if allowed.get("body"):
                allowed["body"] = self._prepare(recipient_id, allowed["body"])
            await self._send_message({**self._message_data(recipient_id), **allowed})


class SmsInput(TwilioInput):
    """Twilio webhook for SMS and WhatsApp (``From=whatsapp:+33…``)."""

    @classmethod
    def name(cls) -> str:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = channel_settings("twilio", credentials)
        if not credentials.get("account_sid"):
            cls.raise_missing_credentials_exception()
        return cls(
            blank_to_none(credentials.get("account_sid")),
            blank_to_none(credentials.get("auth_token")),
            blank_to_none(credentials.get("twilio_number")),
            settings=credentials,
        )

    def __init__(self, account_sid: str | None, auth_token: str | None,
                 twilio_number: str | None, debug_mode: bool = False,
                 settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=debug_mode)
        settings = dict(settings or {})
        self.settings = settings
        self.whatsapp_number = blank_to_none(settings.get("whatsapp_number"))
        self.messaging_service_sid = blank_to_none(settings.get("messaging_service_sid"))
        self.api_base_url = blank_to_none(settings.get("api_base_url"))
        self.webhook_url = blank_to_none(settings.get("webhook_url"))
        self.timeout = as_float(settings.get("timeout"), 10.0)
        self.location = location_settings(settings)
        # On by default as soon as an auth token is configured.
        self.verify_signature = as_bool(settings.get("verify_signature"), bool(auth_token))
        if self.verify_signature and not auth_token:
            raise ValueError("verify_signature needs the Twilio auth_token")
        self.validator = RequestValidator(auth_token) if auth_token else None
        self.state = ChannelState(settings)
        self.background = as_bool(settings.get("process_in_background"), True)
        self.tasks = BackgroundTasks()
        self._output: SmsOutput | None = None

    def get_output_channel(self) -> OutputChannel:
        if self._output is None:
            self._output = SmsOutput(
                self.account_sid, self.auth_token, self.twilio_number, state=self.state,
                whatsapp_number=self.whatsapp_number,
                messaging_service_sid=self.messaging_service_sid,
                api_base_url=self.api_base_url, timeout=self.timeout)
        return self._output

    # -------------------------------------------------------------- signature

    def public_url(self, request: Request) -> str:
        """The URL Twilio signed: ``webhook_url`` when set, else rebuilt from proxy headers."""
        if self.webhook_url:
            return self.webhook_url
        proto = request.headers.get("x-forwarded-proto", request.scheme).split(",")[0].strip()
        host = request.headers.get("x-forwarded-host", request.host).split(",")[0].strip()
        url = f"{proto}://{host}{request.path}"
        return f"{url}?{request.query_string}" if request.query_string else url

    @staticmethod
    def form_params(request: Request) -> dict[str, str]:
        """The posted fields, blank ones included: Twilio signs ``Body=`` of a location too
        (Sanic's ``request.form`` drops blank values, which breaks the signature)."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            params: dict[str, str] = {}
            for key, value in parse_qsl(request.body.decode("utf-8", "replace"),
                                        keep_blank_values=True):
                params.setdefault(key, value)
            return params
        return {key: request.form.get(key) for key in request.form}

    def signature_ok(self, request: Request, params: Mapping[str, str]) -> bool:
        if not self.verify_signature:
            return True
        signature = request.headers.get("x-twilio-signature", "")
        if not signature or self.validator is None:
            return False
        return self.validator.validate(self.public_url(request), dict(params), signature)

    # -------------------------------------------------------------- webhook

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = never_silent(on_new_message)  # apology + helpline, never silence
        webhook = Blueprint("orienteur_twilio_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            params = self.form_params(request)
            if not self.signature_ok(request, params):
                logger.warning("Twilio webhook refused: bad or missing X-Twilio-Signature")
                return response.text("invalid signature", status=403)
            if self.background:
                self.tasks.run(self.handle(params, on_new_message), "a Twilio message")
                return response.text("", status=204)
            try:
                await self.handle(params, on_new_message)
            except Exception as error:  # noqa: BLE001
                logger.error("Exception when handling a Twilio message: %r", error)
                logger.debug(error, exc_info=True)
                if self.debug_mode:
                    raise
            return response.text("", status=204)

        return webhook

    async def handle(self, form: Mapping[str, str],
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        sender = form.get("From")
        if not sender:
            logger.debug("Twilio webhook without From")
            return
        body = form.get("Body") or ""
        out = self.get_output_channel()
        assert isinstance(out, SmsOutput)
        kind = "whatsapp" if is_whatsapp(sender) else "sms"

        async def send(text: str, **kwargs: Any) -> Any:
            return await out.send_body(sender, text, **kwargs)

        if await self.state.answer_keyword(sender, sender, body, kind, send):
            return

        listed = self.state.place(sender, body)
        if listed is not None:  # "2" after a list: that place in full, no turn of the assistant
            await out.send_place(sender, *listed)
            return

        if sender not in self.state.choices:  # a digit picks a place while choices are open
            thanks = await followup_reply(sender, body)
            if thanks is not None:  # the answer to "Avez-vous pu être aidé ?" (bot/referrals)
                await out.send_body(sender, thanks)
                return

        asked = bool(self.state.asked.pop(sender))  # a question's choices: "le premier" too
        choices = self.state.choices.pop(sender)
        metadata: dict[str, Any] = {
            "orienteur_channel": kind,
            "message_sid": form.get("MessageSid")}
        lat, lon = form.get("Latitude"), form.get("Longitude")
        if lat and lon:
            text = render.location_message(lat, lon, **self.location)
            if text is None:
                return
            point = render.coordinates(lat, lon)
            metadata["location"] = {"lat": point[0], "lon": point[1]}
        elif body.strip():
            picked = render.pick_choice(body, choices, ranks=asked)
            # "@" signs get corrupted into "¡" by some carriers
            text = picked if picked is not None else \
                render.sanitize_user_text(body.replace("¡", "@"))
        elif form.get("NumMedia") not in (None, "", "0"):
            await out.send_body(sender, MEDIA_ONLY_TEXT)
            return
        elif "Body" in form:  # an empty SMS: the welcome, or what one can say now (guard)
            text = ""
        else:
            return

        await on_new_message(UserMessage(text, out, sender, input_channel=self.name(),
                                         metadata=metadata))
