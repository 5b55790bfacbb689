"""A place as the person reads it: the ``SearchResult`` built from its row, and why it fits, in
plain words (never where it is: channels show the distance and the address)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.engine import Row

from directory_client import display, hours, labels, phones
from directory_client.models import split_list
from directory_client.search.plan import AIDANTS_CONNECT, ON_MY_BEHALF, Fit
from directory_client.types import SearchResult

# Plain words for each service; a finer 1.0 label, when the place has it, says it better.
_SERVICE_WORDS: dict[str, str] = {
    labels.DEMARCHES: "aide pour vos papiers en ligne",
    labels.OUTILS_QUOTIDIEN: "apprendre à se servir d'un ordinateur ou d'un téléphone",
    labels.INSERTION_PRO: "aide pour chercher un emploi en ligne",
    labels.SECURITE: "apprendre à éviter les arnaques en ligne",
    labels.PARENTALITE: "aide pour accompagner vos enfants sur internet",
    labels.LOISIRS: "ateliers pour créer avec le numérique",
    labels.COMPREHENSION: "mieux comprendre le numérique",
    labels.ACCES_INTERNET_MATERIEL: "prêt d'ordinateur et accès internet",
    labels.ACQUISITION_MATERIEL: "ordinateurs à petit prix",
}


def service_words(service: str) -> str:
    """A service of the standard in plain words ("aide pour vos papiers en ligne")."""
    return _SERVICE_WORDS.get(service, service.lower())


_ORIGIN_WORDS: dict[str, str] = {
    labels.V1_WITH_HELP: "fait vos papiers en ligne avec vous",
    labels.V1_AUTONOMY: "apprendre à faire vos papiers en ligne",
    labels.V1_HEALTH: "aide pour vos démarches de santé en ligne",
    labels.V1_SMARTPHONE: "apprendre à se servir d'un téléphone ou d'une tablette",
    labels.V1_COMPUTER: "apprendre à se servir d'un ordinateur",
    labels.V1_BUSINESS: "aide pour créer votre entreprise",
    labels.V1_EVERYDAY: "apprendre à se servir d'internet au quotidien",
}


# A service shared by two needs, its plain words naming one of them (the job search): a place
# that does not announce the finer label of the other one asked for (a business) is told in the
# words of that one, never of the other (tester t194, E4: a plumber's coworking places read « aide
# pour chercher un emploi en ligne »).
_SHARED_SERVICE_WORDS: dict[str, str] = {
    labels.V1_BUSINESS: "aide pour votre activité ou votre entreprise en ligne",
}


# A bus and its fixed desk at one address, both listed: the later entry says which it is.
BUS_OF_DESK = "Le bus de « {desk} », garé à la même adresse certains jours."
DESK_OF_BUS = "L'accueil fixe, à la même adresse que le « {bus} »."
ON_MY_BEHALF_WORDS = "peut faire vos démarches à votre place"
FEE_WORDS = ("gratuit", "gratuit sous condition", "tarif non précisé")
_WORDS_SERVICE: dict[str, str] = {
    **{words: service for service, words in _SERVICE_WORDS.items()},
    **{words: labels.SERVICES_V1_TO_CURRENT[label] for label, words in _ORIGIN_WORDS.items()},
    **{w: labels.SERVICES_V1_TO_CURRENT[label] for label, w in _SHARED_SERVICE_WORDS.items()},
}


def subject(part: str) -> str | None:
    """What one part of ``explain``'s line names: the service its words give (two wordings of
    one service name the same), ``ON_MY_BEHALF_WORDS`` for either wording of "à votre place",
    None for the price (``SearchResult.fees`` says it), else the part itself."""
    if part in FEE_WORDS:
        return None
    if part.startswith(ON_MY_BEHALF_WORDS):
        return ON_MY_BEHALF_WORDS
    return _WORDS_SERVICE.get(part, part)


# Someone who learns to do their papers themselves ("Apprendre seul": the 1.0 label "Devenir
# autonome…" asked for): a place teaches when a mediator works there (Conseillers numériques), it
# holds workshops, or its record says it makes people autonomous (round t152's tester: the
# "apprendre seul" list told "on y fait la démarche avec vous", "peut faire … à votre place").
MEDIATORS = "Conseillers numériques"
WORKSHOP = "Dans un atelier collectif"
TEACHES_WORDS = _ORIGIN_WORDS[labels.V1_AUTONOMY]  # "apprendre à faire vos papiers en ligne"
AHEAD_TEACHES = "on y apprend à faire ses démarches soi-même"


def learning(preferred: tuple[str, ...]) -> bool:
    """Whether the person asked to learn to do their papers themselves."""
    return labels.V1_AUTONOMY in preferred


def teaches(place: Row) -> bool:
    """Whether the place teaches (``learning``): a mediator, workshops, or the 1.0 label."""
    return (
        MEDIATORS in split_list(place.dispositif_programmes_nationaux)
        or WORKSHOP in split_list(place.modalites_accompagnement)
        or labels.V1_AUTONOMY in split_list(place.services_origine)
    )


def _free(frais: str | None) -> bool | None:
    values = split_list(frais)
    if not values:
        return None
    return any(v.startswith("Gratuit") for v in values)


def place_result(
    place: Row,
    distance_km: float | None,
    needs: tuple[str, ...],
    now: datetime,
    *,
    on_my_behalf: bool,
    free_only: bool = False,
    preferred: tuple[str, ...] = (),
) -> SearchResult:
    tz = hours.place_timezone(place.code_postal)
    phone = phones.offered(place.telephone) or place.mobile_telephone
    email = first_item(place.courriels)
    address = display.address_text(
        place.adresse, place.complement_adresse, place.code_postal, place.commune, place.code_insee,
        can_ask=bool(phone or email),
    )
    accessibility = place.accessibilite if (place.accessibilite or "").startswith("http") else None
    commune = display.commune_name(place.commune, place.code_insee, place.code_postal) or None
    return SearchResult(
        id=place.public_id,
        name=display.place_name(place.nom, commune),
        services=tuple(split_list(place.services)),
        address=address,
        commune=commune,
        code_postal=place.code_postal,
        lat=place.latitude,
        lon=place.longitude,
        distance_km=distance_km,
        phone=phone,
        email=email,
        website=first_item(place.site_web),
        appointment_url=place.prise_rdv,
        opening_hours=place.horaires,
        opening=hours.opening_status(place.horaires, now, tz),
        free=_free(place.frais_a_charge),
        labels=tuple(split_list(place.dispositif_programmes_nationaux)),
        why=explain(
            place, needs, on_my_behalf=on_my_behalf, free_only=free_only, preferred=preferred
        ),  # fmt: skip
        mobile_service=place.mobile_nom,
        accessibility_url=accessibility,
        source=place.source,
        date_maj=place.date_maj.isoformat() if place.date_maj else None,
        fees=tuple(split_list(place.frais_a_charge)),
        teaches=teaches(place),
    )


# Listed before a nearer place (``search.rank``'s detour): the one thing of the ranking's fit
# that put it there, most telling first (``ahead_line``), said only when the person can use it.
AHEAD = "Plus loin, mais {reason}"
# The same in a numbered list (the chat's), saying than which place, its own distance first:
# « À 400 m, plus loin que le lieu 3, mais … » (never « Plus loin que le lieu 3 (150 m) », read
# as "150 m farther").
AHEAD_THAN = "À {distance}, plus loin que le lieu {number}, mais {reason}"
AHEAD_NEEDS = "fait aussi : {words}"
AHEAD_FRANCE_SERVICES_DEMARCHES = "c'est un France Services : on y fait la démarche avec vous"
AHEAD_LABEL = "propose : {words}"
AHEAD_FREE = "gratuit"
# Put first on its page before a nearer place (``contact``), under the first entry: never « Plus
# loin », read as "the places below are farther" (the tester's Draguignan: 450 m, then 200 m).
AHEAD_FIRST = "Pas le plus proche de la liste, mais {reason}"
# Before a nearer place whose record gives no phone, e-mail, website nor hours (``contact``).
AHEAD_REACH = "on sait comment le joindre et quand y aller"
# A detour the person notices (product decision): at least 500 m AND 25 % farther than the
# nearer place (a place 600 m away before one 450 m away says nothing).
DETOUR_MIN_KM = 0.5
DETOUR_MIN_RATIO = 1.25


def _france_services(place: Row) -> bool:
    programmes = split_list(place.dispositif_programmes_nationaux)
    return "France Services" in programmes or "RFS" in split_list(place.typologie)


def noticeable_detour(distance_km: float, nearer_km: float) -> bool:
    """Whether a place ``distance_km`` away, listed before one ``nearer_km`` away (distances as
    shown), is a detour the person notices (``DETOUR_MIN_KM`` and ``DETOUR_MIN_RATIO``)."""
    return (
        distance_km - nearer_km >= DETOUR_MIN_KM - 1e-9
        and distance_km >= DETOUR_MIN_RATIO * nearer_km - 1e-9
    )


def comparable(place: Row, nearer: Row, needs: tuple[str, ...]) -> bool:
    """Whether ``place`` can be said to be worth the detour against ``nearer``: the nearer place
    does no need asked that ``place`` does not (a place for another need answers another
    question: the CAF desk is not "farther" than a computer class)."""
    services, other = split_list(place.services), split_list(nearer.services)
    return not any(n in other and n not in services for n in needs)


def ahead_line(
    place: Row,
    fit: Fit,
    nearer: Row,
    nearer_fit: Fit,
    needs: tuple[str, ...],
    preferred: tuple[str, ...] = (),
    *,
    distance_km: float | None = None,
    nearer_km: float | None = None,
    seen: tuple[SearchResult, ...] = (),
) -> str | None:
    """Why ``place`` is listed before ``nearer``, a place nearer to the person: what the
    ranking's fit (``plan.fit_of`` of their scores, which ``rank.weight`` counts as a detour)
    gives it more — a need asked that the nearer one does not do, a record that clearly does
    digital mediation against one that says little, a finer label asked for, known free. None
    when its fit is no better (it is ahead for another reason: a bus's best stop, a tie), when
    the detour is not one the person notices (``noticeable_detour``, distances given), or when
    the nearer place does a need asked that ``place`` does not (they answer different needs:
    no comparison). "France Services" alone is no reason: it is one ("on y fait la démarche
    avec vous") when a procedure is asked; else a clear record against one saying little.
    Never for a place whose record gives only an address (``fit.reach`` 0: no phone, e-mail,
    website, booking link nor hours): nobody should go out of their way for it.
    A reason is something ``place`` has AND every nearer place the person sees lacks (``seen``:
    the entries as read, the compared one's door included): a need one of them also does, a
    France Services when one of them is one, is no reason. A clearer record alone is none: the
    person reads the nearer place as digital help too (the tester's Amiens, Douai, Nancy)."""
    if not fit.reach:
        return None
    if (
        distance_km is not None
        and nearer_km is not None
        and not noticeable_detour(distance_km, nearer_km)
    ):
        return None
    if not comparable(place, nearer, needs):
        return None
    services, other = split_list(place.services), split_list(nearer.services)
    done = set(other) | {s for result in seen for s in result.services}
    seen_france_services = _france_services(nearer) or any(
        "France Services" in result.labels for result in seen
    )
    reason = None
    if fit.needs > nearer_fit.needs:
        more = [n for n in needs if n in services and n not in done]
        if more:
            words = [_SERVICE_WORDS.get(n, n.lower()) for n in more]
            reason = AHEAD_NEEDS.format(words=", ".join(words))
    if (
        reason is None
        and fit.clear > nearer_fit.clear
        and _france_services(place)
        and labels.DEMARCHES in needs
        and not seen_france_services
        and not learning(preferred)  # "on y fait la démarche avec vous": not to one who learns
    ):
        reason = AHEAD_FRANCE_SERVICES_DEMARCHES
    if reason is None and fit.labels > nearer_fit.labels:
        origin, other = split_list(place.services_origine), split_list(nearer.services_origine)
        words = [
            _ORIGIN_WORDS[label]
            for label in preferred
            if label in origin and label not in other and label in _ORIGIN_WORDS
            and not any(_ORIGIN_WORDS[label] in (result.why or "") for result in seen)
        ]  # fmt: skip
        if words:
            reason = (
                words[0] if words[0].startswith("fait ") else AHEAD_LABEL.format(words=words[0])
            )
    if reason is None and fit.free > nearer_fit.free:
        reason = AHEAD_FREE
    return AHEAD.format(reason=reason) if reason else None


def first_item(value: str | None) -> str | None:
    values = split_list(value)
    return values[0] if values else None


def explain(
    place: Row,
    needs: tuple[str, ...],
    *,
    on_my_behalf: bool = False,
    free_only: bool = False,
    preferred: tuple[str, ...] = (),
) -> str:
    """Why this place: in plain words, from its facts ("aide pour vos papiers en ligne, gratuit,
    France Services"). Where it is (distance, address) is not a reason: channels show it. A finer
    (1.0) label of the place is named only when it is the one asked for (``preferred``): a place
    matched for "a computer" is not explained by the smartphone lessons it also gives."""
    services = split_list(place.services)
    origin = split_list(place.services_origine)
    asked = [s for s in needs if s in services] or services[:2]
    parts: list[str] = []
    for service in asked:
        finer = [
            words
            for label, words in _ORIGIN_WORDS.items()
            if label in origin
            and labels.SERVICES_V1_TO_CURRENT.get(label) == service
            and (not preferred or label in preferred)
        ]
        shared = [
            words
            for label, words in _SHARED_SERVICE_WORDS.items()
            if label in preferred and labels.SERVICES_V1_TO_CURRENT.get(label) == service
        ]
        parts.append((finer or shared or [_SERVICE_WORDS.get(service, service.lower())])[0])
    programmes = split_list(place.dispositif_programmes_nationaux)
    modalities = split_list(place.modalites_accompagnement)
    if learning(preferred):
        # who learns is told what the place teaches, never that it does it for them
        if teaches(place) and labels.DEMARCHES in services:  # instead of "aide pour vos papiers…"
            parts = [TEACHES_WORDS] + [p for p in parts if p != _SERVICE_WORDS[labels.DEMARCHES]]
    elif AIDANTS_CONNECT in programmes:
        parts.append(f"{ON_MY_BEHALF_WORDS} (Aidants Connect)")
    elif ON_MY_BEHALF in modalities and (on_my_behalf or labels.DEMARCHES in asked):
        parts.append(ON_MY_BEHALF_WORDS)
    free = _free(place.frais_a_charge)
    if free:
        fees = split_list(place.frais_a_charge)
        parts.append(FEE_WORDS[0] if "Gratuit" in fees else FEE_WORDS[1])
    elif free is None and free_only:
        parts.append(FEE_WORDS[2])
    if "France Services" in programmes or "RFS" in split_list(place.typologie):
        parts.append("France Services")
    if place.mobile_nom and not names_its_bus(place.nom, place.mobile_nom):
        parts.append(f"passage du {place.mobile_nom}")
    return ", ".join(dict.fromkeys(parts))


# A stop named as the bus itself ("Bus France services Lélà", "Bus France Services - [Place de
# la poste]", "France services itinérante Pays Ségali - Naucelle"): its address and hours say
# where and when it comes, "passage du …" would have it visit itself.
_MOBILE_NAME = re.compile(r"^bus\b|\bitinerant(?:e|s|es)?\b|\bmobiles?\b")


def names_its_bus(name: str | None, mobile_name: str) -> bool:
    """Whether a stop's ``name`` is already the mobile service's: its name, or a bus's."""
    stop = re.sub(r"[^a-z0-9]+", " ", labels.fold(name or "")).strip()
    bus = re.sub(r"[^a-z0-9]+", " ", labels.fold(mobile_name)).strip()
    return bool(stop) and (bus in stop or bool(_MOBILE_NAME.search(stop)))
