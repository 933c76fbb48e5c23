"""The dot layout's assistants: each stands right next to its manager, nobody between.

With only the flat edge from the manager, Graphviz put the enterprise example's
assistant to Hamza Kim past all his fellow C-level executives, 20,000 px away, and her
line crossed 7 cards; an edge without weight from the manager's parent keeps her in its
order (`ordering=out`) next to him.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.dot import NODESEP, write_dot
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.pipeline import build

TEAM = """\
orgviz: 1
org: {name: Helpers}
people:
  - {id: ceo, name: Cleo Hart, title: CEO}
  - {id: cfo, name: Finn Dahl, title: Chief Financial Officer, reports_to: ceo}
  - {id: cto, name: Tara Moss, title: Chief Technology Officer, reports_to: ceo}
  - {id: ea, name: Eli Ruiz, title: Executive Assistant, reports_to: cto, assistant: true}
  - {id: vp, name: Vic Park, title: VP Engineering, reports_to: cto}
  - {id: eng, name: Ed Lowe, title: Software Engineer, reports_to: vp}
"""


@pytest.mark.parametrize("name", ["small", "mid-size", "enterprise"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("engine", ENGINES[:1])
def test_every_assistant_stands_next_to_its_manager(engine: str, direction: str,
                                                    name: str) -> None:
    org = load(ORGS / f"{name}.yaml")
    chart, theme, _, box = build(org, RenderOptions(layout="dot", direction=direction))
    geometry, _ = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    pairs = [(card.id, a) for card in chart.cards for a in chart.assistants[card.id]]
    assert pairs or name == "small"
    for manager_id, assistant_id in pairs:
        manager, assistant = geometry.boxes[manager_id], geometry.boxes[assistant_id]
        # the gap between neighbours of a rank: to the right top down, below left to right
        gap = (assistant.left - manager.right if direction == "TB"
               else assistant.top - manager.bottom)
        assert gap == pytest.approx(NODESEP * 72, abs=1.5), (manager_id, assistant_id, gap)


def test_an_assistant_follows_its_manager_among_the_parents_edges(
        org_file: Callable[..., Path]) -> None:
    chart, theme, _, box = build(load(org_file(TEAM)), RenderOptions(layout="dot"))
    plan = write_dot(chart, box, theme)
    ceo, cto, vp = (plan.node_of[i] for i in ("ceo", "cto", "vp"))
    (line,) = plan.assistants[0].nodes  # the assistant's line: a node of its own
    edges = [line.strip() for line in plan.source.splitlines() if line.startswith(f"  {ceo} ->")]
    assert edges[-2:] == [f"{ceo} -> {cto};", f"{ceo} -> {line} [weight=0, style=invis];"]
    # the line's own (heavy) edge from the manager; nobody else gets one
    assert f"  {cto} -> {line} [weight=8];" in plan.source
    assert f"{cto} -> {vp} [weight=0" not in plan.source


MANY = """\
orgviz: 1
org: {name: Helpers}
people:
  - {id: boss, name: Boss, title: CEO}
  - {id: a0, name: Assistant 0, title: Executive Assistant, reports_to: boss, assistant: true}
  - {id: a1, name: Assistant 1, title: Executive Assistant, reports_to: boss, assistant: true}
  - {id: a2, name: Assistant 2, title: Executive Assistant, reports_to: boss, assistant: true}
  - {id: a3, name: Assistant 3, title: Executive Assistant, reports_to: boss, assistant: true}
  - {id: a4, name: Assistant 4, title: Executive Assistant, reports_to: boss, assistant: true}
  - {id: cto, name: Tara Moss, title: Chief Technology Officer, reports_to: boss}
  - {id: cfo, name: Finn Dahl, title: Chief Financial Officer, reports_to: boss}
  - {id: b0, name: Helper 0, title: Executive Assistant, reports_to: cto, assistant: true}
  - {id: b1, name: Helper 1, title: Executive Assistant, reports_to: cto, assistant: true}
  - {id: b2, name: Helper 2, title: Executive Assistant, reports_to: cto, assistant: true}
  - {id: eng, name: Ed Lowe, title: Software Engineer, reports_to: cto}
"""


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("engine", [*ENGINES, "tidy"])
def test_several_assistants_stand_in_file_order(org_file: Callable[..., Path], engine: str,
                                                direction: str) -> None:
    """`--layout dot` put a manager's assistants in reverse file order (Boss, Assistant
    4 .. 0); the tidy layout in file order: both in file order now (reading order: the
    tidy layout stands more than three in further lines below, left to right beside)."""
    from orgviz.render.tidylayout import layout_tidy

    layout = "tidy" if engine == "tidy" else "dot"
    chart, theme, _, box = build(load(org_file(MANY)),
                                 RenderOptions(layout=layout, direction=direction))
    if layout == "tidy":
        geometry, _ = layout_tidy(chart, box)
    else:
        geometry, _ = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    for manager, helpers in (("boss", ["a0", "a1", "a2", "a3", "a4"]),
                             ("cto", ["b0", "b1", "b2"])):
        boxes = [geometry.boxes[i] for i in (manager, *helpers)]
        across = [(round(b.top, 2), b.left) if direction == "TB" else (round(b.left, 2), b.top)
                  for b in boxes]
        assert across == sorted(across), (manager, across)
