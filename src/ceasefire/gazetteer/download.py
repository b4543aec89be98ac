"""Fetching GeoNames country dumps when the user asks for them (`ceasefire gazetteer
download SY YE`): never at import, never in the demo or the extractor."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from ceasefire.gazetteer.readers import GazetteerError

GEONAMES_DUMPS = "https://download.geonames.org/export/dump/"
_CODE = re.compile(r"^(?:[A-Z]{2}|allCountries)$")
_CHUNK = 1 << 16
_TIMEOUT = 60  # seconds without a byte before giving up


def download(
    codes: list[str],
    folder: Path,
    base_url: str = GEONAMES_DUMPS,
    on_bytes: Callable[[int], object] | None = None,
) -> list[Path]:
    """Fetch `<base_url><CODE>.zip` for each ISO alpha-2 code (or "allCountries") into
    `folder`, and GeoNames' admin1CodesASCII.txt beside them; the paths written, the codes
    file last. A failed fetch raises GazetteerError naming the address and the reason."""
    wanted = [c if c == "allCountries" else c.upper() for c in codes]
    bad = [c for c in wanted if not _CODE.match(c)]
    if bad:
        raise GazetteerError(
            f"not a country code: {', '.join(bad)} (give ISO alpha-2 codes such as SY YE, "
            "or allCountries)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    base = base_url if base_url.endswith("/") else base_url + "/"
    files = [f"{code}.zip" for code in wanted] + ["admin1CodesASCII.txt"]
    return [_fetch(base + name, folder / name, on_bytes) for name in files]


def _fetch(url: str, path: Path, on_bytes: Callable[[int], object] | None) -> Path:
    partial = path.with_name(path.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT) as response, partial.open("wb") as out:
            while chunk := response.read(_CHUNK):
                out.write(chunk)
                if on_bytes is not None:
                    on_bytes(len(chunk))
    except urllib.error.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise GazetteerError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        partial.unlink(missing_ok=True)
        reason = getattr(exc, "reason", exc)
        raise GazetteerError(f"{url}: cannot be fetched ({reason})") from exc
    shutil.move(partial, path)
    return path
