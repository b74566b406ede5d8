"""`python -m nkexports check --github`: each problem becomes one GitHub Actions error annotation on
its file and line, and no value from the data can start another workflow command.

The lines are read back as the Actions runner reads a step's output (ActionCommand.TryParseV2 in
actions/runner): one command per line as .NET's ReadLine splits lines, the command and its
properties before the first `::` after the opening `::`, properties split at `,` and then at the
first `=`, and the runner's unescaping of `%0D`, `%0A`, `%3A`, `%2C` and `%25`.
"""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from nkexports.problems import Problem

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What .NET's String.Trim removes: Unicode white space (Python's str.isspace is the same set
# but for the separators U+001C..U+001F, which .NET keeps).
_NET_WHITESPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace() and not 0x1C <= c <= 0x1F)
_UNESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def _unescape(text: str, escapes=_UNESCAPES) -> str:
    for escaped, char in escapes:
        text = text.replace(escaped, char)
    return text


def runner_commands(output: str) -> list[tuple[str, dict, str]]:
    """The workflow commands the runner would run for `output`: (name, properties, message)."""
    commands = []
    for line in _LINE_BREAK.split(output):
        line = line.lstrip(_NET_WHITESPACE)
        if not line.startswith("::"):
            continue
        end = line.find("::", 2)
        if end < 0:
            continue
        info = line[2:end]
        name, _, listed = info.partition(" ")
        properties = {}
        for item in filter(None, listed.strip(_NET_WHITESPACE).split(",")):
            key, equals, value = item.partition("=")
            if key and equals and value:
                properties[key] = _unescape(value)
        data_escapes = tuple(e for e in _UNESCAPES if e[0] in ("%0D", "%0A", "%25"))
        commands.append((name, properties, _unescape(line[end + 2:], data_escapes)))
    return commands


# Text built from what a workflow command is made of, over-represented so that it meets itself.
command_syntax = st.text(alphabet=":,=%0ADCE3 \r\n\u2028\u0085\x1b[]error::warning", max_size=30)
values = st.one_of(st.text(), command_syntax)


@given(values, st.integers(min_value=1, max_value=10**6), values, values, values)
def test_a_problem_is_one_error_whatever_the_data_holds(path, line, where, what, fix):
    problem = Problem(path, line, where, what, fix)
    annotation = problem.annotation()
    assert _LINE_BREAK.search(annotation) is None
    # The runner drops a property with an empty value: a file that has no name gets no file property.
    expected = {"title": where or "(file)", "file": path, "line": str(line)}
    assert runner_commands(annotation) == [("error", {k: v for k, v in expected.items() if v}, str(problem))]


def test_check_github_puts_each_problem_on_its_line(fixture_copy):
    partner = fixture_copy / "partners" / "otherland.yaml"
    text = partner.read_text()
    partner.write_text(text.replace("sources: [example-2020-report]", 'sources: ["x\\n::warning::injected,%0A"]'))
    line = partner.read_text().splitlines().index('    sources: ["x\\n::warning::injected,%0A"]') + 1
    result = subprocess.run([sys.executable, "-m", "nkexports", "check", "--github", str(fixture_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    commands = runner_commands(result.stdout)
    assert len(commands) == len(result.stdout.splitlines()) >= 1
    assert {name for name, _, _ in commands} == {"error"}
    assert {(p["file"], p["line"]) for _, p, _ in commands} == {(str(partner), str(line))}
    assert all(message.startswith(f"{partner}:{line}: ") for _, _, message in commands)
