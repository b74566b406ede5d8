"""Synthetic fact bases N times the size of a real one, with the same shape.

Copy 0 is the real data as it is. Copies 1 .. N-1 clone every category, partner and series
under new slugs and ids (suffix `-x<k>`), with the sources they cite (new ids, distinct URLs)
and the observations they hold (their partners and products renamed with them, so that each
copy is its own set of quantities). A figure for all goods with every partner names nothing to
rename: in a fact it gets a place of the copy's own, and a series of such figures (total exports)
is not copied, since the data may hold each figure once.
Each copy refers only to itself, so the result passes `python -m nkexports check`.
Each sanctions measure also gets, per copy, the effects it has on the real categories, pointed
at the cloned categories, so a cloned category page shows the same sanctions status.
Topics, claims, measures, indicators and reporters are not multiplied: they are one page or one
vocabulary each, and the single files that hold claims and measures would pass the 1 MB limit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from nkexports.dataset import series_point_id
from nkexports.rules.known_references import PARTNER_WORDS, PRODUCT_WORDS
from nkexports.statements import PLACEHOLDER, PLAIN_PREFIX
from nkexports.yamlfile import plain_reads_as_text, read_yaml

MAX_ID = 80  # common.schema.json#/$defs/id
SCOPE_WORDS = set(PARTNER_WORDS) | set(PRODUCT_WORDS)  # world, all-goods...: the same in every copy


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes every value out in full (the reader refuses anchors and aliases, and copies share
    lists), and quotes text that YAML 1.2, as the reader reads it, would take for a number."""

    def ignore_aliases(self, data) -> bool:
        return True

    def represent_str(self, data):
        node = super().represent_str(data)
        if node.style is None and not plain_reads_as_text(data):
            node.style = "'"
        return node


_Dumper.add_representer(str, _Dumper.represent_str)


def _read(path: Path) -> dict:
    parsed, problems = read_yaml(path, str(path))
    if parsed is None or problems:
        raise SystemExit(f"cannot read {path}: {problems}")
    return parsed.data


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110),
                    encoding="utf-8")


class _Copy:
    def __init__(self, k: int, derived_ids: dict[str, tuple[str, str]], fact_pages: dict[str, str]):
        self.k = k
        self.suffix = f"-x{k}"
        self.cited: set[str] = set()
        self.fact_ids = {ident: self._fact_id(ident, slug) for ident, slug in fact_pages.items()}
        # A point of a series that is not copied keeps its id: the copy's facts refer to the original.
        self.derived = {ident: ident if parent is None else f"{self.fact_ids.get(parent) or self.id(parent)}-{tail}"
                        for ident, (parent, tail) in derived_ids.items()}

    def _fact_id(self, ident: str, slug: str) -> str:
        """A fact id starts with its page's slug (a rule): the copy's starts with the copy's slug."""
        rest = ident[len(slug):]
        return (self.id(slug) + rest)[:MAX_ID].rstrip("-")

    def id(self, ident: str) -> str:
        base = ident[: MAX_ID - len(self.suffix)].rstrip("-")
        return base + self.suffix

    def ids(self, idents: list[str]) -> list[str]:
        return [self.id(i) for i in idents]

    def cite(self, sources: list[str]) -> list[str]:
        renamed = self.ids(sources)
        self.cited.update(renamed)
        return renamed

    def title(self, title: str) -> str:
        return f"{title} {self.k}"

    def fact(self, fact: dict) -> dict:
        statement = PLACEHOLDER.sub(lambda m: m.group(0) if m.group(1).startswith(PLAIN_PREFIX)
                                    else f"[[{self.observation_id(m.group(1))}]]", fact["statement"])
        out = dict(fact, id=self.fact_ids[fact["id"]], statement=statement, sources=self.cite(fact["sources"]))
        for key in ("partners", "categories"):
            if key in fact:
                out[key] = self.ids(fact[key])
        if "observations" in fact:
            out["observations"] = [self.observation(o) for o in fact["observations"]]
        return out

    def observation(self, entry: dict) -> dict:
        """Renamed partner and product; ids and the figures they differ from follow the copy."""
        out = dict(entry)
        for key in ("partner", "product"):
            if key in entry and entry[key] not in SCOPE_WORDS:
                out[key] = self.id(entry[key])
        if entry.get("partner") in SCOPE_WORDS and entry.get("product", "all-goods") in SCOPE_WORDS:
            # A figure for all goods or all partners names nothing the copy renames: a place of its
            # own makes it the copy's own quantity, not a second copy of the real figure.
            out["place"] = f"{entry['place']} (copy {self.k})" if "place" in entry else f"copy {self.k}"
        if "sources" in entry:
            out["sources"] = self.cite(entry["sources"])
        if "id" in entry:
            out["id"] = self.id(entry["id"])
        if "differs_from" in entry:
            out["differs_from"] = self.observation_id(entry["differs_from"])
        return out

    def observation_id(self, ident: str) -> str:
        """A figure's id in the copy: an explicit id gets the suffix; a series point's derived one
        (<series id>-<period>) is derived again from the renamed series."""
        return self.derived.get(ident, self.id(ident))

    def page(self, data: dict) -> dict:
        return dict(data, slug=self.id(data["slug"]), title=self.title(data["title"]),
                    facts=[self.fact(f) for f in data["facts"]])

    def series(self, data: dict) -> dict:
        out = dict(data, id=self.id(data["id"]), title=self.title(data["title"]),
                   points=[self.observation(p) for p in data["points"]])
        for key in ("partner", "product"):
            if key in data and data[key] not in SCOPE_WORDS:
                out[key] = self.id(data[key])
        return out

    def source(self, entry: dict) -> dict:
        """A distinct address on a host of its own: the rules that know publishers' hosts (and the
        exceptions listed by source id) apply to the real sources, not to their clones."""
        address = entry["url"].split("://", 1)[1]
        return dict(entry, id=self.id(entry["id"]), url=f"https://copy-{self.k}.bench.example/{address}")


def renames_nothing(series: dict) -> bool:
    """A series of all goods traded with every partner: a copy would be the same figures again, which
    the data may hold only once, so it is not copied (like a topic, it is one quantity)."""
    return all(series.get(key) in SCOPE_WORDS for key in ("partner", "product"))


def _derived_ids(series: dict) -> dict[str, tuple[str | None, str]]:
    """Each series point id the loader derives (series id + period) -> (series id, tail), the series
    None where it is not copied. A fact's figures have ids of their own, which the copy suffixes."""
    found = {}
    for data in series.values():
        for point in data["points"]:
            ident = series_point_id(data["id"], point)
            found[ident] = (None if renames_nothing(data) else data["id"], ident[len(data["id"]) + 1:])
    return found


def generate(src: Path, dest: Path, factor: int) -> Path:
    """Write data `factor` times the size of `src` into `dest` (replaced if present)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    pages = {kind: {p.stem: _read(p) for p in sorted((src / kind).glob("*.yaml"))} for kind in ("categories", "partners")}
    series = {p.stem: _read(p) for p in sorted((src / "series").glob("*.yaml"))}
    sources = {p.stem: _read(p) for p in sorted((src / "sources").glob("*.yaml"))}
    measures_path = dest / "measures.yaml"
    measures = _read(measures_path) if measures_path.exists() else None
    original_effects = [list(m["effects"]) for m in measures["measures"]] if measures else []
    derived = _derived_ids(series)
    fact_pages = {fact["id"]: data["slug"] for files in pages.values() for data in files.values() for fact in data["facts"]}
    for k in range(1, factor):
        copy = _Copy(k, derived, fact_pages)
        for kind, files in pages.items():
            for data in files.values():
                clone = copy.page(data)
                _write(dest / kind / f"{clone['slug']}.yaml", clone)
        for data in series.values():
            if renames_nothing(data):
                continue
            clone = copy.series(data)
            _write(dest / "series" / f"{clone['id']}.yaml", clone)
        for stem, data in sources.items():
            entries = [copy.source(e) for e in data["sources"] if copy.id(e["id"]) in copy.cited]
            if entries:
                _write(dest / "sources" / f"{stem}{copy.suffix}.yaml", {"sources": entries})
        if measures:
            for measure, effects in zip(measures["measures"], original_effects):
                measure["effects"].extend(dict(e, category=copy.id(e["category"])) for e in effects)
    if measures and factor > 1:
        _write(measures_path, measures)
    return dest


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("src", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("factor", type=int)
    args = parser.parse_args()
    print(generate(args.src, args.dest, args.factor))
