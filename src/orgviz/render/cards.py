"""Card contents and size: the lines each card shows, each card's own height (its lines) and
the tallest card of the chart."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from orgviz.render.chart import Card, Chart, note_name
from orgviz.render.labels import ellipsize, text_width, wrapped

WIDTH = 196.0  # card width (SVG user units = CSS px; Graphviz gets width / 72 inches)
PAD_X = 11.0
PAD_TOP = 9.0
PAD_BOTTOM = 9.0
NAME_SIZE, NAME_LINE = 13.0, 16.0
TITLE_SIZE, TITLE_LINE = 11.0, 14.0
TEAM_SIZE, TEAM_LINE = 9.5, 13.0
GAP = 3.0  # between name and title, and above the team line
MAX_NAME_LINES = 2
MAX_TITLE_LINES = 3
ACCENT = 5.0  # height reserved for the accent band
NOTE_MARK = 16.0  # the dotted-line note: a short dashed line, then the text
#: Rollup and continued cards are piles: copies of the card drawn this far right and down.
PILE = (8.0, 4.0)


class CardText(NamedTuple):
    """What one card shows: wrapped name and title lines, the team line, and a full text."""

    name: tuple[str, ...]
    title: tuple[str, ...]
    team: str
    full: str  # everything, unwrapped: the card's tooltip
    #: The dotted-line note, on its own line below the team (`dotted_note`): "dotted line
    #: to Dana Reyes" (the card's dotted-line managers) and/or "from 2 people" (its
    #: dotted-line reports); "" for none.
    dotted: str = ""
    #: A continued card's note ("+4 people · slide 7") below its team line, above the
    #: dotted-line note; "" for none (a continued card without a team has its note as
    #: `team`, where the team line would be).
    detail: str = ""

    @property
    def notes(self) -> int:
        """The lines below the team line: the continued card's note, the dotted-line one."""
        return (1 if self.detail else 0) + (1 if self.dotted else 0)


def card_text(card: Card) -> CardText:
    """Wrap and shorten a card's texts to the card width."""
    inner = WIDTH - 2 * PAD_X
    name = wrapped(card.name, inner, NAME_SIZE, True, MAX_NAME_LINES)
    title: tuple[str, ...]
    detail = ""
    if card.kind == "rollup":
        title = (card.detail,) if card.detail else ()
        team = "collapsed below this level"
    elif card.kind == "continued":  # the note below the team: "+4 people · slide 7"
        title = wrapped(card.title, inner, TITLE_SIZE, False, MAX_TITLE_LINES)
        team = ellipsize(card.team, inner, TEAM_SIZE) if card.team else ""
        detail = ellipsize(card.detail, inner, TEAM_SIZE)
        if not team:  # (no team line: the note stands in its place)
            team, detail = detail, ""
    else:
        title = wrapped(card.title, inner, TITLE_SIZE, False, MAX_TITLE_LINES)
        team = ellipsize(card.team, inner, TEAM_SIZE) if card.team else ""
    parts = [card.name, card.title or card.detail, card.tip or card.team]
    if card.kind == "continued":
        parts = [card.name, card.title, card.team, card.detail]
    return CardText(name, title, team, " — ".join([p for p in parts if p]), detail=detail)


class CardHeights(Mapping[str, float]):
    """Each card's own height (tall enough for its lines), by card id: an immutable mapping
    that hashes by its content, so that a CardBox holding one stays a dictionary key."""

    __slots__ = ("_hash", "_heights")

    def __init__(self, heights: Mapping[str, float] | None = None) -> None:
        self._heights: dict[str, float] = dict(heights or {})
        self._hash: int | None = None

    def __getitem__(self, card_id: str) -> float:
        return self._heights[card_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._heights)

    def __len__(self) -> int:
        return len(self._heights)

    def height_of(self, card_id: str, default: float) -> float:
        """Card `card_id`'s height, or `default` (a dict's get: no Mapping mixin's cost)."""
        return self._heights.get(card_id, default)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._heights.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CardHeights):
            return self._heights == other._heights
        return NotImplemented

    def __repr__(self) -> str:
        return f"CardHeights({len(self._heights)} cards)"


NO_HEIGHTS = CardHeights()


class CardBox(NamedTuple):
    """The card width, the height of the chart's tallest card, and where each kind of line
    sits in a card. `heights` holds each card's own height: the tidy layout gives the cards
    of a row (or a stack) the tallest of theirs; a card without one is `height` tall."""

    width: float
    height: float
    name_lines: int
    title_lines: int
    notes: int = 0  # lines below the team line of the card with most (`CardText.notes`)
    heights: CardHeights = NO_HEIGHTS

    def own_height(self, card_id: str) -> float:
        """The height card `card_id` needs for its own lines (`height` when not known)."""
        return self.heights.height_of(card_id, self.height)

    def name_y(self, index: int) -> float:
        """Baseline of name line `index`, from the card's top."""
        return ACCENT + PAD_TOP + NAME_SIZE + index * NAME_LINE

    def title_y(self, index: int, name_lines: int) -> float:
        """Baseline of title line `index` below `name_lines` name lines."""
        return (ACCENT + PAD_TOP + (name_lines - 1) * NAME_LINE + NAME_SIZE + GAP
                + TITLE_LINE * (index + 1) - (TITLE_LINE - TITLE_SIZE))

    def team_y(self, height: float | None = None, notes: int | None = None) -> float:
        """Baseline of the team line: at the bottom of a card `height` tall (the chart's
        tallest by default), above the notes line when it has one."""
        height = self.height if height is None else height
        notes = self.notes if notes is None else notes
        return height - PAD_BOTTOM - (TEAM_LINE - TEAM_SIZE) / 2 - notes * TEAM_LINE

    def note_y(self, height: float | None = None) -> float:
        """Baseline of the dotted-line note: at the bottom of a card `height` tall."""
        height = self.height if height is None else height
        return height - PAD_BOTTOM - (TEAM_LINE - TEAM_SIZE) / 2


def lines_height(name_lines: int, title_lines: int, notes: int, team_line: bool = True) -> float:
    """The height of a card with this many name and title lines (at least one each) and
    notes lines (below the team line: 0, 1 or 2), and a team line unless `team_line` is
    false."""
    return (ACCENT + PAD_TOP + NAME_LINE * max(name_lines, 1) + GAP
            + TITLE_LINE * max(title_lines, 1) + (GAP + TEAM_LINE if team_line else 0.0)
            + TEAM_LINE * notes + PAD_BOTTOM)


def card_box(texts: dict[str, CardText], team_line: bool | None = None) -> CardBox:
    """Each card's own height (its name, title and note lines), and the chart's tallest
    card: the longest name and title of the chart, and a dotted-line note when a card
    has one (the size of every card of the `dot` layout). Cards have room for a team line
    below the title when `team_line` says so; by default where some card of the chart has
    a team line or a note (a chart of an org without teams has none: its cards are shorter,
    not blank at the bottom)."""
    heights: dict[str, float] = {}
    sizes: dict[tuple[int, int, int], float] = {}  # most cards share a few shapes
    if team_line is None:
        team_line = any(text.team or text.dotted for text in texts.values())
    for card_id, text in texts.items():
        shape = (len(text.name), len(text.title), text.notes)
        height = sizes.get(shape)
        if height is None:
            height = sizes[shape] = lines_height(*shape, team_line=team_line)
        heights[card_id] = height
    name_lines = max((shape[0] for shape in sizes), default=1) or 1
    title_lines = max((shape[1] for shape in sizes), default=1) or 1
    notes = max((shape[2] for shape in sizes), default=0)
    height = lines_height(name_lines, title_lines, notes, team_line=team_line)
    return CardBox(WIDTH, height, name_lines, title_lines, notes, CardHeights(heights))


def _named(card: Card) -> str:
    """How a dotted-line note names a card: the person, or an open role by its title."""
    return note_name(card.kind == "open", card.name, card.title)


def dotted_note(managers: list[str], reports: list[str]) -> str:
    """A card's dotted-line note, fitted to the card, in the same plain words on every card:
    whom the card has dotted lines to (its dotted-line managers) and from (its dotted-line
    reports). "dotted line to Dana Reyes", "dotted line from Sam Ito", "dotted lines from 3
    people", "dotted lines to Dana Reyes · from 2 people": names while they fit, then counts
    (with their noun: a bare "from 1" reads badly), then the first manager's name cut short
    (to at least NAME_LEFT characters: the count without its noun, "from 1", where the noun
    would leave fewer)."""
    count = len(managers) + len(reports)
    if not count:
        return ""
    room = WIDTH - 2 * PAD_X - NOTE_MARK
    head = "dotted line" if count == 1 else "dotted lines"
    to_parts = _to_parts(managers) or [""]
    from_parts = _from_parts(reports) or [""]
    for to in to_parts:
        for from_ in from_parts:
            text = _note(head, to, from_)
            if text_width(text, TEAM_SIZE) <= room:
                return text
    if not managers:  # (one dotted-line report, of a long name)
        return _cut_into(reports[0], lambda name: _note(head, "", "from " + name), room)[0]
    more = f" +{len(managers) - 1:,}" if len(managers) > 1 else ""
    note, kept = _cut_into(managers[0], lambda name: _note(head, "to " + name + more,
                                                           from_parts[-1]), room)
    if reports and kept < NAME_LEFT:  # (the noun would leave too little of the name)
        bare = f"from {len(reports):,}"
        note = _cut_into(managers[0], lambda name: _note(head, "to " + name + more, bare),
                         room)[0]
    return note


#: At least this many characters of a cut name are kept by a note ending "from 2": with
#: "from 2 people" fewer would be left ("to … · from 1 person" names no one).
NAME_LEFT = 4


def _cut_into(name: str, note: Callable[[str], str], room: float) -> tuple[str, int]:
    """The note `note` makes of `name`, the name cut (isolated) so that the note fits
    `room`, and how many of the name's characters it keeps: a line that mixes scripts is
    measured wider than its parts (`text_width`), so the name is cut further while the
    whole note is too wide; "…" at the least."""
    budget = room - text_width(note(""), TEAM_SIZE)
    while True:
        cut = ellipsize(name, budget, TEAM_SIZE)
        found = note(isolated(cut))
        if cut == "…" or text_width(found, TEAM_SIZE) <= room:
            return found, len(name) if cut == name else len(cut.rstrip("…").rstrip())
        budget -= TEAM_SIZE / 4


def _to_parts(managers: list[str]) -> list[str]:
    """What a note can say of a card's dotted-line managers, longest first."""
    if not managers:
        return []
    parts = ["to " + ", ".join(map(isolated, managers))]
    if len(managers) > 1:
        parts.append(f"to {isolated(managers[0])} +{len(managers) - 1:,}")
    return parts


def _from_parts(reports: list[str]) -> list[str]:
    """What a note can say of a card's dotted-line reports, longest first."""
    if not reports:
        return []
    count = len(reports)
    return ["from " + ", ".join(map(isolated, reports)),
            f"from {count:,} {'person' if count == 1 else 'people'}"]


def _note(head: str, to: str, from_: str) -> str:
    """A note of these parts: "dotted lines to A · from 2 people"."""
    return head + " " + " · ".join(part for part in (to, from_) if part)


def isolated(name: str) -> str:
    """A name with right-to-left letters between bidi isolates (U+2068 ... U+2069), so that
    the text after it in a note keeps its place (a count or a name after a Hebrew name is
    not drawn before it: "דנה כהן, 2" read right to left); other names as they are."""
    if name.isascii() or not any(unicodedata.bidirectional(c) in ("R", "AL") for c in name):
        return name
    return f"\u2068{name}\u2069"


def chart_texts(chart: Chart) -> dict[str, CardText]:
    """The text of every card, by card id, with the dotted-line notes: of the whole org
    (`Chart.noted`), drawn or not."""
    texts = {card.id: card_text(card) for card in chart.cards}
    managers: dict[str, list[str]] = {}
    reports: dict[str, list[str]] = {}
    by_id = chart.by_id
    far = dict(chart.far_names)
    for link in chart.links if chart.noted is None else chart.noted:
        if link.kind != "dotted":
            continue
        boss, report = by_id.get(link.manager), by_id.get(link.report)
        boss_name = _named(boss) if boss is not None else far.get(link.manager)
        report_name = _named(report) if report is not None else far.get(link.report)
        if boss_name is None or report_name is None:  # an end nobody can name
            continue
        if report is not None:
            managers.setdefault(link.report, []).append(boss_name)
        if boss is not None:
            reports.setdefault(link.manager, []).append(report_name)
    for card_id in (*managers, *(k for k in reports if k not in managers)):
        text = texts[card_id]
        above, below = managers.get(card_id, []), reports.get(card_id, [])
        full = text.full
        if above:
            full += f" — dotted line{'s' if len(above) > 1 else ''} to " + ", ".join(above)
        if below:
            full += f" — dotted line{'s' if len(below) > 1 else ''} from " + ", ".join(below)
        texts[card_id] = text._replace(dotted=dotted_note(above, below), full=full)
    return texts
