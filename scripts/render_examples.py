#!/usr/bin/env python3
"""Regenerate output/: the SVG and PNG of every org in orgs/, and of their role ladders.

    python scripts/render_examples.py          # rewrite output/
    python scripts/render_examples.py --check  # exit 1 when a file is out of date

tests/render/test_outputs_fresh.py renders the same list and compares bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = "system"  # the committed charts are drawn with the `dot` on PATH

#: (org file stem, output stem, RenderOptions fields) beyond one chart per org file.
EXTRA = [("enterprise", "enterprise-overview", {"depth": 3})]
#: The orgs `orgviz roles` draws side by side into output/roles.*, smallest first.
ROLES_ORGS = ("small", "mid-size", "enterprise")


def examples() -> list[tuple[Path, Path, str, dict]]:
    """(org file, output file, format, options) of every committed chart."""
    items = []
    charts = [(path.stem, path.stem, {}) for path in sorted((ROOT / "orgs").glob("*.yaml"))]
    for org, out, options in charts + EXTRA:
        for fmt in ("svg", "png"):
            items.append((ROOT / "orgs" / f"{org}.yaml", ROOT / "output" / f"{out}.{fmt}", fmt,
                          {"engine": ENGINE, **options}))
    for fmt in ("svg", "png"):
        items.append((ROOT / "orgs" / f"{ROLES_ORGS[0]}.yaml", ROOT / "output" / f"roles.{fmt}",
                      fmt, {"engine": ENGINE, "chart": "roles"}))
    return items


def draw(org_path: Path, fmt: str, options: dict) -> bytes:
    """The chart of one example, exactly as committed (the roles chart takes ROLES_ORGS)."""
    from orgviz.loader import load

    if options.get("chart") == "roles":
        from orgviz.roles_chart import render as render_roles

        orgs = [load(ROOT / "orgs" / f"{stem}.yaml") for stem in ROLES_ORGS]
        return render_roles(orgs, fmt, engine=options["engine"])
    from orgviz.render import RenderOptions, render

    return render(load(org_path), fmt, RenderOptions(**options), notes=[])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    from orgviz.io.files import write_file

    stale = 0
    for org_path, out_path, fmt, options in examples():
        data = draw(org_path, fmt, options)
        if out_path.exists() and out_path.read_bytes() == data:
            continue
        stale += 1
        if args.check:
            print(f"{out_path.relative_to(ROOT)} is out of date")
        else:
            write_file(out_path, data, make_folders=True)
            print(f"wrote {out_path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
