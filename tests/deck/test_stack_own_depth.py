"""On a slide, each manager's leaf reports are stacked as deep as their own stack fits
(`stack_fits`), not only as deep as the tightest manager's on the slide, and a stack is not
cut to leave one card alone in its last column when a card deeper fits (`stackings`)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer, _rows_without_orphan, stack_depth, stack_fits, stackings
from orgviz.loader import load
from orgviz.render.cards import CardBox
from orgviz.render.chart import Chart, View
from orgviz.render.themes import get_theme

ORGS = Path(__file__).resolve().parents[2] / "orgs"
_CARD = re.compile(r'<g transform="translate\(([0-9.]+) ([0-9.]+)\)"><title>([^<—]+) —')

#: A director with three leaf reports and a manager of three more, a row lower.
TEAM = """\
orgviz: 1
org: {name: Stack Co, size: small}
people:
  - {id: dir, name: Dee Ray, title: Director of Product}
  - {id: gpm, name: Gus Park, title: Group Product Manager, reports_to: dir}
  - {id: a1, name: Al One, title: Product Manager, reports_to: dir}
  - {id: a2, name: Al Two, title: Product Manager, reports_to: dir}
  - {id: a3, name: Al Three, title: Product Manager, reports_to: dir}
  - {id: b1, name: Bo One, title: Product Manager, reports_to: gpm}
  - {id: b2, name: Bo Two, title: Product Manager, reports_to: gpm}
  - {id: b3, name: Bo Three, title: Product Manager, reports_to: gpm}
"""


@pytest.mark.parametrize(("count", "rows", "fit", "deep"), [
    (3, 2, 3, 3),  # two and one: one column of three
    (3, 2, 2, 2),  # ... unless three do not fit
    (5, 2, 9, 3),  # two, two and one: three and two
    (7, 2, 9, 2),  # two, two, two and one: three, three and one leaves one alone too
    (7, 3, 9, 4),  # three, three and one: four and three
    (4, 2, 9, 2),  # two and two: none alone
    (3, 1, 9, 1),  # side by side: no stack
    (2, 2, 9, 2),  # one column already
])
def test_a_stack_is_a_card_deeper_rather_than_leave_one_alone(count, rows, fit, deep) -> None:
    assert _rows_without_orphan(count, rows, fit) == deep


def drawn_team(folder: Path, text: str) -> tuple[Drawer, Chart, CardBox]:
    """A deck's drawer of the org file `text` (written in `folder`), its whole chart and
    card box."""
    path = folder / "team.yaml"
    path.write_text(text, encoding="utf-8")
    drawer = Drawer(load(path), get_theme("light"))
    chart, box = drawer.chart(View())
    return drawer, chart, box


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> tuple[Drawer, Chart, CardBox]:
    return drawn_team(tmp_path_factory.mktemp("stack"), TEAM)


def test_each_manager_fits_its_own_depth(team) -> None:
    """The gpm's reports start a row lower than the director's: fewer fit below them."""
    _drawer, chart, box = team
    height = 2 * 8.0 + 3 * box.height + 2 * 36.0 + 2 * 14.0 + 1  # three rows and a bit
    fits = stack_fits(chart, box, height)
    assert fits["dir"] > fits["gpm"] >= 1
    assert stack_depth(chart, box, height) == fits["gpm"]


def test_stackings_give_each_manager_its_own_depth_first() -> None:
    chart = SimpleNamespace(reports={  # what `stackings` reads of a chart
        "dir": ["gpm", "a1", "a2", "a3"], "gpm": ["b1", "b2", "b3"],
        **{leaf: [] for leaf in ("a1", "a2", "a3", "b1", "b2", "b3")}})
    found = stackings(chart, {"dir": 3, "gpm": 2})  # type: ignore[arg-type]
    assert found == [(1, {}), (2, {"dir": 3}), (2, {})]  # depth 3 draws as (2, {"dir": 3})
    assert stackings(chart, {"dir": 4, "gpm": 4}) == [  # type: ignore[arg-type]
        (1, {}), (2, {"dir": 3, "gpm": 3}), (2, {}), (3, {}), (4, {})]


def _columns(svg: bytes, names: list[str]) -> int:
    """How many columns the named cards stand in on a drawing."""
    found = {name.strip(): float(x) for x, _y, name in _CARD.findall(svg.decode())}
    return len({found[name] for name in names})


def test_the_patient_experience_slide_stacks_each_manager_its_own_depth() -> None:
    """Marisol Ortega's three reports in one column (as on the chart); Tomás Herrera's, a
    row lower, two and one (three do not fit below him)."""
    deck = build_deck([(load(ORGS / "mid-size.yaml"), ())], DeckOptions())
    assert len(deck.slides) == 20  # (20 since the noted cards of 3f6c624; 21 before)
    slide = next(s for s in deck.slides if s.title == "Patient Experience")
    assert slide.picture is not None
    svg = slide.picture.svg
    assert _columns(svg, ['Katherine &quot;Kit&quot; Okafor', "Noor Aziz", "Open role"]) == 1
    assert _columns(svg, ["박지우", "Amelia Novák", "Kai Kealoha"]) == 2
