"""The reader reads plain values as editors do: YAML 1.2, as the `yaml` package that
yaml-language-server parses with. PyYAML alone follows YAML 1.1, where `yes`, `no`, `on` and `off`
are booleans and `010` is eight, so an editor and `make check` would disagree about a file."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpers import ROOT, problems_in
from nkexports.yamlfile import plain_reads_as_text, read_yaml

PLAIN_VALUES = ["yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "true", "True", "FALSE", "010", "007",
                "1_000", "1:20", "190:20:30.15", "1e3", "0x1F", "0o17", ".5", "1.", "+12", "-3", "0b101",
                "2024-01-15", "~", "null", "1.5", "Norway", "12 tonnes"]


def _typed(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value if value is None or isinstance(value, str) else ("boolean", value)
    return ("number", float(value))


def test_plain_values_read_as_the_editors_parser_reads_them(tmp_path):
    node = shutil.which("node")
    assert node, "node is missing: run `make test`, which installs it with the npm packages"
    script = ("const yaml = require('yaml'); const fs = require('fs');"
              "console.log(JSON.stringify(yaml.parse(fs.readFileSync(0, 'utf8'))));")
    text = "".join(f"v{n}: {value}\n" for n, value in enumerate(PLAIN_VALUES))
    editor = subprocess.run([node, "-e", script], input=text, cwd=ROOT, capture_output=True, text=True, check=True)
    path = tmp_path / "values.yaml"
    path.write_text(text)
    parsed, problems = read_yaml(path, "values.yaml")
    assert problems == []
    ours = {key: _typed(value) for key, value in parsed.data.items()}
    theirs = {key: _typed(value) for key, value in json.loads(editor.stdout).items()}
    assert ours == theirs


@pytest.mark.parametrize("word", ["yes", "on"])
def test_yes_where_true_belongs_is_an_error_in_check_as_in_the_editor(fixture_copy, word):
    path = fixture_copy / "categories" / "test-ore.yaml"
    path.write_text(path.read_text().replace("headline: true", f"headline: {word}"))
    [problem] = problems_in(fixture_copy)
    assert problem.startswith(f"data/categories/test-ore.yaml:15: facts[1].headline: expected true or false, "
                              f"found text '{word}'; ")


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_a_writer_knows_which_plain_values_read_back_as_text(tmp_path, value):
    path = tmp_path / "value.yaml"
    path.write_text(f"v: {value}\n")
    parsed, problems = read_yaml(path, "value.yaml")
    assert problems == []
    read_back = parsed.data["v"]
    if read_back is None or isinstance(read_back, (int, float, bool)):
        assert not plain_reads_as_text(value)
    elif read_back == value:
        assert plain_reads_as_text(value)
