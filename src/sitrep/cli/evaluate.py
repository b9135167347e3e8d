"""``sitrep eval``: precision, recall and F1 per facet against a folder of gold files."""

from __future__ import annotations

import json

import click


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--details", is_flag=True, help="Also list, per article, the gold events missed and the events not in gold.")
def command(gold_dir, output_format, details):
    """Score extraction on the articles named by GOLD_DIR's gold files (format: docs/gold-format.md).

    \b
    Example:
      sitrep eval corpus/gold
    """
    from ..evaluate import evaluate, format_scores

    scores = evaluate(gold_dir)
    if output_format == "json":
        click.echo(json.dumps({"articles": scores.articles, "facets": scores.as_dict(), "details": scores.details if details else []}, indent=2))
        return
    click.echo(format_scores(scores))
    if details:
        for item in scores.details:
            if item["missed"] or item["spurious"]:
                click.echo(f"\n{item['article']}: missed {item['missed']}")
                for summary in item["spurious"]:
                    click.echo(f"   not in gold: {summary}")
