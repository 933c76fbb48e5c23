"""Cutting an org into chart slides that stay readable.

`--split` decides the first cut: one slide per `team` (a team's people below its top person;
people of other teams who lead someone start their own slides), per `manager` (a manager
and their direct reports) or per `depth` N levels. Then the readability rule decides the
rest: while a slide's chart, fitted to the slide, would show text below the minimum font
size, its biggest remaining subtree moves to a slide of its own (the person stays, drawn
as a "continued" card that names that slide). A manager whose direct reports alone are
too many is spread over several slides ("(2 of 3)"), each with a card for the reports on
the other slides. Every slide but the first of a tree shows the manager of its top person
above it, as a card naming the slide where that manager is drawn. When no spread is
readable, a block of assistants (up to three cards wide beside their manager) is what is too
wide: people with assistants and no reports go to slides of their own, then the manager's
own assistants do, before the reports (see Planner.fit_assistants). A block too wide for a
slide is drawn narrower first, two cards wide or one, in more lines (Planner.readable), and
a manager's assistants go to slides of their own whenever its reports then take fewer
slides (Planner.fewest).

An overview slide comes first: the top levels (three at most), cut by the same rule.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from orgviz.deck.draw import (
    Drawer,
    Drawn,
    chain_columns,
    chain_rows,
    column_budget,
    row_budget,
    stack_budget,
)
from orgviz.deck.frame import MIN_FONT, Frame
from orgviz.errors import RenderError
from orgviz.render.cards import TEAM_SIZE
from orgviz.render.chart import Chart, Moved, View
from orgviz.render.tidylayout import ASSISTANTS_ACROSS

SPLITS = ("team", "manager", "depth")
OVERVIEW_DEPTH = 3
#: Notes while planning: as long as any real note, so that sizes do not change later.
PLACEHOLDER = "+9,999 people · slide 999"
#: The smallest card a chart has (one title line): bounds how many cards fit a slide.
MIN_CARD_HEIGHT = 72.0
#: A drawing at least this fraction of the size of the part's largest one counts as large
#: enough when its stacks are shallower or it has the level axis (see Planner.measure).
NEARLY_AS_LARGE = 0.85
#: Levels of people a deck draws at most: a longer reporting chain makes a slide or two per
#: level (thousands of slides that take minutes to write), so it is refused up front.
MAX_LEVELS = 100


class DeckError(RenderError):
    """A deck cannot be made as asked (a slide too small for even one readable card)."""


@dataclass(eq=False)
class Part:
    """One chart slide: a top person (None: the tops of a forest) and who is drawn below."""

    root: str | None
    continued: list[str]  # people drawn as "continued" cards: their teams are elsewhere
    parent: Part | None = None  # the slide where the root's manager is drawn
    overview: bool = False
    # chunks: the root's reports and assistants on this slide, and on the other slides
    reports: tuple[str, ...] | None = None
    others: tuple[str, ...] = ()
    chunk: int = 1
    chunks: int = 1
    group: list[Part] = field(default_factory=list)  # all chunks of this part, in order
    slide: int = 0  # 1-based slide number, set when the deck is assembled
    drawn: Drawn | None = None
    chain: bool = False  # a reporting chain drawn in columns (see Planner.chain_part)
    share: list[Part] = field(default_factory=list)  # sibling parts drawn on its slide


class Tree:
    """The solid reporting tree as the full chart draws it (cycles cut, assistants aside)."""

    def __init__(self, chart: Chart) -> None:
        self.order = {card.id: index for index, card in enumerate(chart.cards)}
        # Keyed by str | None as `reports` is: a part's root may be None (a forest's tops).
        self.manager: dict[str | None, str | None] = {
            card.id: card.manager for card in chart.cards}
        self.reports: dict[str | None, list[str]] = dict(chart.reports.items())
        self.reports[None] = list(chart.roots)
        self.assistants = chart.assistants
        self.tops = list(chart.roots)
        # Positions (people, open roles) of each person's subtree, the person included.
        self.count: dict[str, tuple[int, int]] = {
            card.id: (0, 1) if card.kind == "open" else (1, 0) for card in chart.cards}
        for card in reversed(chart.cards):
            if card.manager is not None:
                mine, theirs = self.count[card.id], self.count[card.manager]
                self.count[card.manager] = (theirs[0] + mine[0], theirs[1] + mine[1])
        self.size = {pid: filled + vacant for pid, (filled, vacant) in self.count.items()}
        self.levels = self._levels()

    def _levels(self) -> int:
        """Levels of people in the longest reporting chain (no recursion: chains may be long)."""
        depth: dict[str, int] = {}
        for pid in self.order:
            chain: list[str] = []
            boss: str | None = pid
            while boss is not None and boss not in depth and len(chain) <= len(self.order):
                chain.append(boss)
                boss = self.manager.get(boss)
            level = depth.get(boss, 0) if boss is not None else 0
            for person in reversed(chain):
                level += 1
                depth[person] = level
        return max(depth.values(), default=0)

    def below(self, pid: str | None) -> list[str]:
        """Direct reports, then assistants."""
        return [*self.reports[pid], *(self.assistants.get(pid, ()) if pid else ())]


class Planner:
    """Plans the chart slides of one org."""

    def __init__(self, tree: Tree, drawer: Drawer, frame: Frame, *, split: str = "team",
                 depth: int = 3, min_font: float = MIN_FONT,
                 team_of: dict[str, str | None] | None = None) -> None:
        if split not in SPLITS:
            raise DeckError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
        self.tree, self.drawer, self.frame = tree, drawer, frame
        self.split, self.depth, self.min_font = split, depth, min_font
        self.team_of = team_of or {}
        # The chart area in SVG units at the smallest readable scale.
        smallest = min_font / TEAM_SIZE
        self.area_w, self.area_h = frame.chart.w / smallest, frame.chart.h / smallest
        self.max_cards = (column_budget(self.area_w, _Box(196.0, MIN_CARD_HEIGHT))
                          * row_budget(self.area_h, _Box(196.0, MIN_CARD_HEIGHT)))
        # A manager's reports spread over slides (`most_reports`) may be stacked under them:
        # a row of cards, then columns of stacked cards.
        self.stacked_cards = (column_budget(self.area_w, _Box(196.0, MIN_CARD_HEIGHT))
                              * stack_budget(self.area_h, _Box(196.0, MIN_CARD_HEIGHT),
                                             drawer.layout) + 1)
        # Rows of cards a slide holds at most; a chain of more people is drawn in columns.
        self.rows = row_budget(self.area_h, _Box(196.0, MIN_CARD_HEIGHT))
        self.chain_min = self.rows + 1

    # --- what a part shows --------------------------------------------------------------------
    def visible(self, part: Part) -> list[str]:
        """People drawn on the part (continued ones included), the root first."""
        tree = self.tree
        stop = set(part.continued)
        shown: list[str] = [] if part.root is None else [part.root]
        first = tree.below(part.root)
        if part.reports is not None:
            allowed = set(part.reports)
            first = [p for p in first if p in allowed]
        todo = list(reversed(first))
        while todo:
            pid = todo.pop()
            shown.append(pid)
            if pid not in stop:
                todo.extend(reversed(tree.below(pid)))
        return shown

    def view(self, part: Part, notes: dict[str, str] | None = None,
             moved_note: str = PLACEHOLDER) -> View:
        """The chart view of a part; `notes` say where each continued team goes."""
        notes = notes or {}
        continued = {pid: notes.get(pid, PLACEHOLDER) for pid in part.continued}
        moved = ((Moved(part.root, frozenset(part.others), moved_note),)
                 if part.others else ())
        return View(root=part.root, continued=continued, moved=moved)

    def cards(self, part: Part) -> int:
        """How many cards the part's chart has."""
        return len(self.visible(part)) + bool(part.others)

    def measure(self, part: Part, peers: bool = False) -> Drawn | None:
        """The part drawn so that it is readable on the slide, or None when it cannot be
        (see `pick`). `peers`: the root's reports side by side on one row."""
        return self.pick(self.readable(part, peers))

    def readable(self, part: Part, peers: bool = False) -> list[Drawn]:
        """The ways to draw the part that are readable on the slide.

        When none is and one is too wide for the slide (not too tall), a block of
        assistants is drawn narrower, in more lines: at most two side by side, then one
        (a CEO's fifteen assistants at 12 pt, three cards across a slide, took eight
        slides of two: four stand in two lines of two, but the run of three left over
        stood in one line, too wide; in two lines, four slides; three since the card for
        the others stands in the block, `draw.moved_beside`)."""
        narrower: list[int] | None = None  # counted only for a drawing too wide
        across: int | None = None
        while True:
            drawings = self.drawer.draw(self.view(part), rows_height=self.area_h,
                                        peers=peers, across=across, text_room=True)
            found = [drawn for drawn in drawings
                     if self.frame.readable(drawn.width, drawn.height, drawn.min_text,
                                            self.min_font)]
            if found or not any(self.too_wide(d) for d in drawings):
                return found
            if narrower is None:
                narrower = self.narrower_blocks(drawings[0].chart)
            if not narrower:
                return found
            across = narrower.pop(0)

    @staticmethod
    def narrower_blocks(chart: Chart) -> list[int]:
        """How many cards side by side to try, widest first, for a chart too wide: fewer than
        the layouts' own (ASSISTANTS_ACROSS) and than the largest block of cards beside one
        person (two cards stand side by side in a block two or three wide). The block as
        drawn: a manager's assistants, and the card for her people on other slides when it
        stands among them (`draw.moved_beside`: two assistants and it are three across)."""
        most = max(map(len, chart.assistants.values()), default=0)
        return [across for across in range(ASSISTANTS_ACROSS - 1, 0, -1) if across < most]

    def too_wide(self, drawn: Drawn) -> bool:
        """Whether the drawing fills the slide's width before its height."""
        area = self.frame.chart
        return area.w / drawn.width < area.h / drawn.height

    def pick(self, readable: list[Drawn], grow: bool = True) -> Drawn | None:
        """The drawing a slide shows, by the size each is drawn at on it (a small chart
        grows to fill the slide, see Frame.fill_scale; without `grow`, as slides are
        planned, at most MAX_SCALE): the first, shallowest stacks first (siblings side by
        side, as org charts are read; at a depth, each manager stacked their own depth
        first, see `stackings`), then with the level axis, that is nearly as large as
        the largest (NEARLY_AS_LARGE) and no smaller than the largest at the planning scale.
        """
        if not readable:
            return None
        frame, min_font = self.frame, self.min_font
        at = frame.fill_scale if grow else frame.scale
        drawn_at = [round(at(d.width, d.height, min_font, d.min_text), 2) for d in readable]
        planned = max(frame.scale(d.width, d.height, min_font, d.min_text) for d in readable)
        floor = max(round(planned, 2), round(max(drawn_at) * NEARLY_AS_LARGE, 2))
        return min((d for d, size in zip(readable, drawn_at, strict=True) if size >= floor),
                   key=lambda d: (d.chart.stack_rows or 0, not d.stack_rows_of, not d.axis))

    # --- cutting ------------------------------------------------------------------------------
    def first_cut(self, root: str | None, depth: int | None = None) -> list[str]:
        """Who is drawn as "continued" on the slide of `root` before readability counts."""
        tree = self.tree
        split = "depth" if depth is not None else self.split
        levels = depth if depth is not None else (2 if split == "manager" else self.depth)
        team = self.team_of.get(root) if root is not None else None
        cut: list[str] = []
        todo = [(pid, 1) for pid in reversed(tree.below(root))]
        while todo:
            pid, level = todo.pop()
            if not tree.reports.get(pid):
                continue
            if split == "team":
                if self.team_of.get(pid) != team and root is not None:
                    cut.append(pid)
                    continue
            elif level >= levels - 1:
                cut.append(pid)
                continue
            for kid in reversed(tree.below(pid)):
                todo.append((kid, level if kid in tree.assistants.get(pid, ()) else level + 1))
        return self.sort(cut)

    def sort(self, pids: Iterable[str]) -> list[str]:
        return sorted(pids, key=self.tree.order.__getitem__)

    def drawn_whole(self, part: Part) -> list[str]:
        """The people drawn on the part, with what is below them, who could go to a slide of
        their own: not its root, not "continued" cards."""
        stop = set(part.continued)
        return [pid for pid in self.visible(part) if pid != part.root and pid not in stop]

    def candidates(self, part: Part) -> list[str]:
        """People drawn whole on the part, with reports, who could go to a slide of their own."""
        return [pid for pid in self.drawn_whole(part) if self.tree.reports.get(pid)]

    def cut_biggest(self, part: Part) -> bool:
        """Move the part's biggest remaining subtree to its own slide; False if none is left."""
        tree = self.tree
        shown = self.visible(part)
        inside = set(shown)
        size = dict.fromkeys(shown, 1)
        for pid in reversed(shown):
            boss = tree.manager.get(pid)
            if boss in inside and pid != part.root:
                size[boss] += size[pid]
        candidates = self.candidates(part)
        if not candidates:
            return False
        biggest = self.down_the_chain(
            max(candidates, key=lambda pid: (size[pid], -tree.order[pid])), part)
        part.continued = self.sort([*part.continued, biggest])
        still_shown = set(self.visible(part))
        part.continued = [pid for pid in part.continued if pid in still_shown]
        return True

    def chain(self, pid: str) -> list[str]:
        """The reporting chain from `pid`: `pid`, their one report, that person's one report
        ... down to the first person with no report, several, or an assistant."""
        tree = self.tree
        found = [pid]
        while len(tree.reports.get(pid) or ()) == 1 and not tree.assistants.get(pid):
            pid = tree.reports[pid][0]
            found.append(pid)
        return found

    def down_the_chain(self, pid: str, part: Part) -> str:
        """Where to cut the subtree of `pid` off the part: at `pid`, or, when `pid` heads
        a short chain of single reports, at the last person of it with reports (the chain
        stays on this slide, and the team it leads to goes to a slide of its own). A long
        chain is cut at its head: it goes to slides of its own, drawn in columns."""
        chain = self.chain(pid)
        if len(chain) >= self.chain_min:
            return pid
        stop = set(part.continued)
        for person in chain[1:]:
            if person in stop or not self.tree.reports.get(person):
                break
            pid = person
        return pid

    def chain_part(self, root: str, parent: Part | None) -> Part | None:
        """The slide of a long reporting chain from `root`: as many of its people as fit,
        in columns read top to bottom; the last one drawn is "continued" when the chain goes
        on (their slide carries on down it) or leads a team. None when the chain is short."""
        chain = self.chain(root)
        if len(chain) < self.chain_min:
            return None
        tree = self.tree
        last = chain[-1]
        rest = {last: PLACEHOLDER} if tree.below(last) else {}
        box = self.drawer.chain_box(View(root=root, continued=rest))
        rows = chain_rows(self.area_h, box, [box.own_height(pid) for pid in chain])
        count = min(len(chain), rows * chain_columns(self.area_w, box))
        while count >= 2:
            end = chain[count - 1]
            continued = [end] if count < len(chain) or tree.below(end) else []
            part = Part(root, continued, parent, chain=True)
            drawn = self.drawer.draw_chain(self.view(part), min(rows, count))
            if self.frame.readable(drawn.width, drawn.height, drawn.min_text, self.min_font):
                part.drawn, part.group = drawn, [part]
                return part
            count -= 1
        return None

    def cut_deep(self, part: Part) -> None:
        """Cut the part where it is deeper than a slide has rows: people with reports on
        its last row become "continued" piles. A line of managers each with a report or two
        besides the next manager then fills the slide's rows, instead of being cut under
        its first manager (the biggest subtree) and taking a slide per manager."""
        tree, stop = self.tree, set(part.continued)
        cut: list[str] = []
        todo = [(pid, 1) for pid in reversed(tree.below(part.root))
                if part.reports is None or pid in part.reports]
        while todo:
            pid, depth = todo.pop()
            if pid in stop or not tree.reports.get(pid):
                continue
            if depth >= self.rows - 1:
                cut.append(pid)
                continue
            for kid in reversed(tree.below(pid)):
                todo.append((kid, depth if kid in tree.assistants.get(pid, ()) else depth + 1))
        if cut:
            part.continued = self.sort([*part.continued, *cut])

    def fit(self, part: Part) -> list[Part]:
        """The part, cut until readable, or spread over several slides.

        The overview keeps the top's reports side by side on one row (their own reports may
        be stacked below them): their teams are cut to "continued" piles until that fits;
        only when the piles alone are too many for one readable row are they stacked in a
        grid (at 9 pt a 16:9 slide holds four cards side by side).

        When no spread is readable either, assistants are what is too wide (a block up to
        three cards wide beside their manager): see `fit_assistants`.
        """
        self.cut_deep(part)
        while self.cards(part) > self.max_cards and self.cut_biggest(part):
            pass
        while True:
            if self.whole(part):
                return [part]
            if not self.cut_biggest(part):
                return self.fewest(part) or self.fit_assistants(part)

    def fewest(self, part: Part) -> list[Part] | None:
        """The spread of the root's reports (`spread`), or, when it takes more than two
        slides, the root's assistants on slides of their own and its reports on others
        (`spread` apart) if that takes fewer: a CEO's two lines of assistants beside her
        left room for one VP a slide (nine VPs, nine slides; apart, two)."""
        group = self.spread(part)
        if group is None or len(group) <= 2:
            return group
        apart = self.spread(part, apart=True)
        return apart if apart is not None and len(apart) < len(group) else group

    def whole(self, part: Part) -> bool:
        """Draw the part on one slide if it is readable there; whether it is."""
        if self.cards(part) > self.max_cards:
            return False
        peers = part.overview and part.root is not None
        drawn = self.measure(part, peers=peers)
        if drawn is None and peers and not self.candidates(part):
            drawn = self.measure(part)
        if drawn is None:
            return False
        part.drawn = drawn
        part.group = [part]
        return True

    def fit_assistants(self, part: Part) -> list[Part]:
        """The part readable once assistants stand apart, for when no spread of the root's
        reports is (each slide of one report and the card for the others is too wide).

        First the people drawn whole who have assistants and no reports go to slides of
        their own ("continued" cards), most assistants first, until the part is readable:
        a COO's block of assistants left no room beside her for the card of her peers on
        other slides. Then the root's reports are spread as before; failing that, the
        root's own assistants go to slides of their own, before its reports, which are
        spread over slides without them (a slide of one report and the card for the others
        stood under the root, off to the side of her block of assistants).
        """
        cut = False  # (a part nothing was cut from was spread before this was called)
        while self.cut_assistants(part):
            cut = True
            if self.whole(part):
                return [part]
        group = (self.spread(part) if cut else None) or self.spread(part, apart=True)
        if group is None:
            raise DeckError("a slide's chart area is too small for a readable chart: use a "
                            "smaller --min-font or a template with more room")
        return group

    def cut_assistants(self, part: Part) -> bool:
        """Move the part's person with the most assistants among those drawn whole with no
        reports to a slide of their own (a "continued" card); False if there is none."""
        tree = self.tree
        found = [pid for pid in self.drawn_whole(part)
                 if tree.assistants.get(pid) and not tree.reports.get(pid)]
        if not found:
            return False
        most = max(found, key=lambda pid: (len(tree.assistants[pid]), -tree.order[pid]))
        part.continued = self.sort([*part.continued, most])
        return True

    def spread(self, part: Part, apart: bool = False) -> list[Part] | None:
        """Spread the root's direct reports over as few readable slides as possible, each
        with the root's assistants; None when none is readable.

        `apart`: the root's assistants on as few slides of their own as hold them, then
        its reports on as few slides without them; None when the root has no assistants.
        """
        reports = list(self.tree.reports[part.root])
        assistants = list(self.tree.assistants.get(part.root, ())) if part.root else []
        group: list[Part] | None
        if not apart:
            most = min(len(reports) - 1, max(1, self.most_reports(part, reports)))
            group = self.runs(part, reports, assistants, reports, most)
        elif not assistants:
            group = None
        else:
            everyone = [*assistants, *reports]
            first = self.runs(part, assistants, [], everyone, len(assistants))
            rest = self.runs(part, reports, [], everyone, len(reports)) if reports else []
            group = first + rest if first is not None and rest is not None else None
        if group is not None:
            for index, member in enumerate(group):
                member.chunk, member.chunks, member.group = index + 1, len(group), group
        return group

    def most_reports(self, part: Part, reports: list[str]) -> int:
        """How many of the root's `reports` one slide holds at most by the card budget
        (`max_cards`, or `stacked_cards` where that is more: the reports stacked under the
        root): each with the cards drawn under it (a report's own assistants), the
        fewest first, beside the cards every slide has (the root, its assistants, the
        manager above) and the card for the others. (Counting a report's assistants among
        the cards of every slide left a VP's engineers with four assistants each one a
        slide, where two fit.)"""
        under = dict.fromkeys(reports, 0)
        owner: dict[str, str] = {}
        for pid in self.visible(part):  # managers before their people
            found = pid if pid in under else owner.get(self.tree.manager.get(pid) or "")
            if found is not None:
                owner[pid] = found
                under[found] += 1
        budget = max(self.max_cards, self.stacked_cards)
        room = budget - (self.cards(part) - sum(under.values())) - 1
        return sum(1 for total in itertools.accumulate(sorted(under.values()))
                   if total <= room)

    def runs(self, part: Part, people: list[str], beside: list[str], everyone: list[str],
             most: int) -> list[Part] | None:
        """The root's `people` in as few runs as are each readable on a slide, at most
        `most` a run (sizes differ by one at most): each slide with the root, its run and
        `beside`, and a card for the rest of `everyone` (the root's people on other
        slides); None when a slide of one is not readable."""
        size = most
        while size >= 1:
            count = math.ceil(len(people) / size)
            per = math.ceil(len(people) / count)
            group = []
            for chunk in balanced(people, count):  # sizes differ by one at most
                drawn = {*chunk, *beside}
                member = Part(part.root, list(part.continued), part.parent, part.overview,
                              tuple(p for p in self.tree.below(part.root) if p in drawn),
                              tuple(p for p in everyone if p not in drawn))
                shown = set(self.visible(member))
                member.continued = [p for p in member.continued if p in shown]
                member.drawn = self.measure(member)
                if member.drawn is None:
                    break
                group.append(member)
            else:
                return group
            size = min(size - 1, per - 1)
        return None

    # --- the whole org ------------------------------------------------------------------------
    def plan(self) -> tuple[list[Part], list[Part]]:
        """The overview slides and the chart slides, in deck order."""
        tree = self.tree
        top: str | None = tree.tops[0] if len(tree.tops) == 1 else None
        overview = self.fit(Part(top, self.first_cut(top, OVERVIEW_DEPTH), overview=True))
        parts: list[Part] = []
        todo: list[tuple[str, Part | None]] = [(t, None) for t in reversed(tree.tops)]
        while todo:
            root, parent = todo.pop()
            chain = self.chain_part(root, parent)
            group = [chain] if chain is not None else self.fit(
                Part(root, self.first_cut(root), parent))
            parts.extend(group)
            for member in reversed(group):
                for pid in reversed(member.continued):
                    todo.append((pid, member))
        return overview, self._dedupe(overview, parts)

    def _dedupe(self, overview: list[Part], parts: list[Part]) -> list[Part]:
        """Drop a top's slides that show nothing the overview does not: its slide, or all
        of its slides when its reports are spread over several ("(1 of 2)"), as they are
        with the overview's on a slide too narrow for them on one (a 4:3 template)."""
        seen = {pid: member for member in overview for pid in self.visible(member)}
        dropped: set[int] = set()
        for part in parts:
            if part.parent is None and part.chunk == 1 and all(
                    pid in seen for member in part.group for pid in self.visible(member)):
                dropped.update(id(member) for member in part.group)
        for other in parts:
            if other.parent is not None and id(other.parent) in dropped:
                assert other.root is not None
                other.parent = seen[other.root]
        return [part for part in parts if id(part) not in dropped]


def balanced(items: list[str], count: int) -> list[list[str]]:
    """`items` in order, in `count` runs whose sizes differ by one at most (longer first):
    60 reports in 9 runs are six of 7 and three of 6, not eight of 7 and one of 4."""
    size, longer = divmod(len(items), count)
    runs, start = [], 0
    for index in range(count):
        end = start + size + (index < longer)
        runs.append(items[start:end])
        start = end
    return runs


@dataclass(frozen=True)
class _Box:
    """A card size for the budgets alone (a CardSize): the smallest card a chart has."""

    width: float
    height: float
