"""The loader's reading of the `org:` header: the org's name, size and date."""

from __future__ import annotations

from pathlib import Path

from orgviz.keys import ORG_KEY_SET, ORG_KEYS
from orgviz.loadfields import Collector, Fields, check_keys, describe
from orgviz.model import SIZES
from orgviz.problem import SourceLoc, did_you_mean
from orgviz.yamlread import YMap

#: Other words for the org sizes (`size: medium`), case folded.
_SIZE_WORDS = {"small": "small", "startup": "small", "start-up": "small", "tiny": "small",
               "medium": "mid-size", "mid": "mid-size", "midsize": "mid-size",
               "mid-sized": "mid-size", "mid-market": "mid-size", "mid-size": "mid-size",
               "scale-up": "mid-size", "scaleup": "mid-size", "large": "enterprise",
               "big": "enterprise", "corporate": "enterprise", "enterprise": "enterprise"}


def is_part(doc: YMap) -> bool:
    """Whether a top file is a part of a split org: a file of people without an `org:`
    header, nor any of the header's keys (`name:` not indented under `org:` is a header
    mistaken, not a part). Its org is `Org.part`: `validate` says only its load problems."""
    return "org" not in doc and ORG_KEY_SET.isdisjoint(doc)


def org_header(doc: YMap, out: Collector,
               shown: str) -> tuple[str, str, str | None, SourceLoc | None]:
    """The org's name, size, date and where its size stands, from the `org:` header of the
    top file; each problem of the header goes to `out`."""
    value = doc.get("org")
    if not isinstance(value, YMap):
        if value is None and not ORG_KEY_SET.isdisjoint(doc):
            pass  # (`name:` not indented under `org:`: that key is the error)
        elif value is None and "org" in doc:  # (`org:` with nothing under it)
            out.error(doc.value_locs["org"], "'org' is empty: write the org's name under it "
                      "(org: {name: ...})")
        elif is_part(doc):
            out.error(doc.loc, "the org file has no 'org:' header: add 'org: {name: ...}' (a "
                      "part of a split org is checked through the file that includes it)")
        else:
            out.error(doc.value_locs["org"], f"'org' must be a mapping, not {describe(value)}")
        return Path(shown).stem, "mid-size", None, None
    check_keys(value, ORG_KEYS, "the org header", out)
    f = Fields(value, "the org", out, ORG_KEYS)
    name = f.text("name", required=True, blank="write the org's name") or Path(shown).stem
    size = f.text("size") or "mid-size"
    # (where a size is written, understood or not: profile-fit tells a refused size, which
    # has a load problem there, from one never declared; `size: null` declares none)
    size_loc = None if value.get("size") is None else value.value_locs.get("size")
    if size not in SIZES:
        meant = _SIZE_WORDS.get(size.casefold().replace(" ", "-"))
        hint = f"; did you mean '{meant}'?" if meant else did_you_mean(size, SIZES)
        out.error(f.loc("size"), f"unknown org size '{size}'{hint} (sizes: {', '.join(SIZES)})")
        size = "mid-size"
    f.text("description")  # (checked as any text; not kept: charts and reports do not show it)
    return name, size, f.text("date"), size_loc
