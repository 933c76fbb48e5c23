"""What measuring remembers of the fonts answers as reading them afresh does (resvgfonts'
character maps, labels' widths of graphemes left to resvg's fallback)."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from itertools import chain

import pytest

from orgviz.render import labels, resvgfonts
from orgviz.render.resvgfonts import _cmap_runs, _groups


def _format12(groups: list[tuple[int, int, int]]) -> bytes:
    """A format 12 cmap subtable of (first, last, first glyph) groups."""
    head = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    return head + b"".join(struct.pack(">III", *group) for group in groups)


def _spread(count: int) -> list[tuple[int, int, int]]:
    """`count` groups in order, apart, of one to three code points, up into plane 2."""
    groups, point = [], 0x20
    for index in range(count):
        groups.append((point, point + index % 3, 1 + index))
        point += index % 3 + 1 + index % 5 * 7
    return groups


def _points(runs: Sequence[Iterable[int]]) -> list[int]:
    return list(chain.from_iterable(runs))


@pytest.mark.parametrize("bounds", [(0, 0x10FFFF), (0x0590, 0x1CFF), (0x4E00, 0x4E80),
                                    (0x20000, 0x20200), (0x10FFF0, 0x10FFFF), (0x30, 0x20)])
def test_many_groups_in_order_are_read_as_the_runs_they_give(bounds: tuple[int, int]) -> None:
    data = _format12(_spread(resvgfonts._MANY_GROUPS + 10))
    read = _groups(data, 0)
    assert read is not None
    low, high = bounds
    runs = _cmap_runs(data, 0, low, high)
    assert _points(read.runs(low, high)) == _points(runs)
    whole = set(_points(_cmap_runs(data, 0)))
    assert {point for point in range(0, max(whole) + 5) if point in read} == whole
    assert read.issuperset(sorted(whole)[::97]) and not read.issuperset([0x1F, *whole])


@pytest.mark.parametrize("change", ["glyph 0", "out of order", "overlapping", "past U+10FFFF",
                                    "few"])
def test_groups_that_bisection_would_misread_are_read_as_runs(change: str) -> None:
    groups = _spread(resvgfonts._MANY_GROUPS + 10)
    first, last, _ = groups[100]
    if change == "glyph 0":
        groups[100] = (first, last, 0)
    elif change == "out of order":
        groups[100], groups[101] = groups[101], groups[100]
    elif change == "overlapping":
        groups[100] = (first, groups[101][0], 5)
    elif change == "past U+10FFFF":
        groups[-1] = (groups[-1][0], 0x110005, 9)
    else:
        groups = groups[:resvgfonts._MANY_GROUPS - 1]
    assert _groups(_format12(groups), 0) is None


def _installed(family: str) -> resvgfonts.Face | None:
    return resvgfonts.installed_fonts().face(family, False, False)


@pytest.mark.parametrize("family", ["Noto Sans CJK SC", "DejaVu Sans", "Noto Color Emoji",
                                    "Droid Sans Fallback"])
def test_a_remembered_character_map_has_what_the_font_file_has(
        family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    face = _installed(family)
    if face is None:
        pytest.skip(f"{family} is not installed")
    charmap = resvgfonts._charmap.__wrapped__(face.path, face.offset)
    monkeypatch.setattr(resvgfonts, "_MANY_GROUPS", 1 << 40)  # every table read as runs
    points = resvgfonts._charmap.__wrapped__(face.path, face.offset)
    assert isinstance(points, frozenset) and len(points) > 100
    top = max(points) + 3
    assert {point for point in range(top) if point in charmap} == points
    assert charmap.issuperset(sorted(points)) and not charmap.issuperset([top])
    for low, high in ((0, 0x10FFFF), (0x0590, 0x1CFF), (0x3000, 0x4E80)):
        expected = resvgfonts.code_points(face.path, face.offset, low, high)
        monkeypatch.undo()
        assert resvgfonts.code_points(face.path, face.offset, low, high) == expected
        monkeypatch.setattr(resvgfonts, "_MANY_GROUPS", 1 << 40)


def test_character_maps_are_remembered_per_face() -> None:
    cjk, dejavu = _installed("Noto Sans CJK SC"), _installed("DejaVu Sans")
    if cjk is None or dejavu is None:
        pytest.skip("needs Noto Sans CJK and DejaVu Sans")
    fonts = resvgfonts.installed_fonts()
    for face in (cjk, dejavu):
        assert fonts.has_all(face, map(ord, "A"))
    assert fonts.has_all(cjk, [ord("王")]) and not fonts.has_all(dejavu, [ord("王")])
    assert fonts.has_all(dejavu, [ord("ل")]) and not fonts.has_all(cjk, [ord("ل")])


@pytest.mark.parametrize("text", ["राम க்ஷ", "ক্ষ 王小明 ש", "Ana க ❤ ☺ 😀", "ნინო สุดา"])
def test_a_grapheme_left_to_the_fallback_measures_the_same_remembered(text: str) -> None:
    fonts = resvgfonts.installed_fonts()
    for bold in (False, True):
        chart = resvgfonts.first_face(labels._MEASURED_STACK, bold, False, fonts)
        for cluster in labels.graphemes(text):
            remembered = labels._fallback_cluster(cluster, chart, fonts)
            assert remembered == labels._fallback_cluster.__wrapped__(cluster, chart, fonts)
            assert labels._fallback_cluster(cluster, chart, fonts) == remembered


def test_a_grapheme_left_to_the_fallback_is_remembered_per_face() -> None:
    fonts = resvgfonts.installed_fonts()
    regular = resvgfonts.first_face(labels._MEASURED_STACK, False, False, fonts)
    bold = resvgfonts.first_face(labels._MEASURED_STACK, True, False, fonts)
    if regular is None or bold is None or regular == bold:
        pytest.skip("needs the chart's font in two weights")
    assert labels._fallback_cluster("m", regular, fonts) is not None
    assert labels._fallback_cluster("m", regular, fonts) != labels._fallback_cluster(
        "m", bold, fonts)


def test_is_drawn_remembered_answers_as_asked_afresh() -> None:
    for char in "a \u200d\ufe0f\u0301क\n\t😀":
        assert resvgfonts.is_drawn(char) == resvgfonts._drawn.__wrapped__(char)
