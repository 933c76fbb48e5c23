"""Org statistics: headcount, open roles, layers, span of control, product leadership."""

from __future__ import annotations

import dataclasses
import statistics
import unicodedata
from collections import Counter
from collections.abc import Container, Mapping
from typing import TYPE_CHECKING, Any

from orgviz.config import Config
from orgviz.fte import total_fte, total_text
from orgviz.model import Org, Person
from orgviz.problem import Problem, SourceLoc, one_line, quoted
from orgviz.roles import CORE_PRODUCT_LEADERSHIP, LEVELS, PRODUCT_LEADERSHIP, filled_by

if TYPE_CHECKING:
    from orgviz.validate import RuleConf


def _layers(org: Org) -> tuple[int, list[str], Container[str]]:
    """Layers from a top to the deepest person (a lone top is 1 layer), that path, and the
    people reached from a top, as validate's rules walk the tree (`rules._common.tree`:
    tops are people without a manager, reporting to themselves or to an id that is no
    one's; people in a reporting cycle or under one are not reached). The deepest person
    is the first of the deepest level in the tree's order (the first a depth-first walk
    from the tops meets). An assistant, drawn beside their manager, adds no layer (as the
    layers rule counts): one under a manager is never the deepest person."""
    from orgviz.rules._common import tree

    walk, by_id = tree(org), org.by_id
    end = len(walk.order)
    for level in range(walk.levels, 0, -1):
        start = end - walk.sizes[level - 1]
        bottom = next((pid for pid in walk.order[start:end]
                       if level == 1 or not by_id[pid].assistant), None)
        if bottom is not None:
            path = [bottom]
            while (boss := walk.manager(org, by_id[path[-1]])) is not None:
                path.append(boss)
            return len(path), path[::-1], walk.reached
        end = start
    return 0, [], walk.reached


#: How many ids a note of `shape_notes` names.
_NAMED = 3


def _tops_note(count: int, to_whom: str, named: str) -> str:
    """"N people report to WHOM (NAMED): the Shape figures count them as tops; ..."."""
    one = count == 1
    return (f"{'a person reports' if one else f'{count:,} people report'} to {to_whom} "
            f"({named}): the Shape figures count {'that person' if one else 'them'} as "
            f"{'a top' if one else 'tops'}; `orgviz validate` reports where")


def shape_notes(org: Org, stats: Mapping[str, Any]) -> list[tuple[SourceLoc, str]]:
    """What the Shape figures (`stats`, of `compute`) of an org that fails validation this
    way do not say, each at the place of the first such fault (as `orgviz validate` reports
    it), in the order of those places (file, line, column): the people no top reaches (a
    reporting cycle, and any under it), whom they leave out; the people reporting to
    themselves, and those reporting to an id that is no one's in the org, whom they count
    as tops."""
    notes = []
    left = stats["left_out_of_shape"]
    if left:
        notes.append((_cycle_place(org), _left_out_text(left)))
    selves = stats["self_reports"]
    if selves:
        notes.append((org.by_id[selves[0]].at("reports_to"),
                      _tops_note(len(selves), "themselves", quoted(selves, _NAMED))))
    unknown = stats["unknown_managers"]
    if unknown:
        named = quoted([f"'{pid}' to '{boss}'" for pid, boss in unknown], _NAMED, str)
        notes.append((org.by_id[unknown[0][0]].at("reports_to"),
                      _tops_note(len(unknown), "someone not in the org", named)))
    return sorted(notes, key=lambda note: note[0])  # (SourceLoc: file, line, column)


def _cycle_place(org: Org) -> SourceLoc:
    """Where `orgviz validate` reports the first reporting cycle: the reports_to of the
    cycle's member first in the file, of the cycle whose such member comes first."""
    from orgviz.rules._common import reporting_cycles

    position = {pid: i for i, pid in enumerate(org.by_id)}
    first = min((cycle[0] for cycle in reporting_cycles(org)), key=position.__getitem__)
    return org.by_id[first].at("reports_to")


def _left_out_text(left: list[str]) -> str:
    """The note on the people the Shape figures leave out (in a reporting cycle or under
    one)."""
    one = len(left) == 1
    return (f"{len(left):,} {'person' if one else 'people'} in a reporting cycle or under "
            f"one ({quoted(left, _NAMED)}) {'is' if one else 'are'} left out of the Shape figures "
            "(layers, managers, span, single-report), which count the people reached from "
            "a top; the headcounts count everyone; `orgviz validate` reports the cycle")


def _team_labels(org: Org) -> dict[str | None, str]:
    """The label of each team id people are in (None: no team), one label per team: a name
    that several teams (or a team and "(no team)") share gets the id added, "Eng (eng2)"."""
    labels: dict[str | None, str] = {}
    for person in org.by_id.values():
        tid = person.team or None
        if tid not in labels:
            team = org.teams_by_id.get(tid) if tid else None
            labels[tid] = team.display_name if team else (tid or "(no team)")
    shared = Counter(labels.values())
    labels = {tid: f"{label} ({tid})" if shared[label] > 1 and tid is not None else label
              for tid, label in labels.items()}
    taken: set[str] = set()
    for tid, label in labels.items():  # (a name such as "Eng (eng2)" itself: ids added on)
        while label in taken:
            label = f"{label} ({tid})"
        taken.add(label)
        labels[tid] = label
    return labels


def span_limit(org: Org, config: Config | None = None) -> int | None:
    """The span-of-control limit of the org's profile, the project config and the org's
    rules: block, if any: none when the rule is off, or when the org's setting of it is
    broken (validate says how). A broken project config raises ConfigError, as in validate."""
    return _span_limit(org, *_confs(org, config))


def _confs(org: Org, config: Config | None) -> tuple[dict[str, RuleConf], list[Problem]]:
    """Every rule's level and options as validate reads them, and the faults of the org's
    own settings (ConfigError for a broken project config, as in validate)."""
    from orgviz.validate import rule_confs

    faults: list[Problem] = []
    return rule_confs(org, config, problems=faults), faults


def _span_limit(org: Org, confs: Mapping[str, RuleConf], faults: list[Problem]) -> int | None:
    """`span_limit` from the rules' settings (`_confs`)."""
    conf = confs.get("span-of-control")
    if conf is None or conf.level == "off":
        return None
    places = {(loc.file, loc.line, loc.col) for setting in org.rule_settings
              if setting.rule == "span-of-control"
              for loc in (setting.loc, *setting.option_locs.values())}
    if any((fault.file, fault.line, fault.col) in places for fault in faults):
        return None  # (not the default limit in place of the one the file meant)
    return int(conf.options["max"])


def _single_report_managers(org: Org, confs: Mapping[str, RuleConf]) -> list[str]:
    """The ids (file order) of the managers `orgviz validate` reports as single-report with
    these rule settings: the rule's findings (its exemptions: the top of the org, assistants,
    people in a cycle), less those validate leaves to a more specific rule (an open role's,
    to vacant-manager, while that is on at a level as severe); none while the rule is off."""
    from orgviz.rules import RULES
    from orgviz.validate import _without_superseded

    rule = "single-report"
    if confs[rule].level == "off":
        return []
    # The rules' findings name a person by place (the id's): made distinct where they are
    # not (an org built in Python, its people without places), as a file's are.
    places = [person.at("id") for person in org.by_id.values()]
    if len(set(places)) < len(places):
        org = org.derived(people=tuple(
            dataclasses.replace(person, loc=SourceLoc(org.file, line, 1), field_locs={})
            for line, person in enumerate(org.by_id.values(), start=1)))
        places = [person.at("id") for person in org.by_id.values()]
    found: list[Problem] = []
    spans: dict[str, range] = {}
    for rule_id, module in RULES.items():
        level = confs[rule_id].level
        if level == "off" or (rule_id != rule and rule not in getattr(module, "SUPERSEDES", ())):
            continue
        start = len(found)
        found += [Problem.at(loc, level, rule_id, message)
                  for loc, message in module.check(org, confs[rule_id].options)]
        spans[rule_id] = range(start, len(found))
    told = {problem[:3] for problem in _without_superseded(org, found, spans)
            if problem.rule == rule}
    return [pid for pid, place in zip(org.by_id, places, strict=True) if place in told]


def compute(org: Org, config: Config | None = None) -> dict[str, Any]:
    """All statistics of an org as plain data (the JSON output of `orgviz stats`); `config`:
    the project config, whose rules settings give the span limit as validate reads it.
    OrgLoadError (the load errors and duplicate-id errors) when the org did not load whole
    (some of its people would not be counted) or a person's or a team's id repeats; a
    TypeError for an argument of the wrong type."""
    from orgviz.model import require_org
    from orgviz.validate import require_config, require_whole

    require_org(org, "compute_stats")
    require_config(config, "compute_stats")
    require_whole(org)
    return _numbers(org, config)


def compute_as_loaded(org: Org, config: Config | None = None) -> dict[str, Any]:
    """`compute` of the people an org loaded, load errors or repeated ids or not: a deck
    drawn with --force counts what it shows, the first person of a repeated id (the one
    `org.by_id` keeps, as `orgviz render --force` draws it)."""
    return _numbers(org, config)


def _numbers(org: Org, config: Config | None) -> dict[str, Any]:
    """`compute` of an org whose arguments are checked."""
    from orgviz.rules._common import links

    confs, faults = _confs(org, config)
    people = list(org.by_id.values())
    by_level: Counter[str] = Counter()
    fte_by_level: dict[str, list[float]] = {}
    for person in people:
        level = org.level(person) or "unknown"
        by_level[level] += 1
        if not person.vacant:
            fte_by_level.setdefault(level, []).append(person.ftes)
    by_team: Counter[str] = Counter()
    open_by_team: Counter[str] = Counter()
    fte_by_team: dict[str, list[float]] = {}
    labels = _team_labels(org)
    team_ids = {label: tid for tid, label in labels.items()}  # (None: no team)
    for person in people:
        label = labels[person.team or None]
        by_team[label] += 1
        if person.vacant:
            open_by_team[label] += 1
        else:
            fte_by_team.setdefault(label, []).append(person.ftes)
    # The Shape figures count the people reached from a top (not those in a reporting
    # cycle or under one: `shape_notes`), so that layers, managers and span agree.
    layers, deepest, reached = _layers(org)
    tops = [p.id for p in links(org).tops]
    spans = {pid: sum(1 for r in reports if not org.by_id[r].assistant)
             for pid, reports in org.reports.items() if pid in reached}
    spans = {pid: n for pid, n in spans.items() if n}
    limit = _span_limit(org, confs, faults)
    single = [pid for pid in _single_report_managers(org, confs) if pid in reached]
    chosen = set(single)
    leadership = {}
    held = {r for p in people for r in p.roles}
    for role_id in PRODUCT_LEADERSHIP:
        holders = [p for p in people if role_id in p.roles]
        if not holders and role_id not in CORE_PRODUCT_LEADERSHIP:
            continue  # (an SVP of Product: counted where the org has one)
        place = filled_by(role_id, held)
        leadership[role_id] = {
            "name": org.ladder.roles[role_id].name if role_id in org.ladder.roles else role_id,
            "count": len(holders), "open": sum(1 for p in holders if p.vacant),
            "combined": sum(1 for p in holders
                            if any(r != role_id and r in PRODUCT_LEADERSHIP for r in p.roles)),
            "ids": [p.id for p in holders],
            # whose holders fill the role's place (an SVP of Product a VP of Product's,
            # as the product rules read it), and whether nobody does (the roles chart's
            # "no ..." box)
            "filled_by": place, "missing": not place,
        }
    values = sorted(spans.values())
    return {
        "org": org.name, "file": org.file, "size": org.size,
        "headcount": {"positions": len(people),
                      "people": sum(1 for p in people if not p.vacant),
                      "open": sum(1 for p in people if p.vacant),
                      # full-time equivalents (a position's `fte`, else one) filled and open
                      "fte": total_fte(p.ftes for p in people if not p.vacant),
                      "open_fte": total_fte(p.ftes for p in people if p.vacant),
                      "with_fte": sum(1 for p in people if p.fte is not None)},
        "by_level": {level: by_level[level] for level in (*LEVELS, "unknown")
                     if by_level[level]},
        "fte_by_level": {level: total_fte(fte_by_level.get(level, ()))
                         for level in (*LEVELS, "unknown") if by_level[level]},
        "by_team": {team: {"id": team_ids[team], "positions": n, "open": open_by_team[team],
                           "fte": total_fte(fte_by_team.get(team, ()))}
                    for team, n in sorted(by_team.items(), key=lambda kv: (-kv[1], kv[0]))},
        "open_roles": [{"id": p.id, "title": p.title, "reports_to": p.reports_to}
                       for p in people if p.vacant],
        "layers": layers,
        "deepest_path": deepest,
        # the people validate's rules take as tops: without a manager, reporting to
        # themselves or to an id that is no one's in the org
        "tops": tops,
        # the people the Shape figures leave out: in a reporting cycle or under one
        "left_out_of_shape": [pid for pid in org.by_id if pid not in reached],
        # the tops that report to an id that is no one's in the org, with that id
        "unknown_managers": [[p.id, p.reports_to] for p in people
                             if p.reports_to is not None and p.reports_to not in org.by_id],
        # the tops that report to themselves
        "self_reports": [pid for pid in tops if org.by_id[pid].reports_to == pid],
        "span_of_control": {
            "managers": len(values),
            "min": values[0] if values else None,
            # a float always ("median": 2.0, not 2 here and 2.5 there): one JSON type
            "median": float(statistics.median(values)) if values else None,
            "max": values[-1] if values else None,
            "limit": limit,
            "over_limit": sorted(([pid, n] for pid, n in spans.items()
                                  if limit is not None and n > limit),
                                 key=lambda item: (-item[1], item[0])),
        },
        # the managers validate's single-report rule reports (not the top of the org, nor
        # an open role that vacant-manager reports), none while the rule is off
        "single_report_managers": single,
        # whether the rule is on (with it off, the list above is empty, not a count of none)
        "single_report_checked": confs["single-report"].level != "off",
        "product_leadership": leadership,
        # who the ids of the Shape lists and the open roles' managers are (the terminal table)
        "names": {pid: _who(org.by_id[pid]) for pid in (
            *(pid for pid, n in spans.items()
              if pid in chosen or (limit is not None and n > limit)),
            *(p.reports_to for p in people if p.vacant and p.reports_to in org.by_id))},
    }


def _filled_instead(role: str, entry: dict[str, Any]) -> bool:
    """Whether a product leadership entry of the stats is a role nobody holds whose place
    others fill (stats of an older orgviz, without `filled_by`: never)."""
    return not entry["count"] and any(r != role for r in entry.get("filled_by", ()))


def _who(person: Person) -> str:
    """A person as a reader knows them: the name, else "open role (title)" or the id."""
    if person.name:
        return person.name
    if person.vacant:
        return f"open role ({person.title})" if person.title else "open role"
    return person.id


def format_value(value: Any) -> str:
    """A stats value as shown in tables and notes: "-" for none, numbers with thousands
    separators ("30,000"), floats without trailing 0s ("4.5")."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.15g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def span_text(span: dict[str, Any], keys: tuple[str, ...] = ("min", "median", "max")) -> str:
    """Span-of-control figures such as "1 / 4.5 / 12" (min / median / max by default)."""
    return " / ".join(format_value(span[key]) for key in keys)


def _cell_width(text: str) -> int:
    """Columns a cell takes on a terminal: wide (CJK) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, left: bool) -> str:
    """A cell padded to `width` columns, on the right (`left`-aligned) or on the left."""
    gap = " " * (width - _cell_width(text))
    return text + gap if left else gap + text


def _table(rows: list[tuple[str, ...]], indent: str = "  ") -> list[str]:
    """Rows as aligned lines: the first column to the left, the others to the right."""
    if not rows:
        return []
    rows = [tuple(one_line(c) for c in row) for row in rows]  # (measured as shown)
    widths = [max(_cell_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [(indent + "  ".join(_pad(c, w, i == 0)
                                for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             ).rstrip() for row in rows]


def _named(pid: str, names: dict[str, str]) -> str:
    """A person of the stats as "Dana Reyes (id d1)", or the id alone when that is all."""
    name = names.get(pid)
    return f"{name} (id {pid})" if name and name != pid else pid


def _listed(label: str, items: list[str], most: int = 8) -> list[str]:
    """The lines listing who a Shape figure counts: one each, the first `most` of them."""
    if not items:
        return []
    more = [f"      ... and {len(items) - most:,} more"] if len(items) > most else []
    return [f"    {label}:", *(f"      {item}" for item in items[:most]), *more]


def format_text(stats: dict[str, Any], top_teams: int = 15) -> str:
    """The terminal table of `orgviz stats`."""
    head = stats["headcount"]
    positions = head["positions"]
    # FTE columns only for an org where some position has an `fte` (else they repeat the
    # counts of people)
    ftes = bool(head["with_fte"])
    lines = [f"{stats['org']} ({stats['size']}): {positions:,} "
             f"position{'' if positions == 1 else 's'}, {head['people']:,} "
             f"{'person' if head['people'] == 1 else 'people'}, {head['open']:,} open"
             + (f"; {total_text(head['fte'])} FTE filled, {total_text(head['open_fte'])} open"
                if ftes else "")]
    lines.append("")
    lines.append("By level")
    lines += _table([("level", "positions", *(("FTE filled",) if ftes else ()))] + [
        (LEVELS[k][1] if k in LEVELS else "Unknown", format_value(v),
         *((total_text(stats["fte_by_level"][k]),) if ftes else ()))
        for k, v in stats["by_level"].items()])
    lines.append("")
    teams = list(stats["by_team"].items())
    lines.append("By team" + (f" (largest {top_teams:,} of {len(teams):,})"
                              if len(teams) > top_teams else ""))
    lines += _table([("team", "positions", "open", *(("FTE filled",) if ftes else ()))] + [
        (team, format_value(v["positions"]), format_value(v["open"]),
         *((total_text(v["fte"]),) if ftes else ()))
        for team, v in teams[:top_teams]])
    lines.append("")
    span = stats["span_of_control"]
    lines.append("Shape")
    over = span["over_limit"]
    single = stats["single_report_managers"]
    lines += _table([
        ("layers (top to deepest)", format_value(stats["layers"])),
        ("tops", format_value(len(stats["tops"]))),
        *([("tops reporting to someone not in the org",
            format_value(len(stats["unknown_managers"])))]
          if stats.get("unknown_managers") else []),
        *([("tops reporting to themselves", format_value(len(stats["self_reports"])))]
          if stats.get("self_reports") else []),
        *([("left out (in a reporting cycle or under one)",
            format_value(len(stats["left_out_of_shape"])))]
          if stats.get("left_out_of_shape") else []),
        ("managers", format_value(span["managers"])),
        ("span min / median / max",
         span_text(span)),
        # (no limit, or the rule off: no count, which would read as none found)
        (f"over the limit ({format_value(span['limit'])})" if span["limit"] is not None
         else "over the limit (no limit)",
         format_value(len(over)) if span["limit"] is not None else "-"),
        ("single-report managers" if stats.get("single_report_checked", True)
         else "single-report managers (rule off)",
         format_value(len(single)) if stats.get("single_report_checked", True) else "-"),
    ])
    names = stats.get("names", {})
    lines += _listed("over the limit", [
        f"{_named(pid, names)}: {n:,} report{'' if n == 1 else 's'}" for pid, n in over])
    lines += _listed("single-report", [_named(pid, names) for pid in single])
    lines.append("")
    lines.append("Product leadership")
    leaders = stats["product_leadership"]
    # A role whose place another fills (a VP of Product's, by an SVP of Product) has no row
    # of zeros, as the roles chart has no "no VP of Product" box: a line says who fills it.
    instead = {role: v for role, v in leaders.items() if _filled_instead(role, v)}
    lines += _table([("role", "positions", "open", "combined role")] + [
        (v["name"], format_value(v["count"]), format_value(v["open"]),
         format_value(v["combined"]))
        for role, v in leaders.items() if role not in instead])
    for entry in instead.values():
        fillers = [leaders[r]["name"] if r in leaders else r for r in entry["filled_by"]]
        lines.append(f"  the {' and the '.join(fillers)} "
                     f"{'holds' if len(fillers) == 1 else 'hold'} the {entry['name']}'s place")
    if stats["open_roles"]:
        lines.append("")
        lines.append(f"Open roles ({len(stats['open_roles']):,})")
        for role in stats["open_roles"][:20]:
            lines.append(f"  {role['id']}: {role['title'] or '(no title)'}"
                         + (f" -> {_named(role['reports_to'], names)}"
                            if role["reports_to"] else ""))
        if len(stats["open_roles"]) > 20:
            lines.append(f"  ... and {len(stats['open_roles']) - 20:,} more")
    return "\n".join(map(one_line, lines)) + "\n"  # (names cannot break or recolour lines)
