"""The territory's one-page summary in a real browser (Playwright + Debian's Chromium): offline,
the map of every commune, the worst-served list, demand beside supply, one printed A4 page."""

from __future__ import annotations

import csv
import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from directory_client import labels
from directory_client.cli import main
from directory_client.demand import DemandLog
from tests.paths import ROOT

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"

sync_api = pytest.importorskip("playwright.sync_api")
pypdf = pytest.importorskip("pypdf")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


def test_charente_summary_offline_one_page(embedded_directory, tmp_path, capsys):
    demand_url = f"sqlite:///{tmp_path / 'demand.sqlite3'}"
    demand = DemandLog(demand_url)
    for _ in range(7):
        demand.record(need="demarches", service=labels.DEMARCHES, outcome="near",
                      channel="socketio", code_insee="16015", day=date(2026, 3, 2))  # fmt: skip
    demand.close()
    services = ["parentalite", "demarches", "outils", "emploi", "acces", "loisirs", "culture"]
    page_file = tmp_path / "charente.html"
    argv = ["--db", embedded_directory.url, "territory", "--departement", "16", "--week",
            "2026-03-02", *(a for s in services for a in ("--service", s))]  # fmt: skip
    assert main([*argv, "--format", "html", "--demand", demand_url, "--out", str(page_file)]) == 0
    assert main([*argv, "--service", "parentalite"]) == 0
    table = [
        r
        for r in csv.DictReader(io.StringIO(capsys.readouterr().out))
        if r["service"] == labels.PARENTALITE
    ]
    worst = max(table, key=lambda r: float(r["distance_km"]))

    requested: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 800, "height": 1100})
        page.on("request", lambda request: requested.append(request.url))
        page.goto(page_file.as_uri())
        assert page.locator("svg.communes circle").count() == 362
        red = page.locator('svg.communes circle[fill="#d73027"]').count()
        assert red == sum(float(r["distance_km"]) > 20 for r in table) > 200
        first = page.locator(".worst tbody tr").first.locator("td")
        assert first.nth(1).inner_text() == worst["code_insee"]
        assert first.nth(0).inner_text() == worst["commune"]
        chart = page.locator(".chart svg g.service")
        assert chart.count() == len(services)
        demarches = page.locator(f'.chart g.service[data-service="{labels.DEMARCHES}"]')
        # places in Charente (one door listed by two records is one place)
        assert demarches.locator("text.lieux").text_content() == "105"
        assert demarches.locator("text.asked").text_content() == "7"  # asked
        parentalite = page.locator(f'.chart g.service[data-service="{labels.PARENTALITE}"]')
        assert parentalite.locator("text.asked").text_content() == "—"  # nobody asked (or < 5)
        beyond = sum(int(r["population_au_dela_20km"]) for r in table)
        share = beyond / sum(int(r["population"]) for r in table)
        assert parentalite.locator("text.far").text_content() == f"{100 * share:.0f} %"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "territory-charente.png"), full_page=True)
        pdf = page.pdf(format="A4", print_background=True)
        browser.close()
    assert requested == [page_file.as_uri()]  # nothing fetched: works offline
    (ARTIFACTS / "territory-charente.pdf").write_bytes(pdf)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    # TERRITORY_UPDATE_SCREENSHOT=1 refreshes the screenshot kept with the docs.
    if os.environ.get("TERRITORY_UPDATE_SCREENSHOT"):
        shutil.copyfile(
            ARTIFACTS / "territory-charente.png", ROOT / "docs/img/territory-charente.png"
        )
