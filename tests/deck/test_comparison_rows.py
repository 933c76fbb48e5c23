"""The comparison table of a deck over several orgs: its product leadership rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgviz.deck.build import comparison_rows
from orgviz.loader import load
from orgviz.stats import compute

WITH_SVP = """\
    people:
      - {id: ceo, name: Cy Oh, title: CEO}
      - {id: svp, name: Sven Park, title: SVP of Product, reports_to: ceo}
      - {id: vp, name: Val Pike, title: VP of Product, reports_to: svp}
    """
SVP_ONLY = """\
    people:
      - {id: ceo, name: Cy Oh, title: CEO}
      - {id: svp, name: Sven Park, title: SVP of Product, reports_to: ceo}
      - {id: head, name: Hal Ng, title: Head of Product, reports_to: svp}
    """
WITHOUT = """\
    people:
      - {id: ceo, name: Cy Oh, title: CEO}
      - {id: cpo, name: Cai Po, title: Chief Product Officer, reports_to: ceo}
    """


def _rows(org_file: Callable[..., Path], *sources: str) -> dict[str, tuple[str, ...]]:
    stats = [compute(load(org_file(source, name=f"org{i}.yaml", header=True, size="small")))
             for i, source in enumerate(sources)]
    return {row[0]: row[1:] for row in comparison_rows(stats)}


def test_an_svp_of_product_row_where_some_compared_org_has_one(
        org_file: Callable[..., Path]) -> None:
    rows = _rows(org_file, WITHOUT, WITH_SVP)
    leadership = [label for label in rows if label in (
        "Chief Product Officer", "SVP of Product", "VP of Product", "Head of Product",
        "Director of Product")]
    assert leadership == ["Chief Product Officer", "SVP of Product", "VP of Product",
                          "Head of Product", "Director of Product"]  # (ladder order)
    assert rows["SVP of Product"] == ("none", "1")
    assert rows["VP of Product"] == ("none", "1")
    assert rows["Chief Product Officer"] == ("1", "none")


def test_no_svp_of_product_row_where_no_compared_org_has_one(
        org_file: Callable[..., Path]) -> None:
    rows = _rows(org_file, WITHOUT, WITHOUT)
    assert "SVP of Product" not in rows
    assert list(rows)[-4:] == ["Chief Product Officer", "VP of Product", "Head of Product",
                               "Director of Product"]


def test_a_vp_of_product_place_an_svp_of_product_fills_is_no_none(
        org_file: Callable[..., Path]) -> None:
    """As the product rules read it (and stats and the roles chart): an SVP of Product holds
    the place of a VP of Product nobody holds; the org with both counts each, the org with
    neither has none."""
    rows = _rows(org_file, SVP_ONLY, WITH_SVP, WITHOUT)
    assert rows["SVP of Product"] == ("1", "1", "none")
    assert rows["VP of Product"] == ("held by SVP of Product", "1", "none")
    assert rows["Head of Product"] == ("1", "none", "none")
    # Stats of an older orgviz (without `filled_by`): the VP of Product was "none".
    stats = [compute(load(org_file(SVP_ONLY, name="old.yaml", header=True, size="small")))]
    for entry in stats[0]["product_leadership"].values():
        del entry["filled_by"], entry["missing"]
    assert dict((row[0], row[1:]) for row in comparison_rows(stats))["VP of Product"] == (
        "none",)
