"""A one-page summary of a territory, for a steering committee: self-contained HTML (inline CSS
and SVG, no script, no tile server, nothing fetched), printable on one A4 page.

- a map of the territory's communes (points of the gazetteer) coloured by the distance to the
  nearest place offering one service;
- the worst-served communes for that service;
- supply and demand per service: places located in the territory, people beyond 20 km, and —
  with the demand counters — what people asked (counts under 5 left out);
- given by the caller (the staff console, which has the referrals), a section of its own: the
  places' answers to referrals over the last weeks (bot/staff/territory_weekly.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from html import escape

import numpy as np

from directory_client import labels
from directory_client.french_dates import french_date
from directory_client.territory.coverage import REACH_KM
from directory_client.territory.rollup import SEARCH_REACH_KM, UNDECLARED

# Distance bands of the map: (upper bound in km, colour, legend). Colour-blind safe (viridis-like
# ends, with the worst in dark red) and each band also has its own marker size.
BANDS = (
    (5.0, "#1a9850", "moins de 5 km"),
    (10.0, "#91cf60", "5 à 10 km"),
    (REACH_KM, "#fee08b", f"10 à {REACH_KM} km"),
    (math.inf, "#d73027", f"plus de {REACH_KM} km"),
)
NONE_COLOUR = "#6b6b6b"
WIDTH, HEIGHT = 520.0, 440.0
WORST = 12
CHART_WIDTH, CHART_LABEL, CHART_ROW = 720, 330, 19


def render(insight, service: str, answers: str = "") -> str:
    """The page, mapped for ``service``; ``answers``: a ``<section class="answers">`` (HTML)
    printed after the chart, or nothing."""
    coverage = insight.coverage
    k = coverage.services.index(service)
    territory = insight.territory
    rows = territory_rows(insight)
    total = rows.get(service) or next(iter(rows.values()))
    title = f"{territory.name} — accès à l'aide au numérique"
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>{escape(title)}</title>
<style>{CSS}</style></head>
<body>
<header><h1>{escape(title)}</h1>
<p>Service cartographié : <strong>{escape(service)}</strong>. {total["communes"]} communes,
{number(total["population"])} habitants (2021). Distances en ligne droite depuis le centre de
chaque commune ; horaires lus sur quatre semaines, à partir de la semaine du
{french_date(insight.reference_week, weekday=False)}.</p>
</header>
<main>
<section class="map"><h2>Distance au lieu le plus proche</h2>
{map_svg(coverage, k)}
{legend()}
<p class="key">{reach_sentence(total)}</p>
</section>
<section class="worst"><h2>Communes les moins bien servies</h2>
{worst_table(coverage, k)}
</section>
<section class="chart"><h2>Offre et demande par service</h2>
{chart_svg(list(rows.values()), insight.demand is not None)}
</section>
{answers}
</main>
<footer>Sources : annuaire Orienteur (standard national des lieux de médiation numérique),
INSEE (population 2021). Demandes : comptages sans donnée personnelle, moins de 5 non
affichés.</footer>
</body></html>
"""


def territory_rows(insight) -> dict[str, dict]:
    """The rollup rows of the territory itself (not of its départements), per service."""
    return {r["service"]: r for r in insight.rollup() if r["niveau"] == insight.territory.kind}


# A service no place near declares: said so, not "100 % beyond 20 km" (a coordinator read "no
# job help anywhere" while the desk and the chat send such requests to general digital help,
# ``actions.search_run.general_help_instead``).
UNDECLARED_SHORT = "aucun lieu déclaré"
UNDECLARED_SENTENCE = (
    f"Aucun lieu de l'annuaire ne déclare ce service, ni dans le territoire ni à moins de "
    f"{SEARCH_REACH_KM} km."
)
GENERAL_HELP_SENTENCE = (
    "Le guichet et l'assistant proposent alors les lieux d'aide au numérique du quotidien les "
    "plus proches."
)


def reach_sentence(total: dict) -> str:
    """People and communes beyond reach, from a rollup row (HTML-escaped); for a service no
    place near declares, that sentence instead."""
    if total.get(UNDECLARED):
        general = total["service"] != labels.OUTILS_QUOTIDIEN
        return escape(UNDECLARED_SENTENCE + (" " + GENERAL_HELP_SENTENCE if general else ""))
    return (
        f"{number(total['population_au_dela_20km'])} habitants "
        f"({_pct(total['part_population_au_dela_20km'])}) à plus de {REACH_KM} km ; "
        f"{total['communes_au_dela_20km']} communes."
    )


def map_svg(coverage, k: int) -> str:
    """The communes as points coloured by distance band (an SVG, nothing fetched)."""
    communes = coverage.communes
    lat, lon = communes.lat, communes.lon
    mid = math.radians(float(np.mean(lat)))
    x = lon * math.cos(mid)
    x0, x1, y0, y1 = float(x.min()), float(x.max()), float(lat.min()), float(lat.max())
    scale = min((WIDTH - 20) / max(x1 - x0, 1e-6), (HEIGHT - 20) / max(y1 - y0, 1e-6))
    people = np.maximum(communes.population, 1)
    points = []
    order = np.argsort(-coverage.distance_km[:, k], kind="stable")[::-1]  # worst drawn last
    for i in order:
        distance = float(coverage.distance_km[i, k])
        colour = _colour(distance)
        cx = 10 + (float(x[i]) - x0) * scale
        cy = HEIGHT - 10 - (float(lat[i]) - y0) * scale
        r = 1.6 + min(5.0, math.log10(float(people[i])) - 1.5)
        label = f"{communes.name[i]} : " + (
            f"{distance:.1f} km" if math.isfinite(distance) else "aucun lieu"
        )
        points.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{max(r, 1.6):.1f}" fill="{colour}">'
            f"<title>{escape(label)}</title></circle>"
        )
    return (
        f'<svg class="communes" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" '
        f'aria-label="Carte des communes colorées par distance">{"".join(points)}</svg>'
    )


def _colour(distance: float) -> str:
    if not math.isfinite(distance):
        return NONE_COLOUR
    return next(colour for bound, colour, _ in BANDS if distance <= bound)


def legend() -> str:
    """The distance bands; each dot is a tiny SVG (no style attribute: fits a strict CSP)."""
    bands = [(colour, text) for _, colour, text in BANDS] + [(NONE_COLOUR, "aucun lieu")]
    items = [f"<li>{_dot(colour)}{escape(text)}</li>" for colour, text in bands]
    return f'<ul class="legend">{"".join(items)}</ul>'


def _dot(colour: str) -> str:
    return (
        '<svg class="dot" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">'
        f'<circle cx="5" cy="5" r="4.5" fill="{colour}" stroke="#333"/></svg>'
    )


def worst_table(coverage, k: int) -> str:
    """The ``WORST`` communes farthest from a place offering service ``k``."""
    communes = coverage.communes
    distance = coverage.distance_km[:, k]
    ranked = sorted(
        range(len(communes)),
        key=lambda i: (-(distance[i] if math.isfinite(distance[i]) else 1e9),
                       -int(communes.population[i])),
    )[:WORST]  # fmt: skip
    heads = ("Commune", "INSEE", "Habitants", "Lieu le plus proche",
             f"Arrêts itinérants à {REACH_KM} km")  # fmt: skip
    return table(
        heads,
        [
            (
                escape(str(communes.name[i])),
                str(communes.code_insee[i]),
                (number(int(communes.population[i])), "n"),
                (_km(float(distance[i])), "n"),
                (str(int(coverage.itinerant_stops_20km[i, k])), "n"),
            )  # fmt: skip
            for i in ranked
        ],
    )


Cell = str | tuple[str, str]  # a cell's HTML, or (HTML, its class)


def table(
    heads: Sequence[str], rows: Iterable[Sequence[Cell]], *, row_heads: bool = False, cls: str = ""
) -> str:
    """A table whose rows can be read as cards (class ``cards``): every cell but the first
    carries its column's name (``data-label``), which a narrow screen shows before the value
    instead of the header row (the console's territory.css); elsewhere a plain table. ``heads``:
    plain text; cells: HTML; ``row_heads``: the first cell names its row (``th scope=row``);
    ``cls``: the table's other classes."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    lines = []
    for row in rows:
        cells = []
        for j, cell in enumerate(row):
            text, kind = cell if isinstance(cell, tuple) else (cell, "")
            attrs = f' class="{kind}"' if kind else ""
            if j == 0:
                tag = "th" if row_heads else "td"
                attrs = (' scope="row"' if row_heads else "") + attrs
            else:
                tag, attrs = "td", f'{attrs} data-label="{escape(heads[j])}"'
            cells.append(f"<{tag}{attrs}>{text}</{tag}>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
    classes = escape(f"cards {cls}".strip())
    return (
        f'<table class="{classes}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(lines)}</tbody></table>"
    )


def chart_svg(rows: list[dict], with_demand: bool) -> str:
    """Supply and demand per service as horizontal bars (an SVG): places located in the
    territory, share of people beyond 20 km and, with the counters, what people asked (a count
    under 5 is left out: "—")."""
    columns = [
        ("lieux", "Lieux sur place", "#2c7bb6"),
        ("far", f"Habitants > {REACH_KM} km", "#d73027"),
    ]
    if with_demand:
        columns.append(("asked", "Demandes", "#7b3294"))
    width = (CHART_WIDTH - CHART_LABEL) / len(columns)
    most_places = max((r["lieux"] for r in rows), default=0) or 1
    most_asked = max((r.get("demande") or 0 for r in rows), default=0) or 1
    head = "".join(
        f'<text class="head" x="{CHART_LABEL + i * width:.0f}" y="12">{escape(title)}</text>'
        for i, (_, title, _colour) in enumerate(columns)
    )
    lines = []
    for j, r in enumerate(rows):
        y = 20 + j * CHART_ROW
        share = r["part_population_au_dela_20km"] or 0.0
        asked = r.get("demande")
        undeclared = bool(r.get(UNDECLARED))
        far = (0.0, UNDECLARED_SHORT) if undeclared else (share, _pct(share))
        values = {
            "lieux": (r["lieux"] / most_places, str(r["lieux"])),
            "far": far,
            "asked": ((asked or 0) / most_asked, "—" if asked is None else str(asked)),
        }
        cells = []
        for i, (key, title, colour) in enumerate(columns):
            fraction, text = values[key]
            x = CHART_LABEL + i * width
            bar = max(fraction * (width - 48), 1.0)
            said = UNDECLARED_SENTENCE if key == "far" and undeclared else f"{title} : {text}"
            cells.append(
                f'<rect x="{x:.0f}" y="{y + 4}" width="{bar:.1f}" height="11" fill="{colour}">'
                f"<title>{escape(said)}</title></rect>"
                f'<text class="{key}" x="{x + bar + 4:.1f}" y="{y + 14}">{escape(text)}</text>'
            )
        lines.append(
            f'<g class="service" data-service="{escape(r["service"])}">'
            f'<text class="label" x="0" y="{y + 14}">{escape(r["service"])}</text>'
            f"{''.join(cells)}</g>"
        )
    height = 24 + len(rows) * CHART_ROW
    return (
        f'<svg class="chart-svg" viewBox="0 0 {CHART_WIDTH} {height}" role="img" '
        'aria-label="Offre et demande par service" font-family="system-ui, sans-serif" '
        f'font-size="11">{head}{"".join(lines)}</svg>'
    )


def number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f} %"


def _km(distance: float) -> str:
    return f"{distance:.1f} km".replace(".", ",") if math.isfinite(distance) else "aucun"


CSS = """
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 0 0 2mm; }
header p, .key, footer { margin: 0 0 2mm; } footer { font-size: 8pt; color: #444; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 4mm; }
.chart, .answers { grid-column: 1 / 3; }
.answers table { width: auto; } .answers td.n, .answers th.n { text-align: right; min-width: 12mm; }
.answers p { margin: 1mm 0 0; font-size: 8pt; color: #444; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
      white-space: nowrap; }
svg.communes { width: 100%; height: auto; border: 1px solid #bbb; background: #f4f7fb; }
.legend { list-style: none; padding: 0; margin: 1mm 0; display: flex; flex-wrap: wrap; gap: 3mm; }
.dot { margin-right: 1mm; vertical-align: middle; }
svg.chart-svg { width: 100%; height: auto; } svg.chart-svg .head { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { text-align: left; padding: 0.6mm 1.2mm; border-bottom: 1px solid #ddd; }
td.n { text-align: right; white-space: nowrap; }
.answers tbody th { font-weight: 400; }
@media print { svg.communes { max-height: 105mm; } }
@media screen and (max-width: 600px) {
  body { padding: 0 2mm; } main { grid-template-columns: minmax(0, 1fr); }
  .chart, .answers { grid-column: 1; overflow-x: auto; position: relative; }
  svg.chart-svg { min-width: 600px; } .answers tbody th { min-width: 9rem; }
}
"""
