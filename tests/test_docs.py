"""The README documents every CLI command and flag (sqlite-utils' docs-as-tests idea), and every
argument has help text, so `unico … --help` is complete."""
import argparse
import re
from pathlib import Path

import pytest

from app.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands(parser: argparse.ArgumentParser, path=()):
    """(command path, parser) for every leaf and group below `unico`."""
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from _commands(sub, (*path, name))


def _reference() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Command line reference")
    end = text.index("\n## ", start + 1)
    return text[start:end]


COMMANDS = list(_commands(build_parser()))


def test_readme_shows_the_two_setup_commands_first():
    text = README.read_text(encoding="utf-8")
    first_block = text[: text.index("## Screens")]
    assert "make run" in first_block and "make test" in first_block


@pytest.mark.parametrize("path,parser", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_and_flag_is_in_the_readme_reference(path, parser):
    ref = _reference()
    assert f"unico {' '.join(path)}" in ref, f"`unico {' '.join(path)}` is not documented"
    # the flags must appear in the paragraph that documents this command
    paragraph = "\n".join(
        block for block in re.split(r"\n(?=- `unico )", ref) if block.lstrip("- ").startswith(f"`unico {' '.join(path)}")
    )
    for action in parser._actions:  # noqa: SLF001
        for flag in action.option_strings:
            if flag in ("-h", "--help"):
                continue
            assert flag in paragraph, f"`unico {' '.join(path)}`: {flag} is not documented"


@pytest.mark.parametrize("path,parser", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_argument_has_help(path, parser):
    missing = [
        a.dest for a in parser._actions  # noqa: SLF001
        if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help  # noqa: SLF001
    ]
    assert missing == [], f"`unico {' '.join(path)} --help` lacks help for {missing}"
    assert parser.description or parser.format_usage(), path


def test_global_options_documented():
    ref = _reference()
    assert "--db PATH" in ref and "--version" in ref
