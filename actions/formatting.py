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
from actions.search_run import WHEELCHAIR
from directory_client import display, labels
from directory_client.departements import located_in
from directory_client.search.explain import service_words
from directory_client.text import fold

HELPLINE_NAME = labels.HELPLINE["name"]
HELPLINE_PHONE = labels.HELPLINE["phone"]
HELPLINE_TEXT = texts.text(
    "utter_helpline", helpline_name=HELPLINE_NAME, helpline_phone=HELPLINE_PHONE
)

# The helpline said first, with nothing before it ("Vous pouvez appeler …", never "aussi"), and
# from overseas with the time its days are counted in (the line answers on Paris time).
HELPLINE_FIRST = HELPLINE_TEXT.replace("pouvez aussi appeler", "pouvez appeler", 1)
HELPLINE_FROM_AFAR = HELPLINE_FIRST.replace("18 h)", "18 h, aux heures de Paris)", 1)

# "de" + the article of a commune's name, as the gazetteer writes it ("Le Havre", "Les Mureaux").
def near(location: dict | None, results: Any = ()) -> str:
    """Where the places are, in a sentence: "près de Roubaix", "près d'Angoulême", "près du
    Havre", "près des Mureaux", "près de La Rochelle" (``display.of_place``); a department with its
    preposition and article ("dans le Nord", "en Gironde", "à La Réunion":
    ``departements.located_in``); "près de chez vous"; "entre Niort et La Rochelle, près de
    Surgères (17)" when searched half-way between two towns; "près des Minguettes, à Vénissieux
    (69)" from a district's point.
    ``results``: the places found; one outside the département said makes it "dans la Creuse et
    alentour", never "dans la Creuse" for a place of the Allier (the search runs from the
    département's centre; its own places come first, ``search_run._departement_first``)."""
    location = location or {}
    if location.get("kind") == "departement" and location.get("departement"):
        from directory_client.importer.fields import departement as departement_of

        said = located_in(location["departement"])
        outside = any(departement_of(None, getattr(r, "code_postal", None))
                      not in (None, location["departement"]) for r in results)  # fmt: skip
        return f"{said} et alentour" if outside else said
    where = location.get("label") or location.get("commune") or "chez vous"
    if location.get("district"):  # searched from a district's point (location_reply.districts)
        return "près " + display.of_place(location["district"]) + ", " + display.at_place(where)
    if location.get("between"):  # searched half-way (location_reply.halfway)
        return f"entre {location['between']}, près " + display.of_place(where)
    return "près " + display.of_place(where)


def nearest_from(location: dict | None) -> str:
    """From where the distances are counted, after "les plus proches": "de Bordeaux (33)",
    "de votre position", "dans le Nord"."""
    location = location or {}
    if location.get("kind") == "departement" and location.get("departement"):
        return located_in(location["departement"])
    return display.of_place(location.get("label") or location.get("commune") or "chez vous")


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
    9 h"); and the place's ``lat``/``lon``, ``appointment_url``, ``website``, ``email`` (its
    public address, from the directory's ``courriels``), ``mobile_service``,
    ``fees`` (what it says of its price: ``display.fee_text`` writes it), ``same_desk`` (a bus
    and its fixed desk both listed: which it is, ``search.doors.said_apart``).
    ``None`` (or ``[]``) when the directory does not know."""
    return {
        **result.to_payload(),
        "number": number,
        "distance_text": (display.place_distance_text(result.distance_km, result.lat, result.lon)
                          or None) if show_distance else None,
        "phone_text": display.phone_text(result.phone) or None,
        "tel": display.tel_uri(result.phone),
        "hours": display.hours_lines(result.opening_hours),
        "lat": result.lat,
        "lon": result.lon,
        "appointment_url": result.appointment_url,
        "website": result.website,
        "email": getattr(result, "email", None),
        "opening_text": result.opening.text,
        "mobile_service": result.mobile_service,
        "fees": list(result.fees),
        "same_desk": getattr(result, "same_desk", None),
    }


def recommendation_payload(
    need_labels: list[str] | tuple[str, ...],
    location: dict | None,
    filters: dict | None,
    results: list[dict],
    **extra: Any,
) -> dict:
    """The contract of every message that recommends places (see docs/payload.md). ``apart``
    (extra): which place does which need, as structure ({"what", "service"} a need each: the
    places whose ``services`` hold it do it; ``need_cover.apart``)."""
    body = {
        "type": "recommendation",
        "need": list(need_labels),
        "location": location_payload(location),
        "filters": dict(filters or {}),
        "results": list(results),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return {"orienteur": body}


def asked_payload(need_keys: list[str]) -> list[dict]:
    """The needs asked as the text says them, each with its label of the standard (``need``)
    and the finer 1.0 labels that fit it best, from the one catalogue (``needs.NEEDS``): a
    business is « créer ou gérer votre entreprise ou votre association », filed by the standard
    under « Insertion professionnelle via le numérique » (1.0: « Créer et développer mon
    entreprise »), never two truths (tester t207, defect 13)."""
    asked = [needs_mod.NEEDS[k] for k in need_keys if k in needs_mod.NEEDS]
    return [{"what": n.purpose, "service": n.service, "labels": list(n.preferred)} for n in asked]


# Needs a named procedure says better ("vos démarches avec les impôts").
_PROCEDURE_NEEDS = frozenset({"demarches", "demarches_autonomie", "sante"})


def closest_phrase(need_keys: list[str]) -> str:
    """The need's closest service searched beside general help when no place near announces it
    (``needs.help_instead``), as "pour …" says it ("faire vos démarches en ligne avec
    quelqu'un"); empty when general help alone is searched."""
    closest = [k for k in needs_mod.help_instead(need_keys) if k != needs_mod.GENERAL_HELP]
    return need_phrase(closest, None) if closest else ""


def need_phrase(need_keys: list[str], procedure: str | list[str] | None) -> str:
    """What the places are for, after "pour": "vos démarches avec les impôts", "apprendre à vous
    servir d'un ordinateur", two needs joined by "et" ("vos démarches avec les impôts et un
    ordinateur ou un téléphone à petit prix"). A need of papers other than the procedure's own
    is named beside it ("vos démarches avec la CAF … et vos démarches de santé"). Several
    procedures named are each said ("ma carte grise + mon compte impots": the carte grise and
    the impôts, tester t181 b12), two at most."""
    named = [p for p in ([procedure] if isinstance(procedure, str) else procedure or [])
             if p in needs_mod.PROCEDURES][:2]  # fmt: skip
    own = {_papers_kind(needs_mod.PROCEDURES[p].need) for p in named}
    phrases = [
        needs_mod.NEEDS[k].purpose
        for k in need_keys
        if k in needs_mod.NEEDS and not (k in _PROCEDURE_NEEDS and _papers_kind(k) in own)
    ]
    phrases[:0] = list(dict.fromkeys(needs_mod.PROCEDURES[p].purpose for p in named))
    if not phrases:
        return "votre besoin"
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " et " + phrases[-1]


def _papers_kind(need_key: str) -> str:
    """Health papers or the others (with someone or learnt alone)."""
    return "sante" if need_key == "sante" else "demarches"


def bring_items(procedures: list[str]) -> list[str]:
    """What to bring for the procedures, each item once, in order."""
    items: list[str] = []
    for key in procedures:
        proc = needs_mod.PROCEDURES.get(key)
        for item in proc.bring if proc else ():
            if item not in items:
                items.append(item)
    return items


def bring_where(
    procedures: list[str], need_keys: list[str], results: list[dict]
) -> tuple[list[str], list[int] | None]:
    """The procedures whose what-to-bring goes with these places: those some place listed does
    (its ``services`` in the payload: Angoulême, carte grise + internet, the places teaching
    internet only get no carte grise documents), and the numbers of the places that do them,
    None when every place does (or no place is listed: nothing to say it against)."""
    if not results:
        return list(procedures), None
    searched = {needs_mod.NEEDS[k].service for k in need_keys
                if k in _PROCEDURE_NEEDS and k in needs_mod.NEEDS}  # fmt: skip
    kept: list[str] = []
    numbers: set[int] = set()
    for key in procedures:
        proc = needs_mod.PROCEDURES.get(key)
        services = searched | ({needs_mod.NEEDS[proc.need].service} if proc else set())
        doing = [r["number"] for r in results if services & set(r.get("services") or ())]
        if doing:
            kept.append(key)
            numbers.update(doing)
    every = numbers == {r["number"] for r in results}
    return kept, (None if every or not kept else sorted(numbers))


def bring_for(procedures: list[str], numbers: list[int]) -> str:
    """Whom what to bring is for, when not every place listed does the procedure: "Pour vos
    démarches avec l'ANTS (carte grise), au lieu 3" ("aux lieux 1 et 3")."""
    said = [str(n) for n in numbers]
    where = (f"au lieu {said[0]}" if len(said) == 1
             else "aux lieux " + ", ".join(said[:-1]) + " et " + said[-1])  # fmt: skip
    return f"Pour {procedures_phrase(procedures)}, {where}"


_WITH = "vos démarches avec "


def procedures_phrase(procedures: list[str]) -> str:
    """What procedures are for, after "pour" (``Procedure.purpose``): "vos démarches de
    retraite"; several joined, "vos démarches avec" said once ("vos démarches avec l'ANTS
    (carte grise) et les impôts", "vos papiers (…) et vos démarches de retraite")."""
    said = [needs_mod.PROCEDURES[k].purpose for k in procedures if k in needs_mod.PROCEDURES]
    joined = said[:1]
    for before, phrase in zip(said, said[1:], strict=False):
        both = before.startswith(_WITH) and phrase.startswith(_WITH)
        joined.append(phrase[len(_WITH) :] if both else phrase)
    return " et ".join(joined)


def filters_phrase(constraints: list[str], after_need: bool = False) -> str:
    """`` (gratuits, à moins de 2 km)``: the criteria kept, as the person reads them; after a
    need's words (``after_need``: "pour un endroit avec internet") they say whose they are,
    `` (lieux gratuits)``, never read as the need's."""
    # A care is not a criterion every place listed meets: those that declare it come first, the
    # others near follow (search_run.cares_asked), and the care's note says which.
    words = [w for c in constraints if c != WHEELCHAIR and (w := needs_mod.constraint_plain(c))]
    lead = "lieux " if after_need else ""
    return (" (" + lead + ", ".join(words) + ")") if words else ""


def for_need(what: str, constraints: list[str]) -> str:
    """The need's words and the criteria kept: "un endroit avec internet (lieux gratuits)"; after
    words that end in brackets themselves, never a second pair: "vos démarches avec la CAF (RSA,
    APL, prime d'activité…), parmi les lieux ouverts le samedi"."""
    phrase = filters_phrase(constraints, after_need=True)
    if phrase and what.rstrip().endswith(")"):
        return f"{what.rstrip()}, parmi les {phrase.strip()[1:-1]}"
    return f"{what}{phrase}"


def nearer_doing_else(name: str, distance_km: float) -> str:
    """After "Il n'y a pas de lieu plus près…": the nearer place the directory says does
    something else (``search_run.nearer_doing_else``), in one sentence."""
    return (f"Plus près, à {display.distance_text(distance_km)}, « {name} » ne propose pas "
            "cette aide d'après l'annuaire.")  # fmt: skip


def general_help_nearer(name: str, distance_km: float, services: tuple[str, ...] = ()) -> str:
    """After "À Arles même, aucun lieu ne vous aide pour …": a place in the town
    (``search_run.general_help_in_town``), that can help or redirect, in one sentence: of
    general digital help, or what it does by its ``services`` when it is not."""
    near = f"Plus près, à {display.distance_text(distance_km)}, « {display.place_name(name)} »"
    if not services or labels.OUTILS_QUOTIDIEN in services:
        return f"{near} aide au numérique en général : on pourra vous y aider ou vous orienter."
    does = ", ".join(service_words(s) for s in services)
    return (f"{near} n'annonce pas cette aide mais propose : {does}. On pourra vous y aider "
            "ou vous orienter.")  # fmt: skip


def none_in_town(
    in_town: str, what: str, constraints: list[str], nearest_km: str, count: int,
    lead: str = "aucun lieu", *, town_named: bool = True, for_them: bool = False,
) -> str:
    """No place in the person's town itself, the nearest ``nearest_km`` off: "À Alès (30) même,
    aucun lieu ne vous aide pour … ; le plus proche est à 11 km. Voici les 3 plus proches :" —
    the town first, never "Il n'y a pas de lieu à Alès même pour …", read as "not even for".
    After a sentence that named the town already (``town_named`` False): "Dans la ville même,
    aucun lieu ne vous aide non plus pour …". For someone else (``for_them``: "pour mon
    père"), no "vous": "aucun lieu n'aide pour apprendre à se servir de son téléphone"."""
    tail = " :" if count == 1 else f". Voici les {count} plus proches :"
    at, also = (display.at_place(in_town), "") if town_named else ("Dans la ville", " non plus")
    helps = "n'aide" if for_them else "ne vous aide"
    return (f"{at} même, {lead} {helps}{also} pour "
            f"{for_need(what, constraints)} ; le plus proche est à {nearest_km}{tail}")  # fmt: skip


def uncovered_sentence(uncovered: str, where: str, end: str = ".") -> str:
    """A need asked that none of the places offers: "Aucun lieu n'annonce précisément « … »
    près de Pau (64)."."""
    return f"Aucun lieu n'annonce précisément « {uncovered} » {where}{end}"


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
    closest: str = "",
    nearest: str | None = None,
    uncovered: str = "",
    nearest_km: str = "",
    in_town: str = "",
    for_them: bool = False,
) -> str:
    """The one or two sentences before the places (the places themselves are in the payload).

    Built here, not in ``domain.yml``: each sentence depends on the count, the page, the filters
    dropped or kept and where (``near``: "près d'Angoulême", "dans le Nord"); ``nearest``
    ("de Roubaix (59)"): the places are the nearest, in strict distance order; ``nearest_km``
    ("86 km"): the distance of the nearest, when all are beyond the search radius or, with
    ``in_town`` ("Arles (13)"), all outside the person's town: "À Arles (13) même, aucun lieu…"
    (``none_in_town``).
    ``uncovered``: a need asked that none of the places offers (``what`` is then the one they
    do), said first as the single-need answer says it. ``closest``: with ``broadened``, the
    need's closest service searched beside general help ("faire vos démarches en ligne avec
    quelqu'un"), named. ``for_them``: the request is for someone else (``none_in_town``)."""
    if uncovered and count and not offset:
        rest = intro_text(count, where=where, what=what, constraints=constraints,
                          relaxed=relaxed, nothing_near=nothing_near, broadened=broadened,
                          nearest=nearest, nearest_km=nearest_km, in_town=in_town,
                          for_them=for_them)
        if in_town and nothing_near and nearest_km:  # two short sentences, the town said once
            none_here = none_in_town(in_town, what, constraints, nearest_km, count,
                                     town_named=False, for_them=for_them)  # fmt: skip
            return f"{uncovered_sentence(uncovered, where)} {none_here}"
        return f"{uncovered_sentence(uncovered, where)} {rest}"
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
    if others and count:
        # "Aucun lieu n'ouvre le dimanche près de Limoges (87) pour … ; voici les plus proches :"
        kept = [c for c in constraints if c not in others]
        missing = needs_mod.constraint_missing(others[0]) if len(others) == 1 else None
        said = (
            f"Aucun lieu {missing} {where} pour {for_need(what, kept)}"
            if missing
            else f"Aucun lieu {where} pour {what} ne répond à tous vos critères"
            + filters_phrase(others)
        )
        if beyond is None:
            nearest = "le plus proche" if count == 1 else "les plus proches"
            return f"{said} ; voici {nearest} :"
        parts.append(f"{said}.")
    if beyond is not None and count:
        # "2 km max" and nothing that near: said plainly, then the nearest with their distance.
        limit = f"à moins de {display.distance_text(beyond)} {where.removeprefix('près ')}"
        parts.append(
            f"Aucun lieu n'est {limit} pour {for_need(what, constraints)}. "
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
        kinds = f"pour {closest} ou d'aide au numérique," if closest else "d'aide au numérique"
        parts.append(
            f"Aucun lieu n'annonce précisément « {what} » {where}. "
            f"Voici des lieux {kinds} qui pourront vous aider ou vous orienter"
            f"{filters_phrase(constraints, after_need=True)} :"
        )
    elif nothing_near and nearest_km:
        # Found only past the search radius, or only outside a town ("à Arles même"): "Le plus
        # proche est à 86 km", never "près de".
        if in_town:
            none_here = none_in_town(in_town, what, constraints, nearest_km, count,
                                     for_them=for_them)
            parts.append(none_here[0].upper() + none_here[1:])
        else:
            nearby = f"tout {where}" if where.startswith("près") else where
            parts.append(
                f"Il n'y a pas de lieu {nearby} pour {for_need(what, constraints)}. "
                f"Le plus proche est à {nearest_km}"
                + (" :" if count == 1 else f" ; voici les {count} plus proches :")
            )
    elif nothing_near:
        nearby = f"tout {where}" if where.startswith("près") else where  # "tout près de Roubaix"
        parts.append(
            f"Il n'y a pas de lieu {nearby}. "
            f"{'Le plus proche' if count == 1 else 'Voici les plus proches'} pour "
            f"{for_need(what, constraints)} :"
        )
    elif offset:
        parts.append(f"Voici d'autres lieux {where}{filters_phrase(constraints)} :")
    elif nearest is not None:
        # "plus près ?": the places in strict distance order (``SearchQuery.nearest_first``).
        first = "Voici le lieu le plus proche" if count == 1 else "Voici les lieux les plus proches"
        parts.append(
            f"{first} {nearest} pour {for_need(what, constraints)}, du plus proche au plus loin :"
        )
    else:
        intro = "Voici le lieu" if count == 1 else f"Voici {count} lieux"
        parts.append(f"{intro} {where} pour {for_need(what, constraints)} :")
    return " ".join(parts)


def apart_intro(count: int, *, where: str, parts: Any, none_both: bool,
                constraints: list[str]) -> str:
    """The introduction of places that do not all do every need asked: which does which
    ("Voici 3 lieux près d'Angoulême (16), aucun ne fait les deux. Pour vos démarches avec la
    MDPH : lieu 1 ; pour un endroit avec internet : lieux 2 et 3.")."""
    intro = "Voici le lieu" if count == 1 else f"Voici {count} lieux"
    both = ", aucun ne fait les deux" if none_both and len(parts) == 2 else (
        ", aucun ne fait tout" if none_both else "")
    return f"{intro} {where}{filters_phrase(constraints)}{both}. {which_said(parts)}"


def which_said(parts: Any) -> str:
    """ "Pour vos démarches avec la MDPH : lieu 1 ; pour un endroit avec internet : lieux 2 et
    3." from (what, "lieu 1") a need each (the SMS numbers them as it lists the places)."""
    return sentence_start(" ; ".join(f"pour {what} : {numbers}" for what, numbers in parts)) + "."


def sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def notes(response: Any, *, constraints: list[str], offset: int, nothing_near: bool) -> list[str]:
    """What follows the places: the directory's notice, Aidants Connect, remote help. (The lines
    for the need or the situation, the 3018 or cybermalveillance.gouv.fr, are the payload's
    ``lines``: ``actions.helplines.remote_lines``.)"""
    out: list[str] = []
    if getattr(response, "notice", None):
        out.append(response.notice)
    if "a_ma_place" in constraints:
        out.append(texts.text("utter_aidants_connect"))
    # Not for a device to buy, which the helpline neither sells nor lends (labels.helpline_helps).
    helpline = labels.helpline_helps(getattr(getattr(response, "query", None), "needs", ()) or ())
    if nothing_near:
        remote = remote_list(getattr(response, "remote_options", ()))
        if remote:
            out.append("À distance : " + remote + ".")
        if HELPLINE_NAME not in remote and helpline:
            out.append(HELPLINE_TEXT)
    elif len(response.results) < 3 and not offset and helpline:
        out.append(HELPLINE_TEXT)
    return out


def helpline_once(notes: list[str]) -> list[str]:
    """The notes after the places with the national helpline said once: its general sentence
    (``HELPLINE_TEXT``) left out when another note already gives its number ("À distance pour
    vous protéger en ligne : Solidarité Numérique : 01 70 77 23 72.")."""
    if not any(HELPLINE_NAME in n for n in notes if n != HELPLINE_TEXT):
        return notes
    return [n for n in notes if n != HELPLINE_TEXT]


def remote_list(options: Any) -> str:
    """Help at a distance, one after the other: "Solidarité Numérique : 01 70 77 23 72 ; …"."""
    return " ; ".join(
        f"{o.name} : {display.phone_text(o.phone)}" if o.phone else o.name for o in options
    )


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


# After one place in full: the list it came from, again (``actions.place_questions``
# reads "liste" whatever the intent; SMS says to answer it: ``bot.channels.render``).
LIST_AGAIN = {"title": "Revoir la liste", "payload": "liste"}


def detail_follow_ups(notify: dict | None) -> list[dict]:
    """After one place in full: tell it the person is coming (when it can be told), the list
    again, another town, a new search."""
    buttons = [notify_button(notify)] if notify is not None else []
    return [*buttons, dict(LIST_AGAIN), *_ELSEWHERE_OR_AGAIN]


def fee_lines(results: list[dict]) -> str:
    """What each place offered says of its price, one line a place: "1. France Services de
    Roubaix : gratuit", "3. CCAS : non précisé, appelez avant" (``display.fee_text``)."""
    return "\n".join(
        f"{place.get('number', i)}. {place.get('name') or 'Lieu'} : "
        + display.fee_text(place.get("fees"), can_call=bool(place.get("phone")))
        for i, place in enumerate(results, 1)
    )


def contact_lines(results: list[dict]) -> str:
    """How to reach each place offered without calling, one line a place, from what the
    directory gives besides a phone: "1. France Services de Pau : e-mail fs@pau.fr ; site
    https://… ; ou sur place aux heures d'ouverture", and plainly when it gives nothing more
    than a phone ("2. CCAS : ni e-mail ni site dans l'annuaire ; sur place, horaires non
    connus")."""
    lines = []
    for i, place in enumerate(results, 1):
        ways = []
        if place.get("email"):
            ways.append(f"e-mail {place['email']}")
        if place.get("website"):
            ways.append(f"site {place['website']}")
        if place.get("appointment_url") and place.get("appointment_url") != place.get("website"):
            ways.append(f"rendez-vous en ligne {place['appointment_url']}")
        on_site = ("sur place aux heures d'ouverture" if place.get("hours")
                   else "sur place (horaires non connus)")  # fmt: skip
        said = (" ; ".join(ways) + f" ; ou {on_site}" if ways
                else f"ni e-mail ni site dans l'annuaire ; {on_site}")  # fmt: skip
        lines.append(f"{place.get('number', i)}. {place.get('name') or 'Lieu'} : {said}")
    return "\n".join(lines)


# What a place's public says when it declares none (the search's rule: such a place welcomes
# everyone, ``directory_client.search.plan``).
PUBLIC_ANY = "tout public (aucun public particulier indiqué)"
_PUBLIC_FAMILIES = ("adulte", "famille", "jeune", "senior", "femme", "etudiant")


def public_text(declared: tuple[str, ...] | list[str], name: str = "") -> str:
    """Whom a place says it is for, from the publics it declares (``Directory.place_publics``):
    "jeunes (16-26 ans), seniors (+ 65 ans)" (of two wordings of one public, the one with the
    ages), no care nor handicap; none declared: the public its kind fixes (a Mission Locale:
    ``search.publics.NAMED_PUBLICS``), else ``PUBLIC_ANY``."""
    from directory_client.search.publics import DECLARED, NAMED_PUBLICS

    kept: dict[str, str] = {}
    for item in declared:
        folded = fold(item).strip()
        family = next((f for f in _PUBLIC_FAMILIES if folded.startswith(f)), None)
        if family is not None and len(item) > len(kept.get(family, "")):
            kept[family] = item.strip()
    if not kept:
        named = [p for pattern, p in NAMED_PUBLICS.items() if pattern in fold(name)]
        kept = {p: p for p in named if p in DECLARED}
    if not kept:
        return PUBLIC_ANY
    return ", ".join(p[:1].lower() + p[1:] for p in kept.values())


def public_lines(results: list[dict], publics_of) -> str:
    """Whom each place offered is for, one line a place: "1. France Services de Mende : tout
    public (aucun public particulier indiqué)", "2. Mission Locale : jeunes (16-26 ans)".
    ``publics_of``: a place's id → the publics it declares."""
    return "\n".join(
        f"{place.get('number', i)}. {place.get('name') or 'Lieu'} : "
        + public_text(publics_of(place.get("id")), place.get("name") or "")
        for i, place in enumerate(results, 1)
    )


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
