"""Is someone in danger now? The safety reading of a message, before anything else.

Two tiers of wordings, on folded text (lower case, no accents):
- ``SEVERE``: danger reads from the words alone (a weapon, someone not breathing, a suicide plan,
  someone forcing the door). The emergency numbers come first, whatever else the message asks.
- ``ALARM``: strong words that ordinary requests use too ("au secours", "vite", "urgent",
  "en danger", "noyé", "suivi par un"…). They mean danger only when the message states no digital
  need: "au secours on m'a piraté mon compte" is a request about online safety, "au secours" alone
  is not.

Meaning is the third signal (``actions.danger``): a message whose sentence vector reads as danger
("j'ai écrit mes lettres, merci pour tout") weighs like the alarm tier. Words that say the danger
is over or is a figure of speech ("l'an dernier", "rien de grave", "le couteau sous la gorge",
"mdr", a line against suicide) make the severe tier weigh like the alarm tier too.

The NLU's ``emergency`` intent is the fourth signal (``safety_actions.ActionEmergency``): when it
fires with no wording of either tier and no need, the assistant asks once whether the person is in
danger now, with the numbers, and keeps the request.

The rules live in one module per family: ``severe`` and ``alarm`` (the two tiers), ``figures``
(figures of speech, topics, fictions), ``past_events`` (danger told as over),
``illness_context`` (an illness told as the context of a request), ``set_aside`` (words set aside
before reading), ``data_given`` (a phone number, a date, an address alone), ``creole``,
``denial`` (« je ne suis pas en danger »), ``device_in_water`` (a phone fallen into water: a
device to replace) and ``reading`` (the decision).
"""

from actions.safety.alarm import ALARM
from actions.safety.creole import in_french
from actions.safety.data_given import (
    PHONE_NUMBER,
    gives_a_phone_number,
    is_data,
    only_data,
    without_phone_numbers,
)
from actions.safety.denial import denies_danger
from actions.safety.device_in_water import tells_a_device_in_water
from actions.safety.illness_context import (
    attack_cared_for,
    tells_a_stay_in_care,
    tells_an_illness,
    without_relative_ill,
)
from actions.safety.past_events import told_as_past
from actions.safety.reading import (
    MIN_MEANING_WORDS,
    SafetyReading,
    only_a_deadline,
    only_words_of_no_danger,
    read,
)
from actions.safety.set_aside import (
    HELP_REQUEST_WORDS,
    without_help_word,
    without_relatives,
    without_town,
    without_urgency_denied,
)
from actions.safety.severe import SEVERE, SUICIDAL_THOUGHT

__all__ = [
    "ALARM", "HELP_REQUEST_WORDS", "MIN_MEANING_WORDS", "PHONE_NUMBER", "SEVERE",
    "SUICIDAL_THOUGHT", "SafetyReading", "attack_cared_for", "denies_danger",
    "gives_a_phone_number", "in_french", "is_data", "only_a_deadline", "only_data",
    "only_words_of_no_danger", "read", "tells_a_device_in_water", "tells_a_stay_in_care",
    "tells_an_illness", "told_as_past", "without_help_word", "without_phone_numbers",
    "without_relative_ill", "without_relatives", "without_town", "without_urgency_denied",
]  # fmt: skip
