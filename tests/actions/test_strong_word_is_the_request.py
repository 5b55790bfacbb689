"""A strong word that is the very object of an ordinary request (helper e205, set AU's false
alarms): a hunting weapon to declare online, « au secours » before a phone setting, a teenager to
register with the volunteer firefighters, a death threat sent by SMS to get paid in bitcoin. The
person reads their request served — never the emergency numbers, never the danger question —
whichever intent the NLU gives (the NLU read « pompier », an age, « arme » as danger). The
dangers of the same words still get the numbers. Real actions, real directory.

Before the fix: « je dois déclarer ma carabine de chasse… » and the bitcoin threat got the
emergency message (a severe wording: « une arme », « menace de mort »); « au secours, comment on
désactive le mode avion » and the teenager to register got it too, their need unread."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, kinds, numbers_given, rest_text

_DANGER_TURNS = {"emergency", "danger_check"}

_ORDINARY = [
    # a weapon named as the object of a procedure (its declaration, its registration)
    "je dois déclarer mon arme de chasse sur le site SIA et je n'y arrive pas",
    "mon père a une arme de collection à enregistrer en ligne, qui peut l'aider ?",
    "je suis chasseur, je dois créer mon compte SIA pour déclarer une arme, je suis nul en "
    "informatique",
    # « au secours » before a phone setting: a call for help with the phone
    "au secours, comment on désactive le mode avion ?",
    "au secours je sais plus enlever le mode silencieux",
    "au secours !! mon portable reste en mode avion, comment je fais",
    # a teenager who must register on a site or a platform
    "ma fille de 17 ans veut entrer chez les pompiers volontaires, elle doit s'inscrire sur un "
    "site et elle n'y arrive pas",
    "mon fils de 15 ans doit s'inscrire sur une plateforme pour son stage et il galère",
    "mon neveu de 16 ans doit s'inscrire sur la plateforme des pompiers et on ne comprend rien",
    # a death threat sent to get paid: a scam
    "un numéro inconnu m'a envoyé une menace de mort par sms pour que je paie en bitcoin, "
    "comment bloquer ces messages ?",
    "j'ai reçu un mail de menace de mort qui réclame 500 euros en crypto, je l'ai signalé, "
    "comment ne plus en recevoir",
    "sms de menace de mort avec une demande de rançon en bitcoin, comment on se protège de ça",
]


@pytest.mark.parametrize("intent", ["ask_help", "emergency"])
@pytest.mark.parametrize("message", _ORDINARY)
def test_a_strong_word_that_is_the_request_gets_no_danger_turn(real, message, intent):
    msgs = Talk().say(message, intent)
    said = rest_text(msgs)
    assert not _DANGER_TURNS & set(kinds(msgs)), said[:300]
    assert "112" not in said and "Êtes-vous en danger" not in said, said[:300]


@pytest.mark.parametrize(
    "message",
    [
        "il a sorti son arme de chasse et il menace ma mère",
        "mon voisin a une arme et il crie qu'il va nous tuer",
        "au secours il me frappe",
        "mon ex m'a fait des menaces de mort ce matin devant chez moi",
        "j'ai reçu des menaces de mort de mon mari, il dit qu'il va venir ce soir",
    ],
)
@pytest.mark.parametrize("intent", ["ask_help", "emergency"])
def test_the_same_words_in_danger_still_get_the_numbers(real, message, intent):
    msgs = Talk().say(message, intent)
    said = rest_text(msgs)
    assert _DANGER_TURNS & set(kinds(msgs)), said[:300]
    assert "112" in numbers_given(msgs), said[:300]


@pytest.mark.parametrize(
    "message",
    [
        "mayday mayday ma tablette affiche une alerte qui dit que j'ai un virus",
        "help !! un message sur mon téléphone dit qu'il est plein de virus, je fais quoi",
        "SOS une page sur mon ordinateur dit qu'il est infecté et me demande d'appeler un numéro",
    ],
)
@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_a_cry_for_help_before_a_need_is_asked_where_never_refused(real, message, intent):
    """Set AU: a cry for help (« mayday ») before a fake virus alert read by the NLU as off
    topic got « Je ne peux pas vous aider pour cela », then the phone line."""
    msgs = Talk().say(message, intent)
    said = rest_text(msgs)
    assert not _DANGER_TURNS & set(kinds(msgs)), said[:300]
    assert "Je ne peux pas vous aider" not in said and "Je n'arrive pas" not in said, said[:300]
    assert "Dans quelle ville" in said, said[:300]
