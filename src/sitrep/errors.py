"""sitrep's error hierarchy: every error says where it happened and what to do next."""

from __future__ import annotations


class SitrepError(Exception):
    """Base of all sitrep errors; ``where`` names the file, URL, WARC offset or article it concerns."""

    def __init__(self, message: str, where: str | None = None):
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(SitrepError):
    """An input cannot be read or used (missing, binary, wrong encoding, too large, malformed)."""


class ExtractionError(SitrepError):
    """The pipeline failed on a document it accepted."""


class StoreError(SitrepError):
    """The database could not be opened or written."""


class ResourceError(SitrepError):
    """A packaged resource (model, gazetteer, rules file) is missing or broken; reinstall with scripts/setup.sh."""
