"""JSON Lines output: one JSON object per finding per line (``Finding.to_dict()`` with the
document's ``uri``); a document that could not be read is one line ``{"uri", "error"}``.
Nothing else is written, so ``wc -l`` counts findings plus unreadable documents.

Every line is one physical line for any line splitter: besides the control characters JSON
escapes anyway, U+0085, U+2028 and U+2029 (which ``str.splitlines`` treats as line breaks)
are written as ``\\u`` escapes.
"""

from __future__ import annotations

import json

_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _line(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, default=str)
    for char, escaped in _LINE_BREAKS.items():  # only ever inside JSON strings, so this stays valid JSON
        text = text.replace(char, escaped)
    return text + "\n"


def render_jsonl(report, stream) -> None:
    for document in report.documents:
        if document.error:
            stream.write(_line({"uri": document.uri, "error": document.error}))
            continue
        for finding in document.findings:
            stream.write(_line({**finding.to_dict(), "uri": document.uri}))
