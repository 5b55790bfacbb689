"""The alarm tier: strong words that ordinary requests use too ("au secours", "vite", "urgent",
"en danger", "noyé", "suivi par un"…). They mean danger only when the message states no digital
need (``actions.safety.reading``)."""

from __future__ import annotations

import re

from actions.safety.common_words import CARERS

ALARM: tuple[str, ...] = (
    # Grave things named, said by ordinary requests too ("mon traitement contre l'épilepsie",
    # "les fusils de chasse de mon père à déclarer", "une pièce sur un incendie"): danger when
    # the message states no digital need; beside one, only what happens says danger (the acts
    # in SEVERE, or the meaning).
    r"malaise",
    r"incendie",
    r"couteau",
    r"pistolet",
    r"fusil",
    r"poignard\w*",
    r"empoisonn\w*",
    # "avc quelqu'un" alone is "avec quelqu'un" (an answer in SMS spelling), not a stroke.
    r"(?<!^)avc\b|^avc\b(?! (quelqu|qqn|qq ?1|qq un|qlq|kelk|moi\b)\W*\w*\W*$)",
    r"infarctus",
    r"overdose",
    r"electrocut\w*",
    r"epilep\w*",
    r"flammes",
    r"\bcontractions\b",
    r"pompiers",
    # A word of the job in "je suis ambulancier au SAMU": danger only with no digital need.
    r"ambulance",
    r"samu",
    r"sos",
    r"craque\w*",
    r"(tout )?casser",
    r"peter un cable",
    r"(est|suis|sont) morte?s?",
    r"me tue",
    r"mourir",
    r"me tuer",
    r"en finir",
    r"en danger",
    r"agress\w*",
    r"au secours",
    # followed by someone, not cared for ("suivie par une psy": a need said with it is served)
    rf"suivie? par une? (?!({CARERS}|infirmi)\w*)",
    r"^\W*urgen(ce|t)\W*$",
    r"fait une crise",
    r"ca brule",
    r"mal,? je vais tomber",
    r"au secour\b",
    r"les secours",
    r"faire une connerie",
    r"partir pour de bon",
    r"partir pour toujours",
    r"inondation",
    r"vite vite",
    r"^\W*urgent( urgent)*\W*$",
    r"^\W*sos\W*$",
    r"sos aidez",
    r"^\W*a l'aide",
    r"^\W*(o |au )?secours\W*$",
    r"venez vite",
    r"fumee dans",
    r"(est|suis) par terre",
    r"je me tue",
    r"noye",
    r"venez m'aider vite",
    r"trouve nulle part",
    r"pris (toutes|tous) (ses|mes|les)",
    r"s'est effondre",
    r"avec (des gens|quelqu'un) dedans",
    r"frappe (ma|sa|mon|son) ",
    r"regrettera",
    r"aidez(-| )(moi|nous) vite",
    r"violente?s?\b",
    r"\btuer\b",
    r"vie (est )?foutue",
)

ALARM_RE = re.compile(r"\b(" + "|".join(ALARM) + ")")
