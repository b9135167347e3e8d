"""``sitrep rejects``: list the inputs a database refused, and why."""

from __future__ import annotations

import json
import os

import click


@click.command(name="rejects")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database written by `sitrep ingest`.")
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table for people, jsonl for machines.")
def command(db_path, output_format):
    """List rejected inputs: stage, reason, where (file:line, file@offset, URL) and detail.

    \b
    Examples:
      sitrep rejects --db events.db
      sitrep rejects --db events.db --format jsonl | jq .reason
    """
    from ..errors import StoreError
    from ..store import open_store

    if not os.path.exists(db_path):
        raise click.BadParameter(f"no database at {db_path}; create one with `sitrep ingest`", param_hint="--db")
    try:
        with open_store(db_path) as store:
            rejections = store.rejections()
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    if output_format == "jsonl":
        for rejection in rejections:
            click.echo(json.dumps(rejection, ensure_ascii=False, sort_keys=True))
        return
    click.echo(_table(rejections))


def _table(rejections: list[dict]) -> str:
    """A plain fixed-width table (stage, reason, location, detail), detail trimmed to fit a terminal."""
    if not rejections:
        return "no rejections"
    rows = [("STAGE", "REASON", "WHERE", "DETAIL")] + [
        (r["stage"], r["reason"], r["location"], (r["detail"] or "").replace("\n", " ")[:80]) for r in rejections
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3] for row in rows
    )
