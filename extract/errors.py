"""Errors the extraction stages raise, each carrying a `Failure` (stage, kind, one-line reason)."""

from __future__ import annotations

from models.failure import Failure


class ExtractionError(Exception):
    def __init__(self, stage: str, kind: str, reason: str):
        super().__init__(reason)
        self.failure = Failure(stage=stage, kind=kind, reason=reason)
