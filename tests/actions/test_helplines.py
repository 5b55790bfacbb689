"""The numbers for the danger read, and the lines beside the places for a need or a situation
(actions/helplines.py, actions/situations.py), with the real embedded directory and Locator."""

from __future__ import annotations

import asyncio
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import helplines
from actions.conversation_actions import ActionSmalltalk
from actions.safety_actions import ActionEmergency
from bot.channels import render
from bot.channels.sms_text import segments, to_gsm7
from tests.conftest_actions import (
    ent,
    said,
    slots_of,
    tracker,
)


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


def payloads(messages) -> list[dict]:
    return [m["custom"]["orienteur"] for m in messages if m.get("custom")]


def shown(messages) -> str:
    """What the person reads (a recommendation rendered from its payload, as REST does)."""
    out = []
    for m in messages:
        reco = render.recommendation_of(m.get("custom"))
        out.append(render.plain_text(said(m), reco) if reco else said(m))
    return "\n".join(out)


def numbers(messages) -> list[str]:
    return [n["number"] for p in payloads(messages) for n in p.get("numbers") or []]


def play(turns: list[tuple], action=None) -> tuple[list[dict], dict]:
    """A conversation: each turn ``(text, intent, entities)`` run with the slots and the events
    so far (the person's messages, the payloads sent); the last turn's messages and the slots."""
    slots: dict = {}
    history: list[dict] = []
    msgs: list[dict] = []
    for text, intent, *entities in turns:
        t = tracker(text, intent, entities[0] if entities else None, slots)
        t.events = history + t.events
        msgs, events = run(action or A.ActionOrient(), t)
        history = t.events + [{"event": "bot", "data": {"custom": m["custom"]}}
                              for m in msgs if m.get("custom")]  # fmt: skip
        slots.update(slots_of(events))
    return msgs, slots


def has(number: str, text: str) -> bool:
    return re.search(rf"\b{number}\b", text) is not None


@pytest.mark.parametrize(
    "message",
    [
        "mon mari me frappe et il a pris mon téléphone, je suis chez une voisine à Tours",
        "mon ex me menace de mort",
        "mon copain me frappe",
    ],
)
def test_violence_in_a_couple_gets_the_3919_the_17_and_the_114(real, message):
    msgs, _ = run(A.ActionOrient(), tracker(message, "emergency"))
    [payload] = payloads(msgs)
    assert payload["type"] == "emergency"
    for number in ("3919", "17", "112", "114"):
        assert has(number, shown(msgs)), (number, shown(msgs))
        assert number in numbers(msgs)  # the widget's links: the numbers shown
    assert "119" not in numbers(msgs)
    assert {"number": "114", "text": "un SMS au 114 (urgences)", "href": "sms:114"} in payload[
        "numbers"
    ]


def test_a_child_in_danger_gets_the_119(real):
    msgs, _ = run(A.ActionOrient(), tracker("ma fille de 9 ans ne respire plus", "emergency"))
    assert has("119", shown(msgs)) and "119" in numbers(msgs)
    assert "3919" not in numbers(msgs) and has("114", shown(msgs))


def test_any_emergency_says_the_114_by_sms_and_only_the_numbers_it_names(real):
    msgs, _ = run(A.ActionOrient(), tracker("je veux mourir", "emergency"))
    text = shown(msgs)
    assert "SMS au 114" in text and "ne pouvez pas parler" in text
    assert numbers(msgs) == ["112", "15", "17", "3114", "114"]
    assert all(has(n, text) for n in numbers(msgs))


def test_the_danger_check_for_a_partner_names_the_3919_and_keeps_town_and_need(real):
    message = (
        "mon ex me surveille avec une appli sur mon téléphone et me menace, j'ai peur, je suis "
        "à Poitiers"
    )
    msgs, events = run(ActionEmergency(), tracker(message, "emergency"))
    assert payloads(msgs)[0]["type"] == "danger_check"
    assert "3919" in numbers(msgs) and has("3919", shown(msgs)) and has("114", shown(msgs))
    slots = slots_of(events)
    assert slots["awaiting"] == "danger" and slots["location"]["commune"] == "Poitiers"
    # "Non": the places near Poitiers, not the town asked again; the 3919 beside them.
    msgs, _ = play([(message, "emergency"), ("Non", "deny")])
    [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
    assert reco["results"] and reco["location"]["commune"] == "Poitiers"
    assert "3919" in shown(msgs) and "Dans quelle ville" not in shown(msgs)


def test_after_the_numbers_the_request_stated_next_is_served_in_the_first_town(real):
    first = (
        "mon fils menace de se tuer si je lui enlève son téléphone, on habite à Angers, je "
        "voudrais de l'aide pour le contrôle parental"
    )
    msgs, events = run(A.ActionOrient(), tracker(first, "emergency", [ent("location", "Angers")]))
    assert payloads(msgs)[0]["type"] == "emergency" and "119" in numbers(msgs)
    slots = slots_of(events)
    next_message = "merci, ça va il est calme maintenant, c'est surtout pour le contrôle parental"
    for intent, action in (("affirm", A.ActionOrient()), ("chitchat", ActionSmalltalk())):
        said_next = tracker(next_message, intent, slots=slots)
        msgs, _ = run(action, said_next)
        [reco] = [p for p in payloads(msgs) if p["type"] == "recommendation"]
        assert reco["results"] and reco["location"]["commune"] == "Angers", intent
        assert said_next.latest_message["intent"]["name"] == intent  # not rewritten
    # "merci" alone after the numbers: thanks, no places pushed.
    msgs, events = run(A.ActionOrient(), tracker("ok merci", "affirm", slots=slots))
    assert not [p for p in payloads(msgs) if p["type"] == "recommendation"]


@pytest.mark.parametrize(
    ("message", "town", "expected"),
    [
        ("ma fille s'est fait harceler sur snapchat, elle a 14 ans, on fait quoi ?", "Metz",
         ("3018", "3018.fr")),
        ("mon fils de 12 ans se fait harceler sur les réseaux sociaux par des élèves", "Reims",
         ("3018",)),
        # LinkedIn is one of the platforms (actions/platforms.py), as for "forget me".
        ("je me fais harceler sur LinkedIn par un ancien collègue, que faire ?", "Lille",
         ("3018",)),
        ("je me suis fait pirater mon compte facebook", "Nantes",
         ("cybermalveillance.gouv.fr", "17cyber.gouv.fr")),
        ("on m'a volé ma carte bleue et ils ont tout vidé sur internet", "Clermont-Ferrand",
         ("faites opposition auprès de votre banque", "cybermalveillance.gouv.fr")),
        ("je me suis fait arnaquer en ligne sur un site de vente", "Lyon",
         ("cybermalveillance.gouv.fr",)),
    ],
)  # fmt: skip
def test_harm_online_gets_its_national_line_beside_the_places(real, message, town, expected):
    turns = [(f"{message} {town}", "ask_help", [ent("location", town)])]
    msgs, slots = play(turns)
    if payloads(msgs) and payloads(msgs)[0]["type"] == "need_choice":
        # "de quoi avez-vous besoin ?": the person picks the online-safety button, as the tester.
        assert "securite" in payloads(msgs)[0]["needs"]
        msgs, slots = play([*turns, ('/ask_help{"need": "securite"}', "ask_help")])
    kinds = [p["type"] for p in payloads(msgs)]
    assert kinds == ["recommendation"]
    assert payloads(msgs)[0]["results"]
    for words in expected:
        assert words in shown(msgs), (words, shown(msgs))
    # SMS of at most 4 segments each (two when one cannot hold them): the places' details
    # give way, the introduction, every place and the line stay.
    [reco] = [m for m in msgs if m.get("custom")]
    bodies, places = render.sms_bodies(reco["text"], reco["custom"]["orienteur"], menu=True)
    assert len(places) == len(reco["custom"]["orienteur"]["results"]) and len(bodies) <= 2
    assert all(segments(body) <= render.SMS_MAX_SEGMENTS for body in bodies), bodies
    assert bodies[0].startswith(to_gsm7(reco["text"]))
    # a line that cannot wait (the opposition) is its own SMS, before the places (round 18)
    before = "\n".join(to_gsm7(said(m)) for m in msgs if not m.get("custom"))
    for words in expected:
        assert to_gsm7(words) in before + "\n".join(bodies), (words, bodies)


ANY_LINE = ("3018", "3919", "119", "cybermalveillance", "opposition")


@pytest.mark.parametrize(
    ("message", "absent"),
    [
        ("je veux apprendre à me servir de ma tablette à Metz", ANY_LINE),
        ("mon mari veut apprendre à se servir de l'ordinateur, on est à Metz", ANY_LINE),
        ("ma fille veut apprendre à faire un CV sur l'ordinateur, à Metz", ANY_LINE),
        # Online safety (the cybermalveillance line is the need's), but no card stolen.
        ("je voudrais apprendre à payer avec ma carte bancaire en ligne à Metz", ("opposition",)),
    ],
)
def test_an_ordinary_request_gets_no_such_line(real, message, absent):
    msgs, _ = run(A.ActionOrient(), tracker(message, "ask_help", [ent("location", "Metz")]))
    text = shown(msgs)
    assert "Metz" in text and payloads(msgs)[0]["results"]
    for words in absent:
        assert words not in text, (words, text)


@pytest.mark.parametrize("request_text", [
    "mon ex a piraté mon compte facebook et me harcèle, Dijon",
    "mon copain me harcèle sur snapchat depuis qu'on a rompu",
])  # fmt: skip
def test_control_online_by_a_partner_or_an_ex_gets_the_3919(request_text):
    # Round 17's tester: only the 3018 and cybermalveillance, though the 3919 text names the ex
    lines = helplines.remote_lines(["securite"], request_text, danger=False)
    assert any("3919" in line for line in lines), lines


def test_a_partner_hacked_himself_is_no_control():
    lines = helplines.remote_lines(["securite"], "mon mari s'est fait pirater son compte",
                                   danger=False)  # fmt: skip
    assert not any("3919" in line for line in lines), lines


@pytest.mark.parametrize(
    "message",
    [
        # Round 95's tester: the 112/15/17/3114 list came before the 3919.
        "mon mari me frappe, j'ai peur, je suis à Tours",
        # Variants: an ex who threatens, a boyfriend who hits, a wife who slaps and locks in.
        "mon ex me menace de mort",
        "mon copain me tape dessus",
        "ma femme m'a giflé et m'enferme dans l'appartement",
    ],
)
def test_violence_by_a_partner_gets_the_3919_and_the_17_first_and_no_suicide_line(real, message):
    msgs, _ = run(A.ActionOrient(), tracker(message, "emergency"))
    assert numbers(msgs)[:2] == ["3919", "17"], numbers(msgs)
    text = shown(msgs)
    assert text.index("3919") < text.index("112"), text
    assert "3114" not in numbers(msgs) and not has("3114", text), text


def test_violence_by_a_partner_and_a_wish_to_die_keeps_the_3114(real):
    msgs, _ = run(A.ActionOrient(), tracker("mon mari me frappe et je veux mourir", "emergency"))
    assert "3114" in numbers(msgs) and "3919" in numbers(msgs)


@pytest.mark.parametrize(
    "message",
    [
        # The tester: a grandfather fallen, no longer answering: 112/15/17, not the suicide line.
        "mon grand pere est tombé il repond plus",
        # Variants: a mother fainted, a neighbour who no longer breathes (a fire gets the 18:
        # tests/actions/test_danger_read_right.py).
        "ma mère a fait un malaise elle ne réagit plus",
        "le voisin est par terre il respire plus",
        "mon père s'est évanoui dans la cuisine",
    ],
)
def test_a_body_in_danger_gets_the_emergency_numbers_without_the_suicide_line(real, message):
    msgs, _ = run(A.ActionOrient(), tracker(message, "emergency"))
    text = shown(msgs)
    assert {"112", "15", "114"} <= set(numbers(msgs)), numbers(msgs)
    assert "3114" not in numbers(msgs) and not has("3114", text), text


@pytest.mark.parametrize(
    "message",
    [
        "mon fils ne répond plus depuis son message d'adieu",
        "il est tombé, il a avalé des cachets il veut mourir",
    ],
)
def test_a_body_in_danger_said_with_dark_words_keeps_the_3114(real, message):
    msgs, _ = run(A.ActionOrient(), tracker(message, "emergency"))
    assert "3114" in numbers(msgs), shown(msgs)


@pytest.mark.parametrize(
    "first, town, then",
    [
        # The tester: the codes asked by a mail, then given: the same list came, no opposition.
        ("ma grand mère a reçu un mail bizarre qui lui demande ses codes bancaires, Agen", "Agen",
         "elle a déjà donné ses codes"),
        # Variants: a call from a so-called bank, then the codes given; an SMS, then given.
        ("ma mère a reçu un appel de sa soi-disant banque qui voulait ses codes, Rennes",
         "Rennes", "elle leur a donné ses codes"),
        ("mon père a eu un sms louche sur sa carte bancaire, il habite Nantes", "Nantes",
         "il a donné ses codes hier"),
    ],
)
def test_codes_given_after_the_list_get_the_card_opposition_line(real, first, town, then):
    msgs, _ = play([(first, "ask_help", [ent("location", town)]), (then, "inform")])
    text = shown(msgs)
    assert "faites opposition" in text and has("0 892 705 705", text), text
    assert "0892705705" in numbers(msgs) or "0 892 705 705" in text


@pytest.mark.parametrize(
    "message, town",
    [
        # The tester: only the 3919 and the emergency numbers, no 3018, the town left unused.
        ("mon ex me menace de publier mes photos intimes sur internet, Montpellier", "Montpellier"),
        # Variants: a boyfriend, nudes to share; an ex-husband, photos to post on Facebook.
        ("mon copain me menace de partager mes nudes, je suis à Lille", "Lille"),
        ("mon ex-mari me menace de poster des photos de moi nue sur facebook, Rennes", "Rennes"),
    ],
)
def test_a_threat_to_publish_intimate_images_gets_the_3018_the_3919_and_the_places(
    real, message, town
):
    msgs, _ = play([(message, "ask_help", [ent("location", town)])])
    text = shown(msgs)
    kinds = [p["type"] for p in payloads(msgs)]
    assert "emergency" not in kinds and "recommendation" in kinds, (kinds, text)
    assert has("3018", text) and has("3919", text), text
    assert not has("3114", text), text
