"""Round 7 of the NLU data: small talk, out-of-scope requests and emergencies (see gen_nlu.py
for the annotation shorthand; keys are the names used in gen_nlu.TEXT_INTENTS)."""

MORE7_SOCIAL: dict[str, list[str]] = {}
