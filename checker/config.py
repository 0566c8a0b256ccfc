"""Configuration: ``[tool.healthlint]`` in pyproject.toml, or a healthlint.toml, as ruff does.

Discovery starts in a directory (the current one) and walks up; the nearest file wins and
files are not merged. In a directory, healthlint.toml wins over pyproject.toml; a
pyproject.toml without a ``[tool.healthlint]`` table is skipped. Flags override the file;
``--isolated`` ignores files altogether. Loading is strict: an unknown key or a bad value
is a ConfigError that names the file and the key.

Keys (kebab-case, as in ruff)::

    select = ["HL1", "HL301"]          # rule ids or prefixes; default: every rule
    extend-select = ["HL9"]            # added to select
    ignore = ["HL108"]                 # removed from the selection
    fail-on = "warning"                # error | warning | info | never
    exit-zero = false
    jurisdictions = ["US", "UK"]       # whose legal and approval status counts
    rules = ["house-rules"]            # extra rule folders (relative to the config file)
    corpus = ["claims-library"]        # extra corpus folders (relative to the config file)
    max-bytes = 10000000
    min-confidence = 0                 # drop HL1xx findings the learned filter scores below this
    [severity]                         # per-rule severity: error | warning | info
    HL108 = "info"
    [per-file-ignores]                 # glob (relative to the config file) -> rules
    "archive/**" = ["HL1"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .errors import ConfigError

JURISDICTIONS = ("US", "UK", "EU", "CA", "AU")
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from, None for defaults
    root: str = "."  # the directory relative paths in the file are resolved against
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    exit_zero: bool = False
    jurisdictions: tuple[str, ...] = JURISDICTIONS
    rules: tuple[str, ...] = ()
    corpus: tuple[str, ...] = ()
    max_bytes: int = 10_000_000
    min_confidence: float = 0.0
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _strings(path: Path, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in value)


def _rule_codes(path: Path, key: str, value) -> tuple[str, ...]:
    codes = _strings(path, key, value)
    for code in codes:
        if not code.upper().startswith("HL"):
            raise ConfigError(f"{path}: '{key}': '{code}' is not a rule id or prefix (HL101, HL1)")
    return tuple(c.upper() for c in codes)


def parse_config(table: Mapping, path: Path) -> Config:
    """A Config from the table of a file (``[tool.healthlint]`` or a healthlint.toml)."""
    root = path.parent
    known = {"select", "extend-select", "ignore", "fail-on", "exit-zero", "jurisdictions", "rules", "corpus",
             "max-bytes", "min-confidence", "severity", "per-file-ignores"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}' (known: {', '.join(sorted(known))})")
    values: dict = {"path": str(path), "root": str(root)}
    for key in ("select", "extend-select", "ignore"):
        if key in table:
            values[key.replace("-", "_")] = _rule_codes(path, key, table[key])
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_ON:
            raise ConfigError(f"{path}: 'fail-on' must be one of {', '.join(FAIL_ON)}")
        values["fail_on"] = table["fail-on"]
    if "exit-zero" in table:
        if not isinstance(table["exit-zero"], bool):
            raise ConfigError(f"{path}: 'exit-zero' must be true or false")
        values["exit_zero"] = table["exit-zero"]
    if "jurisdictions" in table:
        places = tuple(p.upper() for p in _strings(path, "jurisdictions", table["jurisdictions"]))
        for place in places:
            if place not in JURISDICTIONS:
                raise ConfigError(f"{path}: 'jurisdictions': '{place}' is not one of {', '.join(JURISDICTIONS)}")
        values["jurisdictions"] = places
    for key in ("rules", "corpus"):
        if key in table:
            values[key] = tuple(str((root / p).resolve()) for p in _strings(path, key, table[key]))
    if "max-bytes" in table:
        if not isinstance(table["max-bytes"], int) or isinstance(table["max-bytes"], bool) or table["max-bytes"] < 1:
            raise ConfigError(f"{path}: 'max-bytes' must be a positive whole number")
        values["max_bytes"] = table["max-bytes"]
    if "min-confidence" in table:
        value = table["min-confidence"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{path}: 'min-confidence' must be a number from 0 to 1")
        values["min_confidence"] = float(value)
    if "severity" in table:
        levels = table["severity"]
        if not isinstance(levels, dict):
            raise ConfigError(f"{path}: 'severity' must be a table such as {{ HL108 = \"info\" }}")
        for code, level in levels.items():
            if not code.upper().startswith("HL") or level not in SEVERITIES:
                raise ConfigError(f"{path}: 'severity.{code}' must name a rule and one of {', '.join(SEVERITIES)}")
        values["severity"] = MappingProxyType({k.upper(): v for k, v in levels.items()})
    if "per-file-ignores" in table:
        ignores = table["per-file-ignores"]
        if not isinstance(ignores, dict):
            raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [rules]")
        values["per_file_ignores"] = tuple((glob, _rule_codes(path, f"per-file-ignores.{glob}", codes))
                                           for glob, codes in ignores.items())
    return Config(**values)


def load_config_file(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("healthlint")
        if table is None:
            raise ConfigError(f"{path}: no [tool.healthlint] table")
        return parse_config(table, path)
    return parse_config(data, path)


def find_config(start: Path) -> Path | None:
    """The nearest healthlint.toml, or pyproject.toml with [tool.healthlint], from start upwards."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / "healthlint.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.healthlint" in text:
                try:
                    if "healthlint" in tomllib.loads(text).get("tool", {}):
                        return pyproject
                except tomllib.TOMLDecodeError as exc:
                    raise ConfigError(f"{pyproject}: invalid TOML: {exc}") from None
    return None


def resolve_config(*, config_path: str | None, isolated: bool, start: Path | None = None) -> Config:
    if isolated:
        return Config()
    if config_path:
        return load_config_file(Path(config_path))
    found = find_config(start or Path.cwd())
    return load_config_file(found) if found else Config()
