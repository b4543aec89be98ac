"""The extended gazetteer: village-level place tables the user adds (GeoNames dumps, OCHA and
Who's On First tables), read at run time from the user's data directory."""

from ceasefire.gazetteer.download import download
from ceasefire.gazetteer.installed import (
    Installed,
    add,
    data_dir,
    gazetteer_dir,
    installed,
    installed_rows,
    remove,
    version,
)
from ceasefire.gazetteer.readers import GazetteerError, PlaceRow, read_places

__all__ = [
    "GazetteerError",
    "Installed",
    "PlaceRow",
    "add",
    "data_dir",
    "download",
    "gazetteer_dir",
    "installed",
    "installed_rows",
    "read_places",
    "remove",
    "version",
]
