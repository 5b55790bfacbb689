"""Needs read right (tester t181, section 11, and messages of our own with two needs): the
affairs of a father who died are paperwork, no « Compte piraté » line; help by phone asked gets
the helpline first; passwords to change are online safety; a struggle with one's phone beside a
job is the phone to learn; a phone that works no more is one to get; a plumber is not ours,
said so with no menu of needs; two needs said with « taf », « alternance », « et je dois aussi ».
Real actions on the real embedded directory; what a REST client reads."""

from __future__ import annotations

import pytest

from tests.actions.talk import intro_of, kinds, request_in, rest_text

WORK = "chercher du travail"
PHONE = "apprendre à vous servir de votre téléphone"


@pytest.mark.parametrize(
    ("message", "town", "wanted", "unwanted"),
    [
        ("Mon père vient de mourir et je dois m'occuper de ses comptes en ligne et de résilier "
         "ses abonnements…", "Bayonne", ("démarches",), ("Compte piraté", "protéger")),
        ("j'ai un cancer et je suis en chimio, je n'ai pas la force de me déplacer, est-ce que "
         "quelqu'un peut m'aider par téléphone pour ma demande d'invalidité ?", "Quimper",
         ("Solidarité Numérique", "démarches"), ()),
        ("j'ai quitté mon mari violent il y a deux ans, je suis en sécurité maintenant, mais il "
         "avait tous mes mots de passe et je veux tout changer.", "Montpellier",
         ("vous protéger",), ("Dites-moi",)),
        ("pompier volontaire, je dois remplir mes dispo sur une appli et je galère avec mon tel",
         "Épinal", (PHONE,), (WORK,)),
        ("jai un vieux telephone qui marche plus et je dois recevoir les codes de ma banque par "
         "sms", "Auxerre", ("petit prix",), (PHONE,)),
        ("mon évier fuit, vous avez le numéro d'un plombier pas cher ?", "Lille",
         ("Je ne peux pas vous aider pour trouver un artisan",), ("petit prix",)),
        ("étudiant étranger, CVEC + ouverture compte bancaire en ligne", "Nanterre",
         ("démarche",), ()),  # the papers read: done with someone, or learnt?
        # our own wording: two needs the reader missed
        ("alternance à trouver et j'ai pas de mail", "Lyon", (WORK, "internet au quotidien"), ()),
        ("chercher du taf et scanner mes papiers", "Lyon", (WORK, "imprimante"), ()),
        ("apprendre word et chercher une alternance", "Lyon", (WORK, "ordinateur"), ()),
        ("trouver du taf", "Lyon", (WORK,), ()),
        ("je cherche une alternance", "Lyon", (WORK,), ()),
        ("j'ai reçu un sms bizarre et je dois aussi faire mon passeport", "Lyon",
         ("vous protéger", "passeport"), ()),  # the title named (e200)
        ("aidez moi pour pôle emploi et pour ma déclaration de revenus", "Lyon",
         ("France Travail", "impôts"), ()),
    ],
)
def test_needs_read_right(real, message, town, wanted, unwanted):
    _talk, msgs = request_in(message, town)
    said = rest_text(msgs)
    assert "need_choice" not in kinds(msgs), said  # no menu of guesses
    assert all(w in intro_of(said) for w in wanted), said
    assert not any(w in said for w in unwanted), said
