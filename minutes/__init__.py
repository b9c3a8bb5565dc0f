"""minutes: the published meeting documents of a health partnership as a searchable archive."""

__version__ = "0.1.0"
