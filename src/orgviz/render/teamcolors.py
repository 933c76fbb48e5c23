"""Team colors past the palette's end: which teams meet on a chart, and the color a team
takes so that the teams it meets wear others.

An org of more teams than the palette has colors (the imported UK Home Office: 147 teams,
20 colors) has teams that share one. They were handed out again in file order, so two teams
drawn side by side (two directors under one manager) could share a color, on the chart of
the whole org and on every slide of its deck (which draws the org's colors, one a team).
Now a team past the palette's end takes the next color in order unless teams it meets wear
it: it takes the color the teams it meets wear least, the closer teams weighing more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: How much a team met weighs: the teams of a manager and of their reports (drawn side by
#: side, or joined by a line) SIDE each; with those of the reports' reports (one slide of
#: a manager draws them together) BELOW more; a manager's team and a report's, LINE more.
SIDE, BELOW, LINE = 2, 1, 2


class Meetings:
    """The teams that meet on a chart, and the colors those handed one wear so far."""

    def __init__(self, children: Mapping[str, Sequence[str]],
                 team_of: Mapping[str, str | None]) -> None:
        # Groups of teams a chart of one manager draws together, each with its weight
        # (SIDE, BELOW), and per group the colors its teams wear (lowercase -> teams).
        self.groups: dict[str, list[tuple[int, int]]] = {}  # team -> (group, weight)
        self.worn: list[dict[str, int]] = []
        self.lines: dict[str, set[str]] = {}  # team -> the teams a line joins it to
        seen: set[tuple[str, ...]] = set()
        for pid, reports in children.items():
            own = team_of.get(pid)
            near = dict.fromkeys(team for k in reports if (team := team_of.get(k)))
            far = dict.fromkeys(team for k in reports for g in children.get(k, ())
                                if (team := team_of.get(g)))
            if own:
                for team in near:
                    if team != own:
                        self.lines.setdefault(own, set()).add(team)
                        self.lines.setdefault(team, set()).add(own)
                near = {own: None, **near}
            self._group(tuple(near), SIDE, seen)
            self._group(tuple(dict.fromkeys((*near, *far))), BELOW, seen)

    def _group(self, teams: tuple[str, ...], weight: int, seen: set[tuple[str, ...]]) -> None:
        """Teams drawn together, once (a group of one meets no one)."""
        key = (str(weight), *sorted(teams))
        if len(teams) < 2 or key in seen:
            return
        seen.add(key)
        index = len(self.worn)
        self.worn.append({})
        for team in teams:
            self.groups.setdefault(team, []).append((index, weight))

    def met(self, team: str, colors: Mapping[str, str]) -> dict[str, int]:
        """Color (lowercase) -> how much the teams `team` meets that wear it weigh."""
        found: dict[str, int] = {}
        for index, weight in self.groups.get(team, ()):
            for color, count in self.worn[index].items():
                found[color] = found.get(color, 0) + weight * count
        for other in self.lines.get(team, ()):
            if other in colors:
                color = colors[other].lower()
                found[color] = found.get(color, 0) + LINE
        return found

    def wear(self, team: str, color: str) -> None:
        """`team` wears `color` from now on (in every group it is in)."""
        lowered = color.lower()
        for index, _ in self.groups.get(team, ()):
            worn = self.worn[index]
            worn[lowered] = worn.get(lowered, 0) + 1


def least_met(free: Sequence[str], start: int, met: Mapping[str, int],
              parent: str | None) -> str:
    """The color of `free` that the teams met wear least (`met`: color, lowercase -> the
    weight of the teams met that wear it), never the parent team's while there is another;
    of those as little worn, the first from `start` on, round the palette."""
    parent_color = parent.lower() if parent else None
    count = len(free)
    best, best_cost = free[start % count], (True, 0)
    for step in range(count):
        color = free[(start + step) % count]
        lowered = color.lower()
        cost = (lowered == parent_color and count > 1, met.get(lowered, 0))
        if step == 0 or cost < best_cost:
            best, best_cost = color, cost
    return best
