"""JUnit XML for CI test-report viewers (GitLab, Jenkins, Azure): one ``<testsuite
name="healthlint">``; one ``<testcase classname="URI" name="RULE LINE:COL">`` per finding, with
a ``<failure message type="SEVERITY">`` holding the details; one passing testcase for a document
with no findings; an ``<error>`` for a document that could not be read.

Built with ElementTree, so text and attributes are escaped; characters XML 1.0 does not allow
(most C0 controls, lone surrogates, U+FFFE/U+FFFF) are removed first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text) -> str:
    return _NOT_XML.sub("", str(text))


def _details(finding) -> str:
    loc = finding.location
    lines = [f"{finding.uri}:{loc.line}:{loc.column}: {finding.severity.value} {finding.rule} {finding.name}",
             finding.message]
    if finding.claim:
        lines.append("claim: " + " ".join(finding.claim.split()))
    ev = finding.evidence
    if ev is not None:
        lines.append(f"evidence: {ev.id} is {ev.grade} (allows '{ev.max_strength}' wording; reviewed {ev.reviewed_on})")
        lines.extend(f"  source: {c.citation} {c.url}".rstrip() for c in ev.citations)
    for status in finding.status:
        lines.append(f"{status.jurisdiction}: {status.summary}")
    for suggestion in finding.suggestions:
        lines.append(f"suggested: {suggestion}")
    return "\n".join(lines)


def junit_tree(report) -> ET.Element:
    tests = failures = errors = 0
    suite = ET.Element("testsuite", name="healthlint")
    for document in report.documents:
        uri = xml_text(document.uri)
        if document.error:
            case = ET.SubElement(suite, "testcase", classname=uri, name="read")
            error = ET.SubElement(case, "error", message=xml_text(document.error), type="input-error")
            error.text = xml_text(document.error)
            tests += 1
            errors += 1
            continue
        if not document.findings:
            ET.SubElement(suite, "testcase", classname=uri, name="no findings")
            tests += 1
        for finding in document.findings:
            loc = finding.location
            case = ET.SubElement(suite, "testcase", classname=uri, name=f"{finding.rule} {loc.line}:{loc.column}")
            failure = ET.SubElement(case, "failure", message=xml_text(finding.message), type=finding.severity.value)
            failure.text = xml_text(_details(finding))
            tests += 1
            failures += 1
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", name="healthlint", **{k: v for k, v in counts.items() if k != "skipped"})
    root.append(suite)
    return root


def render_junit(report, stream) -> None:
    root = junit_tree(report)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
