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
#include <stdint.h>
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
def helper() -> Callable | None:
    """The compiled loop, compiled on first use; None without a compiler (or when disabled)."""
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
                subprocess.run([compiler, "-O2", "-shared", "-fPIC", "-o", str(built), str(source)],
                               check=True, capture_output=True, timeout=120)  # fmt: skip
                os.replace(built, target)  # whole or not at all: workers may start at once
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("the C helper could not be built (%s): characters are read with one call each", exc)
            return None
    try:
        function = ctypes.CDLL(str(target)).minutes_page_chars
    except OSError as exc:
        log.info("the C helper could not be loaded (%s)", exc)
        return None
    function.restype = ctypes.c_int
    return function


def page_chars(handle: ctypes.c_void_p, count: int) -> tuple[list[float], list[int]]:
    """For each character: x, y (origin), left, right (loose box) in a flat list, and its text
    object's handle (0 for none)."""
    loop = helper()
    if loop is not None and count:
        geometry = (ctypes.c_double * (4 * count))()
        objects = (ctypes.c_uint64 * count)()
        loop(handle, count, ctypes.c_void_p(ORIGIN), ctypes.c_void_p(BOX), ctypes.c_void_p(OBJECT), geometry, objects)
        return geometry[:], objects[:]
    return _page_chars_python(handle, count)


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
