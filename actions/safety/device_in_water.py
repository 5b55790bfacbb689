"""A phone, a tablet or a computer fallen into water (« mon téléphone est tombé dans la piscine »,
« j'ai fait tomber mon tel dans la baignoire », « mon ordi a pris l'eau », « mon iphone s'est
noyé »): a device to repair or replace, never danger. Read on folded text (lower case, no
accents). The device is the subject, or the object let fall: « mon fils est tombé dans la piscine
avec mon téléphone » is a person in the water, and stays the severe tier's."""

from __future__ import annotations

import re

from actions.safety.common_words import fold_text

DEVICE = (
    r"(?:telephone|tel|portable|smartphone|mobile|iphone|samsung|tablette|ipad|ordi|ordinateur"
    r"|pc|laptop|macbook|liseuse)s?"
)
_WHOSE = r"(?:mon|ma|mes|son|sa|ses|notre|nos|leur|le|la|les|l'|un|une|ce|cet|cette)"
WATER = (
    r"(?:l'?\s?eau|la flotte|la piscine|les toilettes|les wc|les chiottes|la cuvette|le bain"
    r"|la baignoire|la mer|l'ocean|la riviere|le lac|le canal|le bassin|l'evier|le lavabo"
    r"|la bassine|la douche|la machine a laver|une flaque|la flaque|l'aquarium|le seau"
    r"|la vaisselle)"
)
_FELL = r"(?:tombee?s?|glissee?s?|fait un plongeon|plonge)"
_INTO = rf"(?:dans|a|en|au fond de) {WATER}"
_DROWNED = r"(?:noyee?s?|pris l'?\s?eau|pris la flotte|pris un bain|bu la tasse|trempee?s?)"
# « mon téléphone (portable) est tombé dans la piscine », « mon ordi a pris l'eau »: the device
# said first, a word or two of its own, then what befell it
_SUBJECT = (
    rf"\b{_WHOSE} ?{DEVICE}(?: (?!(?:et|avec|qui|mais)\b)[\w-]+){{0,2}} "
    rf"(?:est|s'est|a|etait|s'etait|avait) (?:{_FELL} {_INTO}|{_DROWNED}(?: (?:dans|a) {WATER})?)"
)
# « j'ai fait tomber mon tel dans la baignoire », « laissé tomber ma tablette à la mer »,
# « j'ai noyé mon téléphone »
_OBJECT = (
    rf"\b(?:fait|laisse|fais|laisser|faire) (?:tomber|glisser) {_WHOSE} ?{DEVICE}"
    rf"(?: [\w-]+){{0,2}} {_INTO}"
    rf"|\bnoye {_WHOSE} ?{DEVICE}\b"
)
DEVICE_IN_WATER = re.compile(rf"(?:{_SUBJECT}|{_OBJECT})\b")


def as_breakdown(folded: str) -> str:
    """The folded message with each device fallen into water told as a device broken down
    (« mon téléphone est en panne »): what it means for the person, nothing of danger, and still
    a need (« au secours, mon tel est tombé dans l'eau » asks for another one)."""
    return DEVICE_IN_WATER.sub(" mon telephone est en panne ", folded)


def tells_a_device_in_water(text: str) -> bool:
    """The message tells a device fallen into water: a request to get another, whatever intent
    the NLU read (danger, off-topic)."""
    return DEVICE_IN_WATER.search(fold_text(text)) is not None
