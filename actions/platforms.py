"""The services people have an account with, named once (folded words, as regular expressions).

Read by the situations (harassment on a social network: ``actions.situations``) and by "forget
me" (deleting an account elsewhere is a request for help, not an erasure of this conversation:
``conversation_actions.ActionForgetMe``). The telephone and internet operators are the town guard's
(``directory_client.town_words.OPERATORS``: "ma box Orange" is no town).
"""

from __future__ import annotations

import re

from directory_client.town_words import OPERATORS

# Social networks and messaging apps.
SOCIAL = (
    r"insta\w*", r"facebook", r"fb", r"snap\w*", r"tiktok", r"whatsapp", r"twitter", r"linkedin",
    r"youtube", r"messenger", r"telegram", r"discord",
)  # fmt: skip
# Mail and the accounts of a phone or a computer.
MAIL = (r"gmail", r"google", r"microsoft", r"apple", r"icloud", r"hotmail", r"outlook", r"yahoo")
# Public services, shops, banks.
PUBLIC = (r"caf", r"ameli", r"impots")
SHOPS = (r"amazon", r"leboncoin")
BANKS = (r"banque",)
EVERY = SOCIAL + MAIL + PUBLIC + SHOPS + tuple(re.escape(o) for o in sorted(OPERATORS)) + BANKS


def alternatives(names: tuple[str, ...]) -> str:
    """``names`` as one group of a regular expression: "(insta\\w*|facebook|…)"."""
    return "(" + "|".join(names) + ")"
