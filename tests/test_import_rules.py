"""The import rules of docs/ARCHITECTURE.md, checked on the source: a module that imports
against them fails here, not in review."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(absolute module, names imported from it) for every import in `path`, at any depth."""
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, tuple(alias.name for alias in node.names)))
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}

# third-party package -> the hush modules (prefixes) that may import it
OWNERS = {
    "presidio_analyzer": ("pipeline.redact", "pipeline.doctor"),
    "presidio_anonymizer": (),
    "faster_whisper": ("pipeline.transcribe", "pipeline.doctor"),
    "torch": ("pipeline.diarize",),
    "resemblyzer": ("pipeline.diarize",),
    "distributed": ("pipeline.workers",),
    "dask": ("pipeline.workers",),
}
# hush modules at the bottom: they import no other hush module but these
FOUNDATION = {"pipeline.types": set(), "pipeline.errors": set(), "pipeline.config": {"pipeline.errors"}}


def test_the_rules_see_the_whole_package():
    assert len(MODULES) > 60 and "pipeline.redact.engine" in MODULES
    assert ("pipeline.redact.spoken", ("CodeRun", "tokens")) in _imports(MODULES["pipeline.redact.recognizers.phone"]) \
        or any(m == "pipeline.redact.spoken" for m, _ in _imports(MODULES["pipeline.redact.recognizers.phone"]))


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_a_library_is_imported_only_where_the_map_says(library):
    wrong = [name for name, path in MODULES.items() for module, _ in _imports(path)
             if module.split(".")[0] == library and not name.startswith(OWNERS[library] or ("-",))]
    assert wrong == []


def test_the_foundation_imports_nothing_above_it():
    for name, allowed in FOUNDATION.items():
        hush = {m for m, _ in _imports(MODULES[name]) if m.startswith("pipeline")}
        assert hush <= allowed, name


def test_nothing_imports_the_command_line():
    assert [name for name, path in MODULES.items() for m, _ in _imports(path)
            if m == "pipeline.cli" and name not in ("pipeline.__main__",)] == []


def test_no_private_name_is_imported_from_another_module():
    crossing = [f"{name}: {module}.{n}" for name, path in MODULES.items() for module, names in _imports(path)
                if module.startswith("pipeline") and module != name for n in names
                if n.startswith("_") and not n.startswith("__")]
    assert crossing == []
