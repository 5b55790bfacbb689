"""Telegram, with the same conversation rules as SMS.

Register in credentials.yml; the settings come from the environment (``TELEGRAM_TOKEN``,
``TELEGRAM_WEBHOOK_URL``, ``TELEGRAM_BASE_URL``…, ``bot.settings.CHANNEL_ENV``), never from the
repository::

    bot.channels.telegram.TelegramChannelInput:

Compared with Rasa's ``TelegramInput``: a shared location becomes
``/share_location{"lat": …, "lon": …}`` (not raw JSON text); buttons are numbered lines plus an
inline keyboard, and a typed digit picks the button; callback queries are answered; the
recommendation payload becomes readable text with its follow-ups as buttons, and a place's number
gives it in full; the ``X-Telegram-Bot-Api-Secret-Token`` header is
checked; the webhook is registered after the server starts (and not at all when
``set_webhook: false``), its failure is logged instead of stopping the server; ``get_me`` is
not called for every message; ``api_base_url`` points the bot at another Bot API server.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiogram.bot.api import TELEGRAM_PRODUCTION, TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Update
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

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
from bot.privacy import sender_ref
from bot.settings import channel_settings

logger = logging.getLogger(__name__)

MEDIA_ONLY_TEXT = "Je ne peux lire que des messages écrits ou une position partagée."
TELEGRAM_MAX_TEXT = 4096
CALLBACK_DATA_MAX = 64  # bytes, Telegram's limit for inline buttons
ALLOWED_UPDATES = ["message", "callback_query"]


def optout_key(chat_id: Any) -> str:
    return f"telegram:{chat_id}"


class TelegramChannelOutput(TelegramOutput):
    """Sends to a Telegram chat; honours STOP like SMS does."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    def __init__(self, access_token: str | None, *, state: ChannelState | None = None,
                 api_base_url: str | None = None, timeout: float = 10.0) -> None:
        server = TelegramAPIServer.from_base(api_base_url) if api_base_url \
            else TELEGRAM_PRODUCTION
        # Bot.__init__ directly: TelegramOutput.__init__ does not pass the server on.
        super(TelegramOutput, self).__init__(access_token, server=server, timeout=timeout)
        self.state = state or ChannelState({"optout_db": ":memory:"})

    async def _send(self, recipient_id: str, text: str, *, ignore_optout: bool = False,
                    **kwargs: Any) -> None:
        if not ignore_optout and optout_key(recipient_id) in self.state.optouts:
            logger.debug("Not sending to Telegram chat %s: opted out (STOP)",
                         sender_ref(recipient_id))  # fmt: skip
            return
        try:
            await self.send_message(recipient_id, text, **kwargs)
        except Exception as error:  # noqa: BLE001 - a failed send must not break the dialogue
            logger.error("Telegram send failed: %r", error)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in render.split_text(text.strip(), TELEGRAM_MAX_TEXT):
            await self._send(recipient_id, part)

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        body, choices = render.numbered_choices(text, buttons)
        if not choices:
            await self.send_text_message(recipient_id, body)
            return
        await self._send(recipient_id, body, reply_markup=self._keyboard(recipient_id, choices))

    def _keyboard(self, recipient_id: str, choices: list, numbered: bool = True
                  ) -> InlineKeyboardMarkup:
        if numbered:  # a question's buttons
            self.state.ask(str(recipient_id), choices)
        else:  # what one can say after a list
            self.state.offer(str(recipient_id), choices)
        keyboard = InlineKeyboardMarkup()
        for i, (title, payload) in enumerate(choices, 1):
            data = str(payload)
            if len(data.encode()) > CALLBACK_DATA_MAX:
                data = str(i)  # mapped back through the stored choices
            label = f"{i}. {title}" if numbered else title
            keyboard.row(InlineKeyboardButton(label, callback_data=data))
        return keyboard

    async def send_quick_replies(self, recipient_id: str, text: str,
                                 quick_replies: list[dict[str, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A recommendation is one message: its introduction (the text) and the places of the
        payload as plain text, the follow-ups as buttons; a place's number gives it in full."""
        recommendation = render.recommendation_of(message.get("custom"))
        if recommendation is None:
            await super().send_response(recipient_id, message)
            return
        text = render.plain_text(message.get("text"), recommendation)
        choices = [(b["title"], b["payload"]) for b in render.follow_ups(recommendation)]
        parts = render.split_text(text, TELEGRAM_MAX_TEXT)
        for part in parts[:-1]:
            await self._send(recipient_id, part)
        keyboard = self._keyboard(recipient_id, choices, numbered=False) if choices else None
        await self._send(recipient_id, parts[-1], reply_markup=keyboard)
        places = render.places_of(recommendation)
        if places and not render.is_detail(recommendation):  # "2" still means the list's 2nd
            self.state.remember_places(str(recipient_id), places,
                                       list(recommendation.get("bring") or []))

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any],
                               **kwargs: Any) -> None:
        if render.recommendation_of(json_message) is not None:
            await self.send_response(recipient_id, {"custom": json_message})
            return
        if isinstance(json_message.get("orienteur"), Mapping):
            if json_message["orienteur"].get("type") == "forget_me":
                self.state.forget(str(recipient_id))
            text = json_message["orienteur"].get("text")
            if text:
                await self.send_text_message(recipient_id, str(text))
            return
        try:
            await super().send_custom_json(recipient_id, json_message, **kwargs)
        except Exception as error:  # noqa: BLE001
            logger.error("Telegram custom payload failed: %r", error)


class TelegramChannelInput(TelegramInput):
    """Telegram webhook (``POST /webhooks/telegram/webhook``)."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = channel_settings("telegram", credentials)
        if not credentials.get("access_token"):
            cls.raise_missing_credentials_exception()
        return cls(blank_to_none(credentials.get("access_token")),
                   blank_to_none(credentials.get("verify")),
                   blank_to_none(credentials.get("webhook_url")),
                   settings=credentials)

    def __init__(self, access_token: str | None, verify: str | None, webhook_url: str | None,
                 debug_mode: bool = False, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode=debug_mode)
        settings = dict(settings or {})
        self.secret_token = blank_to_none(settings.get("secret_token"))
        self.verify_secret = as_bool(settings.get("verify_secret"), bool(self.secret_token))
        if self.verify_secret and not self.secret_token:
            raise ValueError("verify_secret needs a secret_token")
        self.set_webhook_on_start = as_bool(settings.get("set_webhook"), bool(webhook_url))
        self.api_base_url = blank_to_none(settings.get("api_base_url"))
        self.timeout = as_float(settings.get("timeout"), 10.0)
        self.location = location_settings(settings)
        self.state = ChannelState(settings)
        self.background = as_bool(settings.get("process_in_background"), True)
        self.tasks = BackgroundTasks()
        self._output: TelegramChannelOutput | None = None

    def get_output_channel(self) -> TelegramChannelOutput:
        # No asyncio.run(set_webhook) here, unlike Rasa's: see register_webhook.
        if self._output is None:
            self._output = TelegramChannelOutput(self.access_token, state=self.state,
                                                 api_base_url=self.api_base_url,
                                                 timeout=self.timeout)
        return self._output

    async def register_webhook(self) -> bool:
        if not self.webhook_url:
            return False
        data: dict[str, Any] = {"url": self.webhook_url,
                                "allowed_updates": json.dumps(ALLOWED_UPDATES)}
        if self.secret_token:
            data["secret_token"] = self.secret_token
        try:
            ok = bool(await self.get_output_channel().request("setWebhook", data))
        except Exception as error:  # noqa: BLE001 - the server keeps running; retry via /set_webhook
            logger.error("Telegram setWebhook failed: %r", error)
            return False
        if self.verify:
            try:
                me = await self.get_output_channel().get_me()
                if me.username != self.verify:
                    logger.warning("Telegram token belongs to @%s, not @%s", me.username,
                                   self.verify)
            except Exception as error:  # noqa: BLE001
                logger.warning("Telegram getMe failed: %r", error)
        return ok

    def secret_ok(self, request: Request) -> bool:
        if not self.verify_secret:
            return True
        given = request.headers.get("x-telegram-bot-api-secret-token", "")
        return bool(given) and hmac.compare_digest(given.encode(), self.secret_token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = never_silent(on_new_message)  # apology + helpline, never silence
        webhook = Blueprint("orienteur_telegram_webhook", __name__)

        @webhook.listener("after_server_start")
        async def _set_webhook(*_: Any) -> None:
            if self.set_webhook_on_start:
                ok = await self.register_webhook()
                logger.info("Telegram webhook %s", "registered" if ok else "NOT registered")

        @webhook.listener("before_server_stop")
        async def _close_session(*_: Any) -> None:
            session = getattr(self._output, "_session", None)
            if session is not None and not session.closed:
                await session.close()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/set_webhook", methods=["POST"])
        async def set_webhook(request: Request) -> HTTPResponse:
            if not self.secret_ok(request):
                return response.text("forbidden", status=403)
            ok = await self.register_webhook()
            return response.text("Webhook setup successful" if ok else "Invalid webhook",
                                 status=200 if ok else 502)

        @webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self.secret_ok(request):
                logger.warning("Telegram webhook refused: bad or missing secret token")
                return response.text("forbidden", status=403)
            payload = request.json
            if isinstance(payload, str):
                try:
                    payload = json.loads(payload)
                except ValueError:  # a JSON string that is not itself JSON
                    return response.text("bad request", status=400)
            if not isinstance(payload, dict):
                return response.text("bad request", status=400)
            try:
                update = Update(**payload)
            except Exception:  # noqa: BLE001
                return response.text("bad request", status=400)
            if self.background:
                self.tasks.run(self.handle(update, on_new_message), "a Telegram update")
                return response.text("success")
            try:
                await self.handle(update, on_new_message)
            except Exception as error:  # noqa: BLE001
                logger.error("Exception when handling a Telegram update: %r", error)
                logger.debug(error, exc_info=True)
                if self.debug_mode:
                    raise
            return response.text("success")

        return webhook

    async def handle(self, update: Update,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        out = self.get_output_channel()
        if update.callback_query is not None:
            query = update.callback_query
            try:
                await out.answer_callback_query(query.id)
            except Exception as error:  # noqa: BLE001
                logger.debug("answerCallbackQuery failed: %r", error)
            if query.message is None:
                return
            chat_id = str(query.message.chat.id)
            raw = query.data or ""
            picked = render.pick_choice(raw, self.state.choices.get(chat_id)) \
                if raw.isdigit() else None
            self.state.choices.pop(chat_id)
            text = picked if picked is not None else raw
            if not text or (text.isdigit() and picked is None):
                return  # a keyboard too old to map
            await self._dispatch(text, chat_id, out, on_new_message)
            return
        msg = update.message
        if msg is None:
            return  # edited messages (live location updates), channel posts, …
        chat_id = str(msg.chat.id)

        async def send(text: str, **kwargs: Any) -> None:
            await out._send(chat_id, text, **kwargs)

        if await self.state.answer_keyword(chat_id, optout_key(chat_id), msg.text, "telegram",
                                           send):
            return
        listed = self.state.place(chat_id, msg.text)
        if listed is not None:  # "2" after a list: that place in full
            place, bring = listed
            await out.send_text_message(chat_id, render.place_detail_then_list(place, bring))
            return
        asked = bool(self.state.asked.pop(chat_id))  # a question's choices: "le premier" too
        choices = self.state.choices.pop(chat_id)
        metadata: dict[str, Any] = {"orienteur_channel": "telegram"}
        if msg.location is not None:
            lat, lon = msg.location.latitude, msg.location.longitude
            text = render.location_message(lat, lon, **self.location)
            if text is None:
                return
            point = render.coordinates(lat, lon)
            metadata["location"] = {"lat": point[0], "lon": point[1]}
        elif msg.text:
            picked = render.pick_choice(msg.text, choices, ranks=asked)
            text = picked if picked is not None else render.sanitize_user_text(msg.text)
        else:
            await out._send(chat_id, MEDIA_ONLY_TEXT)
            return
        await self._dispatch(text, chat_id, out, on_new_message, metadata)

    async def _dispatch(self, text: str, chat_id: str, out: TelegramChannelOutput,
                        on_new_message: Callable[[UserMessage], Awaitable[Any]],
                        metadata: dict[str, Any] | None = None) -> None:
        await on_new_message(UserMessage(text, out, chat_id, input_channel=self.name(),
                                         metadata=metadata or {"orienteur_channel": "telegram"}))
