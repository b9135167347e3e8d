"""Inputs for ``sitrep places`` and ``sitrep dates``: the same sources ``sitrep extract`` takes.

Plain text (files, stdin, JSON Lines records) is used as it is, so offsets point into the input; HTML (files,
URLs, feeds, WARC records) is reduced to its main text by the clean stage, and offsets point into that text,
as they do in ``sitrep extract``'s records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import click


@dataclass(frozen=True)
class InputText:
    """One readable input's text, or why it was skipped."""

    label: str
    text: str | None
    published: date | None = None
    skipped: str | None = None


def input_texts(paths, fields: tuple[str, ...] = ()) -> Iterator[InputText]:
    """Every input's text, in order; unusable inputs come back with ``skipped`` set."""
    from ..clean import clean
    from ..errors import InputError
    from ..ingest import read_sources
    from ..model import Rejected
    from .ingest import _parse_fields

    for item in read_sources(paths, jsonl_fields=_parse_fields(fields)):
        if isinstance(item, Rejected):
            detail = f" ({item.detail})" if item.detail else ""
            yield InputText(item.origin.describe(), None, skipped=f"cannot read: {item.reason}{detail}")
            continue
        label = item.origin.describe()
        if item.media_type != "text/html":
            yield InputText(label, item.content, item.published)
            continue
        try:
            article = clean(item)
        except InputError as error:
            yield InputText(label, None, skipped=f"no main text: {error.message}")
            continue
        yield InputText(label, article.source_text, article.published)


def report_skips(skipped: list[str]) -> None:
    """Say on stderr which inputs were skipped and exit 1 (0 when all were read)."""
    for line in skipped:
        click.echo(line, err=True)
    if skipped:
        raise SystemExit(1)
