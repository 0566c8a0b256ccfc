"""The command line: parses options, calls the API, renders. Nothing else happens here.

Exit codes (as ruff and Vale): 0 no finding at or above --fail-on, 1 findings, 2 usage,
configuration, data or input error; 141 (as for SIGPIPE) when the reader of stdout goes away.
Reports go to stdout, errors to stderr, one line each.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import HealthlintError
from .render import OutputFormat

FAIL_ON = ("error", "warning", "info", "never")
FORMATS = tuple(f.value for f in OutputFormat)


class HealthlintGroup(click.Group):
    """Turns our errors into one line and exit 2, and never shows a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except HealthlintError as exc:
            click.echo(f"healthlint: error: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("healthlint: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader went away (`healthlint rules | head`): stop quietly, as a process
            # killed by SIGPIPE would, and keep Python from failing again on the final flush.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(141)
        except Exception as exc:  # a bug: say so in one line; HEALTHLINT_DEBUG=1 shows the traceback
            if os.environ.get("HEALTHLINT_DEBUG"):
                raise
            click.echo(f"healthlint: internal error: {exc.__class__.__name__}: {exc} (set HEALTHLINT_DEBUG=1 for details)", err=True)
            ctx.exit(2)


@click.group(cls=HealthlintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="healthlint")
def main() -> None:
    """healthlint: check health claims in copy against a sourced evidence table."""


def rule_list(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip().upper() for value in values for part in value.split(",") if part.strip())


def selection_options(command):
    """Options that choose rules, evidence and configuration: shared by check and audit."""
    options = [
        click.option("--select", multiple=True, help="Only these rules (ids or prefixes, comma-separated; e.g. HL1,HL301)."),
        click.option("--extend-select", multiple=True, help="Add these rules to the selection."),
        click.option("--ignore", multiple=True, help="Skip these rules (ids or prefixes, comma-separated)."),
        click.option("--jurisdiction", "jurisdictions", multiple=True, type=click.Choice(["US", "UK", "EU", "CA", "AU"]),
                     help="Jurisdictions for legal and approval status (repeatable; default all)."),
        click.option("--corpus", "corpus_folders", multiple=True, type=click.Path(file_okay=False, path_type=str),
                     help="Extra corpus folder whose rows add to or override the shipped ones (repeatable)."),
        click.option("--rules", "rule_folders", multiple=True, type=click.Path(file_okay=False, path_type=str),
                     help="Extra folder of rule files (repeatable)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), default=None,
                     help="Read this configuration file instead of looking for one."),
        click.option("--isolated", is_flag=True, help="Ignore configuration files."),
        click.option("--model", default=None, help="An installed spaCy pipeline to use instead of spacy.blank('en')."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
                     help="Drop sentence-level HL1xx findings the learned filter scores below this (0-1; default 0: off)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def resolve_options(*, select, extend_select, ignore, jurisdictions, corpus_folders, rule_folders, config_path,
                    isolated, model, max_bytes=None, min_confidence=None):
    """The configuration file (if any) with the flags laid over it."""
    from .api import Options
    from .config import resolve_config

    config = resolve_config(config_path=config_path, isolated=isolated)
    options = Options.from_config(
        config, model=model, select=rule_list(select) or None, extend_select=rule_list(extend_select) or None,
        ignore=rule_list(ignore) or None, jurisdictions=tuple(jurisdictions) or None, max_bytes=max_bytes,
        min_confidence=min_confidence,
        corpus_folders=(*config.corpus, *corpus_folders) if corpus_folders else None,
        rule_folders=(*config.rules, *rule_folders) if rule_folders else None)
    return config, options


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding at or above this severity is reported (default: warning).")
@click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even when there are findings (errors reading input still exit 2).")
@selection_options
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Record today's findings in this baseline file and exit 0.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse input files larger than this (default 10,000,000).")
@click.option("--show-claims", is_flag=True, help="Also list every claim found, with its context (text format).")
@click.option("--color/--no-color", default=None, help="Force colour on or off (default: on for a terminal).")
def check(paths, fmt, fail_on, exit_zero, select, extend_select, ignore, jurisdictions, corpus_folders, rule_folders,
          config_path, isolated, model, min_confidence, baseline_path, write_baseline_path, max_bytes, show_claims, color):
    """Check files, folders (their .txt, .md and .html files) or - (standard input)."""
    from pathlib import Path

    from .api import Checker
    from .render import render

    config, options = resolve_options(select=select, extend_select=extend_select, ignore=ignore, jurisdictions=jurisdictions,
                                      corpus_folders=corpus_folders, rule_folders=rule_folders, config_path=config_path,
                                      isolated=isolated, model=model, max_bytes=max_bytes, min_confidence=min_confidence)
    fail_on = fail_on or config.fail_on
    exit_zero = exit_zero if exit_zero is not None else config.exit_zero
    checker = Checker(options)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    report = checker.check_paths(paths, stdin=stdin, on_error="record")
    for document in report.documents:
        if document.error:
            click.echo(f"healthlint: error: {document.error}", err=True)
    root = Path(config.root)
    if write_baseline_path:
        from .baseline import write_baseline

        count = write_baseline(report, Path(write_baseline_path), root)
        click.echo(f"healthlint: wrote {count} finding{'s' if count != 1 else ''} to {write_baseline_path}", err=True)
        sys.exit(2 if any(d.error for d in report.documents) else 0)
    if baseline_path:
        from .baseline import filter_new, read_baseline

        removed = filter_new(report, read_baseline(Path(baseline_path)), root)
        if removed:
            click.echo(f"healthlint: {removed} finding{'s' if removed != 1 else ''} accepted by the baseline", err=True)
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None
    render(report, OutputFormat(fmt), sys.stdout, color=color, width=width, show_claims=show_claims,
           rules=checker.all_rules, root=root)
    if any(d.error for d in report.documents):
        sys.exit(2)
    if exit_zero or fail_on == "never":
        sys.exit(0)
    threshold = ("info", "warning", "error").index(fail_on)
    sys.exit(1 if any(f.severity.rank >= threshold for f in report.findings) else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Write JSONL records here (default: standard output).")
@click.option("--resume", is_flag=True, help="Keep the records already in --output and check only the documents not in it.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes (local engine) or Dask workers.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run locally, or on a Dask cluster (needs healthlint[dask]).")
@click.option("--scheduler", default=None, help="Dask scheduler address; without it a LocalCluster of --jobs workers is started.")
@click.option("--include", multiple=True, help="Only files matching this glob (repeatable).")
@click.option("--exclude", multiple=True, help="Skip files matching this glob (repeatable).")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the page text or HTML.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the document id.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field holding the page URL.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Largest document (or WARC record payload) checked; larger ones get an error record.")
@click.option("--max-decompressed", type=click.IntRange(min=1), default=50_000_000, show_default=True,
              help="Largest decompressed size of a .gz input; beyond it the input gets an error record.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds per document before it gets an error record (0: no limit).")
@click.option("--summary-csv", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Also write the summary tables as CSV files into this folder.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Also write one HTML report of the batch (read back from --output; at most --html-limit documents).")
@click.option("--html-limit", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Documents with findings shown in the --html report.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary tables.")
@selection_options
def audit(inputs, output, resume, jobs, engine, scheduler, include, exclude, text_field, id_field, url_field, max_bytes,
          max_decompressed, time_limit, summary_csv, html_path, html_limit, quiet, select, extend_select, ignore,
          jurisdictions, corpus_folders, rule_folders, config_path, isolated, model, min_confidence):
    """Batch-audit scraped pages: folders, globs, JSONL, WARC(.gz), HTML. One JSONL record per document."""
    from pathlib import Path

    from rich.console import Console

    from .audit import AuditOptions, run_audit
    from .render.audit import render_summary, write_csv

    if resume and not output:
        raise HealthlintError("--resume needs --output FILE (the records to resume from)")
    if html_path and not output:
        raise HealthlintError("--html needs --output FILE (the report is built from the records written there)")
    _, options = resolve_options(select=select, extend_select=extend_select, ignore=ignore, jurisdictions=jurisdictions,
                                 corpus_folders=corpus_folders, rule_folders=rule_folders, config_path=config_path,
                                 isolated=isolated, model=model, min_confidence=min_confidence)
    audit_options = AuditOptions(check=options, include=tuple(include), exclude=tuple(exclude), text_field=text_field,
                                 id_field=id_field, url_field=url_field, max_bytes=max_bytes,
                                 max_decompressed=max_decompressed, time_limit=time_limit or None)
    console = Console(stderr=True, highlight=False)
    # A progress bar only on a terminal: logs and pipes get the summary alone.
    progress = None if quiet or not console.is_terminal else AuditProgress(console, inputs, audit_options)
    try:
        summary = run_audit(inputs, audit_options, output=output, resume=resume, jobs=jobs, engine=engine,
                            scheduler=scheduler, on_record=progress.record if progress else None)
    finally:
        if progress is not None:
            progress.stop()
    if summary_csv:
        write_csv(summary, Path(summary_csv))
    if html_path:
        from .audit import read_records, records_to_report
        from .render.html import render_html

        with_findings = (r for r in read_records(Path(output)) if r.get("findings") or r["status"] != "ok")
        with open(html_path, "w", encoding="utf-8") as handle:
            render_html(records_to_report(with_findings, options, limit=html_limit), handle,
                        title=f"healthlint audit: {summary.documents} documents")
    if not quiet:
        render_summary(summary, console)


class AuditProgress:
    """A rich progress bar with documents/s, and an ETA when the total is cheap to know."""

    def __init__(self, console, inputs, options):
        import time

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from .sources import count_documents

        total = count_documents(inputs, include=options.include, exclude=options.exclude, text_field=options.text_field,
                                id_field=options.id_field, url_field=options.url_field)
        self._clock = time.perf_counter
        self._started = self._clock()
        self._done = 0
        self._bar = Progress(TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                             TimeRemainingColumn(), console=console)
        self._task = self._bar.add_task("audit", total=total, rate="")
        self._bar.start()

    def record(self, record: dict) -> None:
        self._done += 1
        elapsed = self._clock() - self._started
        self._bar.update(self._task, completed=self._done, rate=f"{self._done / elapsed:.1f} docs/s" if elapsed else "")

    def stop(self) -> None:
        self._bar.stop()


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules_command(fmt):
    """List the rules (markdown: the table the README carries)."""
    import json

    from .rules import load_rules

    rules = load_rules()
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "name": r.name, "kind": r.kind, "severity": r.severity.value, "summary": r.summary}
                               for r in rules.values()], indent=2))
        return
    if fmt == "markdown":
        click.echo("| ID | name | severity | what it flags |\n|---|---|---|---|")
        for rule in rules.values():
            click.echo(f"| {rule.id} | {rule.name} | {rule.severity.value} | {rule.summary} |")
        return
    for rule in rules.values():
        click.echo(f"{rule.id}  {rule.name:<28} {rule.severity.value:<8} {rule.summary}")


@main.command("rule")
@click.argument("rule_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rule_command(rule_id, fmt):
    """Explain one rule (by id or name)."""
    import json

    from .rules import load_rules

    rules = load_rules()
    wanted = rule_id.strip()
    rule = rules.get(wanted.upper()) or next((r for r in rules.values() if wanted in (r.name, *r.aliases)), None)
    if rule is None:
        raise HealthlintError(f"no rule '{rule_id}' (see 'healthlint rules')")
    if fmt == "json":
        click.echo(json.dumps({"id": rule.id, "name": rule.name, "kind": rule.kind, "severity": rule.severity.value,
                               "summary": rule.summary, "params": dict(rule.params), "docs": dict(rule.docs),
                               "examples": {"hits": list(rule.hits), "misses": list(rule.misses)}}, indent=2))
        return
    click.echo(rule.doc_text(), nl=False)


@main.group("corpus")
def corpus_group():
    """Validate and query the evidence corpus."""


@corpus_group.command("validate")
@click.argument("folders", nargs=-1, type=click.Path(path_type=str))
def corpus_validate(folders):
    """Check the shipped corpus (and extra FOLDERS stacked on it); list every problem."""
    from .corpus import validate_corpus
    from .resources import data_dir

    stack = [str(data_dir("corpus")), *folders]
    corpus, problems = validate_corpus(stack)
    for problem in problems:
        click.echo(str(problem), err=True)
    if corpus is None:
        click.echo(f"healthlint: {len(problems)} problem{'s' if len(problems) != 1 else ''} in the corpus", err=True)
        sys.exit(2)
    click.echo(f"corpus ok: {len(corpus.interventions)} interventions, {len(corpus.conditions)} conditions, "
               f"{len(corpus.evidence)} evidence rows, {len(corpus.status)} status rows, {len(corpus.caveats)} caveats, "
               f"{len(corpus.sources)} sources")


@corpus_group.command("show")
@click.argument("term")
@click.option("--corpus", "corpus_folders", multiple=True, type=click.Path(file_okay=False, path_type=str),
              help="Extra corpus folder stacked on the shipped one (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def corpus_show(term, corpus_folders, fmt):
    """What the corpus says about a name: exact, synonym, street name or misspelling (fuzzy)."""
    import json

    from .corpus import load_corpus
    from .corpus_tools import describe, find_names

    corpus = load_corpus(corpus_folders)
    matches = find_names(corpus, term)
    if not matches:
        click.echo(f"healthlint: nothing in the corpus matches '{term}'", err=True)
        sys.exit(1)
    described = [describe(corpus, m) for m in matches]
    if fmt == "json":
        click.echo(json.dumps(described, indent=2, ensure_ascii=False))
        return
    from .render.corpus import render_described

    render_described(described, sys.stdout)


@corpus_group.command("stale")
@click.option("--older-than", "older_than", default="12m", show_default=True,
              help="Age after which a row is due for review: 90d, 6w, 12m, 2y.")
@click.option("--corpus", "corpus_folders", multiple=True, type=click.Path(file_okay=False, path_type=str),
              help="Extra corpus folder stacked on the shipped one (repeatable).")
@click.option("--as-of", "as_of", default=None, help="Judge age as of this date (YYYY-MM-DD) instead of today.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def corpus_stale(older_than, corpus_folders, as_of, fmt):
    """List evidence, status and caveat rows last reviewed longer ago than --older-than (exit 1 if any)."""
    import json
    from datetime import date

    from .corpus import load_corpus
    from .corpus_tools import parse_age, stale_rows

    try:
        today = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise HealthlintError(f"--as-of: '{as_of}' is not a date (YYYY-MM-DD)") from None
    rows = stale_rows(load_corpus(corpus_folders), parse_age(older_than), today=today)
    if fmt == "json":
        click.echo(json.dumps([{"table": r.table, "id": r.id, "reviewed_on": r.reviewed_on.isoformat(), "folder": r.folder}
                               for r in rows], indent=2))
    else:
        for r in rows:
            click.echo(f"{r.reviewed_on.isoformat()}  {r.table:<9} {r.id}  ({r.folder})")
        click.echo(f"{len(rows)} row{'s' if len(rows) != 1 else ''} last reviewed more than {older_than} ago.")
    sys.exit(1 if rows else 0)


if __name__ == "__main__":
    main()
