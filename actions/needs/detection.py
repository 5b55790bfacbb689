"""``detect``: needs, procedures, constraints and the mode read from the words of a message,
with the rules that weigh one family of needs against another (second needs, needs ruled out)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actions.day_in_story import day_in_story
from actions.needs.care import CARE, DISABILITIES, read_care
from actions.needs.catalogue import _ADMIN_NEEDS, _EQUIPMENT, GENERAL_HELP, PROCEDURES, TOOL_NEEDS
from actions.needs.constraints import _WITHOUT, DAYS
from actions.needs.distance import _read_distance, distance_constraint
from actions.needs.equipment import (
    _BORROWED,
    _BOUGHT,
    _DEAD_DEVICE,
    _EQUIPPED,
    _GIVEN_AWAY,
    _NO_DEVICE,
    _NO_INTERNET,
    _NOT_FOOLED,
    _PRICE,
    _USE_DEVICE,
    _WORKS_FINE,
    devices_said,
)
from actions.needs.keywords import _COMPILED
from actions.needs.leisure import (
    _CREATION,
    _CREATIVE_LOISIRS,
    code_is_the_need,
    games_on_a_device,
)
from actions.needs.modes import _ALONE, _DONE_FOR_ME, _WITH
from actions.needs.online_safety import (
    _BANK,
    _BOOKKEEPING,
    _CODE_AWAITED,
    _NO_PAYMENT,
    _RECEIVED,
    _safe_now_blanked,
    disguise_blanked,
)
from actions.needs.papers import _PROCEDURE_ACTION, _TOLD, _WITHIN
from actions.needs.parenting import (
    _FAMILY,
    _KID_LEARNS,
    _KIN_REACHED,
    _PARENTING_ASKED,
    kin_reached_in_wish,
)
from actions.needs.said_plainly import _TO_LEARN, complete
from actions.needs.tools import _KNOWS_THE_DEVICE, _LEARN, _SOCIAL_HELP
from actions.needs.two_requests import file_to_do, without_allowance
from actions.needs.who import status_blanked
from actions.needs.words import _SMS_ELISION, _matches, fold
from actions.needs.work import (
    _CLAUSE_END,
    _FRANCE_TRAVAIL_FILE,
    _JOB_SEEKING,
    _OWN_ORGANISATION,
    _PROFESSIONAL,
)


@dataclass
class Understanding:
    needs: list[str] = field(default_factory=list)  # keys of NEEDS, most specific first
    procedures: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    mode: str | None = None  # "avec_moi" | "autonomie" | None
    # Needs the words rule out ("j'ai reçu un mail de la CAF": not the CAF file; "je viens
    # d'acheter un ordinateur": not one to get): the meaning may not bring them back.
    ruled_out: set[str] = field(default_factory=set)
    # The needs read are a guess: keys of the likeliest needs to offer as a choice (else empty).
    choices: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # constraints said away ("sans le samedi")

    @property
    def empty(self) -> bool:
        return not (self.needs or self.procedures)


# The titles the ANTS makes, named (the identity card, the passport): not the office's name alone.
_ANTS_TITLES = tuple(p for p in _COMPILED["procedure"]["ants"] if p.pattern != r"\bants\b")


def detect(text: str) -> Understanding:
    """Read needs, procedures, constraints and the wanted mode from free text (keywords)."""
    from actions import not_ours  # it reads needs: imported here

    # "apprendre le français", "faire garder ma fille": no digital need (actions/not_ours.py)
    folded = not_ours.without(_SMS_ELISION.sub(r"\1'\2", fold(text)[:2000].replace("’", "'")))
    found = Understanding()
    # "un faux conseiller de la CAF": the office a scammer posed as is no procedure to do, nor
    # is its name a need (the scam's words are kept).
    posed = (disguised := disguise_blanked(folded)) != folded
    folded = disguised
    # "retraité, facture edf en ligne": who the person is, no procedure (the criteria, read
    # below, keep the words: a retired person is a senior)
    for key, patterns in _COMPILED["procedure"].items():
        if _matches(status_blanked(folded), patterns):
            found.procedures.append(key)
    for narrow, wide in _WITHIN.items():
        if narrow in found.procedures and wide in found.procedures:
            found.procedures.remove(wide)  # "ma demande de RSA sur le site de la CAF": the RSA's
    if "ants" in found.procedures and "titre_sejour" in found.procedures and not _matches(
        folded, _ANTS_TITLES
    ):
        # "titre séjour ANTS": the office named beside a titre de séjour (the ANEF's), no title
        # of its own said: the titre's list, never a passport's
        found.procedures.remove("ants")
    if len(found.procedures) > 1:
        # "la CAF m'a dit de déclarer aux impôts": what an office told them is the story; the
        # procedure asked for is the one named outside it ("une demande de pension de réversion").
        asked = _TOLD.sub(" ", folded)
        kept = [k for k in found.procedures if _matches(asked, _COMPILED["procedure"][k])]
        if kept:
            found.procedures = kept
            folded = asked  # nor are its words a need ("prévenir la sécu")
    framing = _PROFESSIONAL.search(folded)
    if framing and _OWN_ORGANISATION.search(folded, framing.end()):
        framing = None  # "…, on veut faire une newsletter pour nos adhérents": their own need
    if framing:
        # "je suis conseillère à France Travail": where they work, not a procedure to do; the
        # request of the person they help, said after it, is read ("…, j'ai une dame qui doit
        # faire sa demande de retraite de réversion et n'a pas d'ordinateur").
        end = _CLAUSE_END.search(folded, framing.end())
        folded = folded[: framing.start()] + " " + (folded[end.start() :] if end else "")
        found.procedures = [
            k for k in found.procedures if _matches(folded, _COMPILED["procedure"][k])
        ]
        if not found.procedures:
            found.ruled_out |= _ADMIN_NEEDS | {"emploi", "entreprise"}
    km = _read_distance(folded)
    if km is not None:
        found.constraints.append(distance_constraint(km))
    for key, patterns in _COMPILED["constraint"].items():
        said = next((m for p in patterns for m in [p.search(folded)] if m), None)
        if said is None or key in DAYS and day_in_story(folded, said.start(), said.end()):
            continue  # "ils m'appellent le dimanche": when someone else calls, not a criterion
        if _WITHOUT.search(folded[max(0, said.start() - 30) : said.start()]):
            found.dropped.append(key)  # "sans le samedi", "Sans le critère « gratuits »"
        else:
            found.constraints.append(key)
    # Motor disability is "accessible" above: the desk's "ne marche pas" is, in a chat, most
    # often a device that does not work.
    found.constraints += [CARE + care for care in read_care(text) if care in DISABILITIES]
    folded = _safe_now_blanked(folded)  # "aujourd'hui en sécurité": safe, no need
    folded = status_blanked(folded)  # "pompier volontaire, je dois…": who, not a need
    lacks_payment = bool(_NO_PAYMENT.search(folded))
    folded = _NO_PAYMENT.sub(" ", folded)  # "pas de carte bancaire": no need of its own
    strong = [k for k, patterns in _COMPILED["need"].items() if _matches(folded, patterns)]
    weak = [k for k, patterns in _COMPILED["weak"].items() if _matches(folded, patterns)]
    if lacks_payment and "securite" not in strong:
        found.ruled_out.add("securite")  # nor may its meaning make it a scam to avoid
    # A device that died beside another request (a procedure: "mon portable a rendu l'âme,
    # comment je fais pour ma CAF"): not one to buy unless asked, a computer on site. Said alone
    # ("sos mon ordi est mort"), getting another is what independent writers labelled it.
    dead_device = _DEAD_DEVICE.search(folded)
    if dead_device and not found.procedures and all(
        k in TOOL_NEEDS or k in ("materiel_usage", "materiel_achat") for k in strong
    ):
        if "materiel_achat" not in strong:
            strong.insert(0, "materiel_achat")
        dead_device = None
    if dead_device and "materiel_achat" not in strong:
        found.ruled_out.add("materiel_achat")  # a phone that died: not one to buy, unless asked
    no_device = _NO_DEVICE.search(folded) or _USE_DEVICE.search(folded) or dead_device
    learning = bool(_LEARN.search(folded))
    if learning and _PRICE.search(folded) and "materiel_achat" not in strong:
        found.ruled_out.add("materiel_achat")  # the price of lessons, not a device to buy
    if no_device and "materiel_achat" not in strong and not learning:
        # "j'ai pas d'ordi", "utiliser un ordi": one to use on site, not lessons.
        strong = [k for k in strong if k != "ordinateur"]
        if "materiel_usage" not in strong:
            strong.append("materiel_usage")
    elif learning and "materiel_achat" not in strong and _NO_DEVICE.search(folded):
        # "j'ai pas d'ordi et je veux apprendre à m'en servir": lessons, and one to use there
        if "materiel_usage" not in strong:
            strong.append("materiel_usage")
    if "materiel_usage" in strong and _BORROWED.search(folded) and not _TO_LEARN.search(folded):
        strong = [k for k in strong if k not in TOOL_NEEDS]  # borrowed for one's own training
    if "materiel_achat" in strong and found.procedures and not _PROCEDURE_ACTION.search(folded):
        # "ordi reconditionné pas cher, je suis au RSA": the benefit says who, not what to do.
        found.procedures = []
        strong = [k for k in strong if k not in _ADMIN_NEEDS]
        found.ruled_out |= _ADMIN_NEEDS
    if posed and not found.procedures:
        found.ruled_out |= _ADMIN_NEEDS  # nor may its meaning bring the office back
    if _GIVEN_AWAY.search(folded):
        # "donner mon ancien portable": to the places that pass devices on, no lesson on it
        strong = [k for k in strong if k not in TOOL_NEEDS and k != "materiel_usage"]
        found.ruled_out |= TOOL_NEEDS | {"materiel_usage", "internet"}
    if _BOUGHT.search(folded):
        # "je viens d'acheter un ordinateur": it is there, learning to use it is the need.
        strong = [k for k in strong if k != "materiel_achat"]
        found.ruled_out.add("materiel_achat")
    if "materiel_achat" in strong and "internet" in strong and not _NO_INTERNET.search(folded):
        # "un forfait solidaire", "une box pas chère": a plan to get, not a connection on site.
        strong.remove("internet")
    if "materiel_achat" in strong and not _LEARN.search(folded):
        # "acheter un ordi pas cher" is about getting one, not learning to use it.
        strong = [k for k in strong if k not in ("ordinateur", "smartphone")]
    if (
        "materiel_achat" in strong
        and _NOT_FOOLED.search(folded)
        and not _matches(_NOT_FOOLED.sub(" ", folded), _COMPILED["need"]["securite"])
    ):
        # "un ordinateur pas cher sans me faire avoir": a buyer's care, not online safety
        strong = [k for k in strong if k != "securite"]
        found.ruled_out.add("securite")
    if "internet" in strong and "materiel_usage" in strong:
        strong.remove("internet")  # one service: a computer with a connection, on site
    if "loisirs" in strong:
        # "créer un livre de recettes … pour l'imprimer", "un club photo qui apprend Lightroom":
        # printing and photos are part of the creation.
        strong = [k for k in strong if k != "quotidien" and (k != "materiel_usage" or no_device)]
    if "securite" in strong and "smartphone" in strong and "pirat" in folded:
        strong.remove("smartphone")
    if _SOCIAL_HELP.search(folded) and not strong:
        # "jai besoin d'aide pour facebook", "mon compte tiktok": using it is the need (hacked,
        # it is online safety; a child's, parenting), not a procedure for an account. Only when
        # nothing else is said: "une page facebook pour mon commerce" is the business's need
        # (measured: added beside other needs, it cost 0.4 points on the unread sets).
        strong = ["quotidien"]
    if "securite" in strong and _RECEIVED.search(folded) and not file_to_do(folded):
        # "un mail de l'assurance maladie, je suis pas sûr que ce soit vrai": the organisation
        # named is the sender of a suspicious message, not a procedure to do.
        found.procedures = []
        strong = [k for k in strong if k not in _ADMIN_NEEDS and k != "quotidien"]
        found.ruled_out |= _ADMIN_NEEDS
    job_seeking_too = bool(_JOB_SEEKING.search(folded))
    job_seeking = job_seeking_too and not _FRANCE_TRAVAIL_FILE.search(folded)
    if "france_travail" in found.procedures and job_seeking:
        # "France Travail m'a dit de refaire mon CV": looking for work is the need.
        found.procedures.remove("france_travail")
        found.ruled_out |= _ADMIN_NEEDS
    if found.procedures:
        # A named procedure is an administrative need (health for ameli), whatever the words.
        if "agricole" in found.procedures and not {"entreprise", "emploi"} & set(strong):
            # "mon registre d'élevage en ligne et la BDNI": the farm's file to do, no business
            # named; nor may the meaning of a farmer's words bring the business service in
            found.ruled_out.add("entreprise")
        for proc in found.procedures:
            need = PROCEDURES[proc].need
            if need not in strong:
                strong.insert(0, need)
        if "emploi" in strong and "france_travail" in found.procedures and not job_seeking_too:
            strong.remove("emploi")
        weak = [k for k in weak if k != "demarches"]
    kin_wished = kin_reached_in_wish(folded)
    if _KIN_REACHED.search(folded) and not _PARENTING_ASKED.search(folded) or kin_wished:
        strong = [k for k in strong if k != "parentalite"] or ["quotidien"]
        found.ruled_out.add("parentalite")  # "appeler mes petits-enfants": who, not a need
    if kin_wished and "loisirs" in strong and not any(p.search(folded) for p in _CREATIVE_LOISIRS):
        # "mon petit-fils joue trop aux jeux vidéo et moi je voudrais faire des visios avec
        # lui": his games are the story, her calls the need; nothing to create.
        strong = [k for k in strong if k != "loisirs"] or ["quotidien"]
        found.ruled_out.add("loisirs")
    if any(k not in TOOL_NEEDS for k in strong):
        # "faire ma déclaration sur mon téléphone", "un entretien d'embauche en visio": the device
        # is the means, the other need the need — unless they ask to learn the device too.
        if not _LEARN.search(folded):
            # With a device to get, what it is for (visios, photos) is something to learn.
            kept = {"quotidien"} if "materiel_achat" in strong else set()
            strong = [k for k in strong if k not in TOOL_NEEDS or k in kept]
        strong.sort(key=lambda k: (k in TOOL_NEEDS, k not in ("demarches", "sante")))
    if (
        "parentalite" not in found.ruled_out
        and ("materiel_achat" in strong or _KID_LEARNS.search(folded))
        and not _PARENTING_ASKED.search(folded)
    ):
        # A device to get for a child, or a child who wants to learn a tool: the child is who.
        strong = [k for k in strong if k != "parentalite"]
        found.ruled_out.add("parentalite")
    if (
        "loisirs" in strong
        and ("culture" in strong or "parentalite" in strong)
        and not _CREATION.search(folded)
        and not any(p.search(folded) for p in _CREATIVE_LOISIRS)
    ):
        # "mon fils me tue avec ses jeux vidéo", "pourquoi YouTube me propose les mêmes vidéos":
        # games and videos watched or played, with a child or to understand: nothing to create.
        strong.remove("loisirs")
        found.ruled_out.add("loisirs")
    # Equipment the person has ("tout le matériel qu'il faut", "la box marche très bien"): the
    # other need is the need, and the meaning may not bring the equipment back either.
    if _EQUIPPED.search(folded):
        strong = [k for k in strong if k not in _EQUIPMENT] or strong
        found.ruled_out |= _EQUIPMENT
    elif _WORKS_FINE.search(folded):
        strong = [k for k in strong if k != "internet"] or strong
        found.ruled_out.add("internet")
    if any(k not in TOOL_NEEDS for k in strong) and _KNOWS_THE_DEVICE.search(folded):
        strong = [k for k in strong if k not in TOOL_NEEDS and k not in _EQUIPMENT]
        found.ruled_out |= TOOL_NEEDS | _EQUIPMENT
    if not _FAMILY.search(folded):
        found.ruled_out.add("parentalite")
    if _BANK.search(folded) and "securite" not in strong:
        found.ruled_out.add("securite")  # the bank's app: everyday use, not a scam
    if _CODE_AWAITED.search(folded) and "securite" not in strong:
        found.ruled_out.add("securite")  # "pas reçu le code": a step of the procedure
    if _BOOKKEEPING.search(folded) and "securite" not in strong:
        found.ruled_out.add("securite")  # "tenir mes comptes": the books, not an account
    strong = games_on_a_device(folded, strong, found.ruled_out)  # set AT (e190)
    strong = code_is_the_need(folded, strong, found.ruled_out)
    strong = devices_said(folded, strong, found.ruled_out, found.procedures)
    # Said in so many words (two requests, a trade's website, the affairs after a death…)
    strong, said_mode = complete(folded, found.procedures, strong, found.ruled_out, part_needs)
    # Two needs at most: places that do both come first (directory_client.search).
    found.needs = strong[:2] or weak[:1]
    if "conseiller_numerique" in found.constraints and not found.needs:
        found.needs = [GENERAL_HELP]  # "je cherche un conseiller numérique": any digital help
    if "sante" in found.needs and "demarches" in found.needs:
        found.needs.remove("demarches")
    strong_with = re.search(
        r"\b(avec moi|a (ma|sa|leur) place|avec quelqu'un|france services?)\b", folded
    ) or re.search(_DONE_FOR_ME, folded)
    if _matches(without_allowance(folded), _ALONE) and not strong_with:
        found.mode = "autonomie"
    elif _matches(folded, _WITH):
        found.mode = "avec_moi"
    if "a_ma_place" in found.constraints or framing and not found.mode:
        found.mode = "avec_moi"  # a professional's request: done with the person they help
    found.mode = found.mode or said_mode
    return found


def part_needs(part: str) -> list[str]:
    """The needs the keywords read in one part of a message."""
    return detect(part).needs
