"""Run a command as a child process and measure it: wall time, CPU time and peak memory.

Peak memory is the largest resident set of the command and of the processes it waited for
(its forked workers), not their sum. Linux counts a process's peak from the memory it was
forked with, so the command is started by a small launcher (`python -m bench.measure CMD…`)
rather than by the benchmark itself, whose own memory would otherwise be counted for every
command.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MARKER = "\n@@bench.measure@@"


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int
    output: str

    def ok(self) -> bool:
        return self.returncode == 0


def measure(label: str, args: list[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """One run of `args`; its output is kept for the caller to check, not printed."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.measure", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    output, _, usage = proc.stdout.decode("utf-8", "replace").rpartition(MARKER)
    if not usage:
        raise RuntimeError(f"{label}: the launcher did not report: {output[-2000:]}")
    data = json.loads(usage)
    return Run(label, seconds, data["cpu"], data["peak_kb"] / 1024, data["returncode"], output)


def fastest(label: str, args: list[str], rounds: int) -> float:
    """Seconds of the fastest of `rounds` runs of `args`: a busy machine slows a run, never
    speeds one up."""
    return min(measure(label, args).seconds for _ in range(max(1, rounds)))


def _launch(args: list[str]) -> None:
    """Run `args`, then print its resource usage after its output."""
    proc = subprocess.run(args, stdin=subprocess.DEVNULL)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = {"cpu": usage.ru_utime + usage.ru_stime, "peak_kb": usage.ru_maxrss, "returncode": proc.returncode}
    sys.stdout.flush()
    print(MARKER + json.dumps(report), flush=True)


def python(*args: str) -> list[str]:
    """This interpreter running a module or script: the same environment as the benchmark."""
    return [sys.executable, *args]


def minutes(*args: str) -> list[str]:
    """The `minutes` command of this environment."""
    return [str(Path(sys.executable).with_name("minutes")), *args]


if __name__ == "__main__":
    _launch(sys.argv[1:])
