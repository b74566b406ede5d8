"""`python -m nkexports check [DATA_DIR]`: validate the data as the build does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dataset import Dataset
from .load import check_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nkexports", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the data files and print a summary")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)

    docs, problems = check_data(args.data_dir)
    if problems:
        for problem in sorted(problems):
            print(problem)
        print(f"{len(problems)} problem(s) in {args.data_dir}/; nothing was built.", file=sys.stderr)
        return 1
    counts = Dataset.from_docs(docs).counts()
    summary = ", ".join(f"{number} {name}" for name, number in counts.items())
    print(f"ok: {len(docs.docs)} files, {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
