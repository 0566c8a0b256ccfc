"""A self-contained HTML report for people: a header with the counts; per document its findings
as cards (location, severity, rule, message, the claim with the flagged words marked, the
evidence row behind it, the suggested wording, the status per jurisdiction), the sources the
cards cite, and a table of the claims found.

Everything that comes from a page, a file name, the corpus or a rule is untrusted text and goes
through :func:`esc` (``html.escape``, quotes included); a URL becomes a link only when it starts
with ``http://`` or ``https://``. The page carries a Content-Security-Policy that allows inline
CSS and nothing else: no scripts, no remote loads, no forms. No template engine: strings are
built here.
"""

from __future__ import annotations

import html
import re

from .footnotes import Footnotes

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
CLAIM_CHARS = 600
# Control characters other than tab and newline have no business in a report (and some are
# not allowed in HTML at all): they are shown as \xNN.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

CSS = """
:root { color-scheme: light dark; --fg:#1d1d1f; --bg:#fff; --muted:#5f6368; --card:#f7f7f8; --line:#dadce0;
  --error:#b3261e; --warning:#8a5a00; --info:#0b57d0; --mark:#ffe58a; }
@media (prefers-color-scheme: dark) { :root { --fg:#e8eaed; --bg:#17181a; --muted:#a0a4a8; --card:#222326;
  --line:#3c4043; --error:#f28b82; --warning:#fdd663; --info:#8ab4f8; --mark:#6b5900; } }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; } h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem;
  border-bottom: 1px solid var(--line); padding-bottom: .3rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; } h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
code, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.counts span { margin-right: .8rem; white-space: nowrap; }
.badge { display: inline-block; border-radius: .3rem; padding: 0 .45rem; font-size: .8rem; font-weight: 600;
  text-transform: uppercase; color: var(--bg); }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.finding { background: var(--card); border: 1px solid var(--line); border-left: .35rem solid var(--line);
  border-radius: .4rem; padding: .7rem 1rem; margin: .8rem 0; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.loc { color: var(--muted); overflow-wrap: anywhere; }
.message { font-weight: 600; margin: .4rem 0; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; border-left: 3px solid var(--line); white-space: pre-wrap;
  overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
.evidence, .suggestion { border: 1px solid var(--line); border-radius: .3rem; padding: .4rem .8rem; margin: .5rem 0;
  background: var(--bg); }
.suggestion { border-style: dashed; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: var(--card); }
.note, .muted { color: var(--muted); } .doc-error { color: var(--error); font-weight: 600; }
a { color: var(--info); overflow-wrap: anywhere; }
ol.sources li { margin: .2rem 0; }
"""


def esc(value) -> str:
    """Escape any value for HTML text or a quoted attribute; control characters shown as \\xNN."""
    text = "" if value is None else str(value)
    text = _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return html.escape(text, quote=True)


def link(url: str, label: str | None = None) -> str:
    """A link for http(s) URLs; anything else (javascript:, data:, relative) is plain text."""
    shown = esc(label if label is not None else url)
    if re.match(r"https?://", url or "", re.IGNORECASE) and not _CONTROLS.search(url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{shown}</a>'
    return shown


def _clip(text: str, limit: int = CLAIM_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Sources(Footnotes):
    """Footnotes as links to the document's list of sources."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def marks(self, citations) -> str:
        return "".join(f'<a href="#{self.prefix}-src-{n}" title="{esc(c.citation)}">[{n}]</a>'
                       for c in citations for n in (self.number(c),))


def highlight(claim: str, words: str, offset: int | None = None) -> str:
    """The claim, escaped, with the finding's words in <mark> (at ``offset`` when it matches,
    else their first occurrence; unmarked when they are not in the claim)."""
    start = None
    if words:
        if offset is not None and 0 <= offset and claim[offset:offset + len(words)] == words:
            start = offset
        else:
            found = claim.find(words)
            if found < 0:
                found = claim.lower().find(words.lower())
            start = found if found >= 0 else None
    if start is None:
        return esc(_clip(claim))
    end = start + len(words)
    before, marked, after = claim[:start], claim[start:end], claim[end:]
    if len(before) > CLAIM_CHARS // 2:
        before = "…" + before[-(CLAIM_CHARS // 2):]
    if len(after) > CLAIM_CHARS // 2:
        after = after[: CLAIM_CHARS // 2] + "…"
    return f"{esc(before)}<mark>{esc(marked)}</mark>{esc(after)}"


def _claim_offset(finding, document) -> int | None:
    for claim in document.claims:
        if claim.text == finding.claim and claim.location.start <= finding.location.start <= claim.location.end:
            return finding.location.start - claim.location.start
    return None


def _finding(finding, document, sources: _Sources, anchor: str) -> str:
    loc = finding.location
    sev = finding.severity.value
    parts = [f'<article class="finding {esc(sev)}" id="{anchor}">',
             "<header>",
             f'<span class="badge {esc(sev)}">{esc(sev)}</span>',
             f"<code>{esc(finding.rule)}</code> <span>{esc(finding.name)}</span>",
             f'<span class="loc">{esc(finding.uri)}:{loc.line}:{loc.column}</span>',
             "</header>",
             f'<p class="message">{esc(finding.message)}</p>']
    if finding.claim:
        parts.append(f"<blockquote>{highlight(finding.claim, finding.text, _claim_offset(finding, document))}</blockquote>")
    elif finding.text:
        parts.append(f'<p class="note">Flagged words: <mark>{esc(_clip(finding.text))}</mark> '
                     f"(line {loc.line}, column {loc.column})</p>")
    for note, related in finding.related:
        parts.append(f'<p class="note">{esc(note)} at line {related.line}, column {related.column}</p>')
    ev = finding.evidence
    if ev is not None:
        parts += ['<div class="evidence">',
                  f"<h4>Evidence: <code>{esc(ev.id)}</code> {sources.marks(ev.citations)}</h4>",
                  "<dl>",
                  f"<dt>Grade</dt><dd>{esc(ev.grade)}</dd>",
                  f"<dt>Strongest wording allowed</dt><dd>{esc(ev.max_strength)}</dd>",
                  f"<dt>Reviewed</dt><dd>{esc(ev.reviewed_on)}</dd>",
                  f"<dt>Summary</dt><dd>{esc(ev.summary)}</dd>",
                  "</dl>",
                  "</div>"]
    if finding.suggestions:
        parts.append('<div class="suggestion"><h4>Suggested wording</h4>')
        for suggestion in finding.suggestions:
            parts.append(f"<p>{esc(suggestion)} {sources.marks(finding.citations)}</p>")
        parts.append("</div>")
    if finding.status:
        parts += ["<h4>Status by jurisdiction</h4>", "<table>",
                  "<tr><th>Jurisdiction</th><th>Approval</th><th>Controlled</th><th>Status</th><th>Effective</th>"
                  "<th>Reviewed</th></tr>"]
        for status in finding.status:
            controlled = f"yes ({status.schedule})" if status.controlled and status.schedule else (
                "yes" if status.controlled else "no")
            parts.append(f"<tr><td>{esc(status.jurisdiction)}</td><td>{esc(status.approval)}</td>"
                         f"<td>{esc(controlled)}</td><td>{esc(status.summary)} {sources.marks(status.citations)}</td>"
                         f"<td>{esc(status.effective or '')}</td><td>{esc(status.reviewed_on)}</td></tr>")
        parts.append("</table>")
    parts.append("</article>")
    return "\n".join(parts)


def _verified(citation) -> str:
    if citation.verified == "yes":
        return ""
    if citation.verified == "secondary":
        return ' <span class="muted">(read via a secondary copy)</span>'
    return ' <span class="muted">(unverified)</span>'


def _sources(sources: _Sources) -> str:
    if not sources.citations:
        return ""
    items = [f'<li id="{sources.prefix}-src-{sources.numbers[c.id]}">{esc(c.citation)} '
             f"{link(c.url) if c.url else ''}{_verified(c)}</li>" for c in sources.citations]
    return "\n".join(["<h3>Sources</h3>", '<ol class="sources">', *items, "</ol>"])


def _claims(document, anchors: dict) -> str:
    if not document.claims:
        return ""
    rows = ["<h3>Claims found</h3>", "<table>",
            "<tr><th>Line:col</th><th>Claim</th><th>Intervention</th><th>Condition</th><th>Strength</th>"
            "<th>Qualifiers</th><th>Findings</th></tr>"]
    for claim in document.claims:
        loc = claim.location
        intervention = (claim.intervention or "–") + (" (inherited)" if claim.intervention_inherited else "")
        condition = (claim.condition or "–") + (" (inherited)" if claim.condition_inherited else "")
        flagged = [f'<a href="#{anchor}">{esc(rule)}</a>' for rule, anchor in anchors.get(claim.text, ())]
        rows.append(f"<tr><td>{loc.line}:{loc.column}</td><td>{esc(_clip(claim.text))}</td><td>{esc(intervention)}</td>"
                    f"<td>{esc(condition)}</td><td>{esc(claim.strength)}</td><td>{esc(', '.join(claim.qualifiers))}</td>"
                    f"<td>{' '.join(flagged)}</td></tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _document(document, number: int) -> str:
    prefix = f"doc{number}"
    parts = [f'<section class="document" id="{prefix}">', f"<h2>{esc(document.uri)}</h2>"]
    if document.error:
        parts.append(f'<p class="doc-error">Could not be read: {esc(document.error)}</p>')
        parts.append("</section>")
        return "\n".join(parts)
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in document.findings:
        counts[finding.severity.value] += 1
    parts.append(f'<p class="muted">{len(document.findings)} findings ({counts["error"]} errors, '
                 f'{counts["warning"]} warnings, {counts["info"]} info); {len(document.claims)} claims.</p>')
    if not document.findings:
        parts.append("<p>No findings.</p>")
    sources = _Sources(prefix)
    anchors: dict = {}
    for i, finding in enumerate(document.findings, start=1):
        anchor = f"{prefix}-f{i}"
        anchors.setdefault(finding.claim, []).append((finding.rule, anchor))
        parts.append(_finding(finding, document, sources, anchor))
    parts.append(_sources(sources))
    parts.append(_claims(document, anchors))
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def render_html(report, stream, *, title: str = "healthlint report") -> None:
    from .. import __version__

    counts = report.counts()
    documents = len(report.documents)
    failed = sum(1 for d in report.documents if d.error)
    claims = sum(len(d.claims) for d in report.documents)
    out = ["<!DOCTYPE html>",
           '<html lang="en">',
           "<head>",
           '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
           '<meta name="referrer" content="no-referrer">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)}</title>",
           f"<style>{CSS}</style>",
           "</head>",
           "<body>",
           "<header>",
           f"<h1>{esc(title)}</h1>",
           '<p class="counts">'
           f"<span><strong>{len(report.findings)}</strong> findings</span>"
           f'<span><span class="badge error">error</span> {counts["error"]}</span>'
           f'<span><span class="badge warning">warning</span> {counts["warning"]}</span>'
           f'<span><span class="badge info">info</span> {counts["info"]}</span>'
           f"<span>{documents} document{'s' if documents != 1 else ''}</span>"
           f"<span>{claims} claims checked</span>"
           + (f'<span class="doc-error">{failed} could not be read</span>' if failed else "")
           + "</p>",
           f'<p class="muted">healthlint {esc(__version__)}. Evidence grades and sources come from the healthlint '
           "corpus; each card shows when its row was last reviewed.</p>",
           "</header>"]
    if documents > 1:
        out.append("<nav><h3>Documents</h3><ul>")
        for i, document in enumerate(report.documents, start=1):
            note = "could not be read" if document.error else f"{len(document.findings)} findings"
            out.append(f'<li><a href="#doc{i}">{esc(document.uri)}</a> <span class="muted">({note})</span></li>')
        out.append("</ul></nav>")
    out.append("<main>")
    for i, document in enumerate(report.documents, start=1):
        out.append(_document(document, i))
    out += ["</main>", "</body>", "</html>"]
    stream.write("\n".join(out) + "\n")
