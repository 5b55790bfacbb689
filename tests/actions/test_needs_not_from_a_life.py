"""Round t207's tester (defect 7): needs invented from a word of the person's life.

- A trade or a status told as who the person is (a potter showing « mon travail », a volunteer
  firefighter, a widow of 74) is no job search: the potter wants to make videos, the firefighter a
  computer to use, the widow to learn the computer for her retirement's personal space.
- A child named for whom the request is (« c'est pour mon fils, il a 16 ans et veut faire son
  CV ») is no parenting need: the CV only.
- « je comprends rien aux sites » beside a procedure is the help with the procedure, not
  « mieux comprendre le numérique ».

And the second need stays when it is said: a potter who looks for work, a parent worried about
screens, someone who wants to understand fake news.
"""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, payloads, request_in, rest_text
from tests.conftest_actions import ent

WORK = "chercher du travail"
PARENTING = "accompagner vos enfants"
UNDERSTAND = "comprendre le numérique"
CREATE = "créer"
PAPERS = "démarches"


def _answer(message: str, town: str) -> str:
    _, msgs = request_in(message, town)
    assert [p for p in payloads(msgs) if p["type"] == "recommendation"], rest_text(msgs)
    return rest_text(msgs)


# --- a trade or a status is who the person is ---------------------------------------------------
CRAFT_SHOWN = [
    # the tester's
    "je fais de la poterie et je voudrais apprendre à faire des petites vidéos pour montrer mon "
    "travail sur instagram, vers Dieulefit",
    # in other words
    "je suis ébéniste, je voudrais apprendre à faire des belles photos de mon travail pour "
    "facebook, Dieulefit",
    "je tricote et je voudrais montrer mon travail en vidéo sur youtube, à Dieulefit",
    "je peins des aquarelles, j'aimerais apprendre le montage vidéo pour présenter mon travail, "
    "Dieulefit",
]


@pytest.mark.parametrize("message", CRAFT_SHOWN)
def test_a_craft_shown_online_is_creating_not_a_job_search(real, message):
    text = _answer(message, "Dieulefit")
    assert CREATE in text, text
    assert WORK not in text, text


# the tester's letter (h01)
H01 = (
    "Bonjour madame ou monsieur, je me permets de vous écrire parce que je ne sais plus vers "
    "qui me tourner. J'ai 74 ans, je suis veuve depuis trois ans et je vis seule dans une "
    "petite maison à la sortie du bourg. Mes enfants sont à Lyon et à Toulouse, ils viennent "
    "quand ils peuvent mais ils ont leur travail et leurs enfants, je ne veux pas les déranger "
    "tout le temps. Avant c'était ma voisine Josiane qui m'aidait pour tout ce qui est "
    "ordinateur, elle était secrétaire à la mairie, mais elle est partie en maison de retraite "
    "en septembre. Depuis je suis un peu perdue. J'ai un ordinateur que mon petit-fils m'a "
    "installé mais je n'ose pas trop y toucher de peur de tout casser. Le mois dernier j'ai "
    "reçu une lettre de la caisse de retraite qui me dit que je dois maintenant tout faire sur "
    "mon espace personnel, mon attestation fiscale, mes changements d'adresse, tout. Je n'ai "
    "jamais créé de compte, je ne sais pas ce que c'est un identifiant. Il paraît aussi qu'il "
    "faut une adresse mail. J'habite à Lapalisse dans l'Allier. Je vous remercie par avance de "
    "votre patience et de votre gentillesse, et je vous prie d'agréer mes salutations "
    "distinguées."
)
RETIRED_LEARNING = [
    H01,
    "J'ai 74 ans, je suis veuve depuis trois ans. Mes enfants ont leur travail, je ne veux pas "
    "les déranger. La caisse de retraite me dit que je dois tout faire sur mon espace "
    "personnel, il faut une adresse mail. J'habite à Lapalisse",
    "veuf de 80 ans, je dois faire mes papiers de retraite sur internet et j'ai pas d'adresse "
    "mail, Lapalisse",
    "je suis veuve, mon mari faisait tout sur l'ordinateur, maintenant je dois déclarer mes "
    "impôts en ligne, Lapalisse",
]


@pytest.mark.parametrize("message", RETIRED_LEARNING)
def test_a_widow_or_a_retired_person_gets_no_job_search(real, message):
    text = _answer(message, "Lapalisse")
    assert WORK not in text, text


VOLUNTEER_WITHOUT_COMPUTER = [
    "pompier volontaire, je dois m'inscrire sur une plateforme de formation en ligne mais j'ai "
    "pas d'ordinateur, à Gap",
    "je suis aide-soignante, je dois suivre une formation en ligne et j'ai pas d'ordi, Gap",
    "je suis bénévole au club de foot, on me demande de m'inscrire sur leur plateforme en "
    "ligne, j'ai pas d'ordinateur chez moi, Gap",
]


@pytest.mark.parametrize("message", VOLUNTEER_WITHOUT_COMPUTER)
def test_a_training_to_sign_up_for_without_a_computer_is_a_computer_to_use(real, message):
    text = _answer(message, "Gap")
    assert WORK not in text, text
    assert "à utiliser sur place" in text, text


# --- a child named is for whom, not a parenting need --------------------------------------------
FOR_MY_CHILD = [
    # the tester's, after a list
    "non c'est pour mon fils, il a 16 ans et veut faire son CV",
    "en fait c'est pour ma fille de 17 ans, elle cherche un job d'été",
    "c'est pour mon fils, il a 18 ans et doit s'inscrire à France Travail",
]


@pytest.mark.parametrize("then", FOR_MY_CHILD)
def test_a_request_for_ones_child_is_the_request_not_parenting(real, then):
    talk, _ = request_in("je cherche à apprendre l'ordinateur à Angoulême", "Angoulême")
    text = rest_text(talk.say(then))  # read by the NLU as a request
    assert PARENTING not in text, text


def test_a_cv_for_ones_son_is_the_job_search(real):
    talk, _ = request_in("je cherche à apprendre l'ordinateur à Angoulême", "Angoulême")
    text = rest_text(talk.say(FOR_MY_CHILD[0]))
    assert WORK in text and PARENTING not in text, text


# --- « je comprends rien aux sites » is the help with the procedure -----------------------------
LOST_ON_SITES = [
    "euh je sais pas moi c'est pour ma retraite, je comprends rien aux sites",
    "c'est pour la CAF, je comprends rien à leur site",
    "pour mes impôts, j'y comprends rien à internet",
]


@pytest.mark.parametrize("then", LOST_ON_SITES)
def test_not_understanding_a_site_is_no_wish_to_understand_the_digital_world(real, then):
    talk = Talk()
    talk.say("aide démarches Cahors", "ask_help", [ent("location", "Cahors")])
    text = rest_text(talk.say(then))  # read by the NLU as a request
    assert UNDERSTAND not in text, text


# --- the second need kept when it is said -------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "town", "both"),
    [
        ("je suis potier au chômage, je cherche du travail et je voudrais aussi apprendre à faire "
         "des vidéos de mes poteries, Dieulefit", "Dieulefit", (WORK, CREATE)),
        ("je voudrais faire mon CV et aussi savoir gérer les écrans de mes enfants qui passent "
         "trop de temps sur la tablette, Angoulême", "Angoulême", (WORK, PARENTING)),
        ("j'ai mes papiers de retraite à faire en ligne et je voudrais aussi comprendre comment "
         "reconnaître les fausses informations sur internet, Cahors", "Cahors",
         (PAPERS, UNDERSTAND)),
    ],
)  # fmt: skip
def test_a_second_need_said_is_kept(real, message, town, both):
    text = _answer(message, town)
    for need in both:
        assert need in text, text
