"""The one shape every validation finding takes, so the CLI and the build report alike."""

from __future__ import annotations

from dataclasses import dataclass

from .escape import log_text, workflow_command


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    where: str
    what: str
    fix: str

    def __str__(self) -> str:
        where = self.where or "(file)"
        # Messages quote values from the data; printed raw, a line break in one could start a
        # CI workflow command and an escape sequence could rewrite the terminal.
        return log_text(f"{self.path}:{self.line}: {where}: {self.what}; {self.fix}")

    def annotation(self) -> str:
        """The message as a GitHub Actions error, which the pull request shows on the file's line."""
        return workflow_command("error", {"title": self.where or "(file)", "file": self.path, "line": self.line},
                                str(self))


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def dotted(path: tuple) -> str:
    """('facts', 2, 'sources', 0) -> 'facts[2].sources[0]'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
