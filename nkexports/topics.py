"""The topic registry: a fact's `topic` puts it under one heading of its page, in the order listed
here; the heading's words depend on the kind of page. The schemas' `topic` enum, the pages and the
guide's table all follow this one table."""

from __future__ import annotations

HEADINGS = {
    "category": (("overview", "What it is"), ("figures", "Figures over time"), ("partners", "Where it goes"),
                 ("sanctions", "Sanctions"), ("uncertainty", "What is uncertain"), ("method", "Method")),
    "partner": (("overview", "Overview"), ("figures", "Trade over time"), ("partners", "Main products"),
                ("sanctions", "Measures that changed the trade"), ("uncertainty", "What is uncertain"),
                ("method", "Method")),
    "topic": (("overview", "Overview"), ("method", "Method"), ("figures", "Figures"), ("partners", "Partners"),
              ("sanctions", "Sanctions"), ("uncertainty", "What is uncertain")),
}


def guide_table() -> list[str]:
    """Markdown rows: for each topic, the heading and its place on each kind of page."""
    kinds = list(HEADINGS)
    lines = ["| `topic` | " + " | ".join(f"Heading on a {kind} page" for kind in kinds) + " |",
             "| --- |" + " --- |" * len(kinds)]
    for topic, _ in HEADINGS["category"]:
        cells = []
        for kind in kinds:
            place, heading = next((n, words) for n, (name, words) in enumerate(HEADINGS[kind], 1) if name == topic)
            cells.append(f"{heading} (section {place})")
        lines.append(f"| `{topic}` | " + " | ".join(cells) + " |")
    return lines
