"""Renderers: one module per output format, all taking a Report. Formats hang off one enum."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    HTML = "html"


def render(report, fmt: OutputFormat | str, stream, *, color: bool | None = None, width: int | None = None,
           show_claims: bool = False, rules=None, root=None) -> None:
    """Write ``report`` to ``stream`` in ``fmt``.

    ``rules`` (a mapping id -> Rule, e.g. ``Checker.all_rules``; default: the shipped rules) is
    used by SARIF for ``tool.driver.rules``. ``root`` (default: the working directory) is the
    folder SARIF artifact URIs and GitHub annotation paths are relative to. ``color``, ``width``
    and ``show_claims`` are for the text format; the other formats ignore what they do not use.
    """
    fmt = OutputFormat(fmt)
    if fmt is OutputFormat.JSON:
        from .json import render_json

        render_json(report, stream)
    elif fmt is OutputFormat.JSONL:
        from .jsonl import render_jsonl

        render_jsonl(report, stream)
    elif fmt is OutputFormat.SARIF:
        from .sarif import render_sarif

        render_sarif(report, stream, rules=rules, root=root)
    elif fmt is OutputFormat.GITHUB:
        from .github import render_github

        render_github(report, stream, root=root)
    elif fmt is OutputFormat.JUNIT:
        from .junit import render_junit

        render_junit(report, stream)
    elif fmt is OutputFormat.HTML:
        from .html import render_html

        render_html(report, stream)
    else:
        from .text import render_text

        render_text(report, stream, color=color, width=width, show_claims=show_claims)
