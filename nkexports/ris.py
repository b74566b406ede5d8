"""An RIS record for a cited work, the format EndNote, Zotero, Mendeley and RefWorks all import.

RIS is one `TAG  - value` per line, so every value is folded onto one line: no value can start
a line of its own, and so none can add a field or end the record. The author is written
without a comma: RIS reads "Surname, Given names", and a name with no comma is kept whole, as
an organisation.
"""

from __future__ import annotations

from .citation import ACCESSED, AUTHOR, LANGUAGE, CitedWork, DateForm, fold

ACCESS_DATE = DateForm("Y2  - {year}/{month}/{day2}\n", tuple(f"{m:02d}" for m in range(1, 13)))


def record(work: CitedWork) -> str:
    """One record, with the access date where ACCESSED stands."""
    year, month, day = work.date.split("-")
    lines = [("TY", "ELEC"), ("AU", AUTHOR), ("TI", work.title), ("T2", work.site_name),
             ("PY", year), ("DA", f"{year}/{month}/{day}"), ("UR", work.url), ("LA", LANGUAGE)]
    if work.revision:
        lines.append(("ET", f"Revision {work.revision}"))
    if work.primary_source:
        lines.append(("N1", f"Primary source: {work.primary_source}"))
    if work.live_url:
        lines.append(("N1", f"Live page: {work.live_url}"))
    body = "".join(f"{tag}  - {fold(value)}\n" for tag, value in lines)
    return f"{body}{ACCESSED}ER  - "
