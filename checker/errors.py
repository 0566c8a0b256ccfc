"""Errors a user can act on. The CLI prints them as one line and exits 2."""

from __future__ import annotations


class HealthlintError(Exception):
    """Base class: the message is a complete, one-line explanation."""


class InputError(HealthlintError):
    """A document could not be read: missing, unreadable, binary, bad encoding, too large."""


class DataError(HealthlintError):
    """A corpus, rule or lexicon file is malformed. The message names file, row and column."""


class ConfigError(HealthlintError):
    """A configuration file or option is malformed."""
