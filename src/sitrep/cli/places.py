"""``sitrep places``: list every place name in plain-text files, with the gazetteer entry each resolves to."""

from __future__ import annotations

import json

import click


def _record(path: str, toponym) -> dict:
    place = toponym.chosen
    return {
        "input": path,
        "start": toponym.start,
        "end": toponym.end,
        "text": toponym.text,
        "source": toponym.source,
        "name": place.name if place else None,
        "feature": toponym.feature,
        "country": place.country if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "gazetteer_id": place.gazetteer_id if place else None,
        "score": toponym.score,
        "candidates": len(toponym.candidates),
    }


@click.command("places")
@click.argument("paths", nargs=-1, required=True)
@click.option("--spacy/--no-spacy", "use_spacy", default=True, show_default=True,
              help="Parse with spaCy first (vetoes person/organisation names, adds its place entities).")
@click.option("--country", "country_hint", default=None, metavar="CC",
              help="ISO country code of the outlet, a weak prior for ambiguous names (e.g. SY).")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="JSON Lines for machines, an aligned table for people.")
@click.option("--field", "fields", multiple=True, metavar="NEW=OLD", help="JSON Lines field renaming, e.g. --field text=body.")
def command(paths: tuple[str, ...], use_spacy: bool, country_hint: str | None, output_format: str,
            fields: tuple[str, ...]) -> None:
    """Print every toponym in PATHS as JSON Lines; PATHS are what `sitrep extract` takes (text, HTML, WARC,
    JSON Lines, URLs, feeds, folders, or - for stdin). Offsets point into the input's text (for HTML, into
    its main text, as in `sitrep extract`); an input that cannot be read is named on stderr (exit 1).

    Each line holds the character offsets and text of one place name and the gazetteer entry chosen for it:
    name, feature, country, admin1/admin2, coordinates and ACLED precision.

    \b
    Examples:
      sitrep places article.txt
      echo "Shelling hit Deir Ezzor and Idlib province." | sitrep places - --no-spacy --format table
    """
    from ..resolve.toponyms import find_toponyms
    from .inputs import input_texts, report_skips

    skipped = []
    for item in input_texts(paths, fields):
        if item.text is None:
            skipped.append(f"{item.label}: {item.skipped}")
            continue
        path, text = item.label, item.text
        doc = None
        if use_spacy and text.strip():
            from ..nlp import parse

            doc = parse(text)
        for toponym in find_toponyms(text, doc, country_hint=country_hint):
            record = _record(path, toponym)
            if output_format == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                click.echo(_table_row(record))
    report_skips(skipped)


def _table_row(record: dict) -> str:
    where = ", ".join(part for part in (record["name"], record["admin1"], record["country"]) if part) or "?"
    point = f"{record['lat']:.3f},{record['lon']:.3f}" if record["lat"] is not None else "-"
    return (f"{record['start']:>6}-{record['end']:<6} {record['text'][:28]:<28} {where[:48]:<48} "
            f"{(record['feature'] or '-'):<10} {point}")
