"""``sitrep demo``: the main job on the bundled sample articles, into a small database, shown as a table."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

DEFAULT_DB = "sitrep-demo.db"


def sample_articles() -> Path:
    """The bundled sample articles (corpus/articles next to the package's src folder)."""
    import sitrep

    return Path(sitrep.__file__).resolve().parents[2] / "corpus" / "articles"


def publication_dates(articles: Path) -> dict[str, date]:
    """Each sample article's publication date, from the ``published`` field of its corpus/gold sidecar.

    The samples are plain text with no date line, so without this "on Tuesday" could not be resolved; a
    news feed or JSON Lines export would carry the same metadata. Missing or unreadable sidecars are skipped.
    """
    dates = {}
    for sidecar in sorted((articles.parent / "gold").glob("*.json")):
        try:
            published = json.loads(sidecar.read_text(encoding="utf-8")).get("published")
            dates[sidecar.stem] = date.fromisoformat(published)
        except (OSError, ValueError, TypeError, AttributeError):
            continue
    return dates


def ingest_samples(articles: Path, store):
    """Ingest every sample article with its own publication date; one summary for the whole run."""
    from ..ingest import IngestSummary, ingest

    dates = publication_dates(articles)
    total = IngestSummary()
    for path in sorted(p for p in articles.iterdir() if p.is_file() and not p.name.startswith(".")):
        part = ingest([str(path)], store, published=dates.get(path.stem))
        total.read += part.read
        total.ingested += part.ingested
        total.duplicates += part.duplicates
        total.near_duplicates += part.near_duplicates
        total.rejected.update(part.rejected)
    return total


@click.command(name="demo")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite database to write (created if missing; re-running adds nothing new).")
def command(db_path):
    """Extract events from the bundled sample articles into a database and print them per article.

    Runs the same steps as `sitrep ingest` (dedup, language check, extraction, storage) on the sample
    articles shipped with sitrep (each with its publication date from corpus/gold), then prints every stored event: type, date, place, actors, deaths and the
    status of each facet. Running it again stores nothing twice and prints the same table.

    \b
    Examples:
      sitrep demo
      sitrep demo --db /tmp/demo.db && sitrep explain <event id> --db /tmp/demo.db
    """
    from ..errors import StoreError
    from ..store import open_store
    from .formatting import LEGEND
    from .tables import stored_tables

    articles = sample_articles()
    if not articles.is_dir():
        raise click.ClickException(
            f"the sample articles are not at {articles}; the demo needs a source checkout of sitrep "
            "(run `sitrep ingest FOLDER --db PATH` on your own articles instead)"
        )
    try:
        with open_store(db_path) as store:
            summary = ingest_samples(articles, store)
            documents, events = store.documents(), store.events()
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(stored_tables(documents, events))
    click.echo(LEGEND)
    click.echo(f"{summary.line()}; {len(events)} events in {db_path}")
    click.echo(f"Why a value? sitrep explain EVENT_ID --db {db_path}")
