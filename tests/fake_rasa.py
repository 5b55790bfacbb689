"""A stand-in for Rasa's socket.io channel (same events, session persistence), for widget tests.

`python tests/fake_rasa.py PORT`. Scripted answers: a need → a question with buttons; a town or a
shared position → results cards; "le deuxième" → place 2 in full (``delivery`` "detail", with the
assistant's buttons after it: ``actions.formatting.detail_follow_ups``); "liste" → the results
again; anything else is echoed back as text. GET /received lists the
messages received, for the tests to check what the widget sent.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

# Run as a script, this file's folder (tests/) comes first on sys.path, where tests/actions/ would
# hide the real actions package: the repository's root goes first (as in channel_harness.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import socketio  # noqa: E402
from aiohttp import web  # noqa: E402


def _results() -> dict:
    """Two places in the assistant's payload shape (actions.formatting.result_payload)."""
    from actions.formatting import follow_ups, result_payload
    from directory_client.types import OpeningStatus, SearchResult

    def result(**fields) -> SearchResult:
        base = dict(services=(), commune=None, code_postal=None, lat=None, lon=None, phone=None,
                    email=None, website=None, appointment_url=None, opening_hours=None,
                    free=True, labels=())
        return SearchResult(**{**base, **fields})

    places = [
        result(id="fs-angouleme", name="France Services d'Angoulême",
               address="1 place de l'Hôtel de Ville, 16000 Angoulême", distance_km=1.234,
               phone="+33545000001", opening_hours="Mo-Fr 09:00-17:00", lat=45.6484, lon=0.1562,
               opening=OpeningStatus(True, None, None, "Ouvert maintenant, jusqu'à 17 h"),
               why="fait les démarches CAF avec vous, gratuit",
               appointment_url="https://rdv.example.org/fs-angouleme"),
        result(id="epn-soyaux", name="Espace numérique de Soyaux",
               address="2 rue des Écoles, 16800 Soyaux", distance_km=4.0,
               opening=OpeningStatus(None, None, None, "Horaires non connus"),
               why="ateliers pour débuter sur ordinateur"),
    ]
    return {"text": "Voici 2 lieux près d'Angoulême pour vos démarches avec la CAF :",
            "orienteur": {"type": "recommendation", "total": 5, "offset": 0,
                          "results": [result_payload(r, i) for i, r in enumerate(places, 1)],
                          "bring": ["une pièce d'identité"],
                          "follow_ups": follow_ups(more=True, constraints=[])}}


RESULTS = _results()


def _second_in_full() -> dict:
    """Place 2 in full, as ``actions.after_list.show_place`` sends it."""
    from actions.formatting import detail_follow_ups

    payload = RESULTS["orienteur"]
    return {"text": "Voici le lieu n° 2 en détail :",
            "orienteur": {**payload, "delivery": "detail", "results": payload["results"][1:2],
                          "follow_ups": detail_follow_ups(None)}}  # fmt: skip


def answers(message: str) -> list[dict]:
    low = message.lower()
    if low == "le deuxième":
        return [_second_in_full()]
    if "latitude" in low or "angoul" in low or low.startswith("/more_results") or low == "liste":
        return [RESULTS]  # one message: introduction and payload, as the real channel sends
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
    if "frappe" in low:  # the emergency message and its payload, as the action server sends
        from actions import helplines

        said, payload = helplines.emergency(message)
        return [{"text": said}, payload]
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
