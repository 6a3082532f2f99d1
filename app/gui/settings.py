"""Every user setting, declared once with its type and default, persisted with QSettings.

Keys are stable (they live in the user's settings file). Lists are stored as JSON text because
QSettings' INI backend turns a one-element list into a string and an empty one into None.
Which source wins for names and addresses is not here: it belongs to a workspace (its sources),
so the profiles engine keeps it in the workspace and the Settings dialog edits it there.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.core.retention import GARANTE, MAX_MONTHS

ORGANISATION = "Unico"
APPLICATION = "Unico"

ATTRIBUTION_MODELS = ("first", "last", "last-non-direct", "linear", "time-decay", "position", "markov", "shapley")
# The Garante's loyalty-card decision (24 Feb 2005): ≤12 months for profiling, ≤24 for marketing.
GARANTE_PROFILING_MONTHS = GARANTE.profiling_months
GARANTE_MARKETING_MONTHS = GARANTE.marketing_months
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    choices: tuple | None = None
    minimum: float | None = None
    maximum: float | None = None

    def parse(self, raw: Any) -> Any:
        """A stored value back to its type; anything unreadable or out of range gives the default."""
        if raw is None:
            return self.default
        try:
            if self.type is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            elif self.type is list:
                value = raw if isinstance(raw, list) else json.loads(raw)
                if not isinstance(value, list):
                    return self.default
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        if self.minimum is not None and value < self.minimum:
            return self.default
        if self.maximum is not None and value > self.maximum:
            return self.default
        return value

    def dump(self, value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if self.type is list else value


SETTINGS: tuple[Setting, ...] = (
    Setting("general/language", str, "", choices=("", "it", "en")),  # "" follows the system
    Setting("import/phone_region", str, "IT"),
    # Matching: the matcher's own tuned defaults unless the user asks for custom thresholds.
    Setting("matching/custom_thresholds", bool, False),
    Setting("matching/auto_threshold", float, 0.99, minimum=0.5, maximum=1.0),
    Setting("matching/review_threshold", float, 0.5, minimum=0.0, maximum=1.0),
    Setting("reports/attribution_model", str, "last-non-direct", choices=ATTRIBUTION_MODELS),
    Setting("reports/lookback_days", int, 30, minimum=1, maximum=365),
    Setting("reports/half_life_days", int, 7, minimum=1, maximum=90),
    # Data retention is off by default; the Garante's limits are offered as a preset. 0 months: no
    # limit. The policy in force is the open workspace's (app.core.retention); these keep the last choice.
    Setting("retention/enabled", bool, False),
    Setting("retention/profiling_months", int, GARANTE_PROFILING_MONTHS, minimum=0, maximum=MAX_MONTHS),
    Setting("retention/marketing_months", int, GARANTE_MARKETING_MONTHS, minimum=0, maximum=MAX_MONTHS),
    Setting("workspace/last", str, ""),
    Setting("workspace/recent", list, []),
)
SETTINGS_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


class Settings:
    """Typed access to the declared settings. Tests pass a QSettings on a temporary INI file."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    def get(self, key: str) -> Any:
        setting = SETTINGS_BY_KEY[key]
        return setting.parse(self.store.value(key))

    def set(self, key: str, value: Any) -> None:
        setting = SETTINGS_BY_KEY[key]
        if setting.parse(setting.dump(value)) != value:
            raise ValueError(f"invalid value for setting {key}: {value!r}")
        self.store.setValue(key, setting.dump(value))

    def reset(self, key: str) -> None:
        self.store.remove(key)

    def sync(self) -> None:
        self.store.sync()

    # -- workspaces -------------------------------------------------------------------------
    def recent_workspaces(self) -> list[Path]:
        return [Path(p) for p in self.get("workspace/recent") if isinstance(p, str)]

    def remember_workspace(self, path: Path) -> None:
        """Make `path` the last workspace and the first of the recent ones."""
        path = Path(path).resolve()
        recent = [str(path)] + [str(p) for p in self.recent_workspaces() if p != path]
        self.set("workspace/recent", recent[:MAX_RECENT])
        self.set("workspace/last", str(path))

    def forget_workspace(self, path: Path) -> None:
        path = Path(path).resolve()
        self.set("workspace/recent", [str(p) for p in self.recent_workspaces() if p != path])
        if self.get("workspace/last") == str(path):
            self.reset("workspace/last")

    def thresholds(self) -> dict[str, float]:
        """Keyword arguments for run_match: empty unless the user chose custom thresholds."""
        if not self.get("matching/custom_thresholds"):
            return {}
        return {"auto_threshold": self.get("matching/auto_threshold"),
                "review_threshold": self.get("matching/review_threshold")}
