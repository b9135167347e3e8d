"""``sitrep dates``: list the time expressions in plain-text files and what each resolves to."""

from __future__ import annotations

import json
import sys

import click


def _read_text(path: str) -> str:
    """The text of a file (UTF-8) or of stdin for ``-``; a clear error for anything else."""
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise click.ClickException(f"{path}: cannot read ({error.strerror}); give a plain-text file or -") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{path}: not UTF-8 text (byte {error.start}); convert it first") from error


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
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date (YYYY-MM-DD) relative phrases resolve against; without it only absolute dates get an interval.")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl for machines, table for people.")
def command(paths, published, output_format):
    """List every time expression in PATH (plain text, or - for stdin) with offsets and its normalised value.

    Each JSON line holds the phrase, its character offsets, TIMEX3 kind and value, the rule that matched,
    and the interval sitrep stores for it (start, end, precision) or null.

    \b
    Examples:
      sitrep dates article.txt --published 2016-09-22
      echo "The strike on Wednesday followed clashes in July." | sitrep dates - --published 2016-09-22
    """
    from ..resolve.dates import find_time_expressions

    published_date = published.date() if published else None
    for path in paths:
        text = _read_text(path)
        for expression in find_time_expressions(text, published_date):
            record = _record(path, expression)
            if output_format == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
                continue
            when = record["when"]
            interval = f"{when['start']}..{when['end']} {when['precision']}" if when else "-"
            click.echo(f"{path}\t{record['start']}-{record['end']}\t{record['text']!r}\t{record['timex']}\t{interval}")
