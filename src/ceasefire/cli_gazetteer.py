"""`ceasefire gazetteer`: the village-level places the user adds to the shipped gazetteer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ceasefire.cli_common import JsonOption, fail, progress

gazetteer_app = typer.Typer(
    help="Add village-level places (GeoNames dumps, OCHA or Who's On First tables) that "
    "extraction then resolves; they are kept in $CEASEFIRE_DATA (default: the platform's "
    "user data folder).",
    no_args_is_help=True,
)

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="GeoNames dumps (XX.txt, XX.zip, allCountries.zip; admin1CodesASCII.txt beside "
        "them names their regions) or tables with a header (TSV or CSV, gzipped or not).",
        show_default=False,
    ),
]
CountriesOption = Annotated[
    str | None,
    typer.Option(help="Keep only these countries: ISO alpha-2 codes, comma-separated (SY,YE)."),
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(
        help="Which header column holds which field, where the common names do not tell: "
        "field=COLUMN pairs, comma-separated (name=ADM4_EN,lat=Y,lon=X,country=ISO2). Fields: "
        "id, geonameid, admin1_ref, name, names, lat, lon, country, admin1, admin2, "
        "population, feature.",
    ),
]
NameOption = Annotated[
    str | None,
    typer.Option(help="Name of the table to install (default: the first file's name)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("add")
def add(
    paths: PathsArgument,
    name: NameOption = None,
    countries: CountriesOption = None,
    columns: ColumnsOption = None,
    quiet: QuietOption = False,
) -> None:
    """Read place files and install them as one table of the extended gazetteer."""
    from ceasefire import gazetteer

    try:
        with progress(quiet, unit=" places") as update:
            table = gazetteer.add(
                paths, name, _columns(columns), _countries(countries), on_row=update
            )
    except gazetteer.GazetteerError as exc:
        fail(str(exc))
    typer.echo(
        f"installed {table.name}: {table.rows:,} places of {', '.join(table.countries)} "
        f"in {gazetteer.gazetteer_dir()}"
    )
    if table.skipped:
        typer.echo(f"{table.skipped:,} lines left out, for example:", err=True)
        for reason in table.skip_reasons:
            typer.echo(f"  {reason}", err=True)


@gazetteer_app.command("list")
def list_tables(as_json: JsonOption = False) -> None:
    """The tables installed, with their places and countries."""
    from dataclasses import asdict

    from ceasefire import gazetteer

    try:
        tables = gazetteer.installed()
    except gazetteer.GazetteerError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps([asdict(t) for t in tables], ensure_ascii=False))
        return
    if not tables:
        typer.echo(f"no places added (in {gazetteer.gazetteer_dir()})")
    for table in tables:
        typer.echo(
            f"{table.name}\t{table.rows:,} places\t{','.join(table.countries)}\t"
            f"added {table.added}\tfrom {' '.join(table.sources)}"
        )


@gazetteer_app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="The table's name (see `list`).")]) -> None:
    """Uninstall a table."""
    from ceasefire import gazetteer

    try:
        table = gazetteer.remove(name)
    except gazetteer.GazetteerError as exc:
        fail(str(exc))
    typer.echo(f"removed {table.name} ({table.rows:,} places)")


@gazetteer_app.command("download")
def download(
    codes: Annotated[
        list[str],
        typer.Argument(help="ISO alpha-2 codes of countries (SY YE), or allCountries."),
    ],
    base_url: Annotated[
        str, typer.Option(help="Where the GeoNames dumps are served.")
    ] = "https://download.geonames.org/export/dump/",
    add_them: Annotated[
        bool, typer.Option("--add/--no-add", help="Install what was fetched.")
    ] = True,
    quiet: QuietOption = False,
) -> None:
    """Fetch GeoNames country dumps over the network (and install them)."""
    from ceasefire import gazetteer

    folder = gazetteer.data_dir() / "downloads"
    try:
        with progress(quiet, unit="B") as update:
            paths = gazetteer.download(codes, folder, base_url, on_bytes=update)
        typer.echo(f"fetched {', '.join(p.name for p in paths)} into {folder}")
        if add_them:
            for dump in paths[:-1]:
                with progress(quiet, unit=" places") as update:
                    table = gazetteer.add([dump, paths[-1]], on_row=update)
                typer.echo(f"installed {table.name}: {table.rows:,} places")
    except gazetteer.GazetteerError as exc:
        fail(str(exc))


def _countries(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    codes = {c.strip().upper() for c in value.split(",") if c.strip()}
    bad = sorted(c for c in codes if len(c) != 2 or not c.isalpha())
    if bad:
        fail(f"--countries {value!r}: {', '.join(bad)} is no ISO alpha-2 code (SY, YE, LB)")
    return frozenset(codes)


def _columns(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    mapping = {}
    for pair in value.split(","):
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            fail(f"--columns {value!r}: {pair!r} is not field=COLUMN")
        mapping[field.strip()] = column.strip()
    return mapping
