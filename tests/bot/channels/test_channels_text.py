"""Unit tests of the channels' pure functions (no Rasa, no network)."""

from __future__ import annotations

import re

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


@pytest.mark.parametrize(
    "text",
    [
        "Stop svp", "STOP.", "stop merci", "Stop, merci !", "STOP STOP", "/stop", "stopsms",
        "arrêtez", "Arrêtez !", "arrêter", "arrête tout", "Arrêtez les messages", "Stoppez",
        "désabonner", "Désabonnez-moi", "je veux me désabonner", "je me désinscris",
        "désinscription", "unsubscribe",
        "je ne veux plus recevoir de messages", "Je ne veux plus recevoir vos SMS svp",
        "ne plus recevoir", "je veux plus recevoir de sms", "plus de messages svp",
        "Merci de ne plus m'envoyer de messages", "Arrêtez de m'envoyer des messages",
        "ne m'envoyez plus de SMS", "S'il vous plaît, arrêtez", "Ça suffit, arrêtez !",
    ],
)
def test_every_common_way_to_say_stop_opts_out(text):
    assert render.keyword(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "arrêter de fumer", "je veux arrêter de fumer", "le bus s'arrête où ?",
        "où est l'arrêt du bus 5", "arrêt de bus", "je veux arrêter mon abonnement internet",
        "comment me désabonner de la CAF", "je ne peux plus recevoir mes mails",
        "je voudrais recevoir des messages", "plus de lieux", "stop au harcèlement, que faire ?",
        "Maintenant la caisse de retraite me demande de tout faire sur leur site",
    ],
)
def test_a_message_about_stopping_something_else_is_no_opt_out(text):
    assert render.keyword(text) is None


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

def reco(results, **extra):
    return {"orienteur": {"type": "recommendation", "results": results, **extra}}


def place(number, **fields):
    """A ``results`` item as actions.formatting.result_payload writes it."""
    base = {"id": f"p{number}", "number": number,
            "name": "Espace public numérique de la Médiathèque intercommunale Jean Moulin",
            "distance_text": "1,2 km", "address": "Centre commercial des Trois Fontaines, "
            "1 avenue de la République, 16000 Angoulême", "phone": "+33545000001",
            "phone_text": "05 45 00 00 01", "open_now": False,
            "opening_text": "Fermé. Ouvre lundi à 9 h", "hours": ["lun.–ven. : 9 h–12 h"],
            "why": "aide pour vos papiers en ligne, ateliers pour débuter, gratuit, France "
            "Services", "appointment_url": "https://rdv.example.org/angouleme/espace-numerique"}
    return {**base, **fields}


INTRO = ("Voici 3 lieux près d'Angoulême pour vos démarches avec la CAF (RSA, APL, "
         "prime d'activité…) :")
FOLLOW = [{"title": "D'autres lieux", "payload": "/more_results"},
          {"title": "Une autre ville", "payload": "/change_location"}]


def test_sms_three_long_places_fit_four_gsm7_segments_with_the_menu():
    payload = render.recommendation_of(reco([place(1), place(2), place(3)],
                                            follow_ups=FOLLOW, total=9, offset=0))
    body, places = render.sms_body(INTRO, payload, menu=True)
    assert is_gsm7(body) and segments(body) <= 4, (segments(body), body)
    assert body.startswith("Voici 3 lieux près d'Angouleme")  # ê folded: still GSM-7
    assert body.index("1. Espace") < body.index("2. Espace") < body.index("3. Espace")
    assert body.count("Tél 05 45 00 00 01") == 3  # the phone survives the budget
    assert body.count("Angouleme\n") == 3  # and the town
    assert "Envoyez 1, 2 ou 3 pour le détail" in body and '"D\'autres lieux"' in body
    assert [p["number"] for p in places] == [1, 2, 3]


def test_sms_keeps_the_street_rather_than_the_postcode_when_space_is_short():
    """Round 15: "1. LA POSTE (650 m) / 66000 PERPIGNAN", the street gone, on a two-need intro."""
    intro = ("Voici 3 lieux près de Perpignan (66) pour apprendre à vous servir de votre téléphone "
             "ou de votre tablette et vous servir d'internet au quotidien (mails, photos, "
             "achats…) :")
    streets = ("3 RUE DE LA FUSTERIE", "113 BD ARISTIDE BRIAND", "24 QUAI SADI CARNOT")
    names = ("LA POSTE", "ASS DEPARTEMENTALE DES PUPILLES DE L ENSEIGNEMENT PUBLIC",
             "Département des Pyrénées Orientales")
    why = "apprendre à se servir d'un téléphone ou d'une tablette, gratuit"
    results = [
        place(1, name=names[0], address=f"{streets[0]}, 66000 PERPIGNAN", distance_text="650 m",
              phone=None, phone_text=None, why=why),
        place(2, name=names[1], address=f"{streets[1]}, 66100 PERPIGNAN", distance_text="950 m",
              phone="+33468347681", phone_text="04 68 34 76 81", open_now=None, why=why),
        place(3, name=names[2], address=f"{streets[2]}, 66000 PERPIGNAN", distance_text="900 m",
              phone=None, phone_text=None, open_now=None, why=why),
    ]
    payload = render.recommendation_of(reco(results, follow_ups=FOLLOW, total=9, offset=0))
    body, _ = render.sms_body(intro, payload, menu=True)
    assert segments(body) <= 4, (segments(body), body)
    for street in streets:  # the postcode may stay when there is room
        assert re.search(rf"{street}, (?:\d{{5}} )?PERPIGNAN\n", body), body


def test_a_long_address_loses_its_postcode_before_its_street():
    marseille = place(1, address="221 Avenue de la Capelette, 13010 Marseille 10e")
    assert render.place_lines(marseille, address_max=45)[1] == (
        "221 Avenue de la Capelette, Marseille 10e"
    )
    rennes = place(2, address="Le Quadri - 47 avenue des Pays-Bas, 35200 Rennes")
    assert render.place_lines(rennes, address_max=45)[1] == (
        "Le Quadri - 47 avenue des Pays-Bas, Rennes"
    )


def test_sms_menu_is_optional_and_what_to_bring_is_not_in_the_list():
    payload = render.recommendation_of(reco([place(1)], bring=["un RIB"]))
    body, _ = render.sms_body("Voici le lieu :", payload, menu=False)
    assert "Envoyez" not in body and "RIB" not in body


def test_sms_places_one_can_reach_come_first_and_no_contact_is_said():
    silent = place(4, name="Bus numérique", phone=None, phone_text=None, open_now=None,
                   opening_text="Horaires non connus")
    payload = render.recommendation_of(reco([silent, place(5, name="Mairie"),
                                             place(6, name="CCAS", phone=None, phone_text=None)],
                                            offset=3))
    body, places = render.sms_body("Voici d'autres lieux :", payload, menu=False)
    assert [(p["number"], p["name"]) for p in places] == [(4, "Mairie"), (5, "CCAS"),
                                                         (6, "Bus numérique")]
    assert "4. Mairie" in body and "6. Bus numérique" in body  # numbering follows the pages
    assert "Pas de téléphone connu" in body  # CCAS: hours known, no phone
    assert "Ni téléphone ni horaires connus" in body


def test_sms_says_go_during_opening_hours_only_with_the_hours_shown():
    """A place without a phone whose opening was cut for length: no "allez-y aux heures
    d'ouverture" without the hours (tester, round 17)."""
    why = "apprendre à se servir d'un téléphone ou d'une tablette, gratuit"
    results = [place(n, name=f"Mairie annexe du quartier {n} de Perpignan", phone=None,
                     phone_text=None, why=why,
                     address=f"{n} RUE DE LA FUSTERIE, 66000 PERPIGNAN") for n in (1, 2, 3)]
    payload = render.recommendation_of(reco(results, follow_ups=FOLLOW, total=9, offset=0))
    body, _ = render.sms_body(INTRO + " " + INTRO, payload, menu=True)
    assert segments(body) <= 4, (segments(body), body)
    assert "Ouvre lundi" not in body, body  # cut for length: the case of the defect
    assert "heures d'ouverture" not in body, body
    assert body.count("Pas de téléphone connu.") == 3, body
    # With room, the hours are shown and the sentence is true.
    roomy, _ = render.sms_body("Voici :", payload, menu=False, max_segments=10)
    assert roomy.count("allez-y aux heures d'ouverture") == 3
    assert roomy.count("Ouvre lundi à 9 h") == 3


def test_place_detail_has_the_week_hours_and_what_to_bring():
    text = render.place_detail(place(2), ["un RIB", "une pièce d'identité"])
    assert text.startswith("2. Espace public")
    assert "Horaires : lun.–ven. : 9 h–12 h" in text
    assert "Tél 05 45 00 00 01" in text and "Rendez-vous : https://rdv.example.org" in text
    assert text.endswith("À apporter : un RIB ; une pièce d'identité")


def test_whatsapp_keeps_every_place_whole_in_unicode():
    payload = render.recommendation_of(reco([place(1, name="Fenêtre sur le numérique"),
                                             place(2), place(3)]))
    body, _ = render.whatsapp_body(INTRO, payload, menu=True)
    assert "Fenêtre" in body and "Angoulême" in body and "prime d'activité…" in body
    assert body.count("16000 Angoulême") == 3  # nothing cut to fit a segment
    assert body.count("Fermé. Ouvre lundi à 9 h") == 3


def test_plain_text_gives_intro_places_notes_and_bring_once():
    payload = render.recommendation_of(reco([place(1), place(2)], bring=["un RIB"],
                                            notes=["Vous pouvez aussi appeler …"]))
    text = render.plain_text("Voici 2 lieux :", payload)
    assert text.split("\n\n")[0] == "Voici 2 lieux :"
    assert text.count("Espace public numérique") == 2
    assert text.count("(1,2 km)") == 2 and "Fermé. Ouvre lundi à 9 h" in text
    assert text.endswith("Pensez à apporter :\n- un RIB")


def test_empty_recommendation_is_its_text_and_notes():
    payload = render.recommendation_of(reco([], notes=["Appelez le 01 70 77 23 72."]))
    body, places = render.sms_body("Je n'ai trouvé aucun lieu.", payload, menu=True)
    assert places == [] and body == "Je n'ai trouvé aucun lieu.\nAppelez le 01 70 77 23 72."


def test_not_a_recommendation():
    assert render.recommendation_of({"orienteur": {"type": "other"}}) is None
    assert render.recommendation_of({"text": "x"}) is None
    assert render.recommendation_of("x") is None


def test_fixed_texts_fit_one_sms():
    for text in (render.HELP_TEXT, render.STOP_TEXT, render.START_TEXT):
        assert segments(to_gsm7(text)) == 1 and is_gsm7(to_gsm7(text)), text


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


def test_split_text():
    assert render.split_text("short", 10) == ["short"]
    parts = render.split_text("line\n" * 1000, 1600)
    assert all(len(p) <= 1600 for p in parts) and "\n".join(parts).count("line") == 1000
    assert render.split_text("x" * 10, 4) == ["xxxx", "xxxx", "xx"]
