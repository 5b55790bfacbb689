"""Round 19: the safety reading against sets K, L, P and Q, read this round (their false alarms
and missed emergencies, said otherwise). A grave thing told as over or as background beside a
digital request gets the request served; danger happening now, however it is said, gets the
numbers."""

import pytest

from actions.needs import is_emergency, read


@pytest.mark.parametrize(
    "message, need",
    [
        # safe now, said in so many words
        ("Victime de violences conjugales, je suis aujourd'hui à l'abri dans un foyer. Il me faut "
         "de l'aide pour ma demande CAF.", "demarches"),
        ("hébergée dans un foyer après avoir fui des violences, il me faut un téléphone pas cher",
         "materiel_achat"),
        # how long ago, in words
        ("Suite au suicide de mon frère il y a six mois, je dois clôturer ses comptes en ligne",
         "demarches"),
        ("mon père s'est suicidé il y a huit mois, je dois fermer son compte ameli et je m'y perds",
         "sante"),
        # out of hospital, off work, a sentence served: the event is over
        ("J'ai eu un accident de voiture et je suis en arrêt maladie, je dois déclarer ça sur "
         "ameli", "sante"),
        ("j'ai été victime de violence au travail et j'ai démissionné, je cherche un emploi sur "
         "internet", "emploi"),
        ("J'ai fait 4 ans de prison pour violence, maintenant il me faut un CV et une adresse mail",
         "emploi"),
        # a post seen online: a topic, not what happens to the writer
        ("J'ai vu sur Facebook qu'un enfant a disparu, j'ai partagé le lien et depuis mon compte "
         "envoie des messages tout seul", "securite"),
        # anger at the next one who says it, a harm named by a strong word
        ("Je vais étrangler le prochain qui me dit que c'est simple sur internet, je n'ai pas "
         "d'ordinateur", "materiel_usage"),
        ("Ces sites c'est une catastrophe, une vraie violence pour les vieux, je veux quelqu'un "
         "pour ma déclaration d'impôts", "demarches"),
    ],
)  # fmt: skip
def test_a_grave_thing_told_as_over_beside_a_request_gets_the_request(message, need):
    assert not is_emergency(message)
    assert need in read(message).needs


def test_someone_lost_with_a_phone_is_no_dementia_alarm():
    # "perdue" is confused, not gone: only a relative gone out or not found is danger
    message = (
        "ma mère a Alzheimer, elle est perdue avec son nouveau téléphone, qui peut lui apprendre ?"
    )
    assert not is_emergency(message)
    assert "smartphone" in read(message).needs


def test_a_sentence_after_hospital_is_still_read_for_its_request():
    message = (
        "Je sors de l'hôpital après une crise cardiaque, je dois envoyer mes arrêts de travail"
    )
    assert not is_emergency(message)
    assert read(message).needs


@pytest.mark.parametrize(
    "message",
    [
        # a fall, whatever the tense of "tomber"
        "bjr jvoulais un ordi pas cher pr mon fils mais il vient de tomber du balcon il bouge pas",
        "ma fille vient de tomber de l'échelle, elle répond plus, et mon ordi bug",
        # a relative with dementia gone out, a child run away
        "je devais venir pr mon dossier retraite mais ma mere alzheimer a disparu depuis 4h",
        "mon fils a fugué depuis hier soir, il a 12 ans",
        # a farewell
        "Mon frère m'envoie des photos de médicaments avec écrit pardon pour tout, il ne décroche "
        "pas",
        # breathing failing after an overdose; men following and touching someone
        "overdose de mon coloc il respire à peine",
        "jsuis suivie par 3 mecs dans le métro ils me touchent",
        # a moan heard through a door
        "ma voisine n'ouvre pas depuis trois jours et je l'entends gémir derrière la porte, je "
        "voulais l'aider pour internet",
    ],
)
def test_danger_now_beside_or_without_a_request_gets_the_numbers(message):
    assert is_emergency(message)


@pytest.mark.parametrize(
    "message",
    ["c'est pour ma voisine, sa demande de RSA", "mon voisin de 80 ans veut apprendre la tablette"],
)
def test_a_neighbour_one_writes_for_asks_no_danger_question(message):
    from actions.needs import safety_reading

    reading = safety_reading(message)
    assert not reading.danger_now and not reading.unsure
