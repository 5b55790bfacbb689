"""Tests of each custom action, with the real Locator (offline gazetteer) and a directory.

The directory is the real embedded one for the tests that ask for ``real`` (tests/conftest.py's
``embedded_directory``); the conversation tests use an in-memory fake with the contract's value
types, so that the expected results are known.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as A
from actions import backends, questions
from actions import formatting as fmt
from actions.conversation_actions import ActionForgetMe, ActionHumanHandoff, ActionSmalltalk
from actions.location_reply import looks_like_place
from actions.orient_flow import orient
from actions.place_actions import ActionMoreResults, ActionSendSummary
from actions.safety_actions import ActionEmergency, ActionFallback, ActionOutOfScope
from bot.channels import render
from directory_client import labels
from tests.conftest_actions import (
    FakeDirectory,
    ent,
    run_as_the_action_server,
    said,
    slots_of,
    tracker,
    variables,
)

RECO_KEYS = {"type", "need", "location", "filters", "results"}
RESULT_KEYS = {
    "id",
    "name",
    "distance_km",
    "services",
    "address",
    "phone",
    "opening_hours",
    "open_now",
    "why",
    "ahead",
    "lat",
    "lon",
    "appointment_url",
    "website",
    "email",
    "opening_text",
    "mobile_service",
    "fees",
    "same_desk",
    "number",
    "distance_text",
    "phone_text",
    "tel",
    "hours",
}


@pytest.fixture(scope="session")
def locator():
    from directory_client import Locator

    return Locator()


@pytest.fixture()
def directory(locator):
    fake = FakeDirectory()
    backends.set_backends(fake, locator)
    yield fake
    backends.set_backends(None, None)


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


def payloads(messages):
    return [m["custom"]["orienteur"] for m in messages if m.get("custom")]


def kinds(messages) -> list[str]:
    """The payloads' types: ``["emergency"]``."""
    return [p["type"] for p in payloads(messages)]


def recommendation(messages) -> dict:
    found = [p for p in payloads(messages) if p["type"] == "recommendation"]
    assert found, messages
    p = found[-1]
    assert set(p) >= RECO_KEYS
    assert set(p["location"]) == {"commune", "code_insee", "code_postal", "lat", "lon"}
    for r in p["results"]:
        assert set(r) == RESULT_KEYS
    return p


def text(messages) -> str:
    """What a client that reads only text gets: the message's text, or the domain response it
    names filled with its variables (as Rasa), and a recommendation rendered from its payload
    (as the REST channel)."""
    out = []
    for m in messages:
        recommendation = render.recommendation_of(m.get("custom"))
        out.append(render.plain_text(said(m), recommendation) if recommendation else said(m))
    return "\n".join(out)


# --- need first, location first, both ---------------------------------------------------------
def test_need_first_asks_where_then_answers(directory):
    t = tracker("j'arrive pas à faire ma demande de RSA sur le site de la CAF", "ask_help")
    msgs, events = run(A.ActionOrient(), t)
    slots = slots_of(events)
    assert slots["needs"] == ["demarches"] and slots["procedures"] == ["rsa"]
    assert slots["awaiting"] == "location"
    assert "ville" in text(msgs)

    t2 = tracker("Roubaix", "inform", [ent("location", "Roubaix")], slots)
    msgs, events = run(A.ActionOrient(), t2)
    p = recommendation(msgs)
    assert p["need"] == [labels.DEMARCHES]
    assert p["location"]["commune"].startswith("Roubaix")
    assert len(p["results"]) == 3
    out = text(msgs)
    assert "Pensez à apporter" in out and "allocataire" in out
    assert "Tél 03 20 00 00 00" in out
    assert [r["number"] for r in p["results"]] == [1, 2, 3]
    assert msgs[-1]["text"].startswith("Voici 3 lieux près de Roubaix")
    assert "Tél" not in msgs[-1]["text"]  # the places are in the payload only
    assert "Rendez-vous : https://" in out
    assert "Ouvert jusqu'à 17 h" in out
    assert slots_of(events)["awaiting"] is None
    assert slots_of(events)["last_search"]["results"]


def test_location_first_then_need(directory):
    msgs, events = run(A.ActionOrient(), tracker("j'habite à Roubaix", "inform"))
    slots = slots_of(events)
    assert slots["location"]["commune"] == "Roubaix"
    assert slots["awaiting"] == "need"
    assert msgs[0]["buttons"]
    msgs, _ = run(
        A.ActionOrient(), tracker("jveu apprendre a me servir de mon tel", "ask_help", slots=slots)
    )
    p = recommendation(msgs)
    assert p["need"] == [labels.OUTILS_QUOTIDIEN]
    assert directory.queries[-1].preferred_origin_labels == (labels.V1_SMARTPHONE,)


def test_need_and_town_in_one_message(directory):
    t = tracker("aide pour les impots à Roubaix", "ask_help", [ent("location", "Roubaix")])
    msgs, _ = run(A.ActionOrient(), t)
    p = recommendation(msgs)
    assert p["location"]["code_insee"] == "59512"
    assert "numéro fiscal" in text(msgs)


def test_town_at_the_end_without_entity(directory):
    msgs, _ = run(A.ActionOrient(), tracker("pas d'internet chez moi a roubaix", "ask_help"))
    assert recommendation(msgs)["need"] == [labels.ACCES_INTERNET_MATERIEL]


def test_generic_admin_need_asks_mode_then_yes(directory):
    msgs, events = run(A.ActionOrient(), tracker("faire des démarches", "ask_help"))
    slots = slots_of(events)
    assert slots["awaiting"] == "mode" and len(msgs[0]["buttons"]) == 2
    msgs, events = run(A.ActionOrient(), tracker("non", "deny", slots=slots))
    assert slots_of(events)["mode"] == "autonomie"
    assert slots_of(events)["awaiting"] == "location"


def test_correction_changes_the_need(directory):
    slots = {"needs": ["smartphone"], "location": _roubaix()}
    msgs, events = run(
        A.ActionOrient(), tracker("non en fait c'est pour faire mon cv", "ask_help", slots=slots)
    )
    assert slots_of(events)["needs"] == ["emploi"]
    assert recommendation(msgs)["need"] == [labels.INSERTION_PRO]


# --- places -----------------------------------------------------------------------------------
def test_ambiguous_town_asks_with_buttons_then_choice(directory):
    slots = {"needs": ["entreprise"]}
    msgs, events = run(A.ActionOrient(), tracker("saint denis", "inform", slots=slots))
    slots = {**slots, **slots_of(events)}
    assert slots["awaiting"] == "location_choice"
    titles = [b["title"] for b in msgs[0]["buttons"]]
    assert "Saint-Denis (93)" in titles
    choice = tracker(
        '/inform{"location": "Saint-Denis (93)"}',
        "inform",
        [ent("location", "Saint-Denis (93)")],
        slots,
    )
    msgs, events = run(A.ActionOrient(), choice)
    assert slots_of(events)["location"]["code_insee"] == "93066"
    recommendation(msgs)


def test_a_town_chosen_by_button_never_brings_the_emergency_numbers(directory):
    # The payload of the button "Mauriac (15)" once read as close to danger by its meaning.
    slots = {"needs": ["materiel_achat"], "awaiting": "location_choice"}
    choice = tracker(
        '/inform{"location": "Mauriac (15)"}', "inform", [ent("location", "Mauriac (15)")], slots
    )
    msgs, events = run(A.ActionOrient(), choice)
    assert slots_of(events)["location"]["code_insee"] == "15120"
    assert "112" not in " ".join(m.get("text") or "" for m in msgs)
    recommendation(msgs)


@pytest.mark.parametrize(
    "answer, insee",
    [
        ("celui de la Réunion", "97411"),
        ("la reunion", "97411"),
        ("le deuxième", "93066"),
        ("2", "93066"),
        ("le 93", "93066"),
        ("non, Saint-Denis dans le 93", "93066"),
        ("Saint-Denis (974, La Réunion)", "97411"),  # a button's title typed by hand
        ("dans l'Aude", "11339"),
    ],
)
def test_an_answer_to_the_town_choice_is_read_against_the_towns_offered(directory, answer, insee):
    slots = {"needs": ["entreprise"]}
    _, events = run(A.ActionOrient(), tracker("saint denis", "inform", slots=slots))
    slots = {**slots, **slots_of(events)}
    assert slots["awaiting"] == "location_choice"
    for intent in ("inform", "out_of_scope"):  # whatever the NLU made of the answer
        action = ActionOutOfScope() if intent == "out_of_scope" else A.ActionOrient()
        msgs, events = run(action, tracker(answer, intent, slots=slots))
        assert slots_of(events)["location"]["code_insee"] == insee, (answer, intent)
        recommendation(msgs)


@pytest.mark.parametrize("later", ["celui de la Martinique", "non, en Martinique", "le 972"])
def test_the_town_given_is_moved_to_the_departement_named_next(directory, later):
    # Saint-Pierre of La Réunion taken (its button pressed); "celui de la Martinique" once
    # searched the whole of Martinique from its centre instead of Saint-Pierre (972).
    slots = {"needs": ["entreprise"]}
    button = '/inform{"location": "Saint-Pierre (974, La Réunion)"}'
    chosen = [ent("location", "Saint-Pierre (974, La Réunion)")]
    _, events = run(A.ActionOrient(), tracker(button, "inform", chosen, slots=slots))
    slots = {**slots, **slots_of(events)}
    assert slots["location"]["code_insee"] == "97416"
    msgs, events = run(A.ActionOrient(), tracker(later, "inform", slots=slots))
    assert slots_of(events)["location"]["code_insee"] == "97225", later
    recommendation(msgs)


def test_another_departement_without_that_town_is_searched_as_named(directory):
    slots = {"needs": ["entreprise"], "location": _roubaix()}
    _, events = run(A.ActionOrient(), tracker("et en Martinique ?", "inform", slots=slots))
    assert slots_of(events)["location"]["label"].startswith("Martinique")


@pytest.mark.parametrize("answer", ["Aucun", "aucune", "non aucun des deux", "ni l'un ni l'autre"])
def test_aucun_typed_by_hand_asks_the_town_again(directory, answer):
    # Typed as the button reads, "Aucun" once searched the commune of Aucun (65).
    slots = {"needs": ["entreprise"]}
    _, events = run(A.ActionOrient(), tracker("saint denis", "inform", slots=slots))
    slots = {**slots, **slots_of(events)}
    for intent in ("inform", "out_of_scope"):
        action = ActionOutOfScope() if intent == "out_of_scope" else A.ActionOrient()
        msgs, events = run(action, tracker(answer, intent, slots=slots))
        got = slots_of(events)
        assert got["awaiting"] == "location" and not got.get("location"), (answer, intent)
        assert not any(p.get("type") == "recommendation" for p in payloads(msgs))


@pytest.mark.parametrize(
    "message, entities",
    [
        # "à ma place" once read as the commune of Placé (53).
        ("je voudrais que quelqu'un fasse ma demande de RSA à ma place", []),
        # An internal key or a greeting tagged as a place by the NLU.
        ("Hello I need help with my CAF file", [ent("location", "Hello I")]),
        ("aide pour mon dossier france travail", [ent("location", "france_travail")]),
    ],
)
def test_words_that_are_no_town_are_never_searched_as_one(directory, message, entities):
    msgs, events = run(A.ActionOrient(), tracker(message, "ask_help", entities))
    assert "Je ne trouve pas" not in text(msgs)
    assert not slots_of(events).get("location"), text(msgs)


@pytest.mark.parametrize(
    "message",
    [
        "ma grand-mère ne peut pas faire ses démarches elle-même, quelqu'un peut les faire à sa "
        "place ?",
        "je cherche un France Services près de chez moi",
        "je voudrais faire mes démarches avec quelqu'un",
        "je veux apprendre à faire mes démarches en ligne",
        "je veux faire mes démarches aidants connect",
    ],
)
def test_no_mode_question_when_the_message_already_says_it(directory, message):
    msgs, events = run(A.ActionOrient(), tracker(message, "ask_help"))
    assert slots_of(events)["awaiting"] == "location", text(msgs)
    assert "avec vous" not in text(msgs)


def test_unknown_town_asks_clearly_then_offers_helpline(directory):
    slots = {"needs": ["smartphone"], "awaiting": "location"}
    msgs, events = run(A.ActionOrient(), tracker("Xyzzyville", "inform", slots=slots))
    assert [m["response"] for m in msgs] == ["utter_location_not_found"]
    assert variables(msgs[0]) == {"place": "Xyzzyville", "helpline": ""}
    assert "Je ne trouve pas « Xyzzyville »" in text(msgs) and "code postal" in text(msgs)
    assert labels.HELPLINE["phone"] not in text(msgs)
    slots = {**slots, **slots_of(events)}
    msgs, events = run(A.ActionOrient(), tracker("Plouplouville", "inform", slots=slots))
    assert variables(msgs[0])["place"] == "Plouplouville"
    assert text(msgs).endswith("« 59100 ».\n\n" + fmt.HELPLINE_TEXT)
    assert labels.HELPLINE["phone"] in text(msgs)


def test_postcode_and_arrondissement(directory):
    slots = {"needs": ["ordinateur"], "awaiting": "location"}
    _, events = run(A.ActionOrient(), tracker("75011", "inform", slots=slots))
    assert slots_of(events)["location"]["label"] == "Paris 11e"


def test_shared_position(directory):
    slots = {"needs": ["internet"]}
    t = tracker(
        '/inform{"latitude": 50.69, "longitude": 3.18}',
        "inform",
        [ent("latitude", 50.69), ent("longitude", 3.18)],
        slots,
    )
    msgs, _ = run(A.ActionOrient(), t)
    p = recommendation(msgs)
    assert abs(p["location"]["lat"] - 50.69) < 0.01


def test_change_location_without_town_asks_again(directory):
    slots = {"needs": ["smartphone"], "location": _roubaix()}
    msgs, events = run(A.ActionOrient(), tracker("une autre ville", "change_location", slots=slots))
    assert slots_of(events)["location"] is None
    assert slots_of(events)["awaiting"] == "location"


# --- follow-ups -------------------------------------------------------------------------------
def test_more_results_pages(directory):
    slots = {"needs": ["demarches"], "mode": "avec_moi", "location": _roubaix()}
    msgs, events = run(
        ActionMoreResults(), tracker("d'autres lieux", "more_results", slots=slots)
    )
    assert recommendation(msgs)["results"][0]["id"] == "place-4"
    assert "4. " in text(msgs)
    slots = {**slots, **slots_of(events)}
    msgs, _ = run(ActionMoreResults(), tracker("encore", "more_results", slots=slots))
    msgs, _ = run(
        ActionMoreResults(), tracker("encore", "more_results", slots={**slots, "offset": 6})
    )
    p = recommendation(msgs)
    assert p["results"] == [] and labels.HELPLINE["phone"] in text(msgs)


def test_only_free(directory):
    slots = {"needs": ["demarches"], "mode": "avec_moi", "location": _roubaix()}
    t = tracker("seulement les gratuits", "inform", [ent("constraint", "gratuit")], slots)
    msgs, events = run(A.ActionOrient(), t)
    assert directory.queries[-1].filters.free_only is True
    assert recommendation(msgs)["filters"] == {"free_only": True}
    assert "place-3" not in [r["id"] for r in recommendation(msgs)["results"]]
    assert slots_of(events)["constraints"] == ["gratuit"]


def test_a_filter_carried_to_another_town_is_said_and_dropped_in_one_tap(directory):
    slots = {"needs": ["demarches"], "mode": "avec_moi", "location": _roubaix(),
             "constraints": ["gratuit"]}  # fmt: skip
    t = tracker("et à Lyon ?", "change_location", [ent("location", "Lyon")], slots)
    msgs, events = run(A.ActionOrient(), t)
    p = recommendation(msgs)
    assert p["filters"] == {"free_only": True} and "gratuits" in text(msgs)  # said
    drop = [b for b in p["follow_ups"] if "gratuits" in b["title"] and "Sans" in b["title"]]
    assert len(drop) == 1  # one tap
    slots = {**slots, **slots_of(events)}
    t = tracker(drop[0]["payload"], "inform", [ent("constraint", "sans_gratuit")], slots)
    msgs, events = run(A.ActionOrient(), t)
    assert directory.queries[-1].filters.free_only is False
    assert recommendation(msgs)["filters"] == {}
    assert slots_of(events)["constraints"] is None


def test_soft_constraint_is_relaxed_not_empty(directory):
    class Picky(FakeDirectory):
        def search(self, query):
            if query.filters.open_on_saturday:
                self.queries.append(query)
                return super().search(query.__class__(**{**query.__dict__, "needs": ()}))
            return super().search(query)

    picky = Picky()
    backends.set_backends(picky, backends.get_locator())
    slots = {"needs": ["smartphone"], "location": _roubaix()}
    msgs, _ = run(A.ActionOrient(), tracker("ouvert le samedi", "inform", slots=slots))
    assert text(msgs).startswith("Aucun lieu n'ouvre le samedi près de Roubaix")
    assert recommendation(msgs)["results"]
    # The criterion dropped is not claimed again for the places shown.
    assert "ouverts le samedi" not in text(msgs), text(msgs)


def test_someone_to_do_it_for_me_is_dropped_rather_than_sent_far(directory):
    # Nothing near announces Aidants Connect: the near desks are offered, the criterion said
    # dropped, rather than one place 105 km away.
    class NoAidantsNear(FakeDirectory):
        def search(self, query):
            self.queries.append(query)
            if query.filters.on_my_behalf:
                return super().search(query.__class__(**{**query.__dict__, "needs": ()}))
            return super().search(query)

    picky = NoAidantsNear()
    backends.set_backends(picky, backends.get_locator())
    slots = {"needs": ["demarches"], "location": _roubaix()}
    said = tracker("quelqu'un qui le fait à ma place", "inform", slots=slots)
    msgs, _ = run(A.ActionOrient(), said)
    assert "Aucun lieu ne fait les démarches à votre place (Aidants Connect)" in text(msgs)
    assert recommendation(msgs)["results"]


@pytest.mark.parametrize(
    "said",
    ["sans le samedi", "Sans le critère « ouverts le samedi »", "peu importe le samedi finalement"],
)
def test_a_criterion_said_away_is_dropped(directory, said):
    # Typed by hand (SMS, no buttons), "sans le samedi" once added the filter it removes.
    slots = {"needs": ["smartphone"], "location": _roubaix(), "constraints": ["samedi"]}
    msgs, events = run(A.ActionOrient(), tracker(said, "inform", slots=slots))
    assert not slots_of(events).get("constraints")
    assert directory.queries, text(msgs)
    assert directory.queries[-1].filters.open_on_saturday is False
    assert recommendation(msgs)["filters"] == {}


def test_send_summary(directory):
    slots = {"needs": ["demarches"], "procedures": ["caf"], "location": _roubaix()}
    _, events = run(A.ActionOrient(), tracker("caf", "ask_help", slots=slots))
    last = slots_of(events)["last_search"]
    msgs, events = run(
        ActionSendSummary(), tracker("envoyez-le moi", "send_it", slots={"last_search": last})
    )
    assert slots_of(events)["summary_requested"] is True
    assert msgs[0]["response"] == "utter_summary"
    assert said(msgs[0]) == (
        "Votre recherche à garder : vos démarches avec la CAF (RSA, APL, prime d'activité…) "
        "près de Roubaix (59)."
    )
    assert "Espace numérique 1" in text(msgs) and labels.HELPLINE["phone"] in text(msgs)
    assert recommendation(msgs)["results"]
    msgs, _ = run(ActionSendSummary(), tracker("envoyez-le moi", "send_it"))
    assert msgs[0]["response"] == "utter_nothing_to_send" and "rien trouvé" in text(msgs)


# --- nothing near, broken directory, bad input -----------------------------------------------
def _orient_in_roubaix(text: str, directory: FakeDirectory, locator) -> list[dict]:
    """action_orient on ``text`` with Roubaix known and ``directory`` as the actions' backend."""
    backends.set_backends(directory, locator)
    try:
        msgs, _ = run(A.ActionOrient(),
                      tracker(text, "ask_help", slots={"location": _roubaix()}))  # fmt: skip
    finally:
        backends.set_backends(None, None)
    return msgs


def test_nothing_near_gives_nearest_and_remote(locator):
    far = FakeDirectory(centre=(43.3, 5.4))  # Marseille, far from Roubaix
    msgs = _orient_in_roubaix("cours de tablette", far, locator)
    p = recommendation(msgs)
    assert p["nothing_near"] is True and len(p["results"]) == 1
    assert "pas de lieu tout près" in text(msgs)
    assert labels.HELPLINE["phone"] in text(msgs)


def test_no_place_at_all_still_answers(locator):
    msgs = _orient_in_roubaix("aide caf", FakeDirectory(count=0), locator)
    p = recommendation(msgs)
    assert p["results"] == [] and labels.HELPLINE["phone"] in text(msgs)


def test_broken_directory_answers_with_helpline(locator):
    msgs = _orient_in_roubaix("aide caf", FakeDirectory(fail=True), locator)
    p = recommendation(msgs)
    assert p["results"] == [] and p["error"] == "directory_unavailable"
    assert said(msgs[0]) == (
        "Je n'arrive pas à consulter l'annuaire pour le moment. " + fmt.HELPLINE_TEXT
    )
    assert labels.HELPLINE["phone"] in text(msgs)


@pytest.mark.parametrize(
    "message",
    [
        "a" * 10_000,
        "<script>alert('x')</script><b>Roubaix</b>",
        "é" * 5000 + " caf à roubaix",
        "",
        "\x00\x01 ;;; DROP TABLE places;",
    ],
)
@pytest.mark.parametrize("intent", ["ask_help", "inform", "nlu_fallback", "change_location"])
def test_bad_input_never_crashes(directory, message, intent):
    action = ActionFallback() if intent == "nlu_fallback" else A.ActionOrient()
    msgs, _ = run(action, tracker(message, intent, slots={"awaiting": "location"}))
    assert msgs and all(len(m.get("text") or "") < 4000 for m in msgs)
    assert "<script>" not in text(msgs)


# --- misunderstanding, human, forget me -------------------------------------------------------
def test_fallback_twice_offers_a_human(directory):
    msgs, events = run(ActionFallback(), tracker("grmbl zzz", "nlu_fallback"))
    assert msgs[0]["response"] == "utter_not_understood"
    assert text(msgs).startswith("Je n'ai pas bien compris. Dites-moi ce qui vous pose problème")
    slots = slots_of(events)
    msgs, events = run(ActionFallback(), tracker("xkcd plop", "nlu_fallback", slots=slots))
    assert msgs[0]["response"] == "utter_handoff_helpline"
    assert text(msgs).startswith("Je n'arrive pas à bien vous comprendre, désolé. Une personne")
    assert labels.HELPLINE["phone"] in text(msgs)
    assert payloads(msgs)[0] == {
        "type": "handoff",
        "to": "helpline",
        "phone": labels.HELPLINE["phone"],
        "tel": "tel:+33170772372",
        "url": labels.HELPLINE["url"],
    }
    assert slots_of(events)["handoff"] == "helpline"


def test_out_of_scope_is_kind_and_counts(directory):
    msgs, events = run(ActionOutOfScope(), tracker("quel temps fait-il", "out_of_scope"))
    assert msgs[0]["response"] == "utter_out_of_scope"
    assert "numérique" in text(msgs)
    assert slots_of(events)["fail_count"] == 1.0


def test_out_of_scope_while_asking_where_uses_the_locator(directory):
    # "Maripasoula" alone, answering "where?", was read as out_of_scope by the NLU.
    slots = {"needs": ["internet"], "awaiting": "location"}
    msgs, _ = run(ActionOutOfScope(), tracker("Roubaix", "out_of_scope", slots=slots))
    recommendation(msgs)
    msgs, events = run(ActionOutOfScope(),
                       tracker("raconte-moi une blague", "out_of_scope", slots=slots))  # fmt: skip
    assert slots_of(events)["fail_count"] == 1.0
    assert text(msgs).endswith("près de chez vous. Dans quelle ville ou quel code postal "
                               "cherchez-vous ?")  # fmt: skip


def test_fallback_while_asking_where_uses_the_locator(directory):
    slots = {"needs": ["smartphone"], "awaiting": "location"}
    msgs, _ = run(ActionFallback(), tracker("Roubaix", "nlu_fallback", slots=slots))
    recommendation(msgs)


def test_human_handoff_on_staff_console(directory):
    t = tracker("parler à quelqu'un", "human_handoff", metadata={"staff_console": True})
    msgs, events = run(ActionHumanHandoff(), t)
    assert payloads(msgs)[0] == {"type": "handoff", "to": "staff"}
    assert msgs[0]["response"] == "utter_handoff_staff"
    assert text(msgs) == "Je préviens un membre de l'équipe : il va vous répondre ici."
    assert slots_of(events)["handoff"] == "staff"


def test_forget_me_restarts_and_records(directory, tmp_path, monkeypatch):
    log = tmp_path / "forget.jsonl"
    monkeypatch.setenv("ORIENTEUR_FORGET_LOG", str(log))
    msgs, events = run(ActionForgetMe(), tracker("oublie-moi", "forget_me", sender_id="abc"))
    assert events[-1]["event"] == "restart"
    assert msgs[0]["response"] == "utter_forgotten" and "effacé" in text(msgs)
    assert payloads(msgs)[0] == {"type": "forget_me", "sender_id": "abc"}
    assert json.loads(log.read_text())["sender_id"] == "abc"


def test_forget_me_in_danger_gives_the_numbers_and_erases_nothing(tmp_path, monkeypatch):
    # The NLU reads "delete my accounts" as "forget me"; the words say someone may die tonight.
    log = tmp_path / "forget.jsonl"
    monkeypatch.setenv("ORIENTEUR_FORGET_LOG", str(log))
    message = "je veux en finir, aidez-moi à effacer tous mes comptes cette nuit"
    msgs, events = run(ActionForgetMe(), tracker(message, "forget_me"))
    assert kinds(msgs) == ["emergency"] and "112" in text(msgs)
    assert "restart" not in [e["event"] for e in events] and not log.exists()


@pytest.mark.parametrize(
    "message",
    [
        "Comment je supprime mon compte Instagram et tous mes messages ?",
        "je veux effacer mes photos sur facebook",
        "supprimer mon compte gmail svp",
    ],
)
def test_an_account_elsewhere_to_delete_is_served_and_this_conversation_kept(
    directory, tmp_path, monkeypatch, message
):
    # The NLU may read "supprimer mon compte" as "forget me": the account is another service's.
    log = tmp_path / "forget.jsonl"
    monkeypatch.setenv("ORIENTEUR_FORGET_LOG", str(log))
    msgs, events = run(ActionForgetMe(), tracker(message, "forget_me"))
    assert "restart" not in [e["event"] for e in events] and not log.exists()
    assert "forget_me" not in [p.get("type") for p in payloads(msgs)]
    assert slots_of(events).get("needs"), text(msgs)


@pytest.mark.parametrize("message", [
    "Comment je supprime mon compte Instagram et tous mes messages ?",
    "supprimer mon compte Facebook",
    "je voudrais fermer mon compte LinkedIn",
])  # fmt: skip
def test_an_account_elsewhere_gets_the_answer_of_the_same_words_asked_for(
    directory, tmp_path, monkeypatch, message
):
    """Read as the request it is in one place (the action, ``orient(…, read_as=…)``): the
    orientation of the same words read as "ask_help", and the message the action was given left
    as it was."""
    monkeypatch.setenv("ORIENTEUR_FORGET_LOG", str(tmp_path / "forget.jsonl"))
    asked = tracker(message, "forget_me")
    given = json.loads(json.dumps(asked.latest_message))
    msgs, events = run(ActionForgetMe(), asked)
    assert asked.latest_message == given  # no intent rewritten in the tracker
    same = CollectingDispatcher()
    same_events = orient(same, tracker(message, "ask_help"))
    assert text(msgs) == text(same.messages) and slots_of(events) == slots_of(same_events)
    assert not (tmp_path / "forget.jsonl").exists()


# --- as the action server runs them ------------------------------------------------------------
def test_action_executor_runs_the_package(directory):
    t = tracker("apprendre l'ordinateur à Roubaix", "ask_help", [ent("location", "Roubaix")])
    response = run_as_the_action_server(t)
    assert response["responses"][0]["custom"]["orienteur"]["type"] == "recommendation"


def test_singletons_are_built_once(monkeypatch, tmp_path):
    from directory_client import Directory
    from directory_client.errors import DirectoryUnavailable

    url = f"sqlite:///{tmp_path}/d.sqlite3"
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", url)
    backends.set_backends(None, None)
    try:
        with pytest.raises(DirectoryUnavailable):  # no empty directory made up in its place
            backends.get_directory()
        assert not (tmp_path / "d.sqlite3").exists()
        Directory(url)  # imported (here: empty)
        assert backends.get_directory() is backends.get_directory()
        assert backends.get_locator() is backends.get_locator()
        assert str(tmp_path) in backends.get_directory().url
    finally:
        backends.set_backends(None, None)


def _roubaix() -> dict:
    return {
        "label": "Roubaix (59)",
        "kind": "commune",
        "lat": 50.69,
        "lon": 3.18,
        "commune": "Roubaix",
        "code_insee": "59512",
        "code_postal": "59100",
        "departement": "59",
    }


# --- against the real embedded directory --------------------------------------------------------
@pytest.fixture()
def real(embedded_directory, locator):
    # Per test: the conversation tests of this module set the fake directory in between.
    backends.set_backends(embedded_directory, locator)
    yield embedded_directory
    backends.set_backends(None, None)


@pytest.mark.parametrize(
    ("message", "town", "service"),
    [
        (
            "j'arrive pas à faire ma demande de RSA sur le site de la CAF",
            "Roubaix",
            labels.DEMARCHES,
        ),
        ("jveu apprendre a me servir de mon tel", "Angoulême", labels.OUTILS_QUOTIDIEN),
        ("pas d'internet chez moi", "Paris 11e", labels.ACCES_INTERNET_MATERIEL),
        ("je cherche du travail", "Lyon", labels.INSERTION_PRO),
        ("mon compte facebook a été piraté", "Clermont-Ferrand", labels.SECURITE),
    ],
)
def test_real_directory_recommends_three_places(real, message, town, service):
    t = tracker(message, "ask_help", [ent("location", town)])
    msgs, events = run(A.ActionOrient(), t)
    p = recommendation(msgs)
    assert p["need"] == [service]
    assert p["results"], text(msgs)
    assert all(r["name"] and r["address"] for r in p["results"])
    assert "1. " in text(msgs)


def test_real_directory_more_results_and_free(real):
    slots = {"needs": ["smartphone"], "location": _roubaix()}
    msgs, events = run(ActionMoreResults(), tracker("encore", "more_results", slots=slots))
    first = recommendation(msgs)["results"]
    t = tracker("gratuit", "inform", [ent("constraint", "gratuit")], slots)
    msgs, _ = run(A.ActionOrient(), t)
    p = recommendation(msgs)
    assert p["filters"] == {"free_only": True} and p["results"]
    assert first != p["results"]


def test_keywords_win_over_noisy_entities(directory):
    t = tracker(
        "je suis à la retraite et je voudrais apprendre à utiliser ma tablette",
        "ask_help",
        [ent("procedure", "retraite"), ent("need", "enfants")],
        {"location": _roubaix()},
    )
    _, events = run(A.ActionOrient(), t)
    assert slots_of(events)["needs"] == ["smartphone"]
    assert slots_of(events).get("procedures") is None  # unset, so not repeated


def test_fallback_on_a_bare_town_name_locates_it(directory):
    msgs, events = run(ActionFallback(), tracker("st etienne", "nlu_fallback"))
    assert slots_of(events)["location"]["commune"] == "Saint-Étienne"
    assert slots_of(events)["awaiting"] == "need"


def test_misspelled_town_after_where_even_if_nlu_says_change_location(directory):
    slots = {"needs": ["smartphone"], "awaiting": "location"}
    msgs, _ = run(A.ActionOrient(), tracker("roubai", "change_location", slots=slots))
    assert recommendation(msgs)["location"]["commune"] == "Roubaix"


def test_a_thing_of_the_persons_is_never_taken_for_a_town(directory):
    # The NLU tagged "Mon Gmail" as a place: the person is asked where they are, not told that
    # "Mon Gmail" cannot be found.
    message = "Mon Gmail a été piraté par mon ex, comment je récupère mon compte"
    said = tracker(message, "ask_help", [ent("location", "Mon Gmail")])
    msgs, events = run(A.ActionOrient(), said)
    assert "Je ne trouve pas" not in text(msgs) and "Gmail" not in text(msgs)
    slots = slots_of(events)
    assert slots["needs"] == ["securite"] and slots["awaiting"] == "location"


def test_mode_button_then_place(directory):
    _, events = run(A.ActionOrient(), tracker("j'ai des papiers à faire", "ask_help"))
    slots = slots_of(events)
    assert slots["awaiting"] == "mode"
    button = tracker('/inform{"mode": "avec_moi"}', "inform", [ent("mode", "avec_moi")], slots)
    msgs, events = run(A.ActionOrient(), button)
    slots = {**slots, **slots_of(events)}
    assert slots["mode"] == "avec_moi" and slots["awaiting"] == "location"
    assert "Je ne trouve pas" not in text(msgs)
    need_button = tracker('/ask_help{"need": "internet"}', "ask_help", [ent("need", "internet")])
    _, events = run(A.ActionOrient(), need_button)
    assert slots_of(events)["needs"] == ["internet"]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("je veux mourir", "send_it"),
        ("mon mari me frappe", "ask_help"),
        ("crise cardiaque", "ask_help"),
        ("au secours", "nlu_fallback"),
        ("il me menace avec un couteau, je suis en danger", "inform"),
        ("j'ai avalé des médicaments, trop de médicaments", "out_of_scope"),
    ],
)
def test_emergency_safety_net_whatever_the_intent(directory, message, intent):
    action = {
        "nlu_fallback": ActionFallback(),
        "out_of_scope": ActionOutOfScope(),
    }.get(intent, A.ActionOrient())
    msgs, _ = run(action, tracker(message, intent))
    # violence by a partner: the 3919 instead of the suicide line (round 95); a body in danger:
    # the SAMU, no suicide line (round 23)
    line = {"mon mari me frappe": "3919", "crise cardiaque": "15 (SAMU)"}.get(message, "3114")
    assert "112" in text(msgs) and line in text(msgs)
    assert ("3114" in text(msgs)) == (line == "3114"), text(msgs)
    assert kinds(msgs)[0] == "emergency"


def test_no_false_emergency_on_ordinary_needs():
    from actions.needs import is_emergency

    for message in ("aide pour la caf", "mon compte a été piraté", "je cherche du travail"):
        assert not is_emergency(message)


def chitchat(message: str, sub: str, *, selector_only: bool = False):
    """A tracker as Rasa builds it for the retrieval intent ``chitchat/<sub>``."""
    t = tracker(message, "chitchat")
    key = f"chitchat/{sub}"
    t.latest_message["response_selector"] = {
        "all_retrieval_intents": ["chitchat"],
        "chitchat": {"response": {"intent_response_key": key}, "ranking": []},
    }
    if not selector_only:
        t.latest_message["intent"]["full_retrieval_intent_name"] = key
    return t


def test_smalltalk_answers_with_the_domain_response_or_the_emergency():
    msgs, _ = run(ActionSmalltalk(), chitchat("bonjour", "greet"))
    assert msgs[0]["response"] == "utter_chitchat/greet"
    t = chitchat("t'es un robot ?", "bot_challenge", selector_only=True)
    msgs, _ = run(ActionSmalltalk(), t)
    assert msgs[0]["response"] == "utter_chitchat/bot_challenge"
    msgs, _ = run(ActionSmalltalk(), tracker("hmm", "chitchat"))  # no sub-intent: explain
    assert msgs[0]["response"] == "utter_chitchat/confused"
    msgs, _ = run(ActionSmalltalk(), chitchat("au secours", "goodbye"))
    assert "112" in text(msgs)


def test_a_town_said_after_a_greeting_is_kept_and_said_so_and_the_need_asked(directory):
    msgs, _ = run(ActionSmalltalk(), chitchat("bonjour", "greet"))
    msgs, events = run(A.ActionOrient(), tracker("et à Beaune ?", "inform",
                                                 [ent("location", "Beaune")]))  # fmt: skip
    slots = slots_of(events)
    assert slots["location"]["commune"] == "Beaune" and slots["awaiting"] == "need"
    assert text(msgs).startswith("C'est noté, je chercherai près de Beaune (21). Dites-moi")
    assert len(msgs[0]["buttons"]) == 6
    # Asked again later (the town already known), the question alone.
    msgs, _ = run(A.ActionOrient(), tracker("euh", "inform", slots=slots))
    assert not text(msgs).startswith("C'est noté")


def test_locator_first_does_not_deadlock(monkeypatch, tmp_path):
    """get_locator() builds the directory under the same lock (a plain Lock deadlocked)."""
    import threading

    monkeypatch.setenv("DIRECTORY_DATABASE_URL", f"sqlite:///{tmp_path}/d.sqlite3")
    backends.set_backends(None, None)
    done = []
    worker = threading.Thread(target=lambda: done.append(backends.get_locator()), daemon=True)
    worker.start()
    worker.join(timeout=60)
    try:
        assert done, "get_locator() deadlocked"
    finally:
        backends.set_backends(None, None)


# --- safety: danger now, or a request said with strong words ------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "je trouve nulle part le formulaire de la CAF, j'habite à Lyon",
        "je suis suivi par un conseiller France Travail pour mon CV",
        "aidez-moi vite pour mon dossier retraite",
        "au secours on m'a piraté mon mot de passe facebook",
        "mon téléphone est mort noyé dans les toilettes",
    ],
)
def test_a_need_said_with_strong_words_is_served_not_alarmed(directory, message):
    for action in (A.ActionOrient(), ActionEmergency()):  # whatever the NLU made of it
        msgs, events = run(action, tracker(message, "ask_help"))
        assert "emergency" not in kinds(msgs), message
        assert "112" not in text(msgs), message
        assert slots_of(events).get("needs"), message


def test_danger_now_gets_the_numbers_alone(directory):
    message = "quelqu'un est en train de forcer ma porte, je suis seule avec mes deux enfants"
    for action in (A.ActionOrient(), ActionEmergency(), ActionOutOfScope()):
        msgs, _ = run(action, tracker(message, "inform"))
        assert kinds(msgs) == ["emergency"]
        assert "112" in text(msgs)


def test_unsure_danger_is_one_question_and_the_request_is_kept(directory):
    # The NLU reads danger, the words name a need and no danger: ask, keep the need.
    message = "mon ex a mon mot de passe facebook et publie des choses sur moi"
    msgs, events = run(ActionEmergency(), tracker(message, "emergency"))
    assert kinds(msgs) == ["danger_check"]
    assert "en danger en ce moment" in text(msgs) and "112" in text(msgs)
    slots = slots_of(events)
    assert slots["awaiting"] == "danger" and slots["needs"] == ["securite"]
    msgs, events = run(A.ActionOrient(), tracker("non", "deny", slots=slots))
    assert "ville" in text(msgs)  # carries on: where?
    msgs, _ = run(A.ActionOrient(), tracker("oui", "affirm", slots=slots))
    assert kinds(msgs) == ["emergency"]


@pytest.mark.parametrize(
    "message",
    [
        "au secours mon compte caf est bloqué",
        "mon portable est tombé dans l'évier, paix à son âme, il m'en faut un pas cher",
        "une photo d'attentat tourne sur whatsapp, c'est un fake ? comment vérifier",
    ],
)
def test_the_nlu_reading_danger_yields_to_a_need_or_to_a_figure(directory, message):
    msgs, events = run(ActionEmergency(), tracker(message, "emergency"))
    assert not {"danger_check", "emergency"} & {p.get("type") for p in payloads(msgs)}
    assert slots_of(events)["needs"] and "ce qui vous pose problème" not in text(msgs)


def test_a_need_said_beside_a_danger_without_danger_words_gets_the_question(directory):
    # No danger word, a device named: the meaning comes close to danger (actions/danger.py).
    message = (
        "il est revenu, il a fermé la porte à clé et m'a pris mon téléphone, j'écris avec la "
        "tablette, il faut que je fasse ma demande de logement"
    )
    msgs, events = run(A.ActionOrient(), tracker(message, "ask_help"))
    assert kinds(msgs) == ["danger_check"]
    assert "en danger en ce moment" in text(msgs) and "112" in text(msgs)
    assert slots_of(events)["awaiting"] == "danger" and slots_of(events)["needs"]
    # An ordinary request with a device and a door is served as before.
    msgs, _ = run(
        A.ActionOrient(), tracker("je dois faire ma demande de logement en ligne", "ask_help")
    )
    assert payloads(msgs) == [] and "en danger" not in text(msgs)


@pytest.mark.parametrize(
    "answer, is_place",
    [
        ("Florac", True),  # Florac Trois Rivières, merged in 2016
        ("Beaujeu", True),  # two Beaujeu: the assistant will ask which
        ("saint quentn", False),  # a near-miss is not read as a plain answer to "where?"
        ("merci beaucoup", False),
    ],
)
def test_a_bare_town_answers_where_even_merged_or_shared(answer, is_place):
    assert looks_like_place(answer) is is_place


def test_a_guessed_need_is_offered_as_a_choice_then_served(directory):
    # No word of a service ("kk1", "me co"): the reading is a guess, so the likeliest needs are
    # offered instead of places for a need the person may not have.
    message = "kk1 est dans mon compte je peu plus me co"
    msgs, events = run(A.ActionOrient(), tracker(message, "ask_help"))
    assert payloads(msgs)[0]["type"] == "need_choice"
    assert "de quoi avez-vous besoin" in text(msgs).lower()
    titles = [b["title"] for m in msgs for b in m.get("buttons") or []]
    assert "Vous protéger des arnaques et du piratage" in titles and len(titles) == 3
    slots = slots_of(events)
    assert slots["awaiting"] == "need_choice"
    tap = tracker(questions.need_payload("securite"), "ask_help", [ent("need", "securite")], slots)
    msgs, events = run(A.ActionOrient(), tap)
    slots = {**slots, **slots_of(events)}
    assert slots["needs"] == ["securite"] and slots["awaiting"] == "location"
    # Said in words instead, the answer is taken as it is: never the same question twice.
    asked = {"awaiting": "need_choice"}
    words = tracker("on m'a volé mon compte instagram", "ask_help", slots=asked)
    msgs, events = run(A.ActionOrient(), words)
    assert "need_choice" not in [p.get("type") for p in payloads(msgs)]
    assert slots_of(events)["needs"]


@pytest.mark.parametrize(
    "message",
    ["je veux apprendre à me servir de mon téléphone", "caf", "faire ma déclaration d'impôts"],
)
def test_a_clear_need_is_not_questioned(directory, message):
    msgs, _ = run(A.ActionOrient(), tracker(message, "ask_help"))
    assert "need_choice" not in [p.get("type") for p in payloads(msgs)]


@pytest.mark.parametrize("key", ["demarches", "smartphone", "securite", "emploi"])
def test_a_button_is_never_questioned(directory, key):
    tap = tracker(questions.need_payload(key), "ask_help", [ent("need", key)])
    msgs, events = run(A.ActionOrient(), tap)
    assert "need_choice" not in [p.get("type") for p in payloads(msgs)]
    assert slots_of(events)["needs"] == [key]


def test_after_the_need_choice_no_mode_question_and_learning_alone_is_one_tap(directory):
    # One question about the need is enough: "with someone" by default, "alone" offered after,
    # even when the place is given after the need.
    slots = {"awaiting": "need_choice"}
    _, events = run(A.ActionOrient(), tracker("mes démarches en ligne", "ask_help", slots=slots))
    slots = {**slots, **slots_of(events)}
    assert slots["awaiting"] == "location"
    msgs, events = run(A.ActionOrient(), tracker("Roubaix", "inform", slots=slots))
    rec = recommendation(msgs)
    assert rec["need"] == [labels.DEMARCHES]
    alone = [b for b in rec["follow_ups"] if b["title"] == "Apprendre à le faire moi-même"]
    assert alone
    slots = {**slots, **slots_of(events)}
    assert slots["needs"] == ["demarches"] and slots["mode"] == "avec_moi"
    tap = tracker(alone[0]["payload"], "inform", [ent("mode", "autonomie")], slots)
    msgs, events = run(A.ActionOrient(), tap)
    assert "apprendre à faire vos démarches en ligne vous-même" in text(msgs)
    assert not [b for b in recommendation(msgs)["follow_ups"] if b["title"] == alone[0]["title"]]
    # Asked "what do you need?" without choices, the mode question stays.
    asked = {"awaiting": "need", "location": _roubaix()}
    _, events = run(A.ActionOrient(), tracker("mes démarches en ligne", "ask_help", slots=asked))
    assert slots_of(events)["awaiting"] == "mode"
