"""sitrep: structured, geolocated, dated conflict events from news text, with who asserts what.

Nothing heavy happens at import: the spaCy model and the gazetteer load on first use.
"""

from __future__ import annotations

__all__: list[str] = []
