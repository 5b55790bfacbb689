"""Messages the person reads, and the custom payload channels read. Pure functions.

Plain French: short sentences, "vous", no label of the standard in the text. Fixed sentences are
``domain.yml`` responses (``actions.texts``); what stays here is computed from the search (the
introduction of a recommendation from its count, need, filters and town, with French elision),
which a response template cannot express.
"""

from __future__ import annotations

import json
from typing import Any

from actions import needs as needs_mod
from actions import texts
from directory_client import display, labels
from directory_client.departements import located_in

HELPLINE_NAME = labels.HELPLINE["name"]
HELPLINE_PHONE = labels.HELPLINE["phone"]
HELPLINE_TEXT = texts.text(
    "utter_helpline", helpline_name=HELPLINE_NAME, helpline_phone=HELPLINE_PHONE
)


# "de" + the article of a commune's name, as the gazetteer writes it ("Le Havre", "Les Mureaux").
_CONTRACTED = {"le": "du", "les": "des"}


def near(location: dict | None) -> str:
    """Where the places are, in a sentence: "près de Roubaix", "près d'Angoulême" (elision
    before a vowel or a mute h), "près du Havre", "près des Mureaux" (contraction with the
    article), "près de La Rochelle"; a department with its preposition and article ("dans le
    Nord", "en Gironde", "à La Réunion": ``departements.located_in``); "près de chez vous"."""
    location = location or {}
    if location.get("kind") == "departement" and location.get("departement"):
        return located_in(location["departement"])
    label = location.get("label") or location.get("commune") or "chez vous"
    article, _, rest = label.partition(" ")
    contracted = _CONTRACTED.get(article.casefold()) if rest else None
    if contracted:
        return f"près {contracted} {rest}"
    first = needs_mod.fold(label[:1])
    return f"près d'{label}" if first in "aeiouyh" and first else f"près de {label}"


def location_payload(location: dict | None) -> dict:
    location = location or {}
    return {
        "commune": location.get("commune") or location.get("label"),
        "code_insee": location.get("code_insee"),
        "code_postal": location.get("code_postal"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
    }


def distance_is_the_persons(location: dict | None) -> bool:
    """Whether the distances of an answer are the person's: not in a département-wide answer
    ("dans le Nord"), measured from the département's centre, where nobody is."""
    return (location or {}).get("kind") != "departement"


def result_payload(result: Any, number: int, *, show_distance: bool = True) -> dict:
    """One ``results`` item: ``SearchResult.to_payload()`` (the contract) plus what every channel
    shows, already written by the one formatter of each kind (``directory_client.display``):
    ``number`` (the place's rank across pages: 4, 5, 6 after "d'autres lieux"),
    ``distance_text`` ("450 m"; None when not ``show_distance``: ``distance_is_the_persons``),
    ``phone_text`` ("03 20 01 08 45"), ``tel`` ("tel:+33…"),
    ``hours`` (the week's hours, one line per rule), ``opening_text`` ("Fermé. Ouvre mardi à
    9 h"); and the place's ``lat``/``lon``, ``appointment_url``, ``website``, ``mobile_service``.
    ``None`` (or ``[]``) when the directory does not know."""
    return {
        **result.to_payload(),
        "number": number,
        "distance_text": (display.distance_text(result.distance_km) or None) if show_distance
        else None,
        "phone_text": display.phone_text(result.phone) or None,
        "tel": display.tel_uri(result.phone),
        "hours": display.hours_lines(result.opening_hours),
        "lat": result.lat,
        "lon": result.lon,
        "appointment_url": result.appointment_url,
        "website": result.website,
        "opening_text": result.opening.text,
        "mobile_service": result.mobile_service,
    }


def recommendation_payload(
    need_labels: list[str] | tuple[str, ...],
    location: dict | None,
    filters: dict | None,
    results: list[dict],
    **extra: Any,
) -> dict:
    """The contract of every message that recommends places (see docs/payload.md)."""
    body = {
        "type": "recommendation",
        "need": list(need_labels),
        "location": location_payload(location),
        "filters": dict(filters or {}),
        "results": list(results),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return {"orienteur": body}


def need_phrase(need_keys: list[str], procedure: str | None) -> str:
    if procedure and procedure in needs_mod.PROCEDURES:
        return f"vos démarches avec {needs_mod.PROCEDURES[procedure].name}"
    phrases = [needs_mod.NEEDS[k].plain for k in need_keys if k in needs_mod.NEEDS]
    if not phrases:
        return "votre besoin"
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " et " + phrases[-1]


def bring_items(procedures: list[str]) -> list[str]:
    """What to bring for the procedures, each item once, in order."""
    items: list[str] = []
    for key in procedures:
        proc = needs_mod.PROCEDURES.get(key)
        for item in proc.bring if proc else ():
            if item not in items:
                items.append(item)
    return items


def filters_phrase(constraints: list[str]) -> str:
    """`` (gratuits, à moins de 2 km)``: the criteria kept, as the person reads them."""
    words = [w for w in map(needs_mod.constraint_plain, constraints) if w]
    return (" (" + ", ".join(words) + ")") if words else ""


def intro_text(
    count: int,
    *,
    where: str,
    what: str,
    constraints: list[str],
    offset: int = 0,
    relaxed: list[str] | None = None,
    nothing_near: bool = False,
    broadened: bool = False,
) -> str:
    """The one or two sentences before the places (the places themselves are in the payload).

    Built here, not in ``domain.yml``: each sentence depends on the count, the page, the filters
    dropped or kept and where (``near``: "près d'Angoulême", "dans le Nord")."""
    parts: list[str] = []
    if relaxed == ["ouvert_maintenant"] and count:
        # Open places only far away (or none): the near ones, each saying when it opens.
        return (
            f"Aucun lieu n'est ouvert en ce moment {where} pour {what}. "
            + ("Le plus proche, et quand il ouvre :" if count == 1
               else "Voici les plus proches, et quand ils ouvrent :")
        )  # fmt: skip
    beyond = needs_mod.distance_limit(relaxed or [])
    others = [c for c in relaxed or [] if not c.startswith(needs_mod.DISTANCE)]
    if others:
        parts.append(
            "Je n'ai rien trouvé"
            + filters_phrase(others)
            + " : voici les lieux les plus proches sans ce critère."
        )
    if beyond is not None and count:
        # "2 km max" and nothing that near: said plainly, then the nearest with their distance.
        limit = f"à moins de {display.distance_text(beyond)} {where.removeprefix('près ')}"
        parts.append(
            f"Aucun lieu n'est {limit} pour {what}{filters_phrase(constraints)}. "
            + ("Le plus proche, avec sa distance :" if count == 1
               else "Voici les plus proches, avec leur distance :")
        )  # fmt: skip
        return " ".join(parts)
    if not count:
        if offset:
            parts.append(f"Je n'ai pas d'autres lieux {where}.")
        else:
            parts.append(f"Je n'ai trouvé aucun lieu pour {what} {where}.")
        parts.append(HELPLINE_TEXT)
    elif broadened and not offset:
        parts.append(
            f"Aucun lieu n'annonce précisément « {what} » {where}. "
            "Voici des lieux d'aide au numérique qui pourront vous aider ou vous orienter"
            f"{filters_phrase(constraints)} :"
        )
    elif nothing_near:
        nearby = f"tout {where}" if where.startswith("près") else where  # "tout près de Roubaix"
        parts.append(
            f"Il n'y a pas de lieu {nearby}. "
            f"{'Le plus proche' if count == 1 else 'Voici les plus proches'} pour {what}"
            f"{filters_phrase(constraints)} :"
        )
    elif offset:
        parts.append(f"Voici d'autres lieux {where}{filters_phrase(constraints)} :")
    else:
        intro = "Voici le lieu" if count == 1 else f"Voici {count} lieux"
        parts.append(f"{intro} {where} pour {what}{filters_phrase(constraints)} :")
    return " ".join(parts)


def notes(response: Any, *, constraints: list[str], offset: int, nothing_near: bool) -> list[str]:
    """What follows the places: the directory's notice, Aidants Connect, remote help."""
    out: list[str] = []
    if getattr(response, "notice", None):
        out.append(response.notice)
    if "a_ma_place" in constraints:
        out.append(texts.text("utter_aidants_connect"))
    if nothing_near:
        remote = [
            f"{o.name} : {display.phone_text(o.phone)}" if o.phone else o.name
            for o in getattr(response, "remote_options", ())
        ]
        if remote:
            out.append("À distance : " + " ; ".join(remote) + ".")
        if not any(HELPLINE_NAME in r for r in remote):
            out.append(HELPLINE_TEXT)
    elif len(response.results) < 3 and not offset:
        out.append(HELPLINE_TEXT)
    return out


def notify_button(place: dict) -> dict:
    """ "Prévenir le lieu n° 2 que je viens", for a place that can be told (``place_rank``: its
    number, which ``actions.referral_chat`` reads)."""
    return {
        "title": f"Prévenir le lieu n° {place['number']} que je viens",
        "payload": "/notify_place" + json.dumps({"place_rank": str(place["number"])}),
    }


def detail_intro(place: dict) -> str:
    """The sentence before one place given in full (``delivery`` ``"detail"``)."""
    return f"Voici le lieu n° {place['number']} en détail :"


def detail_follow_ups(notify: dict | None) -> list[dict]:
    """After one place in full: tell it the person is coming (when it can be told), another
    town, a new search."""
    buttons = [notify_button(notify)] if notify is not None else []
    return buttons + list(_ELSEWHERE_OR_AGAIN)


# The last follow-ups of every answer with places: the same search elsewhere, a new one.
_ELSEWHERE_OR_AGAIN = (
    {"title": "Une autre ville", "payload": "/change_location"},
    {"title": "Recommencer", "payload": "/restart"},
)


def follow_ups(
    *, more: bool, constraints: list[str], learn_alone: bool = False, notify: dict | None = None
) -> list[dict]:
    """What the person can say next, as buttons (channels without buttons number them).
    ``learn_alone``: the places help someone with their procedures; learning to do them alone is
    the other way. ``notify``: the first place shown, when it can be told the person is coming
    ("prévenez-les que je viens" names the first place by default)."""
    buttons = [notify_button(notify)] if notify is not None else []
    if more:
        buttons.append({"title": "D'autres lieux", "payload": "/more_results"})
    if learn_alone:
        buttons.append(
            {"title": "Apprendre à le faire moi-même", "payload": '/inform{"mode": "autonomie"}'}
        )
    if "gratuit" not in constraints:
        buttons.append(
            {"title": "Seulement les gratuits", "payload": '/inform{"constraint": "gratuit"}'}
        )
    for kept in constraints:  # a filter carried over is said, and dropped in one tap
        if needs_mod.constraint_plain(kept):
            buttons.append(
                {
                    "title": f"Sans le critère « {needs_mod.constraint_plain(kept)} »",
                    "payload": f'/inform{{"constraint": "{needs_mod.DROP}{kept}"}}',
                }
            )
    return buttons + list(_ELSEWHERE_OR_AGAIN)
