"""The changes page as an Atom feed (RFC 4287), so a reader's feed reader shows new figures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .change_log import CommitLog
from .escape import xml_text

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(logs: list[CommitLog], site_name: str, page_url: str, feed_url: str,
              repo_url: str) -> str:
    ET.register_namespace("", ATOM)

    def add(parent, tag, text=None, **attributes):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attributes.items()})
        if text is not None:
            element.text = xml_text(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "title", f"{site_name}: changes to the figures")
    add(feed, "id", page_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url)
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "updated", logs[0].commit.date if logs else "1970-01-01T00:00:00Z")
    add(add(feed, "author"), "name", f"{site_name} contributors")
    for log in logs:
        entry = add(feed, "entry")
        count = len(log.commit.changes)
        add(entry, "title", f"{log.day}: {count} change{'s' if count != 1 else ''} to the data ({log.commit.short})")
        add(entry, "id", f"{repo_url}/commit/{log.commit.commit}")
        add(entry, "updated", log.commit.date)
        add(entry, "link", rel="alternate", type="text/html", href=f"{page_url}#revision-{log.commit.short}")
        lines = [f"{line.kind} {line.id}: {line.text}" for line in log.lines]
        if log.more:
            lines.append(f"… and {log.more} more.")
        add(entry, "summary", "\n".join([log.subject, *lines]), type="text")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)
