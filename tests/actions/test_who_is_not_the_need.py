"""Who the person is is not their need; the list's header names the need asked and says what to
bring (tester t194, defects 10, 14 and 23; helper e199).

- A status told as who the person is (« retraité, facture edf en ligne… », « pompier volontaire,
  je dois m'inscrire… ») made a need: the retirement procedure and a business, a job search. An
  action on it (« ma demande de retraite ») is still the procedure.
- Needs never asked: online safety beside the Assurance maladie (« …à la sécu par internet »),
  and a plumber's places explained as « aide pour chercher un emploi en ligne ».
- The procedure read is named in the header, with its list of what to bring: social housing, the
  impôts of a man who « connait pas internet » (no connection asked), Doctolib, the
  complémentaire santé solidaire.

Real actions, real directory; what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import Talk, intro_of, rest_text
from tests.conftest_actions import ent


def _answer(message: str, town: str) -> str:
    """What the person reads: the places (the question « avec quelqu'un ? » answered when it
    comes first)."""
    talk = Talk()
    msgs = talk.say(message, "ask_help", [ent("location", town)])
    if "\n\n1. " not in rest_text(msgs):
        msgs = talk.say("avec quelqu'un", "inform")
    said = rest_text(msgs)
    assert "\n\n1. " in said, said[:300]
    # the need menu said first, the places after it: what the places are for, from their header
    return said.split("\n", 1)[1] if said.startswith("Pour bien vous orienter") else said


def _why_lines(said: str) -> list[str]:
    """The reason given under each place (the line that starts « aide pour », « apprendre »…)."""
    return [line for line in said.splitlines() if line.startswith(("aide ", "apprendre "))]


# --- a status, a trade, an illness told as who the person is -----------------------------------
_NOT_ASKED = ("démarches de retraite", "entreprise", "chercher du travail", "Aucun lieu n'annonce")


@pytest.mark.parametrize(
    ("message", "town", "header"),
    [
        # the tester's desk note (t194, D11)
        ("retraité, facture edf en ligne, veut payer par internet, Montauban, ne sait pas créer "
         "compte", "Montauban", "internet au quotidien"),
        # the tester's (t194, B19)
        ("pompier volontaire, je dois m'inscrire sur une plateforme de formation en ligne et je "
         "galère avec mon mot de passe, Épinal", "Épinal", "internet au quotidien"),
        ("retraitée, je veux apprendre à payer mes factures sur internet", "Agen",
         "internet au quotidien"),
        ("mme 80 ans, connait rien a internet, doit payer sa facture edf en ligne", "Pau",
         "internet au quotidien"),
        ("retraité depuis mars, je voudrais apprendre à envoyer des photos à mes petits-enfants",
         "Rodez", "internet au quotidien"),
        ("je suis infirmière, je veux apprendre à faire des visios avec ma fille", "Metz",
         "internet au quotidien"),
        ("aide-soignante, je dois m'inscrire sur la plateforme de l'hôpital et mon mot de passe ne "
         "marche pas", "Dijon", "internet au quotidien"),
        ("étudiant, je galère avec mon compte ameli", "Caen", "Assurance maladie"),
        ("je suis chauffeur routier et je dois renouveler mon passeport", "Laval", "passeport"),
        ("veuve depuis peu, je dois faire ma déclaration d'impôts", "Niort", "impôts"),
        ("infirmière à la retraite, je veux faire une visio avec mon fils", "Brest",
         "internet au quotidien"),
        ("je suis gendarme et je voudrais apprendre à me servir de ma tablette", "Blois",
         "tablette"),
        ("intérimaire, je dois faire ma demande de prime d'activité", "Lens", "CAF"),
        ("pompier professionnel, je dois actualiser ma situation à la CAF", "Sens", "CAF"),
        ("chauffeur livreur, j'ai oublié mon mot de passe de ma boîte mail", "Albi",
         "internet au quotidien"),
    ],
)  # fmt: skip
def test_who_the_person_is_makes_no_need(real, message, town, header):
    said = _answer(message, town)
    intro = intro_of(said)
    assert header in intro, intro
    for words in _NOT_ASKED:
        assert words not in intro, intro


@pytest.mark.parametrize(
    "message",
    [
        "je suis retraité et je dois faire ma demande de retraite complémentaire",
        "ma retraite, je sais pas comment la demander en ligne",
        "je prépare ma retraite, je dois faire ma demande en ligne",
        "retraitée, je dois faire ma demande de pension de retraite sur internet",
    ],
)
def test_an_action_on_the_retirement_is_the_procedure(real, message):
    said = _answer(message, "Agen")
    assert "démarches de retraite" in intro_of(said), intro_of(said)
    assert "relevés de carrière" in said, said[-400:]


# --- a need never asked for -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "town", "header"),
    [
        # the tester's (t194, B17)
        ("j'ai un cancer et je suis fatiguée, je dois envoyer mes arrêts à la sécu par internet, "
         "aidez moi, Béziers", "Béziers", "Assurance maladie"),
        ("j'ai une sclérose en plaques et je suis épuisée, je dois envoyer mes papiers à la sécu "
         "en ligne", "Nîmes", "Assurance maladie"),
        ("je suis malade et je dois renouveler ma carte vitale sur internet", "Sète",
         "Assurance maladie"),
        ("en chimio en ce moment, il faut que je fasse mon dossier MDPH en ligne", "Alès", "MDPH"),
        ("je suis très fatigué, je dois faire ma déclaration CAF par internet, aidez moi", "Agde",
         "CAF"),
        ("j'ai un cancer, je dois faire ma demande d'AAH en ligne", "Millau", "MDPH"),
        ("j'ai un diabète, je dois prendre rendez-vous chez le médecin en ligne", "Lodève",
         "Doctolib"),
    ],
)  # fmt: skip
def test_an_illness_told_brings_no_other_need(real, message, town, header):
    said = _answer(message, town)
    intro = intro_of(said)
    assert header in intro, intro
    assert "Aucun lieu n'annonce" not in intro, intro
    assert " et " not in intro.split(" pour ", 1)[-1].split("(")[0], intro  # one need
    assert "cybermalveillance" not in said, said[-300:]


@pytest.mark.parametrize(
    ("message", "town"),
    [
        # the tester's (t194, E4)
        ("je suis plombier à mon compte à Cognac, je veux faire mes devis et factures sur "
         "ordinateur", "Cognac"),
        ("électricien à mon compte, je voudrais faire mes factures sur l'ordinateur", "Cognac"),
        ("je suis coiffeuse à mon compte et je veux un logiciel pour mes devis", "Angoulême"),
        ("auto-entrepreneur, je dois faire ma déclaration de chiffre d'affaires à l'URSSAF",
         "Cognac"),
        ("je suis artisan, je veux apprendre à faire mes devis sur ordinateur", "Saintes"),
    ],
)  # fmt: skip
def test_a_business_s_places_are_not_explained_as_a_job_search(real, message, town):
    said = _answer(message, town)
    assert "entreprise" in intro_of(said), intro_of(said)
    whys = _why_lines(said)
    assert whys, said
    assert not [w for w in whys if "emploi" in w], whys  # papers beside it: « vos papiers »


# --- the header names the procedure and says what to bring -------------------------------------
@pytest.mark.parametrize(
    ("message", "town", "header", "brought"),
    [
        # the tester's (t194, A11 and B9)
        ("je dois faire une demande de logement social", "Nancy", "logement social",
         "numéro unique"),
        ("je voudrais faire une demande HLM en ligne", "Nancy", "logement social", "avis d'impôt"),
        ("renouveler ma demande de logement social, j'ai mon numéro unique", "Toul",
         "logement social", "numéro unique"),
        ("comment on fait une demande de logement sociale sur internet", "Épinal",
         "logement social", "justificatifs de ressources"),
        ("mr 80a, connait pas internet, doit faire sa demande de logement social", "Lunéville",
         "logement social", "pièce d'identité"),
        # the tester's (t194, B1): no « accès internet » either
        ("mr 72a veuf, connait pas internet, doit declarer revenus, Vesoul", "Vesoul", "impôts",
         "numéro fiscal"),
        ("elle connait pas internet, doit déclarer ses revenus", "Gray", "impôts",
         "numéro fiscal"),
        ("les impots", "Rennes", "impôts", "numéro fiscal"),
        # the tester's (t194, A4, E20)
        ("j'arrive pas à prendre rendez-vous sur doctolib", "Lille", "Doctolib",
         "un compte Doctolib ou une adresse mail"),
        ("prendre un rdv medecin sur internet", "Lille", "Doctolib", "code arrive par SMS"),
        ("je sais pas prendre rendez-vous chez le dentiste en ligne", "Arras", "Doctolib",
         "un compte Doctolib ou une adresse mail"),
        ("aide doctolib", "Douai", "Doctolib", "code arrive par SMS"),
        # the tester's (t194, C4)
        ("je veux demander la complémentaire santé solidaire", "Tours", "complémentaire santé "
         "solidaire", "12 derniers mois"),
        ("comment avoir la CMU ou la C2S ?", "Tours", "complémentaire santé solidaire",
         "12 derniers mois"),
        ("renouveler ma C2S sur ameli", "Blois", "complémentaire santé solidaire",
         "avis d'impôt"),
    ],
)  # fmt: skip
def test_the_header_names_the_procedure_and_what_to_bring(real, message, town, header, brought):
    said = _answer(message, town)
    intro = intro_of(said)
    assert header in intro, intro
    assert "endroit avec internet" not in intro, intro
    assert "Pensez à apporter" in said and brought in said.split("apporter", 1)[-1], said[-500:]
