"""`python -m nkexports check [DATA_DIR]`: validate the data as the build does.
`python -m nkexports reference`: print the field reference generated from the schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import reference
from .dataset import Dataset
from .load import check_data


def check(data_dir: Path) -> int:
    docs, problems = check_data(data_dir)
    if problems:
        for problem in sorted(problems):
            print(problem)
        print(f"{len(problems)} problem(s) in {data_dir}/; nothing was built.", file=sys.stderr)
        return 1
    counts = Dataset.from_docs(docs).counts()
    summary = ", ".join(f"{number} {name}" for name, number in counts.items())
    print(f"ok: {len(docs.docs)} files, {summary}")
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
    reference_parser = commands.add_parser("reference", help="print the field reference generated from schemas/")
    reference_parser.add_argument("--write", metavar="FILE", type=Path,
                                  help=f"replace the text between {reference.START} and {reference.END} in FILE instead")
    args = parser.parse_args(argv)
    if args.command == "reference":
        return print_reference(args.write)
    return check(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
