"""French departments (101) and overseas collectivities: code → name."""

# fmt: off
DEPARTEMENTS: dict[str, str] = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence",
    "05": "Hautes-Alpes", "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes",
    "09": "Ariège", "10": "Aube", "11": "Aude", "12": "Aveyron", "13": "Bouches-du-Rhône",
    "14": "Calvados", "15": "Cantal", "16": "Charente", "17": "Charente-Maritime", "18": "Cher",
    "19": "Corrèze", "2A": "Corse-du-Sud", "2B": "Haute-Corse", "21": "Côte-d'Or",
    "22": "Côtes-d'Armor", "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme",
    "27": "Eure", "28": "Eure-et-Loir", "29": "Finistère", "30": "Gard", "31": "Haute-Garonne",
    "32": "Gers", "33": "Gironde", "34": "Hérault", "35": "Ille-et-Vilaine", "36": "Indre",
    "37": "Indre-et-Loire", "38": "Isère", "39": "Jura", "40": "Landes", "41": "Loir-et-Cher",
    "42": "Loire", "43": "Haute-Loire", "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot",
    "47": "Lot-et-Garonne", "48": "Lozère", "49": "Maine-et-Loire", "50": "Manche",
    "51": "Marne", "52": "Haute-Marne", "53": "Mayenne", "54": "Meurthe-et-Moselle",
    "55": "Meuse", "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord", "60": "Oise",
    "61": "Orne", "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin", "68": "Haut-Rhin",
    "69": "Rhône", "70": "Haute-Saône", "71": "Saône-et-Loire", "72": "Sarthe", "73": "Savoie",
    "74": "Haute-Savoie", "75": "Paris", "76": "Seine-Maritime", "77": "Seine-et-Marne",
    "78": "Yvelines", "79": "Deux-Sèvres", "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne",
    "83": "Var", "84": "Vaucluse", "85": "Vendée", "86": "Vienne", "87": "Haute-Vienne",
    "88": "Vosges", "89": "Yonne", "90": "Territoire de Belfort", "91": "Essonne",
    "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
    "971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion",
    "976": "Mayotte",
    # Overseas collectivities (not in the gazetteer; found through the directory's communes).
    "975": "Saint-Pierre-et-Miquelon", "977": "Saint-Barthélemy", "978": "Saint-Martin",
    "986": "Wallis-et-Futuna", "987": "Polynésie française", "988": "Nouvelle-Calédonie",
}

# Other ways people name a department (folded keys are built from these too).
ALIASES: dict[str, str] = {
    "Réunion": "974", "Ile de la Réunion": "974", "Corse du Sud": "2A", "Haute Corse": "2B",
    "Guyane française": "973", "Nouvelle Calédonie": "988", "Polynésie": "987",
    "Tahiti": "987", "Calédonie": "988", "Seine Saint Denis": "93", "Neuf trois": "93",
}
# fmt: on

# How French puts a department in a sentence, where it is not "en <name>" (feminine names, and
# the names starting with a vowel: "en Gironde", "en Seine-Saint-Denis", "en Ardèche"): masculine
# names take "dans le" ("dans le Nord", "dans le Val-d'Oise"), plural ones "dans les", some
# feminine rivers "dans la" ("dans la Somme"), masculine ones and rivers starting with a vowel
# "dans l'" ("dans l'Ain", "dans l'Oise"), islands and collectivities named like a town "à"
# ("à La Réunion", "à Mayotte", "à Saint-Martin").
# fmt: off
_IN_EXCEPTIONS: dict[str, str] = {
    **dict.fromkeys(
        ("59", "69", "83", "30", "46", "18", "25", "39", "81", "14", "15", "29", "32", "45", "56",
         "62", "63", "94", "95", "90", "84", "68", "67", "41", "47", "82", "49"),
        "dans le "),
    # Rivers, and a name that is also a town: "dans la Somme", "dans la Vienne".
    **dict.fromkeys(("23", "42", "50", "51", "55", "58", "80", "86"), "dans la "),
    **dict.fromkeys(
        ("04", "05", "06", "08", "13", "22", "40", "64", "65", "66", "79", "88", "78", "92"),
        "dans les "),
    **dict.fromkeys(("01", "02", "03", "10", "11", "12", "27", "34", "36", "60", "61", "89"),
                    "dans l'"),
    **dict.fromkeys(("75", "974", "976", "975", "977", "978", "986"), "à "),
}
# fmt: on


def located_in(code: str) -> str:
    """The department in a sentence: ``"59"`` → "dans le Nord", ``"33"`` → "en Gironde",
    ``"13"`` → "dans les Bouches-du-Rhône", ``"974"`` → "à La Réunion". A code not known is
    given as "dans le <code>" ("dans le 99"), as people say it."""
    name = DEPARTEMENTS.get(code)
    if name is None:
        return f"dans le {code}"
    return f"{_IN_EXCEPTIONS.get(code, 'en ')}{name}"


# Regions (2016) and a few former ones people still use: a region is too wide to search around,
# so the Locator asks which department.
# fmt: off
REGIONS: dict[str, tuple[str, ...]] = {
    "Auvergne-Rhône-Alpes": (
        "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
    ),
    "Bourgogne-Franche-Comté": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "Bretagne": ("22", "29", "35", "56"),
    "Centre-Val de Loire": ("18", "28", "36", "37", "41", "45"),
    "Corse": ("2A", "2B"),
    "Grand Est": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "Hauts-de-France": ("02", "59", "60", "62", "80"),
    "Île-de-France": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Normandie": ("14", "27", "50", "61", "76"),
    "Nouvelle-Aquitaine": ("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"),
    "Occitanie": ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    "Pays de la Loire": ("44", "49", "53", "72", "85"),
    "Provence-Alpes-Côte d'Azur": ("04", "05", "06", "13", "83", "84"),
    "PACA": ("04", "05", "06", "13", "83", "84"),
    "IDF": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Région parisienne": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Alsace": ("67", "68"),
    "Lorraine": ("54", "55", "57", "88"),
    "Picardie": ("02", "60", "80"),
    "Nord-Pas-de-Calais": ("59", "62"),
    "Bourgogne": ("21", "58", "71", "89"),
    "Franche-Comté": ("25", "39", "70", "90"),
    "Auvergne": ("03", "15", "43", "63"),
    "Rhône-Alpes": ("01", "07", "26", "38", "42", "69", "73", "74"),
    "Limousin": ("19", "23", "87"),
    "Aquitaine": ("24", "33", "40", "47", "64"),
    "Poitou-Charentes": ("16", "17", "79", "86"),
    "Midi-Pyrénées": ("09", "12", "31", "32", "46", "65", "81", "82"),
    "Languedoc-Roussillon": ("11", "30", "34", "48", "66"),
    "Champagne-Ardenne": ("08", "10", "51", "52"),
}
# fmt: on
