"""All parsed data files of one build, with the walks that several rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .kinds import KINDS, EntryList, Kind
from .yamlfile import YamlFile


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

    def readable(self, kind: str) -> bool:
        return not any(k.name == kind for k, _ in self.unreadable)

    def sources_readable(self) -> bool:
        return self.readable("sources")

    def ids(self, kind: str, key: str) -> set[str]:
        """The ids of the entries listed under `key` in files of `kind`."""
        return {entry.get("id") for doc in self.of(kind) for _, entry in doc.items(key)} - {None}

    def source_ids(self) -> set[str]:
        return self.ids("sources", "sources")

    def entries(self) -> Iterator[tuple[Doc, EntryList, tuple, dict]]:
        """Every entry of every entry list of every file, as registered in KINDS."""
        for registered in KINDS:
            for doc in self.of(registered.name):
                for entry_list in registered.entries:
                    for where, entry in doc.items(entry_list.key):
                        yield doc, entry_list, where, entry

    def sources(self) -> Iterator[tuple[Doc, tuple, dict]]:
        """Every source entry, with the file it is in and its place there."""
        for doc in self.of("sources"):
            for where, entry in doc.items("sources"):
                yield doc, where, entry

    def citing(self) -> Iterator[tuple[Doc, tuple, dict]]:
        """Every entry that carries `sources`: facts, series points, measures, claims, observations."""
        for doc, entry_list, where, entry in self.entries():
            if entry_list.cites:
                yield doc, where, entry
            for obs_where, observation in observations_in(where, entry):
                if "sources" in observation:
                    yield doc, obs_where, observation

    def observations(self) -> Iterator[tuple[Doc, tuple, dict]]:
        """Every observation written in a fact, with its path in the file."""
        for doc, _, where, entry in self.entries():
            for obs_where, observation in observations_in(where, entry):
                yield doc, obs_where, observation


def observations_in(where: tuple, entry: dict) -> Iterator[tuple[tuple, dict]]:
    listed = entry.get("observations")
    if isinstance(listed, list):
        for index, observation in enumerate(listed):
            if isinstance(observation, dict):
                yield where + ("observations", index), observation


def walk_strings(value, where: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, where + (index,))


def value_at(data, where: tuple):
    """The value at a path such as ('facts', 2, 'observations', 0)."""
    for part in where:
        data = data[part]
    return data
