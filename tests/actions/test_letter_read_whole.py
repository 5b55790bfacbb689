"""A natural letter is read whole (round 160's tester, defect 5: a retiree's 2,040-character
letter about her caisse de retraite, Figeac, was called "très long", cut to 1,000 characters,
its need lost and a need menu sent back). Up to what a letter can be, the guard lets it through
uncut and says nothing about its length; the actions read the procedure it names past its first
lines even when its wish names nothing ("J'aimerais savoir où aller"), and the town where the
writer lives, not her son's."""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guard import TOO_LONG_TEXT, never_silent
from tests.actions.talk import Talk, one_list, rest_text
from tests.conftest_actions import (
    embedded_locator,  # noqa: F401 - the locator fixture
    ent,
    real_directory,  # noqa: F401 - the real fixture
)

LETTER = (
    "Bonjour madame, monsieur,\n\n"
    "Je m'appelle Odette, j'ai 79 ans et c'est ma voisine qui m'a donné votre adresse. Depuis "
    "le décès de mon mari il y a deux ans, je m'occupe seule de tous nos papiers, et je vous "
    "avoue que je ne m'y retrouve plus. Autrefois on allait au guichet, on parlait à une "
    "personne, c'était simple. Aujourd'hui on me répond partout d'aller sur le site, de créer "
    "un compte, d'attendre un code par texto, et moi je n'ai qu'un vieux téléphone qui sert "
    "surtout à appeler mes enfants.\n\n"
    "Le souci le plus urgent, c'est ma caisse de retraite complémentaire. Elle m'a écrit le mois "
    "dernier que je dois déclarer mes ressources sur son site avant la fin du mois prochain, "
    "faute de quoi ma pension de réversion pourrait être suspendue. Ma petite-fille a essayé "
    "avec sa tablette pendant les vacances, mais nous n'avons pas trouvé la bonne page, et le "
    "mot de passe n'est jamais arrivé. J'ai téléphoné au numéro de la lettre, on m'a fait "
    "patienter trois quarts d'heure, puis la ligne a coupé.\n\n"
    "Je vis à Figeac, dans le Lot. Je ne conduis plus depuis l'an dernier à cause de ma vue, "
    "mais une navette passe devant chez moi le mardi et le vendredi matin, je peux donc aller "
    "en ville si ce n'est pas trop loin de l'arrêt.\n\n"
    "Mon fils habite à Lille, il ne peut pas venir souvent. Il m'a dit qu'il existe des "
    "endroits où des personnes aident gratuitement les gens comme moi pour ces démarches, ce "
    "qui m'arrangerait car ma pension est petite et je ne peux pas payer quelqu'un.\n\n"
    "J'aimerais donc savoir où je peux aller, quels jours c'est ouvert, s'il faut prendre "
    "rendez-vous, et quels papiers emporter. J'ai gardé toutes les lettres de la caisse dans "
    "une pochette.\n\n"
    "Je vous remercie de votre patience avec une vieille dame un peu perdue.\n\n"
    "Bien cordialement,\nOdette"
)


def test_a_letter_of_two_thousand_characters_is_not_called_too_long():
    assert 1500 < len(LETTER) < 2600
    read: list[str] = []

    async def turn(message: UserMessage) -> None:
        read.append(message.text)
        await message.output_channel.send_response(message.sender_id, {"text": "Reçu"})

    output = CollectingOutputChannel()
    asyncio.run(never_silent(turn, timeout=30)(UserMessage(LETTER, output, "l", "rest")))
    assert read == [LETTER]
    assert [m["text"] for m in output.messages] == ["Reçu"]
    assert TOO_LONG_TEXT not in str(output.messages) and "très long" not in str(output.messages)


def test_the_procedure_and_the_writers_town_of_a_letter_are_read(real):
    # As the model tags the whole letter: both towns and the procedure.
    entities = [ent("location", "Figeac"), ent("location", "Lille"), ent("procedure", "retraite")]
    talk = Talk()
    msgs = talk.say(LETTER, "ask_help", entities)
    said = rest_text(msgs)
    assert "de quoi avez-vous besoin" not in said, said[:300]
    one_list(msgs)
    first = said.split("\n")[0]
    assert "Figeac" in first and ("retraite" in first or "réversion" in first), first
