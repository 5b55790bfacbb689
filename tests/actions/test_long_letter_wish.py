"""A long letter (round 29's tester: 2,335 characters ending « Ce que je voudrais, c'est
apprendre à me servir d'un téléphone… J'habite à Saint-Flour »; a widow's long message naming
the « pension de réversion » near its end): what the person says they want weighs most, never
the offices and devices of the story told before it, nor « de quoi avez-vous besoin ? »."""

from __future__ import annotations

import pytest

from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.conftest_actions import ent

_STORY = (
    "Bonjour, je me permets de vous écrire pour vous demander conseil. "
    "J'ai 78 ans et j'ai toujours vécu dans la même maison. Mon fils habite loin, il vient "
    "quand il peut, c'est-à-dire pas souvent, il a son travail et ses enfants. C'est lui qui "
    "faisait ma déclaration d'impôts sur son ordinateur, et qui regardait mes papiers de la CAF. "
    "Ma voisine m'aide un peu, elle est gentille, mais elle a ses soucis aussi. Le facteur me "
    "dit que tout se fait sur internet maintenant, la banque, la mairie, même le médecin. "
    "Je me sens un peu perdue avec tout ça, vous comprenez. Autrefois on allait au guichet, on "
    "parlait à quelqu'un, maintenant il faut des codes et des mots de passe partout. "
)


def _letter(end: str) -> str:
    text = _STORY * 3 + end
    assert len(text) > 1500
    return text


@pytest.mark.parametrize(
    ("end", "town", "need", "words"),
    [
        ("Ce que je voudrais, c'est apprendre à me servir d'un téléphone portable, mon fils m'en "
         "a donné un. J'habite à Aurillac.", "Aurillac", "smartphone", "téléphone"),
        ("J'aimerais apprendre à utiliser la tablette que j'ai reçue à Noël, pour voir les photos "
         "de mes petits-enfants. Je vis à Tulle.", "Tulle", "smartphone", "tablette"),
        ("Mon besoin, c'est de trouver un ordinateur et une imprimante pour imprimer mes "
         "papiers. J'habite à Figeac.", "Figeac", "materiel_usage", "imprimante"),
    ],
)
def test_what_the_letter_says_it_wants_is_the_need(real, end, town, need, words):
    talk = Talk()
    msgs = talk.say(_letter(end), "ask_help", [ent("location", town)])
    said = rest_text(msgs)
    assert talk.slots.get("awaiting") is None, (talk.slots, said[:300])
    one_list(msgs)
    assert talk.slots["needs"][0] == need, (talk.slots["needs"], said[:300])
    assert "impôts" not in said.split("\n")[0] and "CAF" not in said.split("\n")[0], said[:300]


@pytest.mark.parametrize(
    ("end", "town", "words"),
    [
        ("Maintenant il faut que je fasse la demande de pension de réversion et je ne sais pas "
         "par où commencer. J'habite à Limoges.", "Limoges", "retraite"),
        ("La CARSAT m'a envoyé un courrier pour la réversion, il faut répondre sur leur site. "
         "Je suis à Guéret.", "Guéret", "retraite"),
    ],
)
def test_a_procedure_named_at_the_end_of_a_letter_is_read(real, end, town, words):
    story = _STORY.replace("ma déclaration d'impôts", "mes papiers").replace(
        " et qui regardait mes papiers de la CAF", "")
    talk = Talk()
    msgs = talk.say(story * 3 + end, "ask_help", [ent("location", town)])
    said = rest_text(msgs)
    assert talk.slots.get("awaiting") != "need_choice" and "de quoi avez-vous besoin" not in said
    one_list(msgs)
    assert talk.slots["procedures"] == ["reversion"], (talk.slots, said[:300])
