"""All parsed data files of one build, with the walks that several rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .layout import Kind
from .yamlfile import YamlFile

PAGE_KINDS = ("category", "partner", "topic")


@dataclass
class Doc:
    kind: Kind
    file: Path
    yaml: YamlFile

    @property
    def data(self) -> dict:
        return self.yaml.data

    def items(self, key: str) -> Iterator[tuple[tuple, dict]]:
        """Each mapping in the list under `key`, with its path in the file."""
        entries = self.data.get(key)
        if isinstance(entries, list):
            for index, entry in enumerate(entries):
                if isinstance(entry, dict):
                    yield (key, index), entry


@dataclass
class DocSet:
    docs: list[Doc]
    unreadable: list[tuple[Kind, Path]] = field(default_factory=list)

    def of(self, *kinds: str) -> list[Doc]:
        return [d for d in self.docs if d.kind.name in kinds]

    def slugs(self, kind: str) -> set[str]:
        """Slugs of a kind; a file that could not be read still counts, by its name, so that
        one broken file is reported once rather than once per page that links to it."""
        named = {path.stem for k, path in self.unreadable if k.name == kind}
        return ({d.data.get("slug") for d in self.of(kind)} | named) - {None}

    def sources_readable(self) -> bool:
        return not any(kind.name == "sources" for kind, _ in self.unreadable)

    def source_ids(self) -> set[str]:
        return {entry.get("id") for doc in self.of("sources") for _, entry in doc.items("sources")}

    def sources(self) -> Iterator[tuple[Doc, tuple, dict]]:
        """Every source entry, with the file it is in and its place there."""
        for doc in self.of("sources"):
            for where, entry in doc.items("sources"):
                yield doc, where, entry

    def citing(self) -> Iterator[tuple[Doc, tuple, dict]]:
        """Every entry that carries `sources`: facts, series points, measures and claims."""
        for doc in self.of(*PAGE_KINDS):
            for where, fact in doc.items("facts"):
                yield doc, where, fact
        for doc in self.of("series"):
            yield from ((doc, where, point) for where, point in doc.items("points"))
        for doc in self.of("measures"):
            yield from ((doc, where, measure) for where, measure in doc.items("measures"))
        for doc in self.of("claims"):
            yield from ((doc, where, claim) for where, claim in doc.items("claims"))


def walk_strings(value, where: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, where + (index,))
