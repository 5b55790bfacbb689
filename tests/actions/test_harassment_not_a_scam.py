"""Round 137's tester: a child harassed online got "vous protéger des arnaques en ligne" and the
line « Compte piraté, arnaque ou argent volé en ligne : cybermalveillance.gouv.fr… »; the desk's
"violences conjugales, tel surveillé" showed that line too beside the 3919, and read learning the
phone. Harassment of a child is the parenting need with the 3018; a phone watched by a partner is
online safety with the 3919, no scam line; and the emergency message, when the phone watched is
said with the violence, says in one line that it can be made safe later. A hacked account or a
scam keeps its cybermalveillance line. Parcoursup is the student's own file (procedures) unless a
parent speaks of their child's. Real actions, the real embedded directory; the desk's page."""

from __future__ import annotations

import re

import pytest

from actions import helplines, needs
from bot.staff.catalogue import understand
from bot.staff.triage import triage
from tests.actions.talk import payloads
from tests.actions.test_after_places import Talk, one_list, rest_text
from tests.staff_support import results_page

SCAM_LINE = "Compte piraté, arnaque"
PARENTING = needs.NEEDS["parentalite"]
SAFETY = needs.NEEDS["securite"]


@pytest.mark.parametrize("message", [
    "ma fille de 12 ans est harcelée sur snapchat, Dijon",
    "mon fils de 13 ans se fait harceler sur instagram par des camarades, Lille",
    "mon ado est harcelé sur tiktok, je sais pas quoi faire, Rennes",
])  # fmt: skip
def test_a_child_harassed_online_gets_parenting_and_the_3018_no_scam_line(real, message):
    talk = Talk()
    msgs = talk.say(message, "ask_help")
    text = rest_text(msgs)
    assert "3018" in text, text
    assert SCAM_LINE not in text and "cybermalveillance" not in text, text
    assert one_list(msgs)["need"][0] == PARENTING.service  # parenting first
    assert understand(message).need_keys[0] == "parentalite"  # the desk reads it the same


@pytest.mark.parametrize("message", [
    "ma fille de 14 ans est harcelée sur Instagram, Lille",
    "mon fils de 13 ans est harcelé sur snapchat, Lille",
    "mon ado est cyberharcelé, on habite Nantes",
])  # fmt: skip
def test_a_harassed_child_is_not_told_the_places_are_about_scams_only(real, message):
    """Round 22's note: the child kept online safety beside parenting, and the heading said
    « vous protéger des arnaques en ligne (piratage, faux messages) »."""
    msgs = Talk().say(message, "ask_help")
    heading = rest_text(msgs).split("3018.fr")[-1]
    assert SAFETY.service in one_list(msgs)["need"]
    assert "harcèlement" in heading, heading


@pytest.mark.parametrize("message", [
    "comment protéger mes enfants sur internet, contrôle parental, Bordeaux",
    "je voudrais mettre un contrôle parental sur la tablette de mon fils, Dijon",
])  # fmt: skip
def test_parental_control_is_parenting_no_scam(real, message):
    text = rest_text(Talk().say(message, "ask_help"))
    assert PARENTING.purpose in text and "arnaques" not in text and SCAM_LINE not in text, text


@pytest.mark.parametrize("message", [
    "on m'a piraté mon compte facebook, Dijon",
    "je me suis fait arnaquer sur un faux site, Lille",
    "ma fille s'est fait pirater son compte snap et on la harcèle, Rennes",
])  # fmt: skip
def test_a_hacked_account_or_a_scam_keeps_the_cybermalveillance_line(real, message):
    text = rest_text(Talk().say(message, "ask_help"))
    assert "cybermalveillance.gouv.fr" in text, text


def _desk(note: str, real) -> tuple[str, object]:
    from directory_client import Locator

    outcome = triage(note, real, Locator(directory=real))
    html = results_page(note, outcome)
    before = html.split('<div class="places">')[0]
    section = re.search(r'<section class="lines".*?</section>', before, re.S)
    return (section.group(0) if section else ""), outcome


@pytest.mark.parametrize("note", [
    "violences conjugales, tel surveillé, Tours",
    "dame violences conjugales, portable espionné par le mari, Nantes",
    "femme battue par son conjoint qui surveille son téléphone, Lyon",
])  # fmt: skip
def test_the_desk_reads_a_phone_watched_by_a_violent_partner_as_online_safety(real, note):
    section, outcome = _desk(note, real)
    assert "3919" in section and SCAM_LINE not in section, section
    assert understand(note).need_keys[:1] == ("securite",), understand(note)


@pytest.mark.parametrize("message", [
    "mon mari me frappe et surveille mon téléphone, je suis à Nantes",
    "mon ex me menace et il lit tous mes messages",
    "mon copain me tape dessus et a mis un traceur sur mon tel",
])  # fmt: skip
def test_the_emergency_with_a_phone_watched_says_it_can_be_made_safe_later(message):
    said, payload = helplines.emergency(message)
    phone_later = helplines.texts.text("utter_emergency_phone_later")
    assert phone_later in said and said.count("téléphone") == 1, said
    assert [n["number"] for n in payload["orienteur"]["numbers"]][:2] == ["3919", "17"]


@pytest.mark.parametrize("message", [
    "mon mari me frappe, j'ai peur, je suis à Tours",
    "mon ex me menace de mort",
])  # fmt: skip
def test_the_emergency_without_a_phone_watched_has_no_phone_line(message):
    said, _ = helplines.emergency(message)
    assert "téléphone" not in said, said


@pytest.mark.parametrize(("message", "need"), [
    ("cc je c pa fer mon dossier parcoursup jsui a Roubaix", "demarches"),
    ("je dois faire mes voeux parcoursup à Lille", "demarches"),
    ("jsui en terminale jcomprend rien a parcoursup, Lille", "demarches"),
    ("mon fils doit faire parcoursup, je sais pas comment l'aider, Lille", "parentalite"),
    ("aider ma fille pour ses voeux sur parcoursup à Roubaix", "parentalite"),
])  # fmt: skip
def test_parcoursup_is_the_students_own_file_unless_a_parent_speaks(real, message, need):
    talk = Talk()
    msgs = talk.say(message, "ask_help")
    # « je c pa fer » written out (« je sais pas faire ») leaves the reading unsure: the menu comes,
    # its first choice the student's own file, and no choice is taken for the person (round 30)
    menus = [p for p in payloads(msgs) if p.get("type") == "need_choice"]
    read = menus[0]["needs"][:1] if menus else talk.slots["needs"]
    assert read == [need], (talk.slots, rest_text(msgs))
    assert understand(message).need_keys == (need,)
    if need == "demarches":
        assert PARENTING.purpose not in rest_text(msgs)


@pytest.mark.parametrize("message", [
    "nous sommes une association de parents d'élèves à Vichy et nous aimerions organiser une "
    "soirée d'information sur le harcèlement en ligne",
    "comment protéger nos enfants du cyberharcèlement, réunion de parents, Moulins",
])  # fmt: skip
def test_parents_speaking_of_harassment_online_get_parenting_first(real, message):
    """Round 23: harassment online made online safety the only need (for an adult threatened);
    parents speaking of it lost parenting."""
    msgs = Talk().say(message, "ask_help")
    assert one_list(msgs)["need"][:2] == [PARENTING.service, SAFETY.service], rest_text(msgs)
