"""``sitrep extract``: events from articles, printed as a table, JSON or JSON Lines."""

from __future__ import annotations

import json
import logging
import sys

import click

from .formatting import LEGEND, record_table


def _extract_one(raw, published_on) -> dict:
    """One document's record; a failure inside the pipeline becomes that record's skip reason, so the rest of
    the batch still runs (the traceback goes to the log for a bug report)."""
    from ..pipeline import extract_document
    from ..records import extraction_record

    try:
        record = extraction_record(extract_document(raw, published=published_on))
    except Exception as error:  # noqa: BLE001 - one broken document must not end the batch
        logging.getLogger("sitrep").exception("extraction failed for %s", raw.origin.describe())
        record = {"input": raw.origin.describe(), "id": None, "events": [],
                  "skipped": f"extract: internal error ({type(error).__name__}: {error}); please report it"}
    if raw.doc_id is not None:
        record["id"] = raw.doc_id
    return record


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date (YYYY-MM-DD) for every input, overriding metadata and datelines.")
@click.option("--format", "output_format", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True, help="table for people, json (one array) or jsonl (one record per line) for machines.")
@click.option("--field", "fields", multiple=True, metavar="NEW=OLD", help="JSON Lines field renaming, e.g. --field text=body (repeatable).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
def command(paths, published, output_format, fields, progress):
    """Extract events from articles: text, HTML, WARC, JSON Lines, URLs, folders, or - for stdin.

    One output record per article, naming its input; an input that cannot be used gives a record with
    `skipped` set to the reason, and the rest of the batch goes on. Exit code 0 when every input was read
    (even with no events), 1 when some inputs were skipped.

    \b
    Examples:
      sitrep extract article.txt --published 2016-09-22 --format json
      sitrep extract articles/ export.jsonl --format jsonl > events.jsonl
      cat page.txt | sitrep extract -
    """
    from ..cli.ingest import _parse_fields
    from ..ingest import read_sources
    from ..model import Rejected
    from ..records import rejected_record

    published_on = published.date() if published else None
    records = []
    skipped = 0
    items = read_sources(paths, jsonl_fields=_parse_fields(fields))
    if sys.stderr.isatty() if progress is None else progress:
        from tqdm import tqdm

        items = tqdm(items, desc="extract", unit=" articles", file=sys.stderr)
    for item in items:
        if isinstance(item, Rejected):
            record = rejected_record(item)
        else:
            record = _extract_one(item, published_on)
        skipped += bool(record["skipped"])
        if output_format == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        elif output_format == "table":
            click.echo(record_table(record))
        else:
            records.append(record)
    if output_format == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif output_format == "table":
        click.echo(LEGEND)
    if skipped:
        click.echo(f"{skipped} input(s) skipped; see the 'skipped' reason in their records", err=True)
        raise SystemExit(1)
