"""A town already known is never replaced by a word of a story or a question (t194's tester over
REST, sections 1, 2, 5, 18 and 19): « c'est ouvert le matin ? » after a list near Angers gave
places near Le Marin (972); « il est parti à l'hôpital » after Argentan gave L'Hôpital (57);
« je sais pas comment marche Whatsapp » after Montargis gave « Je ne trouve pas « quotidien » »
(the NLU tags "Whatsapp" as a place, its synonym mapper writes the need's key); « pourquoi vous
voulez ma ville ? » was quoted back as an unknown town; « celui de Paris » to the Saint-Denis
asked the same choice again; « entre Agen et Villeneuve » offered Villeneuve (12). Real actions
on the real embedded directory; the intents and entities the NLU gives (read from the model)."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, rest_text
from tests.conftest_actions import ent

NOT_FOUND = "Je ne trouve pas"
CHOICE = "Il y a plusieurs communes avec ce nom"


def _places_near(talk: Talk, request: str, town: str) -> str:
    text = rest_text(talk.say(request, "ask_help", [ent("location", town)]))
    if "fasse la démarche avec vous" in text or "Préférez-vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    assert f"près d'{town}" in text or f"près de {town}" in text, text
    return text


def _still_near(talk: Talk, town: str) -> None:
    """The next request is searched near the same town."""
    text = rest_text(talk.say("et pour mes impôts en ligne ?", "ask_help", [ent("need", "impots")]))
    if "fasse la démarche avec vous" in text or "Préférez-vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    assert town in text and "Dans quelle ville" not in text, text


# 1. A time of day in a question on the places is no town (« le matin »: Le Marin, 972).
@pytest.mark.parametrize(
    "question, intent",
    [
        ("c'est ouvert le matin ?", "inform"),
        ("c'est ouvert le matin", "nlu_fallback"),
        ("ils ouvrent le matin ?", "inform"),
        ("on peut y passer le matin ?", "inform"),
        ("et le matin c'est possible ?", "nlu_fallback"),
    ],
)
def test_the_morning_asked_after_a_list_keeps_the_town(real, question, intent):
    talk = Talk()
    _places_near(talk, "cours pour apprendre l'ordinateur à Angers", "Angers")
    talk.say("le 2", "inform")
    text = rest_text(talk.say(question, intent))
    assert "Marin" not in text and "Martinique" not in text and "972" not in text, text
    assert NOT_FOUND not in text and CHOICE not in text, text
    _still_near(talk, "Angers")


# 2. A common word of a story (« à l'hôpital », « au port », « à l'école ») is no town.
@pytest.mark.parametrize(
    "story, intent",
    [
        ("euh en fait mon mari faisait tout et il est parti à l'hôpital, je suis toute seule "
         "maintenant", "inform"),
        ("ma voisine m'aidait mais elle est à l'hôpital depuis lundi", "emergency"),
        ("mon frère est à l'hôpital depuis une semaine", "out_of_scope"),
        ("c'est mon fils qui fait ça d'habitude mais il est à l'école", "inform"),
        ("mon mari travaille au port toute la journée, il peut pas m'aider", "inform"),
        ("ma fille est à la maison avec ses enfants, elle a pas le temps", "inform"),
    ],
)  # fmt: skip
def test_a_story_after_the_places_keeps_the_town(real, story, intent):
    talk = Talk()
    _places_near(talk, "j'ai besoin d'aide pour ma déclaration d'impôts à Argentan", "Argentan")
    text = rest_text(talk.say(story, intent))
    for wrong in ("L'Hôpital", "(57)", "École (73)", "Le Port", "(974", "La Maison"):
        assert wrong not in text, text
    assert NOT_FOUND not in text and CHOICE not in text, text
    if "lieux près d" in text:
        assert "Argentan" in text, text
    _still_near(talk, "Argentan")


@pytest.mark.parametrize(
    "message, tags",
    [
        ("non plutôt à L'Hôpital en Moselle", [ent("location", "L"), ent("location", "Hôpital")]),
        ("je suis à L'Hôpital 57490", [ent("location", "L"), ent("location", "Hôpital"),
                                        ent("location", "57490")]),
    ],
)  # fmt: skip
def test_the_town_l_hopital_said_as_a_town_is_taken(real, message, tags):
    talk = Talk()
    _places_near(talk, "j'ai besoin d'aide pour ma déclaration d'impôts à Argentan", "Argentan")
    text = rest_text(talk.say(message, "inform", tags))
    assert "L'Hôpital (57)" in text, text


# 3. A need's word the NLU tagged as a place (its synonym: the need's key) is the need.
def _need_as_place(written: str, key: str, message: str) -> dict:
    start = message.index(written)
    return {"entity": "location", "value": key, "text": written, "start": start,
            "end": start + len(written), "processors": ["EntitySynonymMapper"]}  # fmt: skip


@pytest.mark.parametrize(
    "first, message, written, key",
    [
        ("j'habite à Montargis", "je sais pas comment marche Whatsapp", "Whatsapp", "quotidien"),
        ("moi c'est Brigitte, j'habite à Montargis", "je sais pas comment marche Whatsapp",
         "Whatsapp", "quotidien"),
        ("je suis à Montargis", "j'arrive pas à envoyer des Photos à ma famille", "Photos",
         "quotidien"),
        ("j'habite à Montargis", "je voudrais apprendre à faire des Visios", "Visios",
         "quotidien"),
    ],
)  # fmt: skip
def test_a_need_tagged_as_a_place_keeps_the_town(real, first, message, written, key):
    talk = Talk()
    said = rest_text(talk.say(first, "inform", [ent("location", "Montargis")]))
    assert "Montargis (45)" in said, said
    text = rest_text(talk.say(message, "ask_help", [_need_as_place(written, key, message)]))
    if "fasse la démarche avec vous" in text or "Préférez-vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    assert f"« {key} »" not in text and NOT_FOUND not in text, text
    assert "Dans quelle ville" not in text and "Montargis" in text, text


# 4. A question back on why the town is asked gets an answer, never « Je ne trouve pas ».
@pytest.mark.parametrize(
    "question, intent",
    [
        ("pourquoi vous voulez ma ville ?", "change_location"),
        ("pourquoi vous avez besoin de ma commune", "nlu_fallback"),
        ("c'est pour quoi faire ma ville ?", "inform"),
        ("à quoi ça sert de donner ma ville", "ask_help"),
        ("pourquoi vous demandez ça ?", "chitchat/confused"),
        ("pourquoi il vous faut mon code postal ?", "inform"),
    ],
)
def test_why_the_town_is_asked_is_answered(real, question, intent):
    talk = Talk()
    asked = rest_text(talk.say("j'ai besoin d'aide pour ma déclaration d'impôts", "ask_help"))
    if "fasse la démarche avec vous" in asked or "Préférez-vous" in asked:
        asked = rest_text(talk.say("avec quelqu'un", "inform"))
    assert "Dans quelle ville" in asked, asked
    text = rest_text(talk.say(question, intent))
    assert NOT_FOUND not in text and "«" not in text, text
    assert "les plus proches de chez vous" in text and "code postal" in text, text
    done = rest_text(talk.say("Argentan", "inform", [ent("location", "Argentan")]))
    assert "près d'Argentan (61)" in done, done


# 5. « celui de Paris » to the Saint-Denis: the one nearest Paris.
@pytest.mark.parametrize(
    "answer, tags",
    [
        ("celui de Paris", [ent("location", "Paris")]),
        ("près de Paris", [ent("location", "Paris")]),
        ("en région parisienne", []),
        ("celle à côté de Paris", [ent("location", "Paris")]),
        ("celui vers Paris svp", [ent("location", "Paris")]),
        ("le Saint-Denis de Paris", [ent("location", "Saint-Denis"), ent("location", "Paris")]),
    ],
)
def test_the_namesake_near_a_town_is_picked(real, answer, tags):
    talk = Talk()
    asked = rest_text(talk.say("aide pour la caf, j'habite à Saint-Denis", "ask_help",
                               [ent("location", "Saint-Denis")]))  # fmt: skip
    assert CHOICE in asked or "Laquelle" in asked, asked
    text = rest_text(talk.say(answer, "inform", tags))
    if "fasse la démarche avec vous" in text or "Préférez-vous" in text:
        text = rest_text(talk.say("avec quelqu'un", "inform"))
    assert "Saint-Denis (93)" in text and "Répondez" not in text, text


# 6. « entre Agen et Villeneuve »: the Villeneuve beside Agen (Villeneuve-sur-Lot, 47); since
# helper221 the places half-way between them, said so.
@pytest.mark.parametrize(
    "message, intent, tags, between",
    [
        ("j'habite entre Agen et Villeneuve, je voudrais qu'on m'aide à créer ma boutique en "
         "ligne pour vendre mes confitures", "ask_help",
         [ent("location", "Agen"), ent("location", "Villeneuve")],
         "entre Agen et Villeneuve-sur-Lot, près "),
        ("entre Agen et Villeneuve", "inform",
         [ent("location", "Agen"), ent("location", "Villeneuve")],
         "entre Agen et Villeneuve-sur-Lot, près "),
        ("je suis entre Villeneuve et Agen, aide pour la caf", "ask_help",
         [ent("location", "Villeneuve"), ent("location", "Agen")],
         "entre Villeneuve-sur-Lot et Agen, près "),
    ],
)  # fmt: skip
def test_a_name_beside_another_town_is_its_nearby_namesake(real, message, intent, tags, between):
    talk = Talk()
    if intent == "inform":
        talk.say("aide pour la caf", "ask_help")
    text = rest_text(talk.say(message, intent, tags))
    assert between in text, text
    assert "Villeneuve (12)" not in text, text
