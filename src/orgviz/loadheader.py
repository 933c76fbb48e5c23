"""The loader's reading of the `org:` header: the org's name, size and date."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from orgviz.keys import ORG_KEY_SET, ORG_KEYS
from orgviz.loadfields import Collector, Fields, check_keys, describe
from orgviz.model import SIZES, Org
from orgviz.problem import Problem, SourceLoc, did_you_mean
from orgviz.yamlread import YMap

#: Other words for the org sizes (`size: medium`), case folded.
_SIZE_WORDS = {"small": "small", "startup": "small", "start-up": "small", "tiny": "small",
               "medium": "mid-size", "mid": "mid-size", "midsize": "mid-size",
               "mid-sized": "mid-size", "mid-market": "mid-size", "mid-size": "mid-size",
               "scale-up": "mid-size", "scaleup": "mid-size", "large": "enterprise",
               "big": "enterprise", "corporate": "enterprise", "enterprise": "enterprise"}


class OrgHeader(NamedTuple):
    """What the `org:` header of the top file says, with the defaults where it says nothing."""

    name: str
    size: str
    date: str | None
    size_loc: SourceLoc | None  # where a size is written, understood or not
    unknown_size: Problem | None  # the error for a size word of no known meaning (`Giant`)


def org_header(doc: YMap, out: Collector, shown: str) -> OrgHeader:
    """The org's name, size and date from the `org:` header of the top file; each problem of
    the header goes to `out`."""
    value = doc.get("org")
    if not isinstance(value, YMap):
        if value is None and not ORG_KEY_SET.isdisjoint(doc):
            pass  # (`name:` not indented under `org:`: that key is the error)
        elif value is None and "org" in doc:  # (`org:` with nothing under it)
            out.error(doc.value_locs["org"], "'org' is empty: write the org's name under it "
                      "(org: {name: ...})")
        elif value is None:
            out.error(doc.loc, "the org file has no 'org:' header: add 'org: {name: ...}' (a "
                      "part of a split org is checked through the file that includes it)")
        else:
            out.error(doc.value_locs["org"], f"'org' must be a mapping, not {describe(value)}")
        return OrgHeader(Path(shown).stem, "mid-size", None, None, None)
    check_keys(value, ORG_KEYS, "the org header", out)
    f = Fields(value, "the org", out, ORG_KEYS)
    name = f.text("name", required=True, blank="write the org's name") or Path(shown).stem
    size = f.text("size") or "mid-size"
    # (where a size is written, understood or not: profile-fit tells a refused size, which
    # has a load problem there, from one never declared; `size: null` declares none)
    size_loc = None if value.get("size") is None else value.value_locs.get("size")
    unknown_size = None
    if size not in SIZES:
        meant = _SIZE_WORDS.get(size.casefold().replace(" ", "-"))
        hint = f"; did you mean '{meant}'?" if meant else did_you_mean(size, SIZES)
        out.error(f.loc("size"), f"unknown org size '{size}'{hint} (sizes: {', '.join(SIZES)})")
        unknown_size = None if hint else out.problems[-1]
        size = "mid-size"
    f.text("description")  # (checked as any text; not kept: charts and reports do not show it)
    return OrgHeader(name, size, f.text("date"), size_loc, unknown_size)


def name_fitting_size(org: Org, unknown_size: Problem) -> None:
    """Add to the error of a size word of no known meaning (`size: Giant`), among the org's
    load problems, the size that the org's shape fits, as profile-fit judges it (with the
    options of the org's own `rules:`); an org without positions fits none."""
    from orgviz.rules.profile_fit import ID, fitting_size  # (only for this message)
    from orgviz.validate import rule_confs

    if not org.by_id:
        return
    fits = fitting_size(len(org.by_id), rule_confs(org)[ID].options)
    told = unknown_size._replace(message=f"{unknown_size.message}; this org's shape fits "
                                         f"'{fits}'")
    org.load_problems = tuple(told if problem is unknown_size else problem
                              for problem in org.load_problems)
