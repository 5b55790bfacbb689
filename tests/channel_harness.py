"""A real Sanic server running one of our input channels, with a scripted bot instead of Rasa.

Usage: python tests/channel_harness.py MODULE.CLASS CREDENTIALS.json RECORD.jsonl PORT

Each user message the channel produces is appended to RECORD.jsonl; the scripted bot answers:
"boutons" → text with buttons, "reco" → the assistant's introduction with the recommendation
payload, "reco seule" → the payload alone, "lent" → answers after 3 s, "rien" → no result,
"longue" → a long text, "urgence" → the emergency message for violence in a couple, as the
action server sends it (actions/helplines.py), "le deuxième" → place 2 of the recommendation in
full (``delivery`` "detail", as actions.after_list.show_place sends it), anything else → "Reçu :
<text>".
It lets the channel be tested without a trained model.
"""

import asyncio
import importlib
import json
import sys
from pathlib import Path

# Run as a script, this file's folder (tests/) comes first on sys.path, and tests/bot/ would hide
# the real bot package: the repository's root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanic import Sanic

BUTTONS = [
    {
        "title": "Roubaix (59)",
        "payload": '/inform_commune{"commune": "Roubaix", "code_postal": "59100"}',
    },
    {
        "title": "Roubaix (Aude)",
        "payload": '/inform_commune{"commune": "Roubaix", "code_postal": "11200"}',
    },
]
def _result(name: str, km: float | None, address: str, phone: str | None, why: str,
            hours: str | None, opening: tuple[bool | None, str]):
    from directory_client.types import OpeningStatus, SearchResult

    return SearchResult(
        id=name, name=name, services=(), address=address, commune=None, code_postal=None,
        lat=None, lon=None, distance_km=km, phone=phone, email=None, website=None,
        appointment_url=None, opening_hours=hours,
        opening=OpeningStatus(opening[0], None, None, opening[1]), free=True, labels=(), why=why)


def _payload() -> dict:
    """Results as the assistant sends them (actions.formatting.result_payload: the contract)."""
    from actions.formatting import follow_ups, result_payload

    results = [
        _result("France Services de Roubaix – Mairie de quartier Est", 1.234,
                "12 rue de l’Hôtel de Ville, 59100 Roubaix", "+33320000000",
                "aide pour vos papiers en ligne, gratuit, France Services", "Mo-Fr 09:00-17:00",
                (True, "Ouvert maintenant, jusqu'à 17 h")),
        _result("Médiathèque La Grand-Plage", 0.42, "2 rue Pierre Motte, 59100 Roubaix", None,
                "ateliers pour débuter sur smartphone", "Tu-Sa 10:00-18:00",
                (False, "Fermé. Ouvre mardi à 10 h")),
        _result("CCAS de Roubaix", 2.8, "Place de la Liberté, 59100 Roubaix", "+33320991234",
                "accompagnement des seniors", None, (None, "Horaires non connus")),
    ]
    return {"orienteur": {
        "type": "recommendation", "results": [result_payload(r, i) for i, r in
                                               enumerate(results, 1)],
        "total": 7, "offset": 0, "bring": ["une pièce d'identité", "un RIB"],
        "follow_ups": follow_ups(more=True, constraints=[])}}


RECOMMENDATION = _payload()
SECOND_IN_FULL = {"orienteur": {**RECOMMENDATION["orienteur"], "delivery": "detail",
                                "results": RECOMMENDATION["orienteur"]["results"][1:2]}}
# What the assistant sends next to the payload: its introduction (actions.formatting.intro_text).
RESULTS_TEXT = "Voici 3 lieux près de Roubaix pour vos papiers en ligne :"


def main() -> None:
    path, creds_file, record_file, port = sys.argv[1:5]
    module, cls_name = path.rsplit(".", 1)
    channel_cls = getattr(importlib.import_module(module), cls_name)
    with open(creds_file) as f:
        channel = channel_cls.from_credentials(json.load(f))

    async def on_new_message(message) -> None:
        with open(record_file, "a") as f:
            f.write(
                json.dumps(
                    {
                        "text": message.text,
                        "sender": message.sender_id,
                        "input_channel": message.input_channel,
                        "metadata": message.metadata,
                    }
                )
                + "\n"
            )
        out, to = message.output_channel, message.sender_id
        if message.text == "boutons":
            await out.send_response(to, {"text": "Dans quelle ville ?", "buttons": BUTTONS})
        elif message.text == "reco":
            await out.send_response(to, {"text": RESULTS_TEXT, "custom": RECOMMENDATION})
        elif message.text == "le deuxième":
            await out.send_response(to, {"text": "Voici le lieu n° 2 en détail :",
                                         "custom": SECOND_IN_FULL})
        elif message.text == "reco seule":
            await out.send_response(to, {"custom": RECOMMENDATION})
        elif message.text == "rien":
            await out.send_response(
                to,
                {
                    "text": "Je n'ai trouvé aucun lieu. Appelez le 01 70 77 23 72.",
                    "custom": {"orienteur": {"type": "recommendation", "results": []}},
                },
            )
        elif message.text == "urgence":
            from actions import helplines

            said, payload = helplines.emergency("mon mari me frappe")
            await out.send_response(to, {"text": said, "custom": payload})
        elif message.text == "lent":
            await asyncio.sleep(3)  # a slow action
            await out.send_response(to, {"text": "Enfin."})
        elif message.text == "longue":
            await out.send_response(
                to,
                {
                    "text": "Première partie.\n\nSeconde partie, "
                    "avec un lien https://www.example.org/?utm_source=x"
                },
            )
        else:
            await out.send_response(to, {"text": f"Reçu : {message.text}"})

    app = Sanic("channel_harness")
    app.blueprint(channel.blueprint(on_new_message), url_prefix=f"/webhooks/{channel.name()}")
    app.run(host="127.0.0.1", port=int(port), workers=1, access_log=False)


if __name__ == "__main__":
    main()
