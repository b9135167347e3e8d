"""The public API: every name in __all__ resolves, and importing sitrep loads no model."""

from __future__ import annotations

import subprocess
import sys

import sitrep


def test_all_names_resolve():
    for name in sitrep.__all__:
        assert getattr(sitrep, name) is not None


def test_import_is_light():
    code = "import sys, sitrep; print('spacy' in sys.modules, 'sitrep.resolve.gazetteer' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "False"]
