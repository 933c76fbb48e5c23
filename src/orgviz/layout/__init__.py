"""Pure-data tree layout for org charts: card positions and orthogonal edge routes."""

from orgviz.layout.tidy import LayoutOptions, TreeLayout, layout_forest

__all__ = ["LayoutOptions", "TreeLayout", "layout_forest"]
