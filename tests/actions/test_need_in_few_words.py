"""Round t181's tester over REST (sections 2, 6 and 13): a need said in one or two words, a
person who writes for a relative or says only that they have a problem, and a call for help that
names nothing were refused, greeted, taken for an insult or given the danger numbers. Each
message is run with the intent the trained NLU gave it (its small talk sub-intent too); what the
person reads is asserted, on the real embedded directory and Locator."""

from __future__ import annotations

import pytest

from tests.actions.conftest import embedded_locator, real_directory  # noqa: F401 - fixtures
from tests.actions.talk import Talk, numbers_given, one_list, payloads, rest_text
from tests.conftest_actions import ent

REFUSED = "Je ne peux pas vous aider pour"
NOT_UNDERSTOOD = "Je n'ai pas bien compris"
WHERE = "Dans quelle ville ou quel code postal"
NEED_ASKED = "Dites-moi en quelques mots ce qui vous pose problème"


def _is_the_need_question(text: str) -> None:
    assert NEED_ASKED in text, text
    for wrong in (REFUSED, NOT_UNDERSTOOD, "112", "Avec plaisir", "agaçant"):
        assert wrong not in text, text


# --- 1. a need in one word ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "message, intent, need",
    [
        ("impots", "out_of_scope", "demarches"),  # the NLU's reading of each, then
        ("impôts", "out_of_scope", "demarches"),
        ("carte grise", "out_of_scope", "demarches"),
        ("passeport", "out_of_scope", "demarches"),
        ("ameli", "chitchat/greet", "sante"),
        ("imprimer", "send_it", "materiel_usage"),
        ("bonjour, impots", "chitchat/greet", "demarches"),
    ],
)
def test_a_need_in_one_word_is_kept_and_the_town_asked(real, message, intent, need):
    talk = Talk()
    text = rest_text(talk.say(message, intent))
    assert WHERE in text, text
    assert REFUSED not in text and "Bonjour !" not in text and "rien trouvé" not in text, text
    assert need in talk.slots["needs"]


@pytest.mark.parametrize("message", ["impots", "impôts"])
def test_a_need_in_one_word_after_the_postcode_gets_the_places(real, message):
    talk = Talk()
    talk.say("13300", "inform", [ent("location", "13300")])
    msgs = talk.say(message, "out_of_scope")
    text = rest_text(msgs)
    assert REFUSED not in text, text
    assert "impôts" in text.split("\n")[0], text
    assert one_list(msgs)["location"]["commune"] == "Salon-de-Provence"


@pytest.mark.parametrize(
    "message, intent",
    [("logement", "out_of_scope"), ("logement", "ask_help"), ("un logement", "ask_help"),
     ("Logement ?", "nlu_fallback"), ("pour mon logement", "out_of_scope")],
)  # fmt: skip
def test_logement_alone_is_a_housing_file_online(real, message, intent):
    """« logement » said alone: a housing file online (a social housing claim, the CAF's aid for
    rent), paperwork: asked, as for any file, whether with someone or learning to do it, with no
    menu of guesses; then the town (helper e210). Before: refused, or the need question."""
    talk = Talk()
    text = rest_text(talk.say(message, intent))
    assert REFUSED not in text and NEED_ASKED not in text, text
    assert text.startswith("Voulez-vous que quelqu'un fasse la démarche avec vous"), text
    assert talk.slots["needs"] == ["demarches"]
    assert WHERE in rest_text(talk.say("avec quelqu'un", "inform"))


@pytest.mark.parametrize(
    "message, intent",
    [
        ("un plombier", "out_of_scope"),
        ("raconte moi une blague", "out_of_scope"),
        ("un docteur", "out_of_scope"),
        ("je cherche un appartement", "out_of_scope"),
    ],
)
def test_real_off_topic_stays_refused(real, message, intent):
    text = rest_text(Talk().say(message, intent))
    assert REFUSED in text, text


def test_thanks_naming_the_need_after_the_list_is_no_new_search(real):
    talk = Talk()
    first = talk.say("impots Rouen", "inform", [ent("location", "Rouen")])
    one_list(first)
    text = rest_text(talk.say("merci pour les impots", "chitchat/thank"))
    assert "Voici" not in text and not payloads(talk.say("merci", "chitchat/thank")), text


# --- 3. for a relative, a problem said in general, a detail of the need kept --------------------
@pytest.mark.parametrize(
    "message, intent, asked",
    [
        ("pour mon papa", "out_of_scope", "D'accord, c'est pour votre papa. De quoi a-t-il besoin"),
        ("c pour ma soeur", "chitchat/insult",
         "D'accord, c'est pour votre soeur. De quoi a-t-elle besoin"),
        ("c pour mon pere", "nlu_fallback",
         "D'accord, c'est pour votre père. De quoi a-t-il besoin"),
        ("c'est pour mes parents", "inform",
         "D'accord, c'est pour vos parents. De quoi ont-ils besoin"),
    ],
)  # fmt: skip
def test_writing_for_a_relative_gets_what_they_need_asked(real, message, intent, asked):
    talk = Talk()
    msgs = talk.say(message, intent)
    text = rest_text(msgs)
    assert text.startswith(asked), text
    assert msgs[0]["buttons"], msgs  # the need menu
    for wrong in (REFUSED, NOT_UNDERSTOOD, "agaçant", "C'est noté, je chercherai"):
        assert wrong not in text, text
    # her need, then her town: the answers speak of her ("ses démarches")
    talk.say("la caf", "inform")
    text = rest_text(talk.say("Nantes", "inform", [ent("location", "Nantes")]))
    assert "pour ses démarches avec la CAF" in text.split("\n")[0], text


def test_writing_for_a_relative_after_greeting(real):
    talk = Talk()
    talk.say("bonsoir", "chitchat/greet")
    text = rest_text(talk.say("c pour mon pere", "nlu_fallback"))
    assert "De quoi a-t-il besoin" in text, text


def test_for_a_relative_once_the_need_is_said_asks_where_they_live(real):
    talk = Talk()
    talk.say("mon tel je sais pas men servir", "ask_help")
    text = rest_text(talk.say("c pour ma mere", "out_of_scope"))
    assert "Je cherche près de chez votre mère" in text, text
    assert talk.slots["needs"] == ["smartphone"]


@pytest.mark.parametrize(
    "message, intent",
    [("jai 1 pb", "out_of_scope"), ("j'ai un problème", "nlu_fallback"),
     ("j'ai un souci", "chitchat/confused"), ("g un pb", "out_of_scope")],
)  # fmt: skip
def test_a_problem_said_in_general_gets_the_need_question(real, message, intent):
    talk = Talk()
    talk.say("slt", "chitchat/greet")
    _is_the_need_question(rest_text(talk.say(message, intent)))


@pytest.mark.parametrize("brand, intent", [("samsung", "out_of_scope"),
                                           ("android", "nlu_fallback")])  # fmt: skip
def test_the_brand_of_the_phone_to_learn_keeps_the_need(real, brand, intent):
    talk = Talk()
    talk.say("mon tel je sais pas men servir", "ask_help")
    talk.say("smartphone", "ask_help")
    text = rest_text(talk.say(brand, intent))
    assert text.startswith(WHERE), text
    assert REFUSED not in text and "Je ne trouve pas" not in text, text
    assert talk.slots["needs"] == ["smartphone"]
    listed = one_list(talk.say("Lyon", "inform", [ent("location", "Lyon")]))
    assert listed["location"]["commune"] == "Lyon"


# --- 4. a call for help that names nothing ------------------------------------------------------
@pytest.mark.parametrize(
    "message, intent",
    [
        ("aide", "emergency"),  # the NLU's intents for each, then
        ("aide svp", "nlu_fallback"),
        ("besoin d'aide", "ask_help"),
        ("help", "chitchat/thank"),
        ("aide moi", "nlu_fallback"),
        ("je veux de l'aide", "emergency"),
        ("aidez-moi svp", "nlu_fallback"),
    ],
)
def test_a_call_for_help_naming_nothing_gets_the_need_question(real, message, intent):
    msgs = Talk().say(message, intent)
    _is_the_need_question(rest_text(msgs))
    assert not numbers_given(msgs)
    assert msgs[0]["buttons"], msgs


@pytest.mark.parametrize("message", ["a l'aide", "au secours"])
def test_a_cry_for_help_still_gets_the_numbers(real, message):
    assert "112" in numbers_given(Talk().say(message, "emergency"))
