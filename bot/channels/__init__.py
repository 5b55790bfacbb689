"""Rasa input channels of Orienteur: socket.io (widget), Twilio SMS/WhatsApp, Telegram."""
