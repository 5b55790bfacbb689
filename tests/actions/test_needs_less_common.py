"""Thirty first messages for the less common services (helper e184): online safety, creation,
parenting, a small business or an association, equipment, understanding the digital world. Each
is played against the real actions and directory; what the places are said to be for names the
need stated and not another. Failing before (3 of 30, played on the old code): a hairdresser's
own clients booking online (« mes clientes » read as persons helped: « son entreprise »), a
volunteer's own association project after « je suis bénévole dans une association » (read as a
professional's framing: no need), a computer borrowed for one's own distance training (lessons
added). The others guard the rules of the round (a trade's URSSAF or e-invoices: the business
first, no computer nor online safety from the meaning)."""

from __future__ import annotations

import pytest

from tests.actions.talk import payloads, request_in, rest_text

SAFETY = "vous protéger en ligne"
CREATE = "créer avec le numérique"
PARENTS = "accompagner vos enfants"
BUSINESS = "votre entreprise ou votre association"
CHEAP = "petit prix"
ON_SITE = "à utiliser sur place"
UNDERSTAND = "comprendre le numérique"
EVERYDAY = "internet au quotidien"
COMPUTER = "d'un ordinateur"
PAPERS = "démarches"

CASES = [
    # online safety
    ("quelqu'un a pris le contrôle de mon compte instagram et publie des choses", "Rennes",
     [SAFETY], [PARENTS]),
    ("j'ai reçu un sms qui dit que mon colis est bloqué et qu'il faut payer 2 euros", "Lille",
     [SAFETY], [PAPERS]),
    ("je voudrais mettre un mot de passe solide et la double authentification sur mes comptes",
     "Pau", [SAFETY], [PAPERS]),
    ("mon ex a installé un logiciel espion sur mon téléphone je crois", "Tours", [SAFETY], []),
    ("on a piraté ma boîte mail et des gens reçoivent des messages en mon nom", "Niort",
     [SAFETY], []),
    # creation
    ("je voudrais apprendre à monter des vidéos pour ma chaîne youtube", "Nancy", [CREATE],
     [BUSINESS]),
    ("j'aimerais faire un livre photo de mes vacances sur l'ordinateur", "Metz", [CREATE],
     [ON_SITE]),
    ("atelier d'impression 3D ou fablab pour mon projet de maquette", "Dijon", [CREATE], []),
    ("je voudrais faire de la retouche photo et créer des cartes de voeux", "Brest", [CREATE],
     []),
    # parenting
    ("mon fils de 12 ans passe ses nuits sur TikTok, comment mettre un contrôle parental",
     "Limoges", [PARENTS], []),
    ("je ne sais pas comment suivre les notes de ma fille sur Pronote", "Albi", [PARENTS],
     [COMPUTER]),
    ("comment protéger mes enfants des écrans, ils ont 4 et 6 ans", "Vannes", [PARENTS],
     [SAFETY]),
    ("mon ado veut un téléphone, à quel âge et avec quelles règles", "Cahors", [PARENTS],
     [CHEAP]),
    # a small business, an association
    ("je suis coiffeuse à domicile et je voudrais que mes clientes prennent rendez-vous en ligne",
     "Pau", [BUSINESS], []),
    ("je tiens une boulangerie et je veux vendre mes gâteaux sur internet", "Rodez", [BUSINESS],
     []),
    ("je suis maraîchère et je voudrais vendre mes légumes en ligne avec des paniers à commander",
     "Aurillac", [BUSINESS], []),
    ("ma petite entreprise de nettoyage doit passer sur un logiciel de devis, je suis perdu",
     "Tours", [BUSINESS], [COMPUTER]),
    ("je suis commerçant et je dois faire mes factures électroniques dès l'an prochain", "Lille",
     [BUSINESS], [ON_SITE]),
    ("je me suis mis à mon compte comme électricien et je dois créer mon espace URSSAF", "Metz",
     [BUSINESS], [SAFETY]),
    ("je suis auto-entrepreneuse, je dois faire ma déclaration URSSAF tous les trimestres et je "
     "m'y perds", "Niort", [BUSINESS], []),
    ("notre club de foot voudrait un site pour les inscriptions des licenciés", "Rennes",
     [BUSINESS], []),
    ("je suis bénévole dans une association et on veut faire une newsletter pour nos adhérents",
     "Brest", [BUSINESS], []),
    # equipment
    ("je cherche une box internet à tarif social, je suis au RSA", "Lille", [CHEAP], [PAPERS]),
    ("j'ai besoin d'une clé 4G ou d'un forfait pas cher pour mon fils étudiant", "Nancy",
     [CHEAP], [PARENTS]),
    ("où je peux imprimer mon billet de train, je n'ai pas d'imprimante", "Dijon", [ON_SITE],
     [CHEAP]),
    ("je voudrais emprunter un ordinateur portable pour faire ma formation à distance", "Limoges",
     [ON_SITE], [COMPUTER]),
    ("je voudrais un ordinateur reconditionné pour ma fille qui rentre en sixième", "Vannes",
     [CHEAP], [PARENTS]),
    # understanding the digital world
    ("je voudrais comprendre comment marche l'intelligence artificielle", "Albi", [UNDERSTAND],
     []),
    ("c'est quoi le cloud et est-ce que mes photos sont en sécurité dedans", "Cahors",
     [UNDERSTAND], [CHEAP]),
    ("je voudrais apprendre à utiliser ChatGPT pour écrire mes courriers", "Rodez",
     [UNDERSTAND], [PAPERS]),
]  # fmt: skip


def _heading(text: str) -> str:
    """What the answer says before its first place: what the places are for."""
    return text.split("\n1. ", 1)[0]


@pytest.mark.parametrize(("message", "town", "wanted", "unwanted"), CASES)
def test_the_need_stated_is_the_one_the_places_are_for(real, message, town, wanted, unwanted):
    _, msgs = request_in(message, town)
    text = rest_text(msgs)
    assert not [p for p in payloads(msgs) if p["type"] == "need_choice"], text
    heading = _heading(text)
    assert "1. " in text, text
    for words in wanted:
        assert words in heading, text
    for words in unwanted:
        assert words not in heading, text
