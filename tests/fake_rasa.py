"""A stand-in for Rasa's socket.io channel (same events, session persistence), for widget tests.

`python tests/fake_rasa.py PORT`. Scripted answers: a need → a question with buttons; a town or a
shared position → results cards; anything else is echoed back as text. GET /received lists the
messages received, for the tests to check what the widget sent.
"""

from __future__ import annotations

import sys
import uuid

import socketio
from aiohttp import web

RESULTS = {
    "orienteur": {
        "type": "recommendation",
        "total": 5,
        "offset": 0,
        "results": [
            {
                "id": "fs-angouleme",
                "name": "France Services d'Angoulême",
                "distance_km": 1.234,
                "services": ["aide-aux-demarches-administratives"],
                "address": "1 place de l'Hôtel de Ville, 16000 Angoulême",
                "phone": "+33545000001",
                "opening_hours": "Mo-Fr 09:00-17:00",
                "open_now": True,
                "why": "fait les démarches CAF avec vous, gratuit",
                "lat": 45.6484,
                "lon": 0.1562,
                "appointment_url": "https://rdv.example.org/fs-angouleme",
            },
            {
                "id": "epn-soyaux",
                "name": "Espace numérique de Soyaux",
                "distance_km": 4.0,
                "services": [],
                "address": "2 rue des Écoles, 16800 Soyaux",
                "phone": None,
                "opening_hours": None,
                "open_now": None,
                "why": "ateliers pour débuter sur ordinateur",
            },
        ],
    }
}


def answers(message: str) -> list[dict]:
    low = message.lower()
    if "latitude" in low or "angoul" in low or low.startswith("/more_results"):
        return [{"text": "Voici des lieux près de chez vous :"}, RESULTS]
    if "caf" in low or "démarche" in low or low.startswith("/need"):
        return [
            {
                "text": "Dans quelle commune êtes-vous ?",
                "quick_replies": [
                    {
                        "content_type": "text",
                        "title": "Angoulême",
                        "payload": '/inform{"commune": "Angoulême"}',
                    },
                    {
                        "content_type": "text",
                        "title": "Cognac",
                        "payload": '/inform{"commune": "Cognac"}',
                    },
                ],
            }
        ]
    if "oublie" in low:
        return [{"text": "C'est fait, j'ai tout oublié."}, {"orienteur": {"type": "forget_me"}}]
    return [{"text": f"Vous avez écrit : {message}"}]


def create_app() -> web.Application:
    sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=[])
    app = web.Application()
    sio.attach(app, socketio_path="/socket.io")
    received: list[dict] = []

    @sio.on("session_request")
    async def session_request(sid: str, data: dict | None) -> None:
        session_id = (data or {}).get("session_id") or uuid.uuid4().hex
        sio.enter_room(sid, session_id)
        await sio.emit("session_confirm", session_id, room=sid)

    @sio.on("user_uttered")
    async def user_uttered(sid: str, data: dict) -> None:
        received.append(data)
        for answer in answers(str(data.get("message", ""))):
            await sio.emit("bot_uttered", answer, room=data.get("session_id") or sid)

    async def root(_: web.Request) -> web.Response:
        return web.Response(text="Hello from fake Rasa")

    async def received_view(_: web.Request) -> web.Response:
        return web.json_response(received)

    app.router.add_get("/", root)
    app.router.add_get("/received", received_view)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=int(sys.argv[1]), print=None)
