"""Every character's position, box and text object on a page, in one call into PDFium.

Reading words asks PDFium three things per character (origin, loose box, text object); through
ctypes that is half of the reader's time. A few lines of C make the same calls in a loop and
fill two arrays: they are compiled once with the system's C compiler into the user's cache and
loaded with ctypes; where no compiler is found the same calls are made from Python, with the
same results (tests/test_reader_equality.py checks both ways).
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pypdfium2.raw as raw

log = logging.getLogger(__name__)

SOURCE = r"""
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
typedef struct { float left, top, right, bottom; } rectf;
typedef int (*origin_fn)(void *, int, double *, double *);
typedef int (*box_fn)(void *, int, rectf *);
typedef void *(*object_fn)(void *, int);

int minutes_page_chars(void *page, int count, void *origin, void *box, void *object,
                       double *geometry, uint64_t *objects) {
    for (int i = 0; i < count; i++) {
        double x = 0, y = 0;
        rectf r = {0, 0, 0, 0};
        ((origin_fn)origin)(page, i, &x, &y);
        ((box_fn)box)(page, i, &r);
        geometry[4 * i] = x;
        geometry[4 * i + 1] = y;
        geometry[4 * i + 2] = r.left;
        geometry[4 * i + 3] = r.right;
        objects[i] = (uint64_t)(uintptr_t)((object_fn)object)(page, i);
    }
    return count;
}

/* A set of (code, x, y, tag) in open addressing; tag 0 marks a free slot. */
typedef struct { int64_t x, y; uint32_t code, tag; } spot;

static int seen(spot *set, uint64_t mask, uint32_t code, int64_t x, int64_t y, uint32_t tag, int add) {
    uint64_t h = code * 0x9E3779B97F4A7C15ull;
    h = (h ^ (uint64_t)x) * 0xC2B2AE3D27D4EB4Full;
    h = (h ^ (uint64_t)y) * 0x165667B19E3779F9ull;
    h = (h ^ tag) * 0x27D4EB2F165667C5ull;
    for (uint64_t i = (h ^ (h >> 31)) & mask;; i = (i + 1) & mask) {
        if (!set[i].tag) {
            if (add) { set[i].x = x; set[i].y = y; set[i].code = code; set[i].tag = tag; }
            return 0;
        }
        if (set[i].tag == tag && set[i].code == code && set[i].x == x && set[i].y == y) return 1;
    }
}

int minutes_keep(int count, const uint16_t *codes, const double *geometry, const uint64_t *objects,
                 const uint8_t *breaks, int32_t *kept, uint32_t *kept_codes, uint8_t *broken,
                 int32_t *run_starts, int32_t *runs) {
    uint64_t size = 16;
    while (size < 2 * (uint64_t)count + 2) size <<= 1;
    spot *set = calloc(size, sizeof(spot));
    if (!set) return -1;
    int n = 0, nruns = 0, have_previous = 0, have_object = 0, pending = 0;
    uint32_t pc = 0;
    int64_t px = 0, py = 0;
    uint64_t last_object = 0;
    for (int i = 0; i < count; i++) {
        uint32_t c = codes[i];
        if (c == 0x02 || c == 0xFFFE) c = 0x2D;
        if (breaks[c]) { pending = 1; have_previous = 0; continue; }
        double fx = geometry[4 * i], fy = geometry[4 * i + 1];
        if (!(fabs(fx) < 1e15 && fabs(fy) < 1e15)) { free(set); return -2; }
        int64_t x = (int64_t)nearbyint(fx), y = (int64_t)nearbyint(fy);
        int ligature = c == 'f' && have_previous && pc == c && px == x && py == y
                       && !seen(set, size - 1, c, x, y, 2, 0);
        if (!ligature && seen(set, size - 1, c, x, y, 1, 0)) continue;
        seen(set, size - 1, c, x, y, ligature ? 2 : 1, 1);
        have_previous = 1; pc = c; px = x; py = y;
        if (!have_object || objects[i] != last_object) {
            run_starts[nruns++] = n;
            last_object = objects[i];
            have_object = 1;
        }
        kept[n] = i; kept_codes[n] = c; broken[n] = pending; pending = 0;
        n++;
    }
    free(set);
    *runs = nruns;
    return n;
}

int minutes_words(int n, const int32_t *kept, const uint8_t *broken, const double *geometry, double height,
                  double ascent, int nruns, const int32_t *run_starts, const double *run_size,
                  const uint8_t *run_bold, int32_t *word_start, double *word_box, uint8_t *word_bold) {
    int words = 0, r = -1, start = -1, bold = 0, first_bold = 0, previous_bold = 0;
    double size = 1.0, first_left = 0, first_size = 0, highest = 0;
    double previous_base = 0, previous_right = 0, previous_size = 0;
    for (int k = 0; k <= n; k++) {
        double baseline = 0, left = 0, right = 0;
        int flush = k == n;
        if (k < n) {
            if (r + 1 < nruns && run_starts[r + 1] == k) { r++; size = run_size[r]; bold = run_bold[r]; }
            const double *g = geometry + 4 * kept[k];
            baseline = height - g[1];
            left = g[2];
            right = g[3];
            if (start >= 0 && !(flush = broken[k])) {
                double widest = previous_size > size ? previous_size : size;
                double gap = left - previous_right;
                flush = !(fabs(previous_base - baseline) <= 0.35 * widest) || gap > 0.25 * size || gap < -size
                        || previous_size != size || previous_bold != bold;
            }
        }
        if (flush && start >= 0) {
            word_start[words] = start;
            word_box[4 * words] = first_left;
            word_box[4 * words + 1] = previous_right;
            word_box[4 * words + 2] = highest - ascent * first_size;
            word_box[4 * words + 3] = first_size;
            word_bold[words++] = first_bold;
            start = -1;
        }
        if (k == n) break;
        if (start < 0) {
            start = k; first_left = left; first_size = size; first_bold = bold; highest = baseline;
        } else if (baseline > highest) {
            highest = baseline;
        }
        previous_base = baseline; previous_right = right; previous_size = size; previous_bold = bold;
    }
    word_start[words] = n;
    return words;
}
"""
DISABLE = "MINUTES_NO_C_HELPER"  # set (to anything) to read with the Python calls only


def _address(function: object) -> int:
    return ctypes.cast(function, ctypes.c_void_p).value or 0


ORIGIN, BOX, OBJECT = (_address(f) for f in (raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox,
                                               raw.FPDFText_GetTextObject))  # fmt: skip


def _cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "minutes"


@lru_cache(maxsize=1)
def helper() -> ctypes.CDLL | None:
    """The compiled helper, compiled on first use; None without a compiler (or when disabled)."""
    if os.environ.get(DISABLE):
        return None
    digest = hashlib.sha256(SOURCE.encode()).hexdigest()[:16]
    target = _cache() / f"page_chars-{digest}-{sys.platform}-{os.uname().machine}.so"
    if not target.exists():
        compiler = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
        if compiler is None:
            log.info("no C compiler: characters are read with one call each")
            return None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
                source, built = Path(tmp) / "page_chars.c", Path(tmp) / "page_chars.so"
                source.write_text(SOURCE)
                # no fused multiply-add: the words' boxes must be the Python loop's to the last bit
                flags = ["-O2", "-ffp-contract=off", "-shared", "-fPIC"]
                command = [compiler, *flags, "-o", str(built), str(source), "-lm"]
                subprocess.run(command, check=True, capture_output=True, timeout=120)
                os.replace(built, target)  # whole or not at all: workers may start at once
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("the C helper could not be built (%s): characters are read with one call each", exc)
            return None
    try:
        library = ctypes.CDLL(str(target))
    except OSError as exc:
        log.info("the C helper could not be loaded (%s)", exc)
        return None
    for name in ("minutes_page_chars", "minutes_keep", "minutes_words"):
        getattr(library, name).restype = ctypes.c_int
    library.minutes_words.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                      ctypes.c_double, ctypes.c_double, ctypes.c_int, ctypes.c_void_p,
                                      ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                      ctypes.c_void_p]  # fmt: skip
    return library


def page_chars(handle: ctypes.c_void_p, count: int) -> tuple[list[float], list[int]]:
    """For each character: x, y (origin), left, right (loose box) in a flat list, and its text
    object's handle (0 for none)."""
    library = helper()
    if library is not None and count:
        geometry, objects = _geometry(library, handle, count)
        return geometry[:], objects[:]
    return _page_chars_python(handle, count)


def _geometry(library: ctypes.CDLL, handle: ctypes.c_void_p, count: int) -> tuple[ctypes.Array, ctypes.Array]:
    geometry = (ctypes.c_double * (4 * count))()
    objects = (ctypes.c_uint64 * count)()
    origin, box, text_object = (ctypes.c_void_p(a) for a in (ORIGIN, BOX, OBJECT))
    library.minutes_page_chars(handle, count, origin, box, text_object, geometry, objects)
    return geometry, objects


@lru_cache(maxsize=1)
def _breaks(breaks: frozenset[str]) -> ctypes.Array:
    """For each code of the BMP: 1 where it ends a word (a break, or not printable)."""
    table = bytes(c in breaks or not c.isprintable() for c in map(chr, range(0x10000)))
    return (ctypes.c_uint8 * len(table)).from_buffer_copy(table)


# One word as the helper gives it: text, x0, x1, top, size, bold.
RawWord = tuple[str, float, float, float, float, bool]


def words(
    handle: ctypes.c_void_p,
    units: ctypes.Array,
    height: float,
    breaks: frozenset[str],
    ascent: float,
    style: Callable[[int, int], tuple[float, bool]],
) -> tuple[list[RawWord], int] | None:
    """The page's words made in C, by the rules of extract.layout.pdfium's Python loop: a break
    or unprintable character ends a word, a character printed again at the same spot is dropped
    (fake bold) except an "ff" ligature's second f, and a new line, a gap, or a change of size or
    weight starts a word. `units` holds one UTF-16 unit per character (no surrogates); `style`
    gives (size, bold) for character i of text object o, asked once where the object changes.
    None without the helper, or on a page the helper leaves to Python (a position PDFium gives
    as not a number)."""
    library = helper()
    count = len(units)
    if library is None or not count:
        return None
    geometry, objects = _geometry(library, handle, count)
    kept = (ctypes.c_int32 * count)()
    codes = (ctypes.c_uint32 * count)()
    broken = (ctypes.c_uint8 * count)()
    starts = (ctypes.c_int32 * (count + 1))()
    runs = ctypes.c_int32()
    table = _breaks(breaks)
    n = library.minutes_keep(count, units, geometry, objects, table, kept, codes, broken, starts, ctypes.byref(runs))
    if n < 0:
        return None
    sizes = (ctypes.c_double * max(1, runs.value))()
    bolds = (ctypes.c_uint8 * max(1, runs.value))()
    for r in range(runs.value):
        i = kept[starts[r]]
        sizes[r], bolds[r] = style(i, objects[i])
    word_start = (ctypes.c_int32 * (n + 1))()
    boxes = (ctypes.c_double * (4 * n + 4))()
    word_bold = (ctypes.c_uint8 * (n + 1))()
    found = library.minutes_words(n, kept, broken, geometry, height, ascent, runs.value, starts, sizes, bolds,
                                  word_start, boxes, word_bold)  # fmt: skip
    text = bytes(codes)[: 4 * n].decode("utf-32-le")
    bounds, box, bold = word_start[: found + 1], boxes[: 4 * found], word_bold[:found]
    result = [
        (text[bounds[w] : bounds[w + 1]], box[4 * w], box[4 * w + 1], box[4 * w + 2], box[4 * w + 3], bool(bold[w]))
        for w in range(found)
    ]
    return result, n


def _page_chars_python(handle: ctypes.c_void_p, count: int) -> tuple[list[float], list[int]]:
    from extract.layout.pdfium import _loose_box, _origin, _text_object

    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    geometry: list[float] = []
    objects: list[int] = []
    for i in range(count):
        _origin(handle, i, x_ref, y_ref)
        _loose_box(handle, i, box_ref)
        geometry += (x.value, y.value, box.left, box.right)
        objects.append(_text_object(handle, i) or 0)
    return geometry, objects
