"""Work beside a contract or an engagement (an apprentice's contract, a work-study, a civic
service) and an association's or an employer's own online tasks (its website, its books, its
staff's declarations) are the work and business service, not a procedure desk (set AU, e204:
an apprenticeship contract and a civic service file were sent to France services, a club's
website to « vos démarches en ligne », an employer's staff declarations to health paperwork).
Real actions on the real embedded directory; the town given by the NLU."""

from __future__ import annotations

import pytest

from tests.actions.talk import intro_of, request_in, rest_text

_JOB = "chercher du travail avec internet"
_BUSINESS = "créer ou gérer votre entreprise ou votre association"


@pytest.mark.parametrize(
    "message",
    [
        "je dois remplir mon contrat d'apprentissage sur un site et j'y comprends rien",
        "ma fille cherche une alternance, faut tout faire en ligne",
        "je veux faire un service civique mais le dossier est sur internet",
        "je dois signer mon contrat en alternance sur une plateforme et je bloque",
    ],
)
def test_apprenticeship_or_civic_service_is_work(real, message):
    _, msgs = request_in(message, "Dole")
    said = intro_of(rest_text(msgs))
    assert _JOB in said, said


@pytest.mark.parametrize(
    "message",
    [
        "On est un club de pétanque à Aurillac. On aimerait créer un site internet pour le club "
        "et notre association",
        "Je m'occupe d'une association de quartier. Il faudrait refaire notre site internet.",
        "le logiciel de comptabilité de l'association me rend fou, le bilan est à rendre lundi",
        "au secours ce programme de compta, le club doit rendre ses comptes vendredi",
        "nous voudrions gérer nos réseaux sociaux et notre site, nous sommes une association",
    ],
)
def test_an_association_s_own_site_or_books_is_the_business_service(real, message):
    _, msgs = request_in(message, "Aurillac")
    said = intro_of(rest_text(msgs))
    assert _BUSINESS in said, said


@pytest.mark.parametrize(
    "message",
    [
        "j'ai une boulangerie et je dois déclarer mes nouveaux salariés en ligne, la DPAE je "
        "sais pas faire",
        "je tiens un restaurant et je dois déclarer mes extras sur internet, je ne sais pas faire",
        "je viens d'embaucher deux saisonniers, la déclaration d'embauche se fait en ligne",
    ],
)
def test_an_employer_s_staff_declarations_are_the_business_service(real, message):
    _, msgs = request_in(message, "Perpignan")
    said = intro_of(rest_text(msgs))
    assert _BUSINESS in said, said
