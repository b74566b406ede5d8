"""The topic registry: a fact's `topic` puts it under one heading of its page, in the order listed
here; the heading's words depend on the kind of page. The schemas' `topic` enum, the pages and the
guide's table all follow this one table."""

from __future__ import annotations

# (topic, heading, anchor): an anchor stays as it was first published when a heading's words change.
HEADINGS = {
    "category": (("overview", "What it is", "what-it-is"), ("figures", "Figures over time", "figures-over-time"),
                 ("partners", "Where it goes", "where-it-goes"),
                 # Not "Sanctions": the site's navigation has a page of that name, which a screen reader
                 # would list beside this section as two links of one name.
                 ("sanctions", "Sanctions that apply", "sanctions"),
                 ("uncertainty", "What is uncertain", "what-is-uncertain"), ("method", "Method", "method")),
    "partner": (("overview", "Overview", "overview"), ("figures", "Trade over time", "trade-over-time"),
                ("partners", "Main products", "main-products"),
                ("sanctions", "Measures that changed the trade", "measures-that-changed-the-trade"),
                ("uncertainty", "What is uncertain", "what-is-uncertain"), ("method", "Method", "method")),
    "topic": (("overview", "Overview", "overview"), ("method", "Method", "method"), ("figures", "Figures", "figures"),
              ("partners", "Partners", "partners"), ("sanctions", "Sanctions that apply", "sanctions"),
              ("uncertainty", "What is uncertain", "what-is-uncertain")),
}


def guide_table() -> list[str]:
    """Markdown rows: for each topic, the heading and its place on each kind of page."""
    kinds = list(HEADINGS)
    lines = ["| `topic` | " + " | ".join(f"Heading on a {kind} page" for kind in kinds) + " |",
             "| --- |" + " --- |" * len(kinds)]
    for topic, _, _ in HEADINGS["category"]:
        cells = []
        for kind in kinds:
            place, heading = next((n, words) for n, (name, words, _) in enumerate(HEADINGS[kind], 1) if name == topic)
            cells.append(f"{heading} (section {place})")
        lines.append(f"| `{topic}` | " + " | ".join(cells) + " |")
    return lines
