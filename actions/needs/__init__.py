"""What the person needs, in their words → the services of the national standard.

Pure package (no Rasa, no database): the catalogue of needs and procedures, the keyword
detection that backs up the NLU entities, and "what to bring" for each procedure.
Every text a person sees is plain French, with "vous" and no jargon.

One job per module; this file is the public API, imported as ``actions.needs``:

- ``catalogue``: needs → services of the standard, procedures → need and what to bring;
- ``constraints``, ``distance``, ``care``, ``modes``: the criteria of a search, a distance limit,
  specific care, with someone or learning alone;
- the rules per family of services, each with its keywords and the cues that rule a need in or
  out: ``papers`` (papers and health), ``work``, ``tools`` (phone, computer, everyday use),
  ``equipment`` (a connection, a device to use or to get), ``online_safety``, ``parenting``,
  ``leisure`` (and culture); ``keywords`` puts their tables together, in the order needs are found;
- ``detection``: ``detect``, the keywords' reading and the rules between families (second needs,
  needs ruled out); ``reading``: ``read``, weighed against the meaning of the message;
- ``normalise``: an NLU entity → a key; ``emergency``: the safety reading with these needs.
"""

from actions.needs.care import (
    CARE,
    CARE_WORDS,
    DISABILITIES,
    all_declare,
    care_asked,
    few_declare,
    read_care,
)
from actions.needs.catalogue import (
    GENERAL_HELP,
    NEEDS,
    PROCEDURES,
    TOOL_NEEDS,
    Need,
    Procedure,
    help_instead,
    preferred_labels,
    services_for,
)
from actions.needs.constraints import (
    CONSTRAINT_MISSING,
    CONSTRAINT_PLAIN,
    CONSTRAINT_PROGRAMMES,
    CONSTRAINTS,
    DAYS,
    DROP,
    constraint_missing,
    constraint_plain,
)
from actions.needs.detection import Understanding, detect
from actions.needs.distance import (
    DISTANCE,
    distance_constraint,
    distance_limit,
    in_distance,
    without_distance,
)
from actions.needs.emergency import is_emergency, safety_reading
from actions.needs.equipment import lacks_a_phone
from actions.needs.keywords import GENERIC_NEEDS
from actions.needs.modes import LEARN, apply_mode, mode_answer, needs_mode_question
from actions.needs.normalise import normalise_constraint, normalise_need, normalise_procedure
from actions.needs.papers import says_a_death
from actions.needs.reading import (
    LONG_MESSAGE,
    SENTENCE,
    asks_for_a_helper,
    read,
    refines_search,
    sentences,
    wish_part,
)
from actions.needs.words import fold

__all__ = [
    "CARE",
    "CARE_WORDS",
    "CONSTRAINTS",
    "CONSTRAINT_MISSING",
    "CONSTRAINT_PLAIN",
    "CONSTRAINT_PROGRAMMES",
    "DAYS",
    "DISABILITIES",
    "DISTANCE",
    "DROP",
    "GENERAL_HELP",
    "GENERIC_NEEDS",
    "LEARN",
    "LONG_MESSAGE",
    "NEEDS",
    "PROCEDURES",
    "SENTENCE",
    "TOOL_NEEDS",
    "Need",
    "Procedure",
    "Understanding",
    "all_declare",
    "apply_mode",
    "asks_for_a_helper",
    "care_asked",
    "constraint_missing",
    "constraint_plain",
    "detect",
    "distance_constraint",
    "distance_limit",
    "few_declare",
    "fold",
    "help_instead",
    "in_distance",
    "is_emergency",
    "lacks_a_phone",
    "mode_answer",
    "needs_mode_question",
    "normalise_constraint",
    "normalise_need",
    "normalise_procedure",
    "preferred_labels",
    "read",
    "read_care",
    "refines_search",
    "safety_reading",
    "says_a_death",
    "sentences",
    "services_for",
    "wish_part",
    "without_distance",
]
