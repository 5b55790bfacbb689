"""How a place's facts are written for people: the one formatter of each kind.

Every channel (widget, SMS/WhatsApp, Telegram, the console, plain text) shows a distance, a phone
number and opening hours the way these functions write them; the recommendation payload carries
their output (``distance_text``, ``phone_text``, ``tel``, ``hours``) so the web widget does not
format anything itself.
"""

from __future__ import annotations

import math
import re
from datetime import date

from directory_client import commune_point, hours, hours_french, phones
from directory_client.french_dates import WEEKDAYS, french_date, french_time
from directory_client.hours_french import OSM_DAYS
from directory_client.labels import fold
from directory_client.text import tokens

# "Mo" → "lun.", "We" → "mer."…
_DAYS = {code: f"{name[:3]}." for code, name in zip(OSM_DAYS, WEEKDAYS, strict=True)}
_DAY = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b")
_DAYS_THEN_TIME = re.compile(r"^((?:[a-zé]+\.[–, ]*)+) (\d)")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")


_CONTRACTED = {"le": "du", "les": "des"}


def of_place(label: str) -> str:
    """ "de" and a place's name: "de Roubaix", "d'Angoulême" (elision before a vowel or a mute
    h), "du Havre", "des Mureaux" (contraction with the article), "de La Rochelle"."""
    article, _, rest = label.partition(" ")
    contracted = _CONTRACTED.get(article.casefold()) if rest else None
    if contracted:
        return f"{contracted} {rest}"
    first = fold(label[:1])
    return f"d'{label}" if first in "aeiouyh" and first else f"de {label}"


_CONTRACTED_AT = {"le": "au", "les": "aux"}


def at_place(label: str) -> str:
    """ "à" and a place's name: "à Arles", "au Havre", "aux Mureaux", "à La Rochelle"."""
    article, _, rest = label.partition(" ")
    contracted = _CONTRACTED_AT.get(article.casefold()) if rest else None
    return f"{contracted} {rest}" if contracted else f"à {label}"


def distance_text(km: float | None) -> str:
    """``0.43`` → ``"450 m"``, ``2.34`` → ``"2,3 km"``, ``15.2`` → ``"15 km"``; ``""`` unknown."""
    try:
        km = float(km)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(km) or km < 0:
        return ""
    metres = max(50, round(km * 1000 / 50) * 50)
    if metres < 1000:
        return f"{metres} m"
    if km < 10:
        return f"{km:.1f} km".replace(".0 ", " ").replace(".", ",")
    return f"{round(km)} km"


# A place whose position is only its commune's (``commune_point``): this near, "dans la
# commune", never metres.
_IN_THE_COMMUNE_KM = 1.0


def place_distance_text(km: float | None, lat: float | None, lon: float | None) -> str:
    """A place's distance as the data supports it: ``distance_text``, but for a place whose
    position is only its commune's point (round 30's « 50 m » for places across Montpellier):
    "dans la commune" when the person's point is that near (farther, the commune's size errs
    little beside the distance: said as it is)."""
    said = distance_text(km)
    if not said or float(km) >= _IN_THE_COMMUNE_KM:  # type: ignore[arg-type]
        return said
    return "dans la commune" if commune_point.at_a_communes_point(lat, lon) else said


def _pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def phone_text(phone: str | None) -> str:
    """How people read and dial a number: ``+33320010845`` → ``03 20 01 08 45``,
    ``+262262123456``, ``262123456``, ``00262 262 12 34 56`` → ``02 62 12 34 56``
    (``phones.national``), ``+687271234`` → ``+687 27 12 34``; a number abroad as written.
    ``""`` for a number not to offer
    (``phones.dialable``: "+3381812163", a French number missing a digit): the place is shown
    as one with no number, never with one that does not ring."""
    if phones.dialable(phone) is None:
        return ""
    raw = phones.digits(str(phone))
    national = phones.national(raw)
    if national is not None:
        return _pairs(national)
    plan = phones.own_plan(raw)
    return f"+{plan[0]} {_pairs(plan[1])}" if plan else " ".join(str(phone).split())


def tel_uri(phone: str | None) -> str | None:
    """``tel:+33320010845`` for a number to offer (``phones.dialable``), else None."""
    dialled = phones.dialable(phone)
    return f"tel:{dialled}" if dialled else None


def updated_text(date_maj: str | None) -> str:
    """The record's update day as people read it: ``"2024-08-01"`` → ``"1 août 2024"``;
    ``""`` unknown or not a date."""
    try:
        return french_date(date.fromisoformat((date_maj or "")[:10]), weekday=False)
    except ValueError:
        return ""


def hours_lines(opening_hours: str | None) -> list[str]:
    """OSM ``opening_hours`` → short French lines: ``"lun.–ven. : 8 h 30–12 h, 13 h 30–17 h"``
    (times as ``french_dates.french_time`` writes them).

    One reading of the hours with ``hours``: a text it cannot read (``jeu. 9 h–12 h–14 h``, a
    range ending before it starts) gives no lines, as its status says the hours are not known.
    Each day is written from the resolved week, a later rule replacing the days it names
    (``Tu-Sa 10:00-12:30; Th 14:00-18:00``: Thursday is 14 h–18 h only), days with the same hours
    on one line; a text beyond plain days and times (``week 1-53/2``) is written rule by rule."""
    if not opening_hours or hours.parse(opening_hours) is None:
        return []
    # "Sa 00:00-00:00,09:00-12:00" is 9–12.
    opening_hours = hours.normalise(opening_hours)
    rules = _resolved_week(opening_hours) or opening_hours.split(";")
    lines = []
    for rule in rules:
        rule = rule.strip()
        if not rule:
            continue
        if rule in ("PH off", "PH closed"):
            lines.append("fermé les jours fériés")
            continue
        rule = _DAY.sub(lambda m: _DAYS[m.group(1)], rule)
        rule = rule.replace("-", "–").replace(",", ", ").replace(" off", " : fermé")
        rule = _DAYS_THEN_TIME.sub(r"\1 : \2", rule)
        lines.append(_TIME.sub(lambda m: french_time(int(m.group(1)), int(m.group(2))), rule))
    return lines


_RULE = re.compile(
    r"(?P<days>(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?"
    r"(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*)"
    r" +(?P<times>off|closed|\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*)"
)


def _resolved_week(opening_hours: str) -> list[str] | None:
    """The week as rules with no day twice (OSM: a later rule replaces the days it names), days
    with the same hours together in week order (``Mo-We,Fr 10:00-12:30``, ``Th 14:00-18:00``,
    ``PH off`` last); None when a rule is not plain days and times."""
    week: dict[int, str] = {}
    holidays_off = False
    for rule in (r.strip() for r in opening_hours.split(";")):
        if not rule:
            continue
        if rule in ("PH off", "PH closed"):
            holidays_off = True
            continue
        # Times with no days are every day (OSM): "08:30-11:30; Th 08:30-11:30,14:00-16:30".
        match = _RULE.fullmatch(rule) or _RULE.fullmatch(f"Mo-Su {rule}")
        if match is None:
            return None
        times = "off" if match["times"] in ("off", "closed") else match["times"]
        for part in match["days"].split(","):
            first, _, last = part.partition("-")
            start, end = OSM_DAYS.index(first), OSM_DAYS.index(last or first)
            for k in range((end - start) % 7 + 1):  # "Sa-Mo" wraps
                week[(start + k) % 7] = times
    by_times: dict[str, list[int]] = {}
    for day in sorted(week):
        by_times.setdefault(week[day], []).append(day)
    rules = [f"{hours_french._days(days)} {times}" for times, days in by_times.items()]
    return [*rules, "PH off"] if holidays_off else rules


def place_zone(place: dict):
    """The time zone a place of the payload is in, from the postcode of its address (Europe/Paris
    when none: ``hours.place_timezone``)."""
    postcodes = re.findall(r"\b(\d{5})\b", place.get("address") or "")
    return hours.place_timezone(postcodes[-1] if postcodes else place.get("code_postal"))


def day_spans(opening_hours: str | None, weekday: int) -> list[tuple[int, int]] | None:
    """The spans a place opens on the next such day (0 Monday … 6 Sunday), in minutes from
    midnight (an end past midnight is 1440): ``[(540, 720), (840, 1050)]``; ``[]`` when closed
    that day, None when the hours are unknown (``hours.is_open_on_weekday``)."""
    from datetime import datetime, timedelta

    opens = hours.is_open_on_weekday(opening_hours, weekday)
    if opens is None:
        return None
    if not opens:
        return []
    today = hours.now_paris().date()
    start = datetime.combine(
        today + timedelta(days=(weekday - today.weekday()) % 7), datetime.min.time()
    )
    spans = []
    for first in (start, start + timedelta(days=7)):  # "week …/2": the next one it opens
        intervals = hours.parse(opening_hours).intervals(first, first + timedelta(days=1))
        spans = [(b, e) for b, e, state, _c in intervals if state == hours.State.OPEN]
        if spans:
            break
    return [
        (b.hour * 60 + b.minute, e.hour * 60 + e.minute if e.date() == b.date() else 1440)
        for b, e in spans
    ]


def spans_text(spans: list[tuple[int, int]]) -> str:
    """``"9 h–12 h, 14 h–17 h"``, as ``hours_lines`` writes them (1440: "24 h")."""
    return ", ".join(
        f"{french_time(*divmod(b, 60))}–{french_time(*divmod(e, 60))}" for b, e in spans
    )


def day_hours(opening_hours: str | None, weekday: int) -> str | None:
    """The times a place opens on the next such day (0 Monday … 6 Sunday), as ``hours_lines``
    writes them: ``"9 h–12 h, 14 h–17 h"``; "" when closed that day, None when the hours are
    unknown (``day_spans``)."""
    spans = day_spans(opening_hours, weekday)
    return None if spans is None else spans_text(spans)


# --- names and addresses ----------------------------------------------------------------------
# The open data writes a third of its names, towns and streets in capitals ("MEDIATHEQUE DE
# ROUBAIX", "9 RUE PELLART", "ROUBAIX") and repeats the postcode and town inside the street
# ("12 rue X 59100 Roubaix"). The data is kept as imported; every channel shows it as written
# here (``SearchResult`` is built with these: the chat's cards, SMS, the desk, referrals).


def _words(text: str) -> list[str]:
    return text.split()


# Kept in capitals when a name is written in capitals.
ACRONYMS = frozenset(
    _words("""CCAS CIAS EPN CAF MJC MSA CPAM CSC PIJ BIJ MSAP MDS MDPH MDSI PMI RSA EHPAD CHRS CCI
    CMA UDAF ADMR AFPA APF CD CA CC CCONS CDC SIVOM SIVU UNA GEM CNFS ANCT DGFIP URSSAF CRIJ ESAT
    EPCI TIC ALSH FJEP UDV GIP IFAC CIDFF MPT ADIL MFR SCIC SAS SARL ESS AFEV CROUS ESN FS ASSO
    UFCV TV PC CV RH AAH ENT IUT BTS CFA GRETA QPV ZUP ZAC ZA ZI ZAE RN RD CS MQ MJD PAD PIMMS
    PIMM UTAS UT DTBA SOS ADSEA ADAPEI APEI ASE IME ITEP IA""")
)
# Lower case inside a name ("Centre Social de la Ville", "Saint-Julien-les-Villas").
_SMALL_WORDS = frozenset(
    _words("de du des la le les l d et à au aux en sur sous lès lez pour par dans chez un une")
)
_SMALL_FOLDED = frozenset(tokens(" ".join(_SMALL_WORDS)))
# Words whose accents capitals drop, by their capitals without accents.
_ACCENTS = {
    word.upper().translate(str.maketrans("ÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ", "AAAEEEEIIOOUUUC")): word
    for word in _words("""médiathèque médiathèques bibliothèque bibliothèques numérique
    numériques communauté solidarité solidarités région régional régionale département
    départemental départementale départementaux français française éducation éducative école
    écoles société économie économique général générale sécurité santé préfecture réunion
    intercommunalité études étudiants égalité énergie hébergement réinsertion médiation cité
    cités prévention activités âgées âgés handicapés élus espérance métropole délégation
    fédération théâtre pôle agglomération création développement réseau réseaux éveil
    équipement équipements république génération générations aînés château père médical
    médicale médico multimédia étienne frédéric andré rené hélène jérôme léon émile clément
    valéry jaurès célestin pré près forêt côte côtes île îles été écoute accès entraide
    citoyenneté collège lycée université maître maîtres""")
}
_STREET_WORDS = frozenset(
    _words("""rue rues avenue av ave bd boulevard place pl chemin ch route rte allée allee allées
    impasse imp quai cours square sq passage esplanade parvis voie sentier lotissement lot
    hameau lieu-dit résidence quartier bis ter""")
)
_TOKEN = re.compile(r"[^\W_]+|[\W_]+")
_VOWELS = set("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ")
_CEDEX = re.compile(r"\s+cedex(\s+\d+)?\s*$", re.IGNORECASE)


def _shouting(text: str) -> bool:
    """Written in capitals: at least two letters, nearly none in lower case ("dARDILLY",
    "VEYSSIèRE" are)."""
    letters = [c for c in text if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    return len(letters) >= 2 and lower <= len(letters) // 10


# Words elided before an apostrophe: the word after takes its capital ("Villeneuve-d'Ascq",
# "L'Isle"); after any other ("Tourc'h", "Plouezoc'h": the Breton c'h) it stays in lower case.
_ELIDED = frozenset(("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
                     "presqu"))


def _title(text: str, *, street: bool = False) -> str:
    """Capitals → French title case: acronyms kept (CCAS, EPN, MJC), small words in lower case
    ("de", "la", "du", "lès"), accents restored for common words ("MEDIATHEQUE" →
    "Médiathèque"); in a street, its kind in lower case ("9 RUE PELLART" → "9 rue Pellart")."""
    out: list[str] = []
    first = True
    previous = ""  # the word before, when only an apostrophe is between
    for token in _TOKEN.findall(text):
        if not token[0].isalnum():
            previous = previous if token in ("'", "’") else ""
            out.append(token)
            continue
        upper = token.upper()
        word = _ACCENTS.get(upper, token.lower())
        if previous and previous not in _ELIDED:  # "TOURC'H" → "Tourc'h", not "Tourc'H"
            out.append(word)
        elif upper in ACRONYMS:
            out.append(upper)
        elif not token.isalpha():
            out.append(token)  # "LAB01", "16"
        elif street and word in _STREET_WORDS:
            out.append(word if not first else word.capitalize())
        elif 2 <= len(word) <= 4 and not set(upper) & _VOWELS and word not in ("st", "ste"):
            out.append(upper)  # an acronym: "CSC", "DTBA"
        elif word in _SMALL_WORDS and not first:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
        first = False
        previous = word.lower()
    return "".join(out)


def says_more(name: str | None, than: str | None) -> bool:
    """Whether a place's second name says more than its first: a word of its own once folded,
    the small words left out ("France services Ruynes-en-Margeride" says nothing more than "France
    Services de Ruynes en Margeride"; "Centre Social Saint Exupéry" does beside "France services
    Saint-Exupéry")."""
    first = set(tokens(than or "")) - _SMALL_FOLDED
    return bool(set(tokens(name or "")) - _SMALL_FOLDED - first)


# Words of a name that say what a place is, never which one: a name made of these only
# ("CCAS", "La Poste", "Bureau de poste", "Conseil Départemental", "Médiathèque") says nothing of
# where it is (round 176's tester: « 3. CCAS (3,9 km) », which town?).
_GENERIC_WORDS = frozenset(tokens(
    "ccas cias mairie hotel ville commune poste bureau conseil departemental departement "
    "regional mediatheque bibliotheque espace numerique public epn centre social socio "
    "culturel maison services france agence accueil point information mjc cyberbase "
    "antenne permanence"
))  # fmt: skip
# Of those, a town's own bodies: "CCAS de Roubaix"; any other place: "Médiathèque — Tourcoing".
_TOWNS_OWN = frozenset(tokens("ccas cias mairie hotel ville commune"))


def place_name(name: str | None, commune: str | None = None) -> str:
    """A place's name as people read it: one written in capitals in French title case
    ("MEDIATHEQUE DE ROUBAIX" → "Médiathèque de Roubaix", "CCAS" stays "CCAS"); others as
    written. A name that says only what the place is (``_GENERIC_WORDS``) with its town
    (``commune``, as ``commune_name`` writes it): a town's own body with "de" ("CCAS de
    Roubaix"), any other after a dash ("La Poste — Luçon", "Médiathèque — Tourcoing")."""
    name = " ".join((name or "").split())
    name = _title(name) if _shouting(name) else name
    words = set(tokens(name)) - _SMALL_FOLDED
    if not commune or not words or words - _GENERIC_WORDS:
        return name
    first = tokens(name)[0]
    return f"{name} {of_place(commune)}" if first in _TOWNS_OWN else f"{name} — {commune}"


# An arrondissement of Paris, Lyon or Marseille as the directory writes it ("LYON 3EME", "PARIS
# 15E", "PARIS 11", "MARSEILLE 8EME ARRONDISSEMENT", the gazetteer's "Paris 11e Arrondissement").
_ARRONDISSEMENT = re.compile(
    r"(paris|lyon|marseille)\s*(\d{1,2})\s*(?:e|eme|ème|è|er|ere|ère|re)?"
    r"(?:\s*arr(?:ondissement|dt|t)?\.?)?",
    re.IGNORECASE,
)
_ARRONDISSEMENTS = {"paris": 20, "lyon": 9, "marseille": 16}


def _arrondissement(commune: str) -> str | None:
    """ "LYON 3EME" → "Lyon 3e", "PARIS 1ER" → "Paris 1er", as French writes an arrondissement;
    None for any other town (or a number no arrondissement has)."""
    found = _ARRONDISSEMENT.fullmatch(commune)
    if not found:
        return None
    city, number = found.group(1).lower(), int(found.group(2))
    if not 1 <= number <= _ARRONDISSEMENTS[city]:
        return None
    return f"{city.capitalize()} {number}{'er' if number == 1 else 'e'}"


def commune_name(commune: str | None, code_insee: str | None = None,
                 code_postal: str | None = None) -> str:  # fmt: skip
    """The town as the gazetteer writes it when it is the same name ("ROUBAIX" → "Roubaix",
    "dARDILLY" → "Dardilly", "SAINT-ETIENNE" → "Saint-Étienne"; "Cedex" left out); an
    arrondissement as French writes it ("LYON 3EME" → "Lyon 3e"); else as written, in title case
    when in capitals."""
    from directory_client import gazetteer
    from directory_client.text import name_key

    commune = _CEDEX.sub("", " ".join((commune or "").split()))
    if not commune:
        return ""
    arrondissement = _arrondissement(commune)
    if arrondissement:
        return arrondissement
    index = gazetteer.load()
    key = name_key(commune)
    department = (code_postal or "")[:2]
    known = [
        index.by_insee.get(code_insee or ""),
        *index.by_postcode.get(code_postal or "", ()),
        *(c for c in index.by_key.get(key, ()) if c.departement[:2] == department),
    ]
    for candidate in known:
        if candidate is not None and name_key(candidate.name) == key:
            return candidate.name
    return _title(commune) if _shouting(commune) or commune.islower() else commune


def _without_town(part: str, code_postal: str | None, commune: str) -> str:
    """A street without the postcode and town written again at its end: "12 rue X 59100
    Roubaix" → "12 rue X", "27 rue de la Victoire Nouméa 98800" → "27 rue de la Victoire";
    never when the town names the place ("Mairie de Poum", "route de Bluffy")."""
    from directory_client.text import name_key

    words = [(m.end(), m.group()) for m in re.finditer(r"[^\s,;–-]+", part)]
    town = name_key(commune).split()
    department = (code_postal or "")[:2]

    def is_postcode(digits: str) -> bool:
        return len(digits) == 5 and digits.isdigit() and digits[:2] == department

    cut = [k for k, (_e, w) in enumerate(words) if w == code_postal and k > 0]
    after = [w for _e, w in words[cut[-1] + 1 :]] if cut else []
    if (
        cut
        and len(words) - cut[-1] <= 5
        and (all(w.isalpha() for w in after) or _arrondissement(" ".join(after)))
    ):
        # "…---16710-ST YRIIEIX": the postcode and a misspelt town; "69003 LYON 3EME"
        words = words[: cut[-1]]
    for _ in range(2):
        n = len(town)
        if (
            town
            and len(words) > n
            and name_key(" ".join(w for _e, w in words[-n:])) == " ".join(town)
            and name_key(words[-n - 1][1]) not in _SMALL_WORDS | {"a"}
        ):
            words = words[:-n]
        elif words and is_postcode(words[-1][1]):
            words = words[:-1]
        elif len(words) > 1 and words[-2][1].isdigit() and is_postcode(words[-2][1] + words[-1][1]):
            words = words[:-2]  # "98 809"
        else:
            break
    return part[: words[-1][0]] if words else ""


# An address part that is only a former address or a form's example ("(ex. 12 allée des
# Glycines)", kept as written in the record): said as not given, and to ask for it (with a
# contact) before going.
ADDRESS_NOT_GIVEN = "Adresse non précisée"
ADDRESS_ASK = "Adresse non précisée (demandez-la avant d'y aller)"


def address_text(adresse: str | None, complement: str | None, code_postal: str | None,
                 commune: str | None, code_insee: str | None = None, *,
                 can_ask: bool = True) -> str:  # fmt: skip
    """One address line, every part once: "9 rue Pellart, 59100 Roubaix" from "9 RUE PELLART"
    in "ROUBAIX"; the postcode and town repeated in the street dropped. A street that is only a
    former address or a form's example ("(ex. 12 allée des Glycines)") is not given:
    ``ADDRESS_ASK`` before the town (``ADDRESS_NOT_GIVEN`` when the place has no contact to ask:
    ``can_ask`` false)."""
    from directory_client.importer.address import former_only

    town = commune_name(commune, code_insee, code_postal)
    parts = []
    if former_only(adresse) and not (complement or "").strip():
        parts.append(ADDRESS_ASK if can_ask else ADDRESS_NOT_GIVEN)
        adresse = None
    for raw in (adresse, complement):
        part = " ".join((raw or "").split()).strip(" ,-–")
        if commune or town:
            part = _without_town(part, code_postal, town or commune or "").strip(" ,-–")
        if part and (part.casefold() != (town or "").casefold()):
            parts.append(", ".join(_title(p, street=True) if _shouting(p) else p
                                   for p in part.split(", ")))  # fmt: skip
    if town == code_postal:  # "62300 62300": the postcode said once
        town = ""
    parts.append(" ".join(p for p in (code_postal, town) if p))
    return ", ".join(p for p in parts if p)


FEE_UNKNOWN = "non précisé, appelez avant"
FEE_UNKNOWN_NO_PHONE = "non précisé, demandez sur place"


def fee_text(fees: list[str] | tuple[str, ...] | None, *, can_call: bool = True) -> str:
    """What a place says of its price (``SearchResult.fees``, the standard's "frais à charge")
    in plain words: ``"gratuit"``, ``"gratuit sous condition"``, ``"payant"``, ``"gratuit ou
    payant selon l'aide"`` (both said); when it says nothing, ``FEE_UNKNOWN`` (or, with no phone
    to call, ``FEE_UNKNOWN_NO_PHONE``)."""
    said = {str(f).strip() for f in fees or () if f}
    free = sorted(f for f in said if f.startswith("Gratuit"))
    paid = "Payant" in said
    if free and paid:
        return "gratuit ou payant selon l'aide"
    if free:
        return "gratuit" if "Gratuit" in free else "gratuit sous condition"
    if paid:
        return "payant"
    return FEE_UNKNOWN if can_call else FEE_UNKNOWN_NO_PHONE
