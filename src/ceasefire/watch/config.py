"""What `ceasefire watch` is told: feeds, how often, where alerts go, and thresholds, from
the command line and from a TOML file (the command line wins)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class ConfigError(ValueError):
    """A watch setting that cannot be used; the message names it and what is valid."""


@dataclass(slots=True)
class WatchConfig:
    feeds: list[str] = field(default_factory=list)
    every: float = 900.0  # seconds between rounds
    webhook: str | None = None
    alert_violations: int = 3
    fetch_pages: bool = False
    host_delay: float = 1.0  # seconds between two requests to one host
    backoff: float = 60.0  # seconds after a first failure; doubled each failure in a row
    max_backoff: float = 6 * 3600.0
    timeout: float = 20.0


def seconds(text: str | float | int) -> float:
    """ "15m", "1h", "30s", "2d" or a number of seconds."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        found = _EVERY.match(str(text))
        if not found:
            raise ConfigError(f"{text!r} is not a period: give a number with s, m, h or d (15m)")
        value = float(found.group(1)) * _UNIT[found.group(2)]
    if value <= 0:
        raise ConfigError(f"{text!r} is not a period longer than zero")
    return value


def load(path: Path | None) -> dict[str, Any]:
    """The settings a TOML file gives: `feeds` (URLs, or tables with `url`), `every`,
    `webhook`, `fetch_pages`, `host_delay`, `backoff` and `[thresholds] violations`."""
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    found: dict[str, Any] = {}
    feeds = data.get("feeds", [])
    if not isinstance(feeds, list):
        raise ConfigError(f"{path}: `feeds` is a list of URLs (or of tables with `url`)")
    found["feeds"] = [f["url"] if isinstance(f, dict) else f for f in feeds]
    if not all(isinstance(url, str) for url in found["feeds"]):
        raise ConfigError(f"{path}: every feed is a URL (text)")
    for key in ("every", "webhook", "fetch_pages", "host_delay", "backoff"):
        if key in data:
            found[key] = data[key]
    thresholds = data.get("thresholds") or {}
    if "violations" in thresholds:
        found["alert_violations"] = thresholds["violations"]
    return found


def settle(file: dict[str, Any], given: dict[str, Any]) -> WatchConfig:
    """The file's settings with the command line's over them, checked."""
    stated = {k: v for k, v in given.items() if v is not None and v is not False and v != []}
    merged = {**file, **stated}
    config = WatchConfig()
    config.feeds = list(dict.fromkeys([*file.get("feeds", []), *given.get("feeds", [])]))
    for url in config.feeds:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"feed {url!r} is not an http:// or https:// URL")
    if "every" in merged:
        config.every = seconds(merged["every"])
    if "backoff" in merged:
        config.backoff = seconds(merged["backoff"])
    if "host_delay" in merged:
        config.host_delay = float(merged["host_delay"])
    config.webhook = merged.get("webhook")
    config.fetch_pages = bool(merged.get("fetch_pages", False))
    threshold = merged.get("alert_violations", config.alert_violations)
    if not isinstance(threshold, int) or threshold < 1:
        raise ConfigError(
            f"the violations threshold is a whole number of 1 or more, not {threshold!r}"
        )
    config.alert_violations = threshold
    if not config.feeds:
        raise ConfigError("no feeds to watch: give URLs, or a --config file with `feeds`")
    return config
