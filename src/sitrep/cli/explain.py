"""``sitrep explain``: why a stored (or freshly extracted) event has each of its values."""

from __future__ import annotations

import json
import os
import textwrap

import click

FIELD_WIDTH = 30
SENTENCE_WIDTH = 100


@click.command(name="explain")
@click.argument("event_id", required=False)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite database written by `sitrep ingest` or `sitrep demo`.")
@click.option("--article", "article_path", type=click.Path(dir_okay=False), help="Extract this file and explain its events (no database needed).")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date for --article (YYYY-MM-DD).")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True, help="table for people, json for machines.")
def command(event_id, db_path, article_path, published, output_format):
    """Show, for each field of an event, its value, the words it came from and the rule that set it.

    EVENT_ID is an event id or a unique prefix of one (see `sitrep extract --format json` or the store).
    With --article, the file is extracted on the spot and all its events (or those matching EVENT_ID)
    are explained.

    \b
    Examples:
      sitrep explain ac5a58 --db events.db
      sitrep explain --article article.txt --published 2016-09-22
    """
    from ..explain import explain_event

    if article_path is not None:
        records = _article_events(article_path, published.date() if published else None)
        if event_id is not None:
            records = [r for r in records if r["id"].startswith(event_id)]
            if not records:
                _fail(f"no event of {article_path} has an id starting with {event_id!r}")
    elif db_path is not None:
        if event_id is None:
            _fail("give an EVENT_ID (or a unique prefix) to explain from --db")
        records = [_stored_event(db_path, event_id)]
    else:
        _fail("give --db PATH with an EVENT_ID, or --article FILE")
    explained = [{"event": r["id"], "article_id": r["article_id"], "summary": r.get("summary", ""),
                  "rows": explain_event(r)} for r in records]
    if output_format == "json":
        click.echo(json.dumps(explained, ensure_ascii=False, indent=2))
        return
    if not explained:
        click.echo("no events found")
    for item in explained:
        click.echo(_event_block(item))


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(1)


def _article_events(path: str, published) -> list[dict]:
    """Extract one file; an unusable file is a clear error, not a traceback."""
    from ..ingest import read_sources
    from ..model import Rejected
    from ..pipeline import extract_document
    from ..records import event_record

    if not os.path.isfile(path):
        _fail(f"no such file: {path}")
    records = []
    for item in read_sources([path]):
        if isinstance(item, Rejected):
            _fail(f"cannot read {path}: {item.reason}" + (f" ({item.detail})" if item.detail else ""))
        extraction = extract_document(item, published=published)
        if extraction.skipped:
            _fail(f"{path} was skipped: {extraction.skipped}")
        records.extend(event_record(e) for e in extraction.events)
    return records


def _stored_event(db_path: str, prefix: str) -> dict:
    """The one stored event whose id starts with ``prefix``; a clear message when none or several do."""
    from ..errors import StoreError
    from ..store import open_store

    if not os.path.isfile(db_path):
        _fail(f"no database at {db_path}; create one with `sitrep ingest ... --db {db_path}` or `sitrep demo --db {db_path}`")
    try:
        with open_store(db_path) as store:
            matches = [r for r in store.events() if r["id"].startswith(prefix)]
    except StoreError as error:
        _fail(str(error))
    if not matches:
        _fail(f"no event with an id starting with {prefix!r} in {db_path}")
    if len(matches) > 1:
        listed = ", ".join(f"{r['id']} (article {r['article_id']})" for r in matches[:10])
        _fail(f"{prefix!r} matches {len(matches)} events: {listed}; give more of the id")
    return matches[0]


def _event_block(item: dict) -> str:
    """An event's explanation for people: a header, then each field with its evidence and rule."""
    from ..explain import format_value

    lines = [f"== event {item['event']} (article {item['article_id']})", f"   {item['summary']}"]
    for row in item["rows"]:
        lines.append(f"   {row['field']:<{FIELD_WIDTH}} {format_value(row['value'])}")
        pad = " " * (FIELD_WIDTH + 4)
        shown = None
        for evidence in row["evidence"]:
            words = " ".join(evidence["text"].split())
            said = textwrap.wrap(f"evidence: \"{words}\" [{evidence['start']}:{evidence['end']}]", SENTENCE_WIDTH + 2,
                                 subsequent_indent="    ")
            lines.extend(pad + part for part in said)
            if evidence["sentence"] and evidence["sentence"] not in (evidence["text"], shown):
                shown = evidence["sentence"]
                sentence = " ".join(evidence["sentence"].split())
                wrapped = textwrap.wrap(f"in: \"{sentence}\"", SENTENCE_WIDTH, subsequent_indent="    ")
                lines.extend(pad + "  " + part for part in wrapped)
        lines.append(f"{pad}rule: {row['rule'] or '-'}")
    return "\n".join(lines)
