"""Thin command line: one library call per command (filled in below)."""

import click


@click.group()
def cli() -> None:
    """Turn published PDF meeting documents into a searchable archive."""
