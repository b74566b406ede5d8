"""`python -m nkexports check [DATA_DIR] [--github]`: validate the data as the build does.
`python -m nkexports diff BASE [HEAD]`: what a change to the data changes, as Markdown (and JSON).
`python -m nkexports reference`: print the field reference generated from the schemas.
`python -m nkexports editor-hints`: write each field's x-hint where editors show it, in schemas/.
`python -m nkexports stale [DATA_DIR] [--today YYYY-MM-DD]`: list series whose next figure is overdue.
`python -m nkexports releases --into DIR [--list]`: build each release's frozen copy that DIR lacks.
`python -m nkexports translations LANGUAGE [DATA_DIR]`: print the texts that edition shows in English.
`python -m nkexports catalog`: rewrite each language's catalog of the site's own words to the messages in use.

Exit codes: 0 done, 1 the data has problems, 2 the command could not run (a missing data
directory, an unknown commit, or an unexpected error, printed as one located line)."""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from . import editor_hints, freshness, reference, translations
from .catalog_extract import write_catalogs
from .datadiff import compare, read_state
from .dataset import Dataset
from .diff_summary import Summary
from .escape import json_text, log_text, workflow_command
from .failures import one_line
from .gitrefs import RefError, export_data
from .load import check_data
from .periods import period_label


COULD_NOT_RUN = 2
DATA_PROBLEMS = 1


def _no_folder(command: str, data_dir: Path) -> bool:
    """Says so, in one line, when the data directory is not a folder: the command cannot run."""
    if data_dir.is_dir():
        return False
    print(f"{command}: {log_text(data_dir)} is not a folder; run from the repository root or name the data "
          "directory", file=sys.stderr)
    return True


def check(data_dir: Path, github: bool = False) -> int:
    if _no_folder("check", data_dir):
        return COULD_NOT_RUN
    docs, problems = check_data(data_dir)
    if problems:
        for problem in sorted(problems):
            print(problem.annotation() if github else problem)
        print(f"{len(problems)} problem(s) in {log_text(data_dir)}/; nothing was built.", file=sys.stderr)
        return DATA_PROBLEMS
    counts = Dataset.from_docs(docs).counts()
    summary = ", ".join(f"{number} {name}" for name, number in counts.items())
    print(f"ok: {len(docs.docs)} files, {summary}")
    for language in translations.languages(data_dir):
        overlay = translations.read_overlay(docs, data_dir, language)
        for note in overlay.out_of_date:
            print(workflow_command("warning", {"file": note.path, "line": note.line}, str(note)) if github
                  else f"warning: {note}")
        total = len(overlay.current) + len(overlay.untranslated)
        print(f"{language}: {len(overlay.current)} of {total} texts translated; {len(overlay.out_of_date)} "
              "translation(s) out of date (the edition shows their English, marked)")
    return 0


def _valid_data(command: str, data_dir: Path):
    """The checked data, or the exit code of a command that cannot use it (said in one line)."""
    if _no_folder(command, data_dir):
        return COULD_NOT_RUN
    docs, problems = check_data(data_dir)
    if problems:
        print(f"{command}: the data has {len(problems)} problem(s); `make check` lists them", file=sys.stderr)
        return DATA_PROBLEMS
    return docs


def untranslated(data_dir: Path, language: str) -> int:
    """Each text the language's edition shows in English, as an entry to paste into its translation file."""
    docs = _valid_data("translations", data_dir)
    if isinstance(docs, int):
        return docs
    # A new language has no folder yet, so any code is accepted; but only a code, never a path.
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
        print(f"translations: {log_text(language)} is not a language code; write one such as ko or zh-Hans",
              file=sys.stderr)
        return COULD_NOT_RUN
    overlay = translations.read_overlay(docs, data_dir, language)
    sys.stdout.write(translations.entries_to_translate(overlay))
    print(f"{len(overlay.untranslated)} text(s) to translate into {log_text(language)}", file=sys.stderr)
    return 0


def stale(data_dir: Path, today: datetime.date) -> int:
    """Each series whose reporter's next figure is past due, with the reporter's usual delay; 0 when none."""
    docs = _valid_data("stale", data_dir)
    if isinstance(docs, int):
        return docs
    data = Dataset.from_docs(docs)
    late = freshness.overdue(data, today)
    for item in late:
        reporter = data.reporters[item.series.reporter]
        print(log_text(f"{item.series.file}: {item.series.id}: newest figure {period_label(item.newest)}; {reporter.name} "
                       f"publishes within {reporter.months_to_publish} month(s) of a period's end, so the figure "
                       f"for {item.awaited_label} was due by {item.due_label}"))
    print(f"{len(late)} series overdue on {today.isoformat()}" if late else f"no series overdue on {today.isoformat()}",
          file=sys.stderr)
    return DATA_PROBLEMS if late else 0


def diff(base: str, head: str | None, data_dir: Path, json_file: Path | None) -> int:
    """Markdown on standard output; the head is the working tree's data unless a commit is named."""
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if top.returncode != 0:
        print("diff: run inside the project's git repository", file=sys.stderr)
        return COULD_NOT_RUN
    repo = Path(top.stdout.strip())
    if not data_dir.resolve().is_relative_to(repo.resolve()):
        print(f"diff: {log_text(data_dir)} is outside the repository at {log_text(repo)}; name its data directory",
              file=sys.stderr)
        return COULD_NOT_RUN
    data_path = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    with tempfile.TemporaryDirectory(prefix="nkexports-diff-") as scratch:
        try:
            base_dir = export_data(repo, base, data_path, Path(scratch) / "base")
            head_dir = data_dir if head is None else export_data(repo, head, data_path, Path(scratch) / "head")
        except RefError as error:
            print(f"diff: {log_text(error)}", file=sys.stderr)
            return COULD_NOT_RUN
        result = compare(read_state(base_dir, data_path), read_state(head_dir, data_path),
                         base, head or "working tree")
    summary = Summary(result) if json_file is None else Summary(
        result, f"{json_file.name} (in a pull request's checks, the run's site-preview artifact holds it)")
    sys.stdout.write(summary.markdown())
    if json_file is not None:
        json_file.write_text(json_text(result.as_json(), indent=2) + "\n", encoding="utf-8")
    return DATA_PROBLEMS if result.problems else 0


def build_releases(into: Path, today: datetime.date, only_list: bool) -> int:
    from .release_build import ReleaseError, build_missing, releases  # runs MkDocs, which the other commands never need

    try:
        wanted = releases(Path.cwd(), today)
    except subprocess.CalledProcessError as error:
        print(f"releases: git could not list the releases: {log_text(one_line(error))}; run inside a git checkout",
              file=sys.stderr)
        return COULD_NOT_RUN
    if only_list:
        for release in wanted:
            print(f"{release.date} {release.commit}")
        return 0
    try:
        built = build_missing(Path.cwd(), wanted, into)
    except ReleaseError as error:
        print(f"releases: {log_text(error)}", file=sys.stderr)
        return COULD_NOT_RUN
    print(f"releases: {len(wanted)} release(s) in {log_text(into)}, {len(built)} built now"
          + "".join(f"; built {release.date}" for release in built))
    return 0


def print_reference(write: Path | None) -> int:
    generated = reference.render()
    if write is None:
        sys.stdout.write(generated)
        return 0
    text = write.read_text(encoding="utf-8")
    try:
        updated = reference.replace_section(text, generated)
    except ValueError as error:
        print(f"{write}: {error}", file=sys.stderr)
        return 1
    if updated != text:
        write.write_text(updated, encoding="utf-8")
        print(f"{write}: field reference updated")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nkexports", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate the data files and print a summary")
    check_parser.add_argument("data_dir", nargs="?", default="data", type=Path)
    check_parser.add_argument("--github", action="store_true",
                              help="write each problem as a GitHub Actions error on its file and line")
    diff_parser = commands.add_parser("diff", help="list the entries and pages a change to the data changes")
    diff_parser.add_argument("base", help="the commit to compare with, e.g. origin/main")
    diff_parser.add_argument("head", nargs="?", help="the changed commit; without it, the working tree")
    diff_parser.add_argument("--data", dest="data_dir", default="data", type=Path, help="the data directory")
    diff_parser.add_argument("--json", dest="json_file", metavar="FILE", type=Path,
                             help="also write the changes as JSON to FILE")
    reference_parser = commands.add_parser("reference", help="print the field reference generated from schemas/")
    reference_parser.add_argument("--write", metavar="FILE", type=Path,
                                  help=f"replace the text between {reference.START} and {reference.END} in FILE instead")
    commands.add_parser("editor-hints", help="write errorMessage and markdownDescription from x-hint in schemas/")
    stale_parser = commands.add_parser("stale", help="list series whose next figure is overdue")
    stale_parser.add_argument("data_dir", nargs="?", default="data", type=Path)
    stale_parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                              help="the day to judge by, YYYY-MM-DD (default: today)")
    releases_parser = commands.add_parser("releases", help="build the releases' frozen copies that a folder lacks")
    releases_parser.add_argument("--into", required=True, type=Path, metavar="DIR",
                                 help="the folder of frozen copies; each goes in DIR/<date>")
    releases_parser.add_argument("--list", action="store_true", help="only list the releases, date and commit")
    releases_parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                                 help="the day to judge by, YYYY-MM-DD (default: today)")
    commands.add_parser("catalog", help="rewrite each language's catalog of the site's words to the messages in use")
    translations_parser = commands.add_parser("translations", help="print the texts a language's edition shows in "
                                              "English, ready to translate")
    translations_parser.add_argument("language", help="the language's code, e.g. ko")
    translations_parser.add_argument("data_dir", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except Exception as error:  # anything else is a failure to run, said in one line
        print(f"{args.command}: could not run: {one_line(error)}", file=sys.stderr)
        return COULD_NOT_RUN


def _run(args: argparse.Namespace) -> int:
    if args.command == "editor-hints":
        for path in editor_hints.write():
            print(f"{path.name}: editor hints updated")
        return 0
    if args.command == "reference":
        return print_reference(args.write)
    if args.command == "diff":
        return diff(args.base, args.head, args.data_dir, args.json_file)
    if args.command == "stale":
        return stale(args.data_dir, args.today)
    if args.command == "releases":
        return build_releases(args.into, args.today, args.list)
    if args.command == "translations":
        return untranslated(args.data_dir, args.language)
    if args.command == "catalog":
        for path in write_catalogs():
            print(f"{path}: catalog updated")
        return 0
    return check(args.data_dir, args.github)


if __name__ == "__main__":
    sys.exit(main())
