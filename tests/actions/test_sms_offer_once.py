"""By SMS (no buttons), the offer of the places open on Saturday (or open now) came twice: in
words (« Répondez "samedi" ») and again as a numbered choice under the places' own numbers
(« 1. Les lieux ouverts le samedi / Répondez 1. », while « 1. » was a place just above). One
offer, in words that work by SMS. What the phone receives (the real SMS channel in front of the
real actions, the real embedded directory)."""

from __future__ import annotations

from tests.actions.test_after_list_follow_ups import MONDAY_0847, at
from tests.bot.channels.sms_talk import SmsTalk
from tests.conftest_actions import ent


def test_by_sms_the_saturday_places_are_offered_once_in_words(real, monkeypatch):
    at(monkeypatch, MONDAY_0847)
    sms = SmsTalk()
    sms.say("j'ai besoin d'aide pour ma CAF à Tours", "ask_help", [ent("location", "Tours")])
    [days] = sms.say("c'est ouvert samedi ?", "inform", [ent("constraint", "samedi")])
    assert days.count(": fermé") == 3, days
    assert days.count("ouverts le samedi") == 1, days  # not « 1. Les lieux ouverts le samedi »
    assert days.rstrip().endswith('Répondez "samedi".'), days
    assert "Répondez 1" not in days, days
    [saturday] = sms.say("samedi", "inform", [ent("constraint", "samedi")])
    assert "ouverts le samedi" in saturday, saturday


def test_by_sms_the_places_open_now_are_offered_once_in_words(real, monkeypatch):
    at(monkeypatch, MONDAY_0847)
    sms = SmsTalk()
    sms.say("j'ai besoin d'aide pour ma CAF à Tours", "ask_help", [ent("location", "Tours")])
    [now] = sms.say("lequel est ouvert maintenant ?", "inform")
    assert now.startswith("Aucun des 3 lieux"), now
    assert now.count("Les lieux ouverts maintenant") == 0, now  # the numbered choice
    assert now.rstrip().endswith('Voulez-vous les lieux ouverts maintenant ? '
                                 'Répondez "ouverts maintenant".'), now
    assert "Répondez 1" not in now, now
