"""Adapters that run sitrep over the shared gold datasets and score the output with the shared scorers.

Each adapter reads ``<shared>/data/...``, writes a prediction file in the format its scorer documents, runs the
scorer in a subprocess and returns the scorer's numbers. Nothing from the shared folder is copied here.
"""
