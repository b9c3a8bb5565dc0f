"""A real `minutes serve` process (Datasette) on 127.0.0.1, for tests that talk HTTP to it."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(archive_root: Path | None = None, db: Path | None = None, base_url: str = "/") -> Iterator[str]:
    """`minutes serve` on an archive (or a bare database), a real Datasette process on
    127.0.0.1; yields its address (without the base URL, which it also answers under)."""
    port = free_port()
    what = ["--archive", str(archive_root)] if archive_root is not None else ["--db", str(db)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "minutes.cli", "serve", *what, "--port", str(port), "--base-url", base_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.3)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
