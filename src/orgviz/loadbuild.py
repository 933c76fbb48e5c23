"""The loader's builder: reads a top org file and its includes, then builds people and teams."""

from __future__ import annotations

import os
import re
from pathlib import Path

from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.keys import INCLUDED_KEYS, ROLE_KEYS, TEAM_KEYS, TOP_KEYS, VERSION_KEYS
from orgviz.loadfields import Collector, all_texts_printable, check_keys, describe, entry_fields
from orgviz.loadfiles import include_hint, nothing_at, read_org_file, spelt_on_disk
from orgviz.loadpeople import checked_person, fast_person
from orgviz.model import Person, Team
from orgviz.problem import Problem, SourceLoc, did_you_mean
from orgviz.roles import LEVELS, Role, RoleLadder
from orgviz.yamlread import CONTROL_CHARS, YList, YMap

FORMAT_VERSIONS = ("1",)
MAX_INCLUDE_DEPTH = 64  # files in one include chain, the top file included
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class OrgBuilder:
    """Turns the YAML tree of a top file and its includes into an Org."""

    def __init__(self) -> None:
        self.out = Collector()
        self.people: list[Person] = []
        self.teams: list[Team] = []
        self.roles: list[Role] = []
        self.role_locs: dict[str, SourceLoc] = {}  # where each custom role's id stands
        self.files: list[str] = []
        self.docs: list[YMap] = []  # the files read, top first, each before its includes
        self.escaped: set[int] = set()  # the docs whose text holds a backslash (by id)
        self.loaded: set[Path] = set()  # the real paths of the files read (each read once)
        self.shown: dict[Path, str] = {}  # each real path's name in messages, as given

    def load_file(self, path: Path, shown: str, chain: tuple[Path, ...], top: bool,
                  stdin: bool = False) -> YMap:
        """Read an org file (standard input where `stdin` says so: the caller decides it
        from the argument's text, which a Path loses: `./-` is `-`) and, after it, the files
        it includes, with their roles; `build` then makes the teams and people of them all,
        once every file's roles are known."""
        self.loaded.add(chain[-1])
        self.shown.setdefault(chain[-1], shown)
        doc, escapes = read_org_file(path, shown, self.out, stdin)
        if escapes:
            self.escaped.add(id(doc))
        if not isinstance(doc, YMap):
            loc = getattr(doc, "loc", SourceLoc(shown, 1, 1))
            raise OrgLoadError([Problem.at(loc, "error", "schema",
                                           "an org file is a mapping with 'orgviz: 1' and "
                                           f"'people:', not {describe(doc)}")])
        self.files.append(shown)
        self._check_version(doc, shown)
        check_keys(doc, TOP_KEYS if top else INCLUDED_KEYS,
                   "an org file" if top else "an included file", self.out)
        self._roles(doc)
        self.docs.append(doc)
        self._includes(doc, path, shown, chain)
        return doc

    def build(self) -> None:
        """The teams and people of every file read, in file order; a title names a role of
        the built-in ladder or of any file (an included file's roles apply to all files)."""
        self.ladder_for_inference = RoleLadder.build(self.roles)
        for doc in self.docs:
            self._teams(doc)
            self._people(doc)

    def _check_version(self, doc: YMap, shown: str) -> None:
        version = doc.get("orgviz")
        if "orgviz" not in doc:
            near = next((k for k in doc if isinstance(k, str) and k.lower() in VERSION_KEYS),
                        None)
            if near is not None:  # (`version: 1`, as other formats spell it)
                raise OrgLoadError([Problem.at(doc.key_locs[near], "error", "version",
                                               f"the format version key is 'orgviz', not "
                                               f"'{near}': write 'orgviz: 1'")])
            advice = (": add 'orgviz: 1' as the file's first line" if "people" in doc
                      or "org" in doc else "")  # (an org file without it, not other YAML)
            raise OrgLoadError([Problem(shown, doc.loc.line, doc.loc.col, "error", "version",
                                        "not an org file: the 'orgviz: 1' version key is "
                                        f"missing{advice}")])
        if version not in FORMAT_VERSIONS:
            raise OrgLoadError([Problem.at(doc.value_locs["orgviz"], "error", "version",
                                           f"unknown format version {describe(version)}: this "
                                           f"orgviz reads version {', '.join(FORMAT_VERSIONS)}")])

    def _list(self, doc: YMap, key: str) -> list[tuple[YMap, SourceLoc]]:
        value = doc.get(key)
        if value is None:
            return []
        if not isinstance(value, YList):
            self.out.error(doc.value_locs[key], f"'{key}' must be a list, not {describe(value)}")
            return []
        items = []
        seen: set[int] = set()
        for item, loc in zip(value, value.item_locs, strict=True):
            if isinstance(item, YMap):
                if id(item) in seen:  # (`- *p`: the entry written at the anchor, once more)
                    self.out.error(loc, f"an entry of '{key}' is an alias of the entry at line "
                                   f"{item.loc.line}: the same entry twice (write each out)")
                    continue
                seen.add(id(item))
                items.append((item, loc))
            else:
                self.out.error(loc, f"each entry of '{key}' must be a mapping, "
                               f"not {describe(item)}")
        return items

    def _people(self, doc: YMap) -> None:
        ladder, out, people = self.ladder_for_inference, self.out, self.people
        escapes = id(doc) in self.escaped
        for item, _loc in self._list(doc, "people"):
            person = (fast_person(item, ladder) if not escapes or all_texts_printable(item)
                      else None)
            if person is None:
                person = checked_person(item, ladder, out)
            if person is not None:
                people.append(person)

    def _teams(self, doc: YMap) -> None:
        for item, _loc in self._list(doc, "teams"):
            f = entry_fields("team", item, TEAM_KEYS, self.out)
            tid = f.ident("id", required=True)
            if tid is None:
                continue
            color = f.text("color")
            if color is not None and not HEX_COLOR.match(color):
                self.out.error(f.loc("color"), f"color of {f.what} must be a hex color such "
                               f"as '#4C78A8', not '{color}'")
                color = None
            self.teams.append(Team(id=tid, loc=item.loc, name=f.text("name"), color=color,
                                   parent=f.ident("parent"), lead=f.ident("lead"),
                                   field_locs=item.value_locs))

    def _roles(self, doc: YMap) -> None:
        for item, _loc in self._list(doc, "roles"):
            f = entry_fields("role", item, ROLE_KEYS, self.out)
            rid = f.ident("id", required=True)
            level = f.ident("level", required=True)
            if level is not None and level not in LEVELS:
                self.out.error(f.loc("level"), f"unknown level '{level}' of {f.what}"
                               f"{_level_hint(level)} (levels: {', '.join(LEVELS)})")
                level = None
            titles = f.idents("titles", "phrase")
            first = self.role_locs.get(rid) if rid is not None else None
            if first is not None:  # (the first one stays, as the first of people's ids does)
                where = f"line {first.line}" + (
                    "" if first.file == f.loc("id").file else f" of {first.file}")
                self.out.error(f.loc("id"), f"duplicate role id '{rid}' (first defined at "
                               f"{where}): give each role its own id, or merge the two")
            elif rid is not None and level is not None:
                self.role_locs[rid] = f.loc("id")
                self.roles.append(Role(rid, f.text("name") or rid, level, titles, "custom"))

    def _includes(self, doc: YMap, path: Path, shown: str, chain: tuple[Path, ...]) -> None:
        value = doc.get("include")
        if value is None:
            return
        items = [value] if isinstance(value, str) else value
        locs = [doc.value_locs["include"]] if isinstance(value, str) else getattr(
            value, "item_locs", [])
        if not isinstance(items, (list, YList)):
            self.out.error(doc.value_locs["include"], "'include' must be a path or a list of "
                           f"paths, not {describe(value)}")
            return
        for item, loc in zip(items, locs, strict=True):
            if isinstance(item, str) and item.strip():
                self._include(item, loc, path, shown, chain)
            else:
                self.out.error(loc, f"'include' must list file paths, not {describe(item)}")

    def _include(self, item: str, loc: SourceLoc, path: Path, shown: str,
                 chain: tuple[Path, ...]) -> None:
        """Load one included file (and its includes), or report at `loc` why it cannot be.

        A path may lead out of the top file's folder (`../shared/teams.yaml`); what it names
        must be a regular file, which `read_org_file` checks before opening it.
        """
        bad = re.search(CONTROL_CHARS, item)
        if bad:
            self.out.error(loc, f"include path holds the control character "
                           f"U+{ord(bad.group()):04X}: remove it", rule="include")
            return
        if os.path.isabs(item):
            self.out.error(loc, f"include '{item}' must be a path relative to {shown}")
            return
        target = Path(os.path.realpath(path.parent / item))  # (no error on a symlink loop)
        child_shown = os.path.normpath(os.path.join(os.path.dirname(shown), item))
        if target in chain:
            cycle = " -> ".join(self.shown[p] for p in (*chain[chain.index(target):], target))
            self.out.error(loc, f"include cycle: {cycle}", rule="include")
            return
        if target in self.loaded:  # (two parts that both include a shared one: read once)
            return
        if nothing_at(target):
            self.out.error(loc, f"included file '{item}' does not exist"
                           f"{include_hint(path.parent, item)}", rule="include")
            return
        spelt = spelt_on_disk(path.parent, item)
        if spelt is not None and spelt != re.sub("/+", "/", item):  # (found only as a disk
            # that ignores case finds it: macOS, Windows)
            self.out.error(loc, f"include '{item}' is spelt '{spelt}' on disk: write that "
                           "(Linux, where CI runs, tells cases apart and needs '/')",
                           rule="include")
        if len(chain) >= MAX_INCLUDE_DEPTH:
            self.out.error(loc, f"include chain deeper than {MAX_INCLUDE_DEPTH} files",
                           rule="include")
            return
        try:
            self.load_file(target, child_shown, (*chain, target), top=False)
        except OrgLoadError as exc:
            self.out.problems.extend(exc.problems)
        except OrgFileError as exc:
            self.out.error(loc, str(exc), rule="include")

    ladder_for_inference: RoleLadder


#: Other names of the ladder's levels, case folded ("EVP": an executive vice president is at
#: the svp level, not vp, which its spelling is closest to).
LEVEL_ALIASES = {"evp": "svp", "senior-vp": "svp", "executive-vp": "svp", "c-suite": "c-level",
                 "clevel": "c-level", "c_level": "c-level", "chief": "c-level", "lead": "manager",
                 "senior": "senior-ic", "individual-contributor": "ic"}


def _level_hint(level: str) -> str:
    """"; did you mean 'x'?" for an unknown level: the level spelt in other case (`SVP`),
    another name of one (`evp`, `c-suite`), or the closest spelling; "" when none is close."""
    folded = level.lower().replace(" ", "-")
    known = folded if folded in LEVELS else LEVEL_ALIASES.get(folded)
    return f"; did you mean '{known}'?" if known else did_you_mean(level, list(LEVELS))
