"""The end-of-run summary of ``healthlint audit``: rich tables for people, CSV for analysts."""

from __future__ import annotations

import csv
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .text import safe

TOP = 15


def summary_tables(summary) -> list[tuple[str, list[str], list[list]]]:
    """(file stem, header, rows) for each aggregate; the same data feeds tables and CSV."""
    docs = summary.domain_documents
    return [
        ("documents_per_status", ["status", "documents"], sorted(summary.statuses.items())),
        ("findings_per_rule", ["rule", "findings"], sorted(summary.rules.items())),
        ("findings_per_intervention", ["intervention", "findings"], summary.interventions.most_common()),
        ("findings_per_domain", ["domain", "documents", "findings"],
         sorted(([d, docs[d], summary.domains.get(d, 0)] for d in docs), key=lambda r: (-r[2], r[0]))),
        ("skipped_records", ["reason", "records"], sorted(summary.skipped_records.items())),
    ]


def write_csv(summary, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, header, rows in summary_tables(summary):
        path = folder / f"{stem}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def render_summary(summary, console: Console) -> None:
    titles = {"documents_per_status": "Documents per status", "findings_per_rule": "Findings per rule",
              "findings_per_intervention": "Findings per intervention", "findings_per_domain": "Findings per domain",
              "skipped_records": "Records skipped while reading"}
    for stem, header, rows in summary_tables(summary):
        if not rows:
            continue
        table = Table(title=titles[stem], title_justify="left")
        for index, name in enumerate(header):
            table.add_column(name, justify="right" if index else "left")
        for row in rows[:TOP]:
            table.add_row(*(safe(str(cell)) for cell in row))
        if len(rows) > TOP:
            table.caption = f"{len(rows) - TOP} more in the CSV (--summary-csv)"
        console.print(table)
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    resumed = f"; {summary.resumed} already recorded before this run" if summary.resumed else ""
    console.print(f"{summary.documents} documents in {summary.seconds:.1f} s ({rate:.1f} documents/s){resumed}.",
                  markup=False, highlight=False)
