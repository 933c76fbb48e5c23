"""Sparse slides merged: folded into the slide above, or sibling subtrees side by side.

The split (plan.py) leaves many slides that hold a manager and two or three reports or
"continued" piles: a head whose directors' teams went to slides of their own, say. Two
passes merge them, neither drawing anything smaller:

1. `Merger.fold`: a part cut off its manager's slide for readability (not by --split)
   comes back onto that slide, its own piles with it, when the slide stays readable without
   stacking its leaf reports deeper than before.
2. `Merger.merge`: slides of sibling subtrees (their top people report to the same manager,
   drawn on the same slide) are packed onto shared slides, first fit in deck order, four at
   most a slide. Each subtree is a panel with a heading (its team, as its own slide's
   title, and its headcount); panels stand side by side, a thin rule between them; all
   draw their cards at one size, so their rows line up (each row of the slide is one
   reporting level; the level column is left out); a panel's leaf reports may be stacked
   deeper than on a slide of its own. The shared slide must be readable by the same rule
   as any slide (its smallest text at or above --min-font), else the subtrees keep theirs.

Parts spread over several slides ("(1 of 3)"), reporting chains drawn in columns, the
overview and tops (no manager) are never merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from orgviz.deck.draw import MARGIN, Drawn
from orgviz.deck.plan import Part, Planner
from orgviz.render.cards import CardBox, CardText, card_box, chart_texts
from orgviz.render.labels import ellipsize, xml_escape
from orgviz.render.themes import Theme

#: A panel's heading above its chart, in SVG units: its title and its headcount line.
HEADING_SIZE, HEADING_TEXT_SIZE = 13.0, 10.0
HEADING = 40.0
#: Room between two panels (a rule down its middle).
PANEL_GAP = 40.0
MAX_PANELS = 4
_FONT = re.compile(rb'font-family="[^"]*"')
_TITLE = re.compile(r"^\s*<title>[^<]*</title>")
_BACKGROUND = re.compile(r'^\s*<rect width="[^"]*" height="[^"]*" fill="[^"]*"/>')


def mergeable(part: Part) -> bool:
    """Whether a part may share its slide: one slide, not a chain, under a manager."""
    return (not part.overview and not part.chain and part.chunks == 1
            and part.root is not None and part.parent is not None)


def stacking(drawn: Drawn) -> int:
    """How deep the drawing stacks leaf reports (1: side by side)."""
    return drawn.chart.stack_rows or 1


def panels_size(drawns: Sequence[Drawn]) -> tuple[float, float]:
    """Width and height of panels side by side, headings included (SVG units)."""
    width = sum(d.width for d in drawns) + PANEL_GAP * (len(drawns) - 1)
    return width, HEADING + max(d.height for d in drawns)


class Merger:
    """Packs the slides of sibling subtrees of one org onto shared slides."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self._texts: dict[int, dict[str, CardText]] = {}
        self._variants: dict[tuple[int, CardBox], list[Drawn]] = {}
        self._stacks: dict[int, int] = {}  # id(part) -> its planned stacking (see `stacks`)

    def texts(self, part: Part) -> dict[str, CardText]:
        """The card texts of the part's chart (its card size follows from them)."""
        if id(part) not in self._texts:
            chart, _ = self.planner.drawer.chart(self.planner.view(part))
            self._texts[id(part)] = chart_texts(chart)
        return self._texts[id(part)]

    def box(self, parts: Sequence[Part]) -> CardBox:
        """One card size for all the parts: room for the longest name and title of any."""
        texts: dict[str, CardText] = {}
        for part in parts:
            texts.update(self.texts(part))
        return card_box(texts, team_line=True)  # (as every slide's: see Drawer.chart)

    def variants(self, part: Part, box: CardBox) -> list[Drawn]:
        """Ways to draw the part as a panel with cards of `box`, widest first (shallowest
        stacks), each narrower than the one before; none when it is too tall."""
        key = (id(part), box)
        if key not in self._variants:
            planner = self.planner
            room = planner.area_h - HEADING
            found: list[Drawn] = []
            across = part.drawn.chart.assistants_across if part.drawn else None
            for drawn in planner.drawer.draw(planner.view(part), rows_height=room, box=box,
                                             across=across):
                if (not drawn.axis and drawn.height <= room
                        and (not found or drawn.width < found[-1].width)):
                    found.append(drawn)
            self._variants[key] = found
        return self._variants[key]

    def arrange(self, parts: Sequence[Part]) -> list[Drawn] | None:
        """The panels of the parts on one readable slide, or None when they do not fit.

        Each starts at its widest; while the slide is too narrow, the widest panel that can
        be stacked deeper is.
        """
        planner = self.planner
        box = self.box(parts)
        options = [self.variants(part, box) for part in parts]
        if not all(options):
            return None
        pick = [0] * len(parts)
        while True:
            chosen = [found[index] for found, index in zip(options, pick, strict=True)]
            width, height = panels_size(chosen)
            smallest = min(HEADING_TEXT_SIZE, *(d.min_text for d in chosen))
            if planner.frame.readable(width, height, smallest, planner.min_font):
                return chosen
            narrower = [i for i in range(len(parts)) if pick[i] + 1 < len(options[i])]
            if not narrower:
                return None
            pick[max(narrower, key=lambda i: (chosen[i].width, -i))] += 1

    def fold(self, parts: list[Part]) -> list[Part]:
        """The parts less those folded into the slide of the part above them.

        A part drawn as a "continued" pile on a slide of its own comes back onto that slide
        (its own piles with it) when the slide stays readable without stacking its leaf
        reports deeper than before: a head with two piles under a VP no longer takes a slide
        of their own. Smallest first. Only parts cut off for readability fold, never those
        that --split cuts (another team's, a manager's with --split manager); the overview,
        chains and parts spread over several slides neither fold nor take folds.
        """
        planner = self.planner
        own = {part.root: part for part in parts if mergeable(part)}
        folded: set[int] = set()
        for part in parts:
            if id(part) in folded or part.overview or part.chain or part.chunks > 1:
                continue
            split = set(planner.first_cut(part.root))  # cut by --split: they stay apart
            while True:
                below = [own[pid] for pid in part.continued
                         if pid in own and own[pid].parent is part and pid not in split]
                below.sort(key=lambda child: (planner.cards(child),
                                              planner.tree.order[child.root or ""]))
                child = next((child for child in below if self.take(part, child)), None)
                if child is None:
                    break
                folded.add(id(child))
                for other in parts:
                    if other.parent is child:
                        other.parent = part
        return [part for part in parts if id(part) not in folded]

    def take(self, part: Part, child: Part) -> bool:
        """Draw `child` on `part`'s slide (its piles as piles) if that stays readable."""
        planner = self.planner
        continued = [pid for pid in part.continued if pid != child.root]
        trial = Part(part.root, planner.sort([*continued, *child.continued]), part.parent)
        readable = planner.readable(trial)
        planned = planner.pick(readable, grow=False)
        if planned is None or part.drawn is None or stacking(planned) > self.stacks(part):
            return False
        part.continued, part.drawn = trial.continued, planner.pick(readable)
        self._stacks[id(part)] = stacking(planned)
        return True

    def stacks(self, part: Part) -> int:
        """How deep the part's slide stacks leaf reports as planned (before a small chart
        grows to fill its slide, which may stack them deeper to draw them larger)."""
        if id(part) not in self._stacks:
            planned = self.planner.pick(self.planner.readable(part), grow=False)
            self._stacks[id(part)] = stacking(planned) if planned is not None else 1
        return self._stacks[id(part)]

    def merge(self, parts: list[Part]) -> list[Part]:
        """The parts in deck order, sparse siblings sharing slides (`Part.share`)."""
        tree = self.planner.tree
        groups: dict[tuple[str | None, int], list[Part]] = {}
        for part in parts:
            if mergeable(part) and self.variants(part, self.box([part])):
                key = (tree.manager.get(part.root or ""), id(part.parent))
                groups.setdefault(key, []).append(part)
        for members in groups.values():
            for shared in self.pack(members):
                drawns = self.arrange(shared)
                assert drawns is not None
                for part, drawn in zip(shared, drawns, strict=True):
                    part.drawn, part.share = drawn, shared
        ordered: list[Part] = []
        for part in parts:
            if not part.share:
                ordered.append(part)
            elif part is part.share[0]:
                ordered.extend(part.share)
        return ordered

    def pack(self, members: list[Part]) -> list[list[Part]]:
        """First fit: each part joins the first shared slide it fits on; the slides with
        more than one part."""
        slides: list[list[Part]] = []
        for part in members:
            for shared in slides:
                if len(shared) < MAX_PANELS and self.arrange([*shared, part]) is not None:
                    shared.append(part)
                    break
            else:
                slides.append([part])
        return [shared for shared in slides if len(shared) > 1]


@dataclass(frozen=True)
class Composed:
    """Panels drawn as one chart: the SVG, its size and where each panel was put."""

    svg: bytes
    width: float
    height: float
    offsets: tuple[tuple[float, float], ...]  # each panel's chart's top left corner


def _inner(svg: bytes) -> str:
    """The drawing of a chart SVG without its root element, title and background."""
    text = svg.decode("utf-8")
    start = text.index(">", text.index("<svg")) + 1
    body = text[start:text.rindex("</svg>")]
    body = _TITLE.sub("", body, count=1)
    return _BACKGROUND.sub("", body, count=1)


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def compose(drawns: Sequence[Drawn], headings: Sequence[tuple[str, str]], theme: Theme,
            title: str) -> Composed:
    """Panels side by side, each below its heading (title, headcount), a rule between."""
    width, height = panels_size(drawns)
    font = _FONT.search(drawns[0].svg)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
           f'viewBox="0 0 {_n(width)} {_n(height)}" '
           f'{font.group(0).decode() if font else ""} role="img">',
           f"<title>{xml_escape(title)}</title>",
           f'<rect width="{_n(width)}" height="{_n(height)}" fill="{theme.background}"/>']
    offsets = []
    x = 0.0
    for index, (drawn, (name, count)) in enumerate(zip(drawns, headings, strict=True)):
        if index:
            rule = x - PANEL_GAP / 2
            out.append(f'<path d="M{_n(rule)} {_n(MARGIN)}V{_n(height - MARGIN)}" '
                       f'stroke="{theme.card_border}" stroke-width="1"/>')
        room = drawn.width - 2 * MARGIN
        left = x + MARGIN
        out.append(f'<text x="{_n(left)}" y="{_n(MARGIN + HEADING_SIZE)}" '
                   f'font-size="{_n(HEADING_SIZE)}" font-weight="bold" fill="{theme.text}">'
                   f"{xml_escape(ellipsize(name, room, HEADING_SIZE, True))}</text>")
        out.append(f'<text x="{_n(left)}" y="{_n(MARGIN + HEADING_SIZE + 15)}" '
                   f'font-size="{_n(HEADING_TEXT_SIZE)}" fill="{theme.muted}">'
                   f"{xml_escape(ellipsize(count, room, HEADING_TEXT_SIZE))}</text>")
        out.append(f'<g transform="translate({_n(x)} {_n(HEADING)})">{_inner(drawn.svg)}</g>')
        offsets.append((x, HEADING))
        x += drawn.width + PANEL_GAP
    out.append("</svg>")
    return Composed(("\n".join(out) + "\n").encode("utf-8"), width, height, tuple(offsets))
