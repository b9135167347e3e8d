"""The ``sitrep`` command line: a thin shell over the public functions of the package.

Each command lives in its own module in this package and registers itself on ``main``.
"""

from __future__ import annotations

import importlib

import click

COMMAND_MODULES = ("extract", "evaluate", "demo", "places", "dates", "ingest", "rejects", "explain")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: conflict events from news text, with who asserts what.

    \b
    Examples:
      sitrep demo
      sitrep extract article.txt --published 2016-09-22 --format json
      sitrep eval corpus/gold
    """


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{_name}":
            raise
        continue
    main.add_command(_module.command)
