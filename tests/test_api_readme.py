"""The README's Python API block runs as written, from the repository's root (it read a
`people.csv` the repository does not have, and diffed an `old_org` it never defined)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import orgviz

ROOT = Path(__file__).parents[1]


def _api_block() -> str:
    """The Python code under the README's `## Python API` heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Python API\n\n```python\n(.*?)^```\n", readme, re.M | re.S)
    assert found is not None
    return found.group(1)


def test_the_readme_s_python_api_block_runs_from_the_repository_root(tmp_path: Path) -> None:
    code = _api_block() + (
        "\nprint('teams:', [(t.id, t.lead) for t in again.org.teams][:1])"
        "\nprint('files:', sorted(p.name for p in out.iterdir()))\n")
    package = Path(orgviz.__file__).parents[1]  # (the tree under test: its src/)
    env = {**os.environ, "PYTHONPATH": str(package), "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    # (the CSV round trip gives back the teams whole: read from acme.teams.csv beside it)
    assert "teams: [('exec', 'priya-raman')]" in lines
    assert "files: ['acme.csv', 'acme.teams.csv', 'small.pptx']" in lines
