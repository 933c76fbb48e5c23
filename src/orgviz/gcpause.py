"""Pause the cyclic garbage collector while a big batch of acyclic objects is made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it runs) for the duration.

    An import makes some 100,000 long-lived container objects (rows, records, people) and
    no garbage cycles: the collector, triggered by the allocations, would walk them again
    and again for nothing, a third of the time of a 20,000-row import; validation makes a
    few tuples per finding (tens of thousands in a big org), none in a cycle either. At the
    end they go to the collector's oldest generation (`_promote_tracked`) instead of being
    walked once more by the first young collection after the pause.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _promote_tracked()
        gc.enable()


def _promote_tracked() -> None:
    """Move the objects the cyclic collector tracks to its oldest generation, unwalked.

    What a young collection does to objects that survive it, without walking them: the
    import's records and people outlive the import, and a young collection (the first
    allocation after the pause triggers one) would walk every one of them only to move it
    on. `gc.freeze()` then `gc.unfreeze()` moves every generation to the oldest in constant
    time; a full collection walks them as it would have. Skipped when something else has
    frozen objects (a fork server's `gc.freeze()`), which unfreeze would undo.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
