"""People: parse printed names, find them in case text, resolve them to one identity each."""

from extract.names.assign import assign_person_ids
from extract.names.overrides import Overrides
from extract.names.parse import compatible, name_key
from extract.names.registry import Occurrence, Resolution, resolve

__all__ = ["Occurrence", "Overrides", "Resolution", "assign_person_ids", "compatible", "name_key", "resolve"]
