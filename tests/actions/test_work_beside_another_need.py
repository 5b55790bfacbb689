"""Work said beside a second need keeps both (set AU, e204): a young person out of school who
asks for computer lessons is on the way to work (he was sent to « accompagner vos enfants »,
or to lessons alone);
a blind jobseeker who wants to learn a screen reader gets lessons beside the job search (only
the job was kept); a farmer or a craftswoman who asks how social networks show their posts
gets the business service beside understanding the networks (a goat farmer's posts were
only « mieux comprendre le numérique »); a
professional's compulsory training online is work (it was a computer lesson). Real actions on
the real embedded directory; the town given by the NLU."""

from __future__ import annotations

import pytest

from tests.actions.talk import intro_of, request_in, rest_text

_JOB = "chercher du travail avec internet"
_BUSINESS = "créer ou gérer"  # « votre entreprise » or « son entreprise »
_LESSONS = "servir d"  # « apprendre à vous servir d'un ordinateur », « de votre téléphone »
_UNDERSTAND = "mieux comprendre le numérique"


def _intro(message: str, town: str) -> str:
    _, msgs = request_in(message, town)
    return intro_of(rest_text(msgs))


@pytest.mark.parametrize(
    "message",
    [
        "j'ai 16 ans j'ai quitté l'école, est-ce qu'il existe des cours d'informatique pour moi",
        "déscolarisé depuis un an, je voudrais des cours d'ordinateur",
        "j'ai arrêté le lycée l'an dernier et je voudrais apprendre l'informatique",
    ],
)
def test_out_of_school_lessons_are_work_and_the_computer(real, message):
    said = _intro(message, "Cayenne")
    assert _JOB in said and _LESSONS in said, said
    assert "enfants" not in said, said


@pytest.mark.parametrize(
    "message",
    [
        "je suis aveugle et je voudrais apprendre à utiliser un lecteur d'écran pour trouver du "
        "travail",
        "malvoyant, je cherche une formation sur JAWS pour reprendre un emploi",
        "je voudrais des cours de synthèse vocale sur l'ordinateur, je cherche un emploi",
    ],
)
def test_screen_reader_lessons_for_a_job_keep_both(real, message):
    said = _intro(message, "Metz")
    assert _JOB in said and _LESSONS in said, said


@pytest.mark.parametrize(
    "message",
    [
        "je suis artisane, mes publications sur instagram ne touchent personne, je voudrais "
        "comprendre comment marchent les algorithmes",
        "maraîcher, je voudrais comprendre pourquoi facebook ne montre pas mes posts à mes "
        "clients",
        "je suis éleveuse de chèvres et je voudrais comprendre pourquoi mes posts ne sont vus "
        "par personne sur les réseaux sociaux",
        "auto-entrepreneur, j'aimerais comprendre les algorithmes des réseaux sociaux pour que "
        "mes publications soient vues",
    ],
)
def test_a_trade_s_posts_understood_keep_the_business(real, message):
    said = _intro(message, "Agen")
    assert _BUSINESS in said and _UNDERSTAND in said, said


@pytest.mark.parametrize(
    "message",
    [
        "infirmière, je dois faire mes formations obligatoires en ligne mais j'ai pas "
        "d'ordinateur",
        "je dois suivre une formation professionnelle en e-learning et je n'ai pas d'ordi",
    ],
)
def test_a_compulsory_training_online_is_work(real, message):
    said = _intro(message, "Béthune")
    assert _JOB in said, said
