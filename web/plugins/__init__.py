"""Datasette plugins of the front that act on every page: SQL functions, cell rendering,
security headers. Each module is an entry point of its own (pyproject.toml)."""
