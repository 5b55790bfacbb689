"""An e-mail asked after a list, with no mail server: the sentence says what the person sees on
that channel (round 29's screenshots, widget-desk-mail-asked: on the widget it said « Vous pouvez
copier le lien de la fiche dans votre e-mail » while no link is shown there, only the cards'
« Garder cette adresse » and « Fiche à imprimer ou enregistrer (PDF) »). On the widget: the sheet
saved as a PDF to attach, or printed, from the cards; elsewhere (REST, SMS: no cards) the links
written out, to copy. Real actions, the real embedded directory."""

from __future__ import annotations

import pytest

from actions import place_actions as A
from tests.actions import sheets
from tests.actions import talk as T
from tests.actions.talk import Talk, payloads, rest_text
from tests.actions.test_desk_follow_ups import WidgetTalk
from tests.conftest_actions import ent

ASKED = "j'ai besoin d'aide pour ma déclaration d'impôts à Rennes"


@pytest.fixture(autouse=True)
def _no_mail_server(monkeypatch, tmp_path):
    monkeypatch.setitem(T.ACTIONS, "send_it", A.ActionSendSummary)
    sheets.own_store(monkeypatch, tmp_path)
    for name in ("SMTP_HOST", "SMTP_USER", "SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def _listed(talk: Talk) -> None:
    assert any(p.get("results") for p in payloads(talk.say(ASKED, "ask_help",
                                                         [ent("location", "Rennes")])))  # fmt: skip


@pytest.mark.parametrize("asked, intent", [
    ("envoyez-moi ça par mail", "send_it"),
    ("vous pouvez me l'envoyer par e-mail ?", "send_it"),
    ("pouvez-vous m'envoyer les adresses par mail", "send_it"),
    ("envoie la fiche à jean.dupont@exemple.fr", "send_it"),
])  # fmt: skip
def test_on_the_widget_the_mail_answer_points_to_the_cards_never_a_link(real, asked, intent):
    talk = WidgetTalk()
    _listed(talk)
    answer = rest_text(talk.say(asked, intent))
    assert "Je ne peux pas envoyer d'e-mail d'ici" in answer, answer
    assert "lien" not in answer, answer
    assert "« Garder cette adresse »" in answer and "PDF" in answer, answer


def test_over_rest_the_mail_answer_gives_the_links_to_copy(real):
    talk = Talk()
    _listed(talk)
    answer = rest_text(talk.say("envoyez-moi ça par mail", "send_it"))
    assert "copier le lien" in answer and f"{sheets.WEB}/f" in answer, answer
