"""``python -m sitrep``: the same command line as the ``sitrep`` script."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="sitrep")
