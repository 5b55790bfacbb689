"""'Ce lieu est fermé', 'le numéro est faux' in the chat: a citizen's report on a place of the
last answer goes to the coordinators' correction queue of a real (SQLite) directory; nothing
changes before a review."""

from __future__ import annotations

import asyncio
import json

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import actions as A
from actions import backends
from actions.place_actions import ActionNotifyPlace, ActionReportPlace
from directory_client.corrections.chat import report_from_chat
from directory_client.models import Correction, Place
from tests.conftest import copy_directory
from tests.conftest_actions import ent, said, slots_of, tracker

ROUBAIX = "france-services-anct:2226"
EPEULE = "france-services-anct:2788"
ROUBAIX_TOWN = {"label": "Roubaix (59)", "kind": "commune", "lat": 50.69, "lon": 3.18,
                "commune": "Roubaix", "code_insee": "59512", "code_postal": "59100",
                "departement": "59"}  # fmt: skip
LAST = {
    "what": "vos démarches avec la CAF",
    "results": [
        {"id": ROUBAIX, "name": "Maison de services de Roubaix", "number": 1},
        {"id": EPEULE, "name": "La Poste de Roubaix - Epeule", "number": 2},
    ],
}


@pytest.fixture()
def directory(tmp_path, embedded_directory, monkeypatch):
    writable = copy_directory(embedded_directory, tmp_path / "directory.sqlite3")
    monkeypatch.setattr(backends, "_DIRECTORY", writable)
    return writable


def run(t) -> list[dict]:
    return turn(ActionReportPlace(), t)[0]


def turn(action, t) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


def reports(directory) -> list[tuple[str, str, str, str | None]]:
    with directory.Session() as session:
        rows = session.execute(
            select(Place.public_id, Correction.kind, Correction.reported_by, Correction.comment)
            .join(Place, Correction.place_id == Place.id)
        ).all()
    return [tuple(row) for row in rows]


def hours_of(directory, public_id: str) -> str | None:
    with directory.Session() as session:
        return session.execute(
            select(Place.horaires).where(Place.public_id == public_id)
        ).scalar_one()


def proposed(directory) -> list[tuple[str, str, dict]]:
    with directory.Session() as session:
        rows = session.execute(
            select(Place.public_id, Correction.kind, Correction.proposed)
            .join(Place, Correction.place_id == Place.id)
        ).all()
    return [(place, kind, json.loads(values)) for place, kind, values in rows]


def test_which_place_is_asked_then_the_closure_is_queued_for_review(directory):
    asked = run(tracker("ce lieu est fermé", "report_place", slots={"last_search": LAST}))
    assert said(asked[0]) == "Merci de le signaler. Lequel ?"
    assert [b["title"] for b in asked[0]["buttons"]] == [
        "1. Maison de services de Roubaix",
        "2. La Poste de Roubaix - Epeule",
    ]
    assert reports(directory) == []  # nothing before the person says which

    payload = asked[0]["buttons"][0]["payload"]
    done = run(tracker(payload, "report_place", entities=[ent("place_rank", "1")],
                       slots={"last_search": LAST}))  # fmt: skip
    assert "« Maison de services de Roubaix » est fermé" in said(done[0])
    assert reports(directory) == [(ROUBAIX, "closed", "citoyen", payload)]
    with directory.Session() as session:  # still recommended until a coordinator accepts
        place = session.execute(select(Place).where(Place.public_id == ROUBAIX)).scalar_one()
        assert place.horaires != "off"


def test_a_named_rank_is_reported_at_once_without_the_persons_number(directory):
    done = run(tracker("le premier est fermé, rappelez-moi au 06 12 34 56 78", "report_place",
                       slots={"last_search": LAST}))  # fmt: skip
    assert "est fermé" in said(done[0])
    [(place, kind, by, comment)] = reports(directory)
    assert (place, kind, by) == (ROUBAIX, "closed", "citoyen")
    assert "12 34 56 78" not in comment


def test_wrong_hours_are_queued_with_the_persons_words_for_review(directory):
    before = hours_of(directory, EPEULE)
    words = "les horaires du deuxième sont faux, ils ouvrent à 9h pas 8h30"
    messages, events = turn(ActionReportPlace(), tracker(words, "report_place",
                                                           slots={"last_search": LAST}))
    assert [said(m) for m in messages] == [
        "Merci, c'est noté : l'équipe qui tient l'annuaire va vérifier les horaires de "
        "« La Poste de Roubaix - Epeule » et les corriger."
    ]
    # No hours the directory reads in the message: the words alone, for the coordinator.
    assert proposed(directory) == [(EPEULE, "hours", {})]
    assert reports(directory) == [(EPEULE, "hours", "citoyen", words)]
    assert slots_of(events).get("awaiting") is None
    assert hours_of(directory, EPEULE) == before  # unchanged until a coordinator accepts


def test_new_hours_the_directory_reads_are_proposed_and_the_comment_masked(directory):
    run(tracker("le premier a changé : Mo-Fr 09:00-12:00; Sa 09:00-12:00, sinon appelez-moi au "
                "06 12 34 56 78", "report_place", slots={"last_search": LAST}))  # fmt: skip
    assert proposed(directory) == [
        (ROUBAIX, "hours", {"horaires": "Mo-Fr 09:00-12:00; Sa 09:00-12:00"})
    ]
    [(_, _, _, comment)] = reports(directory)
    assert comment.startswith("le premier a changé : Mo-Fr 09:00-12:00") and "56 78" not in comment


def test_new_hours_said_in_french_are_proposed_as_the_directory_stores_them(directory):
    words = "en fait c'est ouvert du lundi au vendredi de 9h à 12h, rappelez-moi au 06 12 34 56 78"
    run(tracker(f"le premier : {words}", "report_place", slots={"last_search": LAST}))
    assert proposed(directory) == [(ROUBAIX, "hours", {"horaires": "Mo-Fr 09:00-12:00"})]
    [(_, _, by, comment)] = reports(directory)
    assert by == "citoyen" and comment.startswith("le premier : en fait c'est ouvert du lundi")
    assert "56 78" not in comment


def test_a_closure_on_one_day_is_not_proposed_as_the_weeks_hours(directory):
    run(tracker("le premier, c'est fermé le mercredi en fait", "report_place",
                slots={"last_search": LAST}))  # fmt: skip
    # "We off" accepted would replace the whole week: the words go to the coordinator alone
    assert proposed(directory) == [(ROUBAIX, "hours", {})]


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("le premier, c'est fermé le mercredi en fait", "hours"),
        ("le premier n'est plus ouvert le dimanche", "hours"),
        ("le premier ouvre seulement l'après-midi", "hours"),
        ("le premier est fermé depuis lundi", "closed"),
        ("le premier n'ouvre plus", "closed"),
        ("le premier n'est plus ouvert depuis mardi", "closed"),
        ("le premier n'est plus ouvert le samedi", "hours"),
        ("le premier a fermé définitivement le mardi 3", "closed"),
    ],
)
def test_a_day_or_an_hour_makes_it_wrong_hours_unless_closed_for_good(directory, message, kind):
    run(tracker(message, "report_place", slots={"last_search": LAST}))
    assert [(place, k) for place, k, _ in proposed(directory)] == [(ROUBAIX, kind)]


def test_which_place_has_wrong_hours_is_asked_then_the_words_are_queued(directory):
    asked, events = turn(ActionReportPlace(), tracker(
        "c'est fermé le mercredi en fait", "report_place",
        slots={"last_search": LAST}))  # fmt: skip
    assert said(asked[0]) == "Merci de le signaler. Lequel ?" and len(asked[0]["buttons"]) == 2
    slots = {"last_search": LAST, **slots_of(events)}
    assert slots["awaiting"] == "report_hours" and reports(directory) == []

    payload = asked[0]["buttons"][1]["payload"]
    done, events = turn(ActionReportPlace(), tracker(
        payload, "report_place", entities=[ent("place_rank", "2")], slots=slots))  # fmt: skip
    assert said(done[0]).endswith("de « La Poste de Roubaix - Epeule » et les corriger.")
    # an hours report with the first message's words, not a closure nor the button's payload
    assert reports(directory) == [(EPEULE, "hours", "citoyen", "c'est fermé le mercredi en fait")]
    assert slots_of(events)["awaiting"] is None and slots_of(events)["report"] is None


def test_anything_but_a_place_drops_the_wrong_hours_report(directory):
    _, events = turn(ActionReportPlace(), tracker(
        "les horaires sont faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    slots = {"last_search": LAST, **slots_of(events)}
    said_next, events = turn(A.ActionOrient(), tracker("non", "deny", slots=slots))
    assert [said(m) for m in said_next] == [
        "D'accord. Dites-moi si je peux vous aider pour autre chose."
    ]
    assert slots_of(events)["awaiting"] is None and slots_of(events)["report"] is None
    assert reports(directory) == []


def test_other_problems_are_not_queued_and_the_person_is_told_who_can(directory):
    done = run(tracker("l'adresse du deuxième est fausse", "report_place",
                       slots={"last_search": LAST}))  # fmt: skip
    assert said(done[0]).startswith(
        "Merci. Ici, je peux signaler un lieu fermé, un numéro faux ou des horaires faux."
    )
    assert "une adresse" in said(done[0]) and "l'accueil de votre mairie" in said(done[0])
    assert reports(directory) == []


def test_a_wrong_number_given_with_the_right_one_is_queued_normalised(directory):
    messages, events = turn(ActionReportPlace(), tracker(
        "le numéro du premier ne marche pas, le bon c'est le 04 73 12 34 56", "report_place",
        slots={"last_search": LAST}))  # fmt: skip
    assert said(messages[0]) == (
        "Merci, c'est noté : l'équipe qui tient l'annuaire va vérifier le numéro de "
        "« Maison de services de Roubaix » et le corriger."
    )
    assert proposed(directory) == [(ROUBAIX, "phone", {"telephone": "+33473123456"})]
    [(_, _, by, comment)] = reports(directory)
    assert by == "citoyen" and "12 34 56" not in comment  # the comment stays masked
    assert slots_of(events).get("awaiting") is None


def test_without_the_number_it_is_asked_once_then_queued_from_any_intent(directory):
    asked, events = turn(ActionReportPlace(), tracker(
        "le numéro du deuxième est faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    assert [said(m) for m in asked] == [
        "Quel est le bon numéro ? Je le transmets à l'équipe qui tient l'annuaire."
    ]
    slots = {"last_search": LAST, **slots_of(events)}
    assert slots["awaiting"] == "report_phone" and reports(directory) == []

    # The answer may be read as anything: the action that runs completes the report.
    done, events = turn(A.ActionOrient(), tracker("c'est le 0320112233", "inform", slots=slots))
    assert said(done[0]).endswith("le numéro de « La Poste de Roubaix - Epeule » et le corriger.")
    assert proposed(directory) == [(EPEULE, "phone", {"telephone": "+33320112233"})]
    assert slots_of(events)["awaiting"] is None and slots_of(events)["report"] is None


def test_which_place_is_asked_first_when_the_message_does_not_say(directory):
    asked, events = turn(ActionReportPlace(), tracker(
        "le numéro est faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    assert said(asked[0]) == "Merci de le signaler. Lequel ?" and len(asked[0]["buttons"]) == 2
    slots = {"last_search": LAST, **slots_of(events)}
    payload = asked[0]["buttons"][0]["payload"]
    number, events = turn(ActionReportPlace(), tracker(
        payload, "report_place", entities=[ent("place_rank", "1")], slots=slots))  # fmt: skip
    assert said(number[0]).startswith("Quel est le bon numéro ?")
    assert reports(directory) == []  # a button is not a closure here
    slots.update(slots_of(events))
    turn(A.ActionOrient(), tracker("03 20 11 22 33", "nlu_fallback", slots=slots))
    assert proposed(directory) == [(ROUBAIX, "phone", {"telephone": "+33320112233"})]


@pytest.mark.parametrize("answer", ["non", "laisse tomber"])
def test_anything_else_drops_the_report(directory, answer):
    _, events = turn(ActionReportPlace(), tracker(
        "le numéro du premier est faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    slots = {"last_search": LAST, **slots_of(events)}
    said_next, events = turn(A.ActionOrient(), tracker(answer, "deny", slots=slots))
    assert [said(m) for m in said_next] == [
        "D'accord. Dites-moi si je peux vous aider pour autre chose."
    ]
    assert slots_of(events)["awaiting"] is None and slots_of(events)["report"] is None
    assert reports(directory) == []


def test_a_new_request_drops_the_report_and_is_answered(directory):
    _, events = turn(ActionReportPlace(), tracker(
        "le numéro du premier est faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    slots = {"last_search": LAST, "location": ROUBAIX_TOWN, **slots_of(events)}
    answered, events = turn(A.ActionOrient(), tracker(
        "je veux apprendre à me servir de ma tablette", "ask_help", slots=slots))  # fmt: skip
    [found] = [m["custom"]["orienteur"] for m in answered if m.get("custom")]
    assert found["type"] == "recommendation" and found["results"]
    assert slots_of(events)["report"] is None and reports(directory) == []
    # a number said later is not taken for that place any more
    turn(A.ActionOrient(), tracker("06 12 34 56 78", "inform",
                                   slots={**slots, **slots_of(events)}))  # fmt: skip
    assert reports(directory) == []


def test_the_persons_own_number_is_never_taken_for_the_places(directory):
    asked = run(tracker("le numéro du premier est faux, rappelez-moi au 06 12 34 56 78",
                        "report_place", slots={"last_search": LAST}))  # fmt: skip
    assert said(asked[0]).startswith("Quel est le bon numéro ?")
    assert reports(directory) == []
    closed = run(tracker("le premier a fermé. 06 12 34 56 78", "report_place",
                         slots={"last_search": LAST}))  # fmt: skip
    assert "est fermé" in said(closed[0])
    assert [kind for _, kind, _ in proposed(directory)] == ["closed"]


@pytest.fixture()
def referrals(tmp_path, directory, monkeypatch):
    """Referrals on, with a real local SMTP server: the place can be told."""
    from bot.referrals import chat
    from tests.referral_support import SmtpServer, make_service

    smtp = SmtpServer().start()
    service = make_service(tmp_path, directory=directory, mailer=smtp.mailer(), sms=None)
    monkeypatch.setattr(chat, "default_service", lambda: service)
    yield service
    smtp.stop()


def test_asking_to_tell_a_place_drops_the_report_so_the_contact_is_not_taken(directory, referrals):
    _, events = turn(ActionReportPlace(), tracker(
        "le numéro du premier est faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    slots = {"last_search": LAST, **slots_of(events)}
    _, events = turn(ActionNotifyPlace(), tracker("prévenez-les que je viens", "notify_place",
                                                    slots=slots))  # fmt: skip
    assert slots_of(events)["awaiting"] == "referral_consent" and slots_of(events)["report"] is None
    assert reports(directory) == []


def test_a_phone_report_stores_the_number_as_the_directory_does_or_is_refused(directory):
    assert report_from_chat(directory, ROUBAIX, "phone", "12 34") is None
    assert report_from_chat(directory, ROUBAIX, "phone", "+33 (0)4 73 12 34 56")
    assert proposed(directory) == [(ROUBAIX, "phone", {"telephone": "+33473123456"})]


def test_before_any_answer_there_is_nothing_to_report(directory):
    done = run(tracker("ce lieu est fermé", "report_place"))
    assert said(done[0]).startswith("Aucun lieu ne vous a encore été proposé ici")
    assert reports(directory) == []


@pytest.mark.parametrize("answer", [
    "le 2, c'est ouvert du lundi au vendredi de 9h à 17h",
    "le deuxième : du lundi au vendredi de 9h à 17h",
    "du lundi au vendredi de 9h à 17h pour le n°2",
])  # fmt: skip
def test_the_place_and_its_right_hours_in_the_answer_to_which_are_both_kept(directory, answer):
    """ "Lequel ?" answered with the place and its hours: the rank is no part of the hours."""
    _, events = turn(ActionReportPlace(), tracker(
        "les horaires sont faux", "report_place", slots={"last_search": LAST}))  # fmt: skip
    slots = {"last_search": LAST, **slots_of(events)}
    assert slots["awaiting"] == "report_hours"
    done, _ = turn(A.ActionOrient(), tracker(answer, "inform", slots=slots))
    assert said(done[0]).endswith("de « La Poste de Roubaix - Epeule » et les corriger.")
    assert proposed(directory) == [(EPEULE, "hours", {"horaires": "Mo-Fr 09:00-17:00"})]


def test_a_note_at_the_desk_is_the_persons_situation_never_a_report(directory):
    """The desk sends each note as a new conversation: "il n'a pas de téléphone non plus" is
    what the person lacks (read as a need, as the chat would), not a report on a place."""
    from directory_client import Locator

    backends.set_backends(directory, Locator())
    try:
        note = tracker("il n'a pas de téléphone non plus, Roubaix", "report_place",
                       entities=[ent("location", "Roubaix")],
                       metadata={"staff_console": True})  # fmt: skip
        done, events = turn(ActionReportPlace(), note)
    finally:
        backends.set_backends(None, None)
    assert note.latest_message["intent"]["name"] == "report_place"  # read as a need, not rewritten
    assert not any("Aucun lieu ne vous a encore" in said(m) for m in done)
    assert slots_of(events)["location"]["commune"] == "Roubaix"
    assert slots_of(events)["needs"], slots_of(events)
    assert reports(directory) == []
