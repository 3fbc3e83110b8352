"""The seed's export, byte for byte: a refactoring must leave it as it was.

When a change is meant to change the seed's graph, say what changed and why in its commit, and store the new
digests with:  .venv/bin/python tests/store/test_export_digest.py
"""
import hashlib
import sys
from pathlib import Path

import pytest

from plangraph.store.export import serialize
from plangraph.store.formats import by_name

DIGESTS = Path(__file__).with_name("seed-export.sha256")


def stored() -> dict[str, str]:
    lines = DIGESTS.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


@pytest.mark.parametrize("name", sorted(stored()))
def test_the_seed_exports_byte_for_byte_as_stored(seed_store, name):
    digest = hashlib.sha256(serialize(seed_store, by_name(name))).hexdigest()
    assert digest == stored()[name], (f"The seed's {name} export changed. If that is meant, say why in the "
                                      "commit and run '.venv/bin/python tests/store/test_export_digest.py'.")


if __name__ == "__main__":  # store the digests of today's export
    from plangraph.read.report import read_report
    from plangraph.store.build import build_store
    seed = Path(__file__).resolve().parents[2] / "data" / "reports" / "wuchang-2021-h1.txt"
    store = build_store([read_report(seed)]).store
    DIGESTS.write_text("".join(f"{hashlib.sha256(serialize(store, by_name(n))).hexdigest()}  {n}\n"
                               for n in sorted(stored())), encoding="utf-8")
    sys.exit(0)
