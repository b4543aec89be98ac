"""Commands over resolved records: resolve, arrangements, arrangement, events, violations."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ceasefire import filters
from ceasefire.cli_common import DbOption, JsonOption, checked, fail, open_engine, progress
from ceasefire.output import print_json_lines, print_table

LimitOption = Annotated[int, typer.Option(help="At most this many rows; 0 for all.", min=0)]


def register(app: typer.Typer) -> None:
    for command in (resolve, arrangements, arrangement, events, violations):
        app.command()(command)


def run_resolution(engine: Any, quiet: bool, webhook: str | None = None, threshold: int = 0) -> str:
    """Resolve what is pending and return the summary line (shared by ingest and resolve)."""
    from ceasefire.resolve import Alert
    from ceasefire.resolve import resolve as run

    alert = Alert(webhook, threshold) if webhook else None
    with progress(quiet) as bar:
        try:
            summary = run(engine, progress=bar, alert=alert)
        except OSError as exc:
            fail(str(exc))
    return summary.text()


def resolve(
    db: DbOption = None,
    again: Annotated[
        bool, typer.Option("--all", help="Forget what was resolved and resolve everything.")
    ] = False,
    webhook: Annotated[
        str | None, typer.Option(help="POST a JSON alert here when --alert-threshold is reached.")
    ] = None,
    alert_threshold: Annotated[
        int, typer.Option(help="Violation candidates per arrangement per day that alert.", min=1)
    ] = 3,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Link stored mentions into arrangements and reports into events; find violations.

    Incremental: only documents stored or re-extracted since the last run are read.
    """
    from ceasefire.store.resolved import ResolvedStore

    engine = open_engine(db)
    if again:
        ResolvedStore(engine).mark_all_unresolved()
    typer.echo(run_resolution(engine, quiet, webhook, alert_threshold))


def arrangements(
    db: DbOption = None,
    place: Annotated[
        str | None, typer.Option(help="Only those covering this place (name or country code).")
    ] = None,
    kind: Annotated[str | None, typer.Option("--type", help="Only this typology type.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only those reported on or after this date (YYYY-MM-DD).")
    ] = None,
    limit: LimitOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List ceasefire arrangements, oldest first."""
    kind = checked(filters.check_arrangement_type, kind, "--type")
    since = checked(filters.check_date, since, "--since")
    show_arrangements(open_engine(db), place, kind, since, limit, as_json)


def show_arrangements(
    engine: Any,
    place: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    limit: int = 0,
    as_json: bool = False,
) -> None:
    from ceasefire.store.resolved import ResolvedStore

    store = ResolvedStore(engine)
    rows = [r for r in store.arrangement_rows(kind=kind, since=since) if _covers(r, place)]
    rows = rows[:limit] if limit else rows
    if as_json:
        print_json_lines(r["record"] for r in rows)
        return
    counts = store.violation_counts()
    print_table([_arrangement_line(r, counts) for r in rows], _ARRANGEMENT_COLUMNS)
    if not rows:
        typer.echo(
            "no arrangements; `ceasefire resolve` builds them from stored documents", err=True
        )


_ARRANGEMENT_COLUMNS = [
    "id",
    "type",
    "status",
    "start",
    "end",
    "places",
    "terms",
    "reports",
    "violations",
]


def _covers(row: dict[str, Any], place: str | None) -> bool:
    if not place:
        return True
    wanted = place.casefold()
    return (
        any(
            wanted
            in (p["name"].casefold(), p["canonical"].casefold(), (p["country"] or "").casefold())
            for p in row["record"]["places"]
        )
        or wanted == row["theatre"].casefold()
    )


def _arrangement_line(row: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    record = row["record"]
    terms = dict.fromkeys(c["term"] for c in record["characterizations"])
    return {
        **{key: record[key] for key in ("id", "type", "status", "start", "end")},
        "places": ", ".join(dict.fromkeys(p["canonical"] for p in record["places"])),
        "terms": ", ".join(terms),
        "reports": len(record["mentions"]),
        "violations": counts.get(record["id"], 0),
    }


def arrangement(
    arrangement_id: Annotated[str, typer.Argument(metavar="ID", help="The arrangement's id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One arrangement: its timeline, who calls it what, its violation candidates, sources."""
    from ceasefire.monitor import compliance
    from ceasefire.store.resolved import ResolvedStore

    store = ResolvedStore(open_engine(db))
    record = store.arrangement(arrangement_id)
    if record is None:
        fail(f"no arrangement with id {arrangement_id!r}; `ceasefire arrangements` lists them")
    found = store.violation_rows(arrangement_id)
    if as_json:
        print_json_lines([record, *({k: v for k, v in f.items() if k != "date"} for f in found)])
        return
    _print_header(record)
    typer.echo("\nwho calls it what:")
    print_table(
        [
            {
                "actor": c["actor"]["canonical"],
                "term": c["term"],
                "type": c["type"],
                "first seen": c["first_seen"],
                "quote": c["evidence"]["text"],
            }
            for c in record["characterizations"]
        ],
        ["actor", "term", "type", "first seen", "quote"],
        wrap=["quote"],
    )
    typer.echo("\ntimeline:")
    print_table(
        [{**t, "quote": t["evidence"]["text"]} for t in record["timeline"]],
        ["date", "status", "document_id", "quote"],
        wrap=["quote"],
    )
    typer.echo(f"\nviolation candidates: {len(found)}")
    if found:
        print_table([_violation_line(v) for v in found], _VIOLATION_COLUMNS, wrap=["quote"])
        per_day = compliance(found, {v["event_id"]: v["date"] for v in found})
        typer.echo("per day: " + ", ".join(f"{d['date']} {d['violations']}" for d in per_day))
    sources = sorted({m["document_id"] for m in record["mentions"]})
    typer.echo(f"\nsources ({len(sources)}): " + ", ".join(sources))


def _print_header(record: dict[str, Any]) -> None:
    def names(actors: list[dict[str, Any]]) -> str:
        return ", ".join(a["canonical"] for a in actors) or "-"

    typer.echo(f"{record['id']}: {record['type']}, {record['status']}")
    typer.echo(f"  dates:     {record['start'] or '?'} to {record['end'] or 'open'}")
    places = ", ".join(dict.fromkeys(p["canonical"] for p in record["places"])) or "-"
    typer.echo(f"  places:    {places}")
    typer.echo(f"  parties:   {names(record['parties'])}")
    typer.echo(f"  sponsors:  {names(record['sponsors'])}")
    typer.echo(f"  mediators: {names(record['mediators'])}")


_VIOLATION_COLUMNS = [
    "date",
    "arrangement_id",
    "event_id",
    "score",
    "reasons",
    "attributed_to",
    "quote",
]


def _violation_line(v: dict[str, Any]) -> dict[str, Any]:
    actor = v["attributed_to"]
    return {
        **v,
        "reasons": _reasons_text(v),
        "attributed_to": actor["canonical"] if actor else "",
        "quote": v["evidence"]["text"],
    }


def _reasons_text(violation: dict[str, Any]) -> str:
    """ "place_within_radius 0.5, inside_stated_dates 0.3": why a candidate scores what it
    does (candidates stored before reasons were recorded have none)."""
    return ", ".join(f"{r['reason']} {r['weight']}" for r in violation.get("reasons", []))


def events(
    db: DbOption = None,
    kind: Annotated[
        str | None, typer.Option("--type", help="Only this ACLED event type or sub-type.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date.")] = None,
    limit: LimitOption = 50,
    as_json: JsonOption = False,
) -> None:
    """List resolved events (each report of one event by several outlets merged), by date."""
    from ceasefire.store.resolved import ResolvedStore

    kind = checked(filters.check_event_type, kind, "--type")
    since = checked(filters.check_date, since, "--since")
    rows = ResolvedStore(open_engine(db)).event_rows(kind=kind, since=since, limit=limit or None)
    if as_json:
        print_json_lines(rows)
        return
    print_table(
        [
            {
                **{k: e.get(k) for k in ("id", "date", "type", "subtype", "fatalities")},
                "place": e["place"]["canonical"] if e.get("place") else "",
                "actor1": e["actor1"]["canonical"] if e.get("actor1") else "",
                "sources": len(e["sources"]),
            }
            for e in rows
        ],
        ["id", "date", "type", "subtype", "place", "actor1", "fatalities", "sources"],
    )


def violations(
    db: DbOption = None,
    arrangement_id: Annotated[
        str | None, typer.Option("--arrangement", help="Only this arrangement's.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List violation candidates: armed violence inside an arrangement's area and window."""
    from ceasefire.store.resolved import ResolvedStore

    store = ResolvedStore(open_engine(db))
    if arrangement_id and store.arrangement(arrangement_id) is None:
        fail(f"no arrangement with id {arrangement_id!r}; `ceasefire arrangements` lists them")
    rows = store.violation_rows(arrangement_id)
    if as_json:
        print_json_lines({k: v for k, v in row.items() if k != "date"} for row in rows)
        return
    print_table([_violation_line(v) for v in rows], _VIOLATION_COLUMNS, wrap=["quote"])
