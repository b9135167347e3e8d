"""``sitrep dates``: list the time expressions in plain-text files and what each resolves to."""

from __future__ import annotations

import json

import click


def _record(source: str, expression) -> dict:
    from ..model import to_jsonable

    when = to_jsonable(expression.value) if expression.value is not None else None
    if when is not None:
        when.pop("text", None)  # the same span as the expression's own offsets
    return {
        "source": source,
        "start": expression.start,
        "end": expression.end,
        "text": expression.text,
        "kind": expression.kind,
        "timex": expression.timex_value,
        "rule": expression.rule,
        "when": when,
    }


@click.command(name="dates")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date (YYYY-MM-DD) relative phrases resolve against; without it only absolute dates get an interval.")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl for machines, table for people.")
@click.option("--field", "fields", multiple=True, metavar="NEW=OLD", help="JSON Lines field renaming, e.g. --field text=body.")
def command(paths, published, output_format, fields):
    """List every time expression in PATHS with offsets and its normalised value. PATHS are what `sitrep
    extract` takes (text, HTML, WARC, JSON Lines, URLs, feeds, folders, or - for stdin); without --published,
    each input's own publication date (page metadata, JSON Lines field) is used.

    Each JSON line holds the phrase, its character offsets, TIMEX3 kind and value, the rule that matched,
    and the interval sitrep stores for it (start, end, precision) or null.

    \b
    Examples:
      sitrep dates article.txt --published 2016-09-22
      echo "The strike on Wednesday followed clashes in July." | sitrep dates - --published 2016-09-22
    """
    from ..resolve.dates import find_time_expressions
    from .inputs import input_texts, report_skips

    published_date = published.date() if published else None
    skipped = []
    for item in input_texts(paths, fields):
        if item.text is None:
            skipped.append(f"{item.label}: {item.skipped}")
            continue
        path, text = item.label, item.text
        for expression in find_time_expressions(text, published_date or item.published):
            record = _record(path, expression)
            if output_format == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
                continue
            when = record["when"]
            interval = f"{when['start']}..{when['end']} {when['precision']}" if when else "-"
            click.echo(f"{path}\t{record['start']}-{record['end']}\t{record['text']!r}\t{record['timex']}\t{interval}")
    report_skips(skipped)
