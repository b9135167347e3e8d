"""``sitrep ingest``: read articles from files, folders, URLs, feeds, WARC and JSON Lines into a database."""

from __future__ import annotations

import sys
from datetime import date

import click

from ..errors import StoreError


def _parse_fields(values: tuple[str, ...]) -> dict[str, str]:
    fields = {}
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise click.BadParameter(f"expected NEW=OLD (e.g. text=body), got {value!r}", param_hint="--field")
        fields[ours.strip()] = theirs.strip()
    return fields


@click.command(name="ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database to write (created if missing).")
@click.option("--no-extract", is_flag=True, help="Store documents without running the extraction pipeline (fast).")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date for every article (YYYY-MM-DD), overriding metadata.")
@click.option("--field", "fields", multiple=True, metavar="NEW=OLD", help="JSON Lines field renaming, e.g. --field text=body --field id=uid (repeatable).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help="Seconds to wait for a web server (default 10).")
@click.option("--retries", type=click.IntRange(min=0), default=None, help="Retries after a 5xx or timeout (default 2).")
def command(sources, db_path, no_extract, published, fields, progress, timeout, retries):
    """Ingest articles into a database: dedup, language check, extraction, storage.

    SOURCE is a file, a folder (walked recursively), a URL, a feed (RSS/Atom, by URL or file), a WARC
    (.warc, .warc.gz), JSON Lines (.jsonl) or - for stdin. Inputs that cannot be used are recorded as
    rejections (see `sitrep rejects`); the run carries on and exits 0.

    \b
    Examples:
      sitrep ingest articles/ --db events.db
      sitrep ingest crawl.warc.gz https://example.org/feed.xml --db events.db --no-extract
      sitrep ingest export.jsonl --field text=body --field id=uid --db events.db
    """
    from ..ingest import FetchSettings, ingest
    from ..ingest.jsonl import field_mapping
    from ..store import open_store

    jsonl_fields = _parse_fields(fields)
    try:
        field_mapping(jsonl_fields)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--field") from error
    settings = FetchSettings()
    if timeout is not None or retries is not None:
        from dataclasses import replace

        settings = replace(settings, timeout=timeout or settings.timeout, retries=settings.retries if retries is None else retries)
    show_progress = sys.stderr.isatty() if progress is None else progress
    published_on: date | None = published.date() if published else None
    try:
        with open_store(db_path) as store:
            summary = ingest(sources, store, extract=not no_extract, published=published_on, progress=show_progress,
                             jsonl_fields=jsonl_fields, fetch_settings=settings)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(summary.line())
