"""Pure-data tree layout for org charts: card positions and orthogonal edge routes."""

from orgviz.layout.tidy import (
    LayoutOptions,
    PreparedForest,
    TreeLayout,
    layout_forest,
    measure_forest,
)

__all__ = ["LayoutOptions", "PreparedForest", "TreeLayout", "layout_forest", "measure_forest"]
