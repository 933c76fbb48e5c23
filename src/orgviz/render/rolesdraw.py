"""Draw the role-ladder chart (`orgviz roles`) as SVG from Graphviz's `json0` layout.

Graphviz places the fixed-size boxes and the column frames (clusters); the arrows (between
rows and within one) and their counts are placed by orgviz.render.rolesroute (Graphviz's
splines only hint where an arrow may pass); the dashed "no ..." boxes then move where the
missing role would sit (orgviz.render.rolesghosts). Everything visible is drawn here, with
every text escaped, so both engines give the same look (the embedded one cannot read
HTML-like labels).
"""

from __future__ import annotations

import itertools
import json
import math
from typing import TYPE_CHECKING

from orgviz.errors import RenderError
from orgviz.render.labels import clean, ellipsize, text_width, xml_escape
from orgviz.render.rolesghosts import Ghost, Skip, place_ghosts
from orgviz.render.rolesroute import (
    LABEL_H,
    ROW_LOOP,
    Cubic,
    Grid,
    Rect,
    Route,
    Router,
    RowArrow,
    label_rect,
    place_label,
    row_routes,
    sampled,
)
from orgviz.render.themes import DEFAULT_FONT
from orgviz.roles_chart import (
    DOTTED_COLOR,
    EDGE_COLOR,
    GHOST,
    LEADERSHIP_FILL,
    OTHER_FILL,
    PRODUCT_FILL,
    Line,
)

if TYPE_CHECKING:
    from orgviz.roles_chart import Arrow, Box, Plan


Point = tuple[float, float]

MARGIN = 24.0
TITLE_SIZE = 20.0
TITLE_GAP = 18.0  # between the title's baseline and the columns
AXIS_SIZE = 12.5
AXIS_PAD = 12.0  # between the bands' left edge and the level labels (each starts there)
AXIS_GAP = 14.0  # between the widest level label and the first column
LEGEND_SIZE = 11.0
LEGEND_LINE = 20.0
BAND_FILL = "#F4F6F9"
FRAME = "#BBBBBB"
RADIUS = 6.0
ARROW_LENGTH = 7.0  # an arrowhead's length along its arrow
SPAN_PAD = 14.0  # between a line and the side of a box over several rows (as in the others)


def _bezier_points(control: list[Point]) -> list[Point]:
    """A cubic Bézier path (Graphviz's spline: a start, then three points a piece) as a
    fine polyline (`sampled`)."""
    return sampled(list(zip(control[0::3], control[1::3], control[2::3], control[3::3],
                            strict=False)))


def _n(value: float) -> str:
    """A coordinate with at most two decimals, stable across platforms."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(x: float, y: float, content: str, size: float, fill: str, *,
          anchor: str = "middle", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{fill}" '
            f'text-anchor="{anchor}"{weight}>{xml_escape(content)}</text>')


# --- reading the layout --------------------------------------------------------------------

class _Layout:
    """Boxes, frames, arrows and arrow labels from Graphviz `json0`, y pointing down."""

    def __init__(self, data: bytes) -> None:
        try:
            doc = json.loads(data.decode("utf-8", "replace"))
            self.height = self._bb(doc["bb"])[3]
        except (ValueError, KeyError, TypeError, IndexError):
            raise RenderError("cannot read Graphviz's layout of the roles chart (not the "
                              "expected JSON): try the other --engine") from None
        self.centers: dict[str, Point] = {}
        self.frames: dict[str, tuple[float, float, float, float]] = {}
        self.splines: dict[str, tuple[list[Point], Point | None]] = {}
        try:
            for item in doc.get("objects", []):
                name = str(item.get("name", ""))
                if "nodes" in item or "edges" in item or name.startswith("cluster"):
                    if "bb" in item:
                        x1, y1, x2, y2 = self._bb(item["bb"])
                        self.frames[name] = (x1, self.height - y2, x2, self.height - y1)
                elif "pos" in item:
                    self.centers[name] = self._point(item["pos"])
            for edge in doc.get("edges", []):
                if "id" in edge and "pos" in edge:
                    self.splines[edge["id"]] = self._spline(edge["pos"])
        except (ValueError, TypeError, AttributeError, IndexError):
            raise RenderError("cannot read Graphviz's layout of the roles chart (unexpected "
                              "positions): try the other --engine") from None

    @staticmethod
    def _bb(text: str) -> tuple[float, float, float, float]:
        x1, y1, x2, y2 = (float(v) for v in str(text).split(","))
        return x1, y1, x2, y2

    def _point(self, text: str) -> Point:
        x, y = str(text).split(",")[:2]
        return float(x), self.height - float(y)

    def _spline(self, text: str) -> tuple[list[Point], Point | None]:
        """Bézier control points and the arrow tip (`e,x,y`) of an edge's first spline."""
        tip: Point | None = None
        points: list[Point] = []
        for part in str(text).split(";")[0].split():
            if part.startswith("e,"):
                tip = self._point(part[2:])
            elif part.startswith("s,"):
                continue
            else:
                points.append(self._point(part))
        if len(points) < 4 or (len(points) - 1) % 3:
            raise ValueError(text)
        return points, tip


# --- drawing -------------------------------------------------------------------------------

class _Drawing:
    def __init__(self, chart: Plan, layout: _Layout) -> None:
        self.chart, self.layout = chart, layout
        missing = [name for name in chart.boxes if name not in layout.centers]
        if missing:
            raise RenderError(f"Graphviz's layout of the roles chart lacks box {missing[0]}: "
                              f"try the other --engine")
        found = [layout.frames.get(f"cluster_{i}") for i in range(len(chart.columns))]
        frames = [frame for frame in found if frame is not None]
        if len(frames) < len(found):
            raise RenderError("Graphviz's layout of the roles chart lacks a column frame: "
                              "try the other --engine")
        self.frames = frames
        self.row_of = {lvl: index for index, lvl in enumerate(chart.levels)}  # level -> row
        levels = [chart.boxes[self.level_id(lvl)] for lvl in chart.levels]
        self.axis_w = AXIS_PAD + max((text_width(b.lines[0].text, AXIS_SIZE, True)
                                      for b in levels), default=0.0) + AXIS_GAP
        self.depths: dict[int, float] = {}  # row -> the lowest arrow under it (routed)
        self.measure()
        self.last_row = self.spanned()
        self.span_w = {name: self.spanned_width(self.chart.boxes[name])
                       for name in self.last_row}

    def measure(self) -> None:
        """The chart's size, offsets, legend and rows' extents from the frames and boxes."""
        left = min((f[0] for f in self.frames), default=0.0)
        right = max((f[2] for f in self.frames), default=0.0)
        top = min((f[1] for f in self.frames), default=0.0)
        bottom = max((f[3] for f in self.frames), default=0.0)
        self.graph_w, self.graph_h = right - left, bottom - top
        # The bands reach AXIS_PAD past the last column's frame, as they start AXIS_PAD
        # before the level labels (not flush with the frame's edge).
        self.content_w = max(self.axis_w + self.graph_w + AXIS_PAD, 640.0)
        # Columns narrower than the legend needs (one org) stand in the middle of the bands.
        spare = self.content_w - self.axis_w - self.graph_w - AXIS_PAD
        self.dx = MARGIN + self.axis_w + spare / 2 - left
        self.dy = MARGIN + TITLE_SIZE + TITLE_GAP - top
        self.width = 2 * MARGIN + self.content_w
        self.legend, legend_h = self.legend_items(MARGIN + TITLE_SIZE + TITLE_GAP
                                                  + self.graph_h + 22)
        self.height = MARGIN + TITLE_SIZE + TITLE_GAP + self.graph_h + 22 + legend_h + MARGIN
        self.extents = self.row_extents()

    def room_under(self) -> dict[int, float]:
        """How much further apart each row must stand from the next for the arrows under it
        (rolesroute.row_routes) to stay ROW_LOOP above the next row's boxes, by row."""
        found = {}
        for row, y in self.depths.items():
            if row + 1 in self.extents:
                need = y + ROW_LOOP - self.extents[row + 1][0]
                if need > 0.005:
                    found[row] = need
        return found

    def lower_rows(self, room: dict[int, float]) -> None:
        """Everything below each row in `room` (boxes, level labels, Graphviz's splines and
        the frames' bottoms) moved down by its amount, and the chart measured again."""
        cuts = [((self.extents[row][1] + self.extents[row + 1][0]) / 2, need)
                for row, need in room.items()]

        def lowered(point: Point) -> Point:
            return point[0], point[1] + sum(need for cut, need in cuts if point[1] > cut)

        layout = self.layout
        layout.centers = {name: lowered(p) for name, p in layout.centers.items()}
        layout.splines = {name: ([lowered(p) for p in points],
                                 None if tip is None else lowered(tip))
                          for name, (points, tip) in layout.splines.items()}
        self.frames = [(x1, y1, x2, lowered((x2, y2))[1]) for x1, y1, x2, y2 in self.frames]
        self.measure()

    def row_extents(self) -> dict[int, tuple[float, float]]:
        """The top and bottom of each row's boxes (layout coordinates), by row."""
        found: dict[int, tuple[float, float]] = {}
        for box in self.chart.boxes.values():
            if box.kind not in ("role", "ghost"):
                continue
            y = self.layout.centers[box.id][1]
            top, bottom = found.get(self.row_of[box.level], (math.inf, -math.inf))
            found[self.row_of[box.level]] = (min(top, y - box.h / 2), max(bottom, y + box.h / 2))
        return found

    def spanned(self) -> dict[str, int]:
        """The last row of each combined role's box that reaches down over the rows of its
        other members (a Head + Director of Product over the Head's and the Director's
        rows), where no other box of its column stands in those rows."""
        found: dict[str, int] = {}
        for ids in self.chart.columns:
            for name in ids:
                box = self.chart.boxes[name]
                rows = [self.row_of[level] for level, _ in box.parts if level in self.row_of]
                if box.kind != "role" or not rows or max(rows) <= self.row_of[box.level]:
                    continue
                below = range(self.row_of[box.level] + 1, max(rows) + 1)
                if not any(self.chart.boxes[other].kind in ("role", "ghost")
                           and self.row_of[self.chart.boxes[other].level] in below
                           for other in ids if other != name):
                    found[name] = max(rows)
        return found

    def layout_rect(self, name: str) -> Rect:
        """A box's rectangle in layout coordinates (one over several rows: down to its last
        row's bottom, as wide as its longest line there)."""
        box = self.chart.boxes[name]
        x, y = self.layout.centers[name]
        if name not in self.last_row:
            return x - box.w / 2, y - box.h / 2, x + box.w / 2, y + box.h / 2
        w = self.span_w[name]
        return x - w / 2, y - box.h / 2, x + w / 2, self.extents[self.last_row[name]][1]

    def spanned_texts(self, box: Box) -> list[tuple[int, str]]:
        """The name lines of a combined role's box over several rows: (row, text), each
        member on its own row (`+ Director of Product` after the first)."""
        by_row: dict[int, list[str]] = {}
        for level, name in box.parts:
            if level in self.row_of:
                by_row.setdefault(self.row_of[level], []).append(name)
        return [(row, ("+ " if index else "") + " + ".join(by_row[row]))
                for index, row in enumerate(sorted(by_row))]

    def spanned_width(self, box: Box) -> float:
        """How wide a combined role's box over several rows is: its longest line there with
        the padding of the other boxes, never wider than its one-row form."""
        name, count = box.lines[0], box.lines[-1]
        widths = [text_width(text, name.size, name.bold) for _, text in self.spanned_texts(box)]
        widest = max([*widths, text_width(count.text, count.size, count.bold)])
        return min(box.w, 2 * math.ceil((widest + 2 * SPAN_PAD) / 2))

    @staticmethod
    def level_id(level: str) -> str:
        return f"lvl_{level.replace('-', '_')}"

    def at(self, point: Point) -> Point:
        return point[0] + self.dx, point[1] + self.dy

    def box_rect(self, box: Box) -> tuple[float, float]:
        """The top-left corner of a box."""
        x, y = self.at(self.layout.centers[box.id])
        return x - box.w / 2, y - box.h / 2

    # pieces ---------------------------------------------------------------------------------
    def lines_at(self, lines: list[Line], cx: float, cy: float) -> list[str]:
        """Text lines centred on (cx, cy)."""
        out = []
        y = cy - sum(line.height for line in lines) / 2
        for line in lines:
            baseline = y + line.height / 2 + line.size * 0.35
            out.append(_text(cx, baseline, line.text, line.size, line.color, bold=line.bold))
            y += line.height
        return out

    def bands(self) -> list[str]:
        """Level labels left of the columns, each AXIS_PAD inside its band's left edge (the
        widest one started on the edge), and every other level row tinted."""
        chart, out = self.chart, []
        heights: dict[str, float] = {}
        for box in chart.boxes.values():
            if box.kind in ("role", "ghost"):
                heights[box.level] = max(heights.get(box.level, 0.0), box.h)
        for index, level in enumerate(chart.levels):
            box = chart.boxes[self.level_id(level)]
            _, y = self.at(self.layout.centers[box.id])
            half = max(heights.get(level, 0.0), 30.0) / 2 + 7
            if index % 2 == 0:
                out.append(f'<rect x="{_n(MARGIN)}" y="{_n(y - half)}" '
                           f'width="{_n(self.content_w)}" height="{_n(2 * half)}" rx="6" '
                           f'fill="{BAND_FILL}"/>')
            out.append(_text(MARGIN + AXIS_PAD, y + AXIS_SIZE * 0.35, box.lines[0].text,
                             AXIS_SIZE, box.lines[0].color, anchor="start", bold=True))
        return out

    def columns(self) -> list[str]:
        """Each org's frame and header."""
        out = []
        for column, ids in enumerate(self.chart.columns):
            x1, y1, x2, y2 = self.frames[column]
            (left, top), (right, bottom) = self.at((x1, y1)), self.at((x2, y2))
            header = self.chart.boxes[ids[0]]
            out.append(f"<g><title>{xml_escape(header.tooltip)}</title>")
            out.append(f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(right - left)}" '
                       f'height="{_n(bottom - top)}" rx="8" fill="none" stroke="{FRAME}" '
                       f'stroke-width="1.2"/>')
            _, cy = self.at(self.layout.centers[header.id])
            used = sum(line.height for line in header.lines)
            out.extend(self.lines_at(header.lines, (left + right) / 2,
                                     cy - header.h / 2 + 2 + used / 2))
            out.append("</g>")
        return out

    def routed(self) -> dict[str, list[Cubic]]:
        """The pieces of every arrow, tail to head, by arrow id (layout coordinates):
        orgviz.render.rolesroute's routes, between two rows and within one."""
        chart = self.chart
        found: dict[str, list[Cubic]] = {}
        self.depths = {}
        for column, ids in enumerate(chart.columns):
            members = [name for name in ids if chart.boxes[name].kind in ("role", "ghost")]
            roles = [name for name in members if chart.boxes[name].kind == "role"]
            grid = self.grid(column, roles)
            depths: dict[int, float] = {}
            routes = self.column_routes(grid, depths)
            if self.place_ghosts(grid, [name for name in members if name not in roles],
                                 routes):
                # (some "no ..." box found no clear place: the arrows go around it)
                depths = {}
                routes = self.column_routes(self.grid(column, members), depths)
            found.update(routes)
            for row, y in depths.items():
                self.depths[row] = max(self.depths.get(row, y), y)
        return found

    def grid(self, column: int, names: list[str]) -> Grid:
        """The given boxes of a column as obstacles, with the rows and the column's frame."""
        return Grid({name: self.layout_rect(name) for name in names},
                    {name: self.row_of[self.chart.boxes[name].level] for name in names},
                    self.extents, self.frames[column],
                    {name: row for name, row in self.last_row.items() if name in names})

    def place_ghosts(self, grid: Grid, ghosts: list[str],
                     routes: dict[str, list[Cubic]]) -> bool:
        """Each "no ..." box of a column moved where the missing role would sit
        (orgviz.render.rolesghosts), clear of the column's arrows; whether one found no
        clear place (it stays where Graphviz put it)."""
        chart, centers = self.chart, self.layout.centers
        ghosts_in = [Ghost(name, self.row_of[chart.boxes[name].level], chart.boxes[name].w,
                           chart.boxes[name].h, *centers[name]) for name in ghosts]
        skips = []
        for arrow in chart.arrows:
            if arrow.id in routes and arrow.tail in grid.boxes:
                a, b = grid.row_of[arrow.tail], grid.row_of[arrow.head]
                upper, lower = (arrow.tail, arrow.head) if a <= b else (arrow.head, arrow.tail)
                skips.append(Skip(arrow.id, grid.bottom_row(upper), grid.row_of[lower],
                                  arrow.count, arrow.dotted, sampled(routes[arrow.id])))
        spots = place_ghosts(grid, ghosts_in, skips)
        for name, x in spots.items():
            centers[name] = (x, centers[name][1])
        return len(spots) < len(ghosts)

    def column_routes(self, grid: Grid, depths: dict[int, float]) -> dict[str, list[Cubic]]:
        """The pieces of the arrows of one column, tail to head: those between two rows
        routed together, then those within one row, clear of the others' ends (`depths`
        gets the lowest y of those under each row)."""
        routes: list[Route] = []
        within: list[RowArrow] = []
        ups: set[str] = set()  # (the arrows drawn up: their head is the upper box)
        for arrow in self.chart.arrows:
            if arrow.tail not in grid.boxes or arrow.head not in grid.boxes:
                continue
            a, b = grid.row_of[arrow.tail], grid.row_of[arrow.head]
            if a == b:
                within.append(RowArrow(arrow.id, arrow.tail, arrow.head,
                                       self.line_width(arrow)))
                continue
            upper, lower = (arrow.tail, arrow.head) if a < b else (arrow.head, arrow.tail)
            if a > b:
                ups.add(arrow.id)
            rows = list(range(grid.bottom_row(upper) + 1, grid.row_of[lower]))
            routes.append(Route(arrow.id, upper, lower, self.line_width(arrow), rows,
                                hint=self.hint(arrow.id, [grid.middle(r) for r in rows])))
        found, row = self.solved(grid, routes, within, ups, [], {})
        if row:  # (again, clear of the arrows within a row where it can)
            found, row = self.solved(grid, routes, within, ups,
                                     [sampled(pieces) for pieces in row.values()], depths)
        return found | row

    @staticmethod
    def solved(grid: Grid, routes: list[Route], within: list[RowArrow], ups: set[str],
               fixed: list[list[Point]], depths: dict[int, float]
               ) -> tuple[dict[str, list[Cubic]], dict[str, list[Cubic]]]:
        """The pieces of a column's arrows between rows, routed clear of the `fixed` ones
        where they can (tail to head; `ups`: those drawn up), and then those within a row
        (`depths`: as row_routes')."""
        router = Router(grid, routes, fixed)
        router.solve()
        found = {name: ([(p3, p2, p1, p0) for p0, p1, p2, p3 in reversed(pieces)]
                        if name in ups else pieces)
                 for name, pieces in router.pieces.items()}
        bottoms: dict[str, list[float]] = {}
        for route in routes:
            bottoms.setdefault(route.upper, []).append(router.ports[(route.id, "bottom")])
        return found, row_routes(grid, within, bottoms, depths)

    def hint(self, arrow_id: str, heights: list[float]) -> list[float] | None:
        """Where Graphviz's spline of an arrow crosses each of the given heights (layout
        coordinates), or None without a spline or where it misses one."""
        spline = self.layout.splines.get(arrow_id)
        if spline is None:
            return None
        line = _bezier_points(spline[0])
        found = []
        for y in heights:
            for (x1, y1), (x2, y2) in itertools.pairwise(line):
                if min(y1, y2) <= y <= max(y1, y2):
                    found.append(x1 if y1 == y2 else x1 + (x2 - x1) * (y - y1) / (y2 - y1))
                    break
            else:
                return None
        return found

    @staticmethod
    def line_width(arrow: Arrow) -> float:
        """An arrow's stroke: thicker the more reporting lines it stands for."""
        return 1.2 if arrow.dotted else 1 + math.log2(arrow.count)

    def arrows(self, routed: dict[str, list[Cubic]]) -> list[str]:
        """The arrows, dotted ones first (under the solid ones), then their counts on top."""
        out: list[str] = []
        drawn: dict[str, list[Point]] = {}  # the fine polyline of each arrow, drawn coordinates
        for arrow in sorted(self.chart.arrows, key=lambda a: not a.dotted):
            color = DOTTED_COLOR if arrow.dotted else EDGE_COLOR
            width = self.line_width(arrow)
            if arrow.id in routed:
                line = [self.moved(piece) for piece in routed[arrow.id]]
                tip = line[-1][3]
                d, base = self.route_path(line)
                drawn[arrow.id] = sampled(line)
            else:
                spline = self.layout.splines.get(arrow.id)
                if spline is None:
                    continue
                control, found = spline
                moved = [self.at(p) for p in control]
                d = f"M{_n(moved[0][0])} {_n(moved[0][1])}" + "".join(
                    f"C{_n(a[0])} {_n(a[1])} {_n(b[0])} {_n(b[1])} {_n(c[0])} {_n(c[1])}"
                    for a, b, c in zip(moved[1::3], moved[2::3], moved[3::3], strict=True))
                end = self.at(found) if found is not None else None
                tip, base = (end or moved[-1]), moved[-1]
                drawn[arrow.id] = _bezier_points(moved)
            dash = ' stroke-dasharray="5 4"' if arrow.dotted else ""
            out.append(f"<g><title>{self.what(arrow)}</title>")
            out.append(f'<path d="{d}" fill="none" stroke="{color}" '
                       f'stroke-width="{_n(width)}"{dash}/>')
            if tip != base:
                out.append(self.arrowhead(base, tip, color, width))
            out.append("</g>")
        return out + self.counts(drawn)

    def moved(self, piece: Cubic) -> Cubic:
        """A piece of a route in drawn coordinates."""
        p0, p1, p2, p3 = piece
        return self.at(p0), self.at(p1), self.at(p2), self.at(p3)

    def what(self, arrow: Arrow) -> str:
        """An arrow's tooltip (escaped): who reports to whom, in how many lines."""
        boxes = self.chart.boxes
        lines = f"{arrow.count:,} {'line' if arrow.count == 1 else 'lines'}"
        what = (f"dotted line from {boxes[arrow.head].name} to {boxes[arrow.tail].name}"
                if arrow.dotted else
                f"{boxes[arrow.head].name} reports to {boxes[arrow.tail].name}")
        return f"{xml_escape(what)}: {lines}"

    @staticmethod
    def route_path(pieces: list[Cubic]) -> tuple[str, Point]:
        """SVG path data of a routed arrow that stops ARROW_LENGTH short of its tip (its
        last piece runs straight), and where it stops (the arrowhead's base)."""
        *body, (start, _, _, tip) = pieces
        length = math.dist(start, tip)
        back = min(ARROW_LENGTH, length / 2)
        base = (tip[0] + (start[0] - tip[0]) * back / length,
                tip[1] + (start[1] - tip[1]) * back / length) if length else tip
        d = f"M{_n(pieces[0][0][0])} {_n(pieces[0][0][1])}"
        for p0, p1, p2, p3 in [*body, (start, start, base, base)]:
            if p0 == p1 and p2 == p3:
                d += f"L{_n(p3[0])} {_n(p3[1])}"
            else:
                d += f"C{_n(p1[0])} {_n(p1[1])} {_n(p2[0])} {_n(p2[1])} {_n(p3[0])} {_n(p3[1])}"
        return d, base

    def counts(self, drawn: dict[str, list[Point]]) -> list[str]:
        """Each count of more than one reporting line, on its own arrow where nothing else
        comes near (else beside it): a white patch the line runs under, and the number."""
        out: list[str] = []
        for column, ids in enumerate(self.chart.columns):
            members = set(ids)
            x1, y1, x2, y2 = self.frames[column]
            (left, top), (right, bottom) = self.at((x1, y1)), self.at((x2, y2))
            rects = [self.drawn_rect(self.chart.boxes[name]) for name in ids]
            mine = [a for a in self.chart.arrows if a.tail in members and a.id in drawn]
            taken: list[Rect] = []
            for arrow in mine:
                if arrow.count < 2:
                    continue
                text = f"{arrow.count:,}"
                w = text_width(text, 10.0) + 6
                others = [drawn[a.id] for a in mine if a.id != arrow.id]
                x, y = place_label(drawn[arrow.id], others, rects, taken, w,
                                   (left, top, right, bottom))
                taken.append(label_rect((x, y), w))
                out.append(f"<g><title>{self.what(arrow)}</title>")
                out.append(f'<rect x="{_n(x - w / 2)}" y="{_n(y - LABEL_H / 2)}" '
                           f'width="{_n(w)}" height="{_n(LABEL_H)}" rx="3" fill="#FFFFFF" '
                           f'fill-opacity="0.9"/>')
                out.append(_text(x, y + 3.5, text, 10.0, "#333333"))
                out.append("</g>")
        return out

    def drawn_rect(self, box: Box) -> Rect:
        """A box's rectangle as drawn (the header's too; one over several rows reaches its
        last row's bottom)."""
        if box.id in self.last_row:
            x1, y1, x2, y2 = self.layout_rect(box.id)
            (left, top), (right, bottom) = self.at((x1, y1)), self.at((x2, y2))
            return left, top, right, bottom
        left, top = self.box_rect(box)
        return left, top, left + box.w, top + box.h

    @staticmethod
    def arrowhead(base: Point, tip: Point, color: str, width: float = 1.0) -> str:
        """A filled triangle from `base` to `tip`, wider than a line of `width`."""
        dx, dy = tip[0] - base[0], tip[1] - base[1]
        length = math.hypot(dx, dy)
        if length < 0.01:
            return ""
        half = max(3.0, length * 0.36, width * 0.5 + 2.5)
        px, py = -dy / length * half, dx / length * half
        points = [tip, (base[0] + px, base[1] + py), (base[0] - px, base[1] - py)]
        text = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        return f'<polygon points="{text}" fill="{color}" stroke="{color}" stroke-width="1"/>'

    def boxes(self) -> list[str]:
        out = []
        for ids in self.chart.columns:
            for name in ids[1:]:
                box = self.chart.boxes[name]
                left, top, right, bottom = self.drawn_rect(box)
                dash = ' stroke-dasharray="5 3"' if box.kind == "ghost" else ""
                fill = "#FFFFFF" if box.kind == "ghost" else box.fill
                out.append(f"<g><title>{xml_escape(box.tooltip)}</title>")
                out.append(f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(right - left)}" '
                           f'height="{_n(bottom - top)}" rx="{_n(RADIUS)}" fill="{fill}" '
                           f'stroke="{box.stroke}" stroke-width="{_n(box.stroke_width)}"'
                           f"{dash}/>")
                if box.id in self.last_row:
                    out.extend(self.spanned_lines(box, (left + right) / 2))
                else:
                    out.extend(self.lines_at(box.lines, (left + right) / 2,
                                             (top + bottom) / 2))
                out.append("</g>")
        return out

    def spanned_lines(self, box: Box, cx: float) -> list[str]:
        """The text of a combined role's box over several rows: each member's name on its
        own row's middle, the count under the last one."""
        name, count = box.lines[0], box.lines[-1]
        out: list[str] = []
        texts = self.spanned_texts(box)
        for row, text in texts:
            text = ellipsize(text, self.span_w[box.id] - SPAN_PAD, name.size, name.bold)
            lines = [Line(text, name.size, name.bold, name.color)]
            if row == texts[-1][0]:
                lines.append(count)
            _, y = self.at(self.layout.centers[self.level_id(self.chart.levels[row])])
            out.extend(self.lines_at(lines, cx, y))
        return out

    def legend_items(self, top: float) -> tuple[list[str], float]:
        """The key under the columns, flowed to the chart's width: (items, height)."""
        senior = any(box.kind == "role" and box.fill == LEADERSHIP_FILL and box.level == "svp"
                     for box in self.chart.boxes.values())  # (an SVP of Product drawn)
        leaders = f"CPO, {'SVP or VP' if senior else 'VP'}, Head, Director of Product"
        entries = [
            ("fill", LEADERSHIP_FILL, f"product leadership ({leaders})"),
            ("fill", PRODUCT_FILL, "product managers"),
            ("fill", OTHER_FILL, "roles the product ladder reports to"),
            ("ghost", GHOST, "a leadership role the company does not have"),
            ("arrow", EDGE_COLOR, "people of the lower role report to people of the upper one "
                                 "(number: reporting lines, when more than one)"),
            ("dotted", DOTTED_COLOR, "dotted-line report"),
        ]
        if not any(box.kind == "ghost" for box in self.chart.boxes.values()):
            entries = [entry for entry in entries if entry[0] != "ghost"]
        if not any(arrow.dotted for arrow in self.chart.arrows):
            entries = [entry for entry in entries if entry[0] != "dotted"]
        out: list[str] = []
        x, y = MARGIN, top + LEGEND_SIZE
        limit = MARGIN + self.content_w
        for kind, color, label in entries:
            label = ellipsize(label, self.content_w - 40, LEGEND_SIZE)
            need = 30 + text_width(label, LEGEND_SIZE) + 22
            if x + need > limit + 22 and x > MARGIN:
                x, y = MARGIN, y + LEGEND_LINE
            mid = y - LEGEND_SIZE * 0.35
            if kind == "fill":
                out.append(f'<rect x="{_n(x + 2)}" y="{_n(mid - 6)}" width="20" height="12" '
                           f'rx="3" fill="{color}" stroke="{"#333333"}" stroke-width="0.8"/>')
            elif kind == "ghost":
                out.append(f'<rect x="{_n(x + 2)}" y="{_n(mid - 6)}" width="20" height="12" '
                           f'rx="3" fill="#FFFFFF" stroke="{color}" stroke-width="1"'
                           f' stroke-dasharray="3 2"/>')
            else:
                dash = ' stroke-dasharray="4 3"' if kind == "dotted" else ""
                out.append(f'<path d="M{_n(x)} {_n(mid)}H{_n(x + 17)}" stroke="{color}" '
                           f'stroke-width="1.4" fill="none"{dash}/>')
                out.append(self.arrowhead((x + 16, mid), (x + 23, mid), color))
            out.append(_text(x + 30, y, label, LEGEND_SIZE, "#444444", anchor="start"))
            x += need
        return out, y - top + 4

    def draw(self, generator: str) -> bytes:
        chart = self.chart
        width, height = self.width, self.height
        out = ['<?xml version="1.0" encoding="UTF-8"?>']
        if generator:
            out.append(f"<!-- {xml_escape(generator).replace('--', '- -')} -->")
        out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" '
                   f'height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
                   f'font-family="{xml_escape(DEFAULT_FONT)}" role="img">')
        title = ellipsize(clean(chart.title), self.content_w, TITLE_SIZE, True)
        out.append(f"<title>{xml_escape(title)}</title>")
        out.append(f'<rect width="{_n(width)}" height="{_n(height)}" fill="#FFFFFF"/>')
        out.append(_text(width / 2, MARGIN + TITLE_SIZE * 0.8, title, TITLE_SIZE, "#1A1A1A",
                         bold=True))
        routed = self.routed()  # (which also moves the "no ..." boxes to their places)
        for _ in range(len(chart.arrows) + 1):  # (each round, some row's gap grows)
            room = self.room_under()
            if not room:
                break
            self.lower_rows(room)
            routed = self.routed()
        for group in (self.bands(), self.columns(), self.arrows(routed), self.boxes(),
                      self.legend):
            out.append("<g>")
            out.extend(group)
            out.append("</g>")
        out.append("</svg>")
        return ("\n".join(out) + "\n").encode("utf-8")


def draw_roles(chart: Plan, layout_json: bytes, generator: str = "") -> bytes:
    """The roles chart as an SVG document (UTF-8 bytes), from Graphviz's `json0` layout."""
    return _Drawing(chart, _Layout(layout_json)).draw(generator)
