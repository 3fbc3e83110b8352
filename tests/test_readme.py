"""The README's commands exist and say what they do; every command of the CLI is documented."""
import re
from pathlib import Path

from servers import free_port

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


def test_the_main_command_builds_and_serves(tmp_path):
    """Run the README's main command as written (on the already set-up checkout) and ask the endpoint."""
    import json
    import subprocess
    import time
    import urllib.parse
    import urllib.request

    port = free_port()
    process = subprocess.Popen(["bash", "scripts/run", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s a pg:Report }"})
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert json.load(response)["boolean"] is True
                    break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode("utf-8", "replace")
                assert time.monotonic() < deadline, "scripts/run did not serve within 120 s"
                time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=20)
