"""A conversation by SMS in process: the real channel (``bot.channels.sms``: what it sends, how
it reads a reply) in front of the real actions on the real directory, each message run with the
intent the NLU gives it (a button's payload ``/intent{…}`` as Rasa parses it). What the person's
phone receives is the SMS bodies the channel hands to Twilio."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa_sdk.executor import CollectingDispatcher

from bot.channels.sms import SmsInput, SmsOutput
from tests.conftest_actions import said, slots_of, tracker

SENDER = "+33611000002"


class SmsTalk:
    """``say(text, intent, entities)`` posts an SMS as Twilio does and answers what the phone
    received (the bodies of that turn). A reply the channel turns into a button's payload runs
    that payload's intent and entities, as Rasa parses ``/intent{…}``."""

    def __init__(self, sender: str = SENDER) -> None:
        from actions.place_actions import ActionNotifyPlace
        from tests.actions.talk import ACTIONS

        self.actions = {**ACTIONS, "notify_place": ActionNotifyPlace}
        self.sender = sender
        self.channel = SmsInput("ACtest", "token", "+33700000000", settings={
            "verify_signature": False, "process_in_background": False, "optout_db": ":memory:"})
        self.out = self.channel.get_output_channel()
        assert isinstance(self.out, SmsOutput)
        self.sent: list[str] = []
        self.slots: dict = {}
        self.history: list[dict] = []
        self.seen: list[tuple[str, str]] = []  # (text the assistant got, intent run)
        self.payloads: list[dict] = []  # the assistant's payloads (``custom.orienteur``)

        async def capture(message_data: dict[str, Any], **_: Any) -> None:
            self.sent.append(message_data["body"])

        self.out._send_message = capture  # the Messages API call, nothing else

    def say(self, text: str, intent: str = "ask_help", entities: list | None = None) -> list[str]:
        before = len(self.sent)

        async def on_new_message(message: UserMessage) -> None:
            name, found = intent, entities or []
            if message.text.startswith("/"):  # a button's payload, as Rasa parses it
                head, _, body = message.text[1:].partition("{")
                name = head
                values = json.loads("{" + body) if body else {}
                found = [{"entity": k, "value": v} for k, v in values.items()]
            self.seen.append((message.text, name))
            await self._turn(message.text, name, found)

        asyncio.run(self.channel.handle({"From": self.sender, "Body": text,
                                         "MessageSid": "SM1"}, on_new_message))
        return self.sent[before:]

    async def _turn(self, text: str, intent: str, entities: list) -> None:
        t = tracker(text, intent, entities, self.slots, sender_id=self.sender,
                    metadata={"orienteur_channel": "sms"})
        t.events[-1]["input_channel"] = self.channel.name()  # "twilio", as Rasa records it
        t.events = self.history + t.events
        dispatcher = CollectingDispatcher()
        events = await self.actions[intent]().run(dispatcher, t, {})
        self.history = t.events + [{"event": "bot", "data": {"custom": m["custom"]}}
                                   for m in dispatcher.messages if m.get("custom")]  # fmt: skip
        self.slots.update(slots_of(events))
        self.payloads += [m["custom"]["orienteur"] for m in dispatcher.messages
                          if isinstance((m.get("custom") or {}).get("orienteur"), dict)]
        for m in dispatcher.messages:
            message = {"text": said(m) or None, "buttons": m.get("buttons") or None,
                       "custom": m.get("custom") or None}
            await self.out.send_response(self.sender, {k: v for k, v in message.items() if v})

    def referral_ids(self) -> list[str]:
        """The referrals made in this conversation (their payloads' ``referral_id``)."""
        return [p["referral_id"] for p in self.payloads
                if p.get("type") == "referral" and p.get("referral_id")]
