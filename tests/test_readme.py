"""The README's commands exist and say what they do; every command of the CLI is documented."""
import re
from pathlib import Path

from plangraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_two_setup_commands_are_in_the_readme_and_exist():
    assert "    bash scripts/run --port 8000\n" in README
    assert "    bash scripts/test\n" in README
    for script in ("scripts/run", "scripts/test"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert text.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in text
    assert "pip install" in (ROOT / "scripts/run").read_text(encoding="utf-8")
    assert "plangraph serve" in (ROOT / "scripts/run").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^bash scripts/test$", ci, re.M)


def test_every_command_is_documented():
    for name in main.commands:
        assert f"`plangraph {name}" in README, f"plangraph {name} is not in the README"
