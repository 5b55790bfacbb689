"""A French number missing a digit in the directory data ("+3381812163", the Croix-Rouge of
Besançon in the 2022 file of the conseillers numériques) was shown to people as written, and
offered as a link to call: the importer's report names the row and says the number is never
offered (the record keeps it, for the coordinators and the producer to mend it), and the place is
shown as a place with no number, on every channel (directory_client.phones: the one rule of a
number to offer)."""

from __future__ import annotations

import json

from sqlalchemy import select

from actions.formatting import recommendation_payload, result_payload
from bot.channels import render
from directory_client.cli import main
from directory_client.models import Place

BESANCON = "conseiller-numerique:62b2db20dd51e705b1807d9e"  # CROIX ROUGE FRANCAISE, Besançon
WRONG = "+3381812163"


def test_the_import_report_names_the_row(embedded_directory):
    found = [
        p for p in embedded_directory.import_report.problems
        if p.record == "62b2db20dd51e705b1807d9e" and p.field == "telephone"
    ]  # fmt: skip
    assert len(found) == 1 and found[0].file == "2022-conseillers-numeriques-lieux.json"
    assert found[0].reason == f"numéro de téléphone invalide ('{WRONG}') : gardé dans la fiche, " \
        "jamais proposé aux personnes"  # fmt: skip


def test_the_cli_report_names_the_row(tmp_path, capsys):
    record = {"id": "croix-rouge", "nom": "Croix-Rouge", "commune": "Besançon",
              "code_postal": "25000", "adresse": "19 rue Rivotte", "telephone": WRONG,
              "services": "Aide aux démarches administratives", "source": "Essai"}  # fmt: skip
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'directory.sqlite3'}"
    assert main(["--db", db, "import", str(path)]) == 0
    assert (
        f"warning: lieux.json record croix-rouge field telephone: numéro de téléphone invalide "
        f"('{WRONG}')" in capsys.readouterr().out
    )


def _shown(directory) -> tuple[dict, dict]:
    result = directory.get_place(BESANCON)
    place = result_payload(result, 1)
    return place, recommendation_payload(["demarches"], None, {}, [place])["orienteur"]


def test_the_place_is_shown_with_no_number(embedded_directory):
    directory = embedded_directory
    with directory.Session() as session:  # the record keeps it
        assert session.scalar(select(Place.telephone).where(Place.public_id == BESANCON)) == WRONG
    place, payload = _shown(directory)
    # The web widget reads these: no number written, none to tap.
    assert (place["phone"], place["phone_text"], place["tel"]) == (None, None, None)
    chat = render.plain_text("Voici un lieu :", payload)  # REST, Telegram
    detail = render.place_detail(place)  # the place in full, on every text channel
    sms, _ = render.sms_body("Voici un lieu :", payload, menu=False)
    whatsapp, _ = render.whatsapp_body("Voici un lieu :", payload, menu=False)
    for text in (chat, detail, sms, whatsapp):
        assert "Croix Rouge" in text or "CROIX ROUGE" in text.upper(), text
        assert "81812163" not in text.replace(" ", "") and "Tél" not in text, text
        assert "Pas de téléphone connu" in text or "Ni téléphone ni horaires" in text, text
