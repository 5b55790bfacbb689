"""SMS lists keep each place's street: the introduction gets shorter first (round 18: in 3 of 7
SMS lists the cards showed only "Beauvais", "Saint-Laurent-sur-Gorre")."""

from __future__ import annotations

import re

from bot.channels import render
from bot.channels.sms_text import segments
from tests.bot.channels.test_channels_text import FOLLOW, place, reco

LONG_INTRO = (
    "Voici 3 lieux près de Beauvais (60) pour vos démarches avec la CAF (RSA, APL, prime "
    "d'activité…) et apprendre à vous servir d'un ordinateur. Pensez à prendre vos identifiants "
    "et un justificatif de domicile récent. Si vous ne pouvez pas vous déplacer, dites-le-moi :"
)
NAMES = (
    "Espace public numérique de la Médiathèque du Centre-Ville Madeleine",
    "France services Beauvais Saint-Jean Argentine quartier",
    "Centre social rural intercommunal du Beauvaisis",
)
STREETS = (
    "Résidence Les Champs Dolent, 12 rue du Docteur Gérard",
    "Centre commercial des Champs, 4 avenue Jean Moulin",
    "Place de la Mairie",
)


def test_a_long_introduction_gives_way_before_the_streets():
    results = [place(i + 1, name=NAMES[i], address=f"{STREETS[i]}, 60000 Beauvais")
               for i in range(3)]  # fmt: skip
    payload = render.recommendation_of(reco(results, follow_ups=FOLLOW, total=9, offset=0))
    body, _ = render.sms_body(LONG_INTRO, payload, menu=True)
    for street in ("12 rue du Docteur Gérard", "4 avenue Jean Moulin", "Place de la Mairie"):
        assert re.search(rf"\n{render.to_gsm7(street)}, (60000 )?Beauvais\n", body), body
    assert body.startswith("Voici 3 lieux près de Beauvais (60) pour vos démarches")
    assert segments(body) <= 4 and "Envoyez 1, 2 ou 3" in body, body


def test_the_street_stays_even_past_the_segments():
    """Nothing fits: the SMS runs longer rather than send a town for an address."""
    results = [place(i + 1, name=NAMES[i] * 2, address=f"{STREETS[i]}, 87310 Saint-Laurent-sur-"
                     "Gorre", why="x" * 200) for i in range(3)]  # fmt: skip
    payload = render.recommendation_of(reco(results, follow_ups=FOLLOW, total=9, offset=0))
    body, places = render.sms_body(LONG_INTRO * 2, payload, menu=True)
    assert len(places) == 3
    for street in ("12 rue du Docteur Gérard", "4 avenue Jean Moulin", "Place de la Mairie"):
        assert render.to_gsm7(street) in body, body
