"""The `dot` layout: Graphviz places the cards, orgviz routes elbow connectors between them."""

from __future__ import annotations

import bisect
import itertools
import math
import re

from orgviz.errors import RenderError
from orgviz.render.cards import CardBox
from orgviz.render.chart import Chart
from orgviz.render.dot import (
    NODESEP,
    POINT,
    RANKSEP,
    SPINE_GAP,
    Assistants,
    Block,
    DotPlan,
    Listing,
    TopBlock,
    write_dot,
)
from orgviz.render.engines import Engine, Job
from orgviz.render.geometry import Axes, Box, Connector, Geometry, Point, simplify
from orgviz.render.routing import add_links
from orgviz.render.svg import RADIUS
from orgviz.render.themes import Theme
from orgviz.render.tidylayout import ASSISTANT_LINE_GAP, TREE_GAP

PX = 72.0  # Graphviz inches -> SVG user units (points, drawn as CSS px)
#: px: a line that would turn by less than this to reach the next node goes straight on
#: (Graphviz puts nodes at whole points, not always right under the node above: a line
#: drawn through both jogged by 1 to 5.6 px, 24 times on orgs/enterprise.yaml)
STRAIGHT = 6.0
#: A manager's lines leave its card straight above (left to right: beside) the first node
#: of one of them (the nearest) when that is STRAIGHT or more, and at most this share of
#: the card's width, off its middle (29 px of a 196 px card), on the straight part of the
#: card's side (not in a rounded corner: left to right, at most 21 px off the middle of a
#: card 56 px tall): Graphviz sets a stack's spine 11 to 25 px aside of its manager where
#: the stacks of neighbours, wider than their managers by the gap between a spine and its
#: cards (23.4 px), cannot all stand under them, and the line kinked there (27 times on
#: orgs/enterprise.yaml, after a line through waypoints stopped turning at each); left to
#: right, a report stands 10 to 29 px aside of its manager's middle in a column of cards
#: of other heights, and the line kinked there (generated orgs of 20 and 40: 30 of 48; the
#: share was of the card's height then, 8.4 px of 56).
OFF_MIDDLE = 0.15
#: px: in a spine's row with a card on each side, the left card's line meets the spine this
#: far above the row's middle and the right card's this far below (at most to the straight
#: part of the cards' sides): at one height the two lines were one line across the spine,
#: and the two cards read as joined to each other (a deck overview's Sofía | Daniel).
STUB_STAGGER = 8.0


def leaving_reach(card: Box, tb: bool) -> float:
    """How far off its middle a card's lines may leave it (see OFF_MIDDLE): a share of its
    width, within the straight part of its side."""
    straight_side = (card.w if tb else card.h) / 2 - RADIUS
    return min(OFF_MIDDLE * card.w, straight_side)


_PLAIN_NODE = re.compile(r"^node (\S+) (\S+) (\S+) (\S+) (\S+) ", re.M)
_PLAIN_GRAPH = re.compile(r"graph \S+ (\S+) (\S+)\s")


def _parse_plain(text: str, with_edges: bool = False) -> tuple[
        float, float, dict[str, Box], dict[tuple[str, str], list[Point]]]:
    """Graphviz `plain` output: size, node boxes and (`with_edges`) edge control points,
    y flipped."""
    graph = _PLAIN_GRAPH.match(text)
    try:
        width, height = (float(graph.group(1)) * PX, float(graph.group(2)) * PX) if graph \
            else (0.0, 0.0)
    except ValueError:
        width = height = 0.0
    if not width or not height:
        raise RenderError("cannot read Graphviz's layout (no graph size)")
    nodes = _plain_nodes(text, height)
    edges: dict[tuple[str, str], list[Point]] = {}
    if not with_edges:
        return width, height, nodes, edges
    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0] != "edge":
            continue
        try:
            count = int(parts[3])
            values = [float(v) * PX for v in parts[4:4 + 2 * count]]
            points = [(values[i], height - values[i + 1]) for i in range(0, len(values), 2)]
        except (ValueError, IndexError):
            raise RenderError(f"cannot read Graphviz's layout (unexpected line "
                              f"{line[:60]!r})") from None
        edges.setdefault((parts[1], parts[2]), points)
    return width, height, nodes, edges


def _plain_nodes(text: str, height: float) -> dict[str, Box]:
    """The node boxes of Graphviz `plain` output (which lists every node before any edge)."""
    nodes: dict[str, Box] = {}
    end = text.find("\nedge ")
    for line in text[:None if end < 0 else end].split("\nnode ")[1:]:
        fields = line.split(" ", 5)
        if len(fields) < 6:  # not "name x y w h label ...": let the full pattern decide
            return _plain_nodes_slowly(text, height)
        name, x, y, w, h = fields[:5]
        try:
            nodes[name] = Box(float(x) * PX, height - float(y) * PX, float(w) * PX,
                              float(h) * PX)
        except ValueError:
            return _plain_nodes_slowly(text, height)
    return nodes


def _plain_nodes_slowly(text: str, height: float) -> dict[str, Box]:
    """`_plain_nodes` of unusual output (quoted names), node line by node line."""
    nodes: dict[str, Box] = {}
    for name, x, y, w, h in _PLAIN_NODE.findall(text):
        try:
            nodes[name] = Box(float(x) * PX, height - float(y) * PX, float(w) * PX,
                              float(h) * PX)
        except ValueError:
            raise RenderError(f"cannot read Graphviz's layout (unexpected node line of "
                              f"{name[:40]!r})") from None
    return nodes


class _Router:
    """Elbow connectors: down from a manager to a bus half-way to the next rank, across, down."""

    def __init__(self, chart: Chart, plan: DotPlan, nodes: dict[str, Box]) -> None:
        self.axes = Axes(chart.direction)
        self.chart, self.plan, self.nodes = chart, plan, nodes
        self.gap = RANKSEP * PX
        # A rank is as tall as its cards (top-down: the tallest of its own, see
        # `dot._Writer.rank_heights`); a line's jogs keep a quarter gap clear of them,
        # whatever it ends at (a card, or the point a spine starts at).
        self.halves = rank_halves(chart, plan, nodes, self.axes)
        self.card_half = max(self.halves.values(), default=0.0)
        self.ranks()

    def box(self, card_id: str) -> Box:
        return self.nodes[self.plan.node_of[card_id]]

    def ranks(self) -> None:
        """Where lines leave and enter each rank: the cards with reports (`stems`) and the
        cards with a line from above (`drops`), the waypoints (both) and the spines' points
        (drops; stems but the last), by rank, in order across the ranks."""
        ax, chart, stacked = self.axes, self.chart, self.plan.stacked
        firsts, beside = self.firsts()
        self.leave = {manager: self.leaving(manager, xs, beside)
                      for manager, xs in firsts.items()}
        stems: dict[int, list[float]] = {}
        drops: dict[int, list[float]] = {}
        in_blocks = {card for top in self.plan.top_blocks for card in top.block.boxes}
        for card in chart.cards:
            if card.id in in_blocks:  # (their lines stay within their block)
                continue
            placed = self.box(card.id)
            rank = round(ax.main(placed))
            if chart.reports[card.id]:
                stems.setdefault(rank, []).append(self.leave.get(card.id, ax.cross(placed)))
            if card.manager is not None and card.id not in stacked and not card.assistant:
                drops.setdefault(rank, []).append(ax.cross(placed))
        # a line through waypoints leaves and enters each rank it passes
        for via in itertools.chain((r.via for r in self.plan.routes),
                                   (s.via for s in self.plan.spines)):
            for name in via:
                point = self.nodes[name]
                rank = round(ax.main(point))
                stems.setdefault(rank, []).append(ax.cross(point))
                drops.setdefault(rank, []).append(ax.cross(point))
        # a spine's line comes down into each of its points (its first: from its manager,
        # as into a report's card) and leaves each but its last
        for spine in self.plan.spines:
            for index, name in enumerate(spine.points):
                point = self.nodes[name]
                rank = round(ax.main(point))
                drops.setdefault(rank, []).append(ax.cross(point))
                if index < len(spine.points) - 1:
                    stems.setdefault(rank, []).append(ax.cross(point))
        # the buses below each rank, from each manager across to its lines' first nodes
        buses: dict[int, tuple[list[float], list[float]]] = {}
        for manager, xs in firsts.items():
            placed, leave = self.box(manager), self.leave[manager]
            low, high = min(*xs, leave), max(*xs, leave)
            if high - low > 1.0:
                los, his = buses.setdefault(round(ax.main(placed)), ([], []))
                los.append(low)
                his.append(high)
        self.buses = {rank: (sorted(los), sorted(his)) for rank, (los, his) in buses.items()}
        self.stems = {rank: sorted(xs) for rank, xs in stems.items()}
        self.drops = {rank: sorted(xs) for rank, xs in drops.items()}

    def firsts(self) -> tuple[dict[str, list[float]], frozenset[str]]:
        """Where across each manager's lines down reach the first node after its card (a
        waypoint, a report's card, a spine's first point); and the managers with a block or
        listing next to them (no waypoints: its line leaves the middle of the card's side)."""
        ax, nodes, plan = self.axes, self.nodes, self.plan
        firsts: dict[str, list[float]] = {}
        for route in plan.routes:
            first = nodes[route.via[0]] if route.via else self.box(route.report)
            firsts.setdefault(route.manager, []).append(ax.cross(first))
        for spine in plan.spines:
            first = nodes[(*spine.via, *spine.points)[0]]
            firsts.setdefault(spine.manager, []).append(ax.cross(first))
        for top in plan.top_blocks:
            at = (ax.cross(nodes[top.via[0]]) if top.via
                  else self.feed_start(top, top.block.feeds[0])[0])
            firsts.setdefault(top.block.root, []).append(at)
        beside = set()
        beside_lines: tuple[Block | Listing, ...] = (*plan.blocks, *plan.listings)
        for item in beside_lines:
            if item.via:
                firsts.setdefault(item.manager, []).append(ax.cross(nodes[item.via[0]]))
            else:
                beside.add(item.manager)
        return firsts, frozenset(beside)

    def leaving(self, manager: str, firsts: list[float], beside: frozenset[str]) -> float:
        """Where across a manager's lines down leave its card (see OFF_MIDDLE): its
        middle, or the nearest of their `firsts` within OFF_MIDDLE of it; the middle for
        the managers `beside` whose block or listing's line leaves the middle of the
        card's side."""
        placed, ax = self.box(manager), self.axes
        middle = ax.cross(placed)
        nearest = min(firsts, key=lambda at: abs(at - middle))
        off = abs(nearest - middle)
        # (within STRAIGHT the line goes straight on from the middle: `straight_on`, as
        # `place_spines` assumed when it set the spines)
        if manager in beside or off < STRAIGHT or off > leaving_reach(placed, ax.tb):
            return middle
        return nearest

    def spanned(self, rank: float, at: float) -> int:
        """How many buses in the gap below a rank run across `at`."""
        found = self.buses.get(round(rank))
        if not found:
            return 0
        los, his = found
        return bisect.bisect_left(los, at - 0.5) - bisect.bisect_right(his, at + 0.5)

    @staticmethod
    def crossed(lines: dict[int, list[float]], rank: float, a: float, b: float) -> int:
        """How many of a rank's `lines` stand strictly between `a` and `b` across it."""
        xs = lines.get(round(rank))
        if not xs:
            return 0
        low, high = (a, b) if a < b else (b, a)
        if high - low <= 1.0:  # (no room strictly between: none, not a negative count)
            return 0
        return bisect.bisect_left(xs, high - 0.5) - bisect.bisect_right(xs, low + 0.5)

    def down(self, manager: Box, via: list[Box], end: Box, into: bool,
             leave: float | None = None) -> list[Point]:
        """From the manager's lower edge through waypoints to `end` (its edge when `into`),
        leaving it at `leave` across (None: its middle; see `leaving`)."""
        # Boxes are (x, y, w, h): the rank axis ("main") is y and the cross axis x top-down,
        # the other way round left to right (as `Axes`, indexed: the busiest code here).
        tb = self.axes.tb
        main, cross_at, size = (1, 0, 3) if tb else (0, 1, 2)
        start = manager[main] + manager[size] / 2
        bus = start + self.gap / 2
        cross = manager[cross_at] if leave is None else leave
        points = [(cross, start), (cross, bus)] if tb else [(start, cross), (bus, cross)]
        halves, card_half = self.halves, self.card_half
        quarter = self.gap / 4
        jog = bus
        for index, target in enumerate([*via, end]):
            if index:
                # Buses run half-way between ranks; a line passing through from further up
                # turns a quarter gap above the rank, so it never runs along someone's bus,
                # or a quarter gap below the rank it leaves where fewer lines cross there:
                # the stems of cards with reports in that rank, not the drops into the
                # cards of the next (whose buses its run down would cross as well).
                low = target[main] - halves.get(round(target[main]), card_half) - quarter
                above, turned = via[index - 1], target[cross_at]
                if self.crossed(self.stems, above[main], cross, turned) + self.spanned(
                        above[main], turned) < self.crossed(
                        self.drops, target[main], cross, turned) + self.spanned(
                        above[main], cross):
                    low = above[main] + halves.get(round(above[main]), card_half) + quarter
                jog = max(jog, low)
            turned = straight_on(cross, target[cross_at])
            points += [(cross, jog), (turned, jog)] if tb else [(jog, cross), (jog, turned)]
            cross = turned
        tip = end[main] - (end[size] / 2 if into else 0.0)
        points.append((cross, tip) if tb else (tip, cross))
        return points

    def connectors(self) -> list[Connector]:
        chart, plan, ax, nodes = self.chart, self.plan, self.axes, self.nodes
        tb, node_of = ax.tb, plan.node_of
        lines: list[Connector] = []
        by_id = chart.by_id
        for route in plan.routes:
            kind = "broken" if by_id[route.report].broken_line else "solid"
            points = self.down(self.box(route.manager), [nodes[v] for v in route.via],
                               self.box(route.report), into=True,
                               leave=self.leave.get(route.manager))
            lines.append(Connector(kind, simplify(points)))
        for spine in plan.spines:
            manager = self.box(spine.manager)
            points_ = [nodes[p] for p in spine.points]
            trunk = self.down(manager, [nodes[v] for v in spine.via], points_[0], into=False,
                              leave=self.leave.get(spine.manager))
            for point in points_[1:]:
                trunk.append(ax.point(ax.main(trunk[-1]), ax.cross(point)))
                trunk.append(ax.point(ax.main(point), ax.cross(point)))
            last_left, last_right = spine.rows[-1]
            if last_left and last_right:  # on down to the last right card's line
                last = nodes[node_of[last_right]]
                trunk.append(ax.point(ax.main(trunk[-1]) + stagger(last, tb),
                                      ax.cross(points_[-1])))
            lines.append(Connector("solid", simplify(trunk)))
            # A short line from the spine to each card beside it (the busiest loop: written
            # out for both directions rather than through Axes).
            for point, pair in zip(points_, spine.rows, strict=True):
                point_main, point_cross = (point.y, point.x) if tb else (point.x, point.y)
                both = pair[0] is not None and pair[1] is not None
                for card_id in pair:
                    if card_id is None:
                        continue
                    placed = nodes[node_of[card_id]]
                    if tb:
                        card_cross, half = placed.x, placed.w / 2
                    else:
                        card_cross, half = placed.y, placed.h / 2
                    before = card_cross < point_cross
                    side = card_cross + (half if before else -half)
                    at = point_main + (stagger(placed, tb) * (-1 if before else 1)
                                       if both else 0.0)
                    kind = "broken" if by_id[card_id].broken_line else "solid"
                    lines.append(Connector(kind, simplify(
                        [(point_cross, at), (side, at)] if tb
                        else [(at, point_cross), (at, side)])))
        for top in plan.top_blocks:
            lines += self.list_lines(top)
        for block in plan.blocks:
            lines += self.block(block)
        for listing in plan.listings:
            lines += self.listing(listing)
        in_lines = {group.manager for group in plan.assistants}
        for group in plan.assistants:
            lines += self.assistant_lines(group)
        for card in chart.cards:  # (listed managers' up to three: in one line)
            if card.id not in in_lines and chart.assistants[card.id]:
                lines += self.across([card.id, *chart.assistants[card.id]])
        return lines

    def corner(self, top: TopBlock) -> Point:
        """The top left of a list root's block (see `dot.TopBlock`): its first node's,
        whose rank's cards' tops it shares."""
        first = self.nodes[top.nodes[0]]
        return first.x - first.w / 2, first.y - first.h / 2

    def feed_start(self, top: TopBlock, feed: Connector) -> Point:
        """Where a line from a list root into its block starts down into it (in the
        middle of the gap above the block)."""
        left, upper = self.corner(top)
        return feed.points[0][0] + left, feed.points[0][1] + upper

    def list_lines(self, top: TopBlock) -> list[Connector]:
        """A list root's block's lines (see `dotlists.ListBlock`) where its first node
        stands: those within it moved there, and the root's: from its card (through its
        waypoints) down to the gap above the block, across to each line into the block
        and on down it as the tidy layout draws it."""
        left, upper = self.corner(top)
        block, nodes = top.block, self.nodes
        root = self.box(block.root)
        leave = self.leave.get(block.root, root.x)
        if top.via:
            via = [nodes[name] for name in top.via]
            start = self.down(root, via[:-1], via[-1], into=False, leave=leave)
        else:
            start = [(leave, root.y + root.h / 2)]
        lines = [Connector(line.kind, tuple((x + left, y + upper) for x, y in line.points))
                 for line in block.lines]
        for feed in block.feeds:
            x, y = self.feed_start(top, feed)
            moved = [(px + left, py + upper) for px, py in feed.points[1:]]
            points = [*start, (start[-1][0], y), (x, y), *moved]
            lines.append(Connector(feed.kind, simplify(points)))
        return lines

    def across(self, cards: list[str]) -> list[Connector]:
        """Assistant lines between neighbours of a line: each card from the one before it,
        side to side, level with the first (the manager, or the line's first assistant)."""
        ax, lines = self.axes, []
        main = ax.main(self.box(cards[0]))
        for before, card in itertools.pairwise(cards):
            tail, head = self.box(before), self.box(card)
            sign = 1.0 if ax.cross(head) > ax.cross(tail) else -1.0
            start = ax.cross(tail) + sign * ax.half_cross(tail)
            end = ax.cross(head) - sign * ax.half_cross(head)
            lines.append(Connector("assistant", simplify([ax.point(main, start),
                                                          ax.point(main, end)])))
        return lines

    def assistant_lines(self, group: Assistants) -> list[Connector]:
        """A manager's lines of assistants (see `dot.Assistants`), joined as the tidy layout
        joins them: along the first line from the manager, along each further line from its
        first card, and that card from the first of the line before, across the gap between
        the ranks (straight, or with a jog half-way should the lines not stand in line)."""
        ax = self.axes
        lines = self.across([group.manager, *group.lines[0]])
        for before, line in itertools.pairwise(group.lines):
            tail, head = self.box(before[0]), self.box(line[0])
            start = ax.main(tail) + ax.half_main(tail)
            end = ax.main(head) - ax.half_main(head)
            jog = (start + end) / 2
            lines.append(Connector("assistant", simplify([
                ax.point(start, ax.cross(tail)), ax.point(jog, ax.cross(tail)),
                ax.point(jog, ax.cross(head)), ax.point(end, ax.cross(head))])))
            lines += self.across(list(line))
        return lines


    def block(self, block: Block) -> list[Connector]:
        """Left to right: a manager's leaves in columns (see `dot.Block`). Each column's trunk
        runs down the middle of the gap at its left, with a short line into each card's left
        side; several columns are joined by a bus along the block's top (through the caps),
        and the manager's line comes across to the first trunk."""
        nodes, node_of, by_id = self.nodes, self.plan.node_of, self.chart.by_id
        half_gap = self.gap / 2
        manager = self.box(block.manager)
        columns = [[nodes[node_of[c]] for c in column] for column in block.columns]
        trunks = [column[0].x - column[0].w / 2 - half_gap for column in columns]
        lines: list[Connector] = []
        if block.via:
            via = [nodes[v] for v in block.via]
            points = self.down(manager, via[:-1], via[-1], into=False,
                               leave=self.leave.get(block.manager))
            enter = via[-1].y
        else:
            points = [(manager.x + manager.w / 2, manager.y)]
            enter = manager.y
        points.append((trunks[0], enter))
        lines.append(Connector("solid", simplify(points)))
        bus = nodes[block.caps[0]].y if block.caps else None
        top = min(enter, columns[0][0].y if bus is None else bus)
        bottom = max(enter, columns[0][-1].y)
        lines.append(Connector("solid", simplify([(trunks[0], top), (trunks[0], bottom)])))
        if bus is not None:
            for before, trunk, column in zip(trunks, trunks[1:], columns[1:], strict=False):
                lines.append(Connector("solid", simplify(
                    [(before, bus), (trunk, bus), (trunk, column[-1].y)])))
        for trunk, ids, column in zip(trunks, block.columns, columns, strict=True):
            for card_id, card in zip(ids, column, strict=True):
                kind = "broken" if by_id[card_id].broken_line else "solid"
                lines.append(Connector(kind, ((trunk, card.y), (card.x - card.w / 2,
                                                                card.y))))
        return lines


    def listing(self, listing: Listing) -> list[Connector]:
        """Left to right, a listing (see `dot.Listing`): from the manager's right side to a
        trunk in the gap before its next rank, down to each shelf; along each shelf's bus
        (through its caps); down each column's trunk in the gap at its left, with a short
        line into each card's left side."""
        nodes, node_of, by_id = self.nodes, self.plan.node_of, self.chart.by_id
        half_gap = self.gap / 2
        manager = self.box(listing.manager)
        lines: list[Connector] = []
        first = nodes[node_of[listing.shelves[0][0][0]]]
        trunk = first.x - first.w / 2 - half_gap
        if listing.via:  # across the level columns before the list row
            via = [nodes[v] for v in listing.via]
            points = self.down(manager, via[:-1], via[-1], into=False,
                               leave=self.leave.get(listing.manager))
        else:
            points = [(manager.x + manager.w / 2, manager.y)]
        origin = points[-1][1]
        points.append((trunk, origin))
        tops = [origin]
        for shelf, caps in zip(listing.shelves, listing.caps, strict=True):
            columns = [[nodes[node_of[c]] for c in column] for column in shelf]
            xs = [column[0].x - column[0].w / 2 - half_gap for column in columns]
            bus = nodes[caps[0]].y if caps else None
            tops.append(columns[0][0].y if bus is None else bus)
            if bus is not None:
                lines.append(Connector("solid", simplify([(xs[0], bus), (xs[-1], bus)])))
            for x, ids, column in zip(xs, shelf, columns, strict=True):
                top = column[0].y if bus is None else bus
                if column[-1].y > top + 0.01:
                    lines.append(Connector("solid", simplify([(x, top), (x, column[-1].y)])))
                for card_id, card in zip(ids, column, strict=True):
                    kind = "broken" if by_id[card_id].broken_line else "solid"
                    lines.append(Connector(kind, ((x, card.y), (card.x - card.w / 2,
                                                                card.y))))
        lines.insert(0, Connector("solid", simplify(points)))
        if max(tops) > min(tops) + 0.01:
            lines.insert(1, Connector("solid", simplify([(trunk, min(tops)),
                                                         (trunk, max(tops))])))
        return lines


def stagger(card: Box, tb: bool) -> float:
    """How far off its row's middle a card of a two-sided spine row meets its line
    (STUB_STAGGER, within the straight part of the card's side)."""
    half = (card.h if tb else card.w) / 2
    return max(0.0, min(STUB_STAGGER, half - RADIUS))


def plain_step(at: float) -> float:
    """How far apart two coordinates near `at` (px) can be read from Graphviz's `plain`
    output and be one place (5 significant digits in inches; a pixel at least)."""
    inches = at / PX
    return 1.0 if inches < 100 else max(1.0, PX * 10.0 ** (math.floor(math.log10(inches)) - 4))


def straight_on(cross: float, turned: float) -> float:
    """Where a line running at `cross` (across the ranks) meets a node at `turned`: where it
    runs, when they are less than STRAIGHT (or Graphviz's rounding there) apart."""
    if abs(turned - cross) < max(STRAIGHT, plain_step(max(abs(cross), abs(turned)))):
        return cross
    return turned


def place_spines(plan: DotPlan, nodes: dict[str, Box]) -> None:
    """The layout graph's spine rows (see `dot._Writer.spine_rows`) as the router reads
    them: each row's node becomes the spine's point (in the middle of a row with two cards,
    else at the side without one), and its cards get boxes of their own beside it."""
    node_of, size = plan.node_of, POINT * PX
    for spine in plan.spines:
        manager = nodes[node_of[spine.manager]]  # every card has the same size
        reach = SPINE_GAP + manager.w / 2  # from the spine to a card's center
        # Graphviz's `plain` gives 5 significant digits (0.72 px from 100 inches on, 7.2 px
        # from 1,000): a spine within that of its first row's x is straight, and its first
        # row within STRAIGHT of the line above it (from the manager through its waypoints,
        # as `down` draws it) is under that line (which was drawn with a jog of 1 to 5.6 px)
        above = manager.x
        for name in spine.via:
            above = straight_on(above, nodes[name].x)
        first: Point | None = None  # the first row's x as Graphviz gave it, and as placed
        for name, (left, right) in zip(spine.points, spine.rows, strict=True):
            row = nodes[name]
            x = row.x if left and right else row.left if right else row.right
            if first is None:
                first = (x, straight_on(above, x))
                x = first[1]
            elif abs(x - first[0]) < plain_step(max(abs(first[0]), abs(x), abs(row.x))):
                x = first[1]
            nodes[name] = Box(x, row.y, size, size)
            if left:  # (top-down: as tall as the row's node, its rank's tallest card)
                nodes[node_of[left]] = Box(x - reach, row.y, manager.w, row.h)
            if right:
                nodes[node_of[right]] = Box(x + reach, row.y, manager.w, row.h)


def place_assistants(plan: DotPlan, nodes: dict[str, Box], box: Box, ax: Axes) -> None:
    """The cards of each line of assistants (see `dot.Assistants`) side by side in their
    line's node, from its start, NODESEP apart (`box`: a card's size); a further line
    within Graphviz's rounding of the first line's place across is put straight under it;
    top-down a card is as tall as its line's node (its rank's tallest card)."""
    step = (box.w if ax.tb else box.h) + NODESEP * PX
    for group in plan.assistants:
        first = ax.cross(nodes[group.nodes[0]])
        for name, line in zip(group.nodes, group.lines, strict=True):
            node = nodes[name]
            main, cross = ax.main(node), ax.cross(node)
            if abs(cross - first) < plain_step(abs(cross)):
                cross = first
            start = cross - ax.half_cross(node) + ax.half_cross(box)
            height = node.h if ax.tb else box.h
            for index, card_id in enumerate(line):
                nodes[plan.node_of[card_id]] = Box(*ax.point(main, start + index * step),
                                                   box.w, height)


def place_lists(plan: DotPlan, nodes: dict[str, Box]) -> float:
    """Top-down lists: each block's cards where its first node stands (its top left
    the node's), as the tidy layout laid them out (see `dotlists`); returns the layout's
    height down to its last card (its blocks' nodes reach up to a rank past it)."""
    node_of = plan.node_of
    for top in plan.top_blocks:
        first = nodes[top.nodes[0]]
        left, upper = first.x - first.w / 2, first.y - first.h / 2
        for card_id, box in top.block.boxes.items():
            nodes[node_of[card_id]] = Box(box.x + left, box.y + upper, box.w, box.h)
    blocks = {name for top in plan.top_blocks for name in top.nodes}
    return max(box.y + box.h / 2 for name, box in nodes.items() if name not in blocks
               and name not in plan.axis_nodes)


def rank_halves(chart: Chart, plan: DotPlan, nodes: dict[str, Box],
                ax: Axes) -> dict[int, float]:
    """Half the depth of each rank's tallest card along the rank axis, by the rank's
    place (rounded)."""
    halves: dict[int, float] = {}
    for card in chart.cards:
        placed = nodes[plan.node_of[card.id]]
        rank, half = round(ax.main(placed)), ax.half_main(placed)
        if half > halves.get(rank, 0.0):
            halves[rank] = half
    return halves


def level_rows(plan: DotPlan, nodes: dict[str, Box], ax: Axes, halves: dict[int, float],
               card: float) -> tuple[dict[int, float], dict[int, float] | None]:
    """Each level row's center along the rank axis, and the depth of each row (None: all
    `card` deep, a card's size along the rank axis): its rank's tallest card's (`halves`,
    see `rank_halves`), or for a row that takes further ranks for lines of assistants from
    the row's cards to the last line's."""
    rows = {row: ax.main(nodes[name]) for row, name in enumerate(plan.axis) if name in nodes}
    sizes = {row: 2 * halves.get(round(main), card / 2) for row, main in rows.items()}
    if not plan.deeper and all(size == card for size in sizes.values()):
        return rows, None
    for row, name in plan.deeper:
        if row in rows and name in nodes:
            top, bottom = rows[row], ax.main(nodes[name])
            rows[row] = (top + bottom) / 2
            sizes[row] = (bottom - top + halves.get(round(top), card / 2)
                          + halves.get(round(bottom), card / 2))
    return rows, sizes


def rank_groups(nodes: dict[str, Box], ax: Axes) -> list[list[str]]:
    """The nodes by rank, in order along the rank axis: a rank's nodes share their center
    there (within Graphviz's rounding, `plain_step`)."""
    order = sorted(nodes, key=lambda name: ax.main(nodes[name]))
    groups: list[list[str]] = []
    last = -math.inf
    for name in order:
        main = ax.main(nodes[name])
        if groups and main - last < plain_step(abs(main)):
            groups[-1].append(name)
        else:
            groups.append([name])
            last = main
    return groups


def closable(plan: DotPlan) -> frozenset[str]:
    """The nodes that may stand in a further rank drawn closer to the rank before it
    (`close_lines`): the further ranks' axis nodes, the lines of assistants and the
    waypoints of lines passing through (a spine's row, a block's or shelf's column, a cap
    keeps its rank a whole gap away, unless `closed_ranks` finds the spine's rows all
    closer)."""
    names = set(plan.axis_nodes)
    names.update(name for group in plan.assistants for name in group.nodes)
    for items in (plan.routes, plan.spines, plan.blocks, plan.listings, plan.top_blocks):
        for item in items:
            names.update(item.via)
    return frozenset(names)


def closed_ranks(plan: DotPlan, groups: list[list[str]]) -> set[int]:
    """The indexes of the `groups` (ranks, `rank_groups`) drawn closer to the rank before
    them: the further ranks that hold only `closable` nodes and rows of spines whose every
    row after the first stands in such a rank (a spine reaching on past them would have
    its rows unevenly apart, so it keeps its ranks' whole gaps)."""
    further = plan.axis_nodes - frozenset(plan.axis)
    rank_of = {name: index for index, names in enumerate(groups) for name in names}
    candidates = {index for index, names in enumerate(groups)
                  if index and further.intersection(names)}
    spines = [spine.points for spine in plan.spines
              if all(rank_of.get(name) in candidates for name in spine.points[1:])]
    base = closable(plan)
    while True:
        allowed = base.union(*spines)
        closed = {index for index in candidates if allowed.issuperset(groups[index])}
        kept = [points for points in spines
                if all(rank_of[name] in closed for name in points[1:])]
        if len(kept) == len(spines):
            return closed
        spines = kept


def close_lines(plan: DotPlan, nodes: dict[str, Box], size: tuple[float, float],
                ax: Axes) -> tuple[float, float]:
    """Draw each further rank of a level row's lines of assistants (see `dot.Ranks`)
    ASSISTANT_LINE_GAP after the rank before it, as the tidy layout stands its lines, not
    Graphviz's whole gap between ranks: everything from it on moves back by the
    difference; returns the layout's size, that much shorter along the rank axis. A
    further rank that holds more than lines of assistants, waypoints and spines' rows
    (`closed_ranks`) keeps its gap."""
    if plan.axis_nodes == frozenset(plan.axis):  # (no further ranks)
        return size
    groups = rank_groups(nodes, ax)
    closed = closed_ranks(plan, groups)
    shifts: list[float] = []  # how far back each rank moves
    moved = 0.0
    for index, names in enumerate(groups):
        if index in closed:
            top = min(ax.main(nodes[n]) - ax.half_main(nodes[n]) for n in names)
            above = groups[index - 1]
            bottom = max(ax.main(nodes[n]) + ax.half_main(nodes[n]) for n in above)
            moved += max(top - bottom - ASSISTANT_LINE_GAP, 0.0)
        shifts.append(moved)
    if not moved:
        return size
    for names, shift in zip(groups, shifts, strict=True):
        for name in names:
            box = nodes[name]
            nodes[name] = Box(*ax.point(ax.main(box) - shift, ax.cross(box)), box.w, box.h)
    return (size[0], size[1] - moved) if ax.tb else (size[0] - moved, size[1])


def trim(nodes: dict[str, Box], axis: frozenset[str], size: tuple[float, float],
         ax: Axes) -> tuple[float, float]:
    """Move the nodes across the ranks so that those drawn (all but the level axis's)
    start at 0, and return the layout's size with its breadth cut to what they span: the
    invisible axis nodes stand beside the first node of each rank (top-down: left of the
    chart, left to right: below it), a NODESEP or more from it, and took that room from
    the drawing (26 to 80 units of blank page left of the cards)."""
    drawn = [box for name, box in nodes.items() if name not in axis]
    if not drawn:
        return size
    low = min(ax.cross(box) - ax.half_cross(box) for box in drawn)
    high = max(ax.cross(box) + ax.half_cross(box) for box in drawn)
    for name, box in nodes.items():
        nodes[name] = Box(*ax.point(ax.main(box), ax.cross(box) - low), box.w, box.h)
    return (high - low, size[1]) if ax.tb else (size[0], high - low)


def tree_span(names: frozenset[str], nodes: dict[str, Box], ax: Axes) -> tuple[float, float]:
    """Where a tree's nodes (those placed) start and end across the ranks."""
    boxes = [nodes[name] for name in names if name in nodes]
    return (min(ax.cross(box) - ax.half_cross(box) for box in boxes),
            max(ax.cross(box) + ax.half_cross(box) for box in boxes))


def separate_trees(plan: DotPlan, nodes: dict[str, Box], size: tuple[float, float],
                   ax: Axes) -> tuple[float, float]:
    """Stand each separate tree (a card whose manager is unknown, a cycle's, drawn with
    `--force`: `DotPlan.trees`) across the ranks of its own, in file order of their tops,
    TREE_GAP after the one before it, as the tidy layout stands them left to right, and
    return the layout's size. Graphviz set them a NODESEP apart as cards of one list (left
    to right, a tree read as more of the list above it in its level's column), or a tree
    starting at a lower level under another tree's cards (top-down, its top read as their
    report)."""
    trees = [names for names in plan.trees if any(name in nodes for name in names)]
    if len(trees) < 2:
        return size
    at: float | None = None
    for names in trees:
        low, high = tree_span(names, nodes, ax)
        shift = 0.0 if at is None else at - low
        for name in names:
            box = nodes.get(name)
            if box is not None:
                nodes[name] = Box(*ax.point(ax.main(box), ax.cross(box) + shift),
                                  box.w, box.h)
        at = high + shift + TREE_GAP
    return trim(nodes, plan.axis_nodes, size, ax)


def start_dot(chart: Chart, box: CardBox, theme: Theme, engine: Engine,
              timeout: float, lists: bool = False) -> tuple[DotPlan, Job]:
    """Write the layout graph and start Graphviz on it without waiting (see `finish_dot`).
    The caller ends the job (its result, or `cancel()` on any error). `lists`: a top-down
    chart lists people as the tidy layout chooses (see `dotlists`)."""
    plan = write_dot(chart, box, theme, lists=lists)
    return plan, engine.start(plan.source, "plain", "dot", timeout)


def finish_dot(chart: Chart, plan: DotPlan, job: Job) -> Geometry:
    """Read Graphviz's layout of `plan` and route the connectors."""
    plain = job.result().decode("utf-8", "replace")
    width, height, nodes, _edges = _parse_plain(plain)
    beside = {card for spine in plan.spines for row in spine.rows for card in row}
    beside.update(card for group in plan.assistants for line in group.lines for card in line)
    missing = [name for spine in plan.spines for name in spine.points if name not in nodes]
    missing += [name for group in plan.assistants for name in group.nodes
                if name not in nodes]
    beside.update(card for top in plan.top_blocks for card in top.block.boxes)
    missing += [name for top in plan.top_blocks for name in top.nodes if name not in nodes]
    missing += [name for card, name in plan.node_of.items()
                if card not in beside and name not in nodes]  # (placed by spines and lines)
    if missing:
        raise RenderError(f"Graphviz's layout lacks node {missing[0]}: try --engine system")
    for name, exact in (plan.heights or {}).items():
        nodes[name] = nodes[name]._replace(h=exact)
    ax = Axes(chart.direction)
    width, height = trim(nodes, plan.axis_nodes, (width, height), ax)
    width, height = close_lines(plan, nodes, (width, height), ax)
    width, height = separate_trees(plan, nodes, (width, height), ax)
    place_spines(plan, nodes)
    if plan.assistants:  # (a manager's box: every card has the same width)
        place_assistants(plan, nodes, nodes[plan.node_of[plan.assistants[0].manager]], ax)
    if plan.top_blocks:
        height = place_lists(plan, nodes)
    router = _Router(chart, plan, nodes)
    lines = router.connectors()
    boxes = {card_id: nodes[name] for card_id, name in plan.node_of.items()}
    rows, sizes = level_rows(plan, nodes, ax, router.halves, 2 * router.card_half)
    if plan.top_from is not None:  # listed rows are no level rows (as the tidy layout's)
        rows = {row: at for row, at in rows.items() if row < plan.top_from}
        sizes = sizes and {row: size for row, size in sizes.items() if row in rows}
    add_links(chart, boxes, lines, None, width, height)
    return Geometry(width, height, boxes, rows, tuple(lines), chart.direction, sizes)



def layout_dot(chart: Chart, box: CardBox, theme: Theme, engine: Engine,
               timeout: float, lists: bool = False) -> tuple[Geometry, DotPlan]:
    """Lay the chart out with Graphviz `dot` and route its connectors (`lists`: see
    `start_dot`)."""
    plan, job = start_dot(chart, box, theme, engine, timeout, lists)
    with job:
        return finish_dot(chart, plan, job), plan
