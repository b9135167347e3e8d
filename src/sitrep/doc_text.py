"""The text of a spaCy Doc, joined once.

``Doc.text`` is not stored: spaCy joins every token's text each time it is read, so a resolver that slices it per
candidate place or date re-joins the whole article hundreds of times (on the speed bench's articles, 15% of the
extraction time went there). A Doc's text never changes once it is made (retokenizing merges tokens, not
characters), so the joined text is kept in the Doc's ``user_data`` the first time it is asked for.
"""

from __future__ import annotations

__all__ = ["text_of"]

TEXT_KEY = "sitrep.text"


def text_of(doc) -> str:
    """``doc.text``, joined on the first call for this Doc and kept with it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
