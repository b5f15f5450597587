"""Per-recognizer test tables (issue 3). A package, so its conftest never shadows tests/conftest.py."""
