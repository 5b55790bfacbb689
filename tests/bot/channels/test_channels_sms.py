"""SMS and WhatsApp through Twilio, end to end and offline.

A local fake of Twilio's Messages API records what the channel sends; the webhook is posted
exactly as Twilio posts it (form-encoded, signed with X-Twilio-Signature).

- ``TestSmsChannel`` runs the real channel in a real Sanic server with a scripted bot
  (tests/channel_harness.py): every channel rule, without a trained model.
- ``TestSmsWithRasa`` (marked ``rasa``) talks to the session's assistant (``rasa_stack``: ``rasa
  run`` with the trained model and the action server), when a trained model exists.
"""

from __future__ import annotations

import base64
import re
import time

import pytest

from bot.channels.sms_text import is_gsm7, segments, to_gsm7
from tests.channels_support import (
    TWILIO,
    Twilio,
    new_sender,
)

ACCOUNT_SID = TWILIO["account_sid"]
AUTH_TOKEN = TWILIO["auth_token"]
NUMBER = TWILIO["number"]
WHATSAPP = TWILIO["whatsapp"]
PUBLIC_URL = TWILIO["public_url"]
@pytest.fixture()
def sms(sms_harness):
    """The SMS channel in the channel harness (tests/conftest.py)."""
    return sms_harness


class TestSmsChannel:
    def test_text_round_trip_through_twilio_api(self, sms):
        sender = new_sender()
        assert sms.webhook(sender, "Bonjour, j’ai besoin d’aide") == 204
        [body] = sms.replies(sender, 1)
        assert body == "Recu : Bonjour, j'ai besoin d'aide"  # ç and ’ folded to GSM-7
        sent = sms.fake.messages(sender)[0]
        assert sent["From"] == NUMBER and sent["To"] == sender
        request = [r for r in sms.fake.requests if r["data"].get("To") == sender][0]
        assert request["path"] == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
        auth = base64.b64decode(request["headers"]["Authorization"].split()[1]).decode()
        assert auth == f"{ACCOUNT_SID}:{AUTH_TOKEN}"
        [user] = sms.user_messages(sender)
        assert user["input_channel"] == "twilio"
        assert user["metadata"]["orienteur_channel"] == "sms"

    def test_emergency_numbers_are_one_sms_with_every_number(self, sms):
        # The payload carries the numbers for the widget; an SMS is the text, whole, once.
        sender = new_sender()
        sms.webhook(sender, "urgence")
        [body] = sms.replies(sender, 1)
        # violence in a couple: the 3919 first, no suicide line (round 18)
        for number in ("3919", "112", "17", "SMS au 114"):
            assert re.search(rf"\b{number}\b", body), (number, body)
        assert body.index("3919") < body.index("112") and "3114" not in body
        assert "{" not in body and "tel:" not in body and is_gsm7(body)

    def test_buttons_are_numbered_lines_and_a_digit_picks_the_payload(self, sms):
        sender = new_sender()
        sms.webhook(sender, "boutons")
        [body] = sms.replies(sender, 1)
        assert body == "Dans quelle ville ?\n1. Roubaix (59)\n2. Roubaix (Aude)\nRépondez 1 ou 2."
        assert "/inform_commune" not in body and segments(body) == 1
        sms.webhook(sender, " 2 ")
        sms.replies(sender, 2)
        texts = [m["text"] for m in sms.user_messages(sender)]
        assert texts[-1] == '/inform_commune{"commune": "Roubaix", "code_postal": "11200"}'
        # The choices are only valid for the very next reply.
        sms.webhook(sender, "2")
        sms.replies(sender, 3)
        assert sms.user_messages(sender)[-1]["text"] == "2"

    def test_recommendation_is_one_sms_of_at_most_four_segments(self, sms):
        sender = new_sender()
        sms.webhook(sender, "reco")
        sms.replies(sender, 1)
        time.sleep(0.5)
        [body] = [m["Body"] for m in sms.fake.messages(sender)]  # one message: never disordered
        assert is_gsm7(body) and segments(body) <= 4, (segments(body), body)
        lines = body.split("\n")
        assert lines[0] == "Voici 3 lieux près de Roubaix pour vos papiers en ligne :"
        numbered = [line for line in lines if PLACE.match(line)]
        assert [n.split(".")[0] for n in numbered] == ["1", "2", "3"]
        assert numbered[0].startswith("1. France Services de Roubaix - Mairie de quartier Est")
        assert "(1,2 km)" in numbered[0]
        assert "Tél 03 20 00 00 00" in body and "Tél 03 20 99 12 34" in body
        assert "Pas de téléphone connu" in body  # the library: said, not left out
        assert "Fermé. Ouvre mardi à 10 h" in body
        assert "Envoyez 1, 2 ou 3 pour le détail" in body  # the menu, this once
        assert "pièce d'identité" not in body  # what to bring: on request
        assert "https://" not in body

    def test_a_digit_gives_the_place_in_full_and_the_menu_is_said_once(self, sms):
        sender = new_sender()
        sms.webhook(sender, "reco")
        sms.replies(sender, 1)
        sms.webhook(sender, "2")
        detail = sms.replies(sender, 2)[1]
        assert detail.startswith("2. Médiathèque La Grand-Plage (400 m)")
        assert "Horaires : mar.-sam. : 10 h-18 h" in detail  # the week's hours
        assert "A apporter : une pièce d'identité ; un RIB" in detail  # GSM-7 has no "À"
        assert [m["text"] for m in sms.user_messages(sender)] == ["reco"]  # answered locally
        sms.webhook(sender, "reco")
        again = sms.replies(sender, 3)[2]
        assert "Envoyez" not in again  # the menu once per conversation

    def test_a_place_the_assistant_gives_in_full_is_the_digits_answer(self, sms):
        """ "le deuxième" is read by the assistant (a detail payload): the same SMS as "2"."""
        sender = new_sender()
        sms.webhook(sender, "reco")
        sms.replies(sender, 1)
        sms.webhook(sender, "2")
        by_digit = sms.replies(sender, 2)[1]
        sms.webhook(sender, "le deuxième")
        assert sms.replies(sender, 3)[2] == by_digit
        assert by_digit.startswith("2. Médiathèque La Grand-Plage (400 m)")

    def test_a_place_in_full_says_in_one_line_how_to_see_the_list_again(self, sms):
        """The widget has a "Revoir la liste" button; an SMS says to answer "liste"."""
        sender = new_sender()
        sms.webhook(sender, "reco")
        sms.replies(sender, 1)
        sms.webhook(sender, "2")
        by_digit = sms.replies(sender, 2)[1]
        sms.webhook(sender, "le deuxième")
        by_assistant = sms.replies(sender, 3)[2]
        for detail in (by_digit, by_assistant):
            assert detail.split("\n")[-1] == 'Répondez "liste" pour revoir la liste.', detail
            assert is_gsm7(detail) and detail.count("liste") == 2

    def test_whatsapp_places_are_whole(self, sms):
        sender = "whatsapp:" + new_sender()
        sms.webhook(sender, "reco")
        sms.replies(sender, 1)
        time.sleep(0.5)
        [body] = [m["Body"] for m in sms.fake.messages(sender)]
        assert "12 rue de l’Hôtel de Ville, 59100 Roubaix" in body  # Unicode kept, not cut
        assert body.count("59100 Roubaix") == 3
        assert "aide pour vos papiers en ligne, gratuit, France Services" in body

    def test_no_result_sends_the_assistant_text_once(self, sms):
        sender = new_sender()
        sms.webhook(sender, "rien")
        sms.replies(sender, 1)
        time.sleep(0.5)
        assert [m["Body"] for m in sms.fake.messages(sender)] == [
            "Je n'ai trouvé aucun lieu. Appelez le 01 70 77 23 72."
        ]

    def test_webhook_answers_at_once_when_the_bot_is_slow(self, sms):
        sender = new_sender()
        started = time.monotonic()
        assert sms.webhook(sender, "lent") == 204
        assert time.monotonic() - started < 2.5
        assert sms.replies(sender, 1, timeout=15) == ["Enfin."]

    def test_paragraphs_are_one_sms_and_links_are_shortened(self, sms):
        sender = new_sender()
        sms.webhook(sender, "longue")
        [body] = sms.replies(sender, 1)
        assert body == "Première partie.\nSeconde partie, avec un lien example.org"

    def test_stop_is_confirmed_once_then_honoured(self, sms):
        sender = new_sender()
        assert sms.webhook(sender, "Arrêt") == 204
        [confirmation] = sms.replies(sender, 1)
        assert "plus de messages" in confirmation and "START" in confirmation
        assert segments(confirmation) == 1
        for text in ("bonjour", "STOP", "AIDE", "boutons"):
            assert sms.webhook(sender, text) == 204
        time.sleep(1.0)
        assert len(sms.fake.messages(sender)) == 1
        assert sms.user_messages(sender) == []
        sms.webhook(sender, "START")
        assert "nouveau" in sms.replies(sender, 2)[1]
        sms.webhook(sender, "bonjour")
        assert sms.replies(sender, 3)[2] == "Recu : bonjour"

    @pytest.mark.parametrize(
        "word", ["STOP", "stop sms", "ARRET", "Stop svp", "STOP.", "Arrêtez", "arrêter",
                 "désabonner", "je ne veux plus recevoir de messages"])  # fmt: skip
    def test_stop_words(self, sms, word):
        sender = new_sender()
        sms.webhook(sender, word)
        assert len(sms.replies(sender, 1)) == 1
        sms.webhook(sender, "bonjour")
        time.sleep(0.8)
        assert len(sms.fake.messages(sender)) == 1

    @pytest.mark.parametrize("text", ["arrêter de fumer", "le bus s'arrête où ?"])
    def test_stopping_something_else_reaches_the_assistant(self, sms, text):
        sender = new_sender()
        sms.webhook(sender, text)
        [reply] = sms.replies(sender, 1)
        assert reply == "Recu : " + text.replace("ê", "e")  # the scripted bot's echo, folded
        assert sms.user_messages(sender)[0]["text"] == text
        sms.webhook(sender, "bonjour")
        assert sms.replies(sender, 2)[1] == "Recu : bonjour"  # not opted out

    def test_help_keyword_gives_the_helpline(self, sms):
        sender = new_sender()
        sms.webhook(sender, "AIDE")
        [body] = sms.replies(sender, 1)
        assert "01 70 77 23 72" in body and "Solidarité Numérique" in body
        assert segments(body) == 1
        assert sms.user_messages(sender) == []  # answered by the channel, not the bot

    def test_whatsapp_shared_location(self, sms):
        sender = "whatsapp:" + new_sender()
        status = sms.webhook(
            sender, "", Latitude="50.6942", Longitude="3.1746", MessageType="location"
        )
        assert status == 204
        [body] = sms.replies(sender, 1)
        [user] = sms.user_messages(sender)
        # Rounded as the tracker store keeps it, before the assistant (tests/bot/test_hardening.py).
        assert user["text"] == '/inform{"latitude": 50.69, "longitude": 3.17}'
        assert user["metadata"]["orienteur_channel"] == "whatsapp"
        assert user["metadata"]["location"] == {"lat": 50.69, "lon": 3.17}
        sent = sms.fake.messages(sender)[0]
        assert sent["From"] == WHATSAPP and sent["To"] == sender
        assert body == 'Reçu : /inform{"latitude": 50.69, "longitude": 3.17}'

    def test_whatsapp_keeps_unicode(self, sms):
        sender = "whatsapp:" + new_sender()
        sms.webhook(sender, "Être aidé à côté")
        [body] = sms.replies(sender, 1)
        assert body == "Reçu : Être aidé à côté"

    def test_typed_intent_is_not_injected(self, sms):
        sender = new_sender()
        sms.webhook(sender, '/inform{"latitude": 1, "longitude": 2}')
        sms.replies(sender, 1)
        assert sms.user_messages(sender)[0]["text"] == 'inform{"latitude": 1, "longitude": 2}'

    def test_forged_or_missing_signature_is_refused(self, sms):
        sender = new_sender()
        assert sms.webhook(sender, "bonjour", token="not-the-auth-token") == 403
        assert sms.webhook(sender, "bonjour", sign=False) == 403
        time.sleep(0.5)
        assert sms.fake.messages(sender) == [] and sms.user_messages(sender) == []


# ------------------------------------------------------------------ with the real assistant

PLACE = re.compile(r"^\d\. ")


@pytest.fixture(scope="module")
def sms_rasa(rasa_stack, provider_fakes):
    """The session's assistant (tests/conftest.py), its SMS channel sending to the Twilio fake."""
    return Twilio(provider_fakes.twilio, rasa_stack.url)


def answer_choices(sms_rasa, sender: str, replies: list[str], rounds: int = 3) -> list[str]:
    """While the assistant offers numbered choices, pick the first by replying "1"."""
    for _ in range(rounds):
        if not any("\nRépondez" in r for r in replies):  # numbered_choices' last line
            break
        replies = sms_rasa.turn(sender, "1")
    return replies


def assert_sms_hygiene(bodies: list[str]) -> None:
    for body in bodies:
        assert body.strip()
        assert is_gsm7(body), body  # folded: one segment holds 160 characters
        assert "(/" not in body and not re.search(r"/(inform|ask_help|change_location)", body)


@pytest.mark.rasa
class TestSmsWithRasa:
    def test_greeting_is_gsm7_without_payloads(self, sms_rasa):
        replies = sms_rasa.turn(new_sender(), "Bonjour")
        print("greeting:", replies)
        assert_sms_hygiene(replies)

    def test_search_by_sms_is_one_message_of_at_most_four_segments(self, sms_rasa):
        sender = new_sender()
        replies = sms_rasa.turn(sender, "j'ai besoin d'aide pour ma demande CAF")
        replies = answer_choices(sms_rasa, sender, replies)
        replies = sms_rasa.turn(sender, "Roubaix")
        replies = answer_choices(sms_rasa, sender, replies)
        print("search:", replies)
        [answer] = [r for r in replies if "\n1. " in r]  # one message: never out of order
        assert segments(answer) <= 4, (segments(answer), answer)
        lines = answer.split("\n")
        assert [line.split(".")[0] for line in lines if PLACE.match(line)] == ["1", "2", "3"]
        assert "Envoyez 1, 2 ou 3 pour le détail" in answer  # the menu, once
        assert "apporter :" not in answer  # what to bring: on request
        assert_sms_hygiene(replies)
        # "2" gives place 2 in full, what to bring included.
        detail = sms_rasa.turn(sender, "2")
        print("detail:", detail)
        assert len(detail) == 1 and detail[0].startswith("2. ")
        assert "A apporter : " in detail[0] and "allocataire" in detail[0]
        # "autres": the numbering continues, the menu is not said again.
        more = sms_rasa.turn(sender, "d'autres lieux")
        print("more:", more)
        [page2] = [r for r in more if PLACE.match(r.split("\n")[1] if "\n" in r else r)]
        assert "\n4. " in page2 and "Envoyez" not in page2 and segments(page2) <= 4

    def test_after_the_places_by_sms(self, sms_rasa):
        """What a tester wrote after the list, by SMS: the place in full then "liste" (the same
        list, no menu again), "c'est gratuit ?" (each place's price, not the list), "je
        comprends pas" (what the list is), a need added (both served, in one SMS)."""
        sender = new_sender()
        replies = sms_rasa.turn(sender, "aide pour ma déclaration d'impôts à Roubaix")
        [listed] = [r for r in replies if "\n1. " in r]
        names = [line for line in listed.split("\n") if PLACE.match(line)]
        assert len(names) == 3
        [detail] = sms_rasa.turn(sender, "2")
        assert detail.startswith(names[1].split(" (")[0]), (names, detail)
        assert detail.endswith('Répondez "liste" pour revoir la liste.'), detail
        [again] = sms_rasa.turn(sender, "liste")
        assert again.startswith(to_gsm7("Voici à nouveau la liste près de Roubaix (59) pour vos "
                                        "démarches avec les impôts :")), again  # fmt: skip
        assert [line for line in again.split("\n") if PLACE.match(line)] == names
        assert "Envoyez" not in again and segments(again) <= 4
        [price] = sms_rasa.turn(sender, "c'est gratuit ?")
        assert price.startswith(to_gsm7("Le prix, d'après l'annuaire :\n1. ")), price
        assert price.count(" : gratuit") == 3 and "\n4. " not in price and segments(price) <= 2
        [explained] = sms_rasa.turn(sender, "je comprends pas")
        assert explained.startswith(to_gsm7("Ce sont des lieux près de Roubaix (59) qui peuvent "
                                            "vous aider pour vos démarches avec les impôts.")), \
            explained  # fmt: skip
        [both] = [r for r in sms_rasa.turn(sender, "il n'a pas de téléphone non plus")
                  if "\n1. " in r]  # fmt: skip
        assert both.startswith(to_gsm7("C'est noté, j'ajoute ce besoin à votre recherche."))
        assert to_gsm7("un ordinateur ou un téléphone à petit prix") in both, both
        assert segments(both) <= 4
        assert_sms_hygiene([detail, again, price, explained, both])

    def test_numbered_choices_from_the_assistant_and_a_digit_reply(self, sms_rasa):
        sender = new_sender()
        replies = sms_rasa.turn(sender, "Saint-Denis")
        print("choices:", replies)
        asked = [r for r in replies if "\nRépondez" in r]
        assert asked, replies  # Saint-Denis (93), Saint-Denis (La Réunion)… or the needs
        assert_sms_hygiene(replies)
        lines = asked[-1].split("\n")
        assert "1. " in asked[-1] and lines[-1].startswith("Répondez")
        replies = sms_rasa.turn(sender, "1")
        print("after 1:", replies)
        assert replies and not any("\nRépondez" in r and r == asked[-1] for r in replies)
        assert_sms_hygiene(replies)
        if any("\n2. Téléphone, tablette" in r for r in replies):  # the needs, as buttons
            replies = sms_rasa.turn(sender, "2")
            replies = answer_choices(sms_rasa, sender, replies)
            print("after 2:", replies)
            answers = [r for r in replies if "\n1. " in r]
            assert len(answers) == 1 and segments(answers[0]) <= 4, replies

    def test_whatsapp_location_is_understood(self, sms_rasa):
        sender = "whatsapp:" + new_sender()
        replies = sms_rasa.turn(sender, "je veux apprendre à utiliser mon téléphone")
        replies = answer_choices(sms_rasa, sender, replies)
        replies = sms_rasa.turn(sender, "", Latitude="50.6942", Longitude="3.1746")
        replies = answer_choices(sms_rasa, sender, replies)
        print("whatsapp location:", replies)
        joined = "\n".join(replies)
        assert "locationData" not in joined and "Latitude" not in joined
        assert any("\n1. " in r for r in replies), replies  # places near the position
        assert all(m["From"] == WHATSAPP for m in sms_rasa.fake.messages(sender))

    def test_stop_with_the_real_server(self, sms_rasa):
        sender = new_sender()
        assert len(sms_rasa.turn(sender, "STOP")) == 1
        assert sms_rasa.webhook(sender, "Bonjour") == 204
        time.sleep(3)
        assert len(sms_rasa.fake.messages(sender)) == 1

    def test_forged_signature_refused_by_rasa_run(self, sms_rasa):
        assert sms_rasa.webhook(new_sender(), "Bonjour", token="forged") == 403


# ------------------------------------------- the production runner, pointed at the Twilio fake

# Written for issue 19: a 72-year-old in Angoulême, ~600 characters, "maintenant" twice and
# no request for a place open now.
ANGOULEME_LETTER = (
    "Bonjour, je m'appelle Jeanne, j'ai 72 ans et j'habite à Angoulême depuis toujours. Je n'ai "
    "jamais eu d'ordinateur, juste un vieux téléphone pour appeler mes enfants qui vivent loin. "
    "Maintenant la caisse de retraite me demande de tout faire sur leur site : déclarer mes "
    "ressources, télécharger mes attestations, changer mon adresse. Je ne sais pas comment "
    "faire et je n'ose pas demander à mes voisins. Au guichet on m'a dit que tout se fait sur "
    "internet maintenant. Est-ce qu'il existe un endroit près de chez moi où quelqu'un pourrait "
    "m'aider à faire ces démarches ? Merci beaucoup de votre aide."
)
ANGOULEME = (45.6484, 0.1562)
PLACE_HEAD = re.compile(r"^(\d+)\. (.+?)(?: \(([\d,]+) (m|km)\))?$")


@pytest.fixture(scope="module")
def sms_runner(make_run):
    """``python -m bot run --no-train`` as in production (the session's ``make_run``), its Twilio
    channel configured by the environment only and pointed at the local fake by
    TWILIO_BASE_URL."""
    return Twilio(make_run.twilio, make_run.rasa_url), make_run.directory


def _places_near_angouleme(database) -> dict[str, list[tuple]]:
    """GSM-7 name as shown → (hours, postcode, km from Angoulême) of the places within 60 km."""
    import sqlite3

    from directory_client.display import place_name
    from directory_client.geo import haversine_km

    rows = sqlite3.connect(database).execute(
        "SELECT nom, horaires, code_postal, latitude, longitude FROM place "
        "WHERE latitude BETWEEN 45.1 AND 46.2 AND longitude BETWEEN -0.6 AND 0.9")
    near: dict[str, list[tuple]] = {}
    for name, horaires, code_postal, lat, lon in rows:
        km = haversine_km(ANGOULEME[0], ANGOULEME[1], lat, lon)
        shown = to_gsm7(" ".join(place_name(name).split()))
        near.setdefault(shown, []).append((horaires, code_postal, km))
    return near


@pytest.mark.rasa
class TestSmsThroughTheRunner:
    def test_the_angouleme_letter_gets_near_places_with_true_opening_times(self, sms_runner):
        from directory_client import hours

        sms, database = sms_runner
        sender = new_sender()
        assert 550 <= len(ANGOULEME_LETTER) <= 650
        replies = answer_choices(sms, sender, sms.turn(sender, ANGOULEME_LETTER))
        if not any("\n1. " in r for r in replies):  # asked where: the town again
            replies = answer_choices(sms, sender, sms.turn(sender, "Angoulême"))
        print("letter:", replies)
        moment = hours.now_paris()
        [answer] = [r for r in replies if "\n1. " in r]
        assert segments(answer) <= 4 and is_gsm7(answer), answer
        assert "Angoul" in answer.split("\n")[0]  # said where it searched
        assert "ouverts maintenant" not in answer  # "maintenant" is not a request for it
        near = _places_near_angouleme(database)
        blocks = re.split(r"\n(?=\d+\. )", answer)[1:]
        assert len(blocks) == 3, answer
        for block in blocks:
            lines = block.split("\n")
            number, name, distance, unit = PLACE_HEAD.match(lines[0]).groups()
            km = float(distance.replace(",", ".")) / (1000 if unit == "m" else 1)
            assert km <= 30, lines[0]  # in or next to Angoulême
            candidates = [c for c in near.get(name, []) if abs(c[2] - km) <= 3]
            assert candidates, f"{name!r} ({km} km) not found near Angoulême"
            said = [line for line in lines if line.startswith(("Ouvert maintenant", "Fermé"))]
            truths = {
                to_gsm7(hours.opening_status(h, moment, hours.place_timezone(cp)).text)
                .rstrip(". ")
                for h, cp, _ in candidates
            }  # fmt: skip
            for line in said:  # true opening times, "Ouvert maintenant" only when open
                assert line in truths, (line, truths)
