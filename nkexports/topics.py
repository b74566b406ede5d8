"""The topic registry: a fact's `topic` puts it under one heading of its page, in the order listed
here; the heading's words depend on the kind of page. The schemas' `topic` enum, the pages and the
guide's table all follow this one table."""

from __future__ import annotations

from .catalog import message

# (topic, heading, anchor): an anchor stays as it was first published when a heading's words change.
HEADINGS = {
    "category": (("overview", message("What it is"), "what-it-is"), ("figures", message("Figures over time"), "figures-over-time"),
                 ("partners", message("Where it goes"), "where-it-goes"),
                 # Not "Sanctions": the site's navigation has a page of that name, which a screen reader
                 # would list beside this section as two links of one name.
                 ("sanctions", message("Sanctions that apply"), "sanctions"),
                 ("uncertainty", message("What is uncertain"), "what-is-uncertain"), ("method", message("Method"), "method")),
    "partner": (("overview", message("Overview"), "overview"), ("figures", message("Trade over time"), "trade-over-time"),
                ("partners", message("Main products"), "main-products"),
                ("sanctions", message("Measures that changed the trade"), "measures-that-changed-the-trade"),
                ("uncertainty", message("What is uncertain"), "what-is-uncertain"), ("method", message("Method"), "method")),
    "topic": (("overview", message("Overview"), "overview"), ("method", message("Method"), "method"), ("figures", message("Figures"), "figures"),
              ("partners", message("Partners"), "partners"), ("sanctions", message("Sanctions that apply"), "sanctions"),
              ("uncertainty", message("What is uncertain"), "what-is-uncertain")),
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
