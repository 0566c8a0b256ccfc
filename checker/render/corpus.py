"""Text rendering of ``healthlint corpus show``."""

from __future__ import annotations

from .text import make_console, say


def render_described(described: list[dict], stream) -> None:
    console = make_console(stream, color=None, width=None)
    for item in described:
        how = "" if item["score"] == 100 else f" (matched '{item['matched']}', score {item['score']})"
        if item["kind"] == "intervention":
            say(console, f"{item['name']} [intervention {item['id']}, {item['class'] or 'no class'}]{how}", "bold")
            say(console, f"  names: {', '.join(item['names']) or '-'}")
            if item["street_names"]:
                say(console, f"  street names: {', '.join(item['street_names'])}")
            if item["common_words"]:
                say(console, f"  common words: {', '.join(item['common_words'])}")
            if item["misspellings"]:
                say(console, f"  misspellings: {', '.join(item['misspellings'])}")
        else:
            serious = "serious" if item["serious"] else "not marked serious"
            say(console, f"{item['name']} [condition {item['id']}, {serious}{', ' + item['xref'] if item['xref'] else ''}]{how}", "bold")
            say(console, f"  synonyms: {', '.join(item['synonyms']) or '-'}")
            if item["parent"]:
                say(console, f"  broader: {item['parent']}")
        for ev in item["evidence"]:
            supports = ", ".join(ev["supports"]) or "none"
            say(console, f"  evidence {ev['id']}: {ev['grade']}; wording up to '{ev['max_strength']}'; supports {supports}; reviewed {ev['reviewed_on']}")
            say(console, f"    {ev['summary']}")
            for src in ev["sources"]:
                say(console, f"    - {src['citation']} {src['url']} (verified: {src['verified']})")
        for st in item.get("status", []):
            say(console, f"  status {st['jurisdiction']}: {st['approval']}{', controlled' if st['controlled'] else ''}"
                         f"{' (' + st['schedule'] + ')' if st['schedule'] else ''}: {st['summary']}")
        for cv in item.get("caveats", []):
            say(console, f"  caveat {cv['kind']}: {cv['wording']}")
        console.print()
