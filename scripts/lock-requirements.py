"""Write requirements.lock, requirements-test.lock, requirements-compat.lock and requirements-cff.lock:
every pin of the matching requirements file (with the files it includes), each with the SHA-256 of the file that pip
installs from PyPI on Linux x86-64 with Python 3.11, for `pip install --require-hashes`.

Usage: python scripts/lock-requirements.py (run it after changing a requirements file; the tests
fail while a lock disagrees with its requirements file). Needs PyPI: pip checks every file it
downloads against the hash PyPI publishes, so the hashes written are PyPI's.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"requirements.txt": "requirements.lock", "requirements-test.txt": "requirements-test.lock", "requirements-compat.txt": "requirements-compat.lock",
         "requirements-cff.txt": "requirements-cff.lock"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> version of every pin in `path` and the files it includes with -r."""
    found: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif match := PIN.match(line):
            found[normalized(match.group(1))] = match.group(2)
    return found


def _file_name_and_version(file: Path) -> tuple[str, str]:
    stem = file.name.removesuffix(".tar.gz").removesuffix(".zip").removesuffix(".whl")
    name, version = stem.split("-")[:2]
    return normalized(name), version


def hashes(requirements: dict[str, str]) -> dict[str, str]:
    # PyPI only, whatever index or local wheels this machine's pip is set up with.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", folder,
                        "--index-url", "https://pypi.org/simple/",
                        *(f"{name}=={version}" for name, version in sorted(requirements.items()))],
                       env=env, check=True)
        found = {}
        for file in Path(folder).iterdir():
            name, version = _file_name_and_version(file)
            assert requirements.get(name) == version, f"unexpected download {file.name}"
            found[name] = hashlib.sha256(file.read_bytes()).hexdigest()
    missing = set(requirements) - set(found)
    assert not missing, f"no file downloaded for {sorted(missing)}"
    return found


def main() -> int:
    for source, lock in LOCKS.items():
        requirements = pins(ROOT / source)
        sums = hashes(requirements)
        lines = [f"# Generated from {source} by scripts/lock-requirements.py; do not edit.",
                 "# Installed with pip install --require-hashes: each file must be the one PyPI published."]
        lines += [f"{name}=={version} \\\n    --hash=sha256:{sums[name]}" for name, version in sorted(requirements.items())]
        (ROOT / lock).write_text("\n".join(lines) + "\n")
        print(f"{lock}: {len(requirements)} pins")
    return 0


if __name__ == "__main__":
    sys.exit(main())
