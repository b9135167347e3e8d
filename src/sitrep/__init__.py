"""sitrep: structured, geolocated, dated conflict events from news text, with who asserts what.

Public API (usable from a notebook; the CLI is a thin shell over it)::

    import sitrep
    result = sitrep.extract(text, published=datetime.date(2016, 9, 22))
    for event in result.events:
        print(event.summary, event.status)

Nothing heavy happens at import: the spaCy model and the gazetteer load on first use.
"""

from __future__ import annotations

from importlib import import_module

__all__ = [
    "extract",
    "extract_document",
    "evaluate",
    "extraction_record",
    "read_sources",
    "ingest_sources",
    "open_store",
    "Article",
    "Event",
    "Extraction",
    "RawDocument",
    "Rejected",
]

_EXPORTS = {
    "extract": ("sitrep.pipeline", "extract"),
    "extract_document": ("sitrep.pipeline", "extract_document"),
    "evaluate": ("sitrep.evaluate", "evaluate"),
    "extraction_record": ("sitrep.records", "extraction_record"),
    "read_sources": ("sitrep.ingest", "read_sources"),
    "ingest_sources": ("sitrep.ingest.runner", "ingest"),  # not "ingest": that is the subpackage's name
    "open_store": ("sitrep.store", "open_store"),
    "Article": ("sitrep.model", "Article"),
    "Event": ("sitrep.model", "Event"),
    "Extraction": ("sitrep.model", "Extraction"),
    "RawDocument": ("sitrep.model", "RawDocument"),
    "Rejected": ("sitrep.model", "Rejected"),
}


def __getattr__(name: str):
    """Import public names on first use, so ``import sitrep`` stays light."""
    if name in _EXPORTS:
        module_name, attribute = _EXPORTS[name]
        value = getattr(import_module(module_name), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
