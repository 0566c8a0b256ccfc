"""healthlint: find treatment claims in health copy and check them against the evidence."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import Checker, Options, check_path, check_text  # noqa: E402
from .errors import DataError, HealthlintError, InputError  # noqa: E402
from .model import Finding, Report, Severity  # noqa: E402

__all__ = ["Checker", "Options", "check_text", "check_path", "Finding", "Report", "Severity",
           "HealthlintError", "InputError", "DataError", "__version__"]
