"""The decision: the safety reading of a message (``read``), from the tiers of words, the words
that settle them, the words set aside and the meaning (``actions.danger``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from actions import child_danger, danger
from actions.safety.alarm import ALARM_RE
from actions.safety.common_words import fold_text, tidied
from actions.safety.creole import in_french
from actions.safety.data_given import only_data, without_phone_numbers
from actions.safety.device_in_water import DEVICE_IN_WATER, as_breakdown
from actions.safety.figures import FICTION, FIGURE, SELF_HARM_IF_A_MISHAP, VENTING
from actions.safety.illness_context import attack_cared_for, without_relative_ill
from actions.safety.past_events import SAFE_NOW
from actions.safety.set_aside import (
    without_deadline,
    without_distance,
    without_relatives,
    without_urgency_denied,
    without_words_of_no_danger,
)
from actions.safety.severe import SEVERE_RE

# Under this many words, a message's meaning says nothing of danger: "la Loire", the answer to
# "dans quelle ville ?", sits next to a flood. Short calls for help carry their own words
# ("au secours", "SOS", "avc"), which the tiers above read.
MIN_MEANING_WORDS = 3


@dataclass(frozen=True)
class SafetyReading:
    severe: bool  # danger from the words alone
    alarm: bool  # strong words that ordinary requests use too
    need: bool  # the message states a digital need
    meaning: bool = False  # the message reads as danger by its meaning (actions.danger)
    close: bool = False  # its meaning comes close to danger (one question if a need is stated)
    settled: bool = False  # the words say the danger is over, a figure of speech, or a chore's

    @property
    def danger_now(self) -> bool:
        return self.severe or ((self.alarm or self.meaning) and not self.need)

    @property
    def unsure(self) -> bool:
        """A need is stated, and the meaning comes close to danger: ask, keep the request."""
        return self.need and self.close and not self.danger_now


# A threat to put intimate images or messages online, the threat named as such.
_THREAT_TO_PUBLISH = re.compile(
    r"\bmenac\w*(?: [\w']+){0,4}? (de |d')?(les |la |le |l')?(publier|diffuser|partager|poster"
    r"|mettre|envoyer|montrer|balancer|afficher|faire circuler)\b.{0,40}\b(nudes?|photos?"
    r"|videos?|images?|messages?|conversations?)\b"
)


def read(
    text: str,
    has_need: Callable[[str], bool],
    danger_margin: Callable[[str], float] = danger.margin,
) -> SafetyReading:
    text = without_phone_numbers(text)  # a phone number's digits are no emergency number
    if DEVICE_IN_WATER.search(folded := fold_text(text)):
        # « mon téléphone est tombé dans la piscine »: a device broken down, read as such
        text = " ".join(as_breakdown(folded).split())
    as_said = fold_text(text)  # « rien de grave » stays the settled words it was (``SAFE_NOW``)
    rest = without_urgency_denied(text)
    denied = rest != tidied(text)
    text = rest if denied else text  # « pas d'urgence vitale, mais … »: the rest is read
    folded = fold_text(text)
    words = FIGURE.sub(" ", folded)
    figure = words != folded
    vented = VENTING.sub(" ", words)  # « ça me tue ces mots de passe »: cut, nothing settled
    # ... but a severe wording that was only the chore's (a weapon to declare, a death threat
    # asking for bitcoins) says, for the NLU's danger, that the words said none
    set_aside = bool(SEVERE_RE.search(words)) and not SEVERE_RE.search(vented)
    words = vented
    doubt = SELF_HARM_IF_A_MISHAP.search(words) is not None
    if doubt:  # « me pendre si le site plante encore »: the question, the rest read as it is
        words = SELF_HARM_IF_A_MISHAP.sub(" ", words)
    # a child threatened or solicited by an adult (a meeting, images): danger from what the
    # words say happens, whatever the wording (``actions.child_danger``)
    child = child_danger.threatened(words)
    severe = bool(SEVERE_RE.search(words)) or child
    alarm = bool(ALARM_RE.search(words)) or doubt
    # « il a fait un infarctus, il est à l'hôpital »: the attack told as done, cared for now
    safe_now = (
        figure
        or bool(SAFE_NOW.search(as_said))
        or (severe and not child and attack_cared_for(words))
    )
    if severe and safe_now:
        severe, alarm = False, True
    if FICTION.search(folded):
        severe = alarm = False
        safe_now = True
    # data alone (« 17 rue Victor Hugo », « né le 15/11/1945 »): its digits sit next to « appelez
    # le 17 », its meaning says nothing of danger (``data_given``)
    too_short = len(folded.split()) < MIN_MEANING_WORDS or only_data(text)
    if not severe and _THREAT_TO_PUBLISH.search(folded):
        # "mon ex menace de publier mes photos intimes": harm online, no body in danger; the
        # 3018 (and the 3919 for a partner) beside the places (``actions.helplines``)
        too_short = True
    french = in_french(text)  # the language alone is no danger: Creole read as French
    said = text if french == " ".join(text.split()) else french
    margin = float("-inf") if severe or safe_now or denied or too_short else danger_margin(said)
    meaning, close = margin >= danger.MARGIN, margin >= danger.CHECK_MARGIN
    if close and (hurry := without_deadline(said)) != tidied(said):
        # « je dois l'envoyer avant ce soir »: the time a task is due by, read as a deadline. It
        # can take the numbers away, never the question (« êtes-vous en danger ? »)
        short = len(fold_text(hurry).split()) < MIN_MEANING_WORDS
        meaning = not short and danger_margin(hurry) >= danger.MARGIN
    if close and not meaning and (neutral := without_relatives(said)) != " ".join(said.split()):
        close = danger_margin(neutral) >= danger.CHECK_MARGIN  # a relative or an age alone
    need = (severe or alarm or close) and has_need(text)
    # a strong word that only names a relative's illness (« fait des crises d'épilepsie ») is the
    # illness's: the request is read without it, as without a calm illness
    strong = severe or (alarm and bool(ALARM_RE.search(fold_text(without_relative_ill(said)))))
    plain = without_words_of_no_danger(said, strong) if close and need else ""
    if plain and plain != " ".join(said.split()):
        # "aide demarches ajaccio" read as "demarches ma ville"
        margin = danger_margin(plain)
        meaning, close = margin >= danger.MARGIN, margin >= danger.CHECK_MARGIN
        need = (severe or alarm or close) and need
    close = close or (doubt and not safe_now)  # « … mdr »: a joke said as one
    return SafetyReading(severe, alarm, need, meaning, close, safe_now or denied or set_aside)


def only_words_of_no_danger(
    text: str, danger_margin: Callable[[str], float] = danger.margin
) -> bool:
    """Danger read (by the NLU) from words that carry none: an age ("il a 17 ans": the 17 of
    the police), a relative, a distance ("je peux pas aller à Cayenne"). True when the message
    names one and, with them put aside, its meaning stays far from danger."""
    said = " ".join(without_phone_numbers(text).replace("\u2019", "'").split())
    plain = without_distance(without_relatives(said))
    return plain != said and danger_margin(plain) < danger.CHECK_MARGIN


def only_a_deadline(text: str, danger_margin: Callable[[str], float] = danger.margin) -> bool:
    """Danger read (by the NLU) from a deadline (« c'est urgent, c'est pour ce soir »): the message
    names the time a task is due by and, read as a deadline, its meaning stays far from danger."""
    said = " ".join(without_phone_numbers(text).replace("\u2019", "'").split())
    plain = without_deadline(said)
    return plain != said and danger_margin(plain) < danger.CHECK_MARGIN
