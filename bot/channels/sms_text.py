"""SMS text helpers: GSM-7 detection, segment counting, GSM-7 folding, link shortening.

An SMS is billed per *segment*. A message written only with the GSM 03.38 alphabet (GSM-7) fits
160 characters in one segment and 153 per segment once it is split; a single character outside
it switches the whole message to UCS-2: 70 characters, then 67 per segment. French loses little
in GSM-7 (é è à ù ì ò É Ç are in it) but ê â î ô û ç œ and the typographic apostrophe are not, so
``to_gsm7`` folds those when that keeps the whole message in GSM-7.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

# GSM 03.38 basic character set (one septet each; ESC 0x1B excluded).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Extension table: ESC + one septet, so two septets each.
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67

# Replacements that keep the meaning and usually bring French text back into GSM-7.
_FOLD = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2026": "...", "\u2022": "-", "·": "-",
    "ê": "e", "ë": "e", "â": "a", "á": "a", "î": "i", "ï": "i", "í": "i",
    "ô": "o", "ó": "o", "û": "u", "ú": "u", "ç": "c", "ÿ": "y",
    "œ": "oe", "Œ": "OE",
    "Ê": "E", "Ë": "E", "È": "E", "Â": "A", "À": "A", "Á": "A", "Î": "I", "Ï": "I",
    "Ô": "O", "Û": "U", "Ù": "U", "Ÿ": "Y",
}
_FOLD_TABLE = str.maketrans(_FOLD)
# « Bonjour » → "Bonjour": drop the (non-breaking) space French puts inside guillemets.
_GUILLEMETS = re.compile(r"«[\s\u00a0\u202f]*|[\s\u00a0\u202f]*»")


def is_gsm7(text: str) -> bool:
    """True when every character of ``text`` can be sent in the GSM-7 alphabet."""
    return all(c in GSM7_BASIC or c in GSM7_EXTENDED for c in text)


def _septets(char: str) -> int:
    return 2 if char in GSM7_EXTENDED else 1


def _pack(units: list[int], single: int, multi: int) -> int:
    """Number of segments for a list of unit sizes, never splitting one character."""
    total = sum(units)
    if total == 0:
        return 0
    if total <= single:
        return 1
    segments, used = 1, 0
    for size in units:
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return segments


def segments(text: str) -> int:
    """How many SMS segments ``text`` costs (0 for an empty text)."""
    if is_gsm7(text):
        return _pack([_septets(c) for c in text], GSM7_SINGLE, GSM7_MULTI)
    # UCS-2 counts UTF-16 code units: characters outside the BMP (emoji) take two.
    return _pack([2 if ord(c) > 0xFFFF else 1 for c in text], UCS2_SINGLE, UCS2_MULTI)


def encoding(text: str) -> str:
    """``"GSM-7"`` or ``"UCS-2"``."""
    return "GSM-7" if is_gsm7(text) else "UCS-2"


def to_gsm7(text: str) -> str:
    """Fold typographic characters and a few accented letters so ``text`` is GSM-7.

    Returns ``text`` unchanged when folding would not make it fully GSM-7 (an emoji or a
    non-Latin script keeps the message in UCS-2 anyway, so there is nothing to gain).
    """
    if is_gsm7(text):
        return text
    folded = _GUILLEMETS.sub(lambda m: '"', text).translate(_FOLD_TABLE)
    return folded if is_gsm7(folded) else text


_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|xtor|_hs\w+|ref|igshid)$", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://[^\s<>\"']+|\bwww\.[^\s<>\"']+", re.IGNORECASE)


def shorten_url(url: str) -> str:
    """Keep what matters of a link: host (without www.) and path, minus tracking parameters.

    ``https://www.france-services.gouv.fr/?utm_source=x`` → ``france-services.gouv.fr``
    """
    url = url.strip().rstrip(".,;:!?)")
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = parts.netloc.lower()
    host = host.split("@")[-1]
    if host.startswith("www."):
        host = host[4:]
    if host.endswith(":80") or host.endswith(":443"):
        host = host.rsplit(":", 1)[0]
    path = parts.path.rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    out = host + path
    if query:
        out += "?" + urlencode(query)
    return out


def shorten_links(text: str) -> str:
    """Shorten every link found in ``text`` with :func:`shorten_url`."""
    def _one(match: re.Match) -> str:
        raw = match.group(0)
        trail = raw[len(raw.rstrip(".,;:!?)")):]
        return shorten_url(raw) + trail
    return _URL.sub(_one, text)
