"""A real Sanic server running one of our input channels, with a scripted bot instead of Rasa.

Usage: python tests/channel_harness.py MODULE.CLASS CREDENTIALS.json RECORD.jsonl PORT

Each user message the channel produces is appended to RECORD.jsonl; the scripted bot answers:
"boutons" → text with buttons, "reco" → the assistant's results text with the recommendation
payload, "reco seule" → the payload alone, "lent" → answers after 3 s, "rien" → no result,
"longue" → a long text, anything else → "Reçu : <text>".
It lets the channel be tested without a trained model.
"""

import asyncio
import importlib
import json
import sys

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
RESULTS = [
    {
        "name": "France Services de Roubaix – Mairie de quartier Est",
        "distance_km": 1.234,
        "address": "12 rue de l’Hôtel de Ville, 59100 Roubaix",
        "phone": "+33320000000",
        "why": "Aide aux démarches administratives (CAF, impôts, ANTS) avec un conseiller, "
        "sans rendez-vous le mercredi matin",
        "open_now": True,
        "url": "https://www.france-services.gouv.fr/roubaix?utm_source=orienteur&utm_medium=sms",
    },
    {
        "name": "Médiathèque La Grand-Plage",
        "distance_km": 0.42,
        "address": "2 rue Pierre Motte, 59100 Roubaix",
        "phone": "03 20 66 45 00",
        "why": "Ateliers « premiers pas » sur smartphone, être à l’aise avec ses e-mails",
        "open_now": False,
        "next_opening": "mardi 10h",
    },
    {
        "name": "CCAS de Roubaix",
        "distance_km": 2.8,
        "address": "Place de la Liberté, Roubaix",
        "phone": "+33320991234",
        "why": "Accompagnement des seniors",
        "open_now": None,
    },
    {
        "name": "Quatrième lieu",
        "distance_km": 9.0,
        "address": "ailleurs",
        "why": "ne doit pas apparaître",
    },
]
RECOMMENDATION = {"orienteur": {"type": "recommendation", "results": RESULTS}}
# What the assistant sends next to the payload (actions/formatting.py results_text).
RESULTS_TEXT = (
    "Voici 3 lieux près de Roubaix pour faire vos démarches en ligne :\n\n"
    "1. France Services de Roubaix – Mairie de quartier Est\n"
    "   Pourquoi : aide aux démarches administratives\n"
    "   Adresse : 12 rue de l’Hôtel de Ville, 59100 Roubaix, à 1,2 km\n"
    "   Téléphone : 03 20 00 00 00\n\n"
    "2. Médiathèque La Grand-Plage\n   Pourquoi : ateliers\n"
    "   Horaires : Fermé. Ouvre mardi à 10 h\n\n"
    "3. CCAS de Roubaix\n   Pourquoi : seniors\n\n"
    "Vous pouvez me dire « d'autres lieux », « une autre ville » ou « recommencer »."
)


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
