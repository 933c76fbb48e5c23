"""Load org files (YAML, format version 1) into the org model, keeping every location.

The work is done by the `load*` modules: loadbuild (files and includes, then teams and
people), loadfiles (reading a file), loadfields (typed fields and their problems),
loadpeople, loadheader (the `org:` header) and loadsettings (the `rules:` block).
"""

from __future__ import annotations

import os
from pathlib import Path

from orgviz.errors import OrgFileError, UnreadableOrgFileError
from orgviz.loadbuild import OrgBuilder
from orgviz.loadfields import LONE_SURROGATES, Collector, text_fault
from orgviz.loadheader import is_part, org_header
from orgviz.loadsettings import parse_rule_settings
from orgviz.model import Org, check_path
from orgviz.orgfiles import STDIN, shown_path
from orgviz.problem import Problem
from orgviz.roles import with_managing_roles
from orgviz.yamlread import YMap

#: What other modules take from here (the import, checking the texts it writes).
__all__ = ["LONE_SURROGATES", "load", "read_org", "text_fault"]


def _empty_people(docs: list[YMap], out: Collector) -> None:
    """Report a `people:` written with no entry under it (null or `[]`) in an org without
    people and other load problems, at the key (else the `root` rule says to add a
    `people:` list)."""
    for doc in docs:
        if "people" in doc and doc["people"] in (None, []):
            out.error(doc.key_locs["people"], "'people' is empty: add the org's people under "
                      "it, one entry each, as in '  - {id: ceo, name: Ada Obi}'")
            return


def load(path: str | os.PathLike[str]) -> Org:
    """Load an org file (and its includes) into an Org; raise OrgLoadError when impossible.

    Its `problems` say where and why; for a file that cannot be read at all (missing, a
    folder, a device) it is an `UnreadableOrgFileError`, also an OrgFileError, whose one
    problem (rule `read`) stands at line 1 of the file. Schema problems that still leave a
    usable org (an unknown key, a wrong type) are kept in `org.load_problems` and reported
    by `validate`.
    """
    try:
        return read_org(path)
    except UnreadableOrgFileError:
        raise
    except OrgFileError as exc:
        shown = shown_path(path)
        message = str(exc)
        problem = Problem(shown, 1, 1, "error", "read", message.removeprefix(f"{shown}: "))
        raise UnreadableOrgFileError(message, problem) from None


def read_org(path: str | os.PathLike[str]) -> Org:
    """`load`, but an OrgFileError, not an OrgLoadError, for a file that cannot be read at
    all: the commands tell it (exit 2, one line) from an org file with problems (exit 1)."""
    # (`-` is standard input, shown as <stdin>; its includes are read from the current folder)
    check_path("load", "path", path, "an org file's path (or '-': stdin)")
    shown = shown_path(path)
    real = Path(os.path.realpath(shown))  # (Path.resolve raises on a symlink loop)
    builder = OrgBuilder()
    stdin = os.fspath(path) == STDIN  # (from the text given: Path('./-') is Path('-'))
    doc = builder.load_file(Path(os.fspath(path)), shown, (real,), top=True, stdin=stdin)
    builder.build()
    name, size, date, size_loc = org_header(doc, builder.out, shown)
    rules = parse_rule_settings(doc.get("rules"), doc.value_locs.get("rules", doc.loc),
                                builder.out)
    people = builder.people
    if not people and not builder.out.problems:  # (else they say why, as for `root`)
        _empty_people(builder.docs, builder.out)
    people = with_managing_roles(people, builder.ladder_for_inference) or people
    return Org.of_inferred(
        tuple(people), file=shown, name=name, size=size, date=date,
        teams=tuple(builder.teams), ladder=builder.ladder_for_inference,
        rule_settings=rules, load_problems=tuple(builder.out.problems),
        files=tuple(builder.files), loc=doc.loc, size_loc=size_loc, part=is_part(doc),
    )
