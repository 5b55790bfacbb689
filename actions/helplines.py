"""The numbers and lines given beside (or instead of) places, each written once.

``NUMBERS``: every number the assistant gives, as the person reads it and as the payload carries
it (``tel:`` or ``sms:``). Which numbers a danger gets depends on whose danger the words name
(``actions.situations``): everyone the emergency numbers and the 114 by SMS, violence in a couple
the 3919 too, a child the 119. ``REMOTE_LINES``: what an answer with places adds for a need or a
situation (the 3018 for harassment online, cybermalveillance.gouv.fr for a hacked account, the
bank for a card). The sentences around them are ``domain.yml`` responses (``actions.texts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from actions import incident_over, safety, situations, texts


@dataclass(frozen=True)
class Number:
    number: str
    says: str  # as the person reads it: "le 17 (police)"
    sms: bool = False  # reached by SMS (the 114), not by a call

    def payload(self) -> dict:
        scheme = "sms" if self.sms else "tel"
        return {"number": self.number, "text": self.says, "href": f"{scheme}:{self.number}"}


# Checked 2026-12-07 against public pages: 112, 15, 17, 18 free day and night
# (1000-premiers-jours.fr, Santé publique France); the 114 by SMS (and visio, chat), free, 24 h/24
# for whoever cannot speak (urgence114 as audiweb.fr and destinationsante.com give it, 2024);
# the 3114, free, confidential, 24 h/24, for people with suicidal thoughts and their close ones
# (3114.fr, mayotte.ars.sante.fr); the 3919, free, anonymous, 24 h/24 7 j/7 (tf1info.fr, 2023);
# the 119, free, 24 h/24, for a child in danger, called by the child or an adult (madinin-art.net
# after the SNATED); the 0 892 705 705, the interbank opposition line, 7 j/7 24 h/24, a paid
# call (ffbatiment.fr, charlie-finance.fr: not said to be free). Not checked this time: the 115,
# 3646, 3230, 0 809 401 401 and 3949 (written as before).
NUMBERS = {
    n.number: n
    for n in (
        Number("112", "le 112 (urgences)"),
        Number("15", "le 15 (SAMU)"),
        Number("17", "le 17 (police)"),
        Number("18", "le 18 (pompiers)"),
        Number("3114", "le 3114 (si vous avez des idées suicidaires, 24 h sur 24, gratuit)"),
        Number("3919", "le 3919 (Violences Femmes Info, gratuit et anonyme, 24 h sur 24)"),
        Number("119", "le 119 (Allô Enfance en danger, gratuit, 24 h sur 24)"),
        Number("114", "un SMS au 114 (urgences)", sms=True),
        # Violences numériques (cyberharcèlement, chantage aux images…), by e-Enfance: free,
        # anonymous, every day from 9 h to 23 h (mairie-villetaneuse.fr, ccmm.asso.fr, 2023).
        Number("3018", "le 3018 (gratuit, anonyme, tous les jours de 9 h à 23 h) ou 3018.fr"),
        Number("0892705705", "le 0 892 705 705 (opposition carte bancaire, 24 h/24)"),
        Number("115", "le 115 (Samu social : hébergement d'urgence, gratuit, 24 h sur 24)"),
        Number("3646", "l'Assurance Maladie au 3646"),
        Number("3230", "la CAF au 3230"),
        Number("0809401401", "les impôts au 0 809 401 401"),
        Number("3949", "France Travail au 3949"),
    )
}

# Response of domain.yml → the numbers it names, in order.
EVERYONE = ("utter_emergency", ("112", "15", "17", "3114"))
BY_SITUATION = {
    situations.PARTNER: ("utter_emergency_partner", ("3919", "17")),
    situations.CHILD: ("utter_emergency_child", ("119",)),
}
BY_SMS = ("utter_emergency_sms", ("114",))
ONLINE_HARM = ("utter_line_harassment", ("3018",))  # a child threatened online: the 3018 too
# … and what to do now: answer nothing, keep the proofs, report on 17cyber.gouv.fr
CHILD_ONLINE_STEPS = ("utter_child_solicited_steps", ())
SUICIDE_LINE = "3114"
THREAT_NUMBERS = ("112", "17")  # someone threatening now (``situations.THREAT``)
DANGER_CHECK = ("utter_danger_check", ("112", "17", "15"))
# A fire or gas: the pompiers and the 112, then what to do until they come.
FIRE_NUMBERS = ("18", "112")
WHAT_TO_DO = {
    situations.FIRE: ("utter_emergency_fire", ()),
    situations.GAS: ("utter_emergency_gas", ()),
}


def _said(numbers: Iterable[str]) -> str:
    """ "le 112 (urgences), le 15 (SAMU) ou le 17 (police)"."""
    phrases = [NUMBERS[n].says for n in numbers]
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " ou " + phrases[-1]


def _sentences(first: tuple[str, tuple[str, ...]], text: str) -> tuple[list[str], list[str]]:
    """The sentences for a danger in ``text`` and the numbers they name, each once, in order."""
    found = situations.read(text)
    by_situation = [BY_SITUATION[s] for s in BY_SITUATION if s in found]
    if situations.PARTNER_VIOLENCE in found and situations.SUICIDE not in found:
        # Hit or threatened by a partner: the 3919 and the 17 first; the 3114 is for a suicide.
        first = (first[0], tuple(n for n in first[1] if n != SUICIDE_LINE))
        parts = by_situation + [first, BY_SMS]
    elif situations.CHILD_FROM_ADULT in found:
        # A child threatened or solicited by an adult: the police and the 119, the 3018 and what
        # to do (keep the proofs, 17cyber) when it happens online; the 3114 is for a suicide.
        first = (first[0], tuple(n for n in first[1] if n != SUICIDE_LINE))
        online = (
            [ONLINE_HARM, CHILD_ONLINE_STEPS] if situations.HARASSMENT_ONLINE in found else []
        )
        parts = [first] + by_situation + online + [BY_SMS]
    elif situations.SUICIDE not in found and (done := [WHAT_TO_DO[s] for s in WHAT_TO_DO
                                                       if s in found]):
        # A fire or gas: the 18 and the 112 (the pompiers come for the people hurt too), what
        # to do until they come (go out, cut the power, touch no switch); no 3114, and no 119
        # for a child's room on fire (the 119 is for a child in danger from someone).
        first = (first[0], FIRE_NUMBERS)
        parts = [first, *done, BY_SMS]
    elif situations.PHYSICAL in found:
        # A fall, someone who no longer answers, a fire: the numbers for that; no 3114.
        first = (first[0], tuple(n for n in first[1] if n != SUICIDE_LINE))
        parts = [first] + by_situation + [BY_SMS]
    elif situations.THREAT in found:
        # Someone forcing the door, in the home, following: the 112 and the police; no 3114.
        first = (first[0], tuple(n for n in first[1] if n in THREAT_NUMBERS))
        parts = [first] + by_situation + [BY_SMS]
    else:
        parts = [first] + by_situation + [BY_SMS]
    said: list[str] = []
    numbers: list[str] = []
    for response, named in parts:
        said.append(texts.text(response, numbers=_said(named)) if named else texts.text(response))
        numbers += [n for n in named if n not in numbers]
    return said, numbers


def emergency(text: str, need: str | None = None) -> tuple[str, dict]:
    """The emergency message for the danger the words of ``text`` describe: its text and its
    payload, which carries the numbers shown (``numbers``: ``number``, ``text``, ``href``).
    ``need``: what the request said beside the danger is for ("vos démarches avec la CAF"), kept
    for after the numbers and said so."""
    said, numbers = _sentences(EVERYONE, text)
    if situations.SURVEILLANCE in situations.read(text):
        said.append(texts.text("utter_emergency_phone_later"))  # the phone made safe, later
        said.append(texts.text("utter_emergency_end"))
    elif need:
        said.append(texts.text("utter_emergency_need_later", what=need))  # « oui » serves it
    else:
        said.append(texts.text("utter_emergency_end"))
    return " ".join(said), _payload("emergency", numbers)


def danger_check(text: str) -> tuple[str, dict]:
    """The danger check (``utter_danger_check``) with the numbers for the danger ``text`` names."""
    said, numbers = _sentences(DANGER_CHECK, text)
    said.append(texts.text("utter_danger_check_end"))
    return " ".join(said), _payload("danger_check", numbers)


def _payload(kind: str, numbers: list[str]) -> dict:
    return {"orienteur": {"type": kind, "numbers": [NUMBERS[n].payload() for n in numbers]}}


# What an answer with places adds, for a need (a key of ``actions.needs.NEEDS``) or a situation
# (``actions.situations``): a domain response, filled with the numbers it names.
REMOTE_LINES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    situations.HOMELESS: (("utter_line_homeless", ("115",)),),  # a bed tonight first
    # A phone stolen or lost: the operator to block the line first, the complaint for a theft.
    situations.PHONE_LOST: (("utter_line_phone_lost", ()),),
    # A public body's account taken, the RIB on it changed: that body first.
    situations.ACCOUNT_AMELI: (("utter_line_public_account", ("3646",)),),
    situations.ACCOUNT_CAF: (("utter_line_public_account", ("3230",)),),
    situations.ACCOUNT_IMPOTS: (("utter_line_public_account", ("0809401401",)),),
    situations.ACCOUNT_FRANCE_TRAVAIL: (("utter_line_public_account", ("3949",)),),
    # The classic scam message (a parcel, a fine, a refund): not to pay, the 33700.
    situations.SCAM_MESSAGE: (("utter_line_scam_message", ()),),
    "securite": (("utter_line_cybermalveillance", ()),),
    situations.BANK_CARD: (
        ("utter_line_bank_card", ("0892705705",)),
        ("utter_line_cybermalveillance", ()),
    ),
    situations.HACKED: (("utter_line_cybermalveillance", ()),),
    # Blackmail with intimate images: not to pay, the proofs, the police, the 3018.
    situations.SEXTORTION: (
        ("utter_line_sextortion", ("17",)),
        ("utter_line_images_removed", ("3018",)),
    ),
    situations.CHILD_HARASSED_ONLINE: (("utter_line_harassment", ("3018",)),),
    situations.HARASSMENT_ONLINE: (("utter_line_harassment", ("3018",)),),
    situations.PARTNER: (("utter_emergency_partner", ("3919", "17")),),
    # Spied on by a partner or an ex: the 3919 and what to do about the phone, no danger read.
    # (the phone to make safe is the need's places; no scam line: "Compte piraté, arnaque")
    situations.SURVEILLANCE: (("utter_emergency_partner", ("3919", "17")),),
}
# Harassment or a phone spied on is online safety, not a scam: the need's cybermalveillance line
# ("Compte piraté, arnaque ou argent volé") only if an account taken or money lost is said too.
_NOT_A_SCAM = frozenset(
    {situations.SURVEILLANCE, situations.HARASSMENT_ONLINE, situations.SEXTORTION}
)
# The lines that say the 3018 for harassment: the sextortion lines say it already.
_SAID_BY_SEXTORTION = frozenset(
    {situations.HARASSMENT_ONLINE, situations.CHILD_HARASSED_ONLINE}
)


def _without_repeats(keys: list[str]) -> list[str]:
    """``keys`` without the harassment lines when the sextortion lines (the 3018 in them) go."""
    if situations.SEXTORTION not in keys:
        return keys
    return [k for k in keys if k not in _SAID_BY_SEXTORTION]
_A_SCAM = frozenset({situations.HACKED, situations.BANK_CARD, situations.SCAM_MESSAGE,
                     situations.ACCOUNT_AMELI, situations.ACCOUNT_CAF, situations.ACCOUNT_IMPOTS,
                     situations.ACCOUNT_FRANCE_TRAVAIL})  # fmt: skip

# Situations whose line needs no place and goes out at once, before any question (the town, the
# need), and not again beside the places: a card to block now, a scam message not to pay, a bed
# for tonight, the payments of a public body's account taken to stop, a child harassed online (the
# 3018), an account hacked or a scam paid (cybermalveillance.gouv.fr, 17cyber); a phone stolen or
# lost first (the operator to call before anything: the bank's app and mails were on it).
AT_ONCE = (situations.PHONE_LOST, situations.BANK_CARD, situations.SCAM_MESSAGE,
           situations.HOMELESS, situations.ACCOUNT_AMELI, situations.ACCOUNT_CAF,
           situations.ACCOUNT_IMPOTS, situations.ACCOUNT_FRANCE_TRAVAIL,
           situations.CHILD_HARASSED_ONLINE,
           situations.HACKED, situations.SEXTORTION)


# Situations whose line is given only when the request was read as danger (the numbers, or the
# danger check): "mon mari veut apprendre l'ordinateur" names a partner and no violence.
AFTER_DANGER = frozenset({situations.PARTNER})


def line_situations(
    request: str, *, danger: bool, carried: Iterable[str] = ()
) -> list[str]:
    """The situations of ``REMOTE_LINES`` the words of the request name (``request``: the
    person's messages, one a line; ``danger``: the request was read as danger), with those an
    earlier answer to the same request gave a line for (``carried``: "et à Beaune ?" names no
    harm, the card stolen still is), in ``REMOTE_LINES``' order."""
    found = situations.read(request)
    if not danger and (situations.PARTNER_VIOLENCE not in found or _over(request, found)):
        found -= AFTER_DANGER  # threatened by a partner: the 3919, unless told as over
    if incident_over.said(request):
        found -= OVER_LEFT_OUT  # "arnaque déjà réglée", "il a arrêté": nothing to do now
    found |= set(carried)
    return _without_repeats([s for s in REMOTE_LINES if s in found])


# The situations whose lines are for something happening now (a card to block, an account to
# take back, harassment or a partner's threats): left out when the words tell it as over
# (``actions.incident_over``); the need (learning to make things safe) is served with places.
OVER_LEFT_OUT = frozenset(
    {situations.BANK_CARD, situations.SCAM_MESSAGE, situations.HACKED, situations.SEXTORTION,
     situations.CHILD_HARASSED_ONLINE, situations.HARASSMENT_ONLINE, situations.PARTNER,
     situations.SURVEILLANCE, situations.ACCOUNT_AMELI, situations.ACCOUNT_CAF,
     situations.ACCOUNT_IMPOTS, situations.ACCOUNT_FRANCE_TRAVAIL}
)  # fmt: skip


# What goes on now whatever is told as past: a phone spied on, harassment, an account taken.
_ONGOING = frozenset({situations.SURVEILLANCE, situations.HARASSMENT_ONLINE, situations.HACKED})


def _over(request: str, found: frozenset[str]) -> bool:
    """A partner's violence told as over ("j'ai quitté mon conjoint violent il y a deux ans, tout
    va bien maintenant"), nothing said going on: no 3919 beside the places."""
    return safety.told_as_past(request) and not found & _ONGOING


def lines_at_once(text: str) -> list[str]:
    """The lines of ``AT_ONCE`` for the situations the words of ``text`` name (none of those told
    as over: ``OVER_LEFT_OUT``)."""
    found = situations.read(text)
    if incident_over.said(text):
        found -= OVER_LEFT_OUT
    return _lines(_without_repeats([s for s in AT_ONCE if s in found]))


def remote_lines(
    need_keys: Iterable[str], request: str, *, danger: bool, carried: Iterable[str] = ()
) -> list[str]:
    """The lines for the needs served and the situations of the request
    (``line_situations``), each once: situations first, then needs. A line given at once for an
    earlier message of the request (``lines_at_once``: "on m'a piraté", then the town) is not
    said again."""
    keys = line_situations(request, danger=danger, carried=carried)
    found = situations.read(request) | set(carried)
    not_a_scam = found & _NOT_A_SCAM and not found & _A_SCAM
    over = incident_over.said(request)  # "c'est réglé": no "que faire, aide urgente" line
    keys += [k for k in need_keys if k in REMOTE_LINES and k not in keys
             and not (k == "securite" and (not_a_scam or over))]  # fmt: skip
    given = {line for earlier in request.split("\n")[:-1] for line in lines_at_once(earlier)}
    return [line for line in _lines(keys) if line not in given]


def call_lines(keys: Iterable[str]) -> list[str]:
    """The lines with a number to call of the situations ``keys`` (a card to block: the
    opposition line; a bed tonight: the 115), in ``REMOTE_LINES``' order: the urgent first."""
    return _lines([k for k in REMOTE_LINES if k in set(keys)], numbered_only=True)


def _lines(keys: Iterable[str], numbered_only: bool = False) -> list[str]:
    lines: list[str] = []
    for key in keys:
        for response, named in REMOTE_LINES[key]:
            if numbered_only and not named:
                continue
            line = texts.text(response, numbers=_said(named) if named else "")
            if line not in lines:
                lines.append(line)
    return lines
