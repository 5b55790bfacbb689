"""Unit tests of the channels' pure functions (no Rasa, no network)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.channels import render
from bot.channels.sms_text import (
    encoding,
    is_gsm7,
    segments,
    shorten_links,
    shorten_url,
    to_gsm7,
)
from bot.channels.state import OptOutStore, TTLDict, normalise_address

# ---------------------------------------------------------------- segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("a", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("é" * 160, 1),  # é is GSM-7
        ("ê" * 70, 1),  # ê is not: UCS-2
        ("ê" * 71, 2),
        ("ê" * 134, 2),
        ("ê" * 135, 3),
        ("€" * 80, 1),  # extension table: two septets each
        ("€" * 81, 2),
        ("😀" * 35, 1),  # outside the BMP: two UTF-16 units each
        ("😀" * 36, 2),
    ],
)
def test_segments(text, expected):
    assert segments(text) == expected


def test_an_escaped_character_is_not_split_between_segments():
    # 152 septets then "€" (2): it cannot straddle the 153-septet boundary.
    assert segments("a" * 152 + "€" + "a" * 152) == 3
    assert segments("a" * 151 + "€" + "a" * 153) == 2


@pytest.mark.parametrize("char", list("éèàùìòÉÇ"))
def test_french_letters_in_gsm7(char):
    assert is_gsm7(char)


@pytest.mark.parametrize("char", ["ê", "â", "î", "ô", "û", "ç", "œ", "’", "«", "»", "…"])
def test_french_letters_not_in_gsm7(char):
    assert not is_gsm7(char)
    assert encoding("a" + char) == "UCS-2"


# ---------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’accueil « France Services »", 'L\'accueil "France Services"'),
        (
            "Fenêtre, château, île, hôtel, sûr, ça, cœur",
            "Fenetre, chateau, ile, hotel, sur, ca, coeur",
        ),
        ("Ça coûte 2 € – rien", "Ça coute 2 € - rien"),
        ("déjà là, où, élève, ÉCOLE", "déjà là, où, élève, ÉCOLE"),
        ("attendez…", "attendez..."),
    ],
)
def test_to_gsm7(text, expected):
    assert to_gsm7(text) == expected
    assert is_gsm7(to_gsm7(text))


def test_to_gsm7_leaves_text_it_cannot_make_gsm7():
    text = "Fenêtre 😀"
    assert to_gsm7(text) == text


def test_folding_can_halve_the_cost():
    text = "Être à l’aise avec son téléphone : " * 3
    assert segments(text) == 2 and segments(to_gsm7(text)) == 1


@given(st.text(max_size=400))
def test_folding_never_costs_more(text):
    folded = to_gsm7(text)
    assert folded == text or is_gsm7(folded)
    assert segments(folded) <= segments(text) or is_gsm7(text)


# ---------------------------------------------------------------- links


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.france-services.gouv.fr/", "france-services.gouv.fr"),
        (
            "https://www.france-services.gouv.fr/?utm_source=x&utm_medium=sms",
            "france-services.gouv.fr",
        ),
        ("http://example.org/rdv?id=42&fbclid=abc#top", "example.org/rdv?id=42"),
        ("www.solidarite-numerique.fr/tutoriels/", "solidarite-numerique.fr/tutoriels"),
        ("HTTPS://WWW.Example.ORG/Path", "example.org/Path"),
    ],
)
def test_shorten_url(url, expected):
    assert shorten_url(url) == expected


def test_shorten_links_in_text_keeps_punctuation():
    assert shorten_links("Voir https://www.ex.fr/a/?utm_source=x. Merci") == "Voir ex.fr/a. Merci"


# ---------------------------------------------------------------- keywords, locations


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("STOP", "stop"),
        ("stop", "stop"),
        (" Stop ! ", "stop"),
        ("STOP SMS", "stop"),
        ("Arrêt", "stop"),
        ("ARRET", "stop"),
        ("arrêter", "stop"),
        ("AIDE", "help"),
        ("help", "help"),
        ("Aide ?", "help"),
        ("START", "start"),
        ("j'ai besoin d'aide", None),
        ("stop, je veux de l'aide", None),
        ("", None),
        (None, None),
    ],
)
def test_keyword(text, word):
    assert render.keyword(text) == word


def test_location_message():
    assert (
        render.location_message("50.6942", "3.1746")
        == '/inform{"latitude": 50.6942, "longitude": 3.1746}'
    )
    assert (
        render.location_message(48.8566141, 2.3522219)
        == '/inform{"latitude": 48.856614, "longitude": 2.352222}'
    )
    assert (
        render.location_message(1, 2, intent="share_location", lat_entity="lat", lon_entity="lon")
        == '/share_location{"lat": 1.0, "lon": 2.0}'
    )


@pytest.mark.parametrize(
    ("lat", "lon"), [("91", "0"), ("0", "181"), ("nan", "1"), ("x", "1"), (None, "1"), ("", "")]
)
def test_location_message_rejects_non_coordinates(lat, lon):
    assert render.location_message(lat, lon) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bonjour", "bonjour"),
        ("/start", "bonjour"),
        ("/start@orienteur_bot", "bonjour"),
        ("/restart", "/restart"),
        ('/inform{"latitude": 1}', 'inform{"latitude": 1}'),
        ("//greet", "greet"),
    ],
)
def test_sanitize_user_text(text, expected):
    assert render.sanitize_user_text(text) == expected


# ---------------------------------------------------------------- buttons

BUTTONS = [
    {"title": "Roubaix (59)", "payload": "/a"},
    {"title": "Saint-Étienne (42)", "payload": "/b"},
    {"title": "Lille", "payload": "/c"},
]


def test_numbered_choices():
    text, choices = render.numbered_choices("Quelle ville ?", BUTTONS)
    assert text == (
        "Quelle ville ?\n1. Roubaix (59)\n2. Saint-Étienne (42)\n3. Lille\n"
        "Répondez par un chiffre de 1 à 3."
    )
    assert choices == [("Roubaix (59)", "/a"), ("Saint-Étienne (42)", "/b"), ("Lille", "/c")]
    assert "/a" not in text


@pytest.mark.parametrize(
    ("reply", "payload"),
    [
        ("1", "/a"),
        (" 2 ", "/b"),
        ("3.", "/c"),
        ("2)", "/b"),
        ("saint-etienne (42)", "/b"),
        ("LILLE", "/c"),
        ("4", None),
        ("0", None),
        ("Lille centre", None),
        ("", None),
    ],
)
def test_pick_choice(reply, payload):
    assert render.pick_choice(reply, render.numbered_choices("", BUTTONS)[1]) == payload


def test_pick_choice_without_choices():
    assert render.pick_choice("1", None) is None


# ---------------------------------------------------------------- recommendations


@pytest.mark.parametrize(
    ("km", "text"),
    [
        (0.04, "50 m"),
        (0.42, "400 m"),
        (1.234, "1,2 km"),
        (12.6, "13 km"),
        (None, ""),
        ("x", ""),
        (-1, ""),
    ],
)
def test_format_distance(km, text):
    assert render.format_distance(km) == text


@pytest.mark.parametrize(
    ("phone", "text"),
    [
        ("+33320000000", "03 20 00 00 00"),
        ("0320000000", "03 20 00 00 00"),
        ("03.20.00.00.00", "03 20 00 00 00"),
        ("+32 2 123 45 67", "+32 2 123 45 67"),
        ("+262262904990", "02 62 90 49 90"),
        ("+596596123456", "05 96 12 34 56"),
        (None, ""),
    ],
)
def test_format_phone(phone, text):
    assert render.format_phone(phone) == text


def reco(results, **extra):
    return {"orienteur": {"type": "recommendation", "results": results, **extra}}


LONG = {
    "name": "Espace public numérique de la Médiathèque intercommunale " * 3,
    "distance_km": 3.2,
    "address": "Centre commercial, 1 avenue de la République " * 3,
    "phone": "+33123456789",
    "why": "Parce que " * 40,
    "open_now": True,
    "url": "https://www.example.org/" + "x" * 100,
}


def test_recommendation_is_three_places_each_one_segment():
    payload = render.recommendation_of(reco([LONG] * 5))
    messages = render.render_recommendation(payload)
    assert len(messages) == 3
    for i, message in enumerate(messages, 1):
        assert message.startswith(f"{i}. ")
        assert segments(message) == 1 and is_gsm7(message), message
        assert "01 23 45 67 89" in message  # the phone survives the budget


def test_recommendation_keeps_everything_when_it_fits():
    place = {
        "name": "France Services Lens",
        "distance_km": 0.8,
        "address": "1 rue X, Lens",
        "phone": "+33321000000",
        "why": "Démarches CAF",
        "open_now": True,
        "url": "https://www.fs.fr/lens?utm_source=a",
    }
    [message] = render.render_recommendation(render.recommendation_of(reco([place])))
    assert message == (
        "1. France Services Lens (800 m)\n1 rue X, Lens\nTél 03 21 00 00 00\n"
        "Ouvert maintenant. Démarches CAF\nfs.fr/lens"
    )


def test_why_without_distance_and_opening_from_the_text():
    payload = render.recommendation_of(
        reco([{"name": "CCAS", "why": "seniors, gratuit, à 1,3 km", "open_now": False}])
    )
    text = "1. CCAS\n   Horaires : Fermé. Ouvre demain à 9 h"
    payload = render.with_opening_texts(payload, [text])
    [message] = render.render_recommendation(payload)
    assert message == "1. CCAS\nFermé. Ouvre demain à 9 h. seniors, gratuit"


def test_recommendation_whatsapp_keeps_unicode():
    place = {"name": "Fenêtre sur le numérique", "why": "Être à l’aise"}
    [message] = render.render_recommendation(render.recommendation_of(reco([place])), gsm7=False)
    assert "Fenêtre" in message and "Être à l’aise" in message


def test_empty_recommendation_gives_the_helpline():
    [message] = render.render_recommendation(render.recommendation_of(reco([])))
    assert "01 70 77 23 72" in message


def test_recommendation_intro_and_choices():
    payload = render.recommendation_of(
        reco([{"name": "A", "payload": '/details{"id": 1}'}], intro="Voici :")
    )
    assert render.render_recommendation(payload)[0] == "Voici :"
    assert render.result_choices(payload) == [("A", '/details{"id": 1}')]
    assert render.result_choices(render.recommendation_of(reco([{"name": "A"}]))) == []


def test_not_a_recommendation():
    assert render.recommendation_of({"orienteur": {"type": "other"}}) is None
    assert render.recommendation_of({"text": "x"}) is None
    assert render.recommendation_of("x") is None


def test_fixed_texts_fit_one_sms():
    for text in (render.HELP_TEXT, render.STOP_TEXT, render.START_TEXT):
        assert segments(to_gsm7(text)) == 1 and is_gsm7(to_gsm7(text)), text


def test_split_places():
    text = "Voici 2 lieux :\n\n1. A\n   Pourquoi : x\n\n2. B\n\nPensez à apporter :\n- x\n\nFin."
    assert render.split_places(text) == (
        ["Voici 2 lieux :"],
        ["1. A\n   Pourquoi : x", "2. B"],
        ["Pensez à apporter :\n- x", "Fin."],
    )
    assert render.split_places("Rien.\n\nAppelez.") == (["Rien.", "Appelez."], [], [])


def test_join_paragraphs():
    assert render.join_paragraphs("a\n\n b \n\n\nc") == "a\nb\nc"


# ---------------------------------------------------------------- state


def test_ttl_dict_expires_and_is_bounded():
    now = [0.0]
    d = TTLDict(ttl=10, maxsize=2, clock=lambda: now[0])
    d["a"] = 1
    d["b"] = 2
    d["c"] = 3
    assert "a" not in d and d.get("b") == 2 and len(d) == 2
    now[0] = 11
    assert d.get("c") is None and len(d) == 0
    d["x"] = 1
    assert d.pop("x") == 1 and d.pop("x") is None


def test_optouts_persist(tmp_path):
    path = tmp_path / "optout.sqlite3"
    store = OptOutStore(path)
    assert store.add("whatsapp:+33612345678", "whatsapp") is True
    assert store.add("+33612345678") is False  # same person
    assert "+33612345678" in OptOutStore(path)
    assert OptOutStore(path).remove("+33 6 12 34 56 78") is True
    assert "whatsapp:+33612345678" not in OptOutStore(path)
    assert normalise_address("telegram:42") == "telegram:42"


def test_reopening_time_is_kept_before_why():
    result = {
        "name": "France services La Poste de Roubaix - Epeule",
        "distance_km": 0.4,
        "address": "173 rue de l'Epeule, Bureau de Poste, 59100 Roubaix",
        "phone": "+33320010845",
        "why": "aide pour vos papiers en ligne, gratuit",
        "open_now": False,
        "opening_text": "Fermé. Ouvre demain à 10 h",
    }
    [message] = render.render_recommendation({"results": [result]})
    assert message.endswith("Tél 03 20 01 08 45\nFermé. Ouvre demain à 10 h")
    assert segments(message) == 1


def test_split_text():
    assert render.split_text("short", 10) == ["short"]
    parts = render.split_text("line\n" * 1000, 1600)
    assert all(len(p) <= 1600 for p in parts) and "\n".join(parts).count("line") == 1000
    assert render.split_text("x" * 10, 4) == ["xxxx", "xxxx", "xx"]
