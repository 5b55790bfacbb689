"""Personal data minimised before storage (bot/privacy.py, docs/privacy.md).

Pure functions first, then ``MaskingTrackerStore`` in process (in memory, SQLite, database
failure), then a real conversation through ``rasa run`` + the action server with the masking
store around a SQLite tracker store: the stored rows (and the raw database bytes) must not hold
a phone number, an e-mail or a precise position.
"""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import (
    EMAIL_MASK,
    PHONE_MASK,
    MaskingTrackerStore,
    find_personal,
    mask_events,
    mask_text,
)

PHONES = ["06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "06.12.34.56.78",
          "06-12-34-56-78", "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78",
          "+33612345678"]  # fmt: skip
EMAILS = ["jean.dupont@example.fr", "Marie-Claire.ONeil+caf@mail.example.co.uk"]
HELPLINE = "01 70 77 23 72"


# --- pure functions ----------------------------------------------------------------------------
@pytest.mark.parametrize("phone", PHONES)
def test_french_phone_formats_are_masked(phone):
    text = f"Rappelez-moi au {phone} s'il vous plaît"
    assert mask_text(text) == f"Rappelez-moi au {PHONE_MASK} s'il vous plaît"
    assert find_personal(text)[0] == {"0612345678"}  # every format: the same person


@pytest.mark.parametrize("email", EMAILS)
def test_emails_are_masked(email):
    assert mask_text(f"mon mail : {email}.") == f"mon mail : {EMAIL_MASK}."


@pytest.mark.parametrize("text", [
    "J'habite au 59100 Roubaix", "75011", "code postal 13001 Marseille", "le 12/03/2024",
    "né en 1954", "j'ai 80 ans", "rue du 8 mai 1945", "numéro fiscal 1234567890123",
    "dossier 2024-00012345",
])  # fmt: skip
def test_postcodes_and_other_numbers_are_kept(text):
    assert mask_text(text) == text


def test_positions_in_text_are_rounded():
    assert mask_text('/inform{"latitude": 50.69421, "longitude": 3.17462}') == (
        '/inform{"latitude": 50.69, "longitude": 3.17}'
    )
    assert mask_text("je suis à 48.856614, 2.352222") == "je suis à 48.86, 2.35"
    assert mask_text("lat=45.12345 lon=-1.98765", decimals=3) == "lat=45.123 lon=-1.988"


def test_long_texts_are_cut():
    assert mask_text("a" * 5000, max_length=1000) == "a" * 1000 + "…"


def _events() -> list[dict]:
    user = UserUttered(
        '/inform{"latitude": 50.69421, "longitude": 3.17462} 06 12 34 56 78',
        intent={"name": "inform", "confidence": 1.0},
        entities=[
            {"entity": "latitude", "value": 50.69421},
            {"entity": "longitude", "value": "3.17462"},
            {"entity": "location", "value": "a@b.fr"},
        ],  # fmt: skip
        parse_data={"text": "06 12 34 56 78 a@b.fr", "intent": {"name": "inform"}},
        metadata={"location": {"lat": 50.69421, "lon": 3.17462}, "from": "+33612345678"},
    )
    bot = BotUttered(
        f"Vous avez donné le 06 12 34 56 78. Solidarité Numérique : {HELPLINE}. "
        "Mairie : 03 20 00 00 00",
        data={"custom": {"orienteur": {"location": {"lat": 50.69421, "lon": 3.17462},
                                       "results": [{"phone": "03 20 00 00 00", "lat": 50.69421,
                                                    "lon": 3.17462}]}}},
    )  # fmt: skip
    slot = SlotSet("location", {"label": "votre position", "kind": "point", "lat": 50.69421,
                                "lon": 3.17462})  # fmt: skip
    last = SlotSet("last_search", {"location": {"lat": 50.69421, "lon": 3.17462},
                                   "results": [{"lat": 50.69421, "lon": 3.17462}]})  # fmt: skip
    return [e.as_dict() for e in (ActionExecuted("action_listen"), user, slot, last, bot)]


def test_mask_events_user_slots_bot():
    masked = mask_events(_events())
    assert len(masked) == 5 and [e["event"] for e in masked] == [e["event"] for e in _events()]
    dump = json.dumps(masked, ensure_ascii=False)
    assert "12 34 56 78" not in dump and "612345678" not in dump and "a@b.fr" not in dump
    assert "50.69421" not in dump.split('"results"')[0]
    user, slot, last, bot = masked[1:]
    assert user["text"] == f'/inform{{"latitude": 50.69, "longitude": 3.17}} {PHONE_MASK}'
    assert user["parse_data"]["text"] == f"{PHONE_MASK} {EMAIL_MASK}"
    assert [e["value"] for e in user["parse_data"]["entities"]] == [50.69, "3.17", EMAIL_MASK]
    assert user["metadata"] == {"location": {"lat": 50.69, "lon": 3.17}, "from": PHONE_MASK}
    assert slot["value"] == {"label": "votre position", "kind": "point", "lat": 50.69,
                             "lon": 3.17}  # fmt: skip
    # The person's number goes everywhere; the helpline and the places' phones stay.
    assert PHONE_MASK in bot["text"] and HELPLINE in bot["text"] and "03 20 00 00 00" in bot["text"]
    orienteur = bot["data"]["custom"]["orienteur"]
    assert orienteur["location"] == {"lat": 50.69, "lon": 3.17}
    assert orienteur["results"][0] == {"phone": "03 20 00 00 00", "lat": 50.69421, "lon": 3.17462}
    assert last["value"]["location"] == {"lat": 50.69, "lon": 3.17}
    assert last["value"]["results"][0] == {"lat": 50.69421, "lon": 3.17462}  # a place: public


def test_masking_is_idempotent():
    once = mask_events(_events())
    assert mask_events(once) == once


# --- the tracker store wrapper, in process -------------------------------------------------------
DOMAIN = Domain.from_yaml(
    "version: '3.1'\nslots:\n  location:\n    type: any\n    mappings: [{type: custom}]\n"
    "  last_search:\n    type: any\n    mappings: [{type: custom}]\n"
)


def _tracker(sender: str) -> DialogueStateTracker:
    from rasa.shared.core.events import Event

    return DialogueStateTracker.from_events(
        sender, [Event.from_parameters(e) for e in _events()], DOMAIN.slots
    )


def _run(coroutine):
    return asyncio.new_event_loop().run_until_complete(coroutine)


def test_in_memory_store_receives_the_masked_tracker_only():
    store = MaskingTrackerStore(DOMAIN)
    assert isinstance(store.wrapped, InMemoryTrackerStore)
    tracker = _tracker("mem")
    _run(store.save(tracker))
    stored = store.wrapped.store["mem"]  # the serialised tracker, exactly as kept
    assert "612345678" not in stored and "12 34 56 78" not in stored and "a@b.fr" not in stored
    assert "50.69421" not in stored.split('"results"')[0]
    # The caller's tracker is untouched: the current turn keeps the precise values.
    assert tracker.get_slot("location")["lat"] == 50.69421
    back = _run(store.retrieve("mem"))
    assert back.get_slot("location")["lat"] == 50.69
    assert len(back.events) == len(tracker.events)
    assert list(_run(store.keys())) == ["mem"]


def test_sql_store_rows_are_masked_and_appended_once(tmp_path):
    db = tmp_path / "tracker.db"
    store = MaskingTrackerStore(DOMAIN, wrapped={"type": "SQL", "dialect": "sqlite", "db": str(db)})
    assert isinstance(store.wrapped, SQLTrackerStore)
    tracker = _tracker("sql")
    _run(store.save(tracker))
    tracker.update(UserUttered("mon autre mail b@c.org", intent={"name": "inform"}))
    _run(store.save(tracker))  # only the new event is appended, masked
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = [json.loads(d) for (d,) in conn.execute("SELECT data FROM events ORDER BY id")]
    assert len(rows) == len(tracker.events)
    assert rows[-1]["text"] == f"mon autre mail {EMAIL_MASK}"
    raw = db.read_bytes()
    for secret in (b"612345678", b"12 34 56 78", b"a@b.fr", b"b@c.org"):
        assert secret not in raw


def test_from_endpoint_config_as_rasa_loads_it(tmp_path):
    """The same path Rasa takes for `type: bot.privacy.MaskingTrackerStore` in endpoints.yml."""
    from rasa.utils.endpoints import EndpointConfig

    config = EndpointConfig(type="bot.privacy.MaskingTrackerStore", coordinate_decimals=3,
                            wrapped={"type": "SQL", "dialect": "sqlite",
                                     "db": str(tmp_path / "t.db")})  # fmt: skip
    store = TrackerStore.create(config, DOMAIN)
    assert isinstance(store, MaskingTrackerStore) and store.decimals == 3
    assert isinstance(store.wrapped, SQLTrackerStore)


def test_endpoint_files_use_the_masking_store():
    import yaml

    from bot.settings import PROJECT_ROOT

    production = "bot.tracker_store.OrienteurSQLTrackerStore"  # on SQLite in endpoints.yml
    for name, wrapped in (("endpoints.yml", production), ("endpoints.production.yml", production)):
        config = yaml.safe_load((PROJECT_ROOT / name).read_text())["tracker_store"]
        assert config["type"] == "bot.privacy.MaskingTrackerStore", name
        assert (config.get("wrapped") or {}).get("type") == wrapped, name


def test_database_failure_falls_back_to_memory_masked():
    class Broken(TrackerStore):
        async def save(self, tracker):
            raise ConnectionError("database down")

        async def retrieve(self, sender_id):
            raise ConnectionError("database down")

    store = MaskingTrackerStore(DOMAIN, inner=Broken(DOMAIN))
    _run(store.save(_tracker("down")))  # never raises: Rasa's own fail-safe is not reached
    fallback = store._inner.fallback_tracker_store
    stored = fallback.store["down"]
    assert "612345678" not in stored and "a@b.fr" not in stored


# --- a real conversation through `rasa run` ------------------------------------------------------
@pytest.mark.rasa
def test_real_conversation_stores_no_phone_email_or_precise_position(rasa_stack):
    sender = f"privacy-{uuid.uuid4().hex[:10]}"
    said = [
        "Bonjour, j'ai besoin d'aide pour ma demande CAF, rappelez-moi au 06 12 34 56 78 "
        "ou écrivez à jean.dupont@example.fr",
        "mon portable c'est 0698765432",
        "ou le +33 6 11 22 33 44, ou 06.55.44.33.22",
        "J'habite à Roubaix, 59100",
    ]
    answers = [rasa_stack.say(sender, text) for text in said]
    assert all(answers), answers
    rows = rasa_stack.rows(sender)
    user_texts = [e["text"] for _, t, e in rows if t == "user"]
    assert len(user_texts) == len(said)  # every turn stored, once
    assert user_texts[0] == ("Bonjour, j'ai besoin d'aide pour ma demande CAF, rappelez-moi au "
                             f"{PHONE_MASK} ou écrivez à {EMAIL_MASK}")  # fmt: skip
    assert user_texts[3] == "J'habite à Roubaix, 59100"  # postcode kept
    dump = json.dumps([e for _, _, e in rows], ensure_ascii=False)
    raw = rasa_stack.raw_dump()
    for secret in ("12 34 56 78", "0698765432", "11 22 33 44", "55.44.33.22", "jean.dupont",
                   "612345678", "698765432", "611223344", "655443322"):  # fmt: skip
        assert secret not in dump, secret
        assert secret.encode() not in raw, secret
    # The helpline the assistant shows is not the person's: kept wherever it was said.
    said_back = " ".join(str(m.get("text", "")) for a in answers for m in a)
    if HELPLINE in said_back:
        assert HELPLINE in dump


@pytest.mark.rasa
def test_shared_position_is_rounded_in_storage(rasa_stack):
    sender = f"privacy-{uuid.uuid4().hex[:10]}"
    rasa_stack.say(sender, "j'ai besoin d'aide pour mes impôts en ligne")
    answer = rasa_stack.say(sender, '/inform{"latitude": 50.69421, "longitude": 3.17462}',
                            {"location": {"lat": 50.69421, "lon": 3.17462}})  # fmt: skip
    assert answer
    rows = rasa_stack.rows(sender)
    dump = json.dumps([e for _, _, e in rows])
    for precise in ("50.69421", "3.17462", "50.6942", "3.1746"):
        assert precise not in dump, precise
    user = [e for _, t, e in rows if t == "user"][-1]
    assert user["metadata"]["location"] == {"lat": 50.69, "lon": 3.17}
    assert user["text"] == '/inform{"latitude": 50.69, "longitude": 3.17}'
    entities = {e["entity"]: e["value"] for e in user["parse_data"]["entities"]}
    assert entities.get("latitude") in (None, 50.69) and entities.get("longitude") in (None, 3.17)
    location = [e["value"] for _, t, e in rows if t == "slot" and e["name"] == "location"]
    if location and location[-1]:
        assert (location[-1]["lat"], location[-1]["lon"]) == (50.69, 3.17)


@pytest.mark.rasa
def test_forget_me_still_deletes_everything_with_the_wrapper(rasa_stack):
    from bot import retention

    sender = f"privacy-{uuid.uuid4().hex[:10]}"
    rasa_stack.say(sender, "j'ai besoin d'aide pour la CAF, mon numéro 06 12 34 56 78")
    rasa_stack.say(sender, "J'habite à Angoulême")
    rasa_stack.say(sender, "Oubliez-moi, effacez notre conversation")
    log = rasa_stack.forget_log.read_text() if rasa_stack.forget_log.exists() else ""
    if sender not in log:
        pytest.skip("the assistant did not record a forget request (intent or action missing)")
    assert rasa_stack.rows(sender)  # Rasa wrote the turn back after the action ran (masked)
    url = f"sqlite:///{rasa_stack.tracker_db}"
    applied, deleted = retention.process_forget_requests(url, rasa_stack.forget_log, min_age=0)
    assert applied >= 1 and deleted > 0
    left = rasa_stack.rows(sender)  # what the action itself said after the request may stay
    assert [e for _, t, e in left if t == "user"] == []
    assert not any("Angoul" in json.dumps(e) or PHONE_MASK in json.dumps(e, ensure_ascii=False)
                   for _, _, e in left), left  # fmt: skip
    rasa_stack.say(sender, "bonjour")  # the person can start again
    assert [e["text"] for _, t, e in rasa_stack.rows(sender) if t == "user"] == ["bonjour"]


def test_entities_taken_from_part_of_a_phone_number_are_masked():
    """DIET may extract a piece of a number ("6 11 22 33 44" out of "+33 6 11 22 33 44")."""
    text = "ou le +33 6 11 22 33 44, ou écrivez à a.b@c.fr"
    user = UserUttered(text, intent={"name": "inform"}, parse_data={
        "text": text, "intent": {"name": "inform"},
        "entities": [{"entity": "location", "start": 10, "end": 23, "value": "6 11 22 33 44"},
                     {"entity": "location", "value": "611223344"},
                     {"entity": "location", "value": "c.fr"},
                     {"entity": "location", "start": 0, "end": 5, "value": "ou le"}]})  # fmt: skip
    entities = mask_events([user.as_dict()])[0]["parse_data"]["entities"]
    assert [e["value"] for e in entities] == [PHONE_MASK, PHONE_MASK, EMAIL_MASK, "ou le"]
