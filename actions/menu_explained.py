"""A question back to a need menu ("c'est quoi la différence ?", "je comprends pas les choix",
"ça veut dire quoi ?", "je sais pas lequel choisir"): one plain line per choice offered, then
the same question with the same buttons; never a choice picked for the person (tester t207,
i05: the third choice was taken). What each need is, said to someone who does not know the
words of the menu: one line per need, here only."""

from __future__ import annotations

import re

from rasa_sdk.executor import CollectingDispatcher

from actions import mode_default
from actions import needs as needs_mod
from actions.message_text import folded_words

EXPLAINED = {
    "demarches": "quelqu'un fait avec vous vos papiers sur internet (CAF, impôts, retraite…)",
    "demarches_autonomie": "on vous montre comment faire vos papiers sur internet, pour les "
    "faire seul ensuite",
    "sante": "de l'aide pour ameli, la carte Vitale et vos remboursements",
    "smartphone": "des cours pour utiliser votre téléphone ou votre tablette (appels, "
    "applications, photos)",
    "ordinateur": "des cours pour vous servir d'un ordinateur (souris, clavier, fichiers)",
    "quotidien": "apprendre à envoyer des mails et des photos, acheter ou faire une visio sur "
    "internet",
    "internet": "un lieu où se connecter à internet quand on n'en a pas chez soi",
    "materiel_usage": "un ordinateur, une imprimante ou un scanner à utiliser sur place, pour "
    "imprimer ou envoyer un papier",
    "materiel_achat": "un lieu où trouver un ordinateur ou un téléphone reconditionné, moins cher",
    "emploi": "de l'aide pour faire votre CV, chercher des offres et postuler sur internet",
    "entreprise": "de l'aide pour les démarches en ligne de votre entreprise ou de votre "
    "association",
    "securite": "de l'aide contre les arnaques, les faux messages et les comptes piratés",
    "parentalite": "suivre l'école de vos enfants en ligne (Pronote, ENT) et leur temps d'écran",
    "loisirs": "des ateliers pour créer avec le numérique : photo, vidéo, jeux",
    "culture": "comprendre les réseaux sociaux, l'intelligence artificielle et les fausses "
    "informations",
}
_CHOICES_NOT_UNDERSTOOD = re.compile(
    r"\b(?:diff|differences?|lequel|laquelle|lesquels|quoi choisir|choisir quoi)\b"
    r"|\bcomprends? (?:pas|rien) (?:les|vos|ces|aux) (?:choix|boutons|propositions|reponses)\b"
    r"|\b(?:c est|c|cest|ca veut dire|ca) (?:quoi|koi)\b"
)


def asks_what_choices_mean(text: str) -> bool:
    """A short question on the menu itself, naming no need: "c'est quoi la différence ?", "c koi
    la diff", "je comprends pas les choix", "ça veut dire quoi ?", "lequel je prends ?"."""
    folded = folded_words(text).replace("koi", "quoi")
    if not 0 < len(folded.split()) <= 10 or not needs_mod.detect(text).empty:
        return False
    return mode_default.confused(text) or bool(_CHOICES_NOT_UNDERSTOOD.search(folded))


def say(
    dispatcher: CollectingDispatcher, keys: list[str], buttons: list[dict], again: dict
) -> None:
    """One line per choice offered (its button's title, what it is), then the question again
    (``again``: the arguments of its message) with the same buttons."""
    lines = [f"- {b['title']} : {EXPLAINED[k]}"
             for k, b in zip(keys, buttons, strict=True) if k in EXPLAINED]  # fmt: skip
    dispatcher.utter_message(text="\n".join(["Voici ce que veut dire chaque choix :", *lines]))
    dispatcher.utter_message(**again, buttons=buttons)
