"""Questions about the places just offered that are neither a pick nor a new criterion: "plus
près ?" (these are the nearest), "elle ne peut pas se déplacer" (help at home or by phone),
"c'est gratuit ?" (what each place says of its price), "je comprends pas" (what the list is),
"liste" (the list again, after one place in full).
Pure functions on the message's text; the answers are ``domain.yml`` responses sent by
``actions.after_list.about_places_shown``."""

from __future__ import annotations

import re

from actions import day_part, hours_in_part, ranks, texts
from actions import needs as needs_mod
from actions.message_text import folded_words
from directory_client import display, hours
from directory_client.french_dates import WEEKDAYS

# Short messages only: a longer one says more (a new need, a new town) and is read as a request.
_MAX_WORDS = 10

_NEARER = re.compile(
    r"\b(?:plus (?:pres|proche|proches)|moins loin|trop loin|(?:tres|bien|super|vraiment) loin"
    r"|rien (?:de |d )?(?:plus )?(?:pres|proche))\b"
)
_CANNOT_TRAVEL = re.compile(
    r"\b(?:(?:peu[tx]|peuvent|pouvons|pouvez|arrive|arrivons|peut) (?:pas|plus|meme pas)"
    r" (?:(?:se|me|te|nous|vous) )?(?:deplacer|bouger|sortir|marcher|venir|aller)"
    r"|(?:se|me|te|nous|vous) deplace (?:pas|plus)|(?:pas|plus) (?:de )?voiture|alitee?"
    r"|grabataire|a (?:domicile|la maison)|(?:venir|passer) chez (?:moi|elle|lui|nous|eux)"
    r"|sans (?:me|se) deplacer|sans bouger)\b"
)


def _folded(text: str) -> str:
    return _SMS_WORD.sub(lambda m: _SMS_WORDS[m.group(0)], folded_words(text))


# SMS spellings of the question words ("c koi le tel du 1", "kel numero ?"): read as written out,
# so that every question below reads them.
_SMS_WORDS = {"koi": "quoi", "kwa": "quoi", "kel": "quel", "kelle": "quelle", "kels": "quels",
              "kelles": "quelles"}  # fmt: skip
_SMS_WORD = re.compile(r"\b(?:" + "|".join(_SMS_WORDS) + r")\b")


def _short(folded: str) -> bool:
    return 0 < len(folded.split()) <= _MAX_WORDS


# A reason said before the question ("je n'ai pas de voiture, il y a plus près ?", "je suis à
# pied donc c'est trop loin"): the question is the last part, read alone; the whole no longer.
_MAX_WITH_REASON = 25
_PARTS = re.compile(r"[,;:.!]+|\s(?:donc|alors|du coup|mais|et)\s", re.IGNORECASE)


def asked_last(text: str) -> str:
    """The folded question of a short message, or of the last part of a longer one that gives
    a reason first and asks no new need ("je n'ai pas de voiture, il y a plus près ?" → "il y a
    plus pres"); "" for a longer message that says more."""
    folded = _folded(text)
    if _short(folded):
        return folded
    if len(folded.split()) > _MAX_WITH_REASON or not needs_mod.detect(text).empty:
        return ""
    parts = [p for p in _PARTS.split(text) if _folded(p)]
    return _folded(parts[-1]) if len(parts) > 1 else ""


def asks_nearer(text: str) -> bool:
    """ "plus près ?", "c trop loin", "y a rien de plus proche ?", also after a reason ("je n'ai
    pas de voiture, il y a plus près ?": ``asked_last``) (never a distance limit: "1 km max" is
    a criterion)."""
    folded = asked_last(text)
    if not (_short(folded) and _NEARER.search(folded)):
        # "ça ne m'aide pas, c'est trop loin, je n'ai pas de voiture" (round 160's tester): the
        # complaint said among reasons, no new need asked
        said = _folded(text)
        if len(said.split()) > _MAX_WITH_REASON or not needs_mod.detect(text).empty:
            return False
        if not any(_short(_folded(p)) and _NEARER.search(_folded(p)) for p in _PARTS.split(text)):
            return False
    return needs_mod.distance_limit(needs_mod.detect(text).constraints) is None


def asks_about_places(text: str) -> bool:
    """A question people ask on the places shown, never a town's name: their hours ("c'est
    ouvert quand ?", "et le samedi ?"), nearer ones ("plus près ?")."""
    return (
        asks_nearer(text)
        or asks_open_when(text) is not None
        or asks_open_on(text) is not None
        or asks_in_part(text) is not None
    )


def asks_before_places(text: str) -> bool:
    """A question on places not shown yet ("il peut y aller à pied ?", "c'est loin ?", "c'est
    ouvert le samedi ?", "c'est gratuit ?", "faut un rdv ?"), asked while the need is."""
    return (
        asks_the_way(text)
        or asks_about_places(text)
        or asks_price(text)
        or (asks_appointment(text) and "?" in text)
    )


def cannot_travel(text: str) -> bool:
    """ "elle ne peut pas se déplacer", "il est alité", "quelqu'un peut venir chez elle ?" —
    said alone, without a new need."""
    folded = _folded(text)
    return _short(folded) and bool(_CANNOT_TRAVEL.search(folded)) and needs_mod.detect(text).empty


def says_cannot_travel(text: str) -> bool:
    """A reason beside a question on the places ("c'est trop loin, je n'ai pas de voiture")."""
    return bool(_CANNOT_TRAVEL.search(_folded(text)))


# "c'est gratuit ?", "c payant ?", "ça coûte combien ?", "il faut payer ?": a question on the
# price, never the criterion ("seulement les gratuits", "que du gratuit").
_PRICE = re.compile(
    r"\b(?:c(?: est)?|cest|ca|est ce(?: que c est)?|c etait|ce sera|ils sont|elles sont"
    r"|il est|elle est) (?:\w+ )?(?:gratuits?|gratuites?|gratos|payants?|payantes?|cher|chers"
    r"|chere|cheres)\b"
    r"|\b(?:ca |c |cela )?coutes?\b|\bcombien\b|\bprix\b|\btarifs?\b|\bpayer\b"
    r"|^(?:gratuit|payant)s? ?$"
)
_ONLY_FREE = re.compile(r"\b(?:seulement|que|uniquement|juste) (?:les |des |du )?gratuit")


def asks_price(text: str) -> bool:
    """ "c'est gratuit ?", "c payant ?", "ça coûte combien ?", "gratuit ?" alone — without a need
    ("apprendre à payer en ligne" is a request)."""
    folded = _folded(text)
    if not _short(folded) or _ONLY_FREE.search(folded) or not needs_mod.detect(text).empty:
        return False
    if re.fullmatch(r"(?:gratuit|payant)s?", folded) and "?" not in text:
        return False  # "gratuit" alone says the criterion; "gratuit ?" asks
    return bool(_PRICE.search(folded))


# "c'est pour quel âge ?", "à partir de quel âge ?", "c'est pour qui ?", "c'est ouvert aux
# jeunes ?", "il y a un âge minimum ?": whom the places are for, asked of the places shown.
_PUBLIC = re.compile(
    r"\b(?:quel|quels|quelle) ages?\b|\bage (?:minimum|maximum|mini|maxi|limite)\b"
    r"|\b(?:c|c est|cest|est ce|ils sont|elles sont) (?:pour|ouverte?s? aux?|reservee?s? aux?)"
    r" (?:les )?(?:qui|quel public|tout le monde|jeunes|ados|adolescents|enfants|mineurs"
    r"|seniors|personnes agees|retraites)\b"
    r"|\b(?:pour )?quel public\b|\b(?:il y a|y a) (?:une limite d|un) age\b"
)


def asks_public(text: str) -> bool:
    """ "c'est pour quel âge ?", "c'est pour qui ?", "c'est ouvert aux jeunes ?": whom the places
    shown are for — without a need ("un atelier pour les seniors" is a request)."""
    folded = _folded(text)
    if not _short(folded) or not needs_mod.detect(text).empty:
        return False
    return bool(_PUBLIC.search(folded))


# "je comprends pas", "j'ai pas compris", "c'est quoi ça ?": the list is not understood.
_CONFUSED = re.compile(
    r"\bj?(?:comprends?|comprend|capte|pige)(?: (?:pas|rien|plus|toujours pas|mal|pas tout))\b"
    r"|\b(?:pas|rien|mal|toujours pas) (?:tout |bien |trop )?(?:compris|capte|pige)\b"
    r"|\bc(?: est)? quoi (?:ca|cela|ce truc|ces trucs|cette liste|ces lieux|ces adresses"
    r"|tout ca)\b|\bqu est ce que c est\b|\bca veut dire quoi\b|\bje suis perdue?\b"
)


# "je sais pas", "jsp", "euh je sais pas trop" — the whole message: after a list, not knowing
# what to do with it (never a new request from zero).
_DONT_KNOW = re.compile(
    r"(?:(?:euh|ben|bah|bof|ah|oh|hm+|mais) )*(?:(?:moi )?(?:je |j )?(?:ne |n )?"
    r"(?:sais|sait|sai|c?hais|chai)(?: pas| po|pa)|jsp|jsais pas|aucune idee|pas d idee"
    r"|(?:j )?(?:n )?en (?:sais|sai) (?:rien|pas))"
    r"(?: (?:trop|vraiment|du tout|quoi|quoi faire|moi))*"
)


def is_confused(text: str) -> bool:
    """ "je comprends pas", "j'ai pas compris", "c'est quoi ça ?", "je sais pas" — said alone,
    without a need ("je comprends pas comment faire ma déclaration" is a request)."""
    folded = _folded(text)
    return (
        _short(folded)
        and bool(_CONFUSED.search(folded) or _DONT_KNOW.fullmatch(folded))
        and needs_mod.detect(text).empty
    )


def doesnt_know(text: str) -> bool:
    """ "je sais pas", "jsp", "aucune idée", "j'en sais rien" — the whole message."""
    return bool(_DONT_KNOW.fullmatch(_folded(text)))


# "je dois apporter quoi ?", "quels papiers je dois amener ?", "je prends quoi avec moi ?": what to
# bring to the places listed (a question: "?" or a question word).
_BRING = re.compile(
    r"\b(?:apporter|amener|ramener|emmener|apporte|amene|ramene|apportes|amenes"
    r"|prendre avec (?:moi|nous|lui|elle)|prends (?:quoi )?avec (?:moi|nous))\b"
    r"|\bquels? (?:papiers|documents|pieces|justificatifs)\b"
)
_BRING_ASKED = re.compile(r"\b(?:quoi|quels?|quelles?|qu est ce|faut|dois|doit)\b")


# A lack said with the question ("qu'est-ce qu'elle doit ramener si elle a pas de RIB ?"): a
# longer message, still that question.
_MAX_WITH_LACK = 16


def asks_what_to_bring(text: str) -> bool:
    """ "je dois apporter quoi ?", "quels papiers je dois amener ?", "qu'est-ce qu'elle doit
    ramener si elle a pas de RIB ?" — short, naming no procedure of its own ("quels papiers pour
    la CAF ?" is that request)."""
    from actions import bring_said

    folded, found = _folded(text), needs_mod.detect(text)
    words = len(folded.split())
    short = _short(folded) or (bool(bring_said.missing_said(text)) and words <= _MAX_WITH_LACK)
    if not short or found.procedures or set(found.needs) - {"demarches"}:
        return False  # "demarches": the "papiers" to bring
    if re.search(r"\b(?:m|me|nous) (?:apporter|amener|ramener)\b", folded):
        return False  # "pouvez-vous m'apporter …": brought to the person
    return bool(_BRING.search(folded)) and ("?" in text or bool(_BRING_ASKED.search(folded)))


# "et la photo je la fais où ?", "où faire la photo d'identité ?" after a list whose papers ask an
# ID photo with its e-photo code: where that photo is made (a booth, a photographer), never the
# photo workshops of the need "créer avec le numérique".
_PHOTO = re.compile(r"\bphotos?\b")
_ID_PHOTO = re.compile(
    r"\bphotos? d identite\b|\be ?photos?\b|\bphotos? (?:avec|et) (?:le|son|un|leur) code\b"
    r"|\bcode (?:e )?photo\b"
)
_WHERE_HOW = re.compile(r"\b(?:ou|comment|quel endroit|qui|faire|fais|fait|prendre|prend)\b")
_PHOTO_SKILL = re.compile(
    r"\b(?:apprendre|apprend|retoucher|retouche|trier|ranger|transferer|envoyer|partager"
    r"|imprimer|scanner|montage|album|albums|sauvegarder)\b"
)


def asks_id_photo(text: str, bring: list[str]) -> bool:
    """ "et la photo je la fais où ?", "pour la photo comment on fait ?" (after a list whose
    ``bring`` names a photo), "où faire la photo d'identité ?" (whatever the list) — never a
    skill with photos ("et pour retoucher mes photos ?": that need)."""
    folded = _folded(text)
    if not _short(folded) or not _PHOTO.search(folded) or _PHOTO_SKILL.search(folded):
        return False
    about_id = bool(_ID_PHOTO.search(folded)) or any("photo" in b.lower() for b in bring)
    return about_id and ("?" in text or bool(_WHERE_HOW.search(folded)))


# "lequel est ouvert maintenant ?", "il y en a un ouvert en ce moment ?": which place listed is
# open now (a question; "ouverts maintenant" alone asks for such places: a search).
_NOW = r"(?:maintenant|en ce moment|actuellement|tout de suite|la tout de suite)"
_OPEN_NOW = re.compile(
    rf"\b(?:ouvert|ouverte|ouverts|ouvertes|ouvre|ouvrent)\b.*\b{_NOW}\b"
    rf"|\b{_NOW}\b.*\b(?:ouvert|ouverte|ouverts|ouvertes|ouvre|ouvrent)\b"
)
_WHICH = re.compile(
    r"\b(?:lequel|laquelle|lesquels|lesquelles|y en a|est ce|c est|sont ils|est il|est elle"
    r"|ils sont|il est|elle est|quels?|quelles?)\b"
)


def asks_which_open_now(text: str) -> bool:
    """ "lequel est ouvert maintenant ?", "y en a un ouvert en ce moment ?" — never
    "ouverts maintenant" alone (the search for them)."""
    folded = _folded(text)
    return (
        _short(folded)
        and bool(_OPEN_NOW.search(folded))
        and ("?" in text or bool(_WHICH.search(folded)))
        and needs_mod.detect(text).empty
    )


# "liste", "revoir la liste", "retour à la liste": the last list again.
LIST_WORDS = frozenset({"liste", "listes"})
_AROUND_LIST = frozenset({
    "revoir", "voir", "retour", "retourner", "revenir", "remontrer", "remontrez", "remontre",
    "montrer", "montrez", "montre", "redonner", "redonnez", "redonne", "reafficher", "afficher",
    "affichez", "la", "le", "les", "a", "de", "des", "du", "toute", "encore", "nouveau", "svp",
    "stp", "s", "il", "vous", "te", "plait", "moi", "merci", "ok", "oui", "je", "veux",
    "voudrais", "peux", "pouvez", "on", "peut", "lieux", "adresses",
})  # fmt: skip


def asks_list_again(text: str) -> bool:
    """ "liste", "revoir la liste", "retour à la liste svp" (never "envoyez-moi la liste": the
    list to keep)."""
    words = _folded(text).split()
    return (
        0 < len(words) <= 8
        and bool(LIST_WORDS & set(words))
        and all(w in LIST_WORDS or w in _AROUND_LIST for w in words)
    )


# "c'est ouvert le samedi ?", "ils ouvrent le lundi ?", "et le dimanche c'est fermé ?": whether the
# place just shown in full opens that day (a question: "?" or "est-ce").
_OPEN_WORDS = re.compile(r"\b(?:ouvert|ouverte|ouverts|ouvre|ouvrent|ferme|fermee?s?|horaires?)\b")
# The weekdays as people write them, to the day they name (0 Monday … 6 Sunday): the full name
# ("samedi"), its plural ("les samedis") and the three letters it is cut short to ("sam", "dim").
# The one table of day words here, from ``french_dates.WEEKDAYS``.
_DAY_WORDS = {word: n for n, day in enumerate(WEEKDAYS) for word in (day, day + "s", day[:3])}
_CUT_SHORT = frozenset(day[:3] for day in WEEKDAYS)


def _day_words(cut_short: bool) -> str:
    words = sorted((w for w in _DAY_WORDS if (w in _CUT_SHORT) == cut_short), key=len, reverse=True)
    return "(" + "|".join(words) + ")"


_DAY_NAME = re.compile(rf"\b{_day_words(cut_short=False)}\b")
# A day cut short after the open word ("c ouvert le sam ?", "ouvert dim ?"): "mar", "mer" are
# days only there.
_SHORT_DAY = re.compile(
    rf"\b(?:ouvert\w*|ouvre\w*|ferme\w*)(?: le| les| ce)? {_day_words(cut_short=True)}\b"
)
# Said as a question without "?": "c ouvert dimanche", "c'est ouvert le sam"; never "c'est fermé le
# mercredi" (a correction of the hours shown: a report).
_OPEN_FIRST = re.compile(r"^(?:et )?(?:c |c est |ces |cest |est ce |c'est )?ouvert")


def asks_open_on(text: str) -> int | None:
    """The day (0 Monday … 6 Sunday) a short question asks whether a place opens on, else
    None."""
    folded = _folded(text)
    day = _DAY_NAME.search(folded)
    short_day = _SHORT_DAY.search(folded)
    # Without "?", only one day: "ouvert le samedi ou le dimanche" asks for such places (a search).
    one_day = len({_DAY_WORDS[m.group(1)] for m in _DAY_NAME.finditer(folded)}) <= 1
    asks = "?" in text or "est ce" in folded or bool(_OPEN_FIRST.match(folded) and one_day)
    if not (_short(folded) and (day or short_day) and asks and _OPEN_WORDS.search(folded)):
        return None
    if day:
        return _DAY_WORDS[day.group(1)]
    return _DAY_WORDS[short_day.group(1)]


# "c'est ouvert demain ?", "et aujourd'hui ?", "ça ferme à quelle heure ?", "il ouvre à quelle
# heure ?", "jusqu'à quelle heure ?": the hours of a day said relative to today (days from today).
_RELATIVE_DAY = (
    (re.compile(r"\bapres demain\b"), 2),
    (re.compile(r"\bdemain\b"), 1),
    (re.compile(r"\b(?:aujourd hui|aujourdhui|auj|ce soir|ce matin|cet apres midi|cet aprem"
                r"|tout a l heure)\b"), 0),  # "c'est ouvert le soir ?": any evening (asks_in_part)
)  # fmt: skip
_WHAT_TIME = re.compile(
    r"\b(?:a |jusqu a |jusque |de )?quelle heure\b|\bjusqu a quand\b|\bquels? horaires?\b"
    r"|\b(?:ouvre|ouvrent|ferme|ferment|fermer|ouvrir|ouvert|ouverte|ouverts|ouvertes)\b.*\bquand\b"
    r"|\bquand\b.*\b(?:ouvre|ouvrent|ferme|ferment|ouvert|ouverte|ouverts)\b"
)
# "horaires ?", "ok, et leurs horaires ?", "les horaires svp": the hours, the whole message.
_HOURS_ALONE = re.compile(
    r"(?:(?:ok|okay|et|alors|oui|d accord|merci|bon|euh) )*"
    r"(?:(?:et |c est quoi |c quoi |quels sont )?(?:leurs?|les|vos|ses|quels?|quelles?) )?"
    r"horaires?(?: (?:d ouverture|svp|stp|s il vous plait|merci|alors))*"
)
_OPEN_OR_CLOSE = re.compile(
    r"\b(?:ouvert|ouverte|ouverts|ouvertes|ouvre|ouvrent|ouvrir|ferme|fermee?s?|ferment|fermer"
    r"|horaires?)\b"
)
# "faut y aller quand", "on peut y passer quand ?", "quand est-ce que je peux y aller ?": when to
# go is when they are open.
_GO = r"(?:y aller|y passer|y venir|passer|venir|les voir)"
_GO_WHEN = re.compile(
    rf"\b{_GO}(?: \w+)? quand\b"
    r"|\bquand (?:est ce qu |est ce que )?(?:je peux|on peut|je dois|on doit|faut il|il faut"
    rf"|peut on|puis je|dois je)(?: \w+)? {_GO}\b"
)


def asks_open_when(text: str) -> int | None:
    """How many days from today a short question asks a place's hours for ("c'est ouvert demain
    ?": 1; "ça ferme à quelle heure ?", "c'est ouvert aujourd'hui ?": 0), else None (a weekday
    named is ``asks_open_on``)."""
    folded = _folded(text)
    if not _short(folded) or _DAY_NAME.search(folded) or _SAID_WRONG.search(folded):
        return None
    days = next((n for said, n in _RELATIVE_DAY if said.search(folded)), None)
    go_when = bool(_GO_WHEN.search(folded))
    what_time = bool(_WHAT_TIME.search(folded) or _HOURS_ALONE.fullmatch(folded) or go_when)
    if days is None and not what_time:
        return None
    if not (_OPEN_OR_CLOSE.search(folded) or go_when or what_time and len(folded.split()) <= 6):
        return None
    if not (what_time or "?" in text or "est ce" in folded or len(folded.split()) <= 4):
        return None
    return days or 0


# "on peut y aller le matin ?", "je peux passer vers 16h ?": going then is their being open.
_GO_THEN = re.compile(rf"\b{_GO}\b")
# "et le soir après 18h ?", "le matin ?", "et en soirée ?" after a list (often after a day asked
# of it): a part of the day alone, asked — its hours then (the words around it only these).
_PART_ALONE_WORDS = frozenset({
    "et", "le", "la", "l", "les", "en", "au", "a", "apres", "avant", "vers", "des", "partir",
    "de", "du", "plutot", "alors", "sinon", "ou", "ok", "mais", "soir", "soiree", "soirs",
    "matin", "matins", "matinee", "midi", "aprem", "tard", "tot", "h", "heure", "heures", "jusqu",
})  # fmt: skip


def _part_alone(text: str, folded: str) -> bool:
    return "?" in text and all(
        w in _PART_ALONE_WORDS or re.fullmatch(r"\d{1,2}(?:h\d{0,2})?", w) for w in folded.split()
    )


def asks_in_part(text: str) -> day_part.DayPart | None:
    """The part of the day a short question on opening hours asks about, with no day said
    ("c'est ouvert le soir ?", "ils ouvrent le matin ?", "ouvert avant 10h ?", "et le soir après
    18h ?": the part alone), else None."""
    folded = _folded(text)
    part = day_part.asked(folded)
    if part is None or not _short(folded) or _SAID_WRONG.search(folded):
        return None
    if _DAY_NAME.search(folded) or any(said.search(folded) for said, _n in _RELATIVE_DAY):
        return None
    if not (_OPEN_OR_CLOSE.search(folded) or _GO_THEN.search(folded) or _part_alone(text, folded)):
        return None
    if not ("?" in text or "est ce" in folded or _OPEN_FIRST.match(folded)):
        return None
    return part


def when_said(days: int, places: list[dict] = ()) -> tuple[int, str]:
    """The weekday ``days`` from today where the places are (their time zone: it is still
    Sunday evening in Guadeloupe on Monday at 2 h in Paris) and how to say it: "demain
    (mardi)"."""
    from datetime import timedelta

    zone = display.place_zone(places[0]) if places else hours.PARIS
    day = (hours.now_paris().astimezone(zone) + timedelta(days=days)).weekday()
    word = {0: "aujourd'hui", 1: "demain", 2: "après-demain"}[days]
    return day, f"{word} ({WEEKDAYS[day]})"


def when_answer(places: list[dict], shown: dict | None, days: int) -> dict:
    """The hours of that day: for the place shown in full, else for each place of the list."""
    weekday, when = when_said(days, [shown] if shown else places)
    if shown is None:
        return {"response": "utter_places_open_when", "when": when[0].upper() + when[1:],
                "lines": day_lines(places, weekday), "buttons": day_search(weekday)}  # fmt: skip
    times = display.day_hours(shown.get("opening_hours"), weekday)
    if times is None:
        return {"response": "utter_place_when_unknown", "place": shown.get("name"),
                "when": when, "phone": shown.get("phone_text") or shown.get("phone")
                or "pas de numéro dans l'annuaire"}  # fmt: skip
    if times:
        return {"response": "utter_place_open_when", "place": shown.get("name"), "when": when,
                "times": times}  # fmt: skip
    return {"response": "utter_place_closed_when", "place": shown.get("name"), "when": when,
            "hours": " ; ".join(shown.get("hours") or []) or "non connus",
            "buttons": day_search(weekday)}  # fmt: skip


# The words that name a place of the list ("du lieu", "de la première structure", "du premier").
_PLACE_WORD = (
    r"(?:lieux?|structures?|endroits?|accueils?|permanences?|premier|premiere|deuxieme|second"
    r"|seconde|troisieme|dernier|derniere|1er|1ere|2e|3e)"
)
# "vous avez le numéro ?", "ils ont un téléphone ?", "c'est quoi leur numéro ?", "leur tel ?": the
# places' own phone (never "je n'ai pas de téléphone", a need: a question or "leur" is required).
_PHONE = re.compile(r"\b(?:numeros?|num|telephones?|tel|tels|joindre|appeler)\b")
_ABOUT_THEM = re.compile(
    r"\b(?:vous avez|avez vous|ils? ont|elles? ont|ont ils|ont elles|leurs?|son|ses"
    r"|quel|quelle|c(?: est)? quoi|cest quoi|donner|donnez|donne|le numero|un numero|les numeros"
    r"|comment (?:les |le |la )?(?:joindre|appeler))\b"
    # "numéro de téléphone du lieu svp", "le téléphone de la première structure"
    rf"|\b(?:du|de la|de l|des|de ce|de cette) (?:\w+ )?{_PLACE_WORD}\b"
)
_OWN_PHONE = re.compile(
    r"\b(?:(?:mon|ma|mes) |(?:pas|plus|sans) (?:de |d )?(?:un )?)(?:numero|tel|telephone)"
)
# "c'est où exactement ?", "et l'adresse exacte ?", "où c'est ?", "quelle adresse ?"
_ADDRESS = re.compile(
    r"\badresses?\b|\bc(?: est)? ou\b|\bcest ou\b|\bou (?:c est|ca se trouve|se trouve|est ce"
    r"|ils sont|elles? sont|il est|sont ils|exactement)\b|\bou ca\b"
)


# A fact said wrong ("l'adresse du deuxième est fausse", "leur numéro ne marche plus"): a report
# of the place (``report_chat``), not a question about it.
_SAID_WRONG = re.compile(
    r"\b(?:faux|fausse|fausses|erronee?s?|errone|incorrecte?s?|pas (?:le )?bon(?:ne)?s?|plus bon"
    r"|n existe plus|ne marche (?:pas|plus)|ne repond (?:pas|plus)|pas a jour|attribue|se trompe"
    r"|trompe|mauvais(?:e)?)\b"
)


def asks_phone(text: str) -> bool:
    """ "vous avez le numéro ?", "ils ont un téléphone ?", "c'est quoi leur numéro ?", "tel" alone
    (never the person's own phone: "mon téléphone ?", "il a pas de téléphone"; never a report:
    "leur numéro est faux")."""
    folded = _folded(text)
    if _SAID_WRONG.search(folded):
        return False
    if not _short(folded) or not _PHONE.search(folded) or _OWN_PHONE.search(folded):
        return False
    return (
        bool(_ABOUT_THEM.search(folded) or _PHONE_ALONE.fullmatch(folded))
        or ("?" in text and len(folded.split()) <= 3)
    )


# "tel", "tél", "num", "numéro", "le tel svp" alone after a list: the places' phones ("téléphone"
# alone may be the need: learning one's phone).
_PHONE_ALONE = re.compile(
    r"(?:(?:et|ok|alors|euh|le|les|leur|leurs|un|des|vos) )*(?:numeros?|num|tel|tels)"
    r"(?: (?:svp|stp|s il vous plait|merci|please))*"
)


# "adresse mail", "adresse e-mail", "adresse électronique": an e-mail address, never a place's.
_EMAIL_ADDRESS = re.compile(
    r"\badresses? (?:e )?(?:mail|mails|email|electronique|courriel|gmail)\b"
)


def asks_address(text: str) -> bool:
    """ "c'est où exactement ?", "et l'adresse exacte ?", "quelle adresse ?" (never an address
    given: "j'habite 3 rue…", which names a street; never an e-mail address: "besoin adresse
    mail + accès ordi, Nantes centre" is a request)."""
    folded = _folded(text)
    return (
        _short(folded)
        and bool(_ADDRESS.search(folded))
        and not _EMAIL_ADDRESS.search(folded)
        and not re.search(r"\d", folded)
        and not _SAID_WRONG.search(folded)
    )


# "il est où ?", "elle est où ?", "où est-il ?": one place, the one shown in full or the first.
_WHERE_IS_IT = re.compile(r"\b(?:il|elle) est ou\b|\bou (?:est (?:il|elle)|(?:il|elle) est)\b")
# "c'est loin ?", "en bus ?", "y a un bus ?", "comment on y va ?": the way there, which the
# assistant knows only as a distance and an address (no bus lines, no timetables).
_WAY = re.compile(
    r"\bc(?: est)? loin\b|\bcest loin\b|\best ce (?:que c est )?loin\b|\bloin d ici\b"
    r"|\b(?:bus|autocar|tram|tramway|metro|train(?! d)|navette|transports?(?: en commun)?)\b"
    r"|\ba pied\b|\bcomment (?:on )?(?:y aller|s y rendre|y va|j y vais)\b"
    r"|\by (?:aller|va|vais|vas) comment\b"
    r"|\bcombien de (?:temps|km|kilometres?|minutes?)\b"
)
# "il y a un bus pour y aller ?", "je peux m'y rendre en tram ?": the way to the place said with
# "y" (there), a longer question on it.
_THERE = re.compile(r"\b(?:y aller|y va|y vais|y allez|s y rendre|m y rendre|y acceder)\b")


def way_there(one: dict, address: str, from_where: str) -> str:
    """ "c'est loin ?", "il y a un bus pour y aller ?": no bus lines nor timetables, said
    plainly; the place's distance from the search point when known, its address, and its phone
    to ask the way."""
    if one.get("distance_text") and from_where:
        said = texts.text("utter_place_way", place=one.get("name"), distance=one["distance_text"],
                          from_where=from_where, address=address)  # fmt: skip
    else:
        said = texts.text("utter_place_way_unknown", place=one.get("name"), address=address)
    phone = one.get("phone_text") or one.get("phone")
    return f"{said} {texts.text('utter_place_way_call', phone=phone)}" if phone else said


def asks_where_it_is(text: str) -> bool:
    """ "il est où ?", "elle est où ?": the address of one place."""
    folded = _folded(text)
    return _short(folded) and len(folded.split()) <= 5 and bool(_WHERE_IS_IT.search(folded))


def asks_the_way(text: str) -> bool:
    """ "c'est loin ?", "en bus ?", "on y va comment ?" — said alone, without a need or a
    report ("trop loin", "plus près": ``asks_nearer``)."""
    folded = _folded(text)
    return (
        _short(folded)
        and (len(folded.split()) <= 6 or bool(_THERE.search(folded)))
        and bool(_WAY.search(folded))
        and not _NEARER.search(folded)
        and needs_mod.detect(text).empty
    )


# "il faut prendre rendez-vous ?", "c'est sur rendez-vous ?", "on peut y aller sans rdv ?": a
# question on the place's appointments (never "prévenez-les que je viens", a referral).
_APPOINTMENT = re.compile(r"\b(?:rendez vous|rdv|rendezvous|rendez vou)\b")
_APPOINTMENT_ASKED = re.compile(
    r"\b(?:faut|faudra|faudrait|doit|dois|besoin|sur|sans|prendre|prend|prennent|obligatoire"
    r"|necessaire|avec ou sans)\b"
)


def asks_appointment(text: str) -> bool:
    """ "il faut prendre rendez-vous ?", "c'est sur rdv ?", "sans rendez-vous ?"."""
    folded = _folded(text)
    return (
        _short(folded)
        and bool(_APPOINTMENT.search(folded))
        and ("?" in text or "est ce" in folded or bool(_APPOINTMENT_ASKED.search(folded)))
        and not re.search(r"\b(?:prevenir|prevenez|previens|dites leur|dire que)\b", folded)
    )


def appointment_answer(one: dict) -> dict:
    """From the place's own record: its appointment link when it has one, else its phone to ask."""
    phone = one.get("phone_text") or one.get("phone")
    if one.get("appointment_url"):
        return {"response": "utter_place_appointment_online", "place": one.get("name"),
                "url": one["appointment_url"],
                "phone": phone or "pas de numéro dans l'annuaire"}  # fmt: skip
    if phone:
        return {"response": "utter_place_appointment_call", "place": one.get("name"),
                "phone": phone}  # fmt: skip
    return {"response": "utter_place_appointment_go", "place": one.get("name"),
            "address": one.get("address") or "adresse non précisée"}  # fmt: skip


def appointment_lines(places: list[dict]) -> str:
    """Each place's appointments, one a line, numbered as in the list: its booking link, else its
    number to ask, else its address ("2. CCAS : non précisé, appelez le 03 20 …")."""
    lines = []
    for i, p in enumerate(places, 1):
        phone = p.get("phone_text") or p.get("phone")
        if p.get("appointment_url"):
            said = f"rendez-vous en ligne : {p['appointment_url']}"
        elif phone:
            said = f"non précisé, appelez le {phone}"
        else:
            said = f"non précisé, passez demander : {p.get('address') or 'adresse non précisée'}"
        lines.append(f"{p.get('number', i)}. {p.get('name') or 'Lieu'} : {said}")
    return "\n".join(lines)


_NEAREST = re.compile(r"\b(?:le|la|les) plus (?:proche|proches|pres)\b")


def place_meant(text: str, places: list[dict]) -> dict | None:
    """The one place of the list a question names by its rank ("de la première structure", "du
    2", "du dernier") or as the nearest ("du lieu le plus proche": the shortest distance), else
    None (the question is on them all)."""
    folded = _folded(text)
    if not places:
        return None
    if _NEAREST.search(folded):
        known = [p for p in places if p.get("distance_km") is not None]
        return min(known, key=lambda p: p["distance_km"]) if known else places[0]
    if re.search(r"\b(?:dernier|derniere)\b", folded):
        return places[-1]
    rank = ranks.rank_in(folded)
    if rank is None:
        return None
    return next((p for p in places if p.get("number") == rank), None) or (
        places[rank - 1] if rank <= len(places) else None
    )


def phone_lines(places: list[dict]) -> str:
    """Each place's number, one a line, numbered as in the list: "1. France Services : 03 20 …",
    "2. CCAS : pas de numéro dans l'annuaire"."""
    return "\n".join(
        f"{p.get('number', i)}. {p.get('name') or 'Lieu'} : "
        + (p.get("phone_text") or p.get("phone") or "pas de numéro dans l'annuaire")
        for i, p in enumerate(places, 1)
    )


def address_lines(places: list[dict]) -> str:
    """Each place's address, one a line, numbered as in the list."""
    return "\n".join(
        f"{p.get('number', i)}. {p.get('name') or 'Lieu'} : "
        + (p.get("address") or "adresse non précisée")
        for i, p in enumerate(places, 1)
    )


def day_lines(places: list[dict], weekday: int) -> str:
    """Whether each place opens that day, one a line, numbered as in the list: "1. CCAS : 9 h–12 h",
    "2. Médiathèque : fermé", "3. … : horaires non connus"."""
    lines = []
    for i, p in enumerate(places, 1):
        times = display.day_hours(p.get("opening_hours"), weekday)
        said = "horaires non connus" if times is None else (times or "fermé")
        lines.append(f"{p.get('number', i)}. {p.get('name') or 'Lieu'} : {said}")
    return "\n".join(lines)


# "y a des cours en groupe ?", "ils font des ateliers collectifs ?": group workshops, which the
# list does not carry (the directory's ``modalites_accompagnement`` is not in the payload).
_GROUP = re.compile(
    r"\b(?:cours|ateliers?|formations?|seances?|stages?|sessions?)\b.*"
    r"\b(?:en groupe|de groupe|collecti(?:f|fs|ve|ves)|a plusieurs|avec d autres)\b"
)


def asks_group_workshops(text: str) -> bool:
    """ "y a des cours en groupe ?", "ils font des ateliers collectifs ?" (after a list)."""
    folded = _folded(text)
    return _short(folded) and bool(_GROUP.search(folded))


def facts(
    text: str, places: list[dict], shown: dict | None, from_where: str = ""
) -> dict | None:
    """The answer to a question on the places' phone, address, appointments or hours on a day,
    from the last search's own data: for the place just shown in full (``shown``), or the one
    the question names ("le 1 c'est ouvert le samedi ?", "l'adresse du premier", "le tel du
    lieu le plus proche": ``place_meant``), else for each place of the list, numbered; "il est
    où ?", "c'est loin ?", "en bus ?": for that place or the first one, its address (and its
    distance ``from_where`` the search point: "de Gap (05)"). The ``utter_message`` arguments
    (a ``domain.yml`` response and its values), or None when the message asks none of those."""
    day = asks_open_on(text)
    meant = shown or place_meant(text, places)
    one = meant or (places[0] if places else None)
    if one is not None and (asks_where_it_is(text) or asks_the_way(text)):
        address = one.get("address") or "adresse non précisée"
        if not asks_the_way(text):
            return {"response": "utter_place_address", "place": one.get("name"),
                    "address": address}  # fmt: skip
        return {"text": way_there(one, address, from_where)}
    if one is not None and asks_appointment(text):
        if meant is None and len(places) > 1:  # each place listed, from its own record
            return {"response": "utter_places_appointments",
                    "lines": appointment_lines(places)}  # fmt: skip
        return appointment_answer(one)
    if asks_phone(text):
        if meant is None:
            return {"response": "utter_places_phones", "phones": phone_lines(places)}
        if meant.get("phone_text") or meant.get("phone"):
            phone = meant.get("phone_text") or meant.get("phone")
            return {"response": "utter_place_phone", "place": meant.get("name"), "phone": phone}
        return {"response": "utter_place_no_phone", "place": meant.get("name"),
                "address": meant.get("address") or ""}  # fmt: skip
    if asks_group_workshops(text):  # not known from the list: said so, and whom to call
        return {"response": "utter_places_workshops_unknown",
                "phones": phone_lines([shown] if shown else places)}  # fmt: skip
    if asks_address(text):
        if meant is None:
            return {"response": "utter_places_addresses", "addresses": address_lines(places)}
        return {"response": "utter_place_address", "place": meant.get("name"),
                "address": meant.get("address") or "adresse non précisée"}  # fmt: skip
    days = asks_open_when(text)
    part = day_part.asked(_folded(text)) if days is not None or day is not None else None
    if part is not None:  # "c'est ouvert jeudi matin ?", "demain à 9h ?"
        weekday = when_said(days, [meant] if meant else places)[0] if days is not None else day
        if meant is None:
            return hours_in_part.list_on_day(places, weekday, days, part)
        return hours_in_part.on_day(meant, weekday, days, part)
    if days is not None:
        return when_answer(places, meant, days)
    part = asks_in_part(text)
    if part is not None:  # "c'est ouvert le soir ?": the days it opens then
        if meant is None:
            return hours_in_part.list_in_week(places, part)
        return hours_in_part.in_week(meant, part)
    if day is not None:
        if meant is None:
            asked = {"day": WEEKDAYS[day], "lines": day_lines(places, day)}
            offer = day_offer(places, day)
            if not offer:
                return {"response": "utter_places_open_on_day", **asked,
                        "buttons": day_search(day)}  # fmt: skip
            said = texts.text("utter_places_open_on_day", **asked)  # and the offer in words
            return {"text": f"{said}\n\n{offer}", "buttons": day_search(day)}
        return day_answer(meant, day)
    return None


def day_answer(place: dict, weekday: int) -> dict:
    """Whether ``place`` opens on that day, from its hours ("Non, … n'est pas ouvert le samedi.
    Ses horaires : …"), with the search on that day as a button when there is one; its hours
    unknown, said so (call before going)."""
    times = display.day_hours(place.get("opening_hours"), weekday)
    day = WEEKDAYS[weekday]
    if times is None:
        return {"response": "utter_place_day_unknown", "place": place.get("name"), "day": day}
    if times:
        return {"response": "utter_place_open_on_day", "place": place.get("name"), "day": day,
                "times": times, "buttons": day_search(weekday)}  # fmt: skip
    return {"response": "utter_place_closed_on_day", "place": place.get("name"), "day": day,
            "hours": " ; ".join(place.get("hours") or []),
            "buttons": day_search(weekday)}  # fmt: skip


def day_offer(places: list[dict], weekday: int) -> str:
    """When no place listed is known to open that day, the search for those that do, offered in
    words (SMS shows no button): "Voulez-vous les lieux ouverts le samedi ? Répondez « samedi
    »."; "" otherwise."""
    day = WEEKDAYS[weekday]
    if day not in needs_mod.DAYS or any(display.day_hours(p.get("opening_hours"), weekday)
                                        for p in places):  # fmt: skip
        return ""
    return texts.text("utter_search_offer", which=needs_mod.CONSTRAINT_PLAIN[day], reply=day)


def day_search(weekday: int) -> list[dict]:
    """The search for the places open that day, as a button ("Les lieux ouverts le samedi")."""
    day = WEEKDAYS[weekday]
    if day not in needs_mod.DAYS:
        return []
    return [{"title": f"Les lieux {needs_mod.CONSTRAINT_PLAIN[day]}",
             "payload": f'/inform{{"constraint": "{day}"}}'}]  # fmt: skip
