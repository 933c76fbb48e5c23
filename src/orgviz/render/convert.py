"""SVG to PNG/PDF conversion and slide-size fitting.

PNG is drawn by resvg (resvg-py): it shapes text with HarfBuzz's rules (Arabic letters join,
Hebrew and Arabic run right to left) and falls back to any installed font that has a
character (CJK, Hangul, ...), which resvgfonts.py picks at the text's weight (resvg's own
fallback ignores weights). cairosvg does neither, so it only draws PNG when resvg-py is
missing. PDF is drawn by cairosvg (vector, text stays text, reproducible bytes), except a
page whose text cairosvg would draw wrongly (see pdftext.py): that page is drawn by resvg
as an image of at most `PDF_IMAGE_DPI` dpi and `MAX_PDF_IMAGE_PIXELS`, placed on a PDF page
of the same size (`pdf_page_svg`), with a note saying so, and the drawing's text written
over it invisibly (pdftextlayer.py), so it can still be searched, selected and read aloud.
"""

from __future__ import annotations

import base64
import contextlib
import io
import math
import os
import re
import signal
import sys
import tempfile
import threading
import time
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn
from xml.sax.saxutils import quoteattr

from orgviz.errors import RenderError

if TYPE_CHECKING:
    from orgviz.render.pdftext import Trouble
    from orgviz.render.pdftextlayer import Line

#: A converter called with keywords (cairosvg's svg2png or svg2pdf, resvg's): the drawing.
Converter = Callable[..., bytes]

#: Aspect ratios (width, height) that `fit_svg` pads a drawing to; "a4" is landscape.
FIT_PRESETS: dict[str, tuple[int, int]] = {
    "16:9": (16, 9), "4:3": (4, 3), "a4": (297, 210), "a4-portrait": (210, 297),
}

#: cairo refuses image surfaces wider or taller than this (pixels); PNGs keep to it whatever
#: draws them, so that a chart gets the same size everywhere.
MAX_PNG_SIDE = 32_767
#: A PNG is drawn on an uncompressed RGBA surface: 2**28 pixels take 1 GiB of memory.
MAX_PNG_PIXELS = 2**28
#: A PNG drawn at a scale (no width asked for) has at most this many pixels, unless that
#: would draw it below its natural size: resvg draws and compresses about 5 megapixels a
#: second, so 16 megapixels take 2-4 s (the 147-post Home Office organogram at 2x was 33
#: megapixels in 4.5 s); a 600-person chart at 2x is 165 megapixels and would take 30 s.
PNG_PIXEL_BUDGET = 16_000_000
#: A chart of more than this many pixels at its natural size (1x) is drawn smaller, within
#: it, but not below `PNG_LEAST_SCALE`: the 1,030-post Home Office organogram is 59
#: megapixels at 1x and took 13 s.
PNG_NATURAL_PIXELS = 16_000_000
#: The least scale of such a PNG: the cards' 11 px titles are drawn 6 px high, the least
#: that is readable (pipeline.READABLE_PX); smaller, the PNG would show nothing legible.
PNG_LEAST_SCALE = 0.55
#: A PNG of at least this many pixels is drawn in a child process, which a Ctrl-C ends at once
#: (resvg holds the GIL while it draws); a smaller one, drawn in a fraction of a second, is
#: drawn here, without a fork's few milliseconds (a deck draws many).
APART_FROM_PIXELS = 4_000_000
#: Adobe Acrobat refuses PDF pages larger than 200 inches (14,400 pt) on a side.
MAX_PDF_SIDE_PT = 14_400

#: A PDF page drawn as an image (text cairo cannot draw) has this many dots per inch ...
PDF_IMAGE_DPI = 300
#: ... or fewer, so that it has at most this many pixels (128 MiB as RGBA while drawn).
MAX_PDF_IMAGE_PIXELS = 2**25
#: Below this resolution a note suggests a smaller chart (small text gets blurred).
SHARP_PDF_IMAGE_DPI = 150

INSTALL_CAIROSVG = "pip install cairosvg"
INSTALL_RESVG = "pip install resvg-py"
INSTALL_CAIRO = "apt-get install libcairo2 (brew install cairo on macOS)"

# Length units in CSS pixels at 96 dpi, as cairosvg converts them; 1em = 12pt = 16px.
_PX_PER_UNIT = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
                "mm": 96 / 25.4, "em": 16.0, "ex": 8.0}
_LENGTH = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([a-z%]*)\s*")
# Whitespace, processing instructions, comments and a DOCTYPE without internal subset.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE\s[^\[>]*>", re.S)
_ROOT_TAG = re.compile(
    rb"<svg((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTRIBUTE = re.compile(rb"(\s+)([^\s=/>]+)(\s*=\s*)(\"[^\"]*\"|'[^']*')")
_SVG_NS = "{http://www.w3.org/2000/svg}"


def verify_aspect(aspect: str) -> tuple[int, int]:
    """(width, height) of a preset name or of "W:H" with positive integers."""
    if aspect in FIT_PRESETS:
        return FIT_PRESETS[aspect]
    found = re.fullmatch(r"(\d{1,5}):(\d{1,5})", aspect.strip())
    if found and int(found.group(1)) > 0 and int(found.group(2)) > 0:
        return int(found.group(1)), int(found.group(2))
    raise RenderError(f"unknown aspect ratio {aspect!r} for fit (--fit): use one of "
                      f"{', '.join(FIT_PRESETS)} or W:H such as 21:9")


def verify_width(width: int) -> None:
    """Refuse a PNG `--width` wider than orgviz's rasteriser draws (before any work)."""
    if width > MAX_PNG_SIDE:
        raise RenderError(f"width (--width) {width} is more than orgviz's PNG rasteriser "
                          f"draws ({_png_limits(False)}): pass a smaller width, or write "
                          "SVG or PDF")


# --- reading the root <svg> element -----------------------------------------------------------

class _Root(NamedTuple):
    start: int  # offset of "<svg" in the document
    end: int  # offset just after the start tag's ">"
    attributes: dict[str, str]  # values decoded by the XML parser
    empty: bool  # written as <svg .../>


def _root(svg: bytes) -> _Root:
    """Locate and parse the root start tag; refuse DTD internal subsets (entity tricks)."""
    position = 3 if svg.startswith(b"\xef\xbb\xbf") else 0
    while (item := _PROLOG_ITEM.match(svg, position)) is not None:
        position = item.end()
    if svg.startswith(b"<!DOCTYPE", position):
        raise RenderError("the SVG declares a DTD internal subset (entities), which orgviz "
                          "does not read: pass SVG written by Graphviz")
    tag = _ROOT_TAG.match(svg, position)
    if tag is None:
        raise RenderError("the input is not an SVG document (its root element is not <svg>)")
    closing = b"" if tag.group(2) else b"</svg>"
    try:
        element = ET.fromstring(svg[:tag.end()] + closing)
    except ET.ParseError as exc:
        raise RenderError(f"the SVG's root element is not well-formed XML ({exc})") from None
    if element.tag not in ("svg", _SVG_NS + "svg"):
        raise RenderError("the input is not an SVG document (its root element is not <svg>)")
    return _Root(tag.start(), tag.end(), dict(element.attrib), bool(tag.group(2)))


def _length(value: str | None) -> tuple[float, str] | None:
    """(number, unit) of an absolute length; None when missing, relative (%) or unknown."""
    if value is None:
        return None
    found = _LENGTH.fullmatch(value)
    if found is None or found.group(2) not in _PX_PER_UNIT:
        return None
    number = float(found.group(1))
    return (number, found.group(2)) if number > 0 and math.isfinite(number) else None


def _view_box(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        numbers = [float(part) for part in re.split(r"[\s,]+", value.strip())]
    except ValueError:
        return None
    if len(numbers) != 4 or not all(map(math.isfinite, numbers)) or min(numbers[2:]) <= 0:
        return None
    x, y, width, height = numbers
    return x, y, width, height


def svg_size(svg: bytes) -> tuple[float, float]:
    """Width and height of the drawing in CSS pixels at 96 dpi, as cairosvg will draw it."""
    attributes = _root(svg).attributes
    box = _view_box(attributes.get("viewBox"))
    sizes = []
    for name, index in (("width", 2), ("height", 3)):
        length = _length(attributes.get(name))
        if length is not None:
            sizes.append(length[0] * _PX_PER_UNIT[length[1]])
        elif box is not None:
            sizes.append(box[index])
        else:
            raise RenderError(f"the SVG has no usable {name} or viewBox, so its size is unknown")
    return sizes[0], sizes[1]


# --- fitting to a slide -----------------------------------------------------------------------

def _number(value: Decimal | float) -> str:
    text = f"{value:.4f}" if isinstance(value, float) else f"{value:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def fit_svg(svg: bytes, aspect: str, pad_color: str | None = None) -> bytes:
    """Pad the drawing, centered, to the `aspect` ratio by rewriting only the root <svg> tag.

    The new width:height is exactly the requested ratio (as decimals with at most 4 places,
    in the original unit). The padding is transparent, or `pad_color` (a rectangle inserted as the
    first child). Everything after the root start tag is kept byte for byte.
    """
    ratio_w, ratio_h = verify_aspect(aspect)
    root = _root(svg)
    if root.empty:
        raise RenderError("the SVG is empty (<svg/>): there is no drawing to fit")
    attributes = root.attributes
    box = _view_box(attributes.get("viewBox"))
    width, height = _length(attributes.get("width")), _length(attributes.get("height"))
    if box is None:
        if width is None or height is None:
            raise RenderError("the SVG has no viewBox and no absolute width and height: "
                              "cannot fit it")
        # Without a viewBox one user unit is one CSS pixel.
        box = (0.0, 0.0, width[0] * _PX_PER_UNIT[width[1]],
               height[0] * _PX_PER_UNIT[height[1]])
    if width is None or height is None or width[1] != height[1]:
        width, height = (box[2], ""), (box[3], "")
    unit = width[1]
    old_w, old_h = Decimal(repr(width[0])), Decimal(repr(height[0]))
    # The smallest size of exactly ratio_w:ratio_h, in decimals of at most 4 places, that
    # holds the drawing: at most 0.01 unit more padding than needed.
    common = math.gcd(ratio_w, ratio_h)
    ratio_w, ratio_h = ratio_w // common, ratio_h // common
    step = max(old_w / ratio_w, old_h / ratio_h).quantize(Decimal("0.0001"), ROUND_CEILING)
    new_w, new_h = step * ratio_w, step * ratio_h
    units_per_x, units_per_y = width[0] / box[2], height[0] / box[3]
    pad_x = float(new_w - old_w) / 2 / units_per_x
    pad_y = float(new_h - old_h) / 2 / units_per_y
    view = (box[0] - pad_x, box[1] - pad_y, box[2] + 2 * pad_x, box[3] + 2 * pad_y)
    values = {"width": f"{_number(new_w)}{unit}", "height": f"{_number(new_h)}{unit}",
              "viewBox": " ".join(_number(v) for v in view)}

    tag = _set_root_attributes(svg[root.start:root.end], values)
    if pad_color:
        x, y, w, h = (_number(v) for v in view)
        tag += (f'\n<rect x="{x}" y="{y}" width="{w}" height="{h}" '
                f'fill={quoteattr(pad_color)} stroke="none"/>').encode()
    return svg[:root.start] + tag + svg[root.end:]


def _set_root_attributes(tag: bytes, values: dict[str, str]) -> bytes:
    """The root start tag `tag` with these attributes replaced or added."""
    seen: set[str] = set()

    def replace(found: re.Match[bytes]) -> bytes:
        name = found.group(2).decode("ascii", "replace")
        if name not in values:
            return found.group(0)
        seen.add(name)
        return (found.group(1) + found.group(2) + found.group(3)
                + quoteattr(values[name]).encode("utf-8"))

    tag = _ATTRIBUTE.sub(replace, tag)
    missing = b"".join(f" {name}={quoteattr(value)}".encode()
                       for name, value in values.items() if name not in seen)
    if tag.endswith(b"/>"):
        return tag[:-2] + missing + b"/>"
    return tag[:-1] + missing + b">"


def _pixel_sized(svg: bytes, width: int, height: int) -> bytes:
    """The SVG with a root size of exactly `width` x `height` px, the drawing scaled to it.

    resvg rounds scaled sizes its own way (up, or down when fitting); an SVG whose size is
    already whole pixels is drawn at exactly that size.
    """
    root = _root(svg)
    natural_w, natural_h = svg_size(svg)
    values = {"width": str(width), "height": str(height)}
    if _view_box(root.attributes.get("viewBox")) is None:  # one user unit is one CSS px
        values["viewBox"] = f"0 0 {_number(natural_w)} {_number(natural_h)}"
        values["preserveAspectRatio"] = "none"
    tag = _set_root_attributes(svg[root.start:root.end], values)
    return svg[:root.start] + tag + svg[root.end:]


# --- resvg and cairosvg -----------------------------------------------------------------------

def _resvg() -> Any | None:
    """The resvg_py module, or None when it is not installed."""
    try:
        import resvg_py
    except ImportError:
        return None
    return resvg_py


def _memory_pixels() -> int | None:
    """How many RGBA pixels fit in a third of the available memory, if that is known."""
    available = None
    try:  # Linux: MemAvailable counts the page cache that can be given back
        with open("/proc/meminfo", "rb") as info:
            for line in info:
                if line.startswith(b"MemAvailable:"):
                    available = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    if available is None:
        try:
            available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, ValueError, OSError):
            return None
    return available // 3 // 4 if available > 0 else None


def _cairosvg() -> Any:
    """Import cairosvg, or say how to install it and the cairo library it needs."""
    try:
        import cairosvg
    except ImportError:
        raise RenderError(f"PNG and PDF output need cairosvg: {INSTALL_CAIROSVG} "
                          f"(or write SVG)") from None
    except OSError:  # cairocffi could not load libcairo
        raise RenderError(f"cairosvg cannot find the cairo library: {INSTALL_CAIRO} "
                          f"(or write SVG)") from None
    return cairosvg


def _panicked(exc: BaseException) -> bool:
    """Whether `exc` is a Rust panic come through pyo3 (pyo3_runtime.PanicException, a
    BaseException, not an Exception): resvg 0.48 panics laying out some text (usvg
    layout.rs:953 on 👍🏽 in a <tspan> of the emoji font after letters of another font:
    resvgfonts writes the emoji font's span first)."""
    return type(exc).__name__ == "PanicException"


def _convert(kind: str, function: Converter, **options: Any) -> bytes:
    try:
        return function(**options)
    except MemoryError:
        raise RenderError(f"not enough memory to draw the {kind}: pass a smaller width (--width), "
                          f"or write SVG") from None
    except Exception as exc:
        raise RenderError(f"cannot convert the SVG to {kind}: "
                          f"{_first_line(exc, type(exc).__name__)}") from None
    except BaseException as exc:
        if not _panicked(exc):
            raise
        raise RenderError(f"cannot convert the SVG to {kind}: resvg failed on its text "
                          f"({_first_line(exc, 'no message')}); write SVG instead") from None


def _first_line(exc: BaseException, otherwise: str) -> str:
    """The first line of an exception's message, or `otherwise` when it has none."""
    message = str(exc).strip()
    return message.splitlines()[0] if message else otherwise


#: One `_hushed` drawing at a time: file descriptor 2 is the process's, and two threads
#: each moving it aside and back would leave it on the other's held file.
_HUSH_LOCK = threading.Lock()


def _hushed(function: Converter) -> Converter:
    """`function` (resvg's) with what it writes to the standard error (file descriptor 2)
    held back while it runs, and passed on unless it panicked: a Rust panic writes its
    message and, with RUST_BACKTRACE set, a stack backtrace there, and `_convert` says it
    in one line. Drawn as it is when there is no standard error (`2>&-`) or no file to hold
    it in. One thread at a time (resvg holds the GIL while it draws anyway); fd 2 is put
    back whatever stops the drawing, a Ctrl-C right after it was moved aside too."""
    def hushed(**options: Any) -> bytes:
        with _HUSH_LOCK, contextlib.ExitStack() as stack:
            try:
                sys.stderr.flush()
                held = stack.enter_context(tempfile.TemporaryFile())
                saved = os.dup(2)
            except (OSError, ValueError, AttributeError):
                return function(**options)
            panicked = False
            try:
                os.dup2(held.fileno(), 2)
                return function(**options)
            except BaseException as exc:
                panicked = _panicked(exc)
                raise
            finally:
                os.dup2(saved, 2)
                os.close(saved)
                if not panicked:
                    _pass_on(held)
    return hushed


def _pass_on(held: Any) -> None:
    """Write what `held` holds to the standard error, as far as it takes it (a closed pipe:
    the drawing is not lost for it)."""
    held.seek(0)
    written = held.read()
    with contextlib.suppress(OSError):
        while written:
            written = written[os.write(2, written):]


def _convert_apart(kind: str, function: Converter, **options: Any) -> bytes:
    """`_convert` in a child process, so that a Ctrl-C stops it at once: resvg holds the GIL
    for the whole drawing (seconds for a big chart), and no signal handler runs until it
    returns; the child is killed instead. Drawn here where there is no fork (Windows), no
    process to spare, or other threads (a child forked from them may find a lock held)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return _convert(kind, function, **options)
    read_end, write_end = os.pipe()
    # (every signal blocked across the fork: the child never runs the parent's handlers,
    # which would unwind into the parent's code; the parent takes a signal that came
    # meanwhile once it can end the child)
    unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    try:
        child = os.fork()
    except OSError:
        child = -1
    if child == 0:
        os.close(read_end)
        _draw_in_child(write_end, kind, function, options)
    os.close(write_end)
    if child < 0:  # (no process to spare)
        os.close(read_end)
        signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)
        return _convert(kind, function, **options)
    return _child_drawing(kind, child, read_end, unblocked)


def _draw_in_child(write_end: int, kind: str, function: Converter, options: dict[str, Any]
                   ) -> NoReturn:
    """(in the child) Send `_convert`'s result to the parent: b"P" and the drawing, or b"E"
    and the error's message; then end, without the parent's exit handlers."""
    status = 1
    try:
        try:
            tag, reply = b"P", _convert(kind, function, **options)
        except RenderError as exc:
            tag, reply = b"E", str(exc).encode("utf-8", "surrogatepass")
        with open(write_end, "wb") as pipe:
            pipe.write(tag + len(reply).to_bytes(8, "big"))
            pipe.write(reply)
        status = 0
    finally:
        os._exit(status)


def _child_drawing(kind: str, child: int, read_end: int, unblocked: set[int | signal.Signals]
                   ) -> bytes:
    """The drawing the child sends, read with the signals `unblocked` again; the child is
    killed if a signal (or anything) stops that. A reply is taken when it arrived whole (its
    length comes first): where SIGCHLD is ignored, the system reaps the child itself and its
    exit status is not known."""
    ended: int | None = None
    with open(read_end, "rb") as pipe:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)  # (a pending signal: here)
            head = pipe.read(9)
            reply = pipe.read()
        except BaseException:  # (Interrupted, KeyboardInterrupt: the drawing is not wanted)
            os.kill(child, signal.SIGKILL)
            raise
        finally:
            with contextlib.suppress(ChildProcessError):  # (SIGCHLD ignored: reaped already)
                ended = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    whole = len(head) == 9 and int.from_bytes(head[1:], "big") == len(reply)
    if whole and head[:1] == b"P" and ended in (0, None):
        return reply
    if whole and head[:1] == b"E":
        raise RenderError(reply.decode("utf-8", "surrogatepass"))
    if ended is None or ended == 0:
        how = "before it sent the drawing"
    elif ended < 0:
        try:
            how = f"signal {signal.Signals(-ended).name}"
        except ValueError:
            how = f"signal {-ended}"
    else:
        how = f"exit status {ended}"
    raise RenderError(f"cannot convert the SVG to {kind}: the drawing process ended ({how})")


def _tell(notes: list[str] | None, note: str) -> None:
    if notes is None:
        warnings.warn(note, stacklevel=3)
    else:
        notes.append(note)


def svg_to_png(svg: bytes, width: int | None = None, scale: float = 1.0, *,
               notes: list[str] | None = None, budget: int | None = None,
               wider: str | None = None) -> bytes:
    """Draw the SVG as a PNG `width` pixels wide (height keeps the aspect), else at `scale`.

    At `scale` with a pixel `budget`, a larger drawing is drawn at the scale that keeps it
    within the budget, but not below its natural size (1x) unless that is more than
    `PNG_NATURAL_PIXELS`, and never below `PNG_LEAST_SCALE`, with a note (naming `wider`,
    how to ask for a wider one, when given).
    A PNG larger than orgviz draws (32,767 px a side, cairo's limit; 2**28 px in all) is
    scaled down to fit, and one note saying so (and how the budget lowered the scale, if it
    did) is appended to `notes` (or issued as a warning when `notes` is None).
    A `width` over the limit is a RenderError.
    """
    natural_w, natural_h = svg_size(svg)
    asked = scale
    budget_notes: list[str] = []  # (told unless the PNG is then scaled down further)
    if width is None and budget is not None:
        scale = _within_budget(natural_w, natural_h, scale, budget, budget_notes, wider)
    if width is not None:
        if width < 1:
            raise RenderError(f"width (--width) must be at least 1 pixel, not {width}")
        verify_width(width)
        factor = width / natural_w
    else:
        if not (scale > 0 and math.isfinite(scale)):
            raise RenderError(f"the PNG scale must be a positive number, not {scale!r}")
        factor = scale
    want_w, want_h = natural_w * factor, natural_h * factor
    shrink = min(1.0, MAX_PNG_SIDE / want_w, MAX_PNG_SIDE / want_h,
                 math.sqrt(MAX_PNG_PIXELS / (want_w * want_h)))
    out_w: int | None = width
    if shrink < 1.0:
        out_w = max(1, math.floor(want_w * shrink))

        while out_w > 1 and (round(natural_h * out_w / natural_w) > MAX_PNG_SIDE
                             or out_w * round(natural_h * out_w / natural_w) > MAX_PNG_PIXELS):
            out_w -= 1
        out_h = round(natural_h * out_w / natural_w)
        _tell(notes, _scaled_down_note(want_w, want_h, out_w, out_h,
                                       asked if budget_notes else None, scale))
    else:
        for note in budget_notes:
            _tell(notes, note)
    resvg = _resvg()
    if resvg is not None:
        # The width decides; the height keeps the aspect ratio, rounded as cairosvg does.
        if out_w is None:  # at `scale`
            draw_w, draw_h = max(1, round(want_w)), max(1, round(want_h))
        else:
            draw_w, draw_h = out_w, max(1, round(natural_h * out_w / natural_w))
        room = _memory_pixels()
        if room is not None and draw_w * draw_h > room:
            # resvg would abort the process, not raise, when it cannot get the memory.
            raise RenderError(f"not enough memory to draw a {draw_w:,} x {draw_h:,} px PNG: "
                              f"pass a smaller --width, or write SVG or PDF")
        return _resvg_png(resvg, _pixel_sized(svg, draw_w, draw_h))
    options: dict[str, Any] = {"bytestring": svg}
    if out_w is not None:
        options["output_width"] = out_w
    else:
        options["scale"] = scale
    try:
        cairosvg = _cairosvg()
    except RenderError as exc:
        raise RenderError(f"PNG output needs resvg-py: {INSTALL_RESVG} (or write SVG); "
                          f"without it, cairosvg would do ({exc})") from None
    return _convert("PNG", cairosvg.svg2png, **options)


def _png_limits(pixels: bool = True) -> str:
    """The most pixels orgviz draws in a PNG, and why (for messages)."""
    limits = (f"at most {MAX_PNG_SIDE:,} px a side, cairo's limit, which orgviz keeps when "
              "resvg draws")
    return f"{limits}; {_megapixels(MAX_PNG_PIXELS)} in all" if pixels else limits


def _scaled_down_note(want_w: float, want_h: float, out_w: int, out_h: int,
                      asked: float | None, scale: float) -> str:
    """The one note of a PNG scaled down to `out_w` x `out_h` px to keep within the limits,
    from `want_w` x `want_h` px at `scale` (`asked`: the scale asked for, where the pixel
    budget lowered it to `scale` already; that is then said here, not in a note of its own)."""
    drawn = f"{out_w:,} x {out_h:,} px"
    wanted = f"{round(want_w):,} x {round(want_h):,} px"
    if asked is None:
        return (f"the chart would be {wanted}, more than orgviz's PNG rasteriser draws "
                f"({_png_limits()}), so it was scaled down to {drawn} ({out_w / want_w:.0%}); "
                "small text may be unreadable: write SVG or PDF for a sharp large chart")
    final = scale * out_w / want_w
    small = ("the cards' titles are too small to read" if final < PNG_LEAST_SCALE
             else "small text may be unreadable")
    return (f"the chart is drawn at {final:.2g}x, not {asked:g}x ({drawn}): even at {scale:g}x "
            f"it would be {wanted}, more than orgviz's PNG rasteriser draws ({_png_limits()}); "
            f"{small}: write SVG or PDF for a sharp large chart")


def _within_budget(natural_w: float, natural_h: float, scale: float, budget: int,
                   notes: list[str] | None, wider: str | None) -> float:
    """`scale`, or the smaller scale at which the drawing has `budget` pixels: at least 1x,
    or less for a chart larger than `PNG_NATURAL_PIXELS` at 1x (see `_least_scale`)."""
    area = natural_w * natural_h
    wanted = area * scale * scale
    if not (scale > 0 and math.isfinite(scale)) or wanted <= budget:
        return scale
    least = _least_scale(area)
    fitted = max(least, _hundredths(math.sqrt(budget / area)))
    if fitted >= scale:
        return scale
    size = f"{round(natural_w * fitted):,} x {round(natural_h * fitted):,} px"
    why = _scale_reason(area, fitted, scale, budget, size)
    _tell(notes, f"the chart is drawn at {fitted:g}x, not {scale:g}x, {why}; "
                 f"{wider + ', ' if wider else ''}SVG and PDF stay sharp at any zoom")
    return fitted


def _scale_reason(area: float, fitted: float, scale: float, budget: int, size: str) -> str:
    """Why a chart of `area` px at 1x is drawn at `fitted`, not `scale` (`size` at `fitted`)."""
    pixels = area * fitted * fitted
    for cap in (budget, PNG_NATURAL_PIXELS if fitted < 1 else 0):
        if pixels <= cap:
            return f"to keep the PNG within {cap / 1e6:g} megapixels ({size})"
    if fitted >= 1:  # (never below its natural size: small text would blur)
        wanted = _megapixels(area * scale * scale)
        return f"its natural size ({size}): at {scale:g}x the PNG would be {wanted}"
    return (f"the least at which the cards' titles can be read ({size}): at 1x the PNG would "
            f"be {_megapixels(area)}, slow to draw")


def _least_scale(area: float) -> float:
    """The least scale of a PNG of a chart `area` px at 1x: 1x, or for a chart larger than
    `PNG_NATURAL_PIXELS` the scale that keeps it within them, down to `PNG_LEAST_SCALE`."""
    if area <= PNG_NATURAL_PIXELS:
        return 1.0
    return max(PNG_LEAST_SCALE, _hundredths(math.sqrt(PNG_NATURAL_PIXELS / area)))


def _hundredths(scale: float) -> float:
    """`scale` rounded down to hundredths (a scale a note can name exactly)."""
    return math.floor(scale * 100) / 100


def _megapixels(pixels: float) -> str:
    """'237 megapixels', or '0.14 megapixels' for less than one."""
    amount = f"{pixels / 1e6:,.0f}" if pixels >= 1e6 else f"{pixels / 1e6:.2f}"
    return f"{amount} megapixels"


def _resvg_png(resvg: Any, svg: bytes) -> bytes:
    """Draw the SVG at its size with resvg, with the system's fonts (see resvgfonts.py)."""
    from orgviz.render.resvgfonts import prepare  # (PNG only: not at every render)

    prepared = prepare(svg)
    fonts: dict[str, Any] = {} if prepared.font_files is None else {
        "skip_system_fonts": True, "font_files": prepared.font_files}  # (emoji font first)
    try:
        text = prepared.svg.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RenderError(f"cannot convert the SVG to PNG: it is not UTF-8 text "
                          f"(byte {exc.start})") from None
    # dpi 96: CSS units (pt, in, mm) as in `svg_size` (resvg-py's default 0 refuses them).
    width, height = svg_size(svg)
    draw = _convert_apart if width * height >= APART_FROM_PIXELS else _convert
    return draw("PNG", _hushed(resvg.svg_to_bytes), svg_string=text, dpi=96.0, **fonts)


def svg_to_pdf(svg: bytes, *, notes: list[str] | None = None) -> bytes:
    """Draw the SVG as a one-page PDF with a fixed creation date (reproducible bytes).

    The page is vector (text stays text), unless cairosvg would draw some of its text wrongly
    (scripts it cannot shape, characters its font lacks): then the page is an image drawn by
    resvg (`pdf_page_svg`) with the text written invisibly over it, and a note says so.
    """
    from orgviz.render.pdftextlayer import with_text_layers
    width_pt, height_pt = (size * 72 / 96 for size in svg_size(svg))
    if max(width_pt, height_pt) > MAX_PDF_SIDE_PT:
        _tell(notes, f"the PDF page is {width_pt / 72:,.0f} x {height_pt / 72:,.0f} inches; "
                     f"Adobe Acrobat cannot open pages over 200 inches (browsers can): use a "
                     f"slide aspect or split the chart for print")
    cairosvg = _cairosvg()
    page = pdf_page_svg(svg)
    if page.note:
        _tell(notes, page.note)
    pdf = fix_pdf_dates(_convert("PDF", cairosvg.svg2pdf, bytestring=page.svg))
    return with_text_layers(pdf, {0: page.lines})


class PdfPage(NamedTuple):
    """An SVG ready for cairosvg's PDF writer, and what to tell the user about it."""

    svg: bytes
    dpi: int | None = None  # the image's resolution when drawn as an image
    trouble: Trouble | None = None  # the text cairosvg would have drawn wrongly
    note: str = ""  # "" when the page is the vector drawing
    lines: tuple[Line, ...] = ()  # the text of a page drawn as an image, written invisibly


def pdf_page_svg(svg: bytes) -> PdfPage:
    """The SVG itself when cairosvg draws all its text right, else an SVG of the same size
    holding one <image>: the drawing as a PNG drawn by resvg (shaping, font fallback), and
    the drawing's lines of text, to be written invisibly over it (`with_text_layers`)."""
    from orgviz.render.pdftext import pdf_text_trouble  # (PDF only: not at every render)
    from orgviz.render.pdftextlayer import page_lines

    trouble = pdf_text_trouble(svg)
    if trouble is None:
        return PdfPage(svg)
    resvg = _resvg()
    if resvg is None:
        return PdfPage(svg, None, trouble, pdf_image_note(trouble, None))
    natural_w, natural_h = svg_size(svg)
    dpi, pixels_w, pixels_h = pdf_image_size(natural_w, natural_h)
    try:
        png = _resvg_png(resvg, _pixel_sized(svg, pixels_w, pixels_h))
    except RenderError as exc:  # drawn by cairo as it is, and said so
        return PdfPage(svg, None, trouble,
                       f"its text holds {trouble.describe()}, so some of it is missing or "
                       f"garbled: it could not be drawn as an image ({exc})")
    return PdfPage(image_page_svg(png, natural_w, natural_h), dpi, trouble,
                   pdf_image_note(trouble, str(dpi), min_dpi=dpi),
                   page_lines(svg, natural_w * 72 / 96, natural_h * 72 / 96))


def pdf_image_note(trouble: Trouble, dpi: str | None, *, pages: str = "",
                   min_dpi: int = PDF_IMAGE_DPI) -> str:
    """The note on a PDF page (or `pages`, "slides 2-4") drawn as an image at `dpi`, or
    left as cairo draws it (`dpi` None: resvg-py is missing)."""
    many = pages.startswith(("slides ", "pages "))  # "slide 4" is one page: its text
    subject = f"{pages}: {'their' if many else 'its'}" if pages else "its"
    if dpi is None:
        return (f"{subject} text holds {trouble.describe()}, so some of it is missing or "
                f"garbled: {INSTALL_RESVG} to draw such pages correctly (as images)")
    what = f"{pages} drawn as {'images' if many else 'an image'}" if pages \
        else "drawn as an image"
    note = f"{what} at {dpi} dpi: {subject.rpartition(' ')[2]} text holds {trouble.describe()}"
    if min_dpi < SHARP_PDF_IMAGE_DPI:
        note += " (small text may be blurred: draw less with --depth, --root or --team)"
    return note


def pdf_image_size(width: float, height: float) -> tuple[int, int, int]:
    """(dpi, pixels wide, pixels high) of the image of a `width` x `height` px (96 dpi) page:
    `PDF_IMAGE_DPI`, or less to keep within `MAX_PDF_IMAGE_PIXELS`, a PNG's side and memory."""
    inches_w, inches_h = width / 96, height / 96
    pixels = MAX_PDF_IMAGE_PIXELS
    room = _memory_pixels()
    if room is not None:
        pixels = min(pixels, room // 2)  # the PNG is decoded again for the PDF
    dpi = min(PDF_IMAGE_DPI, math.floor(math.sqrt(pixels / (inches_w * inches_h))),
              math.floor(MAX_PNG_SIDE / inches_w), math.floor(MAX_PNG_SIDE / inches_h))
    dpi = max(1, dpi)
    pixels_w = max(1, round(inches_w * dpi))
    return dpi, pixels_w, max(1, round(height * pixels_w / width))


def image_page_svg(png: bytes, width: float, height: float) -> bytes:
    """An SVG `width` x `height` px holding only the PNG, stretched to fill it."""
    size = f'width="{width!r}" height="{height!r}"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" {size} '
            f'viewBox="0 0 {width!r} {height!r}"><image x="0" y="0" {size} '
            f'preserveAspectRatio="none" xlink:href="data:image/png;base64,'
            f'{base64.b64encode(png).decode("ascii")}"/></svg>').encode("ascii")


_PDF_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)")


def fix_pdf_dates(pdf: bytes) -> bytes:
    """Replace cairo's CreationDate/ModDate with a fixed date of the same length.

    cairo 1.16 stamps the current time and ignores SOURCE_DATE_EPOCH; keeping each date's
    length keeps the cross-reference offsets valid. The date is SOURCE_DATE_EPOCH when set,
    else 1970-01-01 00:00 UTC.
    """
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        stamp = time.strftime("D:%Y%m%d%H%M%S", time.gmtime(epoch)).encode("ascii")
    except (ValueError, OverflowError, OSError):
        stamp = b"D:19700101000000"

    def replace(found: re.Match[bytes]) -> bytes:
        date = found.group(1)
        if len(date) < len(stamp):
            fixed = re.sub(rb"\d", b"0", date)
        else:  # keep the zone suffix's shape: Z or +HH'mm'
            fixed = stamp + re.sub(rb"\d", b"0", date[len(stamp):]).replace(b"-", b"+")
        start, end = found.span(1)
        whole = found.group(0)
        offset = found.start(0)
        return whole[:start - offset] + fixed + whole[end - offset:]

    return packed_dates_fixed(utc_dates(_PDF_DATE.sub(replace, pdf)), stamp + b"Z")


def packed_dates_fixed(pdf: bytes, date: bytes) -> bytes:
    """The PDF with its dates `date`, rewritten whole by pypdf, when it is indexed by a
    cross-reference stream (cairo 1.17.6 and later) and its dates are not `date` yet: packed
    in a compressed object stream, where the byte edits above cannot reach them, or in a
    zone that could not be made UTC; else as it is (a rewrite is the same bytes each time:
    pypdf adds no /ID or date of its own)."""
    end = _STARTXREF.search(pdf)
    if end is None or pdf[int(end.group(1)):int(end.group(1)) + 4] == b"xref":
        return pdf
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        info = reader.metadata
        dates = {} if info is None else {
            key: date.decode("ascii") for key in ("/CreationDate", "/ModDate")
            if key in info and str(info[key]).encode("latin-1") != date}
        if not dates or reader.is_encrypted:
            return pdf
        writer = PdfWriter(clone_from=reader, keep_initial_header=True)
        writer.add_metadata(dates)
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return pdf
    return out.getvalue()


#: A fixed date's time zone as cairo writes it: "Z" in UTC, else "+05'30" and the like.
_DATE_ZONE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:\d{14}([^)]*)\)")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SECTION = re.compile(rb"\s*(\d+) (\d+)\s*?\r?\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) \d{5} ([nf])(?: \r| \n|\r\n)")


def utc_dates(pdf: bytes) -> bytes:
    """The PDF with its dates in UTC ("Z"), whatever the TZ it was made in.

    cairo writes the date's zone as the local one ("+05'30" under TZ=Asia/Kolkata, "Z"
    under UTC); the date fixed above keeps that zone's length, so the bytes
    would depend on TZ. The zone becomes "Z" and the cross-reference table moves with it.
    A PDF whose table this cannot read (no classic xref table) is returned as it is (then
    `packed_dates_fixed` rewrites it).
    """
    edits = [found.span(1) for found in _DATE_ZONE.finditer(pdf) if found.group(1) != b"Z"]
    end = _STARTXREF.search(pdf)
    if not edits or end is None:
        return pdf
    table = int(end.group(1))
    if pdf[table:table + 4] != b"xref" or edits[-1][1] > table:
        return pdf
    offsets: list[tuple[int, int]] = []  # (where an offset is written, its value)
    at = table + 4
    while (section := _XREF_SECTION.match(pdf, at)) is not None:
        at = section.end()
        for _ in range(int(section.group(2))):
            entry = _XREF_ENTRY.match(pdf, at)
            if entry is None:
                return pdf
            if entry.group(2) == b"n":
                offsets.append((at, int(entry.group(1))))
            at = entry.end()
    trailer = pdf[at:end.start()]
    if not trailer.lstrip().startswith(b"trailer") or b"/Prev" in trailer:
        return pdf

    def moved(offset: int) -> int:
        return offset + sum(1 - (stop - start) for start, stop in edits if stop <= offset)

    parts: list[bytes] = []
    last = 0
    for start, stop in edits:
        parts += [pdf[last:start], b"Z"]
        last = stop
    for where, offset in offsets:
        parts += [pdf[last:where], b"%010d" % moved(offset)]
        last = where + 10
    parts += [pdf[last:end.start(1)], b"%d" % moved(table), pdf[end.end(1):]]
    return b"".join(parts)
