"""The desk's follow-ups after a list, as round 174's tester played reception staff and citizens
over REST (with the intents the trained NLU gives those messages): the place's phone (« numéro de
téléphone du lieu svp », « tél du lieu le plus proche »), the places' hours (« horaires ? »), the
printable sheet (« fiche pour l'usagère », « il faut une fiche à lui imprimer », at the mode
question too), the list sent to a phone number (« envoie par sms au 06 … »), and a new citizen's
note in the same chat (« usager sans domicile, besoin adresse mail + accès ordi, Nantes centre »).
Real actions on the real embedded directory and Locator; what the person reads (``rest_text``)."""

from __future__ import annotations

import logging
import re

import pytest

from actions.place_actions import ActionSendSummary
from bot.web.short_links import SheetLinks
from tests.actions import sheets
from tests.actions import talk as T
from tests.actions.talk import Talk, payloads, rest_text
from tests.conftest_actions import ent

HELPLINE = "Solidarité Numérique"
MDPH = "j'ai besoin d'aide pour mon dossier MDPH à Rennes"
WEB = sheets.WEB


LINKS: list[SheetLinks] = []  # the short links' store of the test running


@pytest.fixture(autouse=True)
def _send_it(monkeypatch, tmp_path):
    """ "imprime-moi la fiche", "envoyez-le moi": ``send_it`` runs ``action_send_summary``; the
    short links of the sheets in a database of the test's own."""
    monkeypatch.setitem(T.ACTIONS, "send_it", ActionSendSummary)
    LINKS[:] = [sheets.own_store(monkeypatch, tmp_path)]
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_NUMBER"):
        monkeypatch.delenv(name, raising=False)


def listed(text: str = MDPH, town: str = "Rennes") -> tuple[Talk, list[dict]]:
    talk = Talk()
    [payload] = payloads(talk.say(text, "ask_help", [ent("location", town)]))
    assert payload["results"], payload
    return talk, payload["results"]


class WidgetTalk(Talk):
    """The same conversation on the web widget (Rasa's socket.io channel)."""

    def say(self, text: str, intent: str = "ask_help", entities: list | None = None) -> list:
        t = T.tracker(text, intent, entities, self.slots)
        t.events = self.history + [{**e, "input_channel": "socketio"} for e in t.events]
        msgs, events = T.run(t)
        self.history = t.events + [{"event": "bot", "data": {"custom": m["custom"]}}
                                   for m in msgs if m.get("custom")]  # fmt: skip
        self.slots.update(T.slots_of(events))
        return msgs


def phone_line(place: dict) -> str:
    return f"{place['name']} : {place['phone_text']}"


# --- 1: the place's phone ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "intent"),
    [("numéro de téléphone du lieu svp", "human_handoff"), ("donne moi le tel", "human_handoff")],
)
def test_the_places_phone_asked_after_a_list_gives_their_numbers_never_the_helpline(
    real, said, intent
):
    talk, places = listed()
    answer = rest_text(talk.say(said, intent))
    assert HELPLINE not in answer, answer
    for place in places:
        assert phone_line(place) in answer, answer
    assert talk.slots["procedures"] == ["mdph"]


def test_the_phone_of_the_first_structure_is_its_number_never_a_new_search(real):
    talk, places = listed()
    answer = rest_text(talk.say("le téléphone de la première structure", "ask_help"))
    assert answer == f"Le numéro de {places[0]['name']} : {places[0]['phone_text']}.", answer
    assert talk.slots["procedures"] == ["mdph"]  # the MDPH need kept


def test_the_phone_of_the_nearest_place_is_its_number(real):
    talk, places = listed()
    nearest = min(places, key=lambda p: p["distance_km"])
    answer = rest_text(talk.say("tél du lieu le plus proche", "change_location"))
    assert answer == f"Le numéro de {nearest['name']} : {nearest['phone_text']}.", answer
    assert "plus près" not in answer


def test_the_phone_of_the_first_asked_as_before_still_works(real):
    talk, places = listed()
    answer = rest_text(talk.say("le numéro de téléphone du premier ?", "report_place"))
    assert places[0]["phone_text"] in answer, answer
    assert "Lequel" not in answer and "signaler" not in answer


# --- 2: the hours ------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["horaires ?", "ok, et leurs horaires ?"])
def test_hours_asked_after_a_list_give_the_places_hours(real, said):
    talk, _places = listed()
    answer = rest_text(talk.say(said, "out_of_scope"))
    same, _ = listed()
    assert answer == rest_text(same.say("ils ouvrent quand ?", "out_of_scope")), answer
    assert "Je ne peux pas vous aider" not in answer


# --- 3: the printable sheet --------------------------------------------------------------------
def sheets_given(answer: str) -> list[tuple[str, str]]:
    return sheets.sheets_given(answer, LINKS[0])


def sheet_ids(answer: str) -> list[str]:
    return [place_id for _name, place_id in sheets_given(answer)]


@pytest.mark.parametrize(
    ("said", "intent", "entities"),
    [
        ("fiche pour l'usagère", "nlu_fallback", []),
        ("il faut une fiche à lui imprimer", "ask_help", [ent("need", "materiel_usage")]),
        ("imprime-moi la fiche", "send_it", []),
        ("tu peux imprimer la liste ?", "send_it", []),
    ],
)
def test_a_sheet_asked_after_a_list_gives_the_link_to_each_places_printable_sheet(
    real, said, intent, entities
):
    talk, places = listed()
    answer = rest_text(talk.say(said, intent, entities))
    assert "fiche d'orientation" in answer, answer
    assert "imprim" in answer, answer  # it says how to print it
    assert sheets_given(answer) == [(p["name"], p["id"]) for p in places], answer
    assert "imprimante" not in answer and "Je n'ai pas bien compris" not in answer
    assert talk.slots["procedures"] == ["mdph"]


def test_on_the_widget_the_sheet_is_the_button_under_each_place(real):
    talk = WidgetTalk()
    talk.say(MDPH, "ask_help", [ent("location", "Rennes")])
    answer = rest_text(talk.say("fiche pour l'usagère", "nlu_fallback"))
    assert "« Garder cette adresse »" in answer, answer
    assert f"{WEB}/f" not in answer


def test_a_sheet_asked_at_the_mode_question_gives_the_places_then_their_sheets(real):
    talk = Talk()
    asked = rest_text(talk.say("je veux aide pour papiers, j'habite à Cahors", "ask_help",
                               [ent("location", "Cahors")]))  # fmt: skip
    assert talk.slots.get("awaiting") == "mode", asked
    msgs = talk.say("fiche d'orientation à imprimer", "ask_help", [ent("need", "materiel_usage")])
    [payload] = payloads(msgs)
    answer = rest_text(msgs)
    assert "imprimante" not in answer, answer
    assert "près de Cahors (46) pour faire vos démarches" in answer, answer
    assert sheet_ids(answer) == [p["id"] for p in payload["results"]], answer


def test_printing_a_paper_is_still_the_printer_need(real):
    talk = Talk()
    first = rest_text(talk.say("je dois imprimer un papier à Cahors", "ask_help",
                               [ent("need", "materiel_usage"), ent("location", "Cahors")]))
    assert "imprimante" in first, first
    talk, _places = listed()
    after = rest_text(talk.say("je dois imprimer un papier", "ask_help",
                               [ent("need", "materiel_usage")]))  # fmt: skip
    assert "imprimante" in after and f"{WEB}/f" not in after, after


# --- 4: the list sent to a phone number --------------------------------------------------------
def holds_a_number_given(said: object) -> bool:
    """Whether one of the numbers typed in these tests is in ``said`` (slots, logs), however
    written (« 06 12 34 56 78 », « +33612345678 »)."""
    digits = re.sub(r"\D", "", str(said))
    return "612345678" in digits or "781152290" in digits


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("envoie par sms au 06 12 34 56 78", "emergency"),
        ("vous pouvez l'envoyer au 07 81 15 22 90 ?", "report_place"),
        ("mon numéro c'est le 06 12 34 56 78", "report_place"),
        ("tu peux envoyer un sms à la dame avec l'adresse ?", "send_it"),
        ("vous pouvez me l'envoyer par texto ?", "send_it"),
    ],
)
def test_without_sms_sending_it_says_so_and_gives_the_sheet_to_copy_or_print(
    real, caplog, said, intent
):
    talk, places = listed()
    caplog.set_level(logging.DEBUG)
    answer = rest_text(talk.say(said, intent))
    assert answer.startswith("Je ne peux pas envoyer de SMS d'ici."), answer
    assert places[0]["id"] in sheet_ids(answer), answer
    assert "signaler" not in answer and "Lequel" not in answer and "112" not in answer
    assert not holds_a_number_given(talk.slots), talk.slots
    assert not holds_a_number_given(caplog.text)


class FakeSms:
    name = "fake"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def send(self, to: str, body: str) -> str:
        self.sent.append((to, body))
        return "SM1"


def test_with_sms_sending_the_first_places_sheet_is_sent_and_said_sent(real, monkeypatch, caplog):
    fake = FakeSms()
    monkeypatch.setattr("actions.keep_asked.sms_sender", lambda: fake)
    talk, places = listed()
    caplog.set_level(logging.DEBUG)
    answer = rest_text(talk.say("envoie par sms au 06 12 34 56 78", "emergency"))
    assert answer.startswith("Envoyé au 06 •• •• •• 78"), answer
    assert places[0]["name"] in answer, answer
    [(to, body)] = fake.sent
    assert to == "+33612345678"
    assert places[0]["phone_text"].replace(" ", "") in body.replace(" ", ""), body
    assert not holds_a_number_given(talk.slots), talk.slots
    assert not holds_a_number_given(caplog.text)
    answer = rest_text(talk.say("vous pouvez me l'envoyer par texto ?", "send_it"))
    assert answer.startswith("À quel numéro de portable"), answer
    assert len(fake.sent) == 1


def test_a_sending_that_fails_says_so_with_the_sheet(real, monkeypatch):
    class Down(FakeSms):
        async def send(self, to: str, body: str) -> str:
            from bot.staff.sms import SmsError

            raise SmsError("Le service SMS ne répond pas.")

    monkeypatch.setattr("actions.keep_asked.sms_sender", Down)
    talk, places = listed()
    answer = rest_text(talk.say("vous pouvez l'envoyer au 07 81 15 22 90 ?", "report_place"))
    assert answer.startswith("L'envoi n'a pas abouti : le service SMS ne répond pas. Voici le "
                             "texte à recopier dans un SMS :"), answer
    assert places[0]["phone_text"] in answer, answer
    assert places[0]["id"] in sheet_ids(answer) and "Envoyé" not in answer


def test_the_persons_own_trouble_with_sms_is_still_a_need(real):
    talk, _places = listed()
    answer = rest_text(talk.say("j'arrive pas à envoyer un sms", "ask_help"))
    assert "Je ne peux pas envoyer de SMS" not in answer and f"{WEB}/f" not in answer, answer
    assert answer.startswith("Voici 3 lieux près de Rennes (35) pour"), answer  # a need served


@pytest.mark.parametrize("said", ["le numéro est faux", "un numéro faux"])
def test_a_wrong_number_is_still_reported(real, said):
    talk, _places = listed()
    answer = rest_text(talk.say(said, "report_place"))
    assert "Lequel" in answer, answer
    assert "SMS" not in answer


# --- 5: a new citizen's note in the same chat --------------------------------------------------
def test_a_new_need_and_a_new_town_at_the_desk_is_a_new_search_never_the_addresses(real):
    talk, _places = listed("usager mal voyant, besoin d'aide pour la CAF à Lorient", "Lorient")
    assert "Déficience visuelle" in str(talk.slots.get("constraints")), talk.slots
    note = "usager sans domicile, besoin adresse mail + accès ordi, Nantes centre"
    answer = rest_text(talk.say(note, "ask_help",
                                [ent("need", "accès ordi"), ent("location", "Nantes")]))
    assert "Les adresses" not in answer and "Lorient" not in answer, answer
    assert "près de Nantes" in answer, answer
    assert "Déficience visuelle" not in answer, answer
    later = rest_text(talk.say("madame veut apprendre à utiliser sa tablette, Vannes", "ask_help",
                               [ent("location", "Vannes")]))  # fmt: skip
    assert "près de Vannes" in later and "Déficience visuelle" not in later, later


def test_a_constraint_said_again_with_the_new_need_and_town_is_kept(real):
    talk, _places = listed("usager mal voyant, besoin d'aide pour la CAF à Lorient", "Lorient")
    answer = rest_text(talk.say("madame mal voyante veut apprendre la tablette, Vannes",
                                "ask_help", [ent("location", "Vannes")]))  # fmt: skip
    assert "près de Vannes" in answer, answer
    assert "Déficience visuelle" in str(talk.slots.get("constraints")), talk.slots
