"""The loops of the PDFium reader that run once per character or per page object, in C.

Reading a page asks PDFium several things per character (origin, loose box, text object, font
size) and per page object (type, bounds); through ctypes each call costs more than PDFium's
answer. A few functions of C make the calls in a loop, and make words of the characters by the
rules of extract.layout.pdfium's Python loop: they are compiled once with the system's C
compiler into the user's cache and loaded with ctypes. Where no compiler is found the same
rules run in Python, with the same results (tests/test_reader_equality.py checks both ways).
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extract.cache import cache_dir
from models.layout import Word

log = logging.getLogger(__name__)

SOURCE = r"""
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
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
        if (breaks[c] == 2) continue; /* a line break: the word rules decide */
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
                  double ascent, int nruns, const int32_t *run_starts, const int32_t *run_size,
                  const double *size_of, const int32_t *run_font, const uint8_t *bold_of, int32_t *word_start,
                  double *word_box, uint8_t *word_bold) {
    int words = 0, r = -1, start = -1, bold = 0, first_bold = 0, previous_bold = 0;
    double size = 1.0, first_left = 0, first_size = 0, highest = 0;
    double previous_base = 0, previous_right = 0, previous_size = 0;
    for (int k = 0; k <= n; k++) {
        double baseline = 0, left = 0, right = 0;
        int flush = k == n;
        if (k < n) {
            if (r + 1 < nruns && run_starts[r + 1] == k) {
                r++;
                size = size_of[run_size[r]];
                bold = bold_of[run_font[r]];
            }
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
            double top = highest - ascent * first_size;
            word_box[5 * words] = first_left;
            word_box[5 * words + 1] = previous_right;
            word_box[5 * words + 2] = top;
            word_box[5 * words + 3] = top + first_size;
            word_box[5 * words + 4] = first_size;
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

typedef double (*size_fn)(void *, int);
typedef struct { float a, b, c, d, e, f; } fs_matrix; /* PDFium's FS_MATRIX */
typedef int (*matrix_fn)(void *, int, fs_matrix *);
typedef void *(*font_fn)(void *);

/* Per run of one text object: the index of its size among the page's distinct sizes and of its
   font among the page's distinct fonts (with the first character met in each font); PDFium is
   asked once per text object, the runs of one object share its answers. */
static int64_t slot_find(uint64_t *keys, int32_t *values, uint64_t mask, uint64_t key, uint64_t *free_at) {
    /* values hold an index + 1: 0 marks a free slot, so that any key can be stored */
    uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 7;
    for (uint64_t k = h & mask;; k = (k + 1) & mask) {
        if (!values[k]) { *free_at = k; return -1; }
        if (keys[k] == key) return values[k] - 1;
    }
}

int minutes_styles(void *page, int nruns, const int32_t *run_starts, const int32_t *kept, const uint64_t *objects,
                   void *font_size, void *char_matrix, void *object_font, int32_t *run_size, int32_t *run_font,
                   double *sizes, uint64_t *fonts, int32_t *font_char, int32_t *counts) {
    uint64_t size = 16;
    while (size < 2 * (uint64_t)nruns + 2) size <<= 1;
    /* three tables: the objects seen (to their slot), the sizes seen (by their bits) and the fonts seen */
    uint64_t *keys = calloc(3 * size, sizeof(uint64_t));
    int32_t *values = calloc(3 * size, sizeof(int32_t));
    int32_t *slot_size = malloc((size_t)(nruns + 1) * 2 * sizeof(int32_t));
    if (!keys || !values || !slot_size) { free(keys); free(values); free(slot_size); return -1; }
    int32_t *slot_font = slot_size + nruns + 1;
    uint64_t *size_keys = keys + size, *font_keys = keys + 2 * size;
    int32_t *size_values = values + size, *font_values = values + 2 * size;
    int slots = 0, nsizes = 0, nfonts = 0, null_slot = -1, null_font = -1;
    for (int r = 0; r < nruns; r++) {
        int i = kept[run_starts[r]];
        uint64_t object = objects[i], at = 0;
        int64_t found = object ? slot_find(keys, values, size - 1, object, &at) : null_slot;
        if (found < 0) {
            found = slots++;
            if (!object) null_slot = (int)found;
            else { keys[at] = object; values[at] = (int32_t)found + 1; }
            /* the printed size: the font's, scaled by the character's matrix's vertical axis
               (extract.layout.pdfium.printed_size) */
            double s = ((size_fn)font_size)(page, i);
            fs_matrix m;
            if (((matrix_fn)char_matrix)(page, i, &m)) s = s * sqrt((double)m.c * m.c + (double)m.d * m.d);
            uint64_t bits;
            memcpy(&bits, &s, sizeof bits);
            int64_t k = slot_find(size_keys, size_values, size - 1, bits, &at);
            if (k < 0) { k = nsizes++; sizes[k] = s; size_keys[at] = bits; size_values[at] = (int32_t)k + 1; }
            slot_size[found] = (int32_t)k;
            uint64_t font = object ? (uint64_t)(uintptr_t)((font_fn)object_font)((void *)(uintptr_t)object) : 0;
            if (font) k = slot_find(font_keys, font_values, size - 1, font, &at);
            else k = null_font;
            if (k < 0) {
                k = nfonts++; fonts[k] = font; font_char[k] = i;
                if (font) { font_keys[at] = font; font_values[at] = (int32_t)k + 1; }
                else null_font = (int)k;
            }
            slot_font[found] = (int32_t)k;
        }
        run_size[r] = slot_size[found];
        run_font[r] = slot_font[found];
    }
    free(keys);
    free(values);
    free(slot_size);
    counts[0] = nsizes;
    counts[1] = nfonts;
    return slots;
}

typedef int (*count_fn)(void *);
typedef void *(*get_fn)(void *, int);
typedef int (*type_fn)(void *);
typedef int (*bounds_fn)(void *, float *, float *, float *, float *);
typedef int (*mode_fn)(void *, int *, int *);

/* The page's paths walked as extract.layout.pdfium._objects walks them (into form XObjects, at
   most `max_depth` levels), sorted as page_paths sorts them: rules (x0, x1, y from the top),
   and counts of lines that could border table rows and columns (thin paths, and the sides of stroked
   boxes), and of images. */
int minutes_paths(void *page, void *count_page, void *get_page, void *count_form, void *get_form, void *type_of,
                  void *bounds_of, void *draw_mode, int max_depth, double width, double height, double thin,
                  double row_share, double rule_share, double cell_height, int image_type, int path_type, int form_type,
                  double *rules, int rules_cap, int32_t *counts) {
    void *forms[64];
    int indexes[64], totals[64];
    int depth = 0, index = 0, total = ((count_fn)count_page)(page), nrules = 0;
    void *form = 0;
    int horizontal = 0, vertical = 0, images = 0;
    if (total < 0) return -1;
    if (max_depth > 64) max_depth = 64;
    for (;;) {
        if (index >= total) {
            if (!depth) break;
            depth--;
            form = forms[depth]; index = indexes[depth]; total = totals[depth];
            continue;
        }
        void *object = form ? ((get_fn)get_form)(form, index) : ((get_fn)get_page)(page, index);
        if (!object) return -2;
        index++;
        int kind = ((type_fn)type_of)(object);
        if (kind == image_type) {
            images++;
        } else if (kind == path_type) {
            float left, bottom, right, top;
            if (!((bounds_fn)bounds_of)(object, &left, &bottom, &right, &top)) return -3;
            double w = (double)right - (double)left, h = (double)top - (double)bottom;
            if (h <= thin && w > thin) {
                horizontal += w >= row_share * width;
                if (w >= rule_share * width) {
                    if (nrules >= rules_cap) return -4;
                    rules[3 * nrules] = left;
                    rules[3 * nrules + 1] = right;
                    rules[3 * nrules + 2] = height - ((double)top + (double)bottom) / 2;
                    nrules++;
                }
            } else if (w <= thin && h > thin) {
                vertical += h >= cell_height;
            } else if (w > thin && h > thin) {
                /* a stroked box: its sides may border a table's cells */
                int fill = 0, stroke = 0;
                if (((mode_fn)draw_mode)(object, &fill, &stroke) && stroke) {
                    horizontal += 2 * (w >= row_share * width);
                    vertical += 2 * (h >= cell_height);
                }
            }
        } else if (kind == form_type && depth < max_depth - 1) {
            int inner = ((count_fn)count_form)(object);
            if (inner < 0) return -1;
            forms[depth] = form; indexes[depth] = index; totals[depth] = total;
            depth++;
            form = object; index = 0; total = inner;
        }
    }
    counts[0] = horizontal; counts[1] = vertical; counts[2] = images;
    return nrules;
}

typedef void *(*segment_fn)(void *, int);
typedef int (*point_fn)(void *, float *, float *);
typedef int (*segment_int_fn)(void *);

/* The segments of each path, as extract.layout.ruled reads them one call at a time: per path
   its count (first call, `xy` NULL), then per segment its point in page space (the path's
   matrix applied: a, b, c, d, e, f) and its type, plus 16 where it closes its subpath. */
int minutes_segments(int npaths, const uint64_t *handles, const double *matrices, void *count_of, void *segment_of,
                     void *point_of, void *type_of, void *close_of, int32_t *counts, double *xy, uint8_t *kinds) {
    int64_t total = 0;
    for (int p = 0; p < npaths; p++) {
        void *path = (void *)(uintptr_t)handles[p];
        if (!xy) {
            int n = ((segment_int_fn)count_of)(path);
            if (n < 0) return -1;
            counts[p] = n;
            total += n;
            if (total > 0x7fffffff) return -1;
            continue;
        }
        const double *m = matrices + 6 * p;
        for (int i = 0; i < counts[p]; i++) {
            void *segment = ((segment_fn)segment_of)(path, i);
            float x, y;
            if (!segment || !((point_fn)point_of)(segment, &x, &y)) return -1;
            xy[2 * total] = m[0] * x + m[2] * y + m[4];
            xy[2 * total + 1] = m[1] * x + m[3] * y + m[5];
            int kind = ((segment_int_fn)type_of)(segment);
            if (kind < 0 || kind > 15) kind = 15; /* unknown: the reader says so */
            kinds[total] = (uint8_t)(kind | (((segment_int_fn)close_of)(segment) ? 16 : 0));
            total++;
        }
    }
    return (int)total;
}
"""
DISABLE = "MINUTES_NO_C_HELPER"  # set (to anything) to read with the Python calls only


def _address(function: object) -> int:
    return ctypes.cast(function, ctypes.c_void_p).value or 0


ORIGIN, BOX, OBJECT, FONT_SIZE, CHAR_MATRIX, OBJECT_FONT = (
    _address(f)
    for f in (raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetTextObject,
              raw.FPDFText_GetFontSize, raw.FPDFText_GetMatrix, raw.FPDFTextObj_GetFont)
)  # fmt: skip


@lru_cache(maxsize=1)
def helper() -> ctypes.CDLL | None:
    """The compiled helper, compiled on first use; None without a compiler (or when disabled)."""
    if os.environ.get(DISABLE):
        return None
    digest = hashlib.sha256(SOURCE.encode()).hexdigest()[:16]
    target = cache_dir() / f"page_chars-{digest}-{sys.platform}-{os.uname().machine}.so"
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
    for name in (
        "minutes_page_chars",
        "minutes_keep",
        "minutes_words",
        "minutes_styles",
        "minutes_paths",
        "minutes_segments",
    ):
        getattr(library, name).restype = ctypes.c_int
    library.minutes_words.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                      ctypes.c_double, ctypes.c_double, ctypes.c_int, ctypes.c_void_p,
                                      ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                      ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]  # fmt: skip
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
def _breaks(breaks: frozenset[str], skipped: frozenset[str]) -> ctypes.Array:
    """For each code of the BMP: 2 where it is passed over, 1 where it ends a word (a break, or
    not printable), else 0."""
    table = bytes(2 if c in skipped else int(c in breaks or not c.isprintable()) for c in map(chr, range(0x10000)))
    return (ctypes.c_uint8 * len(table)).from_buffer_copy(table)


def words(
    handle: ctypes.c_void_p,
    units: ctypes.Array,
    height: float,
    breaks: frozenset[str],
    skipped: frozenset[str],
    ascent: float,
    point_size: Callable[[float], float],
    bold: Callable[[int, int | None], bool],
) -> tuple[list[Word], int] | None:
    """The page's words made in C, by the rules of extract.layout.pdfium's Python loop: a break
    or unprintable character ends a word, a `skipped` one is passed over, a character printed
    again at the same spot is dropped (fake bold) except an "ff" ligature's second f, and a new
    line, a gap, or a change of size or weight starts a word. A text object's size is its first
    character's, made a word's by `point_size` (once per size met); `bold` says whether a font is
    bold, given a character in it (asked once per font). `units` holds one UTF-16 unit per
    character (no surrogates). None without the helper, or on a page the helper leaves to Python
    (a position PDFium gives as not a number)."""
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
    table = _breaks(breaks, skipped)
    n = library.minutes_keep(count, units, geometry, objects, table, kept, codes, broken, starts, ctypes.byref(runs))
    if n < 0:
        return None
    run_size, size_of, run_font, bold_of = _styles(library, handle, runs.value, starts, kept, objects, point_size, bold)
    word_start = (ctypes.c_int32 * (n + 1))()
    boxes = (ctypes.c_double * (5 * n + 5))()  # x0, x1, top, bottom, size
    word_bold = (ctypes.c_uint8 * (n + 1))()
    found = library.minutes_words(n, kept, broken, geometry, height, ascent, runs.value, starts, run_size, size_of,
                                  run_font, bold_of, word_start, boxes, word_bold)  # fmt: skip
    text = bytes(codes)[: 4 * n].decode("utf-32-le")
    bounds, box = word_start[: found + 1], boxes[: 5 * found]
    texts = [text[start:end] for start, end in itertools.pairwise(bounds)]
    bolds = map(bool, word_bold[:found])
    result = list(map(Word, texts, box[0::5], box[1::5], box[2::5], box[3::5], box[4::5], bolds))
    return result, n


def _styles(
    library: ctypes.CDLL,
    handle: ctypes.c_void_p,
    runs: int,
    starts: ctypes.Array,
    kept: ctypes.Array,
    objects: ctypes.Array,
    point_size: Callable[[float], float],
    bold: Callable[[int, int | None], bool],
) -> tuple[ctypes.Array, ctypes.Array, ctypes.Array, ctypes.Array]:
    """Size and weight of each run, as an index per run into the page's distinct sizes and
    fonts: PDFium is asked once per text object (in C), Python sizes each distinct size and
    judges each distinct font once (a page may print every word as its own object)."""
    slots = max(1, runs)
    run_size = (ctypes.c_int32 * slots)()
    run_font = (ctypes.c_int32 * slots)()
    sizes = (ctypes.c_double * slots)()
    fonts = (ctypes.c_uint64 * slots)()
    font_char = (ctypes.c_int32 * slots)()
    counts = (ctypes.c_int32 * 2)()
    found = library.minutes_styles(handle, runs, starts, kept, objects, ctypes.c_void_p(FONT_SIZE),
                                   ctypes.c_void_p(CHAR_MATRIX), ctypes.c_void_p(OBJECT_FONT), run_size, run_font,
                                   sizes, fonts, font_char, counts)  # fmt: skip
    if found < 0:
        raise MemoryError("no memory for a page's text objects")
    size_of = (ctypes.c_double * max(1, counts[0]))(*[point_size(size) for size in sizes[: counts[0]]])
    judged = [bold(char, font or None) for font, char in zip(fonts[: counts[1]], font_char[: counts[1]], strict=True)]
    bold_of = (ctypes.c_uint8 * max(1, counts[1]))(*judged)
    return run_size, size_of, run_font, bold_of


# (count objects of the page, get one, count those of a form, get one, type, bounds, draw mode)
WALK = tuple(
    _address(f)
    for f in (raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, raw.FPDFFormObj_CountObjects,
              raw.FPDFFormObj_GetObject, raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds,
              raw.FPDFPath_GetDrawMode)
)  # fmt: skip
_WALK_ERRORS = {
    -1: "Failed to get number of pageobjects.",
    -2: "Failed to get pageobject.",
    -3: "Failed to locate pageobject.",
}


def paths(
    page: ctypes.c_void_p, width: float, height: float, max_depth: int, limits: tuple[float, float, float, float]
) -> tuple[list[tuple[float, float, float]], int, int, int] | None:
    """extract.layout.pdfium.page_paths in one call: the rules, the counts of lines that could
    border table rows and columns, and of images. `limits`: a thin line's width, a table row's
    share of the page, a rule's share, a cell's height. None without the helper."""
    library = helper()
    if library is None:
        return None
    capacity = 64
    while True:
        rules = (ctypes.c_double * (3 * capacity))()
        counts = (ctypes.c_int32 * 3)()
        found = library.minutes_paths(
            page, *(ctypes.c_void_p(a) for a in WALK), max_depth, ctypes.c_double(width), ctypes.c_double(height),
            *(ctypes.c_double(v) for v in limits), raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH,
            raw.FPDF_PAGEOBJ_FORM, rules, capacity, counts,
        )  # fmt: skip
        if found == -4:  # more rules than room: again with room for them
            capacity *= 8
            continue
        if found < 0:
            import pypdfium2 as pdfium

            raise pdfium.PdfiumError(_WALK_ERRORS[found])
        flat = rules[: 3 * found]
        return [tuple(flat[3 * k : 3 * k + 3]) for k in range(found)], counts[0], counts[1], counts[2]


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


# (count a path's segments, get one, its point, its type, whether it closes its subpath)
SEGMENTS = tuple(
    _address(f)
    for f in (raw.FPDFPath_CountSegments, raw.FPDFPath_GetPathSegment, raw.FPDFPathSegment_GetPoint,
              raw.FPDFPathSegment_GetType, raw.FPDFPathSegment_GetClose)
)  # fmt: skip
UNKNOWN_SEGMENT = 15  # a segment's type PDFium gives that the reader does not know
CLOSES = 16  # added to a segment's type where it closes its subpath


def segments(paths: Sequence[tuple[int, tuple]]) -> list[tuple[list[int], list[tuple[float, float]]]] | None:
    """For each (path handle, matrix to page space): its segments' kinds (PDFium's type, plus
    16 where one closes its subpath) and points in page space, read in two calls for all the
    paths of a page. None without the helper; raises PdfiumError where PDFium cannot give a
    segment."""
    library = helper()
    if library is None:
        return None
    n = len(paths)
    handles = (ctypes.c_uint64 * max(1, n))(*[h for h, _ in paths])
    matrices = (ctypes.c_double * max(1, 6 * n))(*[v for _, m in paths for v in m])
    counts = (ctypes.c_int32 * max(1, n))()
    functions = [ctypes.c_void_p(a) for a in SEGMENTS]
    total = library.minutes_segments(n, handles, matrices, *functions, counts, None, None)
    if total < 0:
        raise pdfium.PdfiumError("Failed to count a path's segments.")
    xy = (ctypes.c_double * max(1, 2 * total))()
    kinds = (ctypes.c_uint8 * max(1, total))()
    if library.minutes_segments(n, handles, matrices, *functions, counts, xy, kinds) != total:
        raise pdfium.PdfiumError("Failed to read a path segment.")
    flat, codes, out, start = xy[: 2 * total], kinds[:total], [], 0
    points = list(zip(flat[0::2], flat[1::2], strict=True))
    for count in counts[:n]:
        out.append((codes[start : start + count], points[start : start + count]))
        start += count
    return out
