"""Search behaviour a person would notice, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from directory_client import labels
from directory_client import search as search_module
from directory_client.directory import Directory
from directory_client.geo import haversine_km
from directory_client.hours import PARIS
from directory_client.models import Base
from directory_client.search import PAGE, evidence
from directory_client.search.rank import BASE_KM
from directory_client.types import SearchFilters, SearchQuery
from tests.places import here, make_bus, make_place

TUESDAY_10H = datetime(2024, 5, 14, 10, 0, tzinfo=PARIS)


@pytest.fixture(autouse=True, params=["boxes", "rare-need index", "rare pair of needs"])
def search_path(request, monkeypatch):
    """Run every case through each candidate path: growing boxes, all matches of a rare need,
    and rare pairs of needs first (our test directories are small, so every need is "rare"
    unless told otherwise)."""
    if request.param != "rare-need index":
        monkeypatch.setattr(search_module, "RARE_CAP", -1)
    if request.param == "boxes":
        monkeypatch.setattr(search_module, "COMBINATION_RARE_CAP", -1)
    return request.param


@pytest.fixture
def directory(directory_url):
    directory = Directory(directory_url)
    yield directory
    Base.metadata.drop_all(directory.engine)
    directory.close()


@pytest.fixture
def session(directory):
    with directory.Session() as session:
        yield session


def ask(directory, needs=(labels.DEMARCHES,), *, location=None, **kwargs):
    filters = kwargs.pop("filters", SearchFilters())
    kwargs.setdefault("now", TUESDAY_10H)
    query = SearchQuery(needs=tuple(needs), location=location or here(), filters=filters, **kwargs)
    return directory.search(query)


def names(response) -> list[str]:
    """The places' names as the fixtures give them: a name saying only what the place is
    ("Médiathèque", "Mairie") reads with its town, left out here (tests/directory/test_display)."""
    return [r.name.removesuffix(" — Lyon").removesuffix(" de Lyon") for r in response.results]


def test_nearest_matching_places_first_and_others_left_out(directory, session):
    make_place(session, "Loin", km_east=12)
    make_place(session, "Proche", km_east=1.5)
    make_place(session, "Sans le service", km_east=0.3, services=(labels.LOISIRS,))
    make_place(session, "Moyen", km_east=-5)
    session.commit()
    response = ask(directory)
    assert names(response) == ["Proche", "Moyen", "Loin"]
    assert response.results[0].distance_km == pytest.approx(1.5, abs=0.05)
    assert response.total == 3
    assert not response.widened and not response.nothing_near


def test_a_place_doing_both_needs_comes_first_only_within_a_comparable_distance(directory, session):
    """A near place that does one of the needs comes before a far one that does both: a France
    Services 30 km from Roubaix came before a CCAS 150 m away. Doing both is worth a detour
    that grows with the distance (50 % and 1.5 km), no more."""
    both = (labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL)
    make_place(session, "Une seule aide", km_east=1)
    make_place(session, "Les deux, loin", km_east=20, services=both)
    session.commit()
    response = ask(directory, needs=both)
    assert names(response) == ["Une seule aide", "Les deux, loin"]
    make_place(session, "Les deux, un peu plus loin", km_north=2.9, services=both)
    make_place(session, "Les deux, trop loin", km_north=-3.2, services=both)
    session.commit()
    # 2.9 km is within 1 km × 1.5 + 1.5 km; 3.2 km is not.
    response = ask(directory, needs=both, limit=4)
    assert names(response) == [
        "Les deux, un peu plus loin", "Une seule aide", "Les deux, trop loin", "Les deux, loin",
    ]  # fmt: skip
    assert response.results[0].why.startswith(
        "aide pour vos papiers en ligne, prêt d'ordinateur et accès internet"
    )


def test_one_more_need_weighs_more_than_a_record_that_clearly_does_mediation(
    directory, session
):
    """Product decision: covering one more of the needs asked (50 % and 1.5 km) is worth more
    than a record that clearly does mediation (25 % and 0.75 km). A place doing both needs
    whose record says little (no contact) comes before a clear place doing one within
    1.5 / 1.25 = 1.2 × (its km + 3) − 3 km; before, the clear record won (100 % and 3 km)."""
    both = (labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL)
    make_place(session, "Une aide, bien renseignée", km_east=0.5, telephone="+33400000000",
               services=both[:1])  # fmt: skip
    hours = {"horaires": "Mo-Fr 09:00-12:00"}  # reachable: only the record's clearness differs
    make_place(session, "Les deux, peu renseigné", km_north=1.1, services=both, **hours)
    make_place(session, "Les deux, peu renseigné, plus loin", km_north=-1.4, services=both,
               **hours)  # fmt: skip
    make_place(session, "Autre aide, bien renseignée", km_east=-2, telephone="+33400000001",
               services=both[1:])  # fmt: skip
    session.commit()
    # 1.1 km is within 1.2 × (0.5 + 3) − 3 = 1.2 km; 1.4 km is not. The other clear place,
    # 2 km away, doing one need: (2 + 3) / 1.25 = 4 counts as farther than (1.4 + 3) / 1.5.
    response = ask(directory, needs=both, limit=3)
    assert names(response) == [
        "Les deux, peu renseigné", "Une aide, bien renseignée",
        "Les deux, peu renseigné, plus loin",
    ]  # fmt: skip
    assert names(ask(directory, needs=both, limit=1, offset=3)) == ["Autre aide, bien renseignée"]


def test_a_record_that_says_little_about_mediation_comes_after_one_that_clearly_does(
    directory, session
):
    """A record with the services the conseillers numériques file gives every record (in bulk)
    and nothing else saying it is a place of mediation (a trade office of a town hall) ranks
    after a médiathèque a little farther; it is still given when nothing else is near, and a
    place nobody can reach (no phone, mail, site) is one that says little too."""
    bulk = {"services": (labels.OUTILS_QUOTIDIEN,), "origin": (evidence.BULK_SERVICES,)}
    make_place(session, "Pôle commerce de la ville", km_east=0.7, telephone="+33975992357",
               **bulk)  # fmt: skip
    make_place(session, "Médiathèque", km_east=0.72, telephone="+33545361950", **bulk)
    make_place(session, "Conseil départemental", km_north=0.5, services=(labels.OUTILS_QUOTIDIEN,),
               horaires="Mo-Fr 09:00-12:00")  # no contact, but known hours  # fmt: skip
    make_place(session, "Espace numérique", km_north=-1.3, telephone="+33545000000",
               services=(labels.OUTILS_QUOTIDIEN,))  # fmt: skip
    make_place(session, "Espace numérique loin", km_north=-2, telephone="+33545000001",
               services=(labels.OUTILS_QUOTIDIEN,))  # fmt: skip
    session.commit()
    response = ask(directory, needs=(labels.OUTILS_QUOTIDIEN,), limit=5)
    # A clear record is worth 25 % and 0.75 km (rank.CLEAR_FACTOR 1.25): 0.72 km (clear) before
    # 0.5 and 0.7 km (saying little); 1.3 km (clear) too, within 1.25 × (0.5 + 3) − 3 = 1.375 km
    # of the nearest that says little; 2 km (clear) is not, nor within 1.25 × (0.7 + 3) − 3.
    assert names(response) == [
        "Médiathèque", "Espace numérique", "Conseil départemental", "Pôle commerce de la ville",
        "Espace numérique loin",
    ]  # fmt: skip


def test_a_place_for_a_closed_public_comes_after_every_place_open_to_all(directory, session):
    """A syndicate doing IT for town halls, the students' CROUS, an EHPAD serve a closed
    public (``evidence.closed_public``, by their names): after every place open to all, even
    one 25 km away that says little, whatever their record (Rodez: the council IT syndicate,
    0.7 km, came first for "apprendre le téléphone")."""
    phone = {"telephone": "+33400000000"}
    make_place(session, "Syndicat Mixte de l'Informatique des Collectivités", km_east=0.2,
               **phone)  # fmt: skip
    make_place(session, "Centre régional des œuvres universitaires (CROUS)", km_north=0.5,
               **phone)  # fmt: skip
    make_place(session, "EHPAD Les Tilleuls", km_north=-0.3, **phone)
    make_place(session, "Mairie", km_east=-25)
    make_place(session, "Médiathèque", km_east=8, **phone)
    session.commit()
    assert names(ask(directory, limit=5)) == [
        "Médiathèque", "Mairie", "Syndicat Mixte de l'Informatique des Collectivités",
        "Centre régional des œuvres universitaires (CROUS)", "EHPAD Les Tilleuls",
    ]  # fmt: skip


def test_a_place_for_a_closed_public_is_still_given_when_it_is_the_only_one(directory, session):
    make_place(session, "e-Collectivités Vendée", km_east=1, telephone="+33400000000")
    session.commit()
    assert names(ask(directory)) == ["e-Collectivités Vendée"]


def test_a_record_that_says_little_is_still_first_when_nothing_else_is_near(directory, session):
    make_place(session, "Mairie", km_east=1, telephone="+33400000000",
               services=(labels.OUTILS_QUOTIDIEN,), origin=(evidence.BULK_SERVICES,))  # fmt: skip
    make_place(session, "Médiathèque", km_east=25, telephone="+33400000001",
               services=(labels.OUTILS_QUOTIDIEN,), origin=(evidence.BULK_SERVICES,))  # fmt: skip
    session.commit()
    assert names(ask(directory, needs=(labels.OUTILS_QUOTIDIEN,))) == ["Mairie", "Médiathèque"]


def test_preferred_finer_label_wins_over_distance_and_is_explained(directory, session):
    make_place(session, "Autonomie", km_east=2, origin=(labels.V1_AUTONOMY,))
    make_place(session, "Avec vous", km_east=2.8, origin=(labels.V1_WITH_HELP,))
    session.commit()
    response = ask(directory, limit=1, preferred_origin_labels=(labels.V1_WITH_HELP,))
    assert names(response) == ["Avec vous"]
    assert response.results[0].why == "fait vos papiers en ligne avec vous"  # no distance
    # On one page, the places read nearest first: the label chose who reaches the page.
    response = ask(directory, preferred_origin_labels=(labels.V1_WITH_HELP,))
    assert names(response) == ["Autonomie", "Avec vous"]
    # Not "apprendre à faire vos papiers": the why names what was asked, never another form.
    assert response.results[0].why == "aide pour vos papiers en ligne"


def test_a_finer_label_is_worth_a_detour_that_grows_with_the_distance(directory, session):
    """ "Avec un accompagnement" 5.5 km away does not come before a place 1 km away that helps
    with papers too (it did, worth 5 km at any distance): 20 % and 0.6 km; 1.7 km away, it
    does."""
    make_place(session, "Proche", km_east=1, origin=(labels.V1_AUTONOMY,))
    make_place(session, "Avec vous loin", km_east=5.5, origin=(labels.V1_WITH_HELP,))
    make_place(session, "Avec vous pas loin", km_north=1.7, origin=(labels.V1_WITH_HELP,))
    session.commit()
    asked = {"preferred_origin_labels": (labels.V1_WITH_HELP,)}
    assert names(ask(directory, limit=1, **asked)) == ["Avec vous pas loin"]
    # The page reads nearest first.
    assert names(ask(directory, limit=2, **asked)) == ["Proche", "Avec vous pas loin"]
    assert names(ask(directory, limit=2, offset=2, **asked)) == ["Avec vous loin"]


def test_radius_widens_to_50_then_100_km(directory, session):
    make_place(session, "A 40 km", km_east=40)
    session.commit()
    response = ask(directory, limit=1)
    assert (response.radius_km, response.widened, names(response)) == (50, True, ["A 40 km"])
    make_place(session, "A 80 km", km_north=80)
    session.commit()
    response = ask(directory, limit=2)
    assert response.radius_km == 100
    assert names(response) == ["A 40 km", "A 80 km"]


def test_nothing_near_gives_nearest_anyway_and_the_helpline(directory, session):
    make_place(session, "Très loin", km_east=300)
    make_place(session, "Encore plus loin", km_north=-600)
    make_place(
        session,
        "Aide par téléphone",
        km_north=700,
        modalites_accompagnement="À distance",
        telephone="+33100000000",
    )
    session.commit()
    response = ask(directory, limit=2)
    assert response.nothing_near
    assert names(response) == ["Très loin", "Encore plus loin"]
    assert response.results[0].distance_km == pytest.approx(300, rel=0.01)
    assert response.total == 0
    remote = [option.name for option in response.remote_options]
    assert remote[0] == labels.HELPLINE["name"]
    assert "Aide par téléphone" in remote


def test_nothing_within_a_thousand_km_gives_no_place_but_the_helpline(directory, session):
    # A place in another territory (La Réunion for someone in the Rhône) is no entry point.
    make_place(session, "Autre territoire", km_north=-1500)
    make_place(session, "Encore plus loin", km_east=-2500, km_north=-1000)
    session.commit()
    response = ask(directory, limit=2)
    assert response.nothing_near
    assert response.results == ()
    assert [option.name for option in response.remote_options][0] == labels.HELPLINE["name"]


def test_a_near_place_the_filters_drop_does_not_hide_the_nearest_one_they_keep(directory, session):
    make_place(session, "Près, payant", km_east=5, frais_a_charge="Payant")
    make_place(session, "Loin, gratuit", km_east=300, frais_a_charge="Gratuit")
    session.commit()
    response = ask(directory, limit=2, filters=SearchFilters(free_only=True))
    assert response.nothing_near
    assert names(response) == ["Loin, gratuit"]


def test_nothing_near_remote_help_follows_the_filters_nearest_first(directory, session):
    make_place(session, "Loin, payant", km_east=300, frais_a_charge="Payant")
    make_place(
        session, "À distance, payant", km_east=400, frais_a_charge="Payant",
        modalites_accompagnement="À distance",
    )  # fmt: skip
    make_place(
        session, "À distance, gratuit, loin", km_north=-900, frais_a_charge="Gratuit",
        modalites_accompagnement="Accompagnement individuel|À distance",
    )  # fmt: skip
    make_place(
        session, "À distance, gratuit", km_north=500, frais_a_charge="Gratuit",
        modalites_accompagnement="À distance",
    )  # fmt: skip
    make_place(session, "Sur place, gratuit", km_north=450, frais_a_charge="Gratuit")
    session.commit()
    response = ask(directory, limit=2, filters=SearchFilters(free_only=True))
    assert response.nothing_near
    assert names(response) == ["Sur place, gratuit", "À distance, gratuit"]
    remote = [option.name for option in response.remote_options]
    assert remote == [labels.HELPLINE["name"], "À distance, gratuit", "À distance, gratuit, loin"]


def test_helpline_offered_when_fewer_results_than_asked(directory, session):
    make_place(session, "Seul lieu", km_east=1)
    session.commit()
    assert [o.name for o in ask(directory, limit=3).remote_options] == [labels.HELPLINE["name"]]
    assert ask(directory, limit=1).remote_options == ()


def test_free_only_drops_paying_places_and_ranks_unknown_fees_after_near_free_ones(
    directory, session
):
    """With "gratuit", a place whose fees are not given ranks after a known free one within a
    comparable distance (50 % and 1.5 km), not after one at any distance."""
    make_place(session, "Payant", km_east=0.5, frais_a_charge="Payant")
    make_place(session, "Prix inconnu", km_east=1)
    make_place(session, "Gratuit", km_east=2.4, frais_a_charge="Gratuit")
    make_place(session, "Sous condition", km_east=12, frais_a_charge="Gratuit sous condition")
    session.commit()
    response = ask(directory, filters=SearchFilters(free_only=True), limit=5)
    assert names(response) == ["Gratuit", "Prix inconnu", "Sous condition"]
    assert [r.free for r in response.results] == [True, None, True]
    assert "gratuit" in response.results[0].why
    assert "tarif non précisé" in response.results[1].why


def test_open_at_keeps_only_places_open_then(directory, session):
    make_place(session, "Matin", km_east=3, horaires="Mo-Fr 09:00-12:00")
    make_place(session, "Après-midi", km_east=1, horaires="Mo-Fr 14:00-17:00")
    make_place(session, "Inconnu", km_east=2)
    session.commit()
    monday_10h = datetime(2024, 5, 13, 10, 0, tzinfo=PARIS)
    response = ask(directory, filters=SearchFilters(open_at=monday_10h))
    assert names(response) == ["Matin"]


def test_open_on_saturday(directory, session):
    make_place(session, "Semaine", km_east=1, horaires="Mo-Fr 09:00-17:00")
    make_place(session, "Samedi matin", km_east=4, horaires="Tu-Sa 09:00-12:00")
    session.commit()
    assert names(ask(directory, filters=SearchFilters(open_on_saturday=True))) == ["Samedi matin"]


def test_open_on_sunday(directory, session):
    make_place(session, "Semaine", km_east=1, horaires="Mo-Sa 09:00-17:00")
    make_place(session, "Marché du dimanche", km_east=4, horaires="Su 09:00-12:00")
    session.commit()
    assert names(ask(directory, filters=SearchFilters(open_on_sunday=True))) == [
        "Marché du dimanche"
    ]


def test_opening_status_and_soonest_opening_breaks_distance_ties(directory, session):
    make_place(session, "Ouvre demain", km_east=2, horaires="We 09:00-12:00")
    make_place(session, "Ouvert", km_east=2, km_north=0.01, horaires="Tu 09:00-12:00")
    session.commit()
    response = ask(directory)
    assert names(response) == ["Ouvert", "Ouvre demain"]
    assert response.results[0].opening.text == "Ouvert maintenant, jusqu'à 12 h"
    assert response.results[1].opening.text == "Fermé. Ouvre demain à 9 h"


def test_someone_who_can_act_on_my_behalf(directory, session):
    make_place(session, "Mairie", km_east=0.5)
    make_place(session, "Aidants", km_east=5, dispositif_programmes_nationaux="Aidants Connect")
    make_place(session, "A ma place", km_east=7, modalites_accompagnement="À ma place")
    session.commit()
    response = ask(directory, filters=SearchFilters(on_my_behalf=True))
    assert names(response) == ["Aidants", "A ma place"]
    assert "à votre place (Aidants Connect)" in response.results[0].why
    by_label = ask(directory, filters=SearchFilters(labels=("Aidants Connect",)))
    assert names(by_label) == ["Aidants"]


def test_publics_and_specific_support_filters(directory, session):
    make_place(session, "Pour tous", km_east=1)
    make_place(session, "Jeunes", km_east=2, publics_specifiquement_adresses="Jeunes")
    make_place(session, "Seniors", km_east=3, publics_specifiquement_adresses="Femmes|Seniors")
    make_place(session, "Sourds", km_east=4, prise_en_charge_specifique="Surdité")
    session.commit()
    seniors = ask(directory, filters=SearchFilters(publics=("Seniors",)), limit=5)
    assert names(seniors) == ["Pour tous", "Seniors", "Sourds"]
    deaf = ask(directory, filters=SearchFilters(prise_en_charge=("Surdité",)))
    assert names(deaf) == ["Sourds"]


def test_places_without_coordinates_match_by_commune_after_the_others(directory, session):
    make_place(session, "Sans GPS", km_east=None)
    make_place(session, "Sans GPS ailleurs", km_east=None, code_insee="01001", code_postal="01400")
    make_place(session, "A 12 km", km_east=12)
    session.commit()
    response = ask(directory)
    assert names(response) == ["A 12 km", "Sans GPS"]
    assert response.results[1].distance_km is None
    assert "Lyon" not in response.results[1].why  # where it is is the address, not a reason


def test_location_without_coordinates_matches_by_codes(directory, session):
    make_place(session, "Même commune", km_east=20)
    make_place(session, "Même département", km_east=5, code_insee="69266", code_postal="69100")
    make_place(session, "Ailleurs", km_east=1, code_insee="01001", departement="01",
               code_postal="01400")  # fmt: skip
    session.commit()
    response = ask(directory, location=here(lat=None, lon=None))
    assert names(response) == ["Même commune", "Même département"]
    assert all(r.distance_km is None for r in response.results)
    nowhere = ask(
        directory,
        location=here(lat=None, lon=None, code_insee=None, code_postal=None, departement=None),
    )
    assert nowhere.nothing_near and nowhere.results == ()
    assert nowhere.remote_options[0].name == labels.HELPLINE["name"]


def test_unknown_need_is_ignored(directory, session):
    make_place(session, "Loisirs", km_east=1, services=(labels.LOISIRS,))
    make_place(session, "Démarches", km_east=2)
    session.commit()
    assert names(ask(directory, needs=("Faire du vélo",))) == ["Loisirs", "Démarches"]
    assert names(ask(directory, needs=("Faire du vélo", labels.DEMARCHES))) == ["Démarches"]
    # An old (1.0) label is understood.
    assert names(ask(directory, needs=("Accéder à une connexion internet",))) == []


def test_one_stop_per_bus(directory, session):
    bus = make_bus(session, "Bus France Services de Charente")
    for km in (1, 2, 3, 4, 5):
        make_place(session, f"Arrêt {km}", km_east=km, mobile_service_id=bus.id)
    make_place(session, "Médiathèque", km_east=6)
    session.commit()
    response = ask(directory)
    assert names(response) == ["Arrêt 1", "Médiathèque"]
    assert response.results[0].mobile_service == "Bus France Services de Charente"
    assert "passage du Bus France Services de Charente" in response.results[0].why
    assert response.total == 2


def test_more_results_pages(directory, session):
    for km in range(1, 8):
        make_place(session, f"Lieu {km}", km_east=km)
    session.commit()
    first = ask(directory, limit=3)
    second = ask(directory, limit=3, offset=3)
    third = ask(directory, limit=3, offset=6)
    assert names(first) == ["Lieu 1", "Lieu 2", "Lieu 3"]
    assert names(second) == ["Lieu 4", "Lieu 5", "Lieu 6"]
    assert names(third) == ["Lieu 7"]
    assert first.total == second.total == 7


def test_payload_shape(directory, session):
    make_place(
        session, "France services de Lyon", km_east=2.345, telephone="+33400000000",
        adresse="1 rue de la République",
        horaires="Tu 09:00-12:00", frais_a_charge="Gratuit",
        dispositif_programmes_nationaux="France Services",
    )  # fmt: skip
    session.commit()
    payload = ask(directory).results[0].to_payload()
    assert payload == {
        "id": payload["id"],
        "name": "France services de Lyon",
        "distance_km": 2.3,
        "services": [labels.DEMARCHES],
        "address": "1 rue de la République, 69001 Lyon",
        "phone": "+33400000000",
        "opening_hours": "Tu 09:00-12:00",
        "open_now": True,
        "ahead": None,
        "why": "aide pour vos papiers en ligne, gratuit, France Services",
    }


def test_get_place(directory, session):
    place = make_place(session, "Médiathèque", km_east=1, horaires="Tu 09:00-12:00")
    session.commit()
    result = directory.get_place(place.public_id, TUESDAY_10H)
    assert result is not None and result.name == "Médiathèque — Lyon"
    assert result.opening.open_now is True and result.distance_km is None
    assert directory.get_place("nope:1") is None


def reach_km(
    distance: float, covered: int, labelled: int = 0, clear: bool = False, reachable: bool = False
) -> float:
    """The distance a place counts as (directory_client.search.rank), written out: each need
    covered is worth 50 % and 1.5 km, a finer label 20 % and 0.6 km, a clear record 25 % and
    0.75 km (less than a need), a contact or opening hours 20 % and 0.6 km."""
    return (distance + BASE_KM) / (1.5**covered * 1.2**labelled * 1.25**clear * 1.2**reachable)


def page_read(page: list[tuple]) -> list[str]:
    """A page reads by the distance shown (0.1 km) each place counts as, labels left out."""
    return [s[-1] for s in sorted(page, key=lambda s: (
        round(reach_km(round(s[2], 1), s[3], 0, s[4], s[5]), 6), round(s[2], 1)))]  # fmt: skip


def list_read(ranked: list[tuple], offset: int, limit: int) -> list[str]:
    """The entries ``offset`` to ``offset + limit`` of a list read page by page (``search.PAGE``)
    from its start: a slice never reads otherwise than the pages a person is shown."""
    pages = [page_read(ranked[i : i + PAGE]) for i in range(0, offset + limit, PAGE)]
    return [name for page in pages for name in page][offset : offset + limit]


def test_matches_a_brute_force_ranking(directory, session):
    """Every candidate path gives exactly what a full scan would: dense around the person (more
    places than a first fetch reads, of every kind) and sparse further out; needs covered and
    a clear record and a record giving a contact or opening hours each worth a detour."""
    rng = random.Random(7)
    both = (labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL)
    places = []
    for i in range(400):
        spread = 3 if i < 150 else 70
        services = rng.choice([both, both[:1], both[1:], (labels.LOISIRS,)])
        clear = rng.random() < 0.4
        hours = rng.random() < 0.5  # known hours: reachable, whatever the contact
        place = make_place(
            session, f"P{i}", km_east=rng.uniform(-spread, spread),
            km_north=rng.uniform(-spread, spread), services=services,
            telephone="+33400000000" if clear else None,
            horaires="Mo-Fr 09:00-12:00" if hours else None,
        )  # fmt: skip
        places.append((place, clear, clear or hours))
    session.commit()
    lat, lon = here().lat, here().lon
    for needs, radius in ((both, 30.0), (both[:1], 5.0), (both[1:], 2.0)):
        mask = labels.services_mask(needs)
        scored = []
        for p, clear, reachable in places:
            covered = bin(p.services_mask & mask).count("1")
            distance = haversine_km(lat, lon, p.latitude, p.longitude)
            if covered and distance <= 100:
                scored.append((reach_km(distance, covered, 0, clear, reachable), distance,
                               distance, covered, clear, reachable, p.nom))  # fmt: skip
        for step in (radius, 50, 100):
            within = sorted(s for s in scored if s[1] <= step)
            if len(within) >= 6 or step == 100:
                break
        for offset in (0, 2, 9):
            response = ask(directory, needs=needs, limit=6, offset=offset, radius_km=radius)
            assert response.radius_km == step
            assert names(response) == list_read(within, offset, 6), (needs, offset)
            assert response.total == len(within)


def test_matches_a_brute_force_ranking_with_a_finer_label_asked(directory, session):
    """With a finer label asked for, every path gives what a full scan would: the distance each
    place counts as chooses the pages — dense around the person (more labelled places than a
    first fetch reads) and sparse further out; each page reads nearest first."""
    rng = random.Random(11)
    places = []
    for i in range(400):
        spread = 4 if i < 150 else 60
        labelled = rng.random() < 0.5
        place = make_place(
            session, f"P{i}", km_east=rng.uniform(-spread, spread),
            km_north=rng.uniform(-spread, spread),
            origin=(labels.V1_WITH_HELP,) if labelled else (labels.V1_AUTONOMY,),
        )  # fmt: skip
        places.append((place, labelled))
    session.commit()
    lat, lon = here().lat, here().lon
    scored = []
    for place, labelled in places:
        distance = haversine_km(lat, lon, place.latitude, place.longitude)
        if distance <= 30:
            scored.append((reach_km(distance, 1, labelled), distance, distance, 1, False, False,
                           place.nom))  # fmt: skip
    ranked = sorted(scored)
    for offset in (0, 8):
        response = ask(directory, limit=8, offset=offset,
                       preferred_origin_labels=(labels.V1_WITH_HELP,))  # fmt: skip
        assert names(response) == list_read(ranked, offset, 8)
    # "d'autres lieux" reads the list from its start: its entries 4-6 are the page at offset 3.
    preferred = (labels.V1_WITH_HELP,)
    six = ask(directory, limit=6, offset=0, preferred_origin_labels=preferred)
    page_two = ask(directory, limit=3, offset=3, preferred_origin_labels=preferred)
    assert names(six)[3:] == names(page_two)


def test_remote_ok_adds_remote_help_even_with_enough_results(directory, session):
    make_place(session, "Sur place 1", km_east=1)
    make_place(session, "Sur place 2", km_east=2)
    make_place(session, "Aussi à distance", km_east=3, modalites_accompagnement="À distance")
    session.commit()
    response = ask(directory, filters=SearchFilters(remote_ok=True))
    assert len(response.results) == 3
    assert [o.name for o in response.remote_options] == [
        labels.HELPLINE["name"],
        "Aussi à distance",
    ]
    assert response.remote_options[1].why.startswith("aide à distance : ")
    assert ask(directory).remote_options == ()


def test_new_caledonia_hours_in_noumea_time(directory, session):
    noumea = (-22.2758, 166.4580)
    place = make_place(session, "Espace numérique de Nouméa", km_east=0, code_postal="98800",
                       horaires="Mo-Fr 07:30-16:00")  # fmt: skip
    place.latitude, place.longitude = noumea
    session.commit()
    location = here(lat=noumea[0], lon=noumea[1], code_insee="98818", code_postal="98800")
    # Tuesday 10:00 in Paris is 19:00 in Nouméa.
    result = ask(directory, location=location).results[0]
    assert result.distance_km == pytest.approx(0, abs=0.01)
    assert result.opening.text == "Fermé. Ouvre demain à 7 h 30"


def test_distances_from_an_origin_match_haversine() -> None:
    import random

    from directory_client.geo import distances_from, haversine_km

    rng = random.Random(7)
    for _ in range(500):
        lat, lon = rng.uniform(-60, 60), rng.uniform(-180, 180)
        distance_to = distances_from(lat, lon)
        lat2, lon2 = rng.uniform(-60, 60), rng.uniform(-180, 180)
        assert abs(distance_to(lat2, lon2) - haversine_km(lat, lon, lat2, lon2)) < 1e-6
    assert distances_from(50.69, 3.17)(50.69, 3.17) == 0.0


def test_a_card_gets_the_appointment_link_site_and_opening_in_words(directory, session):
    from actions.formatting import result_payload

    make_place(
        session, "Avec rendez-vous", km_east=1, prise_rdv="https://rdv.example.fr/lyon",
        site_web="https://lyon.example.fr|https://autre.example.fr", horaires="Mo-Fr 09:00-17:00",
    )  # fmt: skip
    session.commit()
    card = result_payload(ask(directory).results[0], 1)
    assert card["appointment_url"] == "https://rdv.example.fr/lyon"
    assert card["website"] == "https://lyon.example.fr"
    assert card["opening_text"] == "Ouvert maintenant, jusqu'à 17 h"  # Tuesday 10:00
    assert card["lat"] is not None and card["mobile_service"] is None
    assert card["number"] == 1 and card["distance_text"] == "1 km"
    assert card["hours"] == ["lun.–ven. : 9 h–17 h"]


def test_a_place_with_only_an_address_never_says_plus_loin_mais(directory, session):
    """A place whose record gives only an address (no phone, e-mail, website nor hours) may
    still come before a nearer place when it does more of the needs asked; it is not one the
    person should go out of their way for: no "Plus loin, mais …" on it (the nearer place
    with known hours keeps its own line of facts)."""
    both = (labels.DEMARCHES, labels.ACCES_INTERNET_MATERIEL)
    make_place(session, "Les deux, une adresse seulement", km_east=1.0, services=both)
    make_place(session, "Une aide, horaires connus", km_north=0.3, services=both[:1],
               horaires="Mo-Fr 09:00-12:00")  # fmt: skip
    session.commit()
    response = ask(directory, needs=both, limit=2)
    # (1 + 3) / 1.5² = 1.78 counts as nearer than (0.3 + 3) / (1.5 × 1.2) = 1.83.
    assert names(response) == ["Les deux, une adresse seulement", "Une aide, horaires connus"]
    assert [r.ahead for r in response.results] == [None, None]
