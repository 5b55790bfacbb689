"""Where the person is: a town read from an answer or a sentence, the towns of one name to
choose from ("Lequel est le vôtre ?", the buttons and "Aucun"), "n'importe où" in a
département, a shared position, and the questions asked when the place is not known yet.
``resolve_location`` is the entry point (``actions.orient_flow.orient``); the state is
``actions.state.State``.

One job per module; this file is the public API, imported as ``actions.location_reply``:

- ``resolve``: the turn that reads a town answer (``resolve_location``);
- ``town_questions``: the questions asked while the place is not known (the town, the commune
  in a département, "Je ne trouve pas « … »");
- ``choices``: the towns to choose from, asked and picked;
- ``no_town_answers``: answers to "where?" that are no town (anywhere, a command, "Aucun");
- ``guesses``: a town the NLU missed, read in the words of a sentence;
- ``name_match``: whether the words written name the town the locator found;
- ``words_around``: a locator result read again with the words around the name tagged;
- ``area_named``: a commune's name with a département ("aix dans l'ain");
- ``corrections``: "non pas la réunion, la martinique": the place said to be wrong;
- ``position``: a position shared from the phone;
- ``another_town``: a town named in a message about the places shown, not the one searched;
- ``lookup``: the locator (``actions.backends.get_locator``) and the words as compared.
"""

from actions.location_reply.another_town import names_another_town
from actions.location_reply.area_named import names_town_and_area
from actions.location_reply.choices import ask_choice_again, pick_choice
from actions.location_reply.guesses import guess_place, looks_like_place, misspelt_town_answer
from actions.location_reply.name_match import USUAL_NAMES_OF, names_only_a_town, plausible_guess
from actions.location_reply.no_town_answers import command_word, says_anywhere, says_none_of_them
from actions.location_reply.resolve import resolve_location
from actions.location_reply.town_questions import (
    ask_location,
    ask_town,
    ask_town_simpler,
    asks_why_town,
    explain_why_town,
    waits_for_town,
)

__all__ = [
    "USUAL_NAMES_OF",
    "ask_choice_again",
    "ask_location",
    "ask_town",
    "ask_town_simpler",
    "asks_why_town",
    "command_word",
    "explain_why_town",
    "guess_place",
    "looks_like_place",
    "misspelt_town_answer",
    "names_another_town",
    "names_only_a_town",
    "names_town_and_area",
    "pick_choice",
    "plausible_guess",
    "resolve_location",
    "says_anywhere",
    "says_none_of_them",
    "waits_for_town",
]
