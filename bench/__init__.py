"""Benchmarks (`make bench`, bench/run.py): measured on this machine, reported as ratios to
baselines run in the same process. Built on the tests' PDF generator and server helpers."""
