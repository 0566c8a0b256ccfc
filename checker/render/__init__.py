"""Renderers: one module per output format, all taking a Report. Formats hang off one enum."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def render(report, fmt: OutputFormat, stream, *, color: bool | None = None, width: int | None = None, show_claims: bool = False) -> None:
    if fmt is OutputFormat.JSON:
        from .json import render_json

        render_json(report, stream)
    else:
        from .text import render_text

        render_text(report, stream, color=color, width=width, show_claims=show_claims)
