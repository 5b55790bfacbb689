"""``python -m directory_client``: import, export, search, locate, stats."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import date

from directory_client import display, labels
from directory_client.directory import Directory
from directory_client.errors import DirectoryError
from directory_client.types import SearchFilters, SearchQuery


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m directory_client",
        description="Directory of places and mediators of digital inclusion.",
    )
    parser.add_argument(
        "--db", help="SQLAlchemy URL (default: $DIRECTORY_DATABASE_URL or var/directory.sqlite3)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="import files in the national standard (JSON, CSV)")
    p.add_argument("files", nargs="*", help="files to import")
    p.add_argument("--default", action="store_true", help="import the embedded open data")
    p.add_argument("--report", help="write the import report (JSON) to this file")

    sub.add_parser(
        "upgrade", help="add the columns added since the first release to an older database"
    )

    p = sub.add_parser(
        "reimport",
        help="import newer source files: what is new, changed, gone; local corrections kept",
    )
    p.add_argument("files", nargs="+")

    p = sub.add_parser("export", help="export the directory to the national standard")
    p.add_argument("file")
    p.add_argument("--format", choices=["json", "csv"], help="default: from the file name")

    p = sub.add_parser("search", help="who can help with this need, near here?")
    p.add_argument("where", help="a commune, a postcode, 'Paris 11e', a department, 'lat,lon'")
    p.add_argument(
        "--need",
        action="append",
        default=[],
        help="a service label (current or 1.0), or a short key: " + ", ".join(_NEED_KEYS),
    )
    p.add_argument("--free", action="store_true", help="free of charge only")
    p.add_argument("--aidants-connect", action="store_true", help="someone who can act for me")
    p.add_argument("--saturday", action="store_true", help="open on Saturday")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true", help="print the assistant's payload")

    p = sub.add_parser("locate", help="resolve what a person typed into a location")
    p.add_argument("text")

    sub.add_parser("stats", help="counts per source, service, department; stale records")
    p = sub.add_parser(
        "positions", help="places whose point lies beyond their commune (importer.position)"
    )
    p.add_argument("--list", action="store_true", help="list them, farthest first")

    p = sub.add_parser(
        "territory",
        help="coverage per commune × service: nearest place, places within reach, people beyond",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--commune", metavar="CODE", help="INSEE code (75056: Paris's 20 arrondissements)"
    )
    where.add_argument("--departement", metavar="CODE", help="département code (16, 2A, 974)")
    where.add_argument("--region", metavar="CODE", help="INSEE région code (75) or its name")
    where.add_argument("--communes", metavar="FILE", help="file listing INSEE codes (an EPCI…)")
    p.add_argument(
        "--format",
        choices=["csv", "json", "geojson", "html"],
        default="csv",
        help="html: a printable one-page summary, mapped for the first --service",
    )
    p.add_argument(
        "--view",
        choices=["communes", "rollup", "gaps"],
        default="communes",
        help="CSV table: per commune × service, per territory, or zones without help "
        "(JSON holds all three)",
    )
    p.add_argument("--out", metavar="FILE", help="write there instead of standard output")
    p.add_argument(
        "--service",
        action="append",
        default=[],
        help="only this service (label of the standard, or a key: " + ", ".join(_NEED_KEYS) + ")",
    )
    p.add_argument(
        "--fragility", metavar="FILE", help="CSV code_insee,score: ranks gaps by score × distance"
    )
    p.add_argument(
        "--demand",
        nargs="?",
        const="",
        metavar="URL",
        help="add what people asked to the rollup (counts under 5 left out); the demand "
        "database's URL, default $DEMAND_DATABASE_URL or var/demand.sqlite3",
    )
    p.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        type=date.fromisoformat,
        help="opening hours are read over the four weeks from the Monday on or after this day",
    )

    p = sub.add_parser(
        "demand",
        help="what people asked and whether help was near (counts under 5 left out)",
    )
    p.add_argument("--demand-db", help="default: $DEMAND_DATABASE_URL or var/demand.sqlite3")
    p.add_argument(
        "--by",
        default="service,outcome",
        help="comma-separated, among: day, need, service, code_insee, departement, outcome, "
        "channel (default: service,outcome)",
    )
    p.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--departement", action="append", metavar="CODE")
    p.add_argument("--unmatched", action="store_true", help="needs no service covers, by key")
    p.add_argument("--out", metavar="FILE", help="CSV file (default: standard output)")
    return parser


_NEED_KEYS = {
    "demarches": labels.DEMARCHES,
    "outils": labels.OUTILS_QUOTIDIEN,
    "emploi": labels.INSERTION_PRO,
    "securite": labels.SECURITE,
    "parentalite": labels.PARENTALITE,
    "loisirs": labels.LOISIRS,
    "culture": labels.COMPREHENSION,
    "acces": labels.ACCES_INTERNET_MATERIEL,
    "materiel": labels.ACQUISITION_MATERIEL,
}


def _need_label(text: str) -> str:
    label = _NEED_KEYS.get(labels.fold(text)) or labels.current_service(text)
    if label is None:
        raise SystemExit(f"unknown need {text!r}: use a service label or one of {list(_NEED_KEYS)}")
    return label


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        directory = Directory(args.db)  # upgrades an older database (db.create_schema)
        return _COMMANDS[args.command](directory, args)
    except DirectoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _import(directory: Directory, args: argparse.Namespace) -> int:
    if not args.files and not args.default:
        print("error: give files to import, or --default for the embedded data", file=sys.stderr)
        return 2
    from directory_client.corrections.reimport import reimport
    from directory_client.directory import EMBEDDED_PLACES

    # The local corrections are kept as by ``reimport``: an import rewrites a place from its
    # records when one changed, or was read again under new import rules.
    kept = reimport(directory, EMBEDDED_PLACES if args.default else args.files)
    report = kept.imported
    print(
        f"read {report.read} records from {len(report.files)} file(s): "
        f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.merged} merged into a place already given (another source's, a twin, or "
        f"{report.same_door} duplicates of one door: same position and address), "
        f"{report.rejected} rejected, "
        f"{report.warnings} warnings; opening hours read from French sentences in "
        f"{report.hours_from_french} record(s); positions far from their commune repaired in "
        f"{report.positions_repaired} record(s)"
    )
    if report.reread:
        print(
            f"{report.reread} records re-read under new import rules ({report.rules}): "
            f"{report.reread_changed} places changed"
        )
    if kept.reapplied or kept.conflicts:
        print(
            f"local corrections: {len(kept.reapplied)} applied again, "
            f"{len(kept.conflicts)} in conflict (see python -m directory_client reimport)"
        )
    for problem in report.problems[:20]:
        print(
            f"  {problem.severity}: {problem.file} record {problem.record}"
            f"{' field ' + problem.field if problem.field else ''}: {problem.reason}"
        )
    if len(report.problems) > 20:
        print(f"  … and {len(report.problems) - 20} more (use --report FILE for all)")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as out:
            json.dump(
                {
                    "files": report.files,
                    "read": report.read,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                    "reread": report.reread,
                    "reread_changed": report.reread_changed,
                    "rules": report.rules,
                    "merged": report.merged,
                    "same_door": report.same_door,
                    "rejected": report.rejected,
                    "hours_from_french": report.hours_from_french,
                    "positions_repaired": report.positions_repaired,
                    "problems": [p.__dict__ for p in report.problems],
                },
                out,
                ensure_ascii=False,
                indent=1,
            )
    return 0


def _upgrade(directory: Directory, _args: argparse.Namespace) -> int:
    """Opening the directory upgraded it (``Directory``), and logged what it did."""
    if not directory.upgraded:
        print("directory up to date: no column to add")
    return 0


def _reimport(directory: Directory, args: argparse.Namespace) -> int:
    from directory_client.corrections.reimport import reimport

    result = reimport(directory, args.files)
    print(
        f"{len(result.new)} new, {len(result.changed)} changed, {len(result.gone)} gone "
        f"(kept in the directory); local corrections: {len(result.kept)} kept, "
        f"{len(result.reapplied)} applied again, {len(result.conflicts)} in conflict"
    )
    for title, keys in (("new", result.new), ("changed", result.changed), ("gone", result.gone)):
        for source, source_id in keys:
            print(f"  {title}: {source} {source_id}")
    for conflict in result.conflicts:
        for field, values in conflict["fields"].items():
            print(
                f"  conflict: correction {conflict['correction']} on {conflict['place']} "
                f"{field}: local {values['correction']!r}, source now {values['source']!r}"
            )
    return 0


def _export(directory: Directory, args: argparse.Namespace) -> int:
    count = directory.export(args.file, args.format)
    print(f"exported {count} places to {args.file}")
    return 0


def _locate(directory: Directory, args: argparse.Namespace) -> int:
    from directory_client.locator import Locator

    result = Locator(directory=directory).locate(args.text)
    print(f"{result.status}: {args.text!r}")
    for location in result.candidates[:10]:
        print(
            f"  {location.label} [{location.kind}] insee={location.code_insee} "
            f"cp={location.code_postal} dep={location.departement} "
            f"lat={location.lat} lon={location.lon} pop={location.population}"
        )
    return 0 if result.status != "unknown" else 1


def _search(directory: Directory, args: argparse.Namespace) -> int:
    from directory_client.locator import Locator

    found = Locator(directory=directory).locate(args.where)
    if found.best is None:
        print(f"unknown location {args.where!r}", file=sys.stderr)
        return 1
    if found.status == "ambiguous":
        names = ", ".join(c.label for c in found.candidates[:5])
        print(f"ambiguous location, taking the first of: {names}", file=sys.stderr)
    query = SearchQuery(
        needs=tuple(_need_label(n) for n in args.need),
        location=found.best,
        filters=SearchFilters(
            free_only=args.free,
            on_my_behalf=args.aidants_connect,
            open_on_saturday=args.saturday,
        ),
        limit=args.limit,
    )
    response = directory.search(query)
    if args.json:
        payload = {
            "location": found.best.to_dict(),
            "radius_km": response.radius_km,
            "nothing_near": response.nothing_near,
            "results": [r.to_payload() for r in response.results],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    print(
        f"{found.best.label}: {response.total} places within {response.radius_km:g} km"
        + (" (radius widened)" if response.widened else "")
    )
    if response.nothing_near:
        print("nothing within reach: the nearest ones, and remote help")
    for i, r in enumerate(response.results, 1):
        distance = display.distance_text(r.distance_km)
        print(f"{i}. {r.name}" + (f" — {distance}" if distance else ""))
        print(f"   {r.address}")
        print(f"   {r.why}")
        print(f"   {r.opening.text}" + (f" · {display.phone_text(r.phone)}" if r.phone else ""))
    for option in response.remote_options:
        print(f"à distance: {option.name} {option.phone or ''} — {option.why}")
    return 0


def _territory(directory: Directory, args: argparse.Namespace) -> int:
    from directory_client.demand import DemandLog
    from directory_client.territory import insight
    from directory_client.territory.report import write

    services = tuple(dict.fromkeys(_need_label(s) for s in args.service)) or labels.SERVICES
    result = insight(
        directory.Session,
        commune=args.commune,
        departement=args.departement,
        region=args.region,
        communes_file=args.communes,
        services=services,
        fragility_file=args.fragility,
        today=args.week,
        demand=None if args.demand is None else DemandLog(args.demand or None),
    )
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            write(result, args.format, out, args.view)
        print(
            f"{result.territory.name}: {len(result.coverage.communes)} communes × "
            f"{len(services)} services written to {args.out}",
            file=sys.stderr,
        )
    else:
        try:
            write(result, args.format, sys.stdout, args.view)
        except BrokenPipeError:  # `… | head`: the reader has what it wanted
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 — Python flushes stdout at exit
    return 0


def _demand(directory: Directory, args: argparse.Namespace) -> int:
    from directory_client.demand import DemandLog

    demand = DemandLog(args.demand_db)
    filters = {"since": args.since, "until": args.until, "departements": args.departement}
    if args.unmatched:
        by, rows = ("need",), demand.unmatched(**filters)
    else:
        by = tuple(part.strip() for part in args.by.split(",") if part.strip())
        rows = demand.aggregate(by, **filters)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            _write_counts(out, by, rows)
    else:
        _write_counts(sys.stdout, by, rows)
    return 0


def _write_counts(out, by: tuple[str, ...], rows: list[dict]) -> None:
    writer = csv.DictWriter(out, fieldnames=[*by, "n"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _stats(directory: Directory, args: argparse.Namespace) -> int:
    print(json.dumps(directory.stats(), ensure_ascii=False, indent=1, default=str))
    return 0


def _positions(directory: Directory, args: argparse.Namespace) -> int:
    """Count (and list) the places whose point lies more than ``OUTSIDE_KM`` beyond the commune
    their record names: a bad geocode in the source data, shown at a false distance."""
    from sqlalchemy import select

    from directory_client.importer.position import OUTSIDE_KM, outside_km
    from directory_client.models import Place

    with directory.Session() as session:
        rows = session.execute(select(
            Place.nom, Place.adresse, Place.code_postal, Place.commune, Place.code_insee,
            Place.latitude, Place.longitude,
        ).where(Place.latitude.is_not(None), Place.longitude.is_not(None))).all()  # fmt: skip
    beyond = sorted(
        ((km, row) for row in rows
         if (km := outside_km(row.latitude, row.longitude, row.code_insee, row.code_postal))
         is not None and km > OUTSIDE_KM),
        key=lambda item: -item[0],
    )  # fmt: skip
    print(f"{len(beyond)} of {len(rows)} places lie more than {OUTSIDE_KM} km beyond their commune")
    if args.list:
        for km, row in beyond:
            print(f"{km:7.1f} km  {row.nom} — {row.adresse}, {row.code_postal} {row.commune} "
                  f"({row.latitude}, {row.longitude})")  # fmt: skip
    return 0


_COMMANDS = {
    "positions": _positions,
    "import": _import,
    "upgrade": _upgrade,
    "reimport": _reimport,
    "export": _export,
    "search": _search,
    "locate": _locate,
    "stats": _stats,
    "territory": _territory,
    "demand": _demand,
}
