"""Round 7 of the NLU data: needs, places and constraints, and the short answers of the
conversation (see gen_nlu.py for the annotation shorthand; keys are the names used in
gen_nlu.TEXT_INTENTS)."""

ASK_HELP_MORE7: list[str] = []
INFORM_MORE7: list[str] = []
MORE7_TASKS: dict[str, list[str]] = {}
