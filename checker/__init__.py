"""healthlint: find treatment claims in health copy and check them against the evidence.

The public API is imported lazily: spaCy imports ``checker.nlp.*`` through the
``spacy_factories`` entry points whenever anyone builds a pipeline, and that must not pull
in the whole checker.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "Checker": ".api", "Options": ".api", "check_text": ".api", "check_path": ".api",
    "Finding": ".model", "Report": ".model", "Severity": ".model",
    "HealthlintError": ".errors", "InputError": ".errors", "DataError": ".errors",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        from importlib import import_module

        value = getattr(import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
