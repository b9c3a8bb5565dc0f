"""A file the pipeline could not (fully) process, with the stage and a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Failure:
    stage: str  # "open", "layout", "ocr", "segment", "load", "fetch"
    kind: str  # machine-readable: "not_pdf", "encrypted", "damaged", "no_pages", "needs_ocr", ...
    reason: str  # one line a person can act on

    def to_dict(self) -> dict:
        return {"stage": self.stage, "kind": self.kind, "reason": self.reason}
