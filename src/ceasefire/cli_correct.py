"""`ceasefire correct ...` and `ceasefire corrections`: an analyst's decisions about resolved
records, recorded and applied (the work is in corrections.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from ceasefire.cli_common import DbOption, JsonOption, fail, open_engine
from ceasefire.corrections_values import KINDS
from ceasefire.output import print_json_lines, print_table

correct_app = typer.Typer(
    help="Correct resolved records: reject, confirm, set a field, merge, move; undo.",
    no_args_is_help=True,
)
corrections_app = typer.Typer(
    help="List corrections (`--orphaned`: those whose records are gone); export, import.",
    invoke_without_command=True,
)

Kind = Annotated[str, typer.Argument(metavar="KIND", help=f"One of: {', '.join(KINDS)}.")]
RecordId = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="The record's id (a violation: ARRANGEMENT_ID/EVENT_ID; a mention: "
        "DOCUMENT_ID#INDEX).",
    ),
]
Reason = Annotated[str | None, typer.Option(help="Why: kept with the correction.")]
Author = Annotated[
    str | None, typer.Option(help="Who decides. Default: $USER.", show_default=False)
]


def register(app: typer.Typer) -> None:
    app.add_typer(correct_app, name="correct")
    app.add_typer(corrections_app, name="corrections")


def _author(author: str | None) -> str:
    return author or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def _make(db: str | None, action: str, kind: str, record_id: str, **given: Any) -> None:
    """Record and apply one correction; a bad input ends the command naming it."""
    from ceasefire import corrections

    engine = open_engine(db)
    try:
        made = corrections.add(engine, action, kind, record_id, **given)
    except corrections.CorrectionError as exc:
        fail(str(exc), code=2)
    typer.echo(_line(made))
    _warn_orphaned(engine)


def _line(c: dict[str, Any]) -> str:
    what = f"{c['action']} {c['kind']} {c['record_id']}"
    if c["field"]:
        what += f" {c['field']} = {json.dumps(c['value'], ensure_ascii=False)[:120]}"
    if c["target"]:
        what += f" with {c['target']}"
    state = " (undone)" if c["undone"] else " (orphaned)" if c["orphaned"] else ""
    return f"correction {c['id']}: {what} by {c['author']}{state}"


def _warn_orphaned(engine: Any) -> None:
    from ceasefire import corrections

    orphaned = corrections.listing(engine, orphaned=True)
    live = [c for c in orphaned if not c["undone"]]
    if live:
        typer.echo(
            f"warning: {len(live)} corrections no longer apply, their records gone; "
            "`ceasefire corrections --orphaned` lists them",
            err=True,
        )


@correct_app.command("reject")
def reject(
    kind: Kind,
    record_id: RecordId,
    db: DbOption = None,
    reason: Reason = None,
    author: Author = None,
) -> None:
    """Reject a record: an event or an arrangement is hidden, a violation candidate dropped,
    a document marked irrelevant (its records leave resolution)."""
    _make(db, "reject", kind, record_id, reason=reason, author=_author(author))


@correct_app.command("confirm")
def confirm(
    kind: Kind,
    record_id: RecordId,
    db: DbOption = None,
    reason: Reason = None,
    author: Author = None,
) -> None:
    """Confirm a record as resolution made it (it is marked corrected: confirm)."""
    _make(db, "confirm", kind, record_id, reason=reason, author=_author(author))


@correct_app.command("set")
def set_field(
    kind: Kind,
    record_id: RecordId,
    field: Annotated[
        str,
        typer.Argument(
            help="event: actor1, event_type, place, fatalities; arrangement: type, status, "
            "start, end, scope, parties, sponsors, mediators."
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="The new value: text, a number, null, a date, or a list (JSON, or names "
            "separated by commas)."
        ),
    ],
    db: DbOption = None,
    reason: Reason = None,
    author: Author = None,
) -> None:
    """Set a field of an event or an arrangement."""
    _make(
        db,
        "set",
        kind,
        record_id,
        field=field,
        value=_value(value),
        reason=reason,
        author=_author(author),
    )


def _value(text: str) -> Any:
    """A JSON value when the text is one (7, null, ["Russia", "Turkey"]), else the text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


@correct_app.command("merge")
def merge(
    arrangement_id: Annotated[str, typer.Argument(metavar="ARR_ID", help="The one that stays.")],
    other_id: Annotated[str, typer.Argument(metavar="ARR_ID", help="The one merged into it.")],
    db: DbOption = None,
    reason: Reason = None,
    author: Author = None,
) -> None:
    """Merge the second arrangement into the first: one arrangement of all their mentions."""
    _make(
        db,
        "merge",
        "arrangement",
        arrangement_id,
        target=other_id,
        reason=reason,
        author=_author(author),
    )


@correct_app.command("move")
def move(
    mention_id: Annotated[str, typer.Argument(metavar="MENTION_ID", help="DOCUMENT_ID#INDEX.")],
    arrangement_id: Annotated[str, typer.Argument(metavar="ARR_ID", help="Where it goes.")],
    db: DbOption = None,
    reason: Reason = None,
    author: Author = None,
) -> None:
    """Move a mention out of its arrangement into another."""
    _make(
        db,
        "move",
        "mention",
        mention_id,
        target=arrangement_id,
        reason=reason,
        author=_author(author),
    )


@correct_app.command("undo")
def undo(
    correction_id: Annotated[int, typer.Argument(metavar="CORRECTION_ID")],
    db: DbOption = None,
    reason: Reason = None,
    author: Author = None,
) -> None:
    """Undo a correction: the value resolution gives comes back."""
    from ceasefire import corrections

    engine = open_engine(db)
    try:
        done = corrections.undo(engine, correction_id, author=_author(author), reason=reason)
    except corrections.CorrectionError as exc:
        fail(str(exc), code=2)
    typer.echo(_line(done))


@corrections_app.callback()
def corrections_list(
    ctx: typer.Context,
    db: DbOption = None,
    orphaned: Annotated[
        bool, typer.Option("--orphaned", help="Only those whose records are gone.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """List corrections, oldest first."""
    from ceasefire import corrections

    if ctx.invoked_subcommand is not None:
        return
    rows = corrections.listing(open_engine(db), orphaned=True if orphaned else None)
    if as_json:
        print_json_lines(rows)
        return
    shown = [
        {
            **c,
            "value": json.dumps(c["value"], ensure_ascii=False)[:60] if c["field"] else "",
            "state": "undone" if c["undone"] else "orphaned" if c["orphaned"] else "applied",
        }
        for c in rows
    ]
    columns = [
        "id",
        "created",
        "author",
        "action",
        "kind",
        "record_id",
        "field",
        "value",
        "target",
        "state",
        "reason",
    ]
    print_table(shown, columns, wrap=["reason"])
    if any(c["orphaned"] and not c["undone"] for c in rows):
        typer.echo("orphaned: their records are gone after resolution", err=True)


@corrections_app.command("export")
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file to write.")],
    db: DbOption = None,
) -> None:
    """Write every correction to a JSONL file, to share with a team."""
    from ceasefire import corrections

    count = corrections.export_jsonl(open_engine(db), output)
    typer.echo(f"exported {count} corrections to {output}")


@corrections_app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A JSONL export.")],
    db: DbOption = None,
) -> None:
    """Add the corrections of an export that are not here yet, and apply them."""
    from ceasefire import corrections

    engine = open_engine(db)
    try:
        added, present = corrections.import_jsonl(engine, path)
    except corrections.CorrectionError as exc:
        fail(f"{path}: {exc}", code=2)
    typer.echo(f"imported {added} corrections ({present} already here)")
    _warn_orphaned(engine)
