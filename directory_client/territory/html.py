"""A one-page summary of a territory, for a steering committee: self-contained HTML (inline CSS
and SVG, no script, no tile server, nothing fetched), printable on one A4 page.

- a map of the territory's communes (points of the gazetteer) coloured by the distance to the
  nearest place offering one service;
- the worst-served communes for that service;
- supply and demand per service: places located in the territory, people beyond 20 km, and —
  with the demand counters — what people asked (counts under 5 left out).
"""

from __future__ import annotations

import math
from html import escape

import numpy as np

from directory_client.territory.coverage import REACH_KM

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


def render(insight, service: str) -> str:
    coverage = insight.coverage
    k = coverage.services.index(service)
    territory = insight.territory
    rows = {r["service"]: r for r in insight.rollup() if r["niveau"] == territory.kind}
    total = rows.get(service) or next(iter(rows.values()))
    title = f"{territory.name} — accès à l'aide au numérique"
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>{escape(title)}</title>
<style>{_CSS}</style></head>
<body>
<header><h1>{escape(title)}</h1>
<p>Service cartographié : <strong>{escape(service)}</strong>. {total["communes"]} communes,
{_int(total["population"])} habitants (2021). Distances en ligne droite depuis le centre de
chaque commune ; horaires lus sur quatre semaines à partir du {escape(insight.reference_week)}.</p>
</header>
<main>
<section class="map"><h2>Distance au lieu le plus proche</h2>
{_map(coverage, k)}
{_legend()}
<p class="key">{_int(total["population_au_dela_20km"])} habitants
({_pct(total["part_population_au_dela_20km"])}) à plus de {REACH_KM} km ;
{total["communes_au_dela_20km"]} communes.</p>
</section>
<section class="worst"><h2>Communes les moins bien servies</h2>
{_worst(coverage, k)}
</section>
<section class="chart"><h2>Offre et demande par service</h2>
{_chart(list(rows.values()), insight.demand is not None)}
</section>
</main>
<footer>Sources : annuaire Orienteur (standard national des lieux de médiation numérique),
INSEE (population 2021). Demandes : comptages sans donnée personnelle, moins de 5 non
affichés.</footer>
</body></html>
"""


def _map(coverage, k: int) -> str:
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


def _legend() -> str:
    items = [
        f'<li><span class="dot" style="background:{colour}"></span>{escape(text)}</li>'
        for _, colour, text in BANDS
    ]
    items.append(f'<li><span class="dot" style="background:{NONE_COLOUR}"></span>aucun lieu</li>')
    return f'<ul class="legend">{"".join(items)}</ul>'


def _worst(coverage, k: int) -> str:
    communes = coverage.communes
    distance = coverage.distance_km[:, k]
    ranked = sorted(
        range(len(communes)),
        key=lambda i: (-(distance[i] if math.isfinite(distance[i]) else 1e9),
                       -int(communes.population[i])),
    )[:WORST]  # fmt: skip
    lines = "".join(
        f"<tr><td>{escape(str(communes.name[i]))}</td><td>{communes.code_insee[i]}</td>"
        f'<td class="n">{_int(int(communes.population[i]))}</td>'
        f'<td class="n">{_km(float(distance[i]))}</td>'
        f'<td class="n">{int(coverage.itinerant_stops_20km[i, k])}</td></tr>'
        for i in ranked
    )
    return (
        '<table><thead><tr><th scope="col">Commune</th><th scope="col">INSEE</th>'
        '<th scope="col">Habitants</th><th scope="col">Lieu le plus proche</th>'
        f'<th scope="col">Arrêts itinérants à {REACH_KM} km</th></tr></thead>'
        f"<tbody>{lines}</tbody></table>"
    )


def _chart(rows: list[dict], with_demand: bool) -> str:
    most_places = max((r["lieux"] for r in rows), default=0) or 1
    most_asked = max((r.get("demande") or 0 for r in rows), default=0) or 1
    lines = []
    for r in rows:
        places = r["lieux"]
        share = r["part_population_au_dela_20km"] or 0.0
        asked = r.get("demande")
        demand_cell = (
            f'<td><span class="bar asked" style="width:{100 * (asked or 0) / most_asked:.0f}%">'
            f"</span>{'—' if asked is None else asked}</td>"
            if with_demand
            else ""
        )
        lines.append(
            f'<tr><th scope="row">{escape(r["service"])}</th>'
            f'<td><span class="bar places" style="width:{100 * places / most_places:.0f}%">'
            f"</span>{places}</td>"
            f'<td><span class="bar far" style="width:{100 * share:.0f}%"></span>{_pct(share)}</td>'
            f"{demand_cell}</tr>"
        )
    demand_head = '<th scope="col">Demandes</th>' if with_demand else ""
    return (
        '<table class="bars"><thead><tr><th scope="col">Service</th>'
        '<th scope="col">Lieux</th>'
        f'<th scope="col">Habitants à plus de {REACH_KM} km</th>{demand_head}</tr></thead>'
        f"<tbody>{''.join(lines)}</tbody></table>"
    )


def _int(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f} %"


def _km(distance: float) -> str:
    return f"{distance:.1f} km".replace(".", ",") if math.isfinite(distance) else "aucun"


_CSS = """
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 0 0 2mm; }
header p, .key, footer { margin: 0 0 2mm; } footer { font-size: 8pt; color: #444; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.chart { grid-column: 1 / 3; }
svg.communes { width: 100%; height: auto; border: 1px solid #bbb; background: #f4f7fb; }
.legend { list-style: none; padding: 0; margin: 1mm 0; display: flex; flex-wrap: wrap; gap: 3mm; }
.dot { display: inline-block; width: 3mm; height: 3mm; border-radius: 50%; margin-right: 1mm;
       vertical-align: middle; border: 1px solid #333; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { text-align: left; padding: 0.6mm 1.2mm; border-bottom: 1px solid #ddd; }
td.n { text-align: right; white-space: nowrap; }
.bars td { width: 22%; white-space: nowrap; }
.bar { display: inline-block; height: 2.6mm; margin-right: 1.5mm; vertical-align: middle;
       min-width: 1px; max-width: 70%; }
.places { background: #2c7bb6; } .far { background: #d73027; } .asked { background: #7b3294; }
@media print { svg.communes { max-height: 105mm; } }
"""
