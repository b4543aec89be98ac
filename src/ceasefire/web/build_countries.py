"""Build `web/static/countries.geojson`, the dashboard's country borders, from the Natural
Earth 1:110m countries that the geopandas 0.14.4 wheel ships (public domain data).

    pip download --no-deps geopandas==0.14.4 -d /tmp/wheels
    pip install 'ceasefire[map-build]'
    python -m ceasefire.web.build_countries /tmp/wheels/geopandas-0.14.4-py3-none-any.whl

The wheel is read as a zip file: geopandas itself is neither installed nor imported.
Coordinates are rounded to 0.01 degree (about 1 km), which is finer than the 1:110m data.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

_LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).parent / "static" / "countries.geojson"


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
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4",
        "features": features,
    }


def _rounded(value: object) -> object:
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], float | int):
            return [round(float(v), 2) for v in value]
        return [_rounded(v) for v in value]
    return value


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = build(Path(sys.argv[1]))
    OUTPUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(data['features'])} countries to {OUTPUT}")


if __name__ == "__main__":
    main()
