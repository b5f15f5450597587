"""Every command and every option of `hush` says what it does in --help."""

import click
import typer
from typer.testing import CliRunner

from pipeline.cli import app


def _commands(group: click.Command, path: tuple[str, ...] = ("hush",)):
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, path + (name,))


def test_every_command_and_option_has_help_text():
    root = typer.main.get_command(app)
    commands = list(_commands(root))
    assert {path[1] for path, _ in commands if len(path) > 1} >= {"run", "batch", "watch", "redact", "summarize", "eval", "models"}
    missing = []
    for path, command in commands:
        if not (command.help or "").strip():
            missing.append(" ".join(path))
        for param in command.params:
            if not (getattr(param, "help", None) or "").strip():
                missing.append(f"{' '.join(path)} {param.opts[0] if param.opts else param.name}")
    assert missing == []


def test_every_command_lists_its_options_in_help():
    runner = CliRunner()
    for path, command in _commands(typer.main.get_command(app)):
        result = runner.invoke(app, [*path[1:], "--help"])
        assert result.exit_code == 0, path
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.opts[0] in result.stdout, (path, param.opts[0])
