"""JSON output: ``Report.to_dict()``, described by ``checker/schema/report.schema.json``."""

from __future__ import annotations

import json


def render_json(report, stream) -> None:
    json.dump(report.to_dict(), stream, ensure_ascii=False, indent=2, default=str)
    stream.write("\n")
