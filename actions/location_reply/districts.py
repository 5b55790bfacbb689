"""Districts of big towns as people name them (« je suis dans le quartier des Minguettes »,
« j'habite au Mirail », « à Hautepierre »): the district's town, and the district's own position
when a source gives it (round 29's tester, a27: « les Minguettes » was not recognised, although
the directory names a place after it, « France services La Poste de Vénissieux - Minguettes »).

One table, ``DISTRICTS``, a row a district: its name as written (with the article people use),
its town's INSEE code (an arrondissement's for Lyon and Marseille), its position or None, and the
source of both. A position comes from the directory's own record of a place named after the
district and standing in it (the embedded open data, Licence Ouverte 2.0: its id in
var/directory.sqlite3 and its name); without one, the town's point is searched from and the answer
names the town only. The town of a district is the one its directory place gives, or the one the
French Wikipedia article on the district names (article title given; only « Minguettes » was read
on this machine, 2026-12-08, the others written from the title and known town, to check).

A name that is also a commune's (« Maurepas », « Bellefontaine », « Gerland ») or a common word
(« Mistral », « Mermoz ») is the district only after « quartier » or « cité », or beside its
town's name (« quartier Maurepas », « à Maurepas à Rennes »); an article the commune lacks is
enough (« à la Castellane » is Marseille's, « à Castellane » the commune of the 04). Never after
a street word (« rue de la Villeneuve »)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.location_reply.lookup import locator
from actions.message_text import folded_words
from directory_client import gazetteer
from directory_client.text import name_key


@dataclass(frozen=True)
class District:
    name: str  # as said, with its article: "les Minguettes"
    insee: str  # the town's (or the arrondissement's) INSEE code
    position: tuple[float, float] | None
    source: str
    generic: bool = False  # a common word or a street's usual name: only beside « quartier »


_WIKI = "town: fr.wikipedia.org « {} »"


def _row(name: str, insee: str, position: tuple[float, float] | None, source: str,
         generic: bool = False) -> District:  # fmt: skip
    return District(name, insee, position, source, generic)


DISTRICTS: tuple[District, ...] = (
    # Vénissieux, Vaulx-en-Velin, Lyon
    _row("les Minguettes", "69259", (45.696143, 4.873269),
         "place 5570 « France services La Poste de Vénissieux - Minguettes »; fr.wikipedia.org "
         "« Minguettes » (45° 41′ 43″ N, 4° 52′ 28″ E, 150 m from it)"),
    _row("le Mas du Taureau", "69256", None, _WIKI.format("Mas du Taureau")),
    _row("la Duchère", "69389", (45.786518, 4.795958),
         "place 5258 « France services La Poste de La Duchère » (Lyon 9e)"),
    _row("Vaise", "69389", (45.77267, 4.805198),
         "place 4064 « France services Pimms Médiation Lyon Métropole - Vaise » (Lyon 9e)"),
    _row("Mermoz", "69388", (45.729002, 4.885133),
         "place 4316 « France services Pimms Médiation Lyon 8ème - Mermoz » (Lyon 8e)",
         generic=True),  # avenues and schools named after Jean Mermoz everywhere
    _row("Gerland", "69387", (45.730721, 4.82803),
         "place 2335 « Centre social Gerland » (Lyon 7e)"),
    _row("la Guillotière", "69387", None, _WIKI.format("La Guillotière")),
    _row("la Croix-Rousse", "69384", None, _WIKI.format("La Croix-Rousse")),
    # Marseille
    _row("les quartiers nord", "13215", None,
         "fr.wikipedia.org « Quartiers nord de Marseille » (13e to 16e arrondissements): the 15e, "
         "their middle", generic=True),
    _row("la Castellane", "13216", (43.3670752, 5.3402609),
         "place 4388 « France services Marseille 16ème - La Castellane »"),
    _row("la Belle de Mai", "13203", (43.314449, 5.387402),
         "place 1717 « La Fraternité de la Belle de Mai » (Marseille 3e)"),
    _row("la Busserine", "13214", None, _WIKI.format("La Busserine")),
    _row("Frais-Vallon", "13213", None, _WIKI.format("Frais-Vallon")),
    # Toulouse
    _row("le Mirail", "31555", (43.575237, 1.401993),
         "place 4770 « France services La Poste du Mirail »"),
    _row("la Reynerie", "31555", None, _WIKI.format("La Reynerie")),
    _row("Bellefontaine", "31555", None, _WIKI.format("Bellefontaine (Toulouse)")),
    _row("Bagatelle", "31555", None, _WIKI.format("Bagatelle (Toulouse)"), generic=True),
    _row("Empalot", "31555", (43.579108, 1.441695),
         "place 2464 « Centre Social Jean Moulin Empalot »"),
    _row("les Izards", "31555", (43.638228, 1.443985),
         "place 2463 « Centre social CAF des Izards »"),
    # Montpellier
    _row("la Paillade", "34172", None, _WIKI.format("La Paillade")),
    _row("la Mosson", "34172", None, _WIKI.format("Mosson (quartier)")),
    # Grenoble
    _row("la Villeneuve", "38185", None, _WIKI.format("Villeneuve de Grenoble")),
    _row("Mistral", "38185", None, _WIKI.format("Mistral (Grenoble)"), generic=True),
    _row("Teisseire", "38185", None, _WIKI.format("Teisseire (Grenoble)")),
    # Strasbourg
    _row("Hautepierre", "67482", (48.596321, 7.700128),
         "place 2256 « Centre Social Culturel Hautepierre »"),
    _row("le Neuhof", "67482", None, _WIKI.format("Neuhof (Strasbourg)")),
    _row("la Meinau", "67482", (48.549196, 7.750617),
         "place 1703 « Centre SocioCulturel de la Meinau »"),
    _row("l'Elsau", "67482", (48.566549, 7.725625), "place 5862 « France services de l'Elsau »"),
    _row("Cronenbourg", "67482", None, _WIKI.format("Cronenbourg")),
    # Bordeaux
    _row("les Aubiers", "33063", (44.873204, -0.573827),
         "place 5954 « France services Pimms Médiation Bordeaux-Les Aubiers »"),
    _row("Bacalan", "33063", (44.871254, -0.547122),
         "place 3029 « REGIE DE QUARTIER HABITER BACALAN »"),
    _row("le Grand Parc", "33063", None, _WIKI.format("Grand Parc (Bordeaux)"), generic=True),
    # Nantes
    _row("les Dervallières", "44109", None, _WIKI.format("Les Dervallières")),
    _row("la Bottière", "44109", None, _WIKI.format("Bottière")),
    _row("Malakoff", "44109", None, _WIKI.format("Malakoff (Nantes)")),
    # Rennes
    _row("le Blosne", "35238", None, _WIKI.format("Le Blosne")),
    _row("Villejean", "35238", None, _WIKI.format("Villejean")),
    _row("Maurepas", "35238", (48.126544, -1.663892), "place 3204 « Centre social de Maurepas »"),
    _row("Cleunay", "35238", None, _WIKI.format("Cleunay")),
    # Lille
    _row("Wazemmes", "59350", None, _WIKI.format("Wazemmes")),
    _row("Fives", "59350", None, _WIKI.format("Fives")),
    _row("Moulins", "59350", None, _WIKI.format("Moulins (Lille)")),
    _row("les Bois-Blancs", "59350", None, _WIKI.format("Bois-Blancs")),
    # Saint-Denis (93)
    _row("les Francs-Moisins", "93066", None, _WIKI.format("Franc-Moisin")),
    _row("le Franc-Moisin", "93066", None, _WIKI.format("Franc-Moisin")),
    _row("Floréal", "93066", None, _WIKI.format("Floréal (Saint-Denis)"), generic=True),
)

_ARTICLES = {"les": r"(?:les|aux|des)", "le": r"(?:le|au|du)", "la": r"(?:la|a la|de la)",
             "l": r"(?:l)"}  # fmt: skip
_QUALIFIER = r"(?:quartiers?|cite|cites|la cite|residence)\s+(?:(?:de|du|des|d)\s+)?"
_STREET = re.compile(
    r"\b(?:rue|avenue|av|bd|boulevard|place|allee|impasse|chemin|route|lycee|college|ecole)"
    r"(?:\s+\w+){0,3}\s*$"
)
# The town named beside a district of one of its arrondissements: "Lyon", "Marseille".
_CITIES = {"69": "lyon", "13": "marseille"}


@dataclass(frozen=True)
class _Reader:
    district: District
    qualified: re.Pattern  # "quartier des Minguettes", "cité Maurepas"
    plain: re.Pattern | None  # "aux Minguettes", "à Hautepierre"; None: only qualified
    town_words: tuple[str, ...]


def _town_words(district: District) -> tuple[str, ...]:
    commune = gazetteer.load(None).by_insee.get(district.insee)
    words = [name_key(commune.name)] if commune is not None else []
    if commune is not None and commune.kind == "ARM":
        words.append(_CITIES.get(commune.departement, ""))
    return tuple(w for w in words if w)


@lru_cache(maxsize=1)
def _readers() -> tuple[_Reader, ...]:
    index = gazetteer.load(None)
    readers = []
    for district in DISTRICTS:
        words = folded_words(district.name).split()
        article = words[0] if words[0] in _ARTICLES else None
        core = r"\s+".join(re.escape(w) for w in (words[1:] if article else words))
        qualified = re.compile(rf"\b{_QUALIFIER}(?:(?:la|le|les|l)\s+)?{core}\b")
        # "Maurepas", "La Villeneuve": a commune's name too; "la Castellane" is not ("Castellane")
        homonym = name_key(district.name) in index.by_key
        plain = None
        if not (homonym or district.generic):
            plain = re.compile(rf"\b{_ARTICLES[article]}\s+{core}\b" if article else rf"\b{core}\b")
        readers.append(_Reader(district, qualified, plain, _town_words(district)))
    return tuple(readers)


def district_named(text: str) -> District | None:
    """The district of the table ``text`` names as where the person is, or None."""
    folded = folded_words(text)
    for reader in _readers():
        town_said = any(re.search(rf"\b{re.escape(w)}\b", folded) for w in reader.town_words)
        patterns = [reader.qualified]
        if reader.plain is not None:
            patterns.append(reader.plain)
        elif town_said:  # "Maurepas à Rennes", "à la Villeneuve, Grenoble"
            patterns.append(re.compile(reader.qualified.pattern.replace(_QUALIFIER, "", 1)))
        for pattern in patterns:
            for said in pattern.finditer(folded):
                if not _STREET.search(folded[: said.start()]):
                    return reader.district
    return None


def district_location(district: District) -> dict | None:
    """Where to search for ``district``: its town's location, at the district's position with
    ``district`` its name when one is known ("les Minguettes"); None when the town is unknown."""
    commune = gazetteer.load(None).by_insee.get(district.insee)
    if commune is None:
        return None
    found = locator().locate(commune.name if commune.kind == "ARM" else
                             f"{commune.name} {commune.departement}")  # fmt: skip
    best = found.best if found.status == "found" else None
    if best is None or best.code_insee != district.insee:
        return None
    location = best.to_dict()
    if district.position is not None:
        location.update(lat=district.position[0], lon=district.position[1],
                        district=district.name)  # fmt: skip
    return location


def district_said(text: str, tagged: list[str]) -> dict | None:
    """Where to search when ``text`` names a district of the table (``district_location``), or
    None; None too when the NLU tagged another town than the district's ("quartier Maurepas,
    je cherche à Versailles": Versailles is asked for)."""
    district = district_named(text)
    if district is None:
        return None
    own = {name_key(district.name), *_town_words(district),
           *(" ".join(name_key(district.name).split()[1:]),)}  # fmt: skip
    if any(name_key(value) not in own for value in tagged if name_key(value)):
        return None
    return district_location(district)
